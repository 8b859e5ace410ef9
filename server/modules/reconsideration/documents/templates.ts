/**
 * Drafts of the 行政复议 documents, filled from the case facts. Every statutory statement cites
 * 《中华人民共和国行政复议法》(2023) and the article (law-rules.md §1; texts in /work/shared/law).
 *
 * Conventions of the paragraphs (the .docx renderer and the issue check rely on them):
 * - a first paragraph ending with a full-width colon and no full stop (e.g. "张三：") is the addressee (主送), written
 *   flush left;
 * - what the case does not tell is left as a 【…】 placeholder; a document with a placeholder cannot be issued
 *   (the handler fills it in first).
 */
import { RECON_DOCUMENT_KIND_LABELS, type ReconCaseDetail, type ReconDecisionType, type ReconDocumentKind } from '../../../../common/contracts';
import { officialDate } from '../../../platform/documents';

export interface TemplateFacts {
  case: ReconCaseDetail;
  /** Art. 31 ¶1: the items listed once in the correction notice (stored on the case) */
  correctionItems: string[];
  /** an application made on the public portal: its receipt number (the query code is never stored, so never printed) */
  online?: { receiptNo: string; submittedAt: string } | null;
}

export interface Draft {
  title: string;
  paragraphs: string[];
}

const LAW = '《中华人民共和国行政复议法》';
export const PLACEHOLDER_RE = /【[^】]*】/;
const ph = (what: string) => `【${what}】`;
const d = (date: string | null | undefined, what = '日期') => (date ? officialDate(date) : ph(what));
const CN_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n: number) => (n <= 10 ? CN_NUM[n]! : n < 20 ? `十${CN_NUM[n - 10]}` : `${CN_NUM[Math.floor(n / 10)]}十${CN_NUM[n % 10]}`);

/** Art. 39 ¶1 items (1)–(10), as the statute words them. */
export const SUSPENSION_GROUNDS: Record<number, string> = {
  1: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  2: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  3: '作为申请人的公民下落不明',
  4: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  5: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  6: '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  7: '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  8: '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  9: '有本法第五十六条或者第五十七条规定的情形',
  10: '需要中止行政复议的其他情形',
};

/** Art. 41 items (1)–(5), as the statute words them. */
export const TERMINATION_GROUNDS: Record<number, string> = {
  1: '申请人撤回行政复议申请，行政复议机构准予撤回',
  2: '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利',
  3: '作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利',
  4: '申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，被采取刑事强制措施',
  5: '依照本法第三十九条第一款第一项、第二项、第四项的规定中止行政复议满六十日，行政复议中止的原因仍未消除',
};

/**
 * Per decision type (Arts. 63–69): the finding in the statute's words ("本机关认为…") and the operative part
 * ("本机关决定…"), with the article. Where the statute offers alternatives, the handler picks one in the placeholder.
 */
export const DECISION_WORDING: Record<ReconDecisionType, { article: string; finding: (act: string) => string; order: (act: string) => string }> = {
  vary: {
    article: '第六十三条第一款',
    finding: (act) => `${act}${ph('事实清楚，证据确凿，适用依据正确，程序合法，但是内容不适当／事实清楚，证据确凿，程序合法，但是未正确适用依据／事实不清、证据不足，经本机关查清事实和证据')}。`,
    order: (act) => `变更${act}为：${ph('变更后的内容')}。`,
  },
  revoke: {
    article: '第六十四条第一款',
    finding: (act) => `${act}${ph('主要事实不清、证据不足／违反法定程序／适用的依据不合法／超越职权或者滥用职权')}。`,
    order: (act) => `撤销${act}${ph('；责令被申请人在　日内重新作出行政行为（不需要重作的，删去本项）')}。`,
  },
  confirmIllegal: {
    article: '第六十五条',
    finding: (act) => `${act}${ph('依法应予撤销，但是撤销会给国家利益、社会公共利益造成重大损害／程序轻微违法，但是对申请人权利不产生实际影响／违法，但是不具有可撤销内容／已被被申请人改变，申请人仍要求确认该行政行为违法／不履行或者拖延履行法定职责，责令履行没有意义')}。`,
    order: (act) => `确认${act}违法。`,
  },
  orderPerformance: {
    article: '第六十六条',
    finding: () => `被申请人不履行${ph('法定职责的具体内容')}的法定职责。`,
    order: () => `被申请人自收到本决定书之日起${ph('　')}日内履行${ph('法定职责的具体内容')}的法定职责。`,
  },
  confirmInvalid: {
    article: '第六十七条',
    finding: (act) => `${act}有${ph('实施主体不具有行政主体资格／没有依据')}的重大且明显违法情形，申请人申请确认该行政行为无效。`,
    order: (act) => `确认${act}无效。`,
  },
  uphold: {
    article: '第六十八条',
    finding: (act) => `${act}认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。`,
    order: (act) => `维持${act}。`,
  },
  dismissClaim: {
    article: '第六十九条',
    finding: () => `被申请人${ph('没有相应法定职责／在受理前已经履行法定职责')}。`,
    order: () => '驳回申请人的行政复议请求。',
  },
};

const PROCEDURE_LABEL = { ordinary: '普通程序', simplified: '简易程序' } as const;

function eventOf(c: ReconCaseDetail, actions: string[]) {
  return [...c.timeline].reverse().find((e) => actions.includes(e.action));
}

/** The challenged act as the documents name it: 被申请人作出的《…》（文号）. */
function actOf(c: ReconCaseDetail, subject = '被申请人') {
  const made = c.actMadeOn ? `于${officialDate(c.actMadeOn)}` : '';
  const no = c.actDocNo ? `（${c.actDocNo}）` : '';
  return `${subject}${made}作出的${c.actName}${no}`;
}

function parties(c: ReconCaseDetail): string[] {
  return [`申请人：${c.applicantName}。`, `被申请人：${c.respondentName}。`];
}

const SUE_15_DAYS = '申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。';

/** The 收件回执's statement of how and when the application arrived, per channel (Art. 22; Art. 20 for the period). */
export function receiptParagraphs(c: ReconCaseDetail, named: string, online: TemplateFacts['online']): string[] {
  const tail = `不服${actOf(c, named)}。案件编号：${c.caseNo}。`;
  switch (c.channel) {
    case 'mail':
      return [
        `你（单位）以邮寄方式提交的行政复议申请书（邮戳日期：${d(c.postmarkOn, '邮戳日期')}），本机关已于${d(c.receivedOn)}收到，${tail}`,
        `邮寄提出的行政复议申请，申请期限以邮件上的邮戳日期计算，邮寄在途时间不计入申请期限（${LAW}第二十条、第八十八条第一款，《中华人民共和国民事诉讼法》第八十五条第四款）。`,
      ];
    case 'online':
      return [
        `你（单位）于${d(c.receivedOn)}通过本机关指定的互联网渠道提交行政复议申请书（${LAW}第二十二条第二款），${tail}网上申请回执编号：${online?.receiptNo ?? ph('回执编号')}。`,
        '你（单位）可以凭回执编号和提交申请时取得的查询码，在本机关网上服务平台查询办理进度、下载网上送达的法律文书。查询码仅在提交时显示一次，请妥善保管。',
      ];
    case 'oral':
      return [
        `你（单位）于${d(c.receivedOn)}以口头方式向本机关提出行政复议申请，${tail}`,
        `本机关已当场记录你（单位）的基本情况、行政复议请求、申请行政复议的主要事实、理由和时间（${LAW}第二十二条第三款）${c.oralConfirmed ? '，记录已经你（单位）核对确认' : ''}。`,
      ];
    default:
      return [`你（单位）于${d(c.receivedOn)}当面向本机关提交行政复议申请书，本机关已于当日收到，${tail}`];
  }
}

/** The draft of `kind` for the case. */
export function draftFor(kind: ReconDocumentKind, f: TemplateFacts): Draft {
  const c = f.case;
  /** in a notice without a party block the respondent is named */
  const named = `被申请人${c.respondentName}`;
  const title = RECON_DOCUMENT_KIND_LABELS[kind];
  const caseRef = `本机关受理的${c.applicantName}不服${actOf(c, c.respondentName)}行政复议一案（${c.caseNo}）`;
  const both = `${c.applicantName}、${c.respondentName}：`;
  switch (kind) {
    case 'receipt': {
      // Worded per channel (Art. 22): handed in, posted (the application period counts to the postmark), filed on the
      // internet (the portal's receipt number), or made orally (recorded by staff, confirmed by the applicant).
      const ps = [`${c.applicantName}：`, ...receiptParagraphs(c, named, f.online ?? null)];
      if (c.attachments.length) ps.push(`收到的材料：${c.attachments.map((a, i) => `${i + 1}. ${a.name}${a.pages ? `（${a.pages}页）` : ''}`).join('；')}。`);
      ps.push(`本机关将自收到申请之日起五个工作日内进行审查，对符合受理条件的予以受理；审查期限届满未作出不予受理决定的，自审查期限届满之日起视为受理（${LAW}第三十条、第八十八条第二款）。`);
      ps.push(`行政复议机关受理行政复议申请，不得向申请人收取任何费用（${LAW}第八十七条）。`);
      return { title, paragraphs: ps };
    }
    case 'acceptanceNotice': {
      const proc = c.procedure ? PROCEDURE_LABEL[c.procedure] : ph('普通程序／简易程序');
      const period = c.procedure === 'simplified' ? '三十日' : '六十日';
      return {
        title,
        paragraphs: [
          `${c.applicantName}：`,
          `你（单位）不服${actOf(c, named)}，于${d(c.receivedOn)}向本机关提出的行政复议申请，经审查，符合${LAW}第三十条第一款规定的受理条件，本机关决定自${d(c.acceptedOn, '受理日期')}起予以受理，适用${proc}审理。案件编号：${c.caseNo}。`,
          `本机关将自受理申请之日起${period}内作出行政复议决定（${LAW}第六十二条）${c.procedure === 'simplified' ? '' : '；情况复杂，不能在规定期限内作出行政复议决定的，经行政复议机构的负责人批准，可以适当延长，但延长期限最多不得超过三十日，并书面告知当事人'}。`,
          `行政复议期间，你（单位）及委托代理人可以按照规定查阅、复制被申请人提出的书面答复、作出行政行为的证据、依据和其他有关材料（${LAW}第四十七条）。`,
          `行政复议期间行政行为不停止执行，但是有${LAW}第四十二条规定情形之一的，应当停止执行。`,
          '特此通知。',
        ],
      };
    }
    case 'correctionNotice': {
      const items = f.correctionItems.length ? f.correctionItems : [ph('需要补正的事项')];
      return {
        title,
        paragraphs: [
          `${c.applicantName}：`,
          `你（单位）于${d(c.receivedOn)}向本机关提出的行政复议申请（不服${actOf(c, named)}），申请材料不齐全或者表述不清楚，无法判断该申请是否符合${LAW}第三十条第一款的规定。根据${LAW}第三十一条第一款的规定，请你（单位）补正下列事项：`,
          ...items.map((it, i) => `${cn(i + 1)}、${it.replace(/[。；;]$/, '')}。`),
          `请你（单位）自收到本通知之日起十个工作日内提交补正材料。有正当理由不能按期补正的，本机关可以延长合理的补正期限；无正当理由逾期不补正的，视为你（单位）放弃行政复议申请，并记录在案（${LAW}第三十一条第二款、第八十八条第二款）。`,
          `本机关收到补正材料后，依照${LAW}第三十条的规定审查是否受理（第三十一条第三款）。`,
          '特此通知。',
        ],
      };
    }
    case 'rejectionDecision': {
      const e = eventOf(c, ['rejectApplication']);
      const reason = typeof e?.details.reason === 'string' && e.details.reason ? e.details.reason.replace(/[。]$/, '') : ph('不予受理的理由');
      const competent = typeof e?.details.competentOrgan === 'string' && e.details.competentOrgan ? e.details.competentOrgan : null;
      return {
        title,
        paragraphs: [
          ...parties(c),
          `申请人不服${actOf(c)}，于${d(c.receivedOn)}向本机关提出行政复议申请。`,
          `经审查，本机关认为：${reason}。该行政复议申请不符合${LAW}第三十条第一款规定的受理条件。`,
          `根据${LAW}第三十条第二款的规定，本机关决定不予受理。`,
          ...(competent ? [`该申请不属于本机关管辖，申请人可以向${competent}申请行政复议（${LAW}第三十条第二款）。`] : []),
          `申请人对本决定不服的，可以依法向人民法院提起行政诉讼；法律、行政法规规定应当先向行政复议机关申请行政复议的，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼（${LAW}第三十四条）。`,
        ],
      };
    }
    case 'replyNotice': {
      const simplified = c.procedure === 'simplified';
      // Art. 48 / Art. 54: the copy of the written application, or the photocopy of the record of an oral one (Art. 22 ¶3)
      const copy = c.channel === 'oral' ? '行政复议申请笔录复印件' : '行政复议申请书副本';
      return {
        title,
        paragraphs: [
          `${c.respondentName}：`,
          `${c.applicantName}不服你单位${c.actMadeOn ? `于${officialDate(c.actMadeOn)}` : ''}作出的${c.actName}${c.actDocNo ? `（${c.actDocNo}）` : ''}，向本机关提出行政复议申请，本机关已于${d(c.acceptedOn, '受理日期')}依法受理（${c.caseNo}）。`,
          `根据${LAW}${simplified ? '第五十四条' : '第四十八条'}的规定，现将${copy}发送你单位。请你单位自收到之日起${simplified ? '五' : '十'}个工作日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料（${LAW}第八十八条第二款）。`,
          `你单位不按照上述规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料的，视为该行政行为没有证据、依据，本机关将依照${LAW}第七十条的规定作出行政复议决定。`,
          `行政复议期间，你单位不得自行向申请人和其他有关单位或者个人收集证据；自行收集的证据不作为认定行政行为合法性、适当性的依据（${LAW}第四十六条第一款）。`,
          '特此通知。',
        ],
      };
    }
    case 'suspensionNotice': {
      const ground = c.suspensionGround;
      const groundText = ground ? SUSPENSION_GROUNDS[ground] ?? ph('中止的原因') : ph('中止的原因（第三十九条第一款所列情形）');
      const article = ground ? `${LAW}第三十九条第一款第${cn(ground)}项` : `${LAW}第三十九条第一款第${ph('　')}项`;
      return {
        title,
        paragraphs: [
          both,
          `${caseRef}，因${groundText}，根据${article}的规定，本机关决定自${d(c.suspendedOn, '中止日期')}起中止该案的审理。`,
          `行政复议中止的原因消除后，本机关将及时恢复该案的审理，并书面告知当事人（${LAW}第三十九条第二款、第三款）。`,
          '特此通知。',
        ],
      };
    }
    case 'resumptionNotice': {
      const e = eventOf(c, ['resume', 'concludeNormReview']);
      const suspendedOn = typeof e?.details.suspendedOn === 'string' ? e.details.suspendedOn : c.suspendedOn;
      return {
        title,
        paragraphs: [
          both,
          `${caseRef}，本机关于${d(suspendedOn, '中止日期')}中止审理。现中止的原因已经消除，根据${LAW}第三十九条第二款、第三款的规定，本机关决定自${d(e?.on ?? null, '恢复审理日期')}起恢复该案的审理。`,
          `恢复审理后，本机关将依法继续审理，并在${LAW}第六十二条规定的期限内作出行政复议决定。`,
          '特此通知。',
        ],
      };
    }
    case 'terminationNotice': {
      const ground = c.terminationGround;
      const groundText = ground ? TERMINATION_GROUNDS[ground] ?? ph('终止的原因') : ph('终止的原因（第四十一条所列情形）');
      const article = ground ? `${LAW}第四十一条第${cn(ground)}项` : `${LAW}第四十一条第${ph('　')}项`;
      return {
        title,
        paragraphs: [
          both,
          `${caseRef}，因${groundText}，根据${article}的规定，本机关决定自${d(c.terminatedOn, '终止日期')}起终止该案的行政复议。`,
          ...(ground === 1 ? [`申请人撤回行政复议申请，行政复议机构准予撤回、本机关决定终止行政复议的，申请人不得再以同一事实和理由提出行政复议申请；但是，申请人能够证明撤回行政复议申请违背其真实意愿的除外（${LAW}第七十四条第二款）。`] : []),
          '特此通知。',
        ],
      };
    }
    case 'extensionNotice': {
      const decision = [...c.deadlines].reverse().find((x) => x.kind === 'decision');
      const days = c.extensionDays ? `${cn(c.extensionDays)}日` : `${ph('延长天数（最多三十日）')}日`;
      return {
        title,
        paragraphs: [
          both,
          `${caseRef}，因情况复杂，不能在规定期限内作出行政复议决定，经行政复议机构的负责人批准，根据${LAW}第六十二条第一款的规定，本案审理期限延长${days}${decision?.due && c.extensionDays ? `，至${officialDate(decision.due)}届满` : ''}。`,
          `延长期限最多不得超过三十日（${LAW}第六十二条第一款）。`,
          '特此通知。',
        ],
      };
    }
    case 'decision': {
      const type = c.decisionType;
      const act = actOf(c);
      const decideEvent = eventOf(c, ['decide']);
      const summary = typeof decideEvent?.details.summary === 'string' && decideEvent.details.summary ? decideEvent.details.summary : null;
      const defaulted = decideEvent?.details.respondentDefault === true;
      const heard = c.timeline.some((e) => e.action === 'recordHearing');
      const consulted = c.timeline.some((e) => e.action === 'recordCommitteeOpinion');
      const wording = type ? DECISION_WORDING[type] : null;
      const ps = [
        ...parties(c),
        `申请人不服${act}，于${d(c.receivedOn)}向本机关申请行政复议，本机关于${d(c.acceptedOn, '受理日期')}依法受理（${c.caseNo}），适用${c.procedure ? PROCEDURE_LABEL[c.procedure] : ph('普通程序／简易程序')}审理。`,
        `申请人请求：${c.request.replace(/[。]$/, '')}。`,
        `申请人称：${c.reasons ? c.reasons.replace(/[。]$/, '') : ph('申请人的主要理由')}。`,
        `被申请人称：${ph('被申请人答复的主要意见')}。`,
        `经审理查明：${ph('审理查明的事实和证据')}。`,
      ];
      if (heard) ps.push(`本案经听证，本机关根据听证笔录、审查认定的事实和证据作出本决定（${LAW}第六十一条第二款）。`);
      if (consulted) ps.push(`本机关已将行政复议委员会的咨询意见作为作出本决定的重要参考依据（${LAW}第六十一条第三款）。`);
      const reasoning = summary ? summary.replace(/[。]$/, '') + '。' : '';
      if (defaulted) {
        ps.push(`本机关认为：被申请人未按照${LAW}${c.procedure === 'simplified' ? '第五十四条' : '第四十八条'}的规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料，视为该行政行为没有证据、依据（${LAW}第七十条）。${reasoning}`);
      } else if (wording) {
        ps.push(`本机关认为：${wording.finding(act)}${reasoning}`);
      } else {
        ps.push(`本机关认为：${summary ? reasoning : ph('认定理由')}`);
      }
      ps.push(
        wording
          ? `根据${LAW}${wording.article}${defaulted ? '、第七十条' : ''}的规定，本机关决定：${wording.order(act)}`
          : `根据${LAW}${ph('第六十三条至第六十九条中适用的条款')}的规定，本机关决定：${ph('决定内容')}。`,
      );
      ps.push(SUE_15_DAYS);
      ps.push(`本决定书一经送达，即发生法律效力（${LAW}第七十五条第二款）。`);
      return { title, paragraphs: ps };
    }
    case 'mediationAgreement':
      return {
        title,
        paragraphs: [
          ...parties(c),
          `申请人不服${actOf(c)}，于${d(c.receivedOn)}向本机关申请行政复议，本机关于${d(c.acceptedOn, '受理日期')}依法受理（${c.caseNo}）。`,
          `申请人请求：${c.request.replace(/[。]$/, '')}。`,
          `本案审理过程中，经本机关主持调解，双方当事人遵循合法、自愿的原则，在不损害国家利益、社会公共利益和他人合法权益，不违反法律、法规的强制性规定的前提下，自愿达成如下协议（${LAW}第五条、第七十三条第一款）：`,
          `一、${ph('调解协议内容')}。`,
          `本调解书经各方当事人签字或者签章，并加盖本机关印章，即具有法律效力（${LAW}第七十三条第一款）。调解书生效前一方反悔的，本机关将依法审查或者及时作出行政复议决定（第七十三条第二款）。`,
          `申请人逾期不履行本调解书的，由本机关依法强制执行，或者申请人民法院强制执行（${LAW}第七十八条第三项）。`,
          '申请人（签字或者签章）：　　　　　　　　被申请人（签章）：',
        ],
      };
  }
}

/** The addressee convention: a short first paragraph ending with a full-width colon and no sentence in it. */
export function splitAddressee(paragraphs: string[]): { addressee: string | undefined; body: string[] } {
  const first = paragraphs[0]?.trim() ?? '';
  if (first.length > 0 && first.length <= 80 && first.endsWith('：') && !/[。；]/.test(first) && !first.startsWith('申请人：') && !first.startsWith('被申请人：')) {
    return { addressee: first.slice(0, -1), body: paragraphs.slice(1) };
  }
  return { addressee: undefined, body: paragraphs };
}
