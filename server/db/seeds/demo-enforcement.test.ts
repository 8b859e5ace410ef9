import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar, parseDate } from '../../../common/calendar';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, DIALECTS, type TestApp, createTestApp } from '../../test/harness';
import { seedEnforcementDemo } from './demo-enforcement';
import { seedEnforcementSupervisionDemo } from './demo-enforcement-supervision';

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

describe.each(DIALECTS)('enforcement supervision demo (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const role = await t.handle.db.selectFrom('roles').select('id').where('code', '=', 'agencyLiaison').executeTakeFirstOrThrow();
    const root = await t.handle.db.selectFrom('departments').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await t.handle.db.transaction().execute((trx) => seedEnforcementDemo({ db: trx, today: t.clock.today(), nowIso: t.clock.nowIso(), passwordHash, liaisonRoleId: role.id, departmentId: root.id, cipher: t.services.cipher }));
    await seedEnforcementSupervisionDemo(t.handle, t.services);
  }, 120_000);
  afterAll(async () => t?.close());

  it('works a year of flags through clues, orders, rectification and an opinion letter, through the service', async () => {
    const s = await t.login('zfjd.head');
    const get = async <T>(url: string, session = s) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/enforcement${url}`, headers: session.headers });
      expect(res.statusCode).toBe(200);
      return res.json() as T;
    };
    const clues = await get<{ total: number; data: { status: string; source: string; createdAt: string }[] }>('/clues?pageSize=200');
    const byStatus = (xs: { status: string }[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x.status]: (m[x.status] ?? 0) + 1 }), {});
    expect(byStatus(clues.data)).toEqual({ ordered: 7, open: 3, dismissed: 2 });
    expect(clues.data.filter((c) => c.source === 'complaint')).toHaveLength(1);
    // a year of work, not one day: the clues were registered on the days the steps happened
    expect(new Set(clues.data.map((c) => c.createdAt.slice(0, 10))).size).toBeGreaterThan(8);

    const orders = await get<{ data: { id: string; status: string; agencyCode: string; dueDate: string | null; issuedOn: string }[] }>('/orders?pageSize=200');
    expect(byStatus(orders.data)).toEqual({ closed: 4, reported: 1, issued: 2 });
    // an office acts on working days
    const cal = createOfficialCalendar();
    expect(orders.data.filter((o) => !cal.isWorkday(parseDate(o.issuedOn)))).toEqual([]);
    const today = t.clock.today();
    const overdue = orders.data.filter((o) => o.status === 'issued' && o.dueDate! < today);
    expect(overdue).toHaveLength(1);
    const opinions = await get<{ data: { orderId: string; opinionNo: string }[] }>('/opinions');
    expect(opinions.data.map((o) => o.orderId)).toEqual([overdue[0]!.id]);
    // one order was sent back once before it was closed
    const details = await Promise.all(orders.data.filter((o) => o.status === 'closed').map((o) => get<{ rounds: number; events: { action: string }[] }>(`/orders/${o.id}`)));
    expect(details.filter((d) => d.rounds === 2 && d.events.some((e) => e.action === 'verifyReturn'))).toHaveLength(1);

    const rate = await get<{ due: number; closed: number; overdue: number }>('/rectification-rate');
    expect(rate).toMatchObject({ closed: 4, due: 6, overdue: 1 });

    // the 市场监管局 liaison has an order of its own to report on
    const pending = orders.data.find((o) => o.status === 'issued' && o.dueDate! >= today);
    expect(pending?.agencyCode).toBe('XC-SCJG');
    const mine = await get<{ data: { id: string; agencyCode: string }[] }>('/orders', await t.login('zf.scjg'));
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((o) => o.agencyCode === 'XC-SCJG')).toBe(true);
    expect(mine.data.map((o) => o.id)).toContain(pending!.id);

    // the first flag of the detections page is left for the user (and the browser flow) to work on
    const first = await get<{ data: { id: string }[] }>('/detections?rule=repeated-inspection&pageSize=1');
    const clued = await t.handle.db.selectFrom('enforcementClueFlags').select('detectionId').execute();
    expect(clued.map((c) => c.detectionId)).not.toContain(first.data[0]!.id);
  });
});
