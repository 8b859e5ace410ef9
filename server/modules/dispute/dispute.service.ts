/**
 * 矛盾纠纷排查化解 register (全口径、全周期、全贯通): intake from every source into one register with one code per
 * dispute (西纠〔YYYY〕N号), duplicate detection across sources (matching.ts), risk grading and early warning, triage
 * and transfers to a mediation committee, a department, a court (诉调对接) or another 司法所 that keep the whole
 * history (dispute_events), closure, follow-up visit and reopening. Every write, its history row and its audit entry
 * share one transaction; reads and writes are limited to the caller's data scope.
 */
import { randomUUID } from 'node:crypto';
import { type Transaction, sql } from 'kysely';
import type { z } from 'zod';
import {
  CLOSE_RESULTS,
  DISPUTE_SOURCE_LABELS,
  type DisputeCampaign,
  type DisputeCampaignBody,
  type DisputeCloseBody,
  type DisputeDetailT,
  type DisputeFollowUpBody,
  type DisputeIntakeBody,
  type DisputeIntakeResult,
  type DisputeListQuery,
  type DisputeReopenBody,
  type DisputeRiskBody,
  type DisputeSource,
  type DisputeStats,
  type DisputeSummaryT,
  type DisputeTransferBody,
  DISPUTE_TYPE_LABELS,
  type DisputeType,
} from '../../../common/contracts/dispute';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { type Actor, type RequestMeta, assertInScope, scopeWhere } from '../../platform/identity';
import type { PeopleService } from '../../platform/people';
import './dispute.tables';
import { DISPUTE_ACTIONS, assertDisputeAction } from './status';
import { MATCH_REASON_LABELS, type MatchCandidate, addressKey, nameKey, rankMatches } from './matching';
import { earliestRegisterDate, tooEarlyMessage } from './register-date';

type Trx = Transaction<Database>;
type Row = Database['disputes'];
export type IntakeOutcome = Omit<z.infer<typeof DisputeIntakeResult>, 'dispute'>;
export const DISPUTE_OBJECT = 'dispute';

export interface DisputeService {
  intake(actor: Actor, body: z.infer<typeof DisputeIntakeBody>, meta: RequestMeta): Promise<z.infer<typeof DisputeIntakeResult>>;
  /**
   * `intake` inside the caller's transaction (another module's record and its link to the dispute commit or fail
   * together, e.g. the 12348 referral): every read and write, history and audit entries included, runs on `trx`.
   */
  intakeWithin(trx: Trx, actor: Actor, body: z.infer<typeof DisputeIntakeBody>, meta: RequestMeta): Promise<IntakeOutcome>;
  list(actor: Actor, q: z.infer<typeof DisputeListQuery>): Promise<{ data: DisputeSummaryT[]; total: number }>;
  get(actor: Actor, id: string): Promise<DisputeDetailT>;
  transfer(actor: Actor, id: string, body: z.infer<typeof DisputeTransferBody>, meta: RequestMeta): Promise<DisputeDetailT>;
  grade(actor: Actor, id: string, body: z.infer<typeof DisputeRiskBody>, meta: RequestMeta): Promise<DisputeDetailT>;
  close(actor: Actor, id: string, body: z.infer<typeof DisputeCloseBody>, meta: RequestMeta): Promise<DisputeDetailT>;
  followUp(actor: Actor, id: string, body: z.infer<typeof DisputeFollowUpBody>, meta: RequestMeta): Promise<DisputeDetailT>;
  reopen(actor: Actor, id: string, body: z.infer<typeof DisputeReopenBody>, meta: RequestMeta): Promise<DisputeDetailT>;
  /** Inside the mediation service's transaction: the dispute's committee registered a case / concluded it. */
  linkMediation(trx: Trx, actor: Actor, disputeId: string, event: { action: 'mediationAccepted' | 'mediationConcluded'; on: string; caseId: string; caseNo: string; outcome?: string }): Promise<void>;
  campaigns(actor: Actor): Promise<z.infer<typeof DisputeCampaign>[]>;
  createCampaign(actor: Actor, body: z.infer<typeof DisputeCampaignBody>, meta: RequestMeta): Promise<z.infer<typeof DisputeCampaign>>;
  stats(actor: Actor, q: { from: string; to: string }): Promise<z.infer<typeof DisputeStats>>;
  /** Read-only, for the special-period list (特殊时期): open disputes in scope graded 较大 or 重大, or under early warning. */
  attention(actor: Actor): Promise<{ id: string; code: string; summary: string; riskGrade: string; holderName: string; handlerName: string | null; warning: boolean; departmentName: string }[]>;
}

export function createDisputeService(deps: { db: Db; clock: Clock; audit: AuditService; people: PeopleService; codePrefix?: string }): DisputeService {
  const { db, clock, audit, people } = deps;
  const prefix = deps.codePrefix ?? '西纠';

  const dateCheck = (field: string, on: string, notBefore?: string | null) => {
    if (on > clock.today()) throw new AppError('DISPUTE_DATE_INVALID', { field, date: on, today: clock.today() });
    if (notBefore && on < notBefore) throw new AppError('DISPUTE_DATE_INVALID', { field, date: on, notBefore });
  };

  async function load(actor: Actor, id: string, q: Db | Trx = db): Promise<Row> {
    const r = await q.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: DISPUTE_OBJECT, id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }

  async function addEvent(trx: Trx, r: Pick<Row, 'id' | 'departmentId'>, actor: Actor, e: { action: string; on: string | null; from: string | null; to: string; details: Record<string, unknown> }) {
    const last = await trx.selectFrom('disputeEvents').select((eb) => eb.fn.max<number>('seq').as('m')).where('disputeId', '=', r.id).executeTakeFirst();
    await trx
      .insertInto('disputeEvents')
      .values({ id: randomUUID(), disputeId: r.id, seq: Number(last?.m ?? 0) + 1, departmentId: r.departmentId, at: clock.nowIso(), onDate: e.on, action: e.action, fromStatus: e.from, toStatus: e.to, actorId: actor.userId, actorName: actor.displayName, details: JSON.stringify(e.details) })
      .execute();
  }

  const warningOf = (r: Pick<Row, 'riskGrade' | 'reopenCount'>, intakes: number) => r.riskGrade === 'high' || intakes >= 3 || r.reopenCount > 0;

  async function summaries(rows: Row[]): Promise<DisputeSummaryT[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [intakes, parties, depts] = await Promise.all([
      db.selectFrom('disputeIntakes').select(['disputeId', 'source']).where('disputeId', 'in', ids).orderBy('receivedOn').orderBy('createdAt').execute(),
      db.selectFrom('disputeParties').select(['disputeId', 'name']).where('disputeId', 'in', ids).execute(),
      db.selectFrom('departments').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.departmentId))]).execute(),
    ]);
    const deptName = new Map(depts.map((d) => [d.id, d.name]));
    return rows.map((r) => {
      const mine = intakes.filter((i) => i.disputeId === r.id);
      return {
        id: r.id,
        code: r.code,
        status: r.status as DisputeSummaryT['status'],
        matterType: r.matterType as DisputeType,
        summary: r.summary,
        address: r.address,
        riskGrade: r.riskGrade as DisputeSummaryT['riskGrade'],
        firstSource: r.firstSource as DisputeSource,
        sources: [...new Set(mine.map((i) => i.source as DisputeSource))],
        intakeCount: mine.length,
        receivedOn: r.receivedOn,
        holderKind: r.holderKind as DisputeSummaryT['holderKind'],
        holderName: r.holderName,
        partyNames: [...new Set(parties.filter((p) => p.disputeId === r.id).map((p) => p.name))],
        warning: warningOf(r, mine.length),
        closedOn: r.closedOn,
        departmentId: r.departmentId,
        departmentName: deptName.get(r.departmentId) ?? '',
      };
    });
  }

  async function detail(actor: Actor, r: Row): Promise<DisputeDetailT> {
    const [s] = await summaries([r]);
    const [intakes, parties, events] = await Promise.all([
      db.selectFrom('disputeIntakes').selectAll().where('disputeId', '=', r.id).orderBy('receivedOn').orderBy('createdAt').execute(),
      db.selectFrom('disputeParties').selectAll().where('disputeId', '=', r.id).execute(),
      db.selectFrom('disputeEvents').selectAll().where('disputeId', '=', r.id).orderBy('seq').execute(),
    ]);
    const masked = new Map<string, string>();
    for (const p of parties) {
      if (!p.personId) continue;
      try {
        masked.set(p.personId, (await people.get(actor, p.personId)).idNumber);
      } catch {
        /* registered by another department (outside the caller's scope): shown by name only */
      }
    }
    return {
      ...s!,
      intakes: intakes.map((i) => ({ id: i.id, source: i.source as DisputeSource, sourceRef: i.sourceRef, receivedOn: i.receivedOn, summary: i.summary, matchedBy: i.matchedBy ? (JSON.parse(i.matchedBy) as string[]) : [] })),
      parties: parties.map((p) => ({ name: p.name, role: p.role, personId: p.personId, idNumber: p.personId ? (masked.get(p.personId) ?? null) : null })),
      events: events.map((e) => ({ seq: e.seq, at: e.at, onDate: e.onDate, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, actorName: e.actorName, details: JSON.parse(e.details) as Record<string, unknown> })),
      committeeId: r.committeeId,
      mediationCaseId: r.mediationCaseId,
      closeResult: (r.closeResult as DisputeDetailT['closeResult']) ?? null,
      followedUpOn: r.followedUpOn,
      reopenCount: r.reopenCount,
      allowed: [...(DISPUTE_ACTIONS[r.status as keyof typeof DISPUTE_ACTIONS] ?? [])],
      version: r.version,
    };
  }

  /** Open disputes (and recently closed ones, as similar only) sharing an address, a party or a party name. */
  async function candidates(trx: Trx, key: string, bidx: string[], names: string[]) {
    const ids = new Set<string>();
    for (const r of await trx.selectFrom('disputes').select('id').where('addressKey', '=', key).execute()) ids.add(r.id);
    if (bidx.length) for (const r of await trx.selectFrom('disputeParties').select('disputeId').where('idNumberBidx', 'in', bidx).execute()) ids.add(r.disputeId);
    if (names.length) for (const r of await trx.selectFrom('disputeParties').select('disputeId').where('nameKey', 'in', names).execute()) ids.add(r.disputeId);
    if (ids.size === 0) return [];
    const list = [...ids];
    const rows = await trx.selectFrom('disputes').select(['id', 'code', 'status', 'addressKey', 'matterType']).where('id', 'in', list).execute();
    const ps = await trx.selectFrom('disputeParties').select(['disputeId', 'idNumberBidx', 'nameKey']).where('disputeId', 'in', list).execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      open: r.status !== 'closed',
      addressKey: r.addressKey,
      matterType: r.matterType,
      partyBidx: ps.filter((p) => p.disputeId === r.id && p.idNumberBidx).map((p) => p.idNumberBidx!),
      partyNames: ps.filter((p) => p.disputeId === r.id).map((p) => p.nameKey),
    }));
  }

  async function nextCode(trx: Trx, year: number) {
    const c = await trx.selectFrom('disputeCounters').select('lastSeq').where('year', '=', year).executeTakeFirst();
    const seq = (c?.lastSeq ?? 0) + 1;
    if (c) await trx.updateTable('disputeCounters').set({ lastSeq: seq }).where('year', '=', year).execute();
    else await trx.insertInto('disputeCounters').values({ year, lastSeq: seq }).execute();
    return { seq, code: `${prefix}〔${year}〕${seq}号` };
  }

  /** One change = one transaction: the row (version-checked), a history row, the audit entry. */
  async function change(actor: Actor, id: string, version: number, action: string, meta: RequestMeta, run: (r: Row, trx: Trx) => Promise<{ patch: Partial<Row>; on: string | null; details: Record<string, unknown> }>) {
    await db.transaction().execute(async (trx) => {
      const r = await load(actor, id, trx);
      assertDisputeAction(r.status, action);
      const step = await run(r, trx);
      const res = await trx
        .updateTable('disputes')
        .set({ ...step.patch, updatedAt: clock.nowIso(), version: r.version + 1 })
        .where('id', '=', r.id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: DISPUTE_OBJECT, id });
      const to = step.patch.status ?? r.status;
      await addEvent(trx, { id: r.id, departmentId: step.patch.departmentId ?? r.departmentId }, actor, { action, on: step.on, from: r.status, to, details: step.details });
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: `dispute.${action}`, objectType: DISPUTE_OBJECT, objectId: r.id, before: { status: r.status, holder: r.holderName, riskGrade: r.riskGrade }, after: { status: to, holder: step.patch.holderName ?? r.holderName, riskGrade: step.patch.riskGrade ?? r.riskGrade }, extra: { code: r.code } }, trx);
    });
    // read back without the scope check: after a transfer to another 司法所 the record has just left the caller's scope
    return detail(actor, await db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }

  /** A new dispute, or the intake merged into the open dispute it matches: rows, history and audit entry on `trx`. */
  async function intakeIn(trx: Trx, actor: Actor, body: z.infer<typeof DisputeIntakeBody>, meta: RequestMeta): Promise<IntakeOutcome> {
    dateCheck('receivedOn', body.receivedOn);
    const earliest = earliestRegisterDate(clock.today());
    if (body.receivedOn < earliest) throw new AppError('DISPUTE_DATE_INVALID', { field: 'receivedOn', date: body.receivedOn, notBefore: earliest }, tooEarlyMessage('接报日期', body.receivedOn, earliest, `${prefix}〔年度〕N号`));
    const departmentId = body.departmentId ?? actor.departmentId;
    if (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(departmentId)) throw new AppError('OUT_OF_SCOPE', { departmentId });
    const dept = await trx.selectFrom('departments').select(['id', 'name']).where('id', '=', departmentId).executeTakeFirst();
    if (!dept) throw new AppError('DISPUTE_TARGET_INVALID', { departmentId });
    const key = addressKey(body.address);
    const partyRows = body.parties.map((p) => ({ ...p, nameKey: nameKey(p.name), bidx: p.idNumber ? people.blindIndexOfIdNumber(p.idNumber) : null }));
    const subject = { addressKey: key, matterType: body.matterType, partyBidx: partyRows.flatMap((p) => (p.bidx ? [p.bidx] : [])), partyNames: partyRows.map((p) => p.nameKey) };

    const found = await candidates(trx, key, subject.partyBidx, subject.partyNames);
    const ranked = rankMatches(subject, found as MatchCandidate[]);
    const byId = new Map(found.map((f) => [f.id, f]));
    const best = ranked.find((m) => m.strong && byId.get(m.id)!.open);
    const similar = ranked.filter((m) => body.separateReason || m !== best).slice(0, 5).map((m) => ({ id: m.id, code: byId.get(m.id)!.code, reasons: m.reasons.map((x) => MATCH_REASON_LABELS[x]).concat(byId.get(m.id)!.open ? [] : ['该纠纷已办结']) }));
    const now = clock.nowIso();
    const storeParties = async (disputeId: string) => {
      const known = new Set((await trx.selectFrom('disputeParties').select(['nameKey', 'idNumberBidx']).where('disputeId', '=', disputeId).execute()).map((p) => p.idNumberBidx ?? `n:${p.nameKey}`));
      for (const p of partyRows) {
        if (known.has(p.bidx ?? `n:${p.nameKey}`)) continue;
        const person = p.idNumber ? await people.create(actor, { name: p.name, idNumber: p.idNumber, mobile: p.mobile ?? null }, meta, trx) : null;
        await trx.insertInto('disputeParties').values({ id: randomUUID(), disputeId, personId: person?.id ?? null, name: p.name, nameKey: p.nameKey, idNumberBidx: p.bidx, role: p.role }).execute();
      }
    };
    if (best && !body.separateReason) {
      const target = await trx.selectFrom('disputes').selectAll().where('id', '=', best.id).executeTakeFirstOrThrow();
      const matchedBy = best.reasons.map((x) => MATCH_REASON_LABELS[x]);
      await trx.insertInto('disputeIntakes').values({ id: randomUUID(), disputeId: target.id, departmentId, source: body.source, sourceRef: body.sourceRef ?? null, receivedOn: body.receivedOn, summary: body.summary, matchedBy: JSON.stringify(matchedBy), createdBy: actor.userId, createdAt: now }).execute();
      await storeParties(target.id);
      // a higher risk grade reported by the new source raises the dispute's grade
      const order = ['low', 'medium', 'high'];
      const riskGrade = order.indexOf(body.riskGrade) > order.indexOf(target.riskGrade) ? body.riskGrade : target.riskGrade;
      await trx.updateTable('disputes').set({ riskGrade, updatedAt: now, version: target.version + 1 }).where('id', '=', target.id).execute();
      await addEvent(trx, target, actor, { action: 'intakeMerged', on: body.receivedOn, from: target.status, to: target.status, details: { source: body.source, sourceLabel: DISPUTE_SOURCE_LABELS[body.source], sourceRef: body.sourceRef ?? null, matchedBy, departmentName: dept.name } });
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'dispute.intakeMerged', objectType: DISPUTE_OBJECT, objectId: target.id, extra: { code: target.code, source: body.source, matchedBy: best.reasons } }, trx);
      return { merged: true, disputeId: target.id, code: target.code, matchedBy, similar };
    }
    const year = Number(body.receivedOn.slice(0, 4));
    const { seq, code } = await nextCode(trx, year);
    const id = randomUUID();
    const row: Row = {
      id, code, year, seq, departmentId, handlerId: actor.userId, status: 'registered', matterType: body.matterType, summary: body.summary, address: body.address, addressKey: key,
      riskGrade: body.riskGrade, firstSource: body.source, receivedOn: body.receivedOn, holderKind: 'office', holderName: dept.name, committeeId: null, mediationCaseId: null, campaignId: body.campaignId ?? null,
      closedOn: null, closeResult: null, followedUpOn: null, reopenCount: 0, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1,
    };
    await trx.insertInto('disputes').values(row).execute();
    await trx.insertInto('disputeIntakes').values({ id: randomUUID(), disputeId: id, departmentId, source: body.source, sourceRef: body.sourceRef ?? null, receivedOn: body.receivedOn, summary: body.summary, matchedBy: null, createdBy: actor.userId, createdAt: now }).execute();
    await storeParties(id);
    await addEvent(trx, row, actor, { action: 'register', on: body.receivedOn, from: null, to: 'registered', details: { source: body.source, sourceLabel: DISPUTE_SOURCE_LABELS[body.source], sourceRef: body.sourceRef ?? null, riskGrade: body.riskGrade, ...(body.separateReason ? { separateReason: body.separateReason, similar: similar.map((s) => s.code) } : {}) } });
    await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'dispute.register', objectType: DISPUTE_OBJECT, objectId: id, after: { code, source: body.source, matterType: body.matterType, riskGrade: body.riskGrade }, ...(body.separateReason ? { extra: { separateReason: body.separateReason } } : {}) }, trx);
    return { merged: false, disputeId: id, code, matchedBy: [] as string[], similar };
  }

  return {
    async intake(actor, body, meta) {
      const out = await db.transaction().execute((trx) => intakeIn(trx, actor, body, meta));
      const r = await db.selectFrom('disputes').selectAll().where('id', '=', out.disputeId).executeTakeFirstOrThrow();
      let visible = true;
      try {
        assertInScope(actor, r.departmentId, r.handlerId);
      } catch {
        visible = false;
      }
      return { ...out, dispute: visible ? await detail(actor, r) : null };
    },

    intakeWithin: intakeIn,

    async list(actor, q) {
      let base = db.selectFrom('disputes').where((eb) => scopeWhere(eb, actor, 'disputes.departmentId', 'disputes.handlerId'));
      if (q.status) base = base.where('status', '=', q.status);
      if (q.riskGrade) base = base.where('riskGrade', '=', q.riskGrade);
      if (q.matterType) base = base.where('matterType', '=', q.matterType);
      if (q.campaignId) base = base.where('campaignId', '=', q.campaignId);
      // a 司法所 filter narrows the scope above (ANDed with it): one outside the caller's scope lists nothing
      if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
      if (q.receivedFrom && q.receivedTo && q.receivedFrom > q.receivedTo) throw new AppError('VALIDATION_FAILED', { field: 'receivedTo' }, '开始日期不能晚于结束日期');
      if (q.receivedFrom) base = base.where('receivedOn', '>=', q.receivedFrom);
      if (q.receivedTo) base = base.where('receivedOn', '<=', q.receivedTo);
      if (q.source) base = base.where((eb) => eb.exists(eb.selectFrom('disputeIntakes as i').select('i.id').whereRef('i.disputeId', '=', 'disputes.id').where('i.source', '=', q.source!)));
      if (q.warning) {
        base = base.where((eb) =>
          eb.or([
            eb('riskGrade', '=', 'high'),
            eb('reopenCount', '>', 0),
            eb(eb.selectFrom('disputeIntakes as i').select((e) => e.fn.countAll<number>().as('n')).whereRef('i.disputeId', '=', 'disputes.id'), '>=', 3),
          ]),
        );
      }
      if (q.q) {
        const like = `%${q.q}%`;
        base = base.where((eb) => eb.or([eb('code', 'like', like), eb('summary', 'like', like), eb('address', 'like', like), eb.exists(eb.selectFrom('disputeParties as p').select('p.id').whereRef('p.disputeId', '=', 'disputes.id').where('p.name', 'like', like))]));
      }
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('receivedOn', 'desc').orderBy('seq', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { data: await summaries(rows), total: Number(total) };
    },

    async get(actor, id) {
      return detail(actor, await load(actor, id));
    },

    async transfer(actor, id, body, meta) {
      return change(actor, id, body.version, 'transfer', meta, async (r, trx) => {
        dateCheck('on', body.on, r.receivedOn);
        const patch: Partial<Row> = { status: 'handling', holderKind: body.to };
        const details: Record<string, unknown> = { to: body.to, note: body.note, fromHolder: r.holderName, fromKind: r.holderKind };
        if (body.to === 'committee') {
          const c = body.committeeId ? await trx.selectFrom('mediationCommittees').select(['id', 'name']).where('id', '=', body.committeeId).executeTakeFirst() : undefined;
          if (!c) throw new AppError('DISPUTE_TARGET_INVALID', { field: 'committeeId' });
          Object.assign(patch, { holderName: c.name, committeeId: c.id });
        } else if (body.to === 'office') {
          const d = body.targetDepartmentId ? await trx.selectFrom('departments').select(['id', 'name', 'kind']).where('id', '=', body.targetDepartmentId).executeTakeFirst() : undefined;
          if (!d || d.kind !== 'judicialOffice') throw new AppError('DISPUTE_TARGET_INVALID', { field: 'targetDepartmentId' });
          // the receiving 司法所 owns the dispute from now on (its history moves with it)
          Object.assign(patch, { holderName: d.name, departmentId: d.id, handlerId: null });
          details.toDepartmentId = d.id;
        } else {
          if (!body.targetName) throw new AppError('DISPUTE_TARGET_INVALID', { field: 'targetName' });
          patch.holderName = body.targetName;
        }
        details.toHolder = patch.holderName;
        return { patch, on: body.on, details };
      });
    },

    async grade(actor, id, body, meta) {
      return change(actor, id, body.version, 'risk', meta, async (r) => ({ patch: { riskGrade: body.riskGrade }, on: clock.today(), details: { from: r.riskGrade, to: body.riskGrade, note: body.note } }));
    },

    async close(actor, id, body, meta) {
      return change(actor, id, body.version, 'close', meta, async (r) => {
        dateCheck('on', body.on, r.receivedOn);
        return { patch: { status: 'closed', closedOn: body.on, closeResult: body.result }, on: body.on, details: { result: body.result, note: body.note, holder: r.holderName } };
      });
    },

    async followUp(actor, id, body, meta) {
      return change(actor, id, body.version, 'followUp', meta, async (r) => {
        dateCheck('on', body.on, r.closedOn);
        return { patch: { followedUpOn: body.on }, on: body.on, details: { satisfied: body.satisfied, note: body.note } };
      });
    },

    async reopen(actor, id, body, meta) {
      return change(actor, id, body.version, 'reopen', meta, async (r) => {
        dateCheck('on', body.on, r.closedOn);
        return { patch: { status: 'handling', closedOn: null, closeResult: null, reopenCount: r.reopenCount + 1 }, on: body.on, details: { reason: body.reason, previousResult: r.closeResult } };
      });
    },

    async linkMediation(trx, actor, disputeId, e) {
      const r = await load(actor, disputeId, trx);
      if (e.action === 'mediationAccepted' && r.mediationCaseId && r.mediationCaseId !== e.caseId) {
        // one dispute, one mediation at a time: a second case (a double submit, a second committee) while the first
        // is pending or ended in an agreement is refused; after a failed mediation (人民调解法 Art. 26) it may go again
        const prior = await trx.selectFrom('mediationCases').select(['caseNo', 'status']).where('id', '=', r.mediationCaseId).executeTakeFirst();
        if (prior && prior.status !== 'failed') throw new AppError('MEDIATION_TRANSITION_NOT_ALLOWED', { reason: 'disputeAlreadyInMediation', disputeId, caseNo: prior.caseNo }, `该纠纷已由调解案件 ${prior.caseNo} 受理，不能重复受理；请打开该调解案件继续办理`);
      }
      const patch: Partial<Row> = e.action === 'mediationAccepted' ? { mediationCaseId: e.caseId, status: r.status === 'closed' ? r.status : 'handling' } : {};
      await trx.updateTable('disputes').set({ ...patch, updatedAt: clock.nowIso(), version: r.version + 1 }).where('id', '=', r.id).execute();
      await addEvent(trx, r, actor, { action: e.action, on: e.on, from: r.status, to: patch.status ?? r.status, details: { caseId: e.caseId, caseNo: e.caseNo, ...(e.outcome ? { outcome: e.outcome } : {}) } });
    },

    async campaigns(actor) {
      const rows = await db.selectFrom('disputeCampaigns').selectAll().orderBy('startsOn', 'desc').execute();
      const counts = await db
        .selectFrom('disputes')
        .select(['campaignId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaignId', 'is not', null)
        .where((eb) => scopeWhere(eb, actor, 'disputes.departmentId', 'disputes.handlerId'))
        .groupBy('campaignId')
        .execute();
      const n = new Map(counts.map((c) => [c.campaignId, Number(c.n)]));
      return rows.map((c) => ({ id: c.id, name: c.name, focus: c.focus, startsOn: c.startsOn, endsOn: c.endsOn, specialPeriod: c.specialPeriod === 1, disputes: n.get(c.id) ?? 0 }));
    },

    async createCampaign(actor, body, meta) {
      if (body.endsOn < body.startsOn) throw new AppError('DISPUTE_DATE_INVALID', { field: 'endsOn', date: body.endsOn, notBefore: body.startsOn });
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('disputeCampaigns').values({ id, name: body.name, focus: body.focus, startsOn: body.startsOn, endsOn: body.endsOn, specialPeriod: body.specialPeriod ? 1 : 0, departmentId: actor.departmentId, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'dispute.campaign.create', objectType: 'disputeCampaign', objectId: id, after: { name: body.name, startsOn: body.startsOn, endsOn: body.endsOn } }, trx);
      });
      return { id, name: body.name, focus: body.focus, startsOn: body.startsOn, endsOn: body.endsOn, specialPeriod: body.specialPeriod, disputes: 0 };
    },

    async attention(actor) {
      const rows = await db
        .selectFrom('disputes')
        .leftJoin('users as u', 'u.id', 'disputes.handlerId')
        .where((eb) => scopeWhere(eb, actor, 'disputes.departmentId', 'disputes.handlerId'))
        .where('disputes.status', '!=', 'closed')
        .selectAll('disputes')
        .select('u.displayName as handlerName')
        .orderBy('disputes.receivedOn', 'desc')
        .execute();
      const withWarning = await summaries(rows);
      return withWarning
        .map((s, i) => ({ s, handlerName: rows[i]!.handlerName ?? null }))
        .filter(({ s }) => s.warning || s.riskGrade !== 'low')
        .map(({ s, handlerName }) => ({ id: s.id, code: s.code, summary: s.summary, riskGrade: s.riskGrade, holderName: s.holderName, handlerName, warning: s.warning, departmentName: s.departmentName }));
    },

    async stats(actor, q) {
      if (q.to < q.from) throw new AppError('DISPUTE_DATE_INVALID', { field: 'to', date: q.to, notBefore: q.from });
      const scoped = () => db.selectFrom('disputes').where((eb) => scopeWhere(eb, actor, 'disputes.departmentId', 'disputes.handlerId')).where('receivedOn', '>=', q.from).where('receivedOn', '<=', q.to);
      const byType = await scoped()
        .select(['matterType', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.case().when('status', '=', 'closed').then(1).else(0).end()).as('closed')])
        .groupBy('matterType')
        .execute();
      const bySource = await db
        .selectFrom('disputeIntakes as i')
        .innerJoin('disputes', 'disputes.id', 'i.disputeId')
        .where((eb) => scopeWhere(eb, actor, 'disputes.departmentId', 'disputes.handlerId'))
        .where('i.receivedOn', '>=', q.from)
        .where('i.receivedOn', '<=', q.to)
        .select(['i.source', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.case().when('i.matchedBy', 'is not', null).then(1).else(0).end()).as('merged')])
        .groupBy('i.source')
        .execute();
      const committees = await db
        .selectFrom('mediationCases as m')
        .innerJoin('mediationCommittees as c', 'c.id', 'm.committeeId')
        .where((eb) => scopeWhere(eb, actor, 'm.departmentId', 'm.handlerId'))
        .where('m.acceptedOn', '>=', q.from)
        .where('m.acceptedOn', '<=', q.to)
        .select(['c.id', 'c.name', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.case().when('m.status', '=', 'agreed').then(1).else(0).end()).as('agreed'), (eb) => eb.fn.sum<number>(eb.case().when('m.status', '=', 'failed').then(1).else(0).end()).as('failed')])
        .groupBy(['c.id', 'c.name'])
        .orderBy(sql`count(*)`, 'desc')
        .execute();
      const total = byType.reduce((a, r) => a + Number(r.n), 0);
      return {
        from: q.from,
        to: q.to,
        total,
        closed: byType.reduce((a, r) => a + Number(r.closed ?? 0), 0),
        merged: bySource.reduce((a, r) => a + Number(r.merged ?? 0), 0),
        bySource: bySource.map((r) => ({ source: r.source as DisputeSource, label: DISPUTE_SOURCE_LABELS[r.source as DisputeSource] ?? r.source, count: Number(r.n) })).sort((a, b) => b.count - a.count),
        byType: byType.map((r) => ({ matterType: r.matterType as DisputeType, label: DISPUTE_TYPE_LABELS[r.matterType as DisputeType] ?? r.matterType, count: Number(r.n), closed: Number(r.closed ?? 0) })).sort((a, b) => b.count - a.count),
        byCommittee: committees.map((r) => ({ committeeId: r.id, name: r.name, cases: Number(r.n), agreed: Number(r.agreed ?? 0), failed: Number(r.failed ?? 0) })),
      };
    },
  };
}

export { CLOSE_RESULTS };
