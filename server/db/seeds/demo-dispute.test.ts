import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestApp, createTestApp } from '../../test/harness';
import { seedDisputeHistory } from './demo-dispute';

describe.each(DIALECTS)('dispute, mediation and corrections demo seed (%s)', (dialect) => {
  let t: TestApp;
  let accounts: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const departments = new Map((await t.handle.db.selectFrom('departments').select(['id', 'name', 'code']).execute()).map((d) => [d.code, { id: d.id, name: d.name }]));
    const cal = await t.services.calendar.current();
    const res = await t.handle.db.transaction().execute((trx) => seedDisputeHistory({ db: trx, calendar: cal, today: t.clock.today(), nowIso: t.clock.nowIso(), cipher: t.services.cipher, passwordHash: 'x', departments }));
    accounts = res.accounts.map((a) => a.username);
  }, 120_000);
  afterAll(async () => t?.close());

  it('seeds registers that the services read: disputes with a merged matter, an agreement on its clock, an overdue report', async () => {
    expect(accounts).toEqual(['rmtj.head', 'sqjz.head']);
    const s = await t.login('sfs.xicha');
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: s.headers })).json() as { data: Record<string, any>[]; total: number };
    const disputes = await get('/api/v1/disputes?pageSize=50');
    expect(disputes.total).toBe(10);
    expect(disputes.data.some((d) => d.intakeCount === 2)).toBe(true);
    const first = disputes.data[0]!;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${first.id}`, headers: s.headers })).json();
    expect(detail.events.length).toBeGreaterThan(0);
    const cases = await get('/api/v1/mediation/cases');
    expect(cases.data.filter((c) => c.status === 'agreed' && c.confirmationDue)).not.toHaveLength(0);
    const overdue = await get('/api/v1/corrections/subjects?overdue=1');
    expect(overdue.total).toBe(1);
    const subject = (await t.app.inject({ method: 'GET', url: `/api/v1/corrections/subjects/${overdue.data[0]!.id}`, headers: s.headers })).json();
    expect(subject.clocks.find((c: { ref: string }) => c.ref === 'C3').overdue).toBe(true);
  });
});
