import type { FastifyInstance } from 'fastify';

/** Content-Security-Policy of the workbench, the portal and the API (the Swagger UI under /api/docs sets its own). */
const CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
].join(';');

/**
 * The security headers of every response: the set helmet's defaults give with the CSP above (HSTS only in
 * production, where TLS is terminated in front of the app). A constant object, built once: computing them per
 * request, as @fastify/helmet does, cost more than a point query.
 */
export function securityHeaders(opts: { hsts: boolean }): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(opts.hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  });
}

/**
 * First hook of every request: the security headers and the request id. Set before anything can fail, so that
 * error responses (401, 404, 429, …) carry them too; a route may still override one (the Swagger UI its CSP).
 */
export function registerResponseHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  const headers = securityHeaders(opts);
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', req.id);
    done();
  });
}
