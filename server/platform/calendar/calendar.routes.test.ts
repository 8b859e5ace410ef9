import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';

for (const dialect of DIALECTS) {
  describe(`calendar API [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { limits: { login: { max: 100, timeWindow: '1 minute' }, public: { max: 30, timeWindow: '1 minute' } } });
    });
    afterAll(async () => t?.close());
    const add = (q: string) => t.app.inject({ method: 'GET', url: `/api/v1/calendar/add?${q}` });

    it('adds working days across the National Day holiday (行政复议法 Art. 88; law-rules §11.4)', async () => {
      const res = await add('from=2025-09-26&days=5&unit=WD');
      expect(res.statusCode).toBe(200);
      expect(res.json().due).toBe('2025-10-10');
      expect(res.json().steps.length).toBeGreaterThan(1);
      expect(JSON.stringify(res.json().steps)).toMatch(/第八十五条/);
    });

    it('rolls a calendar-day period ending on a holiday to the next working day (民事诉讼法 Art. 85)', async () => {
      expect((await add('from=2025-08-02&days=60&unit=CAL')).json().due).toBe('2025-10-09');
    });

    it('refuses a year with no published schedule with 422 CALENDAR_YEAR_UNPUBLISHED', async () => {
      const res = await add('from=2026-12-28&days=5&unit=WD');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('CALENDAR_YEAR_UNPUBLISHED');
      expect(res.json().error.message).toMatch(/尚未公布/);
    });

    it('answers bad parameters with 400', async () => {
      for (const q of ['from=2025-02-30&days=5&unit=WD', 'from=2025-09-26&days=-1&unit=WD', 'from=2025-09-26&days=5&unit=XX', 'days=5&unit=WD', 'from=20250926&days=5&unit=WD', 'from=2025-09-26&days=abc&unit=WD']) {
        const res = await add(q);
        expect(res.statusCode, q).toBe(400);
        expect(['VALIDATION_FAILED', 'CALENDAR_DATE_INVALID']).toContain(res.json().error.code);
      }
    });

    it('lists the published years; only the system administrator edits them', async () => {
      const leader = await t.login('leader');
      const years = (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/years', headers: leader.headers })).json().data;
      expect(years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
      expect(years.find((y: { year: number }) => y.year === 2025).workingDaysInYear).toBe(248);
      expect(years.find((y: { year: number }) => y.year === 2026).docNoVerified).toBe(false);
      const put = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', headers: leader.headers, payload: { notice: '测试', docNo: null, docNoVerified: false, publishedOn: null, days: [] } });
      expect(put.statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar/years/1999', headers: leader.headers })).statusCode).toBe(400);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar/years/2030', headers: leader.headers })).statusCode).toBe(404);
    });

    it('publishing a year recomputes the open deadlines that depend on it and journals the change', async () => {
      const sys = await t.login('sysadmin');
      // An open deadline whose computation runs into 2027 is flagged, not silently Monday–Friday.
      const trxResult = await t.handle.db.transaction().execute(async (trx) => {
        const dept = await trx.selectFrom('departments').select('id').where('code', '=', 'FYK').executeTakeFirstOrThrow();
        return t.services.deadlines.open(trx, { module: 'reconsideration', objectType: 'test', objectId: 'X-1', title: '跨年期限', ruleId: 'reconsideration.acceptanceReview', startDate: '2026-12-29', departmentId: dept.id });
      });
      const before = await t.handle.db.selectFrom('deadlines').selectAll().where('id', '=', trxResult).executeTakeFirstOrThrow();
      expect(JSON.parse(before.flags)).toContain('CALENDAR_YEAR_UNPUBLISHED');
      const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', headers: sys.headers, payload: { notice: '国务院办公厅关于2027年部分节假日安排的通知', docNo: null, docNoVerified: false, publishedOn: '2026-11-10', days: [{ date: '2026-01-01', kind: 'off', holiday: '元旦' }] } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
      // A (fictional, test-only) 2027 schedule with 元旦 on 2027-01-01 (Fri) → 2027-01-03.
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/calendar/years/2027',
        headers: sys.headers,
        payload: { notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）', docNo: null, docNoVerified: false, publishedOn: '2026-11-10', days: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, kind: 'off', holiday: '元旦' })) },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json().recomputed).toBeGreaterThanOrEqual(1);
      expect(put.json().changedDeadlines).toBeGreaterThanOrEqual(1);
      const after = await t.handle.db.selectFrom('deadlines').selectAll().where('id', '=', trxResult).executeTakeFirstOrThrow();
      // 2026-12-29 (Tue) + 5 WD: 12-30, 12-31, [01-01..03 off], 01-04, 01-05, 01-06
      expect(after.dueDate).toBe('2027-01-06');
      expect(JSON.parse(after.flags)).not.toContain('CALENDAR_YEAR_UNPUBLISHED');
      const journal = await t.handle.db.selectFrom('deadlineJournal').selectAll().where('deadlineId', '=', trxResult).execute();
      expect(journal.at(-1)).toMatchObject({ oldDue: before.dueDate, newDue: '2027-01-06' });
      const cj = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/journal', headers: sys.headers });
      expect(cj.json().total).toBeGreaterThanOrEqual(1);
      // 2026-12-28 (Mon) + 5 WD: 12-29, 12-30, 12-31, [01-01..03 off], 01-04, 01-05
      expect((await add('from=2026-12-28&days=5&unit=WD')).json().due).toBe('2027-01-05');
      // Withdrawing it makes 2027 unpublished again.
      const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/years/2027', headers: sys.headers });
      expect(del.statusCode).toBe(200);
      expect((await add('from=2026-12-28&days=5&unit=WD')).statusCode).toBe(422);
    });

    it('rate-limits the public endpoint', async () => {
      let last = 0;
      for (let i = 0; i < 40; i++) last = (await add('from=2025-09-26&days=1&unit=CAL')).statusCode;
      expect(last).toBe(429);
    });
  });
}
