import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db';
import { type Actor, scopeWhere } from '../../platform/identity';

export type CaseRow = Database['reconsiderationCases'];
export type EventRow = Database['reconsiderationEvents'];
export type DeadlineRow = Database['deadlines'];
type Q = Db | Transaction<Database>;

/** objectType of this module's rows on the platform deadline register. */
export const OBJECT_TYPE = 'reconsiderationCase';
export const MODULE = 'reconsideration';

export interface CaseFilter {
  status?: string | undefined;
  channel?: string | undefined;
  handlerId?: string | undefined;
  /** open deadline due before this date (overdue) */
  dueBefore?: string | undefined;
  /** open deadline due within [from, to] (due soon) */
  dueWithin?: { from: string; to: string } | undefined;
  caseNo?: string | undefined;
  procedure?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  acceptedFrom?: string | undefined;
  acceptedTo?: string | undefined;
  rejectedFrom?: string | undefined;
  rejectedTo?: string | undefined;
  /** 审结 (as the statistics count it): decided / mediated by decided_on, terminated by terminated_on */
  concludedFrom?: string | undefined;
  concludedTo?: string | undefined;
  /** part of the case number, the applicant's or the respondent's name */
  q?: string | undefined;
}

export interface CaseSort {
  by: 'receivedOn' | 'nextDue' | 'caseNo';
  order: 'asc' | 'desc';
}

export interface CaseListRow extends CaseRow {
  handlerName: string | null;
  nextDue: string | null;
  nextDueRule: string | null;
}

/**
 * Open deadlines of the case whose clock is running. A paused one (中止: an open-ended pause) has no stored due date
 * (DeadlineService.pause) and moves on every day of the pause; it is neither overdue nor due soon, and the detail
 * view recomputes it live.
 */
function running<QB extends { where: any; whereRef: any }>(qb: QB): QB {
  return qb
    .where('d.objectType', '=', OBJECT_TYPE)
    .whereRef('d.objectId', '=', 'c.id')
    .where('d.status', '=', 'open')
    .where('d.flags', 'not like', '%PAUSED%')
    .where('d.dueDate', 'is not', null);
}

/** Queries on this module's own tables, plus the few read-only lookups it needs from the platform (marked). */
export function createReconsiderationRepo(db: Db) {
  function filtered(actor: Actor, f: CaseFilter) {
    let q = db.selectFrom('reconsiderationCases as c').where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'));
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.channel) q = q.where('c.channel', '=', f.channel);
    if (f.handlerId) q = q.where('c.handlerId', '=', f.handlerId);
    if (f.caseNo) q = q.where('c.caseNo', 'like', `%${f.caseNo.replace(/[%_\\]/g, '')}%`);
    if (f.procedure) q = q.where('c.procedure', '=', f.procedure);
    if (f.receivedFrom) q = q.where('c.receivedOn', '>=', f.receivedFrom);
    if (f.receivedTo) q = q.where('c.receivedOn', '<=', f.receivedTo);
    if (f.acceptedFrom) q = q.where('c.acceptedOn', '>=', f.acceptedFrom);
    if (f.acceptedTo) q = q.where('c.acceptedOn', '<=', f.acceptedTo);
    if (f.rejectedFrom) q = q.where('c.rejectedOn', '>=', f.rejectedFrom);
    if (f.rejectedTo) q = q.where('c.rejectedOn', '<=', f.rejectedTo);
    if (f.concludedFrom || f.concludedTo) {
      const { concludedFrom: from, concludedTo: to } = f;
      const range = (eb: any, col: 'c.decidedOn' | 'c.terminatedOn') => eb.and([...(from ? [eb(col, '>=', from)] : []), ...(to ? [eb(col, '<=', to)] : [])]);
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('c.status', 'in', ['decided', 'mediated']), range(eb, 'c.decidedOn')]),
          eb.and([eb('c.status', '=', 'terminated'), range(eb, 'c.terminatedOn')]),
        ]),
      );
    }
    const kw = f.q?.replace(/[%_\\]/g, '');
    if (kw) q = q.where((eb) => eb.or([eb('c.caseNo', 'like', `%${kw}%`), eb('c.applicantName', 'like', `%${kw}%`), eb('c.respondentName', 'like', `%${kw}%`)]));
    const openDeadlines = (eb: any) => running(eb.selectFrom('deadlines as d').select('d.id'));
    if (f.dueBefore) {
      const before = f.dueBefore;
      q = q.where((eb) => eb.exists(openDeadlines(eb).where('d.dueDate', '<', before)));
    }
    if (f.dueWithin) {
      const w = f.dueWithin;
      q = q.where((eb) => eb.exists(openDeadlines(eb).where('d.dueDate', '>=', w.from).where('d.dueDate', '<=', w.to)));
    }
    return q;
  }

  return {
    /** Unified numbering: the next sequence number of the year, atomically (row lock on PostgreSQL; SQLite serialises writers). */
    async nextSeq(trx: Transaction<Database>, year: number): Promise<number> {
      await trx.insertInto('reconsiderationCounters').values({ year, lastSeq: 0 }).onConflict((oc) => oc.column('year').doNothing()).execute();
      const row = await trx
        .updateTable('reconsiderationCounters')
        .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1) }))
        .where('year', '=', year)
        .returning('lastSeq')
        .executeTakeFirstOrThrow();
      return Number(row.lastSeq);
    },

    async insertCase(trx: Transaction<Database>, row: CaseRow) {
      await trx.insertInto('reconsiderationCases').values(row).execute();
    },

    async find(q: Q, id: string): Promise<CaseRow | undefined> {
      return q.selectFrom('reconsiderationCases').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Optimistic update: false when another writer changed the case meanwhile. */
    async update(trx: Transaction<Database>, id: string, version: number, patch: Partial<CaseRow>): Promise<boolean> {
      const res = await trx
        .updateTable('reconsiderationCases')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async insertEvent(trx: Transaction<Database>, e: Omit<EventRow, 'id'>) {
      await trx.insertInto('reconsiderationEvents').values({ id: randomUUID(), ...e }).execute();
    },

    /** The case's events of the given actions, oldest first (inside a transaction: the guards of an action read them). */
    async eventsOf(q: Q, caseId: string, actions: string[]): Promise<EventRow[]> {
      return q.selectFrom('reconsiderationEvents').selectAll().where('caseId', '=', caseId).where('action', 'in', actions).orderBy('version', 'asc').execute();
    },

    async events(caseId: string): Promise<EventRow[]> {
      return db.selectFrom('reconsiderationEvents').selectAll().where('caseId', '=', caseId).orderBy('version', 'asc').execute();
    },

    async page(actor: Actor, f: CaseFilter, limit: number, offset: number, sort: CaseSort = { by: 'receivedOn', order: 'desc' }): Promise<CaseListRow[]> {
      let q = filtered(actor, f)
        .leftJoin('users as u', 'u.id', 'c.handlerId')
        .selectAll('c')
        .select('u.displayName as handlerName')
        .select((eb) =>
          running(eb.selectFrom('deadlines as d').select('d.dueDate'))
            .orderBy('d.dueDate', 'asc')
            .limit(1)
            .as('nextDue'),
        )
        .select((eb) =>
          running(eb.selectFrom('deadlines as d').select('d.ruleId'))
            .orderBy('d.dueDate', 'asc')
            .limit(1)
            .as('nextDueRule'),
        );
      // a case without a running deadline sorts after every dated one, whichever the direction
      if (sort.by === 'nextDue') {
        const next = (eb: any) => running(eb.selectFrom('deadlines as d').select('d.dueDate')).orderBy('d.dueDate', 'asc').limit(1);
        q = q.orderBy((eb) => eb.case().when(next(eb), 'is', null).then(1).else(0).end(), 'asc').orderBy((eb) => next(eb), sort.order);
      }
      else if (sort.by === 'caseNo') q = q.orderBy('c.year', sort.order).orderBy('c.seq', sort.order);
      else q = q.orderBy('c.receivedOn', sort.order);
      const rows = await q.orderBy('c.caseNo', 'desc').limit(limit).offset(offset).execute();
      return rows as CaseListRow[];
    },

    async count(actor: Actor, f: CaseFilter): Promise<number> {
      const r = await filtered(actor, f).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      return Number(r.total);
    },

    async handlerName(userId: string | null): Promise<string | null> {
      if (!userId) return null;
      const u = await db.selectFrom('users').select('displayName').where('id', '=', userId).executeTakeFirst();
      return u?.displayName ?? null;
    },

    /**
     * Cases that share the applicant or the administrative act with the given facts (across channels and the whole
     * register: a duplicate filed elsewhere must be found even outside the caller's data scope).
     */
    async related(q: Q, facts: { id?: string; applicantKey: string; respondentKey: string; actDocKey: string | null; actName: string; actMadeOn: string | null }): Promise<CaseRow[]> {
      let s = q.selectFrom('reconsiderationCases').selectAll().where((eb) => {
        const ors = [eb('applicantKey', '=', facts.applicantKey)];
        if (facts.actDocKey) ors.push(eb('actDocKey', '=', facts.actDocKey));
        // without a document number, the same act = same respondent, same name, same date
        if (facts.actMadeOn) ors.push(eb.and([eb('respondentKey', '=', facts.respondentKey), eb('actName', '=', facts.actName), eb('actMadeOn', '=', facts.actMadeOn)]));
        return eb.or(ors);
      });
      if (facts.id) s = s.where('id', '!=', facts.id);
      return s.orderBy('receivedOn', 'desc').limit(50).execute();
    },

    /**
     * Read-only lookup in the identity tables (no exported query exists yet): is `userId` an active user who may
     * handle reconsideration cases, and in which department?
     */
    /** `q`: the caller's transaction where there is one (SQLite has one connection: a query beside it would wait). */
    async handlerCandidate(userId: string, q: Q = db): Promise<{ id: string; departmentId: string; displayName: string; canHandle: boolean } | undefined> {
      const u = await q.selectFrom('users').select(['id', 'departmentId', 'displayName', 'status']).where('id', '=', userId).executeTakeFirst();
      if (!u || u.status !== 'active') return undefined;
      const perm = await q
        .selectFrom('userRoles as ur')
        .innerJoin('rolePermissions as rp', 'rp.roleId', 'ur.roleId')
        .select('rp.permission')
        .where('ur.userId', '=', userId)
        .where('rp.permission', '=', 'reconsideration.case.handle')
        .executeTakeFirst();
      return { id: u.id, departmentId: u.departmentId, displayName: u.displayName, canHandle: !!perm };
    },

    // ── The case's rows on the platform deadline register (read only: every write goes through DeadlineService,
    // inside the action's transaction — open, close, pause, resume, extend, reassign).

    async deadlines(q: Q, caseId: string): Promise<DeadlineRow[]> {
      return q.selectFrom('deadlines').selectAll().where('objectType', '=', OBJECT_TYPE).where('objectId', '=', caseId).orderBy('createdAt', 'asc').orderBy('startDate', 'asc').execute();
    },

    /** Case numbers of the given cases (for reminders: the case number is the only case fact a reminder carries). */
    async caseNumbers(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('reconsiderationCases').select(['id', 'caseNo']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.caseNo]));
    },
  };
}

export type ReconsiderationRepo = ReturnType<typeof createReconsiderationRepo>;
