/** Queries on the 合法性审查 tables (and read-only lookups of users, departments and deadlines, marked). */
import { type Expression, type ExpressionBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import type { Database, Db } from '../../db';
import { type Actor, scopeWhere } from '../../platform/identity';
import './tables';

type Q = Db | Transaction<Database>;
export type DraftRow = Database['legalityDrafts'];

/** objectType of this module's rows on the platform deadline register. */
export const OBJECT_TYPE = 'legalityDraft';
export const MODULE = 'legalityReview';

/**
 * Data scope of a draft: 'own' sees the drafts it registered (drafting unit) or reviews; wider scopes see the drafts
 * of their departments.
 */
export function draftScope(eb: ExpressionBuilder<Database, 'legalityDrafts'>, actor: Actor) {
  if (actor.dataScope === 'own') return eb.or([eb('legalityDrafts.reviewerId', '=', actor.userId), eb('legalityDrafts.createdBy', '=', actor.userId)]);
  return scopeWhere(eb, actor, 'legalityDrafts.departmentId');
}

/** Department-owned registers (contact points, advisers, consultations): 'own' reads its own department's. */
export function departmentScope(eb: ExpressionBuilder<any, any>, actor: Actor, column: string): Expression<SqlBool> {
  if (actor.dataScope === 'own') return eb(eb.ref(column), '=', actor.departmentId) as Expression<SqlBool>;
  return scopeWhere(eb, actor, column);
}

export interface DraftFilter {
  kind?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  expiringBefore?: string | undefined;
}

export function createLegalityRepo(db: Db) {
  function filtered(actor: Actor, f: DraftFilter) {
    let q = db.selectFrom('legalityDrafts').where((eb) => draftScope(eb, actor));
    if (f.kind) q = q.where('legalityDrafts.kind', '=', f.kind);
    if (f.status) q = q.where('legalityDrafts.status', '=', f.status);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
      q = q.where((eb) => eb.or([eb('legalityDrafts.title', 'like', like), eb('legalityDrafts.regNo', 'like', like), eb('legalityDrafts.draftingUnit', 'like', like), eb('legalityDrafts.docNo', 'like', like)]));
    }
    if (f.expiringBefore) q = q.where('legalityDrafts.status', 'in', ['published', 'filed']).where('legalityDrafts.validUntil', 'is not', null).where('legalityDrafts.validUntil', '<=', f.expiringBefore);
    return q;
  }
  return {
    async page(actor: Actor, f: DraftFilter, limit: number, offset: number) {
      return filtered(actor, f)
        .leftJoin('users as u', 'u.id', 'legalityDrafts.reviewerId')
        .selectAll('legalityDrafts')
        .select('u.displayName as reviewerName')
        .orderBy('legalityDrafts.submittedOn', 'desc')
        .orderBy('legalityDrafts.regNo', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
    },
    async count(actor: Actor, f: DraftFilter) {
      const r = await filtered(actor, f).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async get(q: Q, id: string) {
      return q.selectFrom('legalityDrafts').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Next number of a unified series (统一编号) — one row per series and year, incremented in the caller's transaction. */
    async nextNo(trx: Transaction<Database>, key: string): Promise<number> {
      const r = await trx
        .insertInto('legalityCounters')
        .values({ key, value: 1 })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<number>`legality_counters.value + 1` }))
        .returning('value')
        .executeTakeFirstOrThrow();
      return Number(r.value);
    },
    async bump(trx: Transaction<Database>, id: string, version: number, patch: Partial<DraftRow>, now: string) {
      const r = await trx
        .updateTable('legalityDrafts')
        .set({ ...patch, updatedAt: now, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    // read-only lookups outside the module's tables
    async departmentByCode(code: string) {
      return db.selectFrom('departments').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
    },
    async userName(id: string | null) {
      if (!id) return null;
      return (await db.selectFrom('users').select('displayName').where('id', '=', id).executeTakeFirst())?.displayName ?? null;
    },
    async deadlinesOf(id: string) {
      return db.selectFrom('deadlines').selectAll().where('objectType', '=', OBJECT_TYPE).where('objectId', '=', id).orderBy('startDate').orderBy('createdAt').execute();
    },
    async openDeadlines(trx: Transaction<Database>, id: string) {
      return trx.selectFrom('deadlines').select(['id', 'ruleId']).where('objectType', '=', OBJECT_TYPE).where('objectId', '=', id).where('status', '=', 'open').execute();
    },
    async regNumbers(ids: string[]) {
      if (ids.length === 0) return new Map<string, string>();
      const rows = await db.selectFrom('legalityDrafts').select(['id', 'regNo']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.regNo]));
    },
  };
}
export type LegalityRepo = ReturnType<typeof createLegalityRepo>;
