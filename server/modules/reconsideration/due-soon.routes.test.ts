// The case register's "due soon" filter (GET /api/v1/reconsideration/cases?due=dueSoon) covers the same days the list
// colours orange: up to the third working day after today on the official calendar, not three calendar days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const BASE = '/api/v1/reconsideration/cases';
type Json = Record<string, any>;

for (const dialect of DIALECTS) {
  describe(`行政复议 case list, due soon [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    const rng = createRng(4242);
    let seq = 0;

    // Friday 2026-06-05, 10:00 in Beijing: the third working day after it is Wednesday 2026-06-10
    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-05T02:00:00.000Z' });
      h1 = await t.login('fy.handler1');
    });
    afterAll(async () => t?.close());

    /** An on-site application received on `receivedOn`: its acceptance review ends 5 working days later (Art. 30). */
    const create = async (receivedOn: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: BASE,
        headers: h1.headers,
        payload: {
          channel: 'onsite',
          receivedOn,
          applicant: { kind: 'person', name: '期限筛选人', idNumber: generateIdNumber(rng, { regionCode: '110102' }) },
          respondent: { name: '北京市西城区某某局' },
          act: { name: `行政行为（期限筛选${++seq}）`, knownOn: '2026-05-20' },
          request: '撤销该行政行为',
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };

    it('takes in deadlines up to the third working day after today, across the weekend', async () => {
      const dueToday = await create('2026-05-29'); // due Fri 06-05
      const dueTuesday = await create('2026-06-02'); // due Tue 06-09: 2 working days ahead, 4 calendar days
      const dueThursday = await create('2026-06-04'); // due Thu 06-11: 4 working days ahead
      const res = await t.app.inject({ method: 'GET', url: `${BASE}?due=dueSoon&pageSize=200`, headers: h1.headers });
      expect(res.statusCode, res.body).toBe(200);
      const rows = (res.json() as { data: Json[] }).data;
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(dueToday.id)).toMatchObject({ nextDueKind: 'acceptance', nextDue: '2026-06-05' });
      expect(byId.get(dueTuesday.id)).toMatchObject({ nextDueKind: 'acceptance', nextDue: '2026-06-09' });
      expect(byId.has(dueThursday.id)).toBe(false);
      expect(rows.every((r) => r.nextDue >= '2026-06-05' && r.nextDue <= '2026-06-10')).toBe(true);
    });
  });
}
