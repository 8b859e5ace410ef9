import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../common/contracts/legal-services-enterprise';
import { createRng, generateCreditCode } from '../../../common/validators';
import { convertToPdf, extractPdfText, readZipEntry, sofficeBinary } from '../../platform/documents';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { approvalDocumentNo } from './approval-documents';
import { seedLegalServicesFixture } from './legal-services.fixture';

const rng = createRng(3238);
const P = '/api/v1/legal-services';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SOFFICE = process.env.FAZHI_SOFFICE || 'soffice';
// Under CI (.ci/run installs LibreOffice) the PDF check always runs; elsewhere without LibreOffice it is skipped, said.
const sofficeAvailable = await sofficeBinary(SOFFICE);
const CI = !!process.env.CI;
if (!sofficeAvailable && !CI) console.warn(`[approval-documents.routes.test] LibreOffice (${SOFFICE}) not found: skipping the .docx → PDF check of the 行政许可文书.`);

const ART_32_2 = '《中华人民共和国行政许可法》第三十二条第二款';
const ART_35 = '《中华人民共和国行政许可法》第三十五条';
const LAWYERS_21 = '《中华人民共和国律师法》第二十一条';

describe.each(DIALECTS)('行政审批文书：受理通知书、报送决定机关的初步审查意见书 (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  let pending: Approval;
  let approved: Approval;
  let rejected: Approval;
  let withdrawn: Approval;
  const code = generateCreditCode(rng, { regionCode: '110102' });
  beforeAll(async () => {
    // The test clock: Friday 26 September 2025, 10:00 in Beijing.
    t = await createTestApp(dialect);
    await seedLegalServicesFixture(t);
    head = await t.login('flyz.head');
    const create = async (applicantName: string, matter: string) => {
      const res = await t.app.inject({ method: 'POST', url: `${P}/approvals`, headers: head.headers, payload: { kind: 'lawFirmChange', applicantName, applicantCreditCode: code, institutionId: null, matter, receivedOn: '2025-09-01' } });
      expect(res.statusCode).toBe(200);
      return res.json<Approval>();
    };
    const decide = async (a: Approval, outcome: string, note: string) => {
      const res = await t.app.inject({ method: 'POST', url: `${P}/approvals/${a.id}/decide`, headers: head.headers, payload: { outcome, note, decidedOn: '2025-09-24', version: a.version } });
      expect(res.statusCode).toBe(200);
      return res.json<Approval>();
    };
    pending = await create('北京市待审律师事务所', '变更事务所住所');
    approved = await decide(await create('北京市准予律师事务所', '变更事务所名称'), 'approved', '申请材料齐全，符合法定条件');
    rejected = await decide(await create('北京市不予律师事务所', '变更事务所负责人'), 'rejected', '拟任负责人执业不满三年，不符合律师事务所负责人的任职条件');
    withdrawn = await decide(await create('北京市撤回律师事务所', '变更合伙人'), 'withdrawn', '申请人书面撤回');
  }, 180_000);
  afterAll(async () => t?.close());

  const download = (s: Session | null, id: string, kind: string) => t.app.inject({ method: 'GET', url: `${P}/approvals/${id}/documents/${kind}.docx`, headers: s?.headers ?? {} });
  const errorOf = async (s: Session | null, id: string, kind: string) => {
    const res = await download(s, id, kind);
    return { status: res.statusCode, code: (res.json() as { error?: { code: string; message: string } }).error?.code, message: (res.json() as { error?: { message: string } }).error?.message };
  };
  const documentXml = async (a: Approval, kind: string) => {
    const res = await download(head, a.id, kind);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX);
    expect(res.headers['content-disposition']).toContain('filename*=');
    expect(res.headers['cache-control']).toBe('no-store');
    const xml = readZipEntry(res.rawPayload, 'word/document.xml')!.toString('utf8');
    // the issuing organ (the bureau at the root of the department tree), the applicant and the number derived from the approval's
    expect(xml).toContain('北京市西城区司法局');
    expect(xml).toContain(a.applicantName);
    expect(xml).toContain(code);
    expect(xml).toContain(a.approvalNo);
    return { xml, bytes: res.rawPayload };
  };
  const pdfText = async (bytes: Buffer) => extractPdfText(await convertToPdf(bytes, SOFFICE)).replace(/\s+/g, '');

  it('refuses the anonymous (401), a user without the permission (403), another department (OUT_OF_SCOPE), an unknown id (404) and an unknown kind (400)', async () => {
    expect((await download(null, approved.id, 'review')).statusCode).toBe(401);
    expect(await errorOf(await t.login('sysadmin'), approved.id, 'review')).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // a reconsideration section head holds the permission but not the legal-aid centre's records
    expect(await errorOf(await t.login('fy.head'), approved.id, 'review')).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
    // the decision is the municipal bureau's (律师法 Arts. 6, 18, 21): this bureau issues no 准予 / 不予行政许可决定书
    expect(await errorOf(head, approved.id, 'approval')).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await errorOf(head, 'no-such-approval', 'acceptance')).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await errorOf(head, approved.id, 'licence')).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('an instrument the state does not allow is refused with LEGAL_SERVICE_APPROVAL_DOCUMENT_NOT_AVAILABLE (409)', async () => {
    for (const [a, kind] of [[pending, 'review'], [withdrawn, 'review']] as const) {
      const e = await errorOf(head, a.id, kind);
      expect(e, `${a.applicantName} ${kind}`).toMatchObject({ status: 409, code: 'LEGAL_SERVICE_APPROVAL_DOCUMENT_NOT_AVAILABLE' });
      expect(e.message).toContain('该审批事项当前状态不能出具此文书');
    }
  });

  it('受理通知书: for every registered approval, dated the day of receipt, citing 行政许可法 Art. 32 para. 2', async () => {
    for (const a of [pending, withdrawn]) {
      const { xml } = await documentXml(a, 'acceptance');
      expect(xml).toContain('行政许可申请受理通知书');
      // the applicant is told the deciding organ and why (行政许可法 Art. 35, the kind's own article)
      expect(xml).toContain(`报送北京市司法局，由其作出是否准予的决定（${ART_35}、${LAWYERS_21}）`);
      expect(xml).toContain(approvalDocumentNo(a.approvalNo, 'acceptance'));
      expect(approvalDocumentNo(a.approvalNo, 'acceptance')).toMatch(/^西司审受〔2025〕\d+号$/);
      expect(xml).toContain(ART_32_2);
      expect(xml).toContain('《中华人民共和国行政许可法》第三十二条第一款第（五）项');
      expect(xml).toContain('2025年9月1日');
    }
    const { bytes } = await documentXml(pending, 'acceptance');
    if (sofficeAvailable || CI) {
      const text = await pdfText(bytes);
      expect(text).toContain('行政许可申请受理通知书');
      expect(text).toContain(pending.applicantName);
    }
  });

  it('初步审查意见书 to the municipal bureau once reviewed: the opinion (agreed or not) with its reasons, citing 行政许可法 Art. 35', async () => {
    for (const [a, opinion] of [
      [approved, '本机关认为申请人的申请符合法定条件、标准，同意。审查意见：申请材料齐全，符合法定条件。'],
      [rejected, '本机关认为申请人的申请不符合法定条件、标准，不同意。理由：拟任负责人执业不满三年，不符合律师事务所负责人的任职条件。'],
    ] as const) {
      const { xml, bytes } = await documentXml(a, 'review');
      expect(xml).toContain('行政许可初步审查意见书');
      expect(xml).toContain(approvalDocumentNo(a.approvalNo, 'review'));
      expect(approvalDocumentNo(a.approvalNo, 'review')).toMatch(/^西司审意〔2025〕\d+号$/);
      expect(xml).toContain('北京市司法局：'); // addressed to the deciding organ
      expect(xml).toContain(opinion);
      expect(xml).toContain(`依照${ART_35}和${LAWYERS_21}的规定，现将初步审查意见和全部申请材料报送你局，请予审核决定。`);
      expect(xml).toContain('2025年9月24日');
      expect(xml).not.toContain('决定准予行政许可');
      expect(xml).not.toContain('决定不予行政许可');
      if (sofficeAvailable || CI) {
        const text = await pdfText(bytes);
        expect(text).toContain('行政许可初步审查意见书');
        expect(text).toContain(a.applicantName);
      }
    }
  });

  it('every download is audited with the instrument and its number', async () => {
    const rows = await t.handle.db.selectFrom('auditLog').select(['action', 'objectId', 'diff']).where('action', '=', 'legalService.approval.document').where('objectId', '=', rejected.id).execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect((JSON.parse(rows[0]!.diff!) as { extra: unknown }).extra).toMatchObject({ kind: 'review', docNo: approvalDocumentNo(rejected.approvalNo, 'review'), approvalNo: rejected.approvalNo });
    // refusals leave no download entry
    const denied = await t.handle.db.selectFrom('auditLog').select('seq').where('action', '=', 'legalService.approval.document').where('objectId', '=', pending.id).execute();
    expect(denied).toHaveLength(2); // the two 受理通知书 of the tests above
  });
});
