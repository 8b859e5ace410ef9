import type { Kysely } from 'kysely';

/**
 * 矛盾纠纷排查化解 (dispute register) and 人民调解 (committees, mediators, cases, sessions, agreements).
 * Schema builder only (same file on SQLite and PostgreSQL). Large tables carry department_id (the 司法所 / section
 * that owns the record), the key they would be distributed on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const audit = (t: any) => t.addColumn('created_at', 'text', (c: any) => c.notNull()).addColumn('updated_at', 'text', (c: any) => c.notNull()).addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

  // 纠纷登记簿: one row (and one code) per matter, whatever the number of sources it came in from.
  await audit(
    db.schema
      .createTable('disputes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('handler_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('matter_type', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('address_key', 'text', (c) => c.notNull())
      .addColumn('risk_grade', 'text', (c) => c.notNull())
      .addColumn('first_source', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('holder_kind', 'text', (c) => c.notNull())
      .addColumn('holder_name', 'text', (c) => c.notNull())
      .addColumn('committee_id', 'text')
      .addColumn('mediation_case_id', 'text')
      .addColumn('campaign_id', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('close_result', 'text')
      .addColumn('followed_up_on', 'text')
      .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('disputes_dept_status').on('disputes').columns(['department_id', 'status', 'received_on']).execute();
  await db.schema.createIndex('disputes_address_key').on('disputes').column('address_key').execute();
  await db.schema.createTable('dispute_counters').addColumn('year', 'integer', (c) => c.primaryKey()).addColumn('last_seq', 'integer', (c) => c.notNull()).execute();

  // Each intake (来源): 12345, 110, 信访, 司法所走访, 网格员, 排查活动 … several may belong to one dispute.
  await db.schema
    .createTable('dispute_intakes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('matched_by', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispute_intakes_dispute').on('dispute_intakes').column('dispute_id').execute();

  // Parties: a person of platform/people when the ID number is known (match key: its blind index), else a name.
  await db.schema
    .createTable('dispute_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('id_number_bidx', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispute_parties_dispute').on('dispute_parties').column('dispute_id').execute();
  await db.schema.createIndex('dispute_parties_bidx').on('dispute_parties').column('id_number_bidx').execute();
  await db.schema.createIndex('dispute_parties_name').on('dispute_parties').column('name_key').execute();

  // The full history: every intake, triage, transfer, risk change, closure, follow-up and reopening.
  await db.schema
    .createTable('dispute_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispute_events_dispute').on('dispute_events').columns(['dispute_id', 'seq']).unique().execute();

  // 排查活动 (screening campaigns for key groups and periods) and the special-period attention list.
  await db.schema
    .createTable('dispute_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('focus', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('special_period', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // 人民调解委员会: street, community, trade and professional (e.g. 经济金融纠纷调解委员会).
  await audit(
    db.schema
      .createTable('mediation_committees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('founded_on', 'text'),
  ).execute();
  await audit(
    db.schema
      .createTable('mediators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('committee_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('full_time', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('specialty', 'text'),
  ).execute();
  await db.schema.createIndex('mediators_committee').on('mediators').column('committee_id').execute();
  await db.schema
    .createTable('mediator_trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mediator_id', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediator_trainings_mediator').on('mediator_trainings').column('mediator_id').execute();

  // 人民调解案件 with the agreement (人民调解法第二十八条至第三十三条) on the case row.
  await audit(
    db.schema
      .createTable('mediation_cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_no', 'text', (c) => c.notNull().unique())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('committee_id', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('handler_id', 'text', (c) => c.notNull())
      .addColumn('mediator_id', 'text')
      .addColumn('dispute_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('matter_type', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('start_mode', 'text', (c) => c.notNull())
      .addColumn('accepted_on', 'text', (c) => c.notNull())
      .addColumn('agreement_form', 'text')
      .addColumn('agreement_terms', 'text')
      .addColumn('agreement_effective_on', 'text')
      .addColumn('confirmation_due', 'text')
      .addColumn('confirmation_applied_on', 'text')
      .addColumn('confirmation_court', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('failure_reason', 'text')
      .addColumn('followed_up_on', 'text')
      .addColumn('performed', 'integer'),
  ).execute();
  await db.schema.createIndex('mediation_cases_dept').on('mediation_cases').columns(['department_id', 'status', 'accepted_on']).execute();
  await db.schema.createIndex('mediation_cases_committee').on('mediation_cases').column('committee_id').execute();
  await db.schema.createTable('mediation_counters').addColumn('year', 'integer', (c) => c.primaryKey()).addColumn('last_seq', 'integer', (c) => c.notNull()).execute();
  await db.schema
    .createTable('mediation_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_parties_case').on('mediation_parties').column('case_id').execute();
  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text')
    .addColumn('place', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_sessions_case').on('mediation_sessions').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['mediation_sessions', 'mediation_parties', 'mediation_counters', 'mediation_cases', 'mediator_trainings', 'mediators', 'mediation_committees', 'dispute_campaigns', 'dispute_events', 'dispute_parties', 'dispute_intakes', 'dispute_counters', 'disputes']) await db.schema.dropTable(t).execute();
}
