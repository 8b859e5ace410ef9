import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRng } from '../common/validators';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db';
import type { Actor } from '../server/platform/identity';
import { createReconSearch } from '../server/modules/reconsideration/search';
import { generateCases, insertGeneratedCases } from '../server/modules/reconsideration/search.fixtures';
import { setupDatabase } from '../server/setup';

const N = Number(process.env.BENCH_RECON_CASES ?? 20_000);
const QUERIES = 200;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (xs: number[]) => `mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} ms, p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/** Similar-case search over N generated cases (embedded SQLite): index build, queries, incremental update. */
export async function run() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-search-'));
  try {
    const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: 'Bench#2026-pass', FAZHI_SM4_KEY: randomBytes(16).toString('hex'), FAZHI_BLIND_INDEX_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' };
    const config = loadConfig({ ...process.env, ...env } as NodeJS.ProcessEnv);
    const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dataDir, 'fazhi.db') });
    const { app, services } = await buildApp({ config, db: handle, logger: false });
    await setupDatabase(handle, config, services);
    const db = handle.db;
    const dept = await db.selectFrom('departments').select(['id', 'path']).where('code', '=', 'FYK').executeTakeFirstOrThrow();
    const user = await db.selectFrom('users').select('id').where('username', '=', 'fy.handler1').executeTakeFirstOrThrow();

    const gen = generateCases(N, 99);
    let t0 = performance.now();
    const ids = await insertGeneratedCases(db, gen, { departmentId: dept.id, handlerId: user.id, year: 2023, firstSeq: 1, nowIso: new Date().toISOString() });
    console.log(`insert ${N.toLocaleString()} generated cases: ${(performance.now() - t0).toFixed(0)} ms`);

    const search = createReconSearch({ db, nowIso: () => new Date().toISOString() });
    t0 = performance.now();
    const indexed = await search.refresh();
    const buildMs = performance.now() - t0;
    const postings = await db.selectFrom('reconSearchPostings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`build the index (${indexed.toLocaleString()} cases, ${Number(postings.n).toLocaleString()} postings): ${buildMs.toFixed(0)} ms`);

    t0 = performance.now();
    await search.refresh();
    console.log(`freshness check with nothing to re-index: ${(performance.now() - t0).toFixed(1)} ms`);

    const all: Actor = { userId: 'bench', username: 'bench', displayName: 'bench', departmentId: dept.id, departmentName: '', departmentPath: dept.path, roles: [], permissions: new Set(), dataScope: 'all', scopeDepartmentIds: null, duties: [], mustChangePassword: false, isDemo: false };
    const section: Actor = { ...all, dataScope: 'departmentTree', scopeDepartmentIds: [dept.id] };
    const rng = createRng(5);
    const texts = Array.from({ length: QUERIES }, () => {
      const g = gen[rng.int(0, gen.length - 1)]!;
      const words = `${g.actName}${g.reasons}`.replace(/[，。、；]/g, ' ').split(/\s+/).filter(Boolean);
      return words.slice(0, rng.int(1, 2)).join(' ').slice(0, 40);
    });
    for (const [label, actor] of [['scope all', all], ['scope department', section]] as const) {
      const times: number[] = [];
      let hits = 0;
      for (const q of texts) {
        const s = performance.now();
        const r = await search.search(actor, q, 20);
        times.push(performance.now() - s);
        hits += r.ranked.length;
      }
      console.log(`free-text search, ${QUERIES} queries (${label}, top 20, avg ${(hits / QUERIES).toFixed(1)} hits): ${fmt(times)}`);
    }
    const sim: number[] = [];
    for (let i = 0; i < 100; i++) {
      const s = performance.now();
      await search.similar(all, ids[rng.int(0, ids.length - 1)]!, 10);
      sim.push(performance.now() - s);
    }
    console.log(`similar cases, 100 queries (top 10): ${fmt(sim)}`);

    // incremental: one case changes (as a transition would: version + 1), the next read re-indexes just that one
    const one = ids[0]!;
    await db.updateTable('reconsiderationCases').set((eb) => ({ version: eb('version', '+', 1), reasons: '补充事实：申请人另称被申请人未告知听证权利' })).where('id', '=', one).execute();
    t0 = performance.now();
    const n = await search.refresh();
    console.log(`incremental update after one case changed (${n} re-indexed): ${(performance.now() - t0).toFixed(1)} ms`);
    await app.close();
    await handle.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
