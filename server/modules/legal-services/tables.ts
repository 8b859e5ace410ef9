/** Tables of migration 040-legal-services, merged into the Database interface (this module owns them). */

export interface LegalAidApplicationTable {
  id: string;
  appNo: string;
  departmentId: string;
  handlerId: string;
  channel: string;
  receivedOn: string;
  receivedAt: string;
  custodyReceivedAt: string | null;
  forwardedBy: string | null;
  notifyingOrgan: string | null;
  applicantPersonId: string;
  applicantName: string;
  aidGroup: string;
  matter: string;
  caseSummary: string;
  opposingParty: string | null;
  severeCriminal: number;
  limitationDate: string | null;
  preservationUrgent: number;
  urgent: number;
  /** JSON MeansResult */
  means: string;
  status: string;
  decisionOn: string | null;
  refusalReason: string | null;
  lawyerId: string | null;
  assignedOn: string | null;
  provisional: number;
  closedOn: string | null;
  closureSummary: string | null;
  qualityGrade: string | null;
  terminationGround: number | null;
  objectionReceivedOn: string | null;
  objectionReason: string | null;
  objectionResult: string | null;
  objectionDecidedOn: string | null;
  objectionNote: string | null;
  sourceConsultationId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface LegalAidEventTable {
  id: string;
  applicationId: string;
  seq: number;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  note: string;
}
export interface LegalAidLawyerTable {
  id: string;
  name: string;
  firmName: string;
  practiceYears: number;
  criminalYears: number;
  /** JSON AidMatter[] */
  specialties: string;
  /** JSON string[]: parties the lawyer declared a conflict with */
  conflictParties: string;
  maxLoad: number;
  active: number;
  createdAt: string;
}
export interface LegalServiceConsultationTable {
  id: string;
  recordNo: string;
  departmentId: string;
  handlerId: string;
  channel: string;
  startedAt: string;
  callerName: string | null;
  callerMobileEnc: string | null;
  callerMobileBidx: string | null;
  aidGroup: string | null;
  category: string;
  summary: string;
  answer: string;
  durationSeconds: number;
  referredTo: string | null;
  referralId: string | null;
  followUpOn: string | null;
  satisfaction: string | null;
  followUpNote: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface LegalServicePointTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  street: string;
  community: string | null;
  address: string;
  lat: number;
  lng: number;
  hours: string;
  phone: string | null;
  /** JSON PointService[] */
  services: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}
export interface LegalServiceCommunityTable {
  code: string;
  name: string;
  street: string;
  lat: number;
  lng: number;
}
export interface LegalServiceSettingTable {
  key: string;
  value: string;
  updatedBy: string | null;
  updatedAt: string;
}
export interface LegalServiceCounterTable {
  kind: string;
  year: number;
  lastSeq: number;
}

declare module '../../db/types' {
  interface Database {
    legalAidApplications: LegalAidApplicationTable;
    legalAidEvents: LegalAidEventTable;
    legalAidLawyers: LegalAidLawyerTable;
    legalServiceConsultations: LegalServiceConsultationTable;
    legalServicePoints: LegalServicePointTable;
    legalServiceCommunities: LegalServiceCommunityTable;
    legalServiceSettings: LegalServiceSettingTable;
    legalServiceCounters: LegalServiceCounterTable;
  }
}

/** Tables of migration 041-legal-services-inspections (双随机、一公开). */
export interface LegalServiceInstitutionTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  street: string;
  integrityGrade: string;
  lastInspectedOn: string | null;
  active: number;
  createdAt: string;
  updatedAt: string;
}
export interface LegalServiceInspectorTable {
  id: string;
  code: string;
  name: string;
  unit: string;
  /** JSON string[]: institution codes the inspector must recuse from */
  conflictCodes: string;
  active: number;
  createdAt: string;
}
export interface LegalServiceDrawTable {
  id: string;
  drawNo: string;
  title: string;
  targetKind: string;
  targetCount: number;
  inspectorsPerTarget: number;
  excludeRecentDays: number;
  seed: string;
  algorithm: string;
  drawnOn: string;
  /** JSON: eligible targets in canonical order [{ id, code, name }] */
  candidates: string;
  /** JSON: active inspectors in canonical order [{ id, code, name, conflictCodes }] */
  inspectorPool: string;
  /** JSON: [{ code, name, reason }] */
  excluded: string;
  /** JSON: [{ targetId, targetCode, targetName, inspectors: [{ id, code, name }] }] */
  selection: string;
  /** JSON: { [targetId]: { outcome, finding } } */
  findings: string;
  status: string;
  publishedHash: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

declare module '../../db/types' {
  interface Database {
    legalServiceInstitutions: LegalServiceInstitutionTable;
    legalServiceInspectors: LegalServiceInspectorTable;
    legalServiceDraws: LegalServiceDrawTable;
  }
}
