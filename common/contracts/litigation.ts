/**
 * 行政应诉 (administrative litigation where the district government or one of its departments is the defendant).
 * Statute: 《中华人民共和国行政诉讼法》(2017): Art. 3 ¶3 (负责人出庭应诉), Art. 67 (答辩期), Arts. 69–78 (判决),
 * Art. 62 (撤诉), Art. 85 (上诉).
 */
import { z } from 'zod';
import { StepSchema } from './calendar';
import { Id, IsoDate, Paging } from './shared';

/** Outcomes of the first instance or the appeal. */
export const LitigationOutcome = z.enum(['dismissClaim', 'dismissSuit', 'withdrawn', 'mediated', 'revoke', 'orderPerformance', 'orderPayment', 'confirmIllegal', 'confirmInvalid', 'vary']);
export type LitigationOutcome = z.infer<typeof LitigationOutcome>;
export const LITIGATION_OUTCOME_LABELS: Record<LitigationOutcome, string> = {
  dismissClaim: '判决驳回诉讼请求（第六十九条）',
  dismissSuit: '裁定驳回起诉',
  withdrawn: '原告撤诉（第六十二条）',
  mediated: '调解结案（第六十条）',
  revoke: '判决撤销或者部分撤销（第七十条）',
  orderPerformance: '判决履行法定职责（第七十二条）',
  orderPayment: '判决履行给付义务（第七十三条）',
  confirmIllegal: '判决确认违法（第七十四条）',
  confirmInvalid: '判决确认无效（第七十五条）',
  vary: '判决变更（第七十七条）',
};
/** Outcomes counted as a loss of the defendant (败诉). Configurable: no statute defines 败诉率. */
export const LITIGATION_LOSS_OUTCOMES: readonly LitigationOutcome[] = ['revoke', 'orderPerformance', 'orderPayment', 'confirmIllegal', 'confirmInvalid', 'vary'];
export const LITIGATION_LOSS_DEFINITION =
  '败诉率 = 审结案件中判决撤销、履行、给付、确认违法、确认无效、变更的案件数 ÷ 审结案件数（含撤诉、驳回起诉、调解）；按最终结果作出之日统计，以最终结果（有上诉结果的以上诉结果为准）统计。法律未规定该口径，可配置。';
export const HEAD_APPEARANCE_DEFINITION =
  '负责人出庭应诉率 = 统计期间内开庭审理的案件中，至少一次由被诉行政机关负责人出庭的案件数 ÷ 统计期间内开庭审理的案件数（《中华人民共和国行政诉讼法》第三条第三款：被诉行政机关负责人应当出庭应诉；不能出庭的，应当委托行政机关相应的工作人员出庭）。';
export const DEFENCE_BASIS = '《中华人民共和国行政诉讼法》第六十七条第一款';
export const HEAD_APPEARANCE_BASIS = '《中华人民共和国行政诉讼法》第三条第三款';

const Text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);

export const LitigationCreateBody = z.object({
  court: Text(100, '请输入受理法院'),
  /** e.g. (2026)京0102行初123号 */
  caseNo: z
    .string()
    .trim()
    .min(1, '请输入案号')
    .max(60)
    .regex(/^[（(]\d{4}[)）].+\d+号$/, '案号格式应如“(2026)京0102行初123号”'),
  plaintiff: Text(100, '请输入原告'),
  defendant: Text(100, '请输入被告（被诉行政机关）'),
  cause: Text(200, '请输入案由'),
  reconCaseId: Id.optional(),
  filedOn: IsoDate,
  /** 收到起诉状副本之日: start of the 15-day defence period (Art. 67 ¶1) */
  complaintReceivedOn: IsoDate,
  handlerId: Id.optional(),
});

export const DefenceBody = z.object({ submittedOn: IsoDate });
export const HearingBody = z
  .object({
    hearingOn: IsoDate,
    /** 负责人出庭应诉 (Art. 3 ¶3) */
    headAppeared: z.boolean(),
    headName: z.string().trim().max(40).optional(),
    headTitle: z.string().trim().max(60).optional(),
    /** staff entrusted to appear when the head did not (Art. 3 ¶3) and agents */
    representatives: z.string().trim().max(200).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((h) => !h.headAppeared || !!h.headName, { message: '负责人出庭的，请填写出庭负责人姓名', path: ['headName'] })
  .refine((h) => h.headAppeared || !!h.representatives, { message: '负责人未出庭的，请填写受委托出庭的工作人员（行政诉讼法第三条第三款）', path: ['representatives'] });
/**
 * Appeal period opened by each first-instance result (行政诉讼法 Art. 85: 15 days from service of a judgment, 10 days
 * from service of a ruling; catalogue rules in common/deadlines). null: no appeal lies — a 调解书 (2018 解释 Art. 85 ¶3)
 * or the ruling allowing the withdrawal (2018 解释 Art. 101 ¶2).
 */
export const LITIGATION_APPEAL_RULES: Record<LitigationOutcome, 'litigation.appealJudgment' | 'litigation.appealRuling' | null> = {
  dismissClaim: 'litigation.appealJudgment',
  dismissSuit: 'litigation.appealRuling',
  withdrawn: null,
  mediated: null,
  revoke: 'litigation.appealJudgment',
  orderPerformance: 'litigation.appealJudgment',
  orderPayment: 'litigation.appealJudgment',
  confirmIllegal: 'litigation.appealJudgment',
  confirmInvalid: 'litigation.appealJudgment',
  vary: 'litigation.appealJudgment',
};
export const APPEAL_BASIS = '《中华人民共和国行政诉讼法》第八十五条';
export const OutcomeBody = z.object({
  outcome: LitigationOutcome,
  /** date of the judgment or ruling (撤诉: of the ruling allowing it) */
  on: IsoDate,
  /**
   * 送达日期: the judgment or ruling was served on the defendant — start of the appeal period (Art. 85). Required for a
   * result that can be appealed (the server says so), not for 调解 or 撤诉.
   */
  servedOn: IsoDate.optional(),
  note: z.string().trim().max(1000).optional(),
});
export const AppealBody = z.object({
  by: z.enum(['plaintiff', 'defendant']),
  filedOn: IsoDate,
  appealCaseNo: z.string().trim().max(60).optional(),
  outcome: LitigationOutcome.optional(),
  outcomeOn: IsoDate.optional(),
});

export const HearingSchema = z.object({
  id: z.string(),
  hearingOn: z.string(),
  headAppeared: z.boolean(),
  headName: z.string().nullable(),
  headTitle: z.string().nullable(),
  representatives: z.string().nullable(),
  note: z.string().nullable(),
});

export const LitigationSummary = z.object({
  id: z.string(),
  court: z.string(),
  caseNo: z.string(),
  plaintiff: z.string(),
  defendant: z.string(),
  cause: z.string(),
  filedOn: z.string(),
  defenceDue: z.string(),
  defenceSubmittedOn: z.string().nullable(),
  nextHearingOn: z.string().nullable(),
  headAppeared: z.boolean(),
  outcome: LitigationOutcome.nullable(),
  finalOutcome: LitigationOutcome.nullable(),
  status: z.enum(['pending', 'concluded', 'appeal']),
  departmentId: z.string(),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
});
export type LitigationSummary = z.infer<typeof LitigationSummary>;

export const LitigationDetail = LitigationSummary.extend({
  reconCaseId: z.string().nullable(),
  reconCaseNo: z.string().nullable(),
  complaintReceivedOn: z.string(),
  defence: z.object({ due: z.string(), basis: z.string(), explanation: z.string(), steps: z.array(StepSchema), onTime: z.boolean().nullable() }),
  hearings: z.array(HearingSchema),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  appeal: z.object({ by: z.enum(['plaintiff', 'defendant']), filedOn: z.string(), caseNo: z.string().nullable(), outcome: LitigationOutcome.nullable(), outcomeOn: z.string().nullable() }).nullable(),
  /**
   * The appeal period on the deadline register (Art. 85), from the service date recorded with the first-instance
   * result; null when no appeal lies or the result was recorded without a service date (before this period was kept).
   * status: open; met (the defendant appealed); cancelled (the plaintiff appealed, or the period passed unused).
   */
  appealPeriod: z
    .object({
      ruleId: z.string(),
      title: z.string(),
      servedOn: z.string(),
      due: z.string().nullable(),
      status: z.enum(['open', 'met', 'cancelled']),
      basis: z.string(),
      explanation: z.string(),
      steps: z.array(StepSchema),
      /** why it was closed (register journal), e.g. the period passed unused */
      closedNote: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type LitigationDetail = z.infer<typeof LitigationDetail>;

export const LitigationListQuery = Paging.extend({
  status: z.enum(['pending', 'concluded', 'appeal']).optional(),
  q: z.string().trim().max(60).optional(),
  /** 收到起诉状副本之日 (立案) within [filedFrom, filedTo] (the statistics' 行政应诉案件) */
  filedFrom: IsoDate.optional(),
  filedTo: IsoDate.optional(),
  /** 审结: the final outcome (the appeal's, or the first instance's when there is no appeal) dated within the range */
  concludedFrom: IsoDate.optional(),
  concludedTo: IsoDate.optional(),
});

export const LitigationStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  cases: z.number().int(),
  concluded: z.number().int(),
  /** cases with a hearing held in the period */
  heard: z.number().int(),
  /** of those, cases where the agency head appeared at least once */
  headAppeared: z.number().int(),
  /** hearings in the period at which the head appeared (出庭次数) */
  headAppearances: z.number().int(),
  headAppearanceRate: z.number().nullable(),
  lost: z.number().int(),
  lossRate: z.number().nullable(),
  byOutcome: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
  definitions: z.object({ headAppearance: z.string(), loss: z.string() }),
});
export type LitigationStats = z.infer<typeof LitigationStatsSchema>;
