import { WEEKDAY_NAMES_ZH, tryParseDate, weekdayOf } from '../../common/calendar/dates';

/** ISO instant → Beijing time 'YYYY-MM-DD HH:mm:ss'. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** 'YYYY-MM-DD' → '星期五'; '' when the date is malformed. */
export function weekdayZh(date: string): string {
  const dn = tryParseDate(date);
  return dn === null ? '' : WEEKDAY_NAMES_ZH[weekdayOf(dn)];
}

/** 'YYYY-MM-DD' → '2026年12月4日' (as people write a date); anything else unchanged. */
export function dateZh(date: string): string {
  if (tryParseDate(date) === null) return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 'YYYY-MM-DD' → '2026年12月4日（星期五）'. */
export function dateLongZh(date: string): string {
  const dn = tryParseDate(date);
  if (dn === null) return date;
  return `${dateZh(date)}（${WEEKDAY_NAMES_ZH[weekdayOf(dn)]}）`;
}

/** Today's date in Beijing (statutory periods run on Beijing dates), 'YYYY-MM-DD'. */
export function todayBeijing(now: number = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, n: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + n * 86400_000;
  return new Date(t).toISOString().slice(0, 10);
}
