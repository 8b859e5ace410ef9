/**
 * 领导驾驶舱 (leadership dashboard), 法治政府建设年度报告 (annual rule-of-law report) and the monthly statistics
 * snapshots. Every figure is produced by a module's own statistics function (see server/modules/dashboard/figures.ts),
 * so it equals what the module's statistics page shows for the same period and data scope.
 */
import { z } from 'zod';
import { Id, IsoDate } from './shared';

/** How a figure relates to the period and the department filter. */
export const FIGURE_BASIS = {
  /** counted in the period, within the viewer's (or the chosen department's) data scope */
  period: '统计期间内，按数据权限',
  /** counted in the period for the whole district: the module's statistics are not split by department */
  district: '统计期间内，全区口径（该模块统计不分部门）',
  /** the register as it stands today (not a year figure), within the data scope */
  register: '当前在册数（非年度数），按数据权限',
  /** the register as it stands today, whole district */
  districtRegister: '当前在册数（非年度数），全区口径',
} as const;
export type FigureBasis = keyof typeof FIGURE_BASIS;
/** count: a number of records; ratio: 0..1 (shown as a percentage); percent: already 0..100. */
export const FigureUnit = z.enum(['count', 'ratio', 'percent']);

export const DashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** a department (科室 or 司法所) inside the viewer's data scope: the figures of that department and below */
  departmentId: Id.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** The query behind a figure: the module's statistics endpoint and field that reproduce it. */
export const FigureQuery = z.object({
  id: z.string(),
  params: z.record(z.string(), z.string()),
  endpoint: z.string(),
  field: z.string(),
});
export type FigureQuery = z.infer<typeof FigureQuery>;

export const Figure = z.object({
  key: z.string(),
  module: z.string(),
  moduleLabel: z.string(),
  label: z.string(),
  unit: FigureUnit,
  basis: z.enum(['period', 'district', 'register', 'districtRegister']),
  /** false: the viewer lacks the module's statistics permission, or the figure is district-wide in a department view */
  available: z.boolean(),
  value: z.number().nullable(),
  /** the same figure for the same span of the previous year (null for register counts) */
  previous: z.number().nullable(),
  definition: z.string(),
  note: z.string().nullable(),
  /**
   * the module page behind the figure; `exact`: its filters reproduce the figure (the page reads them from the URL),
   * otherwise the page is the module's ledger or statistics page without this figure's filters
   */
  drill: z.object({ path: z.string(), query: z.record(z.string(), z.string()), exact: z.boolean() }).nullable(),
  query: FigureQuery,
});
export type Figure = z.infer<typeof Figure>;

export const DeadlineRisk = z.object({
  horizon: z.string(),
  horizonWorkingDays: z.number().int(),
  byModule: z.array(z.object({ module: z.string(), label: z.string(), overdue: z.number().int(), atRisk: z.number().int() })),
  items: z.array(
    z.object({ id: z.string(), module: z.string(), moduleLabel: z.string(), title: z.string(), citation: z.string(), dueDate: z.string().nullable(), dueAt: z.string().nullable(), daysLeft: z.number().int().nullable(), hoursLeft: z.number().int().nullable(), overdue: z.boolean(), link: z.string().nullable() }),
  ),
  /** true when more open deadlines fell in the horizon than were read (the counts are then lower bounds) */
  truncated: z.boolean(),
});
export type DeadlineRisk = z.infer<typeof DeadlineRisk>;

export const DashboardView = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  generatedAt: z.string(),
  figures: z.array(Figure),
  deadlines: DeadlineRisk,
  /** departments the viewer may choose for a department view (inside the data scope) */
  departments: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const DashboardTrend = z.object({
  year: z.number().int(),
  months: z.array(z.string()),
  series: z.array(z.object({ key: z.string(), label: z.string(), moduleLabel: z.string(), values: z.array(z.number().nullable()), previous: z.array(z.number().nullable()) })),
});
export type DashboardTrend = z.infer<typeof DashboardTrend>;

export const DashboardUnitsQuery = DashboardQuery.pick({ year: true }).extend({ kind: z.enum(['judicialOffice', 'section']).default('judicialOffice') });
export const DashboardUnits = z.object({
  year: z.number().int(),
  kind: z.enum(['judicialOffice', 'section']),
  columns: z.array(z.object({ key: z.string(), label: z.string(), unit: FigureUnit })),
  rows: z.array(z.object({ departmentId: z.string(), name: z.string(), values: z.record(z.string(), z.number().nullable()) })),
});
export type DashboardUnits = z.infer<typeof DashboardUnits>;

// ── 法治政府建设年度报告 ──────────────────────────────────────────────────────────────────────────────

export const ANNUAL_REPORT_PARTS = [
  { key: 'measures', heading: '一、主要举措和成效' },
  { key: 'shortcomings', heading: '二、存在的不足和原因' },
  { key: 'leaders', heading: '三、党政主要负责人履行推进法治建设第一责任人职责情况' },
  { key: 'nextYear', heading: '四、下一年度工作安排' },
] as const;
export type AnnualReportPartKey = (typeof ANNUAL_REPORT_PARTS)[number]['key'];

export const ANNUAL_REPORT_STATUSES = ['draft', 'review', 'approved', 'filed', 'published'] as const;
export type AnnualReportStatus = (typeof ANNUAL_REPORT_STATUSES)[number];
export const ANNUAL_REPORT_STATUS_LABELS: Record<AnnualReportStatus, string> = { draft: '起草中', review: '审核中', approved: '已签发', filed: '已报送', published: '已公开' };

/**
 * Filing and publication dates of the report. 《法治政府建设与责任落实督察工作规定》(2019) sets them; the instrument is not
 * in law-rules.md, so the exact dates are UNVERIFIED, configurable, and shown as such (anchors.md §2.7: departments
 * report before 1 March, reports are published; provinces report to the centre before 1 April).
 */
export const ANNUAL_REPORT_DUE_NOTE =
  '报送、公开时限依据《法治政府建设与责任落实督察工作规定》（2019）有关条款，该规定未收入本系统的法规核对清单，具体日期待核实，可在设置中调整。';
export const AnnualReportSettings = z.object({
  /** MM-DD of the year after the report year */
  filingDue: z.string().regex(/^\d{2}-\d{2}$/),
  publicationDue: z.string().regex(/^\d{2}-\d{2}$/),
});
export type AnnualReportSettings = z.infer<typeof AnnualReportSettings>;
export const DEFAULT_ANNUAL_REPORT_SETTINGS: AnnualReportSettings = { filingDue: '03-01', publicationDue: '04-01' };

/** One stored figure of a report version: value, and the query (id + parameters) that produced it. */
export const ReportFigure = z.object({ key: z.string(), label: z.string(), moduleLabel: z.string(), unit: FigureUnit, value: z.number().nullable(), text: z.string(), query: FigureQuery, drill: Figure.shape.drill });
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportPart = z.object({ key: z.enum(['measures', 'shortcomings', 'leaders', 'nextYear']), heading: z.string(), paragraphs: z.array(z.string().max(5000)).max(60) });
export type ReportPart = z.infer<typeof ReportPart>;

export const AnnualReportVersion = z.object({ no: z.number().int(), createdAt: z.string(), createdByName: z.string(), note: z.string() });
export const AnnualReportEvent = z.object({ action: z.string(), label: z.string(), at: z.string(), actorName: z.string(), note: z.string().nullable() });

export const AnnualReportSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(ANNUAL_REPORT_STATUSES),
  statusLabel: z.string(),
  currentVersion: z.number().int(),
  filingDue: z.string(),
  publicationDue: z.string(),
  filedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AnnualReportSummary = z.infer<typeof AnnualReportSummary>;

export const AnnualReportDetail = AnnualReportSummary.extend({
  parts: z.array(ReportPart),
  figures: z.array(ReportFigure),
  /** paragraphs with the figures filled in, as exported */
  rendered: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })),
  versions: z.array(AnnualReportVersion),
  events: z.array(AnnualReportEvent),
  dueNote: z.string(),
  /** overdue flags against the configured (unverified) dates */
  filingOverdue: z.boolean(),
  publicationOverdue: z.boolean(),
  actions: z.array(z.string()),
  /** rule-of-law work records (part 3) available from the rule-of-law module */
  ruleOfLawAvailable: z.boolean(),
});
export type AnnualReportDetail = z.infer<typeof AnnualReportDetail>;

export const AnnualReportCreateBody = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export const AnnualReportSaveBody = z.object({ parts: z.array(ReportPart).length(4), note: z.string().trim().max(200).default(''), version: z.number().int() }).strict();
export const AnnualReportStepBody = z
  .object({
    note: z.string().trim().max(500).default(''),
    on: IsoDate.optional(),
    /** sign-off only: the report has passed the secrecy review (保密审查) before it may be filed and published */
    secrecyReviewed: z.boolean().optional(),
    version: z.number().int(),
  })
  .strict();
export const AnnualReportRefreshBody = z.object({ version: z.number().int() }).strict();

// ── monthly statistics snapshots ──────────────────────────────────────────────────────────────────

export const StatsSnapshot = z.object({ id: z.string(), month: z.string(), from: z.string(), to: z.string(), createdAt: z.string(), bytes: z.number().int(), figures: z.number().int() });
export type StatsSnapshot = z.infer<typeof StatsSnapshot>;
