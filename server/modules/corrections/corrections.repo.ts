/**
 * Kysely queries of the 社区矫正 module on its own tables (correction_subjects, correction_staff, correction_records,
 * released_persons, released_person_helps) plus the read-only lookups it needs (department names and kinds, the
 * users who may be named staff, the register rows of its subjects). Data scope is applied in the list queries
 * (scopeWhere); the named-staff gate is the service's. Every function takes the executor (the database or the caller's
 * transaction) so that a write and its audit entry stay in one transaction.
 */
import { type SqlBool, type Transaction, sql } from 'kysely';
import type { Database, Db } from '../../db';
import { type Actor, scopeWhere } from '../../platform/identity';
import { correctionArchiveNo } from '../../../common/contracts/corrections';
import './corrections.tables';

export type Q = Db | Transaction<Database>;
export type SubjectRow = Database['correctionSubjects'];
export type RecordRow = Database['correctionRecords'];
export type ReleasedRow = Database['releasedPersons'];
export type HelpRow = Database['releasedPersonHelps'];
export type TransferRow = Database['correctionTransfers'];

export interface SubjectFilter {
  status?: string | undefined;
  sentenceType?: string | undefined;
  riskLevel?: string | undefined;
  /** awaiting report past this date (the report deadline has passed) */
  overdueBefore?: string | undefined;
  /** also the subjects being handed over to a 司法所 in the caller's scope (执行地变更 in progress, 移交中) */
  incoming?: boolean;
  /** one 司法所: the subjects it manages, and those being handed over to it (ANDed with the data scope) */
  departmentId?: string | undefined;
  /** part of the name (stored in plain text), or the 档案号 in full or its beginning */
  q?: string | undefined;
}

/** `s` as a LIKE pattern matching itself literally (with `escape '\'`). */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The permission that lets a 司法所 worker be named 责任人. */
const MANAGE = 'corrections.subject.manage';

export function createCorrectionsRepo(db: Db) {
  const subjects = (actor: Actor, f: SubjectFilter) => {
    let base = db.selectFrom('correctionSubjects').where((eb) => {
      // 'own' scope: the subjects one registered, as long as they stay with one's 司法所 (a subject moved to another
      // 司法所 by 执行地变更 leaves the old one's view, whoever registered it)
      const own = actor.dataScope === 'own' ? eb.and([scopeWhere(eb, actor, 'correctionSubjects.departmentId', 'correctionSubjects.createdBy'), eb('correctionSubjects.departmentId', '=', actor.departmentId)]) : scopeWhere(eb, actor, 'correctionSubjects.departmentId', 'correctionSubjects.createdBy');
      if (!f.incoming) return own;
      const incoming = actor.dataScope === 'own' ? eb('correctionSubjects.transferToDepartmentId', '=', actor.departmentId) : scopeWhere(eb, actor, 'correctionSubjects.transferToDepartmentId');
      return eb.or([own, incoming]);
    });
    if (f.status) base = base.where('status', '=', f.status);
    if (f.sentenceType) base = base.where('sentenceType', '=', f.sentenceType);
    if (f.riskLevel) base = base.where('riskLevel', '=', f.riskLevel);
    if (f.overdueBefore) base = base.where('status', '=', 'awaitingReport').where('reportDue', '<', f.overdueBefore);
    if (f.departmentId) {
      const d = f.departmentId;
      base = base.where((eb) => (f.incoming ? eb.or([eb('departmentId', '=', d), eb('transferToDepartmentId', '=', d)]) : eb('departmentId', '=', d)));
    }
    if (f.q) {
      const text = likeLiteral(f.q);
      base = base.where((eb) => eb.or([sql<SqlBool>`${eb.ref('name')} like ${`%${text}%`} escape '\\'`, eb('archiveNo', '=', f.q!), sql<SqlBool>`${eb.ref('archiveNo')} like ${`${text}%`} escape '\\'`]));
    }
    return base;
  };
  const staffUsers = (q: Q, departmentId: string) =>
    q
      .selectFrom('users as u')
      .innerJoin('userRoles as ur', 'ur.userId', 'u.id')
      .innerJoin('rolePermissions as rp', 'rp.roleId', 'ur.roleId')
      .distinct()
      .where('u.departmentId', '=', departmentId)
      .where('u.status', '=', 'active')
      .where('rp.permission', '=', MANAGE);

  const openDeadlines = (q: Q, objectType: string, subjectId: string) => q.selectFrom('deadlines').select(['id', 'ruleId']).where('objectType', '=', objectType).where('objectId', '=', subjectId).where('status', '=', 'open').orderBy('id').execute();

  return {
    // ── subjects ────────────────────────────────────────────────────────────────────────────────────
    async listSubjects(actor: Actor, f: SubjectFilter, page: { limit: number; offset: number }) {
      const { total } = await subjects(actor, f).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await subjects(actor, f).selectAll().orderBy('status').orderBy('reportDue').orderBy('id').limit(page.limit).offset(page.offset).execute();
      return { rows, total: Number(total) };
    },
    /** Subjects in custody of the correction body (awaiting report or in correction), in the caller's scope. */
    activeSubjects: (actor: Actor) => subjects(actor, {}).where('status', 'in', ['awaitingReport', 'inCorrection']).selectAll().execute(),
    findSubject: (q: Q, id: string) => q.selectFrom('correctionSubjects').selectAll().where('id', '=', id).executeTakeFirst(),
    insertSubject: (q: Q, row: SubjectRow) => q.insertInto('correctionSubjects').values(row).execute(),
    /** The next 社区矫正档案号 of the year, 西司矫〔YYYY〕N号, from the yearly counter (inside the caller's transaction). */
    async nextArchiveNo(q: Q, year: number): Promise<string> {
      await q.insertInto('correctionCounters').values({ year, lastSeq: 0 }).onConflict((oc) => oc.column('year').doNothing()).execute();
      const row = await q.updateTable('correctionCounters').set((eb) => ({ lastSeq: eb('lastSeq', '+', 1) })).where('year', '=', year).returning('lastSeq').executeTakeFirstOrThrow();
      return correctionArchiveNo(year, Number(row.lastSeq));
    },
    archiveNumbers: async (q: Q, ids: string[]) => new Map(ids.length ? (await q.selectFrom('correctionSubjects').select(['id', 'archiveNo']).where('id', 'in', ids).execute()).map((r) => [r.id, r.archiveNo ?? r.id.slice(0, 8)]) : []),
    /** Optimistic update: returns whether the row (at `version`, when given) was updated. */
    async updateSubject(q: Q, id: string, patch: Partial<SubjectRow>, version: number | null): Promise<boolean> {
      let u = q.updateTable('correctionSubjects').set(patch).where('id', '=', id);
      if (version !== null) u = u.where('version', '=', version);
      return Number((await u.executeTakeFirst()).numUpdatedRows) === 1;
    },

    // ── named staff (责任人) ──────────────────────────────────────────────────────────────────────────
    isNamedStaff: async (q: Q, subjectId: string, userId: string) => !!(await q.selectFrom('correctionStaff').select('userId').where('subjectId', '=', subjectId).where('userId', '=', userId).executeTakeFirst()),
    staffOf: (q: Q, subjectIds: string[]) =>
      subjectIds.length ? q.selectFrom('correctionStaff as s').innerJoin('users as u', 'u.id', 's.userId').select(['s.subjectId', 's.userId', 'u.displayName']).where('s.subjectId', 'in', subjectIds).orderBy('s.createdAt').execute() : Promise.resolve([]),
    async replaceStaff(q: Q, subjectId: string, userIds: string[], at: string) {
      await q.deleteFrom('correctionStaff').where('subjectId', '=', subjectId).execute();
      for (const u of userIds) await q.insertInto('correctionStaff').values({ subjectId, userId: u, createdAt: at }).execute();
    },
    /** The ids among `ids` of active users of the department who may be named staff. */
    eligibleStaff: async (q: Q, departmentId: string, ids: string[]) => (ids.length ? (await staffUsers(q, departmentId).select('u.id').where('u.id', 'in', ids).execute()).map((r) => r.id) : []),
    staffOptions: (departmentId: string) => staffUsers(db, departmentId).select(['u.id', 'u.displayName', 'u.departmentId']).orderBy('u.displayName').execute(),

    // ── records ─────────────────────────────────────────────────────────────────────────────────────
    records: (subjectId: string) =>
      db.selectFrom('correctionRecords as c').leftJoin('users as u', 'u.id', 'c.createdBy').select(['c.id', 'c.kind', 'c.onDate', 'c.detail', 'c.status', 'u.displayName']).where('c.subjectId', '=', subjectId).orderBy('c.onDate', 'desc').orderBy('c.createdAt', 'desc').execute(),
    insertRecord: (q: Q, row: RecordRow) => q.insertInto('correctionRecords').values(row).execute(),
    findRecord: (q: Q, subjectId: string, id: string) => q.selectFrom('correctionRecords').selectAll().where('id', '=', id).where('subjectId', '=', subjectId).executeTakeFirst(),
    updateRecord: (q: Q, id: string, patch: Pick<RecordRow, 'status' | 'detail'>) => q.updateTable('correctionRecords').set(patch).where('id', '=', id).execute(),
    /** Pending records of a kind (e.g. a revocation proposal an arrest request goes with). */
    pendingRecords: (q: Q, subjectId: string, kind: string) => q.selectFrom('correctionRecords').selectAll().where('subjectId', '=', subjectId).where('kind', '=', kind).where('status', '=', 'pending').execute(),
    /** The latest contact (report, interview, visit; help record) per subject or released person up to `to`. */
    async lastContacts(subjectIds: string[], releasedIds: string[], contactKinds: string[], to: string) {
      const out = new Map<string, string>();
      if (subjectIds.length) {
        for (const c of await db.selectFrom('correctionRecords').select(['subjectId', (eb) => eb.fn.max<string>('onDate').as('last')]).where('subjectId', 'in', subjectIds).where('kind', 'in', contactKinds).where('onDate', '<=', to).groupBy('subjectId').execute()) out.set(c.subjectId, c.last);
      }
      if (releasedIds.length) {
        for (const c of await db.selectFrom('releasedPersonHelps').select(['releasedPersonId', (eb) => eb.fn.max<string>('onDate').as('last')]).where('releasedPersonId', 'in', releasedIds).where('onDate', '<=', to).groupBy('releasedPersonId').execute()) out.set(c.releasedPersonId, c.last);
      }
      return out;
    },

    // ── the subject's clocks on the deadline register (read-only; written through the register service) ──────
    clocks: (objectType: string, subjectId: string) =>
      db.selectFrom('deadlines').select(['id', 'ruleId', 'startDate', 'startAt', 'dueDate', 'dueAt', 'status']).where('objectType', '=', objectType).where('objectId', '=', subjectId).orderBy('startDate').orderBy('dueDate').execute(),
    openDeadlineIds: async (q: Q, objectType: string, subjectId: string, ruleIds: string[]) =>
      (await q.selectFrom('deadlines').select('id').where('objectType', '=', objectType).where('objectId', '=', subjectId).where('status', '=', 'open').where('ruleId', 'in', ruleIds).execute()).map((r) => r.id),

    /** Every open register entry of the subject (all rules). */
    allOpenDeadlineIds: async (q: Q, objectType: string, subjectId: string) => (await openDeadlines(q, objectType, subjectId)).map((r) => r.id),
    /** Open register entries of the subject with their rule (a configurable rule is stored as `<id>@<length>`). */
    openDeadlines: (q: Q, objectType: string, subjectId: string) => openDeadlines(q, objectType, subjectId),

    // ── 执行地变更 hand-over history (migration 054) ─────────────────────────────────────────────────────
    insertTransfer: (q: Q, row: TransferRow) => q.insertInto('correctionTransfers').values(row).execute(),
    pendingTransfer: (q: Q, subjectId: string) => q.selectFrom('correctionTransfers').selectAll().where('subjectId', '=', subjectId).where('status', '=', 'pending').executeTakeFirst(),
    updateTransfer: (q: Q, id: string, patch: Partial<TransferRow>) => q.updateTable('correctionTransfers').set(patch).where('id', '=', id).execute(),
    /** Hand-overs seen by the caller: those from or to a 司法所 in the caller's scope (the history stays with both). */
    async listTransfers(actor: Actor, f: { subjectId?: string | undefined }, page: { limit: number; offset: number }) {
      let base = db
        .selectFrom('correctionTransfers as t')
        .innerJoin('correctionSubjects as s', 's.id', 't.subjectId')
        .where((eb) =>
          actor.dataScope === 'own'
            ? eb.and([eb('s.createdBy', '=', actor.userId), eb.or([eb('t.fromDepartmentId', '=', actor.departmentId), eb('t.toDepartmentId', '=', actor.departmentId)])])
            : eb.or([scopeWhere(eb, actor, 't.fromDepartmentId'), scopeWhere(eb, actor, 't.toDepartmentId')]),
        );
      if (f.subjectId) base = base.where('t.subjectId', '=', f.subjectId);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll('t').select('s.name as subjectName').orderBy('t.startedOn', 'desc').orderBy('t.createdAt', 'desc').orderBy('t.id').limit(page.limit).offset(page.offset).execute();
      return { rows, total: Number(total) };
    },

    setting: async (q: Q, key: string) => (await q.selectFrom('correctionSettings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null,
    putSetting: (q: Q, key: string, value: string, by: string, at: string) =>
      q.insertInto('correctionSettings').values({ key, value, updatedBy: by, updatedAt: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedBy: by, updatedAt: at })).execute(),

    // ── 安置帮教 ────────────────────────────────────────────────────────────────────────────────────
    async listReleased(actor: Actor, f: { riskLevel?: string | undefined }, page: { limit: number; offset: number }) {
      let base = db.selectFrom('releasedPersons').where((eb) => scopeWhere(eb, actor, 'releasedPersons.departmentId', 'releasedPersons.createdBy'));
      if (f.riskLevel) base = base.where('riskLevel', '=', f.riskLevel);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('releasedOn', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
      return { rows, total: Number(total) };
    },
    riskyReleased: (actor: Actor) => db.selectFrom('releasedPersons').where((eb) => scopeWhere(eb, actor, 'releasedPersons.departmentId', 'releasedPersons.createdBy')).where('riskLevel', 'in', ['medium', 'high']).selectAll().execute(),
    findReleased: (q: Q, id: string) => q.selectFrom('releasedPersons').selectAll().where('id', '=', id).executeTakeFirst(),
    insertReleased: (q: Q, row: ReleasedRow) => q.insertInto('releasedPersons').values(row).execute(),
    helpsOf: (ids: string[]) =>
      ids.length
        ? db.selectFrom('releasedPersonHelps as h').leftJoin('users as u', 'u.id', 'h.createdBy').select(['h.id', 'h.releasedPersonId', 'h.kind', 'h.onDate', 'h.note', 'u.displayName']).where('h.releasedPersonId', 'in', ids).orderBy('h.onDate', 'desc').orderBy('h.createdAt', 'desc').execute()
        : Promise.resolve([]),
    insertHelp: (q: Q, row: HelpRow) => q.insertInto('releasedPersonHelps').values(row).execute(),

    // ── statistics (aggregates in SQL, data scope in the query) ─────────────────────────────────────────
    /** Subjects now, per 司法所, status and sentence type; `overdue` counts those awaiting report past the deadline. */
    subjectCounts: (actor: Actor, today: string) =>
      subjects(actor, {})
        .select(['departmentId', 'status', 'sentenceType', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when status = 'awaitingReport' and report_due < ${today} then 1 else 0 end)`.as('overdue')])
        .groupBy(['departmentId', 'status', 'sentenceType'])
        .execute(),
    /** Reports (入矫) in the period, per 司法所. */
    reportedIn: (actor: Actor, from: string, to: string) =>
      subjects(actor, {}).select(['departmentId', (eb) => eb.fn.countAll<number>().as('n')]).where('reportedOn', '>=', from).where('reportedOn', '<=', to).groupBy('departmentId').execute(),
    /** Ends of correction in the period, per 司法所 and status (released | ended). */
    endedIn: (actor: Actor, from: string, to: string) =>
      subjects(actor, {}).select(['departmentId', 'status', (eb) => eb.fn.countAll<number>().as('n')]).where('releasedOn', '>=', from).where('releasedOn', '<=', to).groupBy(['departmentId', 'status']).execute(),
    /** Records of the period by kind. */
    recordKindsIn: (actor: Actor, from: string, to: string) =>
      db.selectFrom('correctionRecords').where((eb) => scopeWhere(eb, actor, 'correctionRecords.departmentId', 'correctionRecords.createdBy')).select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('onDate', '>=', from).where('onDate', '<=', to).groupBy('kind').execute(),
    releasedCounts: (actor: Actor) =>
      db.selectFrom('releasedPersons').where((eb) => scopeWhere(eb, actor, 'releasedPersons.departmentId', 'releasedPersons.createdBy')).select(['departmentId', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('departmentId').execute(),
    helpsIn: (actor: Actor, from: string, to: string) =>
      db.selectFrom('releasedPersonHelps').where((eb) => scopeWhere(eb, actor, 'releasedPersonHelps.departmentId', 'releasedPersonHelps.createdBy')).select(['departmentId', (eb) => eb.fn.countAll<number>().as('n')]).where('onDate', '>=', from).where('onDate', '<=', to).groupBy('departmentId').execute(),
    /** The 司法所 in the caller's department scope (all of them for the bureau). */
    offices: (actor: Actor) => {
      let q = db.selectFrom('departments').select(['id', 'name']).where('kind', '=', 'judicialOffice');
      if (actor.dataScope === 'own') q = q.where('id', '=', actor.departmentId);
      else if (actor.scopeDepartmentIds !== null) q = actor.scopeDepartmentIds.length ? q.where('id', 'in', actor.scopeDepartmentIds) : q.where(sql<boolean>`1 = 0`);
      return q.orderBy('name').execute();
    },

    /** Every 司法所 of the district (the targets of a 执行地变更 in the district; names only). */
    allOffices: () => db.selectFrom('departments').select(['id', 'name']).where('kind', '=', 'judicialOffice').orderBy('name').execute(),

    // ── lookups outside the module's tables ─────────────────────────────────────────────────────────
    departmentKind: async (id: string) => (await db.selectFrom('departments').select(['kind']).where('id', '=', id).executeTakeFirst())?.kind ?? null,
    departmentNames: async (ids?: string[]) => new Map((await (ids ? (ids.length ? db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([])) : db.selectFrom('departments').select(['id', 'name']).execute())).map((d) => [d.id, d.name])),
    userNames: async (ids: string[]) => new Map((ids.length ? await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute() : []).map((u) => [u.id, u.displayName])),
    personExists: async (id: string) => !!(await db.selectFrom('people').select(['id']).where('id', '=', id).executeTakeFirst()),
  };
}

export type CorrectionsRepo = ReturnType<typeof createCorrectionsRepo>;
