/**
 * The rule base. Each rule models a legal concept (who may create a permit, what counts as a disguised permit, which
 * sanctions are penalties, …) rather than a sentence, and cites the superior provision it enforces (basis.ts).
 * Exceptions handled across rules: a citation of a superior instrument covers the measures of its sentence
 * (依照《…》第X条的规定…) unless a segment escalates beyond it (并一律…); negations (不得、无需、不再…) scoped to
 * the comma segment; 不作为前置条件 / 自愿; 鼓励 rather than 必须; open to every firm on objective criteria.
 *
 * Configurable numbers (validity periods, review and comment periods) are exported in ENGINE_LIMITS; the ones
 * law-rules.md marks UNVERIFIED say so in their basis note.
 */
import type { FindingType, ReviewDocKind } from '../../../../common/contracts/legality-review-engine';
import { type BasisRef, LAW } from './basis';
import { type Span, sentences } from './split';
import { DATE_RE, NUM, type Ymd, coveredByBasis, dayNumber, hasCitation, inViolationCondition, negatedAt, notAPrecondition, parseNumber, segmentAt } from './text-util';

export const ENGINE_LIMITS = {
  /** normative documents: normally at most 5 years (local rules; UNVERIFIED for Beijing) */
  validityMaxYears: 5,
  /** 暂行 / 试行: normally at most 2 years (UNVERIFIED) */
  provisionalMaxYears: 2,
  /** public comment: at least 30 days (优化营商环境条例 Art. 62; 重大行政决策程序暂行条例 Art. 15) */
  commentMinDays: 30,
  /** legality review of a major decision: normally at least 7 working days (重大行政决策程序暂行条例 Art. 26) */
  decisionReviewMinWorkingDays: 7,
  /** legality review of a normative document: normally at least 5 working days (国办发〔2018〕115号, UNVERIFIED) */
  documentReviewMinWorkingDays: 5,
};

/** Which limits are statutory and which are configurable local practice (law-rules.md marks them UNVERIFIED). */
export const ENGINE_LIMIT_INFO: Record<keyof typeof ENGINE_LIMITS, { label: string; basis: string; unverified: boolean; env?: string }> = {
  validityMaxYears: { label: '行政规范性文件有效期上限（年）', basis: '地方行政规范性文件管理规定', unverified: true, env: 'FAZHI_LEGALITY_VALIDITY_YEARS' },
  provisionalMaxYears: { label: '“暂行”“试行”文件有效期上限（年）', basis: '地方行政规范性文件管理规定', unverified: true, env: 'FAZHI_LEGALITY_PROVISIONAL_YEARS' },
  commentMinDays: { label: '公开征求意见最短期限（日）', basis: '重大行政决策程序暂行条例第十五条；优化营商环境条例第六十二条', unverified: false },
  decisionReviewMinWorkingDays: { label: '重大行政决策合法性审查最短时间（工作日）', basis: '重大行政决策程序暂行条例第二十六条', unverified: false },
  documentReviewMinWorkingDays: { label: '规范性文件合法性审核最短时间（工作日）', basis: '国办发〔2018〕115号', unverified: true, env: 'FAZHI_LEGALITY_DOC_REVIEW_DAYS' },
};

/** Sets the configurable (UNVERIFIED) limits from configuration; the statutory ones stay fixed. */
export function configureEngineLimits(l: { validityMaxYears?: number; provisionalMaxYears?: number; documentReviewMinWorkingDays?: number }): void {
  if (l.validityMaxYears) ENGINE_LIMITS.validityMaxYears = l.validityMaxYears;
  if (l.provisionalMaxYears) ENGINE_LIMITS.provisionalMaxYears = l.provisionalMaxYears;
  if (l.documentReviewMinWorkingDays) ENGINE_LIMITS.documentReviewMinWorkingDays = l.documentReviewMinWorkingDays;
}

export interface RuleContext {
  /** the clause text */
  text: string;
  docKind: ReviewDocKind;
  /** the document is 暂行 / 试行 (from its title or any clause naming it so) */
  provisional: boolean;
  sents: Span[];
}

export interface RuleHit {
  /** offsets within the clause */
  start: number;
  end: number;
  types?: FindingType[];
  explanation?: string;
  confidence?: number;
}

export interface Rule {
  id: string;
  title: string;
  types: FindingType[];
  basis: BasisRef[];
  explanation: string;
  confidence: number;
  check(ctx: RuleContext): RuleHit[];
}

interface PatternDef {
  id: string;
  title: string;
  types: FindingType[];
  basis: BasisRef[];
  explanation: string;
  confidence: number;
  re: RegExp;
  /** skip a match negated in its segment (default true) */
  negation?: boolean;
  /** skip a match covered by a superior citation in its sentence (default true) */
  cover?: boolean;
  /** skip when the clause says the thing is voluntary / not a precondition (default false) */
  precondition?: boolean;
  skip?: (sent: string, m: RegExpExecArray, ctx: RuleContext) => boolean;
  refine?: (sent: string, m: RegExpExecArray, ctx: RuleContext) => Partial<RuleHit>;
}

const b = (instrument: string, article: string): BasisRef => ({ instrument, article });

function patternRule(d: PatternDef): Rule {
  const re = new RegExp(d.re.source, d.re.flags.includes('g') ? d.re.flags : `${d.re.flags}g`);
  return {
    id: d.id,
    title: d.title,
    types: d.types,
    basis: d.basis,
    explanation: d.explanation,
    confidence: d.confidence,
    check(ctx) {
      if (d.precondition && notAPrecondition(ctx.text)) return [];
      const hits: RuleHit[] = [];
      for (const s of ctx.sents) {
        re.lastIndex = 0;
        for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          if (d.negation !== false && negatedAt(s.text, m.index)) continue;
          if (d.cover !== false && coveredByBasis(s.text, m.index)) continue;
          if (d.negation !== false && inViolationCondition(s.text, m.index)) continue;
          if (d.skip?.(s.text, m, ctx)) continue;
          hits.push({ start: s.start, end: s.end, ...d.refine?.(s.text, m, ctx) });
          break;
        }
      }
      return hits;
    },
  };
}

// ——— permits (行政许可法 Arts. 14–17; 优化营商环境条例 Art. 39: no disguised permits) ———
const PERMIT_BASIS = [LAW.permit17, LAW.permit14, LAW.permit15, LAW.bizEnv39];
const GATE = '(?:后)?(?:方可|方能|才能|才可|始得|方准)';
/** a government gatekeeper's act */
const APPROVE = '(?:审批|批准|核准|审核同意|审查同意|同意|认定|验收合格|检验合格|检测合格|审定|评估合格|评审|审核通过|核发|考核合格|考试合格|培训合格|鉴定合格)';
const PERMIT_DOC = '(?:许可证|准入证|准用证|准营证|准运证|经营证|资格证|上岗证|合格证|核准证|批准书|批准文件|备案回执|登记证明|登记证|备案证明|准予[^。；，]{0,6}证)';

const permitRules: Rule[] = [
  patternRule({
    id: 'permit.approval-gate',
    title: '以审批、同意、认定、验收为从事活动的前提（设定或变相设定行政许可）',
    types: ['permit'],
    basis: PERMIT_BASIS,
    explanation: '条款要求经行政机关审批、同意、认定或验收后方可从事特定活动，实质是设定行政许可；行政规范性文件不得设定行政许可（行政许可法第十七条），亦不得以备案、登记、认定、年检等形式变相设定（优化营商环境条例第三十九条）。',
    confidence: 0.9,
    precondition: true,
    re: new RegExp(`(?:须|应当|必须|需|需要|先)?(?:报经|经|报请|报|取得)[^。；]{0,30}${APPROVE}[^。；]{0,30}${GATE}|报经[^。；，]{0,20}(?:审批|批准|同意)|未经[^。；，]{0,25}(?:批准|审批|许可|核准|同意|认定)[^。；]{0,4}[，,]?[^。；]{0,6}(?:不得|禁止)|未(?:取得|办理)[^。；，]{0,20}(?:许可证|准入证|准营证|资格证|批准文件|审批手续|备案回执)[^。；]{0,4}[，,]?[^。；]{0,6}(?:不得|禁止)`, 'u'),
    negation: false,
    skip: (sent, m) => /营业执照|依法(?:取得|办理|批准)/u.test(m[0]) || /法律、?(?:行政)?法规依据|国务院批准|除[^。；]{0,60}外/u.test(sent) || /^(?:决策|草案|文件|本办法|规范性文件)/u.test(sent) || /(?:草案|决策|规范性文件|本办法|方案)[^。；]{0,20}(?:审议|讨论|审查|审核)/u.test(m[0]),
  }),
  patternRule({
    id: 'permit.licence-document',
    title: '要求取得许可证、准入证等证照（设定行政许可）',
    types: ['permit'],
    basis: PERMIT_BASIS,
    explanation: '条款要求先取得行政机关核发的证照方可从事活动，属于设定行政许可；区、县政府及其部门的行政规范性文件无权设定（行政许可法第十四条至第十七条）。',
    confidence: 0.9,
    precondition: true,
    re: new RegExp(`(?:(?:须|应当|必须|需|事先|先行|先)取得|取得)[^。；]{0,25}${PERMIT_DOC}|凭[^。；，]{0,10}(?:登记证明|备案回执|备案证明|登记证)[^。；]{0,8}(?:申请|办理)`, 'u'),
    skip: (_s, m) => /营业执照/u.test(m[0]) && !/凭/u.test(m[0]),
  }),
  patternRule({
    id: 'permit.filing-as-approval',
    title: '备案即审批、登记作前置（变相许可）',
    types: ['permit'],
    basis: PERMIT_BASIS,
    explanation: '备案、登记本应是事后告知，条款却以备案审核同意或取得备案、登记凭证作为开展活动的前提，构成“备案即审批”的变相行政许可（优化营商环境条例第三十九条；行政许可法第十七条）。',
    confidence: 0.88,
    precondition: true,
    re: new RegExp(`(?:备案|登记|注册)[^。；]{0,20}(?:审核|审查|同意|核准|回执|证明)[^。；]{0,20}${GATE}|(?:办理|进行)[^。；，]{0,10}(?:备案|登记)[^。；]{0,10}${GATE}`, 'u'),
  }),
  patternRule({
    id: 'permit.annual-inspection',
    title: '年检、年审、年度审验（变相许可）',
    types: ['permit'],
    basis: PERMIT_BASIS,
    explanation: '条款设立年检、年审或年度审验并以其结果限制经营活动，属于以年检形式变相设定行政许可（优化营商环境条例第三十九条；行政许可法第十七条）。',
    confidence: 0.85,
    re: /年检|年审|年度(?:审验|检验|审核|验证|核验)/u,
  }),
  patternRule({
    id: 'permit.qualification',
    title: '资质、资格认定管理（变相许可）',
    types: ['permit'],
    basis: PERMIT_BASIS,
    explanation: '条款对从事某项业务设置资质或资格认定，认定合格方可经营，属于设定行政许可；没有法律、法规依据的认定、认证同样不得设立（优化营商环境条例第三十九条；行政许可法第十七条）。',
    confidence: 0.88,
    precondition: true,
    re: /(?:资质|资格|准入)(?:认定|审核|审定|核准|审批|认证)|实行[^。；，]{0,10}(?:准入|认定|认证|核准|审批|许可)(?:管理|制度)/u,
    // 对实行行政许可管理的事项… refers to existing permits
    skip: (sent, m) => sent[m.index + m[0].length] === '的' || /依法(?:实行|设定)|法律、?(?:行政)?法规(?:规定|设定)/u.test(sent),
  }),
];

// ——— penalties (行政处罚法 Arts. 9, 14, 16) ———
const PENALTY_BASIS = [LAW.penalty16, LAW.penalty9, LAW.penalty14];
const NO_PENALTY_POWER = /(?:街道办事处|居民委员会|村民委员会|居委会|村委会|物业服务企业|行业协会|社区)/u;
const penaltyRefine = (sent: string, m: RegExpExecArray): Partial<RuleHit> => {
  const seg = segmentAt(sent, m.index);
  const who = sent.slice(Math.max(0, seg.start - 30), m.index + m[0].length);
  return /由[^。；，]{0,12}(?:街道办事处|居民委员会|村民委员会|居委会|村委会|物业服务企业|行业协会|社区)/u.test(who) || NO_PENALTY_POWER.test(seg.text.slice(0, m.index - seg.start))
    ? { types: ['penalty', 'authority'], explanation: '条款设定行政处罚，且由不享有行政处罚权的主体实施：行政规范性文件不得设定行政处罚（行政处罚法第十六条），亦不得自行赋予其他主体处罚权。' }
    : {};
};
const penaltySkip = (sent: string) => /依法(?:予以|给予|处以?|处理|查处|追究)|裁量基准|处罚种类和幅度(?:范围)?内|规定的(?:处罚)?种类和幅度|不予(?:行政)?处罚|从轻|减轻/u.test(sent);
const penaltyRules: Rule[] = [
  patternRule({
    id: 'penalty.fine',
    title: '设定罚款',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '条款自行设定罚款，未援引设定该处罚的法律、法规或规章；除法律、法规、规章外，其他规范性文件不得设定行政处罚（行政处罚法第十六条）。',
    confidence: 0.92,
    re: new RegExp(`予以罚款|(?:处以?|并处|罚款)[^。；]{0,25}罚款|(?:处以?|并处)${NUM}(?:元|万元)|罚款${NUM}(?:元|万元)|罚款[^。；，]{0,4}${NUM}`, 'u'),
    skip: (sent, m) => penaltySkip(sent) || /加处罚款/u.test(sent.slice(Math.max(0, m.index - 2), m.index + m[0].length + 2)),
    refine: penaltyRefine,
  }),
  patternRule({
    id: 'penalty.confiscate-revoke',
    title: '设定没收、吊销、降低资质等级',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '没收违法所得或非法财物、吊销许可证件、降低资质等级均为行政处罚（行政处罚法第九条），行政规范性文件不得设定（同法第十六条）。',
    confidence: 0.9,
    re: /没收|没收其|暂扣[^。；，]{0,6}(?:许可证|执照|证照|证件|驾驶证|资格证)|吊销[^。；，]{0,12}(?:许可证|执照|证书|证件|资格)|降低资质等级|撤销[^。；，]{0,6}资质/u,
    skip: penaltySkip,
    refine: penaltyRefine,
  }),
  patternRule({
    id: 'penalty.suspend-business',
    title: '设定责令停产停业、停业整顿、关闭',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '责令停产停业、责令关闭、限制开展生产经营活动属于行政处罚（行政处罚法第九条），行政规范性文件不得设定或在法律规定之外加码（同法第十六条）。',
    confidence: 0.9,
    re: /责令(?:其)?(?:停产停业|停产|停业|停工|关闭|停止营业|停止经营)|停业整顿|停产整顿|停工整改|限制(?:开展)?生产经营/u,
    skip: penaltySkip,
    refine: penaltyRefine,
  }),
  patternRule({
    id: 'penalty.detention-reputation',
    title: '设定拘留、警告、通报批评等声誉罚',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '警告、通报批评（含公开曝光等声誉罚）和行政拘留均为行政处罚的种类（行政处罚法第九条），行政规范性文件不得设定（同法第十六条）。',
    confidence: 0.88,
    re: /行政拘留|(?:处以?|予以)拘留|通报批评|(?:予以|处以?|给予)警告|公开曝光|予以曝光|曝光台/u,
    skip: penaltySkip,
    refine: penaltyRefine,
  }),
  patternRule({
    id: 'penalty.disqualification',
    title: '设定限制从业、暂停投标资格等资格罚',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '以暂停或取消投标、承接项目资格、限制从业作为对违法违规行为的制裁，属于“限制开展生产经营活动、限制从业”类行政处罚（行政处罚法第九条），行政规范性文件不得设定（同法第十六条）。',
    confidence: 0.85,
    re: /(?:暂停|取消|限制|不得)[^。；]{0,20}(?:投标|招投标|招标投标|政府采购|承接[^。；，]{0,8}项目|从业)(?:资格|活动)?|(?:暂停|取消|限制)[^。；，]{0,12}(?:营运|经营|执业|上岗|营业)(?:资格|权|活动)|年内不得(?:从事|经营|担任|承接)/u,
    negation: false,
    skip: (sent, m) => penaltySkip(sent) || !/(?:的[，,]|不合格|记分|违反|拒不|未按|失信)/u.test(sent.slice(0, m.index)) || /注册地|所在地|所有制|不得(?:限制|排斥|禁止|歧视|拒绝)/u.test(sent) || negatedAt(sent, m.index, 6),
  }),
  patternRule({
    id: 'penalty.disguised-fine',
    title: '以违约金、按日计罚等名义变相罚款',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '行政机关对管理对象收取“违约金”、扣缴保证金或按日连续计罚，实质是对违反行政管理秩序行为的罚款（行政处罚法第二条、第九条），行政规范性文件不得设定（同法第十六条）；按日连续处罚只能由法律规定。',
    confidence: 0.85,
    re: new RegExp(`(?:支付|缴纳|承担|收取|处以?|计收|交纳)[^。；，]{0,10}违约金|按日(?:连续)?(?:处罚|计罚|罚款)|每日[^。；，]{0,10}(?:罚款|计罚)|(?:扣除|扣缴|没收|罚没)[^。；，]{0,8}(?:保证金|押金)`, 'u'),
    skip: (sent) => penaltySkip(sent) || /民法典|合同约定|双方约定/u.test(sent),
  }),
  patternRule({
    id: 'penalty.change-standards',
    title: '授权调整处罚标准',
    types: ['penalty', 'authority'],
    basis: [LAW.penalty16, LAW.penalty14, LAW.gb37],
    explanation: '条款授权部门自行调整处罚种类、幅度或标准，等于由规范性文件设定行政处罚并超越职权（行政处罚法第十四条、第十六条）。',
    confidence: 0.85,
    re: /(?:调整|变更|提高|降低|修改|增加)[^。；，]{0,8}(?:处罚|罚款)(?:标准|幅度|种类|数额|金额)|(?:处罚|罚款)(?:标准|幅度|种类|数额|金额)[^。；]{0,6}(?:作出|进行)?(?:调整|变更)/u,
  }),
];

// ——— coercion (行政强制法 Arts. 9, 10, 13, 29, 45) ———
const coercionRules: Rule[] = [
  patternRule({
    id: 'coercion.measure',
    title: '设定查封、扣押、冻结等行政强制措施',
    types: ['coercion'],
    basis: [LAW.coercion10, LAW.coercion9],
    explanation: '查封场所设施财物、扣押财物、冻结存款汇款等行政强制措施只能由法律、法规设定，法律、法规以外的其他规范性文件不得设定（行政强制法第九条、第十条）。',
    confidence: 0.9,
    re: /查封|扣押|查扣|封停|封闭[^。；，]{0,4}(?:场所|经营场所|店铺|门店)|暂扣(?![^。；，]{0,6}(?:许可证|执照|证照|证件|驾驶证|资格证))|封存|扣留|冻结|先行登记保存|强制(?:隔离|检查|带离|收回|清除|收缴)|采取[^。；，]{0,10}强制措施|强行(?:进入|带离|拆除|清除|扣)/u,
    skip: (sent) => /申请人民法院|移送|司法机关|依法(?:予以|采取|实施)/u.test(sent),
    refine: (sent, m) =>
      /冻结/u.test(m[0]) && /(?:存款|汇款|账户|资金)/u.test(sent) && !/(?:法律规定的|人民银行|法院)/u.test(sent)
        ? { types: ['coercion', 'authority'], explanation: '冻结存款、汇款只能由法律规定的行政机关实施，其他任何行政机关或者组织不得冻结（行政强制法第二十九条）；行政规范性文件亦不得设定行政强制措施（同法第十条）。' }
        : {},
  }),
  patternRule({
    id: 'coercion.enforcement',
    title: '设定强制执行（强制拆除、加处罚款、停水停电等）',
    types: ['coercion'],
    basis: [LAW.coercion13, LAW.coercion45],
    explanation: '行政强制执行（强制拆除、加处罚款或滞纳金、停止供水供电等）只能由法律设定（行政强制法第十三条），加处罚款须有法律依据（同法第四十五条）；行政规范性文件不得设定。',
    confidence: 0.9,
    re: /强制(?:拆除|执行|搬迁|划拨|腾退|清理)|加处罚款|滞纳金|停止(?:供水|供电|供气|供热)|断水|断电|代履行|代为(?:拆除|清除|履行)|(?:可以|有权|直接|即行|立即)(?:拆除|清除|清运|拖移|拖离|断开)/u,
    skip: (sent) => /申请人民法院|人民法院强制执行|移送/u.test(sent),
  }),
];

// ——— obligations and reduced rights (立法法 Arts. 91, 93; 国办发〔2018〕37号; 优化营商环境条例 Art. 64) ———
const OBLIGATION_BASIS = [LAW.legislation93, LAW.legislation91, LAW.bizEnv64, LAW.gb37];
const obligationRules: Rule[] = [
  patternRule({
    id: 'obligation.deposit-fee',
    title: '收取押金、保证金或设定收费',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款要求缴纳押金、保证金或设定收费项目，没有法律、法规依据增加了公民、法人和其他组织的义务（立法法第九十三条；国办发〔2018〕37号）。',
    confidence: 0.88,
    re: /(?:交纳|缴纳|缴存|收取|预交|交存|缴付|交付|支付)[^。；，]{0,15}(?:押金|保证金|风险金|抵押金|费|集资)/u,
    skip: (sent, m) => /(?:所|未|已)$/u.test(sent.slice(0, m.index)) || /社会保险|税|依法|有关规定|按照规定|适当|纠纷|政府定价|价格主管|行政事业性收费目录|自愿|物业服务合同|合同约定|物业费|水费|电费|燃气费|供热费|罚款|违约金|国家规定|规定的标准|收费标准缴纳|替代|退还|减免|清理|规范/u.test(sent),
  }),
  patternRule({
    id: 'obligation.family-link',
    title: '株连家庭成员',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款因当事人的行为限制其子女、配偶等家庭成员的入学、就业、政审等权利，没有法律依据减损他人合法权益（立法法第九十三条；国办发〔2018〕37号关于不得侵犯受教育权、劳动权等基本权利）。',
    confidence: 0.9,
    re: /(?:子女|配偶|父母|近亲属|家属|亲属|家庭成员)[^。；]{0,30}(?:限制|一票否决|取消|不予|暂停|不得(?:报考|入学|录用|参军))|限制其(?:子女|配偶|近亲属|家属|家庭成员)/u,
  }),
  patternRule({
    id: 'obligation.unrelated-sanction',
    title: '以暂停办理、停发待遇等方式增设惩戒',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款以暂停办理登记、停发待遇、限制享受公共服务等方式惩戒当事人，没有法律、法规依据减损其合法权益或增加义务（立法法第九十三条；优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.85,
    re: /(?:暂停|停止|中止|不予|停发|取消|限制)(?:为其|其|对其)?(?:办理|发放|享受|申领|入学|就业|出行|乘坐|高消费|参评|评优)|停发[^。；，]{0,8}(?:保险金|补贴|待遇|津贴|救助金)|一票否决/u,
    skip: (sent, m) => {
      const cond = sent.slice(0, m.index);
      if (/依法(?:予以|实施)|失信被执行人/u.test(sent)) return true;
      // a refusal for incomplete material or unmet conditions is ordinary administration, not a sanction
      if (/^不予/u.test(m[0])) return !/(?:拖欠|拒不|拒绝|失信|欠缴|不配合)/u.test(cond);
      return !/(?:拖欠|拒不|拒绝|未参加|不参加|未履行|不履行|不配合|失信|欠缴|违反|未按|不按|逾期|涉黑|涉恶|犯罪|上访|信访|缠访|闹访|越级访|阻挠|阻碍|不服从)/u.test(cond);
    },
  }),
  patternRule({
    id: 'obligation.blacklist',
    title: '自设黑名单、失信惩戒',
    types: ['obligation'],
    basis: [...OBLIGATION_BASIS],
    explanation: '条款自行设定“黑名单”或失信惩戒措施；失信惩戒措施应当依照法律、法规或者党中央、国务院政策文件实施，不得擅自增设（立法法第九十三条；国办发〔2018〕37号）。',
    confidence: 0.82,
    re: /(?:列入|纳入|记入)[^。；，]{0,12}(?:黑名单|失信(?:名单|主体|惩戒)|不良(?:信用)?记录名单)|(?:实施|采取)[^。；，]{0,6}联合惩戒/u,
    skip: (sent) => /依法|依照|按照[^。；]{0,20}(?:规定|清单)|信用修复|告知/u.test(sent),
  }),
  patternRule({
    id: 'obligation.retroactive',
    title: '溯及既往',
    types: ['obligation'],
    basis: [LAW.legislation93, b104()],
    explanation: '条款要求对本文件施行前已经发生或已经处理的事项按新规定重新处理，违反不溯及既往原则，减损当事人合法权益（立法法第一百零四条；国办发〔2018〕37号）。',
    confidence: 0.88,
    re: /(?:施行|实施|生效|发布|印发)(?:之日)?(?:以)?前[^。]{0,40}(?:按照|依照|适用|参照)本(?:规定|办法|细则|意见|方案|决定)|(?:施行|实施)(?:之日)?(?:以)?前[^。]{0,30}(?:同样|一并|也)适用|(?:重新处理|重新作出|溯及)[^。；]{0,10}(?:按照本|适用本)?/u,
    skip: (sent) => /有利于|从轻|从旧/u.test(sent) || !/(?:施行|实施|生效)(?:之日)?(?:以)?前|此前|已作出|已经作出/u.test(sent),
  }),
  patternRule({
    id: 'obligation.compelled',
    title: '强制参加劳动、强制购买',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款没有法律依据要求公民参加公益劳动或统一购买指定商品、服务，增加了义务（立法法第九十三条；国办发〔2018〕37号）。',
    confidence: 0.85,
    re: /(?:须|应当|必须|需)[^。；]{0,12}(?:公益劳动|义务劳动|无偿劳动)|(?:统一|强制|一律)(?:购买|投保|订购|安装)|(?:须|应当|必须)[^。；，]{0,6}(?:购买|安装|使用|选用|采购)[^。；，]{0,10}指定/u,
    skip: (sent) => /鼓励|自愿/u.test(sent),
    refine: (sent) => (/指定|统一/u.test(sent) ? { types: ['obligation', 'competition'] } : {}),
  }),
  patternRule({
    id: 'obligation.extra-duty',
    title: '增设承诺、入会、摊派、无偿提供等义务',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款没有法律、法规依据要求签订承诺书或责任书作为前提、强制加入协会、摊派捐赠赞助或无偿提供财物服务，或以户籍限制权利，增加了公民、法人和其他组织的义务（立法法第九十三条；优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.8,
    re: /(?:签订|签署|作出|出具)[^。；，]{0,12}(?:承诺书|责任书|保证书)[^。；]{0,20}(?:方可|后方|否则)|(?:须|应当|必须)(?:加入|参加)[^。；，]{0,10}(?:协会|商会|联盟)|摊派|强制捐赠|(?:须|应当|必须)[^。；，]{0,6}(?:捐款|赞助)|(?:须|应当|必须)(?:无偿|免费)(?:提供|出让|让渡|服务)|(?:提供|出具)[^。；，]{0,6}(?:担保|反担保|保函)[^。；]{0,10}(?:方可|后方|否则)|放弃[^。；，]{0,10}(?:权利|诉讼|复议|申诉|补偿|追偿)|(?:承担|负)连带(?:责任|赔偿责任)|(?:非本(?:市|区|县|地)户籍|外地户籍|户籍不在本)[^。；]{0,20}(?:不得|不予|不能|不享受|限制)/u,
    skip: (sent) => /鼓励|自愿|不得(?:摊派|强制)|有权拒绝|民法典|依照|依法/u.test(sent),
  }),
  patternRule({
    id: 'obligation.remedy-or-compensation',
    title: '限制救济权利、不予补偿',
    types: ['obligation'],
    basis: [LAW.legislation93, b('中华人民共和国行政复议法', '第二条'), b('中华人民共和国行政诉讼法', '第二条'), LAW.gb37],
    explanation: '申请行政复议、提起行政诉讼和依法获得补偿是法定权利，规范性文件不得排除或限制（行政复议法第二条；行政诉讼法第二条；立法法第九十三条关于不得减损权利）。',
    confidence: 0.82,
    negation: false,
    re: /(?:不得|不能|不予受理)[^。；，]{0,6}(?:申请行政复议|提起(?:行政)?诉讼|申诉|申请复议)|为最终(?:决定|裁决|处理)|(?:逾期|拒不|未按)[^。；]{0,20}不予(?:补偿|安置|赔偿)|(?:公布|公开|曝光)[^。；，]{0,10}(?:姓名|身份证号|住址|照片|家庭住址)/u,
    skip: (sent) => /依照|依据|法律规定|依法/u.test(sent),
  }),
  patternRule({
    id: 'obligation.licence-condition',
    title: '为办理许可增设条件、材料',
    types: ['obligation'],
    basis: [...OBLIGATION_BASIS, LAW.permit16],
    explanation: '条款为申请行政许可或登记增设法定条件以外的材料、承诺或前置手续，没有法律依据增加申请人义务（行政许可法第十六条第四款；国办发〔2018〕37号：不得增设办理许可的条件）。',
    confidence: 0.8,
    re: /(?:申请|办理)[^。；，]{0,12}(?:许可|执照|登记|审批)(?:证)?(?:前|时|之前)[^。；]{0,12}(?:应当|须|必须)[^。；]{0,30}(?:提交|提供|取得|签订|出具)/u,
  }),
];
function b104(): BasisRef {
  return { instrument: '中华人民共和国立法法', article: '第一百零四条' };
}

// ——— certificates (国办发〔2018〕47号; 国办发〔2018〕37号) ———
const ISSUER = '(?:村民委员会|居民委员会|村[（(]居[)）]委会|村委会|居委会|社区|派出所|公安|所在单位|工作单位|原单位|单位|街道办事处|乡镇人民政府|人民政府|部门|局|机关|协会|商会)';
const PROOF_NOUN = '(?:计划生育|婚育|生育|生存|无犯罪记录|无犯罪|婚姻状况|未婚|单身|亲属关系|家庭关系|收入|居住|无房|住房困难|无违法|无违章|无欠税|良好行为|在职|就业|失业|贫困|低保|健康状况|出生|死亡|独生子女|无业|经营状况)(?:状况)?证明';
const certificateRules: Rule[] = [
  patternRule({
    id: 'certificate.named-proof',
    title: '要求提交生存、亲属关系、无犯罪记录等证明',
    types: ['certificate'],
    basis: [LAW.gb47, LAW.gb37],
    explanation: '条款要求申请人自行提交生存、婚姻、亲属关系、收入、无违法犯罪等证明；这类事项应当通过部门数据共享、核查或告知承诺解决，没有法律法规依据的证明事项应当取消（国办发〔2018〕47号；国办发〔2018〕37号：不得要求提供循环证明、重复证明、无谓证明）。',
    confidence: 0.84,
    re: new RegExp(`(?:提交|提供|出具|开具|持|附)[^。；]{0,20}${PROOF_NOUN}|(?:村民委员会|居民委员会|村委会|居委会|社区|所在单位|工作单位|派出所)[^。；，]{0,10}(?:盖章|签章|签字)(?:确认|证明)`, 'u'),
    skip: (sent) => /共享|核验|核查|告知承诺|无需|无须|不再|不得要求|免于提交/u.test(sent) && !/仍(?:应当|须|需)/u.test(sent),
  }),
  patternRule({
    id: 'certificate.third-party-proof',
    title: '要求提交其他单位出具的证明（循环、重复、无谓证明）',
    types: ['certificate'],
    basis: [LAW.gb47, LAW.gb37],
    explanation: '条款要求申请人提交村（居）委会、派出所、所在单位或其他部门出具的证明；没有法律法规依据的证明事项应当取消，能够通过数据共享、部门核查或告知承诺解决的不得要求群众提供（国办发〔2018〕47号；国办发〔2018〕37号：不得要求提供循环证明、重复证明、无谓证明）。',
    confidence: 0.88,
    re: new RegExp(`(?:提交|提供|出具|开具|持)[^。；]{0,30}${ISSUER}[^。；，]{0,6}(?:出具|开具)的?[^。；]{0,24}(?:证明|介绍信)|(?:出具|开具|提供|提交)[^。；，]{0,10}介绍信`, 'u'),
    skip: (sent) => /共享|核验|核查|告知承诺|无需|不再/u.test(sent) && !/仍(?:应当|须|需)/u.test(sent),
    refine: (sent) => (/分别出具|凭[^。；]{0,20}出具|各一份/u.test(sent) ? { explanation: '条款要求多个单位分别或相互凭证明出具证明，构成循环证明、重复证明（国办发〔2018〕47号；国办发〔2018〕37号）。' } : {}),
  }),
];

// ——— authority (国办发〔2018〕37号; 立法法; 公务员法; 价格法) ———
const authorityRules: Rule[] = [
  patternRule({
    id: 'authority.interpret-superior-law',
    title: '解释上位法',
    types: ['authority'],
    basis: [LAW.legislation48, LAW.gb37],
    explanation: '条款对法律、法规作出解释或规定由本机关解释上位法的具体应用；法律解释权属于全国人大常委会（立法法第四十八条），行政规范性文件不得超越职权解释上位法。',
    confidence: 0.85,
    re: /《[^》]{2,40}(?:法|条例|法典)》[^。]{0,50}(?:负责解释|作(?:如下|出|以下)?解释|解释如下|解释为)|《[^》]{2,40}(?:法|条例)》[^。]{0,40}(?:所称|规定的|中的)[^。；]{0,30}(?:是指|系指|理解为|认定为)|对[^。；]{0,10}《[^》]{2,40}(?:法|条例)》[^。]{0,40}所称[^。]{0,40}解释/u,
    cover: false,
  }),
  patternRule({
    id: 'authority.discipline',
    title: '越权设定处分',
    types: ['authority'],
    basis: [LAW.civilServant61, LAW.sanctions3, LAW.gb37],
    explanation: '对公职人员的处分由任免机关或者监察机关依法给予（公务员法第六十一条；公职人员政务处分法第三条），行政规范性文件不得授权其他部门给予处分。',
    confidence: 0.85,
    re: /给予[^。；]{0,12}(?:警告|记过|记大过|降级|撤职|开除)[^。；]{0,6}处分|(?:记过|降级|撤职|开除)(?:等)?处分/u,
    skip: (sent) => /任免机关|监察机关|依法给予|依照[^。；]{0,20}(?:公务员法|政务处分法|规定)/u.test(sent),
  }),
  patternRule({
    id: 'authority.price-fixing',
    title: '越权核定市场收费、会费',
    types: ['authority'],
    basis: [LAW.price23, LAW.fair11, LAW.gb37],
    explanation: '条款由行政机关核定本应由市场或社会组织自主确定的收费、价格或会费标准，超越职权干预市场和社会自治（国办发〔2018〕37号；公平竞争审查条例第十一条；价格法第二十三条仅允许依法定目录和程序制定政府定价）。',
    confidence: 0.82,
    re: /(?:核定|统一核定|统一规定|统一制定|确定|规定)[^。；]{0,20}(?:收费标准|收费价格|服务价格|销售价格|会费|价格标准|最低价|最高价)|(?:收费|费|价格|费用)[^。；，]{0,4}标准[^。；]{0,6}由[^。；]{0,15}(?:局|政府|部门|委员会)[^。；]{0,6}(?:统一)?(?:核定|确定|制定)/u,
    skip: (sent) => /政府定价目录|价格法|听证|政府指导价/u.test(sent),
    refine: (sent) => (/会费|协会|商会/u.test(sent) ? {} : { types: ['authority', 'competition'] }),
  }),
  patternRule({
    id: 'authority.delegation',
    title: '委托、授权社会组织或企业行使行政职权',
    types: ['authority'],
    basis: [b('中华人民共和国行政处罚法', '第二十条'), b('中华人民共和国行政强制法', '第十七条'), LAW.gb37],
    explanation: '条款把检查、处罚、强制、审批等行政职权交给企业、协会、物业或居（村）委会行使；行政处罚的委托须符合法定条件（行政处罚法第二十条、第二十一条），行政强制措施不得委托（行政强制法第十七条），规范性文件不得自行授权。',
    confidence: 0.82,
    re: /(?:委托|授权|交由|责成)[^。；]{0,20}(?:协会|商会|企业|公司|物业|社区|居民委员会|村民委员会|居委会|村委会|第三方|中介机构)[^。；]{0,20}(?:实施|行使|开展|负责|进行)[^。；]{0,12}(?:处罚|执法|强制|审批|许可|查封|扣押)/u,
  }),
  patternRule({
    id: 'authority.self-governance',
    title: '干预基层群众自治和业主自治',
    types: ['authority'],
    basis: [b('中华人民共和国民法典', '第二百七十八条'), b('中华人民共和国村民委员会组织法', '第五条'), LAW.gb37],
    explanation: '业主大会、业主委员会、村（居）民委员会的组成和重大事项由业主、村（居）民依法自主决定（民法典第二百七十八条；村民委员会组织法第五条），行政机关只能指导、支持和帮助，不得指定、任命或以审批方式干预。',
    confidence: 0.8,
    re: /(?:由|经)[^。；]{0,12}(?:街道办事处|乡镇人民政府|人民政府|局|部门)[^。；]{0,6}(?:指定|任命|委派|确定|批准)[^。；]{0,12}(?:业主委员会|物业服务企业|村民委员会|居民委员会)[^。；]{0,6}(?:成员|主任|负责人|人选)?|(?:业主委员会|村民委员会|居民委员会)[^。；]{0,10}(?:成员|主任|人选)[^。；]{0,10}(?:由|经)[^。；]{0,12}(?:街道|乡镇|镇|乡|政府|局|部门)[^。；]{0,6}(?:指定|任命|委派|确定|批准|审批|审核同意)/u,
  }),
  patternRule({
    id: 'authority.judicial-organs',
    title: '对审判、检察机关作出要求',
    types: ['authority'],
    basis: [b('中华人民共和国宪法', '第一百三十一条'), b('中华人民共和国宪法', '第一百三十六条'), LAW.gb37],
    explanation: '人民法院、人民检察院依照法律独立行使审判权、检察权（宪法第一百三十一条、第一百三十六条），行政机关的规范性文件不得对其设定义务或规定其办案方式。',
    confidence: 0.8,
    re: /(?:人民法院|人民检察院|法院|检察院)[^。；，]{0,10}(?:应当|须|必须|一律)(?!依法)/u,
    skip: (sent) => /申请人民法院|向人民法院|提起诉讼|移送/u.test(sent),
  }),
  patternRule({
    id: 'authority.extend-offence',
    title: '扩大上位法规定的违法行为范围',
    types: ['authority'],
    basis: [LAW.legislation93, LAW.penalty16, LAW.gb37],
    explanation: '条款把上位法未规定的情形“视为”或“认定为”违法行为，实质是扩大上位法的适用范围、增设违法行为，超越职权（立法法第九十三条；行政处罚法第十六条；国办发〔2018〕37号）。',
    confidence: 0.8,
    re: /(?:视为|视同|认定为|按照?)[^。；，]{0,4}(?:违法|非法|无证|无照|擅自|未经许可)[^。；，]{0,8}(?:经营|建设|行为|营运|施工|行医|办学)(?:处理|论处|查处)?/u,
  }),
  patternRule({
    id: 'authority.grassroots-powers',
    title: '赋予街道、社区或社会组织行政处罚、强制、许可权',
    types: ['authority'],
    basis: [b('中华人民共和国行政处罚法', '第二十四条'), LAW.coercion10, LAW.permit17, LAW.gb37],
    explanation: '行政处罚权交由街道办事处、乡镇人民政府行使须由省级人民政府依法决定（行政处罚法第二十四条），居（村）委会、社会组织不享有行政处罚、行政强制和行政许可权，规范性文件不得自行赋予。',
    confidence: 0.8,
    re: /(?:街道办事处|乡镇人民政府|居民委员会|村民委员会|居委会|村委会|社区|行业协会|物业服务企业)[^。；，]{0,10}(?:负责|实施|行使|可以|有权)[^。；，]{0,8}(?:行政处罚|行政强制|行政许可|行政执法|执法检查)/u,
  }),
  patternRule({
    id: 'authority.civil-matters',
    title: '规定合同效力等民事基本制度',
    types: ['authority'],
    basis: [b('中华人民共和国立法法', '第十一条'), b('中华人民共和国民法典', '第一百五十三条'), LAW.gb37],
    explanation: '民事基本制度只能制定法律（立法法第十一条），合同是否无效依民法典第一百五十三条等规定判断，行政规范性文件不得规定合同无效或不受法律保护。',
    confidence: 0.8,
    re: /(?:合同|协议|约定)[^。；，]{0,10}(?:一律)?(?:无效|不具有法律效力|不受法律保护)/u,
    skip: (sent) => /依照|依据|民法典/u.test(sent),
  }),
  patternRule({
    id: 'authority.override-superior-law',
    title: '变通、暂停执行上位法',
    types: ['authority'],
    basis: [b('中华人民共和国立法法', '第九十八条'), LAW.legislation93, LAW.gb37],
    explanation: '下位的规范性文件不得同上位法相抵触（立法法第九十八条等），无权暂停、变通执行法律法规，也不得规定“与上位法不一致的以本文件为准”。',
    confidence: 0.85,
    re: /(?:暂停|停止|不再|变通)(?:执行|适用)[^。；，]{0,10}(?:法律|法规|规章|上位法|《)|与(?:法律|法规|规章|上位法|国家规定|上级规定)[^。；]{0,10}不一致的[^。；]{0,6}以本(?:办法|规定|细则|意见|通知|方案)为准/u,
  }),
  patternRule({
    id: 'authority.tax',
    title: '自行减免、返还税收',
    types: ['authority', 'competition'],
    basis: [b('中华人民共和国立法法', '第十一条'), b('中华人民共和国税收征收管理法', '第三条'), LAW.fair10],
    explanation: '税收的开征、停征以及减税、免税、退税、补税依照法律、行政法规执行，任何机关不得擅自作出减免税决定（税收征收管理法第三条；立法法第十一条）；对特定经营者的税收优惠亦违反公平竞争审查条例第十条。',
    confidence: 0.85,
    re: /(?:减免|免征|减征|缓征|返还|先征后返|即征即退)[^。；，]{0,10}(?:企业所得税|个人所得税|增值税|房产税|城镇土地使用税|契税|印花税|税款|税收)|(?:企业所得税|增值税|房产税|城镇土地使用税|税款)[^。；，]{0,10}(?:减半征收|免征|全额返还|予以减免)/u,
    skip: (sent) => /依照|依据|按照[^。；]{0,20}(?:规定|政策)|依法享受|国家规定|税务机关依法/u.test(sent),
  }),
  patternRule({
    id: 'authority.intermediary-powers',
    title: '由协会、企业、中介机构承担审批、认定职能',
    types: ['authority'],
    basis: [LAW.permit17, b('中华人民共和国行政许可法', '第二十三条'), LAW.gb37],
    explanation: '行政许可和认定由法定行政机关或法律、法规授权的组织实施（行政许可法第二十二条、第二十三条），规范性文件不得把审批、资质认定、年检等职能交给行业协会、企业或中介机构。',
    confidence: 0.8,
    re: /(?:行业协会|商会|企业|公司|中介机构|第三方机构)[^。；，]{0,8}(?:负责|承担|实施|办理)[^。；，]{0,8}(?:审批|资质认定|资格认定|行政许可|年检|审验|准入)|(?:审批|资质认定|资格认定|年检|审验)[^。；，]{0,6}由[^。；，]{0,12}(?:协会|商会|企业|公司|中介机构|第三方机构)[^。；，]{0,4}(?:负责|承担|实施|办理)/u,
  }),
  patternRule({
    id: 'authority.deposits-expropriation',
    title: '查询存款、征收征用财产等法定专属职权',
    types: ['authority'],
    basis: [b('中华人民共和国商业银行法', '第二十九条'), b('中华人民共和国商业银行法', '第三十条'), b('中华人民共和国宪法', '第十三条'), LAW.gb37],
    explanation: '查询、调取单位和个人存款只能由法律规定的机关依法进行（商业银行法第二十九条、第三十条），征收、征用财产须依照法律规定并给予补偿（宪法第十三条），规范性文件不得自行赋予这些职权。',
    confidence: 0.8,
    re: /(?:查询|调取|获取|调阅)[^。；，]{0,10}(?:存款|银行账户|账户信息|资金流水|通信记录)|(?:可以|有权|予以)(?:征收|征用)[^。；，]{0,12}(?:房屋|土地|财产|设备|车辆|物资)/u,
    skip: (sent) => /依照|依据|依法|法律规定/u.test(sent),
  }),
  patternRule({
    id: 'authority.internal-affairs',
    title: '干预企业、社会组织内部事务',
    types: ['authority'],
    basis: [LAW.bizEnv64, LAW.gb37],
    explanation: '条款要求企业、社会组织的人事、章程、分配等内部事务报经行政机关同意，超越职权干预市场主体和社会组织的自主经营、自我管理（优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.82,
    re: /(?:企业|公司|协会|商会|社会组织|业主大会|业主委员会)[^。；]{0,30}(?:聘任|聘用|任免|选聘|解聘|章程|人事|选举|分配|薪酬)[^。；]{0,30}(?:报|经)[^。；]{0,20}(?:同意|批准|审批|核准|备案同意)/u,
  }),
];

// ——— fair competition (公平竞争审查条例 Arts. 8–11) ———
const LOCAL = '(?:本地|当地|本市|本区|本县|本省|本镇)';
const LOCAL_ATTR = new RegExp(
  `(?:运出|销往|流出|调出)(?:本地|本市|本区|本县|本省|外地|外省|外市)|(?:迁出|迁离|外迁)${LOCAL}|${LOCAL}(?:企业(?!信用|信息)|生产(?!力)|产品|注册|纳税|户籍|供应商|经营者|商品|品牌|制造)|在${LOCAL}(?:注册|纳税|范围内承接|(?:有|设有|具有)[^。；，]{0,8}(?:业绩|分支机构|办公场所|营业场所|服务网点|售后服务机构|生产基地))|(?:迁入|落户|新落户)${LOCAL}|${LOCAL}[^。；，]{0,6}业绩|${LOCAL}(?:劳动力|务工人员)|(?:在|于)${LOCAL}(?:设立|设有)[^。；，]{0,6}(?:分支机构|分公司|子公司|办事处|常设机构|数据中心|服务机构|生产基地)|设(?:在|于|立在)${LOCAL}|外(?:地|埠|省|省市)[^。；，]{0,4}(?:企业|产品|商品|车辆|经营者|号牌|供应商|建材|品牌|投标人|货物|材料|施工队伍|劳动者|人员)|(?:市|省|县|区)外(?:企业|产品|车辆|经营者|商品)`,
  'u',
);
const EQUAL = /不受[^。；]{0,20}(?:注册地|所在地|所有制|地域)[^。；]{0,6}限制|平等(?:享受|适用|参与|对待)|不得[^。；]{0,20}(?:注册地|所在地|地域|所有制|本地)|不得[^。；]{0,10}(?:限制|排斥|歧视|阻碍|设置障碍|区别对待)|(?:任何|各)[^。；]{0,15}不得|一视同仁|各类(?:所有制)?(?:企业|经营主体|市场主体)/u;
const competitionRules: Rule[] = [
  patternRule({
    id: 'competition.designated-supplier',
    title: '限定或指定交易对象',
    types: ['competition'],
    basis: [LAW.fair8, LAW.gb37],
    explanation: '条款限定经营、购买或者使用特定经营者提供的商品或服务（指定品牌、指定企业、推荐目录中选用、统一由特定企业供应），排除、限制竞争（公平竞争审查条例第八条第（三）项）。',
    confidence: 0.88,
    re: /指定(?:的)?[^。；，]{0,10}(?:品牌|企业|供应商|经营者|产品|商品|服务商|保险|厂家|商家|单位供应|检测机构|评估机构|中介机构|培训机构|代理机构|鉴定机构|设计单位)|(?:须|应当|必须|只能)(?:通过|使用)[^。；，]{0,10}(?:公司|集团)(?:的|提供的|开发的)?[^。；，]{0,8}(?:平台|系统|产品|服务)|(?:推荐|指定|备选|入围)(?:品牌|企业|供应商|产品)?(?:目录|名录|名单|库)[^。；]{0,12}(?:选用|采购|购买|选择|中选)|统一由[^。；，]{0,20}(?:公司|集团|企业|厂|商|中心|站)[^。；，]{0,8}(?:供货|供应|承担|提供|安装|经营|负责|承接|维修)|只能(?:从|向|由|在)[^。；，]{0,15}(?:公司|集团|企业|厂|商|门店)[^。；，]{0,6}(?:购进|采购|购买|进货|供货|提供)|(?:从|在)[^。；，]{0,20}(?:目录|名录|名单|名录库|企业库|备选库|预选库)(?:中|内)(?:选用|选取|选择|选定|采购|确定)|由[^。；，]{0,20}确定的[^。；，]{0,12}(?:企业|供应商|经营者|厂家)[^。；，]{0,6}(?:供应|供货|提供|承担)|定点[^。；，]{0,6}(?:维修|采购|供应|加油|印刷)[^。；]{0,6}由|定点(?:在|于)[^。；，]{0,15}(?:公司|企业|厂|站|店)/u,
    skip: (sent) => /不得(?:指定|限定)|公开招标|依法招标|政府采购程序|专家库|随机抽取|他人|被指定/u.test(sent),
  }),
  patternRule({
    id: 'competition.local-preference',
    title: '本地优先、区别对待外地经营者',
    types: ['competition'],
    basis: [LAW.fair9, LAW.fair8, LAW.fair10],
    explanation: '条款以注册地、生产地、纳税地或业绩取得地区别对待经营者（本地优先、限制外地商品和经营者进入、要求在本地设立机构），妨碍商品要素自由流动（公平竞争审查条例第九条），或设置歧视性准入条件（第八条）、选择性补贴（第十条）。',
    confidence: 0.88,
    re: LOCAL_ATTR,
    negation: false,
    skip: (sent, m) => {
      if (EQUAL.test(sent)) return true;
      // a bare mention (本市企业可以申请…) is not yet discrimination: something must turn on the local attribute
      return !/优先|须|应当|必须|方可|只能|限于|仅限|不得|补贴|奖励|给予|评估|审查后|缴纳|收取|投标资格|资格条件|加分|准入/u.test(sent.slice(Math.max(0, m.index - 40)));
    },
  }),
  patternRule({
    id: 'competition.ownership-discrimination',
    title: '按所有制、组织形式区别对待',
    types: ['competition'],
    basis: [LAW.fair8, LAW.fair10],
    explanation: '条款按所有制形式、组织形式或投资来源区别对待经营者（优先、限定、排斥），属于设置歧视性准入条件或选择性扶持（公平竞争审查条例第八条第（四）项、第十条）。',
    confidence: 0.84,
    re: /(?:国有企业|国有控股企业|国有独资|民营企业|外资企业|外商投资企业|内资企业|集体企业|国有及国有控股)[^。；]{0,20}(?:优先|方可|限于|仅限|不予|不得参与|不得参加|才能|不享受)/u,
    skip: (sent) => EQUAL.test(sent),
  }),
  patternRule({
    id: 'competition.franchise-exclusive',
    title: '授予独家经营、特许经营',
    types: ['competition'],
    basis: [LAW.fair8],
    explanation: '条款未经法定程序授予特定经营者独家经营或特许经营权，排除其他经营者进入（公平竞争审查条例第八条第（二）项、第（三）项）。',
    confidence: 0.84,
    re: /独家(?:经营|供应|代理|承办|运营|提供)|(?:授予|给予)[^。；，]{0,15}特许经营权|由[^。；，]{0,15}(?:公司|集团|企业)(?:独家|统一)(?:经营|承办|运营|代理)/u,
    skip: (sent) => /公开招标|竞争性|依法[^。；]{0,6}(?:招标|选择)|基础设施和公用事业特许经营/u.test(sent),
  }),
  patternRule({
    id: 'competition.price-intervention',
    title: '干预市场价格',
    types: ['competition'],
    basis: [LAW.fair11, LAW.price23],
    explanation: '条款限定最低或最高售价、统一定价或禁止降价等，违法干预实行市场调节价的商品和服务价格（公平竞争审查条例第十一条第（二）项、第（三）项）。',
    confidence: 0.82,
    re: /(?:不得低于|不得高于|不低于|不高于)[^。；，]{0,12}(?:价格|售价|收费标准)(?:销售|出售|收费)?|(?:最低|最高)(?:限价|售价|销售价格)|统一(?:定价|售价|销售价格|收费标准|价格)|(?:不得|禁止)(?:降价|打折|低价)(?:销售|促销)?/u,
    negation: false,
    skip: (sent) => /政府指导价|政府定价|价格主管部门依法|价格法|成本价|低于成本/u.test(sent),
  }),
  patternRule({
    id: 'competition.entry-quota',
    title: '限制经营者数量、暂停准入',
    types: ['competition'],
    basis: [LAW.fair8],
    explanation: '条款以总量控制、不再新增、暂停受理等方式限制经营者进入市场，没有法律、行政法规依据设置准入障碍（公平竞争审查条例第八条第（一）项、第（四）项）。',
    confidence: 0.8,
    re: /(?:总量控制|数量控制|不再新增|不再新设|暂停受理[^。；，]{0,10}(?:申请|设立|登记)|间距不(?:得)?(?:少于|小于|低于))|(?:投标|采购|参与|准入|进入|承接)[^。；]{0,20}(?:注册资本|资产总额|营业收入|从业人员)[^。；，]{0,10}(?:不得低于|不得少于|不低于|不少于|以上)|(?:注册资本|资产总额)[^。；，]{0,10}(?:不低于|不少于|以上)[^。；，]{0,12}(?:方可|才能)(?:参加|参与)?(?:投标|采购|承接)/u,
    negation: false,
  }),
  patternRule({
    id: 'competition.selective-support',
    title: '选择性补贴、要素价格优惠',
    types: ['competition'],
    basis: [LAW.fair10],
    explanation: '条款对特定或者经指定、确定的经营者给予补贴、奖励，或在土地出让金、规费、社会保险费等方面给予减免返还等优惠，属于选择性、差异化财政奖补和要素获取优惠，没有法律、行政法规依据或国务院批准不得出台（公平竞争审查条例第十条第（二）项、第（三）项）。',
    confidence: 0.82,
    re: /(?:土地出让金|出让价款|规费|行政事业性收费|社会保险费|用地价格|电价|水价)[^。；，]{0,10}(?:返还|减免|减半|优惠|奖励)|(?:政府确定的|区政府确定的|指定的|认定的|列入[^。；，]{0,12}名单的)[^。；，]{0,10}(?:企业|经营者)[^。；]{0,20}(?:补贴|奖励|扶持资金|优惠)|限定[^。；，]{0,10}(?:品牌|型号|供应商|生产厂家)/u,
    skip: (sent) => EQUAL.test(sent) || /依法|国务院批准|法律、行政法规/u.test(sent),
  }),
  patternRule({
    id: 'competition.tax-linked-reward',
    title: '与税收贡献挂钩的奖励、税收返还',
    types: ['competition'],
    basis: [LAW.fair10],
    explanation: '条款按企业缴纳税收或地方财政贡献给予奖励、返还或补贴，属于对特定经营者的税收优惠和选择性财政奖励，没有法律、行政法规依据或国务院批准不得出台（公平竞争审查条例第十条第（一）项、第（二）项）。',
    confidence: 0.88,
    re: /(?:缴纳|纳税|税收|留成|财政贡献|地方贡献|税收贡献|财力贡献|区级财力|地方财力|经济贡献)[^。；]{0,40}(?:奖励|补贴|返还|扶持|补助)|(?:奖励|返还|补贴)[^。；]{0,20}(?:税收|留成部分|地方财政贡献)/u,
    skip: (sent) => /依法(?:享受|减免)|税收优惠政策[^。；]{0,10}依照|国务院批准/u.test(sent),
  }),
  patternRule({
    id: 'competition.bidding-restriction',
    title: '招投标、采购中的歧视性条件',
    types: ['competition'],
    basis: [LAW.fair9, LAW.fair8],
    explanation: '条款以地域业绩、本地分支机构等条件排斥或限制经营者参加投标和政府采购，属于排斥外地经营者参加本地招标投标（公平竞争审查条例第九条第（三）项）。',
    confidence: 0.85,
    re: /(?:在|于)(?:本|该)(?:省|市|区|县)(?:范围内|行政区域内)?[^。；]{0,15}(?:承接|完成|取得)[^。；]{0,20}(?:方可|才能|作为)[^。；]{0,6}(?:投标|参加|资格)/u,
    skip: (sent) => EQUAL.test(sent),
  }),
];

// ——— validity (normative-document validity-period rules; UNVERIFIED locally, limits configurable) ———
const IN_FORCE = /(?:自|从)[^。；]{0,20}(?:起|之日起)(?:施行|实施|执行|生效)|(?:施行|实施)之日起|本(?:办法|规定|细则|意见|方案|通知|决定|实施方案|暂行办法|试行办法|措施|规则|制度)(?:自[^。；]{0,12})?(?:施行|实施|执行)(?=[。；]|$)/u;
function yearsBetween(a: Ymd, b: Ymd): number {
  return (dayNumber(b) - dayNumber(a) + 1) / 365.25;
}
const validityRule: Rule = {
  id: 'validity.term',
  title: '有效期缺失或超过上限',
  types: ['validity'],
  basis: [LAW.validity, LAW.gb37],
  explanation: '行政规范性文件应当载明有效期，一般不超过5年；名称冠以“暂行”“试行”的，一般不超过2年（地方行政规范性文件管理规定；具体期限未核实、可配置）。',
  confidence: 0.85,
  check(ctx) {
    const t = ctx.text;
    if (!IN_FORCE.test(t) || /废止|失效/u.test(t.replace(/同时废止|予以废止/gu, '')) && !/有效期/u.test(t)) {
      if (!IN_FORCE.test(t)) return [];
    }
    if (/起草|征求意见|决策草案|审查/u.test(t) && !/有效期/u.test(t)) return [];
    const provisional = ctx.provisional || /暂行|试行/u.test(t);
    const max = provisional ? ENGINE_LIMITS.provisionalMaxYears : ENGINE_LIMITS.validityMaxYears;
    const hit = (explanation: string, confidence = 0.85): RuleHit[] => [{ start: 0, end: t.length, explanation, confidence }];
    if (/长期(?:执行|有效|实施)|至[^。；]{0,20}另行[^。；]{0,20}(?:时|为)止|有效期至[^。；，\d]{0,20}(?:时止|为止)|不设有效期/u.test(t))
      return hit(`条款未设定确定的有效期（长期执行或以另行规定为止），不符合行政规范性文件须载明有效期、一般不超过${ENGINE_LIMITS.validityMaxYears}年的要求。`);
    const m = new RegExp(`(?:有效期|试行期|有效期限|实施期限|执行期限)(?:为|是)?(${NUM})年`, 'u').exec(t);
    const dates = [...t.matchAll(DATE_RE)].map((d) => ({ y: +d[1]!, m: +d[2]!, d: +d[3]!, index: d.index }));
    const startM = /(?:自|从)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起/u.exec(t);
    let years: number | null = null;
    if (m) years = parseNumber(m[1]!);
    const months = new RegExp(`有效期(?:为|是)?(${NUM})个月`, 'u').exec(t);
    if (months) years = parseNumber(months[1]!) / 12;
    if (startM && /有效期|至\s*\d{4}\s*年/u.test(t)) {
      const start = { y: +startM[1]!, m: +startM[2]!, d: +startM[3]! };
      for (const d of dates) {
        if (d.index <= startM.index) continue;
        const before = t.slice(Math.max(0, d.index - 6), d.index);
        if (!/至|到|截至|延长/u.test(before)) continue;
        const y = yearsBetween(start, d);
        years = years === null ? y : Math.max(years, y);
      }
    }
    if (years === null) {
      if (/有效期|试行期|有效期限|实施期限|执行期限/u.test(t)) return [];
      return hit(`条款规定了施行日期但未载明有效期；行政规范性文件应当载明有效期，一般不超过${ENGINE_LIMITS.validityMaxYears}年。`);
    }
    if (years > max + 0.01)
      return hit(
        provisional
          ? `“暂行”“试行”文件的有效期一般不超过${ENGINE_LIMITS.provisionalMaxYears}年，本条设定约${Math.round(years * 10) / 10}年。`
          : `行政规范性文件的有效期一般不超过${ENGINE_LIMITS.validityMaxYears}年，本条设定约${Math.round(years * 10) / 10}年。`,
        0.88,
      );
    return [];
  },
};

// ——— procedure (重大行政决策程序暂行条例 Arts. 15, 19, 22, 25, 26, 30; 优化营商环境条例 Art. 62) ———
const procedureRules: Rule[] = [
  {
    id: 'procedure.comment-period',
    title: '公开征求意见期限不足',
    types: ['procedure'],
    basis: [LAW.decision15, LAW.bizEnv62],
    explanation: `公开征求意见的期限一般不少于${ENGINE_LIMITS.commentMinDays}日（重大行政决策程序暂行条例第十五条；与市场主体生产经营活动密切相关的文件，优化营商环境条例第六十二条）；因情况紧急缩短的应当说明理由。`,
    confidence: 0.88,
    check(ctx) {
      const out: RuleHit[] = [];
      for (const s of ctx.sents) {
        if (!/征求意见|征求公众意见|意见征集/u.test(s.text) || /情况紧急|紧急情况/u.test(s.text)) continue;
        let days: number | null = null;
        const p = new RegExp(`(?:期限|时间|期)(?:为|是|共)?(${NUM})(个工作日|工作日|日|天|周|个星期|个月)`, 'u').exec(s.text);
        const unit: Record<string, number> = { 个工作日: 7 / 5, 工作日: 7 / 5, 周: 7, 个星期: 7, 个月: 30, 日: 1, 天: 1 };
        if (p) days = parseNumber(p[1]!) * unit[p[2]!]!;
        if (days === null) {
          const g = new RegExp(`(?<![年月\\d])(${NUM})(个工作日|工作日|日|天|周|个星期)(?!前|内[^。；]{0,4}(?:反馈|答复))`, 'u').exec(s.text);
          if (g && /征求意见[^。；]{0,12}$/u.test(s.text.slice(0, g.index))) days = parseNumber(g[1]!) * unit[g[2]!]!;
        }
        const r = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:至|到|—|－|-|~)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(s.text);
        if (r) days = dayNumber({ y: +(r[4] ?? r[1]!), m: +r[5]!, d: +r[6]! }) - dayNumber({ y: +r[1]!, m: +r[2]!, d: +r[3]! }) + 1;
        if (days !== null && days < ENGINE_LIMITS.commentMinDays) out.push({ start: s.start, end: s.end, explanation: `公开征求意见期限约${Math.round(days)}日，少于${ENGINE_LIMITS.commentMinDays}日且未说明紧急理由（重大行政决策程序暂行条例第十五条；优化营商环境条例第六十二条）。` });
      }
      return out;
    },
  },
  patternRule({
    id: 'procedure.no-public-comment',
    title: '未公开征求意见',
    types: ['procedure'],
    basis: [LAW.decision15, LAW.bizEnv62, LAW.orgLaw75],
    explanation: '起草或决策过程未向社会公开征求意见（或仅在内部征求意见），缺少法定的公众参与程序（地方各级人民代表大会和地方各级人民政府组织法第七十五条；重大行政决策程序暂行条例第十四条、第十五条；优化营商环境条例第六十二条）。',
    confidence: 0.88,
    negation: false,
    cover: false,
    re: /(?:未|没有|不再|未经|未曾|不)(?:向社会|向公众)?(?:公开)?征求(?:社会|公众|社会公众)?意见|未(?:听取|征求)[^。；，]{0,10}(?:企业|市场主体|行业协会|商会|公众|群众|专家)[^。；，]{0,4}意见|仅(?:征求|听取)[^。；]{0,20}(?:部门|单位|内部)[^。；]{0,6}意见|仅通过[^。；]{0,20}(?:问卷|座谈|内部)/u,
    skip: (sent) => /依法不予公开|涉及国家秘密|国家秘密/u.test(sent),
  }),
  patternRule({
    id: 'procedure.skipped-step',
    title: '省略专家论证、风险评估、听证、合法性审查、集体讨论等法定程序',
    types: ['procedure'],
    basis: [LAW.decision19, LAW.decision22, LAW.decision25, LAW.decision30, LAW.orgLaw75],
    explanation: '决策或文件制定省略了法定程序（专家论证、风险评估、听证、合法性审查、公平竞争审查或集体讨论决定）；重大行政决策程序暂行条例第十九条、第二十二条、第二十五条、第三十条及组织法第七十五条要求履行。',
    confidence: 0.88,
    negation: false,
    cover: false,
    re: /(?:未|不再|没有|无需|无须|免于|省略|跳过|不)(?:组织|进行|开展|举行|经过?|履行|召开|提交|经过)?[^。；，]{0,4}(?:专家论证|风险评估|稳定风险评估|听证|合法性审查|合法性审核|集体讨论|集体审议|常务会议|全体会议|公平竞争审查)/u,
    skip: (sent) => /已[^。；]{0,25}(?:评估|论证|审查)[^。；]{0,10}不再|不得以[^。；]{0,10}代替|不得(?:提交|出台|印发|发布|实施|作出|施行|公布|讨论|审议)/u.test(sent),
  }),
  {
    id: 'procedure.review-time',
    title: '合法性审查时间不足',
    types: ['procedure'],
    basis: [LAW.decision26, LAW.gb115],
    explanation: '送请合法性审查应当保证必要的审查时间：重大行政决策一般不少于7个工作日（重大行政决策程序暂行条例第二十六条）；行政规范性文件一般不少于5个工作日（国办发〔2018〕115号，未核实、可配置）。',
    confidence: 0.85,
    check(ctx) {
      const out: RuleHit[] = [];
      for (const s of ctx.sents) {
        if (!/合法性审(?:查|核)/u.test(s.text)) continue;
        const min = new RegExp(`(?:不少于|至少|不得少于)(${NUM})个?工作日`, 'u').exec(s.text);
        const within = new RegExp(`(?<![年月\\d])(${NUM})个?工作日`, 'u').exec(s.text);
        const raw = min ?? within;
        if (!raw) continue;
        const n = parseNumber(raw[1]!);
        const floor = ctx.docKind === 'major_decision' || /决策/u.test(s.text) ? ENGINE_LIMITS.decisionReviewMinWorkingDays : ENGINE_LIMITS.documentReviewMinWorkingDays;
        if (!min && /最长|不超过/u.test(s.text.slice(Math.max(0, raw.index - 6), raw.index))) continue;
        if (n < floor) out.push({ start: s.start, end: s.end, explanation: `合法性审查时间为${n}个工作日，少于一般不少于${floor}个工作日的要求。` });
      }
      return out;
    },
  },
  patternRule({
    id: 'procedure.substituted-step',
    title: '以征求意见、会签、传阅代替法定程序',
    types: ['procedure'],
    basis: [LAW.decision25, LAW.decision30],
    explanation: '不得以征求意见等方式代替合法性审查（重大行政决策程序暂行条例第二十五条），集体讨论决定不得以会签、传阅代替（同条例第三十条）。',
    confidence: 0.85,
    re: /以[^。；]{0,12}(?:征求意见|会签|座谈|传阅|圈阅)[^。；]{0,8}(?:代替|替代)[^。；]{0,8}(?:合法性审查|合法性审核|集体讨论|会议讨论|审议)|(?:传阅|会签|圈阅)[^。；]{0,6}方式[^。；]{0,6}(?:作出决定|决定|审议)/u,
  }),
  patternRule({
    id: 'procedure.not-published',
    title: '不公开发布',
    types: ['procedure'],
    basis: [LAW.bizEnv64, LAW.orgLaw75],
    explanation: '涉及公民、法人和其他组织权利义务的规范性文件应当予以公布，未经公布的不得作为行政管理依据（组织法第七十五条；优化营商环境条例第六十四条第二款）。',
    confidence: 0.82,
    negation: false,
    cover: false,
    re: /内部(?:印发|执行|掌握|参照)|不(?:对外|向社会)公开|不予公布|不公开发布|不(?:在|通过)[^。；，]{0,10}(?:公布|公开)/u,
    skip: (sent) => /依法不予公开|国家秘密|工作秘密|个人隐私|商业秘密/u.test(sent),
  }),
  {
    id: 'procedure.hearing-notice',
    title: '听证材料送达或通知期限不足',
    types: ['procedure'],
    basis: [LAW.decision16],
    explanation: '决策承办单位应当提前公布听证参加人遴选办法和名单，并至少在听证会举行7日前向参加人送达决策草案及相关材料（重大行政决策程序暂行条例第十六条）。',
    confidence: 0.82,
    check(ctx) {
      const out: RuleHit[] = [];
      for (const s of ctx.sents) {
        if (!/听证/u.test(s.text)) continue;
        const m = new RegExp(`(?:提前|前)(${NUM})(?:日|天)|(${NUM})(?:日|天)前`, 'u').exec(s.text);
        if (!m) continue;
        const n = parseNumber(m[1] ?? m[2]!);
        if (n < 7 && !/不少于|至少/u.test(s.text)) out.push({ start: s.start, end: s.end });
      }
      return out;
    },
  },
  patternRule({
    id: 'procedure.self-review',
    title: '承办单位自行审查或以办公会代替集体讨论',
    types: ['procedure'],
    basis: [LAW.decision25, LAW.decision30],
    explanation: '重大行政决策应当由负责合法性审查的部门进行合法性审查（重大行政决策程序暂行条例第二十五条），并经决策机关常务会议或者全体会议讨论（第三十条），不得由承办单位自行审查，或以办公会、专题会代替。',
    confidence: 0.8,
    negation: false,
    cover: false,
    re: /(?:承办单位|起草单位|起草部门)[^。；，]{0,6}自行[^。；，]{0,6}(?:合法性审查|合法性审核)|(?:办公会|专题会|碰头会|协调会)[^。；]{0,10}(?:决定|审定|审议通过|研究通过)/u,
    skip: (sent, _m, ctx) => ctx.docKind !== 'major_decision' && !/决策/u.test(sent),
  }),
  {
    id: 'procedure.filing-late',
    title: '报送备案超过期限',
    types: ['procedure'],
    basis: [b('北京市行政规范性文件备案规定', '—')],
    explanation: '行政规范性文件应当自公布之日起30日内报送备案（北京市行政规范性文件备案规定；条款号未核实，期限可配置）。',
    confidence: 0.75,
    check(ctx) {
      const out: RuleHit[] = [];
      for (const s of ctx.sents) {
        const m = new RegExp(`(?:公布|发布|印发|施行)[^。；]{0,10}(?:后|之日起)(${NUM})(?:日|天|个工作日)内[^。；]{0,10}备案`, 'u').exec(s.text);
        if (m && parseNumber(m[1]!) > 30) out.push({ start: s.start, end: s.end });
      }
      return out;
    },
  },
  patternRule({
    id: 'procedure.no-collective-decision',
    title: '未经集体讨论决定',
    types: ['procedure'],
    basis: [LAW.decision30, LAW.orgLaw75],
    explanation: '重大行政决策和涉及权利义务的规范性文件应当经常务会议或全体会议集体讨论决定（重大行政决策程序暂行条例第三十条；组织法第七十五条），不得由个人签批代替。',
    confidence: 0.85,
    negation: false,
    cover: false,
    re: /由[^。；，]{0,15}(?:主要负责人|行政首长|分管[^。；，]{0,6}(?:领导|负责人|副区长|副市长|副县长)|局长|区长|市长|县长)[^。；]{0,8}(?:签批|审批|批准|决定|签发|审定)后?(?:即|直接)?(?:印发|实施|公布|作出|发布|执行)|(?:审定|签批|审批|签发)后(?:即|直接)(?:印发|发布|实施|施行|公布)/u,
    skip: (sent) => /集体讨论的基础上|常务会议|全体会议/u.test(sent),
  }),
];

export const RULES: Rule[] = [
  ...permitRules,
  ...penaltyRules,
  ...coercionRules,
  ...obligationRules,
  ...certificateRules,
  ...authorityRules,
  ...competitionRules,
  validityRule,
  ...procedureRules,
];

export function ruleContext(text: string, docKind: ReviewDocKind, provisional: boolean): RuleContext {
  return { text, docKind, provisional, sents: sentences(text) };
}

export { hasCitation };
