import { describe, expect, it } from 'vitest';
import { buildOfficialDocx, charWidth, contentDisposition, officialDate, readZipEntry, safeFileName } from '.';

const input = {
  organ: '北京市西城区人民政府',
  title: '行政复议决定书',
  docNo: '西政复〔2026〕12号',
  addressee: '北京市西城区市场监督管理局',
  paragraphs: ['申请人不服被申请人作出的行政处罚决定，于2026年9月1日向本机关申请行政复议。', '', '本机关决定：维持被申请人作出的行政处罚决定。<&>'],
  signature: { organ: '北京市西城区人民政府', date: '2026-11-28' },
  copyTo: ['北京市市场监督管理局'],
};
const xml = (b: Buffer, name: string) => {
  const e = readZipEntry(b, name);
  if (!e) throw new Error(`${name} missing`);
  return e.toString('utf8');
};
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const near = (actual: string | undefined, expected: number) => Math.abs(Number(actual) - expected) <= 1;

describe('GB/T 9704 official .docx', () => {
  it('is a zip with word/document.xml carrying the organ, title, number, addressee, body, signature and 抄送', async () => {
    const buf = await buildOfficialDocx(input);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const doc = xml(buf, 'word/document.xml');
    const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text.split('|').slice(0, 5)).toEqual(['北京市西城区人民政府', '行政复议决定书', '西政复〔2026〕12号', '', '北京市西城区市场监督管理局：']);
    expect(text).toContain('本机关决定：维持被申请人作出的行政处罚决定。&lt;&amp;&gt;');
    expect(text).toContain('|北京市西城区人民政府|2026年11月28日|');
    expect(text).toContain('抄送：北京市市场监督管理局。');
  });

  it('fonts and sizes: title 2号 小标宋 centred, body 3号 仿宋_GB2312, exact line pitch of 22 lines', async () => {
    const doc = xml(await buildOfficialDocx(input), 'word/document.xml');
    const paras = [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    const title = paras.find((p) => p.includes('>行政复议决定书<'))!;
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(title).toContain('<w:sz w:val="44"/>');
    const bodyP = paras.find((p) => p.includes('申请人不服'))!;
    expect(bodyP).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(bodyP).toContain('<w:sz w:val="32"/>');
    // two-character first-line indent; exact line height = 225 mm / 22 lines
    expect(bodyP).toMatch(/<w:ind w:firstLine="63\d"\/>/);
    const line = /w:line="(\d+)" w:lineRule="exact"/.exec(bodyP)?.[1];
    expect(near(line, Math.round(twips(225) / 22))).toBe(true);
    const no = paras.find((p) => p.includes('西政复〔2026〕12号'))!;
    expect(no).toContain('<w:jc w:val="center"/>');
    expect(no).toMatch(/w:eastAsia="仿宋_GB2312"/);
  });

  it('A4 page, margins 37/35/28/26 mm, 22 × 28 document grid', async () => {
    const doc = xml(await buildOfficialDocx(input), 'word/document.xml');
    const size = /<w:pgSz [^>]*>/.exec(doc)![0];
    expect(near(/w:w="(\d+)"/.exec(size)?.[1], twips(210))).toBe(true);
    expect(near(/w:h="(\d+)"/.exec(size)?.[1], twips(297))).toBe(true);
    const mar = /<w:pgMar [^>]*>/.exec(doc)![0];
    const attr = (k: string) => new RegExp(`w:${k}="(\\d+)"`).exec(mar)?.[1];
    expect(near(attr('top'), twips(37))).toBe(true);
    expect(near(attr('bottom'), twips(35))).toBe(true);
    expect(near(attr('left'), twips(28))).toBe(true);
    expect(near(attr('right'), twips(26))).toBe(true);
    const grid = /<w:docGrid [^>]*>/.exec(doc)![0];
    expect(grid).toContain('w:type="linesAndChars"');
    expect(near(/w:linePitch="(\d+)"/.exec(grid)?.[1], Math.round(twips(225) / 22))).toBe(true);
    // character pitch 156 mm / 28 ≈ 15.79 pt, i.e. (15.79 − 16) × 4096 ≈ −848
    expect(Number(/w:charSpace="(-?\d+)"/.exec(grid)?.[1])).toBeGreaterThan(-900);
    expect(Number(/w:charSpace="(-?\d+)"/.exec(grid)?.[1])).toBeLessThan(-800);
  });

  it('page numbers "— PAGE —" in 4号 宋体, odd pages right and even pages left', async () => {
    const buf = await buildOfficialDocx(input);
    const doc = xml(buf, 'word/document.xml');
    const refs = [...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]);
    expect(refs.sort()).toEqual(['default', 'even']);
    expect(xml(buf, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((n) => xml(buf, n));
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('>— <');
      expect(f).toContain('> —<');
      expect(f).toMatch(/w:eastAsia="宋体"/);
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('a draft: no number, blank date, the note in the page header', async () => {
    const buf = await buildOfficialDocx({ ...input, docNo: null, signature: { organ: input.organ, date: null }, headerNote: '草稿（未印发）' });
    const doc = xml(buf, 'word/document.xml');
    expect(doc).not.toContain('西政复');
    expect(doc).toContain('年　　月　　日');
    expect(xml(buf, 'word/header1.xml')).toContain('草稿（未印发）');
  });

  it('signature placement (§7.3.5.1): organ two characters from the right, the date two characters right of it', async () => {
    const doc = xml(await buildOfficialDocx(input), 'word/document.xml');
    const para = (t: string) => [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!).filter((p) => p.includes(`>${t}<`)).at(-1)!;
    const right = (p: string) => Number(/w:right="(\d+)"/.exec(p)?.[1]);
    const organ = para('北京市西城区人民政府');
    const date = para('2026年11月28日');
    expect(organ).toContain('<w:jc w:val="right"/>');
    // organ 10 characters, date 7 (8 half-width digits + 年月日): date right indent = 10 − 7 = 3 characters
    expect(right(date) / right(organ)).toBeCloseTo(3 / 2, 2);
  });

  it('helpers: official dates, character widths, safe file names, RFC 5987 Content-Disposition', () => {
    expect(officialDate('2026-01-05')).toBe('2026年1月5日');
    expect(() => officialDate('2026/1/5')).toThrow();
    expect(charWidth('2026年11月28日')).toBe(7);
    expect(safeFileName('../a/b:c*?.docx')).toBe('_a_b_c__.docx');
    expect(safeFileName('   ')).toBe('document');
    const cd = contentDisposition('行政复议决定书（西政复〔2026〕12号）.docx');
    expect(cd).toMatch(/^attachment; filename="document\.docx"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(cd)![1]!;
    expect(encoded).not.toMatch(/[^A-Za-z0-9%\-._~]/);
    expect(decodeURIComponent(encoded)).toBe('行政复议决定书（西政复〔2026〕12号）.docx');
    expect(contentDisposition('a"b\r\n.docx')).not.toMatch(/[\r\n]/);
  });
});
