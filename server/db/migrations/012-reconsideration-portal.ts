import type { Kysely } from 'kysely';

/**
 * 行政复议 public portal: online applications (receipt number + hashed query code), their attachments, and the
 * per-receipt-number lockout of the progress query. Schema builder only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reconsideration_portal_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('reconsideration_cases.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    /** scrypt$<salt>$<hash> of the query code; the code itself is shown once and never stored */
    .addColumn('query_hash', 'text', (c) => c.notNull())
    /** SM4-encrypted 住所 (address) and 邮政编码 */
    .addColumn('address_enc', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reconsideration_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('reconsideration_cases.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    /** metadata only: the stored file has no extension and a random name */
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** relative to <FAZHI_DATA_DIR>/uploads: reconsideration/<yyyy>/<uuid> */
    .addColumn('storage_path', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recon_attachments_case').on('reconsideration_attachments').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('reconsideration_portal_attempts')
    /** any receipt number typed, existing or not: the lockout does not reveal which ones exist */
    .addColumn('receipt_no', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema.createIndex('recon_portal_attempts_last').on('reconsideration_portal_attempts').column('last_failure_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reconsideration_portal_attempts').execute();
  await db.schema.dropTable('reconsideration_attachments').execute();
  await db.schema.dropTable('reconsideration_portal_applications').execute();
}
