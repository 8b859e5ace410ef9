import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type WorkCalendar, tryParseDate } from '../../../common/calendar';
import type { DeadlineDetail, DeadlineItem, DeadlineListQuery } from '../../../common/contracts';
import { type Extension, type Pause, computeDeadline, findRule, getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { Clock } from '../clock';
import { type Actor, assertInScope } from '../identity';
import type { CalendarChange } from '../calendar';
import { type DeadlineRow, createDeadlineRepo } from './deadlines.repo';

export interface NewDeadline {
  module: string;
  objectType: string;
  objectId: string;
  title: string;
  ruleId: string;
  startDate: string;
  departmentId: string;
  assigneeId?: string | null;
  pauses?: Pause[];
  extensions?: Extension[];
}

export interface DeadlineService {
  /** Opens a statutory deadline on the register, computing its due date (inside the caller's transaction). */
  open(trx: Transaction<Database>, input: NewDeadline): Promise<string>;
  list(actor: Actor, q: z.infer<typeof DeadlineListQuery>): Promise<{ data: DeadlineItem[]; total: number }>;
  get(actor: Actor, id: string): Promise<z.infer<typeof DeadlineDetail>>;
  /** After a calendar change: recompute every open deadline, journal each changed due date. */
  recomputeOpen(calendar: WorkCalendar, reason: string): Promise<CalendarChange>;
}

const DAY = 86400_000;
/** Days from `today` (its day number, when it parses) to a stored due date. */
function daysBetween(today: string, todayDn: number | null, due: string): number {
  const b = tryParseDate(due);
  if (todayDn !== null && b !== null) return b - todayDn;
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
}
/** JSON text of an array (flags, pauses, extensions); most rows have none. */
const parseArray = <T>(json: string): T[] => (json === '[]' ? [] : (JSON.parse(json) as T[]));

/**
 * How long a list total may be served from memory: the staleness bound of a total. Every write through this
 * service drops the cached totals at once, so after those a total is exact. The bound covers the writes this
 * service does not see: rows changed by code that bypasses it (the 行政复议 module's interim writes, ADR 0003), by
 * another process or app instance (several instances on one PostgreSQL database), and a list counted on another
 * PostgreSQL connection while a transaction that opened a deadline had not yet committed. Such a total is at most
 * COUNT_TTL_MS old; the rows of a page are always read fresh.
 */
const COUNT_TTL_MS = 5_000;
const JOURNAL_LIMIT = 50;

export function createDeadlineService(deps: { db: Db; sqlite?: BetterSqlite3.Database | null; clock: Clock; calendar: () => Promise<WorkCalendar> }): DeadlineService {
  const { clock } = deps;
  const repo = createDeadlineRepo({ db: deps.db, sqlite: deps.sqlite ?? null });
  // Counting a filtered list over a million rows costs milliseconds; the to-do list is re-read far more often than
  // it changes. Totals are cached per (scope, filter) and dropped on every write through this service; a count
  // that was running while a write happened is not cached (generation check).
  const counts = new Map<string, { total: number; at: number }>();
  let generation = 0;
  const invalidate = () => {
    generation++;
    counts.clear();
  };

  /** `today` (Beijing date) ends an open pause. */
  function compute(cal: WorkCalendar, row: { ruleId: string; startDate: string; pauses: Pause[]; extensions: Extension[] }, today: string, explain: boolean) {
    const rule = getRule(row.ruleId);
    return computeDeadline(cal, rule, { start: row.startDate, pauses: row.pauses, extensions: row.extensions, asOf: today, onUnpublished: 'flag', explain });
  }

  function toItem(r: DeadlineRow, today: string, todayDn = tryParseDate(today)): DeadlineItem {
    const rule = findRule(r.ruleId);
    return {
      id: r.id,
      module: r.module,
      objectType: r.objectType,
      objectId: r.objectId,
      title: r.title,
      ruleId: r.ruleId,
      ruleTitle: rule?.title ?? `未知规则 ${r.ruleId}`,
      citation: rule ? ruleCitation(rule) : '',
      startDate: r.startDate,
      dueDate: r.dueDate,
      status: r.status as DeadlineItem['status'],
      flags: parseArray<string>(r.flags),
      departmentId: r.departmentId,
      assigneeId: r.assigneeId,
      daysLeft: r.dueDate ? daysBetween(today, todayDn, r.dueDate) : null,
    };
  }

  return {
    async open(trx, input) {
      const cal = await deps.calendar();
      const pauses = input.pauses ?? [];
      const extensions = input.extensions ?? [];
      const res = compute(cal, { ruleId: input.ruleId, startDate: input.startDate, pauses, extensions }, clock.today(), false);
      const id = randomUUID();
      const now = clock.nowIso();
      invalidate();
      await trx
        .insertInto('deadlines')
        .values({ id, module: input.module, objectType: input.objectType, objectId: input.objectId, title: input.title, ruleId: input.ruleId, startDate: input.startDate, pauses: JSON.stringify(pauses), extensions: JSON.stringify(extensions), dueDate: res.due, status: 'open', flags: JSON.stringify(res.flags), departmentId: input.departmentId, assigneeId: input.assigneeId ?? null, computedAt: now, createdAt: now, updatedAt: now })
        .execute();
      return id;
    },

    async list(actor, q) {
      const filter = { status: q.status, module: q.module, departmentId: q.departmentId, assigneeId: q.assigneeId, dueBefore: q.dueBefore };
      const rows = await repo.page(actor, filter, { dir: q.sort === 'due' ? 'asc' : 'desc', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const key = JSON.stringify([actor.dataScope, actor.dataScope === 'own' ? actor.userId : actor.scopeDepartmentIds, q.status, q.module, q.departmentId, q.assigneeId, q.dueBefore]);
      const now = clock.now();
      let cached = counts.get(key);
      if (!cached || now - cached.at > COUNT_TTL_MS) {
        const gen = generation;
        const total = await repo.count(actor, filter);
        cached = { total, at: now };
        if (gen === generation) {
          if (counts.size > 10_000) counts.clear();
          counts.set(key, cached);
        }
      }
      const today = clock.today();
      const todayDn = tryParseDate(today);
      return { data: rows.map((r) => toItem(r, today, todayDn)), total: cached.total };
    },

    async get(actor, id) {
      const found = await repo.findWithJournal(id, JOURNAL_LIMIT);
      if (!found) throw new AppError('NOT_FOUND', { entity: 'deadline', id });
      const { row: r, journal } = found;
      assertInScope(actor, r.departmentId, r.assigneeId);
      const pauses = parseArray<Pause>(r.pauses);
      const extensions = parseArray<Extension>(r.extensions);
      const today = clock.today();
      const res = compute(await deps.calendar(), { ruleId: r.ruleId, startDate: r.startDate, pauses, extensions }, today, true);
      return { ...toItem(r, today), steps: res.steps, pauses, extensions, journal };
    },

    async recomputeOpen(calendar, reason) {
      invalidate();
      const today = clock.today();
      try {
        return await repo.recomputeOpen(
          (r) => {
            // A stored deadline whose rule left the catalogue keeps its due date and is left to a person to decide.
            if (!findRule(r.ruleId)) return undefined;
            const res = compute(calendar, { ruleId: r.ruleId, startDate: r.startDate, pauses: parseArray<Pause>(r.pauses), extensions: parseArray<Extension>(r.extensions) }, today, false);
            const flags = res.flags.length ? JSON.stringify(res.flags) : '[]';
            return res.due !== r.dueDate || flags !== r.flags ? { dueDate: res.due, flags } : undefined;
          },
          clock.nowIso(),
          reason,
        );
      } finally {
        invalidate();
      }
    },
  };
}
