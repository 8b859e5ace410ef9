import type { Kysely } from 'kysely';

/**
 * 行政复议 public portal: one submission token per filled application form. A citizen on a poor connection may send
 * the same form twice (timeout, retry, double tap); the primary key on the token's hash lets only one of them register
 * a case (one 登记, one review clock), even when the two requests race, and the retry gets the first receipt back.
 * Schema builder only (SQLite and PostgreSQL).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reconsideration_portal_submissions')
    /** SHA-256 (hex) of the random token the form generated: the token itself is a bearer secret and is not stored */
    .addColumn('submission_key', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('reconsideration_cases.id'))
    /** SHA-256 of the application as parsed and of its attachments: the same token with other content is refused */
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    /** SM4-encrypted receipt (with the query code) for a retry; emptied once the retry window has passed */
    .addColumn('receipt_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recon_portal_submissions_created').on('reconsideration_portal_submissions').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reconsideration_portal_submissions').execute();
}
