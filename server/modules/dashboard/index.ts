/**
 * 领导驾驶舱、法治政府建设年度报告 and monthly statistics snapshots: public surface. Tables of migration
 * 060-dashboard-annual-report (annual_report*, stats_snapshots). Figures come from the other modules' statistics
 * functions through their index.ts (figures.ts).
 */
export { dashboardRoutes } from './dashboard.routes';
export { createDashboardService, type DashboardService } from './dashboard.service';
export { createAnnualReportService, type AnnualReportService, type RuleOfLawLists } from './annual-report.service';
export { createSnapshotService, scheduleSnapshots, previousMonth, type SnapshotService } from './snapshots.service';
export { SOURCES as DASHBOARD_SOURCES, type FigureSources } from './figures';
