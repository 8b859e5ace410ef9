// The case register's list filters and sort orders (GET /api/v1/reconsideration/cases), on demo data plus own cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateCreditCode, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const BASE = '/api/v1/reconsideration/cases';
type Json = Record<string, any>;

for (const dialect of DIALECTS) {
  describe(`行政复议 case list filters [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let head: Session;
    const rng = createRng(777);
    let seq = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [h1, head] = [await t.login('fy.handler1'), await t.login('fy.head')];
    });
    afterAll(async () => t?.close());

    const get = async (s: Session, query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `${BASE}?${query}`, headers: s.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { data: Json[]; total: number };
    };
    const create = async (over: Json) => {
      const res = await t.app.inject({
        method: 'POST',
        url: BASE,
        headers: h1.headers,
        payload: {
          channel: 'onsite',
          receivedOn: '2026-05-20',
          applicant: { kind: 'person', name: '筛选测试人', idNumber: generateIdNumber(rng, { regionCode: '110102' }) },
          respondent: { name: '北京市西城区某某局' },
          act: { name: `行政行为（筛选${++seq}）`, knownOn: '2026-05-01' },
          request: '撤销该行政行为',
          ...over,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };

    it('keyword matches the applicant, the respondent or the case number; date range and procedure narrow the list', async () => {
      const a = await create({ applicant: { kind: 'organization', name: '北京甲乙丙筛选科技有限公司', creditCode: generateCreditCode(rng) }, receivedOn: '2026-05-18' });
      const b = await create({ respondent: { name: '北京市西城区独特名称管理局' }, receivedOn: '2026-05-25' });
      expect((await get(head, `q=${encodeURIComponent('甲乙丙筛选')}`)).data.map((c) => c.id)).toEqual([a.id]);
      expect((await get(head, `q=${encodeURIComponent('独特名称')}`)).data.map((c) => c.id)).toEqual([b.id]);
      expect((await get(head, `q=${encodeURIComponent(a.caseNo)}`)).data.map((c) => c.id)).toEqual([a.id]);
      const ranged = await get(head, 'receivedFrom=2026-05-24&receivedTo=2026-05-26&pageSize=200');
      expect(ranged.data.map((c) => c.id)).toContain(b.id);
      expect(ranged.data.map((c) => c.id)).not.toContain(a.id);
      expect(ranged.data.every((c) => c.receivedOn >= '2026-05-24' && c.receivedOn <= '2026-05-26')).toBe(true);
      const ordinary = await get(head, 'procedure=ordinary&pageSize=200');
      expect(ordinary.total).toBeGreaterThan(0);
      expect(ordinary.data.every((c) => c.procedure === 'ordinary')).toBe(true);
      const bad = await t.app.inject({ method: 'GET', url: `${BASE}?receivedFrom=2026-5-1`, headers: head.headers });
      expect(bad.statusCode).toBe(400);
    });

    it('acceptance, rejection and conclusion date ranges reproduce the period statistics (dashboard drill-down)', async () => {
      for (const [from, to] of [
        ['2026-01-01', '2026-06-01'],
        ['2025-01-01', '2025-12-31'],
      ] as const) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/stats?from=${from}&to=${to}`, headers: head.headers });
        expect(res.statusCode, res.body).toBe(200);
        const totals = (res.json() as Json).totals as Json;
        const accepted = await get(head, `acceptedFrom=${from}&acceptedTo=${to}&pageSize=1`);
        const rejected = await get(head, `rejectedFrom=${from}&rejectedTo=${to}&pageSize=1`);
        const concluded = await get(head, `concludedFrom=${from}&concludedTo=${to}&pageSize=200`);
        const mediated = await get(head, `status=mediated&concludedFrom=${from}&concludedTo=${to}&pageSize=1`);
        expect({ accepted: accepted.total, notAccepted: rejected.total, concluded: concluded.total, mediated: mediated.total }).toEqual({
          accepted: totals.accepted,
          notAccepted: totals.notAccepted,
          concluded: totals.concluded,
          mediated: totals.mediated,
        });
        expect(concluded.data.every((c) => ['decided', 'mediated', 'terminated'].includes(c.status))).toBe(true);
      }
      // the demo data has accepted and concluded cases in the first half of 2026: the comparison is not 0 = 0
      expect((await get(head, 'acceptedFrom=2026-01-01&acceptedTo=2026-06-01&pageSize=1')).total).toBeGreaterThan(0);
      expect((await get(head, 'concludedFrom=2026-01-01&concludedTo=2026-06-01&pageSize=1')).total).toBeGreaterThan(0);
      // the filters narrow within the viewer's scope: a handler never sees more than the department head
      const mine = await get(h1, 'acceptedFrom=2026-01-01&acceptedTo=2026-06-01&pageSize=1');
      const all = await get(head, 'acceptedFrom=2026-01-01&acceptedTo=2026-06-01&pageSize=1');
      expect(mine.total).toBeLessThanOrEqual(all.total);
      const reversed = await t.app.inject({ method: 'GET', url: `${BASE}?concludedFrom=2026-06-01&concludedTo=2026-01-01`, headers: head.headers });
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error.code).toBe('VALIDATION_FAILED');
      expect((await t.app.inject({ method: 'GET', url: `${BASE}?acceptedFrom=2026-1-1`, headers: head.headers })).statusCode).toBe(400);
    });

    it('mine = the viewer’s own cases; the head sees the department', async () => {
      const mine = await get(head, 'mine=true&pageSize=200');
      expect(mine.data.every((c) => c.handlerId === null || c.handlerId === mine.data[0]?.handlerId)).toBe(true);
      const all = await get(head, 'pageSize=200');
      const handlers = new Set(all.data.map((c) => c.handlerId));
      expect(handlers.size).toBeGreaterThan(1);
      const own = await get(h1, 'mine=true&pageSize=200');
      const h1Id = own.data[0]!.handlerId;
      expect(own.total).toBeGreaterThan(0);
      expect(own.data.every((c) => c.handlerId === h1Id)).toBe(true);
      expect(all.data.filter((c) => c.handlerId === h1Id).length).toBe(own.total);
    });

    it('sorts by next deadline (cases without one last), case number and receipt date, both ways', async () => {
      const byDue = (await get(head, 'sort=nextDue&order=asc&pageSize=200')).data;
      const dated = byDue.filter((c) => c.nextDue);
      expect(dated.map((c) => c.nextDue)).toEqual([...dated.map((c) => c.nextDue)].sort());
      expect(byDue.findIndex((c) => !c.nextDue)).toBeGreaterThanOrEqual(dated.length);
      const byDueDesc = (await get(head, 'sort=nextDue&order=desc&pageSize=200')).data.filter((c) => c.nextDue);
      expect(byDueDesc.map((c) => c.nextDue)).toEqual([...byDueDesc.map((c) => c.nextDue)].sort().reverse());
      const key = (c: Json) => (/〔(\d+)〕(\d+)号/.exec(c.caseNo) ?? []).slice(1).map(Number);
      const byNo = (await get(head, 'sort=caseNo&order=asc&pageSize=200')).data.map(key);
      expect(byNo).toEqual([...byNo].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
      const byRecv = (await get(head, 'sort=receivedOn&order=asc&pageSize=200')).data.map((c) => c.receivedOn);
      expect(byRecv).toEqual([...byRecv].sort());
    });
  });
}
