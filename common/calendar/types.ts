/**
 * Shapes of the official holiday calendar. The same shape is used for the vendored State Council
 * schedules (official-schedules.ts) and for rows the server loads from its database, so an
 * administrator-edited calendar and the built-in one go through the same code.
 */

/**
 * - `off`: an official day off (法定节假日, and 调休 days off), on a weekday or a weekend.
 * - `work`: an adjusted working day (调休上班) that falls on a Saturday or Sunday.
 */
export type ScheduleDayKind = 'off' | 'work';

export interface ScheduleDay {
  /** 'YYYY-MM-DD' */
  date: string;
  kind: ScheduleDayKind;
  /** The holiday this day belongs to, e.g. '春节', '国庆节、中秋节'. */
  holiday: string;
}

/** One year's 国务院办公厅关于 YYYY 年部分节假日安排的通知. */
export interface YearSchedule {
  year: number;
  /** Title of the notice, e.g. '国务院办公厅关于2025年部分节假日安排的通知'. */
  notice: string;
  /** Document number, e.g. '国办发明电〔2024〕12号'; null when not known. */
  docNo: string | null;
  /** Whether docNo was checked against a reliable copy of the notice. */
  docNoVerified: boolean;
  /** 'YYYY-MM-DD' date the notice was issued or published (null if unknown, e.g. an admin-entered year). */
  publishedOn: string | null;
  /** Every day of every holiday range (`off`), plus the 调休 working weekend days (`work`). */
  days: ScheduleDay[];
  /** Where the data was taken from and how it was cross-checked (free text). */
  source?: string;
}

/**
 * - `weekday`: Monday–Friday with no entry → working day.
 * - `weekend`: Saturday/Sunday with no entry → rest day.
 * - `off`: official day off from the schedule → rest day.
 * - `work`: adjusted working weekend day from the schedule → working day.
 */
export type DayKind = 'weekday' | 'weekend' | 'off' | 'work';

export interface DayInfo {
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  workday: boolean;
  kind: DayKind;
  holiday?: string;
  /**
   * False when the year has no published schedule: `workday`/`kind` are then only the Monday–Friday
   * assumption and must not be relied on for a legal deadline.
   */
  published: boolean;
}
