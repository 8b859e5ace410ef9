import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DIALECTS, createTestApp, type Session, type TestApp } from '../../test/harness';

/** 等保 2.0 level 3 findings on the administrators' own security: refused privilege changes are audited, an
 * administrator cannot reset their own password through the reset function, and the login answer does not tell
 * an existing account from an unknown one. */
for (const dialect of DIALECTS) {
  describe(`administration security [${dialect}]`, () => {
    let t: TestApp;
    let sec: Session;
    let aud: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      sec = await t.login('secadmin');
      aud = await t.login('auditadmin');
    });
    afterAll(async () => t?.close());
    const inject = (opts: InjectOptions) => t.app.inject(opts);
    const userId = async (username: string) => (await inject({ method: 'GET', url: `/api/v1/users?q=${username}`, headers: sec.headers })).json().data[0].id as string;
    const auditEntries = async (action: string) =>
      (await inject({ method: 'GET', url: `/api/v1/audit/logs?action=${action}&pageSize=50`, headers: aud.headers })).json().data as { action: string; outcome: string; actorName: string; objectId: string; diff: { extra?: Record<string, unknown> } | null }[];

    it('a refused attempt to give one account two administrator roles is audited as denied', async () => {
      const roles = (await inject({ method: 'GET', url: '/api/v1/roles', headers: sec.headers })).json().data as { id: string; code: string }[];
      const id = (c: string) => roles.find((r) => r.code === c)!.id;
      const target = await userId('fy.handler1');
      const res = await inject({ method: 'PUT', url: `/api/v1/users/${target}/roles`, headers: sec.headers, payload: { roleIds: [id('sysadmin'), id('auditadmin')] } });
      expect(res.json().error.code).toBe('ROLE_CONFLICT');
      const denied = (await auditEntries('user.assignRoles')).filter((e) => e.outcome === 'denied' && e.objectId === target);
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({ actorName: 'secadmin' });
      expect(denied[0]!.diff?.extra).toMatchObject({ reason: 'role-conflict', roles: ['auditadmin', 'sysadmin'] });
    });

    it('the security administrator cannot reset their own password through the reset function (refused, audited)', async () => {
      const own = await userId('secadmin');
      const res = await inject({ method: 'POST', url: `/api/v1/users/${own}/reset-password`, headers: sec.headers, payload: { password: 'Reset#2026self' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'cannot-reset-own-password' } });
      // the session survives and the old password still works
      expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: sec.headers })).statusCode).toBe(200);
      await t.login('secadmin');
      const denied = (await auditEntries('user.resetPassword')).filter((e) => e.outcome === 'denied' && e.objectId === own);
      expect(denied).toHaveLength(1);
    });

    it('a password that contains the username is refused on create, reset and change, with a Chinese message on the field', async () => {
      const sys = await t.login('sysadmin');
      const depts = (await inject({ method: 'GET', url: '/api/v1/departments', headers: sys.headers })).json().data as { id: string }[];
      const create = await inject({ method: 'POST', url: '/api/v1/users', headers: sys.headers, payload: { username: 'pw.owner', displayName: '口令测试', departmentId: depts[1]!.id, password: 'PW.Owner#2026' } });
      expect(create.statusCode).toBe(400);
      expect(create.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.password', message: '密码不能包含用户名' }] } });
      const ok = await inject({ method: 'POST', url: '/api/v1/users', headers: sys.headers, payload: { username: 'pw.owner', displayName: '口令测试', departmentId: depts[1]!.id, password: 'Initial#2026' } });
      expect(ok.statusCode).toBe(200);
      const reset = await inject({ method: 'POST', url: `/api/v1/users/${ok.json().id}/reset-password`, headers: sec.headers, payload: { password: 'xpw.ownerX#1' } });
      expect(reset.json().error.details.issues[0]).toMatchObject({ path: 'body.password', message: '密码不能包含用户名' });
      const owner = await t.login('pw.owner', 'Initial#2026');
      const change = await inject({ method: 'POST', url: '/api/v1/auth/password', headers: owner.headers, payload: { oldPassword: 'Initial#2026', newPassword: 'My-pw.owner-2026' } });
      expect(change.json().error.details.issues[0]).toMatchObject({ path: 'body.newPassword', message: '密码不能包含用户名' });
      const changed = await inject({ method: 'POST', url: '/api/v1/auth/password', headers: owner.headers, payload: { oldPassword: 'Initial#2026', newPassword: 'Better#2026x' } });
      expect(changed.statusCode).toBe(200);
    });

    it('two departments of the same name under one parent are refused (create and rename), with a Chinese message', async () => {
      const sys = await t.login('sysadmin');
      const depts = (await inject({ method: 'GET', url: '/api/v1/departments', headers: sys.headers })).json().data as { id: string; name: string; parentId: string | null }[];
      const root = depts.find((d) => d.parentId === null)!;
      const sibling = depts.find((d) => d.parentId === root.id)!;
      const dup = await inject({ method: 'POST', url: '/api/v1/departments', headers: sys.headers, payload: { parentId: root.id, name: ` ${sibling.name}`, kind: 'section', code: 'DUPNAME1', sort: 1 } });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'CONFLICT', details: { field: 'name', message: '同一上级部门下已有同名部门' } });
      const made = await inject({ method: 'POST', url: '/api/v1/departments', headers: sys.headers, payload: { parentId: root.id, name: '临时科', kind: 'section', code: 'DUPNAME2', sort: 1 } });
      expect(made.statusCode).toBe(200);
      const rename = await inject({ method: 'PATCH', url: `/api/v1/departments/${made.json().id}`, headers: sys.headers, payload: { name: sibling.name } });
      expect(rename.json().error).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
      // the same name elsewhere in the tree is fine (e.g. 综合科 in two centres)
      const elsewhere = await inject({ method: 'POST', url: '/api/v1/departments', headers: sys.headers, payload: { parentId: made.json().id, name: sibling.name, kind: 'section', code: 'DUPNAME3', sort: 1 } });
      expect(elsewhere.statusCode).toBe(200);
    });

    it('an unknown username gets the same answers as an existing one (no account enumeration)', async () => {
      const answers = async (username: string) => {
        const out: string[] = [];
        for (let i = 0; i < 6; i++) {
          const r = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: `Wrong#pass${i}` } });
          const e = r.json().error as { code: string; details?: { remainingAttempts?: number } };
          out.push(`${r.statusCode} ${e.code} ${e.details?.remainingAttempts ?? ''}`);
        }
        return out;
      };
      const existing = await answers('zfjd.head');
      const unknown = await answers('no.such.person');
      expect(existing).toEqual(['401 LOGIN_FAILED 4', '401 LOGIN_FAILED 3', '401 LOGIN_FAILED 2', '401 LOGIN_FAILED 1', '423 ACCOUNT_LOCKED ', '423 ACCOUNT_LOCKED ']);
      expect(unknown).toEqual(existing);
      // the login log still tells the security administrator the truth
      const log = (await inject({ method: 'GET', url: '/api/v1/audit/login-logs?username=no.such.person', headers: sec.headers })).json().data as { reason: string }[];
      expect(log.every((l) => l.reason === 'unknown-user')).toBe(true);
    });

    it('what was typed as an unknown username stays out of the append-only audit chain (it may be a mistyped password)', async () => {
      const typed = 'Secret#Pass2026';
      await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: typed, password: 'whatever#1A' } });
      const entries = await auditEntries('auth.login');
      expect(JSON.stringify(entries)).not.toContain(typed);
      const failed = entries.find((e) => e.outcome === 'failure' && e.diff?.extra?.reason === 'unknown-user')!;
      expect(failed.diff!.extra).toMatchObject({ username: 'Se*************', reason: 'unknown-user' });
      // the login log (retention-managed, security administrator only) keeps it for investigation
      const log = (await inject({ method: 'GET', url: `/api/v1/audit/login-logs?username=${encodeURIComponent(typed)}`, headers: sec.headers })).json().data;
      expect(log).toHaveLength(1);
    });
  });
}

/** 等保 2.0 (资源控制): the concurrent sessions of one account are limited; a new sign-in ends the oldest. */
for (const dialect of DIALECTS) {
  describe(`concurrent sessions per account [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { env: { FAZHI_SESSION_MAX_PER_USER: '2' } });
    });
    afterAll(async () => t?.close());

    it('a third sign-in of one account ends its oldest session, and the login log says why', async () => {
      // sign-ins a minute apart (the test clock stands still otherwise)
      let minute = 0;
      const at = () => t.clock.set(`2025-09-26T02:${String(minute++).padStart(2, '0')}:00.000Z`);
      at();
      const first = await t.login('fy.handler1');
      at();
      const second = await t.login('fy.handler1');
      const other = await t.login('fy.head');
      const me = (s: Session) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
      expect((await me(first)).statusCode).toBe(200);
      at();
      const third = await t.login('fy.handler1');
      expect((await me(first)).statusCode).toBe(401);
      expect((await me(second)).statusCode).toBe(200);
      expect((await me(third)).statusCode).toBe(200);
      // another account's sessions are not counted
      expect((await me(other)).statusCode).toBe(200);
      const sec = await t.login('secadmin');
      const log = (await t.app.inject({ method: 'GET', url: '/api/v1/audit/login-logs?pageSize=50', headers: sec.headers })).json().data as { username: string; outcome: string; reason: string | null }[];
      expect(log.filter((l) => l.reason === 'session-limit')).toEqual([expect.objectContaining({ username: 'fy.handler1', outcome: 'logout' })]);
    });
  });
}

/** 等保 2.0 (身份鉴别): passwords are changed periodically; one past its maximum age must be changed at sign-in. */
for (const dialect of DIALECTS) {
  describe(`maximum password age [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { env: { FAZHI_PASSWORD_MAX_AGE_DAYS: '90' }, now: '2026-01-05T02:00:00.000Z' });
    });
    afterAll(async () => t?.close());

    it('a password changed more than 90 days ago forces a change, and the change lifts it', async () => {
      // an account that set its own password (not a demo account, which shares the demo password)
      const sec = await t.login('secadmin');
      const u = (await t.app.inject({ method: 'GET', url: '/api/v1/users?q=fy.handler1', headers: sec.headers })).json().data[0] as { id: string };
      await t.handle.db.updateTable('users').set({ isDemo: 0, mustChangePassword: 0, passwordChangedAt: '2025-10-08T02:00:00.000Z' }).where('id', '=', u.id).execute();
      const fresh = await t.login('fy.handler1');
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: fresh.headers });
      expect(me.json().user).toMatchObject({ mustChangePassword: false, passwordExpired: false });
      // 91 days later
      t.clock.set('2026-01-07T03:00:00.000Z');
      const late = await t.login('fy.handler1');
      const me2 = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: late.headers });
      expect(me2.json().user).toMatchObject({ mustChangePassword: true, passwordExpired: true });
      const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/deadlines', headers: late.headers });
      expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: late.headers, payload: { oldPassword: DEMO_PASSWORD, newPassword: 'Fresh#2026pw' } });
      expect(changed.statusCode, changed.body).toBe(200);
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/deadlines', headers: late.headers });
      expect(after.statusCode).toBe(200);
    });
  });
}
