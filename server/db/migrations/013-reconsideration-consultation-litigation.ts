import type { Kysely } from 'kysely';

/**
 * 行政复议 consultation log (咨询接待) and 行政应诉 (litigation: cases, hearings). Schema builder only.
 * Personal data of visitors lives in the people register (visitor_person_id), never here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reconsideration_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('consulted_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text')
    .addColumn('visitor_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('respondent_name', 'text')
    .addColumn('matter_type', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('reconsideration_cases.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Period aggregates by scope; the list by date.
  await db.schema.createIndex('recon_consult_dept_date').on('reconsideration_consultations').columns(['department_id', 'consulted_on', 'outcome']).execute();
  await db.schema.createIndex('recon_consult_handler_date').on('reconsideration_consultations').columns(['handler_id', 'consulted_on']).execute();
  // Period statistics of the case register (received / accepted / concluded in a period).
  await db.schema.createIndex('recon_cases_accepted_on').on('reconsideration_cases').column('accepted_on').execute();
  await db.schema.createIndex('recon_cases_decided_on').on('reconsideration_cases').column('decided_on').execute();
  await db.schema.createIndex('recon_cases_terminated_on').on('reconsideration_cases').column('terminated_on').execute();
  await db.schema.createIndex('recon_cases_received_on').on('reconsideration_cases').column('received_on').execute();

  await db.schema
    .createTable('litigation_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('court', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('plaintiff', 'text', (c) => c.notNull())
    .addColumn('defendant', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('recon_case_id', 'text', (c) => c.references('reconsideration_cases.id'))
    .addColumn('recon_case_no', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('complaint_received_on', 'text', (c) => c.notNull())
    .addColumn('defence_due', 'text', (c) => c.notNull())
    .addColumn('defence_submitted_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_on', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('appeal_by', 'text')
    .addColumn('appeal_filed_on', 'text')
    .addColumn('appeal_case_no', 'text')
    .addColumn('appeal_outcome', 'text')
    .addColumn('appeal_outcome_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('litigation_cases_dept_filed').on('litigation_cases').columns(['department_id', 'filed_on']).execute();
  await db.schema.createIndex('litigation_cases_handler_filed').on('litigation_cases').columns(['handler_id', 'filed_on']).execute();

  await db.schema
    .createTable('litigation_hearings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('litigation_cases.id'))
    .addColumn('hearing_on', 'text', (c) => c.notNull())
    .addColumn('head_appeared', 'integer', (c) => c.notNull())
    .addColumn('head_name', 'text')
    .addColumn('head_title', 'text')
    .addColumn('representatives', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('litigation_hearings_case').on('litigation_hearings').columns(['case_id', 'hearing_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('litigation_hearings').execute();
  await db.schema.dropTable('litigation_cases').execute();
  for (const i of ['recon_cases_accepted_on', 'recon_cases_decided_on', 'recon_cases_terminated_on', 'recon_cases_received_on']) await db.schema.dropIndex(i).execute();
  await db.schema.dropTable('reconsideration_consultations').execute();
}
