/** Tables of migration 065-rule-of-law, merged into the Database interface (this module owns them). */

interface Created {
  createdBy: string;
  createdAt: string;
}
export interface RolTrainingTable extends Created {
  id: string;
  departmentId: string;
  title: string;
  kind: string;
  heldOn: string;
  hours: number;
  place: string | null;
  lecturer: string | null;
}
export interface RolTrainingAttendanceTable extends Created {
  id: string;
  trainingId: string;
  departmentId: string;
  userId: string | null;
  name: string;
  hours: number;
}
export interface RolStudySessionTable extends Created {
  id: string;
  departmentId: string;
  kind: string;
  heldOn: string;
  meetingName: string | null;
  topic: string;
  lawsStudied: string | null;
  lecturer: string | null;
  /** JSON array of attendee names (leaders and members; no personal data beyond the name) */
  attendees: string;
}
export interface RolLawReportingTable extends Created {
  id: string;
  departmentId: string;
  year: number;
  reporterName: string;
  position: string;
  reportedOn: string;
  setting: string;
  grade: string | null;
  summary: string | null;
}
export interface RolInspectionTable extends Created {
  id: string;
  departmentId: string;
  kind: string;
  title: string;
  inspectedOn: string;
  team: string;
}
export interface RolFindingTable extends Created {
  id: string;
  inspectionId: string;
  departmentId: string;
  description: string;
  internalControl: number;
  rectificationDue: string;
  status: string;
  rectifiedOn: string | null;
  rectificationNote: string | null;
  verifiedOn: string | null;
  verifiedBy: string | null;
  version: number;
}
export interface RolSchemeTable extends Created {
  id: string;
  year: number;
  name: string;
}
export interface RolIndicatorTable {
  id: string;
  schemeId: string;
  seq: number;
  code: string;
  name: string;
  category: string;
  weight: number;
  maxScore: number;
  description: string | null;
}
export interface RolScoreTable {
  id: string;
  schemeId: string;
  indicatorId: string;
  departmentId: string;
  score: number;
  note: string | null;
  scoredBy: string;
  scoredAt: string;
}
export interface RolPlanTable extends Created {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  source: string;
  verified: number;
  note: string | null;
}
export interface RolCampaignTable extends Created {
  id: string;
  departmentId: string;
  planId: string | null;
  name: string;
  theme: string | null;
  startsOn: string;
  endsOn: string;
}
export interface RolBaseTable extends Created {
  id: string;
  departmentId: string;
  name: string;
  level: string;
  address: string | null;
  designatedOn: string;
}
export interface RolEventTable extends Created {
  id: string;
  departmentId: string;
  campaignId: string | null;
  baseId: string | null;
  kind: string;
  title: string;
  heldOn: string;
  place: string | null;
  audience: number;
}

declare module '../../db/types' {
  interface Database {
    rolTrainings: RolTrainingTable;
    rolTrainingAttendance: RolTrainingAttendanceTable;
    rolStudySessions: RolStudySessionTable;
    rolLawReportings: RolLawReportingTable;
    rolInspections: RolInspectionTable;
    rolFindings: RolFindingTable;
    rolAssessmentSchemes: RolSchemeTable;
    rolAssessmentIndicators: RolIndicatorTable;
    rolAssessmentScores: RolScoreTable;
    rolPublicityPlans: RolPlanTable;
    rolPublicityCampaigns: RolCampaignTable;
    rolEducationBases: RolBaseTable;
    rolPublicityEvents: RolEventTable;
  }
}
