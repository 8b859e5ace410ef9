export { createAuditService, diffOf, hashEntry, GENESIS_HASH } from './audit.service';
export type { AuditService, AuditInput, AuditActor } from './audit.service';
export { maskValue } from './mask';
export { auditRoutes } from './audit.routes';
