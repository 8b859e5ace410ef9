/**
 * 领导驾驶舱 and 法治政府建设年度报告 on the demo data: every figure equals the module's own statistics endpoint (replayed
 * from the query stored with it), department views stay inside the data scope, the report's workflow and versions,
 * the .docx opens in LibreOffice with the four part headings, and the monthly snapshot is stored once per month.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_PARTS } from '../../../common/contracts/dashboard';
import { convertToPdf, extractPdfText, readZipEntry, sofficeBinary } from '../../platform/documents';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;
const SOFFICE = process.env.FAZHI_SOFFICE || 'soffice';
const sofficeAvailable = await sofficeBinary(SOFFICE);
const CI = !!process.env.CI;
if (!sofficeAvailable && !CI) console.warn(`[dashboard.routes.test] LibreOffice (${SOFFICE}) not found: skipping the .docx → PDF check of the annual report.`);

/** Reads a figure's field from the module endpoint's answer: `a.b`, `sum:list.field`, `sum:object` (its values). */
function readField(body: Json, field: string): number | null {
  if (field.startsWith('sum:')) {
    const [path, leaf] = (() => {
      const p = field.slice(4).split('.');
      return p.length > 1 ? [p.slice(0, -1), p.at(-1)!] : [p, null];
    })();
    let v: any = body;
    for (const k of path) v = v?.[k];
    if (Array.isArray(v)) return v.reduce((a: number, x: Json) => a + Number(x[leaf!]), 0);
    return Object.values(v as Record<string, number>).reduce((a, x) => a + Number(x), 0);
  }
  let v: any = body;
  for (const k of field.split('.')) v = v?.[k];
  return v === undefined ? NaN : (v as number | null);
}

async function xlsxCell(buf: Buffer, sheet: string, label: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  let out: unknown = undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === label) out = row.getCell(2).value;
  });
  return out;
}

/**
 * The list endpoint behind each drill-down page (web path → API path), with the page-only parameters dropped: the
 * case list's `scope=dept` (the department's cases, not only the viewer's own) and the 督察 page's `tab`.
 */
function drillApi(d: { path: string; query: Record<string, string> }): string {
  const q = { ...d.query };
  let api: string | undefined;
  if (d.path === '/rule-of-law/inspections') {
    api = q.tab === 'findings' ? '/api/v1/rule-of-law/findings' : '/api/v1/rule-of-law/inspections';
    delete q.tab;
  } else {
    api = (
      {
        '/reconsideration/cases': '/api/v1/reconsideration/cases',
        '/reconsideration/consultations': '/api/v1/reconsideration/consultations',
        '/legal-services/aid': '/api/v1/legal-services/aid/applications',
        '/legal-services/consultations': '/api/v1/legal-services/consultations',
        '/disputes': '/api/v1/disputes',
        '/corrections': '/api/v1/corrections/subjects',
        '/litigation': '/api/v1/litigation/cases',
        '/legality-review/drafts': '/api/v1/legality-review/drafts',
        '/enforcement/clues': '/api/v1/enforcement/clues',
        '/enforcement/orders': '/api/v1/enforcement/orders',
        '/mediation': '/api/v1/mediation/cases',
        '/rule-of-law/trainings': '/api/v1/rule-of-law/trainings',
        '/rule-of-law/study': '/api/v1/rule-of-law/study-sessions',
        '/rule-of-law/law-reportings': '/api/v1/rule-of-law/law-reportings',
        '/rule-of-law/publicity': '/api/v1/rule-of-law/events',
      } as Record<string, string>
    )[d.path];
  }
  if (!api) throw new Error(`no list endpoint known for the exact drill-down ${d.path}`);
  if (d.path === '/reconsideration/cases') delete q.scope;
  return `${api}?${new URLSearchParams({ ...q, pageSize: '1' }).toString()}`;
}

for (const dialect of DIALECTS) {
  describe(`领导驾驶舱与法治政府建设年度报告 [${dialect}]`, () => {
    let t: TestApp;
    let leader: Session;
    const req = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), ...(s ? { headers: s.headers } : {}) });
    const ok = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const res = await req(s, method, url, payload);
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Json;
    };
    /** The figure replayed on the module's own endpoint, as the module's user (leader) sees it. */
    async function moduleValue(s: Session, q: { endpoint: string; field: string }): Promise<number | null> {
      if (q.field.startsWith('xlsx:')) {
        const [sheet, label] = q.field.slice(5).split('!') as [string, string];
        const res = await req(s, 'GET', q.endpoint);
        expect(res.statusCode).toBe(200);
        const cell = await xlsxCell(res.rawPayload, sheet, label);
        if (cell === '—') return null;
        // the export writes the satisfaction rate as a percentage with two decimals
        return label.includes('%') ? Number(cell) / 100 : Number(cell);
      }
      return readField(await ok(s, 'GET', q.endpoint), q.field);
    }

    beforeAll(async () => {
      // the full demo data set (the suites' default leaves the modules' history out): the figures the report is made of
      t = await createTestApp(dialect, { env: { NODE_ENV: 'development', FAZHI_REMINDER_INTERVAL_MINUTES: '0' } });
      leader = await t.login('leader');
    }, 180_000);
    afterAll(async () => t?.close());

    it('every figure of the demo year equals the module statistics endpoint that its stored query names', { timeout: 120_000 }, async () => {
      const v = await ok(leader, 'GET', '/api/v1/dashboard?year=2025');
      expect(v.from).toBe('2025-01-01');
      expect(v.to).toBe(t.clock.today());
      expect(v.previousFrom).toBe('2024-01-01');
      const available = (v.figures as Json[]).filter((f) => f.available);
      // the leader reads every module: all sources are there, none silently dropped
      expect(new Set(available.map((f) => f.module))).toEqual(new Set(['reconsideration', 'litigation', 'legalityReview', 'enforcement', 'legalService', 'dispute', 'corrections', 'ruleOfLaw']));
      // on the demo data most figures are not zero: equality is not 0 = 0
      expect(available.filter((f) => f.unit === 'count' && f.value > 0).length).toBeGreaterThan(20);
      expect(available.map((f) => f.key)).toEqual(expect.arrayContaining(['legalService.approvals', 'legalService.notarisations']));
      let compared = 0;
      for (const f of available) {
        const expected = await moduleValue(leader, f.query);
        if (f.unit === 'ratio' && f.query.field.startsWith('xlsx:') && expected !== null) expect(Math.round(f.value * 10000) / 10000).toBeCloseTo(expected, 4);
        else expect({ key: f.key, value: f.value }).toEqual({ key: f.key, value: expected });
        compared++;
      }
      expect(compared).toBe(available.length);
      // previous-year comparison: the same figure on the previous year's span, from the same endpoint
      const rec = available.find((f) => f.key === 'reconsideration.received')!;
      const prev = await ok(leader, 'GET', `/api/v1/reconsideration/stats?from=${v.previousFrom}&to=${v.previousTo}`);
      expect(rec.previous).toBe(prev.totals.received);
      expect(rec.drill).toEqual({ path: '/reconsideration/cases', query: { scope: 'dept', receivedFrom: '2025-01-01', receivedTo: t.clock.today() }, exact: true });
      // overdue and at-risk items come from the deadline register within the viewer's scope
      expect(v.deadlines.horizonWorkingDays).toBe(3);
      const open = await ok(leader, 'GET', `/api/v1/deadlines?status=open&dueBefore=${v.deadlines.horizon}&pageSize=200`);
      const counted = (v.deadlines.byModule as Json[]).reduce((a, m) => a + m.overdue + m.atRisk, 0);
      expect(counted).toBe(Math.min(open.total, 2000));
      expect((v.deadlines.byModule as Json[]).reduce((a, m) => a + m.overdue, 0)).toBe((open.data as Json[]).filter((d) => d.overdue).length);
    });

    it('every exact drill-down opens a list whose total equals the figure', { timeout: 120_000 }, async () => {
      const v = await ok(leader, 'GET', '/api/v1/dashboard?year=2025');
      const exact = (v.figures as Json[]).filter((f) => f.available && f.drill?.exact);
      expect(exact.map((f) => f.key)).toEqual(
        expect.arrayContaining([
          'reconsideration.received',
          'reconsideration.accepted',
          'reconsideration.concluded',
          'reconsideration.mediated',
          'reconsideration.consultations',
          'litigation.cases',
          'litigation.concluded',
          'legality.total',
          'legality.underReview',
          'legality.filed',
          'enforcement.clues',
          'enforcement.orders',
          'legalAid.applications',
          'legalAid.urgent',
          'legalService.aidAccepted',
          'hotline.total',
          'hotline.calls',
          'dispute.total',
          'dispute.closed',
          'mediation.cases',
          'mediation.agreed',
          'corrections.inCorrection',
          'corrections.overdueReport',
          'ruleOfLaw.trainings',
          'ruleOfLaw.studySessions',
          'ruleOfLaw.preMeetingStudy',
          'ruleOfLaw.lawReportings',
          'ruleOfLaw.inspections',
          'ruleOfLaw.findings',
          'ruleOfLaw.publicityEvents',
        ]),
      );
      // only counts can be reproduced by a list's total
      expect(exact.every((f) => f.unit === 'count')).toBe(true);
      // the demo year and the year before: equality is not 0 = 0 on the demo data (the supervision demo raises clues and
      // orders from the year's detections, so their figures are checked on real records too)
      const nonZero = new Set<string>();
      for (const year of [2025, 2024]) {
        const y = year === 2025 ? v : await ok(leader, 'GET', `/api/v1/dashboard?year=${year}`);
        for (const f of (y.figures as Json[]).filter((x) => x.available && x.drill?.exact)) {
          const list = await ok(leader, 'GET', drillApi(f.drill));
          expect({ year, key: f.key, total: list.total }).toEqual({ year, key: f.key, total: f.value });
          if (f.value > 0) nonZero.add(f.key);
        }
      }
      expect(exact.map((f) => f.key).filter((k) => !nonZero.has(k))).toEqual([]);
      const accepted = exact.find((f) => f.key === 'reconsideration.accepted')!;
      expect(accepted.drill).toEqual({ path: '/reconsideration/cases', query: { scope: 'dept', acceptedFrom: '2025-01-01', acceptedTo: t.clock.today() }, exact: true });
      // a reversed range is refused with a stable code on every list that takes one
      for (const url of [
        '/api/v1/reconsideration/cases?acceptedFrom=2025-02-01&acceptedTo=2025-01-01',
        '/api/v1/litigation/cases?filedFrom=2025-02-01&filedTo=2025-01-01',
        '/api/v1/legal-services/aid/applications?receivedFrom=2025-02-01&receivedTo=2025-01-01',
        '/api/v1/disputes?receivedFrom=2025-02-01&receivedTo=2025-01-01',
        '/api/v1/mediation/cases?acceptedFrom=2025-02-01&acceptedTo=2025-01-01',
        '/api/v1/legal-services/consultations?from=2025-02-01&to=2025-01-01',
      ]) {
        const res = await req(leader, 'GET', url);
        expect({ url, status: res.statusCode, code: res.json().error?.code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
      }
      // a department view is never exact (the module pages filter by the viewer's scope, not by a chosen unit)
      const me = (await ok(await t.login('sfs.xicha'), 'GET', '/api/v1/auth/me')).user;
      const dept = await ok(leader, 'GET', `/api/v1/dashboard?year=2025&departmentId=${me.departmentId}`);
      expect((dept.figures as Json[]).some((f) => f.drill?.exact)).toBe(false);
    });

    it('trend by month adds up to the year; units per 司法所; department view inside the scope only', { timeout: 120_000 }, async () => {
      const v = await ok(leader, 'GET', '/api/v1/dashboard?year=2025');
      const tr = await ok(leader, 'GET', '/api/v1/dashboard/trend?year=2025');
      expect(tr.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']);
      for (const key of ['reconsideration.received', 'dispute.total', 'legalAid.applications']) {
        const s = (tr.series as Json[]).find((x) => x.key === key)!;
        expect(s.values.reduce((a: number, b: number) => a + b, 0)).toBe((v.figures as Json[]).find((f) => f.key === key)!.value);
      }
      const units = await ok(leader, 'GET', '/api/v1/dashboard/units?year=2025&kind=judicialOffice');
      expect(units.rows).toHaveLength(15);
      const xichaSession = await t.login('sfs.xicha');
      const me = (await ok(xichaSession, 'GET', '/api/v1/auth/me')).user;
      const row = (units.rows as Json[]).find((r) => r.departmentId === me.departmentId)!;
      const own = await ok(xichaSession, 'GET', `/api/v1/disputes/stats?from=2025-01-01&to=${t.clock.today()}`);
      expect(row.values['dispute.total']).toBe(own.total);
      // the leader's view of that 司法所 equals what the 司法所 itself sees; district-wide statistics are not passed off as its own
      const dept = await ok(leader, 'GET', `/api/v1/dashboard?year=2025&departmentId=${me.departmentId}`);
      expect(dept.departmentName).toBe(me.departmentName);
      expect((dept.figures as Json[]).find((f) => f.key === 'dispute.total')!.value).toBe(own.total);
      const enf = (dept.figures as Json[]).find((f) => f.key === 'enforcement.clues')!;
      expect(enf).toMatchObject({ available: false, value: null });
      // a section head cannot look into a 司法所 outside the section
      const fyHead = await t.login('fy.head');
      const denied = await req(fyHead, 'GET', `/api/v1/dashboard?year=2025&departmentId=${me.departmentId}`);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('OUT_OF_SCOPE');
      // …and its own view counts only its section's cases, equal to its own statistics page
      const fyView = await ok(fyHead, 'GET', '/api/v1/dashboard?year=2025');
      const fyStats = await ok(fyHead, 'GET', `/api/v1/reconsideration/stats?from=2025-01-01&to=${t.clock.today()}`);
      expect((fyView.figures as Json[]).find((f) => f.key === 'reconsideration.received')!.value).toBe(fyStats.totals.received);
      expect((fyView.figures as Json[]).find((f) => f.key === 'dispute.total')).toMatchObject({ available: false, note: '无该模块统计权限' });
    });

    it('errors, permissions and the three administrators', async () => {
      expect((await req(null, 'GET', '/api/v1/dashboard?year=2025')).statusCode).toBe(401);
      for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
        const s = await t.login(admin);
        expect((await req(s, 'GET', '/api/v1/dashboard?year=2025')).statusCode).toBe(403);
        expect((await req(s, 'GET', '/api/v1/annual-reports')).statusCode).toBe(403);
      }
      const future = await req(leader, 'GET', '/api/v1/dashboard?year=2030');
      expect(future.statusCode).toBe(400);
      expect(future.json().error.code).toBe('DASHBOARD_YEAR_INVALID');
      expect((await req(leader, 'GET', '/api/v1/dashboard?year=abc')).json().error.code).toBe('VALIDATION_FAILED');
      const x = await req(leader, 'GET', '/api/v1/dashboard/export.xlsx?year=2025');
      expect(x.statusCode).toBe(200);
      const v = await ok(leader, 'GET', '/api/v1/dashboard?year=2025');
      const rec = (v.figures as Json[]).find((f) => f.key === 'reconsideration.received')!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as any);
      // figures are numbers in the workbook (staff add them up), rates as percentages of one decimal
      const rate = (v.figures as Json[]).find((f) => f.key === 'reconsideration.correctionRate')!;
      let found: unknown = null;
      let rateCell: ExcelJS.Cell | null = null;
      wb.getWorksheet('关键指标')!.eachRow((row) => {
        if (row.getCell(2).value === '收到行政复议申请') found = row.getCell(3).value;
        if (row.getCell(2).value === '纠错率') rateCell = row.getCell(3);
      });
      expect(found).toBe(rec.value);
      expect(rateCell!.value).toBeCloseTo(rate.value, 10);
      expect(rateCell!.numFmt).toBe('0.0%');
    });

    it('annual report: draft from live data, figures with their queries, versions, review, sign-off, filing, publication, .docx and PDF', { timeout: 240_000 }, async () => {
      const fyHead = await t.login('fy.head');
      expect((await req(fyHead, 'POST', '/api/v1/annual-reports', { year: 2025 })).statusCode).toBe(403);
      const d = await ok(leader, 'POST', '/api/v1/annual-reports', { year: 2025 });
      expect(d.status).toBe('draft');
      expect(d.currentVersion).toBe(1);
      expect(d.parts.map((p: Json) => p.heading)).toEqual(ANNUAL_REPORT_PARTS.map((p) => p.heading));
      expect(d.filingDue).toBe('2026-03-01');
      expect(d.dueNote).toContain('待核实');
      // every stored figure equals the module's own statistics endpoint, replayed from the stored query
      const numeric = (d.figures as Json[]).filter((f) => f.value !== null);
      expect(numeric.length).toBeGreaterThan(20);
      for (const f of numeric) {
        const expected = await moduleValue(leader, f.query);
        if (f.query.field.startsWith('xlsx:') && f.unit === 'ratio') expect(f.value).toBeCloseTo(expected!, 4);
        else expect({ key: f.key, value: f.value }).toEqual({ key: f.key, value: expected });
      }
      // the rendered text carries the values in place of the tokens
      const received = numeric.find((f) => f.key === 'reconsideration.received')!;
      const part1 = d.rendered[0].paragraphs.join('\n');
      expect(part1).toContain(`收到行政复议申请${received.value}件`);
      expect(part1).not.toMatch(/\{[a-zA-Z]/);
      expect((await req(leader, 'POST', '/api/v1/annual-reports', { year: 2025 })).json().error.code).toBe('ANNUAL_REPORT_EXISTS');

      // staff edit: an unknown token is refused; parts 2 and 4 must be filled before review
      const parts = d.parts as Json[];
      const bad = await req(leader, 'POST', `/api/v1/annual-reports/${d.id}/save`, { parts: parts.map((p, i) => (i === 1 ? { ...p, paragraphs: ['{no.such.figure}'] } : p)), note: '', version: d.version });
      expect(bad.json().error.code).toBe('ANNUAL_REPORT_UNKNOWN_FIGURE');
      const early = await req(leader, 'POST', `/api/v1/annual-reports/${d.id}/submit`, { note: '', version: d.version });
      expect(early.json().error.code).toBe('ANNUAL_REPORT_STEP_NOT_ALLOWED');
      const filled = parts.map((p) => (p.key === 'shortcomings' ? { ...p, paragraphs: ['一是行政复议案件数量持续增长（全年{reconsideration.received}件），办案力量不足。'] } : p.key === 'nextYear' ? { ...p, paragraphs: ['继续推进行政复议规范化建设。'] } : p));
      const v2 = await ok(leader, 'POST', `/api/v1/annual-reports/${d.id}/save`, { parts: filled, note: '填写不足和下一年度安排', version: d.version });
      expect(v2.currentVersion).toBe(2);
      expect(v2.rendered[1].paragraphs[0]).toContain(`全年${received.value}件`);
      const stale = await req(leader, 'POST', `/api/v1/annual-reports/${d.id}/save`, { parts: filled, note: '', version: d.version });
      expect(stale.json().error.code).toBe('CONFLICT');
      const v3 = await ok(leader, 'POST', `/api/v1/annual-reports/${d.id}/refresh`, { version: v2.version });
      expect(v3.currentVersion).toBe(3);
      expect(v3.versions.map((x: Json) => x.no)).toEqual([3, 2, 1]);
      const old = await ok(leader, 'GET', `/api/v1/annual-reports/${d.id}?versionNo=1`);
      expect(old.parts[1].paragraphs).toEqual([]);
      expect(old.actions).toEqual([]);

      const rv = await ok(leader, 'POST', `/api/v1/annual-reports/${d.id}/submit`, { note: '', version: v3.version });
      expect(rv.status).toBe('review');
      expect((await req(leader, 'POST', `/api/v1/annual-reports/${d.id}/save`, { parts: filled, note: '', version: rv.version })).json().error.code).toBe('ANNUAL_REPORT_NOT_EDITABLE');
      const unchecked = await req(leader, 'POST', `/api/v1/annual-reports/${d.id}/approve`, { note: '同意', version: rv.version });
      expect(unchecked.json().error).toMatchObject({ code: 'ANNUAL_REPORT_STEP_NOT_ALLOWED', details: { secrecyReviewed: false } });
      const ap = await ok(leader, 'POST', `/api/v1/annual-reports/${d.id}/approve`, { note: '同意', secrecyReviewed: true, version: rv.version });
      expect(ap).toMatchObject({ status: 'approved', approvedOn: t.clock.today() });
      const tooEarly = await req(leader, 'POST', `/api/v1/annual-reports/${d.id}/file`, { note: '', on: '2025-01-02', version: ap.version });
      expect(tooEarly.json().error.code).toBe('ANNUAL_REPORT_DATE_INVALID');
      const fi = await ok(leader, 'POST', `/api/v1/annual-reports/${d.id}/file`, { note: '报区委、区政府', version: ap.version });
      expect(fi).toMatchObject({ status: 'filed', filedOn: t.clock.today() });
      const pu = await ok(leader, 'POST', `/api/v1/annual-reports/${d.id}/publish`, { note: '区政府网站', version: fi.version });
      expect(pu).toMatchObject({ status: 'published', publishedOn: t.clock.today() });
      expect(pu.events.map((e: Json) => e.action)).toEqual(['create', 'save', 'refresh', 'submit', 'approve', 'file', 'publish']);
      // each step is in the audit log
      const auditor = await t.login('auditadmin');
      const log = await ok(auditor, 'GET', '/api/v1/audit/logs?objectType=annualReport&pageSize=50');
      expect((log.data as Json[]).map((e) => e.action)).toEqual(expect.arrayContaining(['annualReport.create', 'annualReport.save', 'annualReport.refresh', 'annualReport.submit', 'annualReport.approve', 'annualReport.file', 'annualReport.publish']));

      const docx = await req(leader, 'GET', `/api/v1/annual-reports/${d.id}/report.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const xml = readZipEntry(docx.rawPayload, 'word/document.xml')!.toString('utf8');
      for (const p of ANNUAL_REPORT_PARTS) expect(xml).toContain(p.heading);
      // GB/T 9704 §7.3.3: the part headings in 黑体, the second-level headings in 楷体
      const at = xml.indexOf(ANNUAL_REPORT_PARTS[0].heading);
      expect(xml.slice(Math.max(0, at - 600), at)).toContain('w:eastAsia="黑体"');
      const sub = xml.indexOf('（一）发挥行政复议化解行政争议主渠道作用。');
      expect(sub).toBeGreaterThan(0);
      expect(xml.slice(Math.max(0, sub - 600), sub)).toContain('楷体_GB2312');
      if (sofficeAvailable || CI) {
        const text = extractPdfText(await convertToPdf(docx.rawPayload, SOFFICE)).replace(/\s+/g, '');
        for (const p of ANNUAL_REPORT_PARTS) expect(text).toContain(p.heading.replace(/\s+/g, ''));
        expect(text).toContain(`收到行政复议申请${received.value}件`);
      }
    });

    it('monthly statistics snapshot: stored once per month, listed and downloadable', { timeout: 60_000 }, async () => {
      const first = await t.services.snapshots.runMonthly();
      expect(first.created).toBe(true);
      expect(first.snapshot).toMatchObject({ month: '2025-08', from: '2025-08-01', to: '2025-08-31' });
      const again = await t.services.snapshots.runMonthly();
      expect(again).toMatchObject({ created: false, snapshot: { id: first.snapshot.id } });
      await expect(t.services.snapshots.runMonthly('2025-09')).rejects.toMatchObject({ code: 'STATS_SNAPSHOT_MONTH_INVALID' });
      const list = await ok(leader, 'GET', '/api/v1/dashboard/snapshots');
      expect(list.data.map((s: Json) => s.month)).toEqual(['2025-08']);
      const file = await req(leader, 'GET', `/api/v1/dashboard/snapshots/${first.snapshot.id}/download`);
      expect(file.statusCode).toBe(200);
      const aug = await ok(leader, 'GET', '/api/v1/reconsideration/stats?from=2025-08-01&to=2025-08-31');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as any);
      let cell: unknown = null;
      wb.getWorksheet('月度统计')!.eachRow((row) => {
        if (row.getCell(2).value === '收到行政复议申请') cell = row.getCell(3).value;
      });
      expect(cell).toBe(aug.totals.received);
      const fyHead = await t.login('fy.head');
      expect((await req(fyHead, 'GET', '/api/v1/dashboard/snapshots')).statusCode).toBe(403);
    });
  });
}
