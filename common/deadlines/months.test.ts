import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOfficialCalendar, daysInMonth, formatDate, parseDate, ymdFromDayNumber } from '../calendar';
import { AppError } from '../errors';
import { addMonths, computeMonthDeadline, correspondingDay, getMonthRule } from './index';

const cal = createOfficialCalendar();

describe('month/year periods (民法典 Art. 202)', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28'], // no corresponding day → last day of the month
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-15', 12, '2025-03-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
  ])('%s + %i months → %s', (from, m, expected) => {
    expect(formatDate(correspondingDay(parseDate(from), m))).toBe(expected);
  });

  it('rolls forward when the last day is a day off', () => {
    const r = addMonths(cal, { from: '2024-10-01', months: 12 });
    expect(r.rawEnd).toBe('2025-10-01');
    expect(r.due).toBe('2025-10-09');
    expect(r.steps.map((s) => s.code)).toEqual(['START', 'COUNT', 'ROLL', 'DUE']);
  });

  it('R2: the 5-year bar reaches an unpublished year → throws, or flags', () => {
    const rule = getMonthRule('reconsideration.absoluteBarOther');
    expect(() => computeMonthDeadline(cal, rule, { start: '2024-03-01' })).toThrowError(AppError);
    const r = computeMonthDeadline(cal, rule, { start: '2024-03-01', onUnpublished: 'flag' });
    expect(r.due).toBe('2029-03-01');
    expect(r.unpublishedYears).toEqual([2029]);
    expect(r.steps[0]?.text).toBe('依据《中华人民共和国行政复议法》第二十一条，申请行政复议的最长期限（不动产以外）为 5 年');
  });

  it('R1 cap of one year', () => {
    expect(computeMonthDeadline(cal, getMonthRule('reconsideration.notInformedCap'), { start: '2024-09-30' }).due).toBe('2025-09-30');
  });

  it('property: the day of month is kept or clipped to the month end', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDate('1990-01-01'), max: parseDate('2090-12-31') }), fc.integer({ min: 0, max: 600 }), (from, m) => {
        const a = ymdFromDayNumber(from);
        const b = ymdFromDayNumber(correspondingDay(from, m));
        expect((b.year - a.year) * 12 + (b.month - a.month)).toBe(m);
        expect(b.day).toBe(Math.min(a.day, daysInMonth(b.year, b.month)));
      }),
    );
  });
});
