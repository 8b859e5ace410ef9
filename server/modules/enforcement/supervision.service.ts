/**
 * 行政执法监督 workflow: flag(s) / manual finding / 12345 complaint → 问题线索 → 督办单 with a deadline on the platform
 * deadline register → the agency's 整改报告 → 核查 (pass → closed, return → rework on a new clock) ; 执法监督意见书 for
 * serious cases; documents as GB/T 9704 .docx through buildOfficialDocx with unified numbering per kind and year.
 *
 * Data scope (scope.ts), enforced in the queries: the district's supervision body sees and does everything; a 司法所
 * sees the clues, orders and opinions about firms of its street; an agency liaison (执法单位联络员) those of the
 * agencies they are registered for (enforcement_agency_liaisons) and reports their rectification. Creating clues,
 * issuing orders and opinions, verification, extension and liaison registration need the district scope.
 */
import { randomUUID } from 'node:crypto';
import type { Expression, Transaction } from 'kysely';
import { type Clue, type ClueCreateBody, type Liaison, type LiaisonCandidate, type Opinion, type Order, type RectificationRate, SUPERVISION_BASIS } from '../../../common/contracts/enforcement-supervision';
import { getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db, DbHandle } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { buildOfficialDocx, officialDate } from '../../platform/documents';
import { type Actor, can } from '../../platform/identity';
import { type EnforcementScope, assertDistrict, enforcementScope, scopeFilter } from './scope';
import { getDetection } from './detections/detections.service';
import { type OrderAction, clueAllowed, opinionEligible, orderActionsFor, orderAllowed } from './supervision.status';
import './supervision.tables';

type Trx = Transaction<Database>;
export interface Meta {
  ip?: string | undefined;
  requestId?: string | undefined;
}

export const RECTIFICATION_RULE = 'enforcement.supervisionRectification';
const OBJECT_TYPE = 'enforcementOrder';
const DOC_PREFIX = { order: '西司执督', opinion: '西司执监意', clue: 'XS' } as const;

export const RATE_DEFINITION = '整改率 = 已办结（核查通过）的督办单数 ÷ 已到期的督办单数；已到期指整改期限届满（含已延期后的期限）或已办结的督办单。';

export interface SupervisionService {
  createClue(actor: Actor, body: ClueCreateBody, meta: Meta): Promise<Clue>;
  listClues(actor: Actor, q: { status?: string | undefined; agencyCode?: string | undefined; page: number; pageSize: number }): Promise<{ data: Clue[]; total: number }>;
  getClue(actor: Actor, id: string): Promise<Clue>;
  dismissClue(actor: Actor, id: string, body: { reason: string; version: number }, meta: Meta): Promise<Clue>;
  issueOrder(actor: Actor, body: { clueId: string; requirement: string; version: number }, meta: Meta): Promise<Order>;
  listOrders(actor: Actor, q: { status?: string | undefined; agencyCode?: string | undefined; page: number; pageSize: number }): Promise<{ data: Omit<Order, 'events'>[]; total: number }>;
  getOrder(actor: Actor, id: string): Promise<Order & { actions: OrderAction[] }>;
  report(actor: Actor, id: string, body: { report: string; rectifiedOn: string; version: number }, meta: Meta): Promise<Order>;
  verify(actor: Actor, id: string, body: { result: 'pass' | 'return'; note: string; version: number }, meta: Meta): Promise<Order>;
  extend(actor: Actor, id: string, body: { days: number; reason: string; version: number }, meta: Meta): Promise<Order>;
  issueOpinion(actor: Actor, body: { orderId: string; facts: string; opinion: string }, meta: Meta): Promise<Opinion>;
  listOpinions(actor: Actor, q?: { agencyCode?: string | undefined; page: number; pageSize: number }): Promise<{ data: Opinion[]; total: number }>;
  orderDocx(actor: Actor, id: string, meta: Meta): Promise<{ filename: string; data: Buffer }>;
  opinionDocx(actor: Actor, id: string, meta: Meta): Promise<{ filename: string; data: Buffer }>;
  rectificationRate(asOf?: string, actor?: Actor): Promise<RectificationRate>;
  liaisons(actor: Actor): Promise<Liaison[]>;
  liaisonCandidates(actor: Actor): Promise<LiaisonCandidate[]>;
  addLiaison(actor: Actor, userId: string, agencyCode: string, meta: Meta): Promise<void>;
  removeLiaison(actor: Actor, userId: string, agencyCode: string, meta: Meta): Promise<void>;
}

export function createSupervisionService(deps: { handle: DbHandle; clock: Clock; audit: AuditService; deadlines: DeadlineService; organName?: string }): SupervisionService {
  const { handle, clock, audit, deadlines } = deps;
  const db: Db = handle.db;
  const organ = deps.organName ?? '北京市西城区司法局';
  const rule = getRule(RECTIFICATION_RULE);

  const record = (trx: Trx | null, actor: Actor, meta: Meta, action: string, objectType: string, objectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, extra?: Record<string, unknown>) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType, objectId, before, after, ...(extra ? { extra } : {}) }, trx ?? undefined);

  async function nextNo(trx: Trx, kind: keyof typeof DOC_PREFIX, year: number): Promise<string> {
    await trx.insertInto('enforcementDocCounters').values({ kind, year, lastSeq: 0 }).onConflict((oc) => oc.columns(['kind', 'year']).doNothing()).execute();
    const row = await trx.updateTable('enforcementDocCounters').set((eb) => ({ lastSeq: eb('lastSeq', '+', 1) })).where('kind', '=', kind).where('year', '=', year).returning('lastSeq').executeTakeFirstOrThrow();
    const seq = Number(row.lastSeq);
    return kind === 'clue' ? `${DOC_PREFIX.clue}${year}-${String(seq).padStart(4, '0')}` : `${DOC_PREFIX[kind]}〔${year}〕${seq}号`;
  }

  /** The actor's enforcement data scope (scope.ts), resolved on the connection or transaction at hand. */
  const scopeOf = (actor: Actor, q: Db | Trx = db) => enforcementScope(q as Db, actor);
  /** Orders of the scope: the clue's firm in the viewer's streets, or the order's agency one they speak for. */
  const orderFilter = (scope: EnforcementScope) => scopeFilter(scope, 'c.targetCreditCode', 'o.agencyCode');
  /** Throws OUT_OF_SCOPE unless the (existing) order lies in the actor's scope. */
  async function assertOrderInScope(q: Db | Trx, scope: EnforcementScope, id: string) {
    if (scope.all) return;
    const ok = await q.selectFrom('enforcementOrders as o').innerJoin('enforcementClues as c', 'c.id', 'o.clueId').select('o.id').where('o.id', '=', id).where(orderFilter(scope)).executeTakeFirst();
    if (!ok) throw new AppError('OUT_OF_SCOPE');
  }

  /** Opinion letters with their agency's name and the order they concern (number, subject). */
  const opinionSelect = (q: Db | Trx) =>
    q
      .selectFrom('enforcementOpinions as p')
      .innerJoin('enforcementOrders as o', 'o.id', 'p.orderId')
      .innerJoin('enforcementClues as c', 'c.id', 'o.clueId')
      .leftJoin('enforcementAgencies as a', 'a.code', 'p.agencyCode')
      .select(['p.id', 'p.opinionNo', 'p.orderId', 'p.agencyCode', 'p.facts', 'p.opinion', 'p.issuedOn', 'p.createdAt', 'o.orderNo', 'o.title as orderTitle', 'a.name as agencyName']);
  type OpinionRow = Awaited<ReturnType<ReturnType<typeof opinionSelect>['executeTakeFirstOrThrow']>>;
  const toOpinion = (o: OpinionRow): Opinion => ({ id: o.id, opinionNo: o.opinionNo, orderId: o.orderId, orderNo: o.orderNo, orderTitle: o.orderTitle, agencyCode: o.agencyCode, agencyName: o.agencyName ?? null, facts: o.facts, opinion: o.opinion, issuedOn: o.issuedOn });

  /** The roles through which an account may report rectification (enforcement.rectification.submit): a liaison's. */
  const reporterRoles = (userId: Expression<string>) =>
    db.selectFrom('userRoles as ur').innerJoin('rolePermissions as rp', 'rp.roleId', 'ur.roleId').select('ur.userId').where('ur.userId', '=', userId).where('rp.permission', '=', 'enforcement.rectification.submit');

  const agencyName = async (q: Db | Trx, code: string) => (await q.selectFrom('enforcementAgencies').select('name').where('code', '=', code).executeTakeFirst())?.name ?? null;

  async function clueRow(q: Db | Trx, id: string) {
    const row = await q
      .selectFrom('enforcementClues as c')
      .leftJoin('enforcementAgencies as a', 'a.code', 'c.agencyCode')
      .leftJoin('enforcementOrders as o', 'o.clueId', 'c.id')
      .selectAll('c')
      .select(['a.name as agencyName', 'o.id as orderId'])
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'clue', id });
    return row;
  }
  async function assertClueInScope(scope: EnforcementScope, id: string) {
    if (scope.all) return;
    const ok = await db.selectFrom('enforcementClues as c').select('c.id').where('c.id', '=', id).where(scopeFilter(scope, 'c.targetCreditCode', 'c.agencyCode')).executeTakeFirst();
    if (!ok) throw new AppError('OUT_OF_SCOPE');
  }
  async function toClue(q: Db | Trx, row: Awaited<ReturnType<typeof clueRow>>): Promise<Clue> {
    const flags = await q.selectFrom('enforcementClueFlags').select('detectionId').where('clueId', '=', row.id).orderBy('detectionId').execute();
    return {
      id: row.id,
      clueNo: row.clueNo,
      source: row.source as Clue['source'],
      title: row.title,
      description: row.description,
      agencyCode: row.agencyCode,
      agencyName: row.agencyName ?? null,
      targetCreditCode: row.targetCreditCode,
      field: row.field,
      severity: row.severity as Clue['severity'],
      status: row.status as Clue['status'],
      detectionIds: flags.map((f) => f.detectionId),
      complaintId: row.complaintId,
      orderId: row.orderId ?? null,
      dismissReason: row.dismissReason,
      createdAt: row.createdAt,
      version: Number(row.version),
    };
  }

  const orderSelect = (q: Db | Trx) =>
    q
      .selectFrom('enforcementOrders as o')
      .innerJoin('enforcementClues as c', 'c.id', 'o.clueId')
      .leftJoin('enforcementAgencies as a', 'a.code', 'o.agencyCode')
      .selectAll('o')
      .select(['c.clueNo', 'c.severity', 'a.name as agencyName']);
  type OrderRow = Awaited<ReturnType<ReturnType<typeof orderSelect>['executeTakeFirstOrThrow']>>;

  function toOrder(r: OrderRow, today: string, opinionId: string | null): Omit<Order, 'events'> {
    return {
      id: r.id,
      orderNo: r.orderNo,
      clueId: r.clueId,
      clueNo: r.clueNo,
      title: r.title,
      agencyCode: r.agencyCode,
      agencyName: r.agencyName ?? null,
      requirement: r.requirement,
      status: r.status as Order['status'],
      issuedOn: r.issuedOn,
      dueDate: r.dueDate,
      overdue: (r.status === 'issued' || r.status === 'returned') && r.dueDate !== null && r.dueDate < today,
      report: r.report,
      rectifiedOn: r.rectifiedOn,
      reportedOn: r.reportedOn,
      verificationNote: r.verificationNote,
      closedOn: r.closedOn,
      rounds: Number(r.rounds),
      severity: r.severity as Order['severity'],
      opinionId,
      deadlineCitation: ruleCitation(rule),
      deadlineUnverified: !!rule.unverified,
      version: Number(r.version),
    };
  }

  async function loadOrder(actor: Actor, id: string, q: Db | Trx = db): Promise<Order> {
    const r = await orderSelect(q).where('o.id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'order', id });
    await assertOrderInScope(q, await scopeOf(actor, q), id);
    const events = await q.selectFrom('enforcementOrderEvents').select(['at', 'action', 'actorName', 'note']).where('orderId', '=', id).orderBy('seq').execute();
    const op = await q.selectFrom('enforcementOpinions').select('id').where('orderId', '=', id).orderBy('createdAt', 'desc').executeTakeFirst();
    return { ...toOrder(r, clock.today(), op?.id ?? null), events };
  }

  async function event(trx: Trx, orderId: string, actor: Actor, action: string, note: string) {
    const last = await trx.selectFrom('enforcementOrderEvents').select((eb) => eb.fn.max('seq').as('m')).where('orderId', '=', orderId).executeTakeFirst();
    await trx.insertInto('enforcementOrderEvents').values({ id: randomUUID(), orderId, seq: Number(last?.m ?? 0) + 1, at: clock.nowIso(), action, actorId: actor.userId, actorName: actor.displayName, note }).execute();
  }

  async function openClock(trx: Trx, order: { id: string; orderNo: string; departmentId: string; issuedBy: string }, start: string, title: string): Promise<{ id: string; due: string | null }> {
    const id = await deadlines.open(trx, { module: 'enforcement', objectType: OBJECT_TYPE, objectId: order.id, title, ruleId: RECTIFICATION_RULE, startDate: start, departmentId: order.departmentId, assigneeId: order.issuedBy });
    const row = await trx.selectFrom('deadlines').select('dueDate').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, due: row.dueDate };
  }

  /** Optimistic update of an order in a state allowed for the action. */
  async function transition(trx: Trx, actor: Actor, id: string, version: number, action: OrderAction) {
    const r = await orderSelect(trx).where('o.id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'order', id });
    const scope = await scopeOf(actor, trx);
    // the bureau's steps (verification, extension) are the district's; reporting is open to the order's scope
    if (action !== 'report') assertDistrict(scope);
    await assertOrderInScope(trx, scope, id);
    if (!orderAllowed(action, r.status)) throw new AppError('ENF_TRANSITION_NOT_ALLOWED', { action, status: r.status });
    if (Number(r.version) !== version) throw new AppError('CONFLICT', { currentVersion: Number(r.version) });
    return r;
  }
  async function bump(trx: Trx, id: string, version: number, set: Partial<Database['enforcementOrders']>) {
    const res = await trx.updateTable('enforcementOrders').set({ ...set, updatedAt: clock.nowIso(), version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: 'order', id });
  }

  async function docx(title: string, docNo: string, addressee: string | null, paragraphs: string[], date: string) {
    return buildOfficialDocx({ organ, title, docNo, addressee: addressee ?? undefined, paragraphs, signature: { organ, date } });
  }

  return {
    async createClue(actor, body, meta) {
      assertDistrict(await scopeOf(actor));
      const now = clock.nowIso();
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        let agencyCode = body.agencyCode;
        let target: string | null = null;
        let field: string | null = null;
        let complaintId: string | null = null;
        let complaintCreditCode: string | null = null;
        const detectionIds = [...new Set(body.detectionIds)];
        if (body.source === 'detection') {
          if (!detectionIds.length) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'detectionIds', message: '请至少选择一条检测预警' }] });
          const agencies = new Set<string>();
          const targets = new Set<string>();
          const fields = new Set<string>();
          for (const d of detectionIds) {
            const flag = await getDetection({ ...handle, db: trx } as DbHandle, d);
            if (!flag || flag.status !== 'active') throw new AppError('ENF_DETECTION_NOT_FOUND', { id: d });
            flag.agencyCodes.forEach((a) => agencies.add(a));
            if (flag.targetCreditCode) targets.add(flag.targetCreditCode);
            if (flag.field) fields.add(flag.field);
          }
          const taken = await trx.selectFrom('enforcementClueFlags').select(['detectionId', 'clueId']).where('detectionId', 'in', detectionIds).execute();
          if (taken.length) throw new AppError('ENF_DETECTION_CLUED', { detectionIds: taken.map((t) => t.detectionId) });
          if (!agencyCode) {
            if (agencies.size !== 1) throw new AppError('ENF_AGENCY_AMBIGUOUS', { agencies: [...agencies] });
            agencyCode = [...agencies][0]!;
          }
          target = targets.size === 1 ? [...targets][0]! : null;
          field = fields.size === 1 ? [...fields][0]! : null;
        } else if (body.source === 'complaint') {
          if (!body.complaint) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'complaint', message: '请选择 12345 投诉' }] });
          const c = await trx.selectFrom('enforcementComplaints').selectAll().where('targetCreditCode', '=', body.complaint.targetCreditCode).where('id', '=', body.complaint.id).executeTakeFirst();
          if (!c) throw new AppError('ENF_COMPLAINT_NOT_FOUND', { id: body.complaint.id });
          agencyCode = agencyCode ?? c.agencyCode;
          target = c.targetCreditCode;
          complaintId = c.id;
          complaintCreditCode = c.targetCreditCode;
        }
        if (!agencyCode) throw new AppError('ENF_AGENCY_AMBIGUOUS', {});
        if (!(await agencyName(trx, agencyCode))) throw new AppError('ENF_AGENCY_UNKNOWN', { agencyCode });
        const clueNo = await nextNo(trx, 'clue', Number(clock.today().slice(0, 4)));
        await trx
          .insertInto('enforcementClues')
          .values({ id, clueNo, source: body.source, title: body.title, description: body.description, agencyCode, targetCreditCode: target, field, severity: body.severity, status: 'open', complaintId, complaintCreditCode, dismissReason: null, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1 })
          .execute();
        if (detectionIds.length) await trx.insertInto('enforcementClueFlags').values(detectionIds.map((d) => ({ detectionId: d, clueId: id }))).execute();
        if (complaintId && complaintCreditCode) await trx.updateTable('enforcementComplaints').set({ status: 'clued' }).where('targetCreditCode', '=', complaintCreditCode).where('id', '=', complaintId).execute();
        await record(trx, actor, meta, 'enforcement.clue.create', 'enforcementClue', id, null, { clueNo, source: body.source, agencyCode, severity: body.severity }, { detectionIds, complaintId });
      });
      return toClue(db, await clueRow(db, id));
    },

    async listClues(actor, q) {
      const scope = await scopeOf(actor);
      let base = db.selectFrom('enforcementClues as c').where(scopeFilter(scope, 'c.targetCreditCode', 'c.agencyCode'));
      if (q.status) base = base.where('c.status', '=', q.status);
      if (q.agencyCode) base = base.where('c.agencyCode', '=', q.agencyCode);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const ids = await base.select('c.id').orderBy('c.createdAt', 'desc').orderBy('c.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const data: Clue[] = [];
      for (const { id } of ids) data.push(await toClue(db, await clueRow(db, id)));
      return { data, total: Number(total) };
    },

    async getClue(actor, id) {
      const row = await clueRow(db, id);
      await assertClueInScope(await scopeOf(actor), id);
      return toClue(db, row);
    },

    async dismissClue(actor, id, body, meta) {
      assertDistrict(await scopeOf(actor));
      await db.transaction().execute(async (trx) => {
        const c = await clueRow(trx, id);
        if (!clueAllowed('dismiss', c.status)) throw new AppError('ENF_TRANSITION_NOT_ALLOWED', { action: 'dismiss', status: c.status });
        const res = await trx.updateTable('enforcementClues').set({ status: 'dismissed', dismissReason: body.reason, updatedAt: clock.nowIso(), version: body.version + 1 }).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { currentVersion: Number(c.version) });
        await record(trx, actor, meta, 'enforcement.clue.dismiss', 'enforcementClue', id, { status: c.status }, { status: 'dismissed' }, { reason: body.reason });
      });
      return toClue(db, await clueRow(db, id));
    },

    async issueOrder(actor, body, meta) {
      assertDistrict(await scopeOf(actor));
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const c = await clueRow(trx, body.clueId);
        if (!clueAllowed('issueOrder', c.status)) throw new AppError('ENF_TRANSITION_NOT_ALLOWED', { action: 'issueOrder', status: c.status });
        const res = await trx.updateTable('enforcementClues').set({ status: 'ordered', updatedAt: clock.nowIso(), version: body.version + 1 }).where('id', '=', c.id).where('version', '=', body.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { currentVersion: Number(c.version) });
        const today = clock.today();
        const orderNo = await nextNo(trx, 'order', Number(today.slice(0, 4)));
        const now = clock.nowIso();
        const base = { id, orderNo, departmentId: actor.departmentId, issuedBy: actor.userId };
        await trx
          .insertInto('enforcementOrders')
          .values({ ...base, clueId: c.id, agencyCode: c.agencyCode, title: c.title, requirement: body.requirement, status: 'issued', issuedOn: today, deadlineId: null, dueDate: null, report: null, rectifiedOn: null, reportedOn: null, reportedBy: null, verificationNote: null, verifiedBy: null, closedOn: null, rounds: 1, createdAt: now, updatedAt: now, version: 1 })
          .execute();
        const dl = await openClock(trx, base, today, `督办单 ${orderNo} 整改期限（${c.agencyName ?? c.agencyCode}）`);
        await trx.updateTable('enforcementOrders').set({ deadlineId: dl.id, dueDate: dl.due }).where('id', '=', id).execute();
        await event(trx, id, actor, 'issue', `制发督办单 ${orderNo}，整改期限至 ${dl.due ?? '（待定）'}（${ruleCitation(rule)}；${SUPERVISION_BASIS.unverified}）`);
        await record(trx, actor, meta, 'enforcement.order.issue', OBJECT_TYPE, id, null, { orderNo, clueId: c.id, agencyCode: c.agencyCode, dueDate: dl.due });
      });
      return loadOrder(actor, id);
    },

    async listOrders(actor, q) {
      const scope = await scopeOf(actor);
      let base = orderSelect(db).where(orderFilter(scope));
      if (q.status) base = base.where('o.status', '=', q.status);
      if (q.agencyCode) base = base.where('o.agencyCode', '=', q.agencyCode);
      const { total } = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.orderBy('o.issuedOn', 'desc').orderBy('o.orderNo', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const ops = rows.length ? await db.selectFrom('enforcementOpinions').select(['orderId', 'id']).where('orderId', 'in', rows.map((r) => r.id)).execute() : [];
      const opOf = new Map(ops.map((o) => [o.orderId, o.id]));
      const today = clock.today();
      return { data: rows.map((r) => toOrder(r, today, opOf.get(r.id) ?? null)), total: Number(total) };
    },

    async getOrder(actor, id) {
      const o = await loadOrder(actor, id);
      return { ...o, actions: orderActionsFor(o, clock.today()) };
    },

    async report(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const r = await transition(trx, actor, id, body.version, 'report');
        const liaison = !can(actor, 'enforcement.supervision.manage');
        const scope = await scopeOf(actor, trx);
        // the agency's own liaison reports; the supervision body may record a written report on its behalf
        if (liaison ? !scope.agencies.includes(r.agencyCode) : !scope.all) throw new AppError('ENF_NOT_LIAISON');
        const today = clock.today();
        if (body.rectifiedOn > today) throw new AppError('ENF_DATE_ORDER', { rectifiedOn: body.rectifiedOn, today });
        if (body.rectifiedOn < r.issuedOn) throw new AppError('ENF_DATE_ORDER', { rectifiedOn: body.rectifiedOn, issuedOn: r.issuedOn });
        await bump(trx, id, Number(r.version), { status: 'reported', report: body.report, rectifiedOn: body.rectifiedOn, reportedOn: today, reportedBy: actor.userId });
        if (r.deadlineId) {
          const d = await trx.selectFrom('deadlines').select('status').where('id', '=', r.deadlineId).executeTakeFirst();
          if (d?.status === 'open') await deadlines.close(trx, r.deadlineId, 'met');
        }
        await event(trx, id, actor, 'report', `${liaison ? '执法单位报送' : '监督机构代录'}整改报告（整改完成日 ${body.rectifiedOn}）`);
        await record(trx, actor, meta, 'enforcement.order.report', OBJECT_TYPE, id, { status: r.status }, { status: 'reported', rectifiedOn: body.rectifiedOn }, { onBehalf: !liaison });
      });
      return loadOrder(actor, id);
    },

    async verify(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const r = await transition(trx, actor, id, body.version, body.result === 'pass' ? 'verifyPass' : 'verifyReturn');
        const today = clock.today();
        if (body.result === 'pass') {
          await bump(trx, id, Number(r.version), { status: 'closed', verificationNote: body.note, verifiedBy: actor.userId, closedOn: today });
          await event(trx, id, actor, 'verifyPass', `核查通过，办结：${body.note}`);
        } else {
          const dl = await openClock(trx, r, today, `督办单 ${r.orderNo} 重新整改期限（第 ${Number(r.rounds) + 1} 轮）`);
          await bump(trx, id, Number(r.version), { status: 'returned', verificationNote: body.note, verifiedBy: actor.userId, rounds: Number(r.rounds) + 1, deadlineId: dl.id, dueDate: dl.due });
          await event(trx, id, actor, 'verifyReturn', `核查未通过，退回重新整改，期限至 ${dl.due ?? '（待定）'}：${body.note}`);
        }
        await record(trx, actor, meta, `enforcement.order.verify.${body.result}`, OBJECT_TYPE, id, { status: r.status }, { status: body.result === 'pass' ? 'closed' : 'returned' });
      });
      return loadOrder(actor, id);
    },

    async extend(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const r = await transition(trx, actor, id, body.version, 'extend');
        if (!r.deadlineId) throw new AppError('ENF_TRANSITION_NOT_ALLOWED', { action: 'extend', reason: 'noDeadline' });
        const ch = await deadlines.extend(trx, r.deadlineId, { length: body.days, unit: 'CAL', reason: body.reason, approvedOn: clock.today() }, { note: `延期整改 ${body.days} 日：${body.reason}` });
        await bump(trx, id, Number(r.version), { dueDate: ch.dueDate });
        await event(trx, id, actor, 'extend', `批准延期 ${body.days} 日，整改期限由 ${ch.oldDue ?? '—'} 延至 ${ch.dueDate ?? '—'}：${body.reason}`);
        await record(trx, actor, meta, 'enforcement.order.extend', OBJECT_TYPE, id, { dueDate: ch.oldDue }, { dueDate: ch.dueDate }, { days: body.days });
      });
      return loadOrder(actor, id);
    },

    async issueOpinion(actor, body, meta) {
      assertDistrict(await scopeOf(actor));
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const r = await orderSelect(trx).where('o.id', '=', body.orderId).executeTakeFirst();
        if (!r) throw new AppError('NOT_FOUND', { entity: 'order', id: body.orderId });
        if (!orderAllowed('opinion', r.status)) throw new AppError('ENF_TRANSITION_NOT_ALLOWED', { action: 'opinion', status: r.status });
        const today = clock.today();
        // Serious cases: a clue marked serious, an order sent back at least once, or an overdue order.
        if (!opinionEligible({ status: r.status, severity: r.severity, rounds: Number(r.rounds), dueDate: r.dueDate }, today)) throw new AppError('ENF_TRANSITION_NOT_ALLOWED', { action: 'opinion', reason: 'notSerious' }, '执法监督意见书用于情节严重的情形：线索标记为严重、督办单曾被退回重新整改或逾期未整改');
        const opinionNo = await nextNo(trx, 'opinion', Number(today.slice(0, 4)));
        await trx.insertInto('enforcementOpinions').values({ id, opinionNo, orderId: r.id, agencyCode: r.agencyCode, facts: body.facts, opinion: body.opinion, issuedOn: today, issuedBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await event(trx, r.id, actor, 'opinion', `制发执法监督意见书 ${opinionNo}`);
        await record(trx, actor, meta, 'enforcement.opinion.issue', 'enforcementOpinion', id, null, { opinionNo, orderId: r.id, agencyCode: r.agencyCode });
      });
      return toOpinion(await opinionSelect(db).where('p.id', '=', id).executeTakeFirstOrThrow());
    },

    async listOpinions(actor, q = { page: 1, pageSize: 20 }) {
      const scope = await scopeOf(actor);
      let base = opinionSelect(db).where(scopeFilter(scope, 'c.targetCreditCode', 'p.agencyCode'));
      if (q.agencyCode) base = base.where('p.agencyCode', '=', q.agencyCode);
      const { total } = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.orderBy('p.issuedOn', 'desc').orderBy('p.createdAt', 'desc').orderBy((eb) => eb.fn('length', ['p.opinionNo']), 'desc').orderBy('p.opinionNo', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { data: rows.map(toOpinion), total: Number(total) };
    },

    async orderDocx(actor, id, meta) {
      const o = await loadOrder(actor, id);
      const data = await docx(
        '行政执法监督督办单',
        o.orderNo,
        o.agencyName ?? o.agencyCode,
        [
          `我局在行政执法监督工作中发现你单位存在以下问题：${o.title}。`,
          `督办要求：${o.requirement}`,
          `请于${o.dueDate ? officialDate(o.dueDate) : '规定期限'}前完成整改，并将整改情况书面报送我局。`,
          `依据：${SUPERVISION_BASIS.body}。整改期限为本局设置（${ruleCitation(rule)}，条文未核实，可申请延期）。`,
        ],
        o.issuedOn,
      );
      await record(null, actor, meta, 'enforcement.order.download', OBJECT_TYPE, id, null, null, { orderNo: o.orderNo });
      return { filename: `督办单（${o.orderNo}）.docx`, data };
    },

    async opinionDocx(actor, id, meta) {
      const p = await db.selectFrom('enforcementOpinions as p').leftJoin('enforcementAgencies as a', 'a.code', 'p.agencyCode').selectAll('p').select('a.name as agencyName').where('p.id', '=', id).executeTakeFirst();
      if (!p) throw new AppError('NOT_FOUND', { entity: 'opinion', id });
      await assertOrderInScope(db, await scopeOf(actor), p.orderId);
      const data = await docx('行政执法监督意见书', p.opinionNo, p.agencyName ?? p.agencyCode, [`经查：${p.facts}`, `监督意见：${p.opinion}`, '请你单位依照上述意见纠正，并将纠正情况书面报送我局。', `依据：${SUPERVISION_BASIS.body}。`], p.issuedOn);
      await record(null, actor, meta, 'enforcement.opinion.download', 'enforcementOpinion', id, null, null, { opinionNo: p.opinionNo });
      return { filename: `执法监督意见书（${p.opinionNo}）.docx`, data };
    },

    async rectificationRate(asOf, actor) {
      const day = asOf ?? clock.today();
      const scope = actor ? await scopeOf(actor) : null;
      const rows = await db
        .selectFrom('enforcementOrders')
        // data scope: the orders the viewer may see (their clue's firm or their agency)
        .$if(!!scope && !scope.all, (b) => b.where((eb) => eb('enforcementOrders.id', 'in', eb.selectFrom('enforcementOrders as o').innerJoin('enforcementClues as c', 'c.id', 'o.clueId').select('o.id').where(orderFilter(scope!)))))
        .select((eb) => [
          eb.fn.countAll<number>().as('all'),
          eb.fn.sum<number>(eb.case().when('status', '=', 'closed').then(1).else(0).end()).as('closed'),
          eb.fn.sum<number>(eb.case().when(eb.and([eb('status', '<>', 'closed'), eb('dueDate', '<=', day)])).then(1).else(0).end()).as('dueOpen'),
          eb.fn.sum<number>(eb.case().when(eb.and([eb('status', 'in', ['issued', 'returned']), eb('dueDate', '<', day)])).then(1).else(0).end()).as('overdue'),
        ])
        .executeTakeFirstOrThrow();
      const all = Number(rows.all);
      const closed = Number(rows.closed ?? 0);
      const due = closed + Number(rows.dueOpen ?? 0);
      return { asOf: day, due, closed, rate: due ? closed / due : null, open: all - closed, overdue: Number(rows.overdue ?? 0), definition: RATE_DEFINITION };
    },

    async liaisons(actor) {
      assertDistrict(await scopeOf(actor));
      const rows = await db
        .selectFrom('enforcementAgencyLiaisons as l')
        .innerJoin('users as u', 'u.id', 'l.userId')
        .leftJoin('enforcementAgencies as a', 'a.code', 'l.agencyCode')
        .select((eb) => ['l.userId', 'u.username', 'u.displayName', 'u.status', 'l.agencyCode', 'l.createdAt', 'a.name as agencyName', eb.exists(reporterRoles(eb.ref('l.userId'))).as('canReport')])
        .orderBy('l.agencyCode')
        .orderBy('u.username')
        .execute();
      return rows.map((r) => ({ userId: r.userId, username: r.username, displayName: r.displayName, agencyCode: r.agencyCode, agencyName: r.agencyName ?? null, createdAt: r.createdAt, active: r.status === 'active', canReport: !!r.canReport }));
    },

    async liaisonCandidates(actor) {
      assertDistrict(await scopeOf(actor));
      const users = await db
        .selectFrom('users as u')
        .leftJoin('departments as d', 'd.id', 'u.departmentId')
        .select(['u.id', 'u.username', 'u.displayName', 'd.name as departmentName'])
        .where('u.status', '=', 'active')
        .where((eb) => eb.exists(reporterRoles(eb.ref('u.id'))))
        .orderBy('u.username')
        .execute();
      const links = users.length ? await db.selectFrom('enforcementAgencyLiaisons').select(['userId', 'agencyCode']).where('userId', 'in', users.map((u) => u.id)).orderBy('agencyCode').execute() : [];
      return users.map((u) => ({ userId: u.id, username: u.username, displayName: u.displayName, departmentName: u.departmentName ?? null, agencyCodes: links.filter((l) => l.userId === u.id).map((l) => l.agencyCode) }));
    },

    async addLiaison(actor, userId, agencyCode, meta) {
      assertDistrict(await scopeOf(actor));
      await db.transaction().execute(async (trx) => {
        const user = await trx
          .selectFrom('users as u')
          .select((eb) => ['u.id', 'u.status', eb.exists(reporterRoles(eb.ref('u.id'))).as('canReport')])
          .where('u.id', '=', userId)
          .executeTakeFirst();
        if (!user) throw new AppError('NOT_FOUND', { entity: 'user', id: userId }, '所选账户不存在，请刷新后重新选择');
        if (user.status !== 'active') throw new AppError('ENF_LIAISON_ACCOUNT_INVALID', { reason: 'liaisonAccountDisabled', userId }, '所选账户已停用，不能登记为执法单位联络员');
        // a registration widens the account's data scope to the agency's records: only for accounts that report for it
        if (!user.canReport) throw new AppError('ENF_LIAISON_ACCOUNT_INVALID', { reason: 'liaisonRoleMissing', userId }, '所选账户没有“报送督办事项整改报告”权限（执法单位联络员角色），请先由安全管理员为其分配角色');
        if (!(await agencyName(trx, agencyCode))) throw new AppError('ENF_AGENCY_UNKNOWN', { agencyCode });
        const dup = await trx.selectFrom('enforcementAgencyLiaisons').select('userId').where('userId', '=', userId).where('agencyCode', '=', agencyCode).executeTakeFirst();
        if (dup) throw new AppError('ENF_RECORD_EXISTS', { entity: 'liaison', userId, agencyCode }, '该账户已登记为该执法主体的联络员');
        await trx.insertInto('enforcementAgencyLiaisons').values({ userId, agencyCode, createdAt: clock.nowIso() }).execute();
        await record(trx, actor, meta, 'enforcement.liaison.add', 'enforcementAgencyLiaison', `${userId}:${agencyCode}`, null, { userId, agencyCode });
      });
    },

    async removeLiaison(actor, userId, agencyCode, meta) {
      assertDistrict(await scopeOf(actor));
      await db.transaction().execute(async (trx) => {
        const res = await trx.deleteFrom('enforcementAgencyLiaisons').where('userId', '=', userId).where('agencyCode', '=', agencyCode).executeTakeFirst();
        if (Number(res.numDeletedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'liaison', userId, agencyCode }, '该联络员登记不存在或已被撤销，请刷新列表');
        await record(trx, actor, meta, 'enforcement.liaison.remove', 'enforcementAgencyLiaison', `${userId}:${agencyCode}`, { userId, agencyCode }, null);
      });
    },
  };
}
