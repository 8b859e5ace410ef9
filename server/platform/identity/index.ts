export type { Actor } from './actor';
export { can } from './actor';
export { createAuthService, MAX_FAILURES, LOCK_MINUTES } from './auth.service';
export type { AuthService, RequestMeta } from './auth.service';
export { createAdminService, dutyOfPermissions } from './admin.service';
export type { AdminService } from './admin.service';
export { identityRoutes, toMe } from './identity.routes';
export { scopeWhere, scopeSql, assertInScope, departmentInScope } from './scope';
export { hashPassword, verifyPassword } from './password';
