import { inflateSync } from 'node:zlib';

/**
 * Minimal text extraction for the PDFs LibreOffice writes (tests only need it; no PDF package is installed): objects
 * are read uncompressed (no object streams), content streams are FlateDecode, fonts carry ToUnicode CMaps with
 * bfchar / bfrange entries, text is shown with Tj / TJ on hex strings. Returns the text of each content stream
 * concatenated, without layout. Not a general PDF parser: other producers may need more.
 */
export function extractPdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  const re = /(\d+) (\d+) obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    if (end < 0) break;
    const body = s.slice(start, end);
    const si = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (si >= 0 && !body.slice(0, si).includes('endstream')) {
      dict = body.slice(0, si);
      let from = start + si + 6;
      if (s[from] === '\r') from++;
      if (s[from] === '\n') from++;
      const to = s.indexOf('endstream', from);
      const raw = pdf.subarray(from, to);
      stream = /FlateDecode/.test(dict) ? inflate(raw) : raw;
    }
    objects.set(m[1]!, { dict, stream });
    re.lastIndex = end;
  }
  const ref = (dict: string, key: string) => new RegExp(`/${key}\\s+(\\d+) \\d+ R`).exec(dict)?.[1];

  const cmapOf = (fontObj: string): Map<string, string> => {
    const map = new Map<string, string>();
    const tu = ref(objects.get(fontObj)?.dict ?? '', 'ToUnicode');
    const cm = tu ? objects.get(tu)?.stream?.toString('latin1') : undefined;
    if (!cm) return map;
    const hexToStr = (h: string) => {
      let out = '';
      for (let i = 0; i + 4 <= h.length; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
      return out;
    };
    for (const block of cm.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const e of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(e[1]!.toUpperCase(), hexToStr(e[2]!));
    }
    for (const block of cm.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const e of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const lo = parseInt(e[1]!, 16);
        const hi = parseInt(e[2]!, 16);
        const base = parseInt(e[3]!, 16);
        for (let c = lo; c <= hi; c++) map.set(c.toString(16).toUpperCase().padStart(e[1]!.length, '0'), String.fromCharCode(base + c - lo));
      }
    }
    return map;
  };

  let text = '';
  for (const [, page] of objects) {
    if (!/\/Type\s*\/Page\b/.test(page.dict)) continue;
    // the page's font resources: /Resources n 0 R or inline, /Font << /F1 a 0 R … >> or /Font n 0 R
    const resId = ref(page.dict, 'Resources');
    const resources = resId ? (objects.get(resId)?.dict ?? '') : page.dict;
    const fontDictId = ref(resources, 'Font');
    const fontDict = fontDictId ? (objects.get(fontDictId)?.dict ?? '') : (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '');
    const fonts = new Map<string, Map<string, string>>();
    for (const f of fontDict.matchAll(/\/(\w+)\s+(\d+) \d+ R/g)) fonts.set(f[1]!, cmapOf(f[2]!));
    const contents = /\/Contents\s+(\d+) \d+ R/.exec(page.dict)?.[1];
    const content = contents ? objects.get(contents)?.stream?.toString('latin1') : undefined;
    if (!content) continue;
    let font = new Map<string, string>();
    for (const op of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => h[1]!) : op[3] !== undefined ? [op[3]] : [];
      for (const h of hexes) {
        const width = [...font.keys()][0]?.length ?? 2;
        for (let i = 0; i + width <= h.length; i += width) text += font.get(h.slice(i, i + width).toUpperCase()) ?? '';
      }
    }
    text += '\n';
  }
  return text;
}

function inflate(raw: Buffer): Buffer | null {
  for (const cut of [0, 1, 2]) {
    try {
      return inflateSync(raw.subarray(0, raw.length - cut));
    } catch {
      // a trailing EOL before endstream may belong to the data or not
    }
  }
  return null;
}
