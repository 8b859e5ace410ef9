/**
 * THE deadline engine: addPeriod(calendar, { from, length, unit, pauses, extensions, … }).
 *
 * Counting rules (law-rules.md §1.14 and “Counting rules to implement once and reuse”):
 * 1. The start day is never counted — 民事诉讼法 (2023) Art. 85 ¶2 “期间开始的时和日，不计算在期间内”;
 *    民法典 Art. 201.
 * 2. WD (工作日): only working days count — Monday–Friday minus official days off, plus 调休 working weekend
 *    days; the Nth working day is the due date (e.g. 行政复议法 Art. 88 ¶2, 行政处罚法 Art. 85, 行政强制法
 *    Art. 69, 行政许可法 Art. 82, 政府信息公开条例 “工作日”).
 * 3. CAL (自然日): from + N days; if that day is not a working day (weekend or official day off; an adjusted
 *    working weekend day IS a working day) the period ends on the next working day — 民事诉讼法 Art. 85 ¶3,
 *    民法典 Art. 203.
 * 4. Pauses: days inside a pause are not counted (WD or CAL). An open pause runs to `asOf` inclusive and
 *    raises the PAUSED flag.
 * 5. Extensions: counted in their own unit from the raw (unrolled) end of the period before them; the
 *    roll-forward of rule 3 is applied once, at the very end.
 * Length 0 (allowed by the public /calendar/add contract): the start day itself if it is a working day,
 * otherwise the next working day — so WD(D, 0) = WD(D, 1) when D is a rest day.
 * 6. A day whose working-day status is needed and whose year has no published schedule: 'throw' (default)
 *    → AppError CALENDAR_YEAR_UNPUBLISHED; 'flag' → Monday–Friday is assumed for that year, the flag and the
 *    year are reported. Never silently.
 *
 * The core works on integer day numbers and typed-array lookups; all text is built afterwards, only when
 * `explain !== false`.
 */
import { AppError } from '../errors';
import { DAY_UNPUBLISHED, type WorkCalendar } from '../calendar/work-calendar';
import { dayNumberFromYmd, formatDate, parseDate, yearOf } from '../calendar/dates';
import { explainPeriod } from './explain';
import type { AddPeriodInput, DeadlineFlag, Extension, OnUnpublished, Pause, PeriodResult, Unit } from './types';

/** Longest period accepted (in days); guards against runaway input. */
export const MAX_PERIOD_LENGTH = 36500;

const NO_PAUSES: readonly number[] = [];

function checkLength(length: number, field: string): void {
  if (!Number.isInteger(length) || length < 0 || length > MAX_PERIOD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', { field, value: length, reason: `须为 0 至 ${MAX_PERIOD_LENGTH} 的整数` });
  }
}

function checkUnit(unit: Unit, field: string): void {
  if (unit !== 'WD' && unit !== 'CAL') throw new AppError('VALIDATION_FAILED', { field, value: unit });
}

/** A pause resolved to day numbers, clipped to nothing, with the source for the explanation. */
export interface ResolvedPause {
  a: number;
  b: number;
  open: boolean;
  pause: Pause;
}

/** Mutable counting state shared by the segment counters. */
class Counter {
  /** merged pause intervals, sorted: starts and ends (inclusive) */
  readonly pa: readonly number[];
  readonly pb: readonly number[];
  pi = 0;
  readonly unpublished: number[] = [];
  /** cached range [ys, ye) of the last unpublished year reported, to avoid repeated yearOf() */
  private ys = 1;
  private ye = 0;

  constructor(
    readonly cal: WorkCalendar,
    readonly mode: OnUnpublished,
    pa: readonly number[],
    pb: readonly number[],
  ) {
    this.pa = pa;
    this.pb = pb;
  }

  /** Working-day status of `d`, handling the unpublished-year policy. */
  isWorkday(d: number): boolean {
    const code = this.cal.codeOf(d);
    if (code & DAY_UNPUBLISHED) this.unpublishedDay(d);
    return (code & 1) === 0;
  }

  private unpublishedDay(d: number): void {
    if (d >= this.ys && d < this.ye) return;
    const y = yearOf(d);
    if (this.mode === 'throw') throw new AppError('CALENDAR_YEAR_UNPUBLISHED', { year: y });
    this.ys = dayNumberFromYmd(y, 1, 1);
    this.ye = dayNumberFromYmd(y + 1, 1, 1);
    if (!this.unpublished.includes(y)) this.unpublished.push(y);
  }

  /** Index of the pause containing d (advancing the pointer), or -1. Requires non-decreasing d. */
  private pauseAt(d: number): number {
    const { pa, pb } = this;
    while (this.pi < pa.length && (pb[this.pi] as number) < d) this.pi++;
    return this.pi < pa.length && (pa[this.pi] as number) <= d ? this.pi : -1;
  }

  /** The nth working day after `cur`, skipping paused days. n = 0 returns cur. */
  wd(cur: number, n: number): number {
    let d = cur;
    let k = 0;
    const hasPauses = this.pa.length > 0;
    while (k < n) {
      d++;
      if (hasPauses) {
        const p = this.pauseAt(d);
        if (p >= 0) {
          d = this.pb[p] as number; // jump to the pause's last day; loop continues after it
          continue;
        }
      }
      if (this.isWorkday(d)) k++;
    }
    return d;
  }

  /** `cur` + n unpaused calendar days. */
  cal_(cur: number, n: number): number {
    const { pa, pb } = this;
    let c = cur;
    let rem = n;
    for (; this.pi < pa.length; this.pi++) {
      const a = pa[this.pi] as number;
      const b = pb[this.pi] as number;
      if (b <= c) continue;
      if (a > c + rem) break; // pause starts after the period ends
      rem -= Math.max(0, a - 1 - c); // days before the pause (always < rem here)
      c = b;
    }
    return c + rem;
  }

  /** First day ≥ d that is a working day and not paused (民事诉讼法 Art. 85 ¶3, 民法典 Art. 203). */
  rollForward(d: number): number {
    let x = d;
    for (;;) {
      if (this.pa.length > 0) {
        const p = this.pauseAt(x);
        if (p >= 0) {
          x = (this.pb[p] as number) + 1;
          continue;
        }
      }
      if (this.isWorkday(x)) return x;
      x++;
    }
  }

  /** nth working day before cur (backward counting; no pauses). */
  wdBack(cur: number, n: number): number {
    let d = cur;
    let k = 0;
    while (k < n) {
      d--;
      if (this.isWorkday(d)) k++;
    }
    return d;
  }

  rollBackward(d: number): number {
    let x = d;
    while (!this.isWorkday(x)) x--;
    return x;
  }
}

/** Parse, validate and merge pauses. Returns the merged intervals and the resolved list (for steps). */
export function resolvePauses(
  pauses: readonly Pause[] | undefined,
  asOf: number | null,
): { pa: number[]; pb: number[]; resolved: ResolvedPause[]; open: boolean } {
  const resolved: ResolvedPause[] = [];
  let open = false;
  if (!pauses || pauses.length === 0) return { pa: NO_PAUSES as number[], pb: NO_PAUSES as number[], resolved, open };
  for (const p of pauses) {
    const a = parseDate(p.from);
    let b: number;
    const isOpen = p.to === null || p.to === undefined;
    if (isOpen) {
      if (asOf === null) {
        throw new AppError('VALIDATION_FAILED', { field: 'asOf', reason: '存在尚未结束的中止（to 为空）时须提供 asOf' });
      }
      open = true;
      b = asOf;
    } else {
      b = parseDate(p.to as string);
      if (b < a) throw new AppError('VALIDATION_FAILED', { field: 'pauses', reason: '中止结束日早于开始日', pause: p });
    }
    resolved.push({ a, b, open: isOpen, pause: p });
  }
  const sorted = resolved.filter((r) => r.b >= r.a).sort((x, y) => x.a - y.a);
  const pa: number[] = [];
  const pb: number[] = [];
  for (const r of sorted) {
    const last = pb.length - 1;
    if (last >= 0 && r.a <= (pb[last] as number) + 1) {
      if (r.b > (pb[last] as number)) pb[last] = r.b;
    } else {
      pa.push(r.a);
      pb.push(r.b);
    }
  }
  return { pa, pb, resolved, open };
}

/** Segment boundaries recorded for the explanation. */
export interface Segment {
  /** last day before the segment (its start day, not counted) */
  after: number;
  /** raw end of the segment */
  end: number;
  length: number;
  unit: Unit;
  extension?: Extension;
}

/**
 * Add a statutory period to a start day. See the module comment for the rules.
 * @throws AppError CALENDAR_DATE_INVALID (bad date), VALIDATION_FAILED (bad length/unit, open pause
 *   without asOf, pauses with backward counting), CALENDAR_YEAR_UNPUBLISHED (onUnpublished 'throw').
 */
export function addPeriod(calendar: WorkCalendar, input: AddPeriodInput): PeriodResult {
  const from = parseDate(input.from);
  checkLength(input.length, 'length');
  checkUnit(input.unit, 'unit');
  const mode: OnUnpublished = input.onUnpublished ?? 'throw';
  const asOf = input.asOf === undefined ? null : parseDate(input.asOf);
  const extensions = input.extensions ?? [];
  for (const e of extensions) {
    checkLength(e.length, 'extensions.length');
    checkUnit(e.unit, 'extensions.unit');
  }
  const { pa, pb, resolved, open } = resolvePauses(input.pauses, asOf);
  const backward = input.direction === 'before';
  if (backward && (resolved.length > 0 || extensions.length > 0)) {
    throw new AppError('VALIDATION_FAILED', { field: 'direction', reason: '倒算期间不支持中止和延长' });
  }
  const c = new Counter(calendar, mode, pa, pb);

  let rawEnd: number;
  let due: number;
  const explain = input.explain !== false;
  const segments: Segment[] | null = explain ? [] : null;
  if (backward) {
    rawEnd = input.unit === 'WD' ? c.wdBack(from, input.length) : from - input.length;
    due = c.rollBackward(rawEnd);
    segments?.push({ after: from, end: rawEnd, length: input.length, unit: input.unit });
  } else {
    let cur = input.unit === 'WD' ? c.wd(from, input.length) : c.cal_(from, input.length);
    segments?.push({ after: from, end: cur, length: input.length, unit: input.unit });
    for (const e of extensions) {
      const start = cur;
      cur = e.unit === 'WD' ? c.wd(cur, e.length) : c.cal_(cur, e.length);
      segments?.push({ after: start, end: cur, length: e.length, unit: e.unit, extension: e });
    }
    rawEnd = cur;
    // Rewind the pause pointer: the roll-forward may need a pause the CAL counter has stepped past.
    c.pi = 0;
    due = c.rollForward(rawEnd);
  }

  // Paused days actually skipped: overlap of merged pauses with (from, due].
  let pausedDays = 0;
  for (let i = 0; i < pa.length; i++) {
    const a = Math.max(pa[i] as number, from + 1);
    const b = Math.min(pb[i] as number, due);
    if (b >= a) pausedDays += b - a + 1;
  }

  const flags: DeadlineFlag[] = [];
  if (c.unpublished.length > 0) {
    flags.push('CALENDAR_YEAR_UNPUBLISHED');
    c.unpublished.sort((x, y) => x - y);
  }
  if (open) flags.push('PAUSED');

  const result: PeriodResult = {
    due: formatDate(due),
    steps: [],
    flags,
    unpublishedYears: c.unpublished,
    rawEnd: formatDate(rawEnd),
    pausedDays,
  };
  if (segments) {
    result.steps = explainPeriod(calendar, {
      from,
      due,
      rawEnd,
      input,
      segments,
      pauses: resolved,
      asOf,
      unpublishedYears: c.unpublished,
      backward,
    });
  }
  return result;
}
