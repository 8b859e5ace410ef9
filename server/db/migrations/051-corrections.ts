import type { Kysely } from 'kysely';

/**
 * 社区矫正 (community corrections) and 安置帮教 (released persons). Schema builder only. Every table carries the
 * 司法所 (department_id) that supervises the person: each 司法所 sees its street, the bureau sees all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('correction_subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sentence_type', 'text', (c) => c.notNull())
    .addColumn('crime', 'text', (c) => c.notNull())
    .addColumn('deciding_organ', 'text', (c) => c.notNull())
    .addColumn('judgment_effective_on', 'text', (c) => c.notNull())
    .addColumn('decision_received_on', 'text')
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_due', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text')
    .addColumn('notice_received_on', 'text')
    .addColumn('documents_received_on', 'text')
    .addColumn('monitoring_until', 'text')
    .addColumn('released_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('correction_subjects_dept').on('correction_subjects').columns(['department_id', 'status']).execute();
  // 责任人: the named staff who alone may open the record (besides the bureau's supervisors, every view audited).
  await db.schema
    .createTable('correction_staff')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('correction_staff_pk', ['subject_id', 'user_id'])
    .execute();
  await db.schema.createIndex('correction_staff_user').on('correction_staff').column('user_id').execute();
  // 报到、谈话、教育学习、公益活动、奖惩、请假外出、执行地变更 … one table, one kind per row.
  await db.schema
    .createTable('correction_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correction_records_subject').on('correction_records').columns(['subject_id', 'on_date']).execute();
  // 刑满释放人员 (安置帮教) and their help records.
  await db.schema
    .createTable('released_persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('released_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('correction_subject_id', 'text')
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('released_persons_dept').on('released_persons').column('department_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['released_persons', 'correction_records', 'correction_staff', 'correction_subjects']) await db.schema.dropTable(t).execute();
}
