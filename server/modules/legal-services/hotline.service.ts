/**
 * 12348 热线 and consultation records (phone, walk-in, online; 法律援助法第二十三条): category, summary, answer,
 * duration; callback with a satisfaction rating; one-click referral to a legal-aid application that carries the
 * record's data over (the link is written in the application's transaction). A caller's phone number is stored
 * SM4-encrypted with its blind index and shown masked.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { CATEGORY_TO_MATTER, type Consultation, type ConsultationCreateBody, type ConsultCategory, type ReferralDraft } from '../../../common/contracts/legal-services';
import { beijingDayStart } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import { isValidMobile, maskMobile } from '../../../common/validators';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { FieldCipher } from '../../platform/crypto';
import { type Actor, assertInScope, scopeWhere } from '../../platform/identity';
import { nextSeq } from './counters';
import type { Meta } from './legal-aid.service';
import './tables';

type Trx = Transaction<Database>;
const OBJECT_TYPE = 'legalServiceConsultation';

export interface HotlineService {
  create(actor: Actor, body: ConsultationCreateBody, meta: Meta): Promise<Consultation>;
  list(actor: Actor, q: { channel?: string | undefined; category?: string | undefined; q?: string | undefined; pendingFollowUp?: 'true' | 'false' | undefined; from?: string | undefined; to?: string | undefined; page: number; pageSize: number }): Promise<{ data: Consultation[]; total: number; satisfaction: { surveyed: number; satisfied: number; rate: number | null } }>;
  get(actor: Actor, id: string): Promise<Consultation>;
  followUp(actor: Actor, id: string, body: { satisfaction: 'satisfied' | 'basic' | 'unsatisfied'; note: string }, meta: Meta): Promise<Consultation>;
  referralDraft(actor: Actor, id: string): Promise<ReferralDraft>;
  /** Counts in a period (by channel and category; callbacks and satisfaction) for the statistics and the export. */
  stats(actor: Actor, q: { from: string; to: string }): Promise<{ total: number; byChannel: Record<string, number>; byCategory: Record<string, number>; surveyed: number; satisfied: number; totalSeconds: number }>;
  /** The caller's number in clear, for the application made from the record (never sent to the browser). */
  callerMobile(actor: Actor, id: string): Promise<string | null>;
  /** Inside the legal-aid application's transaction: links the record to the application (once). */
  markReferred(trx: Trx, actor: Actor, id: string, applicationId: string): Promise<void>;
}

export function createHotlineService(deps: { db: Db; clock: Clock; audit: AuditService; cipher: FieldCipher }): HotlineService {
  const { db, clock, audit, cipher } = deps;

  const select = (q: Db | Trx) =>
    q
      .selectFrom('legalServiceConsultations as c')
      .leftJoin('users as u', 'u.id', 'c.handlerId')
      .leftJoin('legalAidApplications as a', 'a.id', 'c.referralId')
      .selectAll('c')
      .select(['u.displayName as handlerName', 'a.appNo as referralNo']);
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

  const toView = (r: Row): Consultation => ({
    id: r.id, recordNo: r.recordNo, channel: r.channel as Consultation['channel'], startedAt: r.startedAt, callerName: r.callerName, callerMobile: r.callerMobileEnc ? maskMobile(cipher.decrypt(r.callerMobileEnc)) : null,
    group: (r.aidGroup as Consultation['group']) ?? null, category: r.category, summary: r.summary, answer: r.answer, durationSeconds: Number(r.durationSeconds), handlerName: r.handlerName ?? null, referredTo: r.referredTo, referralId: r.referralId,
    referralNo: r.referralNo ?? r.referralLabel ?? null, followUpOn: r.followUpOn, satisfaction: (r.satisfaction as Consultation['satisfaction']) ?? null, followUpNote: r.followUpNote, createdAt: r.createdAt,
  });

  async function load(q: Db | Trx, actor: Actor, id: string) {
    const r = await select(q).where('c.id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'consultation', id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }

  const record = (trx: Trx, actor: Actor, meta: Meta, action: string, objectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType: OBJECT_TYPE, objectId, before, after }, trx);

  return {
    async create(actor, body, meta) {
      if (body.callerMobile && !isValidMobile(body.callerMobile)) throw new AppError('MOBILE_INVALID', { field: 'callerMobile' });
      const now = clock.nowIso();
      const startedAt = body.startedAt ? new Date(body.startedAt).toISOString() : now;
      if (Date.parse(startedAt) > Date.parse(now)) throw new AppError('VALIDATION_FAILED', { field: 'startedAt', reason: '不能晚于现在' });
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const year = Number(clock.today().slice(0, 4));
        const recordNo = `ZX${year}-${String(await nextSeq(trx, 'consultation', year)).padStart(5, '0')}`;
        await trx
          .insertInto('legalServiceConsultations')
          .values({
            id, recordNo, departmentId: actor.departmentId, handlerId: actor.userId, channel: body.channel, startedAt, callerName: body.callerName, callerMobileEnc: body.callerMobile ? cipher.encrypt(body.callerMobile) : null, callerMobileBidx: body.callerMobile ? cipher.blindIndex(body.callerMobile) : null,
            aidGroup: body.group, category: body.category, summary: body.summary, answer: body.answer, durationSeconds: body.durationSeconds, referredTo: null, referralId: null, followUpOn: null, satisfaction: null, followUpNote: null, createdAt: now, updatedAt: now,
          })
          .execute();
        await record(trx, actor, meta, 'legalService.consultation.create', id, null, { recordNo, channel: body.channel, category: body.category, durationSeconds: body.durationSeconds, mobile: body.callerMobile });
      });
      return toView(await load(db, actor, id));
    },

    async list(actor, q) {
      if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION_FAILED', { field: 'to' }, '开始日期不能晚于结束日期');
      let base = select(db).where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'));
      // the same Beijing-day bounds as stats(): a dashboard figure and its list count the same records
      if (q.from) base = base.where('c.startedAt', '>=', beijingDayStart(q.from));
      if (q.to) base = base.where('c.startedAt', '<', beijingDayStart(q.to, 1));
      if (q.channel) base = base.where('c.channel', '=', q.channel);
      if (q.category) base = base.where('c.category', '=', q.category);
      if (q.q) base = base.where((eb) => eb.or([eb('c.summary', 'like', `%${q.q}%`), eb('c.answer', 'like', `%${q.q}%`), eb('c.recordNo', 'like', `%${q.q}%`)]));
      if (q.pendingFollowUp === 'true') base = base.where('c.followUpOn', 'is', null);
      const { total } = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.orderBy('c.startedAt', 'desc').orderBy('c.recordNo', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const sat = await db
        .selectFrom('legalServiceConsultations as c')
        .where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'))
        .where('c.satisfaction', 'is not', null)
        .$if(!!q.from, (b) => b.where('c.startedAt', '>=', beijingDayStart(q.from!)))
        .$if(!!q.to, (b) => b.where('c.startedAt', '<', beijingDayStart(q.to!, 1)))
        .select(['c.satisfaction'])
        .execute();
      const surveyed = sat.length;
      const satisfied = sat.filter((s) => s.satisfaction !== 'unsatisfied').length;
      return { data: rows.map(toView), total: Number(total), satisfaction: { surveyed, satisfied, rate: surveyed ? Math.round((satisfied / surveyed) * 10000) / 100 : null } };
    },

    async get(actor, id) {
      return toView(await load(db, actor, id));
    },

    async followUp(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const r = await load(trx, actor, id);
        if (r.followUpOn) throw new AppError('LEGAL_SERVICE_FOLLOW_UP_DONE');
        const today = clock.today();
        await trx.updateTable('legalServiceConsultations').set({ followUpOn: today, satisfaction: body.satisfaction, followUpNote: body.note || null, updatedAt: clock.nowIso() }).where('id', '=', id).where('followUpOn', 'is', null).execute();
        await record(trx, actor, meta, 'legalService.consultation.followUp', id, null, { followUpOn: today, satisfaction: body.satisfaction });
      });
      return toView(await load(db, actor, id));
    },

    async referralDraft(actor, id) {
      const r = await load(db, actor, id);
      if (r.referredTo) throw new AppError('LEGAL_SERVICE_CONSULTATION_REFERRED', { referralNo: r.referralNo });
      return {
        consultationId: r.id, recordNo: r.recordNo, applicantName: r.callerName, applicantMobile: r.callerMobileEnc ? maskMobile(cipher.decrypt(r.callerMobileEnc)) : null, group: (r.aidGroup as ReferralDraft['group']) ?? null,
        matter: CATEGORY_TO_MATTER[r.category as ConsultCategory] ?? 'other', caseSummary: `【${r.recordNo} 咨询转办】${r.summary}\n【解答意见】${r.answer}`, channel: 'window',
      };
    },

    async stats(actor, q) {
      const rows = await db
        .selectFrom('legalServiceConsultations as c')
        .select(['c.channel', 'c.category', 'c.satisfaction', 'c.durationSeconds'])
        .where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'))
        .where('c.startedAt', '>=', beijingDayStart(q.from))
        .where('c.startedAt', '<', beijingDayStart(q.to, 1))
        .execute();
      const tally = (k: (r: (typeof rows)[number]) => string) => rows.reduce<Record<string, number>>((a, r) => ((a[k(r)] = (a[k(r)] ?? 0) + 1), a), {});
      const surveyed = rows.filter((r) => r.satisfaction);
      return { total: rows.length, byChannel: tally((r) => r.channel), byCategory: tally((r) => r.category), surveyed: surveyed.length, satisfied: surveyed.filter((r) => r.satisfaction !== 'unsatisfied').length, totalSeconds: rows.reduce((a, r) => a + Number(r.durationSeconds), 0) };
    },

    async callerMobile(actor, id) {
      const r = await load(db, actor, id);
      return r.callerMobileEnc ? cipher.decrypt(r.callerMobileEnc) : null;
    },

    async markReferred(trx, actor, id, applicationId) {
      const r = await load(trx, actor, id);
      if (r.referredTo) throw new AppError('LEGAL_SERVICE_CONSULTATION_REFERRED', { referralNo: r.referralNo });
      const res = await trx.updateTable('legalServiceConsultations').set({ referredTo: 'legalAid', referralId: applicationId, updatedAt: clock.nowIso() }).where('id', '=', id).where('referredTo', 'is', null).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('LEGAL_SERVICE_CONSULTATION_REFERRED');
    },
  };
}
