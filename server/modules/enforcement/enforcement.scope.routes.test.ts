import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateCreditCode } from '../../../common/validators';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { SCHEDULE_2024, SCHEDULE_2026, WorkCalendar, createOfficialCalendar } from '../../../common/calendar';
import { ensureDetectionRun, snapshotStats } from './detections/detections.service';
import { insertInspections } from './detections/store';

const NOW = '2025-01-01T00:00:00.000Z';

/**
 * Two firms in two streets (西长安街街道: `west`; 金融街街道: `fin`), two agencies. `west` gets three CGJ visits in 20
 * days (one repeated-inspection flag, CGJ); `fin` two SCJ visits far apart (no flag) and one by an officer whose
 * certificate is valid throughout (until the test shortens it).
 */
async function seed(t: TestApp, west: string, fin: string) {
  const db = t.handle.db;
  await db
    .insertInto('enforcementAgencies')
    .values([
      { code: 'T-CGJ', name: '测试城管执法局', legalBasis: '《中华人民共和国行政处罚法》第十八条', fields: JSON.stringify(['urban']), street: null, createdAt: NOW, updatedAt: NOW, version: 1 },
      { code: 'T-SCJ', name: '测试市场监管局', legalBasis: '《中华人民共和国行政处罚法》第十八条', fields: JSON.stringify(['market']), street: null, createdAt: NOW, updatedAt: NOW, version: 1 },
    ])
    .execute();
  await db.insertInto('enforcementOfficers').values([
    { id: 'T-CGJ-O1', agencyCode: 'T-CGJ', name: '测试甲', certificateNo: 'C1', certificateValidFrom: '2020-01-01', certificateValidTo: '2030-12-31', createdAt: NOW, updatedAt: NOW, version: 1 },
    { id: 'T-SCJ-O1', agencyCode: 'T-SCJ', name: '测试乙', certificateNo: 'C2', certificateValidFrom: '2020-01-01', certificateValidTo: '2030-12-31', createdAt: NOW, updatedAt: NOW, version: 1 },
  ]).execute();
  await db.insertInto('enforcementFirms').values([{ creditCode: west, name: '北京测试西长安街餐饮有限公司', street: '西长安街街道', updatedAt: NOW }, { creditCode: fin, name: '北京测试金融街商贸有限公司', street: '金融街街道', updatedAt: NOW }]).execute();
  const row = (id: string, target: string, agency: string, field: string, kind: string, day: string, found: number) => ({ targetCreditCode: target, id, agencyCode: agency, officerId: `${agency}-O1`, field, kind, planId: 'P1', jointId: null, inspectedOn: day, foundProblem: found, durationMinutes: 30, importJobId: null });
  await insertInspections(db, [
      row('W1', west, 'T-CGJ', 'urban', 'plan', '2025-08-01', 0),
      row('W2', west, 'T-CGJ', 'urban', 'plan', '2025-08-10', 1),
      row('W3', west, 'T-CGJ', 'urban', 'plan', '2025-08-20', 0),
      row('F1', fin, 'T-SCJ', 'market', 'random', '2025-05-05', 1),
      row('F2', fin, 'T-SCJ', 'market', 'random', '2025-09-20', 0),
  ], NOW);
  // penalties: west's filed 2025-06-01 (undecided: the engine's due date 2025-09-01 has passed), fin's filed 2025-07-10
  await db.insertInto('enforcementPenalties').values([
    { targetCreditCode: west, id: 'PW-1', agencyCode: 'T-CGJ', officerId: null, inspectionId: null, field: 'urban', violationCode: 'CG-01', discretionLevel: 'ordinary', amount: 2000, filedOn: '2025-06-01', decidedOn: null, importJobId: null },
    { targetCreditCode: fin, id: 'PF-1', agencyCode: 'T-SCJ', officerId: null, inspectionId: null, field: 'market', violationCode: 'SC-01', discretionLevel: 'ordinary', amount: 3000, filedOn: '2025-07-10', decidedOn: null, importJobId: null },
  ]).execute();
  await db.insertInto('enforcementComplaints').values([
    { targetCreditCode: west, id: 'GD-W', agencyCode: 'T-CGJ', receivedOn: '2025-08-25', category: '重复检查', summary: '一月内被检查三次', status: 'received', createdAt: NOW },
    { targetCreditCode: fin, id: 'GD-F', agencyCode: 'T-SCJ', receivedOn: '2025-09-21', category: '执法态度', summary: '检查时态度生硬', status: 'received', createdAt: NOW },
  ]).execute();
  await db.updateTable('enforcementState').set((eb) => ({ value: eb('value', '+', 1) })).where('key', '=', 'data_version').execute();
}

async function addLiaison(t: TestApp, username: string, agencyCode: string) {
  const db = t.handle.db;
  const role = await db.selectFrom('roles').select('id').where('code', '=', 'agencyLiaison').executeTakeFirstOrThrow();
  const root = await db.selectFrom('departments').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow();
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({ id, username, displayName: `${agencyCode}联络员`, departmentId: root.id, passwordHash: await hashPassword(DEMO_PASSWORD), passwordChangedAt: NOW, mustChangePassword: 0, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: null, mobileBidx: null, isDemo: 1, createdAt: NOW, updatedAt: NOW, version: 1 })
    .execute();
  await db.insertInto('userRoles').values({ userId: id, roleId: role.id }).execute();
  await db.insertInto('enforcementAgencyLiaisons').values({ userId: id, agencyCode, createdAt: NOW }).execute();
}

describe.each(DIALECTS)('enforcement data scope, the Art. 60 clock through the engine, per-source versions (%s)', (dialect) => {
  let t: TestApp;
  let head: Session; // 行政执法监督科: the district
  let xicha: Session; // 西长安街司法所
  let jinrong: Session; // 金融街司法所
  let fy: Session; // 行政复议与应诉科 head: enforcement permissions through the shared role, but no enforcement scope
  let scj: Session; // liaison of T-SCJ
  const rng = createRng(5151);
  const west = generateCreditCode(rng);
  const fin = generateCreditCode(rng);
  const req = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1/enforcement${url}`, ...(payload !== undefined ? { payload: payload as object } : {}), headers: s.headers });
  const YEAR = 'from=2025-01-01&to=2025-12-31';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seed(t, west, fin);
    await addLiaison(t, 'liaison.scope.scj', 'T-SCJ');
    head = await t.login('zfjd.head');
    xicha = await t.login('sfs.xicha');
    jinrong = await t.login('sfs.jinrong');
    fy = await t.login('fy.head');
    scj = await t.login('liaison.scope.scj');
  }, 60_000);
  afterAll(async () => t?.close());

  it('detections: the district sees every flag, a 司法所 its street\'s, a liaison its agency\'s, another section none', async () => {
    const ids = async (s: Session, rule: string) => ((await req(s, 'GET', `/detections?rule=${rule}&${YEAR}`)).json().data as { targetCreditCode?: string }[]).map((f) => f.targetCreditCode);
    expect(await ids(head, 'repeated-inspection')).toEqual([west]);
    expect(await ids(xicha, 'repeated-inspection')).toEqual([west]);
    expect(await ids(jinrong, 'repeated-inspection')).toEqual([]);
    expect(await ids(scj, 'repeated-inspection')).toEqual([]);
    expect(await ids(fy, 'repeated-inspection')).toEqual([]);
    // overdue-penalty: both undecided cases are past the engine's due date on 2025-09-26? west's (due 2025-09-01) only
    expect(await ids(head, 'overdue-penalty')).toEqual([west]);
    expect(await ids(jinrong, 'overdue-penalty')).toEqual([]);
    // rule settings and simulation are the district's
    const sim = await req(fy, 'POST', '/detection-rules/repeated-inspection/simulate', { params: { windowDays: 5, minVisits: 2, excludeKinds: [] } });
    expect(sim.statusCode).toBe(403);
    expect(sim.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await req(head, 'POST', '/detection-rules/repeated-inspection/simulate', { params: { windowDays: 5, minVisits: 2, excludeKinds: [] } })).json()).toMatchObject({ current: 1, proposed: 0 });
  });

  it('evidence, analysis, the Excel export and 一企一档 are filtered in the queries', async () => {
    const ev = (await req(jinrong, 'GET', '/evidence?inspectionIds=W1,W2,F1&penaltyIds=PW-1,PF-1')).json();
    expect(ev.inspections.map((i: { id: string }) => i.id)).toEqual(['F1']);
    expect(ev.penalties.map((p: { id: string }) => p.id)).toEqual(['PF-1']);
    const totals = async (s: Session) => (await req(s, 'GET', `/analysis?${YEAR}`)).json();
    expect((await totals(head)).totals).toMatchObject({ inspections: 5, firms: 2, penalties: 2, complaints: 2 });
    const a = await totals(xicha);
    expect(a.totals).toMatchObject({ inspections: 3, firms: 1, penalties: 1, complaints: 1 });
    expect(a.scope).toBe('西长安街街道辖区企业');
    const bySc = await totals(scj);
    expect(bySc.totals).toMatchObject({ inspections: 2, firms: 1, penalties: 1, complaints: 1 });
    // the liaison's scope in words names the agency, not its code
    expect(bySc.scope).toBe('联络执法主体 测试市场监管局');
    expect((await totals(fy)).totals).toMatchObject({ inspections: 0, firms: 0, penalties: 0, complaints: 0 });
    const x = await req(jinrong, 'GET', `/analysis/export.xlsx?${YEAR}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('汇总')!.getCell('B6').value).toBe(2);
    expect((await req(xicha, 'GET', `/firms/${west}`)).json()).toMatchObject({ inspectionsTotal: 3 });
    const refused = await req(jinrong, 'GET', `/firms/${west}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await req(fy, 'GET', `/firms/${west}`)).statusCode).toBe(403);
    expect((await req(jinrong, 'GET', `/firms?q=${encodeURIComponent('北京测试')}`)).json().data.map((f: { creditCode: string }) => f.creditCode)).toEqual([fin]);
    const d = (await req(xicha, 'GET', `/dashboard?${YEAR}`)).json();
    expect(d.flagsByRule.find((r: { rule: string }) => r.rule === 'repeated-inspection').count).toBe(1);
    expect((await req(jinrong, 'GET', `/dashboard?${YEAR}`)).json().flagsByRule.find((r: { rule: string }) => r.rule === 'repeated-inspection').count).toBe(0);
  });

  it('registers: penalties and complaints by scope; officers only to the district and their agency\'s liaison; writes need the district', async () => {
    expect((await req(xicha, 'GET', '/penalties')).json().data.map((p: { id: string }) => p.id)).toEqual(['PW-1']);
    expect((await req(jinrong, 'GET', '/complaints')).json().data.map((c: { id: string }) => c.id)).toEqual(['GD-F']);
    const street = (await req(xicha, 'GET', '/officers')).json();
    expect(street.total).toBe(0);
    expect(street.note).toMatch(/司法所按辖区企业查看/); // the page says why the roster is empty
    const district = (await req(head, 'GET', '/officers')).json();
    expect(district.total).toBe(2);
    expect(district.note).toBeUndefined();
    const w = await req(fy, 'POST', '/agencies', { code: 'T-FY', name: 'x', legalBasis: 'x', fields: ['urban'] });
    expect(w.statusCode).toBe(403);
    expect(w.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await req(xicha, 'POST', '/agencies', { code: 'T-FY', name: 'x', legalBasis: 'x', fields: ['urban'] })).json().error.code).toBe('FORBIDDEN');
  });

  it('clues and orders: created by the district only; listed and opened within scope', async () => {
    const flag = (await req(head, 'GET', `/detections?rule=repeated-inspection&${YEAR}`)).json().data[0];
    const byFy = await req(fy, 'POST', '/clues', { source: 'detection', detectionIds: [flag.id], title: '重复检查' });
    expect(byFy.statusCode).toBe(403);
    expect(byFy.json().error.code).toBe('OUT_OF_SCOPE');
    const clue = (await req(head, 'POST', '/clues', { source: 'detection', detectionIds: [flag.id], title: '城管执法局重复检查' })).json();
    const order = await req(head, 'POST', '/orders', { clueId: clue.id, requirement: '合并检查事项', version: clue.version });
    expect(order.statusCode, order.body).toBe(200);
    expect((await req(xicha, 'GET', '/clues')).json().total).toBe(1);
    expect((await req(jinrong, 'GET', '/clues')).json().total).toBe(0);
    expect((await req(jinrong, 'GET', `/clues/${clue.id}`)).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await req(xicha, 'GET', '/orders')).json().total).toBe(1);
    expect((await req(xicha, 'GET', `/orders/${order.json().id}`)).statusCode).toBe(200);
    expect((await req(jinrong, 'GET', `/orders/${order.json().id}`)).statusCode).toBe(403);
    expect((await req(jinrong, 'GET', `/orders/${order.json().id}/document.docx`)).statusCode).toBe(403);
    expect((await req(xicha, 'GET', '/rectification-rate?asOf=2025-12-31')).json()).toMatchObject({ due: 1 });
    expect((await req(jinrong, 'GET', '/rectification-rate?asOf=2025-12-31')).json()).toMatchObject({ due: 0 });
    // verification is the district's (a section head elsewhere holds the permission through the shared role)
    const v = await req(fy, 'POST', `/orders/${order.json().id}/verify`, { result: 'pass', note: 'x', version: order.json().version });
    expect(v.statusCode).toBe(403);
  });

  it('overdue-penalty: due dates and their explanation come from the deadline engine; an approved extension moves them', async () => {
    const pen = (await req(head, 'GET', '/penalties?state=overdue')).json();
    expect(pen.data.map((p: { id: string }) => p.id)).toEqual(['PW-1']);
    const pw = pen.data[0];
    expect(pw).toMatchObject({ dueDate: '2025-09-01', overdue: true, extension: null });
    expect(pw.deadline.citation).toBe('《中华人民共和国行政处罚法》第六十条');
    expect(pw.deadline.steps[0].text).toContain('作出行政处罚决定期限为 90 日');
    const flag = (await req(head, 'GET', `/detections?rule=overdue-penalty&${YEAR}`)).json().data[0];
    expect(flag.detail).toMatchObject({ dueOn: '2025-09-01', citation: '《中华人民共和国行政处罚法》第六十条', undecided: true, extensionDays: 0 });
    const ev = (await req(head, 'GET', '/evidence?penaltyIds=PW-1')).json();
    expect(ev.penalties[0].deadline.dueDate).toBe('2025-09-01');
    // an extension must be approved before the original period ran out
    const late = await req(head, 'POST', '/penalties/PW-1/extend', { days: 30, basis: '某领域行政处罚程序规定', reason: '案情复杂', approvedOn: '2025-09-05' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('ENF_EXTENSION_LATE');
    expect((await req(fy, 'POST', '/penalties/PW-1/extend', { days: 30, basis: 'x', reason: 'x', approvedOn: '2025-08-20' })).json().error.code).toBe('OUT_OF_SCOPE');
    const ok = await req(head, 'POST', '/penalties/PW-1/extend', { days: 30, basis: '某领域行政处罚程序规定', reason: '案情复杂', approvedOn: '2025-08-20' });
    expect(ok.statusCode, ok.body).toBe(200);
    // 2025-08-30 (unrolled end) + 30 days = 2025-09-29, a Monday
    expect(ok.json()).toMatchObject({ dueDate: '2025-09-29', overdue: false, extension: { days: 30, basis: '某领域行政处罚程序规定' } });
    expect(ok.json().deadline.steps.map((s: { code: string }) => s.code)).toContain('EXTENSION');
    expect((await req(head, 'POST', '/penalties/PW-1/extend', { days: 5, basis: 'x', reason: 'x', approvedOn: '2025-08-21' })).json().error.code).toBe('ENF_PENALTY_EXTENDED');
    expect((await req(head, 'GET', '/penalties?state=overdue')).json().total).toBe(0);
    // the flag goes: the penalty source changed, the rule re-ran
    expect((await req(head, 'GET', `/detections?rule=overdue-penalty&${YEAR}`)).json().total).toBe(0);
    const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', 'PW-1').execute();
    expect(audit.map((a) => a.action)).toContain('enforcement.penalty.extend');
  });

  it('an officer edit re-runs expired-certificate on the cached inspection columns: no reload of the table', async () => {
    // warm: both rules over the year
    expect((await req(head, 'GET', `/detections?rule=expired-certificate&${YEAR}`)).json().total).toBe(0);
    expect((await req(head, 'GET', `/detections?rule=repeated-inspection&${YEAR}`)).json().total).toBe(1);
    const loads = snapshotStats().tableLoads;
    const runOf = async (rule: string) => (await t.handle.db.selectFrom('enforcementDetectionRuns').select(['dataVersion', 'ranAt']).where('rule', '=', rule).where('rangeFrom', '=', '2025-01-01').where('rangeTo', '=', '2025-12-31').executeTakeFirstOrThrow());
    const repeatedRun = await runOf('repeated-inspection');
    // the certificate of T-SCJ-O1 now ends before its 2025-09-20 inspection
    const off = await req(head, 'PUT', '/officers/T-SCJ-O1', { id: 'T-SCJ-O1', agencyCode: 'T-SCJ', name: '测试乙', certificateNo: 'C2', certificateValidFrom: '2020-01-01', certificateValidTo: '2025-09-01', version: 1 });
    expect(off.statusCode, off.body).toBe(200);
    const flags = (await req(head, 'GET', `/detections?rule=expired-certificate&${YEAR}`)).json();
    expect(flags.data.map((f: { inspectionIds: string[] }) => f.inspectionIds)).toEqual([['F2']]);
    expect(snapshotStats().tableLoads).toBe(loads); // the inspection columns were not read again
    // a rule that does not read officers is not even re-run
    expect((await req(head, 'GET', `/detections?rule=repeated-inspection&${YEAR}`)).json().total).toBe(1);
    expect(await runOf('repeated-inspection')).toEqual(repeatedRun);
    // an inspection write does reload them
    await insertInspections(t.handle.db, [{ targetCreditCode: fin, id: 'F3', agencyCode: 'T-SCJ', officerId: 'T-SCJ-O1', field: 'market', kind: 'random', planId: 'P1', jointId: null, inspectedOn: '2025-09-22', foundProblem: 0, durationMinutes: 10, importJobId: null }], NOW);
    expect((await req(head, 'GET', `/detections?rule=expired-certificate&${YEAR}`)).json().data[0].inspectionIds).toEqual(['F2', 'F3']);
    // PostgreSQL reloads the table; SQLite reads only the new segment (no full load)
    expect(snapshotStats().tableLoads).toBe(loads + (t.handle.sqlite ? 0 : 1));
    // an officer-level flag names no firm: the agency's liaison sees it (agency_codes JSON), a 司法所 does not
    expect((await req(scj, 'GET', `/detections?rule=expired-certificate&${YEAR}`)).json().total).toBe(1);
    expect((await req(jinrong, 'GET', `/detections?rule=expired-certificate&${YEAR}`)).json().total).toBe(0);
  });

  it('overdue-penalty runs again when the holiday calendar the engine counts on changes', async () => {
    const official = createOfficialCalendar();
    const without2025 = new WorkCalendar([SCHEDULE_2024, SCHEDULE_2026]);
    const range = { from: '2025-01-01', to: '2025-12-31', asOf: '2025-09-26' };
    const ranAt = async () => (await t.handle.db.selectFrom('enforcementDetectionRuns').select('ranAt').where('rule', '=', 'overdue-penalty').where('rangeFrom', '=', range.from).where('rangeTo', '=', range.to).executeTakeFirstOrThrow()).ranAt;
    await ensureDetectionRun(t.handle, 'overdue-penalty', range, { now: '2025-09-26T01:00:00.000Z', calendar: async () => official });
    const first = await ranAt();
    await ensureDetectionRun(t.handle, 'overdue-penalty', range, { now: '2025-09-26T02:00:00.000Z', calendar: async () => official });
    expect(await ranAt()).toBe(first); // same data, parameters and calendar: not redone
    await ensureDetectionRun(t.handle, 'overdue-penalty', range, { now: '2025-09-26T03:00:00.000Z', calendar: async () => without2025 });
    expect(await ranAt()).toBe('2025-09-26T03:00:00.000Z'); // another schedule: redone
    await ensureDetectionRun(t.handle, 'overdue-penalty', range, { now: '2025-09-26T04:00:00.000Z', calendar: async () => without2025 });
    expect(await ranAt()).toBe('2025-09-26T03:00:00.000Z');
  });
});
