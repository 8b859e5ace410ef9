import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, migrateToLatest } from '../server/db';
import { analyzeRules, importLawFiles, loadLawIndex, readLawDir } from '../server/modules/legality-review/engine';
import { DEV_SET_PATH, type Quality, evaluate, isHeldOut, loadLabelled } from '../server/modules/legality-review/engine/evaluate';

/** The law folders imported for retrieval (the superior law of a district: statutes and administrative regulations). */
const LAW_DIR = path.resolve('..', 'shared', 'law');
const FOLDERS = (process.env.BENCH_LAW_FOLDERS ?? '行政法,行政法规,宪法相关法,经济法').split(',');
const RUNS = 9;

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function print(label: string, q: Quality) {
  const o = q.overall;
  console.log(`\n${label}: ${q.clauses} clauses (${q.violating} violating, ${q.compliant} compliant)`);
  console.log(`  overall  precision ${o.precision.toFixed(3)}  recall ${o.recall.toFixed(3)}  F1 ${o.f1.toFixed(3)}  (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`);
  console.log(`  compliant clauses wrongly flagged: ${q.compliantFlagged}/${q.compliant} = ${pct(q.compliantFlaggedShare)}`);
  console.log('  per type     precision recall  F1     (tp/fp/fn)');
  for (const [t, p] of Object.entries(q.perType)) console.log(`  ${t.padEnd(12)} ${p.precision.toFixed(3)}     ${p.recall.toFixed(3)}  ${p.f1.toFixed(3)}  (${p.tp}/${p.fp}/${p.fn})`);
}

/** Clause-level quality on ../shared/eval/legality-dev.jsonl, throughput, and the 20,000-character speed figure. */
export async function run() {
  const items = loadLabelled();
  console.log(`development set: ${DEV_SET_PATH}`);
  console.log('targets: precision ≥ 0.90, recall ≥ 0.85, compliant flagged ≤ 5%');
  print('ALL', evaluate(items));
  print('DEVELOPMENT subset (id not divisible by 3; rules were developed on it)', evaluate(items.filter((c) => !isHeldOut(c))));
  print('HELD-OUT subset (id divisible by 3; not used to develop rules)', evaluate(items.filter(isHeldOut)));

  // rules only, clause by clause (throughput)
  let t0 = performance.now();
  for (let r = 0; r < 5; r++) for (const c of items) analyzeRules(c.text, c.doc_kind);
  let ms = (performance.now() - t0) / 5;
  console.log(`\nthroughput (rules, one clause per call): ${((items.length / ms) * 1000).toFixed(0)} clauses/s (${ms.toFixed(1)} ms for ${items.length} clauses)`);

  // retrieval: import the law corpus into an embedded SQLite database
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-legality-'));
  try {
    const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dataDir, 'fazhi.db') });
    await migrateToLatest(handle.db);
    const files = FOLDERS.flatMap((f) => readLawDir(path.join(LAW_DIR, f)).map((x) => ({ ...x, category: f })));
    t0 = performance.now();
    const rep = await importLawFiles(handle.db, files, new Date().toISOString());
    console.log(`\nlaw corpus import (${FOLDERS.join('、')}): ${rep.instruments} instruments, ${rep.articles} articles, ${rep.rejected.length} rejected, ${(performance.now() - t0).toFixed(0)} ms`);
    t0 = performance.now();
    const law = await loadLawIndex(handle.db);
    console.log(`BM25 index load: ${law.size} articles (latest versions), ${(performance.now() - t0).toFixed(0)} ms`);

    // a 20,000-character document: every clause of the set once (renumbered 第1条…), then articles of a regulation
    // from the corpus until 20,000 characters (no clause repeated, so per-call memoisation gains nothing unfair)
    const filler = (await handle.db.selectFrom('lawArticles as a').innerJoin('lawInstruments as i', 'i.id', 'a.instrumentId').select(['a.text']).where('i.name', 'in', ['优化营商环境条例', '重大行政决策程序暂行条例', '公平竞争审查条例']).orderBy('i.name').orderBy('a.seq').execute()).map((r) => r.text);
    const body = [...items.map((c) => c.text), ...filler].map((t) => t.replace(/^第[一二三四五六七八九十百零〇\d]+条\s*/u, '').replace(/^[一二三四五六七八九十]+、/u, ''));
    const parts: string[] = ['××区关于加强城市管理的若干规定'];
    let n = 0;
    while (parts.join('\n').length < 20_000 && n < body.length) {
      parts.push(`第${n + 1}条 ${body[n]}`);
      n++;
    }
    const doc = parts.join('\n').slice(0, 20_000);
    analyzeRules(doc, 'normative_document', { law }); // warm-up (jieba, regex compilation)
    const times: number[] = [];
    let findings = 0;
    for (let r = 0; r < RUNS; r++) {
      t0 = performance.now();
      findings = analyzeRules(doc, 'normative_document', { law }).length;
      times.push(performance.now() - t0);
    }
    ms = median(times);
    console.log(`\nspeed: ${doc.length.toLocaleString()}-character document (${n} clauses), rules + BM25 retrieval (2 related provisions per finding), no LLM, one core:`);
    console.log(`  median ${ms.toFixed(1)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); ${findings} findings; target < 300 ms: ${ms < 300 ? 'met' : 'NOT met'}`);
    await handle.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
