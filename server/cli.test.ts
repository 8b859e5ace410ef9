import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createDb } from './db';
import { setupDatabase } from './setup';

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: 'Demo@2026-pass', NODE_ENV: 'test' }, encoding: 'utf8' });

describe('operations commands', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-cli-'));
    const config = loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: 'Demo@2026-pass', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
    const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dataDir, 'fazhi.db') });
    const { app, services } = await buildApp({ config, db: handle, logger: false });
    await setupDatabase(handle, config, services);
    for (let i = 0; i < 3; i++) await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'Demo@2026-pass' } });
    await app.close();
    await handle.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('backs up the embedded database online and restores it', () => {
    const target = path.join(dataDir, 'b.db');
    const res = cli(dataDir, 'backup', target);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/integrity_check: ok/);
    const copy = new BetterSqlite3(target, { readonly: true });
    expect((copy.prepare('select count(*) n from users').get() as { n: number }).n).toBe(11);
    copy.close();
    const restored = cli(dataDir, 'restore', target);
    expect(restored.status, restored.stderr).toBe(0);
    expect(existsSync(path.join(dataDir, 'fazhi.db'))).toBe(true);
  });

  it('verify-audit passes on an intact chain and exits 1 naming the row someone altered', () => {
    const ok = cli(dataDir, 'verify-audit');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/audit chain intact/);
    const db = new BetterSqlite3(path.join(dataDir, 'fazhi.db'));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET ip = '10.0.0.9' WHERE seq = 2");
    db.close();
    const bad = cli(dataDir, 'verify-audit');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/seq 2 \[hash-mismatch\]/);
  });
});
