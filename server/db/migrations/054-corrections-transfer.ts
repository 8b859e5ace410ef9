import type { Kysely } from 'kysely';

/**
 * 执行地变更 hand-over (《中华人民共和国社区矫正法》第二十七条第二款). The subject row carries the hand-over in progress
 * (receiving 司法所 and the approved request) and, for a transfer out of the district, the receiving organ; the
 * history of who had the subject when is kept in correction_transfers (one row per hand-over: from 司法所 and named
 * staff, to 司法所 and named staff or the receiving organ outside the district, the dates and the users). Schema
 * builder only (SQLite and PostgreSQL).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('correction_subjects').addColumn('transfer_to_department_id', 'text').execute();
  await db.schema.alterTable('correction_subjects').addColumn('transfer_record_id', 'text').execute();
  await db.schema.alterTable('correction_subjects').addColumn('receiving_organ', 'text').execute();
  await db.schema.createIndex('correction_subjects_transfer_to').on('correction_subjects').column('transfer_to_department_id').execute();
  await db.schema
    .createTable('correction_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('correction_subjects.id'))
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('from_department_id', 'text', (c) => c.notNull())
    .addColumn('from_staff', 'text', (c) => c.notNull())
    .addColumn('to_department_id', 'text')
    .addColumn('to_staff', 'text')
    .addColumn('receiving_organ', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('deadlines_moved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correction_transfers_subject').on('correction_transfers').columns(['subject_id', 'started_on']).execute();
  await db.schema.createIndex('correction_transfers_from').on('correction_transfers').column('from_department_id').execute();
  await db.schema.createIndex('correction_transfers_to').on('correction_transfers').column('to_department_id').execute();
  // settings the bureau makes where the law leaves a period unverified (e.g. the report to the new place, 待核实)
  await db.schema
    .createTable('correction_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('correction_settings').execute();
  await db.schema.dropTable('correction_transfers').execute();
  await db.schema.dropIndex('correction_subjects_transfer_to').execute();
  await db.schema.alterTable('correction_subjects').dropColumn('receiving_organ').execute();
  await db.schema.alterTable('correction_subjects').dropColumn('transfer_record_id').execute();
  await db.schema.alterTable('correction_subjects').dropColumn('transfer_to_department_id').execute();
}
