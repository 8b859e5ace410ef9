import type { Kysely } from 'kysely';

/** Rows per INSERT when the help records are moved. */
const CHUNK = 200;

/**
 * 安置帮教 help records get their own table. Until now they were rows of correction_records with kind `help:<kind>`
 * and subject_id = the released person's id (a different kind of record about a different kind of person, sharing a
 * table with the tightly guarded correction records). The move keeps every row: same id, person, department, kind
 * (without the `help:` prefix), date, author and time; the note comes out of the JSON detail (a detail that is not
 * valid JSON is kept whole as the note). It is written so that a run interrupted half-way can simply run again (the
 * table is created only if missing, copied rows are skipped by id, the originals are deleted only after their copy
 * exists). Schema builder and plain queries only (SQLite and PostgreSQL).
 */
export async function up(migrationDb: Kysely<any>): Promise<void> {
  // data queries with the column names as written here (the application's CamelCasePlugin would rename the results)
  const db = migrationDb.withoutPlugins();
  await db.schema
    .createTable('released_person_helps')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('released_person_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('released_person_helps_person').ifNotExists().on('released_person_helps').columns(['released_person_id', 'on_date']).execute();

  const old = (await db.selectFrom('correction_records').select(['id', 'subject_id', 'department_id', 'kind', 'on_date', 'detail', 'created_by', 'created_at']).where('kind', 'like', 'help:%').orderBy('id').execute()) as {
    id: string; subject_id: string; department_id: string; kind: string; on_date: string; detail: string; created_by: string; created_at: string;
  }[];
  const noteOf = (detail: string): string => {
    try {
      const d = JSON.parse(detail) as { note?: unknown };
      return typeof d?.note === 'string' ? d.note : detail;
    } catch {
      return detail;
    }
  };
  for (let i = 0; i < old.length; i += CHUNK) {
    const rows = old.slice(i, i + CHUNK).map((r) => ({ id: r.id, released_person_id: r.subject_id, department_id: r.department_id, kind: r.kind.slice('help:'.length), on_date: r.on_date, note: noteOf(r.detail), created_by: r.created_by, created_at: r.created_at }));
    await db.insertInto('released_person_helps').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
  // delete only what has been copied
  for (let i = 0; i < old.length; i += CHUNK) {
    const ids = old.slice(i, i + CHUNK).map((r) => r.id);
    const copied = (await db.selectFrom('released_person_helps').select('id').where('id', 'in', ids).execute()).map((r) => r.id as string);
    if (copied.length) await db.deleteFrom('correction_records').where('id', 'in', copied).where('kind', 'like', 'help:%').execute();
  }
}

/** Moves the rows back into correction_records (kind `help:<kind>`, detail {"note": …}) and drops the table. */
export async function down(migrationDb: Kysely<any>): Promise<void> {
  const db = migrationDb.withoutPlugins();
  const rows = (await db.selectFrom('released_person_helps').selectAll().execute()) as { id: string; released_person_id: string; department_id: string; kind: string; on_date: string; note: string; created_by: string; created_at: string }[];
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('correction_records')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ id: r.id, subject_id: r.released_person_id, department_id: r.department_id, kind: `help:${r.kind}`, on_date: r.on_date, detail: JSON.stringify({ note: r.note }), status: null, created_by: r.created_by, created_at: r.created_at })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  await db.schema.dropTable('released_person_helps').execute();
}
