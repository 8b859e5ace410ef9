import type { Kysely } from 'kysely';

/**
 * Due-soon and overdue reminders (platform/notify): one row per (deadline, assignee, Beijing date) a reminder was
 * sent for, so that an assignee gets at most one message per deadline per day. The unique index is the claim:
 * a second scanner (another process, the CLI) cannot send the same reminder twice. Schema builder only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_sends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deadline_id', 'text', (c) => c.notNull().references('deadlines.id').onDelete('cascade'))
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sent_on', 'text', (c) => c.notNull())
    /** dueSoon | overdue */
    .addColumn('state', 'text', (c) => c.notNull())
    /** log | sms */
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_sends_once_a_day').on('notification_sends').columns(['deadline_id', 'assignee_id', 'sent_on']).unique().execute();
  await db.schema.createIndex('notification_sends_day').on('notification_sends').columns(['sent_on', 'assignee_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_sends').execute();
}
