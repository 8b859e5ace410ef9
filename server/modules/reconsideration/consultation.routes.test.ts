import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { createRng, generateIdNumber } from '../../../common/validators';
import type { Database } from '../../db';
import { seedReconHistory } from '../../db/seeds/demo-recon-history';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { settlementRate } from './consultation.service';

const BASE = '/api/v1/reconsideration/consultations';
const STATS = '/api/v1/reconsideration/stats';
type Json = Record<string, any>;

describe('settlementRate', () => {
  it('(explained + resolved) ÷ (explained + resolved + filed); pending is left out; null without final outcomes', () => {
    expect(settlementRate({ explained: 3, resolved: 1, filed: 2, pending: 5 })).toBeCloseTo(4 / 6);
    expect(settlementRate({ explained: 0, resolved: 0, filed: 0, pending: 3 })).toBeNull();
    expect(settlementRate({ explained: 0, resolved: 0, filed: 4, pending: 0 })).toBe(0);
  });
});

for (const dialect of DIALECTS) {
  describe(`行政复议 consultations and statistics [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let h2: Session;
    let head: Session;
    let clerk: Session;
    let hfx: Session;
    const rng = createRng(1313);
    const caseIds: string[] = [];

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [h1, h2, head, clerk, hfx] = [await t.login('fy.handler1'), await t.login('fy.handler2'), await t.login('fy.head'), await t.login('sfs.xicha'), await t.login('hfx.head')];
      // A hand-built 2024 register (no demo case lies in 2024), handled by fy.handler1.
      const db = t.handle.db;
      const u = await db.selectFrom('users').select(['id', 'departmentId']).where('username', '=', 'fy.handler1').executeTakeFirstOrThrow();
      const now = '2026-06-01T02:00:00.000Z';
      type C = Partial<Database['reconsiderationCases']> & { receivedOn: string; channel: string; actName: string; respondentName: string; status: string };
      const rows: [C, string | null][] = [
        [{ receivedOn: '2024-03-01', acceptedOn: '2024-03-04', status: 'decided', decisionType: 'revoke', decidedOn: '2024-04-20', channel: 'onsite', actName: '行政处罚决定', respondentName: '甲局' }, '2024-05-03'],
        [{ receivedOn: '2024-03-10', acceptedOn: '2024-03-12', status: 'decided', decisionType: 'uphold', decidedOn: '2024-06-01', channel: 'mail', actName: '政府信息公开申请答复', respondentName: '甲局' }, '2024-05-11'],
        [{ receivedOn: '2024-04-01', acceptedOn: '2024-04-02', status: 'mediated', decidedOn: '2024-05-01', channel: 'online', actName: '不予认定工伤决定', respondentName: '乙局' }, '2024-06-01'],
        [{ receivedOn: '2024-05-01', acceptedOn: '2024-05-06', status: 'terminated', terminatedOn: '2024-05-20', terminationGround: 1, channel: 'oral', actName: '责令限期拆除决定', respondentName: '乙局' }, '2024-07-05'],
        [{ receivedOn: '2024-06-01', rejectedOn: '2024-06-03', status: 'rejected', channel: 'online', actName: '其他事项', respondentName: '乙局' }, null],
        [{ receivedOn: '2023-12-20', acceptedOn: '2023-12-22', status: 'decided', decisionType: 'confirmIllegal', decidedOn: '2024-01-10', channel: 'onsite', actName: '行政处罚决定', respondentName: '甲局' }, '2024-02-20'],
        // 视为放弃 (Art. 31 ¶2): counted by the date of the abandon step, one inside the period and one before it
        [{ receivedOn: '2023-11-01', status: 'abandoned', channel: 'mail', actName: '行政处罚决定', respondentName: '乙局' }, null],
        [{ receivedOn: '2023-11-02', status: 'abandoned', channel: 'mail', actName: '行政处罚决定', respondentName: '乙局' }, null],
      ];
      const abandonOn: Record<number, string> = { 6: '2024-01-15', 7: '2023-12-28' };
      for (const [i, [c, due]] of rows.entries()) {
        const id = `stats-case-${i}`;
        caseIds.push(id);
        await db
          .insertInto('reconsiderationCases')
          .values({
            id, caseNo: `测复〔${c.receivedOn.slice(0, 4)}〕${i + 1}号`, year: Number(c.receivedOn.slice(0, 4)), seq: i + 1, departmentId: u.departmentId, handlerId: u.id, resumeTo: null, procedure: c.acceptedOn ? 'ordinary' : null,
            postmarkOn: null, oralRecord: null, oralConfirmed: null, applicantKind: 'person', applicantPersonId: null, applicantName: '测试申请人', applicantCreditCode: null, applicantKey: `p:stats${i}`, respondentKey: c.respondentName,
            actDocNo: null, actDocKey: null, actMadeOn: null, actKnownOn: c.receivedOn, actRealEstate: 0, actRightsKnownOn: null, request: '撤销', reasons: '', lateExplanation: null, attachments: '[]', applicationDue: c.receivedOn, late: 0,
            acceptedOn: null, rejectedOn: null, correctionItems: null, copySentOn: null, respondentReceivedOn: null, replyReceivedOn: null, suspendedOn: null, suspensionGround: null, extensionDays: null, decisionType: null, decidedOn: null, terminatedOn: null, terminationGround: null,
            createdBy: u.id, createdAt: now, updatedAt: now, version: 1, ...c,
          })
          .execute();
        if (abandonOn[i]) {
          await db
            .insertInto('reconsiderationEvents')
            .values({ id: `stats-ev-${i}`, caseId: id, version: 2, departmentId: u.departmentId, at: now, onDate: abandonOn[i]!, action: 'abandon', fromStatus: 'correctionRequested', toStatus: 'abandoned', actorId: u.id, actorName: 'h1', details: '{}' })
            .execute();
        }
        if (due) {
          await db
            .insertInto('deadlines')
            .values({ id: `stats-dl-${i}`, module: 'reconsideration', objectType: 'reconsiderationCase', objectId: id, title: 't', ruleId: 'reconsideration.decision', startDate: c.acceptedOn!, pauses: '[]', extensions: '[]', dueDate: due, status: c.status === 'terminated' ? 'cancelled' : 'met', flags: '[]', departmentId: u.departmentId, assigneeId: u.id, computedAt: now, createdAt: now, updatedAt: now })
            .execute();
        }
      }
    });
    afterAll(async () => t?.close());

    const req = (s: Session | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), ...(s ? { headers: s.headers } : {}) });
    const body = (over: Json = {}): Json => ({ consultedOn: '2024-05-10', channel: 'onsite', matterType: 'penalty', summary: '咨询对行政处罚决定不服如何申请复议', outcome: 'explained', ...over });
    const create = async (over: Json = {}, s: Session = h1) => {
      const res = await req(s, 'POST', BASE, body(over));
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };

    it('401 without a session, 403 without the permission (司法所 clerk)', async () => {
      for (const [m, url] of [['GET', BASE], ['POST', BASE], ['GET', `${BASE}/x`], ['PUT', `${BASE}/x`], ['DELETE', `${BASE}/x`], ['GET', `${BASE}/settlement?from=2024-01-01&to=2024-12-31`], ['GET', `${STATS}?from=2024-01-01&to=2024-12-31`], ['GET', `${STATS}/export.xlsx?from=2024-01-01&to=2024-12-31`]] as const) {
        const anon = await req(null, m, url, m === 'POST' || m === 'PUT' ? body() : undefined);
        expect(anon.statusCode, `${m} ${url}`).toBe(401);
        const denied = await req(clerk, m, url, m === 'POST' || m === 'PUT' ? { ...body(), version: 1 } : undefined);
        expect(denied.statusCode, `${m} ${url}`).toBe(403);
        expect(denied.json().error.code).toBe('FORBIDDEN');
      }
    });

    it('400 on bad input, with a stable code and a Chinese message', async () => {
      const bad = async (over: Json, code: string) => {
        const res = await req(h1, 'POST', BASE, body(over));
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toBe(code);
        expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
      };
      await bad({ channel: 'fax' }, 'VALIDATION_FAILED');
      await bad({ summary: '' }, 'VALIDATION_FAILED');
      await bad({ consultedOn: '2026-06-02' }, 'RECON_DATE_IN_FUTURE');
      await bad({ visitorMobile: '13800138000' }, 'CONSULTATION_VISITOR_ID_REQUIRED');
      await bad({ visitorName: '张三', visitorIdNumber: '110102199001011234' }, 'ID_NUMBER_INVALID');
      await bad({ outcome: 'explained', caseId: caseIds[0] }, 'CONSULTATION_CASE_LINK');
      await bad({ outcome: 'filed', caseId: 'no-such-case' }, 'CONSULTATION_CASE_LINK');
      const period = await req(h1, 'GET', `${BASE}/settlement?from=2024-12-31&to=2024-01-01`);
      expect(period.statusCode).toBe(400);
    });

    it('404 for an unknown record; 403 for one outside the data scope', async () => {
      expect((await req(h1, 'GET', `${BASE}/nope`)).statusCode).toBe(404);
      expect((await req(h1, 'PUT', `${BASE}/nope`, { ...body(), version: 1 })).statusCode).toBe(404);
      expect((await req(h1, 'DELETE', `${BASE}/nope`)).statusCode).toBe(404);
      const mine = await create();
      const other = await req(h2, 'GET', `${BASE}/${mine.id}`);
      expect(other.statusCode).toBe(403);
      expect(other.json().error.code).toBe('OUT_OF_SCOPE');
      expect((await req(head, 'GET', `${BASE}/${mine.id}`)).statusCode).toBe(200);
      await req(h1, 'DELETE', `${BASE}/${mine.id}`);
    });

    it('CRUD: personal data through the people register (masked), links a filed case, version check, audited', async () => {
      const idNumber = generateIdNumber(rng, { regionCode: '110102' });
      const c = await create({ visitorName: '李来访', visitorIdNumber: idNumber, visitorMobile: '13911112222', outcome: 'pending', respondentName: '甲局' });
      expect(c.visitorPersonId).toBeTruthy();
      expect(c.visitorIdNumberMasked).not.toBe(idNumber);
      expect(c.visitorIdNumberMasked).toMatch(/\*/);
      expect(JSON.stringify(await t.handle.db.selectFrom('reconsiderationConsultations').selectAll().where('id', '=', c.id).execute())).not.toContain(idNumber);
      const updated = (await req(h1, 'PUT', `${BASE}/${c.id}`, { ...body({ outcome: 'filed', caseId: caseIds[0], visitorName: '李来访', visitorPersonId: c.visitorPersonId }), version: c.version })).json();
      expect(updated.outcome).toBe('filed');
      expect(updated.caseNo).toBe('测复〔2024〕1号');
      expect(updated.version).toBe(2);
      const stale = await req(h1, 'PUT', `${BASE}/${c.id}`, { ...body(), version: 1 });
      expect(stale.statusCode).toBe(409);
      const list = (await req(h1, 'GET', `${BASE}?outcome=filed&from=2024-01-01&to=2024-12-31`)).json();
      expect(list.data.map((x: Json) => x.id)).toContain(c.id);
      const del = await req(h1, 'DELETE', `${BASE}/${c.id}`);
      expect(del.json()).toEqual({ ok: true });
      expect((await req(h1, 'GET', `${BASE}/${c.id}`)).statusCode).toBe(404);
      const audit = await t.handle.db.selectFrom('auditLog').select(['action', 'diff']).where('objectId', '=', c.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['reconsideration.consultation.create', 'reconsideration.consultation.update', 'reconsideration.consultation.delete']);
      expect(JSON.stringify(audit)).not.toContain(idNumber);
      expect(JSON.stringify(audit)).not.toContain('李来访');
    });

    it('statistics of a hand-built period match the definitions; the settlement rate comes from the log', async () => {
      for (const outcome of ['explained', 'explained', 'explained', 'resolved', 'filed', 'pending']) await create({ outcome });
      await create({ outcome: 'filed', caseId: caseIds[0] });
      await create({ outcome: 'resolved', consultedOn: '2023-12-31' }); // outside the period
      const s = (await req(head, 'GET', `${STATS}?from=2024-01-01&to=2024-12-31`)).json() as Json;
      expect(s.totals).toEqual({ received: 5, accepted: 4, notAccepted: 1, concluded: 5, decided: 3, mediated: 1, terminated: 1, withdrawn: 1, abandoned: 1 });
      const counts = (rows: Json[]) => Object.fromEntries(rows.filter((r) => r.count).map((r) => [r.key, r.count]));
      expect(counts(s.byChannel)).toEqual({ onsite: 1, mail: 1, online: 2, oral: 1 });
      expect(counts(s.byMatterType)).toEqual({ penalty: 1, disclosure: 1, workInjury: 1, coercion: 1, other: 1 });
      expect(counts(s.byDecisionType)).toEqual({ revoke: 1, uphold: 1, confirmIllegal: 1 });
      expect(s.correctionRate).toMatchObject({ numerator: 2, denominator: 3, configurable: true });
      expect(s.correctionRate.rate).toBeCloseTo(2 / 3);
      expect(s.correctionRate.definition).toContain('可配置');
      expect(s.onTimeRate).toMatchObject({ numerator: 4, denominator: 5, rate: 0.8 });
      expect(s.averageDurationDays).toBe(38);
      expect(s.byRespondent).toEqual([
        { respondentName: '乙局', received: 3, decided: 0, corrected: 0, correctionRate: null },
        { respondentName: '甲局', received: 2, decided: 3, corrected: 2, correctionRate: 2 / 3 },
      ]);
      expect(s.settlement).toMatchObject({ total: 7, explained: 3, resolved: 1, filed: 2, pending: 1 });
      expect(s.settlement.rate).toBeCloseTo(4 / 6);
      expect(s.settlement.definition).toContain('待定');
      // scope: another handler and another section see none of it
      const other = (await req(h2, 'GET', `${STATS}?from=2024-01-01&to=2024-12-31`)).json() as Json;
      expect(other.totals.received).toBe(0);
      expect(other.settlement.total).toBe(0);
      expect((await req(hfx, 'GET', `${STATS}?from=2024-01-01&to=2024-12-31`)).json().totals.decided).toBe(0);
      expect((await req(head, 'GET', `${STATS}?from=2024-01-01&to=2030-12-31`)).json().error.code).toBe('STATS_PERIOD_TOO_LONG');
      expect((await req(head, 'GET', `${STATS}?from=2024-13-01&to=2024-12-31`)).statusCode).toBe(400);
    });

    it('exports the figures as an Excel workbook that opens, with a sheet per dimension and a title row', async () => {
      const res = await req(head, 'GET', `${STATS}/export.xlsx?from=2024-01-01&to=2024-12-31`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(String(res.headers['content-disposition'])).toContain('attachment');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '按申请渠道', '按被申请人', '按事项类型', '按决定类型', '咨询接待']);
      const overview = wb.getWorksheet('总体情况')!;
      expect(String(overview.getCell('A1').value)).toContain('2024-01-01 至 2024-12-31');
      expect(String(overview.getCell('A1').value)).toContain('生成时间');
      expect(overview.getRow(2).values).toEqual([undefined, '指标', '数值', '口径']);
      expect(overview.getCell('A3').value).toBe('收到申请');
      expect(overview.getCell('B3').value).toBe(5);
      const byResp = wb.getWorksheet('按被申请人')!;
      expect(byResp.getRow(4).values).toEqual([undefined, '甲局', 2, 3, 2, '66.7%']);
    });

    it('demo history: a year of consultations and several hundred concluded cases give plausible figures', async () => {
      const db = t.handle.db;
      const fyk = await db.selectFrom('departments').select('id').where('code', '=', 'FYK').executeTakeFirstOrThrow();
      const handlers = await db.selectFrom('users').select(['id', 'displayName as name']).where('username', 'in', ['fy.handler1', 'fy.handler2']).execute();
      let k = 0;
      const res = await db.transaction().execute((trx) =>
        seedReconHistory({ db: trx, rng: createRng(7), cipher: t.services.cipher, calendar: createOfficialCalendar(), today: '2026-06-01', nowIso: '2026-06-01T02:00:00.000Z', departmentId: fyk.id, handlers, personName: () => `演示人${++k}` }),
      );
      expect(res.cases).toBeGreaterThan(300);
      expect(res.consultations).toBeGreaterThan(1000);
      expect(res.litigation).toBe(11);
      const s = (await req(head, 'GET', `${STATS}?from=2025-01-01&to=2025-12-31`)).json() as Json;
      expect(s.totals.received).toBeGreaterThan(300);
      expect(s.totals.concluded).toBeGreaterThan(250);
      expect(s.correctionRate.rate).toBeGreaterThan(0.2);
      expect(s.correctionRate.rate).toBeLessThan(0.5);
      expect(s.onTimeRate.rate).toBeGreaterThan(0.9);
      expect(s.onTimeRate.rate).toBeLessThan(1);
      const year = (await req(head, 'GET', `${BASE}/settlement?from=2025-01-01&to=2025-12-31`)).json() as Json;
      expect(year.rate).toBeGreaterThan(0.6);
      expect(year.rate).toBeLessThan(0.8);
      expect(year.total).toBeGreaterThanOrEqual(1000);
      const lit = (await req(head, 'GET', '/api/v1/litigation/stats?from=2025-01-01&to=2025-12-31')).json() as Json;
      expect(lit.cases).toBe(8);
      expect(lit.headAppearances).toBe(4);
      // every decided case has its decision type
      const bad = await db.selectFrom('reconsiderationCases').select('id').where('status', '=', 'decided').where('decisionType', 'is', null).execute();
      expect(bad).toHaveLength(0);
    });
  });
}
