/**
 * 法律援助 (《中华人民共和国法律援助法》): applications from the window, online, forwarded for detainees (Art. 39, 24
 * hours) or notified by the police, procuratorate or court (Art. 36); the means test with its exemptions (Arts. 32,
 * 41, 42); the decision (7 days, Art. 43) and assignment (3 days, Art. 43; 3 days from a criminal notice, Art. 36)
 * on the platform deadline register with the engine's explanation; the Art. 44 urgency flag and aid before the
 * decision; refusal with reasons and the objection to the bureau (5 days, Art. 49); assignment with conflict checks
 * and balanced load; termination (Art. 48), closure with quality grading (Art. 50); statistics by group and matter.
 *
 * Data scope: rows carry the registering user's department (department_id) and handler (handler_id); queries apply
 * scopeWhere. Holders of legalService.aid.objection (the bureau) review objections to any decision.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { WorkCalendar } from '../../../common/calendar';
import {
  AID_GIVEN_STATUSES, AID_GROUPS, AID_MATTERS, AID_STATUSES, type AidApplication, type AidApplicationCreateBody, type AidApplicationSummary, type AidDeadline, type AidGroup, type AidMatter, type AidStats, type AidStatus, LAW, type LawyerCandidate, type MeansResult, TERMINATION_GROUNDS,
} from '../../../common/contracts/legal-services';
import { addHours, beijingDateOf, beijingDayStart, computeDeadline, getRule, ruleCitation } from '../../../common/deadlines';
import { AID_MATERIALS_NOTE } from '../../../common/contracts/legal-services-enterprise';
import { AppError } from '../../../common/errors';
import { maskIdNumber, maskMobile } from '../../../common/validators';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import { buildOfficialDocx, officialDate } from '../../platform/documents';
import type { Clock } from '../../platform/clock';
import type { FieldCipher } from '../../platform/crypto';
import type { DeadlineService } from '../../platform/deadlines';
import { type Actor, assertInScope, can, scopeWhere } from '../../platform/identity';
import type { PeopleService } from '../../platform/people';
import { nextSeq } from './counters';
import { type LawyerFacts, MeansInputError, RANK_RULE, daysFrom, meansTest, rankLawyers, urgencyOf } from './rules';
import { readSettings } from './settings';
import { AID_ACTIONS, type AidAction, aidAllowed } from './status';
import './tables';

type Trx = Transaction<Database>;
export interface Meta {
  ip?: string | undefined;
  requestId?: string | undefined;
  userAgent?: string | undefined;
}

export const OBJECT_TYPE = 'legalAidApplication';
const DECISION_RULES = ['legalAid.applicationDecision', 'legalAid.decisionBeijing'];
const ASSIGNMENT_RULES = ['legalAid.assignment', 'legalAid.criminalNotificationAssignment'];
const OBJECTION_RULE = 'legalAid.objectionDecision';
/** L1: 法律援助法 Art. 39, 24 hours (an hour rule of the deadline engine) */
const FORWARDING_RULE = 'legalAid.detaineeForwarding';
const NO_PREFIX = '西法援';

export interface LegalAidService {
  create(actor: Actor, body: AidApplicationCreateBody, meta: Meta, hooks?: { inTransaction?: (trx: Trx, app: { id: string; appNo: string }) => Promise<void> }): Promise<AidApplication>;
  list(actor: Actor, q: { status?: AidStatus | undefined; urgent?: 'true' | 'false' | undefined; q?: string | undefined; given?: 'true' | undefined; receivedFrom?: string | undefined; receivedTo?: string | undefined; page: number; pageSize: number }): Promise<{ data: AidApplicationSummary[]; total: number }>;
  get(actor: Actor, id: string): Promise<AidApplication>;
  grant(actor: Actor, id: string, body: { note: string; version: number }, meta: Meta): Promise<AidApplication>;
  refuse(actor: Actor, id: string, body: { reason: string; version: number }, meta: Meta): Promise<AidApplication>;
  withdraw(actor: Actor, id: string, body: { note: string; version: number }, meta: Meta): Promise<AidApplication>;
  candidates(actor: Actor, id: string): Promise<{ data: LawyerCandidate[]; rule: string }>;
  assign(actor: Actor, id: string, body: { lawyerId: string | null; version: number }, meta: Meta): Promise<AidApplication>;
  provisionalAssign(actor: Actor, id: string, body: { lawyerId: string | null; version: number }, meta: Meta): Promise<AidApplication>;
  close(actor: Actor, id: string, body: { summary: string; qualityGrade: string; version: number }, meta: Meta): Promise<AidApplication>;
  terminate(actor: Actor, id: string, body: { ground: number; note: string; version: number }, meta: Meta): Promise<AidApplication>;
  objection(actor: Actor, id: string, body: { receivedOn?: string | undefined; reason: string; version: number }, meta: Meta): Promise<AidApplication>;
  decideObjection(actor: Actor, id: string, body: { result: 'upheld' | 'corrected'; note: string; version: number }, meta: Meta): Promise<AidApplication>;
  stats(actor: Actor, q: { from: string; to: string }): Promise<AidStats>;
  /** Art. 43 ¶2: one-time notice of the missing materials; the decision deadlines are paused on the register. */
  requestMaterials(actor: Actor, id: string, body: { items: string; version: number }, meta: Meta): Promise<AidApplication>;
  /** The materials arrived: the decision deadlines run again from that day. */
  receiveMaterials(actor: Actor, id: string, body: { receivedOn?: string | undefined; note: string; version: number }, meta: Meta): Promise<AidApplication>;
  lawyers(): Promise<{ data: (LawyerCandidate & { active: boolean })[] }>;
  /** Application numbers by id, for the deadline reminders. */
  caseNumbers(ids: string[]): Promise<Map<string, string>>;
  /** Art. 43 ¶1: the written notice of a refusal with its reasons (.docx), naming the Art. 49 objection route. */
  refusalNotice(actor: Actor, id: string, meta: Meta): Promise<{ fileName: string; docx: Buffer }>;
}

export function createLegalAidService(deps: { db: Db; clock: Clock; audit: AuditService; deadlines: DeadlineService; people: PeopleService; cipher: FieldCipher; calendar: () => Promise<WorkCalendar> }): LegalAidService {
  const { db, clock, audit, deadlines, people, cipher } = deps;

  const record = (trx: Trx, actor: Actor, meta: Meta, action: string, objectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType: OBJECT_TYPE, objectId, before, after }, trx);

  async function event(trx: Trx, appId: string, actor: Actor, action: string, note: string) {
    const last = await trx.selectFrom('legalAidEvents').select((eb) => eb.fn.max('seq').as('m')).where('applicationId', '=', appId).executeTakeFirst();
    await trx.insertInto('legalAidEvents').values({ id: randomUUID(), applicationId: appId, seq: Number(last?.m ?? 0) + 1, at: clock.nowIso(), action, actorId: actor.userId, actorName: actor.displayName, note }).execute();
  }

  async function openDeadline(trx: Trx, row: { id: string; appNo: string; departmentId: string; handlerId: string }, ruleId: string, start: string, startAt?: string) {
    const rule = getRule(ruleId);
    return deadlines.open(trx, { module: 'legalService', objectType: OBJECT_TYPE, objectId: row.id, title: `${row.appNo} ${rule.title}`, ruleId, startDate: start, ...(startAt ? { startAt } : {}), departmentId: row.departmentId, assigneeId: row.handlerId });
  }

  /**
   * Art. 39 (L1): the custodial facility or duty lawyer forwards a detainee's application within 24 hours, counted in
   * hours by the deadline engine (the register's due instant; for applications registered before it was put on the
   * register, the engine's hour count directly). Late when it reached the centre after the due instant.
   */
  async function forwardingOf(row: Row) {
    if (!row.custodyReceivedAt) return null;
    const stored = await db.selectFrom('deadlines').select('dueAt').where('objectType', '=', OBJECT_TYPE).where('objectId', '=', row.id).where('ruleId', '=', FORWARDING_RULE).executeTakeFirst();
    const forwardDueAt = stored?.dueAt ?? addHours({ fromInstant: row.custodyReceivedAt, hours: getRule(FORWARDING_RULE).length, explain: false }).dueAt;
    return { forwardDueAt, late: Date.parse(row.receivedAt) > Date.parse(forwardDueAt) };
  }

  async function closeDeadlines(trx: Trx, appId: string, ruleIds: string[], status: 'met' | 'cancelled') {
    const open = await trx.selectFrom('deadlines').select('id').where('objectType', '=', OBJECT_TYPE).where('objectId', '=', appId).where('ruleId', 'in', ruleIds).where('status', '=', 'open').execute();
    for (const d of open) await deadlines.close(trx, d.id, status);
  }

  const canObjection = (actor: Actor) => can(actor, 'legalService.aid.objection');

  async function loadRow(q: Db | Trx, actor: Actor, id: string) {
    const row = await q.selectFrom('legalAidApplications').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'legalAidApplication', id });
    if (!canObjection(actor)) assertInScope(actor, row.departmentId, row.handlerId);
    return row;
  }
  type Row = Awaited<ReturnType<typeof loadRow>>;

  async function deadlineViews(row: Row): Promise<AidDeadline[]> {
    const cal = await deps.calendar();
    const today = clock.today();
    const rows = await db.selectFrom('deadlines').select(['id', 'ruleId', 'startDate', 'startAt', 'dueDate', 'status', 'pauses', 'extensions']).where('objectType', '=', OBJECT_TYPE).where('objectId', '=', row.id).orderBy('createdAt').orderBy('startDate').execute();
    const out: AidDeadline[] = rows.map((d) => {
      const rule = getRule(d.ruleId);
      // an hour rule (L1, Art. 39) is counted from its start instant
      const res = computeDeadline(cal, rule, { start: d.startDate, ...(d.startAt ? { startAt: d.startAt } : {}), pauses: JSON.parse(d.pauses), extensions: JSON.parse(d.extensions), asOf: today, onUnpublished: 'flag' });
      return { id: d.id, ruleId: d.ruleId, title: rule.title, citation: ruleCitation(rule), startDate: d.startDate, dueDate: d.dueDate, status: d.status as AidDeadline['status'], daysLeft: d.status === 'open' && d.dueDate ? daysFrom(today, d.dueDate) : null, unverified: !!rule.unverified, steps: res.steps, note: rule.note ?? null };
    });
    // Before the decision: the latest assignment day if aid is granted on the last day of the decision period.
    const decision = out.find((d) => d.ruleId === 'legalAid.applicationDecision' && d.status === 'open');
    if (row.status === 'received' && decision?.dueDate) {
      const rule = getRule('legalAid.assignment');
      const res = computeDeadline(cal, rule, { start: decision.dueDate, asOf: today, onUnpublished: 'flag' });
      out.push({ id: null, ruleId: rule.id, title: rule.title, citation: ruleCitation(rule), startDate: decision.dueDate, dueDate: res.due, status: 'projected', daysLeft: daysFrom(today, res.due), unverified: false, steps: res.steps, note: `推算：假定在审查决定期限最后一日（${decision.dueDate}）作出给予法律援助决定；实际自作出决定之日起算，决定作出后登记于期限台账。` });
    }
    return out;
  }

  async function lawyerName(q: Db | Trx, id: string | null) {
    if (!id) return null;
    return (await q.selectFrom('legalAidLawyers').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
  }

  function actionsFor(actor: Actor, row: Row): AidAction[] {
    const out: AidAction[] = [];
    for (const a of Object.keys(AID_ACTIONS) as AidAction[]) {
      if (!aidAllowed(a, row.status)) continue;
      if (a === 'decideObjection') {
        if (canObjection(actor) && row.objectionReceivedOn && !row.objectionResult) out.push(a);
        continue;
      }
      if (!can(actor, 'legalService.aid.handle')) continue;
      if (a === 'provisionalAssign' && (!row.urgent || row.lawyerId)) continue;
      if (a === 'objection' && row.objectionReceivedOn) continue;
      const materialsPending = !!row.materialsRequestedOn && !row.materialsReceivedOn;
      if (a === 'requestMaterials' && (materialsPending || row.materialsRequestedOn)) continue;
      if (a === 'receiveMaterials' && !materialsPending) continue;
      if (a === 'grant' && materialsPending) continue;
      out.push(a);
    }
    return out;
  }

  async function view(actor: Actor, row: Row): Promise<AidApplication> {
    const person = await db.selectFrom('people').select(['idNumberEnc', 'mobileEnc']).where('id', '=', row.applicantPersonId).executeTakeFirst();
    const dls = await deadlineViews(row);
    const events = await db.selectFrom('legalAidEvents').select(['at', 'action', 'actorName', 'note']).where('applicationId', '=', row.id).orderBy('seq').execute();
    const urgency = urgencyOf(row.receivedOn, row.limitationDate, !!row.preservationUrgent);
    const fw = await forwardingOf(row);
    return {
      ...summary(row, await lawyerName(db, row.lawyerId), dls),
      applicantIdNumber: person ? maskIdNumber(cipher.decrypt(person.idNumberEnc)) : '',
      applicantMobile: person?.mobileEnc ? maskMobile(cipher.decrypt(person.mobileEnc)) : null,
      caseSummary: row.caseSummary,
      opposingParty: row.opposingParty,
      severeCriminal: !!row.severeCriminal,
      limitationDate: row.limitationDate,
      preservationUrgent: !!row.preservationUrgent,
      urgency,
      forwarding: fw ? { custodyReceivedAt: row.custodyReceivedAt!, forwardDueAt: fw.forwardDueAt, receivedAt: row.receivedAt, late: fw.late, forwardedBy: row.forwardedBy, citation: `${LAW}第三十九条：办案机关、监管场所或者值班律师应当在二十四小时内转交法律援助机构` } : null,
      notifyingOrgan: row.notifyingOrgan,
      means: JSON.parse(row.means) as MeansResult,
      decisionOn: row.decisionOn,
      refusalReason: row.refusalReason,
      lawyerId: row.lawyerId,
      assignedOn: row.assignedOn,
      provisional: !!row.provisional,
      closedOn: row.closedOn,
      closureSummary: row.closureSummary,
      qualityGrade: row.qualityGrade,
      terminationGround: row.terminationGround,
      objection: row.objectionReceivedOn ? { receivedOn: row.objectionReceivedOn, reason: row.objectionReason ?? '', result: (row.objectionResult as 'upheld' | 'corrected' | null) ?? null, decidedOn: row.objectionDecidedOn, note: row.objectionNote } : null,
      sourceConsultationId: row.sourceConsultationId,
      materials: row.materialsRequestedOn ? { requestedOn: row.materialsRequestedOn, items: row.materialsItems ?? '', receivedOn: row.materialsReceivedOn, note: AID_MATERIALS_NOTE } : null,
      deadlines: dls,
      events,
      actions: actionsFor(actor, row),
    };
  }

  function summary(row: Row, lawyer: string | null, dls?: AidDeadline[]): AidApplicationSummary {
    const due = (ids: string[]) => dls?.find((d) => ids.includes(d.ruleId) && d.ruleId !== 'legalAid.decisionBeijing' && (d.status === 'open' || d.status === 'projected'))?.dueDate ?? null;
    return {
      id: row.id, appNo: row.appNo, channel: row.channel as AidApplicationSummary['channel'], receivedOn: row.receivedOn, applicantName: row.applicantName, group: row.aidGroup as AidGroup, matter: row.matter as AidMatter,
      status: row.status as AidStatus, urgent: !!row.urgent, lawyerName: lawyer, decisionDue: due(DECISION_RULES), assignmentDue: due(ASSIGNMENT_RULES), departmentId: row.departmentId, version: Number(row.version),
    };
  }

  /** Loads for a write: scope, allowed action, optimistic version. */
  async function forAction(trx: Trx, actor: Actor, id: string, version: number, action: AidAction) {
    const row = await loadRow(trx, actor, id);
    if (action !== 'decideObjection') assertInScope(actor, row.departmentId, row.handlerId);
    if (!aidAllowed(action, row.status)) throw new AppError('LEGAL_AID_TRANSITION_NOT_ALLOWED', { action, status: row.status });
    if (Number(row.version) !== version) throw new AppError('CONFLICT', { currentVersion: Number(row.version) });
    return row;
  }
  async function bump(trx: Trx, row: Row, set: Partial<Database['legalAidApplications']>) {
    const res = await trx.updateTable('legalAidApplications').set({ ...set, updatedAt: clock.nowIso(), version: Number(row.version) + 1 }).where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: 'legalAidApplication', id: row.id });
  }

  async function lawyerFacts(q: Db | Trx, excludeAppId: string): Promise<LawyerFacts[]> {
    const lawyers = await q.selectFrom('legalAidLawyers').selectAll().orderBy('id').execute();
    const cases = await q.selectFrom('legalAidApplications').select(['lawyerId', 'status', 'applicantName', 'opposingParty']).where('lawyerId', 'is not', null).where('id', '!=', excludeAppId).execute();
    return lawyers.map((l) => {
      const mine = cases.filter((c) => c.lawyerId === l.id);
      return {
        id: l.id, name: l.name, firmName: l.firmName, practiceYears: Number(l.practiceYears), criminalYears: Number(l.criminalYears), specialties: JSON.parse(l.specialties) as string[], conflictParties: JSON.parse(l.conflictParties) as string[], maxLoad: Number(l.maxLoad), active: !!l.active,
        openCases: mine.filter((c) => c.status === 'assigned' || (c.status === 'received' && c.lawyerId)).length,
        clients: mine.map((c) => c.applicantName),
        adversaries: mine.flatMap((c) => (c.opposingParty ? [c.opposingParty] : [])),
      };
    });
  }

  async function pickLawyer(trx: Trx, row: Row, lawyerId: string | null) {
    const ranked = rankLawyers(await lawyerFacts(trx, row.id), { applicantName: row.applicantName, opposingParty: row.opposingParty, matter: row.matter as AidMatter, severeCriminal: !!row.severeCriminal });
    if (lawyerId) {
      const r = ranked.find((x) => x.lawyer.id === lawyerId);
      if (!r) throw new AppError('NOT_FOUND', { entity: 'lawyer', id: lawyerId });
      if (!r.eligible) throw new AppError('LEGAL_AID_LAWYER_CONFLICT', { lawyer: r.lawyer.name, reasons: r.conflicts });
      return r.lawyer;
    }
    const first = ranked[0];
    if (!first || !first.eligible) throw new AppError('LEGAL_AID_NO_ELIGIBLE_LAWYER');
    return first.lawyer;
  }

  async function reload(actor: Actor, id: string) {
    return view(actor, await loadRow(db, actor, id));
  }

  return {
    async create(actor, body, meta, hooks) {
      const today = clock.today();
      const receivedOn = body.receivedOn ?? today;
      if (receivedOn > today) throw new AppError('LEGAL_AID_DATE_INVALID', { field: 'receivedOn' });
      if (body.channel === 'forwarded' && (!body.custodyReceivedAt || !body.forwardedBy)) throw new AppError('LEGAL_AID_CHANNEL_FACTS_MISSING', { field: 'custodyReceivedAt' });
      if (body.channel === 'notified' && (!body.notifyingOrgan || body.matter !== 'criminal')) throw new AppError('LEGAL_AID_CHANNEL_FACTS_MISSING', { field: 'notifyingOrgan' });
      const settings = await readSettings(db);
      let means: MeansResult;
      try {
        means = meansTest(body.means, settings.incomeStandardMonthly, body.channel);
      } catch (e) {
        if (e instanceof MeansInputError) throw new AppError('LEGAL_AID_MEANS_INVALID', { field: e.field, reason: e.reason });
        throw e;
      }
      const urgency = urgencyOf(receivedOn, body.limitationDate, body.preservationUrgent);
      const id = randomUUID();
      const now = clock.nowIso();
      // The instant of receipt: now for today's applications, else the start of that day (Beijing time).
      const receivedAt = receivedOn === today ? now : beijingDayStart(receivedOn);
      if (body.custodyReceivedAt && Date.parse(body.custodyReceivedAt) > Date.parse(now)) throw new AppError('LEGAL_AID_DATE_INVALID', { field: 'custodyReceivedAt' });
      let appNo = '';
      await db.transaction().execute(async (trx) => {
        const person = await people.create(actor, { name: body.applicant.name, idNumber: body.applicant.idNumber, mobile: body.applicant.mobile }, { ip: meta.ip ?? '', userAgent: meta.userAgent ?? '', requestId: meta.requestId ?? '' }, trx);
        const year = Number(receivedOn.slice(0, 4));
        appNo = `${NO_PREFIX}〔${year}〕${await nextSeq(trx, 'aid', year)}号`;
        const notified = body.channel === 'notified';
        const row: Database['legalAidApplications'] = {
          id, appNo, departmentId: actor.departmentId, handlerId: actor.userId, channel: body.channel, receivedOn, receivedAt, custodyReceivedAt: body.custodyReceivedAt ? new Date(body.custodyReceivedAt).toISOString() : null, forwardedBy: body.forwardedBy, notifyingOrgan: body.notifyingOrgan,
          applicantPersonId: person.id, applicantName: body.applicant.name, aidGroup: body.group, matter: body.matter, caseSummary: body.caseSummary, opposingParty: body.opposingParty, severeCriminal: body.severeCriminal ? 1 : 0,
          limitationDate: body.limitationDate, preservationUrgent: body.preservationUrgent ? 1 : 0, urgent: urgency.urgent ? 1 : 0, means: JSON.stringify(means), status: notified ? 'granted' : 'received', decisionOn: notified ? receivedOn : null,
          refusalReason: null, lawyerId: null, assignedOn: null, provisional: 0, closedOn: null, closureSummary: null, qualityGrade: null, terminationGround: null, objectionReceivedOn: null, objectionReason: null, objectionResult: null, objectionDecidedOn: null, objectionNote: null,
          sourceConsultationId: body.sourceConsultationId, materialsRequestedOn: null, materialsItems: null, materialsReceivedOn: null, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1,
        };
        await trx.insertInto('legalAidApplications').values(row).execute();
        if (row.custodyReceivedAt) {
          // L1 (Art. 39) on the register: the 24 hours ran from the custodial facility's receipt; the application's
          // arrival here is the forwarding, so the deadline is closed at once (the view says whether it was late)
          const forwarding = await openDeadline(trx, row, FORWARDING_RULE, beijingDateOf(Date.parse(row.custodyReceivedAt)), row.custodyReceivedAt);
          await deadlines.close(trx, forwarding, 'met');
        }
        if (notified) await openDeadline(trx, row, 'legalAid.criminalNotificationAssignment', receivedOn);
        else {
          await openDeadline(trx, row, 'legalAid.applicationDecision', receivedOn);
          if (settings.beijingDecisionTarget) await openDeadline(trx, row, 'legalAid.decisionBeijing', receivedOn);
        }
        await event(trx, id, actor, 'register', `${notified ? `收到${body.notifyingOrgan}通知辩护/代理` : '收到法律援助申请'}（${body.channel === 'forwarded' ? `${body.forwardedBy}转交` : body.channel === 'online' ? '网上申请' : body.channel === 'window' ? '窗口申请' : '办案机关通知'}）${urgency.urgent ? `；紧急：${urgency.reasons.join('；')}` : ''}`);
        if (hooks?.inTransaction) await hooks.inTransaction(trx, { id, appNo });
        await record(trx, actor, meta, 'legalAid.register', id, null, { appNo, channel: body.channel, receivedOn, group: body.group, matter: body.matter, urgent: urgency.urgent, meansBasis: means.basis, meansPassed: means.passed, sourceConsultationId: body.sourceConsultationId });
      });
      return reload(actor, id);
    },

    async list(actor, q) {
      let base = db.selectFrom('legalAidApplications').where((eb) => scopeWhere(eb, actor, 'legalAidApplications.departmentId', 'legalAidApplications.handlerId'));
      if (q.status) base = base.where('status', '=', q.status);
      if (q.urgent) base = base.where('urgent', '=', q.urgent === 'true' ? 1 : 0);
      if (q.q) base = base.where((eb) => eb.or([eb('applicantName', 'like', `%${q.q}%`), eb('appNo', 'like', `%${q.q}%`)]));
      if (q.receivedFrom && q.receivedTo && q.receivedFrom > q.receivedTo) throw new AppError('VALIDATION_FAILED', { field: 'receivedTo' }, '开始日期不能晚于结束日期');
      if (q.given) base = base.where('status', 'in', [...AID_GIVEN_STATUSES]);
      if (q.receivedFrom) base = base.where('receivedOn', '>=', q.receivedFrom);
      if (q.receivedTo) base = base.where('receivedOn', '<=', q.receivedTo);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('receivedOn', 'desc').orderBy('appNo', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const ids = rows.map((r) => r.id);
      const dls = ids.length ? await db.selectFrom('deadlines').select(['objectId', 'ruleId', 'dueDate', 'status']).where('objectType', '=', OBJECT_TYPE).where('objectId', 'in', ids).where('status', '=', 'open').execute() : [];
      const names = new Map((await db.selectFrom('legalAidLawyers').select(['id', 'name']).execute()).map((l) => [l.id, l.name]));
      const today = clock.today();
      return {
        total: Number(total),
        data: rows.map((r) => summary(r, r.lawyerId ? (names.get(r.lawyerId) ?? null) : null, dls.filter((d) => d.objectId === r.id).map((d) => ({ id: null, ruleId: d.ruleId, title: '', citation: '', startDate: '', dueDate: d.dueDate, status: 'open' as const, daysLeft: d.dueDate ? daysFrom(today, d.dueDate) : null, unverified: false, steps: [], note: null })))),
      };
    },

    async get(actor, id) {
      return reload(actor, id);
    },

    async grant(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'grant');
        if (row.materialsRequestedOn && !row.materialsReceivedOn) throw new AppError('LEGAL_AID_MATERIALS_STATE', { reason: 'pending' });
        const means = JSON.parse(row.means) as MeansResult;
        if (!means.passed) throw new AppError('LEGAL_AID_MEANS_NOT_MET', { means: means.text });
        const today = clock.today();
        await closeDeadlines(trx, id, DECISION_RULES, 'met');
        // Aid already given before the decision (Art. 44): the provisional assignment becomes the assignment.
        const status = row.lawyerId ? 'assigned' : 'granted';
        await bump(trx, row, { status, decisionOn: today, provisional: 0 });
        if (!row.lawyerId) await openDeadline(trx, row, 'legalAid.assignment', today);
        await event(trx, id, actor, 'grant', `决定给予法律援助${body.note ? `：${body.note}` : ''}${row.lawyerId ? '（已先行指派，转为正式指派）' : '；应于三日内指派法律援助人员'}`);
        await record(trx, actor, meta, 'legalAid.grant', id, { status: row.status }, { status, decisionOn: today });
      });
      return reload(actor, id);
    },

    async refuse(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'refuse');
        const today = clock.today();
        await closeDeadlines(trx, id, DECISION_RULES, 'met');
        await bump(trx, row, { status: 'refused', decisionOn: today, refusalReason: body.reason, provisional: 0 });
        await event(trx, id, actor, 'refuse', `决定不予法律援助，理由：${body.reason}。已书面告知申请人；申请人有异议的，可以向设立法律援助机构的司法行政部门提出（第四十九条）`);
        await record(trx, actor, meta, 'legalAid.refuse', id, { status: row.status }, { status: 'refused', decisionOn: today, reason: body.reason });
      });
      return reload(actor, id);
    },

    async refusalNotice(actor, id, meta) {
      const row = await loadRow(db, actor, id);
      if (row.status !== 'refused' || !row.decisionOn || !row.refusalReason) throw new AppError('LEGAL_AID_TRANSITION_NOT_ALLOWED', { status: row.status, action: 'refusalNotice' });
      // The legal-aid body is set up by the bureau at the root of the department tree (Art. 12): 北京市西城区司法局 and
      // its 法律援助中心 → 北京市西城区法律援助中心. The objection goes to that bureau (Art. 49 ¶1).
      const bureau = (await db.selectFrom('departments').select('name').where('parentId', 'is', null).orderBy('sort').executeTakeFirst())?.name ?? '区司法局';
      const dept = (await db.selectFrom('departments').select('name').where('id', '=', row.departmentId).executeTakeFirst())?.name ?? '法律援助中心';
      const organ = dept.startsWith('北京') || !bureau.endsWith('司法局') ? dept : `${bureau.slice(0, -'司法局'.length)}${dept}`;
      const reason = row.refusalReason.replace(/[。；;，,\s]+$/, '');
      const paragraphs = [
        `你于${officialDate(row.receivedOn)}向本机构提出的法律援助申请（申请编号：${row.appNo}；援助事项：${AID_MATTERS[row.matter as AidMatter] ?? row.matter}）收悉。`,
        `经审查，${reason}。依照《中华人民共和国法律援助法》第四十三条第一款的规定，本机构决定不予法律援助，特此书面告知。`,
        `如对本决定有异议，可以向${bureau}提出（《中华人民共和国法律援助法》第四十九条第一款）。${bureau}应当自收到异议之日起五日内进行审查，作出维持本决定或者责令本机构改正的决定（第四十九条第二款）；对维持决定不服的，可以依法申请行政复议或者提起行政诉讼（第四十九条第三款）。`,
      ];
      const docx = await buildOfficialDocx({ organ, title: '不予法律援助决定书', docNo: row.appNo, addressee: row.applicantName, paragraphs, signature: { organ, date: row.decisionOn } });
      await audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action: 'legalAid.refusalNotice', objectType: OBJECT_TYPE, objectId: row.id, before: null, after: { appNo: row.appNo } });
      return { fileName: `不予法律援助决定书_${row.appNo}.docx`, docx };
    },

    async withdraw(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'withdraw');
        await closeDeadlines(trx, id, [...DECISION_RULES, ...ASSIGNMENT_RULES], 'cancelled');
        await bump(trx, row, { status: 'withdrawn' });
        await event(trx, id, actor, 'withdraw', `撤回申请：${body.note}`);
        await record(trx, actor, meta, 'legalAid.withdraw', id, { status: row.status }, { status: 'withdrawn' });
      });
      return reload(actor, id);
    },

    async candidates(actor, id) {
      const row = await loadRow(db, actor, id);
      const ranked = rankLawyers(await lawyerFacts(db, id), { applicantName: row.applicantName, opposingParty: row.opposingParty, matter: row.matter as AidMatter, severeCriminal: !!row.severeCriminal });
      return {
        rule: RANK_RULE,
        data: ranked.map((r) => ({ id: r.lawyer.id, name: r.lawyer.name, firmName: r.lawyer.firmName, practiceYears: r.lawyer.practiceYears, specialties: r.lawyer.specialties, openCases: r.lawyer.openCases, maxLoad: r.lawyer.maxLoad, specialtyMatch: r.specialtyMatch, eligible: r.eligible, conflicts: r.conflicts, rank: r.rank })),
      };
    },

    async assign(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'assign');
        const lawyer = await pickLawyer(trx, row, body.lawyerId);
        const today = clock.today();
        await closeDeadlines(trx, id, ASSIGNMENT_RULES, 'met');
        await bump(trx, row, { status: 'assigned', lawyerId: lawyer.id, assignedOn: today });
        await event(trx, id, actor, 'assign', `指派${lawyer.firmName}律师${lawyer.name}（在办 ${lawyer.openCases} 件${body.lawyerId ? '，人工选择' : '，按负荷自动分配'}），经利益冲突审查无冲突`);
        await record(trx, actor, meta, 'legalAid.assign', id, { status: row.status, lawyerId: row.lawyerId }, { status: 'assigned', lawyerId: lawyer.id, assignedOn: today });
      });
      return reload(actor, id);
    },

    async provisionalAssign(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'provisionalAssign');
        if (!row.urgent) throw new AppError('LEGAL_AID_NOT_URGENT');
        if (row.lawyerId) throw new AppError('LEGAL_AID_TRANSITION_NOT_ALLOWED', { action: 'provisionalAssign', reason: 'alreadyAssigned' });
        const lawyer = await pickLawyer(trx, row, body.lawyerId);
        const today = clock.today();
        await bump(trx, row, { lawyerId: lawyer.id, assignedOn: today, provisional: 1 });
        await event(trx, id, actor, 'provisionalAssign', `先行提供法律援助（第四十四条），指派${lawyer.firmName}律师${lawyer.name}；审查决定期限继续计算，申请人应当及时补办有关手续、补充材料`);
        await record(trx, actor, meta, 'legalAid.provisionalAssign', id, { lawyerId: null }, { lawyerId: lawyer.id, provisional: true });
      });
      return reload(actor, id);
    },

    async close(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'close');
        const today = clock.today();
        await bump(trx, row, { status: 'closed', closedOn: today, closureSummary: body.summary, qualityGrade: body.qualityGrade });
        await event(trx, id, actor, 'close', `结案归档（第五十条），质量评定：${body.qualityGrade}`);
        await record(trx, actor, meta, 'legalAid.close', id, { status: row.status }, { status: 'closed', closedOn: today, qualityGrade: body.qualityGrade });
      });
      return reload(actor, id);
    },

    async terminate(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'terminate');
        await bump(trx, row, { status: 'terminated', terminationGround: body.ground });
        await event(trx, id, actor, 'terminate', `终止法律援助（第四十八条第（${'一二三四五六七八'[body.ground - 1]}）项：${TERMINATION_GROUNDS[body.ground as keyof typeof TERMINATION_GROUNDS]}）：${body.note}`);
        await record(trx, actor, meta, 'legalAid.terminate', id, { status: row.status }, { status: 'terminated', ground: body.ground });
      });
      return reload(actor, id);
    },

    async objection(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'objection');
        if (row.objectionReceivedOn) throw new AppError('LEGAL_AID_OBJECTION_STATE', { reason: 'alreadyFiled' });
        const today = clock.today();
        const on = body.receivedOn ?? today;
        if (on > today || (row.decisionOn && on < row.decisionOn)) throw new AppError('LEGAL_AID_DATE_INVALID', { field: 'receivedOn' });
        await bump(trx, row, { objectionReceivedOn: on, objectionReason: body.reason });
        await openDeadline(trx, row, OBJECTION_RULE, on);
        await event(trx, id, actor, 'objection', `收到异议，转司法行政部门审查（第四十九条，五日内作出决定）：${body.reason}`);
        await record(trx, actor, meta, 'legalAid.objection', id, null, { objectionReceivedOn: on });
      });
      return reload(actor, id);
    },

    async decideObjection(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'decideObjection');
        if (!row.objectionReceivedOn || row.objectionResult) throw new AppError('LEGAL_AID_OBJECTION_STATE', { reason: row.objectionResult ? 'decided' : 'notFiled' });
        const today = clock.today();
        await closeDeadlines(trx, id, [OBJECTION_RULE], 'met');
        let status = row.status;
        if (body.result === 'corrected') {
          // 责令改正: a refusal becomes a grant (assignment clock from today); a termination is undone.
          status = row.status === 'refused' ? 'granted' : 'assigned';
        }
        await bump(trx, row, { status, objectionResult: body.result, objectionDecidedOn: today, objectionNote: body.note, ...(status === 'granted' ? { decisionOn: today, refusalReason: row.refusalReason } : {}), ...(status === 'assigned' ? { terminationGround: null } : {}) });
        if (status === 'granted') await openDeadline(trx, row, 'legalAid.assignment', today);
        await event(trx, id, actor, 'decideObjection', body.result === 'upheld' ? `司法行政部门决定维持法律援助机构的决定：${body.note}。申请人不服的，可以依法申请行政复议或者提起行政诉讼（第四十九条第三款）` : `司法行政部门责令法律援助机构改正：${body.note}`);
        await record(trx, actor, meta, 'legalAid.decideObjection', id, { status: row.status }, { status, objectionResult: body.result });
      });
      return reload(actor, id);
    },

    async stats(actor, q) {
      const rows = await db
        .selectFrom('legalAidApplications')
        .select(['aidGroup', 'matter', 'status', 'urgent'])
        .where((eb) => scopeWhere(eb, actor, 'legalAidApplications.departmentId', 'legalAidApplications.handlerId'))
        .where('receivedOn', '>=', q.from)
        .where('receivedOn', '<=', q.to)
        .execute();
      const count = <K extends string>(labels: Record<K, string>, key: (r: (typeof rows)[number]) => string) =>
        (Object.keys(labels) as K[]).map((k) => ({ key: k, label: labels[k], count: rows.filter((r) => key(r) === k).length }));
      return { from: q.from, to: q.to, total: rows.length, byGroup: count(AID_GROUPS, (r) => r.aidGroup), byMatter: count(AID_MATTERS, (r) => r.matter), byStatus: count(AID_STATUSES, (r) => r.status), urgent: rows.filter((r) => r.urgent).length };
    },

    async requestMaterials(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'requestMaterials');
        if (row.materialsRequestedOn) throw new AppError('LEGAL_AID_MATERIALS_STATE', { reason: 'alreadyRequested' });
        const today = clock.today();
        const open = await trx.selectFrom('deadlines').select('id').where('objectType', '=', OBJECT_TYPE).where('objectId', '=', id).where('ruleId', 'in', DECISION_RULES).where('status', '=', 'open').execute();
        for (const d of open) await deadlines.pause(trx, d.id, today, { reason: '一次性告知补充材料', article: `${LAW}第四十三条第二款`, note: `${row.appNo} 通知补充材料：${body.items}` });
        await bump(trx, row, { materialsRequestedOn: today, materialsItems: body.items, materialsReceivedOn: null });
        await event(trx, id, actor, 'requestMaterials', `一次性告知申请人补充材料（第四十三条第二款）：${body.items}；审查决定期限暂停计算。申请人未按要求补充材料或者作出说明的，视为撤回申请`);
        await record(trx, actor, meta, 'legalAid.requestMaterials', id, null, { materialsRequestedOn: today, paused: open.length });
      });
      return reload(actor, id);
    },

    async receiveMaterials(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await forAction(trx, actor, id, body.version, 'receiveMaterials');
        if (!row.materialsRequestedOn || row.materialsReceivedOn) throw new AppError('LEGAL_AID_MATERIALS_STATE', { reason: row.materialsReceivedOn ? 'alreadyReceived' : 'notRequested' });
        const today = clock.today();
        const on = body.receivedOn ?? today;
        if (on > today || on < row.materialsRequestedOn) throw new AppError('LEGAL_AID_DATE_INVALID', { field: 'receivedOn' });
        const open = await trx.selectFrom('deadlines').select('id').where('objectType', '=', OBJECT_TYPE).where('objectId', '=', id).where('ruleId', 'in', DECISION_RULES).where('status', '=', 'open').execute();
        for (const d of open) await deadlines.resume(trx, d.id, on, { note: `${row.appNo} 收到补充材料` });
        await bump(trx, row, { materialsReceivedOn: on });
        await event(trx, id, actor, 'receiveMaterials', `收到补充材料${body.note ? `：${body.note}` : ''}；审查决定期限自 ${on} 起继续计算`);
        await record(trx, actor, meta, 'legalAid.receiveMaterials', id, null, { materialsReceivedOn: on });
      });
      return reload(actor, id);
    },

    async caseNumbers(ids) {
      if (!ids.length) return new Map();
      const rows = await db.selectFrom('legalAidApplications').select(['id', 'appNo']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.appNo]));
    },

    async lawyers() {
      const facts = await lawyerFacts(db, '');
      return { data: facts.map((l) => ({ id: l.id, name: l.name, firmName: l.firmName, practiceYears: l.practiceYears, specialties: l.specialties, openCases: l.openCases, maxLoad: l.maxLoad, specialtyMatch: false, eligible: l.active && l.openCases < l.maxLoad, conflicts: l.conflictParties, rank: null, active: l.active })) };
    },
  };
}
