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

export interface Database {
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
  people: PersonTable;
  organizations: OrganizationTable;
  meta: MetaTable;
  reconsiderationCases: ReconsiderationCaseTable;
  reconsiderationEvents: ReconsiderationEventTable;
  reconsiderationCounters: ReconsiderationCounterTable;
}

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';
// Generated is re-exported for future tables with database-generated columns.
export type { Generated };
