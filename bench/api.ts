import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db';
import { setupDatabase } from '../server/setup';
import { loadDeadlines } from './fixtures';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

function startServer(mode: 'bare' | 'app', env: Record<string, string>) {
  return new Promise<{ port: number; stop: () => void }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'api-server.ts'), mode], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (b: Buffer) => {
      const m = /READY (\d+)/.exec(b.toString());
      if (m) resolve({ port: Number(m[1]), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

async function load(url: string, headers: Record<string, string> = {}) {
  // warm-up, then the measured run
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
}

export async function run() {
  // BENCH_DATA_DIR keeps the loaded database between runs (same data for comparisons); default: a fresh temp dir.
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'fazhi-bench-'));
  const reuse = !!keep && existsSync(path.join(dataDir, 'fazhi.db'));
  const password = 'Bench#2026-pass';
  const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: password, FAZHI_SM4_KEY: 'a'.repeat(32), FAZHI_BLIND_INDEX_KEY: 'b'.repeat(64) };
  try {
    // 1. Prepare the embedded database: demo district + ROWS case-like deadline records.
    const t0 = performance.now();
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

    // 2. The bare Fastify hello route and the real app, each in its own process; autocannon here.
    const bare = await startServer('bare', env);
    const bareRes = await load(`http://127.0.0.1:${bare.port}/hello`);
    bare.stop();

    const srv = await startServer('app', { ...env, FAZHI_DEMO: '1' });
    const base = `http://127.0.0.1:${srv.port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fy.head', password }) });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const listUrl = `${base}/api/v1/deadlines?status=open&module=reconsideration&sort=due&page=1&pageSize=20`;
    const first = (await (await fetch(listUrl, { headers: { cookie } })).json()) as { data: { id: string }[]; total: number };
    const id = first.data[5]!.id;
    const byId = await load(`${base}/api/v1/deadlines/${id}`, { cookie });
    const list = await load(listUrl, { cookie });
    srv.stop();

    const row = (name: string, r: { rps: number; p50: number; p99: number }, ratio?: string) =>
      console.log(`${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms${ratio ? `   ${ratio}` : ''}`);
    console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, loopback; list total = ${first.total.toLocaleString()} matching rows (scope: 行政复议与应诉科)`);
    row('bare Fastify hello', bareRes);
    row('GET /api/v1/deadlines/:id', byId, `${(byId.rps / bareRes.rps).toFixed(2)}× bare (target ≥ 0.60×)`);
    row('GET /api/v1/deadlines (20 rows)', list, `${(list.rps / bareRes.rps).toFixed(2)}× bare (target ≥ 0.35×, p99 ≤ 15 ms)`);
  } finally {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}
