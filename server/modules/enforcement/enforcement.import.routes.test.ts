import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSPECTION_CSV_COLUMNS, PENALTY_CSV_COLUMNS } from '../../../common/contracts/enforcement';
import { createRng, generateCreditCode } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { type PlantedDataset, plantedCsv, plantedDataset } from './detections/plant';
import { storedInspectionRecords } from './detections/detections.service';

function multipart(parts: ({ name: string; value: string } | { name: string; filename: string; data: Buffer })[]) {
  const boundary = `----fazhienf${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    else chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function seedAgencies(t: TestApp, agencies: { code: string; name: string; fields: string[] }[]) {
  const now = '2025-01-01T00:00:00.000Z';
  await t.handle.db
    .insertInto('enforcementAgencies')
    .values(agencies.map((a) => ({ code: a.code, name: a.name, legalBasis: '《中华人民共和国行政处罚法》第十八条', fields: JSON.stringify(a.fields), street: null, createdAt: now, updatedAt: now, version: 1 })))
    .execute();
}

const csvOf = (rows: string[][]) => `${[INSPECTION_CSV_COLUMNS as readonly string[], ...rows].map((r) => r.join(',')).join('\n')}\n`;

describe.each(DIALECTS)('enforcement import and detections API (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  let leader: Session;
  let data: PlantedDataset;
  const rng = createRng(77);
  const firmA = generateCreditCode(rng);
  const firmB = generateCreditCode(rng);

  const upload = (s: Session | null, body: string | Buffer, opts: { mode?: string; filename?: string; url?: string; jobId?: string } = {}) => {
    const parts: Parameters<typeof multipart>[0] = [];
    if (opts.mode) parts.push({ name: 'mode', value: opts.mode });
    if (opts.jobId) parts.push({ name: 'jobId', value: opts.jobId });
    parts.push({ name: 'file', filename: opts.filename ?? 'inspections.csv', data: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8') });
    const m = multipart(parts);
    return t.app.inject({ method: 'POST', url: opts.url ?? '/api/v1/enforcement/inspections/import', payload: m.payload, headers: { ...m.headers, ...(s ? s.headers : {}) } });
  };
  const detections = async (rule: string, q = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/enforcement/detections?rule=${rule}&from=${data.from}&to=${data.to}&pageSize=500${q}`, headers: leader.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { data: { id: string; rule: string; targetCreditCode?: string; agencyCodes: string[]; officerId?: string; inspectionIds: string[]; legalBasis: string }[]; total: number };
  };

  beforeAll(async () => {
    // after the planted year (2025): none of its inspections lies in the future
    t = await createTestApp(dialect, { now: '2026-01-20T02:00:00.000Z' });
    head = await t.login('zfjd.head');
    leader = await t.login('leader');
    data = plantedDataset(5);
    await seedAgencies(t, data.agencies);
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses anonymous callers (401) and users without the permission (403)', async () => {
    expect((await upload(null, csvOf([]))).statusCode).toBe(401);
    expect((await upload(leader, csvOf([]))).statusCode).toBe(403); // leader may read, not import
    const other = await t.login('fy.handler1');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/enforcement/detections?rule=repeated-inspection', headers: other.headers })).statusCode).toBe(403);
  });

  it('Done-when: importing the planted file flags exactly the planted cases and no decoy', async () => {
    const res = await upload(head, plantedCsv(data));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ committed: true, imported: data.rows.length, updated: 0, rejected: [], rejectedTotal: 0 });
    for (const rule of ['repeated-inspection', 'multi-agency-inspection', 'unplanned-inspection', 'low-yield-officer'] as const) {
      const got = await detections(rule);
      const flags = got.data.map((f) => [...f.inspectionIds].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
      const want = [...data.expected[rule]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
      expect(flags, rule).toEqual(want);
      expect(got.total).toBe(want.length);
      expect(got.data.every((f) => f.rule === rule && f.legalBasis.includes('》'))).toBe(true);
    }
    const low = await detections('low-yield-officer');
    expect(low.data.map((f) => f.officerId).sort()).toEqual(['CG01-LOW', 'YJ01-LOW']);
    const multi = await detections('multi-agency-inspection');
    expect(multi.data.every((f) => f.agencyCodes.length >= 3 && f.targetCreditCode)).toBe(true);
  });

  it('re-importing the same file updates, never duplicates; flags keep their ids', async () => {
    const before = await detections('repeated-inspection');
    const res = await upload(head, plantedCsv(data));
    expect(res.json()).toMatchObject({ committed: true, imported: 0, updated: data.rows.length });
    expect(await storedInspectionRecords(t.handle)).toHaveLength(data.rows.length);
    const after = await detections('repeated-inspection');
    expect(after.data.map((f) => f.id).sort()).toEqual(before.data.map((f) => f.id).sort());
  });

  it('pages the flags and filters by period', async () => {
    const all = await detections('unplanned-inspection');
    const p1 = await t.app.inject({ method: 'GET', url: `/api/v1/enforcement/detections?rule=unplanned-inspection&from=${data.from}&to=${data.to}&page=1&pageSize=4`, headers: leader.headers });
    const p2 = await t.app.inject({ method: 'GET', url: `/api/v1/enforcement/detections?rule=unplanned-inspection&from=${data.from}&to=${data.to}&page=2&pageSize=4`, headers: leader.headers });
    expect(p1.json().total).toBe(all.total);
    expect([...p1.json().data, ...p2.json().data].map((f: { id: string }) => f.id)).toEqual(all.data.map((f) => f.id));
    const firstHalf = await t.app.inject({ method: 'GET', url: '/api/v1/enforcement/detections?rule=unplanned-inspection&from=2025-01-01&to=2025-03-31', headers: leader.headers });
    expect(firstHalf.json().total).toBeLessThan(all.total);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/enforcement/detections?rule=nope', headers: leader.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('rejects bad rows with stable codes; by default writes nothing; valid-only writes the valid rows; error report downloads', async () => {
    const good = ['NEW-1', 'CG01', '城管委', 'CG01-P0', firmA, '甲公司', 'urban', 'random', '', '', '2025-03-01', '0', '45'];
    const rows = [
      good,
      ['NEW-2', 'ZZ99', '未知', 'X-1', firmB, '乙公司', 'urban', 'random', '', '', '2025-03-01', '0', '45'],
      ['NEW-3', 'CG01', '城管委', 'CG01-P0', `${firmB.slice(0, 17)}${firmB[17] === '0' ? '1' : '0'}`, '乙公司', 'market', 'visit', '', '', '2025-02-30', '2', 'x'],
      ['NEW-1', 'CG01', '城管委', 'CG01-P0', firmA, '甲公司', 'urban', 'random', '', '', '2025-03-02', '0', '45'],
      ['NEW-4', 'CG01'],
      // an inspection after today (test clock 2026-01-20) cannot have happened
      ['NEW-5', 'CG01', '城管委', 'CG01-P0', firmA, '甲公司', 'urban', 'random', '', '', '2026-03-01', '0', '45'],
    ];
    const res = await upload(head, csvOf(rows));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.committed).toBe(false);
    expect(body.imported).toBe(0);
    const codes = body.rejected.map((r: { row: number; code: string }) => `${r.row}:${r.code}`);
    expect(codes).toEqual(expect.arrayContaining(['3:AGENCY_UNKNOWN', '4:CREDIT_CODE_INVALID', '4:FIELD_NOT_OF_AGENCY', '4:KIND_INVALID', '4:DATE_INVALID', '4:FOUND_PROBLEM_INVALID', '4:DURATION_INVALID', '5:ID_DUPLICATE_IN_FILE', '6:COLUMN_COUNT', '7:DATE_FUTURE']));
    expect(body.rejected.every((r: { message: string }) => /[\u4e00-\u9fa5]/.test(r.message))).toBe(true);
    expect((await storedInspectionRecords(t.handle)).find((r) => r.id === 'NEW-1')).toBeUndefined();

    const report = await t.app.inject({ method: 'GET', url: `/api/v1/enforcement/imports/${body.jobId}/errors?format=csv`, headers: leader.headers });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.body).toContain('AGENCY_UNKNOWN');
    expect(report.body).toContain('NEW-3');
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/enforcement/imports/${body.jobId}/errors?format=xlsx`, headers: leader.headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(1 + body.rejected.length); // one line per error

    const job = await t.app.inject({ method: 'GET', url: `/api/v1/enforcement/imports/${body.jobId}`, headers: leader.headers });
    expect(job.json()).toMatchObject({ status: 'rolledBack', processed: 6, rejected: 5 });

    const partial = await upload(head, csvOf(rows), { mode: 'valid-only', jobId: 'job-valid-only-1' });
    expect(partial.json()).toMatchObject({ jobId: 'job-valid-only-1', committed: true, imported: 1, updated: 0, rejectedTotal: 5 });
    const stored = (await storedInspectionRecords(t.handle)).filter((r) => r.id === 'NEW-1');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ targetCreditCode: firmA, inspectedOn: '2025-03-01', foundProblem: 0, durationMinutes: 45 });
    const firm = await t.handle.db.selectFrom('enforcementFirms').selectAll().where('creditCode', '=', firmA).executeTakeFirst();
    expect(firm?.name).toBe('甲公司');
    const audit = await t.handle.db.selectFrom('auditLog').select(['action', 'outcome']).where('objectId', '=', 'job-valid-only-1').execute();
    expect(audit).toEqual([{ action: 'enforcement.inspections.import', outcome: 'success' }]);
  });

  it('a re-import that corrects the firm of a record moves it (still one record)', async () => {
    const row = ['MOVE-1', 'CG01', '城管委', 'CG01-P0', firmA, '甲公司', 'urban', 'random', '', '', '2025-05-01', '1', ''];
    expect((await upload(head, csvOf([row]))).json()).toMatchObject({ imported: 1 });
    expect((await upload(head, csvOf([[...row.slice(0, 4), firmB, '乙公司', ...row.slice(6)]]))).json()).toMatchObject({ imported: 0, updated: 1 });
    const stored = (await storedInspectionRecords(t.handle)).filter((r) => r.id === 'MOVE-1');
    expect(stored.map((r) => r.targetCreditCode)).toEqual([firmB]);
  });

  it('the firm register takes every firm of a file and the name as last imported (more firms than one statement holds)', async () => {
    const frng = createRng(4242);
    const firms = Array.from({ length: 150 }, () => generateCreditCode(frng));
    const rows = (suffix: string) => firms.map((f, i) => [`FIRM-${String(i)}`, 'CG01', '城管委', 'CG01-P0', f, `测试企业${String(i)}${suffix}`, 'urban', 'random', '', '', '2025-04-01', '0', '']);
    expect((await upload(head, csvOf(rows('')))).json()).toMatchObject({ imported: 150 });
    // renamed: every other firm
    expect((await upload(head, csvOf(rows('').map((r, i) => (i % 2 ? [...r.slice(0, 5), `${r[5]!}（更名）`, ...r.slice(6)] : r))))).json()).toMatchObject({ imported: 0, updated: 150 });
    const stored = await t.handle.db.selectFrom('enforcementFirms').select(['creditCode', 'name']).where('creditCode', 'in', firms).execute();
    const byCode = new Map(stored.map((r) => [r.creditCode, r.name]));
    expect(byCode.size).toBe(150);
    firms.forEach((f, i) => expect(byCode.get(f)).toBe(`测试企业${String(i)}${i % 2 ? '（更名）' : ''}`));
  });

  it('imports XLSX with quoted CSV equivalents; refuses a wrong header, a wrong type and an empty upload', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('检查记录');
    ws.addRow([...INSPECTION_CSV_COLUMNS]);
    ws.addRow(['XL-1', 'SJ01', '市场监管局', 'SJ01-P0', firmA, '甲公司, 分店', 'drug', 'plan', 'PLAN-2025-SJ01', '', '2025-06-01', 1, 30]);
    ws.addRow(['XL-2', 'SJ01', '市场监管局', 'SJ01-P0', firmA, '甲公司', 'market', 'random', '', '', new Date('2025-06-02T00:00:00Z'), 0, '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(head, buf, { filename: '检查.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json(), res.body).toMatchObject({ committed: true, imported: 2 });
    const xl2 = (await storedInspectionRecords(t.handle)).find((r) => r.id === 'XL-2');
    expect(xl2).toMatchObject({ inspectedOn: '2025-06-02', durationMinutes: null });

    const quoted = `${INSPECTION_CSV_COLUMNS.join(',')}\r\nQ-1,SJ01,"市场监管局","SJ01-P0",${firmB},"乙公司 ""旗舰店""",market,random,,,2025-06-03,0,20\r\n`;
    expect((await upload(head, quoted)).json()).toMatchObject({ imported: 1 });

    const header = await upload(head, 'id,agency\nX,Y\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().error.code).toBe('ENFORCEMENT_IMPORT_HEADER');
    const exe = await upload(head, Buffer.from([0x4d, 0x5a, 0, 0, 1, 2]), { filename: 'a.csv' });
    expect(exe.statusCode).toBe(415);
    const named = await upload(head, csvOf([]), { filename: 'a.exe' });
    expect(named.statusCode).toBe(415);
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/enforcement/inspections/import', payload: {}, headers: head.headers });
    expect(none.statusCode).toBe(400);
  });

  it('imports penalty cases and flags overdue decisions (《行政处罚法》第六十条) and discretion outliers', async () => {
    const p = (id: string, amount: number, filed: string, decided: string) => [id, 'SJ01', 'SJ01-P0', firmA, '甲公司', 'market', 'V-101', 'ordinary', String(amount), filed, decided, ''];
    const rows = [p('CF-1', 1000, '2025-01-01', '2025-04-01'), p('CF-2', 1100, '2025-01-01', '2025-04-02'), p('CF-3', 900, '2025-02-01', ''), p('CF-4', 1000, '2025-03-01', '2025-03-20'), p('CF-5', 9000, '2025-03-01', '2025-03-10'), p('CF-6', 1000, '2025-03-05', '2025-03-04'), p('CF-7', 1000, '2025-03-05', '2026-03-01'), p('CF-8', 1000, '2026-03-01', '')];
    const body = `${[PENALTY_CSV_COLUMNS as readonly string[], ...rows].map((r) => r.join(',')).join('\n')}\n`;
    const res = await upload(head, body, { url: '/api/v1/enforcement/penalties/import', filename: 'penalties.csv', mode: 'valid-only' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, imported: 5, rejected: [{ row: 7, code: 'DATE_ORDER' }, { row: 8, code: 'DATE_FUTURE' }, { row: 9, code: 'DATE_FUTURE' }] });
    // today (test clock) is 2026-01-20: CF-3 filed 2025-02-01 is still undecided past its 90 days; CF-2 decided one day late
    const overdue = await t.app.inject({ method: 'GET', url: '/api/v1/enforcement/detections?rule=overdue-penalty&from=2025-01-01&to=2025-12-31', headers: leader.headers });
    expect(overdue.json().data.map((f: { penaltyIds: string[] }) => f.penaltyIds[0])).toEqual(['CF-2', 'CF-3']);
    expect(overdue.json().data[0].legalBasis).toContain('第六十条');
    const outliers = await t.app.inject({ method: 'GET', url: '/api/v1/enforcement/detections?rule=discretion-outlier&from=2025-01-01&to=2025-12-31', headers: leader.headers });
    expect(outliers.json().data.map((f: { penaltyIds: string[] }) => f.penaltyIds[0])).toEqual(['CF-5']);
  });

  it('detection parameters: listed with legal basis, edited with version check and audit, simulated before changing', async () => {
    const rules = await t.app.inject({ method: 'GET', url: '/api/v1/enforcement/detection-rules', headers: leader.headers });
    const rep = rules.json().data.find((r: { id: string }) => r.id === 'repeated-inspection');
    expect(rep).toMatchObject({ params: { windowDays: 30, minVisits: 2 }, version: 0, thresholdUnverified: true });
    expect(rep.legalBasis).toContain('国办发〔2024〕54号');

    const sim = await t.app.inject({ method: 'POST', url: '/api/v1/enforcement/detection-rules/repeated-inspection/simulate', headers: head.headers, payload: { params: { windowDays: 61, minVisits: 2, excludeKinds: ['complaint'] }, from: data.from, to: data.to } });
    expect(sim.statusCode, sim.body).toBe(200);
    const s = sim.json();
    expect(s.current).toBe(data.expected['repeated-inspection'].length);
    // the four far-apart decoys (31 and 60 days apart) become flags at a 61-day window; nothing else does
    expect(s.proposed).toBe(s.current + 4);
    expect(s.added).toBe(4);
    expect(s.removed).toBe(0);

    const badParams = await t.app.inject({ method: 'PUT', url: '/api/v1/enforcement/detection-rules/repeated-inspection', headers: head.headers, payload: { params: { windowDays: 0 }, version: 0 } });
    expect(badParams.statusCode).toBe(400);
    expect(badParams.json().error.code).toBe('ENFORCEMENT_PARAMS_INVALID');
    const forbidden = await t.app.inject({ method: 'PUT', url: '/api/v1/enforcement/detection-rules/repeated-inspection', headers: leader.headers, payload: { params: rep.params, version: 0 } });
    expect(forbidden.statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/enforcement/detection-rules/repeated-inspection', headers: head.headers, payload: { params: { windowDays: 31, minVisits: 2, excludeKinds: ['complaint'] }, version: 0 } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, params: { windowDays: 31 } });
    const stale = await t.app.inject({ method: 'PUT', url: '/api/v1/enforcement/detection-rules/repeated-inspection', headers: head.headers, payload: { params: { windowDays: 30, minVisits: 2, excludeKinds: ['complaint'] }, version: 0 } });
    expect(stale.statusCode).toBe(409);
    const audit = await t.handle.db.selectFrom('auditLog').select(['action', 'objectId']).where('action', '=', 'enforcement.detection.params.update').execute();
    expect(audit).toHaveLength(1);
    // the stored parameters take effect on the next listing: the two 31-day decoys are now flagged
    const after = await detections('repeated-inspection');
    expect(after.total).toBe(data.expected['repeated-inspection'].length + 2);
    const reset = await t.app.inject({ method: 'PUT', url: '/api/v1/enforcement/detection-rules/repeated-inspection', headers: head.headers, payload: { params: { windowDays: 30, minVisits: 2, excludeKinds: ['complaint'] }, version: 1 } });
    expect(reset.statusCode).toBe(200);
    expect((await detections('repeated-inspection')).total).toBe(data.expected['repeated-inspection'].length);
  });
});
