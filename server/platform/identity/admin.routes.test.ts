import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type Session, type TestApp } from '../../test/harness';

for (const dialect of DIALECTS) {
  describe(`user and role administration [${dialect}]`, () => {
    let t: TestApp;
    let sys: Session;
    let sec: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      sys = await t.login('sysadmin');
      sec = await t.login('secadmin');
    });
    afterAll(async () => t?.close());
    const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
    const post = (url: string, s: Session, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload: payload as object } : {}) });
    const userId = async (username: string) => (await get(`/api/v1/users?q=${username}`, sys)).json().data[0].id as string;

    it('lists users with department filters and paging; gets one; 404 for a missing one', async () => {
      const all = await get('/api/v1/users?pageSize=5', sys);
      expect(all.json().data).toHaveLength(5);
      expect(all.json().total).toBe(11);
      const depts = (await get('/api/v1/departments', sys)).json().data as { id: string; code: string; parentId: string | null }[];
      const fyk = depts.find((d) => d.code === 'FYK')!.id;
      const root = depts.find((d) => d.parentId === null)!.id;
      expect((await get(`/api/v1/users?departmentId=${fyk}`, sys)).json().total).toBe(3);
      expect((await get(`/api/v1/users?departmentId=${root}`, sys)).json().total).toBe(1);
      expect((await get(`/api/v1/users?departmentId=${root}&includeChildren=true`, sys)).json().total).toBe(11);
      const one = await get(`/api/v1/users/${await userId('fy.head')}`, sys);
      expect(one.json()).toMatchObject({ username: 'fy.head', departmentName: '行政复议与应诉科', status: 'active' });
      expect(one.json().mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(one.json().mustChangePassword).toBe(false); // demo account in demo mode
      expect((await get('/api/v1/users/none', sys)).json().error.code).toBe('NOT_FOUND');
      expect((await get('/api/v1/users?pageSize=500', sys)).statusCode).toBe(400);
    });

    it('disabling a user ends their sessions; enabling lets them back in', async () => {
      const victim = await t.login('zfjd.head');
      const id = await userId('zfjd.head');
      const dis = await post(`/api/v1/users/${id}/disable`, sys);
      expect(dis.json().status).toBe('disabled');
      expect((await get('/api/v1/auth/me', victim)).statusCode).toBe(401);
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'zfjd.head', password: 'Demo@2026-pass' } });
      expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
      expect((await post(`/api/v1/users/${id}/enable`, sys)).json().status).toBe('active');
      await t.login('zfjd.head');
      const self = await post(`/api/v1/users/${await userId('sysadmin')}/disable`, sys);
      expect(self.statusCode).toBe(403);
    });

    it('the security administrator unlocks and resets passwords; the user must then change it', async () => {
      const id = await userId('hfx.head');
      for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hfx.head', password: 'bad' } });
      expect((await get(`/api/v1/users/${id}`, sec)).json().locked).toBe(true);
      expect((await post(`/api/v1/users/${id}/unlock`, sys)).statusCode).toBe(403);
      expect((await post(`/api/v1/users/${id}/unlock`, sec)).json().locked).toBe(false);
      expect((await post(`/api/v1/users/${id}/reset-password`, sec, { password: 'weak' })).json().error.code).toBe('PASSWORD_POLICY');
      const reset = await post(`/api/v1/users/${id}/reset-password`, sec, { password: 'Reset#2026abc' });
      expect(reset.json().mustChangePassword).toBe(true);
      const s = await t.login('hfx.head', 'Reset#2026abc');
      expect((await get('/api/v1/deadlines', s)).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const wrong = await post('/api/v1/auth/password', s, { oldPassword: 'nope', newPassword: 'Next#2026abcd' });
      expect(wrong.json().error.code).toBe('PASSWORD_WRONG');
      const same = await post('/api/v1/auth/password', s, { oldPassword: 'Reset#2026abc', newPassword: 'Reset#2026abc' });
      expect(same.json().error.code).toBe('PASSWORD_REUSED');
      expect((await post('/api/v1/auth/password', s, { oldPassword: 'Reset#2026abc', newPassword: 'Next#2026abcd' })).statusCode).toBe(200);
      expect((await get('/api/v1/deadlines', s)).statusCode).toBe(200);
    });

    it('a section head sees a colleague’s full mobile number, audited; the system administrator cannot', async () => {
      const head = await t.login('fy.head');
      const id = await userId('fy.handler2');
      const res = await post(`/api/v1/users/${id}/reveal`, head);
      expect(res.statusCode).toBe(200);
      expect(res.json().mobile).toMatch(/^1[3-9]\d{9}$/);
      expect((await post(`/api/v1/users/${await userId('sfs.xicha')}/reveal`, head)).json().error.code).toBe('OUT_OF_SCOPE');
      expect((await post(`/api/v1/users/${id}/reveal`, sys)).statusCode).toBe(403);
    });

    it('roles: permission catalogue, create, update, delete; built-in roles are protected', async () => {
      const cat = await get('/api/v1/permissions', sec);
      expect(cat.json().data.find((p: { code: string }) => p.code === 'audit.log.read').duty).toBe('audit');
      expect((await get('/api/v1/permissions', sys)).statusCode).toBe(403);
      const created = await post('/api/v1/roles', sec, { code: 'reviewer', name: '审查员', dataScope: 'department', permissions: ['deadline.read', 'person.read'] });
      expect(created.statusCode).toBe(200);
      expect(created.json()).toMatchObject({ builtin: false, duty: null, permissions: ['deadline.read', 'person.read'] });
      const unknown = await post('/api/v1/roles', sec, { code: 'bogus', name: '未知', dataScope: 'own', permissions: ['nope.perm'] });
      expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
      const id = created.json().id;
      const upd = await t.app.inject({ method: 'PATCH', url: `/api/v1/roles/${id}`, headers: sec.headers, payload: { dataScope: 'departmentTree', permissions: ['deadline.read'] } });
      expect(upd.json()).toMatchObject({ dataScope: 'departmentTree', permissions: ['deadline.read'] });
      const roles = (await get('/api/v1/roles', sec)).json().data as { id: string; code: string }[];
      const builtin = roles.find((r) => r.code === 'auditadmin')!.id;
      expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/roles/${builtin}`, headers: sec.headers, payload: { permissions: ['audit.log.read', 'deadline.read'] } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/roles/${builtin}`, headers: sec.headers })).statusCode).toBe(403);
      // in use → refused; free → deleted
      const target = await userId('sfs.jinrong');
      await t.app.inject({ method: 'PUT', url: `/api/v1/users/${target}/roles`, headers: sec.headers, payload: { roleIds: [id] } });
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/roles/${id}`, headers: sec.headers })).json().error.code).toBe('CONFLICT');
      await t.app.inject({ method: 'PUT', url: `/api/v1/users/${target}/roles`, headers: sec.headers, payload: { roleIds: [roles.find((r) => r.code === 'officeStaff')!.id] } });
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/roles/${id}`, headers: sec.headers })).statusCode).toBe(200);
    });

    it('the login log records successes and failures for the security administrator', async () => {
      const res = await get('/api/v1/audit/login-logs?pageSize=200', sec);
      const outcomes = new Set(res.json().data.map((r: { outcome: string }) => r.outcome));
      expect(outcomes.has('success')).toBe(true);
      expect(outcomes.has('failure')).toBe(true);
      expect((await get('/api/v1/audit/login-logs', sys)).statusCode).toBe(403);
      expect((await get('/api/v1/audit/login-logs?username=sysadmin', sec)).json().data.every((r: { username: string }) => r.username === 'sysadmin')).toBe(true);
    });

    it('department update renames and moves a department', async () => {
      const depts = (await get('/api/v1/departments', sys)).json().data as { id: string; code: string }[];
      const bgs = depts.find((d) => d.code === 'BGS')!.id;
      const fyk = depts.find((d) => d.code === 'FYK')!.id;
      const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/departments/${fyk}`, headers: sys.headers, payload: { name: '行政复议科' } });
      expect(renamed.json().name).toBe('行政复议科');
      const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/departments/${fyk}`, headers: sys.headers, payload: { parentId: bgs } });
      expect(moved.json().parentId).toBe(bgs);
      // the section head of 办公室's tree would now include 行政复议科: paths were rewritten
      const row = await t.handle.db.selectFrom('departments').select('path').where('id', '=', fyk).executeTakeFirstOrThrow();
      expect(row.path).toContain(bgs);
      expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/departments/${fyk}`, headers: sys.headers, payload: { code: 'bad code!' } })).statusCode).toBe(400);
    });

    it('online users: the security administrator lists sessions and forces one out (audited)', async () => {
      const victim = await t.login('sfs.jinrong');
      const list = await get('/api/v1/sessions', sec);
      expect(list.statusCode).toBe(200);
      const rows = list.json().data as { id: string; username: string; current: boolean }[];
      const mine = rows.find((r) => r.current)!;
      expect(mine.username).toBe('secadmin');
      const target = rows.find((r) => r.username === 'sfs.jinrong')!;
      expect(target.id).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(victim.cookie.split('=')[1]!);
      expect((await get('/api/v1/sessions', sys)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/sessions/not-a-hash', headers: sec.headers })).statusCode).toBe(400);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/sessions/${'0'.repeat(64)}`, headers: sec.headers })).json().error.code).toBe('NOT_FOUND');
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/sessions/${target.id}`, headers: sec.headers })).statusCode).toBe(200);
      expect((await get('/api/v1/auth/me', victim)).statusCode).toBe(401);
      const audit = await t.handle.db.selectFrom('auditLog').selectAll().where('action', '=', 'session.forceLogout').execute();
      expect(audit).toHaveLength(1);
    });

    it('calendar year detail and journal', async () => {
      const leader = await t.login('leader');
      const y = await get('/api/v1/calendar/years/2026', leader);
      expect(y.json().days.find((d: { date: string }) => d.date === '2026-02-14')).toMatchObject({ kind: 'work', holiday: '春节' });
      expect((await get('/api/v1/calendar/journal', leader)).statusCode).toBe(403);
      expect((await get('/api/v1/calendar/journal', sys)).statusCode).toBe(200);
    });
  });
}
