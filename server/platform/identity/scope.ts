import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { AppError } from '../../../common/errors';
import type { Actor } from './actor';

/**
 * Data scope enforced in the query (own / department / department and below / all).
 * `departmentColumn` and `ownerColumn` name the row's department and owning user.
 */
export function scopeWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  departmentColumn: string,
  ownerColumn?: string,
): Expression<SqlBool> {
  const ref = (c: string) => eb.ref(c as never);
  if (actor.dataScope === 'own') {
    if (!ownerColumn) return sql<SqlBool>`1 = 0`;
    return eb(ref(ownerColumn), '=', actor.userId as never) as never;
  }
  if (actor.scopeDepartmentIds === null) return sql<SqlBool>`1 = 1`;
  return eb(ref(departmentColumn), 'in', actor.scopeDepartmentIds as never) as never;
}

/**
 * The same rule as scopeWhere, as a SQL fragment with positional parameters, for the few hand-written SQLite
 * statements on hot paths. The column names are trusted identifiers supplied by the caller, never input.
 */
export function scopeSql(actor: Actor, departmentColumn: string, ownerColumn?: string): { sql: string; params: string[] } {
  if (actor.dataScope === 'own') return ownerColumn ? { sql: `${ownerColumn} = ?`, params: [actor.userId] } : { sql: '1 = 0', params: [] };
  const ids = actor.scopeDepartmentIds;
  if (ids === null) return { sql: '1 = 1', params: [] };
  if (ids.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `${departmentColumn} in (${ids.map(() => '?').join(', ')})`, params: ids };
}

/**
 * Whether a department lies within the actor's data scope: any for 'all', the resolved departments otherwise (for
 * 'own' that is the actor's own department, as a filter; a single record of 'own' scope also needs its owner:
 * assertInScope).
 */
export function departmentInScope(actor: Actor, departmentId: string): boolean {
  return actor.scopeDepartmentIds === null || actor.scopeDepartmentIds.includes(departmentId);
}

/** Throws OUT_OF_SCOPE when a single record lies outside the actor's data scope. */
export function assertInScope(actor: Actor, departmentId: string, ownerId?: string | null): void {
  if (actor.dataScope === 'own') {
    if (ownerId && ownerId === actor.userId) return;
    throw new AppError('OUT_OF_SCOPE');
  }
  if (!departmentInScope(actor, departmentId)) throw new AppError('OUT_OF_SCOPE');
}
