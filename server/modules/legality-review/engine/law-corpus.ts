/**
 * The law corpus the user imports (format of ../shared/law: one Markdown file per instrument version named
 * `标题(YYYY-MM-DD).md`, a header ending at `<!-- INFO END -->`, `##` headings, each article starting a line with
 * 第X条) stored in law_instruments / law_articles with its jieba terms, an in-memory BM25 index built from those
 * terms, article lookup by instrument and article number, and the importer (files or a directory).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db';
import type { AuditService } from '../../../platform/audit';
import { bm25Idf, bm25Term, createTokenizer } from '../../../platform/search';
import { parseNumber } from './text-util';

/** Words of administrative law jieba splits; kept whole so that they match as one term. */
export const LAW_USER_WORDS = ['行政许可', '行政处罚', '行政强制', '强制措施', '强制执行', '规范性文件', '公平竞争审查', '合法性审查', '重大行政决策', '失信惩戒', '市场准入', '违法所得', '责令停产停业', '暂扣许可证件', '征求意见', '加处罚款', '证明事项'];
const LAW_STOP = new Set(
  ('的 了 和 与 及 或 等 在 对 于 为 以 将 把 被 由 从 向 就 并 且 而 也 又 其 之 该 此 上述 其中 有关 相关 是 否 不 未 已 应 应当 ' +
    '可以 予以 进行 作出 按照 依照 根据 依据 规定 本法 本条例 本办法 第一 第二 第三 一款 二款 下列 之一 以上 以下 有 无 年 月 日').split(/\s+/),
);
export const tokenizeLaw = createTokenizer({ userWords: LAW_USER_WORDS, stopWords: LAW_STOP });

export interface ParsedInstrument {
  name: string;
  title: string;
  versionDate: string | null;
  articles: { articleNo: string; articleNum: number; text: string }[];
}

const ARTICLE_START = /^第([一二三四五六七八九十百千零〇两\d]+)条(?:之([一二三四五六七八九十]+))?[\s\u3000]*/u;

/** Parses one Markdown instrument; throws an Error with a Chinese reason when it is not one. */
export function parseLawMarkdown(fileName: string, content: string): ParsedInstrument {
  const base = path.basename(fileName).replace(/\.md$/iu, '');
  const fm = /^(.+?)[(（](\d{4}-\d{2}-\d{2})[)）]$/u.exec(base);
  const name = normaliseInstrument(fm ? fm[1]! : base);
  const versionDate = fm ? fm[2]! : null;
  const title = (/^#\s+(.+)$/mu.exec(content)?.[1] ?? name).trim();
  const infoEnd = content.indexOf('<!-- INFO END -->');
  const body = infoEnd >= 0 ? content.slice(infoEnd + '<!-- INFO END -->'.length) : content;
  const articles: ParsedInstrument['articles'] = [];
  let cur: { articleNo: string; articleNum: number; lines: string[] } | null = null;
  const flush = () => {
    if (cur) articles.push({ articleNo: cur.articleNo, articleNum: cur.articleNum, text: cur.lines.join('\n').trim() });
  };
  for (const raw of body.split(/\r?\n/u)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^#/u.test(line)) {
      flush();
      cur = null;
      continue;
    }
    const m = ARTICLE_START.exec(line);
    if (m) {
      flush();
      const n = parseNumber(m[1]!);
      cur = { articleNo: m[0].trim().replace(/[\s\u3000]+$/u, ''), articleNum: Number.isFinite(n) ? n + (m[2] ? parseNumber(m[2]) / 100 : 0) : 0, lines: [line] };
    } else if (cur) cur.lines.push(line);
  }
  flush();
  if (!articles.length) throw new Error('未识别到任何以“第X条”开头的条文');
  return { name, title, versionDate, articles };
}

/** 《中华人民共和国行政许可法》 → 行政许可法 (the key used for lookups). */
export function normaliseInstrument(s: string): string {
  return s.replace(/[《》\s]/gu, '').replace(/^中华人民共和国/u, '').replace(/[(（]\d{4}[^)）]*[)）]$/u, '');
}

/** 第十七条 / 17 / 十七 → 17 */
export function articleNumber(s: string): number {
  const m = /第?([一二三四五六七八九十百千零〇两\d]+)条?/u.exec(s.trim());
  return m ? parseNumber(m[1]!) : NaN;
}

export interface ImportReport {
  instruments: number;
  articles: number;
  rejected: { name: string; reason: string }[];
}

/** Imports instruments (each replaces the stored version with the same name and date) in one transaction. */
export async function importLawFiles(db: Db, files: { name: string; content: string; category?: string | null }[], nowIso: string, userId: string | null = null): Promise<ImportReport> {
  const rejected: ImportReport['rejected'] = [];
  const parsed: (ParsedInstrument & { file: string; category: string | null })[] = [];
  for (const f of files) {
    if (!/\.md$/iu.test(f.name)) {
      rejected.push({ name: f.name, reason: '不是 Markdown（.md）文件' });
      continue;
    }
    try {
      parsed.push({ ...parseLawMarkdown(f.name, f.content), file: f.name, category: f.category ?? null });
    } catch (e) {
      rejected.push({ name: f.name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  let articles = 0;
  await db.transaction().execute(async (trx) => {
    for (const p of parsed) {
      const old = await trx.selectFrom('lawInstruments').select('id').where('name', '=', p.name).$call((q) => (p.versionDate === null ? q.where('versionDate', 'is', null) : q.where('versionDate', '=', p.versionDate))).execute();
      if (old.length) {
        await trx.deleteFrom('lawArticles').where('instrumentId', 'in', old.map((o) => o.id)).execute();
        await trx.deleteFrom('lawInstruments').where('id', 'in', old.map((o) => o.id)).execute();
      }
      const id = randomUUID();
      await trx.insertInto('lawInstruments').values({ id, name: p.name, title: p.title, versionDate: p.versionDate, category: p.category, sourceFile: path.basename(p.file), articleCount: p.articles.length, importedAt: nowIso, importedBy: userId }).execute();
      const rows = p.articles.map((a, seq) => {
        const terms = tokenizeLaw(a.text);
        return { id: randomUUID(), instrumentId: id, articleNo: a.articleNo, articleNum: Math.round(a.articleNum * 100), seq, text: a.text, terms: terms.join(' '), termCount: terms.length };
      });
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('lawArticles').values(rows.slice(i, i + 200)).execute();
      articles += rows.length;
    }
  });
  invalidateLawIndex(db);
  return { instruments: parsed.length, articles, rejected };
}

/** Every .md file under `dir` (recursively), except README.md and _index.md; the folder name is the category. */
export function readLawDir(dir: string): { name: string; content: string; category: string | null }[] {
  const out: { name: string; content: string; category: string | null }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.md$/iu.test(e) && !/^(readme|_index)\.md$/iu.test(e)) out.push({ name: e, content: readFileSync(p, 'utf8'), category: path.relative(dir, d) || null });
    }
  };
  walk(dir);
  return out;
}

/**
 * A law corpus folder loaded by the system (the CLI's import-law, the demo's first start), audited as
 * legalityReview.law.import with no actor and the source named; an upload by a user goes through the engine service.
 */
export async function importLawDir(db: Db, audit: AuditService, dir: string, source: 'cli' | 'demo', nowIso: string): Promise<ImportReport> {
  const rep = await importLawFiles(db, readLawDir(dir), nowIso);
  await audit.record({ actor: null, action: 'legalityReview.law.import', objectType: 'lawCorpus', extra: { source, instruments: rep.instruments, articles: rep.articles, rejected: rep.rejected.length } });
  return rep;
}

export interface LawArticleHit {
  instrument: string;
  title: string;
  article: string;
  text: string;
  instrumentVersion: string | null;
  score: number;
}

/** Query terms used per search: the most informative ones (highest idf). */
const MAX_QUERY_TERMS = 12;

/**
 * In-memory BM25 index over the latest version of every instrument, built from the stored terms. Postings are typed
 * arrays with the BM25 term-frequency part precomputed, so a query costs one multiply-add per posting it reads.
 */
export class LawIndex {
  private readonly docs: { instrument: string; title: string; version: string | null; articleNo: string; articleNum: number; text: string }[] = [];
  private readonly postings = new Map<string, { docs: Int32Array; weights: Float32Array; idf: number }>();
  private readonly byInstrument = new Map<string, Map<number, number>>();
  private scores: Float64Array = new Float64Array(0);

  constructor(rows: { name: string; title: string; versionDate: string | null; articleNo: string; articleNum: number; text: string; terms: string }[]) {
    // latest version per instrument
    const latest = new Map<string, string | null>();
    for (const r of rows) {
      const v = latest.get(r.name);
      if (!latest.has(r.name) || (r.versionDate ?? '') > (v ?? '')) latest.set(r.name, r.versionDate);
    }
    const lists = new Map<string, { docs: number[]; tfs: number[] }>();
    const lens: number[] = [];
    for (const r of rows) {
      if (latest.get(r.name) !== r.versionDate) continue;
      const terms = r.terms ? r.terms.split(' ') : [];
      const doc = this.docs.length;
      this.docs.push({ instrument: r.name, title: r.title, version: r.versionDate, articleNo: r.articleNo, articleNum: r.articleNum / 100, text: r.text });
      lens.push(terms.length);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let l = lists.get(t);
        if (!l) lists.set(t, (l = { docs: [], tfs: [] }));
        l.docs.push(doc);
        l.tfs.push(n);
      }
      let arts = this.byInstrument.get(r.name);
      if (!arts) this.byInstrument.set(r.name, (arts = new Map()));
      arts.set(r.articleNum / 100, doc);
    }
    const n = this.docs.length;
    const avg = n ? lens.reduce((a, b) => a + b, 0) / n : 1;
    for (const [t, l] of lists) {
      const weights = new Float32Array(l.docs.length);
      // bm25Term with idf = 1: the tf and length-normalisation part
      for (let i = 0; i < l.docs.length; i++) weights[i] = bm25Term(l.tfs[i]!, lens[l.docs[i]!]!, avg, 1);
      this.postings.set(t, { docs: Int32Array.from(l.docs), weights, idf: bm25Idf(n, l.docs.length) });
    }
    this.scores = new Float64Array(n);
  }

  get size(): number {
    return this.docs.length;
  }

  /** The article of an instrument (any spelling: 《中华人民共和国行政许可法》, 行政许可法; 第十七条, 17). */
  lookup(instrument: string, article: string): LawArticleHit | null {
    const arts = this.byInstrument.get(normaliseInstrument(instrument));
    const n = articleNumber(article);
    const doc = arts?.get(n);
    if (doc === undefined) return null;
    return this.hit(doc, 0);
  }

  hasInstrument(instrument: string): boolean {
    return this.byInstrument.has(normaliseInstrument(instrument));
  }

  /** BM25 over the query's most informative terms; `filter` keeps only some instruments. */
  search(query: string, limit = 10, filter?: (instrument: string) => boolean): LawArticleHit[] {
    const n = this.docs.length;
    const lists = [...new Set(tokenizeLaw(query))]
      .map((t) => this.postings.get(t))
      // terms in more than a tenth of the articles carry little information and cost the most
      .filter((p): p is { docs: Int32Array; weights: Float32Array; idf: number } => p !== undefined && p.docs.length <= n / 10)
      .sort((a, b) => b.idf - a.idf)
      .slice(0, MAX_QUERY_TERMS);
    const scores = this.scores;
    const touched: number[] = [];
    for (const p of lists) {
      const { docs, weights, idf } = p;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += idf * weights[i]!;
      }
    }
    // top `limit` by a bounded insertion (touched can be thousands; a full sort is the hot spot)
    const top: [number, number][] = [];
    for (const d of touched) {
      const s = scores[d]!;
      scores[d] = 0;
      if (top.length === limit && s <= top[limit - 1]![1]) continue;
      if (filter && !filter(this.docs[d]!.instrument)) continue;
      let i = top.length < limit ? top.length : limit - 1;
      if (top.length < limit) top.push([d, s]);
      while (i > 0 && top[i - 1]![1] < s) {
        top[i] = top[i - 1]!;
        i--;
      }
      top[i] = [d, s];
    }
    return top.map(([d, s]) => this.hit(d, s));
  }

  private hit(doc: number, score: number): LawArticleHit {
    const d = this.docs[doc]!;
    return { instrument: d.instrument, title: d.title, article: d.articleNo, text: d.text, instrumentVersion: d.version, score };
  }
}

const cache = new WeakMap<object, { stamp: string; index: LawIndex }>();
function invalidateLawIndex(db: Db) {
  cache.delete(db);
}

/** The index for this database, rebuilt when the corpus changed (count and latest import time). */
export async function loadLawIndex(db: Db): Promise<LawIndex> {
  const s = await db.selectFrom('lawInstruments').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('importedAt').as('at')]).executeTakeFirst();
  const stamp = `${s?.n ?? 0}|${s?.at ?? ''}`;
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.index;
  const rows = await db
    .selectFrom('lawArticles as a')
    .innerJoin('lawInstruments as i', 'i.id', 'a.instrumentId')
    .select(['i.name', 'i.title', 'i.versionDate', 'a.articleNo', 'a.articleNum', 'a.text', 'a.terms'])
    .orderBy('i.name')
    .orderBy('a.seq')
    .execute();
  const index = new LawIndex(rows);
  cache.set(db, { stamp, index });
  return index;
}
