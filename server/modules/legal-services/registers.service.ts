/**
 * Registers of the legal-service institutions the bureau supervises — law firms, notary offices, judicial-appraisal
 * institutions (the rows of legal_service_institutions that the 双随机 draws use; lawyers stay in the lawyer register
 * and are counted per firm) — with annual assessment (one result per institution and year), honours, integrity
 * grading (one grade per year; the current grade is the institution's integrityGrade that the draws show),
 * complaints (intake → handling → result) and monthly business volume (公证件数 etc.); and the administrative
 * approvals register (行政审批: kind, applicant firm, received / decided, outcome) whose period runs on the deadline
 * register through the engine's configurable rule `licensing.approvalDecision` (working days, 行政许可法 Art. 82; the
 * length per item is a local setting marked 待核实).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { INSTITUTION_KINDS, type InstitutionKind } from '../../../common/contracts/legal-services';
import {
  APPROVAL_KINDS, APPROVAL_PERIOD_NOTE, type Approval, type ApprovalCreateBody, type ApprovalDocumentKind, approvalDocumentKinds, type ApprovalKind, type ApprovalListQuery, type ComplaintCreateBody, type InstitutionCreateBody, type InstitutionDetailsBody, INTEGRITY_GRADE_BASIS, type InstitutionProfile,
} from '../../../common/contracts/legal-services-enterprise';
import type { WorkCalendar } from '../../../common/calendar';
import { computeDeadline, configuredRuleId, getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import { buildOfficialDocx } from '../../platform/documents';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { type Actor, assertInScope, scopeWhere } from '../../platform/identity';
import { approvalDocumentInput } from './approval-documents';
import { nextSeq } from './counters';
import { checkCreditCode } from './enterprise.service';
import { applyGradeCeiling, gradeFacts } from './grade-ceiling';
import { GRADE_CEILING_SHORT, gradeAbove, gradeCeiling } from './rules';
import type { Meta } from './legal-aid.service';
import './tables';

type Trx = Transaction<Database>;
type InstRow = Database['legalServiceInstitutions'];
type ComplaintRow = Database['legalServiceComplaints'];
type ApprovalRow = Database['legalServiceApprovals'];
export const APPROVAL_OBJECT = 'legalServiceApproval';
const APPROVAL_RULE = 'licensing.approvalDecision';
const PERIODS_KEY = 'approvalPeriods';
const KIND_PREFIX: Record<InstitutionKind, string> = { notaryOffice: 'GZ', appraisalInstitution: 'JD', lawFirm: 'LS' };

type InstitutionRecord = Omit<InstitutionProfile, 'assessments' | 'honours' | 'grades' | 'complaints' | 'lawyerNames' | 'firmLawyers' | 'gradeBasis'>;
type ComplaintView = InstitutionProfile['complaints'][number];

export interface RegistersService {
  institutions(q: { kind?: InstitutionKind | undefined; grade?: string | undefined; q?: string | undefined }): Promise<{ data: InstitutionRecord[]; total: number }>;
  profile(id: string): Promise<InstitutionProfile>;
  createInstitution(actor: Actor, body: z.infer<typeof InstitutionCreateBody>, meta: Meta): Promise<InstitutionProfile>;
  updateDetails(actor: Actor, id: string, body: z.infer<typeof InstitutionDetailsBody>, meta: Meta): Promise<InstitutionProfile>;
  assess(actor: Actor, id: string, body: { year: number; result: string; note: string }, meta: Meta): Promise<InstitutionProfile>;
  honour(actor: Actor, id: string, body: { title: string; awardedBy: string; awardedOn: string; personName: string | null }, meta: Meta): Promise<InstitutionProfile>;
  grade(actor: Actor, id: string, body: { year: number; grade: 'A' | 'B' | 'C' | 'D'; basis: string }, meta: Meta): Promise<InstitutionProfile>;
  /** A lawyer of the lawyer register: annual assessment (one per year); returns the firm's profile when the firm is on the register. */
  assessLawyer(actor: Actor, lawyerId: string, body: { year: number; result: string; note: string }, meta: Meta): Promise<{ lawyerId: string; name: string; firmName: string; assessments: { year: number; result: string }[] }>;
  volume(actor: Actor, id: string, body: { month: string; count: number }, meta: Meta): Promise<InstitutionProfile>;
  createComplaint(actor: Actor, body: z.infer<typeof ComplaintCreateBody>, meta: Meta): Promise<ComplaintView>;
  complaints(actor: Actor, q: { status?: string | undefined }): Promise<{ data: ComplaintView[]; total: number }>;
  handleComplaint(actor: Actor, id: string, body: { note: string; version: number }, meta: Meta): Promise<ComplaintView>;
  concludeComplaint(actor: Actor, id: string, body: { result: string; note: string; version: number }, meta: Meta): Promise<ComplaintView>;
  approvalPeriods(): Promise<Record<ApprovalKind, number>>;
  setApprovalPeriods(actor: Actor, periods: Partial<Record<ApprovalKind, number>>, meta: Meta): Promise<Record<ApprovalKind, number>>;
  createApproval(actor: Actor, body: z.infer<typeof ApprovalCreateBody>, meta: Meta): Promise<Approval>;
  approvals(actor: Actor, q: z.infer<typeof ApprovalListQuery>): Promise<{ data: Approval[]; total: number; counts: ApprovalCounts }>;
  getApproval(actor: Actor, id: string): Promise<Approval>;
  decideApproval(actor: Actor, id: string, body: { outcome: 'approved' | 'rejected' | 'withdrawn'; note: string; decidedOn?: string | undefined; version: number }, meta: Meta): Promise<Approval>;
  /**
   * 受理通知书 / 初步审查意见书 as an official .docx (approval-documents.ts); the data scope of getApproval; an instrument
   * the approval's state does not allow → LEGAL_SERVICE_APPROVAL_DOCUMENT_NOT_AVAILABLE. Audited.
   */
  approvalDocument(actor: Actor, id: string, kind: ApprovalDocumentKind, meta: Meta): Promise<{ fileName: string; docx: Buffer }>;
  approvalCounts(actor: Actor, q: { from: string; to: string }): Promise<ApprovalCounts>;
  /** Notarisations (or other business volume) reported by institutions of a kind for the months of a period. */
  volumeTotal(kind: InstitutionKind, q: { from: string; to: string }): Promise<number>;
  complaintCounts(actor: Actor, q: { from: string; to: string }): Promise<{ received: number; concluded: number; substantiated: number }>;
}
export interface ApprovalCounts {
  from: string;
  to: string;
  received: number;
  concluded: number;
  pending: number;
  onTime: number;
  byKind: { key: string; label: string; received: number; concluded: number; approved: number; rejected: number; withdrawn: number }[];
}

export function createRegistersService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  deadlines: DeadlineService;
  calendar: () => Promise<WorkCalendar>;
  /** 发文机关 of the approval instruments; default: the root of the department tree (the bureau itself) */
  organName?: string | undefined;
  /** the organ that decides the approvals this bureau reviews (律师法 Arts. 6, 18: the municipal bureau); default 北京市司法局 */
  decidingOrganName?: string | undefined;
}): RegistersService {
  const { db, clock, audit, deadlines } = deps;

  const record = (trx: Trx, actor: Actor, meta: Meta, action: string, objectType: string, objectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType, objectId, before, after }, trx);
  const dateCheck = (field: string, on: string, notBefore?: string | null) => {
    if (on > clock.today() || (notBefore && on < notBefore)) throw new AppError('LEGAL_SERVICE_DATE_INVALID', { field, date: on });
  };

  async function loadInst(q: Db | Trx, id: string): Promise<InstRow> {
    const r = await q.selectFrom('legalServiceInstitutions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'institution', id });
    return r;
  }

  async function records(rows: InstRow[]): Promise<InstitutionRecord[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const assessments = await db.selectFrom('legalServiceAssessments').select(['institutionId', 'year', 'result']).where('institutionId', 'in', ids).orderBy('year', 'desc').execute();
    const open = await db.selectFrom('legalServiceComplaints').select(['institutionId', (eb) => eb.fn.countAll<number>().as('n')]).where('institutionId', 'in', ids).where('status', '!=', 'concluded').groupBy('institutionId').execute();
    const lawyers = await db.selectFrom('legalAidLawyers').select(['firmName', (eb) => eb.fn.countAll<number>().as('n')]).where('active', '=', 1).groupBy('firmName').execute();
    const openBy = new Map(open.map((o) => [o.institutionId, Number(o.n)]));
    const lawyersBy = new Map(lawyers.map((l) => [l.firmName, Number(l.n)]));
    return rows.map((r) => {
      const a = assessments.find((x) => x.institutionId === r.id);
      return {
        id: r.id, code: r.code, name: r.name, kind: r.kind as InstitutionKind, street: r.street, integrityGrade: r.integrityGrade, lastInspectedOn: r.lastInspectedOn, active: !!r.active, creditCode: r.creditCode ?? null, address: r.address ?? null, headName: r.headName ?? null,
        licenceNo: r.licenceNo ?? null, staffCount: r.staffCount === null || r.staffCount === undefined ? null : Number(r.staffCount), practiceAreas: r.practiceAreas ?? null, latestAssessment: a ? { year: Number(a.year), result: a.result } : null, openComplaints: openBy.get(r.id) ?? 0, lawyers: r.kind === 'lawFirm' ? (lawyersBy.get(r.name) ?? 0) : 0,
      };
    });
  }

  const complaintViews = async (rows: ComplaintRow[]): Promise<ComplaintView[]> => {
    if (!rows.length) return [];
    const names = new Map((await db.selectFrom('legalServiceInstitutions').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.institutionId))]).execute()).map((i) => [i.id, i.name]));
    return rows.map((r) => ({ id: r.id, complaintNo: r.complaintNo, institutionId: r.institutionId, institutionName: names.get(r.institutionId) ?? '', complainantName: r.complainantName, channel: r.channel, receivedOn: r.receivedOn, content: r.content, status: r.status as ComplaintView['status'], handlingNote: r.handlingNote, result: r.result, resultNote: r.resultNote, concludedOn: r.concludedOn, version: Number(r.version) }));
  };

  async function profile(id: string): Promise<InstitutionProfile> {
    const r = await loadInst(db, id);
    const [rec] = await records([r]);
    const assessments = await db.selectFrom('legalServiceAssessments').selectAll().where('institutionId', '=', id).orderBy('year', 'desc').execute();
    const honours = await db.selectFrom('legalServiceHonours').selectAll().where('institutionId', '=', id).orderBy('awardedOn', 'desc').execute();
    const grades = await db.selectFrom('legalServiceIntegrityGrades').selectAll().where('institutionId', '=', id).orderBy('year', 'desc').execute();
    const complaints = await db.selectFrom('legalServiceComplaints').selectAll().where('institutionId', '=', id).orderBy('receivedOn', 'desc').execute();
    const firmLawyers = r.kind === 'lawFirm' ? await db.selectFrom('legalAidLawyers').select(['id', 'name', 'practiceYears', 'active']).where('firmName', '=', r.name).orderBy('name').execute() : [];
    const lawyerAssessments = firmLawyers.length ? await db.selectFrom('legalServiceLawyerAssessments').select(['lawyerId', 'year', 'result']).where('lawyerId', 'in', firmLawyers.map((l) => l.id)).orderBy('year', 'desc').execute() : [];
    const lawyerNames = firmLawyers.filter((l) => l.active).map((l) => l.name);
    return {
      ...rec!,
      assessments: assessments.map((a) => ({ year: Number(a.year), result: a.result, note: a.note, assessedOn: a.assessedOn })),
      honours: honours.map((h) => ({ id: h.id, title: h.title, awardedBy: h.awardedBy, awardedOn: h.awardedOn, personName: h.personName })),
      grades: grades.map((g) => ({ year: Number(g.year), grade: g.grade, basis: g.basis, gradedOn: g.gradedOn })),
      complaints: await complaintViews(complaints),
      lawyerNames,
      firmLawyers: firmLawyers.map((l) => ({ id: l.id, name: l.name, practiceYears: Number(l.practiceYears), active: !!l.active, assessments: lawyerAssessments.filter((x) => x.lawyerId === l.id).map((x) => ({ year: Number(x.year), result: x.result })) })),
      gradeBasis: INTEGRITY_GRADE_BASIS,
    };
  }

  async function loadComplaint(q: Db | Trx, actor: Actor, id: string) {
    const r = await q.selectFrom('legalServiceComplaints').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'complaint', id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }
  async function bumpComplaint(trx: Trx, row: ComplaintRow, version: number, from: string[], set: Partial<ComplaintRow>) {
    if (!from.includes(row.status)) throw new AppError('LEGAL_SERVICE_TRANSITION_NOT_ALLOWED', { status: row.status });
    if (Number(row.version) !== version) throw new AppError('CONFLICT', { currentVersion: Number(row.version) });
    const res = await trx.updateTable('legalServiceComplaints').set({ ...set, updatedAt: clock.nowIso(), version: version + 1 }).where('id', '=', row.id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
  }

  async function periods(q: Db | Trx = db): Promise<Record<ApprovalKind, number>> {
    const row = await q.selectFrom('legalServiceSettings').select('value').where('key', '=', PERIODS_KEY).executeTakeFirst();
    const stored = row ? (JSON.parse(row.value) as Partial<Record<ApprovalKind, number>>) : {};
    return Object.fromEntries((Object.keys(APPROVAL_KINDS) as ApprovalKind[]).map((k) => [k, stored[k] ?? APPROVAL_KINDS[k].defaultDays])) as Record<ApprovalKind, number>;
  }

  async function loadApproval(q: Db | Trx, actor: Actor, id: string) {
    const r = await q.selectFrom('legalServiceApprovals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'approval', id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }

  async function approvalViews(rows: ApprovalRow[]): Promise<Approval[]> {
    if (!rows.length) return [];
    const dls = await db.selectFrom('deadlines').select(['id', 'objectId', 'ruleId', 'startDate', 'dueDate', 'status', 'pauses', 'extensions']).where('objectType', '=', APPROVAL_OBJECT).where('objectId', 'in', rows.map((r) => r.id)).execute();
    const cal = await deps.calendar();
    const today = clock.today();
    return rows.map((r) => {
      const d = dls.find((x) => x.objectId === r.id);
      let deadline: Approval['deadline'] = null;
      if (d) {
        const rule = getRule(d.ruleId);
        const res = computeDeadline(cal, rule, { start: d.startDate, pauses: JSON.parse(d.pauses), extensions: JSON.parse(d.extensions), asOf: today, onUnpublished: 'flag' });
        deadline = { id: d.id, ruleId: d.ruleId, title: rule.title, citation: ruleCitation(rule), dueDate: d.dueDate, status: d.status, unverified: !!rule.unverified, steps: res.steps, note: APPROVAL_PERIOD_NOTE };
      }
      const k = APPROVAL_KINDS[r.kind as ApprovalKind];
      return {
        id: r.id, approvalNo: r.approvalNo, kind: r.kind as ApprovalKind, kindLabel: k.label, kindCitation: `${k.citation}（期限待核实）`, applicantName: r.applicantName, applicantCreditCode: r.applicantCreditCode, institutionId: r.institutionId, matter: r.matter, receivedOn: r.receivedOn, periodDays: Number(r.periodDays),
        dueDate: d?.dueDate ?? null, decidedOn: r.decidedOn, outcome: (r.outcome as Approval['outcome']) ?? null, decisionNote: r.decisionNote, status: r.status as Approval['status'], onTime: r.decidedOn && d?.dueDate ? r.decidedOn <= d.dueDate : null, deadline, version: Number(r.version),
      };
    });
  }

  async function approvalCounts(actor: Actor, q: { from: string; to: string }): Promise<ApprovalCounts> {
    const rows = await db
      .selectFrom('legalServiceApprovals as a')
      .leftJoin('deadlines as d', (j) => j.onRef('d.objectId', '=', 'a.id').on('d.objectType', '=', APPROVAL_OBJECT))
      .select(['a.kind', 'a.receivedOn', 'a.decidedOn', 'a.outcome', 'a.status', 'd.dueDate'])
      .where((eb) => scopeWhere(eb, actor, 'a.departmentId', 'a.handlerId'))
      .where((eb) => eb.or([eb.and([eb('a.receivedOn', '>=', q.from), eb('a.receivedOn', '<=', q.to)]), eb.and([eb('a.decidedOn', '>=', q.from), eb('a.decidedOn', '<=', q.to)])]))
      .execute();
    const inP = (d: string | null) => !!d && d >= q.from && d <= q.to;
    const received = rows.filter((r) => inP(r.receivedOn));
    const concluded = rows.filter((r) => inP(r.decidedOn));
    return {
      from: q.from, to: q.to, received: received.length, concluded: concluded.length, pending: received.filter((r) => r.status === 'pending').length, onTime: concluded.filter((r) => r.dueDate && r.decidedOn! <= r.dueDate).length,
      byKind: (Object.keys(APPROVAL_KINDS) as ApprovalKind[]).map((k) => ({ key: k, label: APPROVAL_KINDS[k].label, received: received.filter((r) => r.kind === k).length, concluded: concluded.filter((r) => r.kind === k).length, approved: concluded.filter((r) => r.kind === k && r.outcome === 'approved').length, rejected: concluded.filter((r) => r.kind === k && r.outcome === 'rejected').length, withdrawn: concluded.filter((r) => r.kind === k && r.outcome === 'withdrawn').length })),
    };
  }

  return {
    async institutions(q) {
      let base = db.selectFrom('legalServiceInstitutions').selectAll().orderBy('kind').orderBy('code');
      if (q.kind) base = base.where('kind', '=', q.kind);
      if (q.grade) base = base.where('integrityGrade', '=', q.grade);
      if (q.q) base = base.where((eb) => eb.or([eb('name', 'like', `%${q.q}%`), eb('code', 'like', `%${q.q}%`)]));
      const data = await records(await base.execute());
      return { data, total: data.length };
    },

    profile,

    async createInstitution(actor, body, meta) {
      const creditCode = body.creditCode ? checkCreditCode(body.creditCode) : null;
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const prefix = KIND_PREFIX[body.kind];
        const last = await trx.selectFrom('legalServiceInstitutions').select('code').where('code', 'like', `${prefix}%`).orderBy('code', 'desc').executeTakeFirst();
        const code = `${prefix}${String(Number((last?.code ?? `${prefix}000`).slice(prefix.length)) + 1).padStart(3, '0')}`;
        const now = clock.nowIso();
        await trx.insertInto('legalServiceInstitutions').values({ id, code, name: body.name, kind: body.kind, street: body.street, integrityGrade: body.integrityGrade, lastInspectedOn: null, active: 1, creditCode, address: body.address, headName: body.headName, licenceNo: body.licenceNo, staffCount: body.staffCount, practiceAreas: body.practiceAreas, createdAt: now, updatedAt: now }).execute();
        await record(trx, actor, meta, 'legalService.institution.create', 'legalServiceInstitution', id, null, { code, name: body.name, kind: INSTITUTION_KINDS[body.kind], creditCode });
      });
      return profile(id);
    },

    async updateDetails(actor, id, body, meta) {
      const creditCode = body.creditCode ? checkCreditCode(body.creditCode) : null;
      await db.transaction().execute(async (trx) => {
        const r = await loadInst(trx, id);
        const next = { creditCode, address: body.address, headName: body.headName, licenceNo: body.licenceNo, staffCount: body.staffCount, practiceAreas: body.practiceAreas };
        await trx.updateTable('legalServiceInstitutions').set({ ...next, updatedAt: clock.nowIso() }).where('id', '=', id).execute();
        await record(trx, actor, meta, 'legalService.institution.update', 'legalServiceInstitution', id, { creditCode: r.creditCode, address: r.address, headName: r.headName, licenceNo: r.licenceNo, staffCount: r.staffCount, practiceAreas: r.practiceAreas }, next);
      });
      return profile(id);
    },

    async assess(actor, id, body, meta) {
      if (body.year > Number(clock.today().slice(0, 4))) throw new AppError('LEGAL_SERVICE_DATE_INVALID', { field: 'year' });
      await db.transaction().execute(async (trx) => {
        await loadInst(trx, id);
        const dup = await trx.selectFrom('legalServiceAssessments').select('id').where('institutionId', '=', id).where('year', '=', body.year).executeTakeFirst();
        if (dup) throw new AppError('LEGAL_SERVICE_DUPLICATE', { year: body.year });
        const aid = randomUUID();
        await trx.insertInto('legalServiceAssessments').values({ id: aid, institutionId: id, year: body.year, result: body.result, note: body.note, assessedOn: clock.today(), assessedBy: actor.userId }).execute();
        await record(trx, actor, meta, 'legalService.institution.assess', 'legalServiceInstitution', id, null, { year: body.year, result: body.result });
        // a 基本合格 / 不合格 result bounds the year's integrity grade (rules.ts gradeCeiling)
        await applyGradeCeiling(trx, { clock, audit }, actor, meta, id, body.year);
      });
      return profile(id);
    },

    async honour(actor, id, body, meta) {
      dateCheck('awardedOn', body.awardedOn);
      await db.transaction().execute(async (trx) => {
        await loadInst(trx, id);
        const hid = randomUUID();
        await trx.insertInto('legalServiceHonours').values({ id: hid, institutionId: id, title: body.title, awardedBy: body.awardedBy, awardedOn: body.awardedOn, personName: body.personName, createdAt: clock.nowIso() }).execute();
        await record(trx, actor, meta, 'legalService.institution.honour', 'legalServiceInstitution', id, null, { honourId: hid, title: body.title, awardedOn: body.awardedOn });
      });
      return profile(id);
    },

    async grade(actor, id, body, meta) {
      if (body.year > Number(clock.today().slice(0, 4))) throw new AppError('LEGAL_SERVICE_DATE_INVALID', { field: 'year' });
      await db.transaction().execute(async (trx) => {
        const r = await loadInst(trx, id);
        const dup = await trx.selectFrom('legalServiceIntegrityGrades').select('id').where('institutionId', '=', id).where('year', '=', body.year).executeTakeFirst();
        if (dup) throw new AppError('LEGAL_SERVICE_DUPLICATE', { year: body.year });
        const { ceiling, reasons } = gradeCeiling(await gradeFacts(trx, id, body.year));
        if (gradeAbove(body.grade, ceiling)) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'grade', message: `${body.year} 年${reasons.join('、')}，诚信等级不得高于 ${ceiling} 级（${GRADE_CEILING_SHORT}）` }] });
        await trx.insertInto('legalServiceIntegrityGrades').values({ id: randomUUID(), institutionId: id, year: body.year, grade: body.grade, basis: body.basis, gradedOn: clock.today(), gradedBy: actor.userId }).execute();
        // the latest year's grade is the current one (used by the 双随机 register)
        const latest = await trx.selectFrom('legalServiceIntegrityGrades').select(['grade']).where('institutionId', '=', id).orderBy('year', 'desc').executeTakeFirstOrThrow();
        await trx.updateTable('legalServiceInstitutions').set({ integrityGrade: latest.grade, updatedAt: clock.nowIso() }).where('id', '=', id).execute();
        await record(trx, actor, meta, 'legalService.institution.grade', 'legalServiceInstitution', id, { integrityGrade: r.integrityGrade }, { year: body.year, grade: body.grade, integrityGrade: latest.grade });
      });
      return profile(id);
    },

    async assessLawyer(actor, lawyerId, body, meta) {
      if (body.year > Number(clock.today().slice(0, 4))) throw new AppError('LEGAL_SERVICE_DATE_INVALID', { field: 'year' });
      const l = await db.selectFrom('legalAidLawyers').select(['id', 'name', 'firmName']).where('id', '=', lawyerId).executeTakeFirst();
      if (!l) throw new AppError('NOT_FOUND', { entity: 'lawyer', id: lawyerId });
      await db.transaction().execute(async (trx) => {
        const dup = await trx.selectFrom('legalServiceLawyerAssessments').select('id').where('lawyerId', '=', lawyerId).where('year', '=', body.year).executeTakeFirst();
        if (dup) throw new AppError('LEGAL_SERVICE_DUPLICATE', { year: body.year });
        await trx.insertInto('legalServiceLawyerAssessments').values({ id: randomUUID(), lawyerId, year: body.year, result: body.result, note: body.note, assessedOn: clock.today(), assessedBy: actor.userId }).execute();
        await record(trx, actor, meta, 'legalService.lawyer.assess', 'legalAidLawyer', lawyerId, null, { year: body.year, result: body.result });
      });
      const rows = await db.selectFrom('legalServiceLawyerAssessments').select(['year', 'result']).where('lawyerId', '=', lawyerId).orderBy('year', 'desc').execute();
      return { lawyerId, name: l.name, firmName: l.firmName, assessments: rows.map((x) => ({ year: Number(x.year), result: x.result })) };
    },

    async volume(actor, id, body, meta) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(body.month) || body.month > clock.today().slice(0, 7)) throw new AppError('LEGAL_SERVICE_DATE_INVALID', { field: 'month' });
      await db.transaction().execute(async (trx) => {
        await loadInst(trx, id);
        const before = await trx.selectFrom('legalServiceVolumes').select('count').where('institutionId', '=', id).where('month', '=', body.month).executeTakeFirst();
        const now = clock.nowIso();
        await trx.insertInto('legalServiceVolumes').values({ institutionId: id, month: body.month, count: body.count, reportedAt: now }).onConflict((oc) => oc.columns(['institutionId', 'month']).doUpdateSet({ count: body.count, reportedAt: now })).execute();
        await record(trx, actor, meta, 'legalService.institution.volume', 'legalServiceInstitution', id, before ? { month: body.month, count: Number(before.count) } : null, { month: body.month, count: body.count });
      });
      return profile(id);
    },

    async createComplaint(actor, body, meta) {
      const receivedOn = body.receivedOn ?? clock.today();
      dateCheck('receivedOn', receivedOn);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const inst = await loadInst(trx, body.institutionId);
        const year = Number(receivedOn.slice(0, 4));
        const complaintNo = `西司投〔${year}〕${await nextSeq(trx, 'complaint', year)}号`;
        const now = clock.nowIso();
        await trx.insertInto('legalServiceComplaints').values({ id, complaintNo, departmentId: actor.departmentId, handlerId: actor.userId, institutionId: inst.id, complainantName: body.complainantName, channel: body.channel, receivedOn, content: body.content, status: 'received', handlingNote: null, result: null, resultNote: null, concludedOn: null, createdAt: now, updatedAt: now, version: 1 }).execute();
        await record(trx, actor, meta, 'legalService.complaint.create', 'legalServiceComplaint', id, null, { complaintNo, institutionId: inst.id, channel: body.channel, receivedOn });
      });
      return (await complaintViews([await loadComplaint(db, actor, id)]))[0]!;
    },

    async complaints(actor, q) {
      let base = db.selectFrom('legalServiceComplaints as c').selectAll('c').where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'));
      if (q.status) base = base.where('c.status', '=', q.status);
      const data = await complaintViews(await base.orderBy('c.receivedOn', 'desc').orderBy('c.complaintNo', 'desc').execute());
      return { data, total: data.length };
    },

    async handleComplaint(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await loadComplaint(trx, actor, id);
        await bumpComplaint(trx, row, body.version, ['received', 'handling'], { status: 'handling', handlingNote: row.handlingNote ? `${row.handlingNote}\n${clock.today()} ${body.note}` : `${clock.today()} ${body.note}` });
        await record(trx, actor, meta, 'legalService.complaint.handle', 'legalServiceComplaint', id, { status: row.status }, { status: 'handling' });
      });
      return (await complaintViews([await loadComplaint(db, actor, id)]))[0]!;
    },

    async concludeComplaint(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await loadComplaint(trx, actor, id);
        const today = clock.today();
        await bumpComplaint(trx, row, body.version, ['handling'], { status: 'concluded', result: body.result, resultNote: body.note, concludedOn: today });
        await record(trx, actor, meta, 'legalService.complaint.conclude', 'legalServiceComplaint', id, { status: row.status }, { status: 'concluded', result: body.result, concludedOn: today });
        if (body.result === 'substantiated' || body.result === 'partly') await applyGradeCeiling(trx, { clock, audit }, actor, meta, row.institutionId, Number(today.slice(0, 4)));
      });
      return (await complaintViews([await loadComplaint(db, actor, id)]))[0]!;
    },

    approvalPeriods: () => periods(),

    async setApprovalPeriods(actor, next, meta) {
      const before = await periods();
      const merged = { ...before, ...next };
      for (const v of Object.values(merged)) configuredRuleId(APPROVAL_RULE, v); // range check by the engine's rule
      await db.transaction().execute(async (trx) => {
        const now = clock.nowIso();
        await trx.insertInto('legalServiceSettings').values({ key: PERIODS_KEY, value: JSON.stringify(merged), updatedBy: actor.userId, updatedAt: now }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(merged), updatedBy: actor.userId, updatedAt: now })).execute();
        await record(trx, actor, meta, 'legalService.approval.periods', 'legalServiceSettings', PERIODS_KEY, before, merged);
      });
      return merged;
    },

    async createApproval(actor, body, meta) {
      const receivedOn = body.receivedOn ?? clock.today();
      dateCheck('receivedOn', receivedOn);
      const applicantCreditCode = body.applicantCreditCode ? checkCreditCode(body.applicantCreditCode, 'applicantCreditCode') : null;
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        if (body.institutionId) await loadInst(trx, body.institutionId);
        const days = (await periods(trx))[body.kind];
        const year = Number(receivedOn.slice(0, 4));
        const approvalNo = `西司审〔${year}〕${await nextSeq(trx, 'approval', year)}号`;
        const now = clock.nowIso();
        await trx.insertInto('legalServiceApprovals').values({ id, approvalNo, departmentId: actor.departmentId, handlerId: actor.userId, kind: body.kind, applicantName: body.applicantName, applicantCreditCode, institutionId: body.institutionId, matter: body.matter, receivedOn, periodDays: days, decidedOn: null, outcome: null, decisionNote: null, status: 'pending', createdAt: now, updatedAt: now, version: 1 }).execute();
        await deadlines.open(trx, { module: 'legalService', objectType: APPROVAL_OBJECT, objectId: id, title: `${approvalNo} ${APPROVAL_KINDS[body.kind].label}`, ruleId: configuredRuleId(APPROVAL_RULE, days), startDate: receivedOn, departmentId: actor.departmentId, assigneeId: actor.userId });
        await record(trx, actor, meta, 'legalService.approval.create', APPROVAL_OBJECT, id, null, { approvalNo, kind: body.kind, receivedOn, periodDays: days, applicantCreditCode });
      });
      return (await approvalViews([await loadApproval(db, actor, id)]))[0]!;
    },

    async approvals(actor, q) {
      let base = db.selectFrom('legalServiceApprovals as a').where((eb) => scopeWhere(eb, actor, 'a.departmentId', 'a.handlerId'));
      if (q.kind) base = base.where('a.kind', '=', q.kind);
      if (q.status) base = base.where('a.status', '=', q.status);
      if (q.from) base = base.where('a.receivedOn', '>=', q.from);
      if (q.to) base = base.where('a.receivedOn', '<=', q.to);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll('a').orderBy('a.receivedOn', 'desc').orderBy('a.approvalNo', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const today = clock.today();
      const counts = await approvalCounts(actor, { from: q.from ?? `${today.slice(0, 4)}-01-01`, to: q.to ?? today });
      return { total: Number(total), data: await approvalViews(rows), counts };
    },

    async getApproval(actor, id) {
      return (await approvalViews([await loadApproval(db, actor, id)]))[0]!;
    },

    async decideApproval(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await loadApproval(trx, actor, id);
        if (row.status !== 'pending') throw new AppError('LEGAL_SERVICE_TRANSITION_NOT_ALLOWED', { status: row.status });
        if (Number(row.version) !== body.version) throw new AppError('CONFLICT', { currentVersion: Number(row.version) });
        const on = body.decidedOn ?? clock.today();
        dateCheck('decidedOn', on, row.receivedOn);
        const res = await trx.updateTable('legalServiceApprovals').set({ status: 'decided', outcome: body.outcome, decisionNote: body.note, decidedOn: on, updatedAt: clock.nowIso(), version: body.version + 1 }).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
        const open = await trx.selectFrom('deadlines').select('id').where('objectType', '=', APPROVAL_OBJECT).where('objectId', '=', id).where('status', '=', 'open').execute();
        for (const d of open) await deadlines.close(trx, d.id, body.outcome === 'withdrawn' ? 'cancelled' : 'met');
        await record(trx, actor, meta, 'legalService.approval.decide', APPROVAL_OBJECT, id, { status: 'pending' }, { status: 'decided', outcome: body.outcome, decidedOn: on });
      });
      return (await approvalViews([await loadApproval(db, actor, id)]))[0]!;
    },

    async approvalDocument(actor, id, kind, meta) {
      const a = (await approvalViews([await loadApproval(db, actor, id)]))[0]!;
      if (!approvalDocumentKinds(a).includes(kind)) throw new AppError('LEGAL_SERVICE_APPROVAL_DOCUMENT_NOT_AVAILABLE', { kind, status: a.status, outcome: a.outcome });
      // the issuing organ: the configured name, else the root of the department tree (as the 法治体检报告)
      const organ = deps.organName ?? (await db.selectFrom('departments').select('name').where('parentId', 'is', null).orderBy('sort').executeTakeFirst())?.name ?? '区司法局';
      const { input, fileName } = approvalDocumentInput(a, kind, { organ, decidingOrgan: deps.decidingOrganName ?? '北京市司法局' });
      const docx = await buildOfficialDocx(input);
      await audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action: 'legalService.approval.document', objectType: APPROVAL_OBJECT, objectId: id, extra: { kind, docNo: input.docNo, approvalNo: a.approvalNo } });
      return { fileName, docx };
    },

    approvalCounts,

    async volumeTotal(kind, q) {
      const row = await db
        .selectFrom('legalServiceVolumes as v')
        .innerJoin('legalServiceInstitutions as i', 'i.id', 'v.institutionId')
        .select((eb) => eb.fn.sum<number>('v.count').as('n'))
        .where('i.kind', '=', kind)
        .where('v.month', '>=', q.from.slice(0, 7))
        .where('v.month', '<=', q.to.slice(0, 7))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async complaintCounts(actor, q) {
      const rows = await db
        .selectFrom('legalServiceComplaints as c')
        .select(['c.receivedOn', 'c.concludedOn', 'c.result'])
        .where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'))
        .where((eb) => eb.or([eb.and([eb('c.receivedOn', '>=', q.from), eb('c.receivedOn', '<=', q.to)]), eb.and([eb('c.concludedOn', '>=', q.from), eb('c.concludedOn', '<=', q.to)])]))
        .execute();
      const inP = (d: string | null) => !!d && d >= q.from && d <= q.to;
      return { received: rows.filter((r) => inP(r.receivedOn)).length, concluded: rows.filter((r) => inP(r.concludedOn)).length, substantiated: rows.filter((r) => inP(r.concludedOn) && (r.result === 'substantiated' || r.result === 'partly')).length };
    },
  };
}
