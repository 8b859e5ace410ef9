/**
 * Shared pieces of the 行政复议 staff pages: query keys, status tones, the next-deadline cell (overdue red, due within
 * 3 working days orange) and the "3 working days from today" limit asked of the server's calendar.
 */
import type { z } from 'zod';
import { RECON_DEADLINE_KIND_LABELS, type CalendarAddResponse, type ReconDeadlineKind, type ReconStatus } from '../../../common/contracts';
import { api } from '../../app/api';
import type { Urgency } from '../../components/urgency';
import { StatusTag, type Tone } from '../../components/StatusTag';
import { addDays, todayBeijing, weekdayZh } from '../../components/format';

export const RECON_BASE = '/reconsideration/cases';

export const reconKeys = {
  all: ['reconsideration'] as const,
  list: (q: unknown) => ['reconsideration', 'cases', 'list', q] as const,
  detail: (id: string) => ['reconsideration', 'cases', 'detail', id] as const,
  documents: (id: string) => ['reconsideration', 'cases', 'documents', id] as const,
  document: (docId: string) => ['reconsideration', 'documents', docId] as const,
};

export const STATUS_TONES: Record<ReconStatus, Tone> = {
  registered: 'blue',
  correctionRequested: 'orange',
  accepted: 'blue',
  rejected: 'grey',
  underReview: 'blue',
  mediation: 'purple',
  suspended: 'orange',
  decided: 'green',
  mediated: 'green',
  terminated: 'grey',
  abandoned: 'grey',
};

export const PROCEDURE_LABELS = { ordinary: '普通程序', simplified: '简易程序' } as const;

/** Short name of a deadline kind (without the article in brackets), for dense tables. */
export function kindShort(kind: ReconDeadlineKind | null | undefined): string {
  if (!kind) return '';
  return RECON_DEADLINE_KIND_LABELS[kind].replace(/（.*）$/, '');
}

export { type Urgency, UrgencyTag, useNearLimit } from '../../components/urgency';

/**
 * Whether a date is a working day on the official calendar: the first working day after the day before is the day
 * itself (GET /calendar/add, public). null when the year's schedule is not published or the calendar cannot be asked.
 */
const workingDayCache = new Map<string, Promise<boolean | null>>();
export function isWorkingDay(date: string): Promise<boolean | null> {
  let p = workingDayCache.get(date);
  if (!p) {
    p = api<z.infer<typeof CalendarAddResponse>>('/calendar/add', { query: { from: addDays(date, -1), days: 1, unit: 'WD' }, quietSession: true }).then(
      (r) => r.due === date,
      () => {
        workingDayCache.delete(date); // asked again next time (e.g. after a rate limit)
        return null;
      },
    );
    workingDayCache.set(date, p);
  }
  return p;
}

/**
 * A warning (never a refusal) when the date of an act of the office falls on a rest day — a weekend or an official
 * holiday — usually a slip (the date defaults to today); the handler may still record it.
 */
export function restDayWarning(label: string) {
  return {
    warningOnly: true,
    validator: async (_r: unknown, v: { format: (f: string) => string } | null | undefined) => {
      if (!v) return;
      const day = v.format('YYYY-MM-DD');
      if ((await isWorkingDay(day)) === false) throw new Error(`${label} ${day}（${weekdayZh(day)}）是休息日，请核对是否为实际办理日期`);
    },
  };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
}

export function urgencyOf(due: string | null | undefined, nearLimit: string | null | undefined): Urgency {
  if (!due) return 'none';
  const today = todayBeijing();
  if (due < today) return 'overdue';
  if (nearLimit ? due <= nearLimit : daysBetween(today, due) <= 3) return 'near';
  return 'normal';
}

export function daysLeftText(due: string | null | undefined): string {
  if (!due) return '—';
  const n = daysBetween(todayBeijing(), due);
  if (n < 0) return `已逾期 ${-n} 天`;
  if (n === 0) return '今日届满';
  return `剩余 ${n} 天`;
}

export const urgencyClass = (u: Urgency) => (u === 'overdue' ? 'text-overdue' : u === 'near' ? 'text-near' : undefined);

/** Due date + days left, coloured by urgency. */
export function DueCell({ due, kind, nearLimit, showKind = true }: { due: string | null; kind?: ReconDeadlineKind | null; nearLimit: string | null | undefined; showKind?: boolean }) {
  if (!due) return <span className="muted">—</span>;
  const u = urgencyOf(due, nearLimit);
  return (
    <span className={urgencyClass(u)}>
      {showKind && kind ? <span className="recon-due-kind">{kindShort(kind)} </span> : null}
      <span className="mono">{due}</span>（{daysLeftText(due)}）
    </span>
  );
}

export function CaseStatusTag({ status, label }: { status: ReconStatus; label: string }) {
  return <StatusTag tone={STATUS_TONES[status]}>{label}</StatusTag>;
}
