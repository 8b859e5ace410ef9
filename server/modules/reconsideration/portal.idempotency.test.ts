import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type TestApp, createTestApp } from '../../test/harness';

// A citizen on a poor connection submits, sees a timeout and submits again: one submission token per filled form makes
// the retry return the first receipt instead of registering a second case (a second 登记 number, a second 5-working-day
// review clock under 《中华人民共和国行政复议法》第三十条).
type Json = Record<string, any>;
const PORTAL = '/api/v1/portal/reconsideration';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

function multipart(application: string, files: { filename: string; data: Buffer }[]) {
  const boundary = `----fazhiidem${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="application"\r\n\r\n${application}\r\n`)];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${f.filename}"\r\ncontent-type: application/pdf\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const dialect of DIALECTS) {
  describe(`行政复议 portal: idempotent submission [${dialect}]`, () => {
    let t: TestApp;
    const rng = createRng(1608);
    let n = 0;
    beforeAll(async () => {
      t = await createTestApp(dialect); // today: 2025-09-26 (Beijing)
    });
    afterAll(async () => t?.close());

    const application = (over: Json = {}): Json => ({
      applicant: { kind: 'person', name: '重试申请人', idNumber: generateIdNumber(rng, { regionCode: '110102' }), mobile: '13900002222', address: '北京市西城区样例路 8 号' },
      respondent: { name: '北京市西城区市场监督管理局' },
      act: { name: `行政处罚决定（重试样例${++n}）`, knownOn: '2025-09-12' },
      request: '撤销该行政处罚决定',
      reasons: '认定事实不清。',
      declaration: true,
      ...over,
    });
    const submit = (app: Json, files: { filename: string; data: Buffer }[] = [{ filename: '决定书.pdf', data: PDF }]) => {
      const m = multipart(JSON.stringify(app), files);
      return t.app.inject({ method: 'POST', url: `${PORTAL}/applications`, payload: m.payload, headers: m.headers, remoteAddress: '203.0.113.8' });
    };
    const casesOf = async (app: Json) => (await t.handle.db.selectFrom('reconsiderationCases').select(['id', 'caseNo']).where('actName', '=', app.act.name).execute()).length;
    const attachmentsOf = async (app: Json) =>
      Number((await sql<{ c: number | string }>`select count(*) as c from reconsideration_attachments a join reconsideration_cases c on c.id = a.case_id where c.act_name = ${app.act.name}`.execute(t.handle.db)).rows[0]!.c);
    const deadlinesOf = async (app: Json) =>
      Number((await sql<{ c: number | string }>`select count(*) as c from deadlines d join reconsideration_cases c on c.id = d.object_id where c.act_name = ${app.act.name}`.execute(t.handle.db)).rows[0]!.c);

    it('the same token twice: one case, one review deadline, one set of files, the same receipt (query code included)', async () => {
      const app = application({ submissionToken: randomUUID() });
      const first = await submit(app);
      expect(first.statusCode).toBe(200);
      const again = await submit(app);
      expect(again.statusCode).toBe(first.statusCode);
      expect(again.json()).toEqual(first.json());
      expect(await casesOf(app)).toBe(1);
      expect(await attachmentsOf(app)).toBe(1);
      expect(await deadlinesOf(app)).toBe(1);
      // the receipt given back works for the progress query
      const r = first.json() as Json;
      const p = await t.app.inject({ method: 'POST', url: `${PORTAL}/progress`, payload: { receiptNo: r.receiptNo, queryCode: r.queryCode } });
      expect(p.statusCode).toBe(200);
    });

    it('two concurrent requests with one token: one case, both get the same receipt', async () => {
      const app = application({ submissionToken: randomUUID() });
      const [a, b] = await Promise.all([submit(app), submit(app)]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect(b.json()).toEqual(a.json());
      expect(await casesOf(app)).toBe(1);
      expect(await attachmentsOf(app)).toBe(1);
    });

    it('different tokens with the same content are two applications (people may apply twice)', async () => {
      const app = application({ submissionToken: randomUUID() });
      const a = await submit(app);
      const b = await submit({ ...app, submissionToken: randomUUID() });
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect(b.json().receiptNo).not.toBe(a.json().receiptNo);
      expect(await casesOf(app)).toBe(2);
    });

    it('no token (older clients): each request is a new application, as before', async () => {
      const app = application();
      const a = await submit(app);
      const b = await submit(app);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect(b.json().receiptNo).not.toBe(a.json().receiptNo);
      expect(await casesOf(app)).toBe(2);
    });

    it('the same token with changed content is refused (409 CONFLICT), nothing registered; a malformed token is a 400', async () => {
      const app = application({ submissionToken: randomUUID() });
      expect((await submit(app)).statusCode).toBe(200);
      const changed = await submit({ ...app, reasons: '另一份理由。' });
      expect(changed.statusCode).toBe(409);
      expect(changed.json().error.code).toBe('CONFLICT');
      expect(changed.json().error.message).toContain('刷新页面');
      const otherFile = await submit(app, [{ filename: '另一个.pdf', data: PDF }]);
      expect(otherFile.statusCode).toBe(409);
      expect(await casesOf(app)).toBe(1);
      const bad = await submit(application({ submissionToken: 'not-a-token' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    });

    it('after the retry window the query code is no longer kept: a retry is refused with the receipt number, nothing registered', async () => {
      const app = application({ submissionToken: randomUUID() });
      const first = (await submit(app)).json() as Json;
      await sql`update reconsideration_portal_submissions set created_at = '2025-09-20T00:00:00.000Z'`.execute(t.handle.db);
      const late = await submit(app);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.details.receiptNo).toBe(first.receiptNo);
      expect(late.json().error.message).not.toContain(first.queryCode);
      const kept = await sql<{ c: number | string }>`select count(*) as c from reconsideration_portal_submissions where receipt_enc is not null`.execute(t.handle.db);
      expect(Number(kept.rows[0]!.c)).toBe(0);
      expect(await casesOf(app)).toBe(1);
    });
  });
}
