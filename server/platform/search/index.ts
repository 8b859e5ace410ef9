/**
 * Shared Chinese text-search helpers: one jieba instance (the general dictionary is loaded once per process) with
 * per-caller user dictionaries, a tokenizer factory, and the BM25 term score. Used by the 行政复议 similar-case
 * search (ranking in SQL) and the 合法性审查 law corpus (ranking in memory).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** BM25 parameters (Robertson & Zaragoza's usual values). */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

let jieba: Jieba | null = null;
const loaded = new Set<string>();

/** The process-wide segmenter with the given user words added (idempotent per word). */
export function segmenter(userWords: readonly string[] = []): Jieba {
  if (!jieba) jieba = Jieba.withDict(dict);
  const fresh = userWords.filter((w) => !loaded.has(w));
  if (fresh.length) {
    jieba.loadDict(Buffer.from(fresh.map((w) => `${w} 200000 n`).join('\n'), 'utf8'));
    for (const w of fresh) loaded.add(w);
  }
  return jieba;
}

export interface TokenizerOptions {
  userWords?: readonly string[];
  stopWords?: ReadonlySet<string>;
  minLength?: number;
  maxLength?: number;
}

/** Search-mode segmentation (words and their dictionary sub-words), NFKC + lower case, filtered. */
export function createTokenizer(o: TokenizerOptions = {}): (text: string) => string[] {
  const stop = o.stopWords ?? new Set<string>();
  const min = o.minLength ?? 2;
  const max = o.maxLength ?? 20;
  const words = o.userWords ?? [];
  return (text: string) => {
    const seg = segmenter(words);
    const out: string[] = [];
    for (const raw of seg.cutForSearch(text.normalize('NFKC').toLowerCase(), false)) {
      const t = raw.trim();
      if (t.length < min || t.length > max) continue;
      if (!/[\p{Script=Han}a-z]/u.test(t)) continue;
      if (stop.has(t)) continue;
      out.push(t);
    }
    return out;
  };
}

/** Robertson–Spärck Jones idf with the +1 that keeps it positive. */
export function bm25Idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** BM25 contribution of one term to one document. */
export function bm25Term(tf: number, docLen: number, avgDocLen: number, idf: number): number {
  return (idf * tf * (BM25.k1 + 1)) / (tf + BM25.k1 * (1 - BM25.b + (BM25.b * docLen) / Math.max(1, avgDocLen)));
}
