/** Tables of migrations 051-corrections and 052-released-person-helps, merged into the Database interface (this module owns them). */

export interface CorrectionSubjectTable {
  id: string;
  /** 社区矫正档案号 西司矫〔YYYY〕N号 (migration 055): names the subject where personal data may not go (deadline titles, reminders) */
  archiveNo: string | null;
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
  /** 执行地变更 in the district in progress (migration 054): the receiving 司法所 and the approved request; null otherwise */
  transferToDepartmentId?: string | null;
  transferRecordId?: string | null;
  /** a transfer out of the district: the receiving correction organ (status `transferred`) */
  receivingOrgan?: string | null;
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

/** 安置帮教 help records (migration 052; before it they were rows `help:<kind>` of correction_records). */
export interface ReleasedPersonHelpTable {
  id: string;
  releasedPersonId: string;
  departmentId: string;
  /** visit | employment | training | assistance | education */
  kind: string;
  onDate: string;
  note: string;
  createdBy: string;
  createdAt: string;
}

/** One hand-over of a subject on a change of the place of execution (migration 054): who had the subject when. */
export interface CorrectionTransferTable {
  id: string;
  subjectId: string;
  /** the approved `transfer` record */
  recordId: string;
  /** inDistrict | outOfDistrict */
  scope: string;
  fromDepartmentId: string;
  /** JSON [{ userId, name }]: the named staff when the hand-over started */
  fromStaff: string;
  toDepartmentId: string | null;
  /** JSON [{ userId, name }]: the named staff of the receiving 司法所 on acceptance */
  toStaff: string | null;
  receivingOrgan: string | null;
  /** pending (移交中) | accepted | transferredOut */
  status: string;
  startedOn: string;
  startedBy: string;
  completedOn: string | null;
  completedBy: string | null;
  /** open register entries moved (in the district) or cancelled (out of the district) */
  deadlinesMoved: number;
  createdAt: string;
}

/** The yearly counter of 档案号 (migration 055). */
export interface CorrectionCounterTable {
  year: number;
  lastSeq: number;
}

/** Settings of the bureau for periods the law leaves unverified (migration 054), JSON values by key. */
export interface CorrectionSettingTable {
  key: string;
  value: string;
  updatedBy: string;
  updatedAt: string;
}

declare module '../../db/types' {
  interface Database {
    correctionSubjects: CorrectionSubjectTable;
    correctionStaff: CorrectionStaffTable;
    correctionRecords: CorrectionRecordTable;
    releasedPersons: ReleasedPersonTable;
    releasedPersonHelps: ReleasedPersonHelpTable;
    correctionTransfers: CorrectionTransferTable;
    correctionSettings: CorrectionSettingTable;
    correctionCounters: CorrectionCounterTable;
  }
}
