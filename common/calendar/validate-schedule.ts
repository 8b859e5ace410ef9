/**
 * Plausibility checks for a YearSchedule an administrator enters or imports (zh-CN problems, empty = fine).
 * These are warnings about the data, not about the law: the notice itself is the authority.
 */
import { formatDateZh, tryParseDate, weekdayOf, yearOf } from './dates';
import type { YearSchedule } from './types';

export function validateYearSchedule(s: YearSchedule): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(s.year) || s.year < 1900 || s.year > 9999) problems.push(`年份 ${s.year} 不正确`);
  if (!s.notice.trim()) problems.push('未填写通知名称');
  if (s.publishedOn !== null && tryParseDate(s.publishedOn) === null) problems.push(`发布日期 ${s.publishedOn} 格式不正确，应为 YYYY-MM-DD`);
  const seen = new Map<string, string>();
  for (const d of s.days) {
    const dn = tryParseDate(d.date);
    if (dn === null) {
      problems.push(`日期 ${d.date} 格式不正确，应为 YYYY-MM-DD`);
      continue;
    }
    const prev = seen.get(d.date);
    if (prev !== undefined) {
      problems.push(prev === d.kind ? `日期 ${d.date} 重复` : `日期 ${d.date} 同时被标记为放假和上班`);
    }
    seen.set(d.date, d.kind);
    if (d.kind === 'work' && weekdayOf(dn) < 6) {
      problems.push(`${formatDateZh(dn)} 本身是工作日，无需标记为调休上班`);
    }
    if (Math.abs(yearOf(dn) - s.year) > 1) problems.push(`日期 ${d.date} 不属于 ${s.year} 年前后`);
    if (!d.holiday.trim()) problems.push(`日期 ${d.date} 未填写所属节日`);
  }
  return problems;
}
