import { CLUE_SOURCES, CLUE_STATUSES, ORDER_STATUSES, SEVERITIES } from '../../../common/contracts/enforcement-supervision';
import { DETECTION_RULES, ENFORCEMENT_FIELDS, INSPECTION_KINDS } from '../../../common/contracts/enforcement';

export { CLUE_SOURCES, CLUE_STATUSES, ORDER_STATUSES, SEVERITIES, DETECTION_RULES, ENFORCEMENT_FIELDS, INSPECTION_KINDS };
export const fieldLabel = (f: string | null | undefined) => (f ? ((ENFORCEMENT_FIELDS as Record<string, string>)[f] ?? f) : '—');
export const ruleName = (r: string) => (DETECTION_RULES as Record<string, { name: string }>)[r]?.name ?? r;
export const ORDER_STATUS_COLORS: Record<string, string> = { issued: 'orange', reported: 'blue', returned: 'red', closed: 'green' };
export const CLUE_STATUS_COLORS: Record<string, string> = { open: 'orange', ordered: 'blue', dismissed: 'default' };
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
/** The last 365 days up to today (Beijing): the default analysis period. */
export function lastYear(today: string): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 365);
  return { from: d.toISOString().slice(0, 10), to: today };
}
