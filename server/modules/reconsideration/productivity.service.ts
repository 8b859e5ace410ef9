/**
 * 行政复议 handler productivity (issue 3, item 6): similar-case search, balanced assignment, bulk actions, saved views
 * and reasoning-paragraph templates. Case transitions are never re-implemented here: bulk actions call the case
 * service per case, and bulk assignment runs the case service's own `assign` step (`assignWithin`) for every case of
 * the batch inside ONE transaction (all or nothing).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  type AssignmentSuggestion,
  type BulkActionBody,
  type BulkActionResult,
  type BulkAssignBody,
  RECON_DECISION_LABELS,
  RECON_STATUS_LABELS,
  type ReasoningTemplate,
  type ReasoningTemplateBody,
  type ReasoningTemplateQuery,
  type ReasoningTemplateUpdateBody,
  type ReconDecisionType,
  type ReconSearchHit,
  type ReconSearchResult,
  type ReconStatus,
  type SavedView,
  type SavedViewBody,
  type SavedViewFilters,
  TEMPLATE_PLACEHOLDERS,
  placeholdersOf,
} from '../../../common/contracts';
import { AppError, isAppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { type Actor, type RequestMeta, assertInScope } from '../../platform/identity';
import { type CaseRow, OBJECT_TYPE, createReconsiderationRepo } from './reconsideration.repo';
import type { ReconsiderationService } from './reconsideration.service';
import { type RankedCase, createReconSearch } from './search';
import { TERMINAL } from './status';

type Body<T extends z.ZodTypeAny> = z.infer<T>;

/** Weight of an open case by stage: a case under review costs a handler more than one awaiting acceptance. */
export const STAGE_WEIGHT: Partial<Record<ReconStatus, number>> = { registered: 1, correctionRequested: 0.5, accepted: 1, underReview: 1.5, mediation: 1.5, suspended: 0.5 };
const STAGE_SHORT: Partial<Record<ReconStatus, string>> = { registered: '受理审查', correctionRequested: '待补正', accepted: '已受理', underReview: '审理中', mediation: '调解中', suspended: '中止' };
/** Deadline pressure: each overdue running deadline, each one due within DUE_SOON_DAYS days. */
export const PRESSURE = { overdue: 1, dueSoon: 0.5 } as const;
const DUE_SOON_DAYS = 3;

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const round1 = (n: number) => Math.round(n * 10) / 10;

export function createProductivityService(deps: { db: Db; clock: Clock; audit: AuditService; deadlines: DeadlineService; cases: ReconsiderationService }) {
  const { db, clock, audit } = deps;
  const repo = createReconsiderationRepo(db);
  const engine = createReconSearch({ db, nowIso: () => clock.nowIso() });

  function inScope(actor: Actor, c: { departmentId: string; handlerId: string | null }): boolean {
    try {
      assertInScope(actor, c.departmentId, c.handlerId);
      return true;
    } catch {
      return false;
    }
  }

  async function loadCase(actor: Actor, id: string): Promise<CaseRow> {
    const c = await repo.find(db, id);
    if (!c) throw new AppError('NOT_FOUND', { entity: 'reconsiderationCase', id });
    assertInScope(actor, c.departmentId, c.handlerId);
    return c;
  }

  /** The ranked cases as hits; the scope is checked again on the current rows (an assignment may have just moved one). */
  async function hydrate(actor: Actor, ranked: RankedCase[]): Promise<ReconSearchHit[]> {
    if (!ranked.length) return [];
    const rows = await db.selectFrom('reconsiderationCases').select(['id', 'caseNo', 'status', 'receivedOn', 'respondentName', 'actName', 'decisionType', 'decidedOn', 'departmentId', 'handlerId']).where('id', 'in', ranked.map((r) => r.caseId)).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ranked.flatMap((r) => {
      const c = byId.get(r.caseId);
      if (!c || !inScope(actor, c)) return [];
      const decisionType = (c.decisionType as ReconDecisionType | null) ?? null;
      return [{ caseId: c.id, caseNo: c.caseNo, status: c.status as ReconStatus, statusLabel: RECON_STATUS_LABELS[c.status as ReconStatus] ?? c.status, receivedOn: c.receivedOn, respondentName: c.respondentName, actName: c.actName, decisionType, decisionLabel: decisionType ? RECON_DECISION_LABELS[decisionType] : null, decidedOn: c.decidedOn, score: r.score, matchedTerms: r.matchedTerms }];
    });
  }

  // ── balanced assignment ──────────────────────────────────────────────────────────────────────────────
  /** Active users of the department holding reconsideration.case.handle (read-only lookup in identity tables). */
  async function eligibleHandlers(actor: Actor, departmentId: string): Promise<{ id: string; displayName: string }[]> {
    if (actor.dataScope !== 'own' && actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(departmentId)) return [];
    let q = db
      .selectFrom('users as u')
      .select(['u.id', 'u.displayName'])
      .where('u.departmentId', '=', departmentId)
      .where('u.status', '=', 'active')
      .where((eb) => eb.exists(eb.selectFrom('userRoles as ur').innerJoin('rolePermissions as rp', 'rp.roleId', 'ur.roleId').select('ur.userId').whereRef('ur.userId', '=', 'u.id').where('rp.permission', '=', 'reconsideration.case.handle')));
    if (actor.dataScope === 'own') q = q.where('u.id', '=', actor.userId);
    return q.orderBy('u.displayName').execute();
  }

  async function handlerById(actor: Actor, userId: string): Promise<{ id: string; displayName: string }> {
    const h = await repo.handlerCandidate(userId);
    const inScope = h && (actor.dataScope === 'own' ? h.id === actor.userId : actor.scopeDepartmentIds === null || actor.scopeDepartmentIds.includes(h.departmentId));
    if (!h || !h.canHandle || !inScope) throw new AppError('RECON_HANDLER_INVALID', { handlerId: userId });
    return { id: h.id, displayName: h.displayName };
  }

  async function loads(handlers: { id: string; displayName: string }[], currentId: string | null): Promise<AssignmentSuggestion[]> {
    if (!handlers.length) return [];
    const ids = handlers.map((h) => h.id);
    const today = clock.today();
    const soon = addDays(today, DUE_SOON_DAYS);
    const open = await db.selectFrom('reconsiderationCases').select(['handlerId', 'status', (eb) => eb.fn.countAll<number>().as('n')]).where('handlerId', 'in', ids).where('status', 'not in', [...TERMINAL]).groupBy(['handlerId', 'status']).execute();
    const due = await db
      .selectFrom('deadlines as d')
      .innerJoin('reconsiderationCases as c', 'c.id', 'd.objectId')
      .select(['c.handlerId', 'd.dueDate'])
      .where('d.objectType', '=', OBJECT_TYPE)
      .where('d.status', '=', 'open')
      .where('d.flags', 'not like', '%PAUSED%')
      .where('d.dueDate', 'is not', null)
      .where('c.handlerId', 'in', ids)
      .execute();
    return handlers
      .map((h) => {
        const stages = open.filter((o) => o.handlerId === h.id);
        const openCases = stages.reduce((s, o) => s + Number(o.n), 0);
        const stageLoad = stages.reduce((s, o) => s + Number(o.n) * (STAGE_WEIGHT[o.status as ReconStatus] ?? 1), 0);
        const mine = due.flatMap((d) => (d.handlerId === h.id && d.dueDate ? [d.dueDate] : [])).sort();
        const overdue = mine.filter((d) => d < today).length;
        const dueSoon = mine.filter((d) => d >= today && d <= soon).length;
        const pressure = overdue * PRESSURE.overdue + dueSoon * PRESSURE.dueSoon;
        const load = round1(stageLoad + pressure);
        const parts = stages.map((o) => `${STAGE_SHORT[o.status as ReconStatus] ?? o.status} ${Number(o.n)}`).join('、');
        const explanation = `在办 ${openCases} 件${parts ? `（${parts}）` : ''}，期限已过 ${overdue} 项、${DUE_SOON_DAYS} 日内到期 ${dueSoon} 项；负荷 = 阶段权重 ${round1(stageLoad)} + 期限压力 ${round1(pressure)} = ${load}`;
        return { userId: h.id, displayName: h.displayName, openCases, overdue, dueSoon, nearestDue: mine.find((d) => d >= today) ?? mine[0] ?? null, load, explanation, current: h.id === currentId };
      })
      .sort((a, b) => a.load - b.load || a.openCases - b.openCases || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  }

  // ── saved views / templates helpers ─────────────────────────────────────────────────────────────────
  function templateView(t: Database['reconReasoningTemplates'] & { departmentName: string | null }): ReasoningTemplate {
    return { id: t.id, title: t.title, decisionType: t.decisionType as ReasoningTemplate['decisionType'], matterType: t.matterType as ReasoningTemplate['matterType'], body: t.body, article: t.article, departmentId: t.departmentId, departmentName: t.departmentName, builtin: t.departmentId === null, placeholders: placeholdersOf(t.body), updatedAt: t.updatedAt, version: t.version };
  }
  function checkPlaceholders(body: string) {
    const unknown = placeholdersOf(body).filter((p) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(p));
    if (unknown.length) throw new AppError('RECON_TEMPLATE_PLACEHOLDER_UNKNOWN', { unknown, allowed: TEMPLATE_PLACEHOLDERS });
  }
  /** Templates are shared by department: the viewer's own department and its parents, plus those in their scope. */
  function visibleDepartments(actor: Actor): string[] | null {
    if (actor.scopeDepartmentIds === null && actor.dataScope !== 'own') return null;
    const chain = actor.departmentPath.split('/').filter(Boolean);
    return [...new Set([...chain, actor.departmentId, ...(actor.dataScope === 'own' ? [] : (actor.scopeDepartmentIds ?? []))])];
  }
  async function loadTemplate(actor: Actor, id: string, q: Db | Transaction<Database>) {
    const t = await q.selectFrom('reconReasoningTemplates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!t) throw new AppError('NOT_FOUND', { entity: 'reasoningTemplate', id });
    if (t.departmentId === null) throw new AppError('RECON_TEMPLATE_BUILTIN', { id });
    // managing = the template's department is the actor's own or within their scope
    if (t.departmentId !== actor.departmentId) assertInScope(actor, t.departmentId);
    return t;
  }
  async function templateWithName(id: string): Promise<ReasoningTemplate> {
    const t = await db.selectFrom('reconReasoningTemplates as t').leftJoin('departments as dp', 'dp.id', 't.departmentId').selectAll('t').select('dp.name as departmentName').where('t.id', '=', id).executeTakeFirstOrThrow();
    return templateView(t);
  }
  const auditActor = (actor: Actor) => ({ id: actor.userId, name: actor.username });

  return {
    search: engine,

    async searchCases(actor: Actor, text: string, limit: number): Promise<ReconSearchResult> {
      const { terms, ranked } = await engine.search(actor, text, limit);
      return { terms, data: await hydrate(actor, ranked) };
    },

    async similar(actor: Actor, caseId: string, limit: number): Promise<ReconSearchResult> {
      await loadCase(actor, caseId);
      const { terms, ranked } = await engine.similar(actor, caseId, limit);
      return { terms, data: await hydrate(actor, ranked) };
    },

    async suggestions(actor: Actor, caseId: string) {
      const c = await loadCase(actor, caseId);
      return { caseId: c.id, departmentId: c.departmentId, data: await loads(await eligibleHandlers(actor, c.departmentId), c.handlerId) };
    },

    /**
     * Round-robin by load: the batch is taken most urgent first (nearest running deadline), and each case goes to the
     * eligible handler with the lowest load at that moment, whose load then grows by the case's stage weight.
     * One transaction for the batch: any failure (a case not found, out of scope, concluded, changed meanwhile)
     * assigns none of them, and the error names the case.
     */
    async bulkAssign(actor: Actor, body: Body<typeof BulkAssignBody>, meta: RequestMeta) {
      const ids = [...new Set(body.caseIds)];
      const cases = await Promise.all(ids.map((id) => loadCase(actor, id).catch((e: unknown) => {
        throw isAppError(e) ? new AppError(e.code, { caseId: id, ...(e.details as object | undefined) }, e.message) : e;
      })));
      const named = body.handlerIds ? await Promise.all([...new Set(body.handlerIds)].map((h) => handlerById(actor, h))) : null;
      const pool = new Map<string, AssignmentSuggestion[]>();
      const loadOf = new Map<string, AssignmentSuggestion>();
      for (const c of cases) {
        const key = named ? '*' : c.departmentId;
        if (!pool.has(key)) {
          const list = await loads(named ?? (await eligibleHandlers(actor, c.departmentId)), null);
          for (const s of list) loadOf.set(s.userId, loadOf.get(s.userId) ?? s);
          pool.set(key, list.map((s) => loadOf.get(s.userId)!));
        }
        if (!pool.get(key)!.length) throw new AppError('RECON_NO_ELIGIBLE_HANDLER', { caseId: c.id, caseNo: c.caseNo, departmentId: c.departmentId });
      }
      const nextDue = new Map<string, string>();
      const dls = await db.selectFrom('deadlines').select(['objectId', 'dueDate']).where('objectType', '=', OBJECT_TYPE).where('status', '=', 'open').where('objectId', 'in', ids).execute();
      for (const d of dls) if (d.dueDate && (!nextDue.has(d.objectId) || d.dueDate < nextDue.get(d.objectId)!)) nextDue.set(d.objectId, d.dueDate);
      const order = [...cases].sort((a, b) => (nextDue.get(a.id) ?? '9999').localeCompare(nextDue.get(b.id) ?? '9999') || a.caseNo.localeCompare(b.caseNo));
      const plan = order.map((c) => {
        const candidates = pool.get(named ? '*' : c.departmentId)!;
        const pick = [...candidates].sort((a, b) => a.load - b.load || a.openCases - b.openCases || a.displayName.localeCompare(b.displayName, 'zh-CN'))[0]!;
        pick.load = round1(pick.load + (STAGE_WEIGHT[c.status as ReconStatus] ?? 1));
        pick.openCases += 1;
        return { c, h: pick };
      });
      // Each case through the case service's own `assign` step (state table, handler check, to-do lists, event,
      // audit), all inside this one transaction.
      await db.transaction().execute(async (trx) => {
        for (const { c: planned, h } of plan) {
          try {
            await deps.cases.assignWithin(trx, actor, planned.id, { handlerId: h.userId }, meta, { bulk: true, load: h.load, batchSize: plan.length });
          } catch (e) {
            throw isAppError(e) ? new AppError(e.code, { caseId: planned.id, caseNo: planned.caseNo, ...(e.details as object | undefined) }, e.message) : e;
          }
        }
      });
      return { data: plan.map(({ c, h }) => ({ caseId: c.id, caseNo: c.caseNo, handlerId: h.userId, handlerName: h.displayName })) };
    },

    /** Per case, each in its own transaction through the case service (see BulkActionBody). */
    async bulkAction(actor: Actor, body: BulkActionBody, meta: RequestMeta): Promise<BulkActionResult> {
      const svc = deps.cases;
      const run: Record<BulkActionBody['action'], (id: string) => Promise<{ caseNo: string; status: ReconStatus }>> = {
        accept: (id) => svc.accept(actor, id, body.body as never, meta),
        rejectApplication: (id) => svc.rejectApplication(actor, id, body.body as never, meta),
        sendCopy: (id) => svc.sendCopy(actor, id, body.body as never, meta),
        recordReply: (id) => svc.recordReply(actor, id, body.body as never, meta),
        startMediation: (id) => svc.startMediation(actor, id, body.body as never, meta),
        suspend: (id) => svc.suspend(actor, id, body.body as never, meta),
        resume: (id) => svc.resume(actor, id, body.body as never, meta),
        decide: (id) => svc.decide(actor, id, body.body as never, meta),
        terminate: (id) => svc.terminate(actor, id, body.body as never, meta),
      };
      const data: BulkActionResult['data'] = [];
      for (const id of [...new Set(body.caseIds)]) {
        try {
          const r = await run[body.action](id);
          data.push({ caseId: id, caseNo: r.caseNo, ok: true, status: r.status, code: null, message: null });
        } catch (e) {
          if (!isAppError(e)) throw e; // a defect, not a business refusal: the error handler reports it
          const row = e.code === 'NOT_FOUND' || e.code === 'OUT_OF_SCOPE' ? undefined : await repo.find(db, id);
          data.push({ caseId: id, caseNo: row?.caseNo ?? null, ok: false, status: null, code: e.code, message: e.message });
        }
      }
      const succeeded = data.filter((d) => d.ok).length;
      return { succeeded, failed: data.length - succeeded, data };
    },

    // ── saved views ────────────────────────────────────────────────────────────────────────────────────
    async listViews(actor: Actor): Promise<{ data: SavedView[] }> {
      const rows = await db.selectFrom('reconSavedViews').selectAll().where('userId', '=', actor.userId).orderBy('createdAt').orderBy('name').execute();
      return { data: rows.map((r) => ({ id: r.id, name: r.name, filters: JSON.parse(r.filters) as SavedViewFilters, createdAt: r.createdAt })) };
    },
    async createView(actor: Actor, body: Body<typeof SavedViewBody>, meta: RequestMeta): Promise<SavedView> {
      const row = { id: randomUUID(), userId: actor.userId, name: body.name, filters: JSON.stringify(body.filters), createdAt: clock.nowIso() };
      await db.transaction().execute(async (trx) => {
        const dup = await trx.selectFrom('reconSavedViews').select('id').where('userId', '=', actor.userId).where('name', '=', body.name).executeTakeFirst();
        if (dup) throw new AppError('RECON_VIEW_NAME_TAKEN', { name: body.name });
        await trx.insertInto('reconSavedViews').values(row).execute();
        await audit.record({ actor: auditActor(actor), ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.view.create', objectType: 'reconSavedView', objectId: row.id, after: { name: body.name } }, trx);
      });
      return { id: row.id, name: row.name, filters: body.filters, createdAt: row.createdAt };
    },
    async deleteView(actor: Actor, id: string, meta: RequestMeta) {
      await db.transaction().execute(async (trx) => {
        // someone else's view is indistinguishable from a missing one
        const r = await trx.deleteFrom('reconSavedViews').where('id', '=', id).where('userId', '=', actor.userId).executeTakeFirst();
        if (Number(r.numDeletedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'reconSavedView', id });
        await audit.record({ actor: auditActor(actor), ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.view.delete', objectType: 'reconSavedView', objectId: id }, trx);
      });
      return { ok: true as const };
    },

    // ── reasoning templates ────────────────────────────────────────────────────────────────────────────
    async listTemplates(actor: Actor, q: Body<typeof ReasoningTemplateQuery>): Promise<{ data: ReasoningTemplate[] }> {
      const depts = visibleDepartments(actor);
      let s = db.selectFrom('reconReasoningTemplates as t').leftJoin('departments as dp', 'dp.id', 't.departmentId').selectAll('t').select('dp.name as departmentName');
      if (depts) s = s.where((eb) => eb.or([eb('t.departmentId', 'is', null), ...(depts.length ? [eb('t.departmentId', 'in', depts)] : [])]));
      if (q.decisionType) s = s.where('t.decisionType', '=', q.decisionType);
      if (q.matterType) s = s.where('t.matterType', '=', q.matterType);
      const rows = await s.orderBy('t.decisionType').orderBy('t.matterType').orderBy('t.title').execute();
      return { data: rows.map(templateView) };
    },
    async createTemplate(actor: Actor, body: Body<typeof ReasoningTemplateBody>, meta: RequestMeta): Promise<ReasoningTemplate> {
      checkPlaceholders(body.body);
      const now = clock.nowIso();
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('reconReasoningTemplates').values({ id, departmentId: actor.departmentId, decisionType: body.decisionType, matterType: body.matterType, title: body.title, body: body.body, article: body.article, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1 }).execute();
        await audit.record({ actor: auditActor(actor), ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.template.create', objectType: 'reasoningTemplate', objectId: id, after: { title: body.title, decisionType: body.decisionType, matterType: body.matterType, article: body.article } }, trx);
      });
      return templateWithName(id);
    },
    async updateTemplate(actor: Actor, id: string, body: Body<typeof ReasoningTemplateUpdateBody>, meta: RequestMeta): Promise<ReasoningTemplate> {
      checkPlaceholders(body.body);
      await db.transaction().execute(async (trx) => {
        const t = await loadTemplate(actor, id, trx);
        const r = await trx
          .updateTable('reconReasoningTemplates')
          .set({ title: body.title, decisionType: body.decisionType, matterType: body.matterType, body: body.body, article: body.article, updatedAt: clock.nowIso(), version: body.version + 1 })
          .where('id', '=', id)
          .where('version', '=', body.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: 'reasoningTemplate', id });
        await audit.record({ actor: auditActor(actor), ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.template.update', objectType: 'reasoningTemplate', objectId: id, before: { title: t.title, article: t.article, version: t.version }, after: { title: body.title, article: body.article, version: body.version + 1 } }, trx);
      });
      return templateWithName(id);
    },
    async deleteTemplate(actor: Actor, id: string, meta: RequestMeta) {
      await db.transaction().execute(async (trx) => {
        const t = await loadTemplate(actor, id, trx);
        await trx.deleteFrom('reconReasoningTemplates').where('id', '=', id).execute();
        await audit.record({ actor: auditActor(actor), ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.template.delete', objectType: 'reasoningTemplate', objectId: id, before: { title: t.title, article: t.article } }, trx);
      });
      return { ok: true as const };
    },
  };
}

export type ProductivityService = ReturnType<typeof createProductivityService>;
