/**
 * Periods in months or years (民法典 Art. 202): “按照年、月计算期间的，到期月的对应日为期间的最后一日；
 * 没有对应日的，月末日为期间的最后一日。” The start day is not counted (Art. 201), and a last day that is a
 * 法定休假日 moves to the next working day (Art. 203; 民事诉讼法 Art. 85). Used for Y(D, k) in law-rules.md,
 * e.g. 行政复议法 Art. 21 (5/20 years) and the one-year cap of Art. 20 ¶3.
 */
import { AppError } from '../errors';
import { DAY_UNPUBLISHED, type WorkCalendar } from '../calendar/work-calendar';
import { dayNumberFromYmd, daysInMonth, formatDate, formatDateZh, parseDate, yearOf, ymdFromDayNumber } from '../calendar/dates';
import { CITE_HOLIDAYS, CITE_MONTH_END, CITE_ROLL_FORWARD, CITE_START_EXCLUDED } from './citations';
import type { AddMonthsInput, DeadlineFlag, PeriodResult, Step } from './types';

/** The corresponding day `months` months after `from` (or the month's last day). No roll-forward. */
export function correspondingDay(from: number, months: number): number {
  const { year, month, day } = ymdFromDayNumber(from);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayNumberFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

export function monthsText(months: number): string {
  return months % 12 === 0 ? `${months / 12} 年` : `${months} 个月`;
}

export function addMonths(calendar: WorkCalendar, input: AddMonthsInput): PeriodResult {
  const from = parseDate(input.from);
  if (!Number.isInteger(input.months) || input.months < 0 || input.months > 1200) {
    throw new AppError('VALIDATION_FAILED', { field: 'months', value: input.months });
  }
  const mode = input.onUnpublished ?? 'throw';
  const raw = correspondingDay(from, input.months);
  const unpublished: number[] = [];
  let due = raw;
  for (;;) {
    const code = calendar.codeOf(due);
    if (code & DAY_UNPUBLISHED) {
      const y = yearOf(due);
      if (mode === 'throw') throw new AppError('CALENDAR_YEAR_UNPUBLISHED', { year: y });
      if (!unpublished.includes(y)) unpublished.push(y);
    }
    if ((code & 1) === 0) break;
    due++;
  }
  const flags: DeadlineFlag[] = unpublished.length > 0 ? ['CALENDAR_YEAR_UNPUBLISHED'] : [];
  const result: PeriodResult = { due: formatDate(due), steps: [], flags, unpublishedYears: unpublished, rawEnd: formatDate(raw), pausedDays: 0 };
  if (input.explain === false) return result;

  const steps: Step[] = [
    { code: 'START', date: formatDate(from), text: `起算日 ${formatDateZh(from)}不计入期间（${CITE_START_EXCLUDED}）`, citation: CITE_START_EXCLUDED },
  ];
  const fromDay = ymdFromDayNumber(from).day;
  const rawDay = ymdFromDayNumber(raw).day;
  steps.push({
    code: 'COUNT',
    date: formatDate(raw),
    text:
      fromDay === rawDay
        ? `按${monthsText(input.months)}计算，到期月的对应日 ${formatDateZh(raw)}为期间的最后一日（${CITE_MONTH_END}）`
        : `按${monthsText(input.months)}计算，到期月没有对应日，以月末日 ${formatDateZh(raw)}为期间的最后一日（${CITE_MONTH_END}）`,
    citation: CITE_MONTH_END,
  });
  if (due !== raw) {
    const code = calendar.codeOf(raw);
    const why = (code & 3) === 3 ? `法定休假日（${calendar.holidayOf(raw) ?? '节假日'}）` : '休息日';
    steps.push({ code: 'ROLL', date: formatDate(due), text: `期间届满日 ${formatDate(raw)} 为${why}，顺延至 ${formatDate(due)}（${CITE_ROLL_FORWARD}）`, citation: CITE_ROLL_FORWARD });
  }
  if (unpublished.length > 0) {
    steps.push({
      code: 'UNPUBLISHED',
      text: `${unpublished.map((y) => `${y} 年`).join('、')}的节假日安排尚未公布，相关日期暂按星期一至星期五为工作日推算；国务院办公厅公布该年度安排后须重新计算`,
      citation: CITE_HOLIDAYS,
    });
  }
  steps.push({ code: 'DUE', date: formatDate(due), text: `期限届满日为 ${formatDateZh(due)}${unpublished.length > 0 ? '（暂定）' : ''}` });
  result.steps = steps;
  return result;
}
