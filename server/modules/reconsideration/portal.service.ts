/**
 * 行政复议 on the public portal (no login). 《中华人民共和国行政复议法》第二十二条第二款: a written application may be
 * submitted through the Internet channel the reconsideration organ designates.
 *
 * - submit: the application (Art. 22 content) and its attachments become ONE case of the register, channel 'online',
 *   through the reconsideration service's create path, acted by the system actor 互联网申请 (audited with the caller's
 *   IP). Files are checked by content, written under <dataDir>/uploads/reconsideration/<yyyy>/<uuid> (no extension,
 *   0600) inside the registration transaction and removed again when anything fails: nothing half-written.
 * - idempotent submit: the form sends a random submission token; the first request with it registers the case and
 *   keeps the receipt (encrypted, for PORTAL_RETRY_WINDOW_HOURS); a retry with the same token and the same content
 *   gets that receipt back and registers nothing. The token's primary key (migration 016) decides between two
 *   requests that race; the earlier SELECT only spares the work. A different token is a new application.
 * - progress: receipt number + query code (scrypt hash, constant-time compare, lockout per receipt number typed).
 * - staff: the attachments of a case (scoped) and their download.
 */
import { createHash, randomInt, randomUUID, scrypt as scryptCb, timingSafeEqual, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  PORTAL_ATTACHMENT_REASONS,
  PORTAL_CODE_ALPHABET,
  PORTAL_RETRY_WINDOW_HOURS,
  PORTAL_STATUS_TEXT,
  RECON_DEADLINE_KIND_LABELS,
  PortalApplicationInput,
  type PortalApplicationResult,
  type PortalAttachmentReason,
  type PortalProgress,
  type ReconCaseAttachments,
  type ReconCaseCreateBody,
  type ReconDeadlineKind,
  type ReconStatus,
  QUERY_CODE_RE,
  RECEIPT_NO_RE,
  normalizePortalCode,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import { isValidCreditCode, isValidIdNumber, isValidMobile, maskAddress, maskName, normalizeCreditCode, normalizeMobile } from '../../../common/validators';
import type { Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { FieldCipher } from '../../platform/crypto';
import { type Actor, type RequestMeta, assertInScope } from '../../platform/identity';
import { MIME_OF_KIND, checkAttachment, cleanFileName } from './attachment-check';
import { createPortalRepo } from './portal.repo';
import type { ReconsiderationService } from './reconsideration.service';

export interface UploadedFile {
  filename: string;
  data: Buffer;
  /** the busboy per-file limit cut the file */
  truncated: boolean;
}

/** A served document the applicant may download (from the documents part of this module, when present). */
export interface ServedDocumentSource {
  list(caseId: string): Promise<{ id: string; title: string; docNo: string | null; servedOn: string | null }[]>;
  render(docId: string): Promise<{ filename: string; data: Buffer }>;
}

export interface PortalService {
  submit(input: { application: string | null; files: UploadedFile[] }, meta: RequestMeta): Promise<z.infer<typeof PortalApplicationResult>>;
  progress(body: { receiptNo: string; queryCode: string }, meta: RequestMeta): Promise<z.infer<typeof PortalProgress>>;
  /** A document of the case behind the receipt, when it was served online. */
  servedDocument(body: { receiptNo: string; queryCode: string }, docId: string, meta: RequestMeta): Promise<{ filename: string; data: Buffer }>;
  /** The uploaded files and the online application's facts; the address masked. */
  attachments(actor: Actor, caseId: string): Promise<z.infer<typeof ReconCaseAttachments>>;
  /** The online application's whole address (the route requires personal.viewFull); audited. */
  revealAddress(actor: Actor, caseId: string, meta: RequestMeta): Promise<{ address: string }>;
  download(actor: Actor, attachmentId: string, meta: RequestMeta): Promise<{ name: string; data: Buffer }>;
}

/** Failed queries of one receipt number before the lock, and the lock's length. */
export const QUERY_MAX_FAILURES = 5;
export const QUERY_LOCK_MINUTES = 30;
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scrypt(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(secret, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (err, key) => (err ? reject(err) : resolve(key))));
}
async function hashCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await scrypt(code, salt)).toString('base64')}`;
}
/** Constant-time: always one scrypt and one timingSafeEqual, whether or not the receipt exists. */
async function verifyCode(code: string, stored: string): Promise<boolean> {
  const [, saltB64 = '', hashB64 = ''] = stored.split('$');
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await scrypt(code, Buffer.from(saltB64, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
/** Hash of a code nobody holds: compared when the receipt number is unknown, so both cases take the same time. */
const DUMMY_HASH = `scrypt$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;

const randomChars = (n: number) => Array.from({ length: n }, () => PORTAL_CODE_ALPHABET[randomInt(PORTAL_CODE_ALPHABET.length)]).join('');

/** Refusals of the identity fields in the applicant's words (the shared messages cite the GB standards). */
const PORTAL_MESSAGES = {
  idNumber: '居民身份证号码有误：应为 18 位，最后一位是数字或 X，且须与前 17 位相符，请对照身份证逐位核对',
  mobile: '手机号码有误：应为 11 位数字，以 13 至 19 开头，请核对',
  creditCode: '统一社会信用代码有误：应为 18 位数字和大写字母，且最后一位校验码须与前 17 位相符，请对照营业执照逐位核对',
} as const;

/** Who that next deadline binds, in words for the public. */
const DEADLINE_NOTE: Partial<Record<ReconDeadlineKind, string>> = {
  acceptance: '行政复议机关审查是否受理您的申请的期限',
  correction: '您提交补正材料的期限',
  respondentCopy: '行政复议机构向被申请人发送申请书副本的期限',
  respondentReply: '被申请人提出书面答复、提交证据和依据的期限',
  decision: '行政复议机关作出行政复议决定的期限',
  suspensionTermination: '中止审理满六十日、中止原因仍未消除时终止行政复议的审查期限',
};
const noteOf = (kind: ReconDeadlineKind) => DEADLINE_NOTE[kind] ?? `行政复议机关办理的法定期限：${RECON_DEADLINE_KIND_LABELS[kind] ?? kind}`;

export function createPortalService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cipher: FieldCipher;
  reconsideration: ReconsiderationService;
  /** <FAZHI_DATA_DIR>/uploads: outside the web root; files are never served inline nor executed */
  uploadsDir: string;
  intakeDepartmentCode: string | null;
  /** documents served online (set when the documents part of the module provides them) */
  documents?: ServedDocumentSource;
}): PortalService {
  const { db, clock, audit, cipher } = deps;
  const repo = createPortalRepo(db);

  /** The system actor of the Internet channel: registers and reads cases of the intake department only. */
  function systemActor(departmentId: string): Actor {
    return {
      userId: 'system:portal',
      username: '互联网申请',
      displayName: '互联网申请',
      departmentId,
      departmentName: '',
      departmentPath: '',
      roles: [],
      permissions: new Set(['reconsideration.case.register', 'reconsideration.case.read', 'person.create', 'person.read']),
      dataScope: 'department',
      scopeDepartmentIds: [departmentId],
      duties: [],
      mustChangePassword: false,
      isDemo: false,
    };
  }

  /**
   * The dates of the act against today and each other, before the register's own checks (whose wording is the
   * staff's: 受理日期、收到申请之日): the applicant is told which of the dates typed is wrong.
   */
  function checkDates(act: { madeOn?: string | undefined; knownOn: string; rightsKnownOn?: string | undefined }) {
    const today = clock.today();
    const fail = (field: string, message: string) => {
      throw new AppError('RECON_DATE_ORDER', { field: `application.act.${field}`, today }, message);
    };
    if (act.knownOn > today) fail('knownOn', '“知道或者应当知道该行政行为的日期”不能晚于提交申请的当天，请核对');
    if (act.madeOn && act.madeOn > today) fail('madeOn', '“行政行为作出日期”不能晚于提交申请的当天，请核对');
    if (act.madeOn && act.madeOn > act.knownOn) fail('madeOn', '“行政行为作出日期”不能晚于“知道或者应当知道该行政行为的日期”，请核对');
    if (act.rightsKnownOn && act.rightsKnownOn > today) fail('rightsKnownOn', '“知道申请行政复议的权利、复议机关和申请期限的日期”不能晚于提交申请的当天，请核对');
  }

  function parseApplication(raw: string | null) {
    if (raw === null) throw new AppError('PORTAL_APPLICATION_INVALID', { reason: 'missing', field: 'application' });
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError('PORTAL_APPLICATION_INVALID', { reason: 'notJson', field: 'application' });
    }
    const parsed = PortalApplicationInput.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: ['application', ...i.path].join('.'), message: i.message }));
      throw new AppError('VALIDATION_FAILED', { issues });
    }
    const a = parsed.data;
    checkDates(a.act);
    // Identity checks with the shared validators (GB 11643 / GB 32100 check characters, mainland mobile numbers);
    // the messages are the applicant's, in plain words, with the form field named.
    if (a.applicant.kind === 'person') {
      const idNumber = a.applicant.idNumber.toUpperCase();
      if (!isValidIdNumber(idNumber)) throw new AppError('ID_NUMBER_INVALID', { field: 'application.applicant.idNumber' }, PORTAL_MESSAGES.idNumber);
      const mobile = normalizeMobile(a.applicant.mobile);
      if (!isValidMobile(mobile)) throw new AppError('MOBILE_INVALID', { field: 'application.applicant.mobile' }, PORTAL_MESSAGES.mobile);
      return { ...a, applicant: { ...a.applicant, idNumber, mobile } };
    }
    const creditCode = normalizeCreditCode(a.applicant.creditCode);
    if (!isValidCreditCode(creditCode)) throw new AppError('CREDIT_CODE_INVALID', { field: 'application.applicant.creditCode' }, PORTAL_MESSAGES.creditCode);
    return { ...a, applicant: { ...a.applicant, creditCode } };
  }

  async function findApplication(body: { receiptNo: string; queryCode: string }) {
    const receiptNo = normalizePortalCode(body.receiptNo).slice(0, 40);
    const code = normalizePortalCode(body.queryCode);
    const now = clock.nowIso();
    const attempt = await repo.attempt(receiptNo);
    if (attempt?.lockedUntil && attempt.lockedUntil > now) throw new AppError('PORTAL_QUERY_LOCKED', { lockedUntil: attempt.lockedUntil });
    const wellFormed = RECEIPT_NO_RE.test(receiptNo) && QUERY_CODE_RE.test(code);
    const app = wellFormed ? await repo.applicationByReceipt(receiptNo) : undefined;
    const match = await verifyCode(code, app?.queryHash ?? DUMMY_HASH);
    if (!app || !match) {
      // Counted per receipt number typed, existing or not: the lock says nothing about which numbers exist.
      const stale = !attempt || Date.parse(attempt.lastFailureAt) < clock.now() - QUERY_LOCK_MINUTES * 60_000;
      const failures = (stale ? 0 : attempt.failures) + 1;
      const lock = failures >= QUERY_MAX_FAILURES;
      await repo.saveAttempt({ receiptNo, failures: lock ? 0 : failures, lastFailureAt: now, lockedUntil: lock ? new Date(clock.now() + QUERY_LOCK_MINUTES * 60_000).toISOString() : null });
      await repo.pruneAttempts(new Date(clock.now() - QUERY_LOCK_MINUTES * 60_000).toISOString(), now);
      throw new AppError('PORTAL_QUERY_NOT_FOUND');
    }
    if (attempt) await repo.clearAttempts(receiptNo);
    return app;
  }

  type Receipt = z.infer<typeof PortalApplicationResult>;
  /** The submission token's key (the token itself is a bearer secret for the receipt and is not stored). */
  const submissionKeyOf = (token: string) => createHash('sha256').update(`portal-submission:${token.toLowerCase()}`).digest('hex');

  /**
   * The receipt of an earlier submission with this token, or undefined when there is none. The same token with other
   * content (a client that did not make a new token for a changed form) is refused rather than answered with a receipt
   * for an application the applicant did not send.
   */
  async function replay(submissionKey: string, fingerprint: string, meta: RequestMeta): Promise<Receipt | undefined> {
    const prior = await repo.submission(submissionKey);
    if (!prior) return undefined;
    if (prior.fingerprint !== fingerprint) {
      throw new AppError('CONFLICT', { entity: 'portalSubmission', reason: 'contentChanged' }, '本表单已经提交过，提交后又修改了内容。如需再提交一份申请，请刷新页面后重新填写；已提交的申请可凭回执编号和查询码查询办理进度');
    }
    if (!prior.receiptEnc) {
      const app = await repo.applicationByCase(prior.caseId);
      throw new AppError('CONFLICT', { entity: 'portalSubmission', reason: 'retryWindowPassed', receiptNo: app?.receiptNo ?? null }, `本申请已于此前提交${app ? `，回执编号 ${app.receiptNo}` : ''}；为保护您的信息，查询码不再重复显示。如未保存查询码，请拨打 12348 或到行政复议机构咨询`);
    }
    const receipt = JSON.parse(cipher.decrypt(prior.receiptEnc)) as Receipt;
    await audit.record({ actor: { id: 'system:portal', name: '互联网申请' }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.portal.resubmit', objectType: 'reconsiderationCase', objectId: prior.caseId, extra: { receiptNo: receipt.receiptNo } });
    return receipt;
  }

  async function removeFiles(paths: string[]) {
    await Promise.all(paths.map((p) => rm(p, { force: true })));
  }

  return {
    async submit(input, meta) {
      const a = parseApplication(input.application);

      // Every attachment is checked; every refused one is named with its reason.
      const rejected: { name: string; reason: PortalAttachmentReason; message: string }[] = [];
      const accepted: { name: string; kind: keyof typeof MIME_OF_KIND; data: Buffer; sha256: string }[] = [];
      for (const f of input.files) {
        const name = cleanFileName(f.filename);
        const res = checkAttachment(f.filename, f.data, f.truncated);
        if (!res.ok) rejected.push({ name: name || '（无文件名）', reason: res.reason, message: PORTAL_ATTACHMENT_REASONS[res.reason] });
        else accepted.push({ name, kind: res.kind, data: f.data, sha256: createHash('sha256').update(f.data).digest('hex') });
      }
      if (rejected.length) throw new AppError('PORTAL_ATTACHMENT_REJECTED', { rejected });

      const { submissionToken, ...content } = a;
      const submissionKey = submissionToken ? submissionKeyOf(submissionToken) : null;
      const fingerprint = createHash('sha256')
        .update(JSON.stringify(content))
        .update(accepted.map((f) => `\n${f.name}\n${f.sha256}`).join(''))
        .digest('hex');
      if (submissionKey) {
        await repo.forgetReceipts(new Date(clock.now() - PORTAL_RETRY_WINDOW_HOURS * 3600_000).toISOString());
        const prior = await replay(submissionKey, fingerprint, meta);
        if (prior) return prior;
      }

      const dept = await repo.intakeDepartment(deps.intakeDepartmentCode);
      if (!dept) throw new AppError('SERVICE_UNAVAILABLE', { reason: 'no intake department' });
      const actor = systemActor(dept.id);
      const receivedOn = clock.today();
      const ap = a.applicant;
      const body: z.infer<typeof ReconCaseCreateBody> = {
        channel: 'online',
        receivedOn,
        applicant: ap.kind === 'person' ? { kind: 'person', name: ap.name, idNumber: ap.idNumber, mobile: ap.mobile } : { kind: 'organization', name: ap.name, creditCode: ap.creditCode, legalRepresentative: ap.legalRepresentative },
        respondent: a.respondent,
        act: a.act,
        request: a.request,
        reasons: a.reasons,
        ...(a.lateExplanation ? { lateExplanation: a.lateExplanation } : {}),
        attachments: accepted.map((f) => ({ name: f.name, size: f.data.length, mimeType: MIME_OF_KIND[f.kind] })),
      };

      const queryCode = randomChars(8);
      const queryHash = await hashCode(queryCode);
      const written: string[] = [];
      let receiptNo = '';
      const stored: { name: string; size: number; sha256: string }[] = [];
      let receipt: Receipt | undefined;
      try {
        await deps.reconsideration.create(actor, body, meta, async (trx, c) => {
          // First: a second request with the same token stops here (primary key), or waits here for the first one's
          // transaction (PostgreSQL) and then stops; its case, number and deadline roll back with it.
          if (submissionKey) await repo.insertSubmission(trx, { submissionKey, caseId: c.id, fingerprint, receiptEnc: null, createdAt: clock.nowIso() });
          for (let i = 0; i < 10 && !receiptNo; i++) {
            const candidate = `WS${c.receivedOn.replace(/-/g, '')}${randomChars(6)}`;
            if (!(await repo.receiptExists(trx, candidate))) receiptNo = candidate;
          }
          if (!receiptNo) throw new AppError('CONFLICT', { entity: 'receiptNo' });
          const now = clock.nowIso();
          await repo.insertApplication(trx, {
            id: randomUUID(),
            caseId: c.id,
            departmentId: c.departmentId,
            receiptNo,
            queryHash,
            addressEnc: cipher.encrypt(ap.address),
            postalCode: ap.postalCode ?? null,
            legalRepresentative: ap.kind === 'organization' ? ap.legalRepresentative : null,
            submittedAt: now,
          });
          const year = c.receivedOn.slice(0, 4);
          await mkdir(path.join(deps.uploadsDir, 'reconsideration', year), { recursive: true, mode: 0o700 });
          for (const f of accepted) {
            const id = randomUUID();
            const storagePath = `reconsideration/${year}/${id}`;
            const file = path.join(deps.uploadsDir, storagePath);
            written.push(file);
            await writeFile(file, f.data, { mode: 0o600, flag: 'wx' });
            await repo.insertAttachment(trx, { id, caseId: c.id, departmentId: c.departmentId, source: 'online', originalName: f.name, kind: f.kind, size: f.data.length, sha256: f.sha256, storagePath, createdAt: now });
            stored.push({ name: f.name, size: f.data.length, sha256: f.sha256 });
          }
          await audit.record(
            { actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.portal.submit', objectType: 'reconsiderationCase', objectId: c.id, after: { receiptNo, caseNo: c.caseNo }, extra: { attachments: accepted.map((f) => ({ kind: f.kind, size: f.data.length, sha256: f.sha256 })) } },
            trx,
          );
          // the receipt as the register holds it, kept (encrypted) with the token in the same transaction
          receipt = { receiptNo, queryCode, caseNo: c.caseNo, receivedOn: c.receivedOn, applicationDue: c.applicationDue, late: Number(c.late) === 1, attachments: stored };
          if (submissionKey) await repo.updateSubmissionReceipt(trx, submissionKey, cipher.encrypt(JSON.stringify(receipt)));
        });
        if (!receipt) throw new AppError('INTERNAL', { reason: 'portal receipt missing' });
        return receipt;
      } catch (e) {
        await removeFiles(written);
        // A request with the same token got there first (the primary key refused this one, or a record it created
        // conflicted): its receipt is the answer. Without a committed submission the error stands.
        if (submissionKey) {
          let prior: Receipt | undefined;
          try {
            prior = await replay(submissionKey, fingerprint, meta);
          } catch (re) {
            if (re instanceof AppError) throw re; // the same token with other content, or past the retry window
          }
          if (prior) return prior;
        }
        throw e;
      }
    },

    async progress(body) {
      const app = await findApplication(body);
      const scope = await repo.caseScope(app.caseId);
      if (!scope) throw new AppError('PORTAL_QUERY_NOT_FOUND');
      const c = await deps.reconsideration.get(systemActor(scope.departmentId), app.caseId);
      const status = c.status as ReconStatus;
      const open = c.deadlines.filter((d) => d.status === 'open' && d.due);
      const running = open.filter((d) => !d.flags.includes('PAUSED')).sort((x, y) => x.due!.localeCompare(y.due!));
      const next = running[0] ?? open[0];
      const documents = deps.documents ? await deps.documents.list(app.caseId) : [];
      return {
        receiptNo: app.receiptNo,
        caseNo: c.caseNo,
        receivedOn: c.receivedOn,
        applicantName: maskName(c.applicantName),
        respondentName: c.respondentName,
        actName: c.actName,
        status,
        statusText: PORTAL_STATUS_TEXT[status]?.text ?? c.statusLabel,
        statusExplanation: PORTAL_STATUS_TEXT[status]?.explanation ?? '',
        nextDeadline: next
          ? {
              title: next.title,
              due: next.flags.includes('PAUSED') ? null : next.due,
              basis: next.basis,
              explanation: next.explanation,
              steps: next.steps,
              note: next.flags.includes('PAUSED') ? `${noteOf(next.kind)}（中止期间暂停计算，恢复审理后继续计算）` : noteOf(next.kind),
            }
          : null,
        documents,
      };
    },

    async servedDocument(body, docId) {
      const app = await findApplication(body);
      if (!deps.documents) throw new AppError('PORTAL_DOCUMENT_NOT_AVAILABLE');
      const served = await deps.documents.list(app.caseId);
      if (!served.some((d) => d.id === docId)) throw new AppError('PORTAL_DOCUMENT_NOT_AVAILABLE');
      return deps.documents.render(docId);
    },

    async attachments(actor, caseId) {
      const c = await repo.caseScope(caseId);
      if (!c) throw new AppError('NOT_FOUND', { entity: 'reconsiderationCase', id: caseId });
      assertInScope(actor, c.departmentId, c.handlerId);
      const [rows, online] = await Promise.all([repo.attachmentsOf(caseId), repo.applicationByCase(caseId)]);
      return {
        attachments: rows.map((r) => ({ id: r.id, name: r.originalName, kind: r.kind, size: r.size, sha256: r.sha256, source: r.source, createdAt: r.createdAt })),
        online: online ? { receiptNo: online.receiptNo, submittedAt: online.submittedAt, address: maskAddress(cipher.decrypt(online.addressEnc)), postalCode: online.postalCode, legalRepresentative: online.legalRepresentative } : null,
      };
    },

    async revealAddress(actor, caseId, meta) {
      const c = await repo.caseScope(caseId);
      if (!c) throw new AppError('NOT_FOUND', { entity: 'reconsiderationCase', id: caseId });
      assertInScope(actor, c.departmentId, c.handlerId);
      const online = await repo.applicationByCase(caseId);
      if (!online) throw new AppError('NOT_FOUND', { entity: 'reconsiderationPortalApplication', caseId });
      const address = cipher.decrypt(online.addressEnc);
      // who saw it, when and for which case; never the address itself
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.application.revealAddress', objectType: 'reconsiderationCase', objectId: caseId, extra: { receiptNo: online.receiptNo } });
      return { address };
    },

    async download(actor, attachmentId, meta) {
      const att = await repo.attachment(attachmentId);
      if (!att) throw new AppError('NOT_FOUND', { entity: 'reconsiderationAttachment', id: attachmentId });
      const c = await repo.caseScope(att.caseId);
      if (!c) throw new AppError('NOT_FOUND', { entity: 'reconsiderationAttachment', id: attachmentId });
      assertInScope(actor, c.departmentId, c.handlerId);
      const file = path.resolve(deps.uploadsDir, att.storagePath);
      if (!file.startsWith(path.resolve(deps.uploadsDir) + path.sep)) throw new AppError('NOT_FOUND', { entity: 'reconsiderationAttachment', id: attachmentId });
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch {
        throw new AppError('NOT_FOUND', { entity: 'reconsiderationAttachmentFile', id: attachmentId });
      }
      // The stored SHA-256 proves the file is the one received.
      if (createHash('sha256').update(data).digest('hex') !== att.sha256) throw new AppError('INTERNAL', { reason: 'attachment checksum mismatch', id: attachmentId });
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.attachment.download', objectType: 'reconsiderationAttachment', objectId: att.id, extra: { caseNo: c.caseNo, sha256: att.sha256 } });
      return { name: att.originalName, data };
    },
  };
}
