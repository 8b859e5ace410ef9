/**
 * Minimal text extraction from a PDF written by LibreOffice (used when `pdftotext` is not installed): inflates the
 * streams, reads each font's /ToUnicode CMap and decodes the shown strings (Tj / TJ / ' / ") of every content stream
 * with the font selected by Tf. Enough to check that a title and a case number are present; not a general PDF parser.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

interface PdfObject {
  num: number;
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): PdfObject[] {
  const text = pdf.toString('latin1');
  const out: PdfObject[] = [];
  const re = /(\d+)\s+0\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const si = body.indexOf('stream');
    let dict = body;
    let stream: Buffer | null = null;
    if (si >= 0 && /^stream\r?\n/.test(body.slice(si))) {
      dict = body.slice(0, si);
      const dataStart = start + si + (body[si + 6] === '\r' ? 8 : 7);
      const dataEnd = text.lastIndexOf('endstream', end);
      // the stream's bytes: /Length when it is a number; else up to `endstream` less ONE end-of-line. (Stripping every
      // trailing CR/LF cut compressed data whose last bytes happened to be 0x0a or 0x0d — a font's ToUnicode map then
      // failed to inflate and its characters, the digits of a case number, vanished from the text.)
      const len = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict);
      let raw = len && dataStart + Number(len[1]) <= dataEnd ? pdf.subarray(dataStart, dataStart + Number(len[1])) : pdf.subarray(dataStart, dataEnd);
      if (!len) {
        if (raw[raw.length - 1] === 0x0a) raw = raw.subarray(0, raw.length - 1);
        if (raw[raw.length - 1] === 0x0d) raw = raw.subarray(0, raw.length - 1);
      }
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
      } catch {
        stream = null;
      }
    }
    out.push({ num: Number(m[1]), dict, stream });
    re.lastIndex = end;
  }
  return out;
}

function hexToCodes(hex: string, width: number): number[] {
  const h = hex.replace(/\s+/g, '');
  const codes: number[] = [];
  for (let i = 0; i + width * 2 <= h.length; i += width * 2) codes.push(parseInt(h.slice(i, i + width * 2), 16));
  return codes;
}

function utf16(hex: string): string {
  const units = hexToCodes(hex, 2);
  return String.fromCharCode(...units);
}

/** bfchar / bfrange of a ToUnicode CMap. */
function parseCMap(src: string): { map: Map<number, string>; width: number } {
  const map = new Map<number, string>();
  let width = 1;
  const cs = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(src);
  if (cs) width = cs[1]!.length / 2;
  for (const block of src.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(p[1]!, 16), utf16(p[2]!));
  }
  for (const block of src.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const p of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(p[1]!, 16);
      const hi = parseInt(p[2]!, 16);
      const dst = p[3]!;
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]!));
        for (let c = lo; c <= hi && c - lo < items.length; c++) map.set(c, items[c - lo]!);
      } else {
        const base = hexToCodes(dst.slice(1, -1), 2);
        for (let c = lo; c <= hi; c++) {
          const u = [...base];
          u[u.length - 1] = u[u.length - 1]! + (c - lo);
          map.set(c, String.fromCharCode(...u));
        }
      }
    }
  }
  return { map, width };
}

function literalBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      out.push(ch.charCodeAt(0) & 0xff);
      continue;
    }
    const n = s[++i] ?? '';
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in esc) out.push(esc[n]!);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      out.push(parseInt(oct, 8) & 0xff);
    }
  }
  return out;
}

/** The text of a PDF (LibreOffice output), one string; whitespace as found. */
export function pdfText(file: string): string {
  const objs = readObjects(readFileSync(file));
  const byNum = new Map(objs.map((o) => [o.num, o]));
  // font object → its ToUnicode CMap
  const cmaps = new Map<number, { map: Map<number, string>; width: number }>();
  for (const o of objs) {
    const tu = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(o.dict);
    const s = tu ? byNum.get(Number(tu[1]))?.stream : null;
    if (s) cmaps.set(o.num, parseCMap(s.toString('latin1')));
  }
  // resource name (/F1) → font object, from every font resource dictionary
  const names = new Map<string, number>();
  const fontDicts: string[] = [];
  for (const o of objs) {
    for (const m of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) fontDicts.push(m[1]!);
    for (const m of o.dict.matchAll(/\/Font\s+(\d+)\s+0\s+R/g)) fontDicts.push(byNum.get(Number(m[1]))?.dict ?? '');
  }
  for (const d of fontDicts) for (const m of d.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)) names.set(m[1]!, Number(m[2]));

  let text = '';
  for (const o of objs) {
    if (!o.stream) continue;
    const src = o.stream.toString('latin1');
    if (!/\bBT\b/.test(src) || !/\bTf\b/.test(src)) continue;
    let cmap: { map: Map<number, string>; width: number } | undefined;
    const tokens = src.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)|\b(ET|T\*|Td|TD)\b/g);
    for (const t of tokens) {
      if (t[1] !== undefined) {
        const num = names.get(t[1]);
        cmap = num === undefined ? undefined : cmaps.get(num);
      } else if (t[2] !== undefined) {
        const codes = hexToCodes(t[2], cmap?.width ?? 1);
        text += codes.map((c) => cmap?.map.get(c) ?? (cmap ? '' : String.fromCharCode(c))).join('');
      } else if (t[3] !== undefined) {
        const bytes = literalBytes(t[3]);
        text += bytes.map((c) => cmap?.map.get(c) ?? String.fromCharCode(c)).join('');
      } else if (t[4] === 'ET' || t[4] === 'T*') text += '\n';
    }
  }
  return text;
}

/** The PDF's text by `pdftotext` when installed, else by {@link pdfText}. */
export function extractPdfText(file: string): { text: string; via: string } {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (r.status === 0 && typeof r.stdout === 'string') return { text: r.stdout, via: 'pdftotext' };
  return { text: pdfText(file), via: 'built-in PDF text-stream reader (pdftotext not installed)' };
}
