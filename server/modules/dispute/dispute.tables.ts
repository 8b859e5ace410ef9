/** Tables of migration 050-dispute-mediation, merged into the Database interface (this module owns them). */

export interface DisputeTable {
  id: string;
  code: string;
  year: number;
  seq: number;
  departmentId: string;
  handlerId: string | null;
  status: string;
  matterType: string;
  summary: string;
  address: string;
  addressKey: string;
  riskGrade: string;
  firstSource: string;
  receivedOn: string;
  holderKind: string;
  holderName: string;
  committeeId: string | null;
  mediationCaseId: string | null;
  campaignId: string | null;
  closedOn: string | null;
  closeResult: string | null;
  followedUpOn: string | null;
  reopenCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface DisputeCounterTable {
  year: number;
  lastSeq: number;
}
export interface DisputeIntakeTable {
  id: string;
  disputeId: string;
  departmentId: string;
  source: string;
  sourceRef: string | null;
  receivedOn: string;
  summary: string;
  matchedBy: string | null;
  createdBy: string;
  createdAt: string;
}
export interface DisputePartyTable {
  id: string;
  disputeId: string;
  personId: string | null;
  name: string;
  nameKey: string;
  idNumberBidx: string | null;
  role: string;
}
export interface DisputeEventTable {
  id: string;
  disputeId: string;
  seq: number;
  departmentId: string;
  at: string;
  onDate: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorName: string | null;
  details: string;
}
export interface DisputeCampaignTable {
  id: string;
  name: string;
  focus: string;
  startsOn: string;
  endsOn: string;
  specialPeriod: number;
  departmentId: string;
  createdBy: string;
  createdAt: string;
}
export interface MediationCommitteeTable {
  id: string;
  name: string;
  kind: string;
  departmentId: string;
  address: string | null;
  foundedOn: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface MediatorTable {
  id: string;
  committeeId: string;
  departmentId: string;
  name: string;
  position: string;
  fullTime: number;
  specialty: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface MediatorTrainingTable {
  id: string;
  mediatorId: string;
  onDate: string;
  topic: string;
  hours: number;
  createdAt: string;
}
export interface MediationCaseTable {
  id: string;
  caseNo: string;
  year: number;
  seq: number;
  committeeId: string;
  departmentId: string;
  handlerId: string;
  mediatorId: string | null;
  disputeId: string | null;
  status: string;
  matterType: string;
  summary: string;
  startMode: string;
  acceptedOn: string;
  agreementForm: string | null;
  agreementTerms: string | null;
  agreementEffectiveOn: string | null;
  confirmationDue: string | null;
  confirmationAppliedOn: string | null;
  confirmationCourt: string | null;
  endedOn: string | null;
  failureReason: string | null;
  followedUpOn: string | null;
  performed: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface MediationCounterTable {
  year: number;
  lastSeq: number;
}
export interface MediationPartyTable {
  id: string;
  caseId: string;
  personId: string;
  name: string;
  role: string;
}
export interface MediationSessionTable {
  id: string;
  caseId: string;
  heldOn: string;
  mediatorId: string | null;
  place: string | null;
  note: string;
  createdBy: string;
  createdAt: string;
}

declare module '../../db/types' {
  interface Database {
    disputes: DisputeTable;
    disputeCounters: DisputeCounterTable;
    disputeIntakes: DisputeIntakeTable;
    disputeParties: DisputePartyTable;
    disputeEvents: DisputeEventTable;
    disputeCampaigns: DisputeCampaignTable;
    mediationCommittees: MediationCommitteeTable;
    mediators: MediatorTable;
    mediatorTrainings: MediatorTrainingTable;
    mediationCases: MediationCaseTable;
    mediationCounters: MediationCounterTable;
    mediationParties: MediationPartyTable;
    mediationSessions: MediationSessionTable;
  }
}
