// Profiles one authenticated route of the real app on a kept bench database (BENCH_DATA_DIR, loaded by
// `npm run bench -- api`): `tsx bench/profile-route.ts byId|list [seconds]` writes a .cpuprofile to BENCH_CPU_PROF.
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';

const which = process.argv[2] ?? 'byId';
const seconds = Number(process.argv[3] ?? 8);
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? '/tmp/fzb');
const password = 'Bench#2026-pass';
const env = { ...process.env, FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: password, FAZHI_SM4_KEY: 'a'.repeat(32), FAZHI_BLIND_INDEX_KEY: 'b'.repeat(64), FAZHI_DEMO: '1' };
const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];
const child = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(import.meta.dirname, 'api-server.ts'), 'app'], { env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const port = await new Promise<number>((r) => child.stdout!.on('data', (b: Buffer) => { const m = /READY (\d+)/.exec(b.toString()); if (m) r(Number(m[1])); }));
const base = `http://127.0.0.1:${port}`;
const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fy.head', password }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const listUrl = `${base}/api/v1/deadlines?status=open&module=reconsideration&sort=due&page=1&pageSize=20`;
const first = (await (await fetch(listUrl, { headers: { cookie } })).json()) as { data: { id: string }[] };
const url = which === 'list' ? listUrl : `${base}/api/v1/deadlines/${first.data[5]!.id}`;
await autocannon({ url, connections: 50, duration: 1, headers: { cookie } });
const cpu = () => new Promise<NodeJS.CpuUsage>((r) => { child.once('message', (u: NodeJS.CpuUsage) => r(u)); child.send('cpu'); });
const c0 = await cpu();
const res = await autocannon({ url, connections: 50, duration: seconds, headers: { cookie } });
const c1 = await cpu();
const per = (k: 'user' | 'system') => ((c1[k] - c0[k]) / res.requests.total).toFixed(1);
console.log(`${which}: ${res.requests.average} req/s, CPU/req user ${per('user')} µs + system ${per('system')} µs, non2xx ${res.non2xx}`);
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
