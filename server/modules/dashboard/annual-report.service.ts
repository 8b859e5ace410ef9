/**
 * 法治政府建设年度报告 (anchors.md §2.7, feature 8 of §5): a draft of the four parts for a year, generated from the
 * modules' statistics (figures.ts) with every figure stored with the query that produced it; paragraphs carry the
 * figures as tokens `{reconsideration.received}`, filled in when shown and exported, so an edited paragraph keeps
 * its link to the data. Every save is a version; workflow 起草 → 审核 → 签发 → 报送 → 公开 with the filing and
 * publication dates tracked against configurable (UNVERIFIED) due dates. Export: .docx (GB/T 9704 via
 * platform/documents) and PDF (LibreOffice). Every change and its audit entry are written in one transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  ANNUAL_REPORT_DUE_NOTE,
  ANNUAL_REPORT_PARTS,
  ANNUAL_REPORT_STATUS_LABELS,
  type AnnualReportDetail,
  AnnualReportSettings,
  type AnnualReportStatus,
  type AnnualReportSummary,
  DEFAULT_ANNUAL_REPORT_SETTINGS,
  type Figure,
  type ReportFigure,
  type ReportPart,
} from '../../../common/contracts/dashboard';
import { AppError } from '../../../common/errors';
import { type Database, type Db, uuidV7 } from '../../db';
import type { AuditService } from '../../platform/audit';
import { type Clock, beijingDate } from '../../platform/clock';
import { buildOfficialDocx, convertToPdf } from '../../platform/documents';
import type { Actor } from '../../platform/identity';
import type { DashboardService } from './dashboard.service';
import { figureText } from './figures';
import { draftParts, restampParts } from './report-draft';
import type { Transaction } from 'kysely';
import './tables';

type Trx = Transaction<Database>;
export interface Meta {
  ip?: string | undefined;
  requestId?: string | undefined;
}
/** The lists of part 3 (topics of the leaders' study sessions, who reported on their duty) from the work records. */
export interface RuleOfLawLists {
  yearSummary(actor: Actor, q: { year: number }): Promise<{ leadershipStudySessions: { list: { topic: string }[] }; lawReportings: { list: { reporterName: string; position: string }[] } }>;
}

const STEP_LABELS: Record<string, string> = { create: '生成初稿', save: '保存', refresh: '刷新数据', submit: '提交审核', return: '退回修改', approve: '审核签发', file: '登记报送', publish: '登记公开' };
const TOKEN = /\{([a-zA-Z][\w.]*)\}/g;

export interface AnnualReportService {
  list(actor: Actor): Promise<{ data: AnnualReportSummary[] }>;
  create(actor: Actor, year: number, meta: Meta): Promise<AnnualReportDetail>;
  get(actor: Actor, id: string, versionNo?: number): Promise<AnnualReportDetail>;
  save(actor: Actor, id: string, body: { parts: ReportPart[]; note: string; version: number }, meta: Meta): Promise<AnnualReportDetail>;
  refresh(actor: Actor, id: string, version: number, meta: Meta): Promise<AnnualReportDetail>;
  step(actor: Actor, id: string, action: 'submit' | 'return' | 'approve' | 'file' | 'publish', body: { note: string; on?: string | undefined; secrecyReviewed?: boolean | undefined; version: number }, meta: Meta): Promise<AnnualReportDetail>;
  docx(actor: Actor, id: string, versionNo?: number): Promise<{ buffer: Buffer; name: string }>;
  pdf(actor: Actor, id: string, versionNo?: number): Promise<{ buffer: Buffer; name: string }>;
  settings(): Promise<AnnualReportSettings>;
  updateSettings(actor: Actor, next: AnnualReportSettings, meta: Meta): Promise<AnnualReportSettings>;
}

export function createAnnualReportService(deps: { db: Db; clock: Clock; audit: AuditService; dashboard: DashboardService; soffice: string; ruleOfLaw?: RuleOfLawLists | undefined }): AnnualReportService {
  const { db, clock, audit, dashboard } = deps;

  /** The reporting organ: the root department (区司法局). */
  const organ = async () => (await db.selectFrom('departments').select('name').where('parentId', 'is', null).orderBy('sort').executeTakeFirst())?.name ?? '区司法局';

  const record = (trx: Trx, actor: Actor, meta: Meta, action: string, objectId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action, objectType: 'annualReport', objectId, before, after }, trx);

  /** The report is district-wide: only a viewer whose data scope covers the whole district reads or drafts it. */
  function assertDistrictScope(actor: Actor) {
    if (actor.dataScope !== 'all' || actor.scopeDepartmentIds !== null) throw new AppError('ANNUAL_REPORT_SCOPE_REQUIRED');
  }

  async function settings(): Promise<AnnualReportSettings> {
    const rows = await db.selectFrom('annualReportSettings').select(['key', 'value']).execute();
    const out: Record<string, unknown> = { ...DEFAULT_ANNUAL_REPORT_SETTINGS };
    for (const r of rows) if (r.key in DEFAULT_ANNUAL_REPORT_SETTINGS) out[r.key] = JSON.parse(r.value);
    return AnnualReportSettings.parse(out);
  }

  function toReportFigures(figs: Figure[]): ReportFigure[] {
    return figs.map((f) => ({ key: f.key, label: f.label, moduleLabel: f.moduleLabel, unit: f.unit, value: f.available ? f.value : null, text: f.available ? figureText(f.unit, f.value) : '—', query: f.query, drill: f.drill }));
  }

  async function gather(actor: Actor, year: number): Promise<{ figures: ReportFigure[]; lists: Awaited<ReturnType<RuleOfLawLists['yearSummary']>> | null; period: { from: string; to: string } }> {
    const { current } = dashboard.periodOf(year);
    const figures = toReportFigures(await dashboard.figuresFor(actor, current));
    const lists = deps.ruleOfLaw && actor.permissions.has('ruleOfLaw.read') ? await deps.ruleOfLaw.yearSummary(actor, { year }) : null;
    return { figures, lists, period: current };
  }

  function checkTokens(parts: ReportPart[], figs: ReportFigure[]) {
    const known = new Set(figs.map((f) => f.key));
    const unknown = new Set<string>();
    for (const p of parts) for (const para of p.paragraphs) for (const m of para.matchAll(TOKEN)) if (!known.has(m[1]!)) unknown.add(m[1]!);
    if (unknown.size) throw new AppError('ANNUAL_REPORT_UNKNOWN_FIGURE', { tokens: [...unknown] });
    // a brace left over once the references are taken out is a broken reference: it would reach the report as code
    const broken = parts.flatMap((p) => p.paragraphs.filter((para) => /[{}｛｝]/.test(para.replace(TOKEN, ''))).map((para) => ({ part: p.heading, text: para.slice(0, 60) })));
    if (broken.length) throw new AppError('VALIDATION_FAILED', { field: 'parts', broken }, `段落中的数据引用格式不正确：应写作 {编号}（编号见“数据项”，括号内不留空格），不能有多余的括号。请检查：${broken.map((b) => b.part).join('；')}`);
    const keys = parts.map((p) => p.key).join(',');
    if (keys !== ANNUAL_REPORT_PARTS.map((p) => p.key).join(',')) throw new AppError('VALIDATION_FAILED', { field: 'parts', reason: '须依次包含四个部分' });
  }

  function render(parts: ReportPart[], figs: ReportFigure[]) {
    const text = new Map(figs.map((f) => [f.key, f.text]));
    return parts.map((p) => ({ heading: p.heading, paragraphs: p.paragraphs.map((para) => para.replace(TOKEN, (all, k: string) => text.get(k) ?? all)) }));
  }

  async function load(q: Db | Trx, id: string) {
    const r = await q.selectFrom('annualReports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'annualReport', id });
    return r;
  }
  async function versionOf(q: Db | Trx, reportId: string, no: number) {
    const v = await q.selectFrom('annualReportVersions').selectAll().where('reportId', '=', reportId).where('no', '=', no).executeTakeFirst();
    if (!v) throw new AppError('NOT_FOUND', { entity: 'annualReportVersion', reportId, no });
    return { ...v, parts: JSON.parse(v.parts) as ReportPart[], figures: JSON.parse(v.figures) as ReportFigure[] };
  }

  function summary(r: Awaited<ReturnType<typeof load>>, s: AnnualReportSettings): AnnualReportSummary {
    const status = r.status as AnnualReportStatus;
    return {
      id: r.id, year: r.year, title: r.title, status, statusLabel: ANNUAL_REPORT_STATUS_LABELS[status], currentVersion: r.currentVersion,
      filingDue: `${r.year + 1}-${s.filingDue}`, publicationDue: `${r.year + 1}-${s.publicationDue}`,
      filedOn: r.filedOn, publishedOn: r.publishedOn, approvedOn: r.approvedOn, updatedAt: r.updatedAt, version: r.version,
    };
  }

  function actionsOf(actor: Actor, status: AnnualReportStatus): string[] {
    const edit = actor.permissions.has('annualReport.edit');
    const sign = actor.permissions.has('annualReport.signOff');
    const out: string[] = [];
    if (status === 'draft' && edit) out.push('save', 'refresh', 'submit');
    if (status === 'review' && sign) out.push('approve', 'return');
    if (status === 'approved' && edit) out.push('file');
    if (status === 'filed' && edit) out.push('publish');
    return out;
  }

  async function detail(actor: Actor, id: string, versionNo?: number): Promise<AnnualReportDetail> {
    const r = await load(db, id);
    const s = await settings();
    const v = await versionOf(db, id, versionNo ?? r.currentVersion);
    const versions = await db.selectFrom('annualReportVersions').select(['no', 'createdAt', 'createdByName', 'note']).where('reportId', '=', id).orderBy('no', 'desc').execute();
    const events = await db.selectFrom('annualReportEvents').select(['action', 'at', 'actorName', 'note']).where('reportId', '=', id).orderBy('id').execute();
    const sum = summary(r, s);
    const today = clock.today();
    return {
      ...sum,
      parts: v.parts,
      figures: v.figures,
      rendered: render(v.parts, v.figures),
      versions,
      events: events.map((e) => ({ ...e, label: STEP_LABELS[e.action] ?? e.action })),
      dueNote: ANNUAL_REPORT_DUE_NOTE,
      filingOverdue: !r.filedOn && today > sum.filingDue,
      publicationOverdue: !r.publishedOn && today > sum.publicationDue,
      actions: versionNo === undefined || versionNo === r.currentVersion ? actionsOf(actor, sum.status) : [],
      // records of the year exist (all zero means nothing was recorded: part 3 is then for the drafter to write)
      ruleOfLawAvailable: v.figures.some((f) => f.moduleLabel === '法治建设' && (f.value ?? 0) > 0),
    };
  }

  async function newVersion(trx: Trx, actor: Actor, reportId: string, no: number, parts: ReportPart[], figures: ReportFigure[], note: string) {
    await trx.insertInto('annualReportVersions').values({ id: randomUUID(), reportId, no, parts: JSON.stringify(parts), figures: JSON.stringify(figures), note, createdBy: actor.userId, createdByName: actor.displayName, createdAt: clock.nowIso() }).execute();
  }
  async function event(trx: Trx, actor: Actor, reportId: string, action: string, note: string | null) {
    await trx.insertInto('annualReportEvents').values({ id: uuidV7(), reportId, action, note, actorId: actor.userId, actorName: actor.displayName, at: clock.nowIso() }).execute();
  }
  /** Optimistic lock: the row's version must be the one the client saw; bumps it. */
  async function bump(trx: Trx, id: string, version: number, set: Partial<Pick<Database['annualReports'], 'status' | 'currentVersion' | 'approvedOn' | 'filedOn' | 'publishedOn'>>) {
    const res = await trx.updateTable('annualReports').set({ ...set, updatedAt: clock.nowIso(), version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { entity: 'annualReport', id });
  }

  async function exportParts(actor: Actor, id: string, versionNo?: number) {
    assertDistrictScope(actor);
    const d = await detail(actor, id, versionNo);
    const paragraphs: string[] = [];
    for (const part of d.rendered) {
      paragraphs.push(part.heading);
      paragraphs.push(...(part.paragraphs.length ? part.paragraphs : ['（本部分尚未填写。）']));
    }
    const buffer = await buildOfficialDocx({
      organ: '',
      title: d.title,
      docNo: null,
      addressee: '区委、区政府',
      paragraphs,
      signature: { organ: await organ(), date: d.approvedOn },
      headerNote: d.status === 'draft' || d.status === 'review' ? `草稿 第${versionNo ?? d.currentVersion}版` : undefined,
      structure: true,
    });
    return { buffer, base: `${d.title}_第${versionNo ?? d.currentVersion}版` };
  }

  return {
    async list(actor) {
      assertDistrictScope(actor);
      const s = await settings();
      const rows = await db.selectFrom('annualReports').selectAll().orderBy('year', 'desc').execute();
      return { data: rows.map((r) => summary(r, s)) };
    },

    async create(actor, year, meta) {
      assertDistrictScope(actor);
      const existing = await db.selectFrom('annualReports').select('id').where('year', '=', year).executeTakeFirst();
      if (existing) throw new AppError('ANNUAL_REPORT_EXISTS', { year, id: existing.id });
      const { figures, lists, period } = await gather(actor, year);
      const parts = draftParts(year, period, figures, lists, clock.today());
      const id = randomUUID();
      const now = clock.nowIso();
      const title = `${await organ()}关于${year}年法治政府建设情况的报告`;
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('annualReports').values({ id, year, departmentId: actor.departmentId, title, status: 'draft', currentVersion: 1, approvedOn: null, filedOn: null, publishedOn: null, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1 }).execute();
        await newVersion(trx, actor, id, 1, parts, figures, `生成初稿（数据截至 ${period.to}）`);
        await event(trx, actor, id, 'create', null);
        await record(trx, actor, meta, 'annualReport.create', id, null, { year, figures: figures.length, period });
      });
      return detail(actor, id);
    },

    async get(actor, id, versionNo) {
      assertDistrictScope(actor);
      return detail(actor, id, versionNo);
    },

    async save(actor, id, body, meta) {
      assertDistrictScope(actor);
      const r = await load(db, id);
      if (r.status !== 'draft') throw new AppError('ANNUAL_REPORT_NOT_EDITABLE', { status: r.status });
      const cur = await versionOf(db, id, r.currentVersion);
      const parts = body.parts.map((p, i) => ({ key: p.key, heading: ANNUAL_REPORT_PARTS[i]!.heading, paragraphs: p.paragraphs.map((x) => x.trim()).filter(Boolean) }));
      checkTokens(parts, cur.figures);
      await db.transaction().execute(async (trx) => {
        await bump(trx, id, body.version, { currentVersion: r.currentVersion + 1 });
        await newVersion(trx, actor, id, r.currentVersion + 1, parts, cur.figures, body.note || '保存');
        await event(trx, actor, id, 'save', body.note || null);
        await record(trx, actor, meta, 'annualReport.save', id, { version: r.currentVersion }, { version: r.currentVersion + 1, paragraphs: parts.map((p) => p.paragraphs.length) });
      });
      return detail(actor, id);
    },

    async refresh(actor, id, version, meta) {
      assertDistrictScope(actor);
      const r = await load(db, id);
      if (r.status !== 'draft') throw new AppError('ANNUAL_REPORT_NOT_EDITABLE', { status: r.status });
      const cur = await versionOf(db, id, r.currentVersion);
      const { figures, period } = await gather(actor, r.year);
      // the day the current figures were read (the draft or the last refresh): its dates in the text move to today
      const read = await db.selectFrom('annualReportEvents').select('at').where('reportId', '=', id).where('action', 'in', ['create', 'refresh']).orderBy('id', 'desc').executeTakeFirst();
      const parts = read ? restampParts(cur.parts, r.year, beijingDate(read.at), clock.today()) : cur.parts;
      checkTokens(parts, figures);
      const changed = figures.filter((f) => cur.figures.find((o) => o.key === f.key)?.value !== f.value).map((f) => f.key);
      await db.transaction().execute(async (trx) => {
        await bump(trx, id, version, { currentVersion: r.currentVersion + 1 });
        await newVersion(trx, actor, id, r.currentVersion + 1, parts, figures, `刷新数据（截至 ${period.to}，变化 ${changed.length} 项）`);
        await event(trx, actor, id, 'refresh', changed.length ? `变化：${changed.join('、')}` : '数据无变化');
        await record(trx, actor, meta, 'annualReport.refresh', id, { version: r.currentVersion }, { version: r.currentVersion + 1, changed });
      });
      return detail(actor, id);
    },

    async step(actor, id, action, body, meta) {
      assertDistrictScope(actor);
      const r = await load(db, id);
      const from: Record<typeof action, AnnualReportStatus> = { submit: 'draft', return: 'review', approve: 'review', file: 'approved', publish: 'filed' };
      const to: Record<typeof action, AnnualReportStatus> = { submit: 'review', return: 'draft', approve: 'approved', file: 'filed', publish: 'published' };
      if (r.status !== from[action]) throw new AppError('ANNUAL_REPORT_STEP_NOT_ALLOWED', { status: r.status, action });
      const needs = action === 'approve' || action === 'return' ? 'annualReport.signOff' : 'annualReport.edit';
      if (!actor.permissions.has(needs)) throw new AppError('FORBIDDEN', { permission: needs });
      const today = clock.today();
      const set: Parameters<typeof bump>[3] = { status: to[action] };
      if (action === 'submit') {
        const cur = await versionOf(db, id, r.currentVersion);
        const empty = cur.parts.filter((p) => (p.key === 'shortcomings' || p.key === 'nextYear') && !p.paragraphs.some((x) => x.trim())).map((p) => p.heading);
        if (empty.length) throw new AppError('ANNUAL_REPORT_STEP_NOT_ALLOWED', { action, emptyParts: empty }, `提交审核前请填写：${empty.join('；')}`);
      }
      if (action === 'approve') {
        // 保密审查 before sign-off: the report is published (anchors.md §5 feature 8)
        if (body.secrecyReviewed !== true) throw new AppError('ANNUAL_REPORT_STEP_NOT_ALLOWED', { action, secrecyReviewed: false }, '签发前须完成保密审查，并确认报告不含国家秘密、工作秘密和个人信息');
        set.approvedOn = today;
      }
      if (action === 'file' || action === 'publish') {
        const on = body.on ?? today;
        const floor = action === 'file' ? r.approvedOn : r.filedOn;
        if (on > today || (floor && on < floor)) throw new AppError('ANNUAL_REPORT_DATE_INVALID', { on, floor });
        if (action === 'file') set.filedOn = on;
        else set.publishedOn = on;
      }
      await db.transaction().execute(async (trx) => {
        await bump(trx, id, body.version, set);
        await event(trx, actor, id, action, [action === 'approve' ? '已完成保密审查' : '', body.on ? `日期：${body.on}` : '', body.note].filter(Boolean).join('；') || null);
        await record(trx, actor, meta, `annualReport.${action}`, id, { status: r.status }, { ...set, ...(action === 'approve' ? { secrecyReviewed: true } : {}) });
      });
      return detail(actor, id);
    },

    async docx(actor, id, versionNo) {
      const { buffer, base } = await exportParts(actor, id, versionNo);
      return { buffer, name: `${base}.docx` };
    },

    async pdf(actor, id, versionNo) {
      const { buffer, base } = await exportParts(actor, id, versionNo);
      return { buffer: await convertToPdf(buffer, deps.soffice), name: `${base}.pdf` };
    },

    settings,

    async updateSettings(actor, next, meta) {
      assertDistrictScope(actor);
      const before = await settings();
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(next)) {
          await trx.insertInto('annualReportSettings').values({ key, value: JSON.stringify(value), updatedBy: actor.userId, updatedAt: now }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updatedBy: actor.userId, updatedAt: now })).execute();
        }
        await record(trx, actor, meta, 'annualReport.settings.update', 'settings', before, next);
      });
      return next;
    },
  };
}
