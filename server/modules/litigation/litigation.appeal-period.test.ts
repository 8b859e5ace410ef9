/**
 * 行政应诉: the appeal period of 行政诉讼法 Art. 85 on the deadline register — 15 days from service of a first-instance
 * judgment, 10 days from service of a ruling, calendar days with the last day moved past a holiday (Art. 101 → 民事诉讼法
 * Art. 85). Opened when an appealable result is recorded (not for 调解 or 撤诉), closed by an appeal or when it lapses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { computeDeadline, getRule } from '../../../common/deadlines';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { createLitigationService } from './litigation.service';

const BASE = '/api/v1/litigation/cases';
type Json = Record<string, any>;

describe('litigation.appealJudgment / litigation.appealRuling (行政诉讼法 Art. 85)', () => {
  const cal = createOfficialCalendar();
  it('judgment: 15 calendar days from service; a last day in a holiday moves to the next working day', () => {
    const rule = getRule('litigation.appealJudgment');
    expect(rule).toMatchObject({ length: 15, unit: 'CAL', instrument: '中华人民共和国行政诉讼法', article: '第八十五条' });
    expect(computeDeadline(cal, rule, { start: '2026-06-01' }).due).toBe('2026-06-16');
    // 2026-09-20 + 15 = 2026-10-05, inside 国庆节 10-01..10-07 (law-rules.md §11.3) → 2026-10-08
    expect(computeDeadline(cal, rule, { start: '2026-09-20' }).due).toBe('2026-10-08');
    // 2026-09-11 + 15 = 2026-09-26, inside 中秋节 09-25..09-27 → 2026-09-28
    expect(computeDeadline(cal, rule, { start: '2026-09-11' }).due).toBe('2026-09-28');
    // 2026-01-31 + 15 = 2026-02-15, inside 春节 02-15..02-23 → 2026-02-24
    expect(computeDeadline(cal, rule, { start: '2026-01-31' }).due).toBe('2026-02-24');
  });
  it('ruling: 10 calendar days from service, same roll-forward', () => {
    const rule = getRule('litigation.appealRuling');
    expect(rule).toMatchObject({ length: 10, unit: 'CAL', article: '第八十五条' });
    expect(computeDeadline(cal, rule, { start: '2026-06-01' }).due).toBe('2026-06-11');
    // 2026-09-21 + 10 = 2026-10-01 → 2026-10-08
    expect(computeDeadline(cal, rule, { start: '2026-09-21' }).due).toBe('2026-10-08');
    // 2026-04-24 + 10 = 2026-05-04, inside 劳动节 05-01..05-05 → 2026-05-06
    expect(computeDeadline(cal, rule, { start: '2026-04-24' }).due).toBe('2026-05-06');
  });
});

for (const dialect of DIALECTS) {
  describe(`行政应诉 appeal period on the register [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let n = 0;
    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-10-09T02:00:00.000Z' });
      h1 = await t.login('fy.handler1');
    });
    afterAll(async () => t?.close());

    const req = (method: 'GET' | 'POST', url: string, payload?: Json) => t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: h1.headers });
    async function created(): Promise<{ id: string; caseNo: string }> {
      const caseNo = `(2026)京0102行初${800 + ++n}号`;
      const c = await req('POST', BASE, { court: '北京市西城区人民法院', caseNo, plaintiff: '李某', defendant: '北京市西城区人民政府', cause: '政府信息公开', filedOn: '2026-06-01', complaintReceivedOn: '2026-06-03' });
      expect(c.statusCode, c.body).toBe(200);
      return { id: c.json().id as string, caseNo };
    }
    const register = async (id: string) =>
      t.handle.db.selectFrom('deadlines').select(['ruleId', 'startDate', 'dueDate', 'status', 'assigneeId']).where('objectType', '=', 'litigationCase').where('objectId', '=', id).orderBy('ruleId').execute();

    it('opens the 15-day period on a judgment, from the service date, across the National Day holiday', async () => {
      const { id } = await created();
      const res = await req('POST', `${BASE}/${id}/outcome`, { outcome: 'revoke', on: '2026-09-15', servedOn: '2026-09-20' });
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d.appealPeriod).toMatchObject({ ruleId: 'litigation.appealJudgment', servedOn: '2026-09-20', due: '2026-10-08', status: 'open', basis: '《中华人民共和国行政诉讼法》第八十五条' });
      expect(d.appealPeriod.explanation).toMatch(/2026-10-08/);
      const rows = await register(id);
      expect(rows.find((r) => r.ruleId === 'litigation.defence')?.status).toBe('cancelled');
      expect(rows.find((r) => r.ruleId === 'litigation.appealJudgment')).toMatchObject({ startDate: '2026-09-20', dueDate: '2026-10-08', status: 'open' });
      // on the handler's to-do list
      const list = (await req('GET', '/api/v1/deadlines?module=litigation')).json();
      expect(list.data.some((x: Json) => x.objectId === id && x.ruleId === 'litigation.appealJudgment' && x.citation === '《中华人民共和国行政诉讼法》第八十五条')).toBe(true);
    });

    it('opens the 10-day period on a 驳回起诉 ruling', async () => {
      const { id } = await created();
      const d = (await req('POST', `${BASE}/${id}/outcome`, { outcome: 'dismissSuit', on: '2026-09-18', servedOn: '2026-09-21' })).json();
      expect(d.appealPeriod).toMatchObject({ ruleId: 'litigation.appealRuling', due: '2026-10-08', status: 'open' });
    });

    it('opens nothing on 调解 or 撤诉 (no appeal lies), and needs no service date there', async () => {
      for (const outcome of ['mediated', 'withdrawn']) {
        const { id } = await created();
        const res = await req('POST', `${BASE}/${id}/outcome`, { outcome, on: '2026-09-30' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().appealPeriod).toBeNull();
        expect((await register(id)).filter((r) => r.status === 'open')).toEqual([]);
      }
    });

    it('requires the service date for an appealable result, not in the future nor before the judgment', async () => {
      const { id } = await created();
      const missing = await req('POST', `${BASE}/${id}/outcome`, { outcome: 'dismissClaim', on: '2026-09-30' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(missing.json().error.message).toMatch(/送达日期.*第八十五条/);
      expect((await req('POST', `${BASE}/${id}/outcome`, { outcome: 'dismissClaim', on: '2026-09-30', servedOn: '2026-09-29' })).json().error.code).toBe('LITIGATION_DATE_ORDER');
      expect((await req('POST', `${BASE}/${id}/outcome`, { outcome: 'dismissClaim', on: '2026-09-30', servedOn: '2026-10-10' })).json().error.code).toBe('LITIGATION_DATE_IN_FUTURE');
      expect((await req('GET', `${BASE}/${id}`)).json().status).toBe('pending');
    });

    it('closes the period when an appeal is recorded: met by the defendant, cancelled by the plaintiff', async () => {
      for (const by of ['defendant', 'plaintiff'] as const) {
        const { id } = await created();
        await req('POST', `${BASE}/${id}/outcome`, { outcome: 'dismissClaim', on: '2026-09-28', servedOn: '2026-09-30' });
        const res = await req('POST', `${BASE}/${id}/appeal`, { by, filedOn: '2026-10-09' });
        expect(res.statusCode, res.body).toBe(200);
        const p = res.json().appealPeriod;
        expect(p).toMatchObject({ status: by === 'defendant' ? 'met' : 'cancelled', due: '2026-10-15' });
        expect(p.closedNote).toMatch(by === 'defendant' ? /被告已于 2026-10-09 提起上诉/ : /原告已于 2026-10-09 提起上诉/);
        expect((await register(id)).filter((r) => r.status === 'open')).toEqual([]);
      }
    });

    it('closes the period once it has passed unused (the judgment took effect), and not before', async () => {
      const { id } = await created();
      await req('POST', `${BASE}/${id}/outcome`, { outcome: 'orderPerformance', on: '2026-09-20', servedOn: '2026-09-24' });
      // 2026-09-24 + 15 = 2026-10-09: due today, still open
      expect((await req('GET', `${BASE}/${id}`)).json().appealPeriod).toMatchObject({ due: '2026-10-09', status: 'open' });
      t.clock.set('2026-10-10T02:00:00.000Z');
      h1 = await t.login('fy.handler1'); // the session of the day before has expired
      try {
        const p = (await req('GET', `${BASE}/${id}`)).json().appealPeriod;
        expect(p).toMatchObject({ due: '2026-10-09', status: 'cancelled' });
        expect(p.closedNote).toMatch(/上诉期限届满未登记上诉.*第八十五条/);
        // the sweep (for a scheduler; the listing runs it too) closes the others, e.g. the ruling above (due 2026-10-08)
        const svc = createLitigationService({ db: t.handle.db, clock: t.clock, audit: t.services.audit, deadlines: t.services.deadlines, calendar: () => t.services.calendar.current(), reconCaseNo: async () => '' });
        expect(await svc.closeLapsedAppeals()).toBeGreaterThan(0);
        expect(await svc.closeLapsedAppeals()).toBe(0);
        expect((await svc.caseNumbers([id])).get(id)).toMatch(/^\(2026\)京0102行初8\d\d号$/);
        await req('GET', BASE);
        const stale = await t.handle.db.selectFrom('deadlines').select('id').where('ruleId', 'in', ['litigation.appealJudgment', 'litigation.appealRuling']).where('status', '=', 'open').where('dueDate', '<', '2026-10-10').execute();
        expect(stale).toEqual([]);
        // an appeal posted before expiry and recorded late is still taken
        expect((await req('POST', `${BASE}/${id}/appeal`, { by: 'plaintiff', filedOn: '2026-10-09' })).json().status).toBe('appeal');
      } finally {
        t.clock.set('2026-10-09T02:00:00.000Z');
        h1 = await t.login('fy.handler1');
      }
    });

    it('the reminder run closes lapsed periods first, so none is reminded as overdue', async () => {
      const { id } = await created();
      await req('POST', `${BASE}/${id}/outcome`, { outcome: 'confirmIllegal', on: '2026-09-20', servedOn: '2026-09-24' });
      const dl = await t.handle.db.selectFrom('deadlines').select(['id']).where('objectId', '=', id).where('ruleId', '=', 'litigation.appealJudgment').executeTakeFirstOrThrow();
      try {
        t.clock.set('2026-10-12T02:00:00.000Z');
        await t.services.reminders.runDeadlineReminders();
        expect((await t.handle.db.selectFrom('deadlines').select('status').where('id', '=', dl.id).executeTakeFirstOrThrow()).status).toBe('cancelled');
        expect(await t.handle.db.selectFrom('notificationSends').select('state').where('deadlineId', '=', dl.id).execute()).toEqual([]);
      } finally {
        t.clock.set('2026-10-09T02:00:00.000Z');
        h1 = await t.login('fy.handler1');
      }
    });
  });
}
