/**
 * 社区矫正 (《中华人民共和国社区矫正法》2019): subjects with sentence type, deciding organ, term and risk level; the
 * statutory clocks of law-rules.md §9, all on the deadline register — C1 notice (Art. 20, 5 days), C2 documents
 * (Art. 20, 10 days), C3 report (Art. 21 ¶1, 10 days), C4 handover (Art. 21 ¶2–3, 10 days), C5 electronic monitoring
 * (Art. 29, ≤ 3 months, a month period), C6 court ruling on a proposal (Arts. 33, 48, 49, 30 days), C7 the court's
 * decision on arrest (Art. 47 ¶2, 48 hours, an hour period with a due instant) and C8 the end of term (Art. 44, an
 * event on the last day of the term); check-ins, interviews, education, public service, rewards and sanctions
 * (Art. 28), leave and transfer requests with approval (Art. 27), release (Arts. 44–45).
 *
 * Access is tighter than anywhere else: the record opens only to its named responsible staff (责任人) — and to the
 * bureau's supervisors holding corrections.subject.oversee — inside the caller's data scope; every view is audited and
 * every refusal is audited (in its own transaction, so that the refusal is kept although the request fails).
 * Queries are in corrections.repo.ts; 安置帮教 help records live in their own table (migration 052).
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
  type CorrectionSettings,
  type CorrectionSettingsBody,
  type CorrectionTransferAcceptBody,
  type CorrectionTransferBody,
  type CorrectionTransferQuery,
  type CorrectionTransferWithdrawBody,
  type CorrectionTransferRow,
  type CorrectionSubjectBody,
  type CorrectionSubjectDetailT,
  type CorrectionSubjectSummary,
  type CorrectionStats,
  type CorrectionStatsQuery,
  type RecordKind,
  RECORD_KINDS,
  RECORD_KIND_LABELS,
  SENTENCE_TYPES,
  SENTENCE_TYPE_LABELS,
} from '../../../common/contracts/corrections';
import { beijingDateOf, configuredRuleId, computeDeadline, computeMonthDeadline, findRule, getMonthRule, getRule, MONTH_RULES, parseInstant, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { officialDate } from '../../platform/documents';
import type { Actor, RequestMeta } from '../../platform/identity';
import { assertInScope, departmentInScope } from '../../platform/identity';
import type { PeopleService } from '../../platform/people';
import { type CorrectionsRepo, type SubjectRow, type TransferRow, createCorrectionsRepo } from './corrections.repo';
import { correctionStatsWorkbook } from './stats.export';

type Trx = Transaction<Database>;
type Row = SubjectRow;
type Summary = z.infer<typeof CorrectionSubjectSummary>;
type Released = z.infer<typeof ReleasedPerson>;
type TransferView = z.infer<typeof CorrectionTransferRow>;
/** The provision every step of the hand-over rests on. */
const TRANSFER_CITATION = '《中华人民共和国社区矫正法》第二十七条第二款';
export const SUBJECT_OBJECT = 'correctionSubject';
export const RULES = {
  notify: 'corrections.notifyCorrectionBody',
  documents: 'corrections.serveDocuments',
  report: 'corrections.offenderReport',
  handover: 'corrections.handover',
  ruling: 'corrections.courtRulingOnProposal',
  monitoring: 'corrections.electronicMonitoring',
  arrest: 'corrections.arrestDecision',
  termEnd: 'corrections.termEnd',
  /** configurable, 待核实 (law-rules.md §9: the 2020 实施办法 is UNVERIFIED): opened as `<id>@<days>` */
  transferReport: 'corrections.transferReport',
} as const;
const TRANSFER_REPORT_KEY = 'transferReportDays';
/** The clocks that stop when the correction ends (C8 is closed separately: met at the end of term, else cancelled). */
const RUNNING = [RULES.notify, RULES.documents, RULES.report, RULES.handover, RULES.ruling, RULES.monitoring, RULES.arrest];

/** Which action is allowed in which status. */
const ACTIONS: Record<string, readonly string[]> = {
  awaitingReport: ['report', 'documents', 'record', 'end', 'staff'],
  inCorrection: ['documents', 'record', 'end', 'staff', 'transfer', 'transferWithdraw'],
  released: [],
  ended: [],
  transferred: [],
};
function assertAction(status: string, action: string) {
  // 执行地变更 (Art. 27 ¶2) is for a subject in correction (reported, not ended, not already transferred)
  if (action === 'transfer' && status !== 'inCorrection') throw new AppError('CORRECTIONS_NOT_IN_CORRECTION', { status });
  if (!(ACTIONS[status] ?? []).includes(action)) throw new AppError('CORRECTIONS_TRANSITION_NOT_ALLOWED', { status, action });
}

/** Title, citation, ref and verification status of a catalogued rule (day, hour or month rule). */
function ruleInfo(id: string) {
  const rule = findRule(id) ?? MONTH_RULES.find((m) => m.id === id);
  return rule ? { ref: rule.ref ?? '', title: rule.title, citation: ruleCitation(rule), unverified: rule.unverified === true } : undefined;
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
  /**
   * 执行地变更 (Art. 27 ¶2), executed by the named staff on an approved request: to another 司法所 of the district the
   * subject is 移交中 until that 司法所 accepts; out of the district the subject is closed here as 已移交（执行地变更）
   * with the receiving organ, its open register entries cancelled with the reason.
   */
  transfer(actor: Actor, id: string, body: z.infer<typeof CorrectionTransferBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  /** The named staff withdraw a hand-over in the district not yet accepted; the report clock of the hand-over is cancelled. */
  withdrawTransfer(actor: Actor, id: string, body: z.infer<typeof CorrectionTransferWithdrawBody>, meta: RequestMeta): Promise<CorrectionSubjectDetailT>;
  /** The receiving 司法所 accepts: the subject, its named staff and its open register entries move there. */
  acceptTransfer(actor: Actor, id: string, body: z.infer<typeof CorrectionTransferAcceptBody>, meta: RequestMeta): Promise<Summary>;
  /** Hand-over history (who had the subject when), for the 司法所 on either side and the bureau. */
  transfers(actor: Actor, q: z.infer<typeof CorrectionTransferQuery>): Promise<{ data: TransferView[]; total: number }>;
  staffOptions(actor: Actor, departmentId: string): Promise<{ id: string; name: string; departmentId: string }[]>;
  /** The bureau's settings for periods the law leaves unverified (待核实). */
  settings(): Promise<z.infer<typeof CorrectionSettings>>;
  setSettings(actor: Actor, body: z.infer<typeof CorrectionSettingsBody>, meta: RequestMeta): Promise<z.infer<typeof CorrectionSettings>>;
  /** The 司法所 of the district (targets of a 执行地变更 in the district). */
  offices(): Promise<{ id: string; name: string }[]>;
  caseNumbers(objectType: string, ids: string[]): Promise<Map<string, string>>;
  // 安置帮教
  listReleased(actor: Actor, q: z.infer<typeof ReleasedListQuery>): Promise<{ data: Released[]; total: number }>;
  createReleased(actor: Actor, body: z.infer<typeof ReleasedPersonBody>, meta: RequestMeta): Promise<Released>;
  addHelp(actor: Actor, id: string, body: z.infer<typeof HelpRecordBody>, meta: RequestMeta): Promise<Released>;
  // 特殊时期
  attention(actor: Actor, q: { from: string; to: string }): Promise<z.infer<typeof AttentionList>>;
  /** Statistics of the ledger per 司法所 (the caller's scope): now, and in the period (at most five years). */
  stats(actor: Actor, q: z.infer<typeof CorrectionStatsQuery>): Promise<z.infer<typeof CorrectionStats>>;
  /** The same as an Excel workbook (stats.export.ts); the export is audited. */
  statsWorkbook(actor: Actor, q: z.infer<typeof CorrectionStatsQuery>, meta: RequestMeta): Promise<{ bytes: Buffer; fileName: string }>;
}

/** The longest statistics period, as for the other statistics (STATS_PERIOD_TOO_LONG). */
const MAX_STATS_DAYS = 5 * 366;

/** What the special-period list needs from the dispute register (its module's read-only query). */
export interface DisputeAttentionSource {
  attention(actor: Actor): Promise<z.infer<typeof AttentionList>['disputes']>;
}

const CONTACT_KINDS = ['checkIn', 'interview', 'visit'];
/** The date fields of the forms, as the messages name them. */
const DATE_FIELD_LABELS: Record<string, string> = {
  judgmentEffectiveOn: '判决、裁定、决定生效日期',
  termEnd: '矫正期止',
  decisionReceivedOn: '收到暂予监外执行决定之日',
  reportedOn: '报到日期',
  noticeReceivedOn: '收到决定机关通知日期',
  documentsReceivedOn: '收到法律文书日期',
  on: '日期',
  to: '结束日期',
  releasedOn: '释放日期',
};
const JUDGMENT = '判决、裁定生效之日';

export function createCorrectionsService(deps: { db: Db; clock: Clock; audit: AuditService; people: PeopleService; deadlines: DeadlineService; calendar: () => Promise<WorkCalendar>; disputes: DisputeAttentionSource }): CorrectionsService {
  const { db, clock, audit, people } = deps;
  const repo: CorrectionsRepo = createCorrectionsRepo(db);
  const rec = (actor: Actor, meta: RequestMeta) => ({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId });

  /** A wrong date, said with the field and the bound it breaks (dates in Chinese form), code CORRECTIONS_DATE_INVALID. */
  const dateInvalid = (field: string, date: string, bound: { today: string } | { notBefore: string; label: string }, fieldLabel = DATE_FIELD_LABELS[field] ?? '日期') =>
    new AppError('CORRECTIONS_DATE_INVALID', { field, date, ...('today' in bound ? { today: bound.today } : { notBefore: bound.notBefore }) }, 'today' in bound ? `${fieldLabel}（${officialDate(date)}）不能晚于今天（${officialDate(bound.today)}）` : `${fieldLabel}（${officialDate(date)}）不能早于${bound.label}（${officialDate(bound.notBefore)}）`);
  const dateCheck = (field: string, on: string, notBefore?: string | null, boundLabel = '前一环节的日期', fieldLabel?: string) => {
    if (on > clock.today()) throw dateInvalid(field, on, { today: clock.today() }, fieldLabel);
    if (notBefore && on < notBefore) throw dateInvalid(field, on, { notBefore, label: boundLabel }, fieldLabel);
  };

  async function due(ruleId: string, start: string) {
    return computeDeadline(await deps.calendar(), getRule(ruleId), { start, asOf: clock.today(), onUnpublished: 'flag', explain: false }).due;
  }

  /**
   * The gate of every read or write of one record: data scope, then named staff (or oversight for reading and for
   * naming staff). A refusal is audited in its own transaction and then thrown.
   */
  async function gate(actor: Actor, id: string, meta: RequestMeta, purpose: 'view' | 'write' | 'staff'): Promise<Row> {
    const r = await repo.findSubject(db, id);
    if (!r) throw new AppError('NOT_FOUND', { entity: SUBJECT_OBJECT, id });
    const inScope = actor.dataScope === 'own' ? r.createdBy === actor.userId : actor.scopeDepartmentIds === null || actor.scopeDepartmentIds.includes(r.departmentId);
    const named = await repo.isNamedStaff(db, id, actor.userId);
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
    const [staff, dn] = await Promise.all([repo.staffOf(db, rows.map((r) => r.id)), repo.departmentNames([...new Set(rows.flatMap((r) => (r.transferToDepartmentId ? [r.departmentId, r.transferToDepartmentId] : [r.departmentId])))])]);
    return rows.map((r) => {
      const mine = staff.filter((s) => s.subjectId === r.id);
      return {
        id: r.id,
        archiveNo: r.archiveNo,
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
        // 移交中: both 司法所 see the hand-over until the receiving one accepts; `incoming` for the receiving side
        version: r.version,
        transfer: r.transferToDepartmentId ? { toDepartmentId: r.transferToDepartmentId, toDepartmentName: dn.get(r.transferToDepartmentId) ?? '', incoming: r.departmentId !== actor.departmentId && (actor.departmentId === r.transferToDepartmentId || (actor.scopeDepartmentIds !== null && actor.scopeDepartmentIds.includes(r.transferToDepartmentId) && !actor.scopeDepartmentIds.includes(r.departmentId))) } : null,
      };
    });
  }

  async function detail(actor: Actor, r: Row): Promise<CorrectionSubjectDetailT> {
    const [s] = await summaries(actor, [r]);
    const today = clock.today();
    const now = clock.now();
    const [personExists, clocks, records, staff] = await Promise.all([repo.personExists(r.personId), repo.clocks(SUBJECT_OBJECT, r.id), repo.records(r.id), repo.staffOf(db, [r.id])]);
    // the gate has checked named staff / oversight: the masked numbers come from the people register without its
    // own scope rule (the person row belongs to whoever registered the subject)
    const masked = personExists ? await people.get({ ...actor, dataScope: 'all', scopeDepartmentIds: null }, r.personId) : null;
    const clockRows = clocks.map((c) => {
      const rule = ruleInfo(c.ruleId);
      // an hour clock (C7) is overdue once its due instant has passed; a day clock once its due day has ended
      const overdue = c.status === 'open' && (c.dueAt ? now > Date.parse(c.dueAt) : !!c.dueDate && c.dueDate < today);
      return { ref: rule?.ref ?? '', title: rule?.title ?? c.ruleId, citation: rule?.citation ?? '', startDate: c.startDate, due: c.dueDate, dueAt: c.dueAt ?? null, status: c.status, overdue, unverified: rule?.unverified === true };
    });
    // C8 of subjects registered earlier was put on the register by migration 053. A monitoring period (Art. 29) recorded
    // before C5 was on the register has no row there: it is shown from the record itself.
    if (r.monitoringUntil && !clocks.some((c) => c.ruleId === RULES.monitoring)) {
      const rule = ruleInfo(RULES.monitoring)!;
      const start = records.find((x) => x.kind === 'monitoring')?.onDate ?? r.termStart;
      clockRows.push({ ref: rule.ref, title: rule.title, citation: rule.citation, startDate: start, due: r.monitoringUntil, dueAt: null, status: r.monitoringUntil < today ? 'met' : r.status === 'released' || r.status === 'ended' ? 'cancelled' : 'open', overdue: false, unverified: rule.unverified });
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
      receivingOrgan: r.receivingOrgan ?? null,
      clocks: clockRows,
      records: records.map((x) => ({ id: x.id, kind: x.kind as RecordKind, onDate: x.onDate, detail: JSON.parse(x.detail) as Record<string, unknown>, status: x.status, createdByName: x.displayName ?? null })),
      staff: staff.map((x) => ({ userId: x.userId, name: x.displayName })),
      version: r.version,
    };
  }

  async function checkStaff(q: Db | Trx, departmentId: string, ids: string[]) {
    const unique = [...new Set(ids)];
    const ok = await repo.eligibleStaff(q, departmentId, unique);
    if (ok.length !== unique.length) throw new AppError('CORRECTIONS_STAFF_INVALID', { staffIds: unique.filter((x) => !ok.includes(x)) });
    return unique;
  }

  /** How the register names a subject: no personal data (titles reach reminder messages and logs), the 档案号 only. */
  const fileLabel = (r: Pick<Row, 'id' | 'archiveNo'>) => `社区矫正档案 ${r.archiveNo ?? r.id.slice(0, 8)}`;
  async function openDeadline(trx: Trx, r: Pick<Row, 'id' | 'departmentId' | 'archiveNo'>, ruleId: string, start: string, assigneeId: string | null, startAt?: string) {
    const title = findRule(ruleId)?.title ?? getMonthRule(ruleId).title;
    return deps.deadlines.open(trx, { module: 'corrections', objectType: SUBJECT_OBJECT, objectId: r.id, title: `${fileLabel(r)} ${title}`, ruleId, startDate: start, ...(startAt ? { startAt } : {}), departmentId: r.departmentId, assigneeId });
  }
  async function closeDeadlines(trx: Trx, id: string, ruleIds: string[], status: 'met' | 'cancelled') {
    const ids = await repo.openDeadlineIds(trx, SUBJECT_OBJECT, id, ruleIds);
    for (const d of ids) await deps.deadlines.close(trx, d, status);
    return ids.length;
  }

  /** The target of a 执行地变更 request (Art. 27 ¶2): another 司法所 of the district, or a named organ outside it. */
  async function checkTransferTarget(q: Db | Trx, r: Pick<Row, 'departmentId'>, t: { scope?: string | undefined; targetDepartmentId?: string | undefined; receivingOrgan?: string | undefined }) {
    if (t.scope === 'inDistrict') {
      if (!t.targetDepartmentId) throw new AppError('CORRECTIONS_TRANSFER_TARGET_INVALID', { field: 'targetDepartmentId' });
      if (t.targetDepartmentId === r.departmentId) throw new AppError('CORRECTIONS_TRANSFER_SAME_OFFICE', { departmentId: r.departmentId });
      const kind = (await q.selectFrom('departments').select('kind').where('id', '=', t.targetDepartmentId).executeTakeFirst())?.kind;
      if (kind !== 'judicialOffice') throw new AppError('CORRECTIONS_TRANSFER_TARGET_INVALID', { targetDepartmentId: t.targetDepartmentId, reason: 'notJudicialOffice' });
    } else if (t.scope === 'outOfDistrict') {
      if (!t.receivingOrgan) throw new AppError('CORRECTIONS_TRANSFER_TARGET_INVALID', { field: 'receivingOrgan' });
    }
  }

  /** The bureau's setting for the report at the new place (default: the rule's length, 7 days, 待核实). */
  async function transferReportDays(q: Db | Trx): Promise<number> {
    const v = await repo.setting(q, TRANSFER_REPORT_KEY);
    return v === null ? getRule(RULES.transferReport).length : Number(JSON.parse(v));
  }

  const staffJson = async (q: Db | Trx, id: string) => JSON.stringify((await repo.staffOf(q, [id])).map((x) => ({ userId: x.userId, name: x.displayName })));

  async function transferViews(rows: (TransferRow & { subjectName: string })[]): Promise<TransferView[]> {
    if (!rows.length) return [];
    const [dn, un] = await Promise.all([
      repo.departmentNames([...new Set(rows.flatMap((t) => (t.toDepartmentId ? [t.fromDepartmentId, t.toDepartmentId] : [t.fromDepartmentId])))]),
      repo.userNames([...new Set(rows.flatMap((t) => (t.completedBy ? [t.startedBy, t.completedBy] : [t.startedBy])))]),
    ]);
    const staff = (json: string | null) => (json ? (JSON.parse(json) as { userId: string; name: string }[]) : []);
    return rows.map((t) => ({
      id: t.id,
      subjectId: t.subjectId,
      subjectName: t.subjectName,
      scope: t.scope as TransferView['scope'],
      status: t.status as TransferView['status'],
      fromDepartmentId: t.fromDepartmentId,
      fromDepartmentName: dn.get(t.fromDepartmentId) ?? '',
      fromStaff: staff(t.fromStaff),
      toDepartmentId: t.toDepartmentId,
      toDepartmentName: t.toDepartmentId ? (dn.get(t.toDepartmentId) ?? '') : null,
      toStaff: staff(t.toStaff),
      receivingOrgan: t.receivingOrgan,
      startedOn: t.startedOn,
      startedByName: un.get(t.startedBy) ?? null,
      completedOn: t.completedOn,
      completedByName: t.completedBy ? (un.get(t.completedBy) ?? null) : null,
      deadlinesMoved: Number(t.deadlinesMoved),
      citation: TRANSFER_CITATION,
    }));
  }

  async function releasedViews(rows: Database['releasedPersons'][]): Promise<Released[]> {
    if (!rows.length) return [];
    const [helps, dn] = await Promise.all([repo.helpsOf(rows.map((r) => r.id)), repo.departmentNames([...new Set(rows.map((r) => r.departmentId))])]);
    return rows.map((r) => {
      const mine = helps.filter((h) => h.releasedPersonId === r.id).map((h) => ({ id: h.id, kind: h.kind as Released['helps'][number]['kind'], onDate: h.onDate, note: h.note, createdByName: h.displayName ?? null }));
      return { id: r.id, name: r.name, releasedOn: r.releasedOn, source: r.source as 'prison' | 'parole', riskLevel: r.riskLevel as Summary['riskLevel'], helps: mine, lastHelpOn: mine[0]?.onDate ?? null, departmentId: r.departmentId, departmentName: dn.get(r.departmentId) ?? '' };
    });
  }

  async function change(actor: Actor, id: string, version: number | null, action: string, meta: RequestMeta, run: (r: Row, trx: Trx) => Promise<{ patch: Partial<Row>; audit?: Record<string, unknown> }>) {
    // the refusal is audited outside the write's transaction (it must survive the rollback)
    await gate(actor, id, meta, action === 'staff' ? 'staff' : 'write');
    await db.transaction().execute(async (trx) => {
      const r = (await repo.findSubject(trx, id))!;
      assertAction(r.status, action);
      // 移交中: the staff, the end and another transfer wait for the receiving 司法所 (Art. 27 ¶2)
      if (r.transferToDepartmentId && ['staff', 'end', 'transfer'].includes(action)) throw new AppError('CORRECTIONS_TRANSITION_NOT_ALLOWED', { status: 'transferPending', action });
      const step = await run(r, trx);
      if (!(await repo.updateSubject(trx, r.id, { ...step.patch, updatedAt: clock.nowIso(), version: r.version + 1 }, version))) throw new AppError('CONFLICT', { entity: SUBJECT_OBJECT, id });
      await audit.record({ ...rec(actor, meta), action: `corrections.subject.${action}`, objectType: SUBJECT_OBJECT, objectId: r.id, before: { status: r.status }, after: { status: step.patch.status ?? r.status, ...(step.audit ?? {}) } }, trx);
    });
    return detail(actor, (await repo.findSubject(db, id))!);
  }

  return {
    async list(actor, q) {
      // a 司法所 outside the caller's scope lists nothing (as the other registers' department filters do); checked here
      // because the filter also matches hand-overs to that 司法所, which may start in the caller's scope
      const d = q.departmentId;
      if (d && !departmentInScope(actor, d)) return { data: [], total: 0 };
      const { rows, total } = await repo.listSubjects(actor, { status: q.status, sentenceType: q.sentenceType, riskLevel: q.riskLevel, overdueBefore: q.overdue ? clock.today() : undefined, incoming: true, departmentId: d, q: q.q }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { data: await summaries(actor, rows), total };
    },

    async get(actor, id, meta) {
      const r = await gate(actor, id, meta, 'view');
      // every view of a correction record is audited
      await audit.record({ ...rec(actor, meta), action: 'corrections.subject.view', objectType: SUBJECT_OBJECT, objectId: id });
      return detail(actor, r);
    },

    async create(actor, body, meta) {
      dateCheck('judgmentEffectiveOn', body.judgmentEffectiveOn);
      if (body.termEnd < body.termStart) throw dateInvalid('termEnd', body.termEnd, { notBefore: body.termStart, label: '矫正期起' });
      const outside = body.sentenceType === 'outsideExecution';
      if (outside && !body.decisionReceivedOn) throw new AppError('CORRECTIONS_FACTS_MISSING', { field: 'decisionReceivedOn' });
      if (outside) dateCheck('decisionReceivedOn', body.decisionReceivedOn!);
      const departmentId = body.departmentId ?? actor.departmentId;
      if (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(departmentId)) throw new AppError('OUT_OF_SCOPE', { departmentId });
      if ((await repo.departmentKind(departmentId)) !== 'judicialOffice') throw new AppError('CORRECTIONS_STAFF_INVALID', { departmentId, reason: 'notJudicialOffice' });
      const staff = await checkStaff(db, departmentId, body.staffIds);
      const reportRule = outside ? RULES.handover : RULES.report;
      const reportStart = outside ? body.decisionReceivedOn! : body.judgmentEffectiveOn;
      const reportDue = await due(reportRule, reportStart);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        // one archive per person under correction in the district (a double submit, or the same judgment received
        // by a second 司法所): matched on the blind index of the 身份证号; a finished correction does not block a new one
        const active = await trx
          .selectFrom('correctionSubjects as s')
          .innerJoin('people as p', 'p.id', 's.personId')
          .innerJoin('departments as d', 'd.id', 's.departmentId')
          .select(['s.archiveNo', 's.departmentId', 'd.name as departmentName'])
          .where('p.idNumberBidx', '=', people.blindIndexOfIdNumber(body.idNumber))
          .where('s.status', 'in', ['awaitingReport', 'inCorrection'])
          .executeTakeFirst();
        if (active) {
          const own = departmentInScope(actor, active.departmentId);
          throw new AppError('CONFLICT', { field: 'idNumber', reason: 'alreadyUnderCorrection' }, `该身份证号的社区矫正对象已在册（${active.departmentName}${own && active.archiveNo ? `，档案号 ${active.archiveNo}` : ''}），不能重复接收；执行地变更请由原司法所办理移交（《中华人民共和国社区矫正法》第二十七条第二款）`);
        }
        const person = await people.create(actor, { name: body.name, idNumber: body.idNumber, mobile: body.mobile ?? null }, meta, trx);
        const now = clock.nowIso();
        const archiveNo = await repo.nextArchiveNo(trx, Number(clock.today().slice(0, 4)));
        const row: Row = {
          id, archiveNo, departmentId, personId: person.id, name: body.name, sentenceType: body.sentenceType, crime: body.crime, decidingOrgan: body.decidingOrgan, judgmentEffectiveOn: body.judgmentEffectiveOn,
          decisionReceivedOn: body.decisionReceivedOn ?? null, termStart: body.termStart, termEnd: body.termEnd, riskLevel: body.riskLevel, status: 'awaitingReport', reportDue, reportedOn: null,
          noticeReceivedOn: null, documentsReceivedOn: null, monitoringUntil: null, releasedOn: null, endReason: null, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1,
        };
        await repo.insertSubject(trx, row);
        await repo.replaceStaff(trx, id, staff, now);
        await openDeadline(trx, row, RULES.notify, body.judgmentEffectiveOn, staff[0]!);
        await openDeadline(trx, row, RULES.documents, body.judgmentEffectiveOn, staff[0]!);
        await openDeadline(trx, row, reportRule, reportStart, staff[0]!);
        // C8 (Art. 44): the release certificate and the notices fall due on the last day of the term
        await openDeadline(trx, row, RULES.termEnd, body.termEnd, staff[0]!);
        await audit.record({ ...rec(actor, meta), action: 'corrections.subject.create', objectType: SUBJECT_OBJECT, objectId: id, after: { sentenceType: body.sentenceType, decidingOrgan: body.decidingOrgan, termStart: body.termStart, termEnd: body.termEnd, riskLevel: body.riskLevel, reportDue, staff } }, trx);
      });
      return this.get(actor, id, meta);
    },

    async report(actor, id, body, meta) {
      return change(actor, id, body.version, 'report', meta, async (r, trx) => {
        dateCheck('reportedOn', body.reportedOn, r.decisionReceivedOn ?? r.judgmentEffectiveOn, r.decisionReceivedOn ? '收到暂予监外执行决定之日' : JUDGMENT);
        const late = body.reportedOn > r.reportDue;
        await closeDeadlines(trx, r.id, [RULES.report, RULES.handover], 'met');
        await repo.insertRecord(trx, { id: randomUUID(), subjectId: r.id, departmentId: r.departmentId, kind: 'checkIn', onDate: body.reportedOn, detail: JSON.stringify({ note: r.sentenceType === 'outsideExecution' ? '移交接收，入矫报到' : '入矫报到', first: true, late, due: r.reportDue }), status: null, createdBy: actor.userId, createdAt: clock.nowIso() });
        return { patch: { status: 'inCorrection', reportedOn: body.reportedOn }, audit: { reportedOn: body.reportedOn, late } };
      });
    },

    async documents(actor, id, body, meta) {
      return change(actor, id, body.version, 'documents', meta, async (r, trx) => {
        const patch: Partial<Row> = {};
        if (body.noticeReceivedOn && !r.noticeReceivedOn) {
          dateCheck('noticeReceivedOn', body.noticeReceivedOn, r.judgmentEffectiveOn, JUDGMENT);
          patch.noticeReceivedOn = body.noticeReceivedOn;
          await closeDeadlines(trx, r.id, [RULES.notify], 'met');
        }
        if (body.documentsReceivedOn && !r.documentsReceivedOn) {
          dateCheck('documentsReceivedOn', body.documentsReceivedOn, r.judgmentEffectiveOn, JUDGMENT);
          patch.documentsReceivedOn = body.documentsReceivedOn;
          await closeDeadlines(trx, r.id, [RULES.documents], 'met');
        }
        return { patch, audit: patch };
      });
    },

    async addRecord(actor, id, body, meta) {
      return change(actor, id, null, 'record', meta, async (r, trx) => {
        let on: string;
        let status: string | null = null;
        const patch: Partial<Row> = {};
        const detailJson: Record<string, unknown> = {};
        if (body.kind === 'arrestRequest') {
          // C7 (Art. 47): only with a pending proposal to revoke 缓刑 or 假释; the court decides within 48 hours of
          // the request, counted from the hour after it (hours.ts)
          if (r.sentenceType !== 'probation' && r.sentenceType !== 'parole') throw new AppError('CORRECTIONS_ARREST_NOT_ALLOWED', { sentenceType: r.sentenceType });
          const proposals = (await repo.pendingRecords(trx, r.id, 'proposal')).filter((x) => (JSON.parse(x.detail) as { proposal?: string }).proposal === 'revocation');
          if (!proposals.length) throw new AppError('CORRECTIONS_ARREST_NOT_ALLOWED', { reason: 'noRevocationProposal' });
          if ((await repo.pendingRecords(trx, r.id, 'arrestRequest')).length) throw new AppError('CORRECTIONS_TRANSITION_NOT_ALLOWED', { record: 'arrestRequest', status: 'pending' });
          const at = parseInstant(body.at);
          const proposalOn = proposals.map((x) => x.onDate).sort()[0]!;
          if (at === null || at > clock.now() || beijingDateOf(at) < proposalOn) throw new AppError('CORRECTIONS_TIME_INVALID', { field: 'at', value: body.at, notBefore: proposalOn });
          on = beijingDateOf(at);
          const { kind: _k, at: _a, ...rest } = body;
          Object.assign(detailJson, rest, { at: new Date(at).toISOString() });
          status = 'pending';
          detailJson.deadlineId = await openDeadline(trx, r, RULES.arrest, on, actor.userId, body.at);
        } else {
          on = body.on;
          dateCheck('on', on, r.judgmentEffectiveOn, JUDGMENT, '记录日期');
          const { kind: _k, on: _o, ...rest } = body;
          Object.assign(detailJson, rest);
          if (body.kind === 'leave') {
            if (body.to < body.from) throw dateInvalid('to', body.to, { notBefore: body.from, label: '外出起' }, '外出止');
            status = 'pending';
            detailJson.days = parseDate(body.to) - parseDate(body.from) + 1;
          }
          if (body.kind === 'transfer') {
            await checkTransferTarget(trx, r, body);
            status = 'pending';
          }
          if (body.kind === 'proposal') {
            status = 'pending';
            detailJson.deadlineId = await openDeadline(trx, r, RULES.ruling, on, actor.userId);
          }
          if (body.kind === 'monitoring') {
            // C5: each period of electronic monitoring lasts at most three months (Art. 29 ¶2); a renewal after
            // assessment starts a new period and ends the one before
            const m = computeMonthDeadline(await deps.calendar(), getMonthRule(RULES.monitoring), { start: on, onUnpublished: 'flag', explain: false });
            patch.monitoringUntil = m.rawEnd;
            detailJson.until = m.rawEnd;
            await closeDeadlines(trx, r.id, [RULES.monitoring], 'met');
            detailJson.deadlineId = await openDeadline(trx, r, RULES.monitoring, on, actor.userId);
          }
        }
        await repo.insertRecord(trx, { id: randomUUID(), subjectId: r.id, departmentId: r.departmentId, kind: body.kind, onDate: on, detail: JSON.stringify(detailJson), status, createdBy: actor.userId, createdAt: clock.nowIso() });
        return { patch, audit: { record: body.kind, on } };
      });
    },

    async decide(actor, id, recordId, body, meta) {
      return change(actor, id, null, 'record', meta, async (r, trx) => {
        const x = await repo.findRecord(trx, r.id, recordId);
        if (!x) throw new AppError('NOT_FOUND', { entity: 'correctionRecord', id: recordId });
        if (x.status !== 'pending') throw new AppError('CORRECTIONS_TRANSITION_NOT_ALLOWED', { record: recordId, status: x.status });
        dateCheck('on', body.on, x.onDate, '申请登记之日', '审批日期');
        const d = JSON.parse(x.detail) as Record<string, unknown>;
        const court = x.kind === 'proposal' || x.kind === 'arrestRequest';
        if (court && typeof d.deadlineId === 'string') await deps.deadlines.close(trx, d.deadlineId, 'met');
        // the court's ruling on a proposal (C6) or its decision on arrest (C7): granted / refused
        const status = court ? (body.approved ? 'granted' : 'refused') : body.approved ? 'approved' : 'denied';
        await repo.updateRecord(trx, recordId, { status, detail: JSON.stringify({ ...d, decidedOn: body.on, decisionNote: body.note }) });
        return { patch: {}, audit: { record: x.kind, decision: status } };
      });
    },

    async end(actor, id, body, meta) {
      return change(actor, id, body.version, 'end', meta, async (r, trx) => {
        dateCheck('on', body.on, r.termStart, '矫正期起', '解除或终止日期');
        if (body.reason === 'termEnd' && body.on < r.termEnd) throw dateInvalid('on', body.on, { notBefore: r.termEnd, label: '矫正期满日（第四十四条）' }, '期满解除日期');
        await closeDeadlines(trx, r.id, RUNNING, 'cancelled');
        // C8: met when the term has run out (Art. 44); otherwise the correction ended early (Art. 45)
        await closeDeadlines(trx, r.id, [RULES.termEnd], body.reason === 'termEnd' ? 'met' : 'cancelled');
        // a parolee whose term ends has served the sentence (刑满释放): handed over to 安置帮教 in the same street
        if (body.reason === 'termEnd' && r.sentenceType === 'parole') {
          await repo.insertReleased(trx, { id: randomUUID(), departmentId: r.departmentId, personId: r.personId, name: r.name, releasedOn: body.on, source: 'parole', correctionSubjectId: r.id, riskLevel: r.riskLevel, createdBy: actor.userId, createdAt: clock.nowIso() });
        }
        return { patch: { status: body.reason === 'termEnd' ? 'released' : 'ended', releasedOn: body.on, endReason: body.reason }, audit: { reason: body.reason, on: body.on } };
      });
    },

    async setStaff(actor, id, body, meta) {
      return change(actor, id, body.version, 'staff', meta, async (r, trx) => {
        const staff = await checkStaff(trx, r.departmentId, body.staffIds);
        await repo.replaceStaff(trx, r.id, staff, clock.nowIso());
        await deps.deadlines.reassign(trx, SUBJECT_OBJECT, r.id, staff[0]!);
        return { patch: {}, audit: { staff } };
      });
    },

    async transfer(actor, id, body, meta) {
      return change(actor, id, body.version, 'transfer', meta, async (r, trx) => {
        const x = await repo.findRecord(trx, r.id, body.recordId);
        const d = x ? (JSON.parse(x.detail) as { scope?: string; targetDepartmentId?: string; receivingOrgan?: string; decidedOn?: string; transferId?: string }) : null;
        if (!x || !d || x.kind !== 'transfer' || x.status !== 'approved' || d.transferId) throw new AppError('CORRECTIONS_TRANSFER_NOT_APPROVED', { recordId: body.recordId });
        if (d.scope !== 'inDistrict' && d.scope !== 'outOfDistrict') throw new AppError('CORRECTIONS_TRANSFER_TARGET_INVALID', { recordId: x.id, field: 'scope' });
        await checkTransferTarget(trx, r, d);
        dateCheck('on', body.on, d.decidedOn ?? x.onDate, '变更决定之日', '移交日期');
        const transferId = randomUUID();
        const now = clock.nowIso();
        const base = { id: transferId, subjectId: r.id, recordId: x.id, scope: d.scope, fromDepartmentId: r.departmentId, fromStaff: await staffJson(trx, r.id), startedOn: body.on, startedBy: actor.userId, createdAt: now };
        await repo.updateRecord(trx, x.id, { status: x.status, detail: JSON.stringify({ ...d, transferId, executedOn: body.on }) });
        if (d.scope === 'inDistrict') {
          // 移交中 until the receiving 司法所 accepts (acceptTransfer)
          await repo.insertTransfer(trx, { ...base, toDepartmentId: d.targetDepartmentId!, toStaff: null, receivingOrgan: null, status: 'pending', completedOn: null, completedBy: null, deadlinesMoved: 0 });
          // the report at the new place, from the decision, on the receiving 司法所's register (period set by the bureau, 待核实)
          await deps.deadlines.open(trx, { module: 'corrections', objectType: SUBJECT_OBJECT, objectId: r.id, title: `${fileLabel(r)} ${getRule(RULES.transferReport).title}`, ruleId: configuredRuleId(RULES.transferReport, await transferReportDays(trx)), startDate: d.decidedOn ?? x.onDate, departmentId: d.targetDepartmentId!, assigneeId: null });
          return { patch: { transferToDepartmentId: d.targetDepartmentId!, transferRecordId: x.id }, audit: { transfer: 'inDistrict', toDepartmentId: d.targetDepartmentId, on: body.on, citation: TRANSFER_CITATION } };
        }
        // out of the district: this district's clocks are no longer owed; each is cancelled with the reason journalled
        const note = `执行地变更至区外（接收机关：${d.receivingOrgan}），本区社区矫正机构不再履行该期限（${TRANSFER_CITATION}）`;
        const open = await repo.allOpenDeadlineIds(trx, SUBJECT_OBJECT, r.id);
        for (const dl of open) await deps.deadlines.close(trx, dl, 'cancelled', { note });
        await repo.insertTransfer(trx, { ...base, toDepartmentId: null, toStaff: null, receivingOrgan: d.receivingOrgan!, status: 'transferredOut', completedOn: body.on, completedBy: actor.userId, deadlinesMoved: open.length });
        return { patch: { status: 'transferred', receivingOrgan: d.receivingOrgan!, releasedOn: body.on, transferRecordId: x.id }, audit: { transfer: 'outOfDistrict', receivingOrgan: d.receivingOrgan, on: body.on, deadlinesCancelled: open.length, citation: TRANSFER_CITATION } };
      });
    },

    async withdrawTransfer(actor, id, body, meta) {
      return change(actor, id, body.version, 'transferWithdraw', meta, async (r, trx) => {
        const t = await repo.pendingTransfer(trx, r.id);
        if (!r.transferToDepartmentId || !t) throw new AppError('CORRECTIONS_TRANSFER_NOT_PENDING', { id: r.id });
        const note = `执行地变更移交已撤回：${body.note}（${TRANSFER_CITATION}）`;
        for (const dl of await repo.openDeadlines(trx, SUBJECT_OBJECT, r.id)) if (dl.ruleId.startsWith(`${RULES.transferReport}@`)) await deps.deadlines.close(trx, dl.id, 'cancelled', { note });
        await repo.updateTransfer(trx, t.id, { status: 'withdrawn', completedOn: clock.today(), completedBy: actor.userId });
        return { patch: { transferToDepartmentId: null, transferRecordId: null }, audit: { transfer: 'withdrawn', toDepartmentId: r.transferToDepartmentId, note: body.note, citation: TRANSFER_CITATION } };
      });
    },

    async acceptTransfer(actor, id, body, meta) {
      const r = await repo.findSubject(db, id);
      if (!r) throw new AppError('NOT_FOUND', { entity: SUBJECT_OBJECT, id });
      const target = r.transferToDepartmentId;
      if (!target) throw new AppError('CORRECTIONS_TRANSFER_NOT_PENDING', { id });
      const canAct = actor.dataScope === 'own' ? actor.departmentId === target : actor.scopeDepartmentIds === null || actor.scopeDepartmentIds.includes(target);
      if (!canAct) {
        await audit.record({ ...rec(actor, meta), action: 'corrections.subject.transferAccept', objectType: SUBJECT_OBJECT, objectId: id, outcome: 'denied', extra: { reason: 'OUT_OF_SCOPE' } });
        throw new AppError('OUT_OF_SCOPE', { id });
      }
      await db.transaction().execute(async (trx) => {
        const cur = (await repo.findSubject(trx, id))!;
        const t = await repo.pendingTransfer(trx, id);
        if (cur.transferToDepartmentId !== target || !t) throw new AppError('CORRECTIONS_TRANSFER_NOT_PENDING', { id });
        dateCheck('on', body.on, t.startedOn, '原司法所移交之日', '接收日期');
        const staff = await checkStaff(trx, target, body.staffIds);
        const now = clock.nowIso();
        // the subject has reported to the receiving 司法所: the report clock of the hand-over is met
        for (const dl of await repo.openDeadlines(trx, SUBJECT_OBJECT, id)) if (dl.ruleId.startsWith(`${RULES.transferReport}@`)) await deps.deadlines.close(trx, dl.id, 'met');
        await repo.replaceStaff(trx, id, staff, now);
        // the open register entries move to the receiving 司法所 and its first named staff (the register's reassign)
        const moved = await deps.deadlines.reassign(trx, SUBJECT_OBJECT, id, staff[0]!, target);
        if (!(await repo.updateSubject(trx, id, { departmentId: target, transferToDepartmentId: null, transferRecordId: null, updatedAt: now, version: cur.version + 1 }, body.version))) throw new AppError('CONFLICT', { entity: SUBJECT_OBJECT, id });
        await repo.updateTransfer(trx, t.id, { status: 'accepted', toStaff: await staffJson(trx, id), completedOn: body.on, completedBy: actor.userId, deadlinesMoved: moved });
        await audit.record({ ...rec(actor, meta), action: 'corrections.subject.transferAccept', objectType: SUBJECT_OBJECT, objectId: id, before: { departmentId: cur.departmentId, staff: JSON.parse(t.fromStaff) as unknown }, after: { departmentId: target, staff, on: body.on, deadlinesMoved: moved, citation: TRANSFER_CITATION } }, trx);
      });
      return (await summaries(actor, [(await repo.findSubject(db, id))!]))[0]!;
    },

    async transfers(actor, q) {
      const { rows, total } = await repo.listTransfers(actor, { subjectId: q.subjectId }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { data: await transferViews(rows), total };
    },

    offices: () => repo.allOffices(),

    async settings() {
      const rule = getRule(RULES.transferReport);
      const days = await transferReportDays(db);
      return { transferReportDays: days, min: rule.configurable!.min, max: rule.configurable!.max, unverified: rule.unverified === true, citation: ruleCitation(rule), note: rule.note ?? '' };
    },

    async setSettings(actor, body, meta) {
      configuredRuleId(RULES.transferReport, body.transferReportDays); // the engine's range check
      await db.transaction().execute(async (trx) => {
        const before = await transferReportDays(trx);
        await repo.putSetting(trx, TRANSFER_REPORT_KEY, JSON.stringify(body.transferReportDays), actor.userId, clock.nowIso());
        await audit.record({ ...rec(actor, meta), action: 'corrections.settings.update', objectType: 'correctionSettings', objectId: TRANSFER_REPORT_KEY, before: { transferReportDays: before }, after: { transferReportDays: body.transferReportDays } }, trx);
      });
      return this.settings();
    },

    async staffOptions(actor, departmentId) {
      if (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(departmentId)) throw new AppError('OUT_OF_SCOPE', { departmentId });
      return (await repo.staffOptions(departmentId)).map((u) => ({ id: u.id, name: u.displayName, departmentId: u.departmentId }));
    },

    async listReleased(actor, q) {
      const { rows, total } = await repo.listReleased(actor, { riskLevel: q.riskLevel }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { data: await releasedViews(rows), total };
    },

    async createReleased(actor, body, meta) {
      dateCheck('releasedOn', body.releasedOn);
      if ((await repo.departmentKind(actor.departmentId)) !== 'judicialOffice') throw new AppError('CORRECTIONS_STAFF_INVALID', { reason: 'notJudicialOffice' });
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const person = await people.create(actor, { name: body.name, idNumber: body.idNumber, mobile: body.mobile ?? null }, meta, trx);
        await repo.insertReleased(trx, { id, departmentId: actor.departmentId, personId: person.id, name: body.name, releasedOn: body.releasedOn, source: 'prison', correctionSubjectId: null, riskLevel: body.riskLevel, createdBy: actor.userId, createdAt: clock.nowIso() });
        await audit.record({ ...rec(actor, meta), action: 'corrections.released.create', objectType: 'releasedPerson', objectId: id, after: { releasedOn: body.releasedOn, riskLevel: body.riskLevel } }, trx);
      });
      return (await releasedViews([(await repo.findReleased(db, id))!]))[0]!;
    },

    async addHelp(actor, id, body, meta) {
      const r = await repo.findReleased(db, id);
      if (!r) throw new AppError('NOT_FOUND', { entity: 'releasedPerson', id });
      assertInScope(actor, r.departmentId, r.createdBy);
      dateCheck('on', body.on, r.releasedOn, '释放日期', '帮教日期');
      await db.transaction().execute(async (trx) => {
        await repo.insertHelp(trx, { id: randomUUID(), releasedPersonId: r.id, departmentId: r.departmentId, kind: body.kind, onDate: body.on, note: body.note, createdBy: actor.userId, createdAt: clock.nowIso() });
        await audit.record({ ...rec(actor, meta), action: 'corrections.released.help', objectType: 'releasedPerson', objectId: r.id, after: { kind: body.kind, on: body.on } }, trx);
      });
      return (await releasedViews([r]))[0]!;
    },

    async attention(actor, q) {
      if (q.to < q.from) throw dateInvalid('to', q.to, { notBefore: q.from, label: '开始日期' });
      const [subjects, released] = await Promise.all([repo.activeSubjects(actor), repo.riskyReleased(actor)]);
      const last = await repo.lastContacts(subjects.map((x) => x.id), released.map((x) => x.id), CONTACT_KINDS, q.to);
      const [staff, depts, creators] = await Promise.all([repo.staffOf(db, subjects.map((x) => x.id)), repo.departmentNames(), repo.userNames([...new Set(released.map((x) => x.createdBy))])]);
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

    async stats(actor, q) {
      if (q.to < q.from) throw dateInvalid('to', q.to, { notBefore: q.from, label: '开始日期' });
      if (parseDate(q.to) - parseDate(q.from) > MAX_STATS_DAYS) throw new AppError('STATS_PERIOD_TOO_LONG', { from: q.from, to: q.to });
      const today = clock.today();
      const [counts, reported, ended, kinds, releasedPersons, helps, offices] = await Promise.all([
        repo.subjectCounts(actor, today),
        repo.reportedIn(actor, q.from, q.to),
        repo.endedIn(actor, q.from, q.to),
        repo.recordKindsIn(actor, q.from, q.to),
        repo.releasedCounts(actor),
        repo.helpsIn(actor, q.from, q.to),
        repo.offices(actor),
      ]);
      const names = new Map(offices.map((o) => [o.id, o.name]));
      const ids = [...new Set([...offices.map((o) => o.id), ...counts.map((c) => c.departmentId), ...releasedPersons.map((c) => c.departmentId)])];
      const missing = ids.filter((id) => !names.has(id));
      if (missing.length) for (const [id, name] of await repo.departmentNames(missing)) names.set(id, name);
      const sum = <T extends { departmentId: string; n: number | string }>(rows: T[], id: string, where: (r: T) => boolean = () => true) => rows.filter((r) => r.departmentId === id && where(r)).reduce((a, r) => a + Number(r.n), 0);
      const byOffice = ids
        .map((id) => ({
          departmentId: id,
          name: names.get(id) ?? '',
          inCorrection: sum(counts, id, (r) => r.status === 'inCorrection'),
          awaitingReport: sum(counts, id, (r) => r.status === 'awaitingReport'),
          overdueReport: counts.filter((r) => r.departmentId === id).reduce((a, r) => a + Number(r.overdue ?? 0), 0),
          reported: sum(reported, id),
          released: sum(ended, id, (r) => r.status === 'released'),
          ended: sum(ended, id, (r) => r.status === 'ended'),
          releasedPersons: sum(releasedPersons, id),
          helps: sum(helps, id),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      const active = counts.filter((c) => c.status === 'awaitingReport' || c.status === 'inCorrection');
      return {
        from: q.from,
        to: q.to,
        byOffice,
        bySentenceType: SENTENCE_TYPES.map((t) => ({ sentenceType: t, label: SENTENCE_TYPE_LABELS[t], count: active.filter((c) => c.sentenceType === t).reduce((a, c) => a + Number(c.n), 0) })),
        byRecordKind: RECORD_KINDS.map((k) => ({ kind: k, label: RECORD_KIND_LABELS[k], count: Number(kinds.find((x) => x.kind === k)?.n ?? 0) })),
      };
    },

    async statsWorkbook(actor, q, meta) {
      const stats = await this.stats(actor, q);
      const bytes = await correctionStatsWorkbook(stats, actor.scopeDepartmentIds === null ? '全区' : actor.departmentName, clock.nowIso());
      await audit.record({ ...rec(actor, meta), action: 'corrections.stats.export', objectType: 'correctionStats', objectId: `${q.from}_${q.to}`, after: { from: q.from, to: q.to, offices: stats.byOffice.length } });
      return { bytes, fileName: `社区矫正统计_${q.from}_${q.to}.xlsx` };
    },

    async caseNumbers(objectType, ids) {
      if (objectType !== SUBJECT_OBJECT) return new Map();
      return new Map([...(await repo.archiveNumbers(db, ids))].map(([id, no]) => [id, `社区矫正档案 ${no}`]));
    },
  };
}
