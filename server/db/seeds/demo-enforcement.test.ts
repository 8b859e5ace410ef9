import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestApp, createTestApp } from '../../test/harness';
import { seedEnforcementDemo } from './demo-enforcement';

describe.each(DIALECTS)('enforcement demo seed (%s)', (dialect) => {
  let t: TestApp;
  let result: Awaited<ReturnType<typeof seedEnforcementDemo>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const role = await t.handle.db.selectFrom('roles').select('id').where('code', '=', 'agencyLiaison').executeTakeFirstOrThrow();
    const root = await t.handle.db.selectFrom('departments').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow();
    const started = performance.now();
    result = await t.handle.db.transaction().execute((trx) => seedEnforcementDemo({ db: trx, today: t.clock.today(), nowIso: t.clock.nowIso(), passwordHash: 'x', liaisonRoleId: role.id, departmentId: root.id, cipher: t.services.cipher }));
    console.log(`[${dialect}] enforcement demo seed: ${result.inspections} inspections in ${Math.round(performance.now() - started)} ms`);
  }, 120_000);
  afterAll(async () => t?.close());

  it('seeds a district year with planted problems that the detections find', async () => {
    expect(result.inspections).toBeGreaterThan(3800);
    expect(result.accounts.map((a) => a.username)).toEqual(['zf.cgzf', 'zf.scjg']);
    const s = await t.login('zfjd.head');
    const get = async (rule: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/enforcement/detections?rule=${rule}&pageSize=500`, headers: s.headers })).json() as { total: number; data: { agencyCodes: string[]; officerId?: string }[] };
    const multi = await get('multi-agency-inspection');
    expect(multi.total).toBeGreaterThanOrEqual(6);
    expect((await get('expired-certificate')).data.some((f) => f.officerId === 'XC-WHLY-008')).toBe(true);
    expect((await get('low-yield-officer')).data.some((f) => f.officerId === 'XC-CGZF-001')).toBe(true);
    expect((await get('unplanned-inspection')).total).toBeGreaterThan(0);
    expect((await get('overdue-penalty')).total).toBeGreaterThan(0);
    expect((await get('discretion-outlier')).total).toBeGreaterThan(0);
    // planted problems stand out: most firms are not flagged as multi-agency
    expect(multi.total).toBeLessThan(120);
  });
});
