import type { Kysely } from 'kysely';

/**
 * 行政执法监督: the supervision workflow (问题线索 → 督办单 → 整改报告 → 核查 → 办结; 执法监督意见书), its document
 * numbering, the agencies' liaison users, and the indexes the analysis views group by. Schema builder only.
 * Small tables (a district raises hundreds of clues a year): no sharding key needed; they reference the firm and the
 * agency by code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enforcement_clues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clue_no', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('target_credit_code', 'text')
    .addColumn('field', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text')
    .addColumn('complaint_credit_code', 'text')
    .addColumn('dismiss_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('enforcement_clues_status').on('enforcement_clues').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('enforcement_clues_target').on('enforcement_clues').column('target_credit_code').execute();

  // A flag belongs to at most one clue (unique detection_id): a flag cannot be turned into two clues.
  await db.schema
    .createTable('enforcement_clue_flags')
    .addColumn('detection_id', 'text', (c) => c.primaryKey())
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enforcement_clue_flags_clue').on('enforcement_clue_flags').column('clue_id').execute();

  await db.schema
    .createTable('enforcement_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('clue_id', 'text', (c) => c.notNull().unique())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('deadline_id', 'text')
    .addColumn('due_date', 'text')
    .addColumn('report', 'text')
    .addColumn('rectified_on', 'text')
    .addColumn('reported_on', 'text')
    .addColumn('reported_by', 'text')
    .addColumn('verification_note', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('rounds', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('enforcement_orders_agency').on('enforcement_orders').columns(['agency_code', 'status']).execute();
  await db.schema.createIndex('enforcement_orders_status_due').on('enforcement_orders').columns(['status', 'due_date']).execute();

  await db.schema
    .createTable('enforcement_order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enforcement_order_events_order').on('enforcement_order_events').columns(['order_id', 'seq']).unique().execute();

  await db.schema
    .createTable('enforcement_opinions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opinion_no', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enforcement_opinions_order').on('enforcement_opinions').column('order_id').execute();

  // Unified numbering per document kind and year (督办单 西执督〔2026〕N号, 意见书 西执监意〔2026〕N号, 线索 XS2026-N).
  await db.schema
    .createTable('enforcement_doc_counters')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_doc_counters_pk', ['kind', 'year'])
    .execute();

  // Which users speak for which agency (执法单位联络员): their data scope on orders.
  await db.schema
    .createTable('enforcement_agency_liaisons')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_agency_liaisons_pk', ['user_id', 'agency_code'])
    .execute();

  // Analysis: both scans of a date range (grouped by month/field/agency/kind, and by firm) read this covering index
  // instead of the table — on 10^6 rows a year's analysis takes ~2 s on SQLite instead of ~8 s. It costs import time
  // (one more B-tree per row); measured in the report of issue 5.
  await db.schema.createIndex('enforcement_inspections_day_field').on('enforcement_inspections').columns(['inspected_on', 'field', 'agency_code', 'kind', 'found_problem', 'target_credit_code']).execute();
  await db.schema.createIndex('enforcement_complaints_agency').on('enforcement_complaints').columns(['agency_code', 'received_on']).execute();
  await db.schema.createIndex('enforcement_penalties_agency').on('enforcement_penalties').columns(['agency_code', 'filed_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enforcement_penalties_agency').execute();
  await db.schema.dropIndex('enforcement_complaints_agency').execute();
  await db.schema.dropIndex('enforcement_inspections_day_field').execute();
  for (const t of ['enforcement_agency_liaisons', 'enforcement_doc_counters', 'enforcement_opinions', 'enforcement_order_events', 'enforcement_orders', 'enforcement_clue_flags', 'enforcement_clues']) await db.schema.dropTable(t).execute();
}
