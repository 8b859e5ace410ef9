import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDb } from '../server/db';
import { setupDatabase } from '../server/setup';

const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 5);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (xs: number[]) => `mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(0)} ms, p50 ${pct(xs, 50).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

/** 领导驾驶舱 and the annual report on the full demo data (embedded SQLite): each request timed over ROUNDS runs. */
export async function run() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-dashboard-'));
  try {
    const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: 'Bench#2026-pass', FAZHI_SM4_KEY: randomBytes(16).toString('hex'), FAZHI_BLIND_INDEX_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', FAZHI_REMINDER_INTERVAL_MINUTES: '0', NODE_ENV: 'development', FAZHI_LOGIN_RATE_LIMIT: '1000' };
    const config = loadConfig({ ...process.env, ...env } as NodeJS.ProcessEnv);
    const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dataDir, 'fazhi.db') });
    const { app, services } = await buildApp({ config, db: handle, logger: false });
    let t0 = performance.now();
    await setupDatabase(handle, config, services);
    console.log(`demo data seeded: ${(performance.now() - t0).toFixed(0)} ms`);
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'Bench#2026-pass' } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
    const year = new Date().getFullYear();
    const time = async (label: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>, rounds = ROUNDS) => {
      const xs: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const s = performance.now();
        const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
        xs.push(performance.now() - s);
        if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      console.log(`${label.padEnd(44)} ${fmt(xs)}`);
    };
    await time('GET /dashboard (all figures + previous year)', 'GET', `/api/v1/dashboard?year=${year}`);
    await time('GET /dashboard/trend (12 months × 2 years)', 'GET', `/api/v1/dashboard/trend?year=${year}`);
    await time('GET /dashboard/units (15 司法所)', 'GET', `/api/v1/dashboard/units?year=${year}&kind=judicialOffice`);
    await time('GET /dashboard/export.xlsx', 'GET', `/api/v1/dashboard/export.xlsx?year=${year}`);
    t0 = performance.now();
    const created = await app.inject({ method: 'POST', url: '/api/v1/annual-reports', headers, payload: { year } });
    console.log(`${'POST /annual-reports (draft from live data)'.padEnd(44)} ${(performance.now() - t0).toFixed(0)} ms (once)`);
    const id = (created.json() as { id: string }).id;
    await time('GET /annual-reports/:id/report.docx', 'GET', `/api/v1/annual-reports/${id}/report.docx`);
    t0 = performance.now();
    await services.snapshots.runMonthly();
    console.log(`${'monthly snapshot (.xlsx, every module)'.padEnd(44)} ${(performance.now() - t0).toFixed(0)} ms (once)`);
    await app.close();
    await handle.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
