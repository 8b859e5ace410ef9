/**
 * 行政应诉: cases where the district government or one of its departments is the defendant.
 * 《中华人民共和国行政诉讼法》(2017): the defence period (Art. 67 ¶1, 15 days from receipt of the complaint copy,
 * on the deadline register through the common deadline engine, rule 'litigation.defence'), the head's appearance in
 * court (Art. 3 ¶3), judgments (Arts. 69–78), withdrawal (Art. 62), appeal (Art. 85: the appeal period from service of
 * the judgment or ruling, on the register as 'litigation.appealJudgment' / 'litigation.appealRuling').
 * Every write, its deadline-register rows and its audit entry share one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { WorkCalendar } from '../../../common/calendar';
import {
  APPEAL_BASIS,
  type AppealBody,
  DEFENCE_BASIS,
  type DefenceBody,
  HEAD_APPEARANCE_DEFINITION,
  type HearingBody,
  LITIGATION_APPEAL_RULES,
  LITIGATION_LOSS_DEFINITION,
  LITIGATION_LOSS_OUTCOMES,
  LITIGATION_OUTCOME_LABELS,
  type LitigationCreateBody,
  type LitigationDetail,
  type LitigationListQuery,
  type LitigationOutcome,
  type LitigationStats,
  type LitigationSummary,
  type OutcomeBody,
} from '../../../common/contracts';
import { computeDeadline, getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { type Actor, type RequestMeta, assertInScope, scopeWhere } from '../../platform/identity';
import { type HearingRow, type LitigationRow, MODULE, OBJECT_TYPE, createLitigationRepo } from './litigation.repo';

type Trx = Transaction<Database>;
type Body<T extends z.ZodTypeAny> = z.infer<T>;
export const DEFENCE_RULE = 'litigation.defence';
/** Art. 85: the appeal period against a first-instance judgment (15 days) or ruling (10 days), from its service. */
export const APPEAL_RULES = ['litigation.appealJudgment', 'litigation.appealRuling'] as const;

export interface LitigationService {
  list(actor: Actor, q: Body<typeof LitigationListQuery>): Promise<{ data: LitigationSummary[]; total: number }>;
  get(actor: Actor, id: string): Promise<LitigationDetail>;
  create(actor: Actor, body: Body<typeof LitigationCreateBody>, meta: RequestMeta): Promise<LitigationDetail>;
  submitDefence(actor: Actor, id: string, body: Body<typeof DefenceBody>, meta: RequestMeta): Promise<LitigationDetail>;
  addHearing(actor: Actor, id: string, body: Body<typeof HearingBody>, meta: RequestMeta): Promise<LitigationDetail>;
  updateHearing(actor: Actor, id: string, hearingId: string, body: Body<typeof HearingBody>, meta: RequestMeta): Promise<LitigationDetail>;
  recordOutcome(actor: Actor, id: string, body: Body<typeof OutcomeBody>, meta: RequestMeta): Promise<LitigationDetail>;
  recordAppeal(actor: Actor, id: string, body: Body<typeof AppealBody>, meta: RequestMeta): Promise<LitigationDetail>;
  /**
   * Closes ('cancelled', journalled) the appeal periods that passed with no appeal recorded: the first-instance result
   * took effect (Art. 85). Run lazily on reading cases; a scheduler may call it too. Returns how many were closed.
   */
  closeLapsedAppeals(caseId?: string): Promise<number>;
  /** Case numbers by id, for the deadline reminders (CaseNumberResolver of platform/notify). */
  caseNumbers(ids: string[]): Promise<Map<string, string>>;
  stats(actor: Actor, period: { from: string; to: string }): Promise<LitigationStats>;
}

/** Status from the row: pending until the first-instance outcome; 'appeal' while an appeal has no outcome. */
export function statusOf(r: Pick<LitigationRow, 'outcome' | 'appealBy' | 'appealOutcome'>): LitigationSummary['status'] {
  if (!r.outcome) return 'pending';
  if (r.appealBy && !r.appealOutcome) return 'appeal';
  return 'concluded';
}
/**
 * First-instance results against which no appeal lies. 《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》(法释〔2018〕1号):
 * Art. 85 ¶3, a 调解书 takes effect when both parties have signed it; Art. 101 ¶2, of the rulings only 不予立案、驳回起诉
 * and 管辖异议 may be appealed, so not the ruling that allows the withdrawal (Art. 101 ¶1 item 10).
 */
const INTERPRETATION_2018 = '《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》';
export const NOT_APPEALABLE: Partial<Record<LitigationOutcome, { basis: string; message: string }>> = {
  mediated: { basis: `${INTERPRETATION_2018}第八十五条第三款`, message: `调解书经双方当事人签收后即具有法律效力，不能上诉（${INTERPRETATION_2018}第八十五条第三款）` },
  withdrawn: { basis: `${INTERPRETATION_2018}第一百零一条第二款`, message: `准许撤诉的裁定不属于可以上诉的裁定（${INTERPRETATION_2018}第一百零一条第二款），不能登记上诉` },
};

const LAPSED_NOTE = '上诉期限届满未登记上诉：逾期不提起上诉的，第一审判决或者裁定发生法律效力（《中华人民共和国行政诉讼法》第八十五条）；上诉状在期满前交邮的不算过期，如已上诉请登记上诉';

const finalOutcomeOf = (r: Pick<LitigationRow, 'outcome' | 'appealBy' | 'appealOutcome'>) => (statusOf(r) === 'concluded' ? ((r.appealOutcome ?? r.outcome) as LitigationOutcome) : null);

export function createLitigationService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  deadlines: DeadlineService;
  calendar: () => Promise<WorkCalendar>;
  /** the linked 行政复议 case (optional): its number, checked in the caller's scope */
  reconCaseNo: (actor: Actor, id: string) => Promise<string>;
}): LitigationService {
  const { db, clock, audit } = deps;
  const repo = createLitigationRepo(db);

  async function defenceOf(start: string, explain: boolean) {
    const rule = getRule(DEFENCE_RULE);
    const res = computeDeadline(await deps.calendar(), rule, { start, pauses: [], extensions: [], asOf: clock.today(), onUnpublished: 'flag', explain });
    return { due: res.due, basis: ruleCitation(rule), steps: res.steps };
  }

  const dateErr = (code: 'LITIGATION_DATE_ORDER' | 'LITIGATION_DATE_IN_FUTURE', details: Record<string, unknown>) => new AppError(code, details);
  function notFuture(field: string, date: string) {
    if (date > clock.today()) throw dateErr('LITIGATION_DATE_IN_FUTURE', { field, date, today: clock.today() });
  }
  function notBefore(field: string, date: string, earliest: string | null | undefined, earliestField: string) {
    if (earliest && date < earliest) throw dateErr('LITIGATION_DATE_ORDER', { field, date, notBefore: earliest, after: earliestField });
  }

  async function load(actor: Actor, id: string, q: Db | Trx = db) {
    const r = await repo.find(q, id);
    if (!r) throw new AppError('NOT_FOUND', { entity: OBJECT_TYPE, id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }

  function summary(r: LitigationRow, x: { handlerName: string | null; nextHearingOn: string | null; headAppeared: boolean }): LitigationSummary {
    return {
      id: r.id,
      court: r.court,
      caseNo: r.caseNo,
      plaintiff: r.plaintiff,
      defendant: r.defendant,
      cause: r.cause,
      filedOn: r.filedOn,
      defenceDue: r.defenceDue,
      defenceSubmittedOn: r.defenceSubmittedOn,
      nextHearingOn: x.nextHearingOn,
      headAppeared: x.headAppeared,
      outcome: (r.outcome as LitigationOutcome | null) ?? null,
      finalOutcome: finalOutcomeOf(r),
      status: statusOf(r),
      departmentId: r.departmentId,
      handlerId: r.handlerId,
      handlerName: x.handlerName,
    };
  }

  const hearingView = (h: HearingRow) => ({ id: h.id, hearingOn: h.hearingOn, headAppeared: h.headAppeared === 1, headName: h.headName, headTitle: h.headTitle, representatives: h.representatives, note: h.note });

  async function appealPeriodOf(r: LitigationRow): Promise<LitigationDetail['appealPeriod']> {
    if (!r.outcome) return null;
    const row = (await repo.deadlineRows(db, r.id, APPEAL_RULES))[0];
    if (!row) return null;
    const rule = getRule(row.ruleId);
    const res = computeDeadline(await deps.calendar(), rule, { start: row.startDate, pauses: [], extensions: [], asOf: clock.today(), onUnpublished: 'flag', explain: true });
    return {
      ruleId: rule.id,
      title: rule.title,
      servedOn: row.startDate,
      due: row.dueDate,
      status: row.status as 'open' | 'met' | 'cancelled',
      basis: ruleCitation(rule),
      explanation: res.steps.map((s) => s.text).join('；'),
      steps: res.steps,
      closedNote: row.status === 'open' ? null : await repo.closingNote(db, row.id),
    };
  }

  async function closeLapsed(caseId?: string): Promise<number> {
    const today = clock.today();
    if (!(await repo.lapsedDeadlines(db, APPEAL_RULES, today, caseId)).length) return 0;
    let n = 0;
    await db.transaction().execute(async (trx) => {
      for (const d of await repo.lapsedDeadlines(trx, APPEAL_RULES, today, caseId)) {
        try {
          await deps.deadlines.close(trx, d.id, 'cancelled', { note: LAPSED_NOTE });
          n++;
        } catch (e) {
          // closed meanwhile by another reader or an appeal: nothing left to do
          if (!(e instanceof AppError && e.code === 'DEADLINE_NOT_OPEN')) throw e;
        }
      }
    });
    return n;
  }

  async function detail(r: LitigationRow): Promise<LitigationDetail> {
    const hs = await repo.hearings(db, r.id);
    const today = clock.today();
    const d = await defenceOf(r.complaintReceivedOn, true);
    const next = hs.find((h) => h.hearingOn >= today)?.hearingOn ?? null;
    return {
      ...summary(r, { handlerName: await repo.handlerName(r.handlerId), nextHearingOn: next, headAppeared: hs.some((h) => h.headAppeared === 1) }),
      reconCaseId: r.reconCaseId,
      reconCaseNo: r.reconCaseNo,
      complaintReceivedOn: r.complaintReceivedOn,
      defence: { due: r.defenceDue, basis: d.basis, explanation: d.steps.map((s) => s.text).join('；'), steps: d.steps, onTime: r.defenceSubmittedOn ? r.defenceSubmittedOn <= r.defenceDue : null },
      hearings: hs.map(hearingView),
      outcomeOn: r.outcomeOn,
      outcomeNote: r.outcomeNote,
      appeal: r.appealBy ? { by: r.appealBy as 'plaintiff' | 'defendant', filedOn: r.appealFiledOn!, caseNo: r.appealCaseNo, outcome: (r.appealOutcome as LitigationOutcome | null) ?? null, outcomeOn: r.appealOutcomeOn } : null,
      appealPeriod: await appealPeriodOf(r),
      version: r.version,
    };
  }

  /** One change = one transaction: the row (version-checked), the register, the audit entry. */
  async function change(actor: Actor, id: string, action: string, meta: RequestMeta, run: (r: LitigationRow, trx: Trx) => Promise<{ patch?: Partial<LitigationRow>; audit?: Record<string, unknown> }>) {
    await db.transaction().execute(async (trx) => {
      const r = await load(actor, id, trx);
      const step = await run(r, trx);
      const now = clock.nowIso();
      const ok = await repo.update(trx, r.id, r.version, { ...step.patch, updatedAt: now });
      if (!ok) throw new AppError('CONFLICT', { entity: OBJECT_TYPE, id });
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: `litigation.case.${action}`, objectType: OBJECT_TYPE, objectId: r.id, after: { ...(step.patch ?? {}), ...(step.audit ?? {}) }, extra: { caseNo: r.caseNo } }, trx);
    });
    return detail(await load(actor, id));
  }

  function hearingFacts(r: LitigationRow, body: Body<typeof HearingBody>) {
    notBefore('hearingOn', body.hearingOn, r.filedOn, 'filedOn');
    // the head cannot have appeared at a hearing that has not taken place yet
    if (body.headAppeared && body.hearingOn > clock.today()) throw dateErr('LITIGATION_DATE_IN_FUTURE', { field: 'headAppeared', date: body.hearingOn });
    return { hearingOn: body.hearingOn, headAppeared: body.headAppeared ? 1 : 0, headName: body.headAppeared ? (body.headName ?? null) : null, headTitle: body.headAppeared ? (body.headTitle ?? null) : null, representatives: body.representatives ?? null, note: body.note ?? null };
  }

  return {
    async list(actor, q) {
      for (const [from, to, field] of [
        [q.filedFrom, q.filedTo, 'filedTo'],
        [q.concludedFrom, q.concludedTo, 'concludedTo'],
      ] as const) {
        if (from && to && from > to) throw new AppError('VALIDATION_FAILED', { field }, '开始日期不能晚于结束日期');
      }
      await closeLapsed();
      const f = { status: q.status, q: q.q, filedFrom: q.filedFrom, filedTo: q.filedTo, concludedFrom: q.concludedFrom, concludedTo: q.concludedTo };
      const [rows, total] = await Promise.all([repo.page(actor, f, q.pageSize, (q.page - 1) * q.pageSize, clock.today()), repo.count(actor, f)]);
      return { data: rows.map((r) => summary(r, { handlerName: r.handlerName, nextHearingOn: r.nextHearingOn ?? null, headAppeared: !!r.headHearingId })), total };
    },

    async get(actor, id) {
      const r = await load(actor, id);
      // closing a lapsed appeal period writes the register only (detail reads it), never the case row
      await closeLapsed(r.id);
      return detail(r);
    },

    closeLapsedAppeals: closeLapsed,

    async caseNumbers(ids) {
      if (!ids.length) return new Map();
      const rows = await db.selectFrom('litigationCases').select(['id', 'caseNo']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.caseNo]));
    },

    async create(actor, body, meta) {
      notFuture('filedOn', body.filedOn);
      notFuture('complaintReceivedOn', body.complaintReceivedOn);
      notBefore('complaintReceivedOn', body.complaintReceivedOn, body.filedOn, 'filedOn');
      const caseNo = body.caseNo.replace(/[（]/g, '(').replace(/[）]/g, ')');
      const reconCaseNo = body.reconCaseId ? await deps.reconCaseNo(actor, body.reconCaseId) : null;
      let handlerId = body.handlerId ?? actor.userId;
      if (actor.dataScope === 'own') handlerId = actor.userId;
      if (handlerId !== actor.userId) {
        const u = await db.selectFrom('users').select(['id', 'departmentId', 'status']).where('id', '=', handlerId).executeTakeFirst();
        if (!u || u.status !== 'active' || (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(u.departmentId))) throw new AppError('RECON_HANDLER_INVALID', { handlerId });
      }
      const defence = await defenceOf(body.complaintReceivedOn, false);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        if (await repo.byCaseNo(trx, caseNo)) throw new AppError('LITIGATION_CASE_NO_TAKEN', { caseNo });
        const now = clock.nowIso();
        const row: LitigationRow = {
          id,
          departmentId: actor.departmentId,
          handlerId,
          court: body.court,
          caseNo,
          plaintiff: body.plaintiff,
          defendant: body.defendant,
          cause: body.cause,
          reconCaseId: body.reconCaseId ?? null,
          reconCaseNo,
          filedOn: body.filedOn,
          complaintReceivedOn: body.complaintReceivedOn,
          defenceDue: defence.due ?? body.complaintReceivedOn,
          defenceSubmittedOn: null,
          outcome: null,
          outcomeOn: null,
          outcomeNote: null,
          appealBy: null,
          appealFiledOn: null,
          appealCaseNo: null,
          appealOutcome: null,
          appealOutcomeOn: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await repo.insert(trx, row);
        // Art. 67 ¶1: on the handler's to-do list
        await deps.deadlines.open(trx, { module: MODULE, objectType: OBJECT_TYPE, objectId: id, title: `${caseNo} ${getRule(DEFENCE_RULE).title}`, ruleId: DEFENCE_RULE, startDate: body.complaintReceivedOn, departmentId: row.departmentId, assigneeId: handlerId });
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'litigation.case.create', objectType: OBJECT_TYPE, objectId: id, after: { caseNo, court: row.court, defendant: row.defendant, filedOn: row.filedOn, defenceDue: row.defenceDue, reconCaseId: row.reconCaseId, handlerId } }, trx);
      });
      return detail(await load(actor, id));
    },

    async submitDefence(actor, id, body, meta) {
      return change(actor, id, 'defence', meta, async (r, trx) => {
        if (r.outcome) throw new AppError('LITIGATION_CONCLUDED', { id });
        notFuture('submittedOn', body.submittedOn);
        notBefore('submittedOn', body.submittedOn, r.complaintReceivedOn, 'complaintReceivedOn');
        await repo.closeDeadlines(trx, r.id, 'met', clock.nowIso());
        return { patch: { defenceSubmittedOn: body.submittedOn }, audit: { onTime: body.submittedOn <= r.defenceDue, defenceDue: r.defenceDue, basis: DEFENCE_BASIS } };
      });
    },

    async addHearing(actor, id, body, meta) {
      return change(actor, id, 'hearing', meta, async (r, trx) => {
        if (statusOf(r) === 'concluded') throw new AppError('LITIGATION_CONCLUDED', { id });
        const h: HearingRow = { id: randomUUID(), caseId: r.id, ...hearingFacts(r, body), createdBy: actor.userId, createdAt: clock.nowIso() };
        await repo.insertHearing(trx, h);
        return { audit: { hearingId: h.id, hearingOn: h.hearingOn, headAppeared: h.headAppeared === 1, basis: body.headAppeared ? '《中华人民共和国行政诉讼法》第三条第三款' : undefined } };
      });
    },

    async updateHearing(actor, id, hearingId, body, meta) {
      return change(actor, id, 'hearingUpdate', meta, async (r, trx) => {
        const h = (await repo.hearings(trx, r.id)).find((x) => x.id === hearingId);
        if (!h) throw new AppError('NOT_FOUND', { entity: 'litigationHearing', id: hearingId });
        const facts = hearingFacts(r, body);
        await repo.updateHearing(trx, h.id, facts);
        return { audit: { hearingId: h.id, before: { hearingOn: h.hearingOn, headAppeared: h.headAppeared === 1 }, hearingOn: facts.hearingOn, headAppeared: facts.headAppeared === 1 } };
      });
    },

    async recordOutcome(actor, id, body, meta) {
      return change(actor, id, 'outcome', meta, async (r, trx) => {
        if (r.outcome) throw new AppError('LITIGATION_CONCLUDED', { id });
        notFuture('on', body.on);
        notBefore('on', body.on, r.filedOn, 'filedOn');
        // Art. 85: the appeal period runs from service of the judgment (15 days) or ruling (10 days); none for 调解/撤诉
        const appealRule = LITIGATION_APPEAL_RULES[body.outcome];
        if (appealRule) {
          if (!body.servedOn) throw new AppError('VALIDATION_FAILED', { field: 'servedOn' }, `请填写${appealRule === 'litigation.appealRuling' ? '裁定书' : '判决书'}送达日期：上诉期限自送达之日起计算（${APPEAL_BASIS}）`);
          notFuture('servedOn', body.servedOn);
          notBefore('servedOn', body.servedOn, body.on, 'on');
        }
        await repo.closeDeadlines(trx, r.id, 'cancelled', clock.nowIso());
        if (appealRule && body.servedOn) {
          await deps.deadlines.open(trx, { module: MODULE, objectType: OBJECT_TYPE, objectId: r.id, title: `${r.caseNo} ${getRule(appealRule).title}`, ruleId: appealRule, startDate: body.servedOn, departmentId: r.departmentId, assigneeId: r.handlerId });
        }
        return { patch: { outcome: body.outcome, outcomeOn: body.on, outcomeNote: body.note ?? null }, audit: appealRule ? { servedOn: body.servedOn, appealRule, basis: APPEAL_BASIS } : { appealable: false } };
      });
    },

    // Art. 85: appeal within 15 days of the judgment (10 days of a ruling); the appeal's outcome may follow later.
    // Not every first-instance result can be appealed (NOT_APPEALABLE): a 调解书 or a ruling allowing the withdrawal.
    async recordAppeal(actor, id, body, meta) {
      return change(actor, id, 'appeal', meta, async (r, trx) => {
        const barred = r.outcome ? NOT_APPEALABLE[r.outcome as LitigationOutcome] : undefined;
        if (barred && !r.appealBy) throw new AppError('LITIGATION_APPEAL_NOT_ALLOWED', { outcome: r.outcome, basis: barred.basis }, barred.message);
        if (!r.outcome || r.appealOutcome || (r.appealBy && !body.outcome)) throw new AppError('LITIGATION_APPEAL_NOT_ALLOWED', { outcome: r.outcome, appealBy: r.appealBy });
        notFuture('filedOn', body.filedOn);
        notBefore('filedOn', body.filedOn, r.outcomeOn, 'outcomeOn');
        if (body.outcome && !body.outcomeOn) throw new AppError('VALIDATION_FAILED', { field: 'outcomeOn' }, '登记二审结果须填写裁判日期');
        if (body.outcomeOn) {
          notFuture('outcomeOn', body.outcomeOn);
          notBefore('outcomeOn', body.outcomeOn, body.filedOn, 'filedOn');
        }
        if (!r.appealBy) {
          // the appeal period is over: met when the defendant appealed, no longer owed when the plaintiff did
          const note = body.by === 'defendant' ? `被告已于 ${body.filedOn} 提起上诉` : `原告已于 ${body.filedOn} 提起上诉，案件进入二审`;
          for (const d of await repo.deadlineRows(trx, r.id, APPEAL_RULES)) if (d.status === 'open') await deps.deadlines.close(trx, d.id, body.by === 'defendant' ? 'met' : 'cancelled', { note });
        }
        return { patch: { appealBy: body.by, appealFiledOn: body.filedOn, appealCaseNo: body.appealCaseNo ?? r.appealCaseNo, appealOutcome: body.outcome ?? null, appealOutcomeOn: body.outcome ? body.outcomeOn! : null } };
      });
    },

    async stats(actor, p) {
      const scoped = () => db.selectFrom('litigationCases as l').where((eb) => scopeWhere(eb, actor, 'l.departmentId', 'l.handlerId'));
      const today = clock.today();
      const heldTo = p.to < today ? p.to : today;
      const filed = await scoped().where('l.filedOn', '>=', p.from).where('l.filedOn', '<=', p.to).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const heldIn = (eb: any) => eb.selectFrom('litigationHearings as h').select('h.id').whereRef('h.caseId', '=', 'l.id').where('h.hearingOn', '>=', p.from).where('h.hearingOn', '<=', heldTo);
      const heard = await scoped()
        .select((eb) => [
          eb.fn.sum<number | string | null>(eb.case().when(eb.exists(heldIn(eb))).then(1).else(0).end()).as('heard'),
          eb.fn.sum<number | string | null>(eb.case().when(eb.exists(heldIn(eb).where('h.headAppeared', '=', 1))).then(1).else(0).end()).as('head'),
        ])
        .executeTakeFirstOrThrow();
      const appearances = await db
        .selectFrom('litigationHearings as h')
        .innerJoin('litigationCases as l', 'l.id', 'h.caseId')
        .where((eb) => scopeWhere(eb, actor, 'l.departmentId', 'l.handlerId'))
        .where('h.headAppeared', '=', 1)
        .where('h.hearingOn', '>=', p.from)
        .where('h.hearingOn', '<=', heldTo)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const finals = scoped()
        .where('l.outcome', 'is not', null)
        .where((eb) => eb.or([eb('l.appealBy', 'is', null), eb('l.appealOutcome', 'is not', null)]))
        .select((eb) => [eb.fn.coalesce('l.appealOutcome', 'l.outcome').as('fin'), eb.fn.coalesce('l.appealOutcomeOn', 'l.outcomeOn').as('finOn')]);
      const byOutcome = await db
        .selectFrom(finals.as('x'))
        .where('x.finOn', '>=', p.from)
        .where('x.finOn', '<=', p.to)
        .select(['x.fin as key', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('x.fin')
        .execute();
      const counts = new Map(byOutcome.map((r) => [r.key as string, Number(r.n)]));
      const concluded = [...counts.values()].reduce((a, b) => a + b, 0);
      const lost = LITIGATION_LOSS_OUTCOMES.reduce((a, k) => a + (counts.get(k) ?? 0), 0);
      const heardN = Number(heard.heard ?? 0);
      const headN = Number(heard.head ?? 0);
      return {
        from: p.from,
        to: p.to,
        cases: Number(filed.n),
        concluded,
        heard: heardN,
        headAppeared: headN,
        headAppearances: Number(appearances.n),
        headAppearanceRate: heardN ? headN / heardN : null,
        lost,
        lossRate: concluded ? lost / concluded : null,
        byOutcome: (Object.keys(LITIGATION_OUTCOME_LABELS) as LitigationOutcome[]).map((k) => ({ key: k, label: LITIGATION_OUTCOME_LABELS[k], count: counts.get(k) ?? 0 })),
        definitions: { headAppearance: HEAD_APPEARANCE_DEFINITION, loss: LITIGATION_LOSS_DEFINITION },
      };
    },
  };
}
