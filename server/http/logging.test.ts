import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../common/validators';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { createDb } from '../db';
import { testClock } from '../platform/clock';
import { setupDatabase } from '../setup';

describe('structured logs', () => {
  it('carry request ids and never personal data, cookies or passwords', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-log-'));
    const config = loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: 'Demo@2026-pass', LOG_LEVEL: 'info' } as NodeJS.ProcessEnv);
    const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dataDir, 'fazhi.db') });
    const { app, services } = await buildApp({ config, db: handle, clock: testClock(), logger: { stream } });
    await setupDatabase(handle, config, services);
    try {
      const idNumber = generateIdNumber(createRng(99), { regionCode: '110102' });
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fy.handler1', password: 'Demo@2026-pass' } });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
      await app.inject({ method: 'POST', url: '/api/v1/people', headers, payload: { name: '王五', idNumber, mobile: '13698765432' } });
      await app.inject({ method: 'POST', url: '/api/v1/people/search', headers, payload: { idNumber } });
      await app.inject({ method: 'GET', url: `/api/v1/deadlines?q=${idNumber}`, headers });
      await app.inject({ method: 'POST', url: '/api/v1/people', headers, payload: { name: '坏', idNumber: '110102199001011234' } });
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(4);
      expect(log).toContain('"reqId"');
      for (const secret of [idNumber, '13698765432', 'Demo@2026-pass', cookie.split('=')[1]!, login.json().csrfToken]) expect(log).not.toContain(secret);
    } finally {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
