/**
 * 12348 hotline, second part: quality sampling of consultation records (a random sample drawn with the recorded-seed
 * SM3-CTR stream of draw.ts, so any sample can be re-drawn and checked; scored by a reviewer who did not handle the
 * record), the knowledge base of answers searched in Chinese (jieba segmentation of platform/search + BM25), and
 * one-click referral of a record, carrying its data over, to people's mediation (the dispute register, through
 * modules/dispute's index), to a 行政复议 consultation (through modules/reconsideration's index) or to a notary office
 * of the register: the target record, the link on the 12348 record and the audit entries in one transaction (the
 * targets' `intakeWithin` / `createWithin` entry points), the record claimed first so that a repeated or concurrent
 * click never creates a second target.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CONSULT_CATEGORIES, INSTITUTION_KINDS } from '../../../common/contracts/legal-services';
import { DisputeIntakeBody } from '../../../common/contracts/dispute';
import { ConsultationBody as ReconConsultationBody } from '../../../common/contracts/reconsideration-insight';
import { QA_SCORING, type QaSample, type ReferralBody } from '../../../common/contracts/legal-services-enterprise';
import { beijingDayStart } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { type Actor, assertInScope, can, scopeWhere } from '../../platform/identity';
import { bm25Idf, bm25Term, createTokenizer } from '../../platform/search';
import type { DisputeService } from '../dispute';
import type { ConsultationService as ReconConsultationService } from '../reconsideration';
import { nextSeq } from './counters';
import { Sm3Stream, drawFrom } from './draw';
import type { Meta } from './legal-aid.service';
import './tables';

export const QA_ALGORITHM = 'SM3-CTR v1（与双随机抽查相同）：候选咨询记录按记录编号排序，第 k 块 = SM3(种子:k)，部分 Fisher–Yates 洗牌取前 n 条。';
export const KB_METHOD = '中文分词（jieba 搜索模式，含法律用语词典）后按 BM25（k1 = 1.2，b = 0.75）对问题和答案打分，问题中的词计两次。';
const KB_WORDS = ['劳动报酬', '劳动仲裁', '法律援助', '人民调解', '行政复议', '赡养费', '抚养费', '工伤认定', '物业费', '公证', '遗嘱', '继承', '劳动合同', '经济补偿', '外卖骑手', '新就业形态'];
const KB_STOP = new Set('的 了 和 与 及 或 等 在 对 于 为 以 将 把 被 由 从 向 就 并 且 而 也 又 其 之 该 此 是 否 不 未 已 应 应当 可以 怎么 怎么办 如何 什么 吗 呢 我 我们 他 他们 能否 是否 请问 有 没有'.split(' '));
const tokenize = createTokenizer({ userWords: KB_WORDS, stopWords: KB_STOP });

type SampleRow = Database['legalServiceQaSamples'];

export interface HotlineQualityService {
  createSample(actor: Actor, body: { from: string; to: string; size: number; channel: 'phone' | 'walkIn' | 'online' | null; seed?: string | undefined }, meta: Meta): Promise<QaSample>;
  samples(actor: Actor): Promise<{ data: Omit<QaSample, 'items'>[]; scoring: string }>;
  sample(actor: Actor, id: string): Promise<QaSample>;
  score(actor: Actor, id: string, body: { consultationId: string; accuracy: number; attitude: number; norms: number; comment: string }, meta: Meta): Promise<QaSample>;
  kbSearch(q: { q?: string | undefined; category?: string | undefined; limit: number }): Promise<{ data: { id: string; question: string; answer: string; category: string; citation: string | null; uses: number; score: number | null; matched: string[] }[]; total: number; method: string }>;
  kbCreate(actor: Actor, body: { question: string; answer: string; category: string; citation: string | null }, meta: Meta): Promise<{ id: string }>;
  kbUse(actor: Actor, id: string, meta: Meta): Promise<void>;
  refer(actor: Actor, id: string, body: z.infer<typeof ReferralBody>, meta: Meta & { userAgent?: string | undefined }): Promise<{ consultationId: string; target: 'mediation' | 'reconsideration' | 'notary'; referralId: string; referralLabel: string; link: string | null }>;
}

export function createHotlineQualityService(deps: { db: Db; clock: Clock; audit: AuditService; disputes: () => DisputeService; reconConsultations: () => ReconConsultationService }): HotlineQualityService {
  const { db, clock, audit } = deps;

  const record = (trx: Parameters<AuditService['record']>[1], actor: Actor, meta: Meta, action: string, objectType: string, objectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType, objectId, before, after }, trx);

  async function loadSample(actor: Actor, id: string): Promise<SampleRow> {
    const r = await db.selectFrom('legalServiceQaSamples').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'qaSample', id });
    assertInScope(actor, r.departmentId, r.createdBy);
    return r;
  }

  function summary(r: SampleRow, scores: { total: number }[]): Omit<QaSample, 'items'> {
    const candidates = JSON.parse(r.candidates) as string[];
    const selection = JSON.parse(r.selection) as string[];
    const rerun = drawFrom(new Sm3Stream(r.seed), candidates, Number(r.size));
    return {
      id: r.id, sampleNo: r.sampleNo, from: r.periodFrom, to: r.periodTo, channel: r.channel, size: selection.length, seed: r.seed, algorithm: r.algorithm, candidateCount: candidates.length, drawnOn: r.drawnOn,
      scored: scores.length, averageScore: scores.length ? Math.round((scores.reduce((a, s) => a + s.total, 0) / scores.length) * 10) / 10 : null, passRate: scores.length ? Math.round((scores.filter((s) => s.total >= 80).length / scores.length) * 10000) / 100 : null,
      rerunMatches: JSON.stringify(rerun) === JSON.stringify(selection),
    };
  }

  async function view(r: SampleRow): Promise<QaSample> {
    const selection = JSON.parse(r.selection) as string[];
    const rows = selection.length ? await db.selectFrom('legalServiceConsultations as c').leftJoin('users as u', 'u.id', 'c.handlerId').select(['c.id', 'c.recordNo', 'c.channel', 'c.category', 'c.summary', 'c.answer', 'u.displayName as handlerName']).where('c.id', 'in', selection).execute() : [];
    const scores = await db.selectFrom('legalServiceQaScores as s').leftJoin('users as u', 'u.id', 's.reviewerId').selectAll('s').select('u.displayName as reviewerName').where('s.sampleId', '=', r.id).execute();
    const byId = new Map(rows.map((x) => [x.id, x]));
    const items = selection.map((cid) => {
      const c = byId.get(cid)!;
      const s = scores.find((x) => x.consultationId === cid);
      return {
        consultationId: cid, recordNo: c.recordNo, channel: c.channel, category: CONSULT_CATEGORIES[c.category as keyof typeof CONSULT_CATEGORIES] ?? c.category, summary: c.summary, answer: c.answer, handlerName: c.handlerName ?? null,
        score: s ? { accuracy: Number(s.accuracy), attitude: Number(s.attitude), norms: Number(s.norms), total: Number(s.accuracy) + Number(s.attitude) + Number(s.norms), comment: s.comment, reviewerName: s.reviewerName ?? null, scoredAt: s.scoredAt } : null,
      };
    });
    return { ...summary(r, items.flatMap((i) => (i.score ? [i.score] : []))), items };
  }

  return {
    async createSample(actor, body, meta) {
      if (body.from > body.to || body.to > clock.today()) throw new AppError('LEGAL_SERVICE_DATE_INVALID', { field: 'to' });
      const seed = body.seed ?? randomBytes(16).toString('hex');
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('legalServiceConsultations as c').select(['c.id', 'c.recordNo']).where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId')).where('c.startedAt', '>=', beijingDayStart(body.from)).where('c.startedAt', '<', beijingDayStart(body.to, 1));
        if (body.channel) q = q.where('c.channel', '=', body.channel);
        const candidates = (await q.execute()).sort((a, b) => a.recordNo.localeCompare(b.recordNo)).map((c) => c.id);
        if (!candidates.length) throw new AppError('LEGAL_SERVICE_SAMPLE_EMPTY');
        const selection = drawFrom(new Sm3Stream(seed), candidates, body.size);
        const today = clock.today();
        const year = Number(today.slice(0, 4));
        const sampleNo = `12348质检〔${year}〕${await nextSeq(trx, 'qaSample', year)}号`;
        const now = clock.nowIso();
        await trx.insertInto('legalServiceQaSamples').values({ id, sampleNo, departmentId: actor.departmentId, periodFrom: body.from, periodTo: body.to, channel: body.channel, size: body.size, seed, algorithm: QA_ALGORITHM, candidates: JSON.stringify(candidates), selection: JSON.stringify(selection), drawnOn: today, createdBy: actor.userId, createdAt: now }).execute();
        await record(trx, actor, meta, 'legalService.qaSample.create', 'legalServiceQaSample', id, null, { sampleNo, seed, candidates: candidates.length, selected: selection.length });
      });
      return view(await loadSample(actor, id));
    },

    async samples(actor) {
      const rows = await db.selectFrom('legalServiceQaSamples as s').selectAll('s').where((eb) => scopeWhere(eb, actor, 's.departmentId', 's.createdBy')).orderBy('s.createdAt', 'desc').execute();
      const scores = rows.length ? await db.selectFrom('legalServiceQaScores').select(['sampleId', 'accuracy', 'attitude', 'norms']).where('sampleId', 'in', rows.map((r) => r.id)).execute() : [];
      return { scoring: QA_SCORING, data: rows.map((r) => summary(r, scores.filter((s) => s.sampleId === r.id).map((s) => ({ total: Number(s.accuracy) + Number(s.attitude) + Number(s.norms) })))) };
    },

    async sample(actor, id) {
      return view(await loadSample(actor, id));
    },

    async score(actor, id, body, meta) {
      const r = await loadSample(actor, id);
      if (!(JSON.parse(r.selection) as string[]).includes(body.consultationId)) throw new AppError('NOT_FOUND', { entity: 'qaSampleItem', id: body.consultationId });
      await db.transaction().execute(async (trx) => {
        const c = await trx.selectFrom('legalServiceConsultations').select(['handlerId', 'recordNo']).where('id', '=', body.consultationId).executeTakeFirstOrThrow();
        if (c.handlerId === actor.userId) throw new AppError('FORBIDDEN', { reason: '不能评查本人办理的咨询记录' });
        const dup = await trx.selectFrom('legalServiceQaScores').select('id').where('sampleId', '=', id).where('consultationId', '=', body.consultationId).executeTakeFirst();
        if (dup) throw new AppError('LEGAL_SERVICE_DUPLICATE', { recordNo: c.recordNo });
        await trx.insertInto('legalServiceQaScores').values({ id: randomUUID(), sampleId: id, consultationId: body.consultationId, reviewerId: actor.userId, accuracy: body.accuracy, attitude: body.attitude, norms: body.norms, comment: body.comment, scoredAt: clock.nowIso() }).execute();
        await record(trx, actor, meta, 'legalService.qaSample.score', 'legalServiceQaSample', id, null, { recordNo: c.recordNo, total: body.accuracy + body.attitude + body.norms });
      });
      return view(await loadSample(actor, id));
    },

    async kbSearch(q) {
      let base = db.selectFrom('legalServiceKb').selectAll().where('active', '=', 1);
      if (q.category) base = base.where('category', '=', q.category);
      const rows = await base.orderBy('uses', 'desc').orderBy('createdAt', 'desc').execute();
      const plain = (r: (typeof rows)[number]) => ({ id: r.id, question: r.question, answer: r.answer, category: r.category, citation: r.citation, uses: Number(r.uses) });
      const terms = q.q ? [...new Set(tokenize(q.q))] : [];
      if (!terms.length) return { total: rows.length, method: KB_METHOD, data: rows.slice(0, q.limit).map((r) => ({ ...plain(r), score: null, matched: [] })) };
      const docs = rows.map((r) => tokenize(`${r.question}\n${r.question}\n${r.answer}`));
      const avg = docs.reduce((a, d) => a + d.length, 0) / Math.max(1, docs.length);
      const df = new Map(terms.map((t) => [t, docs.filter((d) => d.includes(t)).length]));
      const scored = rows
        .map((r, i) => {
          const d = docs[i]!;
          let s = 0;
          const matched: string[] = [];
          for (const t of terms) {
            const tf = d.filter((x) => x === t).length;
            if (!tf) continue;
            matched.push(t);
            s += bm25Term(tf, d.length, avg, bm25Idf(docs.length, df.get(t)!));
          }
          return { ...plain(r), score: Math.round(s * 1000) / 1000, matched };
        })
        .filter((x) => x.matched.length > 0)
        .sort((a, b) => b.score - a.score || b.uses - a.uses);
      return { total: scored.length, method: KB_METHOD, data: scored.slice(0, q.limit) };
    },

    async kbCreate(actor, body, meta) {
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const now = clock.nowIso();
        await trx.insertInto('legalServiceKb').values({ id, question: body.question, answer: body.answer, category: body.category, citation: body.citation, uses: 0, active: 1, createdBy: actor.userId, createdAt: now, updatedAt: now }).execute();
        await record(trx, actor, meta, 'legalService.kb.create', 'legalServiceKb', id, null, { question: body.question, category: body.category });
      });
      return { id };
    },

    async kbUse(actor, id, meta) {
      await db.transaction().execute(async (trx) => {
        const res = await trx.updateTable('legalServiceKb').set((eb) => ({ uses: eb('uses', '+', 1) })).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'kbEntry', id });
        await record(trx, actor, meta, 'legalService.kb.use', 'legalServiceKb', id, null, { used: true });
      });
    },

    async refer(actor, id, body, meta) {
      const today = clock.today();
      const m = { ip: meta.ip ?? '', userAgent: meta.userAgent ?? '', requestId: meta.requestId ?? '' };
      // One transaction for the target record and the link: the record is claimed first (a concurrent referral of it
      // waits on the row and then finds it referred, so there is never a second target), the target is written through
      // its module's in-transaction entry point, then the link and the audit entry. Any failure leaves neither.
      return db.transaction().execute(async (trx) => {
        const c = await trx.selectFrom('legalServiceConsultations').selectAll().where('id', '=', id).executeTakeFirst();
        if (!c) throw new AppError('NOT_FOUND', { entity: 'consultation', id });
        assertInScope(actor, c.departmentId, c.handlerId);
        if (c.referredTo) throw new AppError('LEGAL_SERVICE_CONSULTATION_REFERRED', { referredTo: c.referredTo });
        // The target module's own permission: a referral writes into its register.
        const permission = body.target === 'mediation' ? 'dispute.manage' : body.target === 'reconsideration' ? 'reconsideration.consultation.manage' : null;
        if (permission && !can(actor, permission)) throw new AppError('FORBIDDEN', { permission });
        const claim = await trx.updateTable('legalServiceConsultations').set({ referredTo: body.target, updatedAt: clock.nowIso() }).where('id', '=', id).where('referredTo', 'is', null).executeTakeFirst();
        if (Number(claim.numUpdatedRows) !== 1) throw new AppError('LEGAL_SERVICE_CONSULTATION_REFERRED');
        let referralId: string;
        let label: string;
        let link: string | null;
        if (body.target === 'mediation') {
          const intake = DisputeIntakeBody.parse({ source: 'walkIn', sourceRef: `12348 ${c.recordNo}`, receivedOn: today, matterType: body.matterType, summary: `【${c.recordNo} 咨询转人民调解】${c.summary}`.slice(0, 2000), address: body.address, parties: [{ name: body.partyName }] });
          const res = await deps.disputes().intakeWithin(trx, actor, intake, m);
          referralId = res.disputeId;
          label = `矛盾纠纷 ${res.code}${res.merged ? '（并入已登记纠纷）' : ''}`;
          link = `/disputes/${res.disputeId}`;
        } else if (body.target === 'reconsideration') {
          const recon = ReconConsultationBody.parse({ consultedOn: today, channel: c.channel === 'walkIn' ? 'onsite' : c.channel, ...(c.callerName ? { visitorName: c.callerName } : {}), ...(body.respondentName ? { respondentName: body.respondentName } : {}), matterType: body.matterType, summary: `【${c.recordNo} 12348 转行政复议咨询】${c.summary}`.slice(0, 2000), outcome: 'pending', note: `12348 解答：${c.answer}`.slice(0, 2000) });
          referralId = (await deps.reconConsultations().createWithin(trx, actor, recon, m)).id;
          label = `行政复议咨询接待（${today}）`;
          link = '/reconsideration/consultations';
        } else {
          const inst = await trx.selectFrom('legalServiceInstitutions').select(['id', 'name', 'kind', 'active']).where('id', '=', body.institutionId).executeTakeFirst();
          if (!inst || inst.kind !== 'notaryOffice' || !inst.active) throw new AppError('NOT_FOUND', { entity: INSTITUTION_KINDS.notaryOffice, id: body.institutionId });
          referralId = inst.id;
          label = `${inst.name}${body.note ? `：${body.note}` : ''}`;
          link = null;
        }
        await trx.updateTable('legalServiceConsultations').set({ referralId, referralLabel: label }).where('id', '=', id).execute();
        await record(trx, actor, meta, 'legalService.consultation.refer', 'legalServiceConsultation', id, null, { recordNo: c.recordNo, target: body.target, referralId, label });
        return { consultationId: id, target: body.target, referralId, referralLabel: label, link };
      });
    },
  };
}
