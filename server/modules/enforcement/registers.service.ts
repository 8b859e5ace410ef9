/**
 * 行政执法监督 registers edited by hand (the bulk of records arrives through the importer): 执法主体, 执法人员 and
 * 执法证 validity, 年度检查计划 and per-firm caps, 行政处罚案件 on the 90-day clock of 《中华人民共和国行政处罚法》
 * 第六十条 (opened on the platform deadline register, closed by the decision), 12345 投诉. Tables belong to migration
 * 030-enforcement-core; every write is audited and bumps the detections' data version of its source.
 * Data scope (scope.ts): penalties and complaints are filtered to the viewer's streets' firms and liaison agencies,
 * officers to the liaison's agencies (agencies and published plans are reference data); every write needs the district.
 * The Art. 60 due date always comes from the deadline engine (penalty-deadline.ts), with its explanation.
 */
import type { z } from 'zod';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import { ENFORCEMENT_FIELDS } from '../../../common/contracts/enforcement';
import type { AgencyBody, ComplaintBody, OfficerBody, PenaltyBody, PenaltyExtendBody, PlanBody } from '../../../common/contracts/enforcement-supervision';
import { AppError } from '../../../common/errors';
import { isValidCreditCode } from '../../../common/validators';
import type { Database, DbHandle } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import type { Actor } from '../../platform/identity';
import { bumpDataVersion } from './detections/detections.service';
import { PENALTY_EXTENSION_NOTE, PENALTY_RULE, overdueFiledCutoff, penaltyCitation, penaltyDeadline } from './penalty-deadline';
import { assertDistrict, enforcementScope, scopeFilter } from './scope';
import './supervision.tables';
import type { Transaction } from 'kysely';

type Trx = Transaction<Database>;
type Meta = { ip?: string | undefined; requestId?: string | undefined };
export { PENALTY_RULE };

/** Shown to a caller whose scope holds firms but no agency (a 司法所): why the officer roster is empty for them. */
const OFFICERS_OUT_OF_SCOPE = '执法人员名册属于各执法主体，仅区司法局（执法监督机构）和执法主体联络人可查看。司法所按辖区企业查看检查记录、处罚和投诉：请在“一企一档”“分析统计”中查看本街道企业的情况。';

const certState = (from: string | null, to: string | null, today: string): 'valid' | 'expiring' | 'expired' | 'none' => {
  if (!to) return 'none';
  if (to < today || (from && from > today)) return 'expired';
  return parseDate(to) - parseDate(today) <= 60 ? 'expiring' : 'valid';
};
const checkField = (f: string) => {
  if (!(f in ENFORCEMENT_FIELDS)) throw new AppError('ENF_FIELD_UNKNOWN', { field: f });
};
const checkCredit = (c: string) => {
  if (!isValidCreditCode(c)) throw new AppError('CREDIT_CODE_INVALID', { creditCode: c });
};

export type RegistersService = ReturnType<typeof createRegistersService>;

export function createRegistersService(deps: { handle: DbHandle; clock: Clock; audit: AuditService; deadlines: DeadlineService; calendar: () => Promise<WorkCalendar> }) {
  const { handle, clock, audit, deadlines } = deps;
  const db = handle.db;
  const rec = (trx: Trx, actor: Actor, meta: Meta, action: string, objectType: string, objectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType, objectId, before, after }, trx);
  const agencyExists = async (q: Trx | DbHandle['db'], code: string) => {
    if (!(await q.selectFrom('enforcementAgencies').select('code').where('code', '=', code).executeTakeFirst())) throw new AppError('ENF_AGENCY_UNKNOWN', { agencyCode: code });
  };
  const upsertFirm = (trx: Trx, creditCode: string, name: string) =>
    trx.insertInto('enforcementFirms').values({ creditCode, name, street: null, updatedAt: clock.nowIso() }).onConflict((oc) => oc.column('creditCode').doUpdateSet({ name, updatedAt: clock.nowIso() })).execute();
  const scopeOf = (actor: Actor) => enforcementScope(db, actor);
  const district = async (actor: Actor) => assertDistrict(await scopeOf(actor));

  /** Penalty rows with their approved extension (if any), for the list and the single view. */
  const penaltySelect = () =>
    db
      .selectFrom('enforcementPenalties as p')
      .leftJoin('enforcementFirms as f', 'f.creditCode', 'p.targetCreditCode')
      .leftJoin('enforcementPenaltyExtensions as x', 'x.penaltyId', 'p.id')
      .selectAll('p')
      .select(['f.name as targetName', 'x.days as extensionDays', 'x.basis as extensionBasis', 'x.reason as extensionReason', 'x.approvedOn as extensionApprovedOn']);
  type PenaltyRow = Awaited<ReturnType<ReturnType<typeof penaltySelect>['execute']>>[number];
  /** A case with its decision period from the deadline engine (due date, explanation, citation). */
  const toPenalty = (cal: WorkCalendar, today: string, r: PenaltyRow) => {
    const extension = r.extensionDays ? { days: Number(r.extensionDays), basis: r.extensionBasis ?? '', reason: r.extensionReason ?? '', approvedOn: r.extensionApprovedOn ?? r.filedOn } : null;
    const d = penaltyDeadline(cal, r.filedOn, extension);
    return {
      id: r.id, agencyCode: r.agencyCode, targetCreditCode: r.targetCreditCode, targetName: r.targetName ?? null, field: r.field, violationCode: r.violationCode, discretionLevel: r.discretionLevel, amount: Number(r.amount), filedOn: r.filedOn, decidedOn: r.decidedOn,
      dueDate: d.due,
      overdue: r.decidedOn ? r.decidedOn > d.due : today > d.due,
      deadline: { dueDate: d.due, citation: penaltyCitation(), steps: d.steps, tentative: d.flags.length > 0, extensionDays: extension?.days ?? 0 },
      extension: extension ? { ...extension, note: PENALTY_EXTENSION_NOTE } : null,
    };
  };
  const penaltyById = async (id: string) => {
    const r = await penaltySelect().where('p.id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'penalty', id });
    return toPenalty(await deps.calendar(), clock.today(), r);
  };

  return {
    penaltyCitation: penaltyCitation(),

    // ------------------------------------------------------------------ agencies
    async listAgencies() {
      const rows = await db
        .selectFrom('enforcementAgencies as a')
        .leftJoin(db.selectFrom('enforcementOfficers').select(['agencyCode', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('agencyCode').as('o'), 'o.agencyCode', 'a.code')
        .select(['a.code', 'a.name', 'a.legalBasis', 'a.fields', 'a.street', 'a.version', 'o.n'])
        .orderBy('a.code')
        .execute();
      return { data: rows.map((r) => ({ code: r.code, name: r.name, legalBasis: r.legalBasis, fields: JSON.parse(r.fields) as string[], street: r.street, officers: Number(r.n ?? 0), version: Number(r.version) })), total: rows.length };
    },
    async saveAgency(actor: Actor, body: z.infer<typeof AgencyBody>, version: number | null, meta: Meta) {
      await district(actor);
      body.fields.forEach(checkField);
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        const cur = await trx.selectFrom('enforcementAgencies').selectAll().where('code', '=', body.code).executeTakeFirst();
        if (version === null) {
          if (cur) throw new AppError('ENF_RECORD_EXISTS', { code: body.code });
          await trx.insertInto('enforcementAgencies').values({ code: body.code, name: body.name, legalBasis: body.legalBasis, fields: JSON.stringify(body.fields), street: body.street, createdAt: now, updatedAt: now, version: 1 }).execute();
        } else {
          if (!cur) throw new AppError('NOT_FOUND', { entity: 'agency', code: body.code });
          const res = await trx.updateTable('enforcementAgencies').set({ name: body.name, legalBasis: body.legalBasis, fields: JSON.stringify(body.fields), street: body.street, updatedAt: now, version: version + 1 }).where('code', '=', body.code).where('version', '=', version).executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { currentVersion: cur.version });
        }
        await rec(trx, actor, meta, version === null ? 'enforcement.agency.create' : 'enforcement.agency.update', 'enforcementAgency', body.code, cur ? { name: cur.name, fields: cur.fields } : null, { name: body.name, fields: JSON.stringify(body.fields) });
      });
      return (await this.listAgencies()).data.find((a) => a.code === body.code)!;
    },

    // ------------------------------------------------------------------ officers
    async listOfficers(actor: Actor, q: { agencyCode?: string | undefined; certificate?: string | undefined; page: number; pageSize: number }) {
      const today = clock.today();
      const soon = formatDate(parseDate(today) + 60);
      const scope = await scopeOf(actor);
      // officers (names of agency staff): the district, or a liaison for their own agencies
      let base = db.selectFrom('enforcementOfficers').where(scopeFilter(scope, null, 'enforcementOfficers.agencyCode'));
      if (q.agencyCode) base = base.where('agencyCode', '=', q.agencyCode);
      if (q.certificate === 'none') base = base.where('certificateValidTo', 'is', null);
      if (q.certificate === 'expired') base = base.where((eb) => eb.or([eb('certificateValidTo', '<', today), eb('certificateValidFrom', '>', today)]));
      if (q.certificate === 'expiring') base = base.where('certificateValidTo', '>=', today).where('certificateValidTo', '<=', soon);
      if (q.certificate === 'valid') base = base.where('certificateValidTo', '>', soon).where((eb) => eb.or([eb('certificateValidFrom', 'is', null), eb('certificateValidFrom', '<=', today)]));
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('agencyCode').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return {
        data: rows.map((r) => ({ id: r.id, agencyCode: r.agencyCode, name: r.name, certificateNo: r.certificateNo, certificateValidFrom: r.certificateValidFrom, certificateValidTo: r.certificateValidTo, certificateState: certState(r.certificateValidFrom, r.certificateValidTo, today), version: Number(r.version) })),
        total: Number(total),
        ...(!scope.all && scope.agencies.length === 0 ? { note: OFFICERS_OUT_OF_SCOPE } : {}),
      };
    },
    async saveOfficer(actor: Actor, body: z.infer<typeof OfficerBody>, version: number | null, meta: Meta) {
      await district(actor);
      if (body.certificateValidFrom && body.certificateValidTo && body.certificateValidTo < body.certificateValidFrom) throw new AppError('ENF_DATE_ORDER', { from: body.certificateValidFrom, to: body.certificateValidTo });
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        await agencyExists(trx, body.agencyCode);
        const cur = await trx.selectFrom('enforcementOfficers').selectAll().where('id', '=', body.id).executeTakeFirst();
        const values = { agencyCode: body.agencyCode, name: body.name, certificateNo: body.certificateNo, certificateValidFrom: body.certificateValidFrom, certificateValidTo: body.certificateValidTo, updatedAt: now };
        if (version === null) {
          if (cur) throw new AppError('ENF_RECORD_EXISTS', { id: body.id });
          await trx.insertInto('enforcementOfficers').values({ id: body.id, ...values, createdAt: now, version: 1 }).execute();
        } else {
          if (!cur) throw new AppError('NOT_FOUND', { entity: 'officer', id: body.id });
          const res = await trx.updateTable('enforcementOfficers').set({ ...values, version: version + 1 }).where('id', '=', body.id).where('version', '=', version).executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { currentVersion: cur.version });
        }
        await bumpDataVersion(trx, 'officers');
        await rec(trx, actor, meta, version === null ? 'enforcement.officer.create' : 'enforcement.officer.update', 'enforcementOfficer', body.id, cur ? { certificateValidTo: cur.certificateValidTo, agencyCode: cur.agencyCode } : null, { certificateValidTo: body.certificateValidTo, agencyCode: body.agencyCode });
      });
      const r = await db.selectFrom('enforcementOfficers').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
      return { id: r.id, agencyCode: r.agencyCode, name: r.name, certificateNo: r.certificateNo, certificateValidFrom: r.certificateValidFrom, certificateValidTo: r.certificateValidTo, certificateState: certState(r.certificateValidFrom, r.certificateValidTo, clock.today()), version: Number(r.version) };
    },

    // ------------------------------------------------------------------ plans
    async listPlans(q: { agencyCode?: string | undefined; page: number; pageSize: number }) {
      let base = db.selectFrom('enforcementInspectionPlans');
      if (q.agencyCode) base = base.where('agencyCode', '=', q.agencyCode);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('year', 'desc').orderBy('agencyCode').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { data: rows.map((r) => ({ id: r.id, agencyCode: r.agencyCode, year: Number(r.year), field: r.field, title: r.title, perFirmCap: r.perFirmCap === null ? null : Number(r.perFirmCap), version: Number(r.version) })), total: Number(total) };
    },
    async savePlan(actor: Actor, body: z.infer<typeof PlanBody>, version: number | null, meta: Meta) {
      await district(actor);
      checkField(body.field);
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        await agencyExists(trx, body.agencyCode);
        const cur = await trx.selectFrom('enforcementInspectionPlans').selectAll().where('id', '=', body.id).executeTakeFirst();
        const values = { agencyCode: body.agencyCode, year: body.year, field: body.field, title: body.title, perFirmCap: body.perFirmCap, updatedAt: now };
        if (version === null) {
          if (cur) throw new AppError('ENF_RECORD_EXISTS', { id: body.id });
          await trx.insertInto('enforcementInspectionPlans').values({ id: body.id, ...values, createdAt: now, version: 1 }).execute();
        } else {
          if (!cur) throw new AppError('NOT_FOUND', { entity: 'plan', id: body.id });
          const res = await trx.updateTable('enforcementInspectionPlans').set({ ...values, version: version + 1 }).where('id', '=', body.id).where('version', '=', version).executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { currentVersion: cur.version });
        }
        await bumpDataVersion(trx, 'plans');
        await rec(trx, actor, meta, version === null ? 'enforcement.plan.create' : 'enforcement.plan.update', 'enforcementPlan', body.id, cur ? { perFirmCap: cur.perFirmCap } : null, { perFirmCap: body.perFirmCap, year: body.year });
      });
      const r = await db.selectFrom('enforcementInspectionPlans').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
      return { id: r.id, agencyCode: r.agencyCode, year: Number(r.year), field: r.field, title: r.title, perFirmCap: r.perFirmCap === null ? null : Number(r.perFirmCap), version: Number(r.version) };
    },

    // ------------------------------------------------------------------ penalties
    async listPenalties(actor: Actor, q: { agencyCode?: string | undefined; state?: string | undefined; page: number; pageSize: number }) {
      const today = clock.today();
      const cal = await deps.calendar();
      const scope = await scopeOf(actor);
      let base = db.selectFrom('enforcementPenalties as p').leftJoin('enforcementPenaltyExtensions as x', 'x.penaltyId', 'p.id').where(scopeFilter(scope, 'p.targetCreditCode', 'p.agencyCode'));
      if (q.agencyCode) base = base.where('p.agencyCode', '=', q.agencyCode);
      if (q.state === 'pending') base = base.where('p.decidedOn', 'is', null);
      if (q.state === 'decided') base = base.where('p.decidedOn', 'is not', null);
      if (q.state === 'overdue') {
        // Undecided and past the engine's due date today. The due date grows with the filing day, so per extension
        // length one cut-off filing day (found by asking the engine, penalty-deadline.ts) selects exactly the overdue.
        const lengths = (await db.selectFrom('enforcementPenaltyExtensions as x').innerJoin('enforcementPenalties as p', 'p.id', 'x.penaltyId').select('x.days').distinct().where('p.decidedOn', 'is', null).execute()).map((r) => Number(r.days));
        const c0 = overdueFiledCutoff(cal, today, 0);
        base = base.where('p.decidedOn', 'is', null).where((eb) => eb.or([eb.and([eb('x.days', 'is', null), eb('p.filedOn', '<=', c0)]), ...lengths.map((d) => eb.and([eb('x.days', '=', d), eb('p.filedOn', '<=', overdueFiledCutoff(cal, today, d))]))]));
      }
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const ids = await base.select('p.id').orderBy('p.filedOn', 'desc').orderBy('p.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const rows = ids.length ? await penaltySelect().where('p.id', 'in', ids.map((r) => r.id)).orderBy('p.filedOn', 'desc').orderBy('p.id').execute() : [];
      return { data: rows.map((r) => toPenalty(cal, today, r)), total: Number(total) };
    },
    /** 立案: registers the case and opens the Art. 60 clock on the platform deadline register. */
    async filePenalty(actor: Actor, body: z.infer<typeof PenaltyBody>, meta: Meta) {
      await district(actor);
      checkField(body.field);
      checkCredit(body.targetCreditCode);
      if (body.filedOn > clock.today()) throw new AppError('ENF_DATE_ORDER', { filedOn: body.filedOn });
      await db.transaction().execute(async (trx) => {
        await agencyExists(trx, body.agencyCode);
        if (await trx.selectFrom('enforcementPenalties').select('id').where('id', '=', body.id).executeTakeFirst()) throw new AppError('ENF_RECORD_EXISTS', { id: body.id });
        await upsertFirm(trx, body.targetCreditCode, body.targetName);
        await trx
          .insertInto('enforcementPenalties')
          .values({ targetCreditCode: body.targetCreditCode, id: body.id, agencyCode: body.agencyCode, officerId: body.officerId, inspectionId: null, field: body.field, violationCode: body.violationCode, discretionLevel: body.discretionLevel, amount: body.amount, filedOn: body.filedOn, decidedOn: null, importJobId: null })
          .execute();
        await deadlines.open(trx, { module: 'enforcement', objectType: 'enforcementPenalty', objectId: `${body.targetCreditCode}:${body.id}`, title: `行政处罚案件 ${body.id} 作出决定期限（${body.agencyCode}）`, ruleId: PENALTY_RULE, startDate: body.filedOn, departmentId: actor.departmentId, assigneeId: actor.userId });
        await bumpDataVersion(trx, 'penalties');
        await rec(trx, actor, meta, 'enforcement.penalty.file', 'enforcementPenalty', body.id, null, { agencyCode: body.agencyCode, filedOn: body.filedOn, amount: body.amount });
      });
      return penaltyById(body.id);
    },
    /** 作出处罚决定: records the decision day and closes the Art. 60 clock (met). */
    async decidePenalty(actor: Actor, id: string, body: { decidedOn: string; amount?: number | undefined }, meta: Meta) {
      await district(actor);
      await db.transaction().execute(async (trx) => {
        const p = await trx.selectFrom('enforcementPenalties').selectAll().where('id', '=', id).executeTakeFirst();
        if (!p) throw new AppError('NOT_FOUND', { entity: 'penalty', id });
        if (p.decidedOn) throw new AppError('ENF_PENALTY_DECIDED', { decidedOn: p.decidedOn });
        if (body.decidedOn < p.filedOn || body.decidedOn > clock.today()) throw new AppError('ENF_DATE_ORDER', { filedOn: p.filedOn, decidedOn: body.decidedOn });
        await trx.updateTable('enforcementPenalties').set({ decidedOn: body.decidedOn, ...(body.amount !== undefined ? { amount: body.amount } : {}) }).where('targetCreditCode', '=', p.targetCreditCode).where('id', '=', id).execute();
        const open = await trx.selectFrom('deadlines').select('id').where('objectType', '=', 'enforcementPenalty').where('objectId', '=', `${p.targetCreditCode}:${id}`).where('status', '=', 'open').execute();
        for (const d of open) await deadlines.close(trx, d.id, 'met');
        await bumpDataVersion(trx, 'penalties');
        await rec(trx, actor, meta, 'enforcement.penalty.decide', 'enforcementPenalty', id, { decidedOn: null }, { decidedOn: body.decidedOn });
      });
      return penaltyById(id);
    },

    /**
     * 批准延长 the decision period of an undecided case under a law, regulation or rule that allows it (行政处罚法第六十条
     * "另有规定的，从其规定"; sector rules UNVERIFIED, law-rules.md §6.1): approved before the original period ends,
     * recorded once per case (it survives re-imports), applied by the deadline engine as an Extension — and on the
     * deadline register too when the case was filed here.
     */
    async extendPenalty(actor: Actor, id: string, body: z.infer<typeof PenaltyExtendBody>, meta: Meta) {
      await district(actor);
      const cal = await deps.calendar();
      await db.transaction().execute(async (trx) => {
        const p = await trx.selectFrom('enforcementPenalties').selectAll().where('id', '=', id).executeTakeFirst();
        if (!p) throw new AppError('NOT_FOUND', { entity: 'penalty', id });
        if (p.decidedOn) throw new AppError('ENF_PENALTY_DECIDED', { decidedOn: p.decidedOn });
        if (await trx.selectFrom('enforcementPenaltyExtensions').select('penaltyId').where('penaltyId', '=', id).executeTakeFirst()) throw new AppError('ENF_PENALTY_EXTENDED', { id });
        const original = penaltyDeadline(cal, p.filedOn, null, false).due;
        if (body.approvedOn < p.filedOn || body.approvedOn > clock.today() || body.approvedOn > original) throw new AppError('ENF_EXTENSION_LATE', { filedOn: p.filedOn, approvedOn: body.approvedOn, dueDate: original });
        await trx.insertInto('enforcementPenaltyExtensions').values({ penaltyId: id, targetCreditCode: p.targetCreditCode, days: body.days, basis: body.basis, reason: body.reason, approvedOn: body.approvedOn, approvedBy: actor.userId, createdAt: clock.nowIso() }).execute();
        const open = await trx.selectFrom('deadlines').select('id').where('objectType', '=', 'enforcementPenalty').where('objectId', '=', `${p.targetCreditCode}:${id}`).where('status', '=', 'open').execute();
        for (const d of open) await deadlines.extend(trx, d.id, { length: body.days, unit: 'CAL', reason: body.reason, approvedOn: body.approvedOn, article: body.basis }, { note: `批准延长作出行政处罚决定期限 ${body.days} 日（依据：${body.basis}）` });
        await bumpDataVersion(trx, 'penalties');
        await rec(trx, actor, meta, 'enforcement.penalty.extend', 'enforcementPenalty', id, { dueDate: original }, { extensionDays: body.days, approvedOn: body.approvedOn, basis: body.basis });
      });
      return penaltyById(id);
    },

    // ------------------------------------------------------------------ 12345 complaints
    async listComplaints(actor: Actor, q: { agencyCode?: string | undefined; page: number; pageSize: number }) {
      const scope = await scopeOf(actor);
      let base = db.selectFrom('enforcementComplaints as c').leftJoin('enforcementFirms as f', 'f.creditCode', 'c.targetCreditCode').where(scopeFilter(scope, 'c.targetCreditCode', 'c.agencyCode'));
      if (q.agencyCode) base = base.where('c.agencyCode', '=', q.agencyCode);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll('c').select('f.name as targetName').orderBy('c.receivedOn', 'desc').orderBy('c.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const ids = rows.map((r) => r.id);
      // the clue a complaint was raised as, or linked to (migration 036)
      const clues = ids.length
        ? [
            ...(await db.selectFrom('enforcementClues').select(['id', 'clueNo', 'complaintId']).where('complaintId', 'in', ids).execute()),
            ...(await db.selectFrom('enforcementClueComplaints as l').innerJoin('enforcementClues as c', 'c.id', 'l.clueId').select(['c.id', 'c.clueNo', 'l.complaintId']).where('l.complaintId', 'in', ids).execute()),
          ]
        : [];
      const clueOf = new Map(clues.map((c) => [c.complaintId, c]));
      return { data: rows.map((r) => ({ id: r.id, targetCreditCode: r.targetCreditCode, targetName: r.targetName ?? null, agencyCode: r.agencyCode, receivedOn: r.receivedOn, category: r.category, summary: r.summary, status: r.status, clueId: clueOf.get(r.id)?.id ?? null, clueNo: clueOf.get(r.id)?.clueNo ?? null })), total: Number(total) };
    },
    async addComplaint(actor: Actor, body: z.infer<typeof ComplaintBody>, meta: Meta) {
      await district(actor);
      checkCredit(body.targetCreditCode);
      if (body.receivedOn > clock.today()) throw new AppError('ENF_DATE_ORDER', { receivedOn: body.receivedOn });
      await db.transaction().execute(async (trx) => {
        if (body.agencyCode) await agencyExists(trx, body.agencyCode);
        if (await trx.selectFrom('enforcementComplaints').select('id').where('targetCreditCode', '=', body.targetCreditCode).where('id', '=', body.id).executeTakeFirst()) throw new AppError('ENF_RECORD_EXISTS', { id: body.id });
        await upsertFirm(trx, body.targetCreditCode, body.targetName);
        await trx.insertInto('enforcementComplaints').values({ targetCreditCode: body.targetCreditCode, id: body.id, agencyCode: body.agencyCode, receivedOn: body.receivedOn, category: body.category, summary: body.summary, status: 'received', createdAt: clock.nowIso() }).execute();
        await rec(trx, actor, meta, 'enforcement.complaint.create', 'enforcementComplaint', body.id, null, { agencyCode: body.agencyCode, receivedOn: body.receivedOn, category: body.category });
      });
      return this.complaintById(actor, body.id);
    },

    /**
     * Links a 12345 complaint to an existing problem clue (e.g. a clue from detection flags on the same firm): the clue
     * then counts the complaint as evidence, the complaint shows the clue, both in the firm's 一企一档. One clue per
     * complaint; the clue must be about the complaint's firm or name no firm.
     */
    async linkComplaint(actor: Actor, id: string, body: { targetCreditCode: string; clueId: string }, meta: Meta) {
      await district(actor);
      await db.transaction().execute(async (trx) => {
        const c = await trx.selectFrom('enforcementComplaints').selectAll().where('targetCreditCode', '=', body.targetCreditCode).where('id', '=', id).executeTakeFirst();
        if (!c) throw new AppError('ENF_COMPLAINT_NOT_FOUND', { id });
        const clue = await trx.selectFrom('enforcementClues').select(['id', 'clueNo', 'targetCreditCode', 'status']).where('id', '=', body.clueId).executeTakeFirst();
        if (!clue) throw new AppError('NOT_FOUND', { entity: 'clue', id: body.clueId });
        if (clue.targetCreditCode && clue.targetCreditCode !== c.targetCreditCode) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'clueId', message: '所选问题线索涉及的企业与该投诉的企业不一致' }] });
        const raised = await trx.selectFrom('enforcementClues').select('id').where('complaintId', '=', id).where('complaintCreditCode', '=', c.targetCreditCode).executeTakeFirst();
        const linked = await trx.selectFrom('enforcementClueComplaints').select('clueId').where('complaintId', '=', id).executeTakeFirst();
        if (raised || linked) throw new AppError('ENF_COMPLAINT_LINKED', { id });
        await trx.insertInto('enforcementClueComplaints').values({ complaintId: id, targetCreditCode: c.targetCreditCode, clueId: clue.id, linkedBy: actor.userId, linkedAt: clock.nowIso() }).execute();
        await trx.updateTable('enforcementComplaints').set({ status: 'clued' }).where('targetCreditCode', '=', c.targetCreditCode).where('id', '=', id).execute();
        await rec(trx, actor, meta, 'enforcement.complaint.link', 'enforcementComplaint', id, { status: c.status }, { status: 'clued', clueId: clue.id, clueNo: clue.clueNo });
      });
      return this.complaintById(actor, id);
    },
    async complaintById(actor: Actor, id: string) {
      const scope = await scopeOf(actor);
      const r = await db.selectFrom('enforcementComplaints as c').leftJoin('enforcementFirms as f', 'f.creditCode', 'c.targetCreditCode').selectAll('c').select('f.name as targetName').where('c.id', '=', id).where(scopeFilter(scope, 'c.targetCreditCode', 'c.agencyCode')).executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND', { entity: 'complaint', id });
      const raised = await db.selectFrom('enforcementClues').select(['id', 'clueNo']).where('complaintId', '=', id).where('complaintCreditCode', '=', r.targetCreditCode).executeTakeFirst();
      const linked = raised ? undefined : await db.selectFrom('enforcementClueComplaints as l').innerJoin('enforcementClues as c', 'c.id', 'l.clueId').select(['c.id', 'c.clueNo']).where('l.complaintId', '=', id).executeTakeFirst();
      const clue = raised ?? linked;
      return { id: r.id, targetCreditCode: r.targetCreditCode, targetName: r.targetName ?? null, agencyCode: r.agencyCode, receivedOn: r.receivedOn, category: r.category, summary: r.summary, status: r.status, clueId: clue?.id ?? null, clueNo: clue?.clueNo ?? null };
    },
  };
}
