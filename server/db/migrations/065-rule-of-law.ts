import type { Kysely } from 'kysely';

/**
 * 法治建设工作记录: 法治培训 and attendance, 领导干部学法, 述法, 法治督察 and findings, 考核评价体系, 普法. Schema builder
 * only. Every ledger row carries the department (科室 or 司法所) it belongs to: each 司法所 sees its own, the bureau all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const audit = <T extends { addColumn: any }>(t: T): T =>
    t.addColumn('created_by', 'text', (c: any) => c.notNull()).addColumn('created_at', 'text', (c: any) => c.notNull());

  await audit(
    db.schema
      .createTable('rol_trainings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('hours', 'double precision', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('lecturer', 'text'),
  ).execute();
  await db.schema.createIndex('rol_trainings_dept').on('rol_trainings').columns(['department_id', 'held_on']).execute();
  await audit(
    db.schema
      .createTable('rol_training_attendance')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('training_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('hours', 'double precision', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('rol_attendance_training').on('rol_training_attendance').columns(['training_id', 'department_id']).execute();
  await db.schema.createIndex('rol_attendance_dept').on('rol_training_attendance').column('department_id').execute();

  await audit(
    db.schema
      .createTable('rol_study_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('meeting_name', 'text')
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('laws_studied', 'text')
      .addColumn('lecturer', 'text')
      .addColumn('attendees', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('rol_study_dept').on('rol_study_sessions').columns(['department_id', 'held_on']).execute();

  await audit(
    db.schema
      .createTable('rol_law_reportings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('reporter_name', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('setting', 'text', (c) => c.notNull())
      .addColumn('grade', 'text')
      .addColumn('summary', 'text'),
  ).execute();
  await db.schema.createIndex('rol_reportings_unique').on('rol_law_reportings').columns(['year', 'department_id', 'reporter_name']).unique().execute();

  await audit(
    db.schema
      .createTable('rol_inspections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('inspected_on', 'text', (c) => c.notNull())
      .addColumn('team', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('rol_inspections_dept').on('rol_inspections').columns(['department_id', 'inspected_on']).execute();
  await audit(
    db.schema
      .createTable('rol_findings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inspection_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('internal_control', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rectification_due', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rectified_on', 'text')
      .addColumn('rectification_note', 'text')
      .addColumn('verified_on', 'text')
      .addColumn('verified_by', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('rol_findings_inspection').on('rol_findings').column('inspection_id').execute();
  await db.schema.createIndex('rol_findings_dept').on('rol_findings').columns(['department_id', 'status']).execute();

  await audit(
    db.schema
      .createTable('rol_assessment_schemes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('rol_schemes_year').on('rol_assessment_schemes').column('year').unique().execute();
  await db.schema
    .createTable('rol_assessment_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scheme_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('max_score', 'double precision', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('rol_indicators_scheme').on('rol_assessment_indicators').columns(['scheme_id', 'code']).unique().execute();
  await db.schema
    .createTable('rol_assessment_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scheme_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('scored_by', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rol_scores_unique').on('rol_assessment_scores').columns(['indicator_id', 'department_id']).unique().execute();
  await db.schema.createIndex('rol_scores_scheme').on('rol_assessment_scores').columns(['scheme_id', 'department_id']).execute();

  await audit(
    db.schema
      .createTable('rol_publicity_plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start_year', 'integer', (c) => c.notNull())
      .addColumn('end_year', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('note', 'text'),
  ).execute();
  await audit(
    db.schema
      .createTable('rol_publicity_campaigns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('theme', 'text')
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull()),
  ).execute();
  await audit(
    db.schema
      .createTable('rol_education_bases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('designated_on', 'text', (c) => c.notNull()),
  ).execute();
  await audit(
    db.schema
      .createTable('rol_publicity_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text')
      .addColumn('base_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('audience', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('rol_events_dept').on('rol_publicity_events').columns(['department_id', 'held_on']).execute();
  await db.schema.createIndex('rol_events_campaign').on('rol_publicity_events').column('campaign_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rol_publicity_events', 'rol_education_bases', 'rol_publicity_campaigns', 'rol_publicity_plans', 'rol_assessment_scores', 'rol_assessment_indicators', 'rol_assessment_schemes', 'rol_findings', 'rol_inspections', 'rol_law_reportings', 'rol_study_sessions', 'rol_training_attendance', 'rol_trainings'])
    await db.schema.dropTable(t).ifExists().execute();
}
