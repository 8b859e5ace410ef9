import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AidApplication } from '../../../common/contracts/legal-services';
import type { Approval, Checkup, EnterpriseRequest, EnterpriseStats, HeadlineFigures, InstitutionProfile, QaSample } from '../../../common/contracts/legal-services-enterprise';
import { createRng, generateCreditCode, generateIdNumber } from '../../../common/validators';
import { convertToPdf, extractPdfText, readZipEntry, sofficeBinary } from '../../platform/documents';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { seedLegalServicesFixture } from './legal-services.fixture';

const rng = createRng(606);
const P = '/api/v1/legal-services';
const SOFFICE = process.env.FAZHI_SOFFICE || 'soffice';
// Under CI (.ci/run installs LibreOffice) the PDF check always runs; elsewhere without LibreOffice it is skipped, said.
const sofficeAvailable = await sofficeBinary(SOFFICE);
const CI = !!process.env.CI;
if (!sofficeAvailable && !CI) console.warn(`[enterprise.routes.test] LibreOffice (${SOFFICE}) not found: skipping the .docx → PDF check of the 法治体检报告.`);

describe.each(DIALECTS)('公共法律服务：企业服务、机构名录、行政审批、12348 质检与转办 (%s)', (dialect) => {
  let t: TestApp;
  let staff: Session;
  let head: Session;
  beforeAll(async () => {
    // The test clock: Friday 26 September 2025, 10:00 in Beijing.
    t = await createTestApp(dialect);
    await seedLegalServicesFixture(t);
    staff = await t.login('flyz.staff');
    head = await t.login('flyz.head');
  }, 180_000);
  afterAll(async () => t?.close());

  const call = async <T>(s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url: url.startsWith('/api') ? url : `${P}${url}`, headers: s?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() as T & { error?: { code: string; message: string } } };
  };
  const firm = (extra: Record<string, unknown> = {}) => ({ firmName: '北京测试数据科技有限公司', creditCode: generateCreditCode(rng, { regionCode: '110102' }), firmType: 'tech', industry: 'techService', street: '金融街', contactName: null, topic: 'checkup', description: '申请法治体检', ...extra });

  it('an enterprise request goes through a 法治体检 finding and its follow-up to closure, audited', async () => {
    // the credit code's check character is verified (GB 32100-2015); a wrong length fails the schema
    const good = firm();
    const bad = `${good.creditCode.slice(0, 17)}${good.creditCode[17] === '0' ? '1' : '0'}`;
    const e1 = await call(staff, 'POST', '/enterprise/requests', firm({ creditCode: bad }));
    expect(e1.status).toBe(400);
    expect(e1.body.error?.code).toBe('LEGAL_SERVICE_CREDIT_CODE_INVALID');
    expect(e1.body.error?.message).toContain('统一社会信用代码');
    expect((await call(staff, 'POST', '/enterprise/requests', firm({ creditCode: '123' }))).body.error?.code).toBe('VALIDATION_FAILED');
    expect((await call(staff, 'POST', '/enterprise/requests', firm({ receivedOn: '2025-09-27' }))).body.error?.code).toBe('LEGAL_SERVICE_DATE_INVALID');

    const { status, body: r } = await call<EnterpriseRequest>(staff, 'POST', '/enterprise/requests', good);
    expect(status).toBe(200);
    expect(r).toMatchObject({ status: 'received', firmType: 'tech', creditCode: good.creditCode, receivedOn: '2025-09-26' });
    expect(r.requestNo).toMatch(/^西企服〔2025〕\d+号$/);
    expect((await call(staff, 'POST', `/enterprise/requests/${r.id}/assign`, { lawyerId: null, teamName: null, version: r.version })).body.error?.code).toBe('LEGAL_SERVICE_ASSIGNEE_MISSING');
    const a = await call<EnterpriseRequest>(staff, 'POST', `/enterprise/requests/${r.id}/assign`, { lawyerId: 'LAW-002', teamName: '金融街律师服务团', version: r.version });
    expect(a.body).toMatchObject({ status: 'assigned', teamName: '金融街律师服务团', assignedOn: '2025-09-26' });
    expect(a.body.lawyerName).toContain('（');
    expect((await call(staff, 'POST', `/enterprise/requests/${r.id}/assign`, { lawyerId: null, teamName: 'x', version: r.version })).body.error?.code).toBe('CONFLICT');

    // the check-up carries the firm over from the request
    const c0 = await call<Checkup>(staff, 'POST', '/enterprise/checkups', { requestId: r.id, team: '金融街律师服务团', scope: '数据合规、劳动用工' });
    expect(c0.status).toBe(200);
    expect(c0.body).toMatchObject({ firmName: good.firmName, creditCode: good.creditCode, firmType: 'tech', status: 'open', riskLevel: null, requestNo: r.requestNo });
    const f1 = await call<Checkup>(staff, 'POST', `/enterprise/checkups/${c0.body.id}/findings`, { area: 'data', riskLevel: 'high', description: '未公开个人信息处理规则', recommendation: '制定并公开处理规则', rectifyBy: '2025-10-31', version: c0.body.version });
    const f2 = await call<Checkup>(staff, 'POST', `/enterprise/checkups/${c0.body.id}/findings`, { area: 'contract', riskLevel: 'low', description: '合同缺少争议解决条款', recommendation: '补充条款', version: f1.body.version });
    expect(f2.body).toMatchObject({ riskLevel: 'high', openFindings: 2 });
    expect((await call(staff, 'POST', `/enterprise/checkups/${c0.body.id}/findings`, { area: 'data', riskLevel: 'low', description: 'x', recommendation: 'y', rectifyBy: '2025-01-01', version: f2.body.version })).body.error?.code).toBe('LEGAL_SERVICE_DATE_INVALID');

    const resp = await call<EnterpriseRequest>(staff, 'POST', `/enterprise/requests/${r.id}/respond`, { response: '已出具体检报告', version: a.body.version });
    expect(resp.body.status).toBe('responded');
    // nothing is closed while a finding is open
    expect((await call(staff, 'POST', `/enterprise/requests/${r.id}/close`, { satisfaction: 'satisfied', note: '', version: resp.body.version })).body.error?.code).toBe('LEGAL_SERVICE_FINDINGS_OPEN');
    expect((await call(staff, 'POST', `/enterprise/checkups/${c0.body.id}/close`, { summary: '完成', version: f2.body.version })).body.error?.code).toBe('LEGAL_SERVICE_FINDINGS_OPEN');

    const [high, low] = f2.body.findings;
    const u1 = await call<Checkup>(staff, 'POST', `/enterprise/checkups/${c0.body.id}/follow-ups`, { findingId: high!.id, note: '企业正在起草处理规则', rectified: false, version: f2.body.version });
    expect(u1.body.findings[0]).toMatchObject({ status: 'open' });
    expect(u1.body.findings[0]!.followUps).toHaveLength(1);
    const u2 = await call<Checkup>(staff, 'POST', `/enterprise/checkups/${c0.body.id}/follow-ups`, { findingId: high!.id, note: '已公开处理规则', rectified: true, version: u1.body.version });
    expect(u2.body).toMatchObject({ riskLevel: 'low', openFindings: 1 });
    const u3 = await call<Checkup>(staff, 'POST', `/enterprise/checkups/${c0.body.id}/follow-ups`, { findingId: low!.id, note: '已补充', rectified: true, version: u2.body.version });
    expect(u3.body).toMatchObject({ riskLevel: null, openFindings: 0 });
    expect((await call(staff, 'POST', `/enterprise/checkups/${c0.body.id}/follow-ups`, { findingId: low!.id, note: '再次', rectified: true, version: u3.body.version })).body.error?.code).toBe('LEGAL_SERVICE_TRANSITION_NOT_ALLOWED');
    const cc = await call<Checkup>(staff, 'POST', `/enterprise/checkups/${c0.body.id}/close`, { summary: '问题全部整改销号', version: u3.body.version });
    expect(cc.body).toMatchObject({ status: 'closed', closedOn: '2025-09-26' });
    const closed = await call<EnterpriseRequest>(staff, 'POST', `/enterprise/requests/${r.id}/close`, { satisfaction: 'satisfied', note: '', version: resp.body.version });
    expect(closed.body).toMatchObject({ status: 'closed', satisfaction: 'satisfied', checkupIds: [c0.body.id] });

    // the 法治体检报告 is an official .docx that LibreOffice opens, with the finding and its follow-up
    const rep = await t.app.inject({ method: 'GET', url: `${P}/enterprise/checkups/${c0.body.id}/report.docx`, headers: staff.headers });
    expect(rep.statusCode).toBe(200);
    expect(rep.headers['content-disposition']).toContain('filename*=');
    const xml = readZipEntry(rep.rawPayload, 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('未公开个人信息处理规则');
    expect(xml).toContain('北京市西城区司法局'); // the issuing organ: the bureau at the root of the department tree
    expect(xml).toContain('w:eastAsia="黑体"');
    // dates in the body are written as in an official document (2025年10月31日), never as 2025-10-31
    expect(xml).toContain('约定整改期限：2025年10月31日');
    expect(xml).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    if (sofficeAvailable || CI) {
      const text = extractPdfText(await convertToPdf(rep.rawPayload, SOFFICE)).replace(/\s+/g, '');
      expect(text).toContain('法治体检报告');
      expect(text).toContain('未公开个人信息处理规则');
      expect(text).toContain(good.creditCode);
    }
    expect((await call(await t.login('fy.head'), 'GET', `/enterprise/checkups/${c0.body.id}/report.docx`)).body.error?.code).toBe('OUT_OF_SCOPE');

    const db = t.handle.db;
    const acts = (await db.selectFrom('auditLog').select('action').where('objectId', 'in', [r.id, c0.body.id]).orderBy('seq').execute()).map((x) => x.action);
    expect(acts).toEqual(['legalService.enterprise.request.create', 'legalService.enterprise.request.assign', 'legalService.checkup.create', 'legalService.checkup.finding', 'legalService.checkup.finding', 'legalService.enterprise.request.respond', 'legalService.checkup.followUp', 'legalService.checkup.followUp', 'legalService.checkup.followUp', 'legalService.checkup.close', 'legalService.enterprise.request.close']);

    // statistics by firm type agree with the rows counted independently
    const s = await call<EnterpriseStats>(staff, 'GET', '/enterprise/stats?from=2025-01-01&to=2025-09-26');
    const rows = await db.selectFrom('legalServiceEnterpriseRequests').select(['firmType', 'status']).where('receivedOn', '>=', '2025-01-01').where('receivedOn', '<=', '2025-09-26').execute();
    for (const ft of ['financial', 'sme', 'tech', 'other']) {
      const row = s.body.byFirmType.find((x) => x.key === ft)!;
      expect(row.requests).toBe(rows.filter((x) => x.firmType === ft).length);
      expect(row.closed).toBe(rows.filter((x) => x.firmType === ft && x.status === 'closed').length);
    }
    expect(s.body.byIndustry.reduce((n, x) => n + x.requests, 0)).toBe(s.body.requests);
    expect(s.body.byFirmType.find((x) => x.key === 'tech')!.checkups).toBeGreaterThanOrEqual(1);

    // data scope: a reconsideration section head holds the permission but not the legal-aid centre
    const fy = await t.login('fy.head');
    expect((await call<{ total: number }>(fy, 'GET', '/enterprise/requests')).body.total).toBe(0);
    expect((await call(fy, 'GET', `/enterprise/requests/${r.id}`)).body.error?.code).toBe('OUT_OF_SCOPE');
    expect((await call(fy, 'GET', `/enterprise/checkups/${c0.body.id}`)).body.error?.code).toBe('OUT_OF_SCOPE');
    // no permission at all: a 司法所 clerk and the system administrator
    expect((await call(await t.login('sfs.xicha'), 'GET', '/enterprise/requests')).status).toBe(403);
    expect((await call(await t.login('sysadmin'), 'GET', '/registers/institutions')).status).toBe(403);
  });

  it('campaigns are recorded per target group; dates are checked', async () => {
    const body = { title: '外卖骑手劳动权益法律服务进站点', targetGroup: 'deliveryRider', startedOn: '2025-09-20', endedOn: '2025-09-21', street: '西长安街', venue: '骑手驿站', partners: null, activities: 2, participants: 120, consultations: 35, materials: 300, summary: '现场咨询与宣讲' };
    expect((await call(staff, 'POST', '/enterprise/campaigns', { ...body, endedOn: '2025-09-19' })).body.error?.code).toBe('LEGAL_SERVICE_DATE_INVALID');
    const c = await call<{ id: string; campaignNo: string }>(staff, 'POST', '/enterprise/campaigns', body);
    expect(c.status).toBe(200);
    expect(c.body.campaignNo).toMatch(/^西普法专项〔2025〕\d+号$/);
    const s = await call<EnterpriseStats>(staff, 'GET', '/enterprise/stats?from=2025-09-20&to=2025-09-26');
    expect(s.body.campaigns.find((x) => x.key === 'deliveryRider')).toMatchObject({ campaigns: expect.any(Number), participants: expect.any(Number) });
    expect(s.body.campaigns.find((x) => x.key === 'deliveryRider')!.participants).toBeGreaterThanOrEqual(120);
  });

  it('registers: annual assessment once a year, honours, integrity grade feeding the draw register, complaints to a result', async () => {
    const list = await call<{ data: { id: string; kind: string; name: string }[] }>(staff, 'GET', '/registers/institutions?kind=appraisalInstitution');
    expect(list.body.data.length).toBeGreaterThan(10);
    const inst = list.body.data[0]!;
    // the staff role reads the registers but does not manage them
    expect((await call(staff, 'POST', `/registers/institutions/${inst.id}/assessments`, { year: 2025, result: 'pass', note: '' })).status).toBe(403);
    const a = await call<InstitutionProfile>(head, 'POST', `/registers/institutions/${inst.id}/assessments`, { year: 2025, result: 'excellent', note: '' });
    expect(a.body.latestAssessment).toEqual({ year: 2025, result: 'excellent' });
    expect((await call(head, 'POST', `/registers/institutions/${inst.id}/assessments`, { year: 2025, result: 'pass', note: '' })).body.error?.code).toBe('LEGAL_SERVICE_DUPLICATE');
    expect((await call(head, 'POST', `/registers/institutions/${inst.id}/assessments`, { year: 2026, result: 'pass', note: '' })).body.error?.code).toBe('LEGAL_SERVICE_DATE_INVALID');
    const h = await call<InstitutionProfile>(head, 'POST', `/registers/institutions/${inst.id}/honours`, { title: '司法鉴定工作先进集体', awardedBy: '西城区司法局', awardedOn: '2025-06-01', personName: null });
    expect(h.body.honours.map((x) => x.title)).toContain('司法鉴定工作先进集体');
    const g = await call<InstitutionProfile>(head, 'POST', `/registers/institutions/${inst.id}/grades`, { year: 2025, grade: 'C', basis: '投诉查实两次' });
    expect(g.body.integrityGrade).toBe('C');
    expect(g.body.gradeBasis).toContain('待核实');
    const draws = await call<{ data: { id: string; integrityGrade: string }[] }>(head, 'GET', '/institutions?kind=appraisalInstitution');
    expect(draws.body.data.find((x) => x.id === inst.id)!.integrityGrade).toBe('C');
    // credit code of the institution is verified too
    expect((await call(head, 'PUT', `/registers/institutions/${inst.id}`, { creditCode: '91110102000000000X' })).body.error?.code).toBe('LEGAL_SERVICE_CREDIT_CODE_INVALID');

    // a new institution gets the next code of its kind; its credit code is verified
    const newCode = generateCreditCode(rng, { regionCode: '110102', prefix: '31' });
    expect((await call(head, 'POST', '/registers/institutions', { name: '北京测试律师事务所', kind: 'lawFirm', street: '德胜', creditCode: `${newCode.slice(0, 17)}${newCode[17] === '0' ? '1' : '0'}` })).body.error?.code).toBe('LEGAL_SERVICE_CREDIT_CODE_INVALID');
    const created = await call<InstitutionProfile>(head, 'POST', '/registers/institutions', { name: '北京测试律师事务所', kind: 'lawFirm', street: '德胜', creditCode: newCode, headName: '测试主任' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ kind: 'lawFirm', integrityGrade: 'A', creditCode: newCode, headName: '测试主任' });
    expect(created.body.code).toMatch(/^LS\d{3}$/);
    const upd = await call<InstitutionProfile>(head, 'PUT', `/registers/institutions/${created.body.id}`, { creditCode: newCode, address: '西城区德胜示例路 1 号', headName: '测试主任', licenceNo: '31110000000001', staffCount: 12, practiceAreas: '公司并购' });
    expect(upd.body).toMatchObject({ staffCount: 12, address: '西城区德胜示例路 1 号' });
    expect((await call(staff, 'POST', '/registers/institutions', { name: 'x', kind: 'lawFirm', street: 'x' })).status).toBe(403);

    // lawyers stay in the lawyer register; their firm's profile lists them with their annual assessments
    const firms = await call<{ data: { id: string; name: string; lawyers: number }[] }>(head, 'GET', '/registers/institutions?kind=lawFirm');
    const lawyer = await t.handle.db.selectFrom('legalAidLawyers').select(['id', 'firmName']).where('active', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const la = await call<{ assessments: { year: number; result: string }[] }>(head, 'POST', `/registers/lawyers/${lawyer.id}/assessments`, { year: 2024, result: 'excellent', note: '' });
    expect(la.body.assessments).toEqual([{ year: 2024, result: 'excellent' }]);
    expect((await call(head, 'POST', `/registers/lawyers/${lawyer.id}/assessments`, { year: 2024, result: 'pass', note: '' })).body.error?.code).toBe('LEGAL_SERVICE_DUPLICATE');
    const firm = firms.body.data.find((f) => f.name === lawyer.firmName)!;
    expect(firm.lawyers).toBeGreaterThan(0);
    const fp = await call<InstitutionProfile>(head, 'GET', `/registers/institutions/${firm.id}`);
    expect(fp.body.firmLawyers.find((l) => l.id === lawyer.id)?.assessments).toEqual([{ year: 2024, result: 'excellent' }]);

    const cpl = await call<{ id: string; status: string; version: number; complaintNo: string }>(head, 'POST', '/registers/complaints', { institutionId: inst.id, complainantName: null, channel: 'phone', content: '鉴定意见书送达迟延' });
    expect(cpl.body).toMatchObject({ status: 'received' });
    expect((await call(head, 'POST', `/registers/complaints/${cpl.body.id}/conclude`, { result: 'partly', note: 'x', version: cpl.body.version })).body.error?.code).toBe('LEGAL_SERVICE_TRANSITION_NOT_ALLOWED');
    const hd = await call<{ status: string; version: number }>(head, 'POST', `/registers/complaints/${cpl.body.id}/handle`, { note: '调取送达记录', version: cpl.body.version });
    const done = await call<{ status: string; result: string; concludedOn: string }>(head, 'POST', `/registers/complaints/${cpl.body.id}/conclude`, { result: 'partly', note: '责令整改', version: hd.body.version });
    expect(done.body).toMatchObject({ status: 'concluded', result: 'partly', concludedOn: '2025-09-26' });
    const prof = await call<InstitutionProfile>(head, 'GET', `/registers/institutions/${inst.id}`);
    expect(prof.body.complaints.find((x) => x.id === cpl.body.id)?.status).toBe('concluded');
  });

  it('approvals: the period runs on the deadline register in working days, set per item and marked unverified; counts', async () => {
    const st = await call<{ note: string; kinds: { key: string; days: number; citation: string }[] }>(staff, 'GET', '/approvals/settings');
    expect(st.body.note).toContain('待核实');
    expect(st.body.note).toContain('第八十二条');
    const ap = await call<Approval>(head, 'POST', '/approvals', { kind: 'lawyerPractice', applicantName: '测试申请人', applicantCreditCode: null, institutionId: null, matter: '申请律师执业' });
    expect(ap.status).toBe(200);
    // 20 working days from Friday 26 Sep 2025 (Sun 28 Sep and Sat 11 Oct are working days, 1–8 Oct are holidays), counted by hand
    expect(ap.body).toMatchObject({ periodDays: 20, dueDate: '2025-10-30', status: 'pending' });
    expect(ap.body.deadline).toMatchObject({ ruleId: 'licensing.approvalDecision@20', unverified: true, citation: '《中华人民共和国行政许可法》第四十二条第一款' });
    expect(ap.body.deadline!.steps.map((s) => s.text).join('')).toContain('尚待核实');
    const todo = await call<{ data: { objectId: string; dueDate: string }[] }>(head, 'GET', '/api/v1/deadlines?module=legalService&pageSize=200');
    expect(todo.body.data.find((d) => d.objectId === ap.body.id)?.dueDate).toBe('2025-10-30');

    // the bureau sets 10 working days for this item: new approvals use it, the open one keeps its period
    expect((await call(head, 'PUT', '/approvals/settings', { periods: { lawyerPractice: 61 } })).status).toBe(400);
    expect((await call(staff, 'PUT', '/approvals/settings', { periods: { lawyerPractice: 10 } })).status).toBe(403);
    const put = await call<{ kinds: { key: string; days: number }[] }>(head, 'PUT', '/approvals/settings', { periods: { lawyerPractice: 10 } });
    expect(put.body.kinds.find((k) => k.key === 'lawyerPractice')?.days).toBe(10);
    const ap2 = await call<Approval>(head, 'POST', '/approvals', { kind: 'lawyerPractice', applicantName: '测试申请人二', applicantCreditCode: null, institutionId: null, matter: '申请律师执业' });
    expect(ap2.body).toMatchObject({ periodDays: 10, dueDate: '2025-10-16' });
    expect((await call<Approval>(head, 'GET', `/approvals/${ap.body.id}`)).body.dueDate).toBe('2025-10-30');
    expect((await call(head, 'POST', '/approvals', { kind: 'lawFirmChange', applicantName: 'x', applicantCreditCode: '911101020000000000', institutionId: null, matter: 'x' })).body.error?.code).toBe('LEGAL_SERVICE_CREDIT_CODE_INVALID');

    const before = await call<{ counts: { concluded: number; onTime: number } }>(head, 'GET', '/approvals?from=2025-01-01&to=2025-09-26');
    expect((await call(head, 'POST', `/approvals/${ap.body.id}/decide`, { outcome: 'approved', note: '符合条件', decidedOn: '2025-09-25', version: ap.body.version })).body.error?.code).toBe('LEGAL_SERVICE_DATE_INVALID');
    const d = await call<Approval>(head, 'POST', `/approvals/${ap.body.id}/decide`, { outcome: 'approved', note: '符合条件', version: ap.body.version });
    expect(d.body).toMatchObject({ status: 'decided', outcome: 'approved', onTime: true });
    expect(d.body.deadline?.status).toBe('met');
    const after = await call<{ counts: { concluded: number; onTime: number; byKind: { key: string; approved: number }[] } }>(head, 'GET', '/approvals?from=2025-01-01&to=2025-09-26');
    expect(after.body.counts.concluded).toBe(before.body.counts.concluded + 1);
    expect(after.body.counts.onTime).toBe(before.body.counts.onTime + 1);
    // the figure of the first paragraph comes from the same rows
    const f = await call<HeadlineFigures>(head, 'GET', '/figures?from=2025-01-01&to=2025-09-26');
    expect(f.body.approvalsConcluded).toBe(after.body.counts.concluded);
    const rows = await t.handle.db.selectFrom('legalServiceApprovals').select('decidedOn').where('decidedOn', '>=', '2025-01-01').where('decidedOn', '<=', '2025-09-26').execute();
    expect(f.body.approvalsConcluded).toBe(rows.length);
    const vol = await t.handle.db.selectFrom('legalServiceVolumes as v').innerJoin('legalServiceInstitutions as i', 'i.id', 'v.institutionId').select(['v.count']).where('i.kind', '=', 'notaryOffice').where('v.month', '>=', '2025-01').where('v.month', '<=', '2025-09').execute();
    expect(f.body.notarisationsOverseen).toBe(vol.reduce((a, v) => a + Number(v.count), 0));
    expect(f.body.notarisationsOverseen).toBeGreaterThan(0);
    expect(f.body.consultationsPhone + f.body.consultationsWalkIn + f.body.consultationsOnline).toBeGreaterThan(0);
    expect(f.body.definitions.approvalsConcluded).toContain('办结');

    // the Excel export carries the new registers
    const x = await t.app.inject({ method: 'GET', url: `${P}/stats/export.xlsx?from=2025-01-01&to=2025-09-26`, headers: head.headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['主要数据', '企业服务-按企业类型', '企业服务-按行业', '专项活动', '行政审批', '机构名录', '投诉']));
    const main = wb.getWorksheet('主要数据')!;
    const rowOf = (label: string) => main.getRows(1, main.rowCount)!.find((r) => r.getCell(1).value === label);
    expect(rowOf('办结行政审批')!.getCell(2).value).toBe(f.body.approvalsConcluded);
    expect(rowOf('监管公证业务量（件）')!.getCell(2).value).toBe(f.body.notarisationsOverseen);
  });

  it('12348: a quality sample re-drawn with its seed gives the same records; scored by another reviewer', async () => {
    const body = { from: '2025-06-01', to: '2025-09-26', size: 8, channel: null, seed: '00c0ffee12345678' };
    expect((await call(staff, 'POST', '/quality/samples', body)).status).toBe(403);
    const s1 = await call<QaSample>(head, 'POST', '/quality/samples', body);
    expect(s1.status).toBe(200);
    expect(s1.body.items).toHaveLength(8);
    expect(s1.body.rerunMatches).toBe(true);
    const s2 = await call<QaSample>(head, 'POST', '/quality/samples', body);
    expect(s2.body.items.map((i) => i.consultationId)).toEqual(s1.body.items.map((i) => i.consultationId));
    expect((await call<QaSample>(head, 'POST', '/quality/samples', { ...body, seed: '00c0ffee12345679' })).body.items.map((i) => i.consultationId)).not.toEqual(s1.body.items.map((i) => i.consultationId));
    expect((await call(head, 'POST', '/quality/samples', { ...body, from: '2020-01-01', to: '2020-01-31' })).body.error?.code).toBe('LEGAL_SERVICE_SAMPLE_EMPTY');
    const item = s1.body.items[0]!;
    const sc = await call<QaSample>(head, 'POST', `/quality/samples/${s1.body.id}/scores`, { consultationId: item.consultationId, accuracy: 36, attitude: 28, norms: 25, comment: '解答准确' });
    expect(sc.body.items[0]!.score).toMatchObject({ total: 89 });
    expect(sc.body).toMatchObject({ scored: 1, averageScore: 89, passRate: 100 });
    expect((await call(head, 'POST', `/quality/samples/${s1.body.id}/scores`, { consultationId: item.consultationId, accuracy: 1, attitude: 1, norms: 1, comment: '' })).body.error?.code).toBe('LEGAL_SERVICE_DUPLICATE');
    expect((await call(head, 'POST', `/quality/samples/${s1.body.id}/scores`, { consultationId: item.consultationId, accuracy: 41, attitude: 1, norms: 1, comment: '' })).status).toBe(400);
    // tampering with the stored selection shows on re-draw
    await t.handle.db.updateTable('legalServiceQaSamples').set({ selection: JSON.stringify([...s2.body.items.map((i) => i.consultationId)].reverse()) }).where('id', '=', s2.body.id).execute();
    expect((await call<QaSample>(head, 'GET', `/quality/samples/${s2.body.id}`)).body.rerunMatches).toBe(false);
  });

  it('12348: the knowledge base is searched in Chinese; a record is referred with its data to a notary office, mediation or reconsideration', async () => {
    const k = await call<{ data: { question: string; matched: string[]; score: number }[]; method: string }>(staff, 'GET', `/knowledge?q=${encodeURIComponent('老板拖欠我的工资怎么办')}`);
    expect(k.body.data[0]!.question).toBe('用人单位拖欠工资怎么办？');
    expect(k.body.data[0]!.matched).toEqual(expect.arrayContaining(['拖欠', '工资']));
    expect(k.body.method).toContain('jieba');
    expect((await call<{ total: number }>(staff, 'GET', `/knowledge?q=${encodeURIComponent('量子纠缠')}`)).body.total).toBe(0);
    const kb = await call<{ id: string }>(staff, 'POST', '/knowledge', { question: '网购商品有质量问题如何维权？', answer: '可以与经营者协商，或向消费者协会投诉、申请调解，也可以向人民法院起诉。', category: '合同纠纷', citation: null });
    expect((await call<{ data: { id: string }[] }>(staff, 'GET', `/knowledge?q=${encodeURIComponent('网购质量问题')}`)).body.data[0]!.id).toBe(kb.body.id);
    expect((await call(staff, 'POST', `/knowledge/${kb.body.id}/use`, {})).status).toBe(200);
    expect((await call<{ data: { id: string; uses: number }[] }>(staff, 'GET', `/knowledge?q=${encodeURIComponent('网购质量问题')}`)).body.data[0]!.uses).toBe(1);
    expect((await call(staff, 'POST', '/knowledge/no-such-entry/use', {})).body.error?.code).toBe('NOT_FOUND');

    const mk = async () => (await call<{ id: string; recordNo: string }>(staff, 'POST', '/consultations', { channel: 'phone', callerName: '测试来电人', callerMobile: null, group: null, category: 'property', summary: '楼上漏水与邻居协商不成', answer: '可申请人民调解', durationSeconds: 300 })).body;
    const notaries = await call<{ data: { id: string; kind: string }[] }>(staff, 'GET', '/registers/institutions?kind=notaryOffice');
    const c1 = await mk();
    const n = await call<{ referralLabel: string; target: string }>(staff, 'POST', `/consultations/${c1.id}/refer`, { target: 'notary', institutionId: notaries.body.data[0]!.id, note: '办理遗嘱公证' });
    expect(n.body.target).toBe('notary');
    expect((await call<{ referredTo: string; referralNo: string }>(staff, 'GET', `/consultations/${c1.id}`)).body).toMatchObject({ referredTo: 'notary', referralNo: n.body.referralLabel });
    expect((await call(staff, 'POST', `/consultations/${c1.id}/refer`, { target: 'notary', institutionId: notaries.body.data[0]!.id, note: '' })).body.error?.code).toBe('LEGAL_SERVICE_CONSULTATION_REFERRED');
    const lawFirm = (await call<{ data: { id: string }[] }>(staff, 'GET', '/registers/institutions?kind=lawFirm')).body.data[0]!;
    const c2 = await mk();
    expect((await call(staff, 'POST', `/consultations/${c2.id}/refer`, { target: 'notary', institutionId: lawFirm.id, note: '' })).body.error?.code).toBe('NOT_FOUND');
    // mediation writes into the dispute register: the staff role does not hold dispute.manage
    expect((await call(staff, 'POST', `/consultations/${c2.id}/refer`, { target: 'mediation', address: '西城区示例小区 1 号楼', matterType: 'neighbour', partyName: '测试来电人' })).body.error?.code).toBe('FORBIDDEN');
    const db = t.handle.db;
    const officeStaff = await db.selectFrom('roles').select('id').where('code', '=', 'officeStaff').executeTakeFirstOrThrow();
    const headUser = await db.selectFrom('users').select('id').where('username', '=', 'flyz.head').executeTakeFirstOrThrow();
    await db.insertInto('userRoles').values({ userId: headUser.id, roleId: officeStaff.id }).execute();
    const head2 = await t.login('flyz.head');
    const m = await call<{ referralId: string; referralLabel: string; link: string }>(head2, 'POST', `/consultations/${c2.id}/refer`, { target: 'mediation', address: '西城区示例小区 1 号楼', matterType: 'neighbour', partyName: '测试来电人' });
    expect(m.status).toBe(200);
    expect(m.body.referralLabel).toMatch(/^矛盾纠纷 西纠〔2025〕\d+号/);
    const dispute = await call<{ summary: string; source: string }>(head2, 'GET', `/api/v1/disputes/${m.body.referralId}`);
    expect(dispute.body.summary).toContain(c2.recordNo);
    expect(dispute.body.summary).toContain('楼上漏水');
    const c3 = await mk();
    const rc = await call<{ referralId: string }>(head2, 'POST', `/consultations/${c3.id}/refer`, { target: 'reconsideration', respondentName: '西城区某行政机关', matterType: 'penalty' });
    expect(rc.status).toBe(200);
    const recon = await db.selectFrom('reconsiderationConsultations').selectAll().where('id', '=', rc.body.referralId).executeTakeFirstOrThrow();
    expect(recon.summary).toContain(c3.recordNo);
    const acts = (await db.selectFrom('auditLog').select('action').where('objectId', 'in', [c1.id, c2.id, c3.id]).where('action', '=', 'legalService.consultation.refer').execute()).length;
    expect(acts).toBe(3);
  });

  it('legal aid: materials requested under Art. 43 ¶2 pause the 7-day decision clock until they arrive', async () => {
    const a = await call<AidApplication>(staff, 'POST', '/aid/applications', { channel: 'window', applicant: { name: '补材料申请人', idNumber: generateIdNumber(rng, { regionCode: '110102' }), mobile: null }, group: 'elderly', matter: 'maintenance', caseSummary: '子女不支付赡养费', opposingParty: null, means: { basis: 'checked', item: null, monthlyIncomePerCapita: 1500, householdSize: 2, method: 'pledge', proof: null } });
    expect(a.body.decisionDue).toBe('2025-10-09');
    expect(a.body.actions).toContain('requestMaterials');
    const rq = await call<AidApplication>(staff, 'POST', `/aid/applications/${a.body.id}/request-materials`, { items: '户口簿、赡养关系证明', version: a.body.version });
    expect(rq.status).toBe(200);
    expect(rq.body.materials).toMatchObject({ requestedOn: '2025-09-26', receivedOn: null });
    expect(rq.body.materials!.note).toContain('第四十三条第二款');
    const dec = rq.body.deadlines.find((d) => d.ruleId === 'legalAid.applicationDecision')!;
    expect(dec.dueDate).toBeNull(); // paused: no due date, never overdue
    expect(rq.body.actions).toEqual(expect.arrayContaining(['receiveMaterials', 'withdraw']));
    expect(rq.body.actions).not.toContain('grant');
    expect((await call(staff, 'POST', `/aid/applications/${a.body.id}/grant`, { note: '', version: rq.body.version })).body.error?.code).toBe('LEGAL_AID_MATERIALS_STATE');
    expect((await call(staff, 'POST', `/aid/applications/${a.body.id}/request-materials`, { items: '再次', version: rq.body.version })).body.error?.code).toBe('LEGAL_AID_MATERIALS_STATE');
    // materials arrive on Friday 10 October: the days 26 Sep – 9 Oct are not counted; 7 days from 10 Oct → Thursday 16 Oct
    t.clock.set('2025-10-10T02:00:00.000Z');
    staff = await t.login('flyz.staff'); // the session timed out while the clock moved on
    const rc = await call<AidApplication>(staff, 'POST', `/aid/applications/${a.body.id}/receive-materials`, { note: '已补齐', version: rq.body.version });
    expect(rc.status).toBe(200);
    expect(rc.body.materials?.receivedOn).toBe('2025-10-10');
    const d2 = rc.body.deadlines.find((d) => d.ruleId === 'legalAid.applicationDecision')!;
    expect(d2.dueDate).toBe('2025-10-16');
    expect(d2.steps.map((s) => s.code)).toContain('PAUSE');
    const g = await call<AidApplication>(staff, 'POST', `/aid/applications/${a.body.id}/grant`, { note: '', version: rc.body.version });
    expect(g.body.status).toBe('granted');
  });
});
