/**
 * 行政复议文书: drafts filled from the case facts, edited while draft, issued with a per-year number
 * (西政复〔2026〕12号) in the same transaction that freezes them, served (送达), rendered as GB/T 9704 .docx.
 *
 * When a document may be drafted and when issued (KIND_RULES below) — the choice a handler expects:
 * - a document may be DRAFTED as soon as the step it records is in prospect (e.g. the decision while the case is
 *   under review, in mediation or suspended; the refusal while the application is under the acceptance review), so
 *   that the handler can prepare it for approval;
 * - it may be ISSUED only once the case records the step (the decision only when the case is decided, the refusal
 *   only when refused, the suspension notice only while suspended, …): the document never runs ahead of the register.
 * Every create / edit / issue / service / download is audited; writes in the same transaction as the audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  RECON_DOCUMENT_KIND_LABELS,
  RECON_SERVICE_METHOD_LABELS,
  RECON_STATUS_LABELS,
  type ReconDocumentDetail,
  type ReconDocumentKind,
  type ReconDocumentServiceBody,
  type ReconDocumentVoidBody,
  type ReconDocumentStatus,
  type ReconDocumentSummary,
  type ReconDocumentUpdateBody,
  type ReconServiceMethod,
  type ReconStatus,
} from '../../../../common/contracts';
import { AppError } from '../../../../common/errors';
import type { z } from 'zod';
import type { Database, Db } from '../../../db';
import type { AuditService } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import { buildOfficialDocx } from '../../../platform/documents';
import { type Actor, type RequestMeta, assertInScope } from '../../../platform/identity';
import type { ReconsiderationService } from '../reconsideration.service';
import { type DocumentRow, type ServiceRow, createDocumentsRepo } from './documents.repo';
import { PLACEHOLDER_RE, draftFor, splitAddressee } from './templates';

type Trx = Transaction<Database>;
const OBJECT_TYPE = 'reconsiderationDocument';
/** Printed in the page header of a draft's .docx. */
export const DRAFT_HEADER = '草稿（未印发，不发生法律效力）';

interface CaseFacts {
  status: ReconStatus;
  channel: string;
  acceptedOn: string | null;
  extensionDays: number | null;
  actions: string[];
}
interface KindRule {
  /** null when the kind may be drafted; else why not (zh-CN) */
  draft(c: CaseFacts): string | null;
  issue(c: CaseFacts): string | null;
}
const REVIEW: ReconStatus[] = ['accepted', 'underReview', 'mediation'];
const inStatus = (c: CaseFacts, statuses: ReconStatus[], why: string) => (statuses.includes(c.status) ? null : why);

/** The table of when each kind may be drafted and issued (see the module comment), with the article behind it. */
export const KIND_RULES: Record<ReconDocumentKind, KindRule> = {
  receipt: {
    // every channel of Art. 22 gets one, worded per channel (templates.ts receiptParagraphs); only while the
    // acceptance review runs (a receipt after acceptance or refusal says nothing new)
    draft: (c) => inStatus(c, ['registered', 'correctionRequested'], '收件回执在收到申请后、受理审查期间出具（《行政复议法》第二十二条、第三十条）'),
    issue: (c) => KIND_RULES.receipt.draft(c),
  },
  acceptanceNotice: {
    draft: (c) => (c.status === 'registered' || c.acceptedOn ? null : '受理通知书用于受理审查中或者已受理的案件（《行政复议法》第三十条）'),
    issue: (c) => (c.acceptedOn ? null : '案件登记受理后才能印发受理通知书（《行政复议法》第三十条第一款）'),
  },
  correctionNotice: {
    draft: (c) => inStatus(c, ['registered', 'correctionRequested'], '补正通知书只能在受理审查阶段制作（《行政复议法》第三十一条第一款）'),
    issue: (c) => inStatus(c, ['correctionRequested'], '请先登记“通知补正”（含一次性载明的补正事项），再印发补正通知书（《行政复议法》第三十一条第一款）'),
  },
  rejectionDecision: {
    draft: (c) => inStatus(c, ['registered', 'rejected'], '不予受理决定书只能在受理审查阶段制作（《行政复议法》第三十条第二款）'),
    issue: (c) => inStatus(c, ['rejected'], '请先登记“不予受理”（在审查期限内），再印发不予受理决定书（《行政复议法》第三十条第二款）'),
  },
  replyNotice: {
    draft: (c) => inStatus(c, [...REVIEW, 'suspended'], '受理后、作出决定前才能制作提出答复通知书（《行政复议法》第四十八条、第五十四条）'),
    issue: (c) => KIND_RULES.replyNotice.draft(c),
  },
  suspensionNotice: {
    draft: (c) => inStatus(c, [...REVIEW, 'suspended'], '审理期间才能制作中止审理通知书（《行政复议法》第三十九条）'),
    issue: (c) => inStatus(c, ['suspended'], '请先登记“中止审理”，再印发中止审理通知书（《行政复议法》第三十九条第三款）'),
  },
  resumptionNotice: {
    draft: (c) => (c.status === 'suspended' || (REVIEW.includes(c.status) && c.actions.some((a) => a === 'resume' || a === 'concludeNormReview')) ? null : '中止审理的案件才能制作恢复审理通知书（《行政复议法》第三十九条第二款）'),
    issue: (c) => (REVIEW.includes(c.status) && c.actions.some((a) => a === 'resume' || a === 'concludeNormReview') ? null : '请先登记“恢复审理”，再印发恢复审理通知书（《行政复议法》第三十九条第二款、第三款）'),
  },
  terminationNotice: {
    draft: (c) => inStatus(c, [...REVIEW, 'suspended', 'terminated'], '审理期间才能制作终止行政复议通知书（《行政复议法》第四十一条）'),
    issue: (c) => inStatus(c, ['terminated'], '请先登记“终止行政复议”，再印发终止通知书（《行政复议法》第四十一条）'),
  },
  extensionNotice: {
    draft: (c) => inStatus(c, [...REVIEW, 'suspended'], '审理期间才能制作延期审理通知书（《行政复议法》第六十二条第一款）'),
    issue: (c) => (c.extensionDays && [...REVIEW, 'suspended'].includes(c.status) ? null : '延长审理期限须先经行政复议机构的负责人批准并登记，再书面告知当事人（《行政复议法》第六十二条第一款）'),
  },
  decision: {
    // Drafting may start while the case is under review (the draft goes to the head for approval, Art. 61 ¶1);
    // issuing requires the decision to be recorded on the case.
    draft: (c) => inStatus(c, ['underReview', 'mediation', 'suspended', 'decided'], '被申请人答复阶段开始后才能起草行政复议决定书（《行政复议法》第四十八条、第六十一条）'),
    issue: (c) => inStatus(c, ['decided'], '请先登记“作出行政复议决定”，再印发行政复议决定书（《行政复议法》第六十一条、第七十五条）'),
  },
  mediationAgreement: {
    draft: (c) => inStatus(c, ['mediation', 'mediated'], '调解中或者调解结案的案件才能制作行政复议调解书（《行政复议法》第七十三条）'),
    issue: (c) => KIND_RULES.mediationAgreement.draft(c),
  },
};

export interface DocumentsService {
  list(actor: Actor, caseId: string): Promise<{ data: ReconDocumentSummary[] }>;
  create(actor: Actor, caseId: string, kind: ReconDocumentKind, meta: RequestMeta): Promise<ReconDocumentDetail>;
  get(actor: Actor, docId: string): Promise<ReconDocumentDetail>;
  update(actor: Actor, docId: string, body: z.infer<typeof ReconDocumentUpdateBody>, meta: RequestMeta): Promise<ReconDocumentDetail>;
  issue(actor: Actor, docId: string, meta: RequestMeta): Promise<ReconDocumentDetail>;
  recordService(actor: Actor, docId: string, body: z.infer<typeof ReconDocumentServiceBody>, meta: RequestMeta): Promise<ReconDocumentDetail>;
  /** 作废: a draft, or an issued document with no service record; the reason is kept and audited, the number is not reused. */
  voidDocument(actor: Actor, docId: string, body: z.infer<typeof ReconDocumentVoidBody>, meta: RequestMeta): Promise<ReconDocumentDetail>;
  /** The .docx for a user in scope (audited download). */
  download(actor: Actor, docId: string, meta: RequestMeta): Promise<{ filename: string; data: Buffer }>;
  /** For the public portal (its own receipt + query-code check comes first): the .docx of an issued document. */
  renderDocumentDocx(docId: string): Promise<{ filename: string; data: Buffer }>;
  /** For the public portal: the case's issued documents served online (电子送达). */
  listDocumentsServedOnline(caseId: string): Promise<{ id: string; title: string; docNo: string | null; servedOn: string | null }[]>;
}

export function createDocumentsService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  reconsideration: ReconsiderationService;
  /** 西政复 → 西政复〔2026〕12号 */
  docNoPrefix: string;
  /** 行政复议机关, e.g. 北京市西城区人民政府 */
  organName: string;
}): DocumentsService {
  const { db, clock, audit } = deps;
  const repo = createDocumentsRepo(db);

  async function caseInScope(actor: Actor, caseId: string, q: Db | Trx = db) {
    const c = await repo.caseOf(q, caseId);
    if (!c) throw new AppError('NOT_FOUND', { entity: 'reconsiderationCase', id: caseId });
    assertInScope(actor, c.departmentId, c.handlerId);
    return c;
  }
  async function facts(q: Db | Trx, c: NonNullable<Awaited<ReturnType<typeof repo.caseOf>>>): Promise<CaseFacts> {
    return { status: c.status as ReconStatus, channel: c.channel, acceptedOn: c.acceptedOn, extensionDays: c.extensionDays, actions: await repo.caseActions(q, c.id) };
  }
  /** The document and its case, in the actor's data scope (the case's department or handler). */
  async function load(actor: Actor, docId: string, q: Db | Trx = db) {
    const doc = await repo.find(q, docId);
    if (!doc) throw new AppError('NOT_FOUND', { entity: 'reconsiderationDocument', id: docId });
    const c = await caseInScope(actor, doc.caseId, q);
    return { doc, c };
  }

  const serviceView = (s: ServiceRow) => ({
    id: s.id,
    method: s.method as ReconServiceMethod,
    methodLabel: RECON_SERVICE_METHOD_LABELS[s.method as ReconServiceMethod] ?? s.method,
    recipient: s.recipient,
    servedOn: s.servedOn,
    note: s.note,
    recordedAt: s.recordedAt,
  });
  const summary = (d: DocumentRow, services: ServiceRow[]): ReconDocumentSummary => ({
    id: d.id,
    caseId: d.caseId,
    kind: d.kind as ReconDocumentKind,
    kindLabel: RECON_DOCUMENT_KIND_LABELS[d.kind as ReconDocumentKind] ?? d.kind,
    title: d.title,
    docNo: d.docNo,
    status: d.status as ReconDocumentStatus,
    createdAt: d.createdAt,
    issuedAt: d.issuedAt,
    voidReason: d.voidReason,
    voidedAt: d.voidedAt,
    services: services.filter((s) => s.documentId === d.id).map(serviceView),
  });
  async function detail(actor: Actor, docId: string): Promise<ReconDocumentDetail> {
    const { doc, c } = await load(actor, docId);
    const services = await repo.services(db, [doc.id]);
    const paragraphs = JSON.parse(doc.paragraphs) as string[];
    let blocked: string | null;
    if (doc.status !== 'draft') blocked = doc.status === 'void' ? '文书已作废' : '文书已印发';
    else {
      blocked = KIND_RULES[doc.kind as ReconDocumentKind].issue(await facts(db, c));
      if (!blocked && paragraphs.some((p) => PLACEHOLDER_RE.test(p))) blocked = '文书中仍有【】标记的待填写内容';
    }
    return { ...summary(doc, services), paragraphs, caseNo: c.caseNo, editable: doc.status === 'draft', issueBlockedReason: blocked };
  }

  const record = (trx: Trx, actor: Actor, meta: RequestMeta, action: string, doc: Pick<DocumentRow, 'id' | 'caseId' | 'kind'>, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: `reconsideration.document.${action}`, objectType: OBJECT_TYPE, objectId: doc.id, before, after, extra: { caseId: doc.caseId, kind: doc.kind } }, trx);

  async function render(doc: DocumentRow): Promise<{ filename: string; data: Buffer }> {
    const { addressee, body } = splitAddressee(JSON.parse(doc.paragraphs) as string[]);
    const draft = doc.status === 'draft';
    const data = await buildOfficialDocx({
      organ: deps.organName,
      title: doc.title,
      docNo: doc.docNo,
      addressee,
      paragraphs: body,
      signature: { organ: deps.organName, date: draft ? null : doc.issuedOn },
      headerNote: draft ? DRAFT_HEADER : doc.status === 'void' ? '已作废' : undefined,
    });
    return { filename: `${doc.title}（${doc.docNo ?? '草稿'}）.docx`, data };
  }

  return {
    async list(actor, caseId) {
      await caseInScope(actor, caseId);
      const docs = await repo.ofCase(caseId);
      const services = await repo.services(db, docs.map((d) => d.id));
      return { data: docs.map((d) => summary(d, services)) };
    },

    async create(actor, caseId, kind, meta) {
      const c = await caseInScope(actor, caseId);
      const why = KIND_RULES[kind].draft(await facts(db, c));
      if (why) throw new AppError('RECON_DOCUMENT_KIND_NOT_ALLOWED', { kind, status: c.status }, `案件当前状态为“${RECON_STATUS_LABELS[c.status as ReconStatus] ?? c.status}”，不能制作${RECON_DOCUMENT_KIND_LABELS[kind]}：${why}`);
      // The case through the case service's scoped read: the facts the template fills in.
      const full = await deps.reconsideration.get(actor, caseId);
      const items = c.correctionItems ? (JSON.parse(c.correctionItems) as string[]) : [];
      const online = kind === 'receipt' ? ((await db.selectFrom('reconsiderationPortalApplications').select(['receiptNo', 'submittedAt']).where('caseId', '=', caseId).executeTakeFirst()) ?? null) : null;
      const draft = draftFor(kind, { case: full, correctionItems: items, online });
      const now = clock.nowIso();
      const row: DocumentRow = {
        id: randomUUID(),
        caseId,
        kind,
        title: draft.title,
        docNo: null,
        year: null,
        seq: null,
        paragraphs: JSON.stringify(draft.paragraphs),
        status: 'draft',
        issuedOn: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        issuedBy: null,
        issuedAt: null,
        version: 1,
        voidReason: null,
        voidedBy: null,
        voidedAt: null,
      };
      await db.transaction().execute(async (trx) => {
        await caseInScope(actor, caseId, trx);
        await repo.insert(trx, row);
        await record(trx, actor, meta, 'create', row, null, { kind, title: row.title, status: 'draft', caseNo: c.caseNo });
      });
      return detail(actor, row.id);
    },

    get: detail,

    async update(actor, docId, body, meta) {
      await db.transaction().execute(async (trx) => {
        const { doc } = await load(actor, docId, trx);
        if (doc.status !== 'draft') throw new AppError('RECON_DOCUMENT_NOT_DRAFT', { status: doc.status, docNo: doc.docNo });
        const paragraphs = JSON.stringify(body.paragraphs);
        const ok = await repo.updateDraft(trx, doc.id, doc.version, { title: body.title, paragraphs, updatedAt: clock.nowIso() });
        if (!ok) throw new AppError('CONFLICT', { entity: 'reconsiderationDocument', id: docId });
        await record(trx, actor, meta, 'update', doc, { title: doc.title, paragraphs: (JSON.parse(doc.paragraphs) as string[]).length }, { title: body.title, paragraphs: body.paragraphs.length });
      });
      return detail(actor, docId);
    },

    async issue(actor, docId, meta) {
      await db.transaction().execute(async (trx) => {
        const { doc, c } = await load(actor, docId, trx);
        if (doc.status !== 'draft') throw new AppError('RECON_DOCUMENT_NOT_DRAFT', { status: doc.status, docNo: doc.docNo });
        const kind = doc.kind as ReconDocumentKind;
        const why = KIND_RULES[kind].issue(await facts(trx, c));
        if (why) throw new AppError('RECON_DOCUMENT_ISSUE_NOT_ALLOWED', { kind, status: c.status }, `案件当前状态为“${RECON_STATUS_LABELS[c.status as ReconStatus] ?? c.status}”，不能印发${RECON_DOCUMENT_KIND_LABELS[kind]}：${why}`);
        const open = (JSON.parse(doc.paragraphs) as string[]).flatMap((p) => p.match(new RegExp(PLACEHOLDER_RE.source, 'g')) ?? []);
        if (open.length || PLACEHOLDER_RE.test(doc.title)) throw new AppError('RECON_DOCUMENT_INCOMPLETE', { placeholders: open.slice(0, 10) });
        // Number and freeze in one transaction: a failure below gives the number back (no gaps), the unique index
        // on (year, seq) and the optimistic version make a double issue impossible.
        const issuedOn = clock.today();
        const year = Number(issuedOn.slice(0, 4));
        const seq = await repo.nextSeq(trx, year);
        const docNo = `${deps.docNoPrefix}〔${year}〕${seq}号`;
        const now = clock.nowIso();
        const ok = await repo.updateDraft(trx, doc.id, doc.version, { status: 'issued', docNo, year, seq, issuedOn, issuedBy: actor.userId, issuedAt: now, updatedAt: now });
        if (!ok) throw new AppError('CONFLICT', { entity: 'reconsiderationDocument', id: docId });
        await record(trx, actor, meta, 'issue', doc, { status: 'draft' }, { status: 'issued', docNo, issuedOn, caseNo: c.caseNo });
      });
      return detail(actor, docId);
    },

    async recordService(actor, docId, body, meta) {
      await db.transaction().execute(async (trx) => {
        const { doc } = await load(actor, docId, trx);
        if (doc.status !== 'issued' || !doc.issuedOn) throw new AppError('RECON_DOCUMENT_NOT_ISSUED', { status: doc.status });
        if (body.servedOn > clock.today()) throw new AppError('RECON_DATE_IN_FUTURE', { field: 'servedOn', date: body.servedOn, today: clock.today() });
        if (body.servedOn < doc.issuedOn) throw new AppError('RECON_DOCUMENT_SERVED_BEFORE_ISSUE', { field: 'servedOn', date: body.servedOn, issuedOn: doc.issuedOn });
        const id = await repo.insertService(trx, { documentId: doc.id, method: body.method, recipient: body.recipient, servedOn: body.servedOn, note: body.note ?? null, recordedBy: actor.userId, recordedAt: clock.nowIso() });
        await record(trx, actor, meta, 'serve', doc, null, { serviceId: id, method: body.method, servedOn: body.servedOn, docNo: doc.docNo });
      });
      return detail(actor, docId);
    },

    async voidDocument(actor, docId, body, meta) {
      await db.transaction().execute(async (trx) => {
        const { doc, c } = await load(actor, docId, trx);
        if (doc.status === 'void') throw new AppError('RECON_DOCUMENT_ALREADY_VOID', { docNo: doc.docNo });
        // A served document has taken effect for its addressee (《行政复议法》第七十五条第二款 for the decision):
        // it is corrected by a new document, never made to disappear.
        const served = await repo.services(trx, [doc.id]);
        if (served.length) throw new AppError('RECON_DOCUMENT_SERVED_NOT_VOIDABLE', { docNo: doc.docNo, services: served.length });
        const now = clock.nowIso();
        const ok = await repo.markVoid(trx, doc.id, doc.version, { voidReason: body.reason, voidedBy: actor.userId, voidedAt: now, updatedAt: now });
        if (!ok) throw new AppError('CONFLICT', { entity: 'reconsiderationDocument', id: docId });
        await record(trx, actor, meta, 'void', doc, { status: doc.status }, { status: 'void', reason: body.reason, docNo: doc.docNo, caseNo: c.caseNo });
      });
      return detail(actor, docId);
    },

    async download(actor, docId, meta) {
      const { doc } = await load(actor, docId);
      const file = await render(doc);
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.document.download', objectType: OBJECT_TYPE, objectId: doc.id, extra: { caseId: doc.caseId, kind: doc.kind, status: doc.status, docNo: doc.docNo } });
      return file;
    },

    async renderDocumentDocx(docId) {
      const doc = await repo.find(db, docId);
      // the public side only ever sees issued documents (a draft or a void one does not exist for it)
      if (!doc || doc.status !== 'issued') throw new AppError('NOT_FOUND', { entity: 'reconsiderationDocument', id: docId });
      return render(doc);
    },

    async listDocumentsServedOnline(caseId) {
      const rows = await repo.servedOnline(caseId);
      return rows.map((r) => ({ id: r.id, title: r.title, docNo: r.docNo, servedOn: (r.servedOn as string | null) ?? null }));
    },
  };
}
