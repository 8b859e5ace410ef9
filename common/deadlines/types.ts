/**
 * Types of the statutory clock. A deadline is data: rule + start + pauses + extensions → due date + steps.
 */

/** 'WD' 工作日 (working days), 'CAL' 自然日 (calendar days): the day units addPeriod counts. */
export type Unit = 'WD' | 'CAL';
/** The unit of a catalogued rule: a day unit or 'H' 小时 (hours, counted by addHours to a due instant; hours.ts). */
export type RuleUnit = Unit | 'H';

/** A statutory period as data. The unit is stored per rule (law-rules.md, "Counting rules" §2). */
export interface DeadlineRule {
  /** stable id, `<module>.<name>`, e.g. 'reconsideration.acceptanceReview' */
  id: string;
  /** zh-CN, read as “…为 N 日”, e.g. '受理审查期限' */
  title: string;
  /** instrument name without 《》, e.g. '中华人民共和国行政复议法' */
  instrument: string;
  /** article in Chinese, e.g. '第三十条' or '第三十一条第二款' */
  article: string;
  length: number;
  unit: RuleUnit;
  /** true when the rule (its existence, length or article reference) is not verified against an official text */
  unverified?: boolean;
  /** zh-CN note for users and staff (consequence of expiry, caveats) */
  note?: string;
  /** row in law-rules.md “What a system must compute”, e.g. 'R3' */
  ref?: string;
  /** document number of the instrument, e.g. '国办发〔2018〕118号' */
  instrumentNo?: string;
  /** zh-CN start event, e.g. '收到行政复议申请之日' */
  startEvent?: string;
  /** why the unit is WD, e.g. '《中华人民共和国行政复议法》第八十八条第二款' */
  unitBasis?: string;
  /** 'before': counted backwards from the start event (e.g. notice N days before a hearing); default 'after' */
  direction?: 'after' | 'before';
  /** 'max' (default): act within the period; 'min': the period must last at least `length` */
  bound?: 'max' | 'min';
  /** for a range such as “不少于 5 日、不超过 15 日”: the lower end (length is the upper end) */
  minLength?: number;
  /** an event rather than a period (length 0): the act is due on the start event's day (e.g. C8, end of term) */
  event?: boolean;
  /** the most an approved extension may add, if the instrument caps it */
  maxExtension?: { length: number; unit: Unit; article: string };
  /**
   * A period the bureau sets (law-rules.md gives no verified length): the register stores `<id>@<length>` and
   * findRule returns this rule with that length, so a deadline keeps the length it was opened with.
   */
  configurable?: { min: number; max: number };
}

/** A period during which the clock does not run (中止, 补正, 征求第三方意见, 鉴定 …). Both ends inclusive. */
export interface Pause {
  from: string;
  /** null/absent = still paused; then `asOf` is required and the pause runs to asOf inclusive */
  to?: string | null;
  reason: string;
  article?: string;
}

/** An approved extension (延长), counted on from the unrolled end of the period before it. */
export interface Extension {
  length: number;
  unit: Unit;
  reason: string;
  /** 'YYYY-MM-DD' */
  approvedOn?: string;
  article?: string;
}

export type OnUnpublished = 'throw' | 'flag';

export type DeadlineFlag = 'CALENDAR_YEAR_UNPUBLISHED' | 'PAUSED';

export type StepCode = 'RULE' | 'START' | 'PAUSE' | 'COUNT' | 'EXTENSION' | 'ROLL' | 'UNPUBLISHED' | 'DUE';

/** One line of the explanation shown to users (zh-CN). */
export interface Step {
  code: StepCode | (string & {});
  date?: string;
  text: string;
  citation?: string;
}

export interface AddPeriodInput {
  /** the start day (起算日), never counted */
  from: string;
  /** integer ≥ 0 */
  length: number;
  unit: Unit;
  pauses?: readonly Pause[];
  extensions?: readonly Extension[];
  /** 'YYYY-MM-DD' “today”; required when a pause is still open */
  asOf?: string;
  /** default 'throw' */
  onUnpublished?: OnUnpublished;
  /** default true; false skips all string work */
  explain?: boolean;
  /** default 'after'; 'before' counts backwards (no pauses or extensions allowed) */
  direction?: 'after' | 'before';
  /** internal: citation for why the unit is WD, used in the COUNT step */
  unitBasis?: string;
}

export interface PeriodResult {
  /** the due date (期限届满日), 'YYYY-MM-DD' */
  due: string;
  /** explanation; empty when explain === false */
  steps: Step[];
  flags: DeadlineFlag[];
  /** years touched without a published schedule (only with onUnpublished 'flag') */
  unpublishedYears: number[];
  /** the end of the period after extensions, before the roll-forward to a working day */
  rawEnd: string;
  /** calendar days inside pauses that were skipped by the count */
  pausedDays: number;
}

export interface DeadlineResult extends PeriodResult {
  rule: DeadlineRule;
  /** hour rules only: the due instant, ISO-8601 UTC (`due` is its Beijing date) */
  dueAt?: string;
}

export interface ComputeDeadlineInput {
  /** the start day 'YYYY-MM-DD' (for an hour rule: the Beijing date of `startAt`, not used in the count) */
  start: string;
  /** hour rules only (required for them): the start event as an ISO-8601 instant with zone */
  startAt?: string;
  pauses?: readonly Pause[];
  extensions?: readonly Extension[];
  asOf?: string;
  onUnpublished?: OnUnpublished;
  explain?: boolean;
}

/** A period counted in months or years (民法典 Art. 202), e.g. the 5/20-year bar of 行政复议法 Art. 21. */
export interface MonthRule {
  id: string;
  title: string;
  instrument: string;
  article: string;
  months: number;
  unverified?: boolean;
  note?: string;
  ref?: string;
  instrumentNo?: string;
  startEvent?: string;
}

export interface AddMonthsInput {
  from: string;
  months: number;
  onUnpublished?: OnUnpublished;
  explain?: boolean;
}
