/** Public surface of the statutory clock. */
export type {
  Unit,
  RuleUnit,
  DeadlineRule,
  Pause,
  Extension,
  OnUnpublished,
  DeadlineFlag,
  StepCode,
  Step,
  AddPeriodInput,
  PeriodResult,
  DeadlineResult,
  ComputeDeadlineInput,
  MonthRule,
  AddMonthsInput,
} from './types';
export { addPeriod, MAX_PERIOD_LENGTH } from './engine';
export { addMonths, correspondingDay } from './months';
export { addHours, parseInstant, formatInstant, beijingDateOf, beijingDayStart, beijingTimeText, dueDateOfInstant, HOUR_MS, MAX_HOURS, CITE_HOURS } from './hours';
export type { AddHoursInput, HourPeriodResult } from './hours';
export { computeDeadline, computeMonthDeadline, describeRule } from './compute';
export { RULES, MONTH_RULES, configuredRuleId, findRule, getRule, getMonthRule, ruleCitation } from './rules';
export { CITE_START_EXCLUDED, CITE_ROLL_FORWARD, CITE_MONTH_END, CITE_HOLIDAYS } from './citations';
