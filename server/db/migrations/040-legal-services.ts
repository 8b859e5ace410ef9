import type { Kysely } from 'kysely';

/**
 * 公共法律服务: legal-aid applications and their timeline, the legal-aid lawyer pool, 12348 / walk-in / online
 * consultation records, service points and the 社区 of the district (for the 15-minute circle), local settings and
 * per-year numbering. Schema builder only. Applications and consultations carry department_id (the key they would be
 * distributed on); applicants are rows of the shared `people` register (SM4 + blind index), a caller's phone number
 * is stored SM4-encrypted with its blind index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legal_aid_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_no', 'text', (c) => c.notNull().unique())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('custody_received_at', 'text')
    .addColumn('forwarded_by', 'text')
    .addColumn('notifying_organ', 'text')
    .addColumn('applicant_person_id', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('aid_group', 'text', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('case_summary', 'text', (c) => c.notNull())
    .addColumn('opposing_party', 'text')
    .addColumn('severe_criminal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('limitation_date', 'text')
    .addColumn('preservation_urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('means', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_on', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('lawyer_id', 'text')
    .addColumn('assigned_on', 'text')
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('closure_summary', 'text')
    .addColumn('quality_grade', 'text')
    .addColumn('termination_ground', 'integer')
    .addColumn('objection_received_on', 'text')
    .addColumn('objection_reason', 'text')
    .addColumn('objection_result', 'text')
    .addColumn('objection_decided_on', 'text')
    .addColumn('objection_note', 'text')
    .addColumn('source_consultation_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('legal_aid_applications_dept').on('legal_aid_applications').columns(['department_id', 'received_on']).execute();
  await db.schema.createIndex('legal_aid_applications_status').on('legal_aid_applications').columns(['status', 'received_on']).execute();
  await db.schema.createIndex('legal_aid_applications_lawyer').on('legal_aid_applications').columns(['lawyer_id', 'status']).execute();

  await db.schema
    .createTable('legal_aid_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_aid_events_app').on('legal_aid_events').columns(['application_id', 'seq']).unique().execute();

  await db.schema
    .createTable('legal_aid_lawyers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('firm_name', 'text', (c) => c.notNull())
    .addColumn('practice_years', 'integer', (c) => c.notNull())
    .addColumn('criminal_years', 'integer', (c) => c.notNull())
    .addColumn('specialties', 'text', (c) => c.notNull())
    .addColumn('conflict_parties', 'text', (c) => c.notNull())
    .addColumn('max_load', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legal_service_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_no', 'text', (c) => c.notNull().unique())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('caller_name', 'text')
    .addColumn('caller_mobile_enc', 'text')
    .addColumn('caller_mobile_bidx', 'text')
    .addColumn('aid_group', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    .addColumn('referred_to', 'text')
    .addColumn('referral_id', 'text')
    .addColumn('follow_up_on', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('follow_up_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_service_consultations_dept').on('legal_service_consultations').columns(['department_id', 'started_at']).execute();

  await db.schema
    .createTable('legal_service_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('community', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legal_service_communities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legal_service_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legal_service_counters')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('legal_service_counters_pk', ['kind', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['legal_service_counters', 'legal_service_settings', 'legal_service_communities', 'legal_service_points', 'legal_service_consultations', 'legal_aid_lawyers', 'legal_aid_events', 'legal_aid_applications']) await db.schema.dropTable(t).execute();
}
