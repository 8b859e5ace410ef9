/**
 * Similar-case search over the 行政复议 register: Chinese segmentation (jieba with a small legal user dictionary),
 * an inverted index stored in the database (recon_search_docs / recon_search_postings, migration 014) and BM25
 * ranking computed in SQL, within the caller's data scope.
 *
 * What is indexed per case: respondent, administrative act (counted twice: the strongest signal of "the same kind of
 * matter"), request, facts and reasons, and the reasoning written at the end (decision summary, reason for not
 * accepting, termination note). Never the applicant's name or any personal data.
 *
 * Freshness: every read first re-indexes the cases whose `version` differs from the indexed one (each transition
 * of reconsideration.service.ts bumps the version), so no call from the case service is needed; `indexCases` is
 * exported for callers that want to index eagerly (bulk loads, the demo seed).
 */
import type { Jieba } from '@node-rs/jieba';
import { sql } from 'kysely';
import type { Database, Db } from '../../db';
import { type Actor, scopeWhere } from '../../platform/identity';

import { BM25, bm25Idf, segmenter as sharedSegmenter } from '../../platform/search';

export { BM25 };
const MAX_QUERY_TERMS = 24;
const SIMILAR_TERMS = 24;
const CHUNK = 400;
/** At most this many postings are read per query (see term pruning in `rank`). */
const POSTINGS_BUDGET = 20_000;

/**
 * Legal terms jieba's general dictionary splits or does not know; kept whole so that they match as one term.
 * (Search-mode segmentation still emits their parts, so a query for 信息公开 finds 政府信息公开.) No entry may
 * swallow another one's boundary (信息公开申请 would hide 政府信息公开 in 政府信息公开申请).
 */
export const LEGAL_USER_DICT = [
  '政府信息公开',
  '不予公开',
  '部分公开',
  '行政处罚',
  '不予受理',
  '行政复议',
  '行政强制',
  '强制拆除',
  '限期拆除',
  '违法建设',
  '行政许可',
  '责令履行',
  '法定职责',
  '投诉举报',
  '举报投诉',
  '逾期答复',
  '答复期限',
  '陈述申辩',
  '没收违法所得',
  '责令停产停业',
  '责令改正',
  '工伤认定',
  '房屋征收',
  '征收补偿',
  '最低生活保障',
  '营业执照',
  '食品安全',
  '拆迁安置',
];

/** Function words and the words every application contains (no discriminating power, only noise). */
export const STOP_WORDS = new Set(
  (
    '的 了 和 与 及 或 等 在 对 于 为 以 将 把 被 由 从 向 就 并 且 而 也 又 其 之 该 此 上述 其中 有关 相关 是 否 不 未 已 应 应当 ' +
    '可以 予以 进行 作出 提出 认为 因为 所以 但是 如果 没有 根据 依据 依照 按照 关于 我们 他们 本人 其他 一个 要求 请求 请 ' +
    '申请 申请人 被申请人 复议 行政复议 本机关 机关 事实 理由 情况 问题 有 无 号 年 月 日'
  ).split(/\s+/),
);

/** The shared process-wide jieba (platform/search) with this module's legal words. */
function segmenter(): Jieba {
  return sharedSegmenter(LEGAL_USER_DICT);
}

/** Terms of a text: search-mode segmentation (words and their dictionary sub-words), normalised, filtered. */
export function tokenize(text: string): string[] {
  const norm = text.normalize('NFKC').toLowerCase();
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(norm, false)) {
    const t = raw.trim();
    if (t.length < 2 || t.length > 20) continue;
    if (!/[\p{Script=Han}a-z]/u.test(t)) continue; // punctuation, numbers, document-number fragments
    if (STOP_WORDS.has(t)) continue;
    out.push(t);
  }
  return out;
}

/** Distinct query terms in order of appearance. */
export function queryTerms(text: string): string[] {
  return [...new Set(tokenize(text))].slice(0, MAX_QUERY_TERMS);
}

const REASONING_ACTIONS = ['decide', 'rejectApplication', 'terminate', 'concludeMediation', 'abandon'];

/** The text of a case as indexed (see the header). */
function documentText(c: { respondentName: string; actName: string; request: string; reasons: string }, reasoning: string[]): string {
  return [c.respondentName, c.actName, c.actName, c.request, c.reasons, ...reasoning].join('\n');
}

function reasoningOf(details: string): string[] {
  try {
    const d = JSON.parse(details) as Record<string, unknown>;
    return ['summary', 'reason', 'note'].map((k) => d[k]).filter((v): v is string => typeof v === 'string' && v.length > 0);
  } catch {
    return [];
  }
}

/** (Re)indexes the given cases, in chunks, each chunk in one transaction. Idempotent. */
export async function indexCases(db: Db, caseIds: string[], nowIso: string): Promise<number> {
  const ids = [...new Set(caseIds)].sort();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const cases = await db.selectFrom('reconsiderationCases').select(['id', 'version', 'departmentId', 'handlerId', 'respondentName', 'actName', 'request', 'reasons']).where('id', 'in', chunk).execute();
    if (!cases.length) continue;
    const events = await db.selectFrom('reconsiderationEvents').select(['caseId', 'details']).where('caseId', 'in', chunk).where('action', 'in', REASONING_ACTIONS).orderBy('version').execute();
    const reasoning = new Map<string, string[]>();
    for (const e of events) reasoning.set(e.caseId, [...(reasoning.get(e.caseId) ?? []), ...reasoningOf(e.details)]);
    const docs: Database['reconSearchDocs'][] = [];
    const postings: Database['reconSearchPostings'][] = [];
    for (const c of cases) {
      const terms = tokenize(documentText(c, reasoning.get(c.id) ?? []));
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      docs.push({ caseId: c.id, docLen: terms.length, caseVersion: c.version, indexedAt: nowIso });
      for (const [term, n] of tf) postings.push({ term, caseId: c.id, tf: n, docLen: terms.length, departmentId: c.departmentId, handlerId: c.handlerId });
    }
    await db.transaction().execute(async (trx) => {
      // The upsert of the document rows comes first: it locks them, so concurrent re-indexing of the same cases
      // (PostgreSQL) is serialised before the postings are replaced.
      for (let j = 0; j < docs.length; j += 500) {
        await trx
          .insertInto('reconSearchDocs')
          .values(docs.slice(j, j + 500))
          .onConflict((oc) => oc.column('caseId').doUpdateSet((eb) => ({ docLen: eb.ref('excluded.docLen'), caseVersion: eb.ref('excluded.caseVersion'), indexedAt: eb.ref('excluded.indexedAt') })))
          .execute();
      }
      await trx.deleteFrom('reconSearchPostings').where('caseId', 'in', docs.map((d) => d.caseId)).execute();
      for (let j = 0; j < postings.length; j += 1000) await trx.insertInto('reconSearchPostings').values(postings.slice(j, j + 1000)).execute();
    });
  }
  return ids.length;
}

export interface RankedCase {
  caseId: string;
  score: number;
  matchedTerms: string[];
}

const f8 = (n: number) => sql<number>`cast(${n} as double precision)`;

export function createReconSearch(deps: { db: Db; nowIso: () => string }) {
  const { db } = deps;
  let refreshing: Promise<number> | null = null;

  /** Re-indexes every case not indexed yet or changed since (version differs). Concurrent callers share one run. */
  async function refresh(): Promise<number> {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      // Versions only grow and each document holds the version it was built from (≤ the case's), so equal counts
      // and equal version sums mean every case is indexed at its current version: two index-only aggregates.
      const [cs, ds] = await Promise.all([
        db.selectFrom('reconsiderationCases').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('v')]).executeTakeFirstOrThrow(),
        db.selectFrom('reconSearchDocs').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('caseVersion').as('v')]).executeTakeFirstOrThrow(),
      ]);
      if (Number(cs.n) === Number(ds.n) && Number(cs.v ?? 0) === Number(ds.v ?? 0)) return 0;
      const stale = await db
        .selectFrom('reconsiderationCases as c')
        .leftJoin('reconSearchDocs as d', 'd.caseId', 'c.id')
        .select('c.id')
        .where((eb) => eb.or([eb('d.caseId', 'is', null), eb('d.caseVersion', '<>', eb.ref('c.version'))]))
        .execute();
      return stale.length ? indexCases(db, stale.map((s) => s.id), deps.nowIso()) : 0;
    })();
    try {
      return await refreshing;
    } finally {
      refreshing = null;
    }
  }

  /** BM25 over the query terms, within the actor's scope; `exclude` = the case a similar-case query starts from. */
  async function rank(actor: Actor, terms: string[], limit: number, exclude?: string): Promise<RankedCase[]> {
    if (!terms.length) return [];
    const stats = await db.selectFrom('reconSearchDocs').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('docLen').as('avgdl')]).executeTakeFirstOrThrow();
    const n = Number(stats.n);
    const avgdl = Number(stats.avgdl) || 1;
    if (!n) return [];
    const dfs = await db.selectFrom('reconSearchPostings').select(['term', (eb) => eb.fn.countAll<number>().as('df')]).where('term', 'in', terms).groupBy('term').execute();
    const idf = new Map(dfs.map((r) => [r.term, bm25Idf(n, Number(r.df))]));
    const present = terms.filter((t) => idf.has(t));
    if (!present.length) return [];
    // Term pruning: the rarest terms first, until the postings to read exceed the budget (always at least two).
    // Dropped terms are the most common ones, whose idf contributes least to any score.
    const df = new Map(dfs.map((r) => [r.term, Number(r.df)]));
    const kept: string[] = [];
    let budget = 0;
    for (const t of [...present].sort((x, y) => df.get(x)! - df.get(y)! || x.localeCompare(y))) {
      if (kept.length >= 2 && budget + df.get(t)! > POSTINGS_BUDGET) break;
      kept.push(t);
      budget += df.get(t)!;
    }
    const idfCase = sql<number>`case ${sql.join(kept.map((t) => sql`when p.term = ${t} then ${f8(idf.get(t)!)}`), sql` `)} else ${f8(0)} end`;
    const { k1, b } = BM25;
    const score = sql<number>`sum(${idfCase} * p.tf * ${f8(k1 + 1)} / (p.tf + ${f8(k1)} * (${f8(1 - b)} + ${f8(b / avgdl)} * p.doc_len)))`;
    let q = db
      .selectFrom('reconSearchPostings as p')
      .where('p.term', 'in', kept)
      .where((eb) => scopeWhere(eb, actor, 'p.departmentId', 'p.handlerId'));
    if (exclude) q = q.where('p.caseId', '<>', exclude);
    const top = await q
      .select(['p.caseId', score.as('score')])
      .groupBy('p.caseId')
      .orderBy('score', 'desc')
      .orderBy('p.caseId', 'desc')
      .limit(limit)
      .execute();
    if (!top.length) return [];
    const matched = await db.selectFrom('reconSearchPostings').select(['caseId', 'term']).where('caseId', 'in', top.map((t) => t.caseId)).where('term', 'in', present).execute();
    const byCase = new Map<string, string[]>();
    for (const m of matched) byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), m.term]);
    return top.map((t) => ({
      caseId: t.caseId,
      score: Math.round(Number(t.score) * 1000) / 1000,
      matchedTerms: (byCase.get(t.caseId) ?? []).sort((x, y) => idf.get(y)! - idf.get(x)! || x.localeCompare(y)),
    }));
  }

  return {
    refresh,
    /** Free-text search: the query's terms and the ranked cases. */
    async search(actor: Actor, text: string, limit: number): Promise<{ terms: string[]; ranked: RankedCase[] }> {
      const terms = queryTerms(text);
      await refresh();
      return { terms, ranked: await rank(actor, terms, limit) };
    },
    /** Cases like the given one: its most informative terms (tf·idf) as the query. The caller checks scope. */
    async similar(actor: Actor, caseId: string, limit: number): Promise<{ terms: string[]; ranked: RankedCase[] }> {
      await refresh();
      const own = await db.selectFrom('reconSearchPostings').select(['term', 'tf']).where('caseId', '=', caseId).execute();
      if (!own.length) return { terms: [], ranked: [] };
      const n = Number((await db.selectFrom('reconSearchDocs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const dfs = new Map<string, number>();
      const ownTerms = own.map((o) => o.term);
      for (let i = 0; i < ownTerms.length; i += 500) {
        const rows = await db.selectFrom('reconSearchPostings').select(['term', (eb) => eb.fn.countAll<number>().as('df')]).where('term', 'in', ownTerms.slice(i, i + 500)).groupBy('term').execute();
        for (const r of rows) dfs.set(r.term, Number(r.df));
      }
      // terms found in this case only say nothing about other cases
      const weighted = own
        .filter((o) => (dfs.get(o.term) ?? 1) > 1)
        .map((o) => ({ term: o.term, w: o.tf * Math.log(1 + (n - (dfs.get(o.term) ?? 1) + 0.5) / ((dfs.get(o.term) ?? 1) + 0.5)) }))
        .sort((a, b) => b.w - a.w || a.term.localeCompare(b.term))
        .slice(0, SIMILAR_TERMS)
        .map((x) => x.term);
      return { terms: weighted, ranked: await rank(actor, weighted, limit, caseId) };
    },
  };
}

export type ReconSearch = ReturnType<typeof createReconSearch>;
