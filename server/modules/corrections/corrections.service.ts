/**
 * 社区矫正 (《中华人民共和国社区矫正法》2019): subjects with sentence type, deciding organ, term and risk level; the
 * statutory clocks of law-rules.md §9 on the deadline register — C1 notice (Art. 20, 5 days), C2 documents (Art. 20,
 * 10 days), C3 report (Art. 21 ¶1, 10 days), C4 handover (Art. 21 ¶2–3, 10 days), C6 court ruling on a proposal
 * (Arts. 33, 48, 49, 30 days), C8 end of term (Art. 44) — and C5 electronic monitoring (Art. 29, ≤ 3 months, a month
 * period computed by the engine); check-ins, interviews, education, public service, rewards and sanctions (Art. 28),
 * leave and transfer requests with approval (Art. 27), release (Arts. 44–45).
 *
 * Access is tighter than anywhere else: the record opens only to its named responsible staff (责任人) — and to the
 * bureau's supervisors holding corrections.subject.oversee — inside the caller's data scope; every view is audited and
 * every refusal is audited (in its own transaction, so that the refusal is kept although the request fails).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type WorkCalendar, parseDate } from '../../../common/calendar';
import {
  type AttentionList,
  type HelpRecordBody,
  type ReleasedListQuery,
  type ReleasedPerson,
  type ReleasedPersonBody,
  type CorrectionDecisionBody,
  type CorrectionDocumentsBody,
  type CorrectionEndBody,
  type CorrectionListQuery,
  type CorrectionRecordBody,
  type CorrectionReportBody,
  type CorrectionStaffBody,
  type CorrectionSubjectBody,
  type CorrectionSubjectDetailT,
  type CorrectionSubjectSummary,
  type RecordKind,
} from '../../../common/contracts/corrections';
import { computeDeadline, computeMonthDeadline, findRule, getMonthRule, getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { type Actor, type RequestMeta, assertInScope, scopeWhere } from '../../platform/identity';
import type { PeopleService } from '../../platform/people';
import './corrections.tables';

type Trx = Transaction<Database>;
type Row = Database['correctionSubjects'];
type Summary = z.infer<typeof CorrectionSubjectSummary>;
export const SUBJECT_OBJECT = 'correctionSubject';
export const RULES = {
  notify: 'corrections.notifyCorrectionBody',
  documents: 'corrections.serveDocuments',
  report: 'corrections.offenderReport',
  handover: 'corrections.handover',
  ruling: 'corrections.courtRulingOnProposal',
  monitoring: 'corrections.electronicMonitoring',
} as const;

/** Which action is allowed in which status. */
const ACTIONS: Record<string, readonly string[]> = {
  awaitingReport: ['report', 'documents', 'record', 'end', 'staff'],
  inCorrection: ['documents', 'record', 'end', 'staff'],
  released: [],
  ended: [],
};
function assertAction(status: string, action: string) {
  if (!(ACTIONS[status] ?? []).includes(action)) throw new AppError('CORRECTIONS_TRANSITION_NOT_ALLOWED', { status, action });
}

export interface CorrectionsService {
  list(actor: Actor, q: z.infer<typeof CorrectionListQuery>): Promise<{ data: Summary[]; total: number }>;
  get(actor: Actor, id: string, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  create(actor: Actor, body: z.infer<typeof CorrectionSubjectBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  report(actor: Actor, id: string, body: z.infer<typeof CorrectionReportBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  documents(actor: Actor, id: string, body: z.infer<typeof CorrectionDocumentsBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  addRecord(actor: Actor, id: string, body: z.infer<typeof CorrectionRecordBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  decide(actor: Actor, id: string, recordId: string, body: z.infer<typeof CorrectionDecisionBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  end(actor: Actor, id: string, body: z.infer<typeof CorrectionEndBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  setStaff(actor: Actor, id: string, body: z.infer<typeof CorrectionStaffBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  staffOptions(actor: Actor, departmentId: string): Promise<{ id: string; name: string; departmentId: string }[]>;
  caseNumbers(objectType: string, ids: string[]): Promise<Map<string, string>>;
  // 安置帮教
  listReleased(actor: Actor, q: z.infer<typeof ReleasedListQuery>): Promise<{ data: z.infer<typeof ReleasedPerson>[]; total: number }>;
  createReleased(actor: Actor, body: z.infer<typeof ReleasedPersonBody>, meta: RequestMeta): Promise<z.infer<typeof ReleasedPerson>>;
  addHelp(actor: Actor, id: string, body: z.infer<typeof HelpRecordBody>, meta: RequestMeta): Promise<z.infer<typeof ReleasedPerson>>;
  // 特殊时期
  attention(actor: Actor, q: { from: string; to: string }): Promise<z.infer<typeof AttentionList>>;
}

/** What the special-period list needs from the dispute register (its module's read-only query). */
export interface DisputeAttentionSource {
  attention(actor: Actor): Promise<z.infer<typeof AttentionList>['disputes']>;
}

const CONTACT_KINDS = ['checkIn', 'interview', 'visit'];

export function createCorrectionsService(deps: { db: Db; clock: Clock; audit: AuditService; people: PeopleService; deadlines: DeadlineService; calendar: () => Promise<WorkCalendar>; disputes: DisputeAttentionSource }): CorrectionsService {
  const { db, clock, audit, people } = deps;
  const rec = (actor: Actor, meta: RequestMeta) => ({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId });

  const dateCheck = (field: string, on: string, notBefore?: string | null) => {
    if (on > clock.today()) throw new AppError('CORRECTIONS_DATE_INVALID', { field, date: on, today: clock.today() });
    if (notBefore && on < notBefore) throw new AppError('CORRECTIONS_DATE_INVALID', { field, date: on, notBefore });
  };

  async function due(ruleId: string, start: string) {
    return computeDeadline(await deps.calendar(), getRule(ruleId), { start, asOf: clock.today(), onUnpublished: 'flag', explain: false }).due;
  }

  async function staffOf(ids: string[]) {
    if (!ids.length) return [];
    return db.selectFrom('correctionStaff as s').innerJoin('users as u', 'u.id', 's.userId').select(['s.subjectId', 's.userId', 'u.displayName']).where('s.subjectId', 'in', ids).orderBy('s.createdAt').execute();
  }

  /**
   * The gate of every read or write of one record: data scope, then named staff (or oversight for reading and for
   * naming staff). A refusal is audited in its own transaction and then thrown.
   */
  async function gate(actor: Actor, id: string, meta: RequestMeta, purpose: 'view' | 'write' | 'staff', q: Db | Trx = db): Promise<Row> {
    const r = await q.selectFrom('correctionSubjects').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: SUBJECT_OBJECT, id });
    const inScope = actor.dataScope === 'own' ? r.createdBy === actor.userId : actor.scopeDepartmentIds === null || actor.scopeDepartmentIds.includes(r.departmentId);
    const named = !!(await q.selectFrom('correctionStaff').select('userId').where('subjectId', '=', id).where('userId', '=', actor.userId).executeTakeFirst());
    const oversee = actor.permissions.has('corrections.subject.oversee');
    const allowed = inScope && (named || (oversee && purpose !== 'write'));
    if (!allowed) {
      const code = inScope ? 'CORRECTIONS_NOT_NAMED_STAFF' : 'OUT_OF_SCOPE';
      await audit.record({ ...rec(actor, meta), action: `corrections.subject.${purpose}`, objectType: SUBJECT_OBJECT, objectId: id, outcome: 'denied', extra: { reason: code } });
      throw new AppError(code, { id });
    }
    return r;
  }

  async function summaries(actor: Actor, rows: Row[]): Promise<Summary[]> {
    if (!rows.length) return [];
    const today = clock.today();
    const [staff, depts] = await Promise.all([staffOf(rows.map((r) => r.id)), db.selectFrom('departments').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.departmentId))]).execute()]);
    const dn = new Map(depts.map((d) => [d.id, d.name]));
    return rows.map((r) => {
      const mine = staff.filter((s) => s.subjectId === r.id);
      return {
        id: r.id,
        name: r.name,
        sentenceType: r.sentenceType as Summary['sentenceType'],
        decidingOrgan: r.decidingOrgan,
        judgmentEffectiveOn: r.judgmentEffectiveOn,
        termStart: r.termStart,
        termEnd: r.termEnd,
        riskLevel: r.riskLevel as Summary['riskLevel'],
        status: r.status as Summary['status'],
        reportDue: r.reportDue,
        reportedOn: r.reportedOn,
        reportOverdue: r.status === 'awaitingReport' && today > r.reportDue,
        daysToTermEnd: r.status === 'inCorrection' || r.status === 'awaitingReport' ? parseDate(r.termEnd) - parseDate(today) : null,
        staffNames: mine.map((s) => s.displayName),
        mine: mine.some((s) => s.userId === actor.userId),
        departmentId: r.departmentId,
        departmentName: dn.get(r.departmentId) ?? '',
      };
    });
  }

  async function detail(actor: Actor, r: Row): Promise<CorrectionSubjectDetailT> {
    const [s] = await summaries(actor, [r]);
    const today = clock.today();
    const [person, clocks, records, staff] = await Promise.all([
      db.selectFrom('people').select(['id']).where('id', '=', r.personId).executeTakeFirst(),
      db.selectFrom('deadlines').select(['ruleId', 'startDate', 'dueDate', 'status']).where('objectType', '=', SUBJECT_OBJECT).where('objectId', '=', r.id).orderBy('startDate').orderBy('dueDate').execute(),
      db.selectFrom('correctionRecords as c').leftJoin('users as u', 'u.id', 'c.createdBy').select(['c.id', 'c.kind', 'c.onDate', 'c.detail', 'c.status', 'u.displayName']).where('c.subjectId', '=', r.id).orderBy('c.onDate', 'desc').orderBy('c.createdAt', 'desc').execute(),
      staffOf([r.id]),
    ]);
    // the gate has checked named staff / oversight: the masked numbers come from the people register without its
    // own scope rule (the person row belongs to whoever registered the subject)
    const masked = person ? await people.get({ ...actor, dataScope: 'all', scopeDepartmentIds: null }, r.personId) : null;
    const clockRows = clocks.map((c) => {
      const rule = findRule(c.ruleId);
      return { ref: rule?.ref ?? '', title: rule?.title ?? c.ruleId, citation: rule ? ruleCitation(rule) : '', startDate: c.startDate, due: c.dueDate, status: c.status, overdue: c.status === 'open' && !!c.dueDate && c.dueDate < today, unverified: rule?.unverified === true };
    });
    // C8 (Art. 44) is an event, not a period: on the last day of the term the release certificate is issued and the
    // deciding organ, the procuratorate and the police are notified
    clockRows.push({ ref: 'C8', title: '矫正期满，发放解除社区矫正证明书并通知决定机关、检察院、公安机关', citation: '《中华人民共和国社区矫正法》第四十四条', startDate: r.termStart, due: r.termEnd, status: r.status === 'released' ? 'met' : r.status === 'ended' ? 'cancelled' : 'open', overdue: (r.status === 'inCorrection' || r.status === 'awaitingReport') && r.termEnd < today, unverified: false });
    if (r.monitoringUntil) {
      const m = getMonthRule(RULES.monitoring);
      const start = records.find((x) => x.kind === 'monitoring')?.onDate ?? r.termStart;
      clockRows.push({ ref: m.ref ?? 'C5', title: m.title, citation: ruleCitation(m), startDate: start, due: r.monitoringUntil, status: r.monitoringUntil < today ? 'met' : r.status === 'released' || r.status === 'ended' ? 'cancelled' : 'open', overdue: false, unverified: m.unverified === true });
    }
    return {
      ...s!,
      crime: r.crime,
      idNumber: masked?.idNumber ?? '',
      mobile: masked?.mobile ?? null,
      personId: r.personId,
      decisionReceivedOn: r.decisionReceivedOn,
      noticeReceivedOn: r.noticeReceivedOn,
      documentsReceivedOn: r.documentsReceivedOn,
      monitoringUntil: r.monitoringUntil,
      releasedOn: r.releasedOn,
      endReason: (r.endReason as CorrectionSubjectDetailT['endReason']) ?? null,
      clocks: clockRows,
      records: records.map((x) => ({ id: x.id, kind: x.kind as RecordKind, onDate: x.onDate, detail: JSON.parse(x.detail) as Record<string, unknown>, status: x.status, createdByName: x.displayName ?? null })),
      staff: staff.map((x) => ({ userId: x.userId, name: x.displayName })),
      version: r.version,
    };
  }

  async function checkStaff(q: Db | Trx, departmentId: string, ids: string[]) {
    const unique = [...new Set(ids)];
    const ok = await q
      .selectFrom('users as u')
      .innerJoin('userRoles as ur', 'ur.userId', 'u.id')
      .innerJoin('rolePermissions as rp', 'rp.roleId', 'ur.roleId')
      .select('u.id')
      .distinct()
      .where('u.id', 'in', unique)
      .where('u.status', '=', 'active')
      .where('u.departmentId', '=', departmentId)
      .where('rp.permission', '=', 'corrections.subject.manage')
      .execute();
    if (ok.length !== unique.length) throw new AppError('CORRECTIONS_STAFF_INVALID', { staffIds: unique.filter((x) => !ok.some((o) => o.id === x)) });
    return unique;
  }

  async function openDeadline(trx: Trx, r: Pick<Row, 'id' | 'departmentId' | 'name'>, ruleId: string, start: string, assigneeId: string | null) {
    // the title carries no personal data (it reaches reminder messages and logs): the file number only
    return deps.deadlines.open(trx, { module: 'corrections', objectType: SUBJECT_OBJECT, objectId: r.id, title: `社区矫正档案 ${r.id.slice(0, 8)} ${getRule(ruleId).title}`, ruleId, startDate: start, departmentId: r.departmentId, assigneeId });
  }
  async function closeDeadlines(trx: Trx, id: string, ruleIds: string[], status: 'met' | 'cancelled') {
    const rows = await trx.selectFrom('deadlines').select('id').where('objectType', '=', SUBJECT_OBJECT).where('objectId', '=', id).where('status', '=', 'open').where('ruleId', 'in', ruleIds).execute();
    for (const d of rows) await deps.deadlines.close(trx, d.id, status);
    return rows.length;
  }

  async function releasedViews(rows: Database['releasedPersons'][]): Promise<z.infer<typeof ReleasedPerson>[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [helps, depts] = await Promise.all([
      db.selectFrom('correctionRecords as c').leftJoin('users as u', 'u.id', 'c.createdBy').select(['c.id', 'c.subjectId', 'c.kind', 'c.onDate', 'c.detail', 'u.displayName']).where('c.subjectId', 'in', ids).where('c.kind', 'like', 'help:%').orderBy('c.onDate', 'desc').execute(),
      db.selectFrom('departments').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.departmentId))]).execute(),
    ]);
    const dn = new Map(depts.map((d) => [d.id, d.name]));
    return rows.map((r) => {
      const mine = helps.filter((h) => h.subjectId === r.id).map((h) => ({ id: h.id, kind: h.kind.slice(5) as z.infer<typeof ReleasedPerson>['helps'][number]['kind'], onDate: h.onDate, note: String((JSON.parse(h.detail) as { note?: string }).note ?? ''), createdByName: h.displayName ?? null }));
      return { id: r.id, name: r.name, releasedOn: r.releasedOn, source: r.source as 'prison' | 'parole', riskLevel: r.riskLevel as Summary['riskLevel'], helps: mine, lastHelpOn: mine[0]?.onDate ?? null, departmentId: r.departmentId, departmentName: dn.get(r.departmentId) ?? '' };
    });
  }

  async function change(actor: Actor, id: string, version: number | null, action: string, meta: RequestMeta, run: (r: Row, trx: Trx) => Promise<{ patch: Partial<Row>; audit?: Record<string, unknown> }>) {
    // the refusal is audited outside the write's transaction (it must survive the rollback)
    await gate(actor, id, meta, action === 'staff' ? 'staff' : 'write');
    await db.transaction().execute(async (trx) => {
      const r = await trx.selectFrom('correctionSubjects').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assertAction(r.status, action);
      const step = await run(r, trx);
      let q = trx.updateTable('correctionSubjects').set({ ...step.patch, updatedAt: clock.nowIso(), version: r.version + 1 }).where('id', '=', r.id);
      if (version !== null) q = q.where('version', '=', version);
      const res = await q.executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: SUBJECT_OBJECT, id });
      await audit.record({ ...rec(actor, meta), action: `corrections.subject.${action}`, objectType: SUBJECT_OBJECT, objectId: r.id, before: { status: r.status }, after: { status: step.patch.status ?? r.status, ...(step.audit ?? {}) } }, trx);
    });
    return detail(actor, (await db.selectFrom('correctionSubjects').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  }

  return {
    async list(actor, q) {
      let base = db.selectFrom('correctionSubjects').where((eb) => scopeWhere(eb, actor, 'correctionSubjects.departmentId', 'correctionSubjects.createdBy'));
      if (q.status) base = base.where('status', '=', q.status);
      if (q.sentenceType) base = base.where('sentenceType', '=', q.sentenceType);
      if (q.riskLevel) base = base.where('riskLevel', '=', q.riskLevel);
      if (q.overdue) base = base.where('status', '=', 'awaitingReport').where('reportDue', '<', clock.today());
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('status').orderBy('reportDue').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { data: await summaries(actor, rows), total: Number(total) };
    },

    async get(actor, id, meta) {
      const r = await gate(actor, id, meta, 'view');
      // every view of a correction record is audited
      await audit.record({ ...rec(actor, meta), action: 'corrections.subject.view', objectType: SUBJECT_OBJECT, objectId: id });
      return detail(actor, r);
    },

    async create(actor, body, meta) {
      dateCheck('judgmentEffectiveOn', body.judgmentEffectiveOn);
      if (body.termEnd < body.termStart) throw new AppError('CORRECTIONS_DATE_INVALID', { field: 'termEnd', date: body.termEnd, notBefore: body.termStart });
      const outside = body.sentenceType === 'outsideExecution';
      if (outside && !body.decisionReceivedOn) throw new AppError('CORRECTIONS_FACTS_MISSING', { field: 'decisionReceivedOn' });
      if (outside) dateCheck('decisionReceivedOn', body.decisionReceivedOn!);
      const departmentId = body.departmentId ?? actor.departmentId;
      if (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(departmentId)) throw new AppError('OUT_OF_SCOPE', { departmentId });
      const dept = await db.selectFrom('departments').select(['kind']).where('id', '=', departmentId).executeTakeFirst();
      if (!dept || dept.kind !== 'judicialOffice') throw new AppError('CORRECTIONS_STAFF_INVALID', { departmentId, reason: 'notJudicialOffice' });
      const staff = await checkStaff(db, departmentId, body.staffIds);
      const reportRule = outside ? RULES.handover : RULES.report;
      const reportStart = outside ? body.decisionReceivedOn! : body.judgmentEffectiveOn;
      const reportDue = await due(reportRule, reportStart);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const person = await people.create(actor, { name: body.name, idNumber: body.idNumber, mobile: body.mobile ?? null }, meta, trx);
        const now = clock.nowIso();
        const row: Row = {
          id, departmentId, personId: person.id, name: body.name, sentenceType: body.sentenceType, crime: body.crime, decidingOrgan: body.decidingOrgan, judgmentEffectiveOn: body.judgmentEffectiveOn,
          decisionReceivedOn: body.decisionReceivedOn ?? null, termStart: body.termStart, termEnd: body.termEnd, riskLevel: body.riskLevel, status: 'awaitingReport', reportDue, reportedOn: null,
          noticeReceivedOn: null, documentsReceivedOn: null, monitoringUntil: null, releasedOn: null, endReason: null, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1,
        };
        await trx.insertInto('correctionSubjects').values(row).execute();
        for (const u of staff) await trx.insertInto('correctionStaff').values({ subjectId: id, userId: u, createdAt: now }).execute();
        await openDeadline(trx, row, RULES.notify, body.judgmentEffectiveOn, staff[0]!);
        await openDeadline(trx, row, RULES.documents, body.judgmentEffectiveOn, staff[0]!);
        await openDeadline(trx, row, reportRule, reportStart, staff[0]!);
        await audit.record({ ...rec(actor, meta), action: 'corrections.subject.create', objectType: SUBJECT_OBJECT, objectId: id, after: { sentenceType: body.sentenceType, decidingOrgan: body.decidingOrgan, termStart: body.termStart, termEnd: body.termEnd, riskLevel: body.riskLevel, reportDue, staff } }, trx);
      });
      return this.get(actor, id, meta);
    },

    async report(actor, id, body, meta) {
      return change(actor, id, body.version, 'report', meta, async (r, trx) => {
        dateCheck('reportedOn', body.reportedOn, r.decisionReceivedOn ?? r.judgmentEffectiveOn);
        const late = body.reportedOn > r.reportDue;
        await closeDeadlines(trx, r.id, [RULES.report, RULES.handover], 'met');
        await trx.insertInto('correctionRecords').values({ id: randomUUID(), subjectId: r.id, departmentId: r.departmentId, kind: 'checkIn', onDate: body.reportedOn, detail: JSON.stringify({ note: r.sentenceType === 'outsideExecution' ? '移交接收，入矫报到' : '入矫报到', first: true, late, due: r.reportDue }), status: null, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        return { patch: { status: 'inCorrection', reportedOn: body.reportedOn }, audit: { reportedOn: body.reportedOn, late } };
      });
    },

    async documents(actor, id, body, meta) {
      return change(actor, id, body.version, 'documents', meta, async (r, trx) => {
        const patch: Partial<Row> = {};
        if (body.noticeReceivedOn && !r.noticeReceivedOn) {
          dateCheck('noticeReceivedOn', body.noticeReceivedOn, r.judgmentEffectiveOn);
          patch.noticeReceivedOn = body.noticeReceivedOn;
          await closeDeadlines(trx, r.id, [RULES.notify], 'met');
        }
        if (body.documentsReceivedOn && !r.documentsReceivedOn) {
          dateCheck('documentsReceivedOn', body.documentsReceivedOn, r.judgmentEffectiveOn);
          patch.documentsReceivedOn = body.documentsReceivedOn;
          await closeDeadlines(trx, r.id, [RULES.documents], 'met');
        }
        return { patch, audit: patch };
      });
    },

    async addRecord(actor, id, body, meta) {
      return change(actor, id, null, 'record', meta, async (r, trx) => {
        dateCheck('on', body.on, r.judgmentEffectiveOn);
        const { kind, on, ...rest } = body;
        let status: string | null = null;
        const patch: Partial<Row> = {};
        const detailJson: Record<string, unknown> = { ...rest };
        if (kind === 'leave') {
          if (body.to < body.from) throw new AppError('CORRECTIONS_DATE_INVALID', { field: 'to', date: body.to, notBefore: body.from });
          status = 'pending';
          detailJson.days = parseDate(body.to) - parseDate(body.from) + 1;
        }
        if (kind === 'transfer') status = 'pending';
        if (kind === 'proposal') {
          status = 'pending';
          detailJson.deadlineId = await openDeadline(trx, r, RULES.ruling, on, actor.userId);
        }
        if (kind === 'monitoring') {
          // C5: each period of electronic monitoring lasts at most three months (Art. 29)
          const m = computeMonthDeadline(await deps.calendar(), getMonthRule(RULES.monitoring), { start: on, onUnpublished: 'flag', explain: false });
          patch.monitoringUntil = m.rawEnd;
          detailJson.until = m.rawEnd;
        }
        await trx.insertInto('correctionRecords').values({ id: randomUUID(), subjectId: r.id, departmentId: r.departmentId, kind, onDate: on, detail: JSON.stringify(detailJson), status, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        return { patch, audit: { record: kind, on } };
      });
    },

    async decide(actor, id, recordId, body, meta) {
      return change(actor, id, null, 'record', meta, async (r, trx) => {
        const x = await trx.selectFrom('correctionRecords').selectAll().where('id', '=', recordId).where('subjectId', '=', r.id).executeTakeFirst();
        if (!x) throw new AppError('NOT_FOUND', { entity: 'correctionRecord', id: recordId });
        if (x.status !== 'pending') throw new AppError('CORRECTIONS_TRANSITION_NOT_ALLOWED', { record: recordId, status: x.status });
        dateCheck('on', body.on, x.onDate);
        const d = JSON.parse(x.detail) as Record<string, unknown>;
        if (x.kind === 'proposal' && typeof d.deadlineId === 'string') await deps.deadlines.close(trx, d.deadlineId, 'met');
        const status = x.kind === 'proposal' ? (body.approved ? 'granted' : 'refused') : body.approved ? 'approved' : 'denied';
        await trx.updateTable('correctionRecords').set({ status, detail: JSON.stringify({ ...d, decidedOn: body.on, decisionNote: body.note }) }).where('id', '=', recordId).execute();
        return { patch: {}, audit: { record: x.kind, decision: status } };
      });
    },

    async end(actor, id, body, meta) {
      return change(actor, id, body.version, 'end', meta, async (r, trx) => {
        dateCheck('on', body.on, r.termStart);
        if (body.reason === 'termEnd' && body.on < r.termEnd) throw new AppError('CORRECTIONS_DATE_INVALID', { field: 'on', date: body.on, notBefore: r.termEnd });
        await closeDeadlines(trx, r.id, [RULES.notify, RULES.documents, RULES.report, RULES.handover, RULES.ruling], 'cancelled');
        // a parolee whose term ends has served the sentence (刑满释放): handed over to 安置帮教 in the same street
        if (body.reason === 'termEnd' && r.sentenceType === 'parole') {
          await trx.insertInto('releasedPersons').values({ id: randomUUID(), departmentId: r.departmentId, personId: r.personId, name: r.name, releasedOn: body.on, source: 'parole', correctionSubjectId: r.id, riskLevel: r.riskLevel, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        }
        return { patch: { status: body.reason === 'termEnd' ? 'released' : 'ended', releasedOn: body.on, endReason: body.reason }, audit: { reason: body.reason, on: body.on } };
      });
    },

    async setStaff(actor, id, body, meta) {
      return change(actor, id, body.version, 'staff', meta, async (r, trx) => {
        const staff = await checkStaff(trx, r.departmentId, body.staffIds);
        await trx.deleteFrom('correctionStaff').where('subjectId', '=', r.id).execute();
        for (const u of staff) await trx.insertInto('correctionStaff').values({ subjectId: r.id, userId: u, createdAt: clock.nowIso() }).execute();
        await deps.deadlines.reassign(trx, SUBJECT_OBJECT, r.id, staff[0]!);
        return { patch: {}, audit: { staff } };
      });
    },

    async staffOptions(actor, departmentId) {
      if (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(departmentId)) throw new AppError('OUT_OF_SCOPE', { departmentId });
      const rows = await db
        .selectFrom('users as u')
        .innerJoin('userRoles as ur', 'ur.userId', 'u.id')
        .innerJoin('rolePermissions as rp', 'rp.roleId', 'ur.roleId')
        .select(['u.id', 'u.displayName', 'u.departmentId'])
        .distinct()
        .where('u.departmentId', '=', departmentId)
        .where('u.status', '=', 'active')
        .where('rp.permission', '=', 'corrections.subject.manage')
        .orderBy('u.displayName')
        .execute();
      return rows.map((u) => ({ id: u.id, name: u.displayName, departmentId: u.departmentId }));
    },

    async listReleased(actor, q) {
      let base = db.selectFrom('releasedPersons').where((eb) => scopeWhere(eb, actor, 'releasedPersons.departmentId', 'releasedPersons.createdBy'));
      if (q.riskLevel) base = base.where('riskLevel', '=', q.riskLevel);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('releasedOn', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { data: await releasedViews(rows), total: Number(total) };
    },

    async createReleased(actor, body, meta) {
      dateCheck('releasedOn', body.releasedOn);
      const dept = await db.selectFrom('departments').select(['kind']).where('id', '=', actor.departmentId).executeTakeFirst();
      if (!dept || dept.kind !== 'judicialOffice') throw new AppError('CORRECTIONS_STAFF_INVALID', { reason: 'notJudicialOffice' });
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const person = await people.create(actor, { name: body.name, idNumber: body.idNumber, mobile: body.mobile ?? null }, meta, trx);
        await trx.insertInto('releasedPersons').values({ id, departmentId: actor.departmentId, personId: person.id, name: body.name, releasedOn: body.releasedOn, source: 'prison', correctionSubjectId: null, riskLevel: body.riskLevel, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await audit.record({ ...rec(actor, meta), action: 'corrections.released.create', objectType: 'releasedPerson', objectId: id, after: { releasedOn: body.releasedOn, riskLevel: body.riskLevel } }, trx);
      });
      return (await releasedViews([await db.selectFrom('releasedPersons').selectAll().where('id', '=', id).executeTakeFirstOrThrow()]))[0]!;
    },

    async addHelp(actor, id, body, meta) {
      const r = await db.selectFrom('releasedPersons').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND', { entity: 'releasedPerson', id });
      assertInScope(actor, r.departmentId, r.createdBy);
      dateCheck('on', body.on, r.releasedOn);
      await db.transaction().execute(async (trx) => {
        // help records share the records table with the correction records, kind `help:<kind>`
        await trx.insertInto('correctionRecords').values({ id: randomUUID(), subjectId: r.id, departmentId: r.departmentId, kind: `help:${body.kind}`, onDate: body.on, detail: JSON.stringify({ note: body.note }), status: null, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await audit.record({ ...rec(actor, meta), action: 'corrections.released.help', objectType: 'releasedPerson', objectId: r.id, after: { kind: body.kind, on: body.on } }, trx);
      });
      return (await releasedViews([r]))[0]!;
    },

    async attention(actor, q) {
      if (q.to < q.from) throw new AppError('CORRECTIONS_DATE_INVALID', { field: 'to', date: q.to, notBefore: q.from });
      const subjects = await db
        .selectFrom('correctionSubjects')
        .where((eb) => scopeWhere(eb, actor, 'correctionSubjects.departmentId', 'correctionSubjects.createdBy'))
        .where('status', 'in', ['awaitingReport', 'inCorrection'])
        .selectAll()
        .execute();
      const released = await db.selectFrom('releasedPersons').where((eb) => scopeWhere(eb, actor, 'releasedPersons.departmentId', 'releasedPersons.createdBy')).where('riskLevel', 'in', ['medium', 'high']).selectAll().execute();
      const ids = [...subjects.map((x) => x.id), ...released.map((x) => x.id)];
      const contacts = ids.length
        ? await db.selectFrom('correctionRecords').select(['subjectId', (eb) => eb.fn.max<string>('onDate').as('last')]).where('subjectId', 'in', ids).where((eb) => eb.or([eb('kind', 'in', CONTACT_KINDS), eb('kind', 'like', 'help:%')])).where('onDate', '<=', q.to).groupBy('subjectId').execute()
        : [];
      const last = new Map(contacts.map((c) => [c.subjectId, c.last]));
      const staff = await staffOf(subjects.map((x) => x.id));
      const depts = new Map((await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.id, d.name]));
      const creators = new Map((released.length ? await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', released.map((x) => x.createdBy)).execute() : []).map((u) => [u.id, u.displayName]));
      const row = (kind: 'correctionSubject' | 'releasedPerson', x: { id: string; name: string; riskLevel: string; departmentId: string }, staffNames: string[]) => {
        const l = last.get(x.id) ?? null;
        return { kind, id: x.id, name: x.name, riskLevel: x.riskLevel as Summary['riskLevel'], staffNames, lastContactOn: l, contactedInPeriod: !!l && l >= q.from && l <= q.to, departmentName: depts.get(x.departmentId) ?? '' };
      };
      const peopleRows = [
        ...subjects.map((x) => row('correctionSubject', x, staff.filter((st) => st.subjectId === x.id).map((st) => st.displayName))),
        ...released.map((x) => row('releasedPerson', x, [creators.get(x.createdBy) ?? ''])),
      ].sort((a, b) => Number(a.contactedInPeriod) - Number(b.contactedInPeriod) || (a.riskLevel === 'high' ? -1 : 0) - (b.riskLevel === 'high' ? -1 : 0));
      return { from: q.from, to: q.to, people: peopleRows, disputes: await deps.disputes.attention(actor) };
    },

    async caseNumbers(objectType, ids) {
      if (objectType !== SUBJECT_OBJECT) return new Map();
      return new Map(ids.map((id) => [id, `社区矫正档案 ${id.slice(0, 8)}`]));
    },
  };
}

