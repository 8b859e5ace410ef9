/**
 * Enterprise legal services (the bureau's named weakness: services not matched to the leading industries, to small
 * and innovative firms): service requests from firms identified by their 统一社会信用代码 (GB 32100-2015 check
 * character verified), assignment to a lawyer of the register or a service team, response and closure with the
 * firm's satisfaction; 法治体检 (legal check-ups) with findings, risk level and follow-up to rectification and closure;
 * targeted campaign records; statistics by firm type and industry.
 *
 * Data scope: rows carry the registering user's department and handler; lists apply scopeWhere, single rows
 * assertInScope. Every write and its audit entry are one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  CAMPAIGN_GROUPS, type Campaign, type Checkup, type EnterpriseRequest, type EnterpriseStats, FIRM_TYPES, INDUSTRIES, ENTERPRISE_TOPICS, type RiskLevel,
} from '../../../common/contracts/legal-services-enterprise';
import type { z } from 'zod';
import type { CampaignCreateBody, CheckupCreateBody, CheckupFindingBody, CheckupFollowUpBody, EnterpriseRequestCreateBody, EnterpriseRequestListQuery, CheckupListQuery } from '../../../common/contracts/legal-services-enterprise';
import { AppError } from '../../../common/errors';
import { CHECKUP_AREAS, RISK_LEVELS } from '../../../common/contracts/legal-services-enterprise';
import { buildOfficialDocx, officialDate } from '../../platform/documents';
import { isValidCreditCode, normalizeCreditCode } from '../../../common/validators';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { type Actor, assertInScope, scopeWhere } from '../../platform/identity';
import { nextSeq } from './counters';
import type { Meta } from './legal-aid.service';
import './tables';

type Trx = Transaction<Database>;
type ReqRow = Database['legalServiceEnterpriseRequests'];
type CheckupRow = Database['legalServiceCheckups'];
type FindingRow = Database['legalServiceCheckupFindings'];
const RISK_ORDER: RiskLevel[] = ['high', 'medium', 'low'];

export function checkCreditCode(code: string, field = 'creditCode'): string {
  const c = normalizeCreditCode(code);
  if (!isValidCreditCode(c)) throw new AppError('LEGAL_SERVICE_CREDIT_CODE_INVALID', { field });
  return c;
}

export interface EnterpriseService {
  createRequest(actor: Actor, body: z.infer<typeof EnterpriseRequestCreateBody>, meta: Meta): Promise<EnterpriseRequest>;
  listRequests(actor: Actor, q: z.infer<typeof EnterpriseRequestListQuery>): Promise<{ data: EnterpriseRequest[]; total: number }>;
  getRequest(actor: Actor, id: string): Promise<EnterpriseRequest>;
  assign(actor: Actor, id: string, body: { lawyerId: string | null; teamName: string | null; version: number }, meta: Meta): Promise<EnterpriseRequest>;
  respond(actor: Actor, id: string, body: { response: string; version: number }, meta: Meta): Promise<EnterpriseRequest>;
  close(actor: Actor, id: string, body: { satisfaction: 'satisfied' | 'basic' | 'unsatisfied'; note: string; version: number }, meta: Meta): Promise<EnterpriseRequest>;
  createCheckup(actor: Actor, body: z.infer<typeof CheckupCreateBody>, meta: Meta): Promise<Checkup>;
  listCheckups(actor: Actor, q: z.infer<typeof CheckupListQuery>): Promise<{ data: Omit<Checkup, 'findings'>[]; total: number }>;
  getCheckup(actor: Actor, id: string): Promise<Checkup>;
  addFinding(actor: Actor, id: string, body: z.infer<typeof CheckupFindingBody>, meta: Meta): Promise<Checkup>;
  followUp(actor: Actor, id: string, body: z.infer<typeof CheckupFollowUpBody>, meta: Meta): Promise<Checkup>;
  closeCheckup(actor: Actor, id: string, body: { summary: string; version: number }, meta: Meta): Promise<Checkup>;
  createCampaign(actor: Actor, body: z.infer<typeof CampaignCreateBody>, meta: Meta): Promise<Campaign>;
  listCampaigns(actor: Actor, q: { from?: string | undefined; to?: string | undefined }): Promise<{ data: Campaign[]; total: number }>;
  stats(actor: Actor, q: { from: string; to: string }): Promise<EnterpriseStats>;
  /** 法治体检报告 as an official .docx (GB/T 9704 layout through platform/documents). */
  checkupReport(actor: Actor, id: string): Promise<{ fileName: string; docx: Buffer }>;
}

export function createEnterpriseService(deps: { db: Db; clock: Clock; audit: AuditService; organName?: string }): EnterpriseService {
  const { db, clock, audit } = deps;

  const record = (trx: Trx, actor: Actor, meta: Meta, action: string, objectType: string, objectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType, objectId, before, after }, trx);

  const dateCheck = (field: string, on: string, notBefore?: string | null) => {
    if (on > clock.today() || (notBefore && on < notBefore)) throw new AppError('LEGAL_SERVICE_DATE_INVALID', { field, date: on });
  };

  // ------------------------------------------------------------------ requests
  async function loadRequest(q: Db | Trx, actor: Actor, id: string): Promise<ReqRow> {
    const r = await q.selectFrom('legalServiceEnterpriseRequests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'enterpriseRequest', id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }

  async function requestViews(rows: ReqRow[]): Promise<EnterpriseRequest[]> {
    if (!rows.length) return [];
    const lawyerIds = [...new Set(rows.flatMap((r) => (r.lawyerId ? [r.lawyerId] : [])))];
    const lawyers = lawyerIds.length ? new Map((await db.selectFrom('legalAidLawyers').select(['id', 'name', 'firmName']).where('id', 'in', lawyerIds).execute()).map((l) => [l.id, `${l.name}（${l.firmName}）`])) : new Map<string, string>();
    const handlers = new Map((await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', [...new Set(rows.map((r) => r.handlerId))]).execute()).map((u) => [u.id, u.displayName]));
    const checkups = await db.selectFrom('legalServiceCheckups').select(['id', 'requestId']).where('requestId', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({
      id: r.id, requestNo: r.requestNo, firmName: r.firmName, creditCode: r.creditCode, firmType: r.firmType as EnterpriseRequest['firmType'], industry: r.industry as EnterpriseRequest['industry'], street: r.street, contactName: r.contactName,
      topic: r.topic as EnterpriseRequest['topic'], description: r.description, receivedOn: r.receivedOn, status: r.status as EnterpriseRequest['status'], lawyerId: r.lawyerId, lawyerName: r.lawyerId ? (lawyers.get(r.lawyerId) ?? null) : null, teamName: r.teamName,
      assignedOn: r.assignedOn, response: r.response, respondedOn: r.respondedOn, closedOn: r.closedOn, satisfaction: (r.satisfaction as EnterpriseRequest['satisfaction']) ?? null, closureNote: r.closureNote, campaignId: r.campaignId,
      handlerName: handlers.get(r.handlerId) ?? null, checkupIds: checkups.filter((c) => c.requestId === r.id).map((c) => c.id), version: Number(r.version),
    }));
  }
  const requestView = async (r: ReqRow) => (await requestViews([r]))[0]!;

  async function bumpRequest(trx: Trx, row: ReqRow, version: number, from: string[], set: Partial<ReqRow>) {
    if (!from.includes(row.status)) throw new AppError('LEGAL_SERVICE_TRANSITION_NOT_ALLOWED', { status: row.status });
    if (Number(row.version) !== version) throw new AppError('CONFLICT', { currentVersion: Number(row.version) });
    const res = await trx.updateTable('legalServiceEnterpriseRequests').set({ ...set, updatedAt: clock.nowIso(), version: version + 1 }).where('id', '=', row.id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
  }

  // ------------------------------------------------------------------ check-ups
  async function loadCheckup(q: Db | Trx, actor: Actor, id: string): Promise<CheckupRow> {
    const r = await q.selectFrom('legalServiceCheckups').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'checkup', id });
    assertInScope(actor, r.departmentId, r.handlerId);
    return r;
  }
  const highest = (fs: { riskLevel: string; status: string }[]): RiskLevel | null => RISK_ORDER.find((l) => fs.some((f) => f.status === 'open' && f.riskLevel === l)) ?? null;

  async function checkupView(r: CheckupRow): Promise<Checkup> {
    const fs = await db.selectFrom('legalServiceCheckupFindings').selectAll().where('checkupId', '=', r.id).orderBy('seq').execute();
    const reqNo = r.requestId ? ((await db.selectFrom('legalServiceEnterpriseRequests').select('requestNo').where('id', '=', r.requestId).executeTakeFirst())?.requestNo ?? null) : null;
    const today = clock.today();
    const findings = fs.map((f: FindingRow) => ({
      id: f.id, seq: Number(f.seq), area: f.area as Checkup['findings'][number]['area'], riskLevel: f.riskLevel as RiskLevel, description: f.description, recommendation: f.recommendation, rectifyBy: f.rectifyBy, status: f.status as 'open' | 'rectified', rectifiedOn: f.rectifiedOn,
      followUps: JSON.parse(f.followUps) as Checkup['findings'][number]['followUps'], overdue: f.status === 'open' && !!f.rectifyBy && f.rectifyBy < today,
    }));
    return { ...summaryOf(r, fs, reqNo), findings };
  }
  function summaryOf(r: CheckupRow, fs: { riskLevel: string; status: string }[], requestNo: string | null): Omit<Checkup, 'findings'> {
    return {
      id: r.id, checkupNo: r.checkupNo, requestId: r.requestId, requestNo, firmName: r.firmName, creditCode: r.creditCode, firmType: r.firmType as Checkup['firmType'], industry: r.industry as Checkup['industry'], street: r.street, conductedOn: r.conductedOn, team: r.team, scope: r.scope,
      riskLevel: highest(fs), status: r.status as 'open' | 'closed', closedOn: r.closedOn, summary: r.summary, openFindings: fs.filter((f) => f.status === 'open').length, version: Number(r.version),
    };
  }
  async function bumpCheckup(trx: Trx, row: CheckupRow, version: number, set: Partial<CheckupRow> = {}) {
    if (row.status !== 'open') throw new AppError('LEGAL_SERVICE_TRANSITION_NOT_ALLOWED', { status: row.status });
    if (Number(row.version) !== version) throw new AppError('CONFLICT', { currentVersion: Number(row.version) });
    const res = await trx.updateTable('legalServiceCheckups').set({ ...set, updatedAt: clock.nowIso(), version: version + 1 }).where('id', '=', row.id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
  }

  const campaignView = (r: Database['legalServiceCampaigns'], requests: number, handlerName: string | null): Campaign => ({
    id: r.id, campaignNo: r.campaignNo, title: r.title, targetGroup: r.targetGroup as Campaign['targetGroup'], startedOn: r.startedOn, endedOn: r.endedOn, street: r.street, venue: r.venue, partners: r.partners,
    activities: Number(r.activities), participants: Number(r.participants), consultations: Number(r.consultations), materials: Number(r.materials), summary: r.summary, requests, handlerName,
  });

  return {
    async createRequest(actor, body, meta) {
      const creditCode = checkCreditCode(body.creditCode);
      const receivedOn = body.receivedOn ?? clock.today();
      dateCheck('receivedOn', receivedOn);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        if (body.campaignId) {
          const c = await trx.selectFrom('legalServiceCampaigns').select(['id', 'departmentId', 'handlerId']).where('id', '=', body.campaignId).executeTakeFirst();
          if (!c) throw new AppError('NOT_FOUND', { entity: 'campaign', id: body.campaignId });
          assertInScope(actor, c.departmentId, c.handlerId);
        }
        const year = Number(receivedOn.slice(0, 4));
        const requestNo = `西企服〔${year}〕${await nextSeq(trx, 'enterpriseRequest', year)}号`;
        const now = clock.nowIso();
        await trx
          .insertInto('legalServiceEnterpriseRequests')
          .values({ id, requestNo, departmentId: actor.departmentId, handlerId: actor.userId, firmName: body.firmName, creditCode, firmType: body.firmType, industry: body.industry, street: body.street, contactName: body.contactName, topic: body.topic, description: body.description, receivedOn, status: 'received', lawyerId: null, teamName: null, assignedOn: null, response: null, respondedOn: null, closedOn: null, satisfaction: null, closureNote: null, campaignId: body.campaignId, createdAt: now, updatedAt: now, version: 1 })
          .execute();
        await record(trx, actor, meta, 'legalService.enterprise.request.create', 'enterpriseRequest', id, null, { requestNo, creditCode, firmType: body.firmType, industry: body.industry, topic: body.topic, receivedOn });
      });
      return requestView(await loadRequest(db, actor, id));
    },

    async listRequests(actor, q) {
      let base = db.selectFrom('legalServiceEnterpriseRequests as r').where((eb) => scopeWhere(eb, actor, 'r.departmentId', 'r.handlerId'));
      if (q.status) base = base.where('r.status', '=', q.status);
      if (q.firmType) base = base.where('r.firmType', '=', q.firmType);
      if (q.industry) base = base.where('r.industry', '=', q.industry);
      if (q.q) base = base.where((eb) => eb.or([eb('r.firmName', 'like', `%${q.q}%`), eb('r.requestNo', 'like', `%${q.q}%`), eb('r.creditCode', '=', q.q!.toUpperCase())]));
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll('r').orderBy('r.receivedOn', 'desc').orderBy('r.requestNo', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { total: Number(total), data: await requestViews(rows) };
    },

    async getRequest(actor, id) {
      return requestView(await loadRequest(db, actor, id));
    },

    async assign(actor, id, body, meta) {
      if (!body.lawyerId && !body.teamName) throw new AppError('LEGAL_SERVICE_ASSIGNEE_MISSING');
      await db.transaction().execute(async (trx) => {
        const row = await loadRequest(trx, actor, id);
        if (body.lawyerId) {
          const l = await trx.selectFrom('legalAidLawyers').select(['id', 'active']).where('id', '=', body.lawyerId).executeTakeFirst();
          if (!l || !l.active) throw new AppError('NOT_FOUND', { entity: 'lawyer', id: body.lawyerId });
        }
        const today = clock.today();
        await bumpRequest(trx, row, body.version, ['received', 'assigned'], { status: 'assigned', lawyerId: body.lawyerId, teamName: body.teamName, assignedOn: today });
        await record(trx, actor, meta, 'legalService.enterprise.request.assign', 'enterpriseRequest', id, { status: row.status, lawyerId: row.lawyerId, teamName: row.teamName }, { status: 'assigned', lawyerId: body.lawyerId, teamName: body.teamName, assignedOn: today });
      });
      return requestView(await loadRequest(db, actor, id));
    },

    async respond(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await loadRequest(trx, actor, id);
        const today = clock.today();
        await bumpRequest(trx, row, body.version, ['assigned'], { status: 'responded', response: body.response, respondedOn: today });
        await record(trx, actor, meta, 'legalService.enterprise.request.respond', 'enterpriseRequest', id, { status: row.status }, { status: 'responded', respondedOn: today });
      });
      return requestView(await loadRequest(db, actor, id));
    },

    async close(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await loadRequest(trx, actor, id);
        const open = await trx.selectFrom('legalServiceCheckups').select('checkupNo').where('requestId', '=', id).where('status', '=', 'open').execute();
        if (open.length) throw new AppError('LEGAL_SERVICE_FINDINGS_OPEN', { checkups: open.map((c) => c.checkupNo) });
        const today = clock.today();
        await bumpRequest(trx, row, body.version, ['responded'], { status: 'closed', closedOn: today, satisfaction: body.satisfaction, closureNote: body.note || null });
        await record(trx, actor, meta, 'legalService.enterprise.request.close', 'enterpriseRequest', id, { status: row.status }, { status: 'closed', closedOn: today, satisfaction: body.satisfaction });
      });
      return requestView(await loadRequest(db, actor, id));
    },

    async createCheckup(actor, body, meta) {
      const conductedOn = body.conductedOn ?? clock.today();
      dateCheck('conductedOn', conductedOn);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        let firm: { firmName: string; creditCode: string; firmType: string; industry: string; street: string };
        if (body.requestId) {
          const req = await loadRequest(trx, actor, body.requestId);
          if (req.status === 'closed') throw new AppError('LEGAL_SERVICE_TRANSITION_NOT_ALLOWED', { status: req.status });
          dateCheck('conductedOn', conductedOn, req.receivedOn);
          firm = { firmName: req.firmName, creditCode: req.creditCode, firmType: req.firmType, industry: req.industry, street: req.street };
        } else {
          if (!body.firmName || !body.creditCode || !body.firmType || !body.industry || !body.street) throw new AppError('VALIDATION_FAILED', { reason: '未关联服务需求的法治体检须填写企业名称、统一社会信用代码、企业类型、行业和街道' });
          firm = { firmName: body.firmName, creditCode: checkCreditCode(body.creditCode), firmType: body.firmType, industry: body.industry, street: body.street };
        }
        const year = Number(conductedOn.slice(0, 4));
        const checkupNo = `西法检〔${year}〕${await nextSeq(trx, 'checkup', year)}号`;
        const now = clock.nowIso();
        await trx.insertInto('legalServiceCheckups').values({ id, checkupNo, departmentId: actor.departmentId, handlerId: actor.userId, requestId: body.requestId, ...firm, conductedOn, team: body.team, scope: body.scope, status: 'open', closedOn: null, summary: null, createdAt: now, updatedAt: now, version: 1 }).execute();
        await record(trx, actor, meta, 'legalService.checkup.create', 'checkup', id, null, { checkupNo, requestId: body.requestId, creditCode: firm.creditCode, conductedOn });
      });
      return checkupView(await loadCheckup(db, actor, id));
    },

    async listCheckups(actor, q) {
      let base = db.selectFrom('legalServiceCheckups as c').where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'));
      if (q.status) base = base.where('c.status', '=', q.status);
      if (q.q) base = base.where((eb) => eb.or([eb('c.firmName', 'like', `%${q.q}%`), eb('c.checkupNo', 'like', `%${q.q}%`)]));
      const rows = await base.selectAll('c').orderBy('c.conductedOn', 'desc').orderBy('c.checkupNo', 'desc').execute();
      const fs = rows.length ? await db.selectFrom('legalServiceCheckupFindings').select(['checkupId', 'riskLevel', 'status']).where('checkupId', 'in', rows.map((r) => r.id)).execute() : [];
      const reqNos = new Map((rows.some((r) => r.requestId) ? await db.selectFrom('legalServiceEnterpriseRequests').select(['id', 'requestNo']).where('id', 'in', rows.flatMap((r) => (r.requestId ? [r.requestId] : []))).execute() : []).map((x) => [x.id, x.requestNo]));
      let data = rows.map((r) => summaryOf(r, fs.filter((f) => f.checkupId === r.id), r.requestId ? (reqNos.get(r.requestId) ?? null) : null));
      if (q.riskLevel) data = data.filter((d) => d.riskLevel === q.riskLevel);
      return { total: data.length, data: data.slice((q.page - 1) * q.pageSize, q.page * q.pageSize) };
    },

    async getCheckup(actor, id) {
      return checkupView(await loadCheckup(db, actor, id));
    },

    async addFinding(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await loadCheckup(trx, actor, id);
        if (body.rectifyBy && body.rectifyBy < row.conductedOn) throw new AppError('LEGAL_SERVICE_DATE_INVALID', { field: 'rectifyBy' });
        await bumpCheckup(trx, row, body.version);
        const last = await trx.selectFrom('legalServiceCheckupFindings').select((eb) => eb.fn.max('seq').as('m')).where('checkupId', '=', id).executeTakeFirst();
        const fid = randomUUID();
        const seq = Number(last?.m ?? 0) + 1;
        await trx.insertInto('legalServiceCheckupFindings').values({ id: fid, checkupId: id, seq, area: body.area, riskLevel: body.riskLevel, description: body.description, recommendation: body.recommendation, rectifyBy: body.rectifyBy, status: 'open', rectifiedOn: null, followUps: '[]', createdAt: clock.nowIso() }).execute();
        await record(trx, actor, meta, 'legalService.checkup.finding', 'checkup', id, null, { findingId: fid, seq, area: body.area, riskLevel: body.riskLevel });
      });
      return checkupView(await loadCheckup(db, actor, id));
    },

    async followUp(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await loadCheckup(trx, actor, id);
        const f = await trx.selectFrom('legalServiceCheckupFindings').selectAll().where('id', '=', body.findingId).where('checkupId', '=', id).executeTakeFirst();
        if (!f) throw new AppError('NOT_FOUND', { entity: 'checkupFinding', id: body.findingId });
        if (f.status !== 'open') throw new AppError('LEGAL_SERVICE_TRANSITION_NOT_ALLOWED', { status: f.status });
        await bumpCheckup(trx, row, body.version);
        const today = clock.today();
        const followUps = [...(JSON.parse(f.followUps) as unknown[]), { on: today, note: body.note, by: actor.displayName, rectified: body.rectified }];
        await trx.updateTable('legalServiceCheckupFindings').set({ followUps: JSON.stringify(followUps), ...(body.rectified ? { status: 'rectified', rectifiedOn: today } : {}) }).where('id', '=', f.id).execute();
        await record(trx, actor, meta, 'legalService.checkup.followUp', 'checkup', id, { findingId: f.id, status: f.status }, { findingId: f.id, status: body.rectified ? 'rectified' : 'open' });
      });
      return checkupView(await loadCheckup(db, actor, id));
    },

    async closeCheckup(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const row = await loadCheckup(trx, actor, id);
        const open = await trx.selectFrom('legalServiceCheckupFindings').select('seq').where('checkupId', '=', id).where('status', '=', 'open').execute();
        if (open.length) throw new AppError('LEGAL_SERVICE_FINDINGS_OPEN', { findings: open.map((f) => Number(f.seq)) });
        const today = clock.today();
        await bumpCheckup(trx, row, body.version, { status: 'closed', closedOn: today, summary: body.summary });
        await record(trx, actor, meta, 'legalService.checkup.close', 'checkup', id, { status: 'open' }, { status: 'closed', closedOn: today });
      });
      return checkupView(await loadCheckup(db, actor, id));
    },

    async createCampaign(actor, body, meta) {
      dateCheck('startedOn', body.startedOn);
      if (body.endedOn) dateCheck('endedOn', body.endedOn, body.startedOn);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const year = Number(body.startedOn.slice(0, 4));
        const campaignNo = `西普法专项〔${year}〕${await nextSeq(trx, 'campaign', year)}号`;
        await trx.insertInto('legalServiceCampaigns').values({ id, campaignNo, departmentId: actor.departmentId, handlerId: actor.userId, ...body, createdAt: clock.nowIso() }).execute();
        await record(trx, actor, meta, 'legalService.campaign.create', 'campaign', id, null, { campaignNo, targetGroup: body.targetGroup, participants: body.participants });
      });
      return (await this.listCampaigns(actor, {})).data.find((c) => c.id === id)!;
    },

    async listCampaigns(actor, q) {
      let base = db.selectFrom('legalServiceCampaigns as c').leftJoin('users as u', 'u.id', 'c.handlerId').where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'));
      if (q.from) base = base.where('c.startedOn', '>=', q.from);
      if (q.to) base = base.where('c.startedOn', '<=', q.to);
      const rows = await base.selectAll('c').select('u.displayName as handlerName').orderBy('c.startedOn', 'desc').orderBy('c.campaignNo', 'desc').execute();
      const counts = rows.length ? await db.selectFrom('legalServiceEnterpriseRequests').select(['campaignId', (eb) => eb.fn.countAll<number>().as('n')]).where('campaignId', 'in', rows.map((r) => r.id)).groupBy('campaignId').execute() : [];
      const byId = new Map(counts.map((c) => [c.campaignId, Number(c.n)]));
      return { total: rows.length, data: rows.map((r) => campaignView(r, byId.get(r.id) ?? 0, r.handlerName ?? null)) };
    },

    async checkupReport(actor, id) {
      const c = await checkupView(await loadCheckup(db, actor, id));
      const cn = '一二三四五六七八九十';
      const num = (i: number) => (i < 10 ? cn[i]! : `${i + 1}`);
      const paragraphs = [
        `一、企业基本情况。${c.firmName}（统一社会信用代码 ${c.creditCode}），${FIRM_TYPES[c.firmType]}，${INDUSTRIES[c.industry]}，位于${c.street}街道。`,
        `二、体检范围。${officialDate(c.conductedOn)}，${c.team}对企业开展法治体检，范围：${c.scope}。`,
        `三、发现的问题及整改建议。共发现问题 ${c.findings.length} 项${c.findings.length ? `，其中高风险 ${c.findings.filter((f) => f.riskLevel === 'high').length} 项` : ''}。`,
        ...c.findings.map((f, i) => `（${num(i)}）${CHECKUP_AREAS[f.area]}（${RISK_LEVELS[f.riskLevel]}）。${f.description}。整改建议：${f.recommendation}${f.rectifyBy ? `；约定整改期限：${officialDate(f.rectifyBy)}` : ''}。`),
        `四、整改跟踪情况。${c.findings.length ? c.findings.map((f) => `问题 ${f.seq}：${f.status === 'rectified' ? `已于${f.rectifiedOn ? officialDate(f.rectifiedOn) : ''}整改完成` : '整改中'}${f.followUps.length ? `（跟踪 ${f.followUps.length} 次，最近：${officialDate(f.followUps.at(-1)!.on)}，${f.followUps.at(-1)!.note}）` : ''}`).join('；') : '无'}。`,
        `五、体检结论。${c.status === 'closed' ? (c.summary ?? '') : `体检进行中，尚有 ${c.openFindings} 项问题未整改。`}`,
        '本报告仅供企业依法经营参考，不代替有关部门的行政决定。',
      ];
      // the issuing organ: the configured name, else the root of the department tree (the bureau itself)
      const organ = deps.organName ?? (await db.selectFrom('departments').select('name').where('parentId', 'is', null).orderBy('sort').executeTakeFirst())?.name ?? '区司法局';
      const docx = await buildOfficialDocx({ organ, title: `${c.firmName}法治体检报告`, docNo: c.checkupNo, addressee: c.firmName, paragraphs, signature: { organ, date: c.closedOn ?? clock.today() }, structure: true, ...(c.status === 'closed' ? {} : { headerNote: '体检进行中' }) });
      return { fileName: `法治体检报告_${c.checkupNo}.docx`, docx };
    },

    async stats(actor, q) {
      const reqs = await db.selectFrom('legalServiceEnterpriseRequests as r').select(['r.firmType', 'r.industry', 'r.topic', 'r.status', 'r.satisfaction']).where((eb) => scopeWhere(eb, actor, 'r.departmentId', 'r.handlerId')).where('r.receivedOn', '>=', q.from).where('r.receivedOn', '<=', q.to).execute();
      const cks = await db.selectFrom('legalServiceCheckups as c').select(['c.id', 'c.firmType', 'c.industry']).where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId')).where('c.conductedOn', '>=', q.from).where('c.conductedOn', '<=', q.to).execute();
      const fs = cks.length ? await db.selectFrom('legalServiceCheckupFindings').select(['checkupId', 'riskLevel', 'status']).where('checkupId', 'in', cks.map((c) => c.id)).execute() : [];
      const camps = await db.selectFrom('legalServiceCampaigns as c').select(['c.targetGroup', 'c.participants', 'c.consultations']).where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId')).where('c.startedOn', '>=', q.from).where('c.startedOn', '<=', q.to).execute();
      const by = (labels: Record<string, string>, field: 'firmType' | 'industry') =>
        Object.entries(labels).map(([key, label]) => {
          const ck = cks.filter((c) => c[field] === key);
          const f = fs.filter((x) => ck.some((c) => c.id === x.checkupId));
          return { key, label, requests: reqs.filter((r) => r[field] === key).length, closed: reqs.filter((r) => r[field] === key && r.status === 'closed').length, checkups: ck.length, findings: f.length, highRisk: f.filter((x) => x.riskLevel === 'high').length, openFindings: f.filter((x) => x.status === 'open').length };
        });
      const surveyed = reqs.filter((r) => r.satisfaction);
      return {
        from: q.from, to: q.to, requests: reqs.length, closed: reqs.filter((r) => r.status === 'closed').length, surveyed: surveyed.length, satisfied: surveyed.filter((r) => r.satisfaction !== 'unsatisfied').length,
        byFirmType: by(FIRM_TYPES, 'firmType'), byIndustry: by(INDUSTRIES, 'industry'),
        byTopic: Object.entries(ENTERPRISE_TOPICS).map(([key, label]) => ({ key, label, count: reqs.filter((r) => r.topic === key).length })),
        campaigns: Object.entries(CAMPAIGN_GROUPS).map(([key, label]) => { const c = camps.filter((x) => x.targetGroup === key); return { key, label, campaigns: c.length, participants: c.reduce((a, x) => a + Number(x.participants), 0), consultations: c.reduce((a, x) => a + Number(x.consultations), 0) }; }),
      };
    },
  };
}
