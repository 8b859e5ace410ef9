/**
 * Row types of the 合法性审查 tables (migration 025), merged into the Database interface of server/db/types.ts by
 * declaration merging so that the module owns its schema in one place.
 */
export interface LegalityDraftTable {
  id: string;
  regNo: string;
  year: number;
  seq: number;
  departmentId: string;
  reviewerId: string | null;
  kind: string;
  title: string;
  draftingUnit: string;
  contactName: string;
  touchesMarket: number;
  status: string;
  text: string;
  textSource: string | null;
  submittedOn: string;
  reviewPeriodWd: number | null;
  requestedBy: string | null;
  returnItems: string | null;
  acceptedOn: string | null;
  reviewDue: string | null;
  analyzedAt: string | null;
  opinionNo: string | null;
  opinionConclusion: string | null;
  opinionText: string | null;
  opinionIssuedOn: string | null;
  collectiveMeeting: string | null;
  collectiveOn: string | null;
  collectiveResult: string | null;
  collectiveNote: string | null;
  docNo: string | null;
  publishedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  filedOn: string | null;
  filingNo: string | null;
  commentFrom: string | null;
  commentUntil: string | null;
  commentShortenedReason: string | null;
  adoptionStatement: string | null;
  adoptionPublishedOn: string | null;
  endedOn: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface LegalityCounterTable {
  key: string;
  value: number;
}
export interface LegalityMaterialTable {
  id: string;
  draftId: string;
  kind: string;
  form: string;
  fileName: string | null;
  mime: string | null;
  size: number | null;
  sha256: string | null;
  storageKey: string | null;
  text: string | null;
  createdBy: string;
  createdAt: string;
}
export interface LegalityFindingTable {
  id: string;
  draftId: string;
  seq: number;
  spanStart: number;
  spanEnd: number;
  excerpt: string;
  types: string;
  ruleId: string;
  basis: string;
  explanation: string;
  confidence: number;
  decisionId: string | null;
  decision: string | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}
export interface LegalityEventTable {
  id: string;
  draftId: string;
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorId: string;
  actorName: string;
  note: string | null;
}
export interface LegalityContactPointTable {
  id: string;
  departmentId: string;
  name: string;
  industry: string;
  size: string;
  ownership: string;
  contactName: string | null;
  active: number;
  createdAt: string;
}
export interface LegalityInvitationTable {
  draftId: string;
  contactPointId: string;
  invitedAt: string;
}
export interface LegalityCommentTable {
  id: string;
  draftId: string;
  anchor: string;
  content: string;
  commenterName: string | null;
  organization: string | null;
  source: string;
  contactPointId: string | null;
  submittedAt: string;
  decision: string | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}
export interface LegalityAdviserTable {
  id: string;
  departmentId: string;
  name: string;
  firm: string;
  specialty: string | null;
  active: number;
  createdAt: string;
}
export interface LegalityConsultationTable {
  id: string;
  no: string;
  departmentId: string;
  subject: string;
  title: string;
  requestingUnit: string;
  requestedOn: string;
  dueOn: string | null;
  draftId: string | null;
  adviserId: string | null;
  assignedOn: string | null;
  opinion: string | null;
  answeredOn: string | null;
  minutes: number | null;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export interface LegalityCleanupTable {
  id: string;
  departmentId: string;
  name: string;
  startedOn: string;
  scope: string | null;
  createdAt: string;
}
export interface LegalityCleanupItemTable {
  cleanupId: string;
  draftId: string;
  result: string;
  note: string | null;
  decidedOn: string;
}
export interface LegalityPostEvaluationTable {
  id: string;
  draftId: string;
  evaluatedOn: string;
  evaluator: string;
  conclusion: string;
  report: string;
  createdBy: string;
  createdAt: string;
}

declare module '../../db/types' {
  interface Database {
    legalityDrafts: LegalityDraftTable;
    legalityCounters: LegalityCounterTable;
    legalityMaterials: LegalityMaterialTable;
    legalityFindings: LegalityFindingTable;
    legalityEvents: LegalityEventTable;
    legalityContactPoints: LegalityContactPointTable;
    legalityInvitations: LegalityInvitationTable;
    legalityComments: LegalityCommentTable;
    legalityAdvisers: LegalityAdviserTable;
    legalityConsultations: LegalityConsultationTable;
    legalityCleanups: LegalityCleanupTable;
    legalityCleanupItems: LegalityCleanupItemTable;
    legalityPostEvaluations: LegalityPostEvaluationTable;
  }
}
