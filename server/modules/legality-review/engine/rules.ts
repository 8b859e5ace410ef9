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
const APPROVE = '(?:审批|批准|核准|审核同意|审查同意|审核确认|同意|认定|验收合格|检验合格|检测合格|审定|评估合格|评审|审核通过|核发|考核合格|考试合格|培训合格|鉴定合格)';
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
    re: new RegExp(`(?:备案|登记|注册|告知|报备)[^。；]{0,20}(?:审核|审查|同意|核准|回执|证明|确认)[^。；]{0,20}${GATE}|(?:评定|认定|考核|评估|评级|星级)(?:结果|等级)?[^。；，]{0,8}作为[^。；，]{0,15}(?:开展经营|经营|营业|从业|准入|开业|执业)[^。；，]{0,6}(?:的)?(?:条件|依据|前提)|(?:办理|进行)[^。；，]{0,10}(?:备案|登记)[^。；]{0,10}${GATE}`, 'u'),
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
  patternRule({
    id: 'permit.prior-consent',
    title: '要求公民、企业事先报经同意（变相许可）',
    types: ['permit'],
    basis: PERMIT_BASIS,
    explanation: '条款要求公民、企业或社会组织从事某项活动前事先报行政机关同意、批准，实质是设定行政许可；行政规范性文件不得设定行政许可（行政许可法第十七条），也不得变相设定（优化营商环境条例第三十九条）。',
    confidence: 0.8,
    precondition: true,
    re: /(?:应当|须|必须|需)(?:事先|预先|提前)?报(?:请|经)?[^。；，]{0,15}(?:同意|批准|审批|核准)/u,
    skip: (sent, m) => /(?:部门|局|委员会|政府|机关|办事处|街道|乡镇|单位|决策|草案|方案|文件|本办法|规定)/u.test(sent.slice(0, m.index).replace(/^第[^条]{1,6}条\s*/u, '').slice(0, 30)) || /依法|法律、?(?:行政)?法规|国务院/u.test(sent),
  }),
  patternRule({
    id: 'permit.approval-duty',
    title: '规定由部门审批、核准某项活动（新设审批事项）',
    types: ['permit'],
    basis: PERMIT_BASIS,
    explanation: '条款规定由某部门负责审批、核准公民或企业从事的设置、开办、经营等活动，而未援引设定该审批的法律、法规，实质是新设行政许可；行政规范性文件不得设定行政许可（行政许可法第十七条），也不得变相设定（优化营商环境条例第三十九条）。',
    confidence: 0.8,
    re: /(?:负责|统一)(?:审批|核准|审核批准)[^。；，]{0,20}(?:设置|设立|开办|举办|经营|安装|建设|开业|营业|搭建|投放)/u,
    skip: (sent) => /依法|法律、?(?:行政)?法规|行政许可法|国务院决定/u.test(sent),
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
const penaltySkip = (sent: string) => /依法(?:予以|给予|处以?|处理|查处)(?!刑事)|裁量基准|处罚种类和幅度(?:范围)?内|规定的(?:处罚)?种类和幅度|不予(?:行政)?处罚/u.test(sent) || (/从轻|减轻/u.test(sent) && /行政处罚法/u.test(sent));
const penaltyRules: Rule[] = [
  patternRule({
    id: 'penalty.fine',
    title: '设定罚款',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '条款自行设定罚款，未援引设定该处罚的法律、法规或规章；除法律、法规、规章外，其他规范性文件不得设定行政处罚（行政处罚法第十六条）。',
    confidence: 0.92,
    re: new RegExp(`(?:予以|实施|作出|给予)(?:行政)?罚款|(?:处以?|并处|罚款)[^。；]{0,25}罚款|(?:处以?|并处)${NUM}(?:元|万元)|罚款${NUM}(?:元|万元)|(?<![处并])罚(?:其)?${NUM}(?:元|万元)|罚款[^。；，]{0,4}${NUM}`, 'u'),
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
    re: /没收|没收其|(?<=(?:违规|违法|违反|拒不|多次|屡次)[^。；]{0,30})(?:注销|收回)(?:其)?[^。；，]{0,8}(?:资格证|许可证|执照|证书|从业资格|证照)|暂扣[^。；，]{0,6}(?:许可证|执照|证照|证件|驾驶证|资格证)|吊销[^。；，]{0,12}(?:许可证|执照|证书|证件|资格)|降低资质等级|撤销[^。；，]{0,6}资质/u,
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
    re: /责令(?:其)?(?:停产停业|停产|停业|停工|关闭|停止营业|停止经营)|停业整顿|停产整顿|停工整改|限制(?:开展)?生产经营|责令(?:其)?(?:限产|减产|停产限产)|(?:暂停|停止)(?:其)?(?:营业|经营活动|营运|执业|生产经营)(?![^。；，]{0,4}资格)/u,
    skip: (sent, m) => penaltySkip(sent) || (/^(?:暂停|停止)/u.test(m[0]) && !/(?:的[，,]|违反|违规|拒不|未按|不合格|逾期)/u.test(sent.slice(0, m.index))),
    refine: penaltyRefine,
  }),
  patternRule({
    id: 'penalty.detention-reputation',
    title: '设定拘留、警告、通报批评等声誉罚',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '警告、通报批评（含公开曝光等声誉罚）和行政拘留均为行政处罚的种类（行政处罚法第九条），行政规范性文件不得设定（同法第十六条）。',
    confidence: 0.88,
    re: /行政拘留|(?:处以?|予以|给予)[^。；，]{0,6}拘留|通报批评|(?:予以|处以?|给予)警告|公开曝光|予以曝光|曝光台/u,
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
    re: /(?:暂停|取消|限制|不得)[^。；]{0,20}(?:投标|招投标|招标投标|政府采购|承接[^。；，]{0,8}项目|从业)(?:资格|活动)?|(?:暂停|取消|限制)[^。；，]{0,12}(?:营运|经营|执业|上岗|营业)(?:资格|权|活动)|(?:取消|撤销|降低)(?:其)?[^。；，]{0,8}(?:资质|资质等级|星级)|年内不得(?:从事|经营|担任|承接)|终身(?:不得|禁止|禁入|禁驾|禁业)/u,
    negation: false,
    skip: (sent, m) => penaltySkip(sent) || !/(?:的[，,]|对[^。；]{2,30}的[^，,。；]{0,8}[，,]|不合格|记分|违反|拒不|未按|失信|信用评价|评价为|评定为|考核为)/u.test(sent.slice(0, m.index)) || /注册地|所在地|所有制|不得(?:限制|排斥|禁止|歧视|拒绝)/u.test(sent) || negatedAt(sent, m.index, 6),
  }),
  patternRule({
    id: 'penalty.disguised-fine',
    title: '以违约金、按日计罚等名义变相罚款',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '行政机关对管理对象收取“违约金”、扣缴保证金或按日连续计罚，实质是对违反行政管理秩序行为的罚款（行政处罚法第二条、第九条），行政规范性文件不得设定（同法第十六条）；按日连续处罚只能由法律规定。',
    confidence: 0.85,
    re: new RegExp(`(?:支付|缴纳|承担|收取|处以?|计收|交纳)[^。；，]{0,10}违约金|(?:向|由)[^。；，]{0,15}(?:局|委员会|政府|办事处)[^。；，]{0,6}(?:支付|缴纳|交纳)[^。；，]{0,8}(?:赔偿金|惩罚金)|按日(?:连续)?(?:处罚|计罚|罚款)|每日[^。；，]{0,10}(?:罚款|计罚)|(?:扣除|扣缴|没收|罚没|扣罚)[^。；，]{0,8}(?:保证金|押金)|扣罚|罚扣|(?:违规|违章|违约)(?:处理|处置|管理)?费|经济处罚`, 'u'),
    skip: (sent) => penaltySkip(sent) || /民法典|合同约定|双方约定/u.test(sent),
  }),
  patternRule({
    id: 'penalty.criminal-fine',
    title: '由行政机关处以罚金',
    types: ['penalty', 'authority'],
    basis: [LAW.legislation11, LAW.penalty16, LAW.penalty9],
    explanation: '罚金是刑罚，只能由人民法院依照刑法判处（犯罪和刑罚只能制定法律，立法法第十一条）；行政规范性文件规定由行政机关处以罚金，既设定处罚（行政处罚法第十六条）又超越职权。',
    confidence: 0.88,
    re: /(?:处以?|并处|予以|给予)[^。；，]{0,12}罚金/u,
    skip: penaltySkip,
  }),
  patternRule({
    id: 'penalty.seize-goods',
    title: '收缴经营工具、物品（变相没收）',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '收缴当事人的工具、商品或财物而不予返还，实质是没收非法财物的行政处罚（行政处罚法第九条），行政规范性文件不得设定（同法第十六条）。',
    confidence: 0.82,
    re: /收缴(?:其|当事人的?)?[^。；，]{0,10}(?:工具|商品|物品|财物|设备|器具|器材|货物|车辆|摊具|违法所得)/u,
    skip: (sent) => penaltySkip(sent) || /返还|退还/u.test(sent),
  }),
  patternRule({
    id: 'penalty.public-shaming',
    title: '公开曝光、公开通报当事人（声誉罚）',
    types: ['penalty'],
    basis: PENALTY_BASIS,
    explanation: '在媒体、网站上曝光或公开通报当事人的违法违规行为，是以减损名誉的方式予以惩戒，属于通报批评类行政处罚（行政处罚法第二条、第九条），行政规范性文件不得设定（同法第十六条）。',
    confidence: 0.82,
    re: /(?:媒体|网站|报刊|报纸|电视台?|公众号|电子显示屏|宣传栏|公告栏)上?(?:予以|进行)?(?:曝光|公开通报|通报)(?!表扬)|(?:曝光|公开通报|通报)其(?:违法|违规|姓名|名称|行为)|对其[^。；，]{0,6}(?:予以|进行)?(?:曝光|公开通报)|(?:通报|告知|抄送|函告)(?:其)?所在(?:单位|社区|学校|村)/u,
    skip: (sent) => penaltySkip(sent) || /表扬|先进|典型经验/u.test(sent),
  }),
  patternRule({
    id: 'penalty.escalation',
    title: '一律从重、顶格处罚（超出上位法的处罚幅度和裁量）',
    types: ['penalty'],
    basis: [LAW.penalty16, b('中华人民共和国行政处罚法', '第五条'), LAW.penalty9],
    explanation: '条款要求一律从重、顶格或按最高限额处罚，排除了上位法规定的处罚幅度和过罚相当原则（行政处罚法第五条），等于在上位法之外另行设定处罚（同法第十六条）。',
    confidence: 0.82,
    re: /顶格(?:处罚|罚款|处理)|一律(?:从重|加重)|(?:一律|均)按(?:照)?(?:法定)?(?:最高|上限)|按(?:照)?(?:法定)?(?:最高|上限)(?:限额|标准|数额|幅度)(?:予以)?(?:处罚|罚款)|加倍(?:处罚|罚款)/u,
    cover: false,
    skip: (sent) => /依法从重|法律(?:、法规)?规定的从重|裁量基准/u.test(sent),
  }),
  patternRule({
    id: 'penalty.change-standards',
    title: '授权调整处罚标准',
    types: ['penalty', 'authority'],
    basis: [LAW.penalty16, LAW.penalty14, LAW.gb37],
    explanation: '条款授权部门自行调整处罚种类、幅度或标准，等于由规范性文件设定行政处罚并超越职权（行政处罚法第十四条、第十六条）。',
    confidence: 0.85,
    skip: (sent) => /裁量基准|规定的(?:处罚)?种类和幅度|幅度(?:范围)?内/u.test(sent),
    re: /(?:调整|变更|提高|降低|修改|增加)[^。；，]{0,8}(?:处罚|罚款)(?:标准|幅度|种类|数额|金额)|(?:自行|结合实际|根据(?:工作)?需要|视情况)[^。；，]{0,6}(?:制定|确定|设定|规定)[^。；，]{0,8}(?:处罚|罚款)(?:标准|幅度|种类|数额|金额)|(?:处罚|罚款)(?:标准|幅度|种类|数额|金额)[^。；]{0,6}(?:作出|进行)?(?:调整|变更)/u,
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
    re: /查封|扣押|查扣|扣车|(?:直接|就地|当场)(?:处置|清理|清除|处理)[^。；，]{0,6}(?:物品|财物|货物|车辆|设备|工具|摊点)?|强制(?:收取|缴纳|征收|扣缴)|封停|关停|强行[^。；，]{0,4}(?:拆除|清除|拖离|收走|带走|搬离|清理|驱离|关闭)|(?:加贴|张贴|粘贴)封条|锁车|(?:锁闭|封堵)[^。；，]{0,6}(?:场所|门店|店铺|出入口|大门|通道)|强制(?:集中)?(?:学习|教育|培训|治疗)|集中(?:学习|教育)(?:措施|班)|收容|限制人身自由|封闭[^。；，]{0,4}(?:场所|经营场所|店铺|门店)|暂扣(?![^。；，]{0,6}(?:许可证|执照|证照|证件|驾驶证|资格证))|封存|扣留|冻结|先行登记保存|强制(?:隔离|检查|带离|收回|清除|收缴)|采取[^。；，]{0,10}强制措施|强行(?:进入|带离|拆除|清除|扣)/u,
    skip: (sent) => /申请人民法院|移送司法机关|依法(?:予以|采取|实施)/u.test(sent),
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
    re: /强制(?:拆除|执行|搬迁|划拨|腾退|清理|清退|搬离|驱离|迁出|关闭)|划拨[^。；，]{0,6}(?:存款|汇款|资金|账户)|(?:切断|断开|中断)[^。；，]{0,6}(?:电力|供电|供水|供气|电源|水源|网络)|(?:电力|供水|供电|供气|供热)(?:供应)?[^。；]{0,25}(?:予以)?(?:切断|中断)|(?:强制|代为)(?:恢复原状|排除妨碍)|(?:暂停|停止|中止)(?:其)?(?:用电|用水|用气|用热|供暖)|加处罚款|滞纳金|停止(?:供水|供电|供气|供热)|断水|断电|暂停供(?:水|电|气|热)|(?:拍卖|变卖)(?:其|当事人的?)[^。；，]{0,8}(?:财物|物品|车辆|设备|货物|商品|工具)|(?:清运|清理|扣押|暂扣|收缴|扣留)[^。；，]{0,6}(?:并|后)(?:予以)?(?:拍卖|变卖)|拖至[^。；，]{0,10}(?:停车场|场所|地点)|收缴处置|(?:统一|集中)(?:清理|收缴)处置|代履行|代为(?:拆除|清除|履行)|(?:采取|予以|可以|实施|对其)[^。；，]{0,4}(?:停水|停电|停气|停热)|(?:予以|强行|一律)(?:拆除|清除|清运|拖移|拖离|拖走)|组织[^。；，]{0,4}(?:拆除|拖移|拖离)|(?:就地|当场|予以|强制)销毁|断网|停网|(?:逾期|每日|每逾期一日|按日)[^。；，]{0,12}加收|(?:直接|从)[^。；，]{0,12}(?:扣缴|抵扣|扣除|抵缴)[^。；，]{0,10}(?:欠缴|欠款|欠费|费用|罚款)|(?:可以|有权|直接|即行|立即)(?:拆除|清除|清运|拖移|拖离|断开)/u,
    skip: (sent) => /申请人民法院|人民法院强制执行|移送|法律规定的(?:行政)?机关|依法作出/u.test(sent),
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
    re: /(?:交纳|缴纳|缴存|收取|预交|预缴|交存|缴付|交付|支付|征收|计收|代收|加收|存缴|上缴|摊交|分摊)[^。；，]{0,15}(?:押金|保证金|风险金|抵押金|补偿金|基金|集资|费)|(?:预留|留存|提供|提交|扣留|代扣)[^。；，]{0,15}(?:押金|保证金|风险金|抵押金)|代扣[^。；，]{0,10}费|(?:按|按照)[^。；，]{0,16}[0-9０-９一二三四五六七八九十百千零〇两.]+元[^。；，]{0,6}(?:收费|收取)|(?:存入|缴存|交存|预存|上缴)[^。；，]{0,20}(?:资金|款项)|(?:费|基金|押金|保证金)[^。；，]{0,20}(?:向|由)[^。；，]{0,12}(?:征收|收取|计收|代收)|(?:预缴|预交|预付|缴纳|交纳)[^。；，]{0,15}作为(?:担保|保证|押金)|(?:加倍|双倍|[一二两三四五]倍)(?:标准)?(?:收取|计收|征收)/u,
    skip: (sent, m) =>
      /(?:所|未|已)$/u.test(sent.slice(0, m.index)) ||
      /(?<!向[^。；，]{0,15})(?:财政|政府|局|委员会|管理部门)[^。；，]{0,10}(?:支付|拨付|存入|发放)|存入[^。；，]{0,6}(?:申请人|本人|个人|其)/u.test(sent) ||
      /章程|会费|会员(?:大会|代表大会)|征收(?:土地|房屋|集体)|补偿费/u.test(sent) ||
      /社会保险|税款|税收|纳税|依法|(?<!本区|本县|区政府|区人民政府|街道|本部门|本单位|本局)有关规定|按照规定|纠纷|政府定价|价格主管|行政事业性收费目录|自愿|物业服务合同|合同约定|物业费|水费|电费|燃气费|供热费|罚款|违约金|国家规定|规定的标准|收费标准缴纳|替代|(?:清退|退还)已(?:经)?(?:收取|缴纳)|减免|清理规范|清理整顿|规范(?:涉企)?收费/u.test(sent),
  }),
  patternRule({
    id: 'obligation.pay-first',
    title: '以缴清费用作为办理登记、入学等事项的前提',
    types: ['obligation'],
    basis: [...OBLIGATION_BASIS, LAW.permit16],
    explanation: '条款以缴清物业费、供暖费等民事欠费作为办理登记、过户、入学等事项的前提，没有法律、法规依据增设办理条件、减损当事人权利（立法法第九十三条；国办发〔2018〕37号；行政许可法第十六条第四款）。',
    confidence: 0.8,
    re: /(?:缴清|结清|付清|还清|交清)[^。；，]{0,12}(?:后)?[，,]?(?:方可|才能|方能|始得)(?:为其)?(?:办理|申请|登记|入学|过户|入住|迁移)/u,
    skip: (sent) => /税|依法|依照|法律、?(?:行政)?法规/u.test(sent),
  }),
  patternRule({
    id: 'obligation.women-equal-rights',
    title: '以婚姻状况剥夺妇女集体经济权益',
    types: ['obligation'],
    basis: [b('中华人民共和国妇女权益保障法', '第五十六条'), b('中华人民共和国妇女权益保障法', '第五十五条'), LAW.legislation93],
    explanation: '村规民约和其他涉及村民利益的决定不得以妇女未婚、结婚、离婚、丧偶等为由侵害其在农村集体经济组织中的权益（妇女权益保障法第五十五条、第五十六条）；行政规范性文件同样不得作此限制（立法法第九十三条）。',
    confidence: 0.85,
    re: /(?:外嫁女|出嫁女|离婚妇女|丧偶妇女|入赘|出嫁)[^。；]{0,25}(?:不享受|不得享受|取消|不予|不能|不再享有|停止)/u,
  }),
  patternRule({
    id: 'obligation.inspection-fee',
    title: '由被检查人承担检验检测费用',
    types: ['obligation'],
    basis: [LAW.quality15, LAW.legislation93, LAW.gb37],
    explanation: '监督检查中抽取样品进行检验的，不得向被检查人收取检验费用（产品质量法第十五条）；要求被检查的经营者承担检查、检测费用，没有法律依据增加其义务（立法法第九十三条；国办发〔2018〕37号）。',
    confidence: 0.82,
    re: /(?:承担|支付|缴纳|负担)[^。；，]{0,20}(?:检测|检验|抽样|抽检|检查)[^。；，]{0,8}(?:费|费用)/u,
    skip: (sent) => /依照|依法|法律规定|合同约定|委托[^。；，]{0,10}(?:检测|检验)/u.test(sent),
  }),
  patternRule({
    id: 'obligation.costs',
    title: '要求企业、居民承担本应由行政机关负担的费用',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款要求企业、商户或居民自行承担监管、设施或服务的费用，没有法律、法规依据增加其义务（立法法第九十三条；优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.78,
    re: /(?:须|应当|必须)[^。；]{0,30}费用自理|费(?:用)?由(?:企业|商户|经营者|业主|居民|住户|家长|学生|村民|驾驶人|驾驶员|从业人员|车主|使用单位|经营单位)[^。；，]{0,4}(?:自行)?(?:承担|负担|支付)|(?:企业|商户|经营者|业主|居民|住户|家长|村民|车主)[^。；，]{0,10}(?:自行)?(?:承担|负担)[^。；，]{0,15}(?:费用|成本)/u,
    skip: (sent) => /财政|依照|依法|合同|约定|自愿|违法行为人|代履行|鼓励/u.test(sent),
  }),
  patternRule({
    id: 'obligation.sensitive-data',
    title: '要求提供指纹、人脸等敏感个人信息',
    types: ['obligation'],
    basis: [LAW.privacy28, LAW.legislation93, LAW.gb37],
    explanation: '生物识别等敏感个人信息只有在具有特定目的和充分必要性并采取严格保护措施时方可处理（个人信息保护法第二十八条）；规范性文件没有法律依据普遍要求提供，增加了公民义务（立法法第九十三条；国办发〔2018〕37号）。',
    confidence: 0.8,
    re: /(?:提供|采集|录入|留存|提交|登记)[^。；，]{0,12}(?:指纹|虹膜|人脸|面部(?:识别)?信息|生物识别|基因|声纹)/u,
    skip: (sent) => /依照|依据|依法|法律规定|自愿|单独同意/u.test(sent),
  }),
  patternRule({
    id: 'obligation.family-link',
    title: '株连家庭成员',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款因当事人的行为限制其子女、配偶等家庭成员的入学、就业、政审等权利，没有法律依据减损他人合法权益（立法法第九十三条；国办发〔2018〕37号关于不得侵犯受教育权、劳动权等基本权利）。',
    confidence: 0.9,
    re: /(?:子女|配偶|父母|近亲属|家属|亲属|家庭成员)[^。；]{0,30}(?:限制|一票否决|取消|不予|暂停|不得[^。；，]{0,4}(?:报考|入学|录用|参军|享受|申请|参加|就业))|限制其(?:子女|配偶|近亲属|家属|家庭成员)/u,
  }),
  patternRule({
    id: 'obligation.unrelated-sanction',
    title: '以暂停办理、停发待遇等方式增设惩戒',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款以暂停办理登记、停发待遇、限制享受公共服务等方式惩戒当事人，没有法律、法规依据减损其合法权益或增加义务（立法法第九十三条；优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.85,
    re: /(?:暂停|暂缓|停止|中止|不予|停发|扣发|扣减|取消|限制|收回|剥夺)(?:为其|其|对其|该户|其家庭)?(?:办理|发放|出具|受理|享受|申领|入学|就业|出行|乘坐|高消费|参评|评优|评先|使用|购房|购车|落户|贷款|租房|录用|晋升)|停发[^。；，]{0,8}(?:保险金|补贴|待遇|津贴|救助金)|(?:取消|收回|扣发|扣减|停发|剥夺)(?:其|该户|其家庭|其所在[^。；，]{0,6})?[^。；，]{0,15}(?:资格|待遇|补贴|分红|补助|救助金|低保|住房|福利|津贴|荣誉|称号|摊位|经营场地|场地)|一票否决|年内不得(?:申报|享受|申请|参加|参与)[^。；，]{0,15}(?:评优|评先|评选|扶持|补贴|优惠|奖励|资金|政策|荣誉)/u,
    skip: (sent, m) => {
      const cond = sent.slice(0, m.index);
      if (/依法(?:予以|实施)|失信被执行人/u.test(sent)) return true;
      // taking back what was obtained by fraud or without meeting the conditions is ordinary administration
      if (/骗取|虚假|冒领|不符合|不再符合|条件发生变化|死亡|迁出/u.test(cond)) return true;
      // a refusal for incomplete material or unmet conditions is ordinary administration, not a sanction
      // civil-status and schooling records are rights, not favours: refusing them is a sanction unless the
      // application itself is deficient
      if (/^不予(?:为其|其|对其)?办理/u.test(m[0]) && /^(?:结婚|婚姻|户口|户籍|出生|入学|学籍|身份证|居住证)/u.test(sent.slice(m.index + m[0].length)))
        return /不符合|材料不(?:全|齐)|不真实/u.test(cond);
      if (/^不予(?:为其|其|对其)?办理/u.test(m[0])) return !/(?:拖欠|拒不|拒绝|失信|欠缴|不配合|未缴|未结清|未交清)/u.test(cond);
      return !/(?:拖欠|拒不|拒绝|未参加|不参加|未履行|不履行|不配合|失信|欠缴|未缴|违反|违规|违者|违章|未按|不按|未完成|逾期|涉黑|涉恶|犯罪|上访|信访|缠访|闹访|越级访|到京|进京|聚集|集会|阻挠|阻碍|不服从|乱[扔丢贴倒堆停搭摆画]|不实|多次|非法|未接种)/u.test(cond);
    },
  }),
  patternRule({
    id: 'obligation.blacklist',
    title: '自设黑名单、失信惩戒',
    types: ['obligation'],
    basis: [...OBLIGATION_BASIS],
    explanation: '条款自行设定“黑名单”或失信惩戒措施；失信惩戒措施应当依照法律、法规或者党中央、国务院政策文件实施，不得擅自增设（立法法第九十三条；国办发〔2018〕37号）。',
    confidence: 0.82,
    re: /(?:建立|实行|设立)[^。；，]{0,10}黑名单|(?:列入|纳入|记入|录入|列为|认定为)[^。；，]{0,12}(?:黑名单|严重失信|重点监管对象|黑榜|红黑榜|失信(?:名单|主体|惩戒|档案)|不良(?:信用)?(?:记录|行为)?(?:名单|名录|档案)|诚信档案|重点(?:关注|监管)名单)|(?:实施|采取)[^。；，]{0,6}(?:联合|信用|失信)惩戒/u,
    skip: (sent) => /依法|依照|按照(?!本)[^。；]{0,20}(?:规定|清单)|信用修复|告知程序/u.test(sent),
  }),
  patternRule({
    id: 'obligation.retroactive',
    title: '溯及既往',
    types: ['obligation'],
    basis: [LAW.legislation93, b104()],
    explanation: '条款要求对本文件施行前已经发生或已经处理的事项按新规定重新处理，违反不溯及既往原则，减损当事人合法权益（立法法第一百零四条；国办发〔2018〕37号）。',
    confidence: 0.88,
    re: /(?:已经|此前|原)(?:批准|取得|核发|办理|登记|发放|享受)[^。；]{0,30}不符合本(?:办法|规定|细则|意见|方案)[^。；]{0,15}(?:撤销|收回|注销|重新|停止|取消|追回)|(?:施行|实施|生效|发布|印发)(?:之日)?(?:以)?前[^。]{0,40}(?:按照?|依照|适用|参照)本(?:规定|办法|细则|意见|方案|决定)|(?:施行|实施|生效)(?:之日)?(?:以)?前[^。]{0,40}(?:予以)?(?:收回|追回|追缴|补缴|清退|重新(?:办理|核定|审核|认定|申请|申报|核发))|(?:施行|实施)(?:之日)?(?:以)?前[^。]{0,30}(?:同样|一并|也)适用|(?:重新处理|重新作出|溯及)[^。；]{0,10}(?:按照本|适用本)?/u,
    skip: (sent) => /有利于|从轻|从旧|原规定/u.test(sent) || !/(?:施行|实施|生效)(?:之日)?(?:以)?前|此前|已作出|已经作出|已经(?:批准|取得|核发|办理|登记|发放|享受)|原(?:批准|取得|核发|办理|登记|发放|享受)/u.test(sent),
  }),
  patternRule({
    id: 'obligation.compelled',
    title: '强制参加劳动、强制购买',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款没有法律依据要求公民参加公益劳动或统一购买指定商品、服务，增加了义务（立法法第九十三条；国办发〔2018〕37号）。',
    confidence: 0.85,
    re: /(?:须|应当|必须|需)[^。；]{0,12}(?:公益劳动|义务劳动|无偿劳动)|轮流[^。；，]{0,12}(?:巡逻|值守|值班|执勤|看护)|(?:须|应当|必须)(?:参加|承担)[^。；，]{0,15}(?:巡逻|值守|执勤|看护)|(?:须|应当|必须|需)(?:为[^。；，]{0,12})?(?:统一)?(?:购买|投保|办理|参保)[^。；，]{0,15}(?:保险|险)(?!费)|(?:统一|强制|一律)[^。；，]{0,6}(?:购买|投保|订购|安装|购置)|(?:须|应当|必须)[^。；，]{0,6}(?:购买|安装|使用|选用|采购)[^。；，]{0,10}指定/u,
    skip: (sent) => /鼓励|自愿|执法人员|工作人员|机关|干部|社会保险|工伤保险|医疗保险|养老保险|失业保险|强制保险|依照|依法/u.test(sent),
    refine: (sent) => (/指定|统一/u.test(sent) ? { types: ['obligation', 'competition'] } : {}),
  }),
  patternRule({
    id: 'obligation.extra-duty',
    title: '增设承诺、入会、摊派、无偿提供等义务',
    types: ['obligation'],
    basis: OBLIGATION_BASIS,
    explanation: '条款没有法律、法规依据要求签订承诺书或责任书作为前提、强制加入协会、摊派捐赠赞助或无偿提供财物服务，或以户籍限制权利，增加了公民、法人和其他组织的义务（立法法第九十三条；优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.8,
    re: /(?:签订|签署|作出|出具)[^。；，]{0,12}(?:承诺书|责任书|保证书)[^。；]{0,20}(?:方可|后方|否则)|(?:须|应当|必须)(?:加入|参加)[^。；，]{0,10}(?:协会|商会|联盟)|摊派|强制捐赠|实行[^。；，]{0,10}(?:保证金|押金|风险金|抵押金)(?:制度|管理)|(?:交纳|缴纳|缴存|预存|预交)[^。；，]{0,8}(?:诚信金|信誉金|质量金|履约金|安全金|押金)|(?:捐款|捐赠|赞助|捐资)[^。；，]{0,6}不(?:得)?(?:少于|低于)|(?:须|应当|必须)[^。；，]{0,8}(?:婚前医学检查|婚检)|(?:办理|申请|领取)[^。；，]{0,12}(?:前|时)[^。；，]{0,6}(?:须|应当|必须)(?:先)?参加[^。；，]{0,12}(?:培训|考试|学习)|(?:须|应当|必须)[^。；，]{0,10}(?:安装|接入|对接)[^。；，]{0,15}(?:监控|视频|在线监测|监测设备|定位装置|平台|系统)[^。；，]{0,10}(?:并)?(?:接入|联网|对接|上传)|(?<=(?:企业|商户|经营者|业主|居民|住户|村民|家长|个人|养犬人|驾驶员|从业人员)[^。；]{0,20})(?:须|应当|必须)[^。；，]{0,10}(?:签订|签署)[^。；，]{0,12}(?:承诺书|责任书|保证书|责任状)|无偿(?:征用|使用|占用|调用|收回)|(?:须|应当|需|每年|每月|每次|每户|每人)[^。；，]{0,6}(?:交纳|缴纳|上交|预交)[0-9０-９一二三四五六七八九十百千两.]+(?:元|万元)|(?:须|应当|必须)[^。；，]{0,6}(?:捐款|赞助)|(?:须|应当|必须)(?:无偿|免费)(?:提供|出让|让渡|服务)|(?:提供|出具)[^。；，]{0,6}(?:担保|反担保|保函)[^。；]{0,10}(?:方可|后方|否则)|放弃[^。；，]{0,10}(?:权利|诉讼|复议|申诉|补偿|追偿)|(?:承担|负)连带(?:责任|赔偿责任)|(?:承租人|他人|员工|顾客|租户|入住人员|乘客)[^。；]{0,15}(?:违规|违法|违反)[^。；]{0,15}(?:出租人|房东|业主|经营者|单位|企业)[^。；，]{0,6}(?:承担|负)[^。；，]{0,6}责任|(?:非本(?:市|区|县|地)户籍|外地户籍|户籍不在本)[^。；]{0,20}(?:不得|不予|不能|不享受|限制)|(?:经营者|企业|商户|经营单位)[^。；，]{0,8}应当(?:每月|每季度|每年|定期|按月|按季)?[^。；，]{0,4}向[^。；，]{0,15}(?:报送|报告|提交)[^。；]{0,10}(?:营业额|利润|销售额|财务报表|财务数据|营业收入|经营数据|成本)/u,
    skip: (sent) => /鼓励|自愿|不得(?:摊派|强制)|有权拒绝|民法典|依照|依法|重点排污单位/u.test(sent),
  }),
  patternRule({
    id: 'obligation.remedy-or-compensation',
    title: '限制救济权利、不予补偿',
    types: ['obligation'],
    basis: [LAW.legislation93, b('中华人民共和国行政复议法', '第二条'), b('中华人民共和国行政诉讼法', '第二条'), LAW.gb37],
    explanation: '申请行政复议、提起行政诉讼和依法获得补偿是法定权利，规范性文件不得排除或限制（行政复议法第二条；行政诉讼法第二条；立法法第九十三条关于不得减损权利）。',
    confidence: 0.82,
    negation: false,
    re: /(?:不得|不能|不予受理)[^。；，]{0,6}(?:申请行政复议|提起(?:行政)?诉讼|申诉|申请复议|上访|越级上访|信访|投诉|举报)|为(?:最终|终局)(?:决定|裁决|处理)|视为(?:自动|自愿)?放弃|(?:逾期|拒不|未按)[^。；]{0,20}不予(?:补偿|安置|赔偿)|(?:公布|公开|曝光)[^。；，]{0,10}(?:姓名|身份证号|住址|照片|家庭住址)/u,
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
/** An application date before the entry into force (自2026年3月1日起施行…2025年1月1日以后发生的…适用本办法). */
const retroactiveDate: Rule = {
  id: 'obligation.retroactive-date',
  title: '适用日期早于施行日期（溯及既往）',
  types: ['obligation'],
  basis: [LAW.legislation93, b104()],
  explanation: '条款规定本文件适用于施行日期以前发生的事项，违反不溯及既往原则（立法法第一百零四条），可能减损当事人合法权益或增加其义务（立法法第九十三条；国办发〔2018〕37号）。',
  confidence: 0.8,
  check(ctx) {
    const t = ctx.text;
    const force = /(?:自|从)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起(?:施行|实施|生效)/u.exec(t);
    if (!force || /有利于|从旧/u.test(t)) return [];
    const inForce = dayNumber({ y: +force[1]!, m: +force[2]!, d: +force[3]! });
    for (const d of t.matchAll(DATE_RE)) {
      if (d.index === force.index + force[0].indexOf(d[0])) continue;
      const day = dayNumber({ y: +d[1]!, m: +d[2]!, d: +d[3]! });
      if (day >= inForce) continue;
      const after = t.slice(d.index + d[0].length, d.index + d[0].length + 40);
      if (/^\s*(?:起|以来|以后|之后|后)/u.test(after) && /(?:适用|执行|按照?本|参照本|依照本|按本)/u.test(after)) return [{ start: 0, end: t.length }];
    }
    return [];
  },
};
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
    re: new RegExp(`(?:提交|提供|出具|开具|持|附)[^。；]{0,20}${PROOF_NOUN}|(?:村民委员会|居民委员会|村委会|居委会|社区|所在单位|工作单位|派出所)[^。；，]{0,10}(?:盖章|签章|签字)(?:确认|证明)|(?:须|应当|需|提交|提供|经)[^。；]{0,12}(?:村民委员会|居民委员会|村委会|居委会|社区|所在单位|工作单位|派出所)[^。；，]{0,8}(?:签署|出具|签注)(?:的)?[^。；，]{0,6}(?:意见|确认书|证明信|情况说明)`, 'u'),
    skip: (sent) => /共享|核验|核查|告知承诺|无需|无须|不再|不得要求|免于提交/u.test(sent) && !/仍(?:应当|须|需)/u.test(sent),
  }),
  patternRule({
    id: 'certificate.third-party-proof',
    title: '要求提交其他单位出具的证明（循环、重复、无谓证明）',
    types: ['certificate'],
    basis: [LAW.gb47, LAW.gb37],
    explanation: '条款要求申请人提交村（居）委会、派出所、所在单位或其他部门出具的证明；没有法律法规依据的证明事项应当取消，能够通过数据共享、部门核查或告知承诺解决的不得要求群众提供（国办发〔2018〕47号；国办发〔2018〕37号：不得要求提供循环证明、重复证明、无谓证明）。',
    confidence: 0.88,
    re: new RegExp(`(?:提交|提供|出具|开具|持)[^。；]{0,30}${ISSUER}[^。；，]{0,6}(?:出具|开具)的?[^。；]{0,24}(?:证明|介绍信)|(?:出具|开具|提供|提交)[^。；，]{0,10}介绍信|到[^。；]{0,20}${ISSUER}[^。；，]{0,6}(?:分别)?(?:开具|出具|办理)[^。；，]{0,10}证明|(?:须|需|应当|必须)由[^。；，]{0,6}${ISSUER}[^。；，]{0,8}(?:出具|开具)[^。；，]{0,15}(?:证明|情况说明)`, 'u'),
    skip: (sent) => /共享|核验|核查|告知承诺|无需|不再/u.test(sent) && !/仍(?:应当|须|需)/u.test(sent),
    refine: (sent) => (/分别出具|凭[^。；]{0,20}出具|各一份/u.test(sent) ? { explanation: '条款要求多个单位分别或相互凭证明出具证明，构成循环证明、重复证明（国办发〔2018〕47号；国办发〔2018〕37号）。' } : {}),
  }),
  patternRule({
    id: 'certificate.status-proof',
    title: '要求提交纳税、社保、健在、工作单位等状况证明',
    types: ['certificate'],
    basis: [LAW.gb47, LAW.gb37],
    explanation: '条款要求申请人提交反映其纳税、社保缴纳、就业、健在、房产、无纠纷等状况的证明；这些信息应当由行政机关通过数据共享、部门核查或告知承诺取得，没有法律法规依据的证明事项应当取消（国办发〔2018〕47号；国办发〔2018〕37号：不得要求提供无谓证明）。',
    confidence: 0.8,
    re: /(?:须|需|应当|必须|还应|要求)[^。；]{0,12}(?:提交|提供|出具|开具|持)[^。；]{0,25}(?:纳税|完税|社保|社会保险|缴费|健在|在世|无纠纷|无邻里纠纷|未就业|无业|工作单位|在职|产权|房产|无房|就读|在读|学籍|务工|户籍|亲子|婚姻|无违[法规章]|无不良|无犯罪|品行|表现|困难)[^。；，]{0,8}证明/u,
    skip: (sent) => /共享|核验|核查|告知承诺|无需|无须|不再|不得要求|免于提交|自愿/u.test(sent) && !/仍(?:应当|须|需)/u.test(sent),
  }),
  patternRule({
    id: 'certificate.repeated',
    title: '已掌握的信息仍要求重复提交证明或公证',
    types: ['certificate'],
    basis: [LAW.gb47, LAW.gb37],
    explanation: '行政机关已经掌握或能够通过共享获取的信息仍要求申请人重复提交证明，或要求对普通申请材料办理公证，属于重复证明、无谓证明（国办发〔2018〕47号；国办发〔2018〕37号）。',
    confidence: 0.8,
    re: /已[^。；]{0,40}(?:仍|还)(?:须|需|需要|应当|要)(?:提交|提供|出具|开具)|(?:另需|另须|还需|还须|另行|额外)(?:提交|提供|出具|开具)[^。；]{0,20}(?<!身份)证明|(?:复印件|申请材料|身份证|户口簿|证明材料)[^。；，]{0,6}(?:须|应当|必须|需)(?:经|办理)[^。；，]{0,8}公证/u,
    skip: (sent) => /依照|依法|法律规定|境外|涉外|国外|共享|不得要求/u.test(sent),
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
    re: /《[^》]{2,40}(?:法|条例|法典)》[^。]{0,50}(?:负责解释|作(?:如下|出|以下)?解释|解释如下|解释为)|《[^》]{2,40}(?:法|条例)》[^。]{0,40}(?:所称|规定的|中的)[^。；]{0,30}(?:是指|系指|理解为|认定为)|对[^。；]{0,10}《[^》]{2,40}(?:法|条例)》[^。]{0,40}所称[^。]{0,40}解释|负责解释[^。；]{0,20}《[^》]{2,40}(?:法|条例|法典)》|《[^》]{2,40}(?:法|条例|法典)》[^。]{0,60}(?:作(?:如下|以下)(?:认定|界定|理解)|(?:认定|界定)(?:标准)?如下|掌握)/u,
    cover: false,
  }),
  patternRule({
    id: 'authority.discipline',
    title: '越权设定处分',
    types: ['authority'],
    basis: [LAW.civilServant61, LAW.sanctions3, LAW.gb37],
    explanation: '对公职人员的处分由任免机关或者监察机关依法给予（公务员法第六十一条；公职人员政务处分法第三条），行政规范性文件不得授权其他部门给予处分。',
    confidence: 0.85,
    re: /给予[^。；]{0,12}(?:警告|记过|记大过|降级|撤职|开除)[^。；]{0,6}处分|(?:记过|降级|撤职|开除)(?:等)?处分|给予[^。；，]{0,8}(?:党纪|政务|行政)处分/u,
    skip: (sent) => /任免机关|监察机关|依法给予|依照[^。；]{0,20}(?:公务员法|政务处分法|规定)/u.test(sent),
  }),
  patternRule({
    id: 'authority.price-fixing',
    title: '越权核定市场收费、会费',
    types: ['authority'],
    basis: [LAW.price23, LAW.fair11, LAW.gb37],
    explanation: '条款由行政机关核定本应由市场或社会组织自主确定的收费、价格或会费标准，超越职权干预市场和社会自治（国办发〔2018〕37号；公平竞争审查条例第十一条；价格法第二十三条仅允许依法定目录和程序制定政府定价）。',
    confidence: 0.82,
    re: /(?:核定|统一核定|统一规定|统一制定|确定|规定|审定|审批)[^。；]{0,20}(?:收费标准|收费价格|服务价格|销售价格|零售价格|出厂价格|批发价格|会费|价格标准|最低价|最高价|学费|保教费|托育费|佣金|费率)|(?:(?:收费|费|价格|费用)[^。；，]{0,4}标准|价格|售价)[^。；]{0,6}由[^。；]{0,15}(?:局|政府|部门|委员会|街道办事处|街道|乡镇|管委会)[^。；]{0,6}(?:统一|另行)?(?:核定|确定|制定)/u,
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
    re: /(?:由|经)[^。；]{0,12}(?:街道办事处|乡镇人民政府|人民政府|局|部门|社区)[^。；]{0,6}(?:指定|任命|委派|确定|批准|选聘|选定|聘请|更换|招标确定)[^。；]{0,12}(?:业主委员会|物业服务企业|物业公司|物业服务人|村民委员会|居民委员会)[^。；]{0,6}(?:成员|主任|负责人|人选)?|(?:业主委员会|村民委员会|居民委员会)[^。；]{0,10}(?:成员|主任|人选|候选人)[^。；]{0,10}(?:由|经)[^。；]{0,12}(?:街道|乡镇|镇|乡|政府|局|部门)[^。；]{0,6}(?:指定|任命|委派|确定|批准|审批|审核同意)|(?:议事规则|管理规约|村规民约|居民公约|收益分配方案|分配方案)[^。；，]{0,6}由[^。；，]{0,12}(?:街道|乡镇|镇人民政府|人民政府|局|部门|社区)[^。；，]{0,6}(?:统一)?(?:制定|审定|确定|批准)|(?:协会|商会|社会组织|企业|公司|业主委员会)[^。；，]{0,8}(?:负责人|会长|秘书长|理事|董事|监事|财务总监|总经理)[^。；，]{0,6}由[^。；，]{0,12}(?:局|政府|部门|街道|委员会)[^。；，]{0,4}(?:委派|指定|任命|推荐|选派)|(?:物业服务企业|物业公司|物业服务人)[^。；，]{0,6}由[^。；，]{0,12}(?:街道办事处|街道|乡镇人民政府|人民政府|局|部门|社区|居民委员会)[^。；，]{0,4}(?:统一)?(?:选聘|指定|确定|选定|聘请)/u,
  }),
  patternRule({
    id: 'authority.judicial-organs',
    title: '对审判、检察机关作出要求',
    types: ['authority'],
    basis: [b('中华人民共和国宪法', '第一百三十一条'), b('中华人民共和国宪法', '第一百三十六条'), LAW.gb37],
    explanation: '人民法院、人民检察院依照法律独立行使审判权、检察权（宪法第一百三十一条、第一百三十六条），行政机关的规范性文件不得对其设定义务或规定其办案方式。',
    confidence: 0.8,
    re: /(?:人民法院|人民检察院|法院|检察院)[^。；，]{0,25}(?:应当|须|必须|一律)(?!依法)/u,
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
    re: /(?:街道办事处|各街道|乡镇人民政府|各乡镇|居民委员会|村民委员会|居委会|村委会|社区|行业协会|物业服务企业|物业公司|物业服务人|保安公司)[^。；，]{0,10}(?:负责|实施|行使|可以|有权)[^。；，]{0,20}(?:行政处罚|行政强制|行政许可|行政执法|执法检查|处罚|罚款|查封|扣押)|(?:居民委员会|村民委员会|居委会|村委会|社区|行业协会|物业服务企业|物业公司|物业服务人|保安公司)[^。；，]{0,10}(?:负责|可以|有权)[^。；]{0,20}(?:查处|处罚|罚款|审批|扣押|查封|没收|锁车|拖移|扣留|强制|作出处理决定)/u,
    skip: (sent) => /依法|依照|协助|配合|劝阻|报告|举报/u.test(sent),
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
    re: /(?:查询|调取|获取|调阅)[^。；，]{0,10}(?:存款|银行账户|账户信息|资金流水|通信记录)|(?:可以|有权|予以|临时)(?:征收|征用)[^。；，]{0,12}(?:房屋|土地|财产|设备|车辆|物资|场地)/u,
    skip: (sent) => /依照|依据|依法|法律规定/u.test(sent),
  }),
  patternRule({
    id: 'authority.internal-affairs',
    title: '干预企业、社会组织内部事务',
    types: ['authority'],
    basis: [LAW.bizEnv64, LAW.gb37],
    explanation: '条款要求企业、社会组织的人事、章程、分配等内部事务报经行政机关同意，超越职权干预市场主体和社会组织的自主经营、自我管理（优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.82,
    re: /(?:企业|公司|协会|商会|社会组织|业主大会|业主委员会|村民委员会|居民委员会|村委会|居委会|集体经济组织|村民会议|律师事务所)[^。；]{0,30}(?:聘任|聘用|任免|选聘|解聘|章程|人事|选举|分配|薪酬|预算|收支|决议|候选人|负责人|村规民约|居民公约|停业|歇业|注销|股权|合并|分立|经营方案)[^。；]{0,30}(?:报|经)[^。；]{0,20}(?:同意|批准|审批|核准|备案同意|审核确认|审查同意|审定)|(?:直接)?(?:接管|代管|托管)(?:其|企业的?|该企业的?)(?:财务|经营|公章|印章|账户|资金)|(?:审核|审批|核定|审定|批准)[^。；，]{0,10}(?:企业|公司|协会|商会|社会组织)的?[^。；，]{0,6}(?:工资|薪酬|分配方案|人事|章程|预算|经营计划|投资计划)/u,
    refine: (sent) => (/停业|歇业|注销|迁出|迁离/u.test(sent) ? { types: ['authority', 'competition'] } : {}),
  }),
  patternRule({
    id: 'authority.reserved-to-law',
    title: '规定犯罪与刑罚、限制人身自由、征收集体土地等法律保留事项',
    types: ['authority'],
    basis: [LAW.legislation11, LAW.land46, LAW.penalty18, LAW.gb37],
    explanation: '犯罪和刑罚、限制人身自由的强制措施和处罚、对非国有财产的征收征用只能制定法律（立法法第十一条）；征收集体土地由国务院或者省级人民政府批准（土地管理法第四十六条），限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使（行政处罚法第十八条）。行政规范性文件规定这些事项超越职权。',
    confidence: 0.84,
    re: /以[^。；，]{0,12}罪论处|限制(?:其)?出境|(?:一律|均|直接)(?:追究|移送追究)刑事责任|(?:视为|认定为|按)[^。；，]{0,6}犯罪(?:处理|论处)?|(?:区|县|乡|镇|街道)[^。；，]{0,12}(?:批准|决定)征收[^。；，]{0,12}(?:集体|农村|农用地|土地)|(?<!公安[^。；，]{0,20})(?:局|委员会|办事处|街道|乡镇人民政府)[^。；，]{0,12}(?:处以?|予以|给予|决定)[^。；，]{0,4}(?:行政)?拘留/u,
    skip: (sent) => /依照[^。；]{0,20}(?:刑法|法律|规定)|依法(?:追究|移送)|移送(?:公安|司法)机关/u.test(sent),
  }),
  patternRule({
    id: 'authority.records-access',
    title: '自行赋予查阅、复制、调取财务账簿等调查权',
    types: ['authority'],
    basis: [LAW.legislation91, LAW.bizEnv64, LAW.gb37],
    explanation: '行政机关查阅、复制、调取企业财务账簿、合同、通信记录等调查手段须有法律、法规依据；行政规范性文件不得增加本部门的权力（立法法第九十一条；优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.78,
    re: /(?:有权|可以|随时)(?:查阅|复制|调取|调阅|封存|检查)[^。；，]{0,10}(?:财务|账簿|会计|合同|通讯|通信|聊天|银行)/u,
    skip: (sent) => /依照|依据|依法|法律规定/u.test(sent),
  }),
  patternRule({
    id: 'authority.binding-mediation',
    title: '赋予调解、处理意见强制执行力',
    types: ['authority'],
    basis: [b('中华人民共和国人民调解法', '第三十三条'), LAW.legislation11, LAW.gb37],
    explanation: '调解协议经人民法院司法确认后方具有强制执行力（人民调解法第三十三条），诉讼和执行制度只能由法律规定（立法法第十一条）；行政规范性文件不得赋予调解决定或行政机关处理意见强制执行效力。',
    confidence: 0.8,
    re: /(?:具有|赋予|具备)[^。；，]{0,8}强制执行(?:力|效力)/u,
    skip: (sent) => /司法确认|人民法院(?:依法)?确认|公证/u.test(sent),
  }),
  patternRule({
    id: 'authority.dismissal',
    title: '越权辞退、免职公职人员或罢免自治组织成员',
    types: ['authority'],
    basis: [LAW.civilServant61, b('中华人民共和国村民委员会组织法', '第十六条'), LAW.gb37],
    explanation: '公职人员的辞退、免职由任免机关依法决定（公务员法第六十一条等），村（居）民委员会成员由村（居）民选举和罢免（村民委员会组织法第十六条），其他机关不得以规范性文件自行规定辞退、免职或撤换。',
    confidence: 0.8,
    re: /(?:予以|直接|可以)(?:辞退|开除|免职|撤职|撤换|罢免)|(?:村民委员会|居民委员会|村委会|居委会|业主委员会)[^。；，]{0,6}(?:主任|成员|委员)[^。；]{0,20}(?:免职|撤换|罢免|撤销其职务|停职)/u,
    skip: (sent) => /任免机关|监察机关|依法|依照|村民会议|居民会议|业主大会/u.test(sent),
  }),
  patternRule({
    id: 'authority.delegate-creation',
    title: '授权部门自行设定处罚、许可、收费',
    types: ['authority'],
    basis: [LAW.penalty16, LAW.permit17, LAW.legislation91, LAW.gb37],
    explanation: '行政处罚、行政许可、行政强制和收费项目只能由法律、法规（处罚还可由规章）设定（行政处罚法第十六条；行政许可法第十七条），规范性文件不得授权部门自行设定或调整，也不得增加本部门的权力（立法法第九十一条）。',
    confidence: 0.8,
    re: /(?:局|部门|委员会|街道|乡镇|区人民政府|区政府|办事处)[^。；，]{0,10}(?:可以|有权|自行)[^。；，]{0,12}(?:设定|设立|增设)[^。；，]{0,6}(?:行政处罚|罚款|行政许可|审批事项|收费项目|行政强制)|(?:调整|变更|提高|增加)[^。；，]{0,10}(?:收费|缴费|押金|保证金)(?:标准|项目|数额|金额)/u,
    skip: (sent) => /依照|依法|法律|价格主管部门|听证/u.test(sent),
  }),
  patternRule({
    id: 'authority.shed-duties',
    title: '减少行政机关法定职责、免除其责任',
    types: ['authority'],
    basis: [LAW.legislation91, b('中华人民共和国国家赔偿法', '第二条'), LAW.gb37],
    explanation: '没有法律、行政法规依据，规范性文件不得减少本部门的法定职责（立法法第九十一条；国办发〔2018〕37号），也不得免除行政机关依法应当承担的监管责任或者国家赔偿责任（国家赔偿法第二条）。',
    confidence: 0.8,
    re: /(?:部门|机关|局|政府|委员会|办事处)[^。；，]{0,10}不(?:再)?(?:承担|履行)[^。；，]{0,6}(?:监管|监督管理|管理|法定|审查)(?:职责|责任)|免除[^。；，]{0,10}(?:部门|机关|本局|行政机关|政府)[^。；，]{0,8}(?:职责|责任)|(?:部门|机关|局|政府|委员会)[^。；，]{0,10}不承担(?:任何)?(?:行政)?赔偿责任/u,
    negation: false,
    skip: (sent) => /依照|依法|法律规定|国家赔偿法/u.test(sent),
  }),
  patternRule({
    id: 'authority.registration-revocation',
    title: '非登记管理机关撤销、取消登记',
    types: ['authority'],
    basis: [b('社会团体登记管理条例', '第三十条'), LAW.penalty9, LAW.gb37],
    explanation: '撤销社会组织登记、吊销营业执照等只能由登记管理机关依照法律、行政法规作出（社会团体登记管理条例第三十条；行政处罚法第九条），其他部门不得以规范性文件自行规定取消登记。',
    confidence: 0.78,
    re: /(?:取消|撤销|注销)[^。；，]{0,10}(?:社会组织|社会团体|民办非企业单位|协会|商会|个体工商户)的?(?:登记|营业执照|执照)/u,
    skip: (sent) => /民政|登记管理机关|市场监督管理|依法|依照/u.test(sent),
  }),
  patternRule({
    id: 'authority.home-entry',
    title: '授权进入住宅检查',
    types: ['authority'],
    basis: [LAW.constitution39, LAW.legislation91, LAW.gb37],
    explanation: '公民的住宅不受侵犯，禁止非法搜查或者非法侵入公民的住宅（宪法第三十九条）；行政规范性文件无权授权行政机关进入居民住宅检查，也不得增加本部门的权力（立法法第九十一条；国办发〔2018〕37号）。',
    confidence: 0.82,
    re: /(?:可以|有权|直接)[^。；，]{0,8}进入[^。；，]{0,10}(?:住宅|住所|民宅|居室|家中|户内|宿舍)|不得拒绝[^。；，]{0,10}(?:入户|进入(?:其)?(?:住宅|家中)|上门检查)/u,
    skip: (sent) => /依照|依法|法律规定|经[^。；，]{0,10}同意|紧急|危及/u.test(sent),
  }),
  patternRule({
    id: 'authority.self-expanding',
    title: '授权部门自行扩大管理范围或设定罚则',
    types: ['authority'],
    basis: [LAW.legislation91, LAW.legislation93, LAW.gb37],
    explanation: '条款授权部门根据需要自行扩大禁止行为、管理对象或处罚情形的范围，属于没有法律依据增加本部门的权力、减损公民权利（立法法第九十一条、第九十三条；国办发〔2018〕37号）。',
    confidence: 0.8,
    re: /(?:自行|根据(?:工作)?需要|视情况|结合实际)[，,]?[^。；，]{0,8}(?:扩大|增加|增设|调整)[^。；，]{0,20}(?:禁止|处罚|违法|管理|限制|管控)(?:行为|对象|情形|事项)?的?(?:范围|种类|情形|事项|对象)/u,
  }),
  patternRule({
    id: 'authority.internal-unit',
    title: '以部门内设机构名义制发规范性文件',
    types: ['authority'],
    basis: [LAW.gb37, LAW.orgLaw75],
    explanation: '不得以部门内设机构名义制发行政规范性文件（国办发〔2018〕37号“严禁越权发文”），规范性文件应当由具有制发权的行政机关依照法定权限和程序制定（组织法第七十五条）。',
    confidence: 0.8,
    re: /本(?:通知|办法|规定|细则|意见|方案|规则)由[^。；，]{0,20}(?:科|股|处室|科室|内设机构)(?:负责)?(?:制定|印发|发布|起草并发布)|以[^。；，]{0,15}(?:科|股|处室|科室|内设机构)(?:的)?名义(?:印发|发布|制发)/u,
  }),
  patternRule({
    id: 'authority.wages-hours',
    title: '行政机关统一确定工资标准、营业时间等经营自主事项',
    types: ['authority'],
    basis: [LAW.labour48, LAW.bizEnv64, LAW.gb37],
    explanation: '最低工资标准由省、自治区、直辖市人民政府规定（劳动法第四十八条）；没有法律、法规依据，行政规范性文件不得干预市场主体正常生产经营活动，如统一规定营业时间、用工工资（优化营商环境条例第六十四条；国办发〔2018〕37号）。',
    confidence: 0.8,
    re: /(?:工资标准|最低工资|工资水平|薪酬标准)[^。；]{0,20}由[^。；]{0,20}(?:确定|核定|制定|规定)|(?:统一|规定|确定|核定)[^。；，]{0,15}(?:营业时间|经营时间|开门时间|开业时间|歇业时间)/u,
    skip: (sent) => /依照|依法|省、自治区、直辖市|市人民政府规定|国家规定/u.test(sent),
  }),
];

// ——— fair competition (公平竞争审查条例 Arts. 8–11) ———
const LOCAL = '(?:本地|当地|本市|本区|本县|本省|本镇|我市|我区|我县|我省|我镇)';
const LOCAL_ATTR = new RegExp(
  `(?:运出|销往|流出|调出)(?:本地|本市|本区|本县|本省|我市|我区|我县|外地|外省|外市)|(?:迁出|迁离|外迁)${LOCAL}|(?:区属|市属|县属)(?:国有)?(?:企业|公司)|${LOCAL}(?:的)?(?:社会保险|社保|户籍|户口|居住证|信用评价|诚信评价|信用等级|检测报告|认证证书|奖项)|${LOCAL}(?:生产的|出产的|[^。；，]{0,6}的)?(?:农产品|产品|商品|材料|建材|品牌)|${LOCAL}(?:辖区内?的?|行政区域内的?|范围内的?)?(?:企业(?!信用|信息)|生产(?!力)|产品|注册|纳税|户籍|供应商|经营者|商品|品牌|制造)|在${LOCAL}(?:办理)?[^。；，]{0,4}(?:注册|登记)(?!的)|在${LOCAL}(?:注册|纳税|缴纳|缴税|参保|范围内承接|(?:有|设有|具有)[^。；，]{0,8}(?:业绩|分支机构|办公场所|营业场所|服务网点|售后服务机构|生产基地))|(?:迁入|迁至|迁往|注册至|变更至|落户|新落户)${LOCAL}|${LOCAL}[^。；，]{0,12}业绩|${LOCAL}(?:劳动力|务工人员)|(?:在|于)${LOCAL}(?:设立|设有|建有|建立|成立)[^。；，]{0,8}(?:分支机构|分公司|子公司|办事处|常设机构|数据中心|服务机构|生产基地|机构|中心|仓库|网点|基地|门店|工厂|法人|实体|公司|企业)|(?:非本(?:地|市|区|县|省|镇)|域外|外来)[^。；，]{0,8}(?:注册|企业|经营者|产品|商品|车辆|供应商|投标人|劳动者|人员)|进口(?:商品|产品|食品|货物|设备|材料|冷链食品)[^。；]{0,15}(?:另行|额外|加收|不得进入|限制进入|禁止进入|须经本|不予)|设(?:在|于|立在)${LOCAL}|(?:其他|外)(?:地区|省份|城市|区县)的?(?:企业|产品|商品|经营者|车辆|供应商)|(?:异地|外(?:地|埠|省|省市))[^。；，]{0,4}(?:企业|产品|商品|车辆|经营者|号牌|供应商|建材|品牌|投标人|货物|材料|施工队伍|劳动者|人员)|(?:市|省|县|区)外(?:企业|产品|车辆|经营者|商品)`,
  'u',
);
const EQUAL = /不受[^。；]{0,20}(?:注册地|所在地|所有制|地域)[^。；]{0,6}限制|平等(?:享受|适用|参与|对待)|不得[^。；]{0,20}(?:注册地|所在地|地域|所有制|本地)|不得[^。；]{0,10}(?:限制|排斥|歧视|阻碍|设置障碍|区别对待)|(?:任何|各)[^。；]{0,15}不得|一视同仁|各类(?:所有制)?(?:企业|经营主体|市场主体)[^。；]{0,12}(?:平等|均可|同等|一视同仁|依法)/u;
const competitionRules: Rule[] = [
  patternRule({
    id: 'competition.designated-supplier',
    title: '限定或指定交易对象',
    types: ['competition'],
    basis: [LAW.fair8, LAW.gb37],
    explanation: '条款限定经营、购买或者使用特定经营者提供的商品或服务（指定品牌、指定企业、推荐目录中选用、统一由特定企业供应），排除、限制竞争（公平竞争审查条例第八条第（三）项）。',
    confidence: 0.88,
    re: /指定(?:的)?[^。；，]{0,10}(?:品牌|企业|供应商|经营者|产品|商品|服务商|保险|厂家|商家|单位供应|检测机构|评估机构|中介机构|培训机构|代理机构|鉴定机构|设计单位)|(?:须|应当|必须|只能)(?:通过|使用)[^。；，]{0,10}(?:公司|集团)(?:的|提供的|开发的)?[^。；，]{0,8}(?:平台|系统|产品|服务)|(?:(?:推荐|指定|备选|入围)(?:品牌|企业|供应商|产品)?(?:目录|名录|名单|库)|白名单)[^。；]{0,12}(?:选用|采购|购买|选择|中选)|统一由[^。；，]{0,20}(?:公司|集团|企业|厂|商|中心|站|书店|机构)[^。；，]{0,8}(?:供货|供应|承担|提供|安装|经营|负责|承接|维修|征订|配送|采购|代理|运营|印制|检测|收运|清运|承办)|统一(?:委托|交由)[^。；，]{0,15}(?:公司|书店|集团|企业|中心|机构|厂|站)|(?:应当|须|必须|一律|统一)(?:从|向|在|到)[^。；，]{0,25}(?:平台|市场|公司|集团|企业|中心|门店|厂|站)(?:统一)?(?:采购|购买|购进|进货|订购|配送|选购)|只能(?:从|向|由|在)[^。；，]{0,15}(?:公司|集团|企业|厂|商|门店)[^。；，]{0,6}(?:购进|采购|购买|进货|供货|提供)|(?:从|在)[^。；，]{0,20}(?:目录|名录|名单|库)(?:中|内)(?:选用|选取|选择|选定|采购|确定)|由[^。；，]{0,20}确定的[^。；，]{0,12}(?:企业|供应商|经营者|厂家)[^。；，]{0,6}(?:供应|供货|提供|承担)|定点[^。；，]{0,6}(?:维修|采购|供应|加油|印刷)[^。；]{0,6}由|(?:局|部门|委员会|政府)(?:统一)?监制的|(?:应当|须|必须|一律|只能)由[^。；，]{0,20}(?:公司|集团)[^。；，]{0,6}(?:施工|建设|安装|设计|维护|供应|供货|承接|承担|提供|检测|评估|运营)|(?:须|应当|必须|统一)[^。；，]{0,10}(?:使用|安装|加装|选用|采购|购买)[^。；，]{0,15}(?:认可|推荐|推广|授权)的[^。；，]{0,10}(?:设备|产品|品牌|系统|软件|平台|装置|企业|机构|服务商)|定点(?:在|于)[^。；，]{0,15}(?:公司|企业|厂|站|店)/u,
    skip: (sent) => /不得(?:指定|限定)|公开招标|依法招标|政府采购(?:程序|平台|网)|公共资源交易|专家库|随机抽取|他人|被指定|相应资质|中标|(?:从|向)(?:取得|具有|具备|符合)/u.test(sent),
  }),
  patternRule({
    id: 'competition.local-preference',
    title: '本地优先、区别对待外地经营者',
    types: ['competition'],
    basis: [LAW.fair9, LAW.fair8, LAW.fair10],
    explanation: '条款以注册地、生产地、纳税地或业绩取得地区别对待经营者（本地优先、限制外地商品和经营者进入、要求在本地设立机构），妨碍商品要素自由流动（公平竞争审查条例第九条），或设置歧视性准入条件（第八条）、选择性补贴（第十条）。',
    confidence: 0.88,
    re: new RegExp(`${LOCAL_ATTR.source}|(?:鼓励|引导|倡导|动员)[^。；，]{0,15}(?:采购|使用|选用|购买|消费)[^。；，]{0,6}${LOCAL}|迁(?:往|至|到|移至)(?:区外|市外|县外|省外|外地|外省|外市|外区)|(?:注册地|住所|经营地址)[^。；，]{0,6}迁(?:出|移|往)`, 'u'),
    negation: false,
    skip: (sent, m) => {
      if (EQUAL.test(sent)) return true;
      // a bare mention (本市企业可以申请…) is not yet discrimination: something must turn on the local attribute
      // services and facilitation offered to non-local firms are not discrimination against them
      if (/为外(?:地|埠|省|省市)[^。；，]{0,20}提供|外地[^。；，]{0,10}提供[^。；，]{0,10}(?:服务|便利)/u.test(sent)) return true;
      // encouraging purchasers to buy local is itself the preference (公平竞争审查条例第九条)
      if (/^(?:鼓励|引导|倡导|动员)/u.test(m[0])) return false;
      return !/优先|须|应当|必须|方可|只能|限于|仅限|不得|不予|额外|另行|加收|重新|补贴|奖励|给予|评估|审查后|缴纳|收取|投标资格|资格条件|加分|加[0-9一二三四五六七八九十]+分|准入|不接受|不允许|排除|拒绝|限制|仅|只|实行|办理|预留|份额/u.test(sent.slice(Math.max(0, m.index - 40)));
    },
  }),
  patternRule({
    id: 'competition.ownership-discrimination',
    title: '按所有制、组织形式区别对待',
    types: ['competition'],
    basis: [LAW.fair8, LAW.fair10],
    explanation: '条款按所有制形式、组织形式或投资来源区别对待经营者（优先、限定、排斥），属于设置歧视性准入条件或选择性扶持（公平竞争审查条例第八条第（四）项、第十条）。',
    confidence: 0.84,
    re: /(?:国有企业|国有控股企业|国有独资|民营企业|外资企业|外商投资企业|内资企业|集体企业|国有及国有控股)[^。；]{0,20}(?:优先|方可|限于|仅限|不予|不得参与|不得参加|才能|不享受)|优先(?:选择|选用|采购|使用|安排|支持|保障|考虑)[^。；，]{0,10}(?:国有企业|国有控股|民营企业|外资企业|集体企业)|(?:外资企业|民营企业|外地企业|外商投资企业|非公有制企业|个体工商户)(?:等)?除外/u,
    skip: (sent) => EQUAL.test(sent),
  }),
  patternRule({
    id: 'competition.franchise-exclusive',
    title: '授予独家经营、特许经营',
    types: ['competition'],
    basis: [LAW.fair8],
    explanation: '条款未经法定程序授予特定经营者独家经营或特许经营权，排除其他经营者进入（公平竞争审查条例第八条第（二）项、第（三）项）。',
    confidence: 0.84,
    re: /独家(?:经营|供应|代理|承办|运营|提供)|(?:授予|给予)[^。；，]{0,15}特许经营权|协议方式[^。；，]{0,6}(?:授予|出让|交由)|(?:设置权|经营权|特许权|运营权|专营权)[^。；，]{0,10}(?:授予|交由|由)[^。；，]{0,15}(?:公司|企业|集团)|由[^。；，]{0,15}(?:公司|集团|企业)(?:独家|统一)(?:经营|承办|运营|代理)/u,
    skip: (sent) => /公开招标|竞争性|依法[^。；]{0,6}(?:招标|选择)|基础设施和公用事业特许经营/u.test(sent),
  }),
  patternRule({
    id: 'competition.price-intervention',
    title: '干预市场价格',
    types: ['competition'],
    basis: [LAW.fair11, LAW.price23],
    explanation: '条款限定最低或最高售价、统一定价或禁止降价等，违法干预实行市场调节价的商品和服务价格（公平竞争审查条例第十一条第（二）项、第（三）项）。',
    confidence: 0.82,
    re: /(?:不得低于|不得高于|不低于|不高于)[^。；，]{0,12}(?:价格|售价|收费标准)(?:销售|出售|收费)?|(?:收费|售价|销售价格|价格|运价|服务费|租金|[^。；，]{1,4}费)(?:标准)?[^。；，]{0,6}(?:不得低于|不得高于|最低不得低于|最高不得超过)|收费实行统一标准|实行统一(?:收费)?标准|(?:最低|最高)(?:限价|售价|销售价格)|统一(?:定价|售价|销售价格|收费标准|价格)|(?:不得|禁止)(?:降价|打折|低价)(?:销售|促销)?|(?:不得|禁止)(?:擅自)?(?:涨价|提价|调价)|(?:组织|要求|推动)[^。；]{0,20}(?:签订|签署|制定|执行)[^。；，]{0,10}(?:价格自律|自律公约|自律协议|价格公约|价格协议|统一报价)|(?:要求|责令|督促)[^。；，]{0,12}(?:调整|降低|提高|上调|下调)[^。；，]{0,6}(?:价格|售价|收费标准|佣金|费率|抽成)|(?:调整|降低|提高)[^。；，]{0,10}(?:佣金|抽成|费率)[^。；，]{0,4}(?:比例|标准)?[^。；，]{0,6}(?:要求|应当执行)/u,
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
    re: /(?:总量控制|数量控制|不再新增|不再新设|(?:暂停|不再)受理[^。；，]{0,10}(?:申请|设立|登记)|间距不(?:得)?(?:少于|小于|低于))|(?:总数|数量|总量|家数)[^。；，]{0,6}控制在|(?:新建|新设|新开|新增)[^。；，]{0,12}与(?:现有|已有|原有|相邻)[^。；，]{0,12}(?:之间的)?(?:距离|间距)|(?:投标|采购|参与|准入|进入|承接)[^。；]{0,20}(?:注册资本|资产总额|营业收入|从业人员)[^。；，]{0,10}(?:不得低于|不得少于|不低于|不少于|以上)|(?:注册资本|资产总额)[^。；，]{0,10}(?:不低于|不少于|以上)[^。；，]{0,12}(?:方可|才能)(?:参加|参与)?(?:投标|采购|承接)/u,
    negation: false,
  }),
  patternRule({
    id: 'competition.selective-support',
    title: '选择性补贴、要素价格优惠',
    types: ['competition'],
    basis: [LAW.fair10],
    explanation: '条款对特定或者经指定、确定的经营者给予补贴、奖励，或在土地出让金、规费、社会保险费等方面给予减免返还等优惠，属于选择性、差异化财政奖补和要素获取优惠，没有法律、行政法规依据或国务院批准不得出台（公平竞争审查条例第十条第（二）项、第（三）项）。',
    confidence: 0.82,
    re: /(?:土地出让金|出让价款|规费|行政事业性收费|社会保险费|用地价格|电价|水价)[^。；，]{0,10}(?:返还|减免|减半|优惠|奖励)|(?:政府确定的|区政府确定的|指定的|认定的|列入[^。；，]{0,12}名单的)[^。；，]{0,10}(?:企业|经营者)[^。；]{0,20}(?:补贴|奖励|扶持资金|优惠)|限定[^。；，]{0,10}(?:品牌|型号|供应商|生产厂家)|对[^。；，]{0,20}(?:有限公司|股份公司|有限责任公司|集团公司)[^。；，]{0,6}给予[^。；，]{0,12}(?:奖励|补贴|扶持|资金|优惠)|(?:一企一策|一事一议|量身定制|特事特办)[^。；]{0,20}(?:补贴|奖励|扶持|优惠|资金|政策)|(?:土地|用地)(?:出让)?价格[^。；，]{0,12}(?:百分之|折|%|优惠|减免)|(?:重点|龙头|骨干|总部|引进|招商)(?:企业|项目)[^。；]{0,20}(?:优先|倾斜)(?:保障|安排|供应|配置)[^。；，]{0,10}(?:用地|用能|用电|用水|能耗|指标|土地)/u,
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
    id: 'competition.entry-threshold',
    title: '设置不合理的市场准入门槛',
    types: ['competition'],
    basis: [LAW.fair8, LAW.bizEnv64],
    explanation: '条款对开办、设立经营场所设置面积、注册资本、规模等门槛，没有法律、行政法规依据的，属于设置不合理或者歧视性的准入条件（公平竞争审查条例第八条第（四）项；优化营商环境条例第六十四条：不得设置市场准入和退出条件）。',
    confidence: 0.78,
    re: /(?:开办|设立|新设|新开)[^。；]{0,20}(?:营业面积|经营面积|面积|注册资本|资金|从业人员|车辆数|规模)[^。；，]{0,10}(?:不得少于|不得低于|不少于|不低于)/u,
    skip: (sent) => /依照|依法|国家标准|技术规范|法律、?(?:行政)?法规/u.test(sent),
  }),
  patternRule({
    id: 'competition.investment-attraction',
    title: '对新引进企业的选择性奖补',
    types: ['competition'],
    basis: [LAW.fair10, LAW.fair9],
    explanation: '招商引资中对新引进、新落户的特定企业给予奖励、补贴或返还，是给予特定经营者选择性、差异化的财政奖补，没有法律、行政法规依据或者国务院批准不得出台（公平竞争审查条例第十条第（二）项），也可能变相强制外地经营者在本地投资（第九条第（二）项）。',
    confidence: 0.78,
    re: /(?:新引进|招商引进|引进的|新落户|新迁入|迁入本)[^。；，]{0,15}(?:企业|项目|总部)[^。；]{0,30}(?:奖励|补贴|补助|返还|扶持资金|优惠)/u,
    skip: (sent) => EQUAL.test(sent) || /依法|国务院批准|法律、行政法规|人才/u.test(sent),
  }),
  patternRule({
    id: 'competition.market-division',
    title: '划分经营区域、禁止跨区经营',
    types: ['competition'],
    basis: [LAW.fair9, LAW.fair8, LAW.fair11],
    explanation: '条款把市场划分为区域并限定每个区域的经营者，或禁止经营者跨区域经营，限制了商品和服务的自由流动，并可能为经营者划分市场的垄断行为提供便利（公平竞争审查条例第八条、第九条第（一）项、第十一条第（一）项）。',
    confidence: 0.82,
    re: /不得跨(?:区|市|县|省|区域|地区|行政区域|街道|乡镇)(?:经营|销售|承接|运输|营运|提供|从事|开展)|划分[^。；，]{0,12}(?:经营区域|销售区域|服务区域|片区|市场)[^。；]{0,30}(?:一家|由)|(?:每个|各)(?:区域|片区|街道|乡镇|社区)[^。；，]{0,6}(?:只能|仅|由)[^。；，]{0,4}一家|限(?:设|定|批)[0-9一二三四五六七八九十]+家/u,
    negation: false,
    skip: (sent) => /依法|依照|特许经营(?:协议|法)|公开招标|竞争性/u.test(sent),
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
    if (/长期(?:执行|有效|实施)|自动(?:延续|延长|续期)|期满后(?:继续|仍然?)(?:有效|执行|适用)|至[^。；]{0,20}另行[^。；]{0,20}(?:时|为)止|有效期至[^。；，\d]{0,20}(?:时止|为止)|不设有效期/u.test(t))
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
        const publicDraft = /(?:草案|决策|方案|征求意见稿)[^。；]{0,20}(?:向社会)?公示/u.test(s.text);
        if (!(/征求意见|征求公众意见|意见征集/u.test(s.text) || publicDraft) || /情况紧急|紧急情况/u.test(s.text)) continue;
        let days: number | null = null;
        const p = new RegExp(`(?:期限|时间|期)(?:为|是|共)?(${NUM})(个工作日|工作日|个自然日|自然日|日|天|周|个星期|个月)`, 'u').exec(s.text);
        const unit: Record<string, number> = { 个工作日: 7 / 5, 工作日: 7 / 5, 周: 7, 个星期: 7, 个月: 30, 日: 1, 天: 1, 个自然日: 1, 自然日: 1 };
        if (p) days = parseNumber(p[1]!) * unit[p[2]!]!;
        if (days === null && /(?:期限|时间|期)(?:为|是|共)?半个月/u.test(s.text)) days = 15;
        if (days === null) {
          const g = new RegExp(`(?<![年月\\d])(${NUM})(个工作日|工作日|日|天|周|个星期)(?!前|内[^。；]{0,4}(?:反馈|答复))`, 'u').exec(s.text);
          if (g && /(?:征求意见|公示)[^。；]{0,12}$/u.test(s.text.slice(0, g.index))) days = parseNumber(g[1]!) * unit[g[2]!]!;
        }
        // the public may comment within N days (…之日起15日内提出意见), as opposed to departments answering a consultation
        if (days === null && /社会|公众|公开|网站|群众|市民|居民/u.test(s.text)) {
          const w = new RegExp(`(${NUM})(个工作日|工作日|日|天|周)内[^。；]{0,12}(?:提出|反馈|提交|发表|报送)[^。；，]{0,4}(?:意见|建议)`, 'u').exec(s.text);
          if (w) days = parseNumber(w[1]!) * unit[w[2]!]!;
        }
        const r = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起?\s*(?:至|到|—|－|-|~)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(s.text);
        if (r) days = dayNumber({ y: +(r[4] ?? r[1]!), m: +r[5]!, d: +r[6]! }) - dayNumber({ y: +r[1]!, m: +r[2]!, d: +r[3]! }) + 1;
        const all = [...s.text.matchAll(DATE_RE)];
        if (!r && all.length >= 2 && /截止|截至/u.test(s.text.slice(all[0]!.index, all[1]!.index))) {
          // published on one date, comments closing on another (…征求意见，截止日期为…)
          const [a, z] = [all[0]!, all[1]!];
          days = dayNumber({ y: +z[1]!, m: +z[2]!, d: +z[3]! }) - dayNumber({ y: +a[1]!, m: +a[2]!, d: +a[3]! }) + 1;
        } else if (!r) {
          // month and day only (3月1日至3月10日): the same year unless the end month comes before the start month
          const md = /(?<![年\d])(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起?\s*(?:至|到|—|－|-|~)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(s.text);
          if (md) {
            const y2 = +md[3]! < +md[1]! ? 2002 : 2001;
            days = dayNumber({ y: y2, m: +md[3]!, d: +md[4]! }) - dayNumber({ y: 2001, m: +md[1]!, d: +md[2]! }) + 1;
          }
        }
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
    re: /(?:未|没有|不再|未经|未曾|不)(?:向社会|向公众)?(?:公开)?征求(?:社会|公众|社会公众)?意见|未(?:听取|征求)[^。；，]{0,10}(?:企业|市场主体|行业协会|商会|公众|群众|专家|法律顾问|公职律师|利益相关方|利害关系人|相关方|居民|村民|当事人)[^。；，]{0,4}意见|仅(?:征求|听取)[^。；]{0,20}(?:部门|单位|内部)[^。；]{0,6}意见|仅通过[^。；]{0,20}(?:问卷|座谈|内部)|仅(?:在|通过)[^。；，]{0,12}(?:内部|内网|办公系统|OA)[^。；，]{0,8}(?:发布|公布|征求)/u,
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
    re: /(?:未|不再|没有|无需|无须|免于|省略|跳过|不)(?:组织|进行|开展|举行|经过?|履行|召开|提交|经过|将[^。；，]{0,10}(?:提交|提请|报请|送))?[^。；，]{0,6}(?:专家论证|风险评估|稳定风险评估|评估论证|可行性论证|听证|合法性审查|合法性审核|集体讨论|集体审议|常务会议|全体会议|公平竞争审查)/u,
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
        if (/(?:当日|当天|即时|随到随审|(?<![年月\d])[0-9一二三四五六七八九十两]+个?小时内?)[^。；]{0,12}(?:出具|完成|作出|提出)/u.test(s.text)) {
          out.push({ start: s.start, end: s.end, explanation: '合法性审查在当日或数小时内完成，不能保证必要的审查时间（重大行政决策一般不少于7个工作日，重大行政决策程序暂行条例第二十六条）。' });
          continue;
        }
        const min = new RegExp(`(?:不少于|至少|不得少于)(${NUM})个?工作日`, 'u').exec(s.text);
        const within = new RegExp(`(?<![年月\\d])(${NUM})个?工作日`, 'u').exec(s.text);
        const raw = min ?? within;
        const floor = ctx.docKind === 'major_decision' || /决策/u.test(s.text) ? ENGINE_LIMITS.decisionReviewMinWorkingDays : ENGINE_LIMITS.documentReviewMinWorkingDays;
        if (!raw) {
          // a period in calendar days (审查时间为3日): at most 5 working days in every 7 days
          const cal = new RegExp(`(?:审查|审核)(?:时间|期限)(?:一般)?(?:为|是)?(${NUM})(?:日|天)|(?<![年月\\d])(${NUM})(?:日|天)内(?:完成|出具)[^。；，]{0,8}(?:审查|审核)`, 'u').exec(s.text);
          if (cal && !/不少于|至少|不得少于|最长|不超过/u.test(s.text.slice(Math.max(0, cal.index - 6), cal.index + 4))) {
            const d = parseNumber((cal[1] ?? cal[2])!);
            if (Math.ceil((d * 5) / 7) < floor) out.push({ start: s.start, end: s.end, explanation: `合法性审查时间为${d}日，少于一般不少于${floor}个工作日的要求。` });
          }
          continue;
        }
        const n = parseNumber(raw[1]!);
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
    re: /(?:承办单位|起草单位|起草部门)[^。；，]{0,6}自行[^。；，]{0,6}(?:合法性审查|合法性审核)|(?:办公会|专题会|碰头会|协调会)[^。；]{0,12}(?:决定|审定|审议通过|研究通过|研究后|后即|后作出|作出)/u,
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
    re: /由[^。；，]{0,15}(?:主要负责人|行政首长|分管[^。；，]{0,6}(?:领导|负责人|副区长|副市长|副县长)|局长|区长|市长|县长)[^。；]{0,8}(?:签批|审批|批准|决定|签发|审定)后?(?:即|直接)?(?:印发|实施|公布|作出|发布|执行)|(?:审定|签批|审批|签发)后(?:即|直接)[^。；，]{0,10}(?:印发|发布|实施|施行|公布|执行)/u,
    skip: (sent) => /集体讨论的基础上|常务会议|全体会议/u.test(sent),
  }),
];

procedureRules.push(
  patternRule({
    id: 'procedure.expert-hearing-selection',
    title: '论证专家、听证参加人的选择不符合要求',
    types: ['procedure'],
    basis: [LAW.decision20, LAW.decision16],
    explanation: '选择论证专家应当坚持专业性、代表性和中立性，不得选择与决策事项有直接利害关系的专家（重大行政决策程序暂行条例第二十条）；听证参加人应当按照公布的遴选办法产生并提前公布名单（第十六条），不得由承办单位直接指定。',
    confidence: 0.8,
    negation: false,
    cover: false,
    re: /(?:论证|评审|咨询)专家[^。；，]{0,6}(?:均为|全部为|都是|仅为|全部来自|均来自)[^。；，]{0,10}(?:本单位|承办单位|起草单位|内部|工作人员|利害关系)|听证[^。；]{0,10}(?:参加人|代表|参与人)[^。；，]{0,10}(?:由[^。；，]{0,15})?(?:直接)?指定/u,
  }),
  patternRule({
    id: 'procedure.missing-materials',
    title: '提交集体讨论时缺少法定材料',
    types: ['procedure'],
    basis: [LAW.decision29, LAW.decision25],
    explanation: '提请决策机关讨论决策草案，应当报送决策草案及其说明、公众和专家意见研究采纳情况、风险评估报告、合法性审查意见等材料（重大行政决策程序暂行条例第二十九条）；未经合法性审查的不得提交讨论（第二十五条）。',
    confidence: 0.8,
    negation: false,
    cover: false,
    re: /未(?:附|附具|提交|报送|随附)[^。；，]{0,6}(?:合法性审查意见|合法性审核意见|风险评估报告|公平竞争审查(?:意见|结论)?|专家论证意见|意见采纳情况|起草说明)/u,
  }),
  patternRule({
    id: 'procedure.order-reversed',
    title: '先实施后履行法定程序',
    types: ['procedure'],
    basis: [LAW.decision25, LAW.orgLaw75, LAW.gb37],
    explanation: '评估论证、公开征求意见、合法性审查、集体讨论决定是出台文件或作出决策之前必须履行的程序（组织法第七十五条；重大行政决策程序暂行条例第二十五条：未经合法性审查的，不得提交讨论），不得先行实施、事后补办。',
    confidence: 0.82,
    negation: false,
    cover: false,
    re: /先(?:行)?(?:实施|执行|印发|发布|施行|试行|作出)[^。；]{0,20}(?:后|再)[^。；]{0,10}(?:征求意见|合法性审(?:查|核)|专家论证|风险评估|集体讨论|审议|公平竞争审查)/u,
  }),
  patternRule({
    id: 'procedure.opinions-ignored',
    title: '对意见不予采纳又不说明理由',
    types: ['procedure'],
    basis: [LAW.decision18, LAW.decision28],
    explanation: '决策承办单位应当对社会各方面提出的意见研究论证，充分采纳合理意见（重大行政决策程序暂行条例第十八条），并根据合法性审查意见和法律顾问意见进行必要的调整（第二十八条）；不予采纳而不说明理由，程序不完整。',
    confidence: 0.8,
    negation: false,
    cover: false,
    re: /(?:未予|不予|没有|未)采纳[^。；]{0,12}(?:未|不|没有)(?:说明|反馈|告知)(?:理由|原因|情况)?|(?:未|不)(?:公开|公布|反馈)[^。；，]{0,10}(?:意见)?采纳情况/u,
  }),
  patternRule({
    id: 'procedure.no-filing',
    title: '不报送备案',
    types: ['procedure'],
    basis: [LAW.orgLaw75, b('北京市行政规范性文件备案规定', '—')],
    explanation: '涉及权利义务的规范性文件应当予以公布和备案（组织法第七十五条；北京市行政规范性文件备案规定：自公布之日起30日内报送备案，条款号未核实）。',
    confidence: 0.8,
    negation: false,
    cover: false,
    re: /(?:无需|无须|不再|不予|不|未)(?:报送|报|办理)[^。；，]{0,8}备案/u,
    skip: (sent) => !/^(?:本(?:规定|办法|细则|意见|通知|方案|决定|文件)|该(?:文件|规定|办法)|规范性文件|文件)/u.test(sent.replace(/^第[^条]{1,6}条\s*/u, '')),
  }),
);

export const RULES: Rule[] = [
  ...permitRules,
  ...penaltyRules,
  ...coercionRules,
  ...obligationRules,
  retroactiveDate,
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
