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
  /** Art. 43 ¶2: materials requested (the decision clock paused) and received */
  materialsRequestedOn: string | null;
  materialsItems: string | null;
  materialsReceivedOn: string | null;
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
  /** what the record was referred to, as shown (dispute code, recon consultation, notary office) */
  referralLabel: string | null;
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
  creditCode: string | null;
  address: string | null;
  headName: string | null;
  licenceNo: string | null;
  staffCount: number | null;
  practiceAreas: string | null;
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

/** Tables of migration 042-legal-services-enterprise (and the columns it adds to 040/041 tables). */
export interface LegalServiceEnterpriseRequestTable {
  id: string;
  requestNo: string;
  departmentId: string;
  handlerId: string;
  firmName: string;
  creditCode: string;
  firmType: string;
  industry: string;
  street: string;
  contactName: string | null;
  topic: string;
  description: string;
  receivedOn: string;
  status: string;
  lawyerId: string | null;
  teamName: string | null;
  assignedOn: string | null;
  response: string | null;
  respondedOn: string | null;
  closedOn: string | null;
  satisfaction: string | null;
  closureNote: string | null;
  campaignId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface LegalServiceCheckupTable {
  id: string;
  checkupNo: string;
  departmentId: string;
  handlerId: string;
  requestId: string | null;
  firmName: string;
  creditCode: string;
  firmType: string;
  industry: string;
  street: string;
  conductedOn: string;
  team: string;
  scope: string;
  status: string;
  closedOn: string | null;
  summary: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface LegalServiceCheckupFindingTable {
  id: string;
  checkupId: string;
  seq: number;
  area: string;
  riskLevel: string;
  description: string;
  recommendation: string;
  rectifyBy: string | null;
  status: string;
  rectifiedOn: string | null;
  /** JSON [{ on, note, by, rectified }] */
  followUps: string;
  createdAt: string;
}
export interface LegalServiceCampaignTable {
  id: string;
  campaignNo: string;
  departmentId: string;
  handlerId: string;
  title: string;
  targetGroup: string;
  startedOn: string;
  endedOn: string | null;
  street: string;
  venue: string;
  partners: string | null;
  activities: number;
  participants: number;
  consultations: number;
  materials: number;
  summary: string;
  createdAt: string;
}
export interface LegalServiceAssessmentTable {
  id: string;
  institutionId: string;
  year: number;
  result: string;
  note: string;
  assessedOn: string;
  assessedBy: string;
}
export interface LegalServiceLawyerAssessmentTable {
  id: string;
  lawyerId: string;
  year: number;
  result: string;
  note: string;
  assessedOn: string;
  assessedBy: string;
}
export interface LegalServiceIntegrityGradeTable {
  id: string;
  institutionId: string;
  year: number;
  grade: string;
  basis: string;
  gradedOn: string;
  gradedBy: string;
}
export interface LegalServiceHonourTable {
  id: string;
  institutionId: string;
  title: string;
  awardedBy: string;
  awardedOn: string;
  personName: string | null;
  createdAt: string;
}
export interface LegalServiceComplaintTable {
  id: string;
  complaintNo: string;
  departmentId: string;
  handlerId: string;
  institutionId: string;
  complainantName: string | null;
  channel: string;
  receivedOn: string;
  content: string;
  status: string;
  handlingNote: string | null;
  result: string | null;
  resultNote: string | null;
  concludedOn: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface LegalServiceVolumeTable {
  institutionId: string;
  /** 'YYYY-MM' */
  month: string;
  count: number;
  reportedAt: string;
}
export interface LegalServiceApprovalTable {
  id: string;
  approvalNo: string;
  departmentId: string;
  handlerId: string;
  kind: string;
  applicantName: string;
  applicantCreditCode: string | null;
  institutionId: string | null;
  matter: string;
  receivedOn: string;
  periodDays: number;
  decidedOn: string | null;
  outcome: string | null;
  decisionNote: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface LegalServiceQaSampleTable {
  id: string;
  sampleNo: string;
  departmentId: string;
  periodFrom: string;
  periodTo: string;
  channel: string | null;
  size: number;
  seed: string;
  algorithm: string;
  /** JSON: consultation ids in canonical order (record number) */
  candidates: string;
  /** JSON: the drawn consultation ids in draw order */
  selection: string;
  drawnOn: string;
  createdBy: string;
  createdAt: string;
}
export interface LegalServiceQaScoreTable {
  id: string;
  sampleId: string;
  consultationId: string;
  reviewerId: string;
  accuracy: number;
  attitude: number;
  norms: number;
  comment: string;
  scoredAt: string;
}
export interface LegalServiceKbTable {
  id: string;
  question: string;
  answer: string;
  category: string;
  citation: string | null;
  uses: number;
  active: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

declare module '../../db/types' {
  interface Database {
    legalServiceEnterpriseRequests: LegalServiceEnterpriseRequestTable;
    legalServiceCheckups: LegalServiceCheckupTable;
    legalServiceCheckupFindings: LegalServiceCheckupFindingTable;
    legalServiceCampaigns: LegalServiceCampaignTable;
    legalServiceAssessments: LegalServiceAssessmentTable;
    legalServiceIntegrityGrades: LegalServiceIntegrityGradeTable;
    legalServiceLawyerAssessments: LegalServiceLawyerAssessmentTable;
    legalServiceHonours: LegalServiceHonourTable;
    legalServiceComplaints: LegalServiceComplaintTable;
    legalServiceVolumes: LegalServiceVolumeTable;
    legalServiceApprovals: LegalServiceApprovalTable;
    legalServiceQaSamples: LegalServiceQaSampleTable;
    legalServiceQaScores: LegalServiceQaScoreTable;
    legalServiceKb: LegalServiceKbTable;
  }
}
