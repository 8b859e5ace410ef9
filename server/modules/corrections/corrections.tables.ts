/** Tables of migration 051-corrections, merged into the Database interface (this module owns them). */

export interface CorrectionSubjectTable {
  id: string;
  departmentId: string;
  personId: string;
  name: string;
  sentenceType: string;
  crime: string;
  decidingOrgan: string;
  judgmentEffectiveOn: string;
  decisionReceivedOn: string | null;
  termStart: string;
  termEnd: string;
  riskLevel: string;
  status: string;
  reportDue: string;
  reportedOn: string | null;
  noticeReceivedOn: string | null;
  documentsReceivedOn: string | null;
  monitoringUntil: string | null;
  releasedOn: string | null;
  endReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface CorrectionStaffTable {
  subjectId: string;
  userId: string;
  createdAt: string;
}
export interface CorrectionRecordTable {
  id: string;
  subjectId: string;
  departmentId: string;
  kind: string;
  onDate: string;
  detail: string;
  status: string | null;
  createdBy: string;
  createdAt: string;
}
export interface ReleasedPersonTable {
  id: string;
  departmentId: string;
  personId: string;
  name: string;
  releasedOn: string;
  source: string;
  correctionSubjectId: string | null;
  riskLevel: string;
  createdBy: string;
  createdAt: string;
}

declare module '../../db/types' {
  interface Database {
    correctionSubjects: CorrectionSubjectTable;
    correctionStaff: CorrectionStaffTable;
    correctionRecords: CorrectionRecordTable;
    releasedPersons: ReleasedPersonTable;
  }
}
