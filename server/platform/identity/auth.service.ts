import { randomUUID } from 'node:crypto';
import type { OnlineSession } from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import { meetsPasswordPolicy } from '../../../common/password';
import type { Duty, Permission } from '../../../common/permissions';
import type { Db } from '../../db';
import type { AuditService } from '../audit';
import type { Clock } from '../clock';
import { randomToken, sm3 } from '../crypto';
import { type Actor, widestScope } from './actor';
import { assertPasswordNotUsername, dummyHash, hashPassword, verifyPassword } from './password';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/**
 * What was typed as a username that does not exist, as the append-only audit chain keeps it: people type their
 * password into the username field, and nothing can be removed from the chain later. The first two characters
 * and the length stay (enough to see a guessing run); the login log keeps the full text for investigation.
 */
export function maskTypedUsername(typed: string): string {
  return typed.slice(0, 2) + '*'.repeat(Math.min(Math.max(typed.length - 2, 0), 30));
}

export interface RequestMeta {
  ip: string;
  userAgent: string;
  requestId: string;
}

interface CachedSession {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  lastPersistedAt: number;
  expiresAt: number;
  actor: Actor;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

export interface AuthService {
  login(username: string, password: string, meta: RequestMeta): Promise<{ token: string; csrfToken: string; actor: Actor }>;
  resolve(token: string): Promise<ResolvedSession | null>;
  logout(token: string, meta: RequestMeta): Promise<void>;
  changePassword(actor: Actor, oldPassword: string, newPassword: string, meta: RequestMeta): Promise<void>;
  loadActor(userId: string): Promise<Actor | null>;
  /** Drop cached actors of a user (roles or department changed) and optionally end their sessions. */
  invalidateUser(userId: string, endSessions?: boolean): Promise<void>;
  invalidateAll(): void;
  /** 在线用户: live sessions (idle-expired ones are not listed). */
  listSessions(currentSessionId: string | null): Promise<OnlineSession[]>;
  /** 强制下线: ends one session, audited. */
  forceLogout(actor: Actor, sessionId: string, meta: RequestMeta): Promise<void>;
  sessionTtl: { idleMs: number; absoluteMs: number };
}

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  demo: boolean;
  /** maxPerUser: concurrent sessions of one account, 0 = no limit (absent: no limit) */
  session: { idleMinutes: number; absoluteHours: number; maxPerUser?: number };
  /** 口令定期更换 (等保 2.0): a password older than this many days must be changed at the next sign-in; 0/absent = never */
  passwordMaxAgeDays?: number;
}): AuthService {
  const { db, clock, audit } = deps;
  const idleMs = deps.session.idleMinutes * 60_000;
  const absoluteMs = deps.session.absoluteHours * 3600_000;
  const cache = new Map<string, CachedSession>();
  // The hash of a token, by token, for the tokens seen recently: resolving a session is on every request, and
  // hashing the token cost more than the rest of the lookup. Only the hash is remembered; the session itself is
  // always read from `cache` by its id (so ending a session ends it here too). Bounded.
  const tokenIds = new Map<string, string>();
  const idOf = (token: string) => {
    const known = tokenIds.get(token);
    if (known !== undefined) return known;
    const id = sm3(token);
    if (tokenIds.size >= 10_000) tokenIds.clear();
    tokenIds.set(token, id);
    return id;
  };
  const PERSIST_EVERY_MS = 60_000;
  // Failed attempts on usernames that do not exist, counted like real ones so that the answers (remaining
  // attempts, then "locked") do not tell an existing account from an unknown one. In memory only; bounded.
  const phantom = new Map<string, { failures: number; lockedUntil: number }>();
  function phantomFailure(username: string, now: number): never {
    let p = phantom.get(username);
    if (p && p.lockedUntil && p.lockedUntil <= now) p = undefined;
    if (!p) {
      if (phantom.size >= 10_000) phantom.clear();
      p = { failures: 0, lockedUntil: 0 };
      phantom.set(username, p);
    }
    if (p.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED', { lockedUntil: new Date(p.lockedUntil).toISOString() });
    p.failures++;
    if (p.failures >= MAX_FAILURES) {
      p.failures = 0;
      p.lockedUntil = now + LOCK_MINUTES * 60_000;
      throw new AppError('ACCOUNT_LOCKED', { lockedUntil: new Date(p.lockedUntil).toISOString() });
    }
    throw new AppError('LOGIN_FAILED', { remainingAttempts: MAX_FAILURES - p.failures });
  }

  async function loginLog(username: string, userId: string | null, ip: string, outcome: string, reason: string | null) {
    await db.insertInto('loginLog').values({ id: randomUUID(), at: clock.nowIso(), username, userId, ip, outcome, reason }).execute();
  }

  async function loadActor(userId: string): Promise<Actor | null> {
    const user = await db
      .selectFrom('users')
      .innerJoin('departments', 'departments.id', 'users.departmentId')
      .select([
        'users.id',
        'users.username',
        'users.displayName',
        'users.departmentId',
        'users.status',
        'users.mustChangePassword',
        'users.passwordChangedAt',
        'users.isDemo',
        'departments.name as departmentName',
        'departments.path as departmentPath',
      ])
      .where('users.id', '=', userId)
      .executeTakeFirst();
    if (!user || user.status !== 'active') return null;
    const roles = await db
      .selectFrom('userRoles')
      .innerJoin('roles', 'roles.id', 'userRoles.roleId')
      .select(['roles.id', 'roles.code', 'roles.name', 'roles.dataScope', 'roles.duty'])
      .where('userRoles.userId', '=', userId)
      .execute();
    const perms = roles.length
      ? await db.selectFrom('rolePermissions').select('permission').where('roleId', 'in', roles.map((r) => r.id)).execute()
      : [];
    const dataScope = widestScope(roles.map((r) => r.dataScope));
    const maxAgeMs = (deps.passwordMaxAgeDays ?? 0) * 86400_000;
    const expired = maxAgeMs > 0 && user.passwordChangedAt !== null && clock.now() - Date.parse(user.passwordChangedAt) > maxAgeMs;
    let scopeDepartmentIds: string[] | null = null;
    if (dataScope === 'department' || dataScope === 'own') scopeDepartmentIds = [user.departmentId];
    else if (dataScope === 'departmentTree') {
      const rows = await db.selectFrom('departments').select('id').where('path', 'like', `${user.departmentPath}%`).execute();
      scopeDepartmentIds = rows.map((r) => r.id);
    }
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      departmentId: user.departmentId,
      departmentName: user.departmentName,
      departmentPath: user.departmentPath,
      roles: roles.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      permissions: new Set(perms.map((p) => p.permission as Permission)),
      dataScope,
      scopeDepartmentIds,
      duties: roles.map((r) => r.duty).filter((d): d is Duty => !!d),
      // Demo accounts in demo mode are excepted from the forced change at first login (they share a known password),
      // and from the maximum password age.
      mustChangePassword: (user.mustChangePassword === 1 || expired) && !(deps.demo && user.isDemo === 1),
      passwordExpired: expired && !(deps.demo && user.isDemo === 1),
      isDemo: user.isDemo === 1,
    };
  }

  async function endSession(id: string) {
    cache.delete(id);
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  return {
    sessionTtl: { idleMs, absoluteMs },
    loadActor,

    async login(username, password, meta) {
      const now = clock.now();
      const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      if (!user) {
        await verifyPassword(await dummyHash(), password);
        await loginLog(username, null, meta.ip, 'failure', 'unknown-user');
        await audit.record({ actor: null, ip: meta.ip, requestId: meta.requestId, action: 'auth.login', objectType: 'user', outcome: 'failure', extra: { username: maskTypedUsername(username), reason: 'unknown-user' } });
        phantomFailure(username, now);
      }
      const auditBase = { actor: { id: user.id, name: user.username }, ip: meta.ip, requestId: meta.requestId, objectType: 'user', objectId: user.id } as const;
      if (user.lockedUntil && Date.parse(user.lockedUntil) > now) {
        await loginLog(username, user.id, meta.ip, 'locked', 'account-locked');
        await audit.record({ ...auditBase, action: 'auth.login', outcome: 'denied', extra: { reason: 'account-locked' } });
        throw new AppError('ACCOUNT_LOCKED', { lockedUntil: user.lockedUntil });
      }
      const ok = await verifyPassword(user.passwordHash, password);
      if (!ok) {
        const failures = user.failedAttempts + 1;
        const lock = failures >= MAX_FAILURES;
        const lockedUntil = lock ? new Date(now + LOCK_MINUTES * 60_000).toISOString() : null;
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('users')
            .set({ failedAttempts: lock ? 0 : failures, lockedUntil: lockedUntil ?? user.lockedUntil })
            .where('id', '=', user.id)
            .execute();
          await audit.record({ ...auditBase, action: lock ? 'auth.lock' : 'auth.login', outcome: 'failure', extra: { reason: 'bad-password', failures } }, trx);
        });
        await loginLog(username, user.id, meta.ip, lock ? 'locked' : 'failure', 'bad-password');
        if (lock) throw new AppError('ACCOUNT_LOCKED', { lockedUntil });
        throw new AppError('LOGIN_FAILED', { remainingAttempts: MAX_FAILURES - failures });
      }
      if (user.status !== 'active') {
        await loginLog(username, user.id, meta.ip, 'failure', 'disabled');
        await audit.record({ ...auditBase, action: 'auth.login', outcome: 'denied', extra: { reason: 'disabled' } });
        throw new AppError('ACCOUNT_DISABLED');
      }
      const actor = await loadActor(user.id);
      if (!actor) throw new AppError('ACCOUNT_DISABLED');
      const token = randomToken();
      const csrfToken = randomToken(24);
      const id = sm3(token);
      const nowIso = new Date(now).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ failedAttempts: 0, lockedUntil: null }).where('id', '=', user.id).execute();
        await trx
          .insertInto('sessions')
          .values({ id, userId: user.id, csrfToken, createdAt: nowIso, lastSeenAt: nowIso, expiresAt: new Date(now + absoluteMs).toISOString(), ip: meta.ip, userAgent: meta.userAgent.slice(0, 200) })
          .execute();
        await audit.record({ ...auditBase, action: 'auth.login', outcome: 'success' }, trx);
      });
      await loginLog(username, user.id, meta.ip, 'success', null);
      // 等保 2.0 (GB/T 22239-2019, 资源控制): the account's concurrent sessions are limited; the oldest beyond the
      // limit end now, in the login log as ended by the limit.
      const max = deps.session.maxPerUser ?? 0;
      if (max > 0) {
        const older = await db.selectFrom('sessions').select('id').where('userId', '=', user.id).where('id', '!=', id).orderBy('createdAt', 'desc').orderBy('id').offset(max - 1).limit(1000).execute();
        for (const o of older) {
          await endSession(o.id);
          await loginLog(username, user.id, meta.ip, 'logout', 'session-limit');
        }
      }
      cache.set(id, { id, userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, lastPersistedAt: now, expiresAt: now + absoluteMs, actor });
      return { token, csrfToken, actor };
    },

    async resolve(token) {
      const id = idOf(token);
      const now = clock.now();
      let s = cache.get(id);
      if (!s) {
        const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) return null;
        const actor = await loadActor(row.userId);
        if (!actor) {
          await endSession(id);
          return null;
        }
        const last = Date.parse(row.lastSeenAt);
        s = { id, userId: row.userId, csrfToken: row.csrfToken, createdAt: Date.parse(row.createdAt), lastSeenAt: last, lastPersistedAt: last, expiresAt: Date.parse(row.expiresAt), actor };
        cache.set(id, s);
      }
      if (now - s.lastSeenAt > idleMs || now >= s.expiresAt) {
        const reason = now >= s.expiresAt ? 'absolute-timeout' : 'idle-timeout';
        await endSession(id);
        await loginLog(s.actor.username, s.userId, '-', 'timeout', reason);
        return null;
      }
      s.lastSeenAt = now;
      if (now - s.lastPersistedAt > PERSIST_EVERY_MS) {
        s.lastPersistedAt = now;
        await db.updateTable('sessions').set({ lastSeenAt: new Date(now).toISOString() }).where('id', '=', id).execute();
      }
      return { actor: s.actor, csrfToken: s.csrfToken, sessionId: id };
    },

    async logout(token, meta) {
      const id = sm3(token);
      const row = await db.selectFrom('sessions').select(['userId']).where('id', '=', id).executeTakeFirst();
      await endSession(id);
      if (row) {
        const u = await db.selectFrom('users').select(['username']).where('id', '=', row.userId).executeTakeFirst();
        await loginLog(u?.username ?? '-', row.userId, meta.ip, 'logout', null);
        await audit.record({ actor: { id: row.userId, name: u?.username ?? null }, ip: meta.ip, requestId: meta.requestId, action: 'auth.logout', objectType: 'user', objectId: row.userId });
      }
    },

    async changePassword(actor, oldPassword, newPassword, meta) {
      const user = await db.selectFrom('users').select(['passwordHash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.passwordHash, oldPassword))) throw new AppError('PASSWORD_WRONG');
      if (!meetsPasswordPolicy(newPassword)) throw new AppError('PASSWORD_POLICY');
      if (oldPassword === newPassword) throw new AppError('PASSWORD_REUSED');
      assertPasswordNotUsername(newPassword, actor.username, 'newPassword');
      const passwordHash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ passwordHash, mustChangePassword: 0, passwordChangedAt: clock.nowIso(), updatedAt: clock.nowIso() })
          .where('id', '=', actor.userId)
          .execute();
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'auth.changePassword', objectType: 'user', objectId: actor.userId }, trx);
      });
      for (const s of cache.values()) if (s.userId === actor.userId) s.actor = { ...s.actor, mustChangePassword: false, passwordExpired: false };
    },

    async invalidateUser(userId, endSessions = false) {
      for (const [id, s] of cache) if (s.userId === userId) cache.delete(id);
      if (endSessions) await db.deleteFrom('sessions').where('userId', '=', userId).execute();
    },

    invalidateAll() {
      cache.clear();
    },

    async listSessions(currentSessionId) {
      const now = clock.now();
      const rows = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.userId')
        .innerJoin('departments', 'departments.id', 'users.departmentId')
        .select(['sessions.id', 'sessions.userId', 'users.username', 'users.displayName', 'departments.name as departmentName', 'sessions.ip', 'sessions.userAgent', 'sessions.createdAt', 'sessions.lastSeenAt', 'sessions.expiresAt'])
        .orderBy('sessions.createdAt', 'desc')
        .execute();
      return rows
        .map((r) => {
          // The in-memory copy knows the latest activity; the table is written at most once a minute.
          const live = cache.get(r.id);
          const lastSeen = live ? live.lastSeenAt : Date.parse(r.lastSeenAt);
          return { ...r, lastSeenAt: new Date(lastSeen).toISOString(), current: r.id === currentSessionId, alive: now - lastSeen <= idleMs && now < Date.parse(r.expiresAt) };
        })
        .filter((r) => r.alive)
        .map(({ alive: _alive, ...r }) => r);
    },

    async forceLogout(actor, sessionId, meta) {
      const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.userId').select(['sessions.userId', 'users.username']).where('sessions.id', '=', sessionId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', { entity: 'session' });
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'session.forceLogout', objectType: 'user', objectId: row.userId, extra: { username: row.username } }, trx);
      });
      cache.delete(sessionId);
      await loginLog(row.username, row.userId, meta.ip, 'logout', `forced-by:${actor.username}`);
    },
  };
}
