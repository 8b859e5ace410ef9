import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateCreditCode } from '../../../common/validators';
import { officialDate, readZipEntry } from '../../platform/documents';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { insertInspections } from './detections/store';

const NOW = '2025-01-01T00:00:00.000Z';

/** Two agencies, and inspections of one firm that make exactly one repeated-inspection flag (CGJ, 3 visits in 20 days). */
async function seed(t: TestApp, firm: string, other: string) {
  const db = t.handle.db;
  await db
    .insertInto('enforcementAgencies')
    .values([
      { code: 'T-CGJ', name: '测试城管执法局', legalBasis: '《中华人民共和国行政处罚法》第十八条', fields: JSON.stringify(['urban']), street: null, createdAt: NOW, updatedAt: NOW, version: 1 },
      { code: 'T-SCJ', name: '测试市场监管局', legalBasis: '《中华人民共和国行政处罚法》第十八条', fields: JSON.stringify(['market']), street: null, createdAt: NOW, updatedAt: NOW, version: 1 },
    ])
    .execute();
  await db.insertInto('enforcementFirms').values([{ creditCode: firm, name: '北京测试餐饮有限公司', street: '西长安街街道', updatedAt: NOW }, { creditCode: other, name: '北京测试商贸有限公司', street: '金融街街道', updatedAt: NOW }]).execute();
  const row = (id: string, target: string, agency: string, field: string, kind: string, day: string, found: number, planId: string | null = 'P1') => ({ targetCreditCode: target, id, agencyCode: agency, officerId: `${agency}-O1`, field, kind, planId, jointId: null, inspectedOn: day, foundProblem: found, durationMinutes: 30, importJobId: null });
  await insertInspections(db, [
      row('I1', firm, 'T-CGJ', 'urban', 'plan', '2025-08-01', 0),
      row('I2', firm, 'T-CGJ', 'urban', 'plan', '2025-08-10', 1),
      row('I3', firm, 'T-CGJ', 'urban', 'plan', '2025-08-20', 0),
      row('I4', other, 'T-SCJ', 'market', 'random', '2025-07-05', 1),
      row('I5', other, 'T-SCJ', 'market', 'random', '2025-09-20', 0),
  ], NOW);
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
  return id;
}

describe.each(DIALECTS)('enforcement supervision workflow, registers and analysis (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  let leader: Session;
  let cgj: Session;
  let scj: Session;
  let cgjUser = '';
  const rng = createRng(4242);
  const firm = generateCreditCode(rng);
  const other = generateCreditCode(rng);
  const req = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1/enforcement${url}`, ...(payload !== undefined ? { payload: payload as object } : {}), headers: s ? s.headers : {} });
  let flagId = '';
  let orderId = '';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seed(t, firm, other);
    head = await t.login('zfjd.head');
    leader = await t.login('leader');
    cgjUser = await addLiaison(t, 'liaison.cgj', 'T-CGJ');
    await addLiaison(t, 'liaison.scj', 'T-SCJ');
    cgj = await t.login('liaison.cgj');
    scj = await t.login('liaison.scj');
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses anonymous callers (401) and users without the permission (403)', async () => {
    expect((await req(null, 'GET', '/clues')).statusCode).toBe(401);
    expect((await req(cgj, 'GET', '/clues')).statusCode).toBe(403);
    expect((await req(leader, 'POST', '/clues', { source: 'manual', title: 'x', agencyCode: 'T-CGJ' })).statusCode).toBe(403);
    const fy = await t.login('fy.handler1');
    expect((await req(fy, 'GET', '/orders')).statusCode).toBe(403);
    expect((await req(fy, 'GET', '/analysis?from=2025-01-01&to=2025-12-31')).statusCode).toBe(403);
  });

  it('keeps liaisons and readers out of the bureau\'s actions and the registers\' writes', async () => {
    expect((await req(cgj, 'GET', '/agencies')).statusCode).toBe(403);
    expect((await req(leader, 'POST', '/agencies', { code: 'X', name: 'x', legalBasis: 'x', fields: ['urban'] })).statusCode).toBe(403);
    expect((await req(cgj, 'POST', '/orders/none/verify', { result: 'pass', note: 'x', version: 1 })).statusCode).toBe(403);
    expect((await req(head, 'POST', '/orders/none/verify', { result: 'maybe', note: 'x', version: 1 })).statusCode).toBe(400);
    expect((await req(head, 'POST', '/orders/none/verify', { result: 'pass', note: 'x', version: 1 })).statusCode).toBe(404);
    expect((await req(head, 'POST', '/penalties', { id: 'bad id', agencyCode: 'T-CGJ' })).statusCode).toBe(400);
  });

  it('registers liaisons (audited) and rejects an unknown agency', async () => {
    expect((await req(head, 'POST', '/liaisons', { userId: cgjUser, agencyCode: 'T-CGJ' })).statusCode).toBe(200);
    const scjUser = (await t.handle.db.selectFrom('users').select('id').where('username', '=', 'liaison.scj').executeTakeFirstOrThrow()).id;
    expect((await req(head, 'POST', '/liaisons', { userId: scjUser, agencyCode: 'T-SCJ' })).statusCode).toBe(200);
    const bad = await req(head, 'POST', '/liaisons', { userId: cgjUser, agencyCode: 'NOPE' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ENF_AGENCY_UNKNOWN');
    expect((await req(head, 'GET', '/liaisons')).json().data).toHaveLength(2);
  });

  it('turns a detection flag into a clue; the same flag cannot make a second clue', async () => {
    const det = await t.app.inject({ method: 'GET', url: '/api/v1/enforcement/detections?rule=repeated-inspection&from=2025-01-01&to=2025-12-31', headers: head.headers });
    expect(det.statusCode, det.body).toBe(200);
    const flags = det.json().data as { id: string; agencyCodes: string[]; inspectionIds: string[] }[];
    expect(flags).toHaveLength(1);
    expect(flags[0]!.inspectionIds.sort()).toEqual(['I1', 'I2', 'I3']);
    flagId = flags[0]!.id;
    const ev = (await req(head, 'GET', `/evidence?inspectionIds=${flags[0]!.inspectionIds.join(',')}`)).json();
    expect(ev.inspections.map((i: { id: string; targetName: string | null }) => [i.id, i.targetName])).toEqual([['I1', '北京测试餐饮有限公司'], ['I2', '北京测试餐饮有限公司'], ['I3', '北京测试餐饮有限公司']]);
    const bad = await req(head, 'POST', '/clues', { source: 'detection', detectionIds: ['rep-nonexistent'], title: '重复检查' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ENF_DETECTION_NOT_FOUND');
    const res = await req(head, 'POST', '/clues', { source: 'detection', detectionIds: [flagId], title: '城管执法局20日内三次检查同一餐饮企业', description: '重复检查' });
    expect(res.statusCode, res.body).toBe(200);
    const clue = res.json();
    expect(clue).toMatchObject({ source: 'detection', agencyCode: 'T-CGJ', targetCreditCode: firm, field: 'urban', status: 'open', detectionIds: [flagId] });
    expect(clue.clueNo).toMatch(/^XS2025-0001$/);
    const again = await req(head, 'POST', '/clues', { source: 'detection', detectionIds: [flagId], title: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ENF_DETECTION_CLUED');
    const invalid = await req(head, 'POST', '/clues', { source: 'manual', title: '' });
    expect(invalid.statusCode).toBe(400);
  });

  it('issues an order with a deadline on the register, numbered and audited', async () => {
    const clue = (await req(head, 'GET', '/clues?status=open')).json().data[0];
    const res = await req(head, 'POST', '/orders', { clueId: clue.id, requirement: '立即停止重复检查，合并检查事项', version: clue.version });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    orderId = o.id;
    expect(o).toMatchObject({ status: 'issued', agencyCode: 'T-CGJ', issuedOn: '2025-09-26', dueDate: '2025-10-27', orderNo: '西司执督〔2025〕1号', deadlineUnverified: true });
    expect(o.deadlineCitation).toContain('行政执法监督条例');
    const dl = await t.handle.db.selectFrom('deadlines').selectAll().where('objectId', '=', orderId).execute();
    expect(dl).toHaveLength(1);
    expect(dl[0]).toMatchObject({ ruleId: 'enforcement.supervisionRectification', status: 'open', dueDate: '2025-10-27' });
    const twice = await req(head, 'POST', '/orders', { clueId: clue.id, requirement: 'x', version: clue.version + 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ENF_TRANSITION_NOT_ALLOWED');
    const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', orderId).execute();
    expect(audit.map((a) => a.action)).toContain('enforcement.order.issue');
  });

  it('scopes orders to the liaison agency', async () => {
    expect((await req(cgj, 'GET', '/orders')).json().total).toBe(1);
    expect((await req(scj, 'GET', '/orders')).json().total).toBe(0);
    const denied = await req(scj, 'GET', `/orders/${orderId}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await req(scj, 'POST', `/orders/${orderId}/report`, { report: 'x', rectifiedOn: '2025-09-26', version: 1 })).statusCode).toBe(403);
  });

  it('rate, report, return, rework, pass: the rectification rate moves', async () => {
    const rate0 = (await req(head, 'GET', '/rectification-rate?asOf=2025-12-31')).json();
    expect(rate0).toMatchObject({ due: 1, closed: 0, rate: 0 });
    expect((await req(head, 'POST', `/orders/${orderId}/verify`, { result: 'pass', note: 'x', version: 1 })).statusCode).toBe(409);
    const future = await req(cgj, 'POST', `/orders/${orderId}/report`, { report: '已整改', rectifiedOn: '2025-10-30', version: 1 });
    expect(future.json().error.code).toBe('ENF_DATE_ORDER');
    let o = (await req(cgj, 'POST', `/orders/${orderId}/report`, { report: '已合并检查事项，建立检查计划台账', rectifiedOn: '2025-09-26', version: 1 })).json();
    expect(o.status).toBe('reported');
    expect((await t.handle.db.selectFrom('deadlines').select('status').where('objectId', '=', orderId).execute()).map((d) => d.status)).toEqual(['met']);
    const back = await req(head, 'POST', `/orders/${orderId}/verify`, { result: 'return', note: '未提供检查计划', version: o.version });
    expect(back.statusCode, back.body).toBe(200);
    o = back.json();
    expect(o).toMatchObject({ status: 'returned', rounds: 2 });
    expect((await t.handle.db.selectFrom('deadlines').select('status').where('objectId', '=', orderId).where('status', '=', 'open').execute())).toHaveLength(1);
    const ext = await req(head, 'POST', `/orders/${orderId}/extend`, { days: 10, reason: '需调取计划文件', version: o.version });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().dueDate).toBe('2025-11-05');
    o = (await req(cgj, 'POST', `/orders/${orderId}/report`, { report: '补充检查计划', rectifiedOn: '2025-09-26', version: ext.json().version })).json();
    const conflict = await req(head, 'POST', `/orders/${orderId}/verify`, { result: 'pass', note: 'ok', version: o.version - 1 });
    expect(conflict.statusCode).toBe(409);
    o = (await req(head, 'POST', `/orders/${orderId}/verify`, { result: 'pass', note: '整改到位', version: o.version })).json();
    expect(o).toMatchObject({ status: 'closed', closedOn: '2025-09-26' });
    const rate1 = (await req(head, 'GET', '/rectification-rate?asOf=2025-12-31')).json();
    expect(rate1).toMatchObject({ due: 1, closed: 1, rate: 1 });
    const detail = (await req(head, 'GET', `/orders/${orderId}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['issue', 'report', 'verifyReturn', 'extend', 'report', 'verifyPass']);
    expect(detail.actions).toEqual([]);
  });

  it('opinion letters only for serious cases; documents download as .docx', async () => {
    const clue = (await req(head, 'POST', '/clues', { source: 'manual', agencyCode: 'T-SCJ', title: '无执法证人员参与检查', severity: 'ordinary' })).json();
    const order = (await req(head, 'POST', '/orders', { clueId: clue.id, requirement: '停止无证人员执法', version: clue.version })).json();
    expect((await req(head, 'GET', `/orders/${order.id}`)).json().actions, 'no opinion button on an ordinary case').not.toContain('opinion');
    const refused = await req(head, 'POST', '/opinions', { orderId: order.id, facts: 'x', opinion: 'y' });
    expect(refused.statusCode).toBe(409);
    const serious = (await req(head, 'POST', '/clues', { source: 'manual', agencyCode: 'T-SCJ', title: '严重：以罚代管', severity: 'serious' })).json();
    const o2 = (await req(head, 'POST', '/orders', { clueId: serious.id, requirement: '全面自查', version: serious.version })).json();
    expect((await req(head, 'GET', `/orders/${o2.id}`)).json().actions).toContain('opinion');
    const op = await req(head, 'POST', '/opinions', { orderId: o2.id, facts: '该局存在以罚代管情形', opinion: '责令纠正并追究责任' });
    expect(op.statusCode, op.body).toBe(200);
    expect(op.json().opinionNo).toBe('西司执监意〔2025〕1号');
    const doc = await req(head, 'GET', `/orders/${o2.id}/document.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // the due date in the document's own words (GB/T 9704: 2025年1月31日), not as YYYY-MM-DD
    const text = readZipEntry(doc.rawPayload, 'word/document.xml')!.toString('utf8').replace(/<[^>]+>/g, '');
    expect(text).toContain(`请于${officialDate(o2.dueDate)}前完成整改`);
    expect(text).not.toContain(o2.dueDate);
    const opDoc = await req(scj, 'GET', `/opinions/${op.json().id}/document.docx`);
    expect(opDoc.statusCode).toBe(200);
    expect((await req(cgj, 'GET', `/opinions/${op.json().id}/document.docx`)).statusCode).toBe(403);
    const dismissed = await req(head, 'POST', `/clues/${(await req(head, 'POST', '/clues', { source: 'manual', agencyCode: 'T-SCJ', title: '误报' })).json().id}/dismiss`, { reason: '经核实不属实', version: 1 });
    expect(dismissed.json().status).toBe('dismissed');
  });

  it('registers: agency, officer, plan, penalty on the Art. 60 clock, 12345 complaint → clue', async () => {
    expect((await req(head, 'POST', '/agencies', { code: 'T-STJ', name: '测试生态环境局', legalBasis: '《中华人民共和国环境保护法》', fields: ['ecology'] })).statusCode).toBe(200);
    const dup = await req(head, 'POST', '/agencies', { code: 'T-STJ', name: 'x', legalBasis: 'x', fields: ['ecology'] });
    expect(dup.json().error.code).toBe('ENF_RECORD_EXISTS');
    expect((await req(head, 'POST', '/agencies', { code: 'T-X', name: 'x', legalBasis: 'x', fields: ['nope'] })).json().error.code).toBe('ENF_FIELD_UNKNOWN');
    const upd = await req(head, 'PUT', '/agencies/T-STJ', { code: 'T-STJ', name: '测试生态环境局（更名）', legalBasis: 'x', fields: ['ecology'], version: 1 });
    expect(upd.json()).toMatchObject({ name: '测试生态环境局（更名）', version: 2 });
    const off = await req(head, 'POST', '/officers', { id: 'T-STJ-O1', agencyCode: 'T-STJ', name: '张某', certificateNo: 'ZF001', certificateValidFrom: '2024-01-01', certificateValidTo: '2025-10-15' });
    expect(off.json().certificateState).toBe('expiring');
    expect((await req(head, 'GET', '/officers?certificate=expiring')).json().total).toBe(1);
    expect((await req(head, 'POST', '/plans', { id: 'PL-1', agencyCode: 'T-STJ', year: 2025, field: 'ecology', title: '2025年度生态环境检查计划', perFirmCap: 2 })).statusCode).toBe(200);
    const badCode = await req(head, 'POST', '/penalties', { id: 'CF-1', agencyCode: 'T-STJ', targetCreditCode: '91110102MA00000000', targetName: 'x', field: 'ecology', violationCode: 'HB-01', discretionLevel: 'ordinary', amount: 5000, filedOn: '2025-06-01' });
    expect(badCode.json().error.code).toBe('CREDIT_CODE_INVALID');
    const pen = await req(head, 'POST', '/penalties', { id: 'CF-1', agencyCode: 'T-STJ', targetCreditCode: firm, targetName: '北京测试餐饮有限公司', field: 'ecology', violationCode: 'HB-01', discretionLevel: 'ordinary', amount: 5000, filedOn: '2025-06-01' });
    expect(pen.statusCode, pen.body).toBe(200);
    // the deadline engine: 2025-06-01 + 90 calendar days = 2025-08-30, a Saturday → rolled to Monday 2025-09-01
    expect(pen.json()).toMatchObject({ dueDate: '2025-09-01', overdue: true, decidedOn: null });
    expect(pen.json().deadline.citation).toBe('《中华人民共和国行政处罚法》第六十条');
    expect(pen.json().deadline.steps.map((x: { code: string }) => x.code)).toContain('ROLL');
    expect((await t.handle.db.selectFrom('deadlines').select(['ruleId', 'status']).where('objectType', '=', 'enforcementPenalty').execute())).toEqual([{ ruleId: 'enforcement.penaltyDecision', status: 'open' }]);
    expect((await req(head, 'GET', '/penalties?state=overdue')).json().total).toBe(1);
    const early = await req(head, 'POST', '/penalties/CF-1/decide', { decidedOn: '2025-05-01' });
    expect(early.json().error.code).toBe('ENF_DATE_ORDER');
    const dec = await req(head, 'POST', '/penalties/CF-1/decide', { decidedOn: '2025-09-02' });
    expect(dec.json()).toMatchObject({ decidedOn: '2025-09-02', overdue: true });
    expect((await req(head, 'POST', '/penalties/CF-1/decide', { decidedOn: '2025-09-02' })).json().error.code).toBe('ENF_PENALTY_DECIDED');
    const comp = await req(head, 'POST', '/complaints', { id: 'GD-1', targetCreditCode: firm, targetName: '北京测试餐饮有限公司', agencyCode: 'T-CGJ', receivedOn: '2025-09-10', category: '重复检查', summary: '一月内被检查三次' });
    expect(comp.statusCode, comp.body).toBe(200);
    const clue = await req(head, 'POST', '/clues', { source: 'complaint', complaint: { id: 'GD-1', targetCreditCode: firm }, title: '12345 投诉重复检查' });
    expect(clue.json()).toMatchObject({ source: 'complaint', agencyCode: 'T-CGJ', complaintId: 'GD-1' });
    expect((await req(head, 'GET', '/complaints')).json().data[0]).toMatchObject({ id: 'GD-1', status: 'clued', clueId: clue.json().id });
  });

  it('analysis groups in SQL by month, field, agency, street; burden; firm file; Excel with the same filters', async () => {
    const a = (await req(leader, 'GET', '/analysis?from=2025-01-01&to=2025-12-31')).json();
    expect(a.totals).toMatchObject({ inspections: 5, problems: 2, firms: 2, penalties: 1, fines: 5000, complaints: 1 });
    expect(a.byMonth).toEqual([{ month: '2025-07', inspections: 1, problems: 1 }, { month: '2025-08', inspections: 3, problems: 1 }, { month: '2025-09', inspections: 1, problems: 0 }]);
    expect(a.byAgency[0]).toMatchObject({ key: 'T-CGJ', label: '测试城管执法局', inspections: 3 });
    expect(a.byStreet.find((s: { key: string }) => s.key === '西长安街街道')).toMatchObject({ inspections: 3, firms: 1 });
    expect(a.burden[0]).toMatchObject({ creditCode: firm, inspections: 3, agencies: 1 });
    expect(a.burdenHistogram).toEqual([{ bucket: '1 次', firms: 0 }, { bucket: '2 次', firms: 1 }, { bucket: '3–5 次', firms: 1 }, { bucket: '6–10 次', firms: 0 }, { bucket: '10 次以上', firms: 0 }]);
    const f = (await req(leader, 'GET', '/analysis?from=2025-01-01&to=2025-12-31&street=%E9%87%91%E8%9E%8D%E8%A1%97%E8%A1%97%E9%81%93')).json();
    expect(f.totals.inspections).toBe(2);
    expect((await req(leader, 'GET', '/analysis?from=2025-12-31&to=2025-01-01')).statusCode).toBe(400);
    const x = await req(leader, 'GET', '/analysis/export.xlsx?from=2025-01-01&to=2025-12-31&field=urban');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('汇总')!.getCell('B6').value).toBe(3);
    expect(wb.getWorksheet('按月')!.rowCount).toBe(2);
    const file = (await req(leader, 'GET', `/firms/${firm}`)).json();
    expect(file).toMatchObject({ name: '北京测试餐饮有限公司', inspectionsTotal: 3 });
    expect(file.flags.map((g: { id: string }) => g.id)).toContain(flagId);
    expect(file.penalties).toHaveLength(1);
    expect(file.complaints).toHaveLength(1);
    expect(file.clues.length).toBe(2);
    expect((await req(leader, 'GET', `/firms/${encodeURIComponent('北京测试')}`)).statusCode).toBe(404);
    expect((await req(leader, 'GET', `/firms?q=${encodeURIComponent('测试餐饮')}`)).json().data).toHaveLength(1);
    const d = (await req(leader, 'GET', '/dashboard?from=2025-01-01&to=2025-12-31')).json();
    expect(d.flagsByRule.find((r: { rule: string }) => r.rule === 'repeated-inspection').count).toBe(1);
    expect(d.rectification.closed).toBe(1);
    expect(d.orders).toMatchObject({ closed: 1, issued: 2 });
  });
});
