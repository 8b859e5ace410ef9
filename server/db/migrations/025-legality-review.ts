import type { Kysely } from 'kysely';

/**
 * 合法性审查 (legality review): drafts and their lifecycle, materials, findings, timeline, public comment, enterprise
 * contact points, legal advisers and their consultations, clean-up campaigns and post-evaluation. Schema builder only.
 * Reviewer decisions on findings go to legality_finding_decisions (created by the review engine's migration).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legality_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reg_no', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('drafting_unit', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('touches_market', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_source', 'text')
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('review_period_wd', 'integer')
    .addColumn('requested_by', 'text')
    .addColumn('return_items', 'text')
    .addColumn('accepted_on', 'text')
    .addColumn('review_due', 'text')
    .addColumn('analyzed_at', 'text')
    .addColumn('opinion_no', 'text')
    .addColumn('opinion_conclusion', 'text')
    .addColumn('opinion_text', 'text')
    .addColumn('opinion_issued_on', 'text')
    .addColumn('collective_meeting', 'text')
    .addColumn('collective_on', 'text')
    .addColumn('collective_result', 'text')
    .addColumn('collective_note', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('published_on', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('filed_on', 'text')
    .addColumn('filing_no', 'text')
    .addColumn('comment_from', 'text')
    .addColumn('comment_until', 'text')
    .addColumn('comment_shortened_reason', 'text')
    .addColumn('adoption_statement', 'text')
    .addColumn('adoption_published_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('legality_drafts_dept_submitted').on('legality_drafts').columns(['department_id', 'submitted_on']).execute();
  await db.schema.createIndex('legality_drafts_reviewer').on('legality_drafts').columns(['reviewer_id', 'submitted_on']).execute();
  await db.schema.createIndex('legality_drafts_creator').on('legality_drafts').columns(['created_by', 'submitted_on']).execute();
  await db.schema.createIndex('legality_drafts_comment').on('legality_drafts').columns(['comment_until', 'comment_from']).execute();

  await db.schema
    .createTable('legality_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legality_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('legality_drafts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('mime', 'text')
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('text', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legality_materials_draft').on('legality_materials').column('draft_id').execute();

  await db.schema
    .createTable('legality_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('legality_drafts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('decision_id', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legality_findings_draft').on('legality_findings').columns(['draft_id', 'seq']).execute();

  await db.schema
    .createTable('legality_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('legality_drafts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('legality_events_draft').on('legality_events').columns(['draft_id', 'at']).execute();

  await db.schema
    .createTable('legality_contact_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('ownership', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legality_invitations')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('legality_drafts.id'))
    .addColumn('contact_point_id', 'text', (c) => c.notNull().references('legality_contact_points.id'))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('legality_invitations_pk', ['draft_id', 'contact_point_id'])
    .execute();

  await db.schema
    .createTable('legality_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('legality_drafts.id'))
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('commenter_name', 'text')
    .addColumn('organization', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('contact_point_id', 'text', (c) => c.references('legality_contact_points.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('legality_comments_draft').on('legality_comments').columns(['draft_id', 'submitted_at']).execute();

  await db.schema
    .createTable('legality_advisers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('firm', 'text', (c) => c.notNull())
    .addColumn('specialty', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legality_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('no', 'text', (c) => c.notNull().unique())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requesting_unit', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('draft_id', 'text', (c) => c.references('legality_drafts.id'))
    .addColumn('adviser_id', 'text', (c) => c.references('legality_advisers.id'))
    .addColumn('assigned_on', 'text')
    .addColumn('opinion', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('minutes', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legality_consultations_dept').on('legality_consultations').columns(['department_id', 'requested_on']).execute();

  await db.schema
    .createTable('legality_cleanups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('legality_cleanup_items')
    .addColumn('cleanup_id', 'text', (c) => c.notNull().references('legality_cleanups.id'))
    .addColumn('draft_id', 'text', (c) => c.notNull().references('legality_drafts.id'))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('legality_cleanup_items_pk', ['cleanup_id', 'draft_id'])
    .execute();

  await db.schema
    .createTable('legality_post_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('legality_drafts.id'))
    .addColumn('evaluated_on', 'text', (c) => c.notNull())
    .addColumn('evaluator', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['legality_post_evaluations', 'legality_cleanup_items', 'legality_cleanups', 'legality_consultations', 'legality_advisers', 'legality_comments', 'legality_invitations', 'legality_contact_points', 'legality_events', 'legality_findings', 'legality_materials', 'legality_counters', 'legality_drafts']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
