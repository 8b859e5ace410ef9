/**
 * Working-day calendar built from official schedules (YearSchedule[]).
 *
 * A working day (工作日) is Monday–Friday, minus official days off (法定节假日 and 调休 days off), plus the
 * adjusted working weekend days (调休上班). Legal basis: 《全国年节及纪念日放假办法》 Arts. 2, 6, 7 and each
 * year's 国务院办公厅 notice. Treating 调休上班 days as working days and 调休 days off as 休假日 is the settled
 * practice noted in law-rules.md §1.14 (not stated in the statutes themselves).
 *
 * A year is "published" iff a schedule for it was given. For an unpublished year the calendar can only
 * *assume* Monday–Friday; every lookup reports that (`published: false`, UNPUBLISHED bit), and the deadline
 * engine refuses or flags such computations. Nothing here silently assumes Monday–Friday.
 *
 * Performance: one Uint8Array holds a code per day from 1 January of the first year to 31 December of the
 * last year mentioned; `isWorkday(dayNumber)` is one array read.
 */
import { AppError } from '../errors';
import {
  type DayNumber,
  dayNumberFromYmd,
  formatDate,
  toDayNumber,
  tryParseDate,
  weekdayOf,
  yearOf,
} from './dates';
import type { DayInfo, DayKind, YearSchedule } from './types';

/** Day code bits (low-level; see {@link WorkCalendar.codeOf}). Bit 0 set ⇔ rest day. */
export const DAY_WEEKDAY = 0;
export const DAY_WEEKEND = 1;
export const DAY_WORK = 2;
export const DAY_OFF = 3;
/** Set when the day's year has no published schedule. */
export const DAY_UNPUBLISHED = 4;

const KIND_BY_CODE: readonly DayKind[] = ['weekday', 'weekend', 'work', 'off'];

function defaultCode(dn: DayNumber): number {
  return weekdayOf(dn) >= 6 ? DAY_WEEKEND : DAY_WEEKDAY;
}

export class WorkCalendar {
  private readonly published = new Set<number>();
  private readonly schedules = new Map<number, YearSchedule>();
  private readonly holidayNames = new Map<DayNumber, string>();
  /** First day covered by `codes` (1 January of the first year), and the table itself. */
  private readonly base: DayNumber;
  private readonly codes: Uint8Array;

  /**
   * @throws AppError CALENDAR_DATE_INVALID for a malformed date, a date listed twice with different kinds,
   *   or a duplicated year.
   */
  constructor(schedules: readonly YearSchedule[]) {
    let minYear = Infinity;
    let maxYear = -Infinity;
    const entries: { dn: DayNumber; code: number; holiday: string }[] = [];
    for (const s of schedules) {
      if (!Number.isInteger(s.year)) throw new AppError('CALENDAR_DATE_INVALID', { year: s.year, reason: 'year' });
      if (this.published.has(s.year)) {
        throw new AppError('CALENDAR_DATE_INVALID', { year: s.year, reason: 'duplicate-year' });
      }
      this.published.add(s.year);
      this.schedules.set(s.year, s);
      minYear = Math.min(minYear, s.year);
      maxYear = Math.max(maxYear, s.year);
      for (const d of s.days) {
        const dn = tryParseDate(d.date);
        if (dn === null) throw new AppError('CALENDAR_DATE_INVALID', { value: d.date, year: s.year });
        // A notice may list a day of the neighbouring year (e.g. the 2023 notice's 2022-12-31).
        const y = yearOf(dn);
        minYear = Math.min(minYear, y);
        maxYear = Math.max(maxYear, y);
        entries.push({ dn, code: d.kind === 'off' ? DAY_OFF : DAY_WORK, holiday: d.holiday });
      }
    }
    if (minYear === Infinity) {
      this.base = 0;
      this.codes = new Uint8Array(0);
      return;
    }
    this.base = dayNumberFromYmd(minYear, 1, 1);
    const end = dayNumberFromYmd(maxYear + 1, 1, 1);
    this.codes = new Uint8Array(end - this.base);
    for (let y = minYear; y <= maxYear; y++) {
      const from = dayNumberFromYmd(y, 1, 1);
      const to = dayNumberFromYmd(y + 1, 1, 1);
      const flag = this.published.has(y) ? 0 : DAY_UNPUBLISHED;
      for (let dn = from; dn < to; dn++) this.codes[dn - this.base] = defaultCode(dn) | flag;
    }
    const seen = new Map<DayNumber, number>();
    for (const e of entries) {
      const prev = seen.get(e.dn);
      if (prev !== undefined && prev !== e.code) {
        throw new AppError('CALENDAR_DATE_INVALID', { value: formatDate(e.dn), reason: 'conflicting-kinds' });
      }
      seen.set(e.dn, e.code);
      const i = e.dn - this.base;
      this.codes[i] = ((this.codes[i] ?? 0) & DAY_UNPUBLISHED) | e.code;
      if (e.holiday) this.holidayNames.set(e.dn, e.holiday);
    }
  }

  /** Whether the State Council schedule for `year` is loaded. */
  isPublished(year: number): boolean {
    return this.published.has(year);
  }

  /** Published years, ascending. */
  publishedYears(): number[] {
    return [...this.published].sort((a, b) => a - b);
  }

  /** The schedule loaded for `year` (notice title, document number …), if any. */
  schedule(year: number): YearSchedule | undefined {
    return this.schedules.get(year);
  }

  /**
   * Low-level O(1) day code: DAY_WEEKDAY | DAY_WEEKEND | DAY_WORK | DAY_OFF, plus DAY_UNPUBLISHED when the
   * year has no schedule. `(code & 1) === 0` ⇔ working day.
   */
  codeOf(dn: DayNumber): number {
    const i = dn - this.base;
    if (i >= 0 && i < this.codes.length) return this.codes[i] as number;
    return defaultCode(dn) | DAY_UNPUBLISHED;
  }

  /**
   * O(1). For a day in an unpublished year this returns the Monday–Friday *assumption*; check
   * {@link isDayPublished} (or use the deadline engine, which does) before relying on it.
   */
  isWorkday(dn: DayNumber): boolean {
    return (this.codeOf(dn) & 1) === 0;
  }

  /** Whether `dn` lies in a year with a published schedule. */
  isDayPublished(dn: DayNumber): boolean {
    return (this.codeOf(dn) & DAY_UNPUBLISHED) === 0;
  }

  /** Holiday name of an official day off or adjusted working day, if any. */
  holidayOf(dn: DayNumber): string | undefined {
    return this.holidayNames.get(dn);
  }

  /** Full description of one day. Never throws for unpublished years: it reports `published: false`. */
  dayInfo(date: string | DayNumber): DayInfo {
    const dn = toDayNumber(date);
    const code = this.codeOf(dn);
    const info: DayInfo = {
      date: formatDate(dn),
      weekday: weekdayOf(dn),
      workday: (code & 1) === 0,
      kind: KIND_BY_CODE[code & 3] as DayKind,
      published: (code & DAY_UNPUBLISHED) === 0,
    };
    const holiday = this.holidayNames.get(dn);
    if (holiday !== undefined) info.holiday = holiday;
    return info;
  }

  /**
   * The first working day strictly after `date` (= WD(date, 1)).
   * @throws AppError CALENDAR_YEAR_UNPUBLISHED if any day examined lies in an unpublished year.
   */
  nextWorkday(date: string | DayNumber): string {
    let dn = toDayNumber(date);
    for (;;) {
      dn++;
      const code = this.codeOf(dn);
      if (code & DAY_UNPUBLISHED) throw new AppError('CALENDAR_YEAR_UNPUBLISHED', { year: yearOf(dn) });
      if ((code & 1) === 0) return formatDate(dn);
    }
  }

  /**
   * Number of working days in [from, to] (both inclusive).
   * @throws AppError CALENDAR_YEAR_UNPUBLISHED if the range touches an unpublished year.
   */
  countWorkdays(from: string | DayNumber, to: string | DayNumber): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    let n = 0;
    for (let dn = a; dn <= b; dn++) {
      const code = this.codeOf(dn);
      if (code & DAY_UNPUBLISHED) throw new AppError('CALENDAR_YEAR_UNPUBLISHED', { year: yearOf(dn) });
      if ((code & 1) === 0) n++;
    }
    return n;
  }
}
