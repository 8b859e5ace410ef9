import type { Kysely } from 'kysely';

/**
 * 行政执法监督: 12345 complaints about enforcement imported from the hotline's export (CSV/XLSX, idempotent by
 * complaint id), and complaints linked to problem clues. Schema builder only (same file on SQLite and PostgreSQL).
 *
 * - enforcement_complaints keeps (target_credit_code, id) as its key (sharding by firm, migration 030); the importer
 *   looks ids up through the new plain index on id (a complaint id is unique across firms), and the job that last
 *   wrote a row is recorded like the inspection and penalty imports.
 * - enforcement_clue_complaints: a complaint linked to an existing problem clue (e.g. a clue raised from detection
 *   flags on the same firm); a clue raised FROM a complaint keeps its complaint_id as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('enforcement_complaints').addColumn('import_job_id', 'text').execute();
  await db.schema.alterTable('enforcement_complaints').addColumn('updated_at', 'text').execute();
  await db.schema.createIndex('enforcement_complaints_id').on('enforcement_complaints').column('id').execute();
  await db.schema.createIndex('enforcement_complaints_target').on('enforcement_complaints').columns(['target_credit_code', 'received_on']).execute();
  await db.schema
    .createTable('enforcement_clue_complaints')
    .addColumn('complaint_id', 'text', (c) => c.primaryKey())
    .addColumn('target_credit_code', 'text', (c) => c.notNull())
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enforcement_clue_complaints_clue').on('enforcement_clue_complaints').column('clue_id').execute();
  // firm → street (the 司法所's data scope reads firms by street)
  await db.schema.createIndex('enforcement_firms_street').on('enforcement_firms').columns(['street', 'credit_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enforcement_firms_street').execute();
  await db.schema.dropTable('enforcement_clue_complaints').execute();
  await db.schema.dropIndex('enforcement_complaints_target').execute();
  await db.schema.dropIndex('enforcement_complaints_id').execute();
  await db.schema.alterTable('enforcement_complaints').dropColumn('updated_at').execute();
  await db.schema.alterTable('enforcement_complaints').dropColumn('import_job_id').execute();
}
