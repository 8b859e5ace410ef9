import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type App, buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { createDb, type DbHandle, type Dialect } from '../db';
import { testClock } from '../platform/clock';
import { setupDatabase } from '../setup';

/** PostgreSQL for the database suites: set by .ci/run (or by hand) as FAZHI_TEST_PG_URL. */
export const PG_URL = process.env.FAZHI_TEST_PG_URL ?? '';
export const DIALECTS: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
export const DEMO_PASSWORD = 'Demo@2026-pass';

export interface TestApp {
  app: App['app'];
  routes: App['routes'];
  services: App['services'];
  handle: DbHandle;
  config: Config;
  clock: ReturnType<typeof testClock>;
  dialect: Dialect;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/** A fresh database per call: a temporary SQLite file, or a new PostgreSQL schema. Demo data seeded. */
export async function createTestApp(
  dialect: Dialect,
  opts: { demo?: boolean; /** null: the app's own defaults from the configuration */ limits?: Parameters<typeof buildApp>[0]['limits'] | null; now?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-test-'));
  const env = { NODE_ENV: 'test', FAZHI_DATA_DIR: dataDir, FAZHI_DEMO: opts.demo === false ? '0' : '1', FAZHI_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'silent', FAZHI_LAW_DIR: '', ...opts.env };
  const config = loadConfig(env as NodeJS.ProcessEnv);
  let schema: string | null = null;
  if (dialect === 'postgres') {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
  }
  const handle = createDb({ databaseUrl: dialect === 'postgres' ? PG_URL : null, sqliteFile: path.join(dataDir, 'fazhi.db'), ...(schema ? { pgSearchPath: schema } : {}) });
  const clock = testClock(opts.now ?? '2025-09-26T02:00:00.000Z');
  // Generous limits unless a test is about rate limiting: suites log in many times from one address.
  const limits = opts.limits === null ? undefined : (opts.limits ?? { login: { max: 10_000, timeWindow: '1 minute' }, public: { max: 10_000, timeWindow: '1 minute' } });
  const { app, routes, services } = await buildApp({ config, db: handle, clock, logger: false, ...(limits ? { limits } : {}) });
  await setupDatabase(handle, config, services);
  await app.ready();

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = String(res.headers['set-cookie']);
    const cookie = setCookie.split(';')[0]!;
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
  }

  return {
    app,
    routes,
    services,
    handle,
    config,
    clock,
    dialect,
    login,
    async close() {
      await app.close();
      await handle.close();
      if (schema) {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
