/** Tables of migration 034-enforcement-supervision, merged into the Database interface (this module owns them). */

export interface EnforcementClueTable {
  id: string;
  clueNo: string;
  source: string;
  title: string;
  description: string;
  agencyCode: string;
  targetCreditCode: string | null;
  field: string | null;
  severity: string;
  status: string;
  complaintId: string | null;
  complaintCreditCode: string | null;
  dismissReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface EnforcementClueFlagTable {
  detectionId: string;
  clueId: string;
}
export interface EnforcementOrderTable {
  id: string;
  orderNo: string;
  clueId: string;
  agencyCode: string;
  title: string;
  requirement: string;
  status: string;
  issuedOn: string;
  issuedBy: string;
  departmentId: string;
  deadlineId: string | null;
  dueDate: string | null;
  report: string | null;
  rectifiedOn: string | null;
  reportedOn: string | null;
  reportedBy: string | null;
  verificationNote: string | null;
  verifiedBy: string | null;
  closedOn: string | null;
  rounds: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface EnforcementOrderEventTable {
  id: string;
  orderId: string;
  seq: number;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  note: string;
}
export interface EnforcementOpinionTable {
  id: string;
  opinionNo: string;
  orderId: string;
  agencyCode: string;
  facts: string;
  opinion: string;
  issuedOn: string;
  issuedBy: string;
  createdAt: string;
}
export interface EnforcementDocCounterTable {
  kind: string;
  year: number;
  lastSeq: number;
}
export interface EnforcementAgencyLiaisonTable {
  userId: string;
  agencyCode: string;
  createdAt: string;
}

/** Migration 035: an approved extension of the Art. 60 decision period of one penalty case (survives re-imports). */
export interface EnforcementPenaltyExtensionTable {
  penaltyId: string;
  targetCreditCode: string;
  days: number;
  /** the law, regulation or rule that allows it (行政处罚法第六十条 "另有规定"), as the approver cited it */
  basis: string;
  reason: string;
  approvedOn: string;
  approvedBy: string;
  createdAt: string;
}
/** Migration 036: a 12345 complaint linked to an existing problem clue. */
export interface EnforcementClueComplaintTable {
  complaintId: string;
  targetCreditCode: string;
  clueId: string;
  linkedBy: string;
  linkedAt: string;
}

declare module '../../db/types' {
  interface Database {
    enforcementClues: EnforcementClueTable;
    enforcementClueFlags: EnforcementClueFlagTable;
    enforcementOrders: EnforcementOrderTable;
    enforcementOrderEvents: EnforcementOrderEventTable;
    enforcementOpinions: EnforcementOpinionTable;
    enforcementDocCounters: EnforcementDocCounterTable;
    enforcementAgencyLiaisons: EnforcementAgencyLiaisonTable;
    enforcementPenaltyExtensions: EnforcementPenaltyExtensionTable;
    enforcementClueComplaints: EnforcementClueComplaintTable;
  }
}
