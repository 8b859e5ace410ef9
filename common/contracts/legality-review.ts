/**
 * 合法性审查 (legality review) of drafts: 行政规范性文件, 重大行政决策, 重大合同, 产业政策.
 * Law: 地方组织法 Art. 75; 重大行政决策程序暂行条例 (国务院令第713号) Arts. 15, 25–31; 优化营商环境条例 Arts. 62–64;
 * 国办发〔2018〕37号 / 115号 (partly UNVERIFIED, see law-rules.md §2); 北京市行政规范性文件备案规定 (filing, 30 days).
 */
import { z } from 'zod';
import { StepSchema } from './calendar';
import { Id, IsoDate, Paging } from './shared';

/**
 * A finding's basis as cited in Chinese, on the screen and in the 审查意见书: the title in 《》 with a notice's number after
 * it (《…的通知》（国办发〔2018〕47号）), an article as given (第十七条), a numbered part of a notice as 第一部分, and nothing
 * for a citation of the whole instrument (the engine's "—").
 */
export function citeBasis(instrument: string, article: string): string {
  const m = /^(.+?)[（(]([^（）()]*〔\d{4}〕\d+号)[）)]$/u.exec(instrument.trim());
  const title = m ? `《${m[1]}》（${m[2]}）` : `《${instrument.trim()}》`;
  const a = article.trim();
  if (!a || /^[—–-]+$/u.test(a)) return title;
  return `${title}${/^[一二三四五六七八九十]+$/u.test(a) ? `第${a}部分` : a}`;
}

/** The corpus text of an article starts with its own number; quoted after the citation, the number is dropped. */
export const articleBody = (text: string) => text.replace(/^\s*第[一二三四五六七八九十百千零〇两\d]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]*/u, '');

export const LrDraftKind = z.enum(['normativeDocument', 'majorDecision', 'majorContract', 'industryPolicy']);
export type LrDraftKind = z.infer<typeof LrDraftKind>;
export const LR_DRAFT_KIND_LABELS: Record<LrDraftKind, string> = {
  normativeDocument: '行政规范性文件',
  majorDecision: '重大行政决策',
  majorContract: '重大合同',
  industryPolicy: '产业政策',
};

export const LrDraftStatus = z.enum(['registered', 'incomplete', 'underReview', 'opinionIssued', 'decided', 'published', 'filed', 'expired', 'abolished', 'withdrawn']);
export type LrDraftStatus = z.infer<typeof LrDraftStatus>;
export const LR_DRAFT_STATUS_LABELS: Record<LrDraftStatus, string> = {
  registered: '已登记',
  incomplete: '退回补充材料',
  underReview: '审查中',
  opinionIssued: '已出具审查意见',
  decided: '已集体审议',
  published: '已公布',
  filed: '已备案',
  expired: '已失效',
  abolished: '已废止',
  withdrawn: '已撤回',
};

/** The materials a complete submission carries (重大行政决策程序暂行条例 Art. 26 ¶1; 国办发〔2018〕115号). */
export const LrMaterialKind = z.enum(['draftingExplanation', 'legalBasis', 'commentRecord', 'fairCompetitionReview', 'other']);
export type LrMaterialKind = z.infer<typeof LrMaterialKind>;
export const LR_MATERIAL_LABELS: Record<LrMaterialKind, string> = {
  draftingExplanation: '起草说明',
  legalBasis: '制定依据（法律、法规、规章等）',
  commentRecord: '征求意见情况',
  fairCompetitionReview: '公平竞争审查记录',
  other: '其他材料',
};
/** Accepted upload types for materials (checked by extension, declared type and leading bytes; never executed). */
export const LR_MATERIAL_UPLOAD = { maxBytes: 10 * 1024 * 1024, extensions: ['pdf', 'docx', 'doc', 'ofd', 'jpg', 'jpeg', 'png', 'txt'] } as const;

export const LrOpinionConclusion = z.enum(['approve', 'approveWithChanges', 'disapprove']);
export const LR_OPINION_CONCLUSION_LABELS: Record<z.infer<typeof LrOpinionConclusion>, string> = {
  approve: '合法，同意提交审议',
  approveWithChanges: '按审查意见修改后提交审议',
  disapprove: '不合法，不得提交审议',
};

// Finding types and their labels: FindingType / FINDING_TYPE_LABELS in ./legality-review-engine.

export const LrCommentDecision = z.enum(['adopted', 'partlyAdopted', 'notAdopted']);
export const LR_COMMENT_DECISION_LABELS: Record<z.infer<typeof LrCommentDecision>, string> = { adopted: '采纳', partlyAdopted: '部分采纳', notAdopted: '不采纳' };

export const LrEnterpriseSize = z.enum(['large', 'medium', 'small', 'micro']);
export const LR_ENTERPRISE_SIZE_LABELS: Record<z.infer<typeof LrEnterpriseSize>, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
export const LrOwnership = z.enum(['state', 'private', 'foreign', 'collective', 'association']);
export const LR_OWNERSHIP_LABELS: Record<z.infer<typeof LrOwnership>, string> = { state: '国有', private: '民营', foreign: '外资', collective: '集体', association: '行业协会商会' };

export const LrConsultSubject = z.enum(['majorMatter', 'document', 'contract']);
export const LR_CONSULT_SUBJECT_LABELS: Record<z.infer<typeof LrConsultSubject>, string> = { majorMatter: '重大事项', document: '重要文件', contract: '重大合同' };

// ── drafts ───────────────────────────────────────────────────────────────────────────────────────
const Text = (max: number) => z.string().trim().min(1).max(max);

export const LrDraftCreateBody = z.object({
  kind: LrDraftKind,
  title: Text(200),
  draftingUnit: Text(100),
  contactName: Text(40),
  /** the day the submission reached the review body */
  submittedOn: IsoDate,
  /** whether the draft touches the rights and duties of market players (优化营商环境条例 Arts. 62–64) */
  touchesMarket: z.boolean().default(false),
  /** the draft text; a .docx can be uploaded instead (POST /drafts/:id/text) */
  text: z.string().max(200_000).optional(),
  /** normative documents: review period chosen within 5–15 working days (国办发〔2018〕115号, UNVERIFIED) */
  reviewPeriodWd: z.number().int().min(5).max(15).optional(),
  /** major decisions: the date the drafting unit asks the review to end; must leave at least 7 working days (Art. 26 ¶2) */
  requestedBy: IsoDate.optional(),
});
export const LrDraftListQuery = Paging.extend({
  kind: LrDraftKind.optional(),
  status: LrDraftStatus.optional(),
  q: z.string().max(60).optional(),
  /** valid documents whose validity ends within 180 days */
  expiring: z.enum(['true', 'false']).optional(),
});
export const LrDraftTextBody = z.object({ text: z.string().min(1).max(200_000) });
export const LrMaterialTextBody = z.object({ kind: LrMaterialKind, text: Text(20_000) });
export const LrReturnBody = z.object({ items: z.string().trim().min(1).max(1000) });
export const LrAcceptBody = z.object({ acceptedOn: IsoDate, reviewerId: Id.optional() });
export const LrFindingDecisionBody = z.object({ decision: z.enum(['accepted', 'rejected']), reason: Text(500) });
export const LrOpinionBody = z.object({ conclusion: LrOpinionConclusion, opinion: Text(10_000), issuedOn: IsoDate });
export const LrCollectiveBody = z.object({ meeting: Text(100), decidedOn: IsoDate, result: z.enum(['approved', 'approvedWithChanges', 'rejected']), note: z.string().max(2000).optional() });
export const LrPublishBody = z.object({
  publishedOn: IsoDate,
  validFrom: IsoDate,
  /** required for normative documents (validity period); at most 5 years — a configurable, UNVERIFIED local practice */
  validUntil: IsoDate.optional(),
});
export const LrFileBody = z.object({ filedOn: IsoDate, filingNo: Text(60) });
export const LrWithdrawBody = z.object({ reason: Text(500) });
export const LrCommentPeriodBody = z.object({ from: IsoDate, until: IsoDate, shortenedReason: z.string().trim().max(500).optional() });
export const LrPublicCommentBody = z.object({ anchor: Text(40), content: Text(2000), commenterName: z.string().trim().max(60).optional(), organization: z.string().trim().max(100).optional() });
export const LrStaffCommentBody = LrPublicCommentBody.extend({ contactPointId: Id.optional() });
export const LrCommentDecisionBody = z.object({ decision: LrCommentDecision, reason: Text(1000) });
export const LrAdoptionStatementBody = z.object({ publishedOn: IsoDate, summary: z.string().max(5000).optional() });
export const LrInviteBody = z.object({ contactPointIds: z.array(Id).min(1).max(100) });
export const LrPostEvaluationBody = z.object({ evaluatedOn: IsoDate, evaluator: Text(100), conclusion: z.enum(['continue', 'amend', 'abolish']), report: Text(10_000) });

export const LrFindingSchema = z.object({
  id: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
  types: z.array(z.string()),
  ruleId: z.string(),
  /** the rule's own citations: the legal basis of the finding (the only ones cited in the 审查意见书) */
  basis: z.array(z.object({ instrument: z.string(), article: z.string(), text: z.string().nullable() })),
  /** provisions of the law library retrieved by word similarity (BM25): for the reviewer to read, never the basis */
  related: z.array(z.object({ instrument: z.string(), article: z.string(), text: z.string().nullable() })),
  explanation: z.string(),
  confidence: z.number(),
  decision: z.enum(['accepted', 'rejected']).nullable(),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type LrDraftFinding = z.infer<typeof LrFindingSchema>;

export const LrMaterialSchema = z.object({
  id: z.string(),
  kind: LrMaterialKind,
  form: z.enum(['file', 'text']),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  text: z.string().nullable(),
  createdAt: z.string(),
});

export const LrCommentSchema = z.object({
  id: z.string(),
  anchor: z.string(),
  content: z.string(),
  commenterName: z.string().nullable(),
  organization: z.string().nullable(),
  source: z.enum(['public', 'contactPoint', 'staff']),
  contactPointName: z.string().nullable(),
  submittedAt: z.string(),
  decision: LrCommentDecision.nullable(),
  decisionReason: z.string().nullable(),
});

export const LrDraftSummary = z.object({
  id: z.string(),
  regNo: z.string(),
  kind: LrDraftKind,
  title: z.string(),
  draftingUnit: z.string(),
  status: LrDraftStatus,
  submittedOn: z.string(),
  reviewDue: z.string().nullable(),
  reviewerName: z.string().nullable(),
  docNo: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export type LrDraftSummary = z.infer<typeof LrDraftSummary>;

export const LrClockSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  citation: z.string(),
  unverified: z.boolean(),
  configurable: z.boolean(),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  status: z.string(),
  note: z.string(),
  steps: z.array(StepSchema),
});

export const LrDraftDetail = LrDraftSummary.extend({
  contactName: z.string(),
  touchesMarket: z.boolean(),
  text: z.string(),
  textSource: z.enum(['text', 'docx']).nullable(),
  reviewPeriodWd: z.number().int().nullable(),
  requestedBy: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  reviewerId: z.string().nullable(),
  returnItems: z.string().nullable(),
  materials: z.array(LrMaterialSchema),
  missing: z.array(z.object({ kind: LrMaterialKind, label: z.string(), why: z.string() })),
  clocks: z.array(LrClockSchema),
  findings: z.array(LrFindingSchema),
  analyzedAt: z.string().nullable(),
  opinion: z.object({ no: z.string(), conclusion: LrOpinionConclusion, text: z.string(), issuedOn: z.string() }).nullable(),
  collective: z.object({ meeting: z.string(), decidedOn: z.string(), result: z.string(), note: z.string().nullable() }).nullable(),
  publishedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  filedOn: z.string().nullable(),
  filingNo: z.string().nullable(),
  commentPeriod: z.object({ from: z.string(), until: z.string(), minimumUntil: z.string(), citation: z.string(), shortenedReason: z.string().nullable(), open: z.boolean() }).nullable(),
  adoptionStatement: z.object({ publishedOn: z.string(), text: z.string() }).nullable(),
  comments: z.array(LrCommentSchema),
  invited: z.array(z.object({ id: z.string(), name: z.string(), industry: z.string(), size: LrEnterpriseSize, ownership: LrOwnership })),
  postEvaluations: z.array(z.object({ evaluatedOn: z.string(), evaluator: z.string(), conclusion: z.string(), report: z.string() })),
  events: z.array(z.object({ at: z.string(), action: z.string(), label: z.string(), actorName: z.string(), note: z.string().nullable() })),
  allowedActions: z.array(z.string()),
  version: z.number().int(),
});
export type LrDraftDetail = z.infer<typeof LrDraftDetail>;

// ── public portal ────────────────────────────────────────────────────────────────────────────────
export const LrPublicDraftSummary = z.object({ id: z.string(), kind: LrDraftKind, title: z.string(), draftingUnit: z.string(), from: z.string(), until: z.string() });
export const LrPublicDraftDetail = LrPublicDraftSummary.extend({
  articles: z.array(z.object({ anchor: z.string(), text: z.string() })),
  adoptionStatement: z.string().nullable(),
});

// ── contact points ───────────────────────────────────────────────────────────────────────────────
export const LrContactPointBody = z.object({
  name: Text(100),
  industry: Text(40),
  size: LrEnterpriseSize,
  ownership: LrOwnership,
  contactName: z.string().trim().max(40).optional(),
});
export const LrContactPointSchema = LrContactPointBody.extend({ id: z.string(), active: z.boolean(), contactName: z.string().nullable(), createdAt: z.string() });
export const LrRepresentativenessSchema = z.object({
  total: z.number().int(),
  byIndustry: z.record(z.string(), z.number().int()),
  bySize: z.record(z.string(), z.number().int()),
  byOwnership: z.record(z.string(), z.number().int()),
  /** zh-CN gaps, e.g. no small or micro enterprises (国务院办公厅: hear private, labour-intensive and small firms) */
  gaps: z.array(z.string()),
});

// ── legal advisers and consultations ─────────────────────────────────────────────────────────────
export const LrAdviserBody = z.object({ name: Text(40), firm: Text(100), specialty: z.string().trim().max(100).optional() });
export const LrAdviserSchema = z.object({ id: z.string(), name: z.string(), firm: z.string(), specialty: z.string().nullable(), active: z.boolean(), consultations: z.number().int(), minutes: z.number().int() });
export const LrConsultBody = z.object({ subject: LrConsultSubject, title: Text(200), requestingUnit: Text(100), requestedOn: IsoDate, dueOn: IsoDate.optional(), draftId: Id.optional() });
export const LrConsultAssignBody = z.object({ adviserId: Id, assignedOn: IsoDate });
export const LrConsultOpinionBody = z.object({ opinion: Text(10_000), answeredOn: IsoDate, minutes: z.number().int().min(1).max(100_000) });
export const LrConsultListQuery = Paging.extend({ status: z.enum(['requested', 'assigned', 'answered']).optional(), subject: LrConsultSubject.optional() });
export const LrConsultSchema = z.object({
  id: z.string(),
  no: z.string(),
  subject: LrConsultSubject,
  title: z.string(),
  requestingUnit: z.string(),
  requestedOn: z.string(),
  dueOn: z.string().nullable(),
  draftId: z.string().nullable(),
  adviserId: z.string().nullable(),
  adviserName: z.string().nullable(),
  assignedOn: z.string().nullable(),
  opinion: z.string().nullable(),
  answeredOn: z.string().nullable(),
  minutes: z.number().int().nullable(),
  status: z.enum(['requested', 'assigned', 'answered']),
});

// ── clean-up campaigns ───────────────────────────────────────────────────────────────────────────
export const LrCleanupBody = z.object({ name: Text(100), startedOn: IsoDate, scope: z.string().trim().max(500).optional() });
export const LrCleanupItemBody = z.object({ draftId: Id, result: z.enum(['retain', 'amend', 'abolish']), note: z.string().trim().max(1000).optional(), decidedOn: IsoDate });
export const LR_CLEANUP_RESULT_LABELS = { retain: '继续有效', amend: '修改', abolish: '废止' } as const;
export const LrCleanupSchema = z.object({
  id: z.string(),
  name: z.string(),
  startedOn: z.string(),
  scope: z.string().nullable(),
  items: z.array(z.object({ draftId: z.string(), regNo: z.string(), title: z.string(), result: z.string(), note: z.string().nullable(), decidedOn: z.string() })),
});
