/**
 * Data scope of 行政执法监督 (issue 5 follow-up). Enforcement records (inspections, penalties, 12345 complaints, flags,
 * clues, orders) belong to the district's agencies and are about firms, not to a department of this bureau, so the
 * platform's department scope (platform/identity scope helpers) is mapped onto them as follows:
 *
 * - DISTRICT (everything): a data scope of 'all', or visible departments that include the bureau itself (the root) or
 *   the enforcement-supervision section (a department whose name contains 行政执法监督). 《行政执法监督条例》第六条:
 *   the county-level 司法行政部门 is the government's enforcement-supervision body.
 * - STREET: each visible 司法所 (department kind judicialOffice, named “X司法所”) covers the firms registered in
 *   “X街道” (enforcement_firms.street): their inspections, penalties, complaints, flags, clues and orders. The same
 *   article has the street-level 司法所 assist the supervision body.
 * - AGENCY: the agencies a user speaks for as liaison (enforcement_agency_liaisons): their own records, flags naming
 *   them, their clues and orders.
 * A user gets the union of STREET and AGENCY; anyone else (e.g. another section of the bureau) sees nothing. Writes
 * of the supervision body (clues, orders, verification, registers, imports, rule settings) need DISTRICT.
 *
 * Enforced in the queries: `scopeFilter` is a SQL predicate on the caller's column names (identifiers supplied by
 * this module's code, never input), the same text on SQLite and PostgreSQL.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { AppError } from '../../../common/errors';
import type { Db } from '../../db';
import type { Actor } from '../../platform/identity';
import './supervision.tables';

export interface EnforcementScope {
  all: boolean;
  /** 街道 names (as stored in enforcement_firms.street) */
  streets: string[];
  /** agency codes (liaison registrations) */
  agencies: string[];
}

export const DISTRICT: EnforcementScope = { all: true, streets: [], agencies: [] };
const SUPERVISION_SECTION = /行政执法监督/;

/** The street a 司法所 covers: “西长安街司法所” → “西长安街街道”. */
export function streetOfOffice(name: string): string | null {
  const m = /^(.+?)司法所$/.exec(name.trim());
  return m ? `${m[1]}街道` : null;
}

/** Resolve the actor's enforcement scope (two small indexed queries). */
export async function enforcementScope(db: Db, actor: Actor): Promise<EnforcementScope> {
  if (actor.dataScope !== 'own' && actor.scopeDepartmentIds === null) return DISTRICT;
  const streets: string[] = [];
  if (actor.dataScope !== 'own' && actor.scopeDepartmentIds && actor.scopeDepartmentIds.length) {
    const depts = await db.selectFrom('departments').select(['name', 'kind', 'parentId']).where('id', 'in', actor.scopeDepartmentIds).execute();
    if (depts.some((d) => d.parentId === null || SUPERVISION_SECTION.test(d.name))) return DISTRICT;
    for (const d of depts) {
      const s = d.kind === 'judicialOffice' ? streetOfOffice(d.name) : null;
      if (s) streets.push(s);
    }
  }
  const agencies = (await db.selectFrom('enforcementAgencyLiaisons').select('agencyCode').where('userId', '=', actor.userId).execute()).map((r) => r.agencyCode);
  return { all: false, streets: [...new Set(streets)].sort(), agencies: [...new Set(agencies)].sort() };
}

/** Writes of the supervision body: refused (OUT_OF_SCOPE) unless the scope is the whole district. */
export function assertDistrict(scope: EnforcementScope): void {
  if (!scope.all) throw new AppError('OUT_OF_SCOPE', { scope: 'enforcementDistrict' });
}

export const isEmpty = (s: EnforcementScope) => !s.all && s.streets.length === 0 && s.agencies.length === 0;

/**
 * A predicate restricting rows to the scope. `firm`: the column holding the firm's credit code (its street decides the
 * STREET part); `agency`: a column holding one agency code, or `{ json: column }` for a JSON array of agency codes
 * (enforcement_detections.agency_codes), or null when the rows name no agency.
 */
export function scopeFilter(scope: EnforcementScope, firm: string | null, agency: string | { json: string } | null): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const parts: RawBuilder<unknown>[] = [];
  if (firm && scope.streets.length) parts.push(sql`${sql.ref(firm)} in (select f.credit_code from enforcement_firms f where f.street in (${sql.join(scope.streets)}))`);
  if (agency && scope.agencies.length) {
    if (typeof agency === 'string') parts.push(sql`${sql.ref(agency)} in (${sql.join(scope.agencies)})`);
    else for (const a of scope.agencies) parts.push(sql`${sql.ref(agency.json)} like ${`%${JSON.stringify(a).replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  }
  if (!parts.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** zh-CN description of the scope, shown on the pages (数据范围). */
export function describeScope(s: EnforcementScope, agencyNames?: ReadonlyMap<string, string>): string {
  if (s.all) return '全区';
  const parts: string[] = [];
  if (s.streets.length) parts.push(`${s.streets.join('、')}辖区企业`);
  if (s.agencies.length) parts.push(`联络执法主体 ${s.agencies.map((a) => agencyNames?.get(a) ?? a).join('、')}`);
  return parts.length ? parts.join('；') : '无（未关联司法所或执法主体）';
}
