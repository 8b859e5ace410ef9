/**
 * Registers beside the drafts: enterprise contact points (企业联系点) with their representativeness, legal advisers
 * (法律顾问) and their consultations on major matters, documents and contracts, and clean-up campaigns (清理).
 * Department-owned; every write audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  LR_ENTERPRISE_SIZE_LABELS,
  LR_OWNERSHIP_LABELS,
  type LrAdviserBody,
  type LrCleanupBody,
  type LrCleanupItemBody,
  type LrConsultAssignBody,
  type LrConsultBody,
  type LrConsultListQuery,
  type LrConsultOpinionBody,
  type LrConsultSchema,
  type LrContactPointBody,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Actor, RequestMeta } from '../../platform/identity';
import { createLegalityRepo, departmentScope, draftScope } from './legality-review.repo';
import type { LegalityReviewService } from './legality-review.service';
import { EXPORT_MAX_ROWS, consultFilterText, consultationWorkbook } from './registers.export';

type Body<T extends z.ZodTypeAny> = z.infer<T>;

/** Representativeness of a set of contact points: counts by industry, size and ownership, and the gaps. */
export function representativeness(points: { industry: string; size: string; ownership: string }[]) {
  const count = (key: 'industry' | 'size' | 'ownership') => points.reduce<Record<string, number>>((m, p) => ((m[p[key]] = (m[p[key]] ?? 0) + 1), m), {});
  const bySize = count('size');
  const byOwnership = count('ownership');
  const byIndustry = count('industry');
  const gaps: string[] = [];
  if (points.length === 0) gaps.push('尚无企业联系点');
  else {
    if (!bySize.small && !bySize.micro) gaps.push(`缺少${LR_ENTERPRISE_SIZE_LABELS.small}或${LR_ENTERPRISE_SIZE_LABELS.micro}企业（应听取中小企业意见）`);
    if (!byOwnership.private) gaps.push(`缺少${LR_OWNERSHIP_LABELS.private}企业（应听取民营企业意见）`);
    if (!byOwnership.association) gaps.push(`缺少${LR_OWNERSHIP_LABELS.association}`);
    const top = Math.max(...Object.values(byIndustry));
    if (points.length >= 4 && top / points.length > 0.5) gaps.push('单一行业占比超过一半，行业分布不均衡');
  }
  return { total: points.length, byIndustry, bySize, byOwnership, gaps };
}

export function createRegistersService(deps: { db: Db; clock: Clock; audit: AuditService; drafts: LegalityReviewService; consultationPrefix?: string }) {
  const { db, clock, audit } = deps;
  const repo = createLegalityRepo(db);
  const prefix = deps.consultationPrefix ?? '西法顾';
  const rec = (actor: Actor, meta: RequestMeta, action: string, objectType: string, objectId: string, after: Record<string, unknown>) => ({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action, objectType, objectId, after });

  async function consultRow(actor: Actor, id: string) {
    const r = await db
      .selectFrom('legalityConsultations as c')
      .leftJoin('legalityAdvisers as a', 'a.id', 'c.adviserId')
      .selectAll('c')
      .select('a.name as adviserName')
      .where('c.id', '=', id)
      .where((eb) => departmentScope(eb, actor, 'c.departmentId'))
      .executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'legalityConsultation', id });
    return r;
  }
  const consultOut = (r: Awaited<ReturnType<typeof consultRow>>): Body<typeof LrConsultSchema> => ({
    id: r.id, no: r.no, subject: r.subject as 'document', title: r.title, requestingUnit: r.requestingUnit, requestedOn: r.requestedOn, dueOn: r.dueOn, draftId: r.draftId, adviserId: r.adviserId, adviserName: r.adviserName ?? null,
    assignedOn: r.assignedOn, opinion: r.opinion, answeredOn: r.answeredOn, minutes: r.minutes === null ? null : Number(r.minutes), status: r.status as 'requested',
  });

  async function reviewDepartment(actor: Actor) {
    return actor.departmentId;
  }

  return {
    // ── contact points ───────────────────────────────────────────────────────────────────────
    async listContactPoints(actor: Actor) {
      const rows = await db.selectFrom('legalityContactPoints').selectAll().where((eb) => departmentScope(eb, actor, 'departmentId')).orderBy('industry').orderBy('name').execute();
      return rows.map((r) => ({ id: r.id, name: r.name, industry: r.industry, size: r.size as 'small', ownership: r.ownership as 'private', contactName: r.contactName, active: r.active === 1, createdAt: r.createdAt }));
    },
    async createContactPoint(actor: Actor, body: Body<typeof LrContactPointBody>, meta: RequestMeta) {
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('legalityContactPoints').values({ id, departmentId: await reviewDepartment(actor), name: body.name, industry: body.industry, size: body.size, ownership: body.ownership, contactName: body.contactName ?? null, active: 1, createdAt: clock.nowIso() }).execute();
        await audit.record(rec(actor, meta, 'legalityReview.contactPoint.create', 'legalityContactPoint', id, { name: body.name, industry: body.industry, size: body.size, ownership: body.ownership }), trx);
      });
      return (await this.listContactPoints(actor)).find((p) => p.id === id)!;
    },
    /** Corrects a contact point or takes it out of use (inactive points no longer count for representativeness). */
    async updateContactPoint(actor: Actor, id: string, body: Body<typeof LrContactPointBody> & { active: boolean }, meta: RequestMeta) {
      const old = await db.selectFrom('legalityContactPoints').selectAll().where('id', '=', id).where((eb) => departmentScope(eb, actor, 'departmentId')).executeTakeFirst();
      if (!old) throw new AppError('NOT_FOUND', { entity: 'legalityContactPoint', id });
      const next = { name: body.name, industry: body.industry, size: body.size, ownership: body.ownership, contactName: body.contactName?.trim() ? body.contactName.trim() : null, active: body.active ? 1 : 0 };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('legalityContactPoints').set(next).where('id', '=', id).execute();
        await audit.record(
          { ...rec(actor, meta, 'legalityReview.contactPoint.update', 'legalityContactPoint', id, { name: next.name, industry: next.industry, size: next.size, ownership: next.ownership, active: body.active }), before: { name: old.name, industry: old.industry, size: old.size, ownership: old.ownership, active: old.active === 1 } },
          trx,
        );
      });
      return (await this.listContactPoints(actor)).find((p) => p.id === id)!;
    },
    async representativeness(actor: Actor) {
      return representativeness((await this.listContactPoints(actor)).filter((p) => p.active));
    },

    // ── legal advisers and consultations ─────────────────────────────────────────────────────
    async listAdvisers(actor: Actor) {
      const rows = await db
        .selectFrom('legalityAdvisers as a')
        .leftJoin('legalityConsultations as c', (j) => j.onRef('c.adviserId', '=', 'a.id').on('c.status', '=', 'answered'))
        .select(['a.id', 'a.name', 'a.firm', 'a.specialty', 'a.active'])
        .select((eb) => [eb.fn.count<string | number>('c.id').as('consultations'), eb.fn.coalesce(eb.fn.sum<string | number>('c.minutes'), eb.lit(0)).as('minutes')])
        .where((eb) => departmentScope(eb, actor, 'a.departmentId'))
        .groupBy(['a.id', 'a.name', 'a.firm', 'a.specialty', 'a.active'])
        .orderBy('a.name')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, firm: r.firm, specialty: r.specialty, active: r.active === 1, consultations: Number(r.consultations), minutes: Number(r.minutes) }));
    },
    async createAdviser(actor: Actor, body: Body<typeof LrAdviserBody>, meta: RequestMeta) {
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('legalityAdvisers').values({ id, departmentId: await reviewDepartment(actor), name: body.name, firm: body.firm, specialty: body.specialty ?? null, active: 1, createdAt: clock.nowIso() }).execute();
        await audit.record(rec(actor, meta, 'legalityReview.adviser.create', 'legalityAdviser', id, { name: body.name, firm: body.firm }), trx);
      });
      return (await this.listAdvisers(actor)).find((a) => a.id === id)!;
    },
    /** Corrects an adviser's details or ends the engagement (an inactive adviser cannot be assigned). */
    async updateAdviser(actor: Actor, id: string, body: Body<typeof LrAdviserBody> & { active: boolean }, meta: RequestMeta) {
      const old = await db.selectFrom('legalityAdvisers').selectAll().where('id', '=', id).where((eb) => departmentScope(eb, actor, 'departmentId')).executeTakeFirst();
      if (!old) throw new AppError('NOT_FOUND', { entity: 'legalityAdviser', id });
      const next = { name: body.name, firm: body.firm, specialty: body.specialty?.trim() ? body.specialty.trim() : null, active: body.active ? 1 : 0 };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('legalityAdvisers').set(next).where('id', '=', id).execute();
        await audit.record({ ...rec(actor, meta, 'legalityReview.adviser.update', 'legalityAdviser', id, { name: next.name, firm: next.firm, active: body.active }), before: { name: old.name, firm: old.firm, active: old.active === 1 } }, trx);
      });
      return (await this.listAdvisers(actor)).find((a) => a.id === id)!;
    },
    async listConsultations(actor: Actor, q: Body<typeof LrConsultListQuery>) {
      let base = db.selectFrom('legalityConsultations as c').where((eb) => departmentScope(eb, actor, 'c.departmentId'));
      if (q.status) base = base.where('c.status', '=', q.status);
      if (q.subject) base = base.where('c.subject', '=', q.subject);
      const [rows, total] = await Promise.all([
        base.leftJoin('legalityAdvisers as a', 'a.id', 'c.adviserId').selectAll('c').select('a.name as adviserName').orderBy('c.requestedOn', 'desc').orderBy('c.no', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { data: rows.map(consultOut), total: Number(total.n) };
    },
    /** The consultation register with the screen's filters, and the advisers, as an Excel workbook. */
    async exportConsultations(actor: Actor, q: Omit<Body<typeof LrConsultListQuery>, 'page' | 'pageSize'>): Promise<Buffer> {
      const { data, total } = await this.listConsultations(actor, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
      return consultationWorkbook(data, total, await this.listAdvisers(actor), consultFilterText(q), clock.nowIso());
    },
    async createConsultation(actor: Actor, body: Body<typeof LrConsultBody>, meta: RequestMeta) {
      if (body.requestedOn > clock.today()) throw new AppError('LR_DATE_ORDER', { what: 'requestedOn' });
      if (body.dueOn && body.dueOn < body.requestedOn) throw new AppError('LR_DATE_ORDER', { what: 'dueOn' });
      if (body.draftId) {
        const d = await db.selectFrom('legalityDrafts').select('id').where('id', '=', body.draftId).where((eb) => draftScope(eb, actor)).executeTakeFirst();
        if (!d) throw new AppError('VALIDATION_FAILED', { field: 'draftId' });
      }
      const id = randomUUID();
      const year = Number(body.requestedOn.slice(0, 4));
      await db.transaction().execute(async (trx) => {
        const no = `${prefix}〔${year}〕${await repo.nextNo(trx, `consultation:${year}`)}号`;
        const now = clock.nowIso();
        await trx.insertInto('legalityConsultations').values({ id, no, departmentId: await reviewDepartment(actor), subject: body.subject, title: body.title, requestingUnit: body.requestingUnit, requestedOn: body.requestedOn, dueOn: body.dueOn ?? null, draftId: body.draftId ?? null, adviserId: null, assignedOn: null, opinion: null, answeredOn: null, minutes: null, status: 'requested', createdBy: actor.userId, createdAt: now, updatedAt: now }).execute();
        await audit.record(rec(actor, meta, 'legalityReview.consultation.create', 'legalityConsultation', id, { no, subject: body.subject }), trx);
      });
      return consultOut(await consultRow(actor, id));
    },
    async assignConsultation(actor: Actor, id: string, body: Body<typeof LrConsultAssignBody>, meta: RequestMeta) {
      const c = await consultRow(actor, id);
      if (c.status === 'answered') throw new AppError('LR_TRANSITION_NOT_ALLOWED', { status: c.status }, '已出具意见的咨询不能再指派');
      if (body.assignedOn < c.requestedOn) throw new AppError('LR_DATE_ORDER', { what: 'assignedOn' });
      const a = await db.selectFrom('legalityAdvisers').select(['id', 'active']).where('id', '=', body.adviserId).where((eb) => departmentScope(eb, actor, 'departmentId')).executeTakeFirst();
      if (!a || a.active !== 1) throw new AppError('VALIDATION_FAILED', { field: 'adviserId' });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('legalityConsultations').set({ adviserId: a.id, assignedOn: body.assignedOn, status: 'assigned', updatedAt: clock.nowIso() }).where('id', '=', id).execute();
        await audit.record(rec(actor, meta, 'legalityReview.consultation.assign', 'legalityConsultation', id, { adviserId: a.id }), trx);
      });
      return consultOut(await consultRow(actor, id));
    },
    async answerConsultation(actor: Actor, id: string, body: Body<typeof LrConsultOpinionBody>, meta: RequestMeta) {
      const c = await consultRow(actor, id);
      if (c.status !== 'assigned') throw new AppError('LR_TRANSITION_NOT_ALLOWED', { status: c.status }, '请先指派法律顾问');
      if (body.answeredOn < (c.assignedOn ?? c.requestedOn) || body.answeredOn > clock.today()) throw new AppError('LR_DATE_ORDER', { what: 'answeredOn' });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('legalityConsultations').set({ opinion: body.opinion, answeredOn: body.answeredOn, minutes: body.minutes, status: 'answered', updatedAt: clock.nowIso() }).where('id', '=', id).execute();
        await audit.record(rec(actor, meta, 'legalityReview.consultation.answer', 'legalityConsultation', id, { answeredOn: body.answeredOn, minutes: body.minutes }), trx);
      });
      return consultOut(await consultRow(actor, id));
    },

    // ── clean-up campaigns ───────────────────────────────────────────────────────────────────
    async listCleanups(actor: Actor) {
      const rows = await db.selectFrom('legalityCleanups').selectAll().where((eb) => departmentScope(eb, actor, 'departmentId')).orderBy('startedOn', 'desc').execute();
      const items = rows.length
        ? await db.selectFrom('legalityCleanupItems as i').innerJoin('legalityDrafts as d', 'd.id', 'i.draftId').select(['i.cleanupId', 'i.draftId', 'd.regNo', 'd.title', 'i.result', 'i.note', 'i.decidedOn']).where('i.cleanupId', 'in', rows.map((r) => r.id)).orderBy('d.regNo').execute()
        : [];
      return rows.map((r) => ({ id: r.id, name: r.name, startedOn: r.startedOn, scope: r.scope, items: items.filter((i) => i.cleanupId === r.id).map(({ cleanupId: _c, ...i }) => i) }));
    },
    async createCleanup(actor: Actor, body: Body<typeof LrCleanupBody>, meta: RequestMeta) {
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('legalityCleanups').values({ id, departmentId: await reviewDepartment(actor), name: body.name, startedOn: body.startedOn, scope: body.scope ?? null, createdAt: clock.nowIso() }).execute();
        await audit.record(rec(actor, meta, 'legalityReview.cleanup.create', 'legalityCleanup', id, { name: body.name }), trx);
      });
      return (await this.listCleanups(actor)).find((c) => c.id === id)!;
    },
    /** One document's clean-up result; 'abolish' ends the document through the lifecycle (audited there too). */
    async addCleanupItem(actor: Actor, id: string, body: Body<typeof LrCleanupItemBody>, meta: RequestMeta) {
      const c = await db.selectFrom('legalityCleanups').selectAll().where('id', '=', id).where((eb) => departmentScope(eb, actor, 'departmentId')).executeTakeFirst();
      if (!c) throw new AppError('NOT_FOUND', { entity: 'legalityCleanup', id });
      const d = await deps.drafts.get(actor, body.draftId);
      if (!['published', 'filed'].includes(d.status)) throw new AppError('LR_TRANSITION_NOT_ALLOWED', { status: d.status }, '只有已公布施行的文件可以纳入清理');
      const write = async (trx: Transaction<Database>) => {
        await trx.insertInto('legalityCleanupItems').values({ cleanupId: id, draftId: body.draftId, result: body.result, note: body.note ?? null, decidedOn: body.decidedOn }).onConflict((oc) => oc.columns(['cleanupId', 'draftId']).doUpdateSet({ result: body.result, note: body.note ?? null, decidedOn: body.decidedOn })).execute();
        await audit.record(rec(actor, meta, 'legalityReview.cleanup.item', 'legalityCleanup', id, { draftId: body.draftId, result: body.result }), trx);
      };
      // 'abolish' ends the document through the lifecycle, in the same transaction as the item
      if (body.result === 'abolish') await deps.drafts.end(actor, body.draftId, 'abolish', { on: body.decidedOn, reason: `${c.name}：${body.note ?? '清理决定废止'}` }, meta, write);
      else await db.transaction().execute(write);
      return (await this.listCleanups(actor)).find((x) => x.id === id)!;
    },
  };
}

export type RegistersService = ReturnType<typeof createRegistersService>;
