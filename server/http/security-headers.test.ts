import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';
import { securityHeaders } from './security-headers';

const EXPECTED = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('are on every response — success, 401, 404, 400 — with the request id; no HSTS outside production', async () => {
    const s = await t.login('fy.head');
    const responses = [
      await t.app.inject({ method: 'GET', url: '/api/v1/health' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/deadlines', headers: s.headers }),
      await t.app.inject({ method: 'GET', url: '/api/v1/deadlines' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/deadlines?pageSize=1000', headers: s.headers }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 401, 404, 400]);
    for (const res of responses) {
      expect(res.headers).toMatchObject(EXPECTED);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,64}$/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    const echoed = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'trace-12345678' } });
    expect(echoed.headers['x-request-id']).toBe('trace-12345678');
  });

  it('add HSTS in production', () => {
    expect(securityHeaders({ hsts: false })).toEqual(EXPECTED);
    expect(securityHeaders({ hsts: true })).toEqual({ ...EXPECTED, 'strict-transport-security': 'max-age=31536000; includeSubDomains' });
  });

  it('leave the API docs their own CSP (Swagger UI)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/validator\.swagger\.io/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
