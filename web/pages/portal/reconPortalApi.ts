/**
 * Calls of the public 行政复议 pages that the JSON wrapper (app/api.ts) does not cover: the multipart application and
 * the binary download of a served document. Errors become the same ApiError as everywhere else.
 */
import type { z } from 'zod';
import {
  PORTAL_ATTACHMENT_KINDS,
  PORTAL_ATTACHMENT_REASONS,
  PORTAL_UPLOAD_LIMITS,
  type PortalApplicationInput,
  type PortalApplicationResult,
  type PortalAttachmentKind,
  type PortalAttachmentReason,
} from '../../../common/contracts';
import { ERRORS, type ErrorCode } from '../../../common/errors';
import { API_BASE, ApiError } from '../../app/api';

export const PORTAL_API = '/portal/reconsideration';

async function errorOf(res: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | undefined;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  const known = e?.code && e.code in ERRORS ? (e.code as ErrorCode) : null;
  return new ApiError({
    status: res.status,
    code: known ?? 'HTTP_ERROR',
    message: e?.message ?? (known ? ERRORS[known].message : `请求失败（HTTP ${res.status}），请稍后重试`),
    details: e?.details,
    requestId: e?.requestId ?? res.headers.get('x-request-id') ?? undefined,
  });
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { credentials: 'omit', ...init });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', message: '无法连接服务器，请检查网络连接后重试' });
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/**
 * A random submission token (UUID v4) for one filled application form: a retry of the same form gets the first
 * receipt back instead of registering a second case. crypto.randomUUID exists only on HTTPS (and localhost); elsewhere
 * the same UUID is built from crypto.getRandomValues.
 */
export function newSubmissionToken(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Keeps one submission token per content sent: the same application and files again (a retry after a timeout or a
 * failed connection) reuse the token; anything changed is a new application and gets a new token.
 */
export function submissionTokens() {
  let last: { key: string; token: string } | null = null;
  return (application: PortalApplicationInput, files: readonly File[]): string => {
    const { submissionToken: _ignored, ...content } = application;
    const key = JSON.stringify(content) + files.map((f) => `\n${f.name}\u0000${f.size}\u0000${f.lastModified}`).join('');
    if (last?.key !== key) last = { key, token: newSubmissionToken() };
    return last.token;
  };
}

/** A failure after which the application may have arrived all the same (no answer, a gateway timeout, a server error). */
export const mayHaveArrived = (e: unknown) => e instanceof ApiError && (e.code === 'NETWORK' || e.status === 0 || e.status >= 500);

export async function submitApplication(application: PortalApplicationInput, files: File[]): Promise<z.infer<typeof PortalApplicationResult>> {
  const form = new FormData();
  form.append('application', JSON.stringify(application));
  for (const f of files) form.append('files', f, f.name);
  const res = await send(`${PORTAL_API}/applications`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  return (await res.json()) as z.infer<typeof PortalApplicationResult>;
}

/** Downloads a served document (.docx) and hands it to the browser as a file. */
export async function downloadServedDocument(docId: string, receiptNo: string, queryCode: string, fallbackName: string): Promise<void> {
  const res = await send(`${PORTAL_API}/documents/${encodeURIComponent(docId)}/docx`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/octet-stream' },
    body: JSON.stringify({ receiptNo, queryCode }),
  });
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]!) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The rejected attachments named in a PORTAL_ATTACHMENT_REJECTED error. */
export function rejectedFiles(details: unknown): { name: string; message: string }[] {
  const d = details as { rejected?: { name?: unknown; reason?: unknown; message?: unknown }[] } | undefined;
  if (!Array.isArray(d?.rejected)) return [];
  return d.rejected.map((r) => ({
    name: typeof r.name === 'string' ? r.name : '（无文件名）',
    message: typeof r.message === 'string' ? r.message : (PORTAL_ATTACHMENT_REASONS[r.reason as PortalAttachmentReason] ?? '未通过检查'),
  }));
}

const startsWith = (b: Uint8Array, bytes: number[]) => bytes.every((v, i) => b[i] === v);

/**
 * The browser's pre-check of a chosen file, mirroring the server (which decides): extension allowed, size, and the
 * first bytes agreeing with the extension. Returns the Chinese reason, or null when the file may be sent.
 */
export async function precheckFile(file: File): Promise<string | null> {
  if (file.size === 0) return PORTAL_ATTACHMENT_REASONS.EMPTY;
  if (file.size > PORTAL_UPLOAD_LIMITS.fileBytes) return PORTAL_ATTACHMENT_REASONS.TOO_LARGE;
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  const kind = (Object.keys(PORTAL_ATTACHMENT_KINDS) as PortalAttachmentKind[]).find((k) => (PORTAL_ATTACHMENT_KINDS[k].extensions as readonly string[]).includes(ext));
  if (!kind) return PORTAL_ATTACHMENT_REASONS.TYPE_NOT_ALLOWED;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (startsWith(head, [0x4d, 0x5a]) || startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return PORTAL_ATTACHMENT_REASONS.EXECUTABLE;
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<') || text.startsWith('#!')) return PORTAL_ATTACHMENT_REASONS.ACTIVE_CONTENT;
  const ok: Record<PortalAttachmentKind, boolean> = {
    pdf: startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]),
    jpeg: startsWith(head, [0xff, 0xd8, 0xff]),
    png: startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    docx: startsWith(head, [0x50, 0x4b, 0x03, 0x04]),
    ofd: startsWith(head, [0x50, 0x4b, 0x03, 0x04]),
  };
  return ok[kind] ? null : PORTAL_ATTACHMENT_REASONS.EXTENSION_MISMATCH;
}

/**
 * The files of one choice (several may be chosen at once) checked in order against the files already chosen: at
 * most PORTAL_UPLOAD_LIMITS.files files and totalBytes in all, each pre-checked. Returns the files to add and one
 * Chinese line per refused file ('name：reason').
 */
export async function admitFiles(current: readonly File[], batch: readonly File[]): Promise<{ accepted: File[]; errors: string[] }> {
  const accepted: File[] = [];
  const errors: string[] = [];
  let count = current.length;
  let bytes = current.reduce((s, f) => s + f.size, 0);
  for (const file of batch) {
    const reason = await precheckFile(file);
    if (reason) errors.push(`${file.name}：${reason}`);
    else if (count >= PORTAL_UPLOAD_LIMITS.files) errors.push(`${file.name}：材料最多 ${PORTAL_UPLOAD_LIMITS.files} 个文件`);
    else if (bytes + file.size > PORTAL_UPLOAD_LIMITS.totalBytes) errors.push(`${file.name}：材料合计不能超过 ${Math.round(PORTAL_UPLOAD_LIMITS.totalBytes / 1024 / 1024)} MB`);
    else {
      accepted.push(file);
      count += 1;
      bytes += file.size;
    }
  }
  return { accepted, errors };
}

/** Size for people: '10.5 MB', '3 KB'; a non-empty file is at least '1 KB', nothing at all is '0 KB'. */
export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n <= 0 ? '0 KB' : `${Math.max(1, Math.round(n / 1024))} KB`);
