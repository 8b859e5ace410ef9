/**
 * The .docx opens in LibreOffice and converts to PDF with the title and number on the page. The binary: FAZHI_SOFFICE
 * or `soffice` on PATH. Without it the test is skipped with a message, except under CI, where it must run.
 */
import { describe, expect, it } from 'vitest';
import { buildOfficialDocx, convertToPdf, extractPdfText, sofficeBinary } from '.';

const SOFFICE = process.env.FAZHI_SOFFICE || 'soffice';
const available = await sofficeBinary(SOFFICE);
const CI = !!process.env.CI;
if (!available && !CI) console.warn(`[pdf.test] LibreOffice (${SOFFICE}) not found: skipping the PDF conversion test. Set FAZHI_SOFFICE or install LibreOffice.`);

describe('official .docx → PDF (LibreOffice)', () => {
  it.skipIf(!available && !CI)('converts; the PDF carries the organ, title, number, body, date and page number', { timeout: 180_000 }, async () => {
    if (!available) throw new Error(`LibreOffice (${SOFFICE}) is required under CI`);
    const docx = await buildOfficialDocx({
      organ: '北京市西城区人民政府',
      title: '行政复议受理通知书',
      docNo: '西政复〔2026〕7号',
      addressee: '测试申请人',
      paragraphs: Array.from({ length: 40 }, (_, i) => `第${i + 1}段：你（单位）不服被申请人作出的行政处罚决定提出的行政复议申请，符合受理条件，本机关决定予以受理。`),
      signature: { organ: '北京市西城区人民政府', date: '2026-11-28' },
    });
    const pdf = await convertToPdf(docx, SOFFICE);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1024);
    const text = extractPdfText(pdf);
    expect(text).toContain('行政复议受理通知书');
    expect(text).toContain('西政复〔2026〕7号');
    expect(text).toContain('测试申请人：');
    expect(text).toContain('2026年11月28日');
    // 40 long paragraphs run over two pages at 22 lines a page: both page numbers are there
    expect(text).toContain('— 1 —');
    expect(text).toContain('— 2 —');
  });

  it.skipIf(!available && !CI)('the signature never stands alone on a page: the last lines of the text go over with it', { timeout: 180_000 }, async () => {
    if (!available) throw new Error(`LibreOffice (${SOFFICE}) is required under CI`);
    // 13 and 14 one-line paragraphs fill page 1 just so that the organ and date would fall alone on page 2
    for (const k of [13, 14]) {
      const docx = await buildOfficialDocx({ organ: '北京市西城区司法局', title: '测试文书', docNo: '西司〔2026〕1号', addressee: '测试', paragraphs: Array.from({ length: k }, (_, i) => `第${i + 1}段，一行文字。`), signature: { organ: '北京市西城区司法局', date: '2026-11-28' } });
      const text = extractPdfText(await convertToPdf(docx, SOFFICE)).replace(/\s+/g, '');
      const lastPara = text.indexOf(`第${k}段`);
      const date = text.indexOf('2026年11月28日');
      expect(lastPara, `${k} paragraphs`).toBeGreaterThan(0);
      expect(date).toBeGreaterThan(lastPara);
      // no page number between the last paragraph and the date: the same page
      expect(text.slice(lastPara, date), `${k} paragraphs`).not.toMatch(/—\d+—/);
    }
  });
});
