import type { Kysely } from 'kysely';

/**
 * 文书作废: an issued document that was not yet served (or a draft) can be voided with a reason. The number it
 * took stays used (never handed out again), so the gap in the year's sequence is explained by the void record.
 * Schema builder only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reconsideration_documents').addColumn('void_reason', 'text').execute();
  await db.schema.alterTable('reconsideration_documents').addColumn('voided_by', 'text', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('reconsideration_documents').addColumn('voided_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reconsideration_documents').dropColumn('voided_at').execute();
  await db.schema.alterTable('reconsideration_documents').dropColumn('voided_by').execute();
  await db.schema.alterTable('reconsideration_documents').dropColumn('void_reason').execute();
}
