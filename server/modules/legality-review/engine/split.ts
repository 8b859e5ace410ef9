/**
 * Splits a draft into clauses with character offsets into the original text: articles (第X条), numbered items
 * （一） / 一、 / 1. / (1), and otherwise paragraphs (lines). Within a clause, `sentences` cuts at 。；;！？ so that
 * rules can scope negations and citations to the sentence they occur in.
 */
export interface Clause {
  index: number;
  start: number;
  end: number;
  text: string;
  /** 第十二条, （三）, 3. … when the clause starts with one */
  label: string | null;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

const CN_NUM = '[一二三四五六七八九十百千零〇两\\d]+';
/** 第X条 at the start of a clause (also after 。 or whitespace within a line). */
const ARTICLE_RE = new RegExp(`第${CN_NUM}条`, 'gu');
const ITEM_LABEL_RE = new RegExp(`^(第${CN_NUM}条|[（(]${CN_NUM}[）)]|${CN_NUM}[、．.](?!\\d)|\\d+[)）])`, 'u');

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return start < end ? { start, end, text: text.slice(start, end) } : null;
}

export function splitClauses(text: string): Clause[] {
  const cuts = new Set<number>([0]);
  // every line is at least its own clause
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.add(i + 1);
  // 第X条 starting mid-line after the end of a sentence (documents pasted without line breaks)
  for (const m of text.matchAll(ARTICLE_RE)) {
    const i = m.index;
    const prev = text.slice(Math.max(0, i - 1), i);
    if (i === 0 || /[。；;：:\s]/u.test(prev)) {
      // 依照第十条 / 本办法第十条 are references, not headings: require a sentence boundary before
      cuts.add(i);
    }
  }
  // numbered items （一） mid-line after ： or ；
  for (const m of text.matchAll(new RegExp(`[：:；;。]\\s*([（(]${CN_NUM}[）)])`, 'gu'))) cuts.add(m.index + m[0].length - m[1]!.length);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Clause[] = [];
  for (let k = 0; k < points.length; k++) {
    const s = trimSpan(text, points[k]!, k + 1 < points.length ? points[k + 1]! : text.length);
    if (!s) continue;
    const label = ITEM_LABEL_RE.exec(s.text)?.[1] ?? null;
    out.push({ index: out.length, start: s.start, end: s.end, text: s.text, label });
  }
  return out;
}

/** Sentences of a clause (offsets relative to the clause text). */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。；;！？!?\n'.includes(text[i]!)) {
      const s = trimSpan(text, start, i + 1);
      if (s) out.push(s);
      start = i + 1;
    }
  }
  const s = trimSpan(text, start, text.length);
  if (s) out.push(s);
  return out;
}

/** Comma-level segments of a sentence (offsets relative to the sentence). */
export function segments(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || '，,、：:'.includes(text[i]!)) {
      if (text[i] === '、') continue; // enumerations stay in one segment
      const s = trimSpan(text, start, i);
      if (s) out.push(s);
      start = i + 1;
    }
  }
  return out;
}
