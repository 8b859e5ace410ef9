import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';

for (const dialect of DIALECTS) {
  describe(`deadline register and data scope [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());
    const list = async (user: string, q = '') => {
      const s = await t.login(user);
      return t.app.inject({ method: 'GET', url: `/api/v1/deadlines${q}`, headers: s.headers });
    };

    it('a handler sees only their own items (scope own), sorted by due date', async () => {
      const res = await list('fy.handler1');
      expect(res.statusCode).toBe(200);
      const { data, total } = res.json();
      expect(total).toBe(12);
      const me = (await t.handle.db.selectFrom('users').select('id').where('username', '=', 'fy.handler1').executeTakeFirstOrThrow()).id;
      expect(data.every((d: { assigneeId: string }) => d.assigneeId === me)).toBe(true);
      // a paused deadline has no due date (its place among the dated ones depends on the database's NULL order)
      const dues = data.map((d: { dueDate: string | null }) => d.dueDate).filter((d: string | null) => d !== null);
      expect([...dues].sort()).toEqual(dues);
      expect(data.filter((d: { dueDate: string | null }) => d.dueDate === null).every((d: { flags: string[]; daysLeft: number | null }) => d.flags.includes('PAUSED') && d.daysLeft === null)).toBe(true);
      expect(data[0].citation).toMatch(/行政复议法/);
    });

    it('the section head sees the section (department and below); a 司法所 sees none of it; the leader sees all', async () => {
      expect((await list('fy.head')).json().total).toBe(24);
      expect((await list('sfs.xicha')).json().total).toBe(0);
      expect((await list('leader')).json().total).toBe(24);
    });

    it('a record outside the scope is OUT_OF_SCOPE, a missing one NOT_FOUND; the detail explains the computation', async () => {
      const all = (await list('fy.head', '?pageSize=50')).json().data as { id: string }[];
      const other = await t.login('sfs.xicha');
      const denied = await t.app.inject({ method: 'GET', url: `/api/v1/deadlines/${all[0]!.id}`, headers: other.headers });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('OUT_OF_SCOPE');
      const head = await t.login('fy.head');
      const detail = await t.app.inject({ method: 'GET', url: `/api/v1/deadlines/${all[0]!.id}`, headers: head.headers });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().steps.length).toBeGreaterThan(1);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/deadlines/missing', headers: head.headers })).json().error.code).toBe('NOT_FOUND');
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/deadlines?pageSize=1000', headers: head.headers })).statusCode).toBe(400);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/deadlines' })).statusCode).toBe(401);
    });
  });
}
