import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors';
import type { Permission } from '../../common/permissions';
import type { AuditService } from '../platform/audit';
import type { Actor, AuthService } from '../platform/identity';

export const SESSION_COOKIE = 'fazhi_sid';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (health, login, public portal endpoints). */
    public?: boolean;
    /** The permission a route requires; all listed when an array. */
    permission?: Permission | Permission[];
    /** Reachable while a forced password change is pending (me, change password, logout). */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionId: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function meta(req: FastifyRequest) {
  return { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? ''), requestId: req.id };
}

/** The actor of an authenticated route (the hook guarantees it). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/**
 * Session authentication, CSRF and permission checks for every /api route, as one hook.
 * Denials are written to the audit log.
 */
export function registerAuth(app: FastifyInstance, deps: { auth: AuthService; audit: AuditService }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionId', null);
  // onRequest: before body parsing and validation, so that an anonymous or unauthorised caller learns nothing
  // about a route's schema. Unknown routes (no routeOptions.url) fall through to the 404 handler.
  app.addHook('onRequest', async (req) => {
    const route = req.routeOptions; // a getter that builds a new object: read it once
    const cfg = route.config;
    if (!route.url || !req.url.startsWith('/api/') || req.url.startsWith('/api/docs') || cfg.public) return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await deps.auth.resolve(token) : null;
    if (!session) throw new AppError('UNAUTHENTICATED');
    req.actor = session.actor;
    req.csrfToken = session.csrfToken;
    req.sessionId = session.sessionId;
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
      await deps.audit.record({ actor: { id: session.actor.userId, name: session.actor.username }, ip: req.ip, requestId: req.id, action: 'access.csrf', objectType: 'route', objectId: `${req.method} ${route.url}`, outcome: 'denied' });
      throw new AppError('CSRF_INVALID');
    }
    if (session.actor.mustChangePassword && !cfg.duringPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    const required = cfg.permission === undefined ? [] : Array.isArray(cfg.permission) ? cfg.permission : [cfg.permission];
    const missing = required.filter((p) => !session.actor.permissions.has(p));
    if (missing.length) {
      await deps.audit.record({ actor: { id: session.actor.userId, name: session.actor.username }, ip: req.ip, requestId: req.id, action: 'access.denied', objectType: 'route', objectId: `${req.method} ${route.url}`, outcome: 'denied', extra: { missing } });
      throw new AppError('FORBIDDEN', { missing });
    }
  });
}
