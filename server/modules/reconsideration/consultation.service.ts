/**
 * 行政复议 咨询接待 (consultation log): front-end guidance before an application is filed, and the front-end
 * settlement rate computed from it (definition: SETTLEMENT_RATE_DEFINITION in common/contracts).
 *
 * Visitors' 身份证号 / 手机号 go to the people register (SM4-encrypted, blind-indexed); this table holds only the
 * person's id. Every write and its audit entry share one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  type Consultation,
  type ConsultationBody,
  type ConsultationListQuery,
  type ConsultationOutcome,
  SETTLEMENT_RATE_DEFINITION,
  type SettlementSummary,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import { isValidIdNumber, isValidMobile } from '../../../common/validators';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { type Actor, type RequestMeta, assertInScope, scopeWhere } from '../../platform/identity';
import type { PeopleService } from '../../platform/people';

type Trx = Transaction<Database>;
type Row = Database['reconsiderationConsultations'];
const OBJECT_TYPE = 'reconsiderationConsultation';

export interface ConsultationService {
  list(actor: Actor, q: z.infer<typeof ConsultationListQuery>): Promise<{ data: Consultation[]; total: number }>;
  get(actor: Actor, id: string): Promise<Consultation>;
  create(actor: Actor, body: z.infer<typeof ConsultationBody>, meta: RequestMeta): Promise<Consultation>;
  /**
   * `create` inside the caller's transaction (another module's record and its link to this one commit or fail
   * together, e.g. the 12348 referral): every read and write, the audit entry included, runs on `trx`.
   */
  createWithin(trx: Trx, actor: Actor, body: z.infer<typeof ConsultationBody>, meta: RequestMeta): Promise<{ id: string }>;
  update(actor: Actor, id: string, body: z.infer<typeof ConsultationBody> & { version: number }, meta: RequestMeta): Promise<Consultation>;
  remove(actor: Actor, id: string, meta: RequestMeta): Promise<void>;
  settlement(actor: Actor, period: { from: string; to: string }): Promise<SettlementSummary>;
}

/**
 * Front-end settlement rate: (explained + resolved) ÷ (explained + resolved + filed). `pending` has no final outcome
 * and is left out of the denominator. null when nothing in the period has a final outcome.
 */
export function settlementRate(c: Record<ConsultationOutcome, number>): number | null {
  const settled = c.explained + c.resolved;
  const final = settled + c.filed;
  return final === 0 ? null : settled / final;
}

export function createConsultationService(deps: { db: Db; clock: Clock; audit: AuditService; people: PeopleService }): ConsultationService {
  const { db, clock, audit, people } = deps;

  const base = (actor: Actor) =>
    db
      .selectFrom('reconsiderationConsultations as k')
      .leftJoin('reconsiderationCases as c', 'c.id', 'k.caseId')
      .leftJoin('users as u', 'u.id', 'k.handlerId')
      .where((eb) => scopeWhere(eb, actor, 'k.departmentId', 'k.handlerId'));

  const view = (r: Row & { caseNo: string | null; handlerName: string | null }, masked: string | null = null): Consultation => ({
    id: r.id,
    consultedOn: r.consultedOn,
    channel: r.channel as Consultation['channel'],
    visitorName: r.visitorName,
    visitorPersonId: r.visitorPersonId,
    visitorIdNumberMasked: masked,
    respondentName: r.respondentName,
    matterType: r.matterType as Consultation['matterType'],
    summary: r.summary,
    outcome: r.outcome as Consultation['outcome'],
    caseId: r.caseId,
    caseNo: r.caseNo,
    note: r.note,
    departmentId: r.departmentId,
    handlerId: r.handlerId,
    handlerName: r.handlerName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  });

  async function load(actor: Actor, id: string, q: Db | Trx = db): Promise<Row> {
    const r = await q.selectFrom('reconsiderationConsultations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'consultation', id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }

  async function one(actor: Actor, id: string): Promise<Consultation> {
    const r = await base(actor).selectAll('k').select(['c.caseNo as caseNo', 'u.displayName as handlerName']).where('k.id', '=', id).executeTakeFirst();
    if (!r) {
      await load(actor, id); // NOT_FOUND or OUT_OF_SCOPE
      throw new AppError('NOT_FOUND', { entity: 'consultation', id });
    }
    let masked: string | null = null;
    if (r.visitorPersonId) {
      try {
        masked = (await people.get(actor, r.visitorPersonId)).idNumber;
      } catch {
        masked = null; // the person entry lies outside the reader's scope: show no number at all
      }
    }
    return view(r, masked);
  }

  /** Validates the body; resolves the handler, the visitor's entry in the people register and the linked case (on `trx` when given). */
  async function prepare(actor: Actor, body: z.infer<typeof ConsultationBody>, trx?: Trx) {
    const q = trx ?? db;
    if (body.consultedOn > clock.today()) throw new AppError('RECON_DATE_IN_FUTURE', { field: 'consultedOn', date: body.consultedOn, today: clock.today() });
    if (body.caseId && body.outcome !== 'filed') throw new AppError('CONSULTATION_CASE_LINK', { field: 'caseId', outcome: body.outcome });
    let caseRow: { id: string; receivedOn: string } | null = null;
    if (body.caseId) {
      const c = await q.selectFrom('reconsiderationCases').select(['id', 'departmentId', 'handlerId', 'receivedOn']).where('id', '=', body.caseId).executeTakeFirst();
      let ok = !!c;
      if (c) {
        try {
          assertInScope(actor, c.departmentId, c.handlerId);
        } catch {
          ok = false;
        }
      }
      if (!ok || !c) throw new AppError('CONSULTATION_CASE_LINK', { field: 'caseId', caseId: body.caseId });
      caseRow = c;
    }
    if (body.visitorMobile && !body.visitorIdNumber && !body.visitorPersonId) throw new AppError('CONSULTATION_VISITOR_ID_REQUIRED', { field: 'visitorIdNumber' });
    if (body.visitorMobile && !isValidMobile(body.visitorMobile)) throw new AppError('MOBILE_INVALID', { field: 'visitorMobile' });
    let visitor: { personId: string | null; name: string | null; create?: { name: string; idNumber: string; mobile: string | null } } = { personId: null, name: body.visitorName || null };
    if (body.visitorPersonId) {
      const p = await people.get(actor, body.visitorPersonId, trx);
      visitor = { personId: p.id, name: body.visitorName || p.name };
    } else if (body.visitorIdNumber) {
      const idNumber = body.visitorIdNumber.toUpperCase();
      if (!isValidIdNumber(idNumber)) throw new AppError('ID_NUMBER_INVALID', { field: 'visitorIdNumber' });
      if (!body.visitorName) throw new AppError('VALIDATION_FAILED', { field: 'visitorName', reason: '填写身份证号码时须填写来访人姓名' }, '填写身份证号码时须同时填写来访人姓名');
      const existing = (await people.search(actor, { idNumber, page: 1, pageSize: 1 }, trx)).data[0];
      visitor = existing ? { personId: existing.id, name: body.visitorName } : { personId: null, name: body.visitorName, create: { name: body.visitorName, idNumber, mobile: body.visitorMobile ?? null } };
    }
    let handlerId = body.handlerId ?? actor.userId;
    if (actor.dataScope === 'own') handlerId = actor.userId; // an own-scope user could not read what they assigned away
    if (handlerId !== actor.userId) {
      const u = await q.selectFrom('users').select(['id', 'departmentId', 'status']).where('id', '=', handlerId).executeTakeFirst();
      const inScope = u && u.status === 'active' && (actor.scopeDepartmentIds === null || actor.scopeDepartmentIds.includes(u.departmentId));
      if (!inScope) throw new AppError('RECON_HANDLER_INVALID', { handlerId });
    }
    return { visitor, handlerId, caseRow };
  }

  /** The audited facts: never the visitor's name or numbers. */
  const facts = (r: Pick<Row, 'consultedOn' | 'channel' | 'matterType' | 'outcome' | 'caseId' | 'handlerId' | 'respondentName'>) => ({
    consultedOn: r.consultedOn,
    channel: r.channel,
    matterType: r.matterType,
    outcome: r.outcome,
    caseId: r.caseId,
    handlerId: r.handlerId,
    respondentName: r.respondentName,
  });

  type Prepared = Awaited<ReturnType<typeof prepare>>;

  /** The row, the visitor's new entry in the people register (if any) and the audit entry, on `trx`. */
  async function insert(trx: Trx, actor: Actor, body: z.infer<typeof ConsultationBody>, meta: RequestMeta, visitor: Prepared['visitor'], handlerId: string): Promise<{ id: string }> {
    const id = randomUUID();
    if (visitor.create) visitor.personId = (await people.create(actor, visitor.create, meta, trx)).id;
    const now = clock.nowIso();
    const row: Row = {
      id,
      departmentId: actor.departmentId,
      handlerId,
      consultedOn: body.consultedOn,
      channel: body.channel,
      visitorName: visitor.name,
      visitorPersonId: visitor.personId,
      respondentName: body.respondentName || null,
      matterType: body.matterType,
      summary: body.summary,
      outcome: body.outcome,
      caseId: body.caseId ?? null,
      note: body.note || null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await trx.insertInto('reconsiderationConsultations').values(row).execute();
    await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.consultation.create', objectType: OBJECT_TYPE, objectId: id, after: facts(row) }, trx);
    return { id };
  }

  return {
    async list(actor, q) {
      let s = base(actor);
      if (q.from) s = s.where('k.consultedOn', '>=', q.from);
      if (q.to) s = s.where('k.consultedOn', '<=', q.to);
      if (q.outcome) s = s.where('k.outcome', '=', q.outcome);
      if (q.channel) s = s.where('k.channel', '=', q.channel);
      if (q.matterType) s = s.where('k.matterType', '=', q.matterType);
      const [rows, total] = await Promise.all([
        s
          .selectAll('k')
          .select(['c.caseNo as caseNo', 'u.displayName as handlerName'])
          .orderBy('k.consultedOn', 'desc')
          .orderBy('k.createdAt', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        s.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { data: rows.map((r) => view(r)), total: Number(total.n) };
    },

    get: one,

    async create(actor, body, meta) {
      const { visitor, handlerId } = await prepare(actor, body);
      const { id } = await db.transaction().execute((trx) => insert(trx, actor, body, meta, visitor, handlerId));
      return one(actor, id);
    },

    async createWithin(trx, actor, body, meta) {
      const { visitor, handlerId } = await prepare(actor, body, trx);
      return insert(trx, actor, body, meta, visitor, handlerId);
    },

    async update(actor, id, body, meta) {
      const { visitor, handlerId } = await prepare(actor, body);
      await db.transaction().execute(async (trx) => {
        const before = await load(actor, id, trx);
        if (visitor.create) visitor.personId = (await people.create(actor, visitor.create, meta, trx)).id;
        const patch = {
          handlerId,
          consultedOn: body.consultedOn,
          channel: body.channel,
          visitorName: visitor.name,
          // keep the linked person unless the edit names another one
          visitorPersonId: visitor.personId ?? before.visitorPersonId,
          respondentName: body.respondentName || null,
          matterType: body.matterType,
          summary: body.summary,
          outcome: body.outcome,
          caseId: body.caseId ?? null,
          note: body.note || null,
          updatedAt: clock.nowIso(),
          version: body.version + 1,
        };
        const res = await trx.updateTable('reconsiderationConsultations').set(patch).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: 'consultation', id });
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.consultation.update', objectType: OBJECT_TYPE, objectId: id, before: facts(before), after: facts({ ...before, ...patch }) }, trx);
      });
      return one(actor, id);
    },

    async remove(actor, id, meta) {
      await db.transaction().execute(async (trx) => {
        const before = await load(actor, id, trx);
        await trx.deleteFrom('reconsiderationConsultations').where('id', '=', id).execute();
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.consultation.delete', objectType: OBJECT_TYPE, objectId: id, before: facts(before) }, trx);
      });
    },

    async settlement(actor, p) {
      const rows = await db
        .selectFrom('reconsiderationConsultations as k')
        .where((eb) => scopeWhere(eb, actor, 'k.departmentId', 'k.handlerId'))
        .where('k.consultedOn', '>=', p.from)
        .where('k.consultedOn', '<=', p.to)
        .select(['k.outcome', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('k.outcome')
        .execute();
      const c: Record<ConsultationOutcome, number> = { explained: 0, resolved: 0, filed: 0, pending: 0 };
      for (const r of rows) if (r.outcome in c) c[r.outcome as ConsultationOutcome] = Number(r.n);
      return { from: p.from, to: p.to, total: c.explained + c.resolved + c.filed + c.pending, ...c, rate: settlementRate(c), definition: SETTLEMENT_RATE_DEFINITION };
    },
  };
}
