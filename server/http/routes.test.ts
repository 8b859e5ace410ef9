import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestApp, type TestApp } from '../test/harness';

const PUBLIC = new Set(['GET /api/v1/health', 'POST /api/v1/auth/login', 'GET /api/v1/demo/accounts', 'GET /api/v1/calendar/add', 'POST /api/v1/portal/reconsideration/applications', 'POST /api/v1/portal/reconsideration/progress', 'POST /api/v1/portal/reconsideration/documents/:docId/docx', 'GET /api/v1/portal/legality-review/drafts', 'GET /api/v1/portal/legality-review/drafts/:id', 'POST /api/v1/portal/legality-review/drafts/:id/comments', 'GET /api/v1/portal/legal-services/nearest', 'GET /api/v1/portal/legal-services/communities', 'GET /api/v1/portal/legal-services/inspections']);

for (const dialect of DIALECTS) {
  describe(`every API route [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { limits: { login: { max: 1000, timeWindow: '1 minute' }, public: { max: 1000, timeWindow: '1 minute' } } });
    });
    afterAll(async () => t?.close());

    const apiRoutes = () =>
      t.routes
        .filter((r) => r.url.startsWith('/api/v1/'))
        .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD').map((m) => ({ ...r, method: m })));

    it('declares Zod response schemas, and a body/query/params schema where it takes input', () => {
      const routes = apiRoutes();
      expect(routes.length).toBeGreaterThan(30);
      for (const r of routes) {
        const key = `${r.method} ${r.url}`;
        expect(r.schema?.response, key).toBeDefined();
        const res = r.schema!.response as Record<string, unknown>;
        expect(res['200'] ?? res[200], key).toBeDefined();
        if (r.url.includes(':')) expect(r.schema?.params, key).toBeDefined();
        if (['POST', 'PUT', 'PATCH'].includes(r.method) && !/\/(logout|disable|enable|unlock|reveal)$/.test(r.url)) expect(r.schema?.body, key).toBeDefined();
      }
    });

    it('answers 401 UNAUTHENTICATED without a session, except the public ones', async () => {
      for (const r of apiRoutes()) {
        const key = `${r.method} ${r.url}`;
        if (PUBLIC.has(key)) continue;
        const res = await t.app.inject({ method: r.method as InjectOptions['method'], url: r.url.replace(/:(\w+)/g, 'x') , payload: ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined });
        expect(res.statusCode, key).toBe(401);
        expect(res.json().error.code, key).toBe('UNAUTHENTICATED');
      }
    });

    it('answers 403 to a user without the permission (a 司法所 clerk tries every administrative route)', async () => {
      const s = await t.login('sfs.xicha');
      let checked = 0;
      for (const r of apiRoutes()) {
        const cfg = (r.config ?? {}) as { permission?: string | string[]; public?: boolean };
        if (!cfg.permission || cfg.public) continue;
        const perms = Array.isArray(cfg.permission) ? cfg.permission : [cfg.permission];
        // the 司法所's own business (issue 7: disputes, mediation, community corrections) is not administrative
        if (perms.every((p) => ['deadline.read', 'person.read', 'person.create', 'dispute.read', 'dispute.manage', 'mediation.read', 'mediation.manage', 'corrections.subject.read', 'corrections.subject.manage',
          // issue 5: the 司法所 assists enforcement supervision read-only within its street (modules/enforcement/scope.ts)
          'enforcement.detection.read', 'enforcement.supervision.read', 'enforcement.order.read', 'enforcement.register.read', 'enforcement.analysis.read',
          // issue 8: the 司法所 records its own rule-of-law work (training, 学法, 述法, rectification, 普法)
          'ruleOfLaw.read', 'ruleOfLaw.manage'].includes(p))) continue;
        const res = await t.app.inject({ method: r.method as InjectOptions['method'], url: r.url.replace(/:(\w+)/g, 'x'), headers: s.headers, payload: ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
        checked++;
      }
      expect(checked).toBeGreaterThan(15);
    });
  });
}
