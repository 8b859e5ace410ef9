import type { Generated, Kysely } from 'kysely';

/** Table types, camelCase (CamelCasePlugin maps to snake_case columns). Booleans are 0/1 integers (portable). */
export interface DepartmentTable {
  id: string;
  parentId: string | null;
  name: string;
  /** bureau | section | center | judicialOffice */
  kind: string;
  code: string;
  /** Materialised path of ids, '/root/child/', for "department and below" scope queries. */
  path: string;
  sort: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  departmentId: string;
  passwordHash: string;
  passwordChangedAt: string | null;
  mustChangePassword: number;
  failedAttempts: number;
  lockedUntil: string | null;
  status: string;
  idNumberEnc: string | null;
  idNumberBidx: string | null;
  mobileEnc: string | null;
  mobileBidx: string | null;
  isDemo: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RoleTable {
  id: string;
  code: string;
  name: string;
  description: string;
  builtin: number;
  /** own | department | departmentTree | all */
  dataScope: string;
  /** system | security | audit | null: the three separated administrator duties (三员分立) */
  duty: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RolePermissionTable {
  roleId: string;
  permission: string;
}

export interface UserRoleTable {
  userId: string;
  roleId: string;
}

export interface SessionTable {
  /** SM3 hash of the cookie token; the token itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
}

export interface LoginLogTable {
  id: string;
  at: string;
  username: string;
  userId: string | null;
  ip: string;
  /** success | failure | locked | logout | timeout */
  outcome: string;
  reason: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  /** success | denied | failure */
  outcome: string;
  /** JSON: { before, after } with personal fields masked */
  diff: string | null;
  prevHash: string;
  hash: string;
}

export interface CalendarYearTable {
  year: number;
  notice: string;
  docNo: string | null;
  docNoVerified: number;
  publishedOn: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface CalendarDayTable {
  date: string;
  year: number;
  /** off = official day off; work = adjusted working day (调休上班) */
  kind: string;
  holiday: string;
}

export interface CalendarJournalTable {
  id: string;
  at: string;
  actorId: string | null;
  /** JSON describing the change */
  change: string;
  recomputed: number;
  changedDeadlines: number;
}

export interface DeadlineTable {
  id: string;
  module: string;
  objectType: string;
  objectId: string;
  title: string;
  ruleId: string;
  startDate: string;
  /** JSON Pause[] */
  pauses: string;
  /** JSON Extension[] */
  extensions: string;
  dueDate: string | null;
  /** hour rules (migration 004): the start event and the due instant, ISO-8601 UTC; null for day-counted rules */
  startAt?: string | null;
  dueAt?: string | null;
  /** open | met | cancelled */
  status: string;
  /** JSON string[] */
  flags: string;
  departmentId: string;
  assigneeId: string | null;
  computedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** A due-soon or overdue reminder sent for a deadline to its assignee on a Beijing date (migration 003). */
export interface NotificationSendTable {
  id: string;
  deadlineId: string;
  assigneeId: string;
  sentOn: string;
  /** dueSoon | overdue */
  state: string;
  /** log | sms */
  channel: string;
  sentAt: string;
}

export interface DeadlineJournalTable {
  id: string;
  deadlineId: string;
  at: string;
  oldDue: string | null;
  newDue: string | null;
  reason: string;
}

export interface PersonTable {
  id: string;
  name: string;
  idNumberEnc: string;
  idNumberBidx: string;
  mobileEnc: string | null;
  mobileBidx: string | null;
  departmentId: string;
  createdBy: string | null;
  createdAt: string;
}

export interface OrganizationTable {
  id: string;
  name: string;
  creditCode: string;
  createdAt: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** 行政复议 case register (module reconsideration). Sharding key: department_id. */
export interface ReconsiderationCaseTable {
  id: string;
  caseNo: string;
  year: number;
  seq: number;
  departmentId: string;
  handlerId: string | null;
  status: string;
  /** status to return to on resumption after 中止 */
  resumeTo: string | null;
  procedure: string | null;
  channel: string;
  receivedOn: string;
  postmarkOn: string | null;
  oralRecord: string | null;
  oralConfirmed: number | null;
  applicantKind: string;
  applicantPersonId: string | null;
  applicantName: string;
  applicantCreditCode: string | null;
  /** 'p:' + blind index of the 身份证号, or 'o:' + 统一社会信用代码: the duplicate-detection key */
  applicantKey: string;
  respondentName: string;
  respondentKey: string;
  actName: string;
  actDocNo: string | null;
  actDocKey: string | null;
  actMadeOn: string | null;
  actKnownOn: string;
  /** 0/1: 因不动产提出 (Art. 21: 20-year bar) */
  actRealEstate: number;
  /** Art. 20 ¶3 (not informed of the right to apply): the day the applicant learned of the right, organ and period */
  actRightsKnownOn: string | null;
  request: string;
  reasons: string;
  lateExplanation: string | null;
  /** JSON AttachmentMeta[] */
  attachments: string;
  applicationDue: string;
  late: number;
  acceptedOn: string | null;
  rejectedOn: string | null;
  correctionItems: string | null;
  copySentOn: string | null;
  respondentReceivedOn: string | null;
  replyReceivedOn: string | null;
  suspendedOn: string | null;
  suspensionGround: number | null;
  extensionDays: number | null;
  decisionType: string | null;
  decidedOn: string | null;
  terminatedOn: string | null;
  terminationGround: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The timeline of a case: one row per transition. */
export interface ReconsiderationEventTable {
  id: string;
  caseId: string;
  /** the case's version after this step: orders the timeline */
  version: number;
  departmentId: string;
  at: string;
  /** the legal date of the step (YYYY-MM-DD) */
  onDate: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorName: string | null;
  /** JSON object */
  details: string;
}

/** Unified numbering per year (统一编号). */
export interface ReconsiderationCounterTable {
  year: number;
  lastSeq: number;
}

/** 行政复议文书 (migration 011): a draft, then issued with a per-year number (doc_no, year, seq), or void. */
export interface ReconsiderationDocumentTable {
  id: string;
  caseId: string;
  kind: string;
  title: string;
  docNo: string | null;
  year: number | null;
  seq: number | null;
  /** JSON array of strings */
  paragraphs: string;
  status: string;
  issuedOn: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  issuedBy: string | null;
  issuedAt: string | null;
  version: number;
  /** 作废 (migration 015): why, by whom, when; null unless status is 'void' */
  voidReason: string | null;
  voidedBy: string | null;
  voidedAt: string | null;
}

/** 送达 of an issued document (migration 011). */
export interface ReconsiderationDocumentServiceTable {
  id: string;
  documentId: string;
  method: string;
  recipient: string;
  servedOn: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** Document numbers per year (migration 011). */
export interface ReconsiderationDocumentCounterTable {
  year: number;
  lastSeq: number;
}

/** 行政复议 online application (public portal, migration 012): the receipt and its hashed query code. */
export interface ReconsiderationPortalApplicationTable {
  id: string;
  caseId: string;
  departmentId: string;
  receiptNo: string;
  /** scrypt$<salt>$<hash>; the query code itself is never stored */
  queryHash: string;
  /** SM4 ciphertext of the 住所 */
  addressEnc: string;
  postalCode: string | null;
  legalRepresentative: string | null;
  submittedAt: string;
}

/** Files attached to a case; stored under <dataDir>/uploads/<storagePath>, no extension, mode 0600. */
export interface ReconsiderationAttachmentTable {
  id: string;
  caseId: string;
  departmentId: string;
  source: string;
  originalName: string;
  /** detected content type: pdf | jpeg | png | docx | ofd */
  kind: string;
  size: number;
  sha256: string;
  storagePath: string;
  createdAt: string;
}

/** Failed progress queries per receipt number typed (lockout). */
export interface ReconsiderationPortalAttemptTable {
  receiptNo: string;
  failures: number;
  lastFailureAt: string;
  lockedUntil: string | null;
}

/** One submission token of the portal form (migration 016): a retried submission returns the first receipt. */
export interface ReconsiderationPortalSubmissionTable {
  /** SHA-256 hex of the token (the token itself is not stored) */
  submissionKey: string;
  caseId: string;
  fingerprint: string;
  /** SM4 ciphertext of the receipt JSON; null once the retry window has passed */
  receiptEnc: string | null;
  createdAt: string;
}

/** Similar-case search (migration 014): one row per indexed case, and the inverted index. */
// 合法性审查 review engine (migration 020)
export interface LawInstrumentTable {
  id: string;
  name: string;
  title: string;
  versionDate: string | null;
  category: string | null;
  sourceFile: string;
  articleCount: number;
  importedAt: string;
  importedBy: string | null;
}
export interface LawArticleTable {
  id: string;
  instrumentId: string;
  articleNo: string;
  articleNum: number;
  seq: number;
  text: string;
  terms: string;
  termCount: number;
}
export interface LegalityLlmCallTable {
  id: string;
  createdAt: string;
  url: string;
  model: string;
  purpose: string;
  prompt: string;
  response: string | null;
  status: string;
  error: string | null;
  durationMs: number;
  userId: string | null;
}
export interface LegalityFindingDecisionTable {
  id: string;
  reviewId: string;
  findingRuleId: string;
  /** JSON array of finding types */
  findingTypes: string;
  decision: 'accepted' | 'rejected';
  reviewerUserId: string;
  reason: string | null;
  decidedAt: string;
}
export interface ReconSearchDocTable {
  caseId: string;
  docLen: number;
  caseVersion: number;
  indexedAt: string;
}
export interface ReconSearchPostingTable {
  term: string;
  caseId: string;
  tf: number;
  docLen: number;
  departmentId: string;
  handlerId: string | null;
}
/** Per-user saved filters of the case list. */
export interface ReconSavedViewTable {
  id: string;
  userId: string;
  name: string;
  filters: string;
  createdAt: string;
}
/** Reasoning-paragraph templates; departmentId null = built-in. */
export interface ReconReasoningTemplateTable {
  id: string;
  departmentId: string | null;
  decisionType: string;
  matterType: string;
  title: string;
  body: string;
  article: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 行政复议 咨询接待 (consultation log). Visitor ID/phone only through the people register (visitorPersonId). */
export interface ReconsiderationConsultationTable {
  id: string;
  departmentId: string;
  handlerId: string | null;
  consultedOn: string;
  channel: string;
  visitorName: string | null;
  visitorPersonId: string | null;
  respondentName: string | null;
  matterType: string;
  summary: string;
  /** explained | resolved | filed | pending */
  outcome: string;
  caseId: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 行政应诉 case (module litigation). Sharding key: department_id. */
export interface LitigationCaseTable {
  id: string;
  departmentId: string;
  handlerId: string | null;
  court: string;
  caseNo: string;
  plaintiff: string;
  defendant: string;
  cause: string;
  reconCaseId: string | null;
  reconCaseNo: string | null;
  filedOn: string;
  complaintReceivedOn: string;
  /** 行政诉讼法 Art. 67 ¶1: 15 days from receipt of the complaint copy */
  defenceDue: string;
  defenceSubmittedOn: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  outcomeNote: string | null;
  appealBy: string | null;
  appealFiledOn: string | null;
  appealCaseNo: string | null;
  appealOutcome: string | null;
  appealOutcomeOn: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A court hearing of a litigation case and who appeared for the defendant (行政诉讼法 Art. 3 ¶3). */
export interface LitigationHearingTable {
  id: string;
  caseId: string;
  hearingOn: string;
  /** 0/1 */
  headAppeared: number;
  headName: string | null;
  headTitle: string | null;
  representatives: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

/** 行政执法监督 core registers (migration 030). Dates YYYY-MM-DD; JSON arrays as text. */
export interface EnforcementAgencyTable {
  code: string;
  name: string;
  legalBasis: string;
  /** JSON array of field codes (ENFORCEMENT_FIELDS) */
  fields: string;
  street: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface EnforcementOfficerTable {
  id: string;
  agencyCode: string;
  name: string;
  certificateNo: string | null;
  certificateValidFrom: string | null;
  certificateValidTo: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface EnforcementInspectionPlanTable {
  id: string;
  agencyCode: string;
  year: number;
  field: string;
  title: string;
  perFirmCap: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface EnforcementFirmTable {
  creditCode: string;
  name: string;
  street: string | null;
  updatedAt: string;
}
export interface EnforcementInspectionTable {
  targetCreditCode: string;
  id: string;
  agencyCode: string;
  officerId: string;
  field: string;
  kind: string;
  planId: string | null;
  jointId: string | null;
  inspectedOn: string;
  foundProblem: number;
  durationMinutes: number | null;
  importJobId: string | null;
}
/** SQLite only (migration 070): the embedded store of record of inspections, one columnar blob per write (segment.ts). */
export interface EnforcementInspectionSegmentTable {
  id: Generated<number>;
  importJobId: string | null;
  rows: number;
  createdAt: string;
  data: Buffer;
}
export interface EnforcementPenaltyTable {
  targetCreditCode: string;
  id: string;
  agencyCode: string;
  officerId: string | null;
  inspectionId: string | null;
  field: string;
  violationCode: string;
  discretionLevel: string;
  amount: number;
  filedOn: string;
  decidedOn: string | null;
  importJobId: string | null;
}
export interface EnforcementComplaintTable {
  targetCreditCode: string;
  id: string;
  agencyCode: string | null;
  receivedOn: string;
  category: string;
  summary: string;
  status: string;
  createdAt: string;
  /** migration 036: the import job that last wrote the row, and when */
  importJobId?: string | null;
  updatedAt?: string | null;
}
export interface EnforcementImportJobTable {
  id: string;
  kind: string;
  fileName: string;
  mode: string;
  status: string;
  processed: number;
  imported: number;
  updated: number;
  rejected: number;
  createdBy: string | null;
  startedAt: string;
  finishedAt: string | null;
}
export interface EnforcementImportRejectionTable {
  jobId: string;
  rowNo: number;
  seq: number;
  code: string;
  message: string;
  raw: string;
}
export interface EnforcementDetectionSettingTable {
  rule: string;
  params: string;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
}
export interface EnforcementDetectionTable {
  id: string;
  rule: string;
  targetCreditCode: string | null;
  agencyCodes: string;
  officerId: string | null;
  field: string | null;
  inspectionIds: string;
  penaltyIds: string;
  firstOn: string;
  lastOn: string;
  evidenceCount: number;
  detail: string;
  status: string;
  detectedAt: string;
  updatedAt: string;
}
export interface EnforcementDetectionRunTable {
  rule: string;
  rangeFrom: string;
  rangeTo: string;
  dataVersion: number;
  params: string;
  flags: number;
  ranAt: string;
}
export interface EnforcementStateTable {
  key: string;
  value: number;
}

export interface Database {
  enforcementAgencies: EnforcementAgencyTable;
  enforcementOfficers: EnforcementOfficerTable;
  enforcementInspectionPlans: EnforcementInspectionPlanTable;
  enforcementFirms: EnforcementFirmTable;
  /** PostgreSQL only: on SQLite the store of record is enforcementInspectionSegments (migration 070) */
  enforcementInspections: EnforcementInspectionTable;
  enforcementInspectionSegments: EnforcementInspectionSegmentTable;
  enforcementPenalties: EnforcementPenaltyTable;
  enforcementComplaints: EnforcementComplaintTable;
  enforcementImportJobs: EnforcementImportJobTable;
  enforcementImportRejections: EnforcementImportRejectionTable;
  enforcementDetectionSettings: EnforcementDetectionSettingTable;
  enforcementDetections: EnforcementDetectionTable;
  enforcementDetectionRuns: EnforcementDetectionRunTable;
  enforcementState: EnforcementStateTable;
  reconsiderationConsultations: ReconsiderationConsultationTable;
  litigationCases: LitigationCaseTable;
  litigationHearings: LitigationHearingTable;
  departments: DepartmentTable;
  users: UserTable;
  roles: RoleTable;
  rolePermissions: RolePermissionTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  loginLog: LoginLogTable;
  auditLog: AuditLogTable;
  calendarYears: CalendarYearTable;
  calendarDays: CalendarDayTable;
  calendarJournal: CalendarJournalTable;
  deadlines: DeadlineTable;
  deadlineJournal: DeadlineJournalTable;
  notificationSends: NotificationSendTable;
  people: PersonTable;
  organizations: OrganizationTable;
  meta: MetaTable;
  reconsiderationCases: ReconsiderationCaseTable;
  reconsiderationEvents: ReconsiderationEventTable;
  reconsiderationCounters: ReconsiderationCounterTable;
  reconsiderationDocuments: ReconsiderationDocumentTable;
  reconsiderationDocumentServices: ReconsiderationDocumentServiceTable;
  reconsiderationDocumentCounters: ReconsiderationDocumentCounterTable;
  lawInstruments: LawInstrumentTable;
  lawArticles: LawArticleTable;
  legalityLlmCalls: LegalityLlmCallTable;
  legalityFindingDecisions: LegalityFindingDecisionTable;
  reconSearchDocs: ReconSearchDocTable;
  reconSearchPostings: ReconSearchPostingTable;
  reconSavedViews: ReconSavedViewTable;
  reconReasoningTemplates: ReconReasoningTemplateTable;
  reconsiderationPortalApplications: ReconsiderationPortalApplicationTable;
  reconsiderationAttachments: ReconsiderationAttachmentTable;
  reconsiderationPortalAttempts: ReconsiderationPortalAttemptTable;
  reconsiderationPortalSubmissions: ReconsiderationPortalSubmissionTable;
}

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';
// Generated is re-exported for future tables with database-generated columns.
export type { Generated };
