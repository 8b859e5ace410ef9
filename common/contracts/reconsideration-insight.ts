/**
 * 行政复议 consultation log (咨询接待) and statistics contracts, shared by the server and the web UI.
 * Definitions of every rate are stated here once and shown to users verbatim.
 */
import { z } from 'zod';
import { Id, IsoDate, Paging } from './shared';

/** 现场 / 电话 / 网络 / 信件. */
export const ConsultationChannel = z.enum(['onsite', 'phone', 'online', 'letter']);
export type ConsultationChannel = z.infer<typeof ConsultationChannel>;
export const CONSULTATION_CHANNEL_LABELS: Record<ConsultationChannel, string> = { onsite: '现场', phone: '电话', online: '网络', letter: '信件' };

/** 释法说理 / 协调化解 / 转为申请 / 待定. */
export const ConsultationOutcome = z.enum(['explained', 'resolved', 'filed', 'pending']);
export type ConsultationOutcome = z.infer<typeof ConsultationOutcome>;
export const CONSULTATION_OUTCOME_LABELS: Record<ConsultationOutcome, string> = { explained: '释法说理', resolved: '协调化解', filed: '转为申请', pending: '待定' };

/** Matter types (事项类型), shared by consultations and (derived from the administrative act) by cases. */
export const MatterType = z.enum(['penalty', 'disclosure', 'workInjury', 'nonPerformance', 'coercion', 'licensing', 'other']);
export type MatterType = z.infer<typeof MatterType>;
export const MATTER_TYPE_LABELS: Record<MatterType, string> = {
  penalty: '行政处罚',
  disclosure: '政府信息公开',
  workInjury: '工伤认定',
  nonPerformance: '不履行法定职责',
  coercion: '行政强制（拆除、查封、扣押等）',
  licensing: '行政许可',
  other: '其他',
};

/** The front-end settlement rate (前端化解率), as stated to users. */
export const SETTLEMENT_RATE_DEFINITION =
  '前端化解率 =（释法说理 + 协调化解）÷（释法说理 + 协调化解 + 转为申请）；只统计已有最终结果的咨询，“待定”不计入分母；按接待日期统计。';

const Text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);

export const ConsultationBody = z.object({
  consultedOn: IsoDate,
  channel: ConsultationChannel,
  /** optional: 来访人姓名 */
  visitorName: z.string().trim().max(40).optional(),
  /** optional: 身份证号 / 手机号 go to the people register (SM4-encrypted), never to this table */
  visitorIdNumber: z.string().trim().max(18).optional(),
  visitorMobile: z.string().trim().max(11).optional(),
  /** or an existing entry of the people register */
  visitorPersonId: Id.optional(),
  respondentName: z.string().trim().max(100).optional(),
  matterType: MatterType,
  summary: Text(2000, '请输入咨询事项摘要'),
  outcome: ConsultationOutcome,
  /** when outcome = filed: the 行政复议 case the application became (optional) */
  caseId: Id.optional(),
  note: z.string().trim().max(2000).optional(),
  handlerId: Id.optional(),
});
export const ConsultationUpdateBody = ConsultationBody.extend({ version: z.number().int().min(1) });

export const ConsultationSchema = z.object({
  id: z.string(),
  consultedOn: z.string(),
  channel: ConsultationChannel,
  visitorName: z.string().nullable(),
  visitorPersonId: z.string().nullable(),
  /** masked (e.g. 110102********1234) when a person is linked */
  visitorIdNumberMasked: z.string().nullable(),
  respondentName: z.string().nullable(),
  matterType: MatterType,
  summary: z.string(),
  outcome: ConsultationOutcome,
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  note: z.string().nullable(),
  departmentId: z.string(),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Consultation = z.infer<typeof ConsultationSchema>;

export const ConsultationListQuery = Paging.extend({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  outcome: ConsultationOutcome.optional(),
  channel: ConsultationChannel.optional(),
  matterType: MatterType.optional(),
});

export const PeriodQuery = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const SettlementSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  explained: z.number().int(),
  resolved: z.number().int(),
  filed: z.number().int(),
  pending: z.number().int(),
  /** 0..1, null when no consultation had a final outcome */
  rate: z.number().nullable(),
  definition: z.string(),
});
export type SettlementSummary = z.infer<typeof SettlementSummarySchema>;

const Row = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const RespondentRow = z.object({ respondentName: z.string(), received: z.number().int(), decided: z.number().int(), corrected: z.number().int(), correctionRate: z.number().nullable() });
export const RateSchema = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable(), definition: z.string(), configurable: z.boolean() });

export const ReconStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  totals: z.object({
    received: z.number().int(),
    accepted: z.number().int(),
    notAccepted: z.number().int(),
    concluded: z.number().int(),
    decided: z.number().int(),
    mediated: z.number().int(),
    terminated: z.number().int(),
    withdrawn: z.number().int(),
    /** 视为放弃: applications deemed abandoned after the correction period (Art. 31 ¶2) in the period; not 审结 */
    abandoned: z.number().int(),
  }),
  definitions: z.record(z.string(), z.string()),
  byChannel: z.array(Row),
  byMatterType: z.array(Row),
  byDecisionType: z.array(Row),
  byRespondent: z.array(RespondentRow),
  correctionRate: RateSchema,
  onTimeRate: RateSchema,
  averageDurationDays: z.number().nullable(),
  settlement: SettlementSummarySchema,
});
export type ReconStats = z.infer<typeof ReconStatsSchema>;
