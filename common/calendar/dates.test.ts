import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  dayNumberFromYmd,
  formatDate,
  formatDateZh,
  parseDate,
  toDayNumber,
  tryParseDate,
  weekdayOf,
  yearOf,
  ymdFromDayNumber,
} from './dates';

const utcDay = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;

describe('parseDate / formatDate', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', utcDay('2000-02-29')],
    ['2025-09-26', utcDay('2025-09-26')],
    ['9999-12-31', utcDay('9999-12-31')],
    ['0001-01-01', dayNumberFromYmd(1, 1, 1)],
  ])('%s → %i', (s, dn) => {
    expect(parseDate(s)).toBe(dn);
    expect(formatDate(dn)).toBe(s);
  });

  it.each([
    '2025-02-30', '2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-01-00', '2025-04-31',
    '2025-2-3', '2025/02/03', '20250203', ' 2025-02-03', '2025-02-03 ', '2025-02-03T00:00', '0000-01-01',
    '２０２５-01-01', 'abcd-ef-gh', '', '2025-1a-01',
  ])('rejects %j with CALENDAR_DATE_INVALID', (s) => {
    expect(tryParseDate(s)).toBeNull();
    expect(() => parseDate(s)).toThrowError(AppError);
    try {
      parseDate(s);
    } catch (e) {
      expect((e as AppError).code).toBe('CALENDAR_DATE_INVALID');
    }
  });

  it('rejects non-strings', () => {
    expect(tryParseDate(20250101)).toBeNull();
    expect(tryParseDate(null)).toBeNull();
    expect(() => toDayNumber(1.5)).toThrowError(/日期格式/);
  });

  it('property: format ∘ parse is the identity and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberFromYmd(1, 1, 1), max: dayNumberFromYmd(9999, 12, 31) }), (dn) => {
        const s = formatDate(dn);
        expect(parseDate(s)).toBe(dn);
        const { year, month, day } = ymdFromDayNumber(dn);
        expect(dayNumberFromYmd(year, month, day)).toBe(dn);
        expect(yearOf(dn)).toBe(year);
        if (year >= 1000) expect(new Date(dn * 86_400_000).toISOString().slice(0, 10)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: weekdayOf agrees with Date#getUTCDay', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (dn) => {
        const js = new Date(dn * 86_400_000).getUTCDay(); // 0 = Sunday
        expect(weekdayOf(dn)).toBe(js === 0 ? 7 : js);
      }),
    );
  });
});

describe('weekdayOf / formatDateZh', () => {
  it.each([
    ['1970-01-01', 4],
    ['2025-09-26', 5],
    ['2025-09-28', 7],
    ['2026-02-14', 6],
    ['2024-01-01', 1],
  ])('%s is ISO weekday %i', (s, w) => expect(weekdayOf(parseDate(s))).toBe(w));

  it('formats with the 星期 name', () => {
    expect(formatDateZh(parseDate('2025-09-26'))).toBe('2025-09-26（星期五）');
    expect(formatDateZh(parseDate('2025-09-28'))).toBe('2025-09-28（星期日）');
  });
});
