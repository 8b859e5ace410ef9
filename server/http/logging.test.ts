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
      // The public portal: an online 行政复议 application (multipart) and the progress query carry 身份证号, mobile,
      // address and the query code in their bodies; none of it may reach a log line.
      const application = JSON.stringify({
        applicant: { kind: 'person', name: '赵六', idNumber, mobile: '13698765432', address: '北京市西城区日志测试路 9 号' },
        respondent: { name: '北京市西城区某局' },
        act: { name: '行政处罚决定（日志样例）', knownOn: '2025-09-20' },
        request: '撤销该决定',
        reasons: '事实不清',
        declaration: true,
      });
      const boundary = 'fazhi-log-test';
      const form = `--${boundary}\r\ncontent-disposition: form-data; name="application"\r\n\r\n${application}\r\n--${boundary}--\r\n`;
      const submitted = await app.inject({ method: 'POST', url: '/api/v1/portal/reconsideration/applications', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: form });
      expect(submitted.statusCode).toBe(200);
      const { receiptNo, queryCode } = submitted.json() as { receiptNo: string; queryCode: string };
      await app.inject({ method: 'POST', url: '/api/v1/portal/reconsideration/progress', payload: { receiptNo, queryCode } });
      await app.inject({ method: 'POST', url: '/api/v1/portal/reconsideration/progress', payload: { receiptNo, queryCode: 'ZZZZ2222' } });
      await app.inject({ method: 'POST', url: '/api/v1/portal/reconsideration/applications', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: form.replace('13698765432', '12345') });
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(4);
      expect(log).toContain('"reqId"');
      for (const secret of [idNumber, '13698765432', '日志测试路', queryCode, 'Demo@2026-pass', cookie.split('=')[1]!, login.json().csrfToken]) expect(log).not.toContain(secret);
    } finally {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
