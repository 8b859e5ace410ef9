import type { Kysely } from 'kysely';

/**
 * 行政执法监督 (issue 5 follow-up). Schema builder only (same file on SQLite and PostgreSQL).
 *
 * 1. A data version per source in enforcement_state: inspections_version, officers_version, plans_version,
 *    penalties_version (data_version stays the global counter that invalidates everything). A register edit bumps its
 *    own counter only, so the cached inspection columns (keyed by the inspection version) survive an officer or plan
 *    edit and only the rules that read that register re-run (ADR 0005, 2026-11-29 section).
 * 2. Approved extensions of the 90-day decision period of 《中华人民共和国行政处罚法》第六十条 ("法律、法规、规章另有规定的，
 *    从其规定"): one row per penalty case, kept apart from enforcement_penalties so that an idempotent re-import of
 *    the case (which replaces its row) never drops an approval. The sector rule cited is free text: law-rules.md §6.1
 *    marks sector extensions UNVERIFIED and the UI says so.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const key of ['inspections_version', 'officers_version', 'plans_version', 'penalties_version']) {
    await db.insertInto('enforcement_state').values({ key, value: 0 }).execute();
  }
  await db.schema
    .createTable('enforcement_penalty_extensions')
    .addColumn('penalty_id', 'text', (c) => c.primaryKey())
    .addColumn('target_credit_code', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('enforcement_penalty_extensions').execute();
  await db.deleteFrom('enforcement_state').where('key', 'in', ['inspections_version', 'officers_version', 'plans_version', 'penalties_version']).execute();
}
