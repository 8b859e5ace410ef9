/**
 * Catalogue of statutory periods as data (law-rules.md, “What a system must compute”; `ref` = row there).
 *
 * The unit is stored per rule, following law-rules.md “Counting rules to implement once and reuse” §2:
 * - 行政复议法 Art. 88 ¶2: “三日”“五日”“七日”“十日” are working days; 15, 30, 60 days are calendar days.
 * - 行政处罚法 Art. 85: “二日”“三日”“五日”“七日” are working days; 90 days (Art. 60) is calendar days.
 * - 行政强制法 Art. 69: periods of 10 days or less are working days; 30 days (Art. 25) is calendar days.
 * - Periods the instrument itself calls 工作日 (政府信息公开条例, 重大行政决策程序暂行条例 Art. 26, 国办发〔2018〕
 *   118号, 〔2018〕115号) are working days.
 * - 法律援助法, 人民调解法 and 社区矫正法 have no working-day clause → calendar days.
 * - Everything else → calendar days.
 *
 * `unverified: true` marks rules whose length, existence or article reference could not be checked against an
 * official text (law-rules.md marks them UNVERIFIED, or gives no article number). The explanation says so.
 */
import { AppError } from '../errors';
import type { DeadlineRule, MonthRule } from './types';

const FYFYF = '中华人民共和国行政复议法';
const FY88 = '《中华人民共和国行政复议法》第八十八条第二款';
const XZCF = '中华人民共和国行政处罚法';
const XZCF85 = '《中华人民共和国行政处罚法》第八十五条';
const XZQZ = '中华人民共和国行政强制法';
const FLYZ = '中华人民共和国法律援助法';
const RMTJ = '中华人民共和国人民调解法';
const SQJZ = '中华人民共和国社区矫正法';
const ZFXX = '中华人民共和国政府信息公开条例';
const ZDJC = '重大行政决策程序暂行条例';
const GB118 = '国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见';

const r = (rule: DeadlineRule): DeadlineRule => rule;

/** Every WD/CAL rule, in law-rules.md order. */
export const RULES: readonly DeadlineRule[] = [
  // ── 行政复议法 (2023 revision, in force 2024-01-01) ───────────────────────────────────────────
  r({
    id: 'reconsideration.application', ref: 'R1', title: '申请行政复议期限', instrument: FYFYF, article: '第二十条第一款',
    length: 60, unit: 'CAL', startEvent: '知道或者应当知道该行政行为之日',
    note: '法律规定的申请期限超过六十日的从其规定；因不可抗力或者其他正当理由耽误的，自障碍消除之日起继续计算（第二十条第二款，按中止处理）；未告知申请权利、复议机关和期限的，自知道之日起计算，但最长不超过知道行政行为内容之日起一年（第二十条第三款，见 reconsideration.notInformedCap）。',
  }),
  r({
    id: 'reconsideration.acceptanceReview', ref: 'R3', title: '受理审查期限', instrument: FYFYF, article: '第三十条',
    length: 5, unit: 'WD', unitBasis: FY88, startEvent: '收到行政复议申请之日（补正的，收到补正材料之日）',
    note: '审查期限届满未作出不予受理决定的，审查期限届满之日起视为受理（第三十条第三款）；收到补正材料后重新审查（第三十一条第三款）。',
  }),
  r({
    id: 'reconsideration.correctionNotice', ref: 'R4', title: '书面通知补正期限', instrument: FYFYF, article: '第三十一条第一款',
    length: 5, unit: 'WD', unitBasis: FY88, startEvent: '收到行政复议申请之日', note: '补正通知应当一次性载明需要补正的事项。',
  }),
  r({
    id: 'reconsideration.correctionSubmission', ref: 'R5', title: '申请人提交补正材料期限', instrument: FYFYF, article: '第三十一条第二款',
    length: 10, unit: 'WD', unitBasis: FY88, startEvent: '申请人收到补正通知之日',
    note: '有正当理由的，复议机关可以延长合理的补正期限；无正当理由逾期不补正的，视为放弃行政复议申请，并记录在案。',
  }),
  r({
    id: 'reconsideration.forwardByPenalizingAgency', ref: 'R6', title: '作出行政处罚决定的机关转送复议申请期限', instrument: FYFYF, article: '第三十二条第二款',
    length: 5, unit: 'WD', unitBasis: FY88, startEvent: '该机关收到行政复议申请之日',
  }),
  r({
    id: 'reconsideration.copyToRespondent', ref: 'R7', title: '发送申请书副本期限（普通程序）', instrument: FYFYF, article: '第四十八条',
    length: 7, unit: 'WD', unitBasis: FY88, startEvent: '行政复议申请受理之日',
  }),
  r({
    id: 'reconsideration.respondentReply', ref: 'R8', title: '被申请人书面答复期限（普通程序）', instrument: FYFYF, article: '第四十八条',
    length: 10, unit: 'WD', unitBasis: FY88, startEvent: '被申请人收到申请书副本或者申请笔录复印件之日',
    note: '被申请人逾期未答复、未提交证据依据的，视为该行政行为没有证据、依据（第七十条）。',
  }),
  r({
    id: 'reconsideration.copyToRespondentSimplified', ref: 'R9', title: '发送申请书副本期限（简易程序）', instrument: FYFYF, article: '第五十四条',
    length: 3, unit: 'WD', unitBasis: FY88, startEvent: '行政复议申请受理之日',
  }),
  r({
    id: 'reconsideration.respondentReplySimplified', ref: 'R10', title: '被申请人书面答复期限（简易程序）', instrument: FYFYF, article: '第五十四条',
    length: 5, unit: 'WD', unitBasis: FY88, startEvent: '被申请人收到申请书副本或者申请笔录复印件之日',
  }),
  r({
    id: 'reconsideration.hearingNotice', ref: 'R11', title: '听证通知期限', instrument: FYFYF, article: '第五十一条',
    length: 5, unit: 'WD', unitBasis: FY88, direction: 'before', bound: 'min', startEvent: '举行听证之日（向前倒算）',
    note: '应当于举行听证的五日前将听证的时间、地点和拟听证事项书面通知当事人；计算结果为最迟发出通知之日。听证日当日是否计入未有明文，建议再提前一日。',
  }),
  r({
    id: 'reconsideration.decision', ref: 'R12', title: '作出行政复议决定期限（普通程序）', instrument: FYFYF, article: '第六十二条第一款',
    length: 60, unit: 'CAL', startEvent: '受理申请之日',
    maxExtension: { length: 30, unit: 'CAL', article: '《中华人民共和国行政复议法》第六十二条第一款' },
    note: '法律规定的复议期限少于六十日的从其规定；情况复杂的，经行政复议机构负责人批准可以延长，延长最多不超过三十日，并书面告知当事人。中止期间不计入审理期限为实务做法，法律未明文规定。',
  }),
  r({
    id: 'reconsideration.decisionSimplified', ref: 'R13', title: '作出行政复议决定期限（简易程序）', instrument: FYFYF, article: '第六十二条第二款',
    length: 30, unit: 'CAL', startEvent: '受理申请之日',
    note: '转为普通程序审理的（第五十五条），应按普通程序重新计算；期限是否自转换时重新起算未经核实。',
  }),
  r({
    id: 'reconsideration.suspensionTermination', ref: 'R14', title: '中止满六十日终止行政复议', instrument: FYFYF, article: '第四十一条第五项',
    length: 60, unit: 'CAL', startEvent: '依照第三十九条第一款第一项、第二项、第四项中止之日',
    note: '期满中止原因仍未消除的，行政复议机关决定终止行政复议。',
  }),
  r({
    id: 'reconsideration.incidentalReview', ref: 'R15', title: '有权处理的规范性文件附带审查处理期限', instrument: FYFYF, article: '第五十六条、第五十七条',
    length: 30, unit: 'CAL', startEvent: '收到附带审查申请之日（第五十七条为发现之日）',
    note: '审查期间本案中止（第三十九条第一款第九项）。',
  }),
  r({
    id: 'reconsideration.incidentalReviewForward', ref: 'R16', title: '无权处理的规范性文件转送期限', instrument: FYFYF, article: '第五十六条、第五十七条',
    length: 7, unit: 'WD', unitBasis: FY88, startEvent: '收到附带审查申请之日（第五十七条为发现之日）',
  }),
  r({
    id: 'reconsideration.draftingOrganNotice', ref: 'R17', title: '书面通知制定机关说明期限', instrument: FYFYF, article: '第五十八条',
    length: 3, unit: 'WD', unitBasis: FY88, startEvent: '行政复议中止之日',
  }),
  r({
    id: 'reconsideration.draftingOrganReply', ref: 'R18', title: '制定机关书面答复期限', instrument: FYFYF, article: '第五十八条',
    length: 10, unit: 'WD', unitBasis: FY88, startEvent: '制定机关收到书面通知之日',
  }),
  r({
    id: 'reconsideration.forwardedNormReply', ref: 'R19', title: '接受转送机关处理规范性文件期限', instrument: FYFYF, article: '第六十条',
    length: 60, unit: 'CAL', startEvent: '接受转送的机关收到转送之日', note: '应当将处理意见回复转送的行政复议机关。',
  }),
  r({
    id: 'reconsideration.opinionLetterReport', ref: 'R20', title: '行政复议意见书纠正情况报送期限', instrument: FYFYF, article: '第七十六条',
    length: 60, unit: 'CAL', startEvent: '收到行政复议意见书之日',
  }),
  r({
    id: 'reconsideration.litigationAfterReconsideration', ref: 'R21', title: '复议前置案件提起行政诉讼期限', instrument: FYFYF, article: '第三十四条',
    length: 15, unit: 'CAL', startEvent: '收到不予受理决定书、驳回申请决定书之日，或者行政复议期限届满之日',
    note: '另见《中华人民共和国行政诉讼法》第四十五条。',
  }),
  r({
    id: 'reconsideration.redoAfterRevocation', ref: 'R22', title: '责令重新作出行政行为期限（决定书未载明时）', instrument: '中华人民共和国行政复议法实施条例', article: '第四十九条',
    length: 60, unit: 'CAL', unverified: true, startEvent: '行政复议决定书生效之日',
    note: '期限以行政复议决定书载明的为准（行政复议法第六十四条）；未载明时适用 2007 年实施条例六十日的规定，该规定在 2023 年修订的行政复议法下是否仍然适用尚未核实。',
  }),

  // ── 行政诉讼法 (2017): the defendant's defence period (行政应诉) ──────────────────────────────────
  r({
    id: 'litigation.defence', title: '被告提交答辩状和证据、依据期限', instrument: '中华人民共和国行政诉讼法', article: '第六十七条第一款',
    length: 15, unit: 'CAL', startEvent: '被告收到起诉状副本之日',
    note: '被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状；期间计算依第一百零一条适用民事诉讼法（期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期）。被告不提供或者无正当理由逾期提供证据的，视为没有相应证据（第三十四条第二款）。',
  }),

  // 行政诉讼法 Art. 85: a party's appeal period runs from service of the first-instance judgment (15 days) or ruling
  // (10 days); calendar days (Art. 101 → 民事诉讼法 Art. 85). No statute sets an internal period for the defendant's
  // decision whether to appeal, so none is catalogued.
  r({
    id: 'litigation.appealJudgment', title: '不服一审判决提起上诉期限', instrument: '中华人民共和国行政诉讼法', article: '第八十五条',
    length: 15, unit: 'CAL', startEvent: '第一审判决书送达之日',
    note: '当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉；逾期不提起上诉的，第一审判决发生法律效力。期间计算依第一百零一条适用民事诉讼法（期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期；上诉状在期满前交邮的，不算过期）。法律未规定被诉行政机关内部作出是否上诉决定的期限，本地如有规定待核实。',
  }),
  r({
    id: 'litigation.appealRuling', title: '不服一审裁定提起上诉期限', instrument: '中华人民共和国行政诉讼法', article: '第八十五条',
    length: 10, unit: 'CAL', startEvent: '第一审裁定书送达之日',
    note: '当事人不服人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉；逾期不提起上诉的，第一审裁定发生法律效力。可以上诉的裁定限于不予立案、驳回起诉和管辖异议（《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百零一条第二款）。期间计算依第一百零一条适用民事诉讼法（届满日为法定休假日的顺延至其后第一日）。法律未规定被诉行政机关内部作出是否上诉决定的期限，本地如有规定待核实。',
  }),

  // ── 行政处罚法 (2021), 国办发〔2018〕118号, 行政强制法 ─────────────────────────────────────────
  r({
    id: 'enforcement.penaltyDecision', ref: 'E1', title: '作出行政处罚决定期限', instrument: XZCF, article: '第六十条',
    length: 90, unit: 'CAL', startEvent: '行政处罚案件立案之日', note: '法律、法规、规章另有规定的，从其规定。',
  }),
  r({
    id: 'enforcement.penaltyServiceAbsent', ref: 'E2', title: '当事人不在场时送达行政处罚决定书期限', instrument: XZCF, article: '第六十一条第一款',
    length: 7, unit: 'WD', unitBasis: XZCF85, startEvent: '作出行政处罚决定之日', note: '依照民事诉讼法的有关规定送达。',
  }),
  r({
    id: 'enforcement.hearingRequest', ref: 'E3', title: '当事人要求听证期限', instrument: XZCF, article: '第六十四条第一项',
    length: 5, unit: 'WD', unitBasis: XZCF85, startEvent: '行政机关告知当事人之日',
  }),
  r({
    id: 'enforcement.hearingNotice', ref: 'E4', title: '行政处罚听证通知期限', instrument: XZCF, article: '第六十四条第二项',
    length: 7, unit: 'WD', unitBasis: XZCF85, direction: 'before', bound: 'min', startEvent: '举行听证之日（向前倒算）',
    note: '应当在举行听证的七日前通知当事人及有关人员听证的时间、地点；计算结果为最迟发出通知之日。',
  }),
  r({
    id: 'enforcement.withdrawPublishedPenalty', ref: 'E5', title: '撤回已公开的行政处罚决定信息期限', instrument: XZCF, article: '第四十八条第二款',
    length: 3, unit: 'WD', unitBasis: XZCF85, startEvent: '行政处罚决定被变更、撤销、确认违法或者确认无效之日',
  }),
  r({
    id: 'enforcement.publishLicensingPenaltyDecision', ref: 'E6', title: '行政许可、行政处罚决定信息公开期限', instrument: GB118, instrumentNo: '国办发〔2018〕118号',
    article: '关于行政执法公示的规定', length: 7, unit: 'WD', unitBasis: '该意见明确规定为工作日', unverified: true,
    startEvent: '执法决定作出之日', note: '期限经司法部新闻发布会等二手来源确认；所在条目编号未与原文核对。',
  }),
  r({
    id: 'enforcement.publishOtherDecision', ref: 'E7', title: '其他行政执法决定信息公开期限', instrument: GB118, instrumentNo: '国办发〔2018〕118号',
    article: '关于行政执法公示的规定', length: 20, unit: 'WD', unitBasis: '该意见明确规定为工作日', unverified: true,
    startEvent: '执法决定作出之日', note: '期限经司法部新闻发布会等二手来源确认；所在条目编号未与原文核对。',
  }),
  r({
    id: 'enforcement.seizure', ref: 'E9', title: '查封、扣押期限', instrument: XZQZ, article: '第二十五条',
    length: 30, unit: 'CAL', startEvent: '作出查封、扣押决定之日',
    maxExtension: { length: 30, unit: 'CAL', article: '《中华人民共和国行政强制法》第二十五条第一款' },
    note: '情况复杂的，经行政机关负责人批准可以延长一次，延长期限不得超过三十日；检测、检验、检疫或者技术鉴定的期间不计入（按中止录入），但应当明确并书面告知当事人。',
  }),

  r({
    id: 'enforcement.supervisionRectification', title: '督办事项整改及报送整改报告期限', instrument: '行政执法监督条例', instrumentNo: '国务院令第825号',
    article: '关于督办整改的规定（条文序号未核实）', length: 30, unit: 'CAL', unverified: true, startEvent: '督办单制发之日',
    note: '《行政执法监督条例》（2026年2月1日施行）第六条明确司法行政部门为本级政府行政执法监督机构；督办单、执法监督意见书的整改和回复期限条文未能与官方文本核对，30日为本局默认设置，可由监督机构批准延期（按延长录入）。',
  }),

  // ── 法律援助法 (no working-day clause → calendar days) ───────────────────────────────────────
  r({
    id: 'legalAid.detaineeForwarding', ref: 'L1', title: '办案机关、监管场所或者值班律师转交法律援助申请期限', instrument: FLYZ, article: '第三十九条',
    length: 24, unit: 'H', startEvent: '办案机关、监管场所或者值班律师收到被羁押人员法律援助申请之时',
    note: '被羁押的犯罪嫌疑人、被告人、服刑人员以及强制隔离戒毒人员等提出法律援助申请的，办案机关、监管场所应当在二十四小时内转交法律援助机构；通过值班律师提出的，值班律师应当在二十四小时内转交（第三十九条第一款、第二款）。本期限由转交方履行，法律援助机构收到转交申请即登记其是否在期限内。',
  }),
  r({
    id: 'legalAid.applicationDecision', ref: 'L2', title: '法律援助申请审查决定期限', instrument: FLYZ, article: '第四十三条第一款',
    length: 7, unit: 'CAL', startEvent: '收到法律援助申请之日',
    note: '材料不齐全的，应当一次性告知补充；未按要求补充或说明的视为撤回申请（第四十三条第二款）。北京市法律援助条例（2008）规定为受理后 5 个工作日，其现行有效性待核实，可作为更严格的内部目标。',
  }),
  r({
    id: 'legalAid.assignment', ref: 'L3', title: '指派法律援助人员期限', instrument: FLYZ, article: '第四十三条第一款',
    length: 3, unit: 'CAL', startEvent: '作出给予法律援助决定之日',
  }),
  r({
    id: 'legalAid.objectionDecision', ref: 'L6', title: '司法行政部门审查法律援助异议期限', instrument: FLYZ, article: '第四十九条第二款',
    length: 5, unit: 'CAL', startEvent: '收到异议之日', note: '法律援助法无工作日条款，按自然日计算；北京市法律援助条例（2008）规定为 5 个工作日。',
  }),
  r({
    id: 'legalAid.criminalNotificationAssignment', ref: 'L4', title: '收到办案机关通知后指派律师期限', instrument: FLYZ, article: '第三十六条',
    length: 3, unit: 'CAL', startEvent: '收到人民法院、人民检察院、公安机关通知之日',
    note: '办案机关应当自发现第二十五条第一款、第二十八条规定情形之日起三日内通知法律援助机构；法律援助机构收到通知后三日内指派律师并通知办案机关。',
  }),
  r({
    id: 'legalAid.decisionBeijing', ref: 'L2', title: '法律援助申请审查决定期限（北京市内部目标）', instrument: '北京市法律援助条例', article: '第二十一条',
    length: 5, unit: 'WD', unitBasis: '该条例规定为工作日', unverified: true, startEvent: '受理法律援助申请之日',
    note: '《北京市法律援助条例》（2008）早于法律援助法，其现行有效性待核实；与法定 7 日期限（法律援助法第四十三条）并列作为更严格的内部目标，冲突时以国家法律为准。',
  }),

  // ── 人民调解法 ──────────────────────────────────────────────────────────────────────────────
  r({
    id: 'mediation.judicialConfirmationApplication', ref: 'P2', title: '共同申请司法确认期限', instrument: RMTJ, article: '第三十三条第一款',
    length: 30, unit: 'CAL', startEvent: '调解协议生效之日',
    note: '另见《中华人民共和国民事诉讼法》第二百零五条；书面协议自各方签名、盖章或按指印，调解员签名并加盖调解委员会印章之日起生效，口头协议自达成之日起生效（人民调解法第二十九条、第三十条）。',
  }),

  // ── 社区矫正法 (no working-day clause → calendar days) ───────────────────────────────────────
  r({
    id: 'corrections.notifyCorrectionBody', ref: 'C1', title: '决定机关通知执行地社区矫正机构期限', instrument: SQJZ, article: '第二十条',
    length: 5, unit: 'CAL', startEvent: '判决、裁定或者决定生效之日',
  }),
  r({
    id: 'corrections.serveDocuments', ref: 'C2', title: '决定机关送达法律文书期限', instrument: SQJZ, article: '第二十条',
    length: 10, unit: 'CAL', startEvent: '判决、裁定或者决定生效之日', note: '同时抄送人民检察院和执行地公安机关。',
  }),
  r({
    id: 'corrections.offenderReport', ref: 'C3', title: '社区矫正对象报到期限', instrument: SQJZ, article: '第二十一条第一款',
    length: 10, unit: 'CAL', startEvent: '判决、裁定生效之日', note: '适用于判处管制、宣告缓刑、裁定假释的社区矫正对象。',
  }),
  r({
    id: 'corrections.handover', ref: 'C4', title: '暂予监外执行社区矫正对象移送期限', instrument: SQJZ, article: '第二十一条第二款、第三款',
    length: 10, unit: 'CAL', startEvent: '收到暂予监外执行决定书或者批准之日',
  }),
  r({
    id: 'corrections.courtRulingOnProposal', ref: 'C6', title: '对减刑、撤销缓刑假释、收监执行建议作出裁定或决定期限', instrument: SQJZ, article: '第三十三条、第四十八条、第四十九条',
    length: 30, unit: 'CAL', startEvent: '人民法院（决定机关）收到社区矫正机构建议书之日',
    note: '人民法院应当在收到减刑建议书、撤销缓刑或假释建议书之日起三十日内作出裁定（第三十三条、第四十八条）；决定机关应当在收到收监执行建议书之日起三十日内作出决定（第四十九条）。本期限由法院、决定机关履行，社区矫正机构跟踪督促。',
  }),
  r({
    id: 'corrections.termEnd', ref: 'C8', title: '矫正期满发放解除社区矫正证明书并通知', instrument: SQJZ, article: '第四十四条',
    length: 0, unit: 'CAL', event: true, startEvent: '社区矫正期满之日',
    note: '社区矫正对象矫正期满或者被赦免的，社区矫正机构应当向社区矫正对象发放解除社区矫正证明书，并通知社区矫正决定机关、所在地的人民检察院、公安机关（第四十四条）。期满日为休息日或法定休假日的，本系统将发放证明书和通知的办理日顺延至其后第一个工作日（按民法典第二百零三条理解）。',
  }),
  r({
    id: 'corrections.arrestDecision', ref: 'C7', title: '人民法院作出是否逮捕决定期限', instrument: SQJZ, article: '第四十七条第二款',
    length: 48, unit: 'H', startEvent: '社区矫正机构提请逮捕（人民法院收到提请）之时',
    note: '被提请撤销缓刑、假释的社区矫正对象可能逃跑或者可能发生社会危险的，社区矫正机构可以在提出撤销缓刑、假释建议的同时，提请人民法院决定对其予以逮捕；人民法院应当在四十八小时内作出是否逮捕的决定；逮捕后的羁押期限不得超过三十日（第四十七条）。本期限由人民法院履行，社区矫正机构跟踪督促。',
  }),

  r({
    id: 'corrections.transferReport', title: '执行地变更后到新执行地报到期限', instrument: '中华人民共和国社区矫正法实施办法', instrumentNo: '司发通〔2020〕59号',
    article: '关于执行地变更的规定', length: 7, unit: 'CAL', unverified: true, configurable: { min: 1, max: 30 }, startEvent: '执行地变更决定作出之日',
    note: '社区矫正法第二十七条第二款规定作出变更决定后通知决定机关和变更后的社区矫正机构、抄送法律文书，未规定报到期限；《社区矫正法实施办法》有关“自变更决定作出之日起七日内到新执行地报到”的规定未能与官方文本核对，条文及期限待核实，由本局设置。',
  }),

  // ── 行政规范性文件、重大行政决策 ─────────────────────────────────────────────────────────────
  r({
    id: 'normativeDocument.publicCommentMarket', ref: 'N1', title: '涉企规范性文件公开征求意见期限', instrument: '优化营商环境条例', instrumentNo: '国务院令第722号',
    article: '第六十二条', length: 30, unit: 'CAL', bound: 'min', startEvent: '公开征求意见之日',
    note: '“一般不少于30日”：计算结果为征求意见期最早可以截止之日；缩短期限须说明理由。',
  }),
  r({
    id: 'normativeDocument.legalityReview', ref: 'N3', title: '规范性文件合法性审核期限', instrument: '国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见',
    instrumentNo: '国办发〔2018〕115号', article: '关于审核时限的规定', length: 15, minLength: 5, unit: 'WD', unitBasis: '该意见规定为工作日', unverified: true,
    startEvent: '收到完整送审材料之日', note: '“一般不少于5个工作日，最长不超过15个工作日”未能与官方文本核对，原文及条目待核实。',
  }),
  r({
    id: 'normativeDocument.filingBeijing', ref: 'N4', title: '规范性文件报送备案期限（北京）', instrument: '北京市行政规范性文件备案规定',
    article: '关于报送备案时限的规定', length: 30, unit: 'CAL', unverified: true, startEvent: '规范性文件公布之日',
    note: '2016 年 7 月 1 日起施行；三十日的期限经二手来源确认，条文序号未核实；该规定是否已被《北京市行政规范性文件备案监督办法》取代尚待核实。',
  }),
  r({
    id: 'majorDecision.publicComment', ref: 'M1', title: '重大行政决策公开征求意见期限', instrument: ZDJC, instrumentNo: '国务院令第713号',
    article: '第十五条', length: 30, unit: 'CAL', bound: 'min', startEvent: '公开征求意见之日',
    note: '“一般不少于30日”；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明。计算结果为征求意见期最早可以截止之日。',
  }),
  r({
    id: 'majorDecision.hearingMaterials', ref: 'M2', title: '重大行政决策听证材料送达期限', instrument: ZDJC, instrumentNo: '国务院令第713号',
    article: '第十六条', length: 7, unit: 'CAL', direction: 'before', bound: 'min', startEvent: '举行听证之日（向前倒算）',
    note: '听证材料至少在听证 7 日前送达听证参加人；计算结果为最迟送达之日。',
  }),
  r({
    id: 'majorDecision.legalityReview', ref: 'M3', title: '重大行政决策合法性审查时间', instrument: ZDJC, instrumentNo: '国务院令第713号',
    article: '第二十六条第二款', length: 7, unit: 'WD', bound: 'min', unitBasis: '《重大行政决策程序暂行条例》第二十六条第二款（“7个工作日”）',
    startEvent: '送请合法性审查之日', note: '“一般不少于7个工作日”：计算结果为应保证的审查时间最早届满之日。',
  }),

  r({
    id: 'normativeDocument.validityEvaluation', ref: 'N5', title: '规范性文件有效期届满前评估期限', instrument: '国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知',
    instrumentNo: '国办发〔2018〕37号', article: '关于有效期的规定', length: 180, unit: 'CAL', direction: 'before', unverified: true,
    startEvent: '有效期届满之日（向前倒算）',
    note: '多地规定规范性文件有效期一般不超过5年，届满前约6个月组织评估，决定继续施行、修改或者废止；37号文原文及北京市的具体规定未核实，天数可配置。计算结果为最迟启动评估之日。',
  }),

  // ── 政府信息公开条例 (工作日 by its own wording) ───────────────────────────────────────────────
  r({
    id: 'disclosure.correctionNotice', ref: 'G1', title: '政府信息公开申请补正通知期限', instrument: ZFXX, instrumentNo: '国务院令第711号',
    article: '第三十条', length: 7, unit: 'WD', unitBasis: '《中华人民共和国政府信息公开条例》第三十条（“7个工作日”）', startEvent: '收到申请之日',
    note: '答复期限自收到补正后的申请之日起计算；无正当理由逾期不补正的，视为放弃申请。',
  }),
  r({
    id: 'disclosure.reply', ref: 'G2', title: '政府信息公开申请答复期限', instrument: ZFXX, instrumentNo: '国务院令第711号',
    article: '第三十三条第二款', length: 20, unit: 'WD', unitBasis: '《中华人民共和国政府信息公开条例》第三十三条第二款（“20个工作日”）',
    startEvent: '收到申请之日（补正的，收到补正后申请之日）',
    maxExtension: { length: 20, unit: 'WD', article: '《中华人民共和国政府信息公开条例》第三十三条第二款' },
    note: '延长须经政府信息公开工作机构负责人同意并告知申请人，最长不超过20个工作日；征求第三方和其他机关意见所需时间不计算在内（第三十三条第三款，按中止录入）。',
  }),
  // ── 行政许可法: licensing periods are working days (Art. 82, law-rules.md §6.6 [V]); the length is set per item ──
  r({
    id: 'licensing.approvalDecision', title: '行政审批事项办理期限', instrument: '中华人民共和国行政许可法', article: '第四十二条第一款',
    length: 20, unit: 'WD', unitBasis: '《中华人民共和国行政许可法》第八十二条', unverified: true, startEvent: '受理申请之日',
    configurable: { min: 1, max: 60 },
    note: '办理期限以工作日计算，不含法定节假日（行政许可法第八十二条，已核实）。各审批事项的期限（行政许可法第四十二条的二十日及律师法等专门规定）未与官方文本逐项核对，由本局按事项设置，待核实。',
  }),
  r({
    id: 'disclosure.thirdPartyOpinion', ref: 'G3', title: '第三方提出意见期限', instrument: ZFXX, instrumentNo: '国务院令第711号',
    article: '第三十二条', length: 15, unit: 'WD', unitBasis: '《中华人民共和国政府信息公开条例》第三十二条（“15个工作日”）', startEvent: '第三方收到征求意见书之日',
  }),
];

/** Month/year periods (民法典 Art. 202). */
export const MONTH_RULES: readonly MonthRule[] = [
  {
    id: 'reconsideration.absoluteBarRealEstate', ref: 'R2', title: '因不动产申请行政复议的最长期限', instrument: FYFYF, article: '第二十一条',
    months: 240, startEvent: '行政行为作出之日', note: '超过的，行政复议机关不予受理。',
  },
  {
    id: 'reconsideration.absoluteBarOther', ref: 'R2', title: '申请行政复议的最长期限（不动产以外）', instrument: FYFYF, article: '第二十一条',
    months: 60, startEvent: '行政行为作出之日', note: '超过的，行政复议机关不予受理。',
  },
  {
    id: 'reconsideration.notInformedCap', ref: 'R1', title: '未告知申请期限时的最长申请期限', instrument: FYFYF, article: '第二十条第三款',
    months: 12, startEvent: '知道或者应当知道行政行为内容之日',
  },
  {
    id: 'enforcement.penaltyLimitation', ref: 'E8', title: '行政处罚追责时效', instrument: XZCF, article: '第三十六条第一款',
    months: 24, startEvent: '违法行为发生之日（有连续或者继续状态的，从行为终了之日）',
    note: '涉及公民生命健康安全、金融安全且有危害后果的，延长至五年（enforcement.penaltyLimitationExtended）；法律另有规定的除外。',
  },
  {
    id: 'enforcement.penaltyLimitationExtended', ref: 'E8', title: '行政处罚追责时效（涉及生命健康安全、金融安全且有危害后果）', instrument: XZCF, article: '第三十六条第一款',
    months: 60, startEvent: '违法行为发生之日（有连续或者继续状态的，从行为终了之日）',
  },
  {
    id: 'mediation.conclusionTarget', ref: 'P1', title: '人民调解一般调结期限', instrument: '人民调解工作若干规定', instrumentNo: '司法部令第75号',
    article: '第三十三条', months: 1, unverified: true, startEvent: '受理纠纷之日',
    note: '“一般在一个月内调结”，属工作目标；该规章与 2010 年人民调解法并行是否仍然有效尚未核实。',
  },
  {
    id: 'corrections.electronicMonitoring', ref: 'C5', title: '电子定位装置使用期限', instrument: SQJZ, article: '第二十九条第二款',
    months: 3, startEvent: '批准之日', note: '每次不得超过三个月；确有必要继续使用的，经评估、批准可以延长，每次不超过三个月。',
  },
];

const BY_ID = new Map(RULES.map((x) => [x.id, x]));
const MONTH_BY_ID = new Map(MONTH_RULES.map((x) => [x.id, x]));
const CONFIGURED = new Map<string, DeadlineRule>();

/** The id of a configurable rule at a set length (`<id>@<length>`), checked against the rule's range. */
export function configuredRuleId(id: string, length: number): string {
  const base = BY_ID.get(id);
  if (!base?.configurable) throw new AppError('NOT_FOUND', { ruleId: id });
  if (!Number.isInteger(length) || length < base.configurable.min || length > base.configurable.max) throw new AppError('VALIDATION_FAILED', { ruleId: id, length, min: base.configurable.min, max: base.configurable.max });
  return `${id}@${length}`;
}

export function findRule(id: string): DeadlineRule | undefined {
  const hit = BY_ID.get(id) ?? CONFIGURED.get(id);
  if (hit) return hit;
  const m = /^([a-zA-Z.]+)@(\d{1,4})$/.exec(id);
  const base = m ? BY_ID.get(m[1]!) : undefined;
  if (!m || !base?.configurable) return undefined;
  const length = Number(m[2]);
  if (length < base.configurable.min || length > base.configurable.max) return undefined;
  const rule: DeadlineRule = { ...base, id, length, note: `${base.note ? `${base.note}` : ''}本局设置为 ${length} ${base.unit === 'WD' ? '个工作日' : '日'}。` };
  CONFIGURED.set(id, rule);
  return rule;
}

/** @throws AppError NOT_FOUND for an unknown id */
export function getRule(id: string): DeadlineRule {
  const rule = findRule(id);
  if (!rule) throw new AppError('NOT_FOUND', { ruleId: id });
  return rule;
}

/** @throws AppError NOT_FOUND for an unknown id */
export function getMonthRule(id: string): MonthRule {
  const rule = MONTH_BY_ID.get(id);
  if (!rule) throw new AppError('NOT_FOUND', { ruleId: id });
  return rule;
}

/** '《中华人民共和国行政复议法》第三十条' (with the document number for State Council documents). */
export function ruleCitation(rule: Pick<DeadlineRule, 'instrument' | 'article' | 'instrumentNo'>): string {
  return `《${rule.instrument}》${rule.instrumentNo ? `（${rule.instrumentNo}）` : ''}${rule.article}`;
}
