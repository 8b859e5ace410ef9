import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * 行政执法监督 core registers and the detection store. Schema builder only (same file on SQLite and PostgreSQL).
 *
 * Sharding: every large table (inspections, penalties, complaints) carries the firm it is about
 * (target_credit_code, 统一社会信用代码) in its primary key, so a PostgreSQL-compatible distributed engine (Citus)
 * can distribute them by firm (`create_distributed_table('enforcement_inspections', 'target_credit_code')`) without a
 * redesign, and the one-file-per-firm view (一企一档) reads a single shard. Uniqueness of the record id alone
 * (idempotent import) is kept by the importer, which looks an id up through its plain index before writing.
 * Small registers (agencies, officers, plans, firms) are reference tables.
 *
 * Dialect branch (SQLite only): the embedded single-node store keys the record tables by id alone, WITHOUT ROWID, so
 * that a bulk import appends to one b-tree in id order instead of inserting at random credit codes (4× faster import
 * in bench/enforcement.ts); the firm gets a secondary index there. PostgreSQL keeps the shardable key.
 */
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;
export async function up(db: Kysely<any>): Promise<void> {
  // 执法主体: legal basis (设立依据/执法依据) and the key fields it enforces in (JSON array of field codes).
  await db.schema
    .createTable('enforcement_agencies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('street', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // 执法人员 and the enforcement certificate (执法证) with its validity.
  await db.schema
    .createTable('enforcement_officers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('certificate_no', 'text')
    .addColumn('certificate_valid_from', 'text')
    .addColumn('certificate_valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('enforcement_officers_agency').on('enforcement_officers').column('agency_code').execute();

  // 年度行政检查计划 (北京市优化营商环境条例第六十七条) with the per-firm annual cap (国办发〔2024〕54号).
  await db.schema
    .createTable('enforcement_inspection_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('per_firm_cap', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('enforcement_plans_agency_year').on('enforcement_inspection_plans').columns(['agency_code', 'year', 'field']).execute();

  // 检查对象 (firms), keyed by 统一社会信用代码; the name as last imported, the street (街道) for the street view.
  await db.schema
    .createTable('enforcement_firms')
    .addColumn('credit_code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('street', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // 行政检查记录: the CSV fields (agency_name and target_name are kept in the agency and firm registers).
  // kind: plan | random | complaint | special | other; found_problem 0/1; joint_id shared by one joint inspection.
  await db.schema
    .createTable('enforcement_inspections')
    .addColumn('target_credit_code', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('joint_id', 'text')
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('found_problem', 'integer', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('import_job_id', 'text')
    .$call((b) => (isPostgres(db) ? b.addPrimaryKeyConstraint('enforcement_inspections_pk', ['target_credit_code', 'id']) : b.addPrimaryKeyConstraint('enforcement_inspections_pk', ['id']).modifyEnd(sql`without rowid`)))
    .execute();
  if (isPostgres(db)) await db.schema.createIndex('enforcement_inspections_id').on('enforcement_inspections').column('id').execute();
  else await db.schema.createIndex('enforcement_inspections_target').on('enforcement_inspections').columns(['target_credit_code', 'inspected_on']).execute();

  // 行政处罚案件: 立案 to 决定 on the 90-day clock of 《中华人民共和国行政处罚法》第六十条.
  // discretion_level: light (从轻) | ordinary (一般) | heavy (从重) | mitigated (减轻); amount in yuan (integer fen would be
  // amount_fen; fines are whole yuan in practice) — stored as integer yuan.
  await db.schema
    .createTable('enforcement_penalties')
    .addColumn('target_credit_code', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'text')
    .addColumn('inspection_id', 'text')
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('violation_code', 'text', (c) => c.notNull())
    .addColumn('discretion_level', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('import_job_id', 'text')
    .$call((b) => (isPostgres(db) ? b.addPrimaryKeyConstraint('enforcement_penalties_pk', ['target_credit_code', 'id']) : b.addPrimaryKeyConstraint('enforcement_penalties_pk', ['id']).modifyEnd(sql`without rowid`)))
    .execute();
  if (isPostgres(db)) await db.schema.createIndex('enforcement_penalties_id').on('enforcement_penalties').column('id').execute();
  else await db.schema.createIndex('enforcement_penalties_target').on('enforcement_penalties').column('target_credit_code').execute();
  await db.schema.createIndex('enforcement_penalties_filed').on('enforcement_penalties').columns(['filed_on']).execute();

  // 12345 热线 complaints about enforcement (涉企执法投诉).
  await db.schema
    .createTable('enforcement_complaints')
    .addColumn('target_credit_code', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('agency_code', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_complaints_pk', ['target_credit_code', 'id'])
    .execute();
  await db.schema.createIndex('enforcement_complaints_received').on('enforcement_complaints').column('received_on').execute();

  // Import jobs (progress, counts) and their rejected rows (the downloadable error report).
  await db.schema
    .createTable('enforcement_import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('processed', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createTable('enforcement_import_rejections')
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_import_rejections_pk', ['job_id', 'seq'])
    .execute();

  // Detection settings: current parameters per rule (audited on change; version for optimistic locking).
  await db.schema
    .createTable('enforcement_detection_settings')
    .addColumn('rule', 'text', (c) => c.primaryKey())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Materialised flags (问题线索 source). id is stable: rule + group key + first evidence record, so a re-run over
  // the same data yields the same id and clues stay linked. status: active | cleared (no longer raised by a later run).
  await db.schema
    .createTable('enforcement_detections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('target_credit_code', 'text')
    .addColumn('agency_codes', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'text')
    .addColumn('field', 'text')
    .addColumn('inspection_ids', 'text', (c) => c.notNull())
    .addColumn('penalty_ids', 'text', (c) => c.notNull())
    .addColumn('first_on', 'text', (c) => c.notNull())
    .addColumn('last_on', 'text', (c) => c.notNull())
    .addColumn('evidence_count', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enforcement_detections_rule_first').on('enforcement_detections').columns(['rule', 'status', 'first_on']).execute();
  await db.schema.createIndex('enforcement_detections_target').on('enforcement_detections').column('target_credit_code').execute();

  // Which (rule, range) was last materialised against which data and parameter versions.
  await db.schema
    .createTable('enforcement_detection_runs')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('range_from', 'text', (c) => c.notNull())
    .addColumn('range_to', 'text', (c) => c.notNull())
    .addColumn('data_version', 'integer', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('flags', 'integer', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_detection_runs_pk', ['rule', 'range_from', 'range_to'])
    .execute();

  // Data version: bumped by every import/register change so cached columns and materialised runs are refreshed.
  await db.schema
    .createTable('enforcement_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('enforcement_state').values({ key: 'data_version', value: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['enforcement_state', 'enforcement_detection_runs', 'enforcement_detections', 'enforcement_detection_settings', 'enforcement_import_rejections', 'enforcement_import_jobs', 'enforcement_complaints', 'enforcement_penalties', 'enforcement_inspections', 'enforcement_firms', 'enforcement_inspection_plans', 'enforcement_officers', 'enforcement_agencies']) {
    await db.schema.dropTable(t).execute();
  }
}
