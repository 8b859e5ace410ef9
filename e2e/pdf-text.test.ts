import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text';

/** A minimal PDF as LibreOffice writes one: a font with a compressed ToUnicode map, a page showing codes in it. */
function pdfWith(cmapBody: Buffer, content: string): Buffer {
  const objs: string[] = [];
  const parts: Buffer[] = [Buffer.from('%PDF-1.6\n')];
  const add = (n: number, dict: string, stream?: Buffer) => {
    parts.push(Buffer.from(`${n} 0 obj\n${dict}\n`));
    if (stream) parts.push(Buffer.from('stream\n'), stream, Buffer.from('\nendstream\n'));
    parts.push(Buffer.from('endobj\n\n'));
    objs.push(String(n));
  };
  add(1, `<</Length ${cmapBody.length}/Filter/FlateDecode>>`, cmapBody);
  add(2, '<</Type/Font/Subtype/TrueType/BaseFont/CAAAAA+DejaVuSans /ToUnicode 1 0 R >>');
  add(3, '<</F2 2 0 R\n>>');
  add(4, '<</Font 3 0 R /ProcSet[/PDF/Text] >>');
  const c = deflateSync(Buffer.from(content, 'latin1'));
  add(5, `<</Length ${c.length}/Filter/FlateDecode>>`, c);
  add(6, '<</Type/Page/Resources 4 0 R/Contents 5 0 R>>');
  return Buffer.concat(parts);
}

const cmap = (pad: string) =>
  `/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n3 beginbfchar\n<01> <0032>\n<02> <0030>\n<03> <0036>\nendbfchar\nendcmap\n%${pad}\nend\nend\n`;

describe('pdfText (the browser flows\' PDF reader)', () => {
  it('reads a compressed stream whose last byte is a line feed or a carriage return (CI found it: a case number lost its digits)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-pdf-'));
    try {
      for (const last of [0x0a, 0x0d]) {
        // a padding under which the deflated map ends with that byte
        let body: Buffer | null = null;
        for (let i = 0; i < 2000 && !body; i++) {
          const b = deflateSync(Buffer.from(cmap('a'.repeat(i))));
          if (b[b.length - 1] === last) body = b;
        }
        expect(body).not.toBeNull();
        const file = path.join(dir, `t${last}.pdf`);
        writeFileSync(file, pdfWith(body!, 'BT\n/F2 16 Tf[<01>-1<02>5<01>-1<03>]TJ\nET\n'));
        expect(pdfText(file).replace(/\s+/g, '')).toBe('2026');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
