/**
 * Date helpers on integer day numbers (days since 1970-01-01), pure integer arithmetic.
 * No `Date` object is used anywhere, so there are no time-zone bugs: a date is a label 'YYYY-MM-DD'
 * and a day number is just its position on the proleptic Gregorian calendar.
 *
 * Algorithm: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil /
 * civil_from_days), valid for every year from 1 to 9999.
 */
import { AppError } from '../errors';

/** A calendar date as an integer: days since 1970-01-01 (negative before it). */
export type DayNumber = number;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** 星期 names indexed by ISO weekday (index 0 unused). */
export const WEEKDAY_NAMES_ZH = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** Day number of (year, month 1–12, day 1–31). Does not validate; see {@link isValidYmd}. */
export function dayNumberFromYmd(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymdFromDayNumber(dn: DayNumber): Ymd {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Calendar year of a day number. */
export function yearOf(dn: DayNumber): number {
  return ymdFromDayNumber(dn).year;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** ISO weekday (1 = Monday … 7 = Sunday). 1970-01-01 was a Thursday. */
export function weekdayOf(dn: DayNumber): Weekday {
  return ((((dn + 3) % 7) + 7) % 7 + 1) as Weekday;
}

/** Saturday or Sunday. */
export function isWeekend(dn: DayNumber): boolean {
  return weekdayOf(dn) >= 6;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Strict parse of 'YYYY-MM-DD' (exactly 10 characters, real calendar date, year 0001–9999).
 * Returns null instead of throwing; {@link parseDate} throws.
 */
export function tryParseDate(s: unknown): DayNumber | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y0 = digit(s, 0), y1 = digit(s, 1), y2 = digit(s, 2), y3 = digit(s, 3);
  const m0 = digit(s, 5), m1 = digit(s, 6), d0 = digit(s, 8), d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (!isValidYmd(year, month, day)) return null;
  return dayNumberFromYmd(year, month, day);
}

/**
 * Strict parse of 'YYYY-MM-DD' into a day number. Rejects '2025-02-30', '2025-2-3', '2025/02/03', etc.
 * @throws AppError CALENDAR_DATE_INVALID
 */
export function parseDate(s: string): DayNumber {
  const dn = tryParseDate(s);
  if (dn === null) throw new AppError('CALENDAR_DATE_INVALID', { value: s });
  return dn;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : '' + n;
}

function pad4(n: number): string {
  return n >= 1000 ? '' + n : n >= 100 ? '0' + n : n >= 10 ? '00' + n : '000' + n;
}

/** Day number → 'YYYY-MM-DD'. */
export function formatDate(dn: DayNumber): string {
  const { year, month, day } = ymdFromDayNumber(dn);
  return pad4(year) + '-' + pad2(month) + '-' + pad2(day);
}

/** '2025-09-26（星期五）' — the form used in explanations shown to users. */
export function formatDateZh(dn: DayNumber): string {
  return formatDate(dn) + '（' + WEEKDAY_NAMES_ZH[weekdayOf(dn)] + '）';
}

/** Accept either a 'YYYY-MM-DD' string or a day number (validated as an integer). */
export function toDayNumber(date: string | DayNumber): DayNumber {
  if (typeof date === 'number') {
    if (!Number.isSafeInteger(date)) throw new AppError('CALENDAR_DATE_INVALID', { value: date });
    return date;
  }
  return parseDate(date);
}
