import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type WorkCalendar, formatDate, tryParseDate } from '../../../common/calendar';
import type { DeadlineDetail, DeadlineItem, DeadlineListQuery } from '../../../common/contracts';
import { type Extension, type MonthRule, type Pause, type Step, computeDeadline, computeMonthDeadline, findRule, formatInstant, getMonthRule, getRule, MONTH_RULES, parseInstant, ruleCitation } from '../../../common/deadlines';
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
  /** an hour rule's start event (ISO-8601 instant with zone); required for hour rules, ignored otherwise */
  startAt?: string;
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

  // ── writes on an open deadline, inside the caller's transaction (the action that causes them) ──────────
  // Each recomputes through common/deadlines, journals a changed due date in deadline_journal with `note` as the
  // reason, and drops the cached list totals. A deadline that is not open is DEADLINE_NOT_OPEN; a missing one NOT_FOUND.
  /**
   * Closes an open deadline: 'met' (the act was done) or 'cancelled' (no longer owed). With `why`, the reason is
   * journalled in deadline_journal (the due date it had, no new one).
   */
  close(trx: Transaction<Database>, id: string, status: 'met' | 'cancelled', why?: { note: string }): Promise<void>;
  /**
   * Stops the clock from `from` (inclusive) with an open-ended pause (中止 …). While a pause is open the due date is
   * not determined: it is stored as null (the to-do list shows the deadline as paused, neither overdue nor due soon).
   */
  pause(trx: Transaction<Database>, id: string, from: string, why: { reason: string; article?: string; note: string }): Promise<DeadlineChange>;
  /** Restarts the clock on `on` (the first day it runs again): the open pause ends the day before, inclusive. */
  resume(trx: Transaction<Database>, id: string, on: string, why: { note: string }): Promise<DeadlineChange>;
  /** Records an approved extension (checked against the rule's statutory cap by the engine). */
  extend(trx: Transaction<Database>, id: string, extension: Extension, why: { note: string }): Promise<DeadlineChange>;
  /**
   * Moves every open deadline of an object to another assignee — and, with `departmentId`, to another department (the
   * object changed hands, e.g. a 执行地变更 in the district); returns how many moved.
   */
  reassign(trx: Transaction<Database>, objectType: string, objectId: string, assigneeId: string | null, departmentId?: string): Promise<number>;
}

/** A deadline after a write: the due date before and after (null while paused). */
export interface DeadlineChange {
  id: string;
  oldDue: string | null;
  dueDate: string | null;
  flags: string[];
}

const DAY = 86400_000;
const HOUR = 3600_000;
/** Month/year rules (民法典 Art. 202, e.g. C5 electronic monitoring) open on the register like the day and hour rules. */
const MONTH_IDS = new Set(MONTH_RULES.map((m) => m.id));
/** Title and citation of any catalogued rule (period or month), for the list. */
function ruleInfo(id: string): { title: string; citation: string } | undefined {
  const rule = findRule(id) ?? (MONTH_IDS.has(id) ? getMonthRule(id) : undefined);
  return rule ? { title: rule.title, citation: ruleCitation(rule) } : undefined;
}
const isMonthRule = (id: string): boolean => MONTH_IDS.has(id) && !findRule(id);
/** Whether a catalogued rule counts in hours (its due instant does not depend on the calendar). */
const isHourRule = (id: string): boolean => findRule(id)?.unit === 'H';
/** The due date to store: none while an open pause stops the clock (it moves every day until resumption). */
const dueOf = (res: { due: string; flags: readonly string[] }): string | null => (res.flags.includes('PAUSED') ? null : res.due);
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
 * service does not see: rows changed by another process or app instance (several instances on one PostgreSQL
 * database), and a list counted on another connection while a transaction that wrote a deadline through this
 * service had not yet committed (the totals are dropped when the write is made, not when it commits). Such a total is at most
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

  /** `today` (Beijing date) ends an open pause. A month rule (no pauses, no extensions) goes through computeMonthDeadline. */
  function compute(cal: WorkCalendar, row: { ruleId: string; startDate: string; startAt?: string | null; pauses: Pause[]; extensions: Extension[] }, today: string, explain: boolean): { due: string; dueAt?: string; flags: string[]; steps: Step[] } {
    if (isMonthRule(row.ruleId)) {
      if (row.pauses.length > 0 || row.extensions.length > 0) throw new AppError('VALIDATION_FAILED', { field: 'pauses', reason: '按月计算的期间不支持中止和延长' });
      const rule: MonthRule = getMonthRule(row.ruleId);
      return computeMonthDeadline(cal, rule, { start: row.startDate, onUnpublished: 'flag', explain });
    }
    const rule = getRule(row.ruleId);
    return computeDeadline(cal, rule, { start: row.startDate, ...(row.startAt ? { startAt: row.startAt } : {}), pauses: row.pauses, extensions: row.extensions, asOf: today, onUnpublished: 'flag', explain });
  }

  function toItem(r: DeadlineRow, today: string, todayDn = tryParseDate(today), now = clock.now()): DeadlineItem {
    const rule = ruleInfo(r.ruleId);
    // A paused deadline (an open pause) has no running clock: neither overdue nor due soon.
    const paused = r.flags !== '[]' && r.flags.includes('PAUSED');
    const daysLeft = r.dueDate && !paused ? daysBetween(today, todayDn, r.dueDate) : null;
    // An hour deadline is overdue once its due instant has passed; a day deadline once its due day has ended.
    const dueAtMs = r.dueAt ? Date.parse(r.dueAt) : null;
    const hoursLeft = dueAtMs !== null ? (dueAtMs >= now ? Math.floor((dueAtMs - now) / HOUR) : -Math.ceil((now - dueAtMs) / HOUR)) : null;
    const overdue = r.status === 'open' && (dueAtMs !== null ? now > dueAtMs : daysLeft !== null && daysLeft < 0);
    return {
      id: r.id,
      module: r.module,
      objectType: r.objectType,
      objectId: r.objectId,
      title: r.title,
      ruleId: r.ruleId,
      ruleTitle: rule?.title ?? `未知规则 ${r.ruleId}`,
      citation: rule?.citation ?? '',
      startDate: r.startDate,
      dueDate: r.dueDate,
      status: r.status as DeadlineItem['status'],
      flags: parseArray<string>(r.flags),
      departmentId: r.departmentId,
      assigneeId: r.assigneeId,
      daysLeft,
      startAt: r.startAt ?? null,
      dueAt: r.dueAt ?? null,
      hoursLeft,
      overdue,
    };
  }

  /** Reads an open deadline inside the transaction, lets `change` edit its pauses/extensions, recomputes and writes. */
  async function rewrite(trx: Transaction<Database>, id: string, note: string, change: (pauses: Pause[], extensions: Extension[]) => { pauses: Pause[]; extensions: Extension[] }): Promise<DeadlineChange> {
    const row = await trx.selectFrom('deadlines').select(['id', 'ruleId', 'startDate', 'startAt', 'pauses', 'extensions', 'dueDate', 'status']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'deadline', id });
    if (row.status !== 'open') throw new AppError('DEADLINE_NOT_OPEN', { id, status: row.status });
    const next = change(parseArray<Pause>(row.pauses), parseArray<Extension>(row.extensions));
    const res = compute(await deps.calendar(), { ruleId: row.ruleId, startDate: row.startDate, startAt: row.startAt, ...next }, clock.today(), false);
    const dueDate = dueOf(res);
    const now = clock.nowIso();
    invalidate();
    await trx
      .updateTable('deadlines')
      .set({ pauses: JSON.stringify(next.pauses), extensions: JSON.stringify(next.extensions), dueDate, flags: JSON.stringify(res.flags), computedAt: now, updatedAt: now })
      .where('id', '=', id)
      .execute();
    if (dueDate !== row.dueDate) await trx.insertInto('deadlineJournal').values({ id: randomUUID(), deadlineId: id, at: now, oldDue: row.dueDate, newDue: dueDate, reason: note }).execute();
    return { id, oldDue: row.dueDate, dueDate, flags: res.flags };
  }

  return {
    async close(trx, id, status, why) {
      const row = await trx.selectFrom('deadlines').select(['status', 'dueDate']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', { entity: 'deadline', id });
      if (row.status !== 'open') throw new AppError('DEADLINE_NOT_OPEN', { id, status: row.status });
      invalidate();
      const now = clock.nowIso();
      await trx.updateTable('deadlines').set({ status, updatedAt: now }).where('id', '=', id).where('status', '=', 'open').execute();
      if (why) await trx.insertInto('deadlineJournal').values({ id: randomUUID(), deadlineId: id, at: now, oldDue: row.dueDate, newDue: null, reason: why.note }).execute();
    },

    async pause(trx, id, from, why) {
      if (tryParseDate(from) === null) throw new AppError('CALENDAR_DATE_INVALID', { field: 'from', value: from });
      return rewrite(trx, id, why.note, (pauses, extensions) => {
        if (pauses.some((p) => p.to == null)) throw new AppError('DEADLINE_PAUSE_STATE', { id, reason: 'alreadyPaused' });
        if (pauses.some((p) => p.to != null && p.to >= from)) throw new AppError('DEADLINE_PAUSE_STATE', { id, reason: 'overlaps', from });
        return { pauses: [...pauses, { from, to: null, reason: why.reason, ...(why.article ? { article: why.article } : {}) }], extensions };
      });
    },

    async resume(trx, id, on, why) {
      const onDn = tryParseDate(on);
      if (onDn === null) throw new AppError('CALENDAR_DATE_INVALID', { field: 'on', value: on });
      return rewrite(trx, id, why.note, (pauses, extensions) => {
        const open = pauses.find((p) => p.to == null);
        if (!open) throw new AppError('DEADLINE_PAUSE_STATE', { id, reason: 'notPaused' });
        if (on < open.from) throw new AppError('DEADLINE_PAUSE_STATE', { id, reason: 'beforePause', from: open.from, on });
        const last = formatDate(onDn - 1);
        // Resumed on the day it was paused: no day was lost, the pause is dropped.
        return { pauses: pauses.flatMap((p) => (p !== open ? [p] : last >= p.from ? [{ ...p, to: last }] : [])), extensions };
      });
    },

    async extend(trx, id, extension, why) {
      return rewrite(trx, id, why.note, (pauses, extensions) => ({ pauses, extensions: [...extensions, extension] }));
    },

    async reassign(trx, objectType, objectId, assigneeId, departmentId) {
      invalidate();
      const res = await trx.updateTable('deadlines').set({ assigneeId, ...(departmentId ? { departmentId } : {}), updatedAt: clock.nowIso() }).where('objectType', '=', objectType).where('objectId', '=', objectId).where('status', '=', 'open').executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    async open(trx, input) {
      const cal = await deps.calendar();
      const pauses = input.pauses ?? [];
      const extensions = input.extensions ?? [];
      // An hour rule's start event is stored as UTC text (the stored form of every instant); the engine checks it.
      const hour = isHourRule(input.ruleId);
      const startAtMs = hour && input.startAt ? parseInstant(input.startAt) : null;
      const startAt = startAtMs !== null ? formatInstant(startAtMs) : null;
      const res = compute(cal, { ruleId: input.ruleId, startDate: input.startDate, startAt: hour ? (input.startAt ?? null) : null, pauses, extensions }, clock.today(), false);
      const id = randomUUID();
      const dueDate = dueOf(res);
      const now = clock.nowIso();
      invalidate();
      await trx
        .insertInto('deadlines')
        .values({ id, module: input.module, objectType: input.objectType, objectId: input.objectId, title: input.title, ruleId: input.ruleId, startDate: input.startDate, startAt, dueAt: res.dueAt ?? null, pauses: JSON.stringify(pauses), extensions: JSON.stringify(extensions), dueDate, status: 'open', flags: JSON.stringify(res.flags), departmentId: input.departmentId, assigneeId: input.assigneeId ?? null, computedAt: now, createdAt: now, updatedAt: now })
        .execute();
      return id;
    },

    async list(actor, q) {
      // stored instants are ISO-8601 UTC text with milliseconds (toISOString), so they compare as text
      const overdueAsOf = q.overdue ? { today: clock.today(), now: new Date(clock.now()).toISOString() } : undefined;
      const filter = { status: q.status, module: q.module, departmentId: q.departmentId, assigneeId: q.assigneeId, dueBefore: q.dueBefore, overdueAsOf };
      const rows = await repo.page(actor, filter, { dir: q.sort === 'due' ? 'asc' : 'desc', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const key = JSON.stringify([actor.dataScope, actor.dataScope === 'own' ? actor.userId : actor.scopeDepartmentIds, q.status, q.module, q.departmentId, q.assigneeId, q.dueBefore, q.overdue]);
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
      return { data: rows.map((r) => toItem(r, today, todayDn, now)), total: cached.total };
    },

    async get(actor, id) {
      const found = await repo.findWithJournal(id, JOURNAL_LIMIT);
      if (!found) throw new AppError('NOT_FOUND', { entity: 'deadline', id });
      const { row: r, journal } = found;
      assertInScope(actor, r.departmentId, r.assigneeId);
      const pauses = parseArray<Pause>(r.pauses);
      const extensions = parseArray<Extension>(r.extensions);
      const today = clock.today();
      const res = compute(await deps.calendar(), { ruleId: r.ruleId, startDate: r.startDate, startAt: r.startAt, pauses, extensions }, today, true);
      return { ...toItem(r, today), steps: res.steps, pauses, extensions, journal };
    },

    async recomputeOpen(calendar, reason) {
      invalidate();
      const today = clock.today();
      // The computation is a pure function of (rule, start, pauses, extensions) for one calendar and one day, and
      // many open deadlines share those inputs (the same rule started on the same day, no pause, no extension):
      // each distinct input is computed once per recomputation.
      const memo = new Map<string, { due: string; flags: string }>();
      try {
        return await repo.recomputeOpen(
          (r) => {
            // A stored deadline whose rule left the catalogue keeps its due date and is left to a person to decide.
            // An hour rule's due instant does not depend on the calendar (hours.ts): nothing to recompute.
            const rule = findRule(r.ruleId);
            if (!rule ? !MONTH_IDS.has(r.ruleId) : rule.unit === 'H') return undefined;
            // A paused deadline has no due date until its clock runs again (resume recomputes it).
            if (r.dueDate === null && r.pauses.includes('"to":null')) return undefined;
            const key = `${r.ruleId}\n${r.startDate}\n${r.pauses}\n${r.extensions}`;
            let next = memo.get(key);
            if (!next) {
              const res = compute(calendar, { ruleId: r.ruleId, startDate: r.startDate, pauses: parseArray<Pause>(r.pauses), extensions: parseArray<Extension>(r.extensions) }, today, false);
              next = { due: res.due, flags: res.flags.length ? JSON.stringify(res.flags) : '[]' };
              memo.set(key, next);
            }
            return next.due !== r.dueDate || next.flags !== r.flags ? { dueDate: next.due, flags: next.flags } : undefined;
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
