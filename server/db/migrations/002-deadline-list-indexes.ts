import type { Kysely } from 'kysely';

/**
 * The to-do list filters by module as often as not. With `module` as a trailing key column of the three list
 * indexes, a page (status + scope + module, ordered by due date and id) and its total are answered from the index
 * alone: the module test is made on index entries, and only the page's own rows are read from the table. The
 * status index also carries the department, for scopes of several departments (a department and those below),
 * which walk it in due-date order and test the department on the index entry.
 * The journal of a deadline is read newest first: its index carries the time as well.
 */
const LIST_INDEXES = [
  { old: 'deadlines_dept_status_due', oldColumns: ['department_id', 'status', 'due_date', 'id'], name: 'deadlines_dept_status_due_module', columns: ['department_id', 'status', 'due_date', 'id', 'module'] },
  { old: 'deadlines_assignee_status_due', oldColumns: ['assignee_id', 'status', 'due_date', 'id'], name: 'deadlines_assignee_status_due_module', columns: ['assignee_id', 'status', 'due_date', 'id', 'module'] },
  { old: 'deadlines_status_due', oldColumns: ['status', 'due_date', 'id'], name: 'deadlines_status_due_module_dept', columns: ['status', 'due_date', 'id', 'module', 'department_id'] },
];
const JOURNAL_INDEX = { old: 'deadline_journal_deadline', name: 'deadline_journal_deadline_at', columns: ['deadline_id', 'at'] };

export async function up(db: Kysely<any>): Promise<void> {
  for (const ix of LIST_INDEXES) {
    await db.schema.createIndex(ix.name).on('deadlines').columns(ix.columns).execute();
    await db.schema.dropIndex(ix.old).execute();
  }
  await db.schema.createIndex(JOURNAL_INDEX.name).on('deadline_journal').columns(JOURNAL_INDEX.columns).execute();
  await db.schema.dropIndex(JOURNAL_INDEX.old).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex(JOURNAL_INDEX.old).on('deadline_journal').column('deadline_id').execute();
  await db.schema.dropIndex(JOURNAL_INDEX.name).execute();
  for (const ix of LIST_INDEXES) {
    await db.schema.createIndex(ix.old).on('deadlines').columns(ix.oldColumns).execute();
    await db.schema.dropIndex(ix.name).execute();
  }
}
