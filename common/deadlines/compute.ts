/**
 * computeDeadline: a catalogued rule (rules.ts) applied to a case's start day, pauses and extensions.
 * The explanation starts with the rule and its article, e.g.
 * “依据《中华人民共和国行政复议法》第三十条，受理审查期限为 5 个工作日”.
 */
import { AppError } from '../errors';
import type { WorkCalendar } from '../calendar/work-calendar';
import { formatDateZh, parseDate } from '../calendar/dates';
import { addPeriod } from './engine';
import { unitText } from './explain';
import { addHours } from './hours';
import { addMonths, monthsText } from './months';
import { ruleCitation } from './rules';
import type { ComputeDeadlineInput, DeadlineResult, DeadlineRule, MonthRule, PeriodResult, Step } from './types';

/** zh-CN sentence stating the rule, used as the first explanation step. */
export function describeRule(rule: DeadlineRule): string {
  const u = unitText(rule.unit);
  let length: string;
  if (rule.event) return `依据${ruleCitation(rule)}，${rule.title}应于${rule.startEvent ?? '该日'}办理（遇休息日或法定休假日顺延至其后第一个工作日）`;
  if (rule.minLength !== undefined) length = `不少于 ${rule.minLength} ${u}、不超过 ${rule.length} ${u}（按上限计算）`;
  else if (rule.direction === 'before') length = `基准日前${rule.bound === 'min' ? '至少' : ''} ${rule.length} ${u}`;
  else if (rule.bound === 'min') length = `不少于 ${rule.length} ${u}`;
  else length = ` ${rule.length} ${u}`;
  let text = `依据${ruleCitation(rule)}，${rule.title}为${length}`;
  if (rule.unit === 'WD' && rule.unitBasis) text += `（按工作日计算的依据：${rule.unitBasis}）`;
  if (rule.unverified) text += '；该规则的期限或条文出处尚待核实';
  return text;
}

function checkExtensions(rule: DeadlineRule, input: ComputeDeadlineInput): void {
  const max = rule.maxExtension;
  if (!max || !input.extensions || input.extensions.length === 0) return;
  let total = 0;
  for (const e of input.extensions) {
    if (e.unit !== max.unit) {
      throw new AppError('VALIDATION_FAILED', { field: 'extensions', reason: `延长期限须按${max.unit === 'WD' ? '工作日' : '自然日'}计算（${max.article}）` });
    }
    total += e.length;
  }
  if (total > max.length) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'extensions',
      reason: `延长期限合计不得超过 ${max.length} ${unitText(max.unit)}（${max.article}）`,
    });
  }
}

/**
 * Apply a statutory rule. Same result as addPeriod plus `rule`; the first step cites the rule.
 * @throws AppError VALIDATION_FAILED when extensions exceed the rule's statutory cap, plus addPeriod's errors.
 */
export function computeDeadline(calendar: WorkCalendar, rule: DeadlineRule, input: ComputeDeadlineInput): DeadlineResult {
  if (rule.unit === 'H') return computeHourDeadline(rule, input);
  checkExtensions(rule, input);
  const explain = input.explain !== false;
  const res: PeriodResult = addPeriod(calendar, {
    from: input.start,
    length: rule.length,
    unit: rule.unit,
    pauses: input.pauses,
    extensions: input.extensions,
    asOf: input.asOf,
    onUnpublished: input.onUnpublished,
    explain,
    direction: rule.direction,
    unitBasis: rule.unitBasis,
  });
  if (explain) {
    const first: Step = { code: 'RULE', text: describeRule(rule), citation: ruleCitation(rule) };
    const last = res.steps[res.steps.length - 1];
    if (last && last.code === 'DUE') {
      const due = formatDateZh(parseDate(res.due));
      const tentative = res.flags.length > 0 ? '（暂定）' : '';
      if (rule.direction === 'before') last.text = `最迟应于 ${due}完成（含当日）${tentative}`;
      else if (rule.bound === 'min') last.text = `该期间最早于 ${due}届满，不得早于该日结束${tentative}`;
    }
    res.steps.unshift(first);
  }
  return { due: res.due, steps: res.steps, flags: res.flags, unpublishedYears: res.unpublishedYears, rawEnd: res.rawEnd, pausedDays: res.pausedDays, rule };
}

/**
 * An hour rule (hours.ts): needs the start instant; no pauses or extensions. The result carries `dueAt`.
 * @throws AppError VALIDATION_FAILED without `startAt`, with pauses or extensions, or with a bad instant.
 */
function computeHourDeadline(rule: DeadlineRule, input: ComputeDeadlineInput): DeadlineResult {
  if (!input.startAt) throw new AppError('VALIDATION_FAILED', { field: 'startAt', reason: `${rule.title}按小时计算，须提供起算时刻` });
  if ((input.pauses && input.pauses.length > 0) || (input.extensions && input.extensions.length > 0)) {
    throw new AppError('VALIDATION_FAILED', { field: 'pauses', reason: '按小时计算的期间不支持中止和延长' });
  }
  const res = addHours({ fromInstant: input.startAt, hours: rule.length, explain: input.explain });
  if (input.explain !== false) res.steps.unshift({ code: 'RULE', text: describeRule(rule), citation: ruleCitation(rule) });
  return { due: res.due, dueAt: res.dueAt, steps: res.steps, flags: res.flags, unpublishedYears: res.unpublishedYears, rawEnd: res.rawEnd, pausedDays: 0, rule };
}

/** Apply a month/year rule (民法典 Art. 202). */
export function computeMonthDeadline(
  calendar: WorkCalendar,
  rule: MonthRule,
  input: Pick<ComputeDeadlineInput, 'start' | 'onUnpublished' | 'explain'>,
): PeriodResult & { rule: MonthRule } {
  const res = addMonths(calendar, { from: input.start, months: rule.months, onUnpublished: input.onUnpublished, explain: input.explain });
  if (input.explain !== false) {
    let text = `依据${ruleCitation(rule)}，${rule.title}为 ${monthsText(rule.months)}`;
    if (rule.unverified) text += '；该规则的期限或条文出处尚待核实';
    res.steps.unshift({ code: 'RULE', text, citation: ruleCitation(rule) });
  }
  return { ...res, rule };
}
