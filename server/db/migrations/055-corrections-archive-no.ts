import { type Kysely, sql } from 'kysely';

/**
 * 社区矫正档案号: a file number per subject, 西司矫〔YYYY〕N号 (N from 1 each year of registration, counter table
 * correction_counters). It stands where a subject must be named without personal data — deadline titles on the register,
 * reminder messages, logs — instead of the first 8 characters of the record id. Existing subjects are numbered in the
 * order they were registered, and the titles of their deadlines are rewritten to the new number. Schema builder and
 * portable SQL only (SQLite and PostgreSQL).
 */
// frozen here (a migration does not change with the code); the module's own formatter is nextArchiveNo in corrections.repo.ts
const archiveNo = (year: number, seq: number) => `西司矫〔${year}〕${seq}号`;

export async function up(migrationDb: Kysely<any>): Promise<void> {
  // snake_case column names as written: without the application's CamelCasePlugin
  const db = migrationDb.withoutPlugins();
  await db.schema.alterTable('correction_subjects').addColumn('archive_no', 'text').execute();
  await db.schema
    .createTable('correction_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
  const subjects = (await db.selectFrom('correction_subjects').select(['id', 'created_at']).orderBy('created_at').orderBy('id').execute()) as { id: string; created_at: string }[];
  const seq = new Map<number, number>();
  for (const s of subjects) {
    // the year of registration in Beijing, as the service numbers new subjects (clock.today())
    const year = Number(new Date(Date.parse(s.created_at) + 8 * 3600_000).toISOString().slice(0, 4));
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    const no = archiveNo(year, n);
    await db.updateTable('correction_subjects').set({ archive_no: no }).where('id', '=', s.id).execute();
    await db
      .updateTable('deadlines')
      .set({ title: sql`replace(title, ${`社区矫正档案 ${s.id.slice(0, 8)}`}, ${`社区矫正档案 ${no}`})` })
      .where('object_type', '=', 'correctionSubject')
      .where('object_id', '=', s.id)
      .execute();
  }
  for (const [year, n] of seq) await db.insertInto('correction_counters').values({ year, last_seq: n }).execute();
  await db.schema.createIndex('correction_subjects_archive_no').on('correction_subjects').column('archive_no').unique().execute();
}

export async function down(migrationDb: Kysely<any>): Promise<void> {
  const db = migrationDb.withoutPlugins();
  await db.schema.dropIndex('correction_subjects_archive_no').execute();
  await db.schema.dropTable('correction_counters').execute();
  await db.schema.alterTable('correction_subjects').dropColumn('archive_no').execute();
}
