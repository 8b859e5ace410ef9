import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';

for (const dialect of DIALECTS) {
  describe(`audit log [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it('records logins, failures and changes with actor, IP, object and a masked diff', async () => {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'wrong' } });
      const sys = await t.login('sysadmin');
      const dept = (await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: sys.headers })).json().data[1].id;
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: sys.headers, payload: { username: 'audit.me', displayName: '审计对象', departmentId: dept, mobile: '13912345678', password: 'Initial#2025' } });
      expect(created.statusCode).toBe(200);
      const aud = await t.login('auditadmin');
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/logs?pageSize=200', headers: aud.headers });
      expect(res.statusCode).toBe(200);
      const entries = res.json().data as { action: string; outcome: string; actorName: string; ip: string; diff: any; objectId: string }[];
      expect(entries.some((e) => e.action === 'auth.login' && e.outcome === 'failure')).toBe(true);
      const create = entries.find((e) => e.action === 'user.create' && e.objectId === created.json().id)!;
      expect(create.actorName).toBe('sysadmin');
      expect(create.ip).toBeTruthy();
      expect(create.diff.after.mobile).toBe('139****5678');
      expect(JSON.stringify(entries)).not.toContain('13912345678');
      expect(JSON.stringify(entries)).not.toContain('Initial#2025');
    });

    it('refuses UPDATE and DELETE in the database itself', async () => {
      await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.handle.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    });

    it('verify passes on an intact chain and reports the exact row someone altered', async () => {
      const aud = await t.login('auditadmin');
      const ok = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: aud.headers });
      expect(ok.json()).toMatchObject({ ok: true, breaks: [] });
      expect(ok.json().checked).toBeGreaterThanOrEqual(3);
      // An attacker with database access drops the guard and edits row 3.
      if (dialect === 'postgres') {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.handle.db);
        await sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE seq = 3`.execute(t.handle.db);
        await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.handle.db);
      } else {
        await sql`DROP TRIGGER audit_log_no_update`.execute(t.handle.db);
        await sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE seq = 3`.execute(t.handle.db);
      }
      const broken = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: aud.headers });
      expect(broken.json().ok).toBe(false);
      expect(broken.json().breaks[0]).toMatchObject({ seq: 3, kind: 'hash-mismatch' });
    });

    it('only the audit administrator reads the audit log', async () => {
      for (const u of ['sysadmin', 'secadmin', 'leader']) {
        const s = await t.login(u);
        expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/logs', headers: s.headers })).statusCode).toBe(403);
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/logs' })).statusCode).toBe(401);
      const aud = await t.login('auditadmin');
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/logs?outcome=bogus', headers: aud.headers })).statusCode).toBe(400);
    });
  });
}

describe('audit chain deletions', () => {
  it('reports a deleted row as a gap and a cut-off tail as a head mismatch', async () => {
    const t = await createTestApp('sqlite');
    try {
      for (let i = 0; i < 4; i++) await t.login('leader');
      const { audit } = t.services;
      expect((await audit.verify()).ok).toBe(true);
      await sql`DROP TRIGGER audit_log_no_delete`.execute(t.handle.db);
      await sql`DELETE FROM audit_log WHERE seq = 2`.execute(t.handle.db);
      let res = await audit.verify();
      expect(res.breaks.map((b) => b.kind)).toContain('gap');
      const last = res.lastSeq!;
      await sql`DELETE FROM audit_log WHERE seq = ${last}`.execute(t.handle.db);
      res = await audit.verify();
      expect(res.breaks.map((b) => b.kind)).toContain('head-mismatch');
    } finally {
      await t.close();
    }
  });
});
