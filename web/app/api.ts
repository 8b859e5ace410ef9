/**
 * The one fetch wrapper of the web UI.
 *
 * - same-origin credentials (the session is an httpOnly cookie);
 * - the CSRF token (from login or GET /auth/me) is kept in memory only and sent as `x-csrf-token`
 *   on every state-changing request;
 * - an error body `{ error: { code, message, details, requestId } }` becomes an {@link ApiError} whose
 *   `message` is the Chinese text to show (with details such as remaining attempts or field issues);
 * - UNAUTHENTICATED and PASSWORD_CHANGE_REQUIRED are broadcast so that the shell can redirect.
 */
import { ERRORS, type ErrorCode } from '../../common/errors';

export const API_BASE = '/api/v1';

/** Codes the client adds for failures that never reached the server's error handler. */
export type ClientErrorCode = 'NETWORK' | 'HTTP_ERROR';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: unknown;
  readonly requestId: string | undefined;
  /** The server's message for the code, without the explanation of the details. */
  readonly baseMessage: string;

  constructor(init: { status: number; code: ErrorCode | ClientErrorCode; message: string; details?: unknown; requestId?: string | undefined }) {
    const full = describe(init.code, init.message, init.details, init.requestId);
    super(full);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.baseMessage = init.message;
  }

  /** Field issues of a VALIDATION_FAILED error: `{ path: 'body.username', message }`. */
  get issues(): { path: string; message: string }[] {
    const d = this.details as { issues?: unknown } | undefined;
    return Array.isArray(d?.issues) ? (d.issues as { path: string; message: string }[]).filter((i) => i && typeof i.message === 'string') : [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const REASONS: Record<string, string> = {
  'cannot-disable-self': '不能停用自己的账户',
  'cannot-change-own-roles': '不能修改自己的角色',
  'builtin-role': '内置角色不能删除',
  'builtin-duty-role-fixed': '三员内置角色的权限固定，不能修改',
  'role-mixes-duties': '一个角色不能同时包含两种管理员职责的权限，也不能把管理员职责与业务权限混在一起',
  'duty-change-with-users': '角色已有用户在用，不能改变其管理员职责',
  'root-cannot-move': '根部门不能移动',
  'cannot-reset-own-password': '不能重置自己的密码，请使用“修改密码”',
};

function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Chinese text for an error: the catalogue message plus what the details add. */
function describe(code: string, message: string, details: unknown, requestId: string | undefined): string {
  const d = (details && typeof details === 'object' ? details : {}) as Record<string, unknown>;
  const extra: string[] = [];
  if (typeof d.reason === 'string' && REASONS[d.reason]) extra.push(REASONS[d.reason]!);
  if (code === 'LOGIN_FAILED' && typeof d.remainingAttempts === 'number') extra.push(`再失败 ${d.remainingAttempts} 次账户将被锁定`);
  if (code === 'ACCOUNT_LOCKED' && typeof d.lockedUntil === 'string') extra.push(`请于 ${formatInstant(d.lockedUntil)} 后再试，或联系安全管理员解锁`);
  if (code === 'CONFLICT' && typeof d.message === 'string') return `${d.message}`;
  if (code === 'CONFLICT' && d.reason === 'role-in-use' && typeof d.userCount === 'number') extra.push(`该角色仍有 ${d.userCount} 个用户在用，不能删除`);
  if (code === 'ROLE_CONFLICT' && Array.isArray(d.roles)) extra.push(`所选角色：${d.roles.join('、')}`);
  if (code === 'FORBIDDEN' && Array.isArray(d.missing)) extra.push(`缺少权限：${d.missing.join('、')}`);
  if (code === 'CALENDAR_YEAR_UNPUBLISHED' && typeof d.year === 'number') extra.push(`涉及年份：${d.year} 年`);
  if (Array.isArray(d.issues)) {
    const msgs = (d.issues as { message?: unknown }[]).map((i) => (typeof i?.message === 'string' ? i.message : '')).filter(Boolean);
    if (msgs.length) extra.push(msgs.slice(0, 5).join('；') + (msgs.length > 5 ? ` 等 ${msgs.length} 项` : ''));
  }
  if (code === 'INTERNAL' && requestId) extra.push(`请求编号 ${requestId}`);
  return extra.length ? `${message}（${extra.join('；')}）` : message;
}

// ---- CSRF token: memory only ----
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// ---- session events ----
type SessionEvent = 'unauthenticated' | 'passwordChangeRequired';
const listeners = new Set<(e: SessionEvent) => void>();
export function onSessionEvent(fn: (e: SessionEvent) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Do not broadcast 401 / forced password change (login page, the session probe). */
  quietSession?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(opts.query)}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'NETWORK', message: '无法连接服务器，请检查网络连接后重试' });
  }
  const text = await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | undefined)?.error;
    const known = e?.code && e.code in ERRORS ? (e.code as ErrorCode) : null;
    const err = new ApiError({
      status: res.status,
      code: known ?? 'HTTP_ERROR',
      message: e?.message ?? (known ? ERRORS[known].message : `请求失败（HTTP ${res.status}），请稍后重试`),
      details: e?.details,
      requestId: e?.requestId ?? res.headers.get('x-request-id') ?? undefined,
    });
    if (!opts.quietSession) {
      if (err.code === 'UNAUTHENTICATED') listeners.forEach((l) => l('unauthenticated'));
      if (err.code === 'PASSWORD_CHANGE_REQUIRED') listeners.forEach((l) => l('passwordChangeRequired'));
    }
    throw err;
  }
  return body as T;
}

/** POST multipart/form-data (file uploads) with the session's CSRF token; errors as api(). */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) }, body: form });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', message: '无法连接服务器，请检查网络连接后重试' });
  }
  const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | undefined;
  if (!res.ok) {
    const e = body?.error;
    const known = e?.code && e.code in ERRORS ? (e.code as ErrorCode) : null;
    throw new ApiError({ status: res.status, code: known ?? 'HTTP_ERROR', message: e?.message ?? `请求失败（HTTP ${res.status}）`, details: e?.details, requestId: e?.requestId });
  }
  return body as T;
}
export const get = <T>(path: string, query?: Query) => api<T>(path, { query });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body });
export const patch = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PATCH', body });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/** Errors that the shell handles by navigating, not by showing a message. */
export function isSessionError(e: unknown): boolean {
  return isApiError(e) && (e.code === 'UNAUTHENTICATED' || e.code === 'PASSWORD_CHANGE_REQUIRED');
}

/** A user-facing Chinese message for any thrown value. */
export function errorText(e: unknown): string {
  if (isApiError(e)) return e.message;
  return '操作失败，请稍后重试';
}
