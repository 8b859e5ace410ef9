/**
 * 合法性审查 use cases: a draft from registration by the drafting unit to filing, validity and clean-up; the review clock
 * on the platform deadline register; reviewer findings from the review engine with a named decision on each; the review
 * opinion (审查意见书) as an official .docx; public comment anchored to articles and the adoption statement.
 *
 * Every write runs in ONE transaction: the draft row (optimistic version check), its timeline event, the deadline
 * register rows and the audit entry are written together or not at all. Statutory rules cite their article in the
 * error messages (common/errors.ts) and in the clock explanations (common/deadlines/rules.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import {
  LR_DRAFT_KIND_LABELS,
  LR_MATERIAL_LABELS,
  LR_MATERIAL_UPLOAD,
  LR_OPINION_CONCLUSION_LABELS,
  type LrAcceptBody,
  type LrAdoptionStatementBody,
  type LrCollectiveBody,
  type LrCommentDecisionBody,
  type LrCommentPeriodBody,
  type LrDraftCreateBody,
  type LrDraftDetail,
  type LrDraftKind,
  type LrDraftListQuery,
  type LrDraftStatus,
  type LrDraftSummary,
  type LrFileBody,
  type LrFindingDecisionBody,
  type LrInviteBody,
  type LrMaterialKind,
  type LrOpinionBody,
  type LrPostEvaluationBody,
  type LrPublicCommentBody,
  type LrPublicDraftDetail,
  type LrPublicDraftSummary,
  type LrPublishBody,
  type LrReturnBody,
  type LrStaffCommentBody,
  type LrWithdrawBody,
  articleBody,
  citeBasis,
} from '../../../common/contracts';
import type { Finding, ReviewDocKind } from '../../../common/contracts/legality-review-engine';
import { computeDeadline, getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { buildOfficialDocx, officialDate } from '../../platform/documents';
import { type Actor, type RequestMeta, can } from '../../platform/identity';
import { type DraftRow, MODULE, OBJECT_TYPE, createLegalityRepo, draftScope } from './legality-review.repo';
import { EXPORT_MAX_ROWS, draftFilterText, draftRegisterWorkbook } from './registers.export';
import { type DraftAction, TRANSITIONS, allowedActions, nextStatus } from './status';
import { checkUpload } from './upload-check';

type Body<T extends z.ZodTypeAny> = z.infer<T>;
type Trx = Transaction<Database>;

/** What this module needs from the review engine (server/modules/legality-review/engine). */
export interface ReviewEngine {
  analyze(actor: Actor, text: string, docKind: ReviewDocKind): Promise<Finding[]>;
  extractDocxText(docx: Buffer): Promise<string>;
}

export const RULE = {
  normativeReview: 'normativeDocument.legalityReview',
  majorDecisionReview: 'majorDecision.legalityReview',
  commentMarket: 'normativeDocument.publicCommentMarket',
  commentMajorDecision: 'majorDecision.publicComment',
  filing: 'normativeDocument.filingBeijing',
  validity: 'normativeDocument.validityEvaluation',
} as const;

/** Longest validity period accepted for a normative document, in years: a local practice, configurable (UNVERIFIED). */
export const DEFAULT_MAX_VALIDITY_YEARS = 5;
/** Normative documents: review period in working days when none is chosen (upper end of 5–15, 国办发〔2018〕115号, UNVERIFIED). */
export const DEFAULT_REVIEW_PERIOD_WD = 15;

export interface LegalityNumbering {
  /** 审查登记号 prefix, e.g. 西合审 → 西合审〔2026〕3号 */
  register: string;
  /** 审查意见书 文号 prefix */
  opinion: string;
  /** 统一编号 of a published document, per kind */
  published: Record<Exclude<LrDraftKind, 'majorContract'>, string>;
  /** 法律顾问咨询 number prefix */
  consultation: string;
}
export const DEFAULT_NUMBERING: LegalityNumbering = {
  register: '西合审',
  opinion: '西司审',
  published: { normativeDocument: '西规', majorDecision: '西决', industryPolicy: '西产规' },
  consultation: '西法顾',
};

const docKindOf = (k: LrDraftKind): ReviewDocKind => (k === 'majorDecision' ? 'major_decision' : 'normative_document');
const formatNo = (prefix: string, year: number, n: number) => `${prefix}〔${year}〕${n}号`;
const addDays = (d: string, n: number) => formatDate(parseDate(d) + n);
const parseJson = <T>(s: string | null, fallback: T): T => {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

/** What a complete submission carries, by kind, with the reason each item is owed. */
export function requiredMaterials(kind: LrDraftKind, touchesMarket: boolean): { kind: LrMaterialKind; why: string }[] {
  const req: { kind: LrMaterialKind; why: string }[] = [
    { kind: 'draftingExplanation', why: '送请合法性审查应当提供决策草案及相关材料（《重大行政决策程序暂行条例》第二十六条第一款；国办发〔2018〕115号）' },
    { kind: 'legalBasis', why: '应当提供有关法律、法规、规章等依据（《重大行政决策程序暂行条例》第二十六条第一款）' },
  ];
  if (kind !== 'majorContract') req.push({ kind: 'commentRecord', why: '应当公开征求意见并说明采纳情况（《地方各级人民代表大会和地方各级人民政府组织法》第七十五条；《重大行政决策程序暂行条例》第十五条、第十八条）' });
  if (touchesMarket || kind === 'industryPolicy') req.push({ kind: 'fairCompetitionReview', why: '涉及经营者经济活动的政策措施应当进行公平竞争审查（《公平竞争审查条例》第二条、第十八条）' });
  return req;
}

/**
 * Splits a draft into commentable units: 第X条 where the text has articles, otherwise numbered paragraphs. The first
 * line of a text with articles is its title (标题), not a "paragraph 1" (the public was asked to comment on 第1段).
 */
export function articlesOf(text: string): { anchor: string; text: string }[] {
  const paras = text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  const article = /^(第[一二三四五六七八九十百零〇\d]+条)/;
  const hasArticles = paras.some((p) => article.test(p));
  const out: { anchor: string; text: string }[] = [];
  let para = 0;
  for (const [i, p] of paras.entries()) {
    const m = article.exec(p);
    if (m) out.push({ anchor: m[1]!, text: p });
    else if (i === 0 && hasArticles) out.push({ anchor: '标题', text: p });
    else if (out.length && out[out.length - 1]!.anchor.startsWith('第') && out[out.length - 1]!.anchor.endsWith('条') && /^[（(]?[一二三四五六七八九十\d]+[)）、.．]/.test(p)) out[out.length - 1]!.text += `\n${p}`;
    else out.push({ anchor: `第${++para}段`, text: p });
  }
  return out;
}

export function createLegalityReviewService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  deadlines: DeadlineService;
  calendar: () => Promise<WorkCalendar>;
  engine: () => ReviewEngine;
  uploadsDir: string;
  organName?: string;
  /** department code that holds registered drafts; unset or unknown: derived (see reviewDepartmentId) */
  reviewDepartmentCode?: string | null;
  numbering?: LegalityNumbering;
  maxValidityYears?: number;
}) {
  const { db, clock, audit, deadlines } = deps;
  const repo = createLegalityRepo(db);
  /**
   * The department that holds a newly registered draft: the configured one (FAZHI_LEGALITY_REVIEW_DEPARTMENT), else
   * derived like the 行政复议 portal's — the one department whose name contains 合法性审查 (the review section, e.g.
   * 合法性审查科), else the registering user's department.
   */
  async function reviewDepartmentId(actor: Actor): Promise<string> {
    if (deps.reviewDepartmentCode) {
      const d = await repo.departmentByCode(deps.reviewDepartmentCode);
      if (d) return d.id;
    }
    const named = await db.selectFrom('departments').select('id').where('name', 'like', '%合法性审查%').limit(2).execute();
    return named.length === 1 ? named[0]!.id : actor.departmentId;
  }
  const numbering = deps.numbering ?? DEFAULT_NUMBERING;
  const organName = deps.organName ?? '北京市西城区司法局';
  const maxValidityYears = deps.maxValidityYears ?? DEFAULT_MAX_VALIDITY_YEARS;
  const storeDir = path.join(deps.uploadsDir, 'legality-review');

  async function compute(ruleId: string, start: string, length?: number) {
    const rule = getRule(ruleId);
    return computeDeadline(await deps.calendar(), length ? { ...rule, length } : rule, { start, asOf: clock.today(), onUnpublished: 'flag', explain: true });
  }

  async function load(actor: Actor, id: string, q: Db | Trx = db): Promise<DraftRow> {
    const row = await q.selectFrom('legalityDrafts').selectAll().where('id', '=', id).where((eb) => draftScope(eb, actor)).executeTakeFirst();
    if (!row) {
      if (await repo.get(q, id)) throw new AppError('OUT_OF_SCOPE');
      throw new AppError('NOT_FOUND', { entity: 'legalityDraft', id });
    }
    return row;
  }

  function notAllowed(row: DraftRow, action: DraftAction, why?: string) {
    return new AppError('LR_TRANSITION_NOT_ALLOWED', { status: row.status, action, allowed: allowedActions(row.status as LrDraftStatus, row.kind as LrDraftKind) }, why);
  }

  /**
   * One action on a draft: permission (the table's), the table, then `fn` inside a transaction that also writes the
   * status, the timeline event and the audit entry. `fn` returns the patch and the note of the event.
   */
  async function act(actor: Actor, id: string, action: DraftAction, meta: RequestMeta, fn: (row: DraftRow, trx: Trx) => Promise<{ patch?: Partial<DraftRow>; note?: string | null; extra?: Record<string, unknown> } | void>) {
    const row0 = await load(actor, id);
    const t = TRANSITIONS[action];
    if (!can(actor, t.permission)) throw new AppError('FORBIDDEN', { permission: t.permission });
    const to = nextStatus(row0.status as LrDraftStatus, row0.kind as LrDraftKind, action);
    if (!to) throw notAllowed(row0, action);
    await db.transaction().execute(async (trx) => {
      const row = await load(actor, id, trx);
      if (row.version !== row0.version) throw new AppError('CONFLICT');
      const res = (await fn(row, trx)) ?? {};
      const now = clock.nowIso();
      const patch: Partial<DraftRow> = { ...res.patch, ...(to !== row.status ? { status: to } : {}) };
      if (!(await repo.bump(trx, id, row.version, patch, now))) throw new AppError('CONFLICT');
      await trx.insertInto('legalityEvents').values({ id: randomUUID(), draftId: id, at: now, action, fromStatus: row.status, toStatus: to, actorId: actor.userId, actorName: actor.displayName, note: res.note ?? null }).execute();
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: `legalityReview.draft.${action}`, objectType: OBJECT_TYPE, objectId: id, before: { status: row.status }, after: { status: to, ...pick(patch) }, ...(res.extra ? { extra: res.extra } : {}) }, trx);
    });
    return detail(actor, await load(actor, id));
  }

  /** The audit log keeps facts, not the draft text. */
  function pick(p: Partial<DraftRow>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) if (k !== 'text' && k !== 'opinionText' && k !== 'adoptionStatement') out[k] = v;
    return out;
  }

  async function openDeadline(trx: Trx, row: DraftRow, ruleId: string, start: string, title: string) {
    return deadlines.open(trx, { module: MODULE, objectType: OBJECT_TYPE, objectId: row.id, title, ruleId, startDate: start, departmentId: row.departmentId, assigneeId: row.reviewerId ?? row.createdBy });
  }

  async function closeOpen(trx: Trx, id: string, ruleIds: string[] | null, status: 'met' | 'cancelled') {
    for (const d of await repo.openDeadlines(trx, id)) if (!ruleIds || ruleIds.includes(d.ruleId)) await deadlines.close(trx, d.id, status);
  }

  function summary(r: DraftRow & { reviewerName?: string | null }): LrDraftSummary {
    return {
      id: r.id,
      regNo: r.regNo,
      kind: r.kind as LrDraftKind,
      title: r.title,
      draftingUnit: r.draftingUnit,
      status: r.status as LrDraftStatus,
      submittedOn: r.submittedOn,
      reviewDue: r.reviewDue,
      reviewerName: r.reviewerName ?? null,
      docNo: r.docNo,
      validUntil: r.validUntil,
    };
  }

  async function materialsOf(id: string) {
    return db.selectFrom('legalityMaterials').selectAll().where('draftId', '=', id).orderBy('createdAt').orderBy('id').execute();
  }

  function missingOf(row: DraftRow, mats: { kind: string }[]) {
    const have = new Set(mats.map((m) => m.kind));
    return requiredMaterials(row.kind as LrDraftKind, row.touchesMarket === 1)
      .filter((r) => !have.has(r.kind))
      .map((r) => ({ kind: r.kind, label: LR_MATERIAL_LABELS[r.kind], why: r.why }));
  }

  async function findingsOf(id: string) {
    const rows = await db.selectFrom('legalityFindings as f').leftJoin('users as u', 'u.id', 'f.decidedBy').selectAll('f').select('u.displayName as decidedByName').where('f.draftId', '=', id).orderBy('f.seq').execute();
    return rows.map((f) => {
      const stored = parseJson<{ instrument: string; article: string; text?: string | null; retrieved?: boolean }[]>(f.basis, []);
      const cite = (b: (typeof stored)[number]) => ({ instrument: b.instrument, article: b.article, text: b.text ?? null });
      return {
        id: f.id,
        start: f.spanStart,
        end: f.spanEnd,
        excerpt: f.excerpt,
        types: parseJson<string[]>(f.types, []),
        ruleId: f.ruleId,
        // the rule's own citations only: provisions the engine retrieved by word similarity (`retrieved`) are not the
        // legal basis of the finding and were shown (and cited in the opinion) as if they were; they are given apart,
        // as related provisions for the reviewer to read, and never enter the opinion
        basis: stored.filter((b) => !b.retrieved).map(cite),
        related: stored.filter((b) => b.retrieved).map(cite),
        explanation: f.explanation,
        confidence: f.confidence,
        decision: (f.decision as 'accepted' | 'rejected' | null) ?? null,
        decisionReason: f.decisionReason,
        decidedBy: f.decidedByName ?? null,
        decidedAt: f.decidedAt,
      };
    });
  }

  async function clocksOf(row: DraftRow): Promise<LrDraftDetail['clocks']> {
    const rows = await repo.deadlinesOf(row.id);
    const out: LrDraftDetail['clocks'] = [];
    for (const d of rows) {
      const rule = getRule(d.ruleId);
      const configured = d.ruleId === RULE.normativeReview && row.reviewPeriodWd ? row.reviewPeriodWd : undefined;
      const res = await compute(d.ruleId, d.startDate, configured);
      const note = [
        rule.note ?? '',
        configured ? `本件审查时限按 ${configured} 个工作日计算（可在 5 至 15 个工作日内配置；登记簿按上限 ${rule.length} 个工作日提醒）。` : '',
        rule.unverified ? '该期限的依据尚未核实，数值可配置。' : '',
      ].filter(Boolean).join(' ');
      out.push({ ruleId: d.ruleId, title: rule.title, citation: ruleCitation(rule), unverified: !!rule.unverified, configurable: !!rule.unverified || d.ruleId === RULE.normativeReview, startDate: d.startDate, dueDate: configured ? res.due : d.dueDate, status: d.status, note, steps: res.steps });
    }
    return out;
  }

  async function commentPeriodOf(row: DraftRow): Promise<LrDraftDetail['commentPeriod']> {
    if (!row.commentFrom || !row.commentUntil) return null;
    const ruleId = row.kind === 'majorDecision' ? RULE.commentMajorDecision : RULE.commentMarket;
    const min = await compute(ruleId, row.commentFrom);
    const today = clock.today();
    return { from: row.commentFrom, until: row.commentUntil, minimumUntil: min.due, citation: ruleCitation(getRule(ruleId)), shortenedReason: row.commentShortenedReason, open: row.commentFrom <= today && today <= row.commentUntil };
  }

  async function detail(actor: Actor, row: DraftRow): Promise<LrDraftDetail> {
    const [mats, findings, clocks, comments, invited, evals, events, reviewerName, commentPeriod] = await Promise.all([
      materialsOf(row.id),
      findingsOf(row.id),
      clocksOf(row),
      db.selectFrom('legalityComments as c').leftJoin('legalityContactPoints as p', 'p.id', 'c.contactPointId').selectAll('c').select('p.name as contactPointName').where('c.draftId', '=', row.id).orderBy('c.submittedAt').orderBy('c.id').execute(),
      db.selectFrom('legalityInvitations as i').innerJoin('legalityContactPoints as p', 'p.id', 'i.contactPointId').select(['p.id', 'p.name', 'p.industry', 'p.size', 'p.ownership']).where('i.draftId', '=', row.id).orderBy('p.name').execute(),
      db.selectFrom('legalityPostEvaluations').selectAll().where('draftId', '=', row.id).orderBy('evaluatedOn').execute(),
      db.selectFrom('legalityEvents').selectAll().where('draftId', '=', row.id).orderBy('at').orderBy('id').execute(),
      repo.userName(row.reviewerId),
      commentPeriodOf(row),
    ]);
    return {
      ...summary({ ...row, reviewerName }),
      contactName: row.contactName,
      touchesMarket: row.touchesMarket === 1,
      text: row.text,
      textSource: (row.textSource as 'text' | 'docx' | null) ?? null,
      reviewPeriodWd: row.reviewPeriodWd,
      requestedBy: row.requestedBy,
      acceptedOn: row.acceptedOn,
      reviewerId: row.reviewerId,
      returnItems: row.returnItems,
      materials: mats.map((m) => ({ id: m.id, kind: m.kind as LrMaterialKind, form: m.form as 'file' | 'text', fileName: m.fileName, size: m.size, text: m.text, createdAt: m.createdAt })),
      missing: missingOf(row, mats),
      clocks,
      findings,
      analyzedAt: row.analyzedAt,
      opinion: row.opinionNo ? { no: row.opinionNo, conclusion: row.opinionConclusion as 'approve', text: row.opinionText ?? '', issuedOn: row.opinionIssuedOn ?? '' } : null,
      collective: row.collectiveOn ? { meeting: row.collectiveMeeting ?? '', decidedOn: row.collectiveOn, result: row.collectiveResult ?? '', note: row.collectiveNote } : null,
      publishedOn: row.publishedOn,
      validFrom: row.validFrom,
      filedOn: row.filedOn,
      filingNo: row.filingNo,
      commentPeriod,
      adoptionStatement: row.adoptionPublishedOn ? { publishedOn: row.adoptionPublishedOn, text: row.adoptionStatement ?? '' } : null,
      comments: comments.map((c) => ({ id: c.id, anchor: c.anchor, content: c.content, commenterName: c.commenterName, organization: c.organization, source: c.source as 'public', contactPointName: c.contactPointName ?? null, submittedAt: c.submittedAt, decision: (c.decision as 'adopted' | null) ?? null, decisionReason: c.decisionReason })),
      invited: invited.map((p) => ({ id: p.id, name: p.name, industry: p.industry, size: p.size as 'small', ownership: p.ownership as 'private' })),
      postEvaluations: evals.map((e) => ({ evaluatedOn: e.evaluatedOn, evaluator: e.evaluator, conclusion: e.conclusion, report: e.report })),
      events: events.map((e) => ({ at: e.at, action: e.action, label: e.action === 'register' ? '登记送审' : (TRANSITIONS[e.action as DraftAction]?.label ?? e.action), actorName: e.actorName, note: e.note })),
      allowedActions: allowedActions(row.status as LrDraftStatus, row.kind as LrDraftKind, (p) => can(actor, p)),
      version: row.version,
    };
  }

  function dateOrder(a: string, b: string, what: string) {
    if (a > b) throw new AppError('LR_DATE_ORDER', { what, earlier: a, later: b });
  }

  async function storeMaterial(actor: Actor, row: DraftRow, trx: Trx, m: { kind: LrMaterialKind; form: 'file' | 'text'; text?: string; file?: { name: string; bytes: Buffer; mime: string } }) {
    const id = randomUUID();
    let storageKey: string | null = null;
    let sha: string | null = null;
    if (m.file) {
      sha = createHash('sha256').update(m.file.bytes).digest('hex');
      storageKey = `${row.id}/${id}`;
      mkdirSync(path.join(storeDir, row.id), { recursive: true });
      // Stored under a generated name with no extension, never served inline or executed.
      writeFileSync(path.join(storeDir, storageKey), m.file.bytes, { mode: 0o600 });
    }
    await trx.insertInto('legalityMaterials').values({ id, draftId: row.id, kind: m.kind, form: m.form, fileName: m.file?.name ?? null, mime: m.file?.mime ?? null, size: m.file ? m.file.bytes.length : null, sha256: sha, storageKey, text: m.text ?? null, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
    return id;
  }

  return {
    // ── register ──────────────────────────────────────────────────────────────────────────────
    async create(actor: Actor, body: Body<typeof LrDraftCreateBody>, meta: RequestMeta): Promise<LrDraftDetail> {
      const today = clock.today();
      if (body.submittedOn > today) throw new AppError('LR_DATE_ORDER', { what: 'submittedOn', today });
      if (body.kind === 'majorDecision' && body.requestedBy) {
        // Art. 26 ¶2: at least 7 working days for the review, counted from the submission.
        const min = await compute(RULE.majorDecisionReview, body.submittedOn);
        if (body.requestedBy < min.due) throw new AppError('LR_REVIEW_PERIOD_TOO_SHORT', { requestedBy: body.requestedBy, earliest: min.due });
      }
      const departmentId = await reviewDepartmentId(actor);
      const id = randomUUID();
      const year = Number(body.submittedOn.slice(0, 4));
      await db.transaction().execute(async (trx) => {
        const seq = await repo.nextNo(trx, `register:${year}`);
        const now = clock.nowIso();
        const row: DraftRow = {
          id, regNo: formatNo(numbering.register, year, seq), year, seq, departmentId, reviewerId: null, kind: body.kind, title: body.title, draftingUnit: body.draftingUnit, contactName: body.contactName,
          touchesMarket: body.touchesMarket ? 1 : 0, status: 'registered', text: body.text ?? '', textSource: body.text ? 'text' : null, submittedOn: body.submittedOn,
          reviewPeriodWd: body.kind === 'majorDecision' || body.kind === 'majorContract' ? null : (body.reviewPeriodWd ?? DEFAULT_REVIEW_PERIOD_WD), requestedBy: body.requestedBy ?? null,
          returnItems: null, acceptedOn: null, reviewDue: null, analyzedAt: null, opinionNo: null, opinionConclusion: null, opinionText: null, opinionIssuedOn: null, collectiveMeeting: null, collectiveOn: null, collectiveResult: null, collectiveNote: null,
          docNo: null, publishedOn: null, validFrom: null, validUntil: null, filedOn: null, filingNo: null, commentFrom: null, commentUntil: null, commentShortenedReason: null, adoptionStatement: null, adoptionPublishedOn: null, endedOn: null,
          createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1,
        };
        await trx.insertInto('legalityDrafts').values(row).execute();
        await trx.insertInto('legalityEvents').values({ id: randomUUID(), draftId: id, at: now, action: 'register', fromStatus: null, toStatus: 'registered', actorId: actor.userId, actorName: actor.displayName, note: `${LR_DRAFT_KIND_LABELS[body.kind]}：${body.draftingUnit}` }).execute();
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'legalityReview.draft.register', objectType: OBJECT_TYPE, objectId: id, after: { regNo: row.regNo, kind: row.kind, status: 'registered', submittedOn: row.submittedOn } }, trx);
      });
      return detail(actor, await load(actor, id));
    },

    async list(actor: Actor, q: Body<typeof LrDraftListQuery>): Promise<{ data: LrDraftSummary[]; total: number }> {
      const f = { kind: q.kind, status: q.status, q: q.q, expiringBefore: q.expiring === 'true' ? addDays(clock.today(), 180) : undefined };
      const [rows, total] = await Promise.all([repo.page(actor, f, q.pageSize, (q.page - 1) * q.pageSize), repo.count(actor, f)]);
      return { data: rows.map(summary), total };
    },

    async get(actor: Actor, id: string) {
      return detail(actor, await load(actor, id));
    },

    /** The register with the screen's filters as an Excel workbook (at most EXPORT_MAX_ROWS rows). */
    async exportWorkbook(actor: Actor, q: Omit<Body<typeof LrDraftListQuery>, 'page' | 'pageSize'>): Promise<Buffer> {
      const f = { kind: q.kind, status: q.status, q: q.q, expiringBefore: q.expiring === 'true' ? addDays(clock.today(), 180) : undefined };
      const [rows, total] = await Promise.all([repo.page(actor, f, EXPORT_MAX_ROWS, 0), repo.count(actor, f)]);
      return draftRegisterWorkbook(rows.map(summary), total, draftFilterText(q), clock.nowIso());
    },

    async caseNumbers(objectType: string, ids: string[]) {
      return objectType === OBJECT_TYPE ? repo.regNumbers(ids) : new Map<string, string>();
    },

    // ── text and materials ────────────────────────────────────────────────────────────────────
    async setText(actor: Actor, id: string, text: string, meta: RequestMeta, source: 'text' | 'docx' = 'text') {
      return act(actor, id, 'setText', meta, async (_row, trx) => {
        // A new text invalidates the findings on the old one (decisions already made stay in the decision log).
        await trx.deleteFrom('legalityFindings').where('draftId', '=', id).execute();
        return { patch: { text, textSource: source, analyzedAt: null }, note: source === 'docx' ? '上传 .docx 送审稿' : '录入送审稿正文', extra: { chars: text.length, source } };
      });
    },

    async uploadDocx(actor: Actor, id: string, file: { name: string; bytes: Buffer; truncated: boolean }, meta: RequestMeta) {
      const check = checkUpload(file.name, file.bytes, file.truncated, ['docx']);
      if (!check.ok) throw new AppError('LR_UPLOAD_REJECTED', { file: file.name, reason: check.reason });
      let text: string;
      try {
        text = (await deps.engine().extractDocxText(file.bytes)).trim();
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('LR_UPLOAD_REJECTED', { file: file.name, reason: 'DOCX_UNREADABLE' });
      }
      if (!text) throw new AppError('LR_UPLOAD_REJECTED', { file: file.name, reason: 'EMPTY_TEXT' });
      return this.setText(actor, id, text, meta, 'docx');
    },

    async addMaterialText(actor: Actor, id: string, kind: LrMaterialKind, text: string, meta: RequestMeta) {
      return act(actor, id, 'addMaterial', meta, async (row, trx) => {
        await storeMaterial(actor, row, trx, { kind, form: 'text', text });
        return { note: LR_MATERIAL_LABELS[kind], extra: { kind, form: 'text' } };
      });
    },

    async addMaterialFile(actor: Actor, id: string, kind: LrMaterialKind, file: { name: string; bytes: Buffer; truncated: boolean; mime: string }, meta: RequestMeta) {
      const check = checkUpload(file.name, file.bytes, file.truncated, LR_MATERIAL_UPLOAD.extensions);
      if (!check.ok) throw new AppError('LR_UPLOAD_REJECTED', { file: file.name, reason: check.reason });
      return act(actor, id, 'addMaterial', meta, async (row, trx) => {
        await storeMaterial(actor, row, trx, { kind, form: 'file', file: { name: file.name, bytes: file.bytes, mime: check.mime } });
        return { note: `${LR_MATERIAL_LABELS[kind]}（${file.name}）`, extra: { kind, form: 'file', size: file.bytes.length } };
      });
    },

    async materialFile(actor: Actor, id: string, materialId: string) {
      await load(actor, id);
      const m = await db.selectFrom('legalityMaterials').selectAll().where('id', '=', materialId).where('draftId', '=', id).executeTakeFirst();
      if (!m || !m.storageKey) throw new AppError('NOT_FOUND', { entity: 'legalityMaterial', id: materialId });
      return { name: m.fileName ?? 'material', mime: m.mime ?? 'application/octet-stream', bytes: readFileSync(path.join(storeDir, m.storageKey)) };
    },

    // ── review ────────────────────────────────────────────────────────────────────────────────
    async returnForMaterials(actor: Actor, id: string, body: Body<typeof LrReturnBody>, meta: RequestMeta) {
      return act(actor, id, 'returnForMaterials', meta, async () => ({ patch: { returnItems: body.items }, note: body.items }));
    },

    async accept(actor: Actor, id: string, body: Body<typeof LrAcceptBody>, meta: RequestMeta) {
      return act(actor, id, 'accept', meta, async (row, trx) => {
        const missing = missingOf(row, await trx.selectFrom('legalityMaterials').select('kind').where('draftId', '=', id).execute());
        if (missing.length) throw new AppError('LR_MATERIALS_INCOMPLETE', { missing: missing.map((m) => m.label) });
        if (body.acceptedOn > clock.today()) throw new AppError('LR_DATE_ORDER', { what: 'acceptedOn' });
        dateOrder(row.submittedOn, body.acceptedOn, 'acceptedOn');
        let reviewerId = actor.userId;
        if (body.reviewerId) {
          // an active user of the draft's department tree who holds the review permission
          const u = await trx
            .selectFrom('users as u')
            .innerJoin('departments as dp', 'dp.id', 'u.departmentId')
            .innerJoin('userRoles as ur', 'ur.userId', 'u.id')
            .innerJoin('rolePermissions as rp', 'rp.roleId', 'ur.roleId')
            .select(['u.id', 'u.status'])
            .where('u.id', '=', body.reviewerId)
            .where('rp.permission', '=', 'legalityReview.draft.review')
            .where('dp.path', 'like', `%/${row.departmentId}/%`)
            .executeTakeFirst();
          if (!u || u.status !== 'active') throw new AppError('VALIDATION_FAILED', { field: 'reviewerId', reason: '审查人员须为本科室在职且具有审查权限的人员' });
          reviewerId = u.id;
        }
        const withReviewer = { ...row, reviewerId };
        let reviewDue: string | null = null;
        if (row.kind === 'majorDecision') {
          // M3: the review must be given at least 7 working days from the submission (Art. 26 ¶2).
          await openDeadline(trx, withReviewer, RULE.majorDecisionReview, row.submittedOn, `重大行政决策合法性审查：${row.title}`);
          reviewDue = row.requestedBy ?? (await compute(RULE.majorDecisionReview, row.submittedOn)).due;
        } else if (row.kind !== 'majorContract') {
          // N3: 5–15 working days from the complete submission (国办发〔2018〕115号, UNVERIFIED): register at the upper end,
          // this draft's own target at its configured length.
          await openDeadline(trx, withReviewer, RULE.normativeReview, body.acceptedOn, `规范性文件合法性审核：${row.title}`);
          reviewDue = (await compute(RULE.normativeReview, body.acceptedOn, row.reviewPeriodWd ?? DEFAULT_REVIEW_PERIOD_WD)).due;
        }
        return { patch: { acceptedOn: body.acceptedOn, reviewerId, reviewDue, returnItems: null }, note: reviewDue ? `审查时限至 ${reviewDue}` : '重大合同审查（无法定审查时限）' };
      });
    },

    async analyze(actor: Actor, id: string, meta: RequestMeta) {
      const row0 = await load(actor, id);
      if (!row0.text.trim()) throw new AppError('LR_TEXT_MISSING');
      let findings: Finding[];
      try {
        findings = await deps.engine().analyze(actor, row0.text, docKindOf(row0.kind as LrDraftKind));
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('LR_ENGINE_UNAVAILABLE');
      }
      return act(actor, id, 'analyze', meta, async (row, trx) => {
        if (row.text !== row0.text) throw new AppError('CONFLICT');
        await trx.deleteFrom('legalityFindings').where('draftId', '=', id).execute();
        const now = clock.nowIso();
        for (const [i, f] of findings.entries()) {
          await trx.insertInto('legalityFindings').values({ id: randomUUID(), draftId: id, seq: i + 1, spanStart: f.start, spanEnd: f.end, excerpt: f.excerpt, types: JSON.stringify(f.types), ruleId: f.ruleId, basis: JSON.stringify(f.basis), explanation: f.explanation, confidence: f.confidence, decisionId: null, decision: null, decisionReason: null, decidedBy: null, decidedAt: null, createdAt: now }).execute();
        }
        return { patch: { analyzedAt: now }, note: `审查发现 ${findings.length} 处`, extra: { findings: findings.length, rules: [...new Set(findings.map((f) => f.ruleId))] } };
      });
    },

    async decideFinding(actor: Actor, id: string, findingId: string, body: Body<typeof LrFindingDecisionBody>, meta: RequestMeta) {
      return act(actor, id, 'decideFinding', meta, async (_row, trx) => {
        const f = await trx.selectFrom('legalityFindings').selectAll().where('id', '=', findingId).where('draftId', '=', id).executeTakeFirst();
        if (!f) throw new AppError('NOT_FOUND', { entity: 'legalityFinding', id: findingId });
        // one decision per finding: the per-rule acceptance rates count each finding once
        if (f.decision) throw new AppError('LR_TRANSITION_NOT_ALLOWED', { findingId, decision: f.decision }, '该审查发现已作出决定');
        const now = clock.nowIso();
        const decisionId = randomUUID();
        // The engine's decision log: acceptance rates per rule are computed from it.
        await trx.insertInto('legalityFindingDecisions').values({ id: decisionId, reviewId: id, findingRuleId: f.ruleId, findingTypes: f.types, decision: body.decision, reviewerUserId: actor.userId, reason: body.reason, decidedAt: now }).execute();
        await trx.updateTable('legalityFindings').set({ decisionId, decision: body.decision, decisionReason: body.reason, decidedBy: actor.userId, decidedAt: now }).where('id', '=', findingId).execute();
        return { note: `${body.decision === 'accepted' ? '采纳' : '不采纳'}审查发现 ${f.seq}（${f.excerpt.slice(0, 30)}）：${body.reason}`, extra: { findingId, ruleId: f.ruleId, decision: body.decision } };
      });
    },

    async issueOpinion(actor: Actor, id: string, body: Body<typeof LrOpinionBody>, meta: RequestMeta) {
      return act(actor, id, 'issueOpinion', meta, async (row, trx) => {
        if (!row.text.trim()) throw new AppError('LR_TEXT_MISSING');
        if (!row.analyzedAt) throw new AppError('LR_FINDINGS_UNDECIDED', { reason: 'NOT_ANALYZED' }, '尚未对送审稿进行审查（智能辅助审查未运行），不能出具审查意见书');
        const undecided = await trx.selectFrom('legalityFindings').select('seq').where('draftId', '=', id).where('decision', 'is', null).execute();
        if (undecided.length) throw new AppError('LR_FINDINGS_UNDECIDED', { findings: undecided.map((u) => u.seq) });
        if (body.issuedOn > clock.today()) throw new AppError('LR_DATE_ORDER', { what: 'issuedOn' });
        dateOrder(row.acceptedOn ?? row.submittedOn, body.issuedOn, 'issuedOn');
        const year = Number(body.issuedOn.slice(0, 4));
        const no = formatNo(numbering.opinion, year, await repo.nextNo(trx, `opinion:${year}`));
        await closeOpen(trx, id, [RULE.normativeReview, RULE.majorDecisionReview], 'met');
        return { patch: { opinionNo: no, opinionConclusion: body.conclusion, opinionText: body.opinion, opinionIssuedOn: body.issuedOn }, note: `${no}：${LR_OPINION_CONCLUSION_LABELS[body.conclusion]}`, extra: { opinionNo: no, conclusion: body.conclusion } };
      });
    },

    /** 审查意见书 as an official .docx (GB/T 9704 layout) with its unified number. */
    async opinionDocx(actor: Actor, id: string): Promise<{ fileName: string; bytes: Buffer }> {
      const row = await load(actor, id);
      if (!row.opinionNo) throw new AppError('LR_TRANSITION_NOT_ALLOWED', { status: row.status }, '尚未出具审查意见书');
      const accepted = (await findingsOf(id)).filter((f) => f.decision === 'accepted');
      const conclusion = row.opinionConclusion as keyof typeof LR_OPINION_CONCLUSION_LABELS;
      const opinionLines = (row.opinionText ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
      // section 二 lists the accepted findings; with none, an approval says nothing needs changing, while a conclusion
      // asking for changes (or refusing) gives the reviewer's opinion as its reasons — never "nothing to change"
      const findingsPart = accepted.length
        ? [
            '二、具体修改意见：',
            ...accepted.map((f, i) => {
              const basis = f.basis.map((b) => `${citeBasis(b.instrument, b.article)}${b.text ? `规定：“${articleBody(b.text)}”` : ''}`).join('；');
              const reason = (f.decisionReason ?? '').trim();
              return `（${i + 1}）“${f.excerpt}”：${f.explanation}${basis ? `依据：${basis}。` : ''}审查人员意见：${reason}${/[。！？]$/u.test(reason) ? '' : '。'}`;
            }),
          ]
        : conclusion === 'approve'
          ? ['二、经审查，未发现需要修改的条款。']
          : [];
      const otherPart = opinionLines.length ? [findingsPart.length ? '三、其他意见：' : '二、审查意见：', ...opinionLines] : [];
      const paragraphs = [
        `你单位报送的《${row.title}》（${LR_DRAFT_KIND_LABELS[row.kind as LrDraftKind]}送审稿，登记号${row.regNo}）收悉。我局于${officialDate(row.acceptedOn ?? row.submittedOn)}受理，依照${row.kind === 'majorDecision' ? '《重大行政决策程序暂行条例》第二十五条至第二十八条' : '《地方各级人民代表大会和地方各级人民政府组织法》第七十五条和国务院办公厅关于行政规范性文件合法性审核的规定'}，对其制定主体、权限、程序和内容进行了合法性审查。现提出审查意见如下：`,
        `一、审查结论：${LR_OPINION_CONCLUSION_LABELS[conclusion]}。`,
        ...findingsPart,
        ...otherPart,
        conclusion === 'disapprove' ? '经审查不合法的，不得提请集体讨论决定。' : '请你单位根据审查意见修改完善后，按程序提请集体讨论决定。',
      ];
      const bytes = await buildOfficialDocx({ organ: organName, title: '合法性审查意见书', docNo: row.opinionNo, addressee: row.draftingUnit, paragraphs, signature: { organ: organName, date: row.opinionIssuedOn } });
      return { fileName: `合法性审查意见书-${row.opinionNo}.docx`, bytes };
    },

    // ── after the review ──────────────────────────────────────────────────────────────────────
    async recordCollective(actor: Actor, id: string, body: Body<typeof LrCollectiveBody>, meta: RequestMeta) {
      return act(actor, id, 'recordCollective', meta, async (row) => {
        // 国办发〔2018〕37号 (六); 重大行政决策程序暂行条例 Art. 25: a draft that failed the review may not go to the meeting.
        if (row.opinionConclusion === 'disapprove') throw new AppError('LR_DISAPPROVED');
        dateOrder(row.opinionIssuedOn ?? row.submittedOn, body.decidedOn, 'decidedOn');
        if (body.decidedOn > clock.today()) throw new AppError('LR_DATE_ORDER', { what: 'decidedOn' });
        return { patch: { collectiveMeeting: body.meeting, collectiveOn: body.decidedOn, collectiveResult: body.result, collectiveNote: body.note ?? null }, note: `${body.meeting}（${body.decidedOn}）` };
      });
    },

    async publish(actor: Actor, id: string, body: Body<typeof LrPublishBody>, meta: RequestMeta) {
      return act(actor, id, 'publish', meta, async (row, trx) => {
        if (row.collectiveResult === 'rejected') throw new AppError('LR_TRANSITION_NOT_ALLOWED', { collectiveResult: 'rejected' }, '集体讨论未通过，不能公布');
        dateOrder(row.collectiveOn ?? row.submittedOn, body.publishedOn, 'publishedOn');
        dateOrder(body.publishedOn, body.validFrom, 'validFrom');
        if (body.publishedOn > clock.today()) throw new AppError('LR_DATE_ORDER', { what: 'publishedOn' });
        if (row.kind === 'normativeDocument' || row.kind === 'industryPolicy') {
          if (!body.validUntil) throw new AppError('LR_VALIDITY_REQUIRED');
          const cap = `${Number(body.validFrom.slice(0, 4)) + maxValidityYears}${body.validFrom.slice(4)}`;
          if (body.validUntil > cap) throw new AppError('LR_VALIDITY_REQUIRED', { validUntil: body.validUntil, latest: cap, years: maxValidityYears });
        }
        if (body.validUntil) dateOrder(body.validFrom, body.validUntil, 'validUntil');
        const year = Number(body.publishedOn.slice(0, 4));
        const prefix = numbering.published[row.kind as Exclude<LrDraftKind, 'majorContract'>];
        const docNo = formatNo(prefix, year, await repo.nextNo(trx, `published:${row.kind}:${year}`));
        // Beijing: file within 30 days of publication (北京市行政规范性文件备案规定, UNVERIFIED article).
        if (row.kind === 'normativeDocument') await openDeadline(trx, row, RULE.filing, body.publishedOn, `报送备案：${row.title}`);
        // Validity: evaluation before expiry goes on the register, so that the reminder service alerts the reviewer.
        if (body.validUntil) await openDeadline(trx, row, RULE.validity, body.validUntil, `有效期届满前评估：${row.title}`);
        return { patch: { docNo, publishedOn: body.publishedOn, validFrom: body.validFrom, validUntil: body.validUntil ?? null }, note: `${docNo}，${body.validFrom} 起施行${body.validUntil ? `，有效期至 ${body.validUntil}` : ''}`, extra: { docNo } };
      });
    },

    async file(actor: Actor, id: string, body: Body<typeof LrFileBody>, meta: RequestMeta) {
      return act(actor, id, 'file', meta, async (row, trx) => {
        dateOrder(row.publishedOn ?? row.submittedOn, body.filedOn, 'filedOn');
        if (body.filedOn > clock.today()) throw new AppError('LR_DATE_ORDER', { what: 'filedOn' });
        await closeOpen(trx, id, [RULE.filing], 'met');
        const due = row.publishedOn ? (await compute(RULE.filing, row.publishedOn)).due : null;
        return { patch: { filedOn: body.filedOn, filingNo: body.filingNo }, note: `备案号 ${body.filingNo}${due && body.filedOn > due ? `（逾期：应于 ${due} 前报送）` : ''}`, extra: { late: !!due && body.filedOn > due } };
      });
    },

    async withdraw(actor: Actor, id: string, body: Body<typeof LrWithdrawBody>, meta: RequestMeta) {
      return act(actor, id, 'withdraw', meta, async (_row, trx) => {
        await closeOpen(trx, id, null, 'cancelled');
        return { patch: { endedOn: clock.today() }, note: body.reason };
      });
    },

    /** `within` runs in the same transaction (a clean-up campaign records its item there). */
    async end(actor: Actor, id: string, action: 'abolish' | 'expire', body: { on: string; reason: string }, meta: RequestMeta, within?: (trx: Trx) => Promise<void>) {
      return act(actor, id, action, meta, async (row, trx) => {
        dateOrder(row.publishedOn ?? row.submittedOn, body.on, 'on');
        await closeOpen(trx, id, null, action === 'expire' ? 'met' : 'cancelled');
        if (within) await within(trx);
        return { patch: { endedOn: body.on }, note: body.reason };
      });
    },

    async postEvaluate(actor: Actor, id: string, body: Body<typeof LrPostEvaluationBody>, meta: RequestMeta) {
      return act(actor, id, 'postEvaluate', meta, async (row, trx) => {
        dateOrder(row.publishedOn ?? row.submittedOn, body.evaluatedOn, 'evaluatedOn');
        await trx.insertInto('legalityPostEvaluations').values({ id: randomUUID(), draftId: id, evaluatedOn: body.evaluatedOn, evaluator: body.evaluator, conclusion: body.conclusion, report: body.report, createdBy: actor.userId, createdAt: clock.nowIso() }).execute();
        if (body.conclusion !== 'abolish') await closeOpen(trx, id, [RULE.validity], 'met');
        return { note: `${body.evaluator}：${{ continue: '继续施行', amend: '修改', abolish: '废止' }[body.conclusion]}` };
      });
    },

    // ── public comment ────────────────────────────────────────────────────────────────────────
    async openComment(actor: Actor, id: string, body: Body<typeof LrCommentPeriodBody>, meta: RequestMeta) {
      return act(actor, id, 'openComment', meta, async (row) => {
        dateOrder(body.from, body.until, 'until');
        if (!row.text.trim()) throw new AppError('LR_TEXT_MISSING');
        const floor = row.kind === 'majorDecision' ? RULE.commentMajorDecision : row.touchesMarket ? RULE.commentMarket : null;
        if (floor) {
          const min = await compute(floor, body.from);
          if (body.until < min.due && !body.shortenedReason) throw new AppError('LR_COMMENT_PERIOD_TOO_SHORT', { until: body.until, earliest: min.due, citation: ruleCitation(getRule(floor)) });
        }
        return { patch: { commentFrom: body.from, commentUntil: body.until, commentShortenedReason: body.shortenedReason ?? null }, note: `${body.from} 至 ${body.until}${body.shortenedReason ? `（缩短期限：${body.shortenedReason}）` : ''}` };
      });
    },

    async recordComment(actor: Actor, id: string, body: Body<typeof LrStaffCommentBody>, meta: RequestMeta) {
      return act(actor, id, 'recordComment', meta, async (_row, trx) => {
        if (body.contactPointId) {
          const ok = await trx.selectFrom('legalityInvitations').select('draftId').where('draftId', '=', id).where('contactPointId', '=', body.contactPointId).executeTakeFirst();
          if (!ok) throw new AppError('VALIDATION_FAILED', { field: 'contactPointId', reason: '该企业联系点未被邀请对本草案提出意见' });
        }
        await trx.insertInto('legalityComments').values({ id: randomUUID(), draftId: id, anchor: body.anchor, content: body.content, commenterName: body.commenterName ?? null, organization: body.organization ?? null, source: body.contactPointId ? 'contactPoint' : 'staff', contactPointId: body.contactPointId ?? null, submittedAt: clock.nowIso(), decision: null, decisionReason: null, decidedBy: null, decidedAt: null }).execute();
        return { note: `${body.anchor}` };
      });
    },

    async decideComment(actor: Actor, id: string, commentId: string, body: Body<typeof LrCommentDecisionBody>, meta: RequestMeta) {
      return act(actor, id, 'decideComment', meta, async (_row, trx) => {
        const r = await trx.updateTable('legalityComments').set({ decision: body.decision, decisionReason: body.reason, decidedBy: actor.userId, decidedAt: clock.nowIso() }).where('id', '=', commentId).where('draftId', '=', id).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'legalityComment', id: commentId });
        return { note: `意见 ${commentId.slice(0, 8)}：${body.decision}`, extra: { commentId, decision: body.decision } };
      });
    },

    /** 采纳情况说明: built from the decisions (every comment decided first), published on the portal. */
    async publishAdoption(actor: Actor, id: string, body: Body<typeof LrAdoptionStatementBody>, meta: RequestMeta) {
      return act(actor, id, 'publishAdoption', meta, async (row, trx) => {
        const cs = await trx.selectFrom('legalityComments').selectAll().where('draftId', '=', id).orderBy('submittedAt').orderBy('id').execute();
        const pending = cs.filter((c) => !c.decision).length;
        if (pending) throw new AppError('LR_DECISIONS_PENDING', { pending });
        if (row.commentUntil && body.publishedOn < row.commentUntil) throw new AppError('LR_DATE_ORDER', { what: 'publishedOn', commentUntil: row.commentUntil });
        const n = (d: string) => cs.filter((c) => c.decision === d).length;
        const lines = [
          `《${row.title}》于${row.commentFrom ?? '—'}至${row.commentUntil ?? '—'}公开征求意见，共收到意见 ${cs.length} 条，其中采纳 ${n('adopted')} 条、部分采纳 ${n('partlyAdopted')} 条、不采纳 ${n('notAdopted')} 条。`,
          ...(body.summary ? [body.summary] : []),
          ...cs.map((c, i) => `${i + 1}. 关于${c.anchor}：${c.content}——${{ adopted: '采纳', partlyAdopted: '部分采纳', notAdopted: '不采纳' }[c.decision as 'adopted']}。${c.decisionReason ?? ''}`),
        ];
        return { patch: { adoptionStatement: lines.join('\n'), adoptionPublishedOn: body.publishedOn }, note: `共 ${cs.length} 条意见` };
      });
    },

    async invite(actor: Actor, id: string, body: Body<typeof LrInviteBody>, meta: RequestMeta) {
      return act(actor, id, 'invite', meta, async (_row, trx) => {
        const found = await trx.selectFrom('legalityContactPoints').select('id').where('id', 'in', body.contactPointIds).where('active', '=', 1).execute();
        if (found.length !== new Set(body.contactPointIds).size) throw new AppError('VALIDATION_FAILED', { field: 'contactPointIds' });
        const now = clock.nowIso();
        for (const c of found) await trx.insertInto('legalityInvitations').values({ draftId: id, contactPointId: c.id, invitedAt: now }).onConflict((oc) => oc.columns(['draftId', 'contactPointId']).doNothing()).execute();
        return { note: `邀请企业联系点 ${found.length} 家` };
      });
    },

    // Public portal: drafts open for comment, their articles, and comments anchored to an article.
    async publicList(): Promise<Body<typeof LrPublicDraftSummary>[]> {
      const today = clock.today();
      const rows = await db.selectFrom('legalityDrafts').select(['id', 'kind', 'title', 'draftingUnit', 'commentFrom', 'commentUntil']).where('commentFrom', '<=', today).where('commentUntil', '>=', today).where('status', 'in', ['registered', 'incomplete', 'underReview']).orderBy('commentUntil').limit(100).execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind as LrDraftKind, title: r.title, draftingUnit: r.draftingUnit, from: r.commentFrom!, until: r.commentUntil! }));
    },
    async publicGet(id: string): Promise<Body<typeof LrPublicDraftDetail>> {
      const r = await repo.get(db, id);
      const today = clock.today();
      const open = r && r.commentFrom && r.commentUntil && r.commentFrom <= today;
      if (!r || !open) throw new AppError('NOT_FOUND', { entity: 'legalityDraft', id });
      return { id: r.id, kind: r.kind as LrDraftKind, title: r.title, draftingUnit: r.draftingUnit, from: r.commentFrom!, until: r.commentUntil!, articles: articlesOf(r.text), adoptionStatement: r.adoptionPublishedOn ? r.adoptionStatement : null };
    },
    async publicComment(id: string, body: Body<typeof LrPublicCommentBody>, meta: RequestMeta) {
      const r = await repo.get(db, id);
      const today = clock.today();
      if (!r || !r.commentFrom || !r.commentUntil || r.commentFrom > today) throw new AppError('NOT_FOUND', { entity: 'legalityDraft', id });
      if (today > r.commentUntil || !['registered', 'incomplete', 'underReview'].includes(r.status)) throw new AppError('LR_COMMENT_CLOSED');
      if (!articlesOf(r.text).some((a) => a.anchor === body.anchor)) throw new AppError('VALIDATION_FAILED', { field: 'anchor', reason: '请选择草案中的条款或段落' });
      const cid = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('legalityComments').values({ id: cid, draftId: id, anchor: body.anchor, content: body.content, commenterName: body.commenterName ?? null, organization: body.organization ?? null, source: 'public', contactPointId: null, submittedAt: clock.nowIso(), decision: null, decisionReason: null, decidedBy: null, decidedAt: null }).execute();
        await audit.record({ actor: null, ip: meta.ip, requestId: meta.requestId, action: 'legalityReview.comment.public', objectType: OBJECT_TYPE, objectId: id, after: { commentId: cid, anchor: body.anchor } }, trx);
      });
      return { id: cid };
    },
  };
}

export type LegalityReviewService = ReturnType<typeof createLegalityReviewService>;
