/**
 * 法治建设工作记录 (rule-of-law work records) contracts: 法治培训 and attendance, 领导干部学法 (会前学法, 党组理论学习中心组
 * 学法), 述法, 法治督察 with findings and their rectification (内控检查 included), the 考核评价体系 (indicators, weights,
 * scores, ranking) and 普法 (five-year plan, campaigns, events, education bases). The year summary feeds parts 1 and 3
 * of the annual 法治政府建设 report and the dashboard.
 */
import { z } from 'zod';
import { Id, IsoDate, Paging } from './shared';

/**
 * The instruments behind these ledgers. None of the 党内法规 and plans below is in the shared law corpus or in
 * law-rules.md, so every citation is shown as 待核实 (unverified) until checked against the official text.
 */
export const RULE_OF_LAW_BASIS = {
  firstResponsible: { instrument: '《党政主要负责人履行推进法治建设第一责任人职责规定》（中共中央办公厅、国务院办公厅，2016年）', article: '关于领导干部学法、年终述职述法的规定', verified: false },
  inspection: { instrument: '《法治政府建设与责任落实督察工作规定》（中共中央办公厅、国务院办公厅，2019年）', article: '关于督察、整改和年度报告的规定', verified: false },
  training: { instrument: '《中华人民共和国公务员法》', article: '第六十六条至第六十八条（分类分级培训；培训实行登记管理）', verified: true },
  publicityPlan: { instrument: '法治宣传教育五年规划（八五普法 2021—2025 年；九五普法 2026—2030 年）', article: '规划名称、期间及要求以正式印发文本为准', verified: false },
} as const;
export const BasisItem = z.object({ instrument: z.string(), article: z.string(), verified: z.boolean() });

// ── 法治培训 ────────────────────────────────────────────────────────────────────────────────────
export const TRAINING_KINDS = ['lawStudy', 'enforcement', 'newStaff', 'special', 'online'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = { lawStudy: '法治专题培训', enforcement: '行政执法人员培训', newStaff: '新任职人员法治培训', special: '专项业务培训', online: '网络学法' };

export const AttendeeInput = z.object({
  userId: Id.optional(),
  name: z.string().trim().min(1).max(40),
  departmentId: Id,
  hours: z.number().min(0).max(200).optional(),
});
export const TrainingBody = z.object({
  title: z.string().trim().min(2).max(200),
  kind: z.enum(TRAINING_KINDS),
  heldOn: IsoDate,
  hours: z.number().positive().max(200),
  place: z.string().trim().max(200).optional(),
  lecturer: z.string().trim().max(100).optional(),
  departmentId: Id.optional(),
  attendees: z.array(AttendeeInput).max(500).default([]),
});
export const AttendanceBody = z.object({ attendees: z.array(AttendeeInput).min(1).max(500) });
export const Training = z.object({
  id: Id,
  title: z.string(),
  kind: z.enum(TRAINING_KINDS),
  heldOn: IsoDate,
  hours: z.number(),
  place: z.string().nullable(),
  lecturer: z.string().nullable(),
  departmentId: Id,
  departmentName: z.string(),
  attendanceCount: z.number().int(),
  attendees: z.array(z.object({ id: Id, name: z.string(), userId: Id.nullable(), departmentId: Id, departmentName: z.string(), hours: z.number() })).optional(),
});
export const TrainingListQuery = Paging.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(TRAINING_KINDS).optional(),
  departmentId: Id.optional(),
  q: z.string().trim().max(100).optional(),
});

export const AttendanceByUnit = z.object({ departmentId: Id, departmentName: z.string(), attendances: z.number().int(), people: z.number().int(), hours: z.number() });

// ── 领导干部学法 ─────────────────────────────────────────────────────────────────────────────────
export const STUDY_KINDS = ['preMeeting', 'centralGroup', 'special'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];
export const STUDY_KIND_LABELS: Record<StudyKind, string> = { preMeeting: '会前学法', centralGroup: '党组理论学习中心组学法', special: '领导干部专题学法' };
export const StudySessionBody = z.object({
  kind: z.enum(STUDY_KINDS),
  heldOn: IsoDate,
  meetingName: z.string().trim().max(200).optional(),
  topic: z.string().trim().min(2).max(300),
  lawsStudied: z.string().trim().max(500).optional(),
  lecturer: z.string().trim().max(100).optional(),
  attendees: z.array(z.string().trim().min(1).max(40)).min(1).max(200),
  departmentId: Id.optional(),
});
export const StudySession = z.object({
  id: Id,
  kind: z.enum(STUDY_KINDS),
  heldOn: IsoDate,
  meetingName: z.string().nullable(),
  topic: z.string(),
  lawsStudied: z.string().nullable(),
  lecturer: z.string().nullable(),
  attendees: z.array(z.string()),
  departmentId: Id,
  departmentName: z.string(),
});
export const YearListQuery = Paging.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  departmentId: Id.optional(),
  q: z.string().trim().max(100).optional(),
});
export const StudyListQuery = YearListQuery.extend({ kind: z.enum(STUDY_KINDS).optional() });

// ── 述法 ─────────────────────────────────────────────────────────────────────────────────────────
export const REPORTING_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type ReportingGrade = (typeof REPORTING_GRADES)[number];
export const REPORTING_GRADE_LABELS: Record<ReportingGrade, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };
export const LawReportingBody = z.object({
  year: z.number().int().min(2000).max(2100),
  reporterName: z.string().trim().min(1).max(40),
  position: z.string().trim().min(1).max(100),
  reportedOn: IsoDate,
  setting: z.string().trim().min(2).max(200),
  grade: z.enum(REPORTING_GRADES).optional(),
  summary: z.string().trim().max(2000).optional(),
  departmentId: Id.optional(),
});
export const LawReporting = z.object({
  id: Id,
  year: z.number().int(),
  reporterName: z.string(),
  position: z.string(),
  reportedOn: IsoDate,
  setting: z.string(),
  grade: z.enum(REPORTING_GRADES).nullable(),
  summary: z.string().nullable(),
  departmentId: Id,
  departmentName: z.string(),
});
export const ReportingListQuery = YearListQuery.extend({ grade: z.enum(REPORTING_GRADES).optional() });

// ── 法治督察 ─────────────────────────────────────────────────────────────────────────────────────
export const INSPECTION_KINDS = ['comprehensive', 'special', 'internalControl'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = { comprehensive: '法治建设综合督察', special: '专项督察', internalControl: '内部控制检查' };
export const FINDING_STATUSES = ['open', 'rectified', 'verified'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = { open: '整改中', rectified: '已整改待验收', verified: '已验收销号' };

export const InspectionBody = z.object({
  kind: z.enum(INSPECTION_KINDS),
  title: z.string().trim().min(2).max(200),
  inspectedOn: IsoDate,
  team: z.string().trim().min(1).max(200),
  departmentId: Id,
});
export const FindingBody = z.object({
  description: z.string().trim().min(2).max(1000),
  internalControl: z.boolean().default(false),
  rectificationDue: IsoDate,
});
export const RectifyBody = z.object({ rectifiedOn: IsoDate, note: z.string().trim().min(2).max(1000) });
export const ExtendBody = z.object({ rectificationDue: IsoDate, reason: z.string().trim().min(2).max(500) });
export const VerifyBody = z.object({ verifiedOn: IsoDate, note: z.string().trim().max(1000).optional() });
export const Finding = z.object({
  id: Id,
  inspectionId: Id,
  description: z.string(),
  internalControl: z.boolean(),
  rectificationDue: IsoDate,
  status: z.enum(FINDING_STATUSES),
  rectifiedOn: IsoDate.nullable(),
  rectificationNote: z.string().nullable(),
  verifiedOn: IsoDate.nullable(),
  verifiedBy: z.string().nullable(),
  overdue: z.boolean(),
  departmentId: Id,
  departmentName: z.string(),
  inspectionTitle: z.string(),
});
export const Inspection = z.object({
  id: Id,
  kind: z.enum(INSPECTION_KINDS),
  title: z.string(),
  inspectedOn: IsoDate,
  team: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  findingCount: z.number().int(),
  rectifiedCount: z.number().int(),
  findings: z.array(Finding).optional(),
});
export const InspectionListQuery = YearListQuery.extend({ kind: z.enum(INSPECTION_KINDS).optional() });
export const FindingListQuery = Paging.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(FINDING_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  internalControl: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  departmentId: Id.optional(),
});

// ── 考核评价体系 ─────────────────────────────────────────────────────────────────────────────────
export const IndicatorInput = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(2).max(200),
  category: z.string().trim().min(1).max(100),
  weight: z.number().positive().max(100),
  maxScore: z.number().positive().max(1000),
  description: z.string().trim().max(1000).optional(),
});
export const SchemeBody = z.object({
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(2).max(200),
  indicators: z.array(IndicatorInput).min(1).max(100),
});
export const Indicator = IndicatorInput.extend({ id: Id, description: z.string().nullable() });
export const Scheme = z.object({ id: Id, year: z.number().int(), name: z.string(), indicators: z.array(Indicator), scoredUnits: z.number().int() });
export const ScoreBody = z.object({
  departmentId: Id,
  scores: z.array(z.object({ indicatorId: Id, score: z.number(), note: z.string().trim().max(500).optional() })).min(1).max(100),
});
export const RankingRow = z.object({
  rank: z.number().int(),
  departmentId: Id,
  departmentName: z.string(),
  departmentKind: z.string(),
  total: z.number(),
  complete: z.boolean(),
  scores: z.array(z.object({ indicatorId: Id, score: z.number().nullable() })),
});
export const Ranking = z.object({
  scheme: Scheme,
  /** 'all' | 'judicialOffice' | 'section': ranked among the units of that kind */
  group: z.enum(['all', 'judicialOffice', 'section']),
  rows: z.array(RankingRow),
  averageScore: z.number().nullable(),
});
export const RankingQuery = z.object({ group: z.enum(['all', 'judicialOffice', 'section']).default('all') });

// ── 普法 ─────────────────────────────────────────────────────────────────────────────────────────
export const EVENT_KINDS = ['lawIntoHomes', 'lecture', 'mockCourt', 'lawCarnival', 'consultation', 'constitutionWeek', 'exhibition', 'online'] as const;
export type PublicityEventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<PublicityEventKind, string> = {
  lawIntoHomes: '普法进万家',
  lecture: '法治讲座',
  mockCourt: '模拟法庭',
  lawCarnival: '法治嘉年华',
  consultation: '法律咨询服务',
  constitutionWeek: '宪法宣传周活动',
  exhibition: '法治展览',
  online: '网络普法',
};
export const BASE_LEVELS = ['national', 'municipal', 'district'] as const;
export const BASE_LEVEL_LABELS: Record<(typeof BASE_LEVELS)[number], string> = { national: '全国法治宣传教育基地', municipal: '北京市法治宣传教育基地', district: '区级法治宣传教育基地' };

export const PublicityPlan = z.object({ id: Id, name: z.string(), startYear: z.number().int(), endYear: z.number().int(), source: z.string(), verified: z.boolean(), note: z.string().nullable() });
export const PublicityPlanBody = z.object({ name: z.string().trim().min(2).max(100), startYear: z.number().int().min(2000).max(2100), endYear: z.number().int().min(2000).max(2100), source: z.string().trim().min(2).max(300), verified: z.boolean().default(false), note: z.string().trim().max(1000).optional() });
export const CampaignBody = z.object({
  name: z.string().trim().min(2).max(200),
  theme: z.string().trim().max(300).optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  departmentId: Id.optional(),
});
export const Campaign = z.object({ id: Id, planId: Id.nullable(), planName: z.string().nullable(), name: z.string(), theme: z.string().nullable(), startsOn: IsoDate, endsOn: IsoDate, departmentId: Id, departmentName: z.string(), events: z.number().int(), audience: z.number().int() });
export const EventBody = z.object({
  kind: z.enum(EVENT_KINDS),
  title: z.string().trim().min(2).max(200),
  heldOn: IsoDate,
  place: z.string().trim().max(200).optional(),
  audience: z.number().int().min(0).max(10_000_000),
  campaignId: Id.optional(),
  baseId: Id.optional(),
  departmentId: Id.optional(),
});
export const PublicityEvent = z.object({ id: Id, kind: z.enum(EVENT_KINDS), title: z.string(), heldOn: IsoDate, place: z.string().nullable(), audience: z.number().int(), campaignId: Id.nullable(), campaignName: z.string().nullable(), baseId: Id.nullable(), baseName: z.string().nullable(), departmentId: Id, departmentName: z.string() });
export const EventListQuery = YearListQuery.extend({ kind: z.enum(EVENT_KINDS).optional(), campaignId: Id.optional() });
export const BaseBody = z.object({ name: z.string().trim().min(2).max(200), level: z.enum(BASE_LEVELS), address: z.string().trim().max(200).optional(), designatedOn: IsoDate, departmentId: Id.optional() });
export const EducationBase = z.object({ id: Id, name: z.string(), level: z.enum(BASE_LEVELS), address: z.string().nullable(), designatedOn: IsoDate, departmentId: Id, departmentName: z.string(), eventsThisYear: z.number().int() });

// ── year summary (dashboard and the annual report, parts 1 and 3) ────────────────────────────────
export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const RuleOfLawYearSummary = z.object({
  year: z.number().int(),
  scope: z.string(),
  trainings: z.object({ sessions: z.number().int(), attendances: z.number().int(), hours: z.number() }),
  leadershipStudySessions: z.object({
    sessions: z.number().int(),
    preMeeting: z.number().int(),
    centralGroup: z.number().int(),
    list: z.array(z.object({ id: Id, heldOn: IsoDate, kind: z.enum(STUDY_KINDS), meetingName: z.string().nullable(), topic: z.string(), departmentName: z.string(), attendeeCount: z.number().int() })),
  }),
  lawReportings: z.object({
    count: z.number().int(),
    list: z.array(z.object({ id: Id, reporterName: z.string(), position: z.string(), departmentName: z.string(), reportedOn: IsoDate, grade: z.enum(REPORTING_GRADES).nullable() })),
  }),
  inspections: z.object({ count: z.number().int(), findings: z.number().int(), internalControlFindings: z.number().int(), rectified: z.number().int(), verified: z.number().int(), overdue: z.number().int(), rectificationRate: z.number().nullable() }),
  assessment: z.object({ schemeId: Id.nullable(), schemeName: z.string().nullable(), units: z.number().int(), averageScore: z.number().nullable(), top: z.array(z.object({ rank: z.number().int(), departmentName: z.string(), total: z.number() })) }),
  publicity: z.object({
    plan: z.object({ name: z.string(), startYear: z.number().int(), endYear: z.number().int(), verified: z.boolean() }).nullable(),
    campaigns: z.number().int(),
    events: z.number().int(),
    audienceReached: z.number().int(),
    educationBases: z.number().int(),
    byKind: z.array(z.object({ kind: z.enum(EVENT_KINDS), label: z.string(), events: z.number().int(), audience: z.number().int() })),
  }),
  basis: z.array(BasisItem),
});
export type RuleOfLawYearSummaryT = z.infer<typeof RuleOfLawYearSummary>;
