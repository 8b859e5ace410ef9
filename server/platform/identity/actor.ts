import type { DataScope, Duty, Permission } from '../../../common/permissions';

/** The authenticated user as every request sees them; built once per session and cached. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  departmentId: string;
  departmentName: string;
  departmentPath: string;
  roles: { id: string; code: string; name: string }[];
  permissions: Set<Permission>;
  dataScope: DataScope;
  /** departments visible under the data scope; null = all */
  scopeDepartmentIds: string[] | null;
  duties: Duty[];
  mustChangePassword: boolean;
  /** the password is older than the configured maximum age (the reason for mustChangePassword, when it is one) */
  passwordExpired?: boolean;
  isDemo: boolean;
}

const SCOPE_ORDER: DataScope[] = ['own', 'department', 'departmentTree', 'all'];
export function widestScope(scopes: string[]): DataScope {
  let best = 0;
  for (const s of scopes) best = Math.max(best, SCOPE_ORDER.indexOf(s as DataScope));
  return SCOPE_ORDER[best] ?? 'own';
}

export function can(actor: Actor, p: Permission): boolean {
  return actor.permissions.has(p);
}
