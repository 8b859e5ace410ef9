/** Public surface of the holiday / working-day calendar. */
export {
  type DayNumber,
  type Weekday,
  type Ymd,
  WEEKDAY_NAMES_ZH,
  MIN_YEAR,
  MAX_YEAR,
  isLeapYear,
  daysInMonth,
  dayNumberFromYmd,
  ymdFromDayNumber,
  yearOf,
  isValidYmd,
  weekdayOf,
  isWeekend,
  tryParseDate,
  parseDate,
  formatDate,
  formatDateZh,
  toDayNumber,
} from './dates';
export type { ScheduleDayKind, ScheduleDay, YearSchedule, DayKind, DayInfo } from './types';
export { SCHEDULE_2024, SCHEDULE_2025, SCHEDULE_2026, OFFICIAL_SCHEDULES } from './official-schedules';
export {
  WorkCalendar,
  DAY_WEEKDAY,
  DAY_WEEKEND,
  DAY_WORK,
  DAY_OFF,
  DAY_UNPUBLISHED,
} from './work-calendar';
export { validateYearSchedule } from './validate-schedule';

import { OFFICIAL_SCHEDULES } from './official-schedules';
import { WorkCalendar } from './work-calendar';

/** A calendar from the vendored State Council schedules only (tests, demos, the web client's previews). */
export function createOfficialCalendar(): WorkCalendar {
  return new WorkCalendar(OFFICIAL_SCHEDULES);
}
