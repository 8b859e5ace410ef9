/**
 * 人民调解 (《中华人民共和国人民调解法》2010): committees (street, community, trade and professional such as the
 * 经济金融纠纷调解委员会), mediators and their training, cases with parties (platform/people, SM4-encrypted ID
 * numbers), sessions (Art. 27 records), the outcome — agreement (Arts. 28–31) or failure (Art. 26) — the agreement as
 * a .docx (GB/T 9704 layout, platform/documents), the 30-day window to apply jointly for judicial confirmation
 * (Art. 33; 民事诉讼法 Art. 205) on the deadline register with its reminder, and the follow-up visit on performance
 * (Art. 31 ¶2). Writes, deadline-register rows and audit entries share one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { WorkCalendar } from '../../../common/calendar';
import {
  CONFIRMATION_BASIS,
  DISPUTE_TYPE_LABELS,
  type CommitteeKind,
  type DisputeType,
  type MediationAgreementBody,
  type MediationCaseBody,
  type MediationCaseDetailT,
  type MediationCommittee,
  type MediationCommitteeBody,
  type MediationConfirmationBody,
  type MediationFailureBody,
  type MediationFollowUpBody,
  type MediationListQuery,
  type MediationCaseSummary,
  type MediationSessionBody,
  type Mediator,
  type MediatorBody,
  type MediatorTrainingBody,
} from '../../../common/contracts/dispute';
import { addPeriod, computeDeadline, computeMonthDeadline, getMonthRule, getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { buildOfficialDocx, officialDate } from '../../platform/documents';
import { type Actor, type RequestMeta, assertInScope, scopeWhere } from '../../platform/identity';
import type { PeopleService } from '../../platform/people';
import type { DisputeService } from './dispute.service';
import './dispute.tables';
import { earliestRegisterDate, tooEarlyMessage } from './register-date';
import { assertMediationAction } from './status';

type Trx = Transaction<Database>;
type CaseRow = Database['mediationCases'];
type Summary = z.infer<typeof MediationCaseSummary>;
export const MEDIATION_OBJECT = 'mediationCase';
export const CONFIRMATION_RULE = 'mediation.judicialConfirmationApplication';
export const CONCLUSION_RULE = 'mediation.conclusionTarget';
const ROLE_LABELS: Record<string, string> = { applicant: '申请人', respondent: '被申请人', other: '其他当事人' };
const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 3 → '三', 12 → '十二', 21 → '二十一' (the number of copies of an agreement; parties are at most a few dozen). */
export function copiesZh(n: number): string {
  if (n < 10) return ZH_DIGITS[n]!;
  if (n < 100) return `${n >= 20 ? ZH_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  return String(n);
}

export interface MediationService {
  committees(actor: Actor): Promise<z.infer<typeof MediationCommittee>[]>;
  createCommittee(actor: Actor, body: z.infer<typeof MediationCommitteeBody>, meta: RequestMeta): Promise<z.infer<typeof MediationCommittee>>;
  mediators(actor: Actor, committeeId: string): Promise<z.infer<typeof Mediator>[]>;
  createMediator(actor: Actor, body: z.infer<typeof MediatorBody>, meta: RequestMeta): Promise<z.infer<typeof Mediator>>;
  addTraining(actor: Actor, mediatorId: string, body: z.infer<typeof MediatorTrainingBody>, meta: RequestMeta): Promise<z.infer<typeof Mediator>>;
  list(actor: Actor, q: z.infer<typeof MediationListQuery>): Promise<{ data: Summary[]; total: number }>;
  get(actor: Actor, id: string): Promise<MediationCaseDetailT>;
  create(actor: Actor, body: z.infer<typeof MediationCaseBody> & { disputeId?: string | undefined }, meta: RequestMeta): Promise<MediationCaseDetailT>;
  addSession(actor: Actor, id: string, body: z.infer<typeof MediationSessionBody>, meta: RequestMeta): Promise<MediationCaseDetailT>;
  agree(actor: Actor, id: string, body: z.infer<typeof MediationAgreementBody>, meta: RequestMeta): Promise<MediationCaseDetailT>;
  fail(actor: Actor, id: string, body: z.infer<typeof MediationFailureBody>, meta: RequestMeta): Promise<MediationCaseDetailT>;
  applyConfirmation(actor: Actor, id: string, body: z.infer<typeof MediationConfirmationBody>, meta: RequestMeta): Promise<MediationCaseDetailT>;
  followUp(actor: Actor, id: string, body: z.infer<typeof MediationFollowUpBody>, meta: RequestMeta): Promise<MediationCaseDetailT>;
  agreementDocx(actor: Actor, id: string, meta: RequestMeta): Promise<{ fileName: string; bytes: Buffer }>;
  caseNumbers(objectType: string, ids: string[]): Promise<Map<string, string>>;
}

export function createMediationService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  people: PeopleService;
  deadlines: DeadlineService;
  disputes: DisputeService;
  calendar: () => Promise<WorkCalendar>;
  /** FAZHI_REMINDER_WORKING_DAYS: the reminder scan reports a deadline from this many working days before it */
  reminderWorkingDays: number;
  caseNoPrefix?: string;
}): MediationService {
  const { db, clock, audit, people } = deps;
  const prefix = deps.caseNoPrefix ?? '西人调';
  const rec = (actor: Actor, meta: RequestMeta) => ({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId });

  const dateCheck = (field: string, on: string, notBefore?: string | null) => {
    if (on > clock.today()) throw new AppError('MEDIATION_DATE_INVALID', { field, date: on, today: clock.today() });
    if (notBefore && on < notBefore) throw new AppError('MEDIATION_DATE_INVALID', { field, date: on, notBefore });
  };

  async function loadCase(actor: Actor, id: string, q: Db | Trx = db): Promise<CaseRow> {
    const r = await q.selectFrom('mediationCases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: MEDIATION_OBJECT, id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }

  async function committeeInScope(actor: Actor, id: string, q: Db | Trx = db) {
    const c = await q.selectFrom('mediationCommittees').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c || (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(c.departmentId))) throw new AppError('MEDIATION_COMMITTEE_INVALID', { committeeId: id });
    return c;
  }

  async function mediatorView(ids: string[]) {
    if (!ids.length) return [];
    const [ms, ts] = await Promise.all([
      db.selectFrom('mediators').selectAll().where('id', 'in', ids).orderBy('name').execute(),
      db.selectFrom('mediatorTrainings').selectAll().where('mediatorId', 'in', ids).orderBy('onDate').execute(),
    ]);
    return ms.map((m) => {
      const mine = ts.filter((t) => t.mediatorId === m.id);
      return { id: m.id, committeeId: m.committeeId, name: m.name, position: m.position, fullTime: m.fullTime === 1, specialty: m.specialty, trainingHours: mine.reduce((a, t) => a + t.hours, 0), trainings: mine.map((t) => ({ onDate: t.onDate, topic: t.topic, hours: t.hours })) };
    });
  }

  async function summaries(rows: CaseRow[]): Promise<Summary[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const mediatorIds = [...new Set(rows.flatMap((r) => (r.mediatorId ? [r.mediatorId] : [])))];
    const [parties, committees, mediators] = await Promise.all([
      db.selectFrom('mediationParties').select(['caseId', 'name']).where('caseId', 'in', ids).execute(),
      db.selectFrom('mediationCommittees').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.committeeId))]).execute(),
      mediatorIds.length ? db.selectFrom('mediators').select(['id', 'name']).where('id', 'in', mediatorIds).execute() : Promise.resolve([]),
    ]);
    const cName = new Map(committees.map((c) => [c.id, c.name]));
    const mName = new Map(mediators.map((m) => [m.id, m.name]));
    return rows.map((r) => ({
      id: r.id,
      caseNo: r.caseNo,
      committeeId: r.committeeId,
      committeeName: cName.get(r.committeeId) ?? '',
      mediatorName: r.mediatorId ? (mName.get(r.mediatorId) ?? null) : null,
      matterType: r.matterType as DisputeType,
      summary: r.summary,
      status: r.status as Summary['status'],
      acceptedOn: r.acceptedOn,
      partyNames: parties.filter((p) => p.caseId === r.id).map((p) => p.name),
      agreementEffectiveOn: r.agreementEffectiveOn,
      confirmationDue: r.confirmationDue,
      confirmationAppliedOn: r.confirmationAppliedOn,
      confirmationCourt: r.confirmationCourt,
      disputeId: r.disputeId,
      departmentId: r.departmentId,
    }));
  }

  async function confirmationOf(effectiveOn: string, explain: boolean) {
    const cal = await deps.calendar();
    const rule = getRule(CONFIRMATION_RULE);
    const res = computeDeadline(cal, rule, { start: effectiveOn, asOf: clock.today(), onUnpublished: 'flag', explain });
    // the first day the reminder scan reports it: N working days before the due date
    const remindFrom = deps.reminderWorkingDays > 0 ? addPeriod(cal, { from: res.due, length: deps.reminderWorkingDays, unit: 'WD', direction: 'before', onUnpublished: 'flag', explain: false }).due : res.due;
    return { due: res.due, basis: `${ruleCitation(rule)}；另见${CONFIRMATION_BASIS.split('、')[1]}`, steps: res.steps.map((s) => ({ code: String(s.code), text: s.text, ...(s.date ? { date: s.date } : {}) })), remindFrom };
  }

  async function detail(actor: Actor, r: CaseRow): Promise<MediationCaseDetailT> {
    const [s] = await summaries([r]);
    const [parties, sessions, deadline] = await Promise.all([
      db.selectFrom('mediationParties').selectAll().where('caseId', '=', r.id).execute(),
      db.selectFrom('mediationSessions as s').leftJoin('mediators as m', 'm.id', 's.mediatorId').select(['s.id', 's.heldOn', 's.place', 's.note', 'm.name as mediatorName']).where('s.caseId', '=', r.id).orderBy('s.heldOn').orderBy('s.createdAt').execute(),
      db.selectFrom('deadlines').select(['id']).where('objectType', '=', MEDIATION_OBJECT).where('objectId', '=', r.id).where('ruleId', '=', CONFIRMATION_RULE).executeTakeFirst(),
    ]);
    const partyViews = [];
    for (const p of parties) {
      const person = await people.get(actor, p.personId).catch(() => null);
      partyViews.push({ personId: p.personId, name: p.name, role: p.role, idNumber: person?.idNumber ?? '（不在数据范围内）', mobile: person?.mobile ?? null });
    }
    const target = computeMonthDeadline(await deps.calendar(), getMonthRule(CONCLUSION_RULE), { start: r.acceptedOn, onUnpublished: 'flag', explain: false });
    const monthRule = getMonthRule(CONCLUSION_RULE);
    return {
      ...s!,
      startMode: r.startMode,
      parties: partyViews,
      sessions: sessions.map((x) => ({ id: x.id, heldOn: x.heldOn, mediatorName: x.mediatorName ?? null, place: x.place, note: x.note })),
      agreementForm: (r.agreementForm as 'written' | 'oral' | null) ?? null,
      agreementTerms: r.agreementTerms,
      confirmation: r.agreementEffectiveOn ? { ...(await confirmationOf(r.agreementEffectiveOn, true)), deadlineId: deadline?.id ?? null } : null,
      conclusionTarget: { due: target.due, basis: ruleCitation(monthRule), unverified: monthRule.unverified === true },
      endedOn: r.endedOn,
      failureReason: r.failureReason,
      followedUpOn: r.followedUpOn,
      performed: r.performed === null ? null : r.performed === 1,
      handlerId: r.handlerId,
      version: r.version,
    };
  }

  async function change(actor: Actor, id: string, version: number, action: string, meta: RequestMeta, run: (r: CaseRow, trx: Trx) => Promise<{ patch: Partial<CaseRow>; audit?: Record<string, unknown> }>) {
    await db.transaction().execute(async (trx) => {
      const r = await loadCase(actor, id, trx);
      assertMediationAction(r.status, action);
      const step = await run(r, trx);
      const res = await trx.updateTable('mediationCases').set({ ...step.patch, updatedAt: clock.nowIso(), version: r.version + 1 }).where('id', '=', r.id).where('version', '=', version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: MEDIATION_OBJECT, id });
      await audit.record({ ...rec(actor, meta), action: `mediation.case.${action}`, objectType: MEDIATION_OBJECT, objectId: r.id, before: { status: r.status }, after: { status: step.patch.status ?? r.status, ...(step.audit ?? {}) }, extra: { caseNo: r.caseNo } }, trx);
    });
    return detail(actor, await loadCase(actor, id));
  }

  return {
    async committees(actor) {
      const rows = await db.selectFrom('mediationCommittees as c').innerJoin('departments as d', 'd.id', 'c.departmentId').select(['c.id', 'c.name', 'c.kind', 'c.departmentId', 'c.address', 'c.foundedOn', 'd.name as departmentName']).orderBy('c.kind').orderBy('c.name').execute();
      const mediators = await db.selectFrom('mediators').select(['committeeId', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('committeeId').execute();
      const cases = await db.selectFrom('mediationCases').select(['committeeId', (eb) => eb.fn.countAll<number>().as('n')]).where((eb) => scopeWhere(eb, actor, 'mediationCases.departmentId', 'mediationCases.handlerId')).groupBy('committeeId').execute();
      const m = new Map(mediators.map((x) => [x.committeeId, Number(x.n)]));
      const c = new Map(cases.map((x) => [x.committeeId, Number(x.n)]));
      // the directory of committees is public information (the transfer dialog needs all of them)
      return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as CommitteeKind, departmentId: r.departmentId, departmentName: r.departmentName, address: r.address, foundedOn: r.foundedOn, mediators: m.get(r.id) ?? 0, cases: c.get(r.id) ?? 0, inScope: actor.scopeDepartmentIds === null || actor.scopeDepartmentIds.includes(r.departmentId) }));
    },

    async createCommittee(actor, body, meta) {
      const departmentId = body.departmentId ?? actor.departmentId;
      if (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(departmentId)) throw new AppError('OUT_OF_SCOPE', { departmentId });
      const dept = await db.selectFrom('departments').select(['id', 'name']).where('id', '=', departmentId).executeTakeFirst();
      if (!dept) throw new AppError('MEDIATION_COMMITTEE_INVALID', { departmentId });
      const id = randomUUID();
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('mediationCommittees').select('id').where('name', '=', body.name).executeTakeFirst()) throw new AppError('CONFLICT', { message: '同名的人民调解委员会已登记' });
        await trx.insertInto('mediationCommittees').values({ id, name: body.name, kind: body.kind, departmentId, address: body.address ?? null, foundedOn: body.foundedOn ?? null, createdAt: now, updatedAt: now, version: 1 }).execute();
        await audit.record({ ...rec(actor, meta), action: 'mediation.committee.create', objectType: 'mediationCommittee', objectId: id, after: { name: body.name, kind: body.kind } }, trx);
      });
      return { id, name: body.name, kind: body.kind, departmentId, departmentName: dept.name, address: body.address ?? null, foundedOn: body.foundedOn ?? null, mediators: 0, cases: 0, inScope: true };
    },

    async mediators(_actor, committeeId) {
      const ids = (await db.selectFrom('mediators').select('id').where('committeeId', '=', committeeId).execute()).map((m) => m.id);
      return mediatorView(ids);
    },

    async createMediator(actor, body, meta) {
      const c = await committeeInScope(actor, body.committeeId);
      const id = randomUUID();
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('mediators').values({ id, committeeId: c.id, departmentId: c.departmentId, name: body.name, position: body.position, fullTime: body.fullTime ? 1 : 0, specialty: body.specialty ?? null, createdAt: now, updatedAt: now, version: 1 }).execute();
        await audit.record({ ...rec(actor, meta), action: 'mediation.mediator.create', objectType: 'mediator', objectId: id, after: { name: body.name, committee: c.name } }, trx);
      });
      return (await mediatorView([id]))[0]!;
    },

    async addTraining(actor, mediatorId, body, meta) {
      const m = await db.selectFrom('mediators').selectAll().where('id', '=', mediatorId).executeTakeFirst();
      if (!m) throw new AppError('NOT_FOUND', { entity: 'mediator', id: mediatorId });
      await committeeInScope(actor, m.committeeId);
      if (body.on > clock.today()) throw new AppError('MEDIATION_DATE_INVALID', { field: 'on', date: body.on });
      await db.transaction().execute(async (trx) => {
        const id = randomUUID();
        await trx.insertInto('mediatorTrainings').values({ id, mediatorId, onDate: body.on, topic: body.topic, hours: body.hours, createdAt: clock.nowIso() }).execute();
        await audit.record({ ...rec(actor, meta), action: 'mediation.mediator.training', objectType: 'mediator', objectId: mediatorId, after: { on: body.on, topic: body.topic, hours: body.hours } }, trx);
      });
      return (await mediatorView([mediatorId]))[0]!;
    },

    async list(actor, q) {
      let base = db.selectFrom('mediationCases').where((eb) => scopeWhere(eb, actor, 'mediationCases.departmentId', 'mediationCases.handlerId'));
      if (q.status) base = base.where('status', '=', q.status);
      if (q.committeeId) base = base.where('committeeId', '=', q.committeeId);
      if (q.acceptedFrom && q.acceptedTo && q.acceptedFrom > q.acceptedTo) throw new AppError('VALIDATION_FAILED', { field: 'acceptedTo' }, '开始日期不能晚于结束日期');
      if (q.acceptedFrom) base = base.where('acceptedOn', '>=', q.acceptedFrom);
      if (q.acceptedTo) base = base.where('acceptedOn', '<=', q.acceptedTo);
      if (q.q) {
        const like = `%${q.q}%`;
        base = base.where((eb) => eb.or([eb('caseNo', 'like', like), eb('summary', 'like', like), eb.exists(eb.selectFrom('mediationParties as p').select('p.id').whereRef('p.caseId', '=', 'mediationCases.id').where('p.name', 'like', like))]));
      }
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('acceptedOn', 'desc').orderBy('seq', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { data: await summaries(rows), total: Number(total) };
    },

    async get(actor, id) {
      return detail(actor, await loadCase(actor, id));
    },

    async create(actor, body, meta) {
      dateCheck('acceptedOn', body.acceptedOn);
      const earliest = earliestRegisterDate(clock.today());
      if (body.acceptedOn < earliest) throw new AppError('MEDIATION_DATE_INVALID', { field: 'acceptedOn', date: body.acceptedOn, notBefore: earliest }, tooEarlyMessage('受理日期', body.acceptedOn, earliest, `${prefix}〔年度〕N号`));
      const c = await committeeInScope(actor, body.committeeId);
      if (body.mediatorId) {
        const m = await db.selectFrom('mediators').select(['committeeId']).where('id', '=', body.mediatorId).executeTakeFirst();
        if (!m || m.committeeId !== c.id) throw new AppError('MEDIATION_COMMITTEE_INVALID', { mediatorId: body.mediatorId });
      }
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const year = Number(body.acceptedOn.slice(0, 4));
        const counter = await trx.selectFrom('mediationCounters').select('lastSeq').where('year', '=', year).executeTakeFirst();
        const seq = (counter?.lastSeq ?? 0) + 1;
        if (counter) await trx.updateTable('mediationCounters').set({ lastSeq: seq }).where('year', '=', year).execute();
        else await trx.insertInto('mediationCounters').values({ year, lastSeq: seq }).execute();
        const caseNo = `${prefix}〔${year}〕${seq}号`;
        const now = clock.nowIso();
        await trx
          .insertInto('mediationCases')
          .values({ id, caseNo, year, seq, committeeId: c.id, departmentId: c.departmentId, handlerId: actor.userId, mediatorId: body.mediatorId ?? null, disputeId: body.disputeId ?? null, status: 'accepted', matterType: body.matterType, summary: body.summary, startMode: body.startMode, acceptedOn: body.acceptedOn, agreementForm: null, agreementTerms: null, agreementEffectiveOn: null, confirmationDue: null, confirmationAppliedOn: null, confirmationCourt: null, endedOn: null, failureReason: null, followedUpOn: null, performed: null, createdAt: now, updatedAt: now, version: 1 })
          .execute();
        for (const p of body.parties) {
          const person = await people.create(actor, { name: p.name, idNumber: p.idNumber, mobile: p.mobile ?? null }, meta, trx);
          await trx.insertInto('mediationParties').values({ id: randomUUID(), caseId: id, personId: person.id, name: p.name, role: p.role }).execute();
        }
        if (body.disputeId) await deps.disputes.linkMediation(trx, actor, body.disputeId, { action: 'mediationAccepted', on: body.acceptedOn, caseId: id, caseNo });
        await audit.record({ ...rec(actor, meta), action: 'mediation.case.create', objectType: MEDIATION_OBJECT, objectId: id, after: { caseNo, committee: c.name, matterType: body.matterType, parties: body.parties.length } }, trx);
      });
      return detail(actor, await loadCase(actor, id));
    },

    async addSession(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const r = await loadCase(actor, id, trx);
        assertMediationAction(r.status, 'session');
        dateCheck('heldOn', body.heldOn, r.acceptedOn);
        if (body.mediatorId) {
          const m = await trx.selectFrom('mediators').select(['committeeId']).where('id', '=', body.mediatorId).executeTakeFirst();
          if (!m || m.committeeId !== r.committeeId) throw new AppError('MEDIATION_COMMITTEE_INVALID', { mediatorId: body.mediatorId });
        }
        const sid = randomUUID();
        await trx.insertInto('mediationSessions').values({ id: sid, caseId: r.id, heldOn: body.heldOn, mediatorId: body.mediatorId ?? r.mediatorId, place: body.place ?? null, note: body.note, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await audit.record({ ...rec(actor, meta), action: 'mediation.case.session', objectType: MEDIATION_OBJECT, objectId: r.id, after: { heldOn: body.heldOn }, extra: { caseNo: r.caseNo } }, trx);
      });
      return detail(actor, await loadCase(actor, id));
    },

    async agree(actor, id, body, meta) {
      return change(actor, id, body.version, 'agreement', meta, async (r, trx) => {
        dateCheck('effectiveOn', body.effectiveOn, r.acceptedOn);
        const c = await confirmationOf(body.effectiveOn, false);
        // P2: 人民调解法第三十三条 — the joint application window, on the handler's to-do list with its reminder
        await deps.deadlines.open(trx, { module: 'mediation', objectType: MEDIATION_OBJECT, objectId: r.id, title: `${r.caseNo} ${getRule(CONFIRMATION_RULE).title}`, ruleId: CONFIRMATION_RULE, startDate: body.effectiveOn, departmentId: r.departmentId, assigneeId: r.handlerId });
        if (r.disputeId) await deps.disputes.linkMediation(trx, actor, r.disputeId, { action: 'mediationConcluded', on: body.effectiveOn, caseId: r.id, caseNo: r.caseNo, outcome: 'agreed' });
        return { patch: { status: 'agreed', agreementForm: body.form, agreementTerms: body.terms, agreementEffectiveOn: body.effectiveOn, endedOn: body.effectiveOn, confirmationDue: c.due }, audit: { effectiveOn: body.effectiveOn, confirmationDue: c.due } };
      });
    },

    async fail(actor, id, body, meta) {
      return change(actor, id, body.version, 'failure', meta, async (r, trx) => {
        dateCheck('endedOn', body.endedOn, r.acceptedOn);
        if (r.disputeId) await deps.disputes.linkMediation(trx, actor, r.disputeId, { action: 'mediationConcluded', on: body.endedOn, caseId: r.id, caseNo: r.caseNo, outcome: 'failed' });
        return { patch: { status: 'failed', endedOn: body.endedOn, failureReason: body.reason } };
      });
    },

    async applyConfirmation(actor, id, body, meta) {
      return change(actor, id, body.version, 'confirmation', meta, async (r, trx) => {
        if (r.confirmationAppliedOn) throw new AppError('MEDIATION_TRANSITION_NOT_ALLOWED', { reason: 'alreadyApplied' });
        dateCheck('appliedOn', body.appliedOn, r.agreementEffectiveOn);
        if (r.confirmationDue && body.appliedOn > r.confirmationDue) throw new AppError('MEDIATION_CONFIRMATION_LATE', { due: r.confirmationDue, appliedOn: body.appliedOn });
        const d = await trx.selectFrom('deadlines').select(['id']).where('objectType', '=', MEDIATION_OBJECT).where('objectId', '=', r.id).where('ruleId', '=', CONFIRMATION_RULE).where('status', '=', 'open').executeTakeFirst();
        if (d) await deps.deadlines.close(trx, d.id, 'met');
        return { patch: { confirmationAppliedOn: body.appliedOn, confirmationCourt: body.court } };
      });
    },

    async followUp(actor, id, body, meta) {
      return change(actor, id, body.version, 'followUp', meta, async (r) => {
        dateCheck('on', body.on, r.agreementEffectiveOn);
        return { patch: { followedUpOn: body.on, performed: body.performed ? 1 : 0 }, audit: { note: body.note } };
      });
    },

    async agreementDocx(actor, id, meta) {
      const r = await loadCase(actor, id);
      if (r.status !== 'agreed' || !r.agreementTerms || !r.agreementEffectiveOn) throw new AppError('MEDIATION_TRANSITION_NOT_ALLOWED', { reason: 'noAgreement' });
      const c = await db.selectFrom('mediationCommittees').select(['name']).where('id', '=', r.committeeId).executeTakeFirstOrThrow();
      const d = await detail(actor, r);
      const mediator = d.mediatorName ?? '';
      // Art. 28: parties may agree orally, the mediator records the terms; such an agreement takes effect on the day
      // it is reached (Art. 30), so its document is the record, without the signing and copies of a 协议书 (Art. 29)
      const oral = r.agreementForm === 'oral';
      const title = oral ? '口头调解协议记录' : '人民调解协议书';
      const paragraphs = [
        ...d.parties.map((p) => `${ROLE_LABELS[p.role] ?? '当事人'}：${p.name}，公民身份号码 ${p.idNumber}。`),
        '',
        `纠纷类型：${DISPUTE_TYPE_LABELS[r.matterType as DisputeType] ?? r.matterType}。`,
        `纠纷主要事实、争议事项：${r.summary}${/[。！？]$/.test(r.summary) ? '' : '。'}`,
        oral ? `经${c.name}调解，当事人于${officialDate(r.agreementEffectiveOn)}自愿达成如下口头协议，由人民调解员记录（《中华人民共和国人民调解法》第二十八条）：` : `经${c.name}调解，当事人自愿达成如下协议：`,
        ...r.agreementTerms.split(/\r?\n/).filter((l) => l.trim()),
        '履行方式、时限：按上述约定履行。人民调解委员会对调解协议的履行情况进行监督，督促当事人履行约定的义务（《中华人民共和国人民调解法》第三十一条第二款）。',
        oral
          ? '口头调解协议自各方当事人达成协议之日起生效（第三十条），具有法律约束力，当事人应当按照约定履行（第三十一条第一款）。'
          : '本协议经各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（第二十九条第二款），具有法律约束力，当事人应当按照约定履行（第三十一条第一款）。',
        `双方当事人认为有必要的，可以自调解协议生效之日起三十日内${d.confirmation?.due ? `（至${officialDate(d.confirmation.due)}）` : ''}共同向人民法院申请司法确认（第三十三条第一款；《中华人民共和国民事诉讼法》第二百零五条）。`,
        // Art. 29 ¶2: one copy for each party and one kept by the committee
        ...(oral ? [] : [`本协议一式${copiesZh(d.parties.length + 1)}份，各方当事人各执一份，人民调解委员会留存一份（第二十九条第二款）。`]),
        '',
        ...(oral ? [] : [`当事人（签名、盖章或按指印）：${d.parties.map((p) => p.name).join('　　')}`]),
        `人民调解员（签名）：${mediator}`,
      ];
      const bytes = await buildOfficialDocx({ organ: c.name, title, docNo: r.caseNo, paragraphs, signature: { organ: c.name, date: r.agreementEffectiveOn } });
      await audit.record({ ...rec(actor, meta), action: 'mediation.case.agreementDocx', objectType: MEDIATION_OBJECT, objectId: r.id, extra: { caseNo: r.caseNo } });
      return { fileName: `${title}（${r.caseNo}）.docx`, bytes };
    },

    async caseNumbers(objectType, ids) {
      if (objectType !== MEDIATION_OBJECT || ids.length === 0) return new Map();
      const rows = await db.selectFrom('mediationCases').select(['id', 'caseNo']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.caseNo]));
    },
  };
}
