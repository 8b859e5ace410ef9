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
}

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';
// Generated is re-exported for future tables with database-generated columns.
export type { Generated };
