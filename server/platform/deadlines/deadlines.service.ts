import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { WorkCalendar } from '../../../common/calendar';
import type { DeadlineDetail, DeadlineItem, DeadlineListQuery } from '../../../common/contracts';
import { type Extension, type Pause, computeDeadline, findRule, getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { Clock } from '../clock';
import { type Actor, assertInScope, scopeWhere } from '../identity';
import type { CalendarChange } from '../calendar';

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
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** How long a list total may be served from memory when no write went through this service meanwhile. */
const COUNT_TTL_MS = 5_000;

export function createDeadlineService(deps: { db: Db; clock: Clock; calendar: () => Promise<WorkCalendar> }): DeadlineService {
  const { db, clock } = deps;
  // Counting a filtered list over a million rows costs milliseconds; the to-do list is re-read far more often than
  // it changes. Totals are cached per (scope, filter) and dropped on every write through this service.
  const counts = new Map<string, { total: number; at: number }>();
  const invalidate = () => counts.clear();

  function compute(cal: WorkCalendar, row: { ruleId: string; startDate: string; pauses: Pause[]; extensions: Extension[] }, explain: boolean) {
    const rule = getRule(row.ruleId);
    return computeDeadline(cal, rule, { start: row.startDate, pauses: row.pauses, extensions: row.extensions, asOf: clock.today(), onUnpublished: 'flag', explain });
  }

  function toItem(r: Database['deadlines'], today: string): DeadlineItem {
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
      flags: JSON.parse(r.flags) as string[],
      departmentId: r.departmentId,
      assigneeId: r.assigneeId,
      daysLeft: r.dueDate ? daysBetween(today, r.dueDate) : null,
    };
  }

  return {
    async open(trx, input) {
      const cal = await deps.calendar();
      const pauses = input.pauses ?? [];
      const extensions = input.extensions ?? [];
      const res = compute(cal, { ruleId: input.ruleId, startDate: input.startDate, pauses, extensions }, false);
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
      let base = db.selectFrom('deadlines').where('status', '=', q.status).where((eb) => scopeWhere(eb, actor, 'deadlines.departmentId', 'deadlines.assigneeId'));
      if (q.module) base = base.where('module', '=', q.module);
      if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
      if (q.assigneeId) base = base.where('assigneeId', '=', q.assigneeId);
      if (q.dueBefore) base = base.where('dueDate', '<=', q.dueBefore);
      const dir = q.sort === 'due' ? 'asc' : 'desc';
      const rows = await base.selectAll().orderBy('dueDate', dir).orderBy('id', dir).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const key = JSON.stringify([actor.dataScope, actor.dataScope === 'own' ? actor.userId : actor.scopeDepartmentIds, q.status, q.module, q.departmentId, q.assigneeId, q.dueBefore]);
      const now = clock.now();
      let cached = counts.get(key);
      if (!cached || now - cached.at > COUNT_TTL_MS) {
        const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
        cached = { total: Number(total), at: now };
        if (counts.size > 10_000) counts.clear();
        counts.set(key, cached);
      }
      const today = clock.today();
      return { data: rows.map((r) => toItem(r, today)), total: cached.total };
    },

    async get(actor, id) {
      const r = await db.selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND', { entity: 'deadline', id });
      assertInScope(actor, r.departmentId, r.assigneeId);
      const pauses = JSON.parse(r.pauses) as Pause[];
      const extensions = JSON.parse(r.extensions) as Extension[];
      const res = compute(await deps.calendar(), { ruleId: r.ruleId, startDate: r.startDate, pauses, extensions }, true);
      const journal = await db.selectFrom('deadlineJournal').select(['at', 'oldDue', 'newDue', 'reason']).where('deadlineId', '=', id).orderBy('at', 'desc').limit(50).execute();
      return { ...toItem(r, clock.today()), steps: res.steps, pauses, extensions, journal };
    },

    async recomputeOpen(calendar, reason) {
      const now = clock.nowIso();
      const rows = await db.selectFrom('deadlines').select(['id', 'ruleId', 'startDate', 'pauses', 'extensions', 'dueDate', 'flags']).where('status', '=', 'open').execute();
      const changes: { id: string; oldDue: string | null; newDue: string; flags: string }[] = [];
      for (const r of rows) {
        // A stored deadline whose rule left the catalogue keeps its due date and is left to a person to decide.
        if (!findRule(r.ruleId)) continue;
        const res = compute(calendar, { ruleId: r.ruleId, startDate: r.startDate, pauses: JSON.parse(r.pauses) as Pause[], extensions: JSON.parse(r.extensions) as Extension[] }, false);
        const flags = JSON.stringify(res.flags);
        if (res.due !== r.dueDate || flags !== r.flags) changes.push({ id: r.id, oldDue: r.dueDate, newDue: res.due, flags });
      }
      invalidate();
      await db.transaction().execute(async (trx) => {
        for (const c of changes) {
          await trx.updateTable('deadlines').set({ dueDate: c.newDue, flags: c.flags, computedAt: now, updatedAt: now }).where('id', '=', c.id).execute();
          if (c.oldDue !== c.newDue) await trx.insertInto('deadlineJournal').values({ id: randomUUID(), deadlineId: c.id, at: now, oldDue: c.oldDue, newDue: c.newDue, reason }).execute();
        }
      });
      return { recomputed: rows.length, changedDeadlines: changes.filter((c) => c.oldDue !== c.newDue).length };
    },
  };
}
