/**
 * 法治建设工作记录: 法治培训 and attendance (公务员法 Arts. 66–68: training by category and level, registered), 领导干部
 * 学法 (会前学法, 党组理论学习中心组学法), 述法, 法治督察 with findings → rectification deadline → rectified → verified
 * (内部控制检查 included), the 考核评价体系 (indicators with weights and maximum scores, scores per unit and per 司法所,
 * weighted totals and ranking) and 普法 (the five-year plan, campaigns, events, education bases, audiences reached).
 *
 * Every write and its audit entry share one transaction; every read and write is limited to the caller's data scope
 * (the 15 司法所 see their own records, the bureau all). A rectification deadline is the date the inspection team sets,
 * not a statutory period: it is stored as entered and compared with today, never computed.
 */
import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, type Transaction, sql } from 'kysely';
import type { z } from 'zod';
import {
  type AttendanceBody,
  type AttendanceByUnit,
  type BaseBody,
  type Campaign,
  type CampaignBody,
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  type EducationBase,
  type EventBody,
  type EventListQuery,
  type ExtendBody,
  type Finding,
  type FindingBody,
  type FindingListQuery,
  type FindingStatus,
  type Inspection,
  type InspectionBody,
  type InspectionKind,
  type InspectionListQuery,
  type LawReporting,
  type LawReportingBody,
  type PublicityEvent,
  type PublicityEventKind,
  type PublicityPlan,
  type PublicityPlanBody,
  RULE_OF_LAW_BASIS,
  type Ranking,
  type ReportingGrade,
  type ReportingListQuery,
  type RuleOfLawYearSummaryT,
  type Scheme,
  type SchemeBody,
  type ScoreBody,
  type StudyKind,
  type StudyListQuery,
  type StudySession,
  type StudySessionBody,
  type Training,
  type TrainingBody,
  type TrainingKind,
  type TrainingListQuery,
  type RectifyBody,
  type VerifyBody,
} from '../../../common/contracts/rule-of-law';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { type Actor, type RequestMeta, assertInScope, scopeWhere } from '../../platform/identity';
import './tables';

type Trx = Transaction<Database>;
type I<T extends z.ZodTypeAny> = z.infer<T>;
type RankingGroup = I<typeof Ranking>['group'];
/** Internal list options: `all` lifts paging (Excel export of the same filters). */
type Listed<Q> = Q & { all?: boolean };

export interface RuleOfLawService {
  /** One year's figures for the dashboard and the annual report (parts 1 and 3), within the actor's data scope. */
  yearSummary(actor: Actor, q: { year: number }): Promise<RuleOfLawYearSummaryT>;

  trainings(actor: Actor, q: Listed<I<typeof TrainingListQuery>>): Promise<{ data: I<typeof Training>[]; total: number }>;
  training(actor: Actor, id: string): Promise<I<typeof Training>>;
  createTraining(actor: Actor, body: I<typeof TrainingBody>, meta: RequestMeta): Promise<I<typeof Training>>;
  addAttendance(actor: Actor, id: string, body: I<typeof AttendanceBody>, meta: RequestMeta): Promise<I<typeof Training>>;
  /** Attendance rows of the trainings matching the filters (for the export), limited to the scope. */
  attendanceRows(actor: Actor, q: Listed<I<typeof TrainingListQuery>>): Promise<{ trainingTitle: string; heldOn: string; name: string; departmentName: string; hours: number }[]>;

  /** Attendance per unit (人次, distinct people, hours) for the year, units in scope only. */
  attendanceByUnit(actor: Actor, q: { year: number }): Promise<I<typeof AttendanceByUnit>[]>;

  studySessions(actor: Actor, q: Listed<I<typeof StudyListQuery>>): Promise<{ data: I<typeof StudySession>[]; total: number }>;
  createStudySession(actor: Actor, body: I<typeof StudySessionBody>, meta: RequestMeta): Promise<I<typeof StudySession>>;

  lawReportings(actor: Actor, q: Listed<I<typeof ReportingListQuery>>): Promise<{ data: I<typeof LawReporting>[]; total: number }>;
  createLawReporting(actor: Actor, body: I<typeof LawReportingBody>, meta: RequestMeta): Promise<I<typeof LawReporting>>;

  inspections(actor: Actor, q: Listed<I<typeof InspectionListQuery>>): Promise<{ data: I<typeof Inspection>[]; total: number }>;
  inspection(actor: Actor, id: string): Promise<I<typeof Inspection>>;
  createInspection(actor: Actor, body: I<typeof InspectionBody>, meta: RequestMeta): Promise<I<typeof Inspection>>;
  addFinding(actor: Actor, inspectionId: string, body: I<typeof FindingBody>, meta: RequestMeta): Promise<I<typeof Finding>>;
  findings(actor: Actor, q: Listed<I<typeof FindingListQuery>>): Promise<{ data: I<typeof Finding>[]; total: number }>;
  rectify(actor: Actor, findingId: string, body: I<typeof RectifyBody>, meta: RequestMeta): Promise<I<typeof Finding>>;
  verify(actor: Actor, findingId: string, body: I<typeof VerifyBody>, meta: RequestMeta): Promise<I<typeof Finding>>;
  /** The inspection team moves an open finding's rectification deadline later, with a reason (audited). */
  extend(actor: Actor, findingId: string, body: I<typeof ExtendBody>, meta: RequestMeta): Promise<I<typeof Finding>>;

  schemes(actor: Actor): Promise<I<typeof Scheme>[]>;
  createScheme(actor: Actor, body: I<typeof SchemeBody>, meta: RequestMeta): Promise<I<typeof Scheme>>;
  score(actor: Actor, schemeId: string, body: I<typeof ScoreBody>, meta: RequestMeta): Promise<I<typeof Ranking>>;
  ranking(actor: Actor, schemeId: string, group: RankingGroup): Promise<I<typeof Ranking>>;

  plans(): Promise<I<typeof PublicityPlan>[]>;
  createPlan(actor: Actor, body: I<typeof PublicityPlanBody>, meta: RequestMeta): Promise<I<typeof PublicityPlan>>;
  campaigns(actor: Actor, q: { year?: number | undefined }): Promise<I<typeof Campaign>[]>;
  createCampaign(actor: Actor, body: I<typeof CampaignBody>, meta: RequestMeta): Promise<I<typeof Campaign>>;
  events(actor: Actor, q: Listed<I<typeof EventListQuery>>): Promise<{ data: I<typeof PublicityEvent>[]; total: number }>;
  createEvent(actor: Actor, body: I<typeof EventBody>, meta: RequestMeta): Promise<I<typeof PublicityEvent>>;
  bases(actor: Actor, q: { year: number }): Promise<I<typeof EducationBase>[]>;
  createBase(actor: Actor, body: I<typeof BaseBody>, meta: RequestMeta): Promise<I<typeof EducationBase>>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export function createRuleOfLawService(deps: { db: Db; clock: Clock; audit: AuditService }): RuleOfLawService {
  const { db, clock, audit } = deps;

  const rec = (trx: Trx, actor: Actor, meta: RequestMeta, action: string, objectType: string, objectId: string, after: Record<string, unknown>, before?: Record<string, unknown>) =>
    audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: `ruleOfLaw.${action}`, objectType, objectId, after, ...(before ? { before } : {}) }, trx);

  const notFuture = (field: string, date: string) => {
    if (date > clock.today()) throw new AppError('ROL_DATE_IN_FUTURE', { field, date, today: clock.today() });
  };
  const notBefore = (field: string, date: string, earliest: string) => {
    if (date < earliest) throw new AppError('ROL_DATE_ORDER', { field, date, notBefore: earliest });
  };

  const deptNames = async (ids: string[]) => {
    const uniq = [...new Set(ids)];
    if (!uniq.length) return new Map<string, string>();
    return new Map((await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', uniq).execute()).map((d) => [d.id, d.name]));
  };

  /** The unit a record belongs to: given or the actor's own; it must exist and lie in the actor's scope. */
  async function unitOf(actor: Actor, departmentId: string | undefined, q: Db | Trx = db) {
    const id = departmentId ?? actor.departmentId;
    const d = await q.selectFrom('departments').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
    if (!d) throw new AppError('ROL_DEPARTMENT_INVALID', { departmentId: id });
    if (actor.dataScope === 'own' || (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(id))) throw new AppError('OUT_OF_SCOPE', { departmentId: id });
    return d;
  }
  const requireBureau = (actor: Actor) => {
    if (actor.scopeDepartmentIds !== null) throw new AppError('OUT_OF_SCOPE', { reason: 'district-wide' });
  };
  const page = <T extends { page: number; pageSize: number; all?: boolean }>(q: T) => (q.all ? { limit: 100_000, offset: 0 } : { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

  // ── 法治培训 ──────────────────────────────────────────────────────────────────────────────────
  /** Trainings the actor may see: organised by a unit in scope, or attended by people of a unit in scope. */
  const trainingVisible = (actor: Actor) => (eb: ExpressionBuilder<Database, 'rolTrainings'>) =>
    eb.or([
      scopeWhere(eb, actor, 'rolTrainings.departmentId', 'rolTrainings.createdBy'),
      eb.exists(eb.selectFrom('rolTrainingAttendance as a').select('a.id').whereRef('a.trainingId', '=', 'rolTrainings.id').where((e) => scopeWhere(e, actor, 'a.departmentId', 'a.createdBy'))),
    ]);
  const inScope = (actor: Actor, departmentId: string, ownerId?: string | null) => {
    try {
      assertInScope(actor, departmentId, ownerId);
      return true;
    } catch {
      return false;
    }
  };

  async function trainingOut(actor: Actor, rows: Database['rolTrainings'][], withAttendees: boolean): Promise<I<typeof Training>[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const att = await db.selectFrom('rolTrainingAttendance').selectAll().where('trainingId', 'in', ids).orderBy('name').execute();
    const names = await deptNames([...rows.map((r) => r.departmentId), ...att.map((a) => a.departmentId)]);
    return rows.map((r) => {
      const organiser = inScope(actor, r.departmentId, r.createdBy);
      const mine = att.filter((a) => a.trainingId === r.id && (organiser || inScope(actor, a.departmentId, a.createdBy)));
      return {
        id: r.id,
        title: r.title,
        kind: r.kind as TrainingKind,
        heldOn: r.heldOn,
        hours: Number(r.hours),
        place: r.place,
        lecturer: r.lecturer,
        departmentId: r.departmentId,
        departmentName: names.get(r.departmentId) ?? '',
        attendanceCount: mine.length,
        ...(withAttendees ? { attendees: mine.map((a) => ({ id: a.id, name: a.name, userId: a.userId, departmentId: a.departmentId, departmentName: names.get(a.departmentId) ?? '', hours: Number(a.hours) })) } : {}),
      };
    });
  }

  function trainingQuery(actor: Actor, q: I<typeof TrainingListQuery>) {
    let base = db.selectFrom('rolTrainings').where(trainingVisible(actor));
    if (q.year) base = base.where('heldOn', '>=', yearRange(q.year)[0]).where('heldOn', '<=', yearRange(q.year)[1]);
    if (q.kind) base = base.where('kind', '=', q.kind);
    if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
    if (q.q) base = base.where((eb) => eb.or([eb('title', 'like', `%${q.q}%`), eb('lecturer', 'like', `%${q.q}%`)]));
    return base;
  }

  async function loadTraining(actor: Actor, id: string, q: Db | Trx = db) {
    const r = await q.selectFrom('rolTrainings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'rolTraining', id });
    return r;
  }

  async function insertAttendees(trx: Trx, actor: Actor, t: Database['rolTrainings'], attendees: I<typeof AttendanceBody>['attendees']) {
    if (!attendees.length) return 0;
    notFuture('heldOn', t.heldOn); // attendance is recorded for a session that has taken place
    const depts = new Set((await trx.selectFrom('departments').select('id').where('id', 'in', [...new Set(attendees.map((a) => a.departmentId))]).execute()).map((d) => d.id));
    const userIds = attendees.flatMap((a) => (a.userId ? [a.userId] : []));
    const users = new Map(userIds.length ? (await trx.selectFrom('users').select(['id', 'departmentId']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.departmentId]) : []);
    const existing = await trx.selectFrom('rolTrainingAttendance').select(['userId', 'name', 'departmentId']).where('trainingId', '=', t.id).execute();
    const seen = new Set(existing.map((e) => e.userId ?? `${e.departmentId}:${e.name}`));
    const now = clock.nowIso();
    const rejected: { index: number; reason: string }[] = [];
    const rows: Database['rolTrainingAttendance'][] = [];
    for (const [index, a] of attendees.entries()) {
      const key = a.userId ?? `${a.departmentId}:${a.name}`;
      if (!depts.has(a.departmentId)) rejected.push({ index, reason: '参训人员所在单位不存在' });
      else if (a.userId && users.get(a.userId) === undefined) rejected.push({ index, reason: '参训人员账户不存在' });
      else if (a.hours !== undefined && a.hours > Number(t.hours)) rejected.push({ index, reason: `学时不能超过培训学时 ${Number(t.hours)}` });
      else if (seen.has(key)) rejected.push({ index, reason: '该人员已登记参训' });
      else {
        seen.add(key);
        rows.push({ id: randomUUID(), trainingId: t.id, departmentId: a.departmentId, userId: a.userId ?? null, name: a.name, hours: a.hours ?? Number(t.hours), createdBy: actor.userId, createdAt: now });
      }
    }
    // nothing half-written: one bad row rejects the whole list, and every bad row is named
    if (rejected.length) throw new AppError('ROL_ATTENDANCE_INVALID', { rejected });
    await trx.insertInto('rolTrainingAttendance').values(rows).execute();
    return rows.length;
  }

  // ── 法治督察 ──────────────────────────────────────────────────────────────────────────────────
  async function findingOut(rows: Database['rolFindings'][]): Promise<I<typeof Finding>[]> {
    if (!rows.length) return [];
    const insp = new Map((await db.selectFrom('rolInspections').select(['id', 'title']).where('id', 'in', [...new Set(rows.map((r) => r.inspectionId))]).execute()).map((i) => [i.id, i.title]));
    const names = await deptNames(rows.map((r) => r.departmentId));
    const today = clock.today();
    return rows.map((f) => ({
      id: f.id,
      inspectionId: f.inspectionId,
      description: f.description,
      internalControl: f.internalControl === 1,
      rectificationDue: f.rectificationDue,
      status: f.status as FindingStatus,
      rectifiedOn: f.rectifiedOn,
      rectificationNote: f.rectificationNote,
      verifiedOn: f.verifiedOn,
      verifiedBy: f.verifiedBy,
      overdue: f.status === 'open' && f.rectificationDue < today,
      departmentId: f.departmentId,
      departmentName: names.get(f.departmentId) ?? '',
      inspectionTitle: insp.get(f.inspectionId) ?? '',
    }));
  }
  async function inspectionOut(rows: Database['rolInspections'][], withFindings: boolean): Promise<I<typeof Inspection>[]> {
    if (!rows.length) return [];
    const fs = await db.selectFrom('rolFindings').selectAll().where('inspectionId', 'in', rows.map((r) => r.id)).orderBy('createdAt').orderBy('id').execute();
    const names = await deptNames(rows.map((r) => r.departmentId));
    const detailed = withFindings ? await findingOut(fs) : [];
    return rows.map((r) => {
      const mine = fs.filter((f) => f.inspectionId === r.id);
      return {
        id: r.id,
        kind: r.kind as InspectionKind,
        title: r.title,
        inspectedOn: r.inspectedOn,
        team: r.team,
        departmentId: r.departmentId,
        departmentName: names.get(r.departmentId) ?? '',
        findingCount: mine.length,
        rectifiedCount: mine.filter((f) => f.status !== 'open').length,
        ...(withFindings ? { findings: detailed.filter((f) => f.inspectionId === r.id) } : {}),
      };
    });
  }
  async function loadFinding(actor: Actor, id: string, q: Db | Trx) {
    const f = await q.selectFrom('rolFindings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!f) throw new AppError('NOT_FOUND', { entity: 'rolFinding', id });
    assertInScope(actor, f.departmentId, f.createdBy);
    return f;
  }

  // ── 考核评价体系 ──────────────────────────────────────────────────────────────────────────────
  async function schemeOut(s: Database['rolAssessmentSchemes']): Promise<I<typeof Scheme>> {
    const inds = await db.selectFrom('rolAssessmentIndicators').selectAll().where('schemeId', '=', s.id).orderBy('seq').execute();
    const units = await db.selectFrom('rolAssessmentScores').select('departmentId').distinct().where('schemeId', '=', s.id).execute();
    return {
      id: s.id,
      year: s.year,
      name: s.name,
      scoredUnits: units.length,
      indicators: inds.map((i) => ({ id: i.id, code: i.code, name: i.name, category: i.category, weight: Number(i.weight), maxScore: Number(i.maxScore), description: i.description })),
    };
  }
  async function loadScheme(id: string, q: Db | Trx = db) {
    const s = await q.selectFrom('rolAssessmentSchemes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!s) throw new AppError('NOT_FOUND', { entity: 'rolAssessmentScheme', id });
    return s;
  }
  /**
   * Weighted total per unit = Σ (score ÷ maximum score × weight) over the scheme's indicators (weights sum to 100,
   * so the total is out of 100). Ranked among all units of the group (1, 1, 3 for ties); only the units in the
   * actor's scope are returned, each with its rank among all.
   */
  async function rankingOf(actor: Actor, schemeId: string, group: RankingGroup): Promise<I<typeof Ranking>> {
    const scheme = await schemeOut(await loadScheme(schemeId));
    const scores = await db
      .selectFrom('rolAssessmentScores as s')
      .innerJoin('departments as d', 'd.id', 's.departmentId')
      .select(['s.departmentId', 's.indicatorId', 's.score', 'd.name', 'd.kind'])
      .where('s.schemeId', '=', schemeId)
      .$if(group === 'judicialOffice', (qb) => qb.where('d.kind', '=', 'judicialOffice'))
      .$if(group === 'section', (qb) => qb.where('d.kind', 'in', ['section', 'center']))
      .execute();
    const byIndicator = new Map(scheme.indicators.map((i) => [i.id, i]));
    const units = new Map<string, { name: string; kind: string; scores: Map<string, number> }>();
    for (const s of scores) {
      const u = units.get(s.departmentId) ?? units.set(s.departmentId, { name: s.name, kind: s.kind, scores: new Map() }).get(s.departmentId)!;
      u.scores.set(s.indicatorId, Number(s.score));
    }
    const all = [...units.entries()].map(([departmentId, u]) => {
      let total = 0;
      for (const [iid, sc] of u.scores) {
        const ind = byIndicator.get(iid);
        if (ind) total += (sc / ind.maxScore) * ind.weight;
      }
      return { departmentId, departmentName: u.name, departmentKind: u.kind, total: round2(total), complete: scheme.indicators.every((i) => u.scores.has(i.id)), scores: scheme.indicators.map((i) => ({ indicatorId: i.id, score: u.scores.get(i.id) ?? null })) };
    });
    all.sort((a, b) => b.total - a.total || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
    const rows = all.map((r, i) => ({ ...r, rank: all.findIndex((x) => x.total === r.total) + 1, _i: i })).filter((r) => inScope(actor, r.departmentId)).map(({ _i, ...r }) => r);
    const averageScore = rows.length ? round2(rows.reduce((a, r) => a + r.total, 0) / rows.length) : null;
    return { scheme, group, rows, averageScore };
  }

  // ── 普法 ──────────────────────────────────────────────────────────────────────────────────────
  const planOut = (p: Database['rolPublicityPlans']): I<typeof PublicityPlan> => ({ id: p.id, name: p.name, startYear: p.startYear, endYear: p.endYear, source: p.source, verified: p.verified === 1, note: p.note });
  async function planFor(year: number, q: Db | Trx = db) {
    return q.selectFrom('rolPublicityPlans').selectAll().where('startYear', '<=', year).where('endYear', '>=', year).orderBy('startYear', 'desc').executeTakeFirst();
  }
  async function eventOut(rows: Database['rolPublicityEvents'][]): Promise<I<typeof PublicityEvent>[]> {
    if (!rows.length) return [];
    const cids = [...new Set(rows.flatMap((r) => (r.campaignId ? [r.campaignId] : [])))];
    const bids = [...new Set(rows.flatMap((r) => (r.baseId ? [r.baseId] : [])))];
    const camps = new Map(cids.length ? (await db.selectFrom('rolPublicityCampaigns').select(['id', 'name']).where('id', 'in', cids).execute()).map((c) => [c.id, c.name]) : []);
    const bases = new Map(bids.length ? (await db.selectFrom('rolEducationBases').select(['id', 'name']).where('id', 'in', bids).execute()).map((c) => [c.id, c.name]) : []);
    const names = await deptNames(rows.map((r) => r.departmentId));
    return rows.map((r) => ({ id: r.id, kind: r.kind as PublicityEventKind, title: r.title, heldOn: r.heldOn, place: r.place, audience: Number(r.audience), campaignId: r.campaignId, campaignName: r.campaignId ? (camps.get(r.campaignId) ?? null) : null, baseId: r.baseId, baseName: r.baseId ? (bases.get(r.baseId) ?? null) : null, departmentId: r.departmentId, departmentName: names.get(r.departmentId) ?? '' }));
  }

  const svc: RuleOfLawService = {
    async yearSummary(actor, { year }) {
      const [from, to] = yearRange(year);
      const trainings = await db.selectFrom('rolTrainings').where(trainingVisible(actor)).where('heldOn', '>=', from).where('heldOn', '<=', to).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const att = await db
        .selectFrom('rolTrainingAttendance as a')
        .innerJoin('rolTrainings as t', 't.id', 'a.trainingId')
        .where((eb) => scopeWhere(eb, actor, 'a.departmentId', 'a.createdBy'))
        .where('t.heldOn', '>=', from)
        .where('t.heldOn', '<=', to)
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('a.hours').as('h')])
        .executeTakeFirstOrThrow();
      const study = await db.selectFrom('rolStudySessions').selectAll().where((eb) => scopeWhere(eb, actor, 'rolStudySessions.departmentId', 'rolStudySessions.createdBy')).where('heldOn', '>=', from).where('heldOn', '<=', to).orderBy('heldOn').orderBy('id').execute();
      const reps = await db.selectFrom('rolLawReportings').selectAll().where((eb) => scopeWhere(eb, actor, 'rolLawReportings.departmentId', 'rolLawReportings.createdBy')).where('year', '=', year).orderBy('reportedOn').orderBy('id').execute();
      const insp = await db.selectFrom('rolInspections').where((eb) => scopeWhere(eb, actor, 'rolInspections.departmentId', 'rolInspections.createdBy')).where('inspectedOn', '>=', from).where('inspectedOn', '<=', to).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const fs = await db
        .selectFrom('rolFindings as f')
        .innerJoin('rolInspections as i', 'i.id', 'f.inspectionId')
        .where((eb) => scopeWhere(eb, actor, 'f.departmentId', 'f.createdBy'))
        .where('i.inspectedOn', '>=', from)
        .where('i.inspectedOn', '<=', to)
        .select(['f.status', 'f.internalControl', 'f.rectificationDue'])
        .execute();
      const scheme = await db.selectFrom('rolAssessmentSchemes').selectAll().where('year', '=', year).executeTakeFirst();
      const ranking = scheme ? await rankingOf(actor, scheme.id, 'all') : null;
      const plan = await planFor(year);
      const campaigns = await db.selectFrom('rolPublicityCampaigns').where((eb) => scopeWhere(eb, actor, 'rolPublicityCampaigns.departmentId', 'rolPublicityCampaigns.createdBy')).where('startsOn', '<=', to).where('endsOn', '>=', from).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const events = await db
        .selectFrom('rolPublicityEvents')
        .where((eb) => scopeWhere(eb, actor, 'rolPublicityEvents.departmentId', 'rolPublicityEvents.createdBy'))
        .where('heldOn', '>=', from)
        .where('heldOn', '<=', to)
        .select((eb) => ['kind', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('audience').as('aud')])
        .groupBy('kind')
        .execute();
      const bases = await db.selectFrom('rolEducationBases').where((eb) => scopeWhere(eb, actor, 'rolEducationBases.departmentId', 'rolEducationBases.createdBy')).where('designatedOn', '<=', to).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const names = await deptNames([...study.map((s) => s.departmentId), ...reps.map((r) => r.departmentId)]);
      const today = clock.today();
      const rectified = fs.filter((f) => f.status === 'rectified').length;
      const verified = fs.filter((f) => f.status === 'verified').length;
      const byKind = EVENT_KINDS.map((kind) => {
        const r = events.find((e) => e.kind === kind);
        return { kind, label: EVENT_KIND_LABELS[kind], events: Number(r?.n ?? 0), audience: Number(r?.aud ?? 0) };
      }).filter((k) => k.events > 0);
      return {
        year,
        scope: actor.scopeDepartmentIds === null ? '全区' : actor.departmentName,
        trainings: { sessions: Number(trainings.n), attendances: Number(att.n), hours: round2(Number(att.h ?? 0)) },
        leadershipStudySessions: {
          sessions: study.length,
          preMeeting: study.filter((s) => s.kind === 'preMeeting').length,
          centralGroup: study.filter((s) => s.kind === 'centralGroup').length,
          list: study.map((s) => ({ id: s.id, heldOn: s.heldOn, kind: s.kind as StudyKind, meetingName: s.meetingName, topic: s.topic, departmentName: names.get(s.departmentId) ?? '', attendeeCount: (JSON.parse(s.attendees) as string[]).length })),
        },
        lawReportings: { count: reps.length, list: reps.map((r) => ({ id: r.id, reporterName: r.reporterName, position: r.position, departmentName: names.get(r.departmentId) ?? '', reportedOn: r.reportedOn, grade: r.grade as ReportingGrade | null })) },
        inspections: {
          count: Number(insp.n),
          findings: fs.length,
          internalControlFindings: fs.filter((f) => Number(f.internalControl) === 1).length,
          rectified,
          verified,
          overdue: fs.filter((f) => f.status === 'open' && f.rectificationDue < today).length,
          rectificationRate: fs.length ? round2(((rectified + verified) / fs.length) * 100) : null,
        },
        assessment: {
          schemeId: scheme?.id ?? null,
          schemeName: scheme?.name ?? null,
          units: ranking?.rows.length ?? 0,
          averageScore: ranking?.averageScore ?? null,
          top: (ranking?.rows ?? []).slice(0, 5).map((r) => ({ rank: r.rank, departmentName: r.departmentName, total: r.total })),
        },
        publicity: {
          plan: plan ? { name: plan.name, startYear: plan.startYear, endYear: plan.endYear, verified: plan.verified === 1 } : null,
          campaigns: Number(campaigns.n),
          events: byKind.reduce((a, k) => a + k.events, 0),
          audienceReached: byKind.reduce((a, k) => a + k.audience, 0),
          educationBases: Number(bases.n),
          byKind,
        },
        basis: Object.values(RULE_OF_LAW_BASIS).map((b) => ({ ...b })),
      };
    },

    async trainings(actor, q) {
      const base = trainingQuery(actor, q);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const p = page(q);
      const rows = await base.selectAll().orderBy('heldOn', 'desc').orderBy('id').limit(p.limit).offset(p.offset).execute();
      return { data: await trainingOut(actor, rows, false), total: Number(total) };
    },
    async training(actor, id) {
      const r = await db.selectFrom('rolTrainings').selectAll().where('id', '=', id).where(trainingVisible(actor)).executeTakeFirst();
      if (!r) {
        await loadTraining(actor, id); // NOT_FOUND when it does not exist at all
        throw new AppError('OUT_OF_SCOPE');
      }
      return (await trainingOut(actor, [r], true))[0]!;
    },
    async attendanceRows(actor, q) {
      const ids = (await trainingQuery(actor, q).select('id').execute()).map((r) => r.id);
      if (!ids.length) return [];
      const rows = await db.selectFrom('rolTrainingAttendance').innerJoin('rolTrainings as t', 't.id', 'rolTrainingAttendance.trainingId').selectAll('rolTrainingAttendance').select(['t.title', 't.heldOn', 't.departmentId as organiser', 't.createdBy as organiserBy']).where('rolTrainingAttendance.trainingId', 'in', ids).orderBy('t.heldOn', 'desc').orderBy('rolTrainingAttendance.name').execute();
      const names = await deptNames(rows.map((r) => r.departmentId));
      return rows.filter((r) => inScope(actor, r.organiser, r.organiserBy) || inScope(actor, r.departmentId, r.createdBy)).map((r) => ({ trainingTitle: r.title, heldOn: r.heldOn, name: r.name, departmentName: names.get(r.departmentId) ?? '', hours: Number(r.hours) }));
    },
    async attendanceByUnit(actor, { year }) {
      const rows = await db
        .selectFrom('rolTrainingAttendance as a')
        .innerJoin('rolTrainings as t', 't.id', 'a.trainingId')
        .innerJoin('departments as d', 'd.id', 'a.departmentId')
        .where((eb) => scopeWhere(eb, actor, 'a.departmentId', 'a.createdBy'))
        .where('t.heldOn', '>=', yearRange(year)[0])
        .where('t.heldOn', '<=', yearRange(year)[1])
        .select((eb) => ['a.departmentId', 'd.name', 'd.sort', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('a.hours').as('h'), sql<number>`count(distinct coalesce(${sql.ref('a.userId')}, ${sql.ref('a.name')}))`.as('p')])
        .groupBy(['a.departmentId', 'd.name', 'd.sort'])
        .orderBy('d.sort')
        .execute();
      return rows.map((r) => ({ departmentId: r.departmentId, departmentName: r.name, attendances: Number(r.n), people: Number(r.p), hours: round2(Number(r.h ?? 0)) }));
    },
    async createTraining(actor, body, meta) {
      const unit = await unitOf(actor, body.departmentId);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const row: Database['rolTrainings'] = { id, departmentId: unit.id, title: body.title, kind: body.kind, heldOn: body.heldOn, hours: body.hours, place: body.place ?? null, lecturer: body.lecturer ?? null, createdBy: actor.userId, createdAt: clock.nowIso() };
        await trx.insertInto('rolTrainings').values(row).execute();
        const n = await insertAttendees(trx, actor, row, body.attendees);
        await rec(trx, actor, meta, 'training.create', 'rolTraining', id, { title: body.title, kind: body.kind, heldOn: body.heldOn, hours: body.hours, department: unit.name, attendees: n });
      });
      return svc.training(actor, id);
    },
    async addAttendance(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const t = await loadTraining(actor, id, trx);
        assertInScope(actor, t.departmentId, t.createdBy); // only the organising unit records attendance
        const before = await trx.selectFrom('rolTrainingAttendance').select((eb) => eb.fn.countAll<number>().as('n')).where('trainingId', '=', id).executeTakeFirstOrThrow();
        const n = await insertAttendees(trx, actor, t, body.attendees);
        await rec(trx, actor, meta, 'training.attendance', 'rolTraining', id, { attendees: Number(before.n) + n, added: n }, { attendees: Number(before.n) });
      });
      return svc.training(actor, id);
    },

    async studySessions(actor, q) {
      let base = db.selectFrom('rolStudySessions').where((eb) => scopeWhere(eb, actor, 'rolStudySessions.departmentId', 'rolStudySessions.createdBy'));
      if (q.year) base = base.where('heldOn', '>=', yearRange(q.year)[0]).where('heldOn', '<=', yearRange(q.year)[1]);
      if (q.kind) base = base.where('kind', '=', q.kind);
      if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
      if (q.q) base = base.where((eb) => eb.or([eb('topic', 'like', `%${q.q}%`), eb('meetingName', 'like', `%${q.q}%`), eb('lawsStudied', 'like', `%${q.q}%`)]));
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const p = page(q);
      const rows = await base.selectAll().orderBy('heldOn', 'desc').orderBy('id').limit(p.limit).offset(p.offset).execute();
      const names = await deptNames(rows.map((r) => r.departmentId));
      return { data: rows.map((r) => ({ id: r.id, kind: r.kind as StudyKind, heldOn: r.heldOn, meetingName: r.meetingName, topic: r.topic, lawsStudied: r.lawsStudied, lecturer: r.lecturer, attendees: JSON.parse(r.attendees) as string[], departmentId: r.departmentId, departmentName: names.get(r.departmentId) ?? '' })), total: Number(total) };
    },
    async createStudySession(actor, body, meta) {
      notFuture('heldOn', body.heldOn);
      if (body.kind === 'preMeeting' && !body.meetingName) throw new AppError('VALIDATION_FAILED', { field: 'meetingName', reason: '会前学法须填写会议名称' });
      const unit = await unitOf(actor, body.departmentId);
      const attendees = [...new Set(body.attendees)];
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('rolStudySessions').values({ id, departmentId: unit.id, kind: body.kind, heldOn: body.heldOn, meetingName: body.meetingName ?? null, topic: body.topic, lawsStudied: body.lawsStudied ?? null, lecturer: body.lecturer ?? null, attendees: JSON.stringify(attendees), createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await rec(trx, actor, meta, 'study.create', 'rolStudySession', id, { kind: body.kind, heldOn: body.heldOn, topic: body.topic, department: unit.name, attendees: attendees.length });
      });
      return { id, kind: body.kind, heldOn: body.heldOn, meetingName: body.meetingName ?? null, topic: body.topic, lawsStudied: body.lawsStudied ?? null, lecturer: body.lecturer ?? null, attendees, departmentId: unit.id, departmentName: unit.name };
    },

    async lawReportings(actor, q) {
      let base = db.selectFrom('rolLawReportings').where((eb) => scopeWhere(eb, actor, 'rolLawReportings.departmentId', 'rolLawReportings.createdBy'));
      if (q.year) base = base.where('year', '=', q.year);
      if (q.grade) base = base.where('grade', '=', q.grade);
      if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
      if (q.q) base = base.where((eb) => eb.or([eb('reporterName', 'like', `%${q.q}%`), eb('position', 'like', `%${q.q}%`)]));
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const p = page(q);
      const rows = await base.selectAll().orderBy('year', 'desc').orderBy('reportedOn', 'desc').orderBy('id').limit(p.limit).offset(p.offset).execute();
      const names = await deptNames(rows.map((r) => r.departmentId));
      return { data: rows.map((r) => ({ id: r.id, year: r.year, reporterName: r.reporterName, position: r.position, reportedOn: r.reportedOn, setting: r.setting, grade: r.grade as ReportingGrade | null, summary: r.summary, departmentId: r.departmentId, departmentName: names.get(r.departmentId) ?? '' })), total: Number(total) };
    },
    async createLawReporting(actor, body, meta) {
      notFuture('reportedOn', body.reportedOn);
      // year-end 述法 on the year's work: held in that year or early in the next
      const ry = Number(body.reportedOn.slice(0, 4));
      if (ry !== body.year && ry !== body.year + 1) throw new AppError('ROL_DATE_ORDER', { field: 'reportedOn', date: body.reportedOn, year: body.year });
      const unit = await unitOf(actor, body.departmentId);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const dup = await trx.selectFrom('rolLawReportings').select('id').where('year', '=', body.year).where('departmentId', '=', unit.id).where('reporterName', '=', body.reporterName).executeTakeFirst();
        if (dup) throw new AppError('ROL_DUPLICATE', { entity: 'rolLawReporting', year: body.year });
        await trx.insertInto('rolLawReportings').values({ id, departmentId: unit.id, year: body.year, reporterName: body.reporterName, position: body.position, reportedOn: body.reportedOn, setting: body.setting, grade: body.grade ?? null, summary: body.summary ?? null, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await rec(trx, actor, meta, 'lawReporting.create', 'rolLawReporting', id, { year: body.year, reportedOn: body.reportedOn, department: unit.name, grade: body.grade ?? null });
      });
      return { id, year: body.year, reporterName: body.reporterName, position: body.position, reportedOn: body.reportedOn, setting: body.setting, grade: body.grade ?? null, summary: body.summary ?? null, departmentId: unit.id, departmentName: unit.name };
    },

    async inspections(actor, q) {
      let base = db.selectFrom('rolInspections').where((eb) => scopeWhere(eb, actor, 'rolInspections.departmentId', 'rolInspections.createdBy'));
      if (q.year) base = base.where('inspectedOn', '>=', yearRange(q.year)[0]).where('inspectedOn', '<=', yearRange(q.year)[1]);
      if (q.kind) base = base.where('kind', '=', q.kind);
      if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
      if (q.q) base = base.where((eb) => eb.or([eb('title', 'like', `%${q.q}%`), eb('team', 'like', `%${q.q}%`)]));
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const p = page(q);
      const rows = await base.selectAll().orderBy('inspectedOn', 'desc').orderBy('id').limit(p.limit).offset(p.offset).execute();
      return { data: await inspectionOut(rows, false), total: Number(total) };
    },
    async inspection(actor, id) {
      const r = await db.selectFrom('rolInspections').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND', { entity: 'rolInspection', id });
      assertInScope(actor, r.departmentId, r.createdBy);
      return (await inspectionOut([r], true))[0]!;
    },
    async createInspection(actor, body, meta) {
      notFuture('inspectedOn', body.inspectedOn);
      const unit = await unitOf(actor, body.departmentId);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('rolInspections').values({ id, departmentId: unit.id, kind: body.kind, title: body.title, inspectedOn: body.inspectedOn, team: body.team, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await rec(trx, actor, meta, 'inspection.create', 'rolInspection', id, { kind: body.kind, title: body.title, inspectedOn: body.inspectedOn, department: unit.name });
      });
      return svc.inspection(actor, id);
    },
    async addFinding(actor, inspectionId, body, meta) {
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const i = await trx.selectFrom('rolInspections').selectAll().where('id', '=', inspectionId).executeTakeFirst();
        if (!i) throw new AppError('NOT_FOUND', { entity: 'rolInspection', id: inspectionId });
        assertInScope(actor, i.departmentId, i.createdBy);
        notBefore('rectificationDue', body.rectificationDue, i.inspectedOn);
        await trx.insertInto('rolFindings').values({ id, inspectionId, departmentId: i.departmentId, description: body.description, internalControl: body.internalControl || i.kind === 'internalControl' ? 1 : 0, rectificationDue: body.rectificationDue, status: 'open', rectifiedOn: null, rectificationNote: null, verifiedOn: null, verifiedBy: null, version: 1, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await rec(trx, actor, meta, 'finding.create', 'rolFinding', id, { inspectionId, rectificationDue: body.rectificationDue, internalControl: body.internalControl || i.kind === 'internalControl', status: 'open' });
      });
      return (await findingOut([await loadFinding(actor, id, db)]))[0]!;
    },
    async findings(actor, q) {
      let base = db.selectFrom('rolFindings').where((eb) => scopeWhere(eb, actor, 'rolFindings.departmentId', 'rolFindings.createdBy'));
      if (q.year) base = base.where((eb) => eb.exists(eb.selectFrom('rolInspections as i').select('i.id').whereRef('i.id', '=', 'rolFindings.inspectionId').where('i.inspectedOn', '>=', yearRange(q.year!)[0]).where('i.inspectedOn', '<=', yearRange(q.year!)[1])));
      if (q.status) base = base.where('status', '=', q.status);
      if (q.overdue !== undefined) base = q.overdue ? base.where('status', '=', 'open').where('rectificationDue', '<', clock.today()) : base.where((eb) => eb.or([eb('status', '!=', 'open'), eb('rectificationDue', '>=', clock.today())]));
      if (q.internalControl !== undefined) base = base.where('internalControl', '=', q.internalControl ? 1 : 0);
      if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const p = page(q);
      const rows = await base.selectAll().orderBy('rectificationDue').orderBy('id').limit(p.limit).offset(p.offset).execute();
      return { data: await findingOut(rows), total: Number(total) };
    },
    async rectify(actor, findingId, body, meta) {
      notFuture('rectifiedOn', body.rectifiedOn);
      await db.transaction().execute(async (trx) => {
        const f = await loadFinding(actor, findingId, trx);
        if (f.status !== 'open') throw new AppError('ROL_FINDING_TRANSITION', { status: f.status, action: 'rectify' });
        const i = await trx.selectFrom('rolInspections').select('inspectedOn').where('id', '=', f.inspectionId).executeTakeFirstOrThrow();
        notBefore('rectifiedOn', body.rectifiedOn, i.inspectedOn);
        const res = await trx.updateTable('rolFindings').set({ status: 'rectified', rectifiedOn: body.rectifiedOn, rectificationNote: body.note, version: f.version + 1 }).where('id', '=', f.id).where('version', '=', f.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: 'rolFinding', id: f.id });
        await rec(trx, actor, meta, 'finding.rectify', 'rolFinding', f.id, { status: 'rectified', rectifiedOn: body.rectifiedOn, late: body.rectifiedOn > f.rectificationDue }, { status: f.status });
      });
      return (await findingOut([await loadFinding(actor, findingId, db)]))[0]!;
    },
    async verify(actor, findingId, body, meta) {
      notFuture('verifiedOn', body.verifiedOn);
      await db.transaction().execute(async (trx) => {
        const f = await loadFinding(actor, findingId, trx);
        if (f.status !== 'rectified') throw new AppError('ROL_FINDING_TRANSITION', { status: f.status, action: 'verify' });
        // acceptance is done by someone outside the inspected unit (the inspection team or the bureau)
        if (actor.departmentId === f.departmentId) throw new AppError('ROL_VERIFY_OWN_UNIT');
        notBefore('verifiedOn', body.verifiedOn, f.rectifiedOn!);
        const res = await trx.updateTable('rolFindings').set({ status: 'verified', verifiedOn: body.verifiedOn, verifiedBy: actor.displayName, version: f.version + 1 }).where('id', '=', f.id).where('version', '=', f.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: 'rolFinding', id: f.id });
        await rec(trx, actor, meta, 'finding.verify', 'rolFinding', f.id, { status: 'verified', verifiedOn: body.verifiedOn, note: body.note ?? null }, { status: f.status });
      });
      return (await findingOut([await loadFinding(actor, findingId, db)]))[0]!;
    },

    async extend(actor, findingId, body, meta) {
      await db.transaction().execute(async (trx) => {
        const f = await loadFinding(actor, findingId, trx);
        if (f.status !== 'open') throw new AppError('ROL_FINDING_TRANSITION', { status: f.status, action: 'extend' });
        if (actor.departmentId === f.departmentId) throw new AppError('ROL_VERIFY_OWN_UNIT');
        if (body.rectificationDue <= f.rectificationDue) throw new AppError('ROL_DATE_ORDER', { field: 'rectificationDue', date: body.rectificationDue, after: f.rectificationDue });
        const res = await trx.updateTable('rolFindings').set({ rectificationDue: body.rectificationDue, version: f.version + 1 }).where('id', '=', f.id).where('version', '=', f.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: 'rolFinding', id: f.id });
        await rec(trx, actor, meta, 'finding.extend', 'rolFinding', f.id, { rectificationDue: body.rectificationDue, reason: body.reason }, { rectificationDue: f.rectificationDue });
      });
      return (await findingOut([await loadFinding(actor, findingId, db)]))[0]!;
    },

    async schemes() {
      const rows = await db.selectFrom('rolAssessmentSchemes').selectAll().orderBy('year', 'desc').execute();
      return Promise.all(rows.map(schemeOut));
    },
    async createScheme(actor, body, meta) {
      requireBureau(actor);
      const sum = round2(body.indicators.reduce((a, i) => a + i.weight, 0));
      if (sum !== 100) throw new AppError('ROL_WEIGHTS_INVALID', { sum });
      const codes = body.indicators.map((i) => i.code);
      if (new Set(codes).size !== codes.length) throw new AppError('ROL_INDICATOR_INVALID', { reason: 'duplicateCode', codes });
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('rolAssessmentSchemes').select('id').where('year', '=', body.year).executeTakeFirst()) throw new AppError('ROL_DUPLICATE', { entity: 'rolAssessmentScheme', year: body.year });
        await trx.insertInto('rolAssessmentSchemes').values({ id, year: body.year, name: body.name, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await trx.insertInto('rolAssessmentIndicators').values(body.indicators.map((i, seq) => ({ id: randomUUID(), schemeId: id, seq, code: i.code, name: i.name, category: i.category, weight: i.weight, maxScore: i.maxScore, description: i.description ?? null }))).execute();
        await rec(trx, actor, meta, 'scheme.create', 'rolAssessmentScheme', id, { year: body.year, name: body.name, indicators: body.indicators.map((i) => ({ code: i.code, weight: i.weight, maxScore: i.maxScore })) });
      });
      return schemeOut(await loadScheme(id));
    },
    async score(actor, schemeId, body, meta) {
      await db.transaction().execute(async (trx) => {
        const scheme = await loadScheme(schemeId, trx);
        const unit = await unitOf(actor, body.departmentId, trx);
        if (unit.kind === 'bureau') throw new AppError('ROL_DEPARTMENT_INVALID', { departmentId: unit.id, reason: '考核对象为科室、中心和司法所' });
        const inds = new Map((await trx.selectFrom('rolAssessmentIndicators').selectAll().where('schemeId', '=', scheme.id).execute()).map((i) => [i.id, i]));
        for (const s of body.scores) {
          const ind = inds.get(s.indicatorId);
          if (!ind) throw new AppError('ROL_INDICATOR_INVALID', { indicatorId: s.indicatorId });
          if (!(s.score >= 0 && s.score <= Number(ind.maxScore))) throw new AppError('ROL_SCORE_OUT_OF_RANGE', { field: ind.id, indicator: `${ind.code} ${ind.name}`, score: s.score, min: 0, max: Number(ind.maxScore) });
        }
        const ids = body.scores.map((s) => s.indicatorId);
        if (new Set(ids).size !== ids.length) throw new AppError('ROL_INDICATOR_INVALID', { reason: 'duplicateIndicator' });
        const before = await trx.selectFrom('rolAssessmentScores').select(['indicatorId', 'score']).where('departmentId', '=', unit.id).where('indicatorId', 'in', ids).execute();
        await trx.deleteFrom('rolAssessmentScores').where('departmentId', '=', unit.id).where('indicatorId', 'in', ids).execute();
        const now = clock.nowIso();
        await trx.insertInto('rolAssessmentScores').values(body.scores.map((s) => ({ id: randomUUID(), schemeId: scheme.id, indicatorId: s.indicatorId, departmentId: unit.id, score: s.score, note: s.note ?? null, scoredBy: actor.userId, scoredAt: now }))).execute();
        await rec(trx, actor, meta, 'assessment.score', 'rolAssessmentScheme', scheme.id, { department: unit.name, scores: Object.fromEntries(body.scores.map((s) => [inds.get(s.indicatorId)!.code, s.score])) }, { scores: Object.fromEntries(before.map((b) => [inds.get(b.indicatorId)!.code, Number(b.score)])) });
      });
      return rankingOf(actor, schemeId, 'all');
    },
    async ranking(actor, schemeId, group) {
      return rankingOf(actor, schemeId, group);
    },

    async plans() {
      return (await db.selectFrom('rolPublicityPlans').selectAll().orderBy('startYear', 'desc').execute()).map(planOut);
    },
    async createPlan(actor, body, meta) {
      requireBureau(actor);
      if (body.endYear < body.startYear) throw new AppError('ROL_DATE_ORDER', { field: 'endYear', startYear: body.startYear, endYear: body.endYear });
      const id = randomUUID();
      const row: Database['rolPublicityPlans'] = { id, name: body.name, startYear: body.startYear, endYear: body.endYear, source: body.source, verified: body.verified ? 1 : 0, note: body.note ?? null, createdBy: actor.userId, createdAt: clock.nowIso() };
      await db.transaction().execute(async (trx) => {
        const overlap = await trx.selectFrom('rolPublicityPlans').select('id').where('startYear', '<=', body.endYear).where('endYear', '>=', body.startYear).executeTakeFirst();
        if (overlap) throw new AppError('ROL_DUPLICATE', { entity: 'rolPublicityPlan', startYear: body.startYear, endYear: body.endYear });
        await trx.insertInto('rolPublicityPlans').values(row).execute();
        await rec(trx, actor, meta, 'plan.create', 'rolPublicityPlan', id, { name: body.name, startYear: body.startYear, endYear: body.endYear, verified: body.verified });
      });
      return planOut(row);
    },
    async campaigns(actor, q) {
      let base = db.selectFrom('rolPublicityCampaigns').where((eb) => scopeWhere(eb, actor, 'rolPublicityCampaigns.departmentId', 'rolPublicityCampaigns.createdBy'));
      if (q.year) base = base.where('startsOn', '<=', yearRange(q.year)[1]).where('endsOn', '>=', yearRange(q.year)[0]);
      const rows = await base.selectAll().orderBy('startsOn', 'desc').orderBy('id').execute();
      if (!rows.length) return [];
      const counts = await db.selectFrom('rolPublicityEvents').where('campaignId', 'in', rows.map((r) => r.id)).where((eb) => scopeWhere(eb, actor, 'rolPublicityEvents.departmentId', 'rolPublicityEvents.createdBy')).select((eb) => ['campaignId', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('audience').as('aud')]).groupBy('campaignId').execute();
      const plans = new Map((await db.selectFrom('rolPublicityPlans').select(['id', 'name']).execute()).map((p) => [p.id, p.name]));
      const names = await deptNames(rows.map((r) => r.departmentId));
      return rows.map((r) => {
        const c = counts.find((x) => x.campaignId === r.id);
        return { id: r.id, planId: r.planId, planName: r.planId ? (plans.get(r.planId) ?? null) : null, name: r.name, theme: r.theme, startsOn: r.startsOn, endsOn: r.endsOn, departmentId: r.departmentId, departmentName: names.get(r.departmentId) ?? '', events: Number(c?.n ?? 0), audience: Number(c?.aud ?? 0) };
      });
    },
    async createCampaign(actor, body, meta) {
      notBefore('endsOn', body.endsOn, body.startsOn);
      const unit = await unitOf(actor, body.departmentId);
      const plan = await planFor(Number(body.startsOn.slice(0, 4)));
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('rolPublicityCampaigns').values({ id, departmentId: unit.id, planId: plan?.id ?? null, name: body.name, theme: body.theme ?? null, startsOn: body.startsOn, endsOn: body.endsOn, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await rec(trx, actor, meta, 'campaign.create', 'rolPublicityCampaign', id, { name: body.name, startsOn: body.startsOn, endsOn: body.endsOn, department: unit.name });
      });
      return { id, planId: plan?.id ?? null, planName: plan?.name ?? null, name: body.name, theme: body.theme ?? null, startsOn: body.startsOn, endsOn: body.endsOn, departmentId: unit.id, departmentName: unit.name, events: 0, audience: 0 };
    },
    async events(actor, q) {
      let base = db.selectFrom('rolPublicityEvents').where((eb) => scopeWhere(eb, actor, 'rolPublicityEvents.departmentId', 'rolPublicityEvents.createdBy'));
      if (q.year) base = base.where('heldOn', '>=', yearRange(q.year)[0]).where('heldOn', '<=', yearRange(q.year)[1]);
      if (q.kind) base = base.where('kind', '=', q.kind);
      if (q.campaignId) base = base.where('campaignId', '=', q.campaignId);
      if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
      if (q.q) base = base.where((eb) => eb.or([eb('title', 'like', `%${q.q}%`), eb('place', 'like', `%${q.q}%`)]));
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const p = page(q);
      const rows = await base.selectAll().orderBy('heldOn', 'desc').orderBy('id').limit(p.limit).offset(p.offset).execute();
      return { data: await eventOut(rows), total: Number(total) };
    },
    async createEvent(actor, body, meta) {
      notFuture('heldOn', body.heldOn);
      const unit = await unitOf(actor, body.departmentId);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        if (body.campaignId) {
          const c = await trx.selectFrom('rolPublicityCampaigns').selectAll().where('id', '=', body.campaignId).executeTakeFirst();
          if (!c) throw new AppError('NOT_FOUND', { entity: 'rolPublicityCampaign', id: body.campaignId });
          if (body.heldOn < c.startsOn || body.heldOn > c.endsOn) throw new AppError('ROL_DATE_ORDER', { field: 'heldOn', date: body.heldOn, notBefore: c.startsOn, notAfter: c.endsOn });
        }
        if (body.baseId && !(await trx.selectFrom('rolEducationBases').select('id').where('id', '=', body.baseId).executeTakeFirst())) throw new AppError('NOT_FOUND', { entity: 'rolEducationBase', id: body.baseId });
        await trx.insertInto('rolPublicityEvents').values({ id, departmentId: unit.id, campaignId: body.campaignId ?? null, baseId: body.baseId ?? null, kind: body.kind, title: body.title, heldOn: body.heldOn, place: body.place ?? null, audience: body.audience, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await rec(trx, actor, meta, 'event.create', 'rolPublicityEvent', id, { kind: body.kind, title: body.title, heldOn: body.heldOn, audience: body.audience, department: unit.name });
      });
      return (await eventOut([await db.selectFrom('rolPublicityEvents').selectAll().where('id', '=', id).executeTakeFirstOrThrow()]))[0]!;
    },
    async bases(actor, q) {
      const rows = await db.selectFrom('rolEducationBases').selectAll().where((eb) => scopeWhere(eb, actor, 'rolEducationBases.departmentId', 'rolEducationBases.createdBy')).orderBy('level').orderBy('name').execute();
      if (!rows.length) return [];
      const counts = await db.selectFrom('rolPublicityEvents').where('baseId', 'in', rows.map((r) => r.id)).where('heldOn', '>=', yearRange(q.year)[0]).where('heldOn', '<=', yearRange(q.year)[1]).select((eb) => ['baseId', eb.fn.countAll<number>().as('n')]).groupBy('baseId').execute();
      const names = await deptNames(rows.map((r) => r.departmentId));
      return rows.map((r) => ({ id: r.id, name: r.name, level: r.level as 'national' | 'municipal' | 'district', address: r.address, designatedOn: r.designatedOn, departmentId: r.departmentId, departmentName: names.get(r.departmentId) ?? '', eventsThisYear: Number(counts.find((c) => c.baseId === r.id)?.n ?? 0) }));
    },
    async createBase(actor, body, meta) {
      notFuture('designatedOn', body.designatedOn);
      const unit = await unitOf(actor, body.departmentId);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('rolEducationBases').values({ id, departmentId: unit.id, name: body.name, level: body.level, address: body.address ?? null, designatedOn: body.designatedOn, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await rec(trx, actor, meta, 'base.create', 'rolEducationBase', id, { name: body.name, level: body.level, designatedOn: body.designatedOn, department: unit.name });
      });
      return { id, name: body.name, level: body.level, address: body.address ?? null, designatedOn: body.designatedOn, departmentId: unit.id, departmentName: unit.name, eventsThisYear: 0 };
    },
  };
  return svc;
}
