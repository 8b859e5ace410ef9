/**
 * 双随机、一公开 over the legal-service institutions (notary offices, judicial-appraisal institutions, law firms):
 * a random draw of targets from the register and of inspectors from the pool, with exclusions (inactive, inspected
 * within N days; inspectors recuse from institutions they declared a conflict with), from a recorded seed (draw.ts);
 * findings entered per target; publication freezes the draw, records its SM3 hash in the audit log (itself an SM3
 * chain, append-only) and shows it on the portal. `verify` re-runs the draw from its stored snapshot and seed and
 * compares the stored row with the hash the audit log holds: an alteration after publication shows.
 * Legal basis: 《优化营商环境条例》第五十四条 (law-rules.md §6.4).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type Draw, INSTITUTION_KINDS, type InstitutionKind } from '../../../common/contracts/legal-services';
import { formatDate, parseDate } from '../../../common/calendar';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/identity';
import { nextSeq } from './counters';
import { applyGradeCeiling } from './grade-ceiling';
import { DRAW_ALGORITHM, type DrawInspector, type DrawTarget, publishedHashOf, runDraw } from './draw';
import type { Meta } from './legal-aid.service';
import './tables';

type Trx = Transaction<Database>;
const OBJECT_TYPE = 'legalServiceDraw';
type Row = Database['legalServiceDraws'];

export interface InspectionsService {
  institutions(kind?: InstitutionKind): Promise<{ data: { id: string; code: string; name: string; kind: InstitutionKind; street: string; integrityGrade: string; lastInspectedOn: string | null; active: boolean }[]; total: number }>;
  inspectors(): Promise<{ data: { id: string; code: string; name: string; unit: string; conflictCodes: string[]; active: boolean }[]; total: number }>;
  create(actor: Actor, body: { title: string; targetKind: InstitutionKind; targetCount: number; inspectorsPerTarget: number; excludeRecentDays: number; seed?: string | undefined }, meta: Meta): Promise<Draw>;
  list(): Promise<{ data: Omit<Draw, 'selection' | 'excluded' | 'findings'>[]; total: number }>;
  get(id: string): Promise<Draw>;
  finding(actor: Actor, id: string, body: { targetId: string; outcome: 'compliant' | 'rectify' | 'referred'; finding: string; version: number }, meta: Meta): Promise<Draw>;
  publish(actor: Actor, id: string, body: { version: number }, meta: Meta): Promise<Draw>;
  verify(id: string): Promise<{ rerunMatches: boolean; storedHashMatches: boolean | null; auditHashMatches: boolean | null; auditChainValid: boolean; ok: boolean; text: string }>;
  published(): Promise<{ data: Omit<Draw, 'excluded' | 'version'>[] }>;
}

export function createInspectionsService(deps: { db: Db; clock: Clock; audit: AuditService }): InspectionsService {
  const { db, clock, audit } = deps;

  const view = (r: Row): Draw => ({
    id: r.id, drawNo: r.drawNo, title: r.title, targetKind: r.targetKind as InstitutionKind, targetCount: Number(r.targetCount), inspectorsPerTarget: Number(r.inspectorsPerTarget), excludeRecentDays: Number(r.excludeRecentDays), seed: r.seed, algorithm: r.algorithm, drawnOn: r.drawnOn,
    candidateCount: (JSON.parse(r.candidates) as unknown[]).length, excluded: JSON.parse(r.excluded), selection: JSON.parse(r.selection), findings: JSON.parse(r.findings), status: r.status as Draw['status'], publishedHash: r.publishedHash, publishedAt: r.publishedAt, version: Number(r.version),
  });

  async function load(q: Db | Trx, id: string) {
    const r = await q.selectFrom('legalServiceDraws').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'draw', id });
    return r;
  }

  const record = (trx: Trx, actor: Actor, meta: Meta, action: string, objectId: string, after: Record<string, unknown>) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType: OBJECT_TYPE, objectId, before: null, after }, trx);

  return {
    async institutions(kind) {
      let q = db.selectFrom('legalServiceInstitutions').selectAll().orderBy('code');
      if (kind) q = q.where('kind', '=', kind);
      const rows = await q.execute();
      return { total: rows.length, data: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind as InstitutionKind, street: r.street, integrityGrade: r.integrityGrade, lastInspectedOn: r.lastInspectedOn, active: !!r.active })) };
    },

    async inspectors() {
      const rows = await db.selectFrom('legalServiceInspectors').selectAll().orderBy('code').execute();
      return { total: rows.length, data: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, unit: r.unit, conflictCodes: JSON.parse(r.conflictCodes) as string[], active: !!r.active })) };
    },

    async create(actor, body, meta) {
      const today = clock.today();
      const since = formatDate(parseDate(today) - body.excludeRecentDays);
      const seed = body.seed ?? randomBytes(16).toString('hex');
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const all = await trx.selectFrom('legalServiceInstitutions').selectAll().where('kind', '=', body.targetKind).orderBy('code').execute();
        const excluded: { code: string; name: string; reason: string }[] = [];
        const candidates: DrawTarget[] = [];
        for (const i of all) {
          if (!i.active) excluded.push({ code: i.code, name: i.name, reason: '已注销或停业' });
          else if (body.excludeRecentDays > 0 && i.lastInspectedOn && i.lastInspectedOn > since) excluded.push({ code: i.code, name: i.name, reason: `${i.lastInspectedOn} 已接受检查（${body.excludeRecentDays} 日内不重复抽取）` });
          else candidates.push({ id: i.id, code: i.code, name: i.name });
        }
        const pool: DrawInspector[] = (await trx.selectFrom('legalServiceInspectors').selectAll().where('active', '=', 1).orderBy('code').execute()).map((p) => ({ id: p.id, code: p.code, name: p.name, conflictCodes: JSON.parse(p.conflictCodes) as string[] }));
        if (candidates.length === 0) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'targetKind', message: `没有可抽取的检查对象：该类别机构均已注销、停业${body.excludeRecentDays > 0 ? `或者在 ${body.excludeRecentDays} 日内已接受检查` : ''}` }] });
        const selection = runDraw(seed, candidates, pool, body.targetCount, body.inspectorsPerTarget);
        const short = selection.find((s) => s.inspectors.length < body.inspectorsPerTarget);
        if (short) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'inspectorsPerTarget', message: `回避后可抽取的执法人员不足 ${body.inspectorsPerTarget} 名：${short.targetName}，请减少每个对象的执法人员数` }] });
        const year = Number(today.slice(0, 4));
        const drawNo = `西司双随机〔${year}〕${await nextSeq(trx, 'draw', year)}号`;
        const now = clock.nowIso();
        await trx
          .insertInto('legalServiceDraws')
          .values({ id, drawNo, title: body.title, targetKind: body.targetKind, targetCount: body.targetCount, inspectorsPerTarget: body.inspectorsPerTarget, excludeRecentDays: body.excludeRecentDays, seed, algorithm: DRAW_ALGORITHM, drawnOn: today, candidates: JSON.stringify(candidates), inspectorPool: JSON.stringify(pool), excluded: JSON.stringify(excluded), selection: JSON.stringify(selection), findings: '{}', status: 'drawn', publishedHash: null, publishedAt: null, publishedBy: null, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1 })
          .execute();
        await record(trx, actor, meta, 'legalService.draw.create', id, { drawNo, seed, targetKind: INSTITUTION_KINDS[body.targetKind], candidates: candidates.length, excluded: excluded.length, selected: selection.map((s) => s.targetCode) });
      });
      return view(await load(db, id));
    },

    async list() {
      const rows = await db.selectFrom('legalServiceDraws').selectAll().orderBy('createdAt', 'desc').execute();
      return {
        total: rows.length,
        data: rows.map((r) => {
          const { selection: _s, excluded: _e, findings: _f, ...rest } = view(r);
          return rest;
        }),
      };
    },

    async get(id) {
      return view(await load(db, id));
    },

    async finding(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const r = await load(trx, id);
        if (r.status !== 'drawn') throw new AppError('LEGAL_SERVICE_DRAW_PUBLISHED');
        if (Number(r.version) !== body.version) throw new AppError('CONFLICT', { currentVersion: Number(r.version) });
        const sel = JSON.parse(r.selection) as { targetId: string }[];
        if (!sel.some((s) => s.targetId === body.targetId)) throw new AppError('NOT_FOUND', { entity: 'drawTarget', id: body.targetId });
        const findings = { ...(JSON.parse(r.findings) as Record<string, unknown>), [body.targetId]: { outcome: body.outcome, finding: body.finding } };
        const res = await trx.updateTable('legalServiceDraws').set({ findings: JSON.stringify(findings), updatedAt: clock.nowIso(), version: body.version + 1 }).where('id', '=', id).where('version', '=', body.version).where('status', '=', 'drawn').executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
        await record(trx, actor, meta, 'legalService.draw.finding', id, { targetId: body.targetId, outcome: body.outcome });
      });
      return view(await load(db, id));
    },

    async publish(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const r = await load(trx, id);
        if (r.status !== 'drawn') throw new AppError('LEGAL_SERVICE_DRAW_PUBLISHED');
        if (Number(r.version) !== body.version) throw new AppError('CONFLICT', { currentVersion: Number(r.version) });
        // what is published is the inspection results (《优化营商环境条例》第五十四条: 抽查事项及查处结果; 《北京市司法鉴定管理条例》
        // 第二十八条: 向社会公开检查结果), and publication freezes the draw: every target needs its finding first
        const findings = JSON.parse(r.findings) as Record<string, { outcome: string } | undefined>;
        const sel = JSON.parse(r.selection) as { targetId: string; targetName: string }[];
        const missing = sel.filter((x) => !findings[x.targetId]);
        if (missing.length) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'findings', message: `尚有 ${missing.length} 家检查对象未登记检查结果（${missing.map((x) => x.targetName).join('、')}），登记后才能公开` }] });
        const hash = publishedHashOf(r);
        const now = clock.nowIso();
        const res = await trx.updateTable('legalServiceDraws').set({ status: 'published', publishedHash: hash, publishedAt: now, publishedBy: actor.userId, updatedAt: now, version: body.version + 1 }).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
        await trx.updateTable('legalServiceInstitutions').set({ lastInspectedOn: r.drawnOn, updatedAt: now }).where('id', 'in', sel.map((s) => s.targetId)).execute();
        // published 责令整改 / 移送查处 findings bound the year's integrity grade (rules.ts gradeCeiling)
        for (const s of sel) if (findings[s.targetId] && findings[s.targetId]!.outcome !== 'compliant') await applyGradeCeiling(trx, { clock, audit }, actor, meta, s.targetId, Number(r.drawnOn.slice(0, 4)));
        await record(trx, actor, meta, 'legalService.draw.publish', id, { drawNo: r.drawNo, publishedHash: hash });
      });
      return view(await load(db, id));
    },

    async verify(id) {
      const r = await load(db, id);
      const rerun = runDraw(r.seed, JSON.parse(r.candidates) as DrawTarget[], JSON.parse(r.inspectorPool) as DrawInspector[], Number(r.targetCount), Number(r.inspectorsPerTarget));
      const rerunMatches = JSON.stringify(rerun) === JSON.stringify(JSON.parse(r.selection));
      const hash = publishedHashOf(r);
      let storedHashMatches: boolean | null = null;
      let auditHashMatches: boolean | null = null;
      if (r.status === 'published') {
        storedHashMatches = hash === r.publishedHash;
        const entry = await db.selectFrom('auditLog').select('diff').where('action', '=', 'legalService.draw.publish').where('objectId', '=', id).orderBy('seq', 'desc').executeTakeFirst();
        const logged = entry?.diff ? ((JSON.parse(entry.diff) as { after?: { publishedHash?: string } }).after?.publishedHash ?? null) : null;
        auditHashMatches = logged !== null && logged === hash;
      }
      const chain = await audit.verify();
      const ok = rerunMatches && storedHashMatches !== false && auditHashMatches !== false && chain.ok;
      const text = ok
        ? `以记录的种子重新抽取，结果与登记的一致${r.status === 'published' ? '；公开内容的 SM3 摘要与审计日志中公开时记录的摘要一致' : ''}；审计日志哈希链完整。`
        : [!rerunMatches && '以记录的种子重新抽取的结果与登记的抽取结果不一致', storedHashMatches === false && '登记内容与公开时计算的摘要不一致', auditHashMatches === false && '登记内容与审计日志中公开时记录的摘要不一致（公开后被改动）', !chain.ok && '审计日志哈希链校验未通过'].filter(Boolean).join('；') + '。';
      return { rerunMatches, storedHashMatches, auditHashMatches, auditChainValid: chain.ok, ok, text };
    },

    async published() {
      const rows = await db.selectFrom('legalServiceDraws').selectAll().where('status', '=', 'published').orderBy('publishedAt', 'desc').execute();
      return {
        data: rows.map((r) => {
          const { excluded: _e, version: _v, ...rest } = view(r);
          return rest;
        }),
      };
    },
  };
}
