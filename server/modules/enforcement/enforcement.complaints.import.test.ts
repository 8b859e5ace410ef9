import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLAINT_CSV_COLUMNS } from '../../../common/contracts/enforcement';
import { createRng, generateCreditCode } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

function multipart(parts: ({ name: string; value: string } | { name: string; filename: string; data: Buffer })[]) {
  const boundary = `----fazhicmp${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    else chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const NOW = '2025-01-01T00:00:00.000Z';
const csvOf = (rows: string[][]) => `\uFEFF${[COMPLAINT_CSV_COLUMNS as readonly string[], ...rows].map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n')}\r\n`;

describe.each(DIALECTS)('12345 complaint import, linkage to 一企一档 and problem clues (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  let xicha: Session;
  const rng = createRng(9090);
  const firmA = generateCreditCode(rng); // in the firm register without a street: the complaint's street fills it
  const firmB = generateCreditCode(rng); // new firm, created by the import
  const upload = (s: Session, body: string | Buffer, opts: { mode?: string; filename?: string } = {}) => {
    const parts: Parameters<typeof multipart>[0] = [];
    if (opts.mode) parts.push({ name: 'mode', value: opts.mode });
    parts.push({ name: 'file', filename: opts.filename ?? '12345.csv', data: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8') });
    const m = multipart(parts);
    return t.app.inject({ method: 'POST', url: '/api/v1/enforcement/complaints/import', payload: m.payload, headers: { ...m.headers, ...s.headers } });
  };
  const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1/enforcement${url}`, ...(payload !== undefined ? { payload: payload as object } : {}), headers: s.headers });

  const good = (): string[][] => [
    ['12345-0001', '2025-09-01', firmA, '北京测试甲餐饮有限公司', 'T-CGJ', '重复检查', '同一个月内城管检查三次，影响经营', '西长安街街道'],
    ['12345-0002', '2025-09-02', firmB, '北京测试乙商贸有限公司', '', '执法态度', '检查人员未出示执法证件', ''],
  ];
  const bad = (): string[][] => [
    ['12345-0003', '2025-13-01', firmA, '北京测试甲餐饮有限公司', 'T-CGJ', '重复检查', 'x', ''], // DATE_INVALID
    ['12345-0004', '2025-12-31', firmA, '北京测试甲餐饮有限公司', 'T-CGJ', '重复检查', 'x', ''], // DATE_FUTURE (today 2025-09-26)
    ['12345-0005', '2025-09-03', '91110102MA00000000', '某公司', 'NOPE', '', '', ''], // CREDIT_CODE_INVALID, AGENCY_UNKNOWN, CATEGORY_REQUIRED, SUMMARY_REQUIRED
    ['12345-0001', '2025-09-01', firmA, '北京测试甲餐饮有限公司', 'T-CGJ', '重复检查', '重复的工单', ''], // ID_DUPLICATE_IN_FILE
    ['bad id', '2025-09-01', firmA, '北京测试甲餐饮有限公司'], // COLUMN_COUNT
  ];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.handle.db.insertInto('enforcementAgencies').values({ code: 'T-CGJ', name: '测试城管执法局', legalBasis: '《中华人民共和国行政处罚法》第十八条', fields: JSON.stringify(['urban']), street: null, createdAt: NOW, updatedAt: NOW, version: 1 }).execute();
    await t.handle.db.insertInto('enforcementFirms').values({ creditCode: firmA, name: '北京测试甲餐饮有限公司', street: null, updatedAt: NOW }).execute();
    head = await t.login('zfjd.head');
    xicha = await t.login('sfs.xicha');
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses a user outside the district scope, and a wrong header', async () => {
    const fy = await t.login('fy.head');
    const r = await upload(fy, csvOf(good()));
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('OUT_OF_SCOPE');
    const h = await upload(head, 'complaint_id,received_on\n1,2025-01-01\n');
    expect(h.statusCode).toBe(400);
    expect(h.json().error.code).toBe('ENFORCEMENT_IMPORT_HEADER');
  });

  it('mode all: one bad row and nothing is written; every rejected row is reported and downloadable', async () => {
    const res = await upload(head, csvOf([...good(), ...bad()]));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ committed: false, imported: 0, updated: 0, rejectedTotal: 5 });
    const codes = (row: number) => body.rejected.filter((x: { row: number }) => x.row === row).map((x: { code: string }) => x.code).sort();
    expect(codes(4)).toEqual(['DATE_INVALID']);
    expect(codes(5)).toEqual(['DATE_FUTURE']);
    expect(codes(6)).toEqual(['AGENCY_UNKNOWN', 'CATEGORY_REQUIRED', 'CREDIT_CODE_INVALID', 'SUMMARY_REQUIRED']);
    expect(codes(7)).toEqual(['ID_DUPLICATE_IN_FILE']);
    expect(codes(8)).toEqual(['COLUMN_COUNT']);
    expect(await t.handle.db.selectFrom('enforcementComplaints').select('id').execute()).toEqual([]);
    const report = await req(head, 'GET', `/imports/${body.jobId}/errors?format=csv`);
    expect(report.statusCode).toBe(200);
    const lines = report.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(['行号', '错误代码', '错误说明', ...COMPLAINT_CSV_COLUMNS].join(','));
    expect(lines.length).toBe(1 + 8); // one line per error: 1 + 1 + 4 + 1 + 1
    const xlsx = await req(head, 'GET', `/imports/${body.jobId}/errors?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('错误行')!.rowCount).toBe(9);
    // a 司法所 may not read the district's import jobs
    expect((await req(xicha, 'GET', `/imports/${body.jobId}`)).statusCode).toBe(403);
  });

  it('valid-only imports the valid rows; the street fills the firm register; a re-import updates and keeps the clue', async () => {
    const res = await upload(head, csvOf([...good(), ...bad()]), { mode: 'valid-only' });
    expect(res.json()).toMatchObject({ committed: true, imported: 2, updated: 0, rejectedTotal: 5 });
    expect((await t.handle.db.selectFrom('enforcementFirms').select(['creditCode', 'street', 'name']).orderBy('creditCode').execute()).find((f) => f.creditCode === firmA)).toMatchObject({ street: '西长安街街道' });
    expect((await t.handle.db.selectFrom('enforcementFirms').select('name').where('creditCode', '=', firmB).executeTakeFirstOrThrow()).name).toBe('北京测试乙商贸有限公司');
    // the 司法所 of 西长安街 now sees the complaint (its street's firm), not the other one
    expect((await req(xicha, 'GET', '/complaints')).json().data.map((c: { id: string }) => c.id)).toEqual(['12345-0001']);
    // raise a clue from the complaint, then re-import an edited file: updated, not duplicated, status and clue kept
    const clue = await req(head, 'POST', '/clues', { source: 'complaint', complaint: { id: '12345-0001', targetCreditCode: firmA }, title: '12345 投诉：重复检查' });
    expect(clue.statusCode, clue.body).toBe(200);
    const edited = good();
    edited[0]![6] = '同一个月内城管检查三次（补充：已提供检查记录）';
    const again = await upload(head, csvOf(edited));
    expect(again.json()).toMatchObject({ committed: true, imported: 0, updated: 2, rejectedTotal: 0 });
    const rows = await t.handle.db.selectFrom('enforcementComplaints').select(['id', 'status', 'summary']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: '12345-0001', status: 'clued', summary: '同一个月内城管检查三次（补充：已提供检查记录）' },
      { id: '12345-0002', status: 'received', summary: '检查人员未出示执法证件' },
    ]);
    const file = (await req(head, 'GET', `/firms/${firmA}`)).json();
    expect(file.complaints).toEqual([expect.objectContaining({ id: '12345-0001', status: 'clued', clueNo: clue.json().clueNo })]);
    // a complaint moved to another firm on re-import takes its clue reference along
    const moved = good();
    moved[0]![2] = firmB;
    expect((await upload(head, csvOf(moved))).json()).toMatchObject({ committed: true, updated: 2 });
    expect((await t.handle.db.selectFrom('enforcementClues').select(['complaintCreditCode']).where('id', '=', clue.json().id).executeTakeFirstOrThrow()).complaintCreditCode).toBe(firmB);
    expect((await req(head, 'GET', `/firms/${firmB}`)).json().complaints.map((c: { id: string; clueNo: string | null }) => [c.id, c.clueNo])).toEqual([
      ['12345-0002', null],
      ['12345-0001', clue.json().clueNo],
    ]);
  });

  it('links a complaint to an existing problem clue (audited), once', async () => {
    const clue = (await req(head, 'POST', '/clues', { source: 'manual', agencyCode: 'T-CGJ', title: '检查人员未出示证件' })).json();
    const link = await req(head, 'POST', '/complaints/12345-0002/link-clue', { targetCreditCode: firmB, clueId: clue.id });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toMatchObject({ id: '12345-0002', status: 'clued', clueId: clue.id, clueNo: clue.clueNo });
    const twice = await req(head, 'POST', '/complaints/12345-0002/link-clue', { targetCreditCode: firmB, clueId: clue.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ENF_COMPLAINT_LINKED');
    expect((await req(head, 'POST', '/complaints/12345-0002/link-clue', { targetCreditCode: firmA, clueId: clue.id })).json().error.code).toBe('ENF_COMPLAINT_NOT_FOUND');
    expect((await req(xicha, 'POST', '/complaints/12345-0002/link-clue', { targetCreditCode: firmB, clueId: clue.id })).statusCode).toBe(403);
    const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', '12345-0002').execute();
    expect(audit.map((a) => a.action)).toContain('enforcement.complaint.link');
  });

  it('takes the same columns as an Excel workbook (dates as date cells)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow([...COMPLAINT_CSV_COLUMNS]);
    ws.addRow(['12345-0101', new Date(Date.UTC(2025, 8, 20)), firmA, '北京测试甲餐饮有限公司', 'T-CGJ', '检查频次', '一周内两次检查', '西长安街街道']);
    const res = await upload(head, Buffer.from(await wb.xlsx.writeBuffer()), { filename: '12345.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, imported: 1, rejectedTotal: 0 });
    expect((await t.handle.db.selectFrom('enforcementComplaints').select(['receivedOn', 'targetCreditCode']).where('id', '=', '12345-0101').executeTakeFirstOrThrow())).toEqual({ receivedOn: '2025-09-20', targetCreditCode: firmA });
  });
});
