import type { Kysely } from 'kysely';

/** 行政复议: the case register, its timeline and the per-year case-number counter. Schema builder only. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reconsideration_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resume_to', 'text')
    .addColumn('procedure', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('postmark_on', 'text')
    .addColumn('oral_record', 'text')
    .addColumn('oral_confirmed', 'integer')
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_credit_code', 'text')
    .addColumn('applicant_key', 'text', (c) => c.notNull())
    .addColumn('respondent_name', 'text', (c) => c.notNull())
    .addColumn('respondent_key', 'text', (c) => c.notNull())
    .addColumn('act_name', 'text', (c) => c.notNull())
    .addColumn('act_doc_no', 'text')
    .addColumn('act_doc_key', 'text')
    .addColumn('act_made_on', 'text')
    .addColumn('act_known_on', 'text', (c) => c.notNull())
    .addColumn('act_real_estate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('act_rights_known_on', 'text')
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('late_explanation', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('application_due', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_on', 'text')
    .addColumn('rejected_on', 'text')
    .addColumn('correction_items', 'text')
    .addColumn('copy_sent_on', 'text')
    .addColumn('respondent_received_on', 'text')
    .addColumn('reply_received_on', 'text')
    .addColumn('suspended_on', 'text')
    .addColumn('suspension_ground', 'integer')
    .addColumn('extension_days', 'integer')
    .addColumn('decision_type', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('terminated_on', 'text')
    .addColumn('termination_ground', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // List pages by scope (department or handler) ordered by receipt; duplicate detection by applicant and act.
  await db.schema.createIndex('recon_cases_dept_received').on('reconsideration_cases').columns(['department_id', 'received_on', 'id']).execute();
  await db.schema.createIndex('recon_cases_handler_received').on('reconsideration_cases').columns(['handler_id', 'received_on', 'id']).execute();
  await db.schema.createIndex('recon_cases_applicant').on('reconsideration_cases').column('applicant_key').execute();
  await db.schema.createIndex('recon_cases_act_doc').on('reconsideration_cases').column('act_doc_key').execute();
  await db.schema.createIndex('recon_cases_act_name').on('reconsideration_cases').columns(['act_name', 'act_made_on']).execute();

  await db.schema
    .createTable('reconsideration_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('reconsideration_cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('recon_events_case').on('reconsideration_events').columns(['case_id', 'version']).unique().execute();

  await db.schema
    .createTable('reconsideration_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reconsideration_events').execute();
  await db.schema.dropTable('reconsideration_cases').execute();
  await db.schema.dropTable('reconsideration_counters').execute();
}
