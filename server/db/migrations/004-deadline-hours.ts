import type { Kysely } from 'kysely';

/**
 * Periods counted in hours on the deadline register (common/deadlines/hours.ts: 社区矫正法 Art. 47 C7, 法律援助法
 * Art. 39 L1). `start_at` is the start event and `due_at` the due instant, both ISO-8601 UTC text like every stored
 * instant; both are null for the day-counted deadlines, whose due_date stays the one they sort and filter by (an
 * hour deadline's due_date is the Beijing date of its due instant, so the list indexes of migration 002 serve both).
 *
 * Reminders: an hour deadline can be due soon in the morning and overdue in the afternoon of the same Beijing day.
 * The claim of a reminder becomes once per (deadline, assignee, day, state): a day-counted deadline is in one state
 * for a whole day, so it still gets at most one message a day. Schema builder only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deadlines').addColumn('start_at', 'text').execute();
  await db.schema.alterTable('deadlines').addColumn('due_at', 'text').execute();
  await db.schema.createIndex('notification_sends_once_a_day_state').on('notification_sends').columns(['deadline_id', 'assignee_id', 'sent_on', 'state']).unique().execute();
  await db.schema.dropIndex('notification_sends_once_a_day').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('notification_sends_once_a_day').on('notification_sends').columns(['deadline_id', 'assignee_id', 'sent_on']).unique().execute();
  await db.schema.dropIndex('notification_sends_once_a_day_state').execute();
  await db.schema.alterTable('deadlines').dropColumn('due_at').execute();
  await db.schema.alterTable('deadlines').dropColumn('start_at').execute();
}
