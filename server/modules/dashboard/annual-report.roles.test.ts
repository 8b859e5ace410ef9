import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRuleOfLawHistory } from '../../db/seeds/demo-rule-of-law';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, DIALECTS, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;

// The 依法治区 staff draft the annual 法治政府建设 report and read the dashboard it draws on; the leader signs it off.
for (const dialect of DIALECTS) {
  describe(`annual report roles [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-01-10T02:00:00.000Z' });
      // the 依法治区 staff account (fzjs.staff) comes with the rule-of-law demo data
      const db = t.handle.db;
      const departments = new Map((await db.selectFrom('departments').select(['id', 'code', 'name']).execute()).map((d) => [d.code, { id: d.id, name: d.name }]));
      const leaderRow = await db.selectFrom('users').select(['id', 'displayName']).where('username', '=', 'leader').executeTakeFirstOrThrow();
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      await db.transaction().execute(async (trx) => seedRuleOfLawHistory({ db: trx, today: t.clock.today(), nowIso: t.clock.nowIso(), cipher: t.services.cipher, passwordHash, departments, rootId: departments.get('XCSFJ')!.id, creator: leaderRow.id, leaderName: leaderRow.displayName }));
    }, 120_000);
    afterAll(async () => t?.close());

    it('fzjs.staff drafts the report and reads the dashboard, but cannot sign the report off', async () => {
      const staff = await t.login('fzjs.staff');
      const call = (method: 'GET' | 'POST', url: string, payload?: Json) => t.app.inject({ method, url, headers: staff.headers, ...(payload ? { payload } : {}) });
      expect((await call('GET', '/api/v1/dashboard/trend?year=2025')).statusCode).toBe(200);
      const created = await call('POST', '/api/v1/annual-reports', { year: 2025 });
      expect(created.statusCode, created.body).toBe(200);
      const d = created.json() as Json;
      expect(d.actions).not.toContain('approve');
      expect((await call('GET', '/api/v1/annual-reports')).statusCode).toBe(200);
      const approve = await call('POST', `/api/v1/annual-reports/${d.id}/approve`, { note: '同意', secrecyReviewed: true, version: d.version });
      expect(approve.statusCode).toBe(403);
    });
  });
}
