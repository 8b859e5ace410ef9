import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractDocxText } from './docx';
import { segments, sentences, splitClauses } from './split';
import { parseNumber } from './text-util';

describe('splitClauses', () => {
  it('splits articles, numbered items and paragraphs with offsets into the original text', () => {
    const text = '××区管理办法\n第一条 为了规范管理，制定本办法。第二条 本办法适用于本区。\n\n第三条 有下列情形之一的：（一）甲；（二）乙。\n一、总体要求\n1. 加强领导';
    const cs = splitClauses(text);
    expect(cs.map((c) => c.label)).toEqual([null, '第一条', '第二条', '第三条', '（一）', '（二）', '一、', '1.']);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(cs[2]!.text).toBe('第二条 本办法适用于本区。');
  });

  it('does not split at a reference to an article inside a sentence', () => {
    const cs = splitClauses('第九条 违反本办法第十条规定的，依照第十二条处理。');
    expect(cs).toHaveLength(1);
  });

  it('sentences and comma segments keep offsets', () => {
    const t = '甲，乙；丙。丁';
    expect(sentences(t).map((s) => s.text)).toEqual(['甲，乙；', '丙。', '丁']);
    expect(segments('甲、乙，丙').map((s) => s.text)).toEqual(['甲、乙', '丙']);
  });

  it('parses Chinese numerals', () => {
    expect([parseNumber('十七'), parseNumber('二十'), parseNumber('一百零五'), parseNumber('两'), parseNumber('30'), parseNumber('三千')]).toEqual([17, 20, 105, 2, 30, 3000]);
    expect(Number.isNaN(parseNumber('条'))).toBe(true);
  });
});

describe('extractDocxText', () => {
  it('reads the paragraphs of a .docx built with the docx library', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('××区管理办法')] }), new Paragraph({ children: [new TextRun('第一条 '), new TextRun('经营者须取得许可证后方可营业 & 开展活动。')] })] }] });
    const buf = Buffer.from(await Packer.toBuffer(doc));
    expect(extractDocxText(buf)).toBe('××区管理办法\n第一条 经营者须取得许可证后方可营业 & 开展活动。');
  });

  it('returns null for something that is not a .docx', () => {
    expect(extractDocxText(Buffer.from('not a zip at all'))).toBeNull();
  });
});
