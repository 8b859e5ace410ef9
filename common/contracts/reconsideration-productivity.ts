/**
 * 行政复议 handler productivity (issue 3, item 6): similar-case search, balanced assignment, bulk actions on batches of
 * similar cases, saved views of the case list and reasoning-paragraph templates (说理段落模板).
 */
import { z } from 'zod';
import {
  AcceptBody,
  DecideBody,
  MediationBody,
  RecordReplyBody,
  RejectBody,
  ReconChannel,
  ReconDecisionType,
  ReconStatus,
  ResumeBody,
  SendCopyBody,
  SuspendBody,
  TerminateBody,
} from './reconsideration';
import { Id, IsoDate } from './shared';

// ── similar-case search ─────────────────────────────────────────────────────────────────────────────────
export const ReconSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入检索内容').max(500, '检索内容不能超过 500 字'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ReconSimilarQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const ReconSearchHit = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  status: ReconStatus,
  statusLabel: z.string(),
  receivedOn: z.string(),
  respondentName: z.string(),
  actName: z.string(),
  decisionType: ReconDecisionType.nullable(),
  /** e.g. 维持（第六十八条）; null while undecided */
  decisionLabel: z.string().nullable(),
  decidedOn: z.string().nullable(),
  /** BM25 score (k1 = 1.2, b = 0.75); comparable only within one result list */
  score: z.number(),
  /** the query terms found in the case, most informative first: the UI highlights them */
  matchedTerms: z.array(z.string()),
});
export type ReconSearchHit = z.infer<typeof ReconSearchHit>;
export const ReconSearchResult = z.object({
  /** the terms the query was segmented into (stop words removed) */
  terms: z.array(z.string()),
  data: z.array(ReconSearchHit),
});
export type ReconSearchResult = z.infer<typeof ReconSearchResult>;

// ── balanced assignment ─────────────────────────────────────────────────────────────────────────────────
export const AssignmentSuggestionQuery = z.object({ caseId: Id });
export const AssignmentSuggestion = z.object({
  userId: z.string(),
  displayName: z.string(),
  /** open (not concluded) cases the handler holds */
  openCases: z.number().int(),
  /** running deadlines of those cases that are past due / due within 3 days */
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  nearestDue: z.string().nullable(),
  /** weighted load: stage weights plus deadline pressure (see `explanation`); lower = suggested first */
  load: z.number(),
  explanation: z.string(),
  current: z.boolean(),
});
export type AssignmentSuggestion = z.infer<typeof AssignmentSuggestion>;
export const AssignmentSuggestions = z.object({ caseId: z.string(), departmentId: z.string(), data: z.array(AssignmentSuggestion) });

export const BulkAssignBody = z.object({
  caseIds: z.array(Id).min(1, '请选择案件').max(200, '一次最多分配 200 件'),
  /** the handlers to share the batch among; omitted = every eligible handler of each case's department */
  handlerIds: z.array(Id).min(1).max(50).optional(),
});
export const BulkAssignResult = z.object({
  data: z.array(z.object({ caseId: z.string(), caseNo: z.string(), handlerId: z.string(), handlerName: z.string() })),
});

// ── bulk actions ────────────────────────────────────────────────────────────────────────────────────────
const CaseIds = z.array(Id).min(1, '请选择案件').max(100, '一次最多处理 100 件');
/**
 * One action with one body applied to each case of a batch. Per case, not all-or-nothing: every case runs the same
 * service transition as its single-case route, in its own transaction (so nothing is half-written within a case),
 * and the result lists each case's outcome.
 */
export const BulkActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), caseIds: CaseIds, body: AcceptBody }),
  z.object({ action: z.literal('rejectApplication'), caseIds: CaseIds, body: RejectBody }),
  z.object({ action: z.literal('sendCopy'), caseIds: CaseIds, body: SendCopyBody }),
  z.object({ action: z.literal('recordReply'), caseIds: CaseIds, body: RecordReplyBody }),
  z.object({ action: z.literal('startMediation'), caseIds: CaseIds, body: MediationBody }),
  z.object({ action: z.literal('suspend'), caseIds: CaseIds, body: SuspendBody }),
  z.object({ action: z.literal('resume'), caseIds: CaseIds, body: ResumeBody }),
  z.object({ action: z.literal('decide'), caseIds: CaseIds, body: DecideBody }),
  z.object({ action: z.literal('terminate'), caseIds: CaseIds, body: TerminateBody }),
]);
export type BulkActionBody = z.infer<typeof BulkActionBody>;
export const BULK_ACTION_LABELS: Record<BulkActionBody['action'], string> = {
  accept: '受理',
  rejectApplication: '不予受理',
  sendCopy: '发送申请书副本',
  recordReply: '登记被申请人答复',
  startMediation: '开始调解',
  suspend: '中止审理',
  resume: '恢复审理',
  decide: '作出行政复议决定',
  terminate: '终止行政复议',
};
export const BulkOutcome = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  ok: z.boolean(),
  /** the status after the action (ok) */
  status: ReconStatus.nullable(),
  /** the error code and its Chinese message (not ok) */
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export const BulkActionResult = z.object({ succeeded: z.number().int(), failed: z.number().int(), data: z.array(BulkOutcome) });
export type BulkActionResult = z.infer<typeof BulkActionResult>;

// ── saved views ─────────────────────────────────────────────────────────────────────────────────────────
/** The case list's filters (GET /reconsideration/cases), without paging; `mine` = handled by the viewer. */
export const SavedViewFilters = z.object({
  status: ReconStatus.optional(),
  channel: ReconChannel.optional(),
  handlerId: Id.optional(),
  mine: z.boolean().optional(),
  due: z.enum(['overdue', 'dueSoon']).optional(),
  caseNo: z.string().trim().max(40).optional(),
  procedure: z.enum(['ordinary', 'simplified']).optional(),
  /** keyword: part of the case number, the applicant's or the respondent's name */
  q: z.string().trim().max(60).optional(),
  receivedFrom: IsoDate.optional(),
  receivedTo: IsoDate.optional(),
});
export type SavedViewFilters = z.infer<typeof SavedViewFilters>;
export const SavedViewBody = z.object({ name: z.string().trim().min(1, '请输入视图名称').max(40, '视图名称不能超过 40 字'), filters: SavedViewFilters });
export const SavedView = z.object({ id: z.string(), name: z.string(), filters: SavedViewFilters, createdAt: z.string() });
export type SavedView = z.infer<typeof SavedView>;

// ── reasoning-paragraph templates ───────────────────────────────────────────────────────────────────────
export const ReconMatterType = z.enum(['informationDisclosure', 'administrativePenalty', 'administrativeCoercion', 'administrativeLicensing', 'failureToAct', 'workInjury', 'other']);
export type ReconMatterType = z.infer<typeof ReconMatterType>;
export const RECON_MATTER_LABELS: Record<ReconMatterType, string> = {
  informationDisclosure: '政府信息公开',
  administrativePenalty: '行政处罚',
  administrativeCoercion: '行政强制',
  administrativeLicensing: '行政许可',
  failureToAct: '不履行法定职责',
  workInjury: '工伤认定',
  other: '其他',
};
/** The placeholders a template may use; filled from the case. */
export const TEMPLATE_PLACEHOLDERS = ['申请人', '被申请人', '行政行为'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** A citation such as 《中华人民共和国行政复议法》第六十八条 (one or more instruments and articles). */
const Citation = z
  .string()
  .trim()
  .min(1, '请填写所依据的法律条文')
  .max(300)
  .regex(/^《[^《》]+》第[一二三四五六七八九十百零]+条/, '法律依据应写明法律名称和条款，例如《中华人民共和国行政复议法》第六十八条');
export const ReasoningTemplateBody = z.object({
  title: z.string().trim().min(1, '请输入模板名称').max(60),
  decisionType: ReconDecisionType,
  matterType: ReconMatterType,
  body: z.string().trim().min(10, '说理段落过短').max(5000),
  article: Citation,
});
export const ReasoningTemplateUpdateBody = ReasoningTemplateBody.extend({ version: z.number().int().min(1) });
export const ReasoningTemplateQuery = z.object({ decisionType: ReconDecisionType.optional(), matterType: ReconMatterType.optional() });
export const ReasoningTemplate = ReasoningTemplateBody.extend({
  id: z.string(),
  /** null = built-in (bureau-wide, read-only) */
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  builtin: z.boolean(),
  placeholders: z.array(z.string()),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ReasoningTemplate = z.infer<typeof ReasoningTemplate>;

/** The `{…}` placeholders used in a text. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([^{}]{1,20})\}/g)].map((m) => m[1]!))];
}

/** Fills a template from the case; unknown placeholders stay as written. */
export function renderTemplate(text: string, values: Partial<Record<TemplatePlaceholder, string>>): string {
  return text.replace(/\{([^{}]{1,20})\}/g, (all, name: string) => values[name as TemplatePlaceholder] ?? all);
}
