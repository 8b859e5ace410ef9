/**
 * Urgency of a statutory deadline on staff screens: overdue in red, due within 3 working days (on the official
 * calendar) in orange. One place for the limit and the tag, used by the home to-do list and the 行政复议 pages.
 */
import { ExclamationCircleOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarAddResponse } from '../../common/contracts';
import { api } from '../app/api';
import { StatusTag } from './StatusTag';
import { todayBeijing } from './format';

export type Urgency = 'overdue' | 'near' | 'normal' | 'none';

/**
 * The last date still "within 3 working days" of today (Beijing), from the official calendar (GET /calendar/add,
 * public); null when that reaches a year without a published schedule (callers then count 3 calendar days).
 */
export function useNearLimit() {
  const today = todayBeijing();
  return useQuery({
    queryKey: ['calendar', 'add', today, 3, 'WD'],
    queryFn: async () => {
      try {
        const r = await api<z.infer<typeof CalendarAddResponse>>('/calendar/add', { query: { from: today, days: 3, unit: 'WD' }, quietSession: true });
        return r.due;
      } catch {
        return null;
      }
    },
    staleTime: 60 * 60_000,
    meta: { silent: true },
  });
}

/** The tag for an urgency; `within` also tags deadlines that are neither near nor overdue (and undetermined ones). */
export function UrgencyTag({ u, within = false }: { u: Urgency; within?: boolean }) {
  if (u === 'overdue') return <StatusTag tone="red" icon={<ExclamationCircleOutlined />}>已逾期</StatusTag>;
  if (u === 'near') return <StatusTag tone="orange" icon={<FieldTimeOutlined />}>即将届满</StatusTag>;
  if (!within) return null;
  if (u === 'none') return <StatusTag tone="grey">未定</StatusTag>;
  return <StatusTag tone="green">期限内</StatusTag>;
}
