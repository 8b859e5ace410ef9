import { type DayNumber, type WorkCalendar, formatDate, toDayNumber } from '../../../common/calendar';

/**
 * Demo dates of an office's acts (receipt, decision, meeting, hearing): the working day itself, or the nearest one
 * before / after it, on the official schedules. Demo data only: beyond a published year the calendar's Monday–Friday
 * assumption is good enough here (a statutory date goes through the deadline engine, which refuses it).
 */
export function workdayOnOrBefore(cal: WorkCalendar, day: string | DayNumber): string {
  let d = toDayNumber(day);
  while (!cal.isWorkday(d)) d--;
  return formatDate(d);
}

export function workdayOnOrAfter(cal: WorkCalendar, day: string | DayNumber): string {
  let d = toDayNumber(day);
  while (!cal.isWorkday(d)) d++;
  return formatDate(d);
}
