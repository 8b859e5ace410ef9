import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AidApplication, Consultation, Coverage, NearestResult } from '../../../common/contracts/legal-services';
import { generateIdNumber, createRng } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { readZipEntry } from '../../platform/documents';
import { seedLegalServicesFixture } from './legal-services.fixture';

const rng = createRng(7);
const person = (name: string) => ({ name, idNumber: generateIdNumber(rng, { regionCode: '110102' }), mobile: null });
const checked = (income: number) => ({ basis: 'checked', item: null, monthlyIncomePerCapita: income, householdSize: 3, method: 'pledge', proof: null });

describe.each(DIALECTS)('公共法律服务 (%s)', (dialect) => {
  let t: TestApp;
  let staff: Session;
  let leader: Session;
  beforeAll(async () => {
    // The test clock: 2025-09-26T02:00Z = Friday 26 September 2025, 10:00 in Beijing.
    t = await createTestApp(dialect);
    await seedLegalServicesFixture(t);
    staff = await t.login('flyz.staff');
    leader = await t.login('leader');
  }, 120_000);
  afterAll(async () => t?.close());

  const post = async <T>(s: Session, url: string, payload: unknown) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/legal-services${url}`, headers: s.headers, payload: payload as object });
    return { status: res.statusCode, body: res.json() as T & { error?: { code: string } } };
  };
  const get = async <T>(s: Session | null, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });
    return { status: res.statusCode, body: res.json() as T & { error?: { code: string } } };
  };
  const apply = (extra: Record<string, unknown> = {}) =>
    post<AidApplication>(staff, '/aid/applications', { channel: 'window', applicant: person('测试申请人'), group: 'migrantWorker', matter: 'labour', caseSummary: '用人单位拖欠工资', opposingParty: '北京测试建筑有限公司', means: checked(1800), ...extra });

  it('an application received on a Friday shows its decision and assignment deadlines with explanations', async () => {
    const { status, body: a } = await apply();
    expect(status).toBe(200);
    expect(t.clock.today()).toBe('2025-09-26');
    expect(a.receivedOn).toBe('2025-09-26');
    expect(a.appNo).toMatch(/^西法援〔2025〕\d+号$/);
    const decision = a.deadlines.find((d) => d.ruleId === 'legalAid.applicationDecision')!;
    // 7 calendar days (Art. 43) end on Friday 3 October, inside the National Day holiday → the next working day.
    expect(decision).toMatchObject({ status: 'open', startDate: '2025-09-26', dueDate: '2025-10-09', citation: '《中华人民共和国法律援助法》第四十三条第一款', unverified: false });
    expect(decision.steps[0]!.text).toContain('法律援助申请审查决定期限为 7 日');
    expect(decision.steps.map((s) => s.code)).toContain('ROLL');
    expect(decision.steps.at(-1)).toMatchObject({ code: 'DUE', date: '2025-10-09' });
    // The stricter Beijing target is shown beside it, marked 待核实 (unverified): 5 working days, 28 Sep (Sunday) is a working day.
    expect(a.deadlines.find((d) => d.ruleId === 'legalAid.decisionBeijing')).toMatchObject({ dueDate: '2025-10-10', unverified: true });
    // The assignment deadline (3 days from the decision, Art. 43) projected from the last day of the decision period.
    const assignment = a.deadlines.find((d) => d.ruleId === 'legalAid.assignment')!;
    expect(assignment).toMatchObject({ status: 'projected', id: null, startDate: '2025-10-09', dueDate: '2025-10-13' });
    expect(assignment.steps.map((s) => s.code)).toContain('ROLL');
    expect(a).toMatchObject({ decisionDue: '2025-10-09', assignmentDue: '2025-10-13', urgent: false, status: 'received' });
    expect(a.applicantIdNumber).toMatch(/\*/);
    // the decision deadline is on the handler's to-do list
    const todo = await get<{ data: { objectId: string; ruleId: string; dueDate: string }[] }>(staff, '/api/v1/deadlines?module=legalService&pageSize=200');
    expect(todo.body.data.filter((d) => d.objectId === a.id).map((d) => [d.ruleId, d.dueDate]).sort()).toEqual([['legalAid.applicationDecision', '2025-10-09'], ['legalAid.decisionBeijing', '2025-10-10']]);

    // Granting on the Friday opens the real assignment deadline: 3 days → Monday 29 September.
    const g = await post<AidApplication>(staff, `/aid/applications/${a.id}/grant`, { note: '', version: a.version });
    expect(g.status).toBe(200);
    expect(g.body.status).toBe('granted');
    expect(g.body.deadlines.find((d) => d.ruleId === 'legalAid.applicationDecision')?.status).toBe('met');
    expect(g.body.deadlines.find((d) => d.ruleId === 'legalAid.assignment')).toMatchObject({ status: 'open', startDate: '2025-09-26', dueDate: '2025-09-29' });
  });

  it('flags an urgent case (Art. 44) and allows aid before the decision only then', async () => {
    const { body: u } = await apply({ limitationDate: '2025-09-30' });
    expect(u.urgent).toBe(true);
    expect(u.urgency).toMatchObject({ urgent: true, daysToLimitation: 4 });
    expect(u.urgency.reasons[0]).toContain('第四十四条第一项');
    expect(u.actions).toContain('provisionalAssign');
    const { body: p } = await apply({ preservationUrgent: true });
    expect(p.urgency.reasons[0]).toContain('第四十四条第二项');
    const { body: n } = await apply({ limitationDate: '2025-10-03' });
    expect(n.urgent).toBe(false);
    expect(n.actions).not.toContain('provisionalAssign');
    expect((await post(staff, `/aid/applications/${n.id}/provisional-assign`, { lawyerId: null, version: n.version })).body.error?.code).toBe('LEGAL_AID_NOT_URGENT');
    const list = await get<{ data: { id: string; urgent: boolean }[] }>(staff, '/api/v1/legal-services/aid/applications?urgent=true&pageSize=200');
    expect(list.body.data.map((x) => x.id)).toEqual(expect.arrayContaining([u.id, p.id]));
    expect(list.body.data.map((x) => x.id)).not.toContain(n.id);
    // aid before the decision, then the grant turns it into the assignment (no separate assignment clock)
    const pa = await post<AidApplication>(staff, `/aid/applications/${u.id}/provisional-assign`, { lawyerId: null, version: u.version });
    expect(pa.status).toBe(200);
    expect(pa.body).toMatchObject({ status: 'received', provisional: true });
    expect(pa.body.lawyerId).not.toBeNull();
    const g = await post<AidApplication>(staff, `/aid/applications/${u.id}/grant`, { note: '', version: pa.body.version });
    expect(g.body).toMatchObject({ status: 'assigned', provisional: false });
  });

  it('checks conflicts and balances load when assigning', async () => {
    const { body: a } = await apply({ opposingParty: '北京西城示例物业管理有限公司', matter: 'other' });
    const g = await post<AidApplication>(staff, `/aid/applications/${a.id}/grant`, { note: '', version: a.version });
    const c = await get<{ data: { id: string; eligible: boolean; conflicts: string[]; openCases: number; rank: number | null }[] }>(staff, `/api/v1/legal-services/aid/applications/${a.id}/candidates`);
    const conflicted = c.body.data.find((x) => x.id === 'LAW-001')!;
    expect(conflicted.eligible).toBe(false);
    expect(conflicted.conflicts.join('')).toContain('北京西城示例物业管理有限公司');
    expect((await post(staff, `/aid/applications/${a.id}/assign`, { lawyerId: 'LAW-001', version: g.body.version })).body.error?.code).toBe('LEGAL_AID_LAWYER_CONFLICT');
    const eligible = c.body.data.filter((x) => x.eligible);
    const minLoad = Math.min(...eligible.map((x) => x.openCases));
    const top = c.body.data.find((x) => x.rank === 1)!;
    expect(top.openCases).toBe(minLoad);
    const as = await post<AidApplication>(staff, `/aid/applications/${a.id}/assign`, { lawyerId: null, version: g.body.version });
    expect(as.status).toBe(200);
    expect(as.body).toMatchObject({ status: 'assigned', lawyerId: top.id, assignedOn: '2025-09-26' });
    expect(as.body.deadlines.find((d) => d.ruleId === 'legalAid.assignment')?.status).toBe('met');
    const cl = await post<AidApplication>(staff, `/aid/applications/${a.id}/close`, { summary: '调解结案', qualityGrade: 'good', version: as.body.version });
    expect(cl.body).toMatchObject({ status: 'closed', qualityGrade: 'good', closedOn: '2025-09-26' });
  });

  it('refuses with reasons; the objection goes to the bureau within 5 days and can be corrected', async () => {
    const { body: a } = await apply({ means: checked(9000) });
    expect(a.means).toMatchObject({ passed: false, standard: 2540 });
    expect((await post(staff, `/aid/applications/${a.id}/grant`, { note: '', version: a.version })).body.error?.code).toBe('LEGAL_AID_MEANS_NOT_MET');
    const notice = () => t.app.inject({ method: 'GET', url: `/api/v1/legal-services/aid/applications/${a.id}/refusal-notice.docx`, headers: staff.headers });
    // no written refusal before the refusal
    expect((await notice()).json().error?.code).toBe('LEGAL_AID_TRANSITION_NOT_ALLOWED');
    const r = await post<AidApplication>(staff, `/aid/applications/${a.id}/refuse`, { reason: '家庭人均收入高于经济困难标准', version: a.version });
    expect(r.body).toMatchObject({ status: 'refused', refusalReason: '家庭人均收入高于经济困难标准', decisionOn: '2025-09-26' });
    expect(r.body.actions).toContain('objection');
    // Art. 43 ¶1: the refusal is notified in writing with its reasons; the notice names the Art. 49 objection route
    const doc = await notice();
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(String(doc.headers['content-disposition'])).toContain(encodeURIComponent('不予法律援助决定书'));
    const xml = readZipEntry(doc.rawPayload, 'word/document.xml')!.toString('utf8');
    for (const text of ['不予法律援助决定书', a.appNo, '家庭人均收入高于经济困难标准', '第四十三条第一款', '第四十九条', '北京市西城区司法局', '北京市西城区法律援助中心', '2025年9月26日']) expect(xml).toContain(text);
    expect(xml).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const o = await post<AidApplication>(staff, `/aid/applications/${a.id}/objection`, { reason: '收入计算有误', version: r.body.version });
    // 5 calendar days from Friday 26 September: Wednesday 1 October is a holiday → Thursday 9 October.
    expect(o.body.deadlines.find((d) => d.ruleId === 'legalAid.objectionDecision')).toMatchObject({ status: 'open', startDate: '2025-09-26', dueDate: '2025-10-09', citation: '《中华人民共和国法律援助法》第四十九条第二款' });
    expect(o.body.actions).not.toContain('decideObjection'); // the centre does not decide objections to its own decisions
    expect((await post(staff, `/aid/applications/${a.id}/objection-decision`, { result: 'corrected', note: 'x', version: o.body.version })).status).toBe(403);
    const d = await post<AidApplication>(leader, `/aid/applications/${a.id}/objection-decision`, { result: 'corrected', note: '收入应扣除医疗支出，责令改正', version: o.body.version });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ status: 'granted', objection: { result: 'corrected' } });
    expect(d.body.deadlines.find((x) => x.ruleId === 'legalAid.assignment')?.status).toBe('open');
    const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', a.id).orderBy('seq').execute();
    expect(audit.map((x) => x.action)).toEqual(['legalAid.register', 'legalAid.refuse', 'legalAid.refusalNotice', 'legalAid.objection', 'legalAid.decideObjection']);
    // the decision was corrected: no refusal notice any more
    expect((await notice()).json().error?.code).toBe('LEGAL_AID_TRANSITION_NOT_ALLOWED');
  });

  it('validates the means test and the channel facts; checks the 24-hour forwarding; notified criminal cases go straight to assignment', async () => {
    expect((await apply({ means: { basis: 'exempt', item: null, monthlyIncomePerCapita: null, householdSize: null, method: null, proof: null } })).body.error?.code).toBe('LEGAL_AID_MEANS_INVALID');
    expect((await apply({ channel: 'forwarded' })).body.error?.code).toBe('LEGAL_AID_CHANNEL_FACTS_MISSING');
    const f = await apply({ channel: 'forwarded', custodyReceivedAt: '2025-09-25T00:00:00.000Z', forwardedBy: '西城区看守所', means: { basis: 'exempt', item: 4, monthlyIncomePerCapita: null, householdSize: null, method: null, proof: null } });
    // Art. 39 in hours (民事诉讼法 Art. 85: the start hour is not counted): 00:00 UTC → counted from 01:00 → due 01:00 next day
    expect(f.body.forwarding).toMatchObject({ late: true, forwardDueAt: '2025-09-26T01:00:00.000Z' });
    const l1 = await t.handle.db.selectFrom('deadlines').select(['status', 'startAt', 'dueAt', 'dueDate']).where('objectId', '=', f.body.id).where('ruleId', '=', 'legalAid.detaineeForwarding').execute();
    expect(l1).toEqual([{ status: 'met', startAt: '2025-09-25T00:00:00.000Z', dueAt: '2025-09-26T01:00:00.000Z', dueDate: '2025-09-26' }]);
    expect(f.body.forwarding?.citation).toContain('第三十九条');
    const n = await apply({ channel: 'notified', notifyingOrgan: '西城区人民法院', matter: 'criminal', severeCriminal: true, means: { basis: 'notApplicable', item: null, monthlyIncomePerCapita: null, householdSize: null, method: null, proof: null } });
    expect(n.body.status).toBe('granted');
    expect(n.body.deadlines.map((d) => [d.ruleId, d.dueDate])).toEqual([['legalAid.criminalNotificationAssignment', '2025-09-29']]);
    const c = await get<{ data: { id: string; eligible: boolean; conflicts: string[] }[] }>(staff, `/api/v1/legal-services/aid/applications/${n.body.id}/candidates`);
    expect(c.body.data.filter((x) => !x.eligible).some((x) => x.conflicts.join('').includes('第二十六条'))).toBe(true);
  });

  it('turns a 12348 record into a legal-aid application carrying its data over, once; records the callback', async () => {
    const c = await post<Consultation>(staff, '/consultations', { channel: 'phone', callerName: '来电人甲', callerMobile: '13800138000', group: 'newFormWorker', category: 'labour', summary: '外卖骑手被拖欠报酬', answer: '可申请劳动仲裁，并可申请法律援助', durationSeconds: 420 });
    expect(c.status).toBe(200);
    expect(c.body.recordNo).toMatch(/^ZX2025-\d{5}$/);
    expect(c.body.callerMobile).toBe('138****8000');
    const draft = await get<{ applicantName: string; matter: string; caseSummary: string; group: string }>(staff, `/api/v1/legal-services/consultations/${c.body.id}/referral-draft`);
    expect(draft.body).toMatchObject({ applicantName: '来电人甲', matter: 'labour', group: 'newFormWorker' });
    expect(draft.body.caseSummary).toContain('外卖骑手被拖欠报酬');
    const a = await apply({ applicant: { ...person('来电人甲'), mobile: null }, group: draft.body.group, matter: draft.body.matter, caseSummary: draft.body.caseSummary, sourceConsultationId: c.body.id });
    expect(a.status).toBe(200);
    expect(a.body.applicantMobile).toBe('138****8000'); // carried over server-side
    const after = await get<Consultation>(staff, `/api/v1/legal-services/consultations/${c.body.id}`);
    expect(after.body).toMatchObject({ referredTo: 'legalAid', referralId: a.body.id, referralNo: a.body.appNo });
    expect((await apply({ sourceConsultationId: c.body.id })).body.error?.code).toBe('LEGAL_SERVICE_CONSULTATION_REFERRED');
    const f = await post<Consultation>(staff, `/consultations/${c.body.id}/follow-up`, { satisfaction: 'satisfied', note: '' });
    expect(f.body).toMatchObject({ satisfaction: 'satisfied', followUpOn: '2025-09-26' });
    expect((await post(staff, `/consultations/${c.body.id}/follow-up`, { satisfaction: 'basic' })).body.error?.code).toBe('LEGAL_SERVICE_FOLLOW_UP_DONE');
    const list = await get<{ total: number; satisfaction: { surveyed: number; rate: number } }>(staff, '/api/v1/legal-services/consultations?q=外卖骑手');
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.satisfaction.surveyed).toBeGreaterThan(100);
  });

  it('the 15-minute circle on the demo data matches distances computed independently', async () => {
    const cov = await get<Coverage>(staff, '/api/v1/legal-services/coverage?service=legalAid');
    expect(cov.status).toBe(200);
    const c = cov.body;
    expect(c).toMatchObject({ speedMPerMin: 75, detourFactor: 1.3, thresholdMinutes: 15 });
    expect(c.method).toContain('半正矢公式');
    const comms = await t.handle.db.selectFrom('legalServiceCommunities').selectAll().execute();
    const pts = (await t.handle.db.selectFrom('legalServicePoints').selectAll().execute()).filter((p) => p.active && (JSON.parse(p.services) as string[]).includes('legalAid'));
    expect(comms.length).toBeGreaterThan(150);
    // Independent computation: unit vectors on a sphere and the chord → central angle (not the haversine formula).
    const R = 6_371_008.8;
    const vec = (lat: number, lng: number) => {
      const a = (Number(lat) * Math.PI) / 180;
      const b = (Number(lng) * Math.PI) / 180;
      return [Math.cos(a) * Math.cos(b), Math.cos(a) * Math.sin(b), Math.sin(a)] as const;
    };
    const dist = (p: { lat: number; lng: number }, q: { lat: number; lng: number }) => {
      const u = vec(p.lat, p.lng);
      const v = vec(q.lat, q.lng);
      const chord = Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);
      return 2 * R * Math.asin(chord / 2);
    };
    const expected = new Map(comms.map((cm) => [cm.code, Math.min(...pts.map((p) => dist(cm, p))) * 1.3 / 75]));
    for (const row of c.rows) {
      expect(row.walkMinutes!, row.communityCode).toBeCloseTo(expected.get(row.communityCode)!, 1);
      expect(row.within).toBe(expected.get(row.communityCode)! <= 15);
    }
    const outside = [...expected].filter(([, m]) => m > 15).map(([code]) => code).sort();
    expect(c.outside.map((r) => r.communityCode).sort()).toEqual(outside);
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.length).toBeLessThan(comms.length);
    expect(c.covered).toBe(comms.length - outside.length);
    // walkable everywhere at double speed with no detour? the parameters are taken from the query
    const fast = await get<Coverage>(staff, '/api/v1/legal-services/coverage?service=legalAid&speed=150&detour=1&threshold=60');
    expect(fast.body.outside).toHaveLength(0);
    // consultations are offered far more widely (workrooms) than legal-aid intake
    const consult = await get<Coverage>(staff, '/api/v1/legal-services/coverage?service=consultation');
    expect(consult.body.covered).toBeGreaterThan(c.covered);
  });

  it('the public nearest-point query needs no login and sorts by walking time', async () => {
    const comms = await get<{ streets: { street: string; communities: { code: string }[] }[] }>(null, '/api/v1/portal/legal-services/communities');
    expect(comms.status).toBe(200);
    expect(comms.body.streets).toHaveLength(15);
    const code = comms.body.streets[0]!.communities[0]!.code;
    const n = await get<NearestResult>(null, `/api/v1/portal/legal-services/nearest?community=${code}&service=legalAid&limit=3`);
    expect(n.status).toBe(200);
    expect(n.body.data).toHaveLength(3);
    const mins = n.body.data.map((p) => p.walkMinutes);
    expect([...mins].sort((a, b) => a - b)).toEqual(mins);
    expect(n.body.data.every((p) => p.services.includes('legalAid'))).toBe(true);
    expect((await get(null, '/api/v1/portal/legal-services/nearest')).status).toBe(400);
    expect((await get(null, '/api/v1/portal/legal-services/nearest?community=nope')).status).toBe(404);
    const byPos = await get<NearestResult>(null, '/api/v1/portal/legal-services/nearest?lat=39.91&lng=116.36');
    expect(byPos.body.origin.label).toBe('您的位置');
  });

  it('stats by group and matter; scope and permissions', async () => {
    const s = await get<{ total: number; byGroup: { key: string; count: number }[]; byMatter: { key: string; count: number }[] }>(staff, '/api/v1/legal-services/aid/stats?from=2024-01-01&to=2025-12-31');
    expect(s.body.total).toBeGreaterThan(150);
    expect(s.body.byGroup.reduce((a, g) => a + g.count, 0)).toBe(s.body.total);
    expect(s.body.byMatter.reduce((a, g) => a + g.count, 0)).toBe(s.body.total);
    // the Excel export: one sheet per table, the figures the API gives
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/legal-services/stats/export.xlsx?from=2024-01-01&to=2025-12-31', headers: staff.headers });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    // the staff role also reads the enterprise services and registers: their sheets follow (enterprise.routes.test.ts)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['主要数据', '法律援助-按群体', '法律援助-按事项', '法律援助-按状态', '咨询-按渠道', '咨询-按类别', '服务圈-圈外社区', '企业服务-按企业类型', '企业服务-按行业', '企业服务-按事项', '专项活动', '行政审批', '机构名录', '投诉']);
    const groups = wb.getWorksheet('法律援助-按群体')!;
    expect(groups.getRow(groups.rowCount).values).toEqual([undefined, '合计', s.body.total]);
    const cov = await get<Coverage>(staff, '/api/v1/legal-services/coverage?service=legalAid');
    expect(wb.getWorksheet('服务圈-圈外社区')!.rowCount).toBe(2 + cov.body.outside.length + 1);
    // a reconsideration section head has the permission but not the legal-aid centre in scope
    const fy = await t.login('fy.head');
    expect((await get<{ total: number }>(fy, '/api/v1/legal-services/aid/applications')).body.total).toBe(0);
    const one = (await get<{ data: { id: string }[] }>(staff, '/api/v1/legal-services/aid/applications?pageSize=1')).body.data[0]!;
    expect((await get(fy, `/api/v1/legal-services/aid/applications/${one.id}`)).body.error?.code).toBe('OUT_OF_SCOPE');
    const clerk = await t.login('sfs.xicha');
    expect((await get(clerk, '/api/v1/legal-services/coverage')).status).toBe(403);
    const head = await t.login('flyz.head');
    const cur = (await get<{ settings: Record<string, unknown> }>(head, '/api/v1/legal-services/settings')).body.settings;
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/legal-services/settings', headers: head.headers, payload: { ...cur, walkSpeedMPerMin: 80 } });
    expect(put.statusCode).toBe(200);
    expect((await get<Coverage>(head, '/api/v1/legal-services/coverage')).body.speedMPerMin).toBe(80);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/legal-services/settings', headers: staff.headers, payload: cur })).statusCode).toBe(403);
    // settings: 待核实 notes, edits audited
    const st = await get<{ notes: Record<string, string> }>(staff, '/api/v1/legal-services/settings');
    expect(st.body.notes.incomeStandardMonthly).toContain('待核实');
  });
});

describe.each(DIALECTS)('双随机、一公开 (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedLegalServicesFixture(t);
    head = await t.login('flyz.head');
  }, 120_000);
  afterAll(async () => t?.close());

  type D = { id: string; seed: string; status: string; version: number; selection: { targetId: string; targetCode: string; inspectors: { code: string }[] }[]; excluded: { code: string; reason: string }[]; candidateCount: number; publishedHash: string | null; error?: { code: string } };
  const call = async <T>(method: 'GET' | 'POST', url: string, payload?: unknown, s: Session | null = head) => {
    const res = await t.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() as T };
  };

  it('a draw re-run with its recorded seed gives the same selection, with exclusions applied', async () => {
    const a = await call<D>('POST', '/api/v1/legal-services/draws', { title: '2025 年司法鉴定机构双随机抽查', targetKind: 'appraisalInstitution', targetCount: 5, inspectorsPerTarget: 2, excludeRecentDays: 180, seed: 'a1b2c3d4e5f60718' });
    expect(a.status).toBe(200);
    expect(a.body.selection).toHaveLength(5);
    const insts = await t.handle.db.selectFrom('legalServiceInstitutions').selectAll().where('kind', '=', 'appraisalInstitution').execute();
    const recent = insts.filter((i) => i.lastInspectedOn && i.lastInspectedOn > '2025-03-30').map((i) => i.code);
    const inactive = insts.filter((i) => !i.active).map((i) => i.code);
    expect(a.body.excluded.map((e) => e.code).sort()).toEqual([...recent, ...inactive].sort());
    expect(a.body.candidateCount).toBe(insts.length - recent.length - inactive.length);
    for (const s of a.body.selection) {
      expect(recent).not.toContain(s.targetCode);
      if (['JD001', 'JD002'].includes(s.targetCode)) expect(s.inspectors.map((p) => p.code)).not.toContain('ZF001'); // declared conflict
      expect(s.inspectors.map((p) => p.code)).not.toContain('ZF012'); // inactive
    }
    // the same parameters and seed on the same register → the same selection; the verification re-runs it
    const b = await call<D>('POST', '/api/v1/legal-services/draws', { title: '复核', targetKind: 'appraisalInstitution', targetCount: 5, inspectorsPerTarget: 2, excludeRecentDays: 180, seed: 'a1b2c3d4e5f60718' });
    expect(b.body.selection).toEqual(a.body.selection);
    const v = await call<{ ok: boolean; rerunMatches: boolean }>('GET', `/api/v1/legal-services/draws/${a.body.id}/verify`);
    expect(v.body).toMatchObject({ ok: true, rerunMatches: true });
  });

  it('a published draw cannot be altered without the audit log showing it', async () => {
    const a = await call<D>('POST', '/api/v1/legal-services/draws', { title: '2025 年公证机构双随机抽查', targetKind: 'notaryOffice', targetCount: 2, inspectorsPerTarget: 2, excludeRecentDays: 0 });
    expect(a.body.seed).toMatch(/^[0-9a-f]{32}$/);
    const target = a.body.selection[0]!.targetId;
    const f0 = await call<D>('POST', `/api/v1/legal-services/draws/${a.body.id}/findings`, { targetId: target, outcome: 'rectify', finding: '公证档案归档不及时', version: a.body.version });
    // every target gets its finding before publication
    const f = await call<D>('POST', `/api/v1/legal-services/draws/${a.body.id}/findings`, { targetId: a.body.selection[1]!.targetId, outcome: 'compliant', finding: '未发现问题', version: f0.body.version });
    const p = await call<D>('POST', `/api/v1/legal-services/draws/${a.body.id}/publish`, { version: f.body.version });
    expect(p.body.status).toBe('published');
    expect(p.body.publishedHash).toMatch(/^[0-9a-f]{64}$/);
    // public on the portal, no login
    const pub = await call<{ data: { id: string; findings: Record<string, { outcome: string }> }[] }>('GET', '/api/v1/portal/legal-services/inspections', undefined, null);
    expect(pub.body.data.find((d) => d.id === a.body.id)?.findings[target]?.outcome).toBe('rectify');
    // the API refuses changes after publication
    expect((await call<D>('POST', `/api/v1/legal-services/draws/${a.body.id}/findings`, { targetId: target, outcome: 'compliant', finding: '无', version: p.body.version })).body.error?.code).toBe('LEGAL_SERVICE_DRAW_PUBLISHED');
    const ok = await call<{ ok: boolean; auditHashMatches: boolean; storedHashMatches: boolean }>('GET', `/api/v1/legal-services/draws/${a.body.id}/verify`);
    expect(ok.body).toMatchObject({ ok: true, auditHashMatches: true, storedHashMatches: true });

    // Someone with database access softens the published finding: the stored hash no longer covers it.
    const db = t.handle.db;
    const row = await db.selectFrom('legalServiceDraws').select('findings').where('id', '=', a.body.id).executeTakeFirstOrThrow();
    const softened = JSON.stringify({ ...JSON.parse(row.findings), [target]: { outcome: 'compliant', finding: '未发现问题' } });
    await db.updateTable('legalServiceDraws').set({ findings: softened }).where('id', '=', a.body.id).execute();
    const v1 = await call<{ ok: boolean; auditHashMatches: boolean; storedHashMatches: boolean; text: string }>('GET', `/api/v1/legal-services/draws/${a.body.id}/verify`);
    expect(v1.body).toMatchObject({ ok: false, storedHashMatches: false, auditHashMatches: false });
    expect(v1.body.text).toContain('审计日志');
    // …and also rewrites the stored hash to match: the hash logged at publication in the audit log still differs.
    const { publishedHashOf } = await import('./draw');
    const full = await db.selectFrom('legalServiceDraws').selectAll().where('id', '=', a.body.id).executeTakeFirstOrThrow();
    await db.updateTable('legalServiceDraws').set({ publishedHash: publishedHashOf(full) }).where('id', '=', a.body.id).execute();
    const v2 = await call<{ ok: boolean; auditHashMatches: boolean; storedHashMatches: boolean }>('GET', `/api/v1/legal-services/draws/${a.body.id}/verify`);
    expect(v2.body).toMatchObject({ ok: false, storedHashMatches: true, auditHashMatches: false });
    // The audit entry itself cannot be rewritten (append-only), and the chain still verifies.
    await expect(db.updateTable('auditLog').set({ diff: '{}' }).where('action', '=', 'legalService.draw.publish').where('objectId', '=', a.body.id).execute()).rejects.toThrow();
    expect((await t.services.audit.verify()).ok).toBe(true);
    const actions = (await db.selectFrom('auditLog').select('action').where('objectId', '=', a.body.id).orderBy('seq').execute()).map((x) => x.action);
    expect(actions).toEqual(['legalService.draw.create', 'legalService.draw.finding', 'legalService.draw.finding', 'legalService.draw.publish']);
  });
});
