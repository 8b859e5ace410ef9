import { createHash } from 'node:crypto';
import { readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateCreditCode, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { checkAttachment, zipEntryNames } from './attachment-check';
import { QUERY_LOCK_MINUTES, QUERY_MAX_FAILURES } from './portal.service';

type Json = Record<string, any>;
const PORTAL = '/api/v1/portal/reconsideration';

// ── sample files (generated, never real documents) ──────────────────────────────────────────────────────────
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const PDF_JS = Buffer.from('%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF\n');

/** A stored (uncompressed) zip with the given entries: enough for the central-directory check. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const n = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(entries).length;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
const OFD = zip({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>', 'Doc_0/Document.xml': '<x/>' });
const PLAIN_ZIP = zip({ 'readme.txt': 'hello' });
const DOCM = zip({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'macro' });

type Part = { name: string; value: string } | { name: string; filename: string; data: Buffer; type?: string };
function multipart(parts: Part[]) {
  const boundary = `----fazhitest${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    else {
      chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\ncontent-type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`));
      chunks.push(p.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('attachment type check (pure)', () => {
  it('accepts the five kinds by content and refuses disguised or active content', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('行政复议申请书（样例）')] }] }));
    expect(zipEntryNames(docx)).toContain('word/document.xml');
    expect(checkAttachment('申请书.docx', docx)).toEqual({ ok: true, kind: 'docx' });
    expect(checkAttachment('a.pdf', PDF)).toEqual({ ok: true, kind: 'pdf' });
    expect(checkAttachment('a.JPG', JPEG)).toEqual({ ok: true, kind: 'jpeg' });
    expect(checkAttachment('a.jpeg', JPEG)).toEqual({ ok: true, kind: 'jpeg' });
    expect(checkAttachment('a.png', PNG)).toEqual({ ok: true, kind: 'png' });
    expect(checkAttachment('a.ofd', OFD)).toEqual({ ok: true, kind: 'ofd' });
    expect(checkAttachment('a.pdf', EXE)).toEqual({ ok: false, reason: 'EXECUTABLE' });
    expect(checkAttachment('a.png', HTML)).toEqual({ ok: false, reason: 'ACTIVE_CONTENT' });
    expect(checkAttachment('a.png', SVG)).toEqual({ ok: false, reason: 'ACTIVE_CONTENT' });
    expect(checkAttachment('a.pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'))).toEqual({ ok: false, reason: 'ACTIVE_CONTENT' });
    expect(checkAttachment('a.pdf', PNG)).toEqual({ ok: false, reason: 'EXTENSION_MISMATCH' });
    expect(checkAttachment('a', PDF)).toEqual({ ok: false, reason: 'EXTENSION_MISMATCH' });
    expect(checkAttachment('a.docx', PLAIN_ZIP)).toEqual({ ok: false, reason: 'DOCX_INVALID' });
    expect(checkAttachment('a.ofd', PLAIN_ZIP)).toEqual({ ok: false, reason: 'OFD_INVALID' });
    expect(checkAttachment('a.zip', PLAIN_ZIP)).toEqual({ ok: false, reason: 'TYPE_NOT_ALLOWED' });
    expect(checkAttachment('a.docx', DOCM)).toEqual({ ok: false, reason: 'DOCX_MACRO' });
    expect(checkAttachment('a.pdf', PDF_JS)).toEqual({ ok: false, reason: 'PDF_SCRIPT' });
    expect(checkAttachment('a.txt', Buffer.from('plain text'))).toEqual({ ok: false, reason: 'TYPE_NOT_ALLOWED' });
    expect(checkAttachment('a.pdf', Buffer.alloc(0))).toEqual({ ok: false, reason: 'EMPTY' });
    expect(checkAttachment('a.pdf', PDF, true)).toEqual({ ok: false, reason: 'TOO_LARGE' });
  });
});

for (const dialect of DIALECTS) {
  describe(`行政复议 public portal [${dialect}]`, () => {
    let t: TestApp;
    let head: Session;
    let h1: Session;
    const rng = createRng(8080);
    let n = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect); // today: 2025-09-26 (Beijing)
      [head, h1] = [await t.login('fy.head'), await t.login('fy.handler1')];
    });
    afterAll(async () => t?.close());

    const application = (over: Json = {}): Json => ({
      applicant: { kind: 'person', name: '网上申请人', idNumber: generateIdNumber(rng, { regionCode: '110102' }), mobile: '13900001111', address: '北京市西城区样例路 1 号', postalCode: '100032' },
      respondent: { name: '北京市西城区城市管理委员会' },
      act: { name: `行政处罚决定（网上样例${++n}）`, docNo: `西城管罚〔2025〕${n}号`, madeOn: '2025-09-10', knownOn: '2025-09-12' },
      request: '撤销该行政处罚决定',
      reasons: '认定事实不清，证据不足。',
      declaration: true,
      ...over,
    });
    const submit = (app: Json | string | null, files: { filename: string; data: Buffer }[] = []) => {
      const parts: Part[] = [];
      if (app !== null) parts.push({ name: 'application', value: typeof app === 'string' ? app : JSON.stringify(app) });
      for (const f of files) parts.push({ name: 'files', ...f });
      const m = multipart(parts);
      return t.app.inject({ method: 'POST', url: `${PORTAL}/applications`, payload: m.payload, headers: { ...m.headers, 'x-forwarded-for': '1.2.3.4' }, remoteAddress: '203.0.113.7' });
    };
    const progress = (receiptNo: string, queryCode: string) => t.app.inject({ method: 'POST', url: `${PORTAL}/progress`, payload: { receiptNo, queryCode } });
    const err = (res: { json: () => any }) => res.json().error as { code: string; message: string; details: Json };
    const uploads = () => path.join(t.config.dataDir, 'uploads');
    const storedFiles = (): string[] => {
      const root = path.join(uploads(), 'reconsideration');
      if (!existsSync(root)) return [];
      return readdirSync(root).flatMap((y) => readdirSync(path.join(root, y)).map((f) => path.join(root, y, f)));
    };

    it('submits an application with attachments: one case in the register (channel online), receipt number and query code', async () => {
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('证据材料（样例）')] }] }));
      const app = application();
      const res = await submit(app, [
        { filename: '处罚决定书.pdf', data: PDF },
        { filename: '现场照片.jpg', data: JPEG },
        { filename: '补充说明.docx', data: docx },
        { filename: '电子证照.ofd', data: OFD },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json() as Json;
      expect(r.receiptNo).toMatch(/^WS20250926[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
      expect(r.queryCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
      expect(r.caseNo).toMatch(/^西复〔2025〕\d+号$/);
      expect(r).toMatchObject({ receivedOn: '2025-09-26', late: false });
      expect(r.attachments.map((a: Json) => a.name)).toEqual(['处罚决定书.pdf', '现场照片.jpg', '补充说明.docx', '电子证照.ofd']);
      expect(r.attachments[0].sha256).toBe(createHash('sha256').update(PDF).digest('hex'));

      // The case, in the one register, visible to the 行政复议 section.
      const list = (await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/cases?caseNo=${encodeURIComponent(r.caseNo)}`, headers: head.headers })).json();
      expect(list.total).toBe(1);
      const c = (await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/cases/${list.data[0].id}`, headers: head.headers })).json();
      expect(c).toMatchObject({ channel: 'online', receivedOn: '2025-09-26', status: 'registered', respondentName: app.respondent.name, request: app.request, handlerId: null });
      expect(c.applicantName).toBe('网上申请人');
      expect(c.attachments).toHaveLength(4);
      expect(c.deadlines.find((d: Json) => d.kind === 'acceptance').due).toBe('2025-10-10');
      expect(c.timeline[0]).toMatchObject({ action: 'register', actorName: '互联网申请' });

      // The person went through the people register: 身份证号 and mobile encrypted, never in clear.
      const person = await t.handle.db.selectFrom('people').selectAll().where('id', '=', c.applicantPersonId).executeTakeFirstOrThrow();
      expect(person.idNumberEnc).not.toContain(app.applicant.idNumber);
      expect(person.mobileEnc).not.toBe('13900001111');
      expect(t.services.cipher.decrypt(person.idNumberEnc)).toBe(app.applicant.idNumber);

      // Audited as 互联网申请 with the caller's address, in the registration transaction.
      const audit = await t.handle.db.selectFrom('auditLog').selectAll().where('objectId', '=', c.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['reconsideration.case.register', 'reconsideration.portal.submit']);
      expect(audit.every((a) => a.actorName === '互联网申请' && a.ip === '203.0.113.7')).toBe(true);
      expect(JSON.stringify(audit)).not.toContain(r.queryCode);

      // Only the hash of the query code is stored.
      const row = await t.handle.db.selectFrom('reconsiderationPortalApplications').selectAll().where('receiptNo', '=', r.receiptNo).executeTakeFirstOrThrow();
      expect(row.queryHash).toMatch(/^scrypt\$/);
      expect(row.queryHash).not.toContain(r.queryCode);
      expect(row.addressEnc).not.toContain('样例路');

      // Files: <dataDir>/uploads/reconsideration/2025/<uuid>, no extension, 0600, SHA-256 recorded.
      const atts = await t.handle.db.selectFrom('reconsiderationAttachments').selectAll().where('caseId', '=', c.id).execute();
      expect(atts).toHaveLength(4);
      for (const a of atts) {
        expect(a.storagePath).toMatch(/^reconsideration\/2025\/[0-9a-f-]{36}$/);
        const file = path.join(uploads(), a.storagePath);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(a.sha256);
      }
      expect(atts.map((a) => a.kind).sort()).toEqual(['docx', 'jpeg', 'ofd', 'pdf']);

      // Staff: list (scoped) and download as an opaque attachment.
      const listed = await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/cases/${c.id}/attachments`, headers: head.headers });
      expect(listed.statusCode, listed.body).toBe(200);
      const lj = listed.json();
      expect(lj.online).toMatchObject({ receiptNo: r.receiptNo, address: '北京市西城区****', postalCode: '100032' });
      // the whole address: only with personal.viewFull (the section head, not the handler), and every reveal audited
      const reveal = (s: Session) => t.app.inject({ method: 'POST', url: `/api/v1/reconsideration/cases/${c.id}/online-address/reveal`, headers: s.headers });
      expect((await reveal(h1)).statusCode).toBe(403);
      const whole = await reveal(head);
      expect(whole.statusCode, whole.body).toBe(200);
      expect(whole.json()).toEqual({ address: '北京市西城区样例路 1 号' });
      const reveals = await t.handle.db.selectFrom('auditLog').select(['action', 'diff']).where('objectId', '=', c.id).where('action', '=', 'reconsideration.application.revealAddress').execute();
      expect(reveals).toHaveLength(1);
      expect(JSON.stringify(reveals)).not.toContain('样例路');
      const pdfAtt = lj.attachments.find((a: Json) => a.name === '处罚决定书.pdf');
      const dl = await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/attachments/${pdfAtt.id}`, headers: head.headers });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('application/octet-stream');
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''%E5%A4%84/);
      expect(dl.rawPayload.equals(PDF)).toBe(true);
      const downloads = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', pdfAtt.id).execute();
      expect(downloads.map((d) => d.action)).toEqual(['reconsideration.attachment.download']);

      // A handler who sees only their own cases cannot (the online case has no handler yet); unknown ids are 404.
      expect(err(await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/cases/${c.id}/attachments`, headers: h1.headers })).code).toBe('OUT_OF_SCOPE');
      expect(err(await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/attachments/${pdfAtt.id}`, headers: h1.headers })).code).toBe('OUT_OF_SCOPE');
      expect(err(await t.app.inject({ method: 'GET', url: '/api/v1/reconsideration/attachments/nope', headers: head.headers })).code).toBe('NOT_FOUND');
      expect(err(await t.app.inject({ method: 'GET', url: '/api/v1/reconsideration/cases/nope/attachments', headers: head.headers })).code).toBe('NOT_FOUND');
      // and the public cannot reach staff routes
      expect(err(await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/attachments/${pdfAtt.id}` })).code).toBe('UNAUTHENTICATED');

      // Progress by receipt number + query code.
      const p = await progress(r.receiptNo, r.queryCode.toLowerCase().replace(/(.{4})/, '$1-'));
      expect(p.statusCode, p.body).toBe(200);
      const pj = p.json();
      expect(pj).toMatchObject({ receiptNo: r.receiptNo, caseNo: r.caseNo, status: 'registered', statusText: '已收到申请，正在审查是否受理', applicantName: '网***人', documents: [] });
      expect(pj.statusExplanation).toContain('《中华人民共和国行政复议法》第三十条');
      expect(pj.nextDeadline).toMatchObject({ due: '2025-10-10', note: '行政复议机关审查是否受理您的申请的期限' });
      expect(pj.nextDeadline.basis).toContain('第三十条');
      expect(pj.nextDeadline.steps.length).toBeGreaterThan(1);
      expect(JSON.stringify(pj)).not.toContain(app.applicant.idNumber);

      // Once accepted, the public sees it, with the next deadline.
      await t.app.inject({ method: 'POST', url: `/api/v1/reconsideration/cases/${c.id}/accept`, headers: head.headers, payload: { acceptedOn: '2025-09-26', procedure: 'ordinary' } });
      const p2 = (await progress(r.receiptNo, r.queryCode)).json();
      expect(p2).toMatchObject({ status: 'accepted', statusText: '已受理' });
      expect(p2.nextDeadline.note).toBe('行政复议机构向被申请人发送申请书副本的期限');
    });

    it('an organisation applies: 统一社会信用代码 checked, legal representative kept; no attachment is fine', async () => {
      const res = await submit(application({ applicant: { kind: 'organization', name: '北京样例科技有限公司', creditCode: generateCreditCode(rng, { regionCode: '110102' }), legalRepresentative: '样例代表', address: '北京市西城区样例街 2 号' } }));
      expect(res.statusCode, res.body).toBe(200);
      const c = await t.handle.db.selectFrom('reconsiderationCases').selectAll().where('caseNo', '=', res.json().caseNo).executeTakeFirstOrThrow();
      expect(c).toMatchObject({ applicantKind: 'organization', channel: 'online', applicantPersonId: null });
      const listed = (await t.app.inject({ method: 'GET', url: `/api/v1/reconsideration/cases/${c.id}/attachments`, headers: head.headers })).json();
      expect(listed).toMatchObject({ attachments: [], online: { legalRepresentative: '样例代表', postalCode: null } });
    });

    it('a late application is registered and flagged (Art. 20: 60 days from knowing of the act)', async () => {
      const res = await submit(application({ act: { name: '行政处罚决定（逾期样例）', knownOn: '2025-06-01' }, lateExplanation: '住院治疗' }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ late: true, applicationDue: '2025-07-31' });
    });

    describe('refusals: stable codes, Chinese messages, nothing written', () => {
      const refused = async (res: Awaited<ReturnType<typeof submit>>, status: number, code: string) => {
        expect(res.statusCode, res.body).toBe(status);
        const e = err(res);
        expect(e.code).toBe(code);
        expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
        return e;
      };
      let casesBefore = 0;
      let filesBefore = 0;
      beforeAll(async () => {
        casesBefore = (await t.handle.db.selectFrom('reconsiderationCases').select('id').execute()).length;
        filesBefore = storedFiles().length;
      });
      afterAll(async () => {
        expect((await t.handle.db.selectFrom('reconsiderationCases').select('id').execute()).length).toBe(casesBefore);
        expect(storedFiles().length).toBe(filesBefore);
      });

      it('every refused attachment is named with its reason: .exe renamed .pdf, HTML renamed .png, SVG, mismatch, oversize', async () => {
        const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
        const e = await refused(
          await submit(application(), [
            { filename: '证据.pdf', data: EXE },
            { filename: '照片.png', data: HTML },
            { filename: '图.png', data: SVG },
            { filename: '照片2.pdf', data: PNG },
            { filename: '扫描件.pdf', data: big },
          ]),
          400,
          'PORTAL_ATTACHMENT_REJECTED',
        );
        expect(e.details.rejected.map((x: Json) => [x.name, x.reason])).toEqual([
          ['证据.pdf', 'EXECUTABLE'],
          ['照片.png', 'ACTIVE_CONTENT'],
          ['图.png', 'ACTIVE_CONTENT'],
          ['照片2.pdf', 'EXTENSION_MISMATCH'],
          ['扫描件.pdf', 'TOO_LARGE'],
        ]);
        expect(e.details.rejected[0].message).toBe('文件是可执行程序，不予接收');
      });

      it('a refused file among good ones refuses the whole submission', async () => {
        const e = await refused(await submit(application(), [{ filename: 'a.pdf', data: PDF }, { filename: 'b.docx', data: DOCM }, { filename: 'c.pdf', data: PDF_JS }]), 400, 'PORTAL_ATTACHMENT_REJECTED');
        expect(e.details.rejected.map((x: Json) => x.reason)).toEqual(['DOCX_MACRO', 'PDF_SCRIPT']);
      });

      it('more than 5 files; more than 20 MB in all', async () => {
        await refused(await submit(application(), Array.from({ length: 6 }, (_, i) => ({ filename: `${i}.pdf`, data: PDF }))), 400, 'PORTAL_TOO_MANY_FILES');
        const nine = Buffer.concat([PDF, Buffer.alloc(9 * 1024 * 1024, 0x20)]);
        await refused(await submit(application(), [0, 1, 2].map((i) => ({ filename: `${i}.pdf`, data: nine }))), 413, 'PORTAL_UPLOAD_TOO_LARGE');
      });

      it('the application itself: missing, not JSON, incomplete, bad check digits, mobile, dates', async () => {
        await refused(await t.app.inject({ method: 'POST', url: `${PORTAL}/applications`, payload: application() }), 415, 'PORTAL_MULTIPART_REQUIRED');
        await refused(await submit(null, [{ filename: 'a.pdf', data: PDF }]), 400, 'PORTAL_APPLICATION_INVALID');
        await refused(await submit('{not json'), 400, 'PORTAL_APPLICATION_INVALID');
        const v = await refused(await submit(application({ request: '', declaration: false })), 400, 'VALIDATION_FAILED');
        expect(v.details.issues.map((i: Json) => i.path)).toEqual(expect.arrayContaining(['application.request', 'application.declaration']));
        expect(v.details.issues.find((i: Json) => i.path === 'application.request').message).toBe('请填写行政复议请求');
        const id = generateIdNumber(rng, { regionCode: '110102' });
        const badId = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
        const a1 = application();
        await refused(await submit({ ...a1, applicant: { ...a1.applicant, idNumber: badId } }), 400, 'ID_NUMBER_INVALID');
        await refused(await submit({ ...a1, applicant: { ...a1.applicant, mobile: '12345' } }), 400, 'MOBILE_INVALID');
        const code = generateCreditCode(rng, { regionCode: '110102' });
        const badCode = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
        await refused(await submit(application({ applicant: { kind: 'organization', name: '某公司', creditCode: badCode, legalRepresentative: '甲', address: '北京' } })), 400, 'CREDIT_CODE_INVALID');
        await refused(await submit(application({ act: { name: '某决定', knownOn: '2025-10-01' } })), 400, 'RECON_DATE_ORDER');
        await refused(await submit(application({ act: { name: '某决定', knownOn: '2025-09-01', madeOn: '2025-09-05' } })), 400, 'RECON_DATE_ORDER');
      });

      it('a refusal a citizen can act on: plain words (no staff terms, no GB numbers), the form field named', async () => {
        const a1 = application();
        const id = a1.applicant.idNumber as string;
        const badId = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
        const e1 = await refused(await submit({ ...a1, applicant: { ...a1.applicant, idNumber: badId } }), 400, 'ID_NUMBER_INVALID');
        expect(e1.details.field).toBe('application.applicant.idNumber');
        expect(e1.message).not.toMatch(/GB/);
        expect(e1.message).toContain('居民身份证号码');
        const e2 = await refused(await submit({ ...a1, applicant: { ...a1.applicant, mobile: '12345' } }), 400, 'MOBILE_INVALID');
        expect(e2.details.field).toBe('application.applicant.mobile');
        expect(e2.message).toContain('11 位');
        const future = await refused(await submit(application({ act: { name: '某决定', knownOn: '2025-10-01' } })), 400, 'RECON_DATE_ORDER');
        expect(future.details.field).toBe('application.act.knownOn');
        expect(future.message).not.toContain('受理日期');
        expect(future.message).toContain('知道或者应当知道该行政行为的日期');
        const order = await refused(await submit(application({ act: { name: '某决定', knownOn: '2025-09-01', madeOn: '2025-09-05' } })), 400, 'RECON_DATE_ORDER');
        expect(order.details.field).toBe('application.act.madeOn');
        expect(order.message).toContain('作出日期');
        const rights = await refused(await submit(application({ act: { name: '某决定', knownOn: '2025-09-01', notInformed: true, rightsKnownOn: '2025-10-02' } })), 400, 'RECON_DATE_ORDER');
        expect(rights.details.field).toBe('application.act.rightsKnownOn');
      });

      it('a database failure after the files are written removes them again', async () => {
        await sql`ALTER TABLE reconsideration_attachments RENAME TO reconsideration_attachments_x`.execute(t.handle.db);
        try {
          const res = await submit(application(), [{ filename: 'a.pdf', data: PDF }]);
          expect(res.statusCode).toBe(500);
          expect(err(res).code).toBe('INTERNAL');
        } finally {
          await sql`ALTER TABLE reconsideration_attachments_x RENAME TO reconsideration_attachments`.execute(t.handle.db);
        }
      });
    });

    it('progress: one generic answer for a wrong pair, lockout per receipt number (existing or not), constant shape', async () => {
      const ok = (await submit(application())).json() as Json;
      const wrongCode = ok.queryCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
      const a = await progress(ok.receiptNo, wrongCode);
      const b = await progress('WS20250926ZZZZZZ', ok.queryCode);
      const c = await progress('nonsense', 'x');
      for (const r of [a, b, c]) {
        expect(r.statusCode).toBe(404);
        expect(err(r)).toMatchObject({ code: 'PORTAL_QUERY_NOT_FOUND', message: '回执编号或查询码不正确，请核对后重试' });
        expect(err(r).details).toBeUndefined();
      }
      expect(err(await t.app.inject({ method: 'POST', url: `${PORTAL}/progress`, payload: { receiptNo: '' } })).code).toBe('VALIDATION_FAILED');

      // a.: 1 failure so far; 4 more lock the receipt number, and then even the right code is refused.
      for (let i = 1; i < QUERY_MAX_FAILURES; i++) expect(err(await progress(ok.receiptNo, wrongCode)).code).toBe('PORTAL_QUERY_NOT_FOUND');
      const locked = await progress(ok.receiptNo, ok.queryCode);
      expect(locked.statusCode).toBe(423);
      expect(err(locked).code).toBe('PORTAL_QUERY_LOCKED');
      // the same for a receipt number that does not exist: the lock reveals nothing
      for (let i = 1; i < QUERY_MAX_FAILURES; i++) await progress('WS20250926ZZZZZZ', ok.queryCode);
      expect(err(await progress('WS20250926ZZZZZZ', ok.queryCode)).code).toBe('PORTAL_QUERY_LOCKED');
      // after the lock, the right pair works and clears the count
      t.clock.advance((QUERY_LOCK_MINUTES + 1) * 60_000);
      expect((await progress(ok.receiptNo, ok.queryCode)).statusCode).toBe(200);
      expect(await t.handle.db.selectFrom('reconsiderationPortalAttempts').selectAll().where('receiptNo', '=', ok.receiptNo).executeTakeFirst()).toBeUndefined();
    });

    it('documents served online are listed in the progress and downloadable as .docx; others are not', async () => {
      const ok = (await submit(application())).json() as Json;
      const other = (await submit(application())).json() as Json;
      const caseId = async (caseNo: string) => (await t.handle.db.selectFrom('reconsiderationCases').select('id').where('caseNo', '=', caseNo).executeTakeFirstOrThrow()).id;
      const [id, otherId] = [await caseId(ok.caseNo), await caseId(other.caseNo)];
      const s = await t.login('fy.head'); // the lockout test moved the clock past the idle timeout
      const staff = async (method: 'POST' | 'GET', url: string, payload?: Json) => {
        const res = await t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as Json;
      };
      await staff('POST', `/api/v1/reconsideration/cases/${id}/accept`, { acceptedOn: '2025-09-26', procedure: 'ordinary' });
      await staff('POST', `/api/v1/reconsideration/cases/${otherId}/accept`, { acceptedOn: '2025-09-26', procedure: 'ordinary' });
      const issueAndServe = async (cid: string, method: string) => {
        const d = await staff('POST', `/api/v1/reconsideration/cases/${cid}/documents`, { kind: 'acceptanceNotice' });
        await staff('POST', `/api/v1/reconsideration/documents/${d.id}/issue`);
        await staff('POST', `/api/v1/reconsideration/documents/${d.id}/services`, { method, servedOn: '2025-09-26', recipient: '网上申请人' });
        return d.id as string;
      };
      const served = await issueAndServe(id, 'online');
      const byMail = await issueAndServe(id, 'mail');
      const otherServed = await issueAndServe(otherId, 'online');

      const p = (await progress(ok.receiptNo, ok.queryCode)).json();
      expect(p.documents.map((d: Json) => d.id)).toEqual([served]);
      expect(p.documents[0]).toMatchObject({ title: '行政复议受理通知书', servedOn: '2025-09-26' });
      expect(p.documents[0].docNo).toBeTruthy();

      const creds = { receiptNo: ok.receiptNo, queryCode: ok.queryCode };
      const dl = await t.app.inject({ method: 'POST', url: `${PORTAL}/documents/${served}/docx`, payload: creds });
      expect(dl.statusCode, dl.body).toBe(200);
      expect(dl.headers['content-type']).toBe('application/octet-stream');
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(String(dl.headers['content-disposition'])).toMatch(/^attachment;.*\.docx/);
      expect(zipEntryNames(dl.rawPayload)).toContain('word/document.xml');
      // served by mail only, or served online in someone else's case: not available with these credentials
      for (const docId of [byMail, otherServed, 'nope']) {
        const r = await t.app.inject({ method: 'POST', url: `${PORTAL}/documents/${docId}/docx`, payload: creds });
        expect(r.statusCode).toBe(404);
        expect(err(r).code).toBe('PORTAL_DOCUMENT_NOT_AVAILABLE');
      }
    });

    it('documents: nothing served online yet answers PORTAL_DOCUMENT_NOT_AVAILABLE; a wrong pair answers the generic code', async () => {
      const ok = (await submit(application())).json() as Json;
      const r = await t.app.inject({ method: 'POST', url: `${PORTAL}/documents/some-doc/docx`, payload: { receiptNo: ok.receiptNo, queryCode: ok.queryCode } });
      expect(r.statusCode).toBe(404);
      expect(err(r).code).toBe('PORTAL_DOCUMENT_NOT_AVAILABLE');
      const w = await t.app.inject({ method: 'POST', url: `${PORTAL}/documents/some-doc/docx`, payload: { receiptNo: ok.receiptNo, queryCode: 'ZZZZ2222' } });
      expect(err(w).code).toBe('PORTAL_QUERY_NOT_FOUND');
    });
  });

  describe(`行政复议 public portal intake department [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { env: { FAZHI_RECON_PORTAL_DEPARTMENT: 'HFXK' } });
    });
    afterAll(async () => t?.close());
    it('FAZHI_RECON_PORTAL_DEPARTMENT names the department that receives online applications; the API docs list the routes', async () => {
      const m = multipart([
        {
          name: 'application',
          value: JSON.stringify({
            applicant: { kind: 'person', name: '部门样例', idNumber: generateIdNumber(createRng(5), { regionCode: '110102' }), mobile: '13900002222', address: '北京市西城区' },
            respondent: { name: '某局' },
            act: { name: '某决定', knownOn: '2025-09-20' },
            request: '撤销',
            reasons: '理由',
            declaration: true,
          }),
        },
      ]);
      const res = await t.app.inject({ method: 'POST', url: `${PORTAL}/applications`, payload: m.payload, headers: m.headers });
      expect(res.statusCode, res.body).toBe(200);
      const c = await t.handle.db.selectFrom('reconsiderationCases').innerJoin('departments', 'departments.id', 'reconsiderationCases.departmentId').select('departments.code').where('caseNo', '=', res.json().caseNo).executeTakeFirstOrThrow();
      expect(c.code).toBe('HFXK');
      const docs = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining([`${PORTAL}/applications`, `${PORTAL}/progress`, '/api/v1/reconsideration/attachments/{attId}']));
    });
  });

  describe(`行政复议 public portal rate limit [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { demo: false, limits: { login: { max: 100, timeWindow: '1 minute' }, public: { max: 2, timeWindow: '1 minute' } } });
    });
    afterAll(async () => t?.close());
    it('the public routes share the public rate limit (429 RATE_LIMITED)', async () => {
      const res3 = [];
      for (let i = 0; i < 3; i++) res3.push(await t.app.inject({ method: 'POST', url: `${PORTAL}/progress`, payload: { receiptNo: 'WS20250926ZZZZZZ', queryCode: 'AAAAAAAA' } }));
      expect(res3.map((r) => r.statusCode)).toEqual([404, 404, 429]);
      expect(res3[2]!.json().error.code).toBe('RATE_LIMITED');
      const m = multipart([{ name: 'application', value: '{}' }]);
      const res = await t.app.inject({ method: 'POST', url: `${PORTAL}/applications`, payload: m.payload, headers: m.headers });
      // the applications route has its own bucket of the same size
      expect(res.statusCode).toBe(400);
    });
  });
}
