/** Tables of migration 060-dashboard-annual-report, merged into the Database interface (this module owns them). */

export interface AnnualReportTable {
  id: string;
  year: number;
  departmentId: string;
  title: string;
  status: string;
  currentVersion: number;
  approvedOn: string | null;
  filedOn: string | null;
  publishedOn: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface AnnualReportVersionTable {
  id: string;
  reportId: string;
  no: number;
  /** JSON: ReportPart[] */
  parts: string;
  /** JSON: ReportFigure[] */
  figures: string;
  note: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
}
export interface AnnualReportEventTable {
  id: string;
  reportId: string;
  action: string;
  note: string | null;
  actorId: string;
  actorName: string;
  at: string;
}
export interface AnnualReportSettingTable {
  key: string;
  value: string;
  updatedBy: string;
  updatedAt: string;
}
export interface StatsSnapshotTable {
  id: string;
  month: string;
  fromDate: string;
  toDate: string;
  figures: number;
  bytes: number;
  contentBase64: string;
  createdAt: string;
}

declare module '../../db/types' {
  interface Database {
    annualReports: AnnualReportTable;
    annualReportVersions: AnnualReportVersionTable;
    annualReportEvents: AnnualReportEventTable;
    annualReportSettings: AnnualReportSettingTable;
    statsSnapshots: StatsSnapshotTable;
  }
}
