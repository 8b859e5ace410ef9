import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db';
import { type Actor, scopeWhere } from '../../platform/identity';

export type LitigationRow = Database['litigationCases'];
export type HearingRow = Database['litigationHearings'];
type Q = Db | Transaction<Database>;

/** objectType of this module's rows on the platform deadline register and in the audit log. */
export const OBJECT_TYPE = 'litigationCase';
export const MODULE = 'litigation';

export interface LitigationFilter {
  status?: 'pending' | 'concluded' | 'appeal' | undefined;
  q?: string | undefined;
  filedFrom?: string | undefined;
  filedTo?: string | undefined;
  /** final outcome (as the statistics count 审结) dated within the range */
  concludedFrom?: string | undefined;
  concludedTo?: string | undefined;
}

/** Queries on the litigation tables (and, for closing its own rows, the deadline register). */
export function createLitigationRepo(db: Db) {
  function filtered(actor: Actor, f: LitigationFilter) {
    let s = db.selectFrom('litigationCases as l').where((eb) => scopeWhere(eb, actor, 'l.departmentId', 'l.handlerId'));
    if (f.status === 'pending') s = s.where('l.outcome', 'is', null);
    if (f.status === 'appeal') s = s.where('l.appealBy', 'is not', null).where('l.appealOutcome', 'is', null);
    if (f.status === 'concluded') s = s.where('l.outcome', 'is not', null).where((eb) => eb.or([eb('l.appealBy', 'is', null), eb('l.appealOutcome', 'is not', null)]));
    if (f.filedFrom) s = s.where('l.filedOn', '>=', f.filedFrom);
    if (f.filedTo) s = s.where('l.filedOn', '<=', f.filedTo);
    if (f.concludedFrom || f.concludedTo) {
      const { concludedFrom: from, concludedTo: to } = f;
      s = s.where('l.outcome', 'is not', null).where((eb) => eb.or([eb('l.appealBy', 'is', null), eb('l.appealOutcome', 'is not', null)]));
      if (from) s = s.where((eb) => eb(eb.fn.coalesce('l.appealOutcomeOn', 'l.outcomeOn'), '>=', from));
      if (to) s = s.where((eb) => eb(eb.fn.coalesce('l.appealOutcomeOn', 'l.outcomeOn'), '<=', to));
    }
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
      s = s.where((eb) => eb.or([eb('l.caseNo', 'like', like), eb('l.plaintiff', 'like', like), eb('l.defendant', 'like', like), eb('l.cause', 'like', like)]));
    }
    return s;
  }

  return {
    async page(actor: Actor, f: LitigationFilter, limit: number, offset: number, today: string) {
      return filtered(actor, f)
        .leftJoin('users as u', 'u.id', 'l.handlerId')
        .selectAll('l')
        .select('u.displayName as handlerName')
        .select((eb) => eb.selectFrom('litigationHearings as h').select('h.hearingOn').whereRef('h.caseId', '=', 'l.id').where('h.hearingOn', '>=', today).orderBy('h.hearingOn', 'asc').limit(1).as('nextHearingOn'))
        .select((eb) => eb.selectFrom('litigationHearings as h').select('h.id').whereRef('h.caseId', '=', 'l.id').where('h.headAppeared', '=', 1).limit(1).as('headHearingId'))
        .orderBy('l.filedOn', 'desc')
        .orderBy('l.caseNo', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
    },
    async count(actor: Actor, f: LitigationFilter) {
      const r = await filtered(actor, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async find(q: Q, id: string) {
      return q.selectFrom('litigationCases').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async byCaseNo(q: Q, caseNo: string) {
      return q.selectFrom('litigationCases').select('id').where('caseNo', '=', caseNo).executeTakeFirst();
    },
    async hearings(q: Q, caseId: string) {
      return q.selectFrom('litigationHearings').selectAll().where('caseId', '=', caseId).orderBy('hearingOn', 'asc').orderBy('createdAt', 'asc').execute();
    },
    async insert(trx: Transaction<Database>, row: LitigationRow) {
      await trx.insertInto('litigationCases').values(row).execute();
    },
    /** Optimistic update: false when another writer changed the case meanwhile. */
    async update(trx: Transaction<Database>, id: string, version: number, patch: Partial<LitigationRow>) {
      const res = await trx.updateTable('litigationCases').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async insertHearing(trx: Transaction<Database>, row: HearingRow) {
      await trx.insertInto('litigationHearings').values(row).execute();
    },
    async updateHearing(trx: Transaction<Database>, id: string, patch: Partial<HearingRow>) {
      await trx.updateTable('litigationHearings').set(patch).where('id', '=', id).execute();
    },
    async handlerName(userId: string | null) {
      if (!userId) return null;
      return (await db.selectFrom('users').select('displayName').where('id', '=', userId).executeTakeFirst())?.displayName ?? null;
    },
    /**
     * Closes this module's open rows on the deadline register (DeadlineService has no close operation yet; the
     * 行政复议 module does the same on its own rows, ADR 0003).
     */
    async closeDeadlines(trx: Transaction<Database>, caseId: string, status: 'met' | 'cancelled', now: string) {
      await trx.updateTable('deadlines').set({ status, updatedAt: now }).where('objectType', '=', OBJECT_TYPE).where('objectId', '=', caseId).where('status', '=', 'open').execute();
    },
    /** The case's register rows of the given rules (newest first). */
    async deadlineRows(q: Q, caseId: string, ruleIds: readonly string[]) {
      return q.selectFrom('deadlines').select(['id', 'ruleId', 'startDate', 'dueDate', 'status', 'createdAt']).where('objectType', '=', OBJECT_TYPE).where('objectId', '=', caseId).where('ruleId', 'in', [...ruleIds]).orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
    },
    /** Why a register row was closed (its last journal entry without a new due date). */
    async closingNote(q: Q, deadlineId: string) {
      const r = await q.selectFrom('deadlineJournal').select('reason').where('deadlineId', '=', deadlineId).where('newDue', 'is', null).orderBy('at', 'desc').limit(1).executeTakeFirst();
      return r?.reason ?? null;
    },
    /**
     * Open rows of the given rules whose due date has passed (`dueDate < today`) on cases with no appeal recorded;
     * with `caseId`, only that case's.
     */
    async lapsedDeadlines(q: Q, ruleIds: readonly string[], today: string, caseId?: string) {
      let s = q
        .selectFrom('deadlines as d')
        .innerJoin('litigationCases as l', 'l.id', 'd.objectId')
        .select(['d.id', 'd.objectId'])
        .where('d.objectType', '=', OBJECT_TYPE)
        .where('d.ruleId', 'in', [...ruleIds])
        .where('d.status', '=', 'open')
        .where('d.dueDate', '<', today)
        .where('l.appealBy', 'is', null);
      if (caseId) s = s.where('d.objectId', '=', caseId);
      return s.execute();
    },
    async reassignDeadlines(trx: Transaction<Database>, caseId: string, assigneeId: string, now: string) {
      await trx.updateTable('deadlines').set({ assigneeId, updatedAt: now }).where('objectType', '=', OBJECT_TYPE).where('objectId', '=', caseId).where('status', '=', 'open').execute();
    },
  };
}
export type LitigationRepo = ReturnType<typeof createLitigationRepo>;
