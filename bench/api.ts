import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db';
import { setupDatabase } from '../server/setup';
import { loadDeadlines } from './fixtures';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;

/**
 * A server in its own process (the load generator, autocannon, runs in this one: on a small machine the two
 * compete for the cores, alike for every route). BENCH_CPU_PROF=<dir> profiles the app server (node --cpu-prof).
 */
function startServer(mode: 'bare' | 'app', env: Record<string, string>) {
  const prof = mode === 'app' && process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];
  return new Promise<Server>((resolve, reject) => {
    const child = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(import.meta.dirname, 'api-server.ts'), mode], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    /** The server's CPU time so far (user + system), in microseconds. */
    const cpu = () =>
      new Promise<number>((r) => {
        child.once('message', (u: NodeJS.CpuUsage) => r(u.user + u.system));
        child.send('cpu');
      });
    child.stdout!.on('data', (b: Buffer) => {
      const m = /READY (\d+)/.exec(b.toString());
      if (m) resolve({ port: Number(m[1]), cpu, stop: () => (child.kill('SIGTERM'), exited) });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

interface Server {
  port: number;
  cpu: () => Promise<number>;
  stop: () => Promise<void>;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  /** server CPU time per request, µs */
  cpuUs: number;
}

async function load(server: Server, url: string, headers: Record<string, string>, duration: number): Promise<Result> {
  const c0 = await server.cpu();
  const r = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  const c1 = await server.cpu();
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpuUs: (c1 - c0) / Math.max(1, r.requests.total) };
}

const range = (xs: number[], digits = 0) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(digits);
  return s.length === 1 ? f(s[0]!) : `${f(s[Math.floor(s.length / 2)]!)} (${f(s[0]!)}–${f(s[s.length - 1]!)})`;
};

export async function run() {
  // BENCH_DATA_DIR keeps the loaded database between runs (same data for comparisons); default: a fresh temp dir.
  // A reused database is migrated to the current schema when the app server starts (setupDatabase).
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'fazhi-bench-'));
  let reuse = !!keep && existsSync(path.join(dataDir, 'fazhi.db'));
  const password = 'Bench#2026-pass';
  const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: password, FAZHI_SM4_KEY: 'a'.repeat(32), FAZHI_BLIND_INDEX_KEY: 'b'.repeat(64) };
  const stops: (() => Promise<void>)[] = [];
  try {
    // 1. Prepare the embedded database: demo district + ROWS case-like deadline records.
    const t0 = performance.now();
    if (reuse) {
      // Migrate the kept database to the current schema; one the migrations no longer fit (renumbered) is reloaded.
      const config = loadConfig({ ...process.env, ...env, NODE_ENV: 'development', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
      const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dataDir, 'fazhi.db') });
      const { app, services } = await buildApp({ config, db: handle, logger: false });
      try {
        await setupDatabase(handle, config, services);
      } catch (err) {
        console.log(`the kept database does not migrate (${(err as Error).message.slice(0, 80)}…): reloading`);
        reuse = false;
      }
      await app.close();
      await handle.close();
      if (!reuse) for (const f of ['fazhi.db', 'fazhi.db-wal', 'fazhi.db-shm']) rmSync(path.join(dataDir, f), { force: true });
    }
    if (!reuse) {
      const config = loadConfig({ ...process.env, ...env, NODE_ENV: 'development', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
      const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dataDir, 'fazhi.db') });
      const { app, services } = await buildApp({ config, db: handle, logger: false });
      await setupDatabase(handle, config, services);
      loadDeadlines(handle.sqlite!, ROWS);
      handle.sqlite!.exec('ANALYZE');
      await app.close();
      await handle.close();
      console.log(`loaded ${ROWS.toLocaleString()} deadline records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else console.log(`reusing the database in ${dataDir}`);

    // 2. The real app in its own process: sign in, pick the list and a record.
    const srv = await startServer('app', { ...env, FAZHI_DEMO: '1', BENCH_STATIC_DIR: dataDir });
    stops.push(srv.stop);
    const base = `http://127.0.0.1:${srv.port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fy.head', password }) });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const listUrl = `${base}/api/v1/deadlines?status=open&module=reconsideration&sort=due&page=1&pageSize=20`;
    const listBody = await (await fetch(listUrl, { headers: { cookie } })).text();
    const first = JSON.parse(listBody) as { data: { id: string }[]; total: number };
    const byIdUrl = `${base}/api/v1/deadlines/${first.data[5]!.id}`;
    const detailBody = await (await fetch(byIdUrl, { headers: { cookie } })).text();

    // 3. The bare Fastify hello route, and the same list and detail bytes served as constants by bare Fastify: the
    //    ceiling for a response of that size on this machine, with no work behind it. The app server sends the same
    //    bytes through its own checks (session, permission, response schema; bench-only routes, api-server.ts): the
    //    ceiling for any handler of the app's real routes.
    writeFileSync(path.join(dataDir, 'bench-list.json'), listBody);
    writeFileSync(path.join(dataDir, 'bench-detail.json'), detailBody);
    const bare = await startServer('bare', { ...env, BENCH_STATIC_DIR: dataDir });
    stops.push(bare.stop);
    const bareBase = `http://127.0.0.1:${bare.port}`;

    // 4. Interleaved rounds: every target once per round, the ratios taken within the round, so that a change in
    //    the machine's load (other processes) falls on bare and real routes alike.
    const targets = [
      { key: 'bare', name: 'bare Fastify hello', server: bare, url: `${bareBase}/hello`, headers: {} },
      { key: 'staticDetail', name: `bare, constant detail (${detailBody.length} B)`, server: bare, url: `${bareBase}/static/detail`, headers: {} },
      { key: 'staticList', name: `bare, constant list (${listBody.length} B)`, server: bare, url: `${bareBase}/static/list`, headers: {} },
      { key: 'appDetail', name: 'app checks, constant detail', server: srv, url: `${base}/api/v1/bench/detail`, headers: { cookie } },
      { key: 'appList', name: 'app checks, constant list', server: srv, url: `${base}/api/v1/bench/list`, headers: { cookie } },
      { key: 'byId', name: 'GET /api/v1/deadlines/:id', server: srv, url: byIdUrl, headers: { cookie } },
      { key: 'list', name: 'GET /api/v1/deadlines (20 rows)', server: srv, url: listUrl, headers: { cookie } },
    ] as const;
    for (const t of targets) await load(t.server, t.url, t.headers, 1); // warm-up (JIT, caches)
    const results: Record<string, Result[]> = {};
    const loads: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of targets) (results[t.key] ??= []).push(await load(t.server, t.url, t.headers, DURATION));
      loads.push(loadavg()[0]!);
    }

    const ratio = (key: string) => results[key]!.map((r, i) => r.rps / results.bare![i]!.rps);
    // The same ratio from the servers' CPU time per request: what the throughput ratio would be with the server as
    // the only bottleneck. Other processes on the machine disturb it far less than they disturb req/s.
    const cpuRatio = (key: string) => results[key]!.map((r, i) => results.bare![i]!.cpuUs / r.cpuUs);
    console.log(`\n${CONNECTIONS} connections, loopback, ${ROUNDS} interleaved rounds of ${DURATION} s per route; median (min–max) over the rounds`);
    console.log(`list total = ${first.total.toLocaleString()} matching rows (scope: 行政复议与应诉科); 1-min load average after each round: ${loads.map((l) => l.toFixed(1)).join(', ')}`);
    const goal: Record<string, string> = { byId: 'target ≥ 0.60×', list: 'target ≥ 0.35×, p99 ≤ 15 ms' };
    for (const t of targets) {
      const rs = results[t.key]!;
      const r = `${range(rs.map((x) => x.rps)).padStart(22)} req/s   p50 ${range(rs.map((x) => x.p50)).padStart(12)} ms   p99 ${range(rs.map((x) => x.p99)).padStart(12)} ms`;
      console.log(`${t.name.padEnd(34)} ${r}${t.key === 'bare' ? '' : `   ${range(ratio(t.key), 2)}× bare${goal[t.key] ? ` (${goal[t.key]})` : ''}`}`);
    }
    console.log('\nserver CPU time per request (µs), and bare hello ÷ route');
    for (const t of targets) {
      const rs = results[t.key]!;
      console.log(`${t.name.padEnd(34)} ${range(rs.map((x) => x.cpuUs)).padStart(22)} µs${t.key === 'bare' ? '' : `   ${range(cpuRatio(t.key), 2)}×`}`);
    }
    // What the handlers themselves cost: the real route against the same bytes through the same checks.
    const handlerUs = (real: string, ceiling: string) => results[real]!.map((r, i) => r.cpuUs - results[ceiling]![i]!.cpuUs);
    console.log(`\nhandler work per request (route − app checks with the constant body): detail ${range(handlerUs('byId', 'appDetail'))} µs, list ${range(handlerUs('list', 'appList'))} µs`);
  } finally {
    for (const stop of stops) await stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}
