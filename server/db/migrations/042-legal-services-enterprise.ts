import type { Kysely } from 'kysely';

/**
 * 公共法律服务, issue 6 second part: enterprise legal services (requests, 法治体检 and findings, campaigns), the
 * institution registers' details with annual assessments, honours, integrity grades, complaints and business volume,
 * the administrative approvals register, 12348 quality samples and scores, the answer knowledge base, the referral
 * label of a consultation and the legal-aid materials step (Art. 43 ¶2). Schema builder only; rows that belong to a
 * department carry department_id and handler_id for the data scope.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('legal_service_enterprise_requests')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('request_no', text, (c) => c.notNull().unique())
    .addColumn('department_id', text, (c) => c.notNull())
    .addColumn('handler_id', text, (c) => c.notNull())
    .addColumn('firm_name', text, (c) => c.notNull())
    .addColumn('credit_code', text, (c) => c.notNull())
    .addColumn('firm_type', text, (c) => c.notNull())
    .addColumn('industry', text, (c) => c.notNull())
    .addColumn('street', text, (c) => c.notNull())
    .addColumn('contact_name', text)
    .addColumn('topic', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('received_on', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('lawyer_id', text)
    .addColumn('team_name', text)
    .addColumn('assigned_on', text)
    .addColumn('response', text)
    .addColumn('responded_on', text)
    .addColumn('closed_on', text)
    .addColumn('satisfaction', text)
    .addColumn('closure_note', text)
    .addColumn('campaign_id', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('legal_service_enterprise_requests_dept').on('legal_service_enterprise_requests').columns(['department_id', 'received_on']).execute();
  await db.schema.createIndex('legal_service_enterprise_requests_code').on('legal_service_enterprise_requests').columns(['credit_code']).execute();

  await db.schema
    .createTable('legal_service_checkups')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('checkup_no', text, (c) => c.notNull().unique())
    .addColumn('department_id', text, (c) => c.notNull())
    .addColumn('handler_id', text, (c) => c.notNull())
    .addColumn('request_id', text)
    .addColumn('firm_name', text, (c) => c.notNull())
    .addColumn('credit_code', text, (c) => c.notNull())
    .addColumn('firm_type', text, (c) => c.notNull())
    .addColumn('industry', text, (c) => c.notNull())
    .addColumn('street', text, (c) => c.notNull())
    .addColumn('conducted_on', text, (c) => c.notNull())
    .addColumn('team', text, (c) => c.notNull())
    .addColumn('scope', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('closed_on', text)
    .addColumn('summary', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('legal_service_checkups_dept').on('legal_service_checkups').columns(['department_id', 'conducted_on']).execute();
  await db.schema
    .createTable('legal_service_checkup_findings')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('checkup_id', text, (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('area', text, (c) => c.notNull())
    .addColumn('risk_level', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('recommendation', text, (c) => c.notNull())
    .addColumn('rectify_by', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('rectified_on', text)
    .addColumn('follow_ups', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_service_checkup_findings_checkup').on('legal_service_checkup_findings').columns(['checkup_id', 'seq']).unique().execute();

  await db.schema
    .createTable('legal_service_campaigns')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('campaign_no', text, (c) => c.notNull().unique())
    .addColumn('department_id', text, (c) => c.notNull())
    .addColumn('handler_id', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('target_group', text, (c) => c.notNull())
    .addColumn('started_on', text, (c) => c.notNull())
    .addColumn('ended_on', text)
    .addColumn('street', text, (c) => c.notNull())
    .addColumn('venue', text, (c) => c.notNull())
    .addColumn('partners', text)
    .addColumn('activities', 'integer', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('consultations', 'integer', (c) => c.notNull())
    .addColumn('materials', 'integer', (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_service_campaigns_dept').on('legal_service_campaigns').columns(['department_id', 'started_on']).execute();

  for (const col of ['credit_code', 'address', 'head_name', 'licence_no', 'practice_areas']) await db.schema.alterTable('legal_service_institutions').addColumn(col, text).execute();
  await db.schema.alterTable('legal_service_institutions').addColumn('staff_count', 'integer').execute();

  await db.schema
    .createTable('legal_service_assessments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('institution_id', text, (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('result', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('assessed_on', text, (c) => c.notNull())
    .addColumn('assessed_by', text, (c) => c.notNull())
    .addUniqueConstraint('legal_service_assessments_once', ['institution_id', 'year'])
    .execute();
  // lawyers stay in legal_aid_lawyers (the lawyer register); their annual assessment per year
  await db.schema
    .createTable('legal_service_lawyer_assessments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('lawyer_id', text, (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('result', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('assessed_on', text, (c) => c.notNull())
    .addColumn('assessed_by', text, (c) => c.notNull())
    .addUniqueConstraint('legal_service_lawyer_assessments_once', ['lawyer_id', 'year'])
    .execute();
  await db.schema
    .createTable('legal_service_integrity_grades')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('institution_id', text, (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('grade', text, (c) => c.notNull())
    .addColumn('basis', text, (c) => c.notNull())
    .addColumn('graded_on', text, (c) => c.notNull())
    .addColumn('graded_by', text, (c) => c.notNull())
    .addUniqueConstraint('legal_service_integrity_grades_once', ['institution_id', 'year'])
    .execute();
  await db.schema
    .createTable('legal_service_honours')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('institution_id', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('awarded_by', text, (c) => c.notNull())
    .addColumn('awarded_on', text, (c) => c.notNull())
    .addColumn('person_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_service_honours_inst').on('legal_service_honours').columns(['institution_id']).execute();
  await db.schema
    .createTable('legal_service_complaints')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('complaint_no', text, (c) => c.notNull().unique())
    .addColumn('department_id', text, (c) => c.notNull())
    .addColumn('handler_id', text, (c) => c.notNull())
    .addColumn('institution_id', text, (c) => c.notNull())
    .addColumn('complainant_name', text)
    .addColumn('channel', text, (c) => c.notNull())
    .addColumn('received_on', text, (c) => c.notNull())
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('handling_note', text)
    .addColumn('result', text)
    .addColumn('result_note', text)
    .addColumn('concluded_on', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('legal_service_complaints_inst').on('legal_service_complaints').columns(['institution_id', 'status']).execute();
  await db.schema
    .createTable('legal_service_volumes')
    .addColumn('institution_id', text, (c) => c.notNull())
    .addColumn('month', text, (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('reported_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('legal_service_volumes_pk', ['institution_id', 'month'])
    .execute();

  await db.schema
    .createTable('legal_service_approvals')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('approval_no', text, (c) => c.notNull().unique())
    .addColumn('department_id', text, (c) => c.notNull())
    .addColumn('handler_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('applicant_name', text, (c) => c.notNull())
    .addColumn('applicant_credit_code', text)
    .addColumn('institution_id', text)
    .addColumn('matter', text, (c) => c.notNull())
    .addColumn('received_on', text, (c) => c.notNull())
    .addColumn('period_days', 'integer', (c) => c.notNull())
    .addColumn('decided_on', text)
    .addColumn('outcome', text)
    .addColumn('decision_note', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('legal_service_approvals_dept').on('legal_service_approvals').columns(['department_id', 'received_on']).execute();

  await db.schema
    .createTable('legal_service_qa_samples')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('sample_no', text, (c) => c.notNull().unique())
    .addColumn('department_id', text, (c) => c.notNull())
    .addColumn('period_from', text, (c) => c.notNull())
    .addColumn('period_to', text, (c) => c.notNull())
    .addColumn('channel', text)
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('seed', text, (c) => c.notNull())
    .addColumn('algorithm', text, (c) => c.notNull())
    .addColumn('candidates', text, (c) => c.notNull())
    .addColumn('selection', text, (c) => c.notNull())
    .addColumn('drawn_on', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('legal_service_qa_scores')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('sample_id', text, (c) => c.notNull())
    .addColumn('consultation_id', text, (c) => c.notNull())
    .addColumn('reviewer_id', text, (c) => c.notNull())
    .addColumn('accuracy', 'integer', (c) => c.notNull())
    .addColumn('attitude', 'integer', (c) => c.notNull())
    .addColumn('norms', 'integer', (c) => c.notNull())
    .addColumn('comment', text, (c) => c.notNull())
    .addColumn('scored_at', text, (c) => c.notNull())
    .addUniqueConstraint('legal_service_qa_scores_once', ['sample_id', 'consultation_id'])
    .execute();
  await db.schema
    .createTable('legal_service_kb')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('question', text, (c) => c.notNull())
    .addColumn('answer', text, (c) => c.notNull())
    .addColumn('category', text, (c) => c.notNull())
    .addColumn('citation', text)
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('legal_service_consultations').addColumn('referral_label', text).execute();
  for (const col of ['materials_requested_on', 'materials_items', 'materials_received_on']) await db.schema.alterTable('legal_aid_applications').addColumn(col, text).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const col of ['materials_received_on', 'materials_items', 'materials_requested_on']) await db.schema.alterTable('legal_aid_applications').dropColumn(col).execute();
  await db.schema.alterTable('legal_service_consultations').dropColumn('referral_label').execute();
  for (const col of ['staff_count', 'practice_areas', 'licence_no', 'head_name', 'address', 'credit_code']) await db.schema.alterTable('legal_service_institutions').dropColumn(col).execute();
  for (const t of ['legal_service_kb', 'legal_service_qa_scores', 'legal_service_qa_samples', 'legal_service_approvals', 'legal_service_volumes', 'legal_service_complaints', 'legal_service_honours', 'legal_service_integrity_grades', 'legal_service_lawyer_assessments', 'legal_service_assessments', 'legal_service_campaigns', 'legal_service_checkup_findings', 'legal_service_checkups', 'legal_service_enterprise_requests'])
    await db.schema.dropTable(t).execute();
}
