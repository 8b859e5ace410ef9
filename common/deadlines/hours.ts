/**
 * Periods counted in hours (unit 'H'), e.g. 社区矫正法 Art. 47 (48 hours, C7) and 法律援助法 Art. 39 (24 hours, L1).
 *
 * Law (law-rules.md §1.14 quotes 民事诉讼法 Art. 85 [V]; 民法典 text from ../shared/law/民法典/总则.md):
 * - 民事诉讼法 (2023) Art. 85 ¶2: “期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。”
 * - 民法典 Art. 200: periods are counted in years, months, days and hours; Art. 201 ¶2: “按照小时计算期间的，自法律规定
 *   或者当事人约定的时间开始计算。”
 *
 * Counting: the hour in which the start event falls is not counted (Art. 85 ¶2); the period runs from the next full
 * hour and ends N hours after it: dueAt = floorToHour(startAt) + (N + 1) h. Beijing time (UTC+8) differs from UTC by
 * whole hours, so the full-hour boundary is the same in both. Instants are stored and returned as ISO-8601 UTC text
 * ('2026-11-29T07:00:00.000Z', as clock.nowIso() and every stored instant of the codebase); the explanation shows
 * Beijing time.
 *
 * No roll-forward: the roll-forward of 民事诉讼法 Art. 85 ¶3 and 民法典 Art. 203 speaks of the period's “最后一日”
 * (a period counted in days); a period in hours (the 24 hours a custodial facility has to forward an application,
 * the 48 hours a court has to decide on arrest) runs continuously through rest days and holidays. This is the
 * system's reading of those articles and the explanation says so. No calendar is needed, so no unpublished-year flag.
 * Pauses and extensions are not supported for hour periods (no statute in law-rules.md provides them).
 *
 * `due` (the date of the result) is the Beijing date of the last instant inside the period: a period ending at
 * 00:00 ends at 24:00 of the day before (民法典 Art. 203 ¶2 “截止时间为二十四时”).
 */
import { AppError } from '../errors';
import type { PeriodResult, Step } from './types';

export const HOUR_MS = 3600_000;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** Longest hour period accepted (one year); guards against runaway input. */
export const MAX_HOURS = 8784;

/** Start hour excluded: 民事诉讼法 Art. 85 ¶2; 民法典 Arts. 200, 201 ¶2. */
export const CITE_HOURS = '《中华人民共和国民事诉讼法》第八十五条第二款、《中华人民共和国民法典》第二百条、第二百零一条第二款';

/** ISO-8601 instant with an explicit zone (Z or ±hh:mm); no zone-less local times (ambiguous). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO-8601 instant with zone, or null. */
export function parseInstant(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = INSTANT.exec(s);
  if (!m) return null;
  const [, , mo, d, h, mi, se] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(se ?? 0) > 59) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  // Date.parse accepts 2025-02-30: reject dates that do not round-trip in their own zone
  const zone = m[8] as string;
  const off = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  if (new Date(t + off).toISOString().slice(0, 10) !== s.slice(0, 10)) return null;
  return t;
}

/** ISO-8601 UTC text of an instant (the stored form). */
export const formatInstant = (ms: number): string => new Date(ms).toISOString();

/** Beijing date 'YYYY-MM-DD' of an instant. */
export const beijingDateOf = (ms: number): string => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The instant (ISO-8601 UTC text, the stored form) at which the Beijing day `day` + `plusDays` begins: the inverse of
 * beijingDateOf, for bounding stored instants by Beijing dates ([start of from, start of to + 1 day)).
 */
export const beijingDayStart = (day: string, plusDays = 0): string => new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS + plusDays * 86_400_000).toISOString();

/** 'YYYY-MM-DD HH:mm' in Beijing time. */
export const beijingTimeText = (ms: number): string => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** Beijing date of the last instant inside a period that ends at `dueMs` (an end at 00:00 belongs to the day before). */
export const dueDateOfInstant = (dueMs: number): string => beijingDateOf(dueMs - 1);

export interface AddHoursInput {
  /** the start event, ISO-8601 with zone */
  fromInstant: string;
  /** integer 0 … MAX_HOURS */
  hours: number;
  /** default true */
  explain?: boolean;
}

export interface HourPeriodResult extends PeriodResult {
  /** the due instant, ISO-8601 UTC */
  dueAt: string;
  /** the start event, ISO-8601 UTC */
  startAt: string;
  /** the first counted hour (the full hour after the start hour), ISO-8601 UTC */
  countFrom: string;
}

/**
 * Add a period of `hours` hours to a start instant (see the module comment).
 * @throws AppError VALIDATION_FAILED for an instant without zone or out of range, or a bad number of hours.
 */
export function addHours(input: AddHoursInput): HourPeriodResult {
  const start = parseInstant(input.fromInstant);
  if (start === null) throw new AppError('VALIDATION_FAILED', { field: 'startAt', value: input.fromInstant, reason: '须为带时区的 ISO-8601 时刻，如 2026-11-29T14:23:00+08:00' });
  if (!Number.isInteger(input.hours) || input.hours < 0 || input.hours > MAX_HOURS) {
    throw new AppError('VALIDATION_FAILED', { field: 'hours', value: input.hours, reason: `须为 0 至 ${MAX_HOURS} 的整数` });
  }
  const countFrom = Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS;
  const dueMs = countFrom + input.hours * HOUR_MS;
  const due = dueDateOfInstant(dueMs);
  const result: HourPeriodResult = { due, dueAt: formatInstant(dueMs), startAt: formatInstant(start), countFrom: formatInstant(countFrom), steps: [], flags: [], unpublishedYears: [], rawEnd: due, pausedDays: 0 };
  if (input.explain === false) return result;
  const steps: Step[] = [
    {
      code: 'START',
      date: beijingDateOf(start),
      text: `起算时刻 ${beijingTimeText(start)}（北京时间），开始的时不计入期间，自 ${beijingTimeText(countFrom)} 起算（${CITE_HOURS}）`,
      citation: CITE_HOURS,
    },
    {
      code: 'COUNT',
      date: due,
      text: `按小时计算 ${input.hours} 小时：自 ${beijingTimeText(countFrom)} 起连续计算，休息日和法定休假日照常计入、不顺延（民事诉讼法第八十五条第三款、民法典第二百零三条所称“最后一日”顺延针对以日计算的期间，本系统对以小时计算的期间按连续计算理解）`,
    },
    { code: 'DUE', date: due, text: `期限届满时刻为 ${beijingTimeText(dueMs)}（北京时间）` },
  ];
  result.steps = steps;
  return result;
}
