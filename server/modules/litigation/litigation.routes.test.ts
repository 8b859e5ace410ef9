import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { computeDeadline, getRule } from '../../../common/deadlines';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const BASE = '/api/v1/litigation/cases';
type Json = Record<string, any>;

describe('litigation.defence rule (行政诉讼法 Art. 67 ¶1)', () => {
  it('15 calendar days from receipt of the complaint copy; a last day in the National Day holiday rolls forward', () => {
    const rule = getRule('litigation.defence');
    expect(rule).toMatchObject({ length: 15, unit: 'CAL', instrument: '中华人民共和国行政诉讼法', article: '第六十七条第一款' });
    const cal = createOfficialCalendar();
    expect(computeDeadline(cal, rule, { start: '2025-06-03' }).due).toBe('2025-06-18');
    // 2025-09-20 + 15 = 2025-10-05, inside 10-01..10-08 → 2025-10-09
    expect(computeDeadline(cal, rule, { start: '2025-09-20' }).due).toBe('2025-10-09');
  });
});

for (const dialect of DIALECTS) {
  describe(`行政应诉 cases [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let h2: Session;
    let head: Session;
    let leader: Session;
    let clerk: Session;
    let n = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [h1, h2, head, leader, clerk] = [await t.login('fy.handler1'), await t.login('fy.handler2'), await t.login('fy.head'), await t.login('leader'), await t.login('sfs.xicha')];
    });
    afterAll(async () => t?.close());

    const req = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), ...(s ? { headers: s.headers } : {}) });
    const body = (over: Json = {}): Json => ({
      court: '北京市西城区人民法院',
      caseNo: `(2025)京0102行初${100 + ++n}号`,
      plaintiff: '王某',
      defendant: '北京市西城区人民政府',
      cause: '政府信息公开',
      filedOn: '2025-09-15',
      complaintReceivedOn: '2025-09-20',
      ...over,
    });
    const create = async (over: Json = {}, s: Session = h1) => {
      const res = await req(s, 'POST', BASE, body(over));
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const post = async (id: string, path: string, payload: Json, status = 200, s: Session = h1) => {
      const res = await req(s, 'POST', `${BASE}/${id}/${path}`, payload);
      expect(res.statusCode, res.body).toBe(status);
      return res.json() as Json;
    };

    it('401 without a session, 403 without the permission, 404 for an unknown case', async () => {
      const routes: [('GET' | 'POST' | 'PUT'), string, Json?][] = [
        ['GET', BASE], ['POST', BASE, body()], ['GET', `${BASE}/x`], ['POST', `${BASE}/x/defence`, { submittedOn: '2025-09-25' }],
        ['POST', `${BASE}/x/hearings`, { hearingOn: '2025-10-20', headAppeared: false, representatives: '科长' }], ['PUT', `${BASE}/x/hearings/y`, { hearingOn: '2025-10-20', headAppeared: false, representatives: '科长' }],
        ['POST', `${BASE}/x/outcome`, { outcome: 'dismissClaim', on: '2025-12-01' }], ['POST', `${BASE}/x/appeal`, { by: 'plaintiff', filedOn: '2025-12-10' }], ['GET', '/api/v1/litigation/stats?from=2025-01-01&to=2025-12-31'],
      ];
      for (const [m, url, payload] of routes) {
        expect((await req(null, m, url, payload)).statusCode, `${m} ${url}`).toBe(401);
        const denied = await req(clerk, m, url, payload);
        expect(denied.statusCode, `${m} ${url}`).toBe(403);
        expect(denied.json().error.code).toBe('FORBIDDEN');
        if (url.includes('/x')) {
          const missing = await req(h1, m, url, payload);
          expect(missing.statusCode, `${m} ${url}`).toBe(404);
        }
      }
      // leader may read but not manage
      expect((await req(leader, 'GET', BASE)).statusCode).toBe(200);
      expect((await req(leader, 'POST', BASE, body())).statusCode).toBe(403);
    });

    it('400 on bad input: case number format, date order, future dates, head appearance without a name', async () => {
      const bad = async (over: Json, code: string) => {
        const res = await req(h1, 'POST', BASE, body(over));
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toBe(code);
        expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
      };
      await bad({ caseNo: '京0102行初1号' }, 'VALIDATION_FAILED');
      await bad({ court: '' }, 'VALIDATION_FAILED');
      await bad({ complaintReceivedOn: '2025-09-10' }, 'LITIGATION_DATE_ORDER');
      await bad({ filedOn: '2026-06-02', complaintReceivedOn: '2026-06-03' }, 'LITIGATION_DATE_IN_FUTURE');
      const c = await create();
      const h = await req(h1, 'POST', `${BASE}/${c.id}/hearings`, { hearingOn: '2025-10-20', headAppeared: true });
      expect(h.statusCode).toBe(400);
      expect(h.json().error.message).toBeTruthy();
      const h2_ = await req(h1, 'POST', `${BASE}/${c.id}/hearings`, { hearingOn: '2025-10-20', headAppeared: false });
      expect(h2_.statusCode).toBe(400);
      const before = await req(h1, 'POST', `${BASE}/${c.id}/hearings`, { hearingOn: '2025-09-01', headAppeared: false, representatives: '科长' });
      expect(before.json().error.code).toBe('LITIGATION_DATE_ORDER');
      const noHearing = await req(h1, 'PUT', `${BASE}/${c.id}/hearings/nope`, { hearingOn: '2025-10-20', headAppeared: false, representatives: '科长' });
      expect(noHearing.statusCode).toBe(404);
      expect((await req(h1, 'POST', `${BASE}/${c.id}/defence`, { submittedOn: '2025-09-19' })).json().error.code).toBe('LITIGATION_DATE_ORDER');
      expect((await req(h1, 'GET', '/api/v1/litigation/stats?from=2025-12-31&to=2025-01-01')).statusCode).toBe(400);
      const dup = await req(h1, 'POST', BASE, body({ caseNo: c.caseNo.replace('(', '（').replace(')', '）') }));
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('LITIGATION_CASE_NO_TAKEN');
    });

    it('the defence period (Art. 67 ¶1) through the deadline engine, on the to-do list until the defence is filed', async () => {
      const c = await create();
      expect(c.defenceDue).toBe('2025-10-09');
      expect(c.defence.basis).toBe('《中华人民共和国行政诉讼法》第六十七条第一款');
      expect(c.defence.explanation).toContain('2025-10-09');
      expect(c.status).toBe('pending');
      const todo = async () => ((await req(h1, 'GET', '/api/v1/deadlines?module=litigation&pageSize=200')).json().data as Json[]).filter((d) => d.objectId === c.id);
      expect((await todo()).map((d) => d.dueDate)).toEqual(['2025-10-09']);
      const d = await post(c.id, 'defence', { submittedOn: '2025-10-09' });
      expect(d.defenceSubmittedOn).toBe('2025-10-09');
      expect(d.defence.onTime).toBe(true);
      expect(await todo()).toEqual([]);
      const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', c.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['litigation.case.create', 'litigation.case.defence']);
    });

    it('hearings with the head’s appearance (Art. 3 ¶3), outcome, appeal; scope; statistics', async () => {
      const a = await create({ filedOn: '2025-03-01', complaintReceivedOn: '2025-03-05' });
      const b = await create({ filedOn: '2025-04-01', complaintReceivedOn: '2025-04-03' });
      const c = await create({ filedOn: '2025-05-01', complaintReceivedOn: '2025-05-06' });
      // a: head appeared at the second hearing, then lost (revoke); b: staff only, won; c: withdrawn without hearing
      await post(a.id, 'hearings', { hearingOn: '2025-04-10', headAppeared: false, representatives: '法制科科长' });
      let ad = await post(a.id, 'hearings', { hearingOn: '2026-07-01', headAppeared: false, representatives: '拟由副区长出庭' });
      expect(ad.nextHearingOn).toBe('2026-07-01');
      // the head cannot have appeared at a future hearing
      const future = ad.hearings.find((h: Json) => h.hearingOn === '2026-07-01');
      expect((await req(h1, 'PUT', `${BASE}/${a.id}/hearings/${future.id}`, { hearingOn: '2026-07-01', headAppeared: true, headName: '赵某' })).json().error.code).toBe('LITIGATION_DATE_IN_FUTURE');
      ad = (await req(h1, 'PUT', `${BASE}/${a.id}/hearings/${future.id}`, { hearingOn: '2025-05-20', headAppeared: true, headName: '赵某', headTitle: '副区长' })).json();
      expect(ad.headAppeared).toBe(true);
      expect(ad.hearings.map((h: Json) => [h.hearingOn, h.headAppeared, h.headName])).toEqual([['2025-04-10', false, null], ['2025-05-20', true, '赵某']]);
      ad = await post(a.id, 'outcome', { outcome: 'revoke', on: '2025-06-30', servedOn: '2025-07-02' });
      expect(ad.status).toBe('concluded');
      expect((await req(h1, 'POST', `${BASE}/${a.id}/outcome`, { outcome: 'revoke', on: '2025-06-30' })).json().error.code).toBe('LITIGATION_CONCLUDED');
      await post(b.id, 'hearings', { hearingOn: '2025-05-10', headAppeared: false, representatives: '法制科工作人员' });
      await post(b.id, 'outcome', { outcome: 'dismissClaim', on: '2025-06-15', servedOn: '2025-06-17' });
      expect((await req(h1, 'POST', `${BASE}/${c.id}/appeal`, { by: 'plaintiff', filedOn: '2025-06-20' })).json().error.code).toBe('LITIGATION_APPEAL_NOT_ALLOWED');
      await post(c.id, 'outcome', { outcome: 'withdrawn', on: '2025-05-30' });
      // b appealed by the plaintiff: pending on appeal, then upheld (dismissClaim)
      let bd = await post(b.id, 'appeal', { by: 'plaintiff', filedOn: '2025-06-25', appealCaseNo: '(2025)京02行终88号' });
      expect(bd.status).toBe('appeal');
      expect(bd.finalOutcome).toBeNull();
      bd = await post(b.id, 'appeal', { by: 'plaintiff', filedOn: '2025-06-25', outcome: 'dismissClaim', outcomeOn: '2025-09-01' });
      expect(bd.status).toBe('concluded');
      expect(bd.appeal).toMatchObject({ by: 'plaintiff', caseNo: '(2025)京02行终88号', outcome: 'dismissClaim' });
      // scope: handler 2 sees none of handler 1's cases; the section head sees them
      expect((await req(h2, 'GET', `${BASE}/${a.id}`)).json().error.code).toBe('OUT_OF_SCOPE');
      expect((await req(head, 'GET', `${BASE}?status=concluded&pageSize=200`)).json().data.map((x: Json) => x.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
      const list = (await req(h1, 'GET', `${BASE}?q=${encodeURIComponent(a.caseNo)}`)).json();
      expect(list.total).toBe(1);
      expect(list.data[0]).toMatchObject({ id: a.id, headAppeared: true, finalOutcome: 'revoke' });
      const s = (await req(head, 'GET', '/api/v1/litigation/stats?from=2025-03-01&to=2025-09-10')).json() as Json;
      expect(s).toMatchObject({ cases: 3, heard: 2, headAppeared: 1, headAppearances: 1, headAppearanceRate: 0.5, concluded: 3, lost: 1 });
      expect(s.lossRate).toBeCloseTo(1 / 3);
      expect(s.byOutcome.find((o: Json) => o.key === 'dismissClaim').count).toBe(1);
      expect(s.definitions.headAppearance).toContain('第三条第三款');
      expect(s.definitions.loss).toContain('可配置');
      expect((await req(h2, 'GET', '/api/v1/litigation/stats?from=2025-03-01&to=2025-09-10')).json().cases).toBe(0);
    });

    it('links a 行政复议 case in scope; an unknown one is 404', async () => {
      const recon = (await req(h1, 'GET', '/api/v1/reconsideration/cases?pageSize=1')).json().data[0] as Json;
      const c = await create({ reconCaseId: recon.id });
      expect(c.reconCaseNo).toBe(recon.caseNo);
      expect((await req(h1, 'POST', BASE, body({ reconCaseId: 'nope' }))).statusCode).toBe(404);
      const other = (await req(h2, 'GET', '/api/v1/reconsideration/cases?pageSize=1')).json().data[0] as Json;
      expect((await req(h1, 'POST', BASE, body({ reconCaseId: other.id }))).statusCode).toBe(403);
    });
  });
}
