/**
 * 社区矫正 (《中华人民共和国社区矫正法》2019, in force 2020-07-01) and 安置帮教 contracts. The statutory clocks C1–C8
 * (law-rules.md §9) run on the deadline engine; the subject's record is open to the named responsible staff only.
 */
import { z } from 'zod';
import { Id, IsoDate, Paging } from './shared';

export const SENTENCE_TYPES = ['control', 'probation', 'parole', 'outsideExecution'] as const;
export type SentenceType = (typeof SENTENCE_TYPES)[number];
/** Art. 2: 管制、缓刑、假释、暂予监外执行 */
export const SENTENCE_TYPE_LABELS: Record<SentenceType, string> = { control: '管制', probation: '缓刑', parole: '假释', outsideExecution: '暂予监外执行' };

export const CORRECTION_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type CorrectionRiskLevel = (typeof CORRECTION_RISK_LEVELS)[number];
export const CORRECTION_RISK_LABELS: Record<CorrectionRiskLevel, string> = { low: '低风险（宽松管理）', medium: '中风险（普通管理）', high: '高风险（严格管理）' };

export const CORRECTION_STATUSES = ['awaitingReport', 'inCorrection', 'released', 'ended', 'transferred'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = { awaitingReport: '待报到', inCorrection: '在矫', released: '期满解矫', ended: '矫正终止', transferred: '已移交（执行地变更）' };

export const RECORD_KINDS = ['checkIn', 'interview', 'visit', 'education', 'publicService', 'reward', 'sanction', 'leave', 'transfer', 'proposal', 'arrestRequest', 'monitoring'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  checkIn: '报告（签到）',
  interview: '个别谈话',
  visit: '走访',
  education: '教育学习',
  publicService: '公益活动',
  reward: '表扬',
  sanction: '处罚（训诫、警告、提请治安管理处罚）',
  leave: '请假外出',
  transfer: '执行地变更',
  proposal: '提请减刑、撤销缓刑假释或收监执行',
  arrestRequest: '提请逮捕（第四十七条）',
  monitoring: '电子定位',
};
/** Art. 28 sanctions */
export const SANCTIONS = ['admonition', 'warning', 'policePenalty'] as const;
export const SANCTION_LABELS: Record<(typeof SANCTIONS)[number], string> = { admonition: '训诫', warning: '警告', policePenalty: '提请公安机关予以治安管理处罚' };
export const PROPOSALS = ['reduction', 'revocation', 'imprisonment'] as const;
export const PROPOSAL_LABELS: Record<(typeof PROPOSALS)[number], string> = { reduction: '提请减刑（第三十三条）', revocation: '提请撤销缓刑、假释（第四十六条、第四十八条）', imprisonment: '提请收监执行（第四十九条）' };
export const END_REASONS = ['termEnd', 'revoked', 'imprisoned', 'death'] as const;
export const END_REASON_LABELS: Record<(typeof END_REASONS)[number], string> = { termEnd: '矫正期满（第四十四条）', revoked: '撤销缓刑、假释（第四十五条）', imprisoned: '收监执行（第四十五条）', death: '死亡（第四十五条、第五十一条）' };

/** 执行地变更 (Art. 27 ¶2): to another 司法所 of the district, or to a correction organ outside it. */
export const TRANSFER_SCOPES = ['inDistrict', 'outOfDistrict'] as const;
export const TRANSFER_SCOPE_LABELS: Record<(typeof TRANSFER_SCOPES)[number], string> = { inDistrict: '区内变更（其他司法所）', outOfDistrict: '变更至区外' };
export const TRANSFER_STATUSES = ['pending', 'accepted', 'transferredOut', 'withdrawn'] as const;
export const TRANSFER_STATUS_LABELS: Record<(typeof TRANSFER_STATUSES)[number], string> = { pending: '移交中', accepted: '已接收', transferredOut: '已移交区外', withdrawn: '已撤回' };

export const CorrectionSubjectBody = z.object({
  name: z.string().trim().min(1, '请输入姓名').max(40),
  idNumber: z.string().trim().min(1, '请输入身份证号码').max(18),
  mobile: z.string().trim().max(11).optional(),
  sentenceType: z.enum(SENTENCE_TYPES),
  crime: z.string().trim().min(1, '请输入罪名').max(100),
  decidingOrgan: z.string().trim().min(2, '请输入决定机关').max(100),
  /** the judgment, ruling or decision took effect (C1–C3 start) */
  judgmentEffectiveOn: IsoDate,
  /** 暂予监外执行: receipt of the decision or approval by the detention centre, police or prison (C4 start) */
  decisionReceivedOn: IsoDate.optional(),
  termStart: IsoDate,
  termEnd: IsoDate,
  riskLevel: z.enum(CORRECTION_RISK_LEVELS).default('medium'),
  /** the 司法所 of the place of execution (default: the registering user's department) */
  departmentId: Id.optional(),
  /** named responsible staff (责任人), at least one */
  staffIds: z.array(Id).min(1, '请指定至少一名责任人').max(5),
});

export const CorrectionListQuery = Paging.extend({
  status: z.enum(CORRECTION_STATUSES).optional(),
  overdue: z.enum(['1']).optional(),
  sentenceType: z.enum(SENTENCE_TYPES).optional(),
  riskLevel: z.enum(CORRECTION_RISK_LEVELS).optional(),
  /**
   * the 司法所 (department) managing the subject, or receiving it in a hand-over in progress (移交中); inside the
   * caller's data scope (a department outside it lists nothing)
   */
  departmentId: Id.optional(),
  /** part of the name, or the 档案号 西司矫〔YYYY〕N号 in full or its beginning */
  q: z.string().trim().max(40).optional(),
});

/** 社区矫正档案号: 西司矫〔YYYY〕N号, N from 1 in each year of registration (migration 055 keeps its own frozen copy). */
export const correctionArchiveNo = (year: number, seq: number) => `西司矫〔${year}〕${seq}号`;

export const CorrectionSubjectSummary = z.object({
  id: z.string(),
  /** 社区矫正档案号 西司矫〔YYYY〕N号: how the deadline register and reminders name the subject */
  archiveNo: z.string().nullable(),
  name: z.string(),
  sentenceType: z.enum(SENTENCE_TYPES),
  decidingOrgan: z.string(),
  judgmentEffectiveOn: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  riskLevel: z.enum(CORRECTION_RISK_LEVELS),
  status: z.enum(CORRECTION_STATUSES),
  /** C3/C4 due date, and whether it has passed without a report */
  reportDue: z.string(),
  reportedOn: z.string().nullable(),
  reportOverdue: z.boolean(),
  daysToTermEnd: z.number().int().nullable(),
  staffNames: z.array(z.string()),
  /** whether the caller is among the named staff (only they open the record, besides the bureau's supervisors) */
  mine: z.boolean(),
  departmentId: z.string(),
  departmentName: z.string(),
  /** 执行地变更 in the district in progress (移交中): seen by both 司法所 until the receiving one accepts */
  transfer: z.object({ toDepartmentId: z.string(), toDepartmentName: z.string(), incoming: z.boolean() }).nullable(),
  /** for the receiving 司法所's acceptance (optimistic concurrency) */
  version: z.number().int(),
});

/** A statutory clock of the subject; `dueAt` (ISO-8601 UTC) for an hour clock such as C7 (48 hours, Art. 47). */
export const CorrectionClock = z.object({ ref: z.string(), title: z.string(), citation: z.string(), startDate: z.string(), due: z.string().nullable(), dueAt: z.string().nullable(), status: z.string(), overdue: z.boolean(), unverified: z.boolean() });

export const CorrectionSubjectDetail = CorrectionSubjectSummary.extend({
  crime: z.string(),
  idNumber: z.string(),
  mobile: z.string().nullable(),
  personId: z.string(),
  decisionReceivedOn: z.string().nullable(),
  noticeReceivedOn: z.string().nullable(),
  documentsReceivedOn: z.string().nullable(),
  monitoringUntil: z.string().nullable(),
  releasedOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  /** transferred out of the district: the receiving correction organ */
  receivingOrgan: z.string().nullable(),
  clocks: z.array(CorrectionClock),
  records: z.array(z.object({ id: z.string(), kind: z.enum(RECORD_KINDS), onDate: z.string(), detail: z.record(z.string(), z.unknown()), status: z.string().nullable(), createdByName: z.string().nullable() })),
  staff: z.array(z.object({ userId: z.string(), name: z.string() })),
  version: z.number().int(),
});
export type CorrectionSubjectDetailT = z.infer<typeof CorrectionSubjectDetail>;

export const CorrectionReportBody = z.object({ reportedOn: IsoDate, version: z.number().int() });
export const CorrectionDocumentsBody = z.object({ noticeReceivedOn: IsoDate.optional(), documentsReceivedOn: IsoDate.optional(), version: z.number().int() });
export const CorrectionRecordBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['checkIn', 'interview', 'visit', 'education', 'publicService', 'reward']), on: IsoDate, note: z.string().trim().min(1, '请填写记录内容').max(2000), hours: z.number().int().min(0).max(100).optional() }),
  z.object({ kind: z.literal('sanction'), on: IsoDate, sanction: z.enum(SANCTIONS), note: z.string().trim().min(1).max(2000) }),
  z.object({ kind: z.literal('leave'), on: IsoDate, from: IsoDate, to: IsoDate, destination: z.string().trim().min(1).max(100), note: z.string().trim().min(1).max(2000) }),
  /**
   * Art. 27 ¶2 执行地变更: `scope` inDistrict → `targetDepartmentId` (another 司法所 of the district); outOfDistrict →
   * `receivingOrgan` (the correction organ of the new place). A request without scope (before the hand-over existed)
   * can be approved but not executed.
   */
  z.object({
    kind: z.literal('transfer'),
    on: IsoDate,
    destination: z.string().trim().min(1).max(100),
    note: z.string().trim().min(1).max(2000),
    scope: z.enum(TRANSFER_SCOPES).optional(),
    targetDepartmentId: Id.optional(),
    receivingOrgan: z.string().trim().min(2, '请填写接收的社区矫正机构').max(100).optional(),
  }),
  z.object({ kind: z.literal('proposal'), on: IsoDate, proposal: z.enum(PROPOSALS), court: z.string().trim().min(2).max(100), note: z.string().trim().min(1).max(2000) }),
  z.object({ kind: z.literal('monitoring'), on: IsoDate, note: z.string().trim().min(1).max(2000) }),
  /**
   * Art. 47: with a proposal to revoke 缓刑/假释, the body may ask the court to decide on arrest; the court decides within
   * 48 hours (C7, an hour deadline): `at` is when the request reached the court, an ISO-8601 instant with zone.
   */
  z.object({ kind: z.literal('arrestRequest'), at: z.string().datetime({ offset: true, message: '请填写提请时刻（含时区，如 2026-11-29T14:30:00+08:00）' }), court: z.string().trim().min(2).max(100), note: z.string().trim().min(1).max(2000) }),
]);
export const CorrectionDecisionBody = z.object({ approved: z.boolean(), on: IsoDate, note: z.string().trim().min(1).max(500) });
export const CorrectionEndBody = z.object({ on: IsoDate, reason: z.enum(END_REASONS), note: z.string().trim().max(500).optional(), version: z.number().int() });
export const CorrectionStaffBody = z.object({ staffIds: z.array(Id).min(1).max(5), version: z.number().int() });
/** Execute an approved 执行地变更 (Art. 27 ¶2): `recordId` is the approved transfer request. */
export const CorrectionTransferBody = z.object({ recordId: Id, on: IsoDate, version: z.number().int() });
/** The sending 司法所 withdraws a hand-over not yet accepted (e.g. the move did not happen); the reason is kept. */
export const CorrectionTransferWithdrawBody = z.object({ note: z.string().trim().min(1, '请填写撤回原因').max(500), version: z.number().int() });
/** The receiving 司法所 accepts the subject and names its staff (责任人). */
export const CorrectionTransferAcceptBody = z.object({ on: IsoDate, staffIds: z.array(Id).min(1, '请指定至少一名责任人').max(5), version: z.number().int() });
const StaffRef = z.object({ userId: z.string(), name: z.string() });
/** One hand-over: who had the subject when (kept for both 司法所 after the move). */
export const CorrectionTransferRow = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  scope: z.enum(TRANSFER_SCOPES),
  status: z.enum(TRANSFER_STATUSES),
  fromDepartmentId: z.string(),
  fromDepartmentName: z.string(),
  fromStaff: z.array(StaffRef),
  toDepartmentId: z.string().nullable(),
  toDepartmentName: z.string().nullable(),
  toStaff: z.array(StaffRef),
  receivingOrgan: z.string().nullable(),
  startedOn: z.string(),
  startedByName: z.string().nullable(),
  completedOn: z.string().nullable(),
  completedByName: z.string().nullable(),
  deadlinesMoved: z.number().int(),
  citation: z.string(),
});
/**
 * The bureau's setting for the report at the new place after a 执行地变更 (rule corrections.transferReport: the 2020
 * 实施办法's period is UNVERIFIED in law-rules.md §9, so it is configurable and shown as 待核实).
 */
export const CorrectionSettings = z.object({ transferReportDays: z.number().int(), min: z.number().int(), max: z.number().int(), unverified: z.boolean(), citation: z.string(), note: z.string() });
export const CorrectionSettingsBody = z.object({ transferReportDays: z.number().int().min(1).max(30) });
export const CorrectionTransferQuery = Paging.extend({ subjectId: Id.optional() });
export const CorrectionStaffOption = z.object({ id: z.string(), name: z.string(), departmentId: z.string() });

// ── 安置帮教 (people released from prison) ─────────────────────────────────────────────────────────
export const RELEASE_SOURCES = ['prison', 'parole'] as const;
export const RELEASE_SOURCE_LABELS: Record<(typeof RELEASE_SOURCES)[number], string> = { prison: '刑满释放（监狱、看守所）', parole: '假释期满（社区矫正移交）' };
export const HELP_KINDS = ['visit', 'employment', 'training', 'assistance', 'education'] as const;
export const HELP_KIND_LABELS: Record<(typeof HELP_KINDS)[number], string> = { visit: '走访见面', employment: '就业帮扶', training: '技能培训', assistance: '救助帮扶', education: '教育帮教' };
export const ReleasedPersonBody = z.object({
  name: z.string().trim().min(1, '请输入姓名').max(40),
  idNumber: z.string().trim().min(1, '请输入身份证号码').max(18),
  mobile: z.string().trim().max(11).optional(),
  releasedOn: IsoDate,
  riskLevel: z.enum(CORRECTION_RISK_LEVELS).default('medium'),
});
export const ReleasedPerson = z.object({
  id: z.string(),
  name: z.string(),
  releasedOn: z.string(),
  source: z.enum(RELEASE_SOURCES),
  riskLevel: z.enum(CORRECTION_RISK_LEVELS),
  helps: z.array(z.object({ id: z.string(), kind: z.enum(HELP_KINDS), onDate: z.string(), note: z.string(), createdByName: z.string().nullable() })),
  lastHelpOn: z.string().nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
});
export const ReleasedListQuery = Paging.extend({ riskLevel: z.enum(CORRECTION_RISK_LEVELS).optional() });
export const HelpRecordBody = z.object({ kind: z.enum(HELP_KINDS), on: IsoDate, note: z.string().trim().min(1, '请填写帮教内容').max(2000) });

// ── 特殊时期 (major events): the people and disputes needing attention, with staff and check-in status ──────
export const AttentionQuery = z.object({ from: IsoDate, to: IsoDate });
export const AttentionList = z.object({
  from: z.string(),
  to: z.string(),
  people: z.array(z.object({ kind: z.enum(['correctionSubject', 'releasedPerson']), id: z.string(), name: z.string(), riskLevel: z.enum(CORRECTION_RISK_LEVELS), staffNames: z.array(z.string()), lastContactOn: z.string().nullable(), contactedInPeriod: z.boolean(), departmentName: z.string() })),
  disputes: z.array(z.object({ id: z.string(), code: z.string(), summary: z.string(), riskGrade: z.string(), holderName: z.string(), handlerName: z.string().nullable(), warning: z.boolean(), departmentName: z.string() })),
});

// ── 统计 (statistics of the ledger, by 司法所; Excel export) ────────────────────────────────────────────
export const CorrectionStatsQuery = z.object({ from: IsoDate, to: IsoDate });
export const CorrectionStats = z.object({
  from: z.string(),
  to: z.string(),
  /** per 司法所 in the caller's scope: the ledger now, and what happened in the period */
  byOffice: z.array(
    z.object({
      departmentId: z.string(),
      name: z.string(),
      /** now: in correction, awaiting report, of them past the report deadline (Art. 21) */
      inCorrection: z.number().int(),
      awaitingReport: z.number().int(),
      overdueReport: z.number().int(),
      /** in the period: reported (入矫), released at the end of term (Art. 44), ended otherwise (Art. 45) */
      reported: z.number().int(),
      released: z.number().int(),
      ended: z.number().int(),
      /** 安置帮教: released persons on the ledger, help records in the period */
      releasedPersons: z.number().int(),
      helps: z.number().int(),
    }),
  ),
  /** subjects now under correction (awaiting report or in correction) by sentence type (Art. 2) */
  bySentenceType: z.array(z.object({ sentenceType: z.enum(SENTENCE_TYPES), label: z.string(), count: z.number().int() })),
  /** records of the period by kind: reports, interviews, education, rewards and sanctions (Art. 28), leave (Art. 27) … */
  byRecordKind: z.array(z.object({ kind: z.enum(RECORD_KINDS), label: z.string(), count: z.number().int() })),
});
