import type { InjectOptions } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';

for (const dialect of DIALECTS) {
  describe(`identity and access [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { limits: { login: { max: 1000, timeWindow: '1 minute' }, public: { max: 1000, timeWindow: '1 minute' } } });
    });
    afterAll(async () => t?.close());

    const inject = (opts: InjectOptions) => t.app.inject(opts);

    it('health answers without login', async () => {
      const res = await inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', database: dialect });
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    it('login sets an httpOnly SameSite=Strict cookie and returns a CSRF token', async () => {
      const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sysadmin', password: 'Demo@2026-pass' } });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/fazhi_sid=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const body = res.json();
      expect(body.csrfToken).toEqual(expect.any(String));
      expect(body.user.roles.map((r: { code: string }) => r.code)).toEqual(['sysadmin']);
    });

    it('bad credentials give LOGIN_FAILED; invalid body gives 400 VALIDATION_FAILED in Chinese', async () => {
      const bad = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sysadmin', password: 'nope' } });
      expect(bad.statusCode).toBe(401);
      expect(bad.json().error).toMatchObject({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
      expect(bad.json().error.requestId).toEqual(expect.any(String));
      const invalid = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
      expect(invalid.json().error.details.issues.length).toBeGreaterThan(0);
      const unknown = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost', password: 'whatever1A' } });
      expect(unknown.json().error.code).toBe('LOGIN_FAILED');
    });

    it('locks the account for 15 minutes after 5 failures, then lets it in again', async () => {
      const s = await t.login('secadmin');
      // create a fresh user to lock
      const sys = await t.login('sysadmin');
      const depts = (await inject({ method: 'GET', url: '/api/v1/departments', headers: sys.headers })).json().data;
      const created = await inject({ method: 'POST', url: '/api/v1/users', headers: sys.headers, payload: { username: 'lock.me', displayName: '锁定测试', departmentId: depts[0].id, password: 'Initial#2025' } });
      expect(created.statusCode).toBe(200);
      for (let i = 0; i < 4; i++) {
        const r = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lock.me', password: 'wrong' } });
        expect(r.json().error.code).toBe('LOGIN_FAILED');
      }
      const fifth = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lock.me', password: 'wrong' } });
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
      const right = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lock.me', password: 'Initial#2025' } });
      expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
      t.clock.advance(15 * 60_000 + 1000);
      const after = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lock.me', password: 'Initial#2025' } });
      expect(after.statusCode).toBe(200);
      // a new (non-demo) user must change the password before anything else
      const cookie = String(after.headers['set-cookie']).split(';')[0]!;
      const csrf = after.json().csrfToken;
      expect(after.json().user.mustChangePassword).toBe(true);
      const blocked = await inject({ method: 'GET', url: '/api/v1/deadlines', headers: { cookie } });
      expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const weak = await inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie, 'x-csrf-token': csrf }, payload: { oldPassword: 'Initial#2025', newPassword: 'short' } });
      expect(weak.json().error.code).toBe('PASSWORD_POLICY');
      const ok = await inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie, 'x-csrf-token': csrf }, payload: { oldPassword: 'Initial#2025', newPassword: 'Better#2025x' } });
      expect(ok.statusCode).toBe(200);
      const me = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
      expect(me.json().user.mustChangePassword).toBe(false);
      void s;
    });

    it('requires a session (401), a CSRF token on writes (403) and the permission (403 FORBIDDEN, audited)', async () => {
      expect((await inject({ method: 'GET', url: '/api/v1/users' })).json().error.code).toBe('UNAUTHENTICATED');
      const sys = await t.login('sysadmin');
      const noCsrf = await inject({ method: 'POST', url: '/api/v1/departments', headers: { cookie: sys.cookie }, payload: {} });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().error.code).toBe('CSRF_INVALID');
      const audit = await t.login('auditadmin');
      const denied = await inject({ method: 'GET', url: '/api/v1/deadlines', headers: audit.headers });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('FORBIDDEN');
      const logs = await inject({ method: 'GET', url: '/api/v1/audit/logs?action=access.denied', headers: audit.headers });
      expect(logs.json().data.some((e: { actorName: string }) => e.actorName === 'auditadmin')).toBe(true);
    });

    it('none of the three administrators can read case content', async () => {
      for (const u of ['sysadmin', 'secadmin', 'auditadmin']) {
        const s = await t.login(u);
        expect((await inject({ method: 'GET', url: '/api/v1/deadlines', headers: s.headers })).statusCode).toBe(403);
        expect((await inject({ method: 'POST', url: '/api/v1/people/search', headers: s.headers, payload: {} })).statusCode).toBe(403);
      }
    });

    it('separation of duties: one account cannot hold two administrator roles, nor one with a business role', async () => {
      const sec = await t.login('secadmin');
      const roles = (await inject({ method: 'GET', url: '/api/v1/roles', headers: sec.headers })).json().data as { id: string; code: string }[];
      const id = (c: string) => roles.find((r) => r.code === c)!.id;
      const users = (await inject({ method: 'GET', url: '/api/v1/users?q=fy.handler1', headers: sec.headers })).json().data;
      const target = users[0].id;
      const two = await inject({ method: 'PUT', url: `/api/v1/users/${target}/roles`, headers: sec.headers, payload: { roleIds: [id('sysadmin'), id('auditadmin')] } });
      expect(two.statusCode).toBe(409);
      expect(two.json().error.code).toBe('ROLE_CONFLICT');
      const mixed = await inject({ method: 'PUT', url: `/api/v1/users/${target}/roles`, headers: sec.headers, payload: { roleIds: [id('auditadmin'), id('handler')] } });
      expect(mixed.json().error.code).toBe('ROLE_CONFLICT');
      const own = (await inject({ method: 'GET', url: '/api/v1/users?q=secadmin', headers: sec.headers })).json().data[0].id;
      const self = await inject({ method: 'PUT', url: `/api/v1/users/${own}/roles`, headers: sec.headers, payload: { roleIds: [id('leader')] } });
      expect(self.statusCode).toBe(403);
      const ok = await inject({ method: 'PUT', url: `/api/v1/users/${target}/roles`, headers: sec.headers, payload: { roleIds: [id('handler'), id('officeStaff')] } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().roles.map((r: { code: string }) => r.code).sort()).toEqual(['handler', 'officeStaff']);
      // a custom role mixing duties is refused at creation
      const bad = await inject({ method: 'POST', url: '/api/v1/roles', headers: sec.headers, payload: { code: 'superuser', name: '超级', dataScope: 'all', permissions: ['audit.log.read', 'system.user.manage'] } });
      expect(bad.json().error.code).toBe('ROLE_CONFLICT');
      // the system administrator cannot assign roles
      const sys = await t.login('sysadmin');
      const sysTry = await inject({ method: 'PUT', url: `/api/v1/users/${target}/roles`, headers: sys.headers, payload: { roleIds: [] } });
      expect(sysTry.json().error.code).toBe('FORBIDDEN');
    });

    it('departments: tree create, move cycle refused, delete only when empty', async () => {
      const sys = await t.login('sysadmin');
      const depts = (await inject({ method: 'GET', url: '/api/v1/departments', headers: sys.headers })).json().data as { id: string; parentId: string | null; kind: string; name: string }[];
      const root = depts.find((d) => d.parentId === null)!;
      expect(depts.filter((d) => d.kind === 'judicialOffice')).toHaveLength(15);
      const a = await inject({ method: 'POST', url: '/api/v1/departments', headers: sys.headers, payload: { parentId: root.id, name: '测试科', kind: 'section', code: 'TEST-A' } });
      expect(a.statusCode).toBe(200);
      const b = await inject({ method: 'POST', url: '/api/v1/departments', headers: sys.headers, payload: { parentId: a.json().id, name: '测试组', kind: 'section', code: 'TEST-B' } });
      const dup = await inject({ method: 'POST', url: '/api/v1/departments', headers: sys.headers, payload: { parentId: root.id, name: '重复', kind: 'section', code: 'TEST-A' } });
      expect(dup.json().error.code).toBe('CONFLICT');
      const cycle = await inject({ method: 'PATCH', url: `/api/v1/departments/${a.json().id}`, headers: sys.headers, payload: { parentId: b.json().id } });
      expect(cycle.json().error.code).toBe('DEPARTMENT_CYCLE');
      const notEmpty = await inject({ method: 'DELETE', url: `/api/v1/departments/${a.json().id}`, headers: sys.headers });
      expect(notEmpty.json().error.code).toBe('DEPARTMENT_NOT_EMPTY');
      expect((await inject({ method: 'DELETE', url: `/api/v1/departments/${b.json().id}`, headers: sys.headers })).statusCode).toBe(200);
      expect((await inject({ method: 'DELETE', url: `/api/v1/departments/${a.json().id}`, headers: sys.headers })).statusCode).toBe(200);
      expect((await inject({ method: 'DELETE', url: '/api/v1/departments/nope', headers: sys.headers })).json().error.code).toBe('NOT_FOUND');
    });

    it('users: create validates mobile and password policy, masks the mobile, optimistic locking', async () => {
      const sys = await t.login('sysadmin');
      const dept = (await inject({ method: 'GET', url: '/api/v1/departments', headers: sys.headers })).json().data[1].id;
      const badMobile = await inject({ method: 'POST', url: '/api/v1/users', headers: sys.headers, payload: { username: 'u.mobile', displayName: '甲', departmentId: dept, mobile: '12345', password: 'Initial#2025' } });
      expect(badMobile.json().error.code).toBe('MOBILE_INVALID');
      const weak = await inject({ method: 'POST', url: '/api/v1/users', headers: sys.headers, payload: { username: 'u.weak', displayName: '乙', departmentId: dept, password: 'password' } });
      expect(weak.json().error.code).toBe('PASSWORD_POLICY');
      const ok = await inject({ method: 'POST', url: '/api/v1/users', headers: sys.headers, payload: { username: 'u.ok', displayName: '丙', departmentId: dept, mobile: '13800138000', password: 'Initial#2025' } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().mobile).toBe('138****8000');
      const taken = await inject({ method: 'POST', url: '/api/v1/users', headers: sys.headers, payload: { username: 'u.ok', displayName: '丙', departmentId: dept, password: 'Initial#2025' } });
      expect(taken.json().error.code).toBe('USERNAME_TAKEN');
      const id = ok.json().id;
      const upd = await inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: sys.headers, payload: { displayName: '丙二', version: 1 } });
      expect(upd.json().displayName).toBe('丙二');
      const stale = await inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: sys.headers, payload: { displayName: '丙三', version: 1 } });
      expect(stale.json().error.code).toBe('CONFLICT');
      // the mobile number is stored encrypted, never in clear
      const row = await t.handle.db.selectFrom('users').select(['mobileEnc', 'mobileBidx']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.mobileEnc).toMatch(/^sm4:v1:/);
      expect(row.mobileEnc).not.toContain('13800138000');
      // the system administrator cannot see it whole
      expect((await inject({ method: 'POST', url: `/api/v1/users/${id}/reveal`, headers: sys.headers })).statusCode).toBe(403);
    });

    it('demo accounts are listed without passwords in demo mode', async () => {
      const res = await inject({ method: 'GET', url: '/api/v1/demo/accounts' });
      expect(res.statusCode).toBe(200);
      const data = res.json().data;
      expect(data.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['sysadmin', 'secadmin', 'auditadmin', 'leader', 'fy.handler1']));
      expect(JSON.stringify(res.json())).not.toMatch(/password|Demo@2026/i);
    });

    it('logout ends the session', async () => {
      const s = await t.login('leader');
      expect((await inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers })).statusCode).toBe(200);
      expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
    });

    it('the session expires after 30 idle minutes', async () => {
      const s = await t.login('leader');
      t.clock.advance(29 * 60_000);
      expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(200);
      t.clock.advance(31 * 60_000);
      expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).json().error.code).toBe('UNAUTHENTICATED');
    });

    it('unknown API routes get ROUTE_NOT_FOUND', async () => {
      const res = await inject({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    });
  });
}

describe('login rate limit', () => {
  it('answers 429 RATE_LIMITED after the allowed number of attempts from one address', async () => {
    const t = await createTestApp('sqlite', { limits: { login: { max: 3, timeWindow: '1 minute' }, public: { max: 100, timeWindow: '1 minute' } } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'x' } })).statusCode);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'x' } });
      expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    } finally {
      await t.close();
    }
  });
});

describe('login rate limit from the configuration', () => {
  it('FAZHI_LOGIN_RATE_LIMIT sets the attempts per minute (default 10)', async () => {
    const t = await createTestApp('sqlite', { limits: null, env: { FAZHI_LOGIN_RATE_LIMIT: '2' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'x' } })).statusCode);
      expect(codes).toEqual([401, 401, 429]);
    } finally {
      await t.close();
    }
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fazhi-cfg-')), FAZHI_LOGIN_RATE_LIMIT: '0' } as NodeJS.ProcessEnv)).toThrow(/FAZHI_LOGIN_RATE_LIMIT/);
  });
});

describe('outside demo mode', () => {
  it('has no demo accounts endpoint', async () => {
    const t = await createTestApp('sqlite', { demo: false });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' });
      expect(res.statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
