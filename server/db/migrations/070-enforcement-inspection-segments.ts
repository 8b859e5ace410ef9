import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { SEGMENT_MAX_ROWS, inspectionSegment } from '../../modules/enforcement';

/**
 * SQLite only (ADR 0005, stop 15): inspection records are stored as columnar segments — one blob per write, appended,
 * replayed in id order with the newest record of an id winning — instead of one b-tree row each. Issue 5 asks for an
 * import of 10^7 records within 2× DuckDB's CSV load; a row store with its indexes takes 10× DuckDB on this machine
 * before any validation (the floor measured in stops 12–13), a segment write a fraction of a second.
 *
 * Rows already in enforcement_inspections move into segments of at most SEGMENT_MAX_ROWS (2^22) rows (in id order, so an upgrade keeps
 * every record), then the table and its indexes are dropped on SQLite, so that no query can read a stale copy.
 * PostgreSQL keeps the table (keyed by firm, distributable): nothing changes there.
 *
 * This migration uses the segment encoder of the enforcement module (the format is versioned by its magic 'FZS1';
 * a later format must keep decoding FZS1).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema
    .createTable('enforcement_inspection_segments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('import_job_id', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('data', 'blob', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  let after = '';
  for (;;) {
    // one-word aliases: the result keys are the same with or without the camel-case plugin
    const { rows } = await sql<{ id: string; firm: string; agency: string; field: string; officer: string; kind: string; plan: string | null; joint: string | null; day: string; problem: number; duration: number | null }>`
      select id, target_credit_code as firm, agency_code as agency, field, officer_id as officer, kind, plan_id as plan, joint_id as joint,
        inspected_on as day, found_problem as problem, duration_minutes as duration
      from enforcement_inspections where id > ${after} order by id limit ${SEGMENT_MAX_ROWS}`.execute(db);
    if (!rows.length) break;
    const data = inspectionSegment(rows.map((r) => ({ id: r.id, targetCreditCode: r.firm, agencyCode: r.agency, field: r.field, officerId: r.officer, kind: r.kind, planId: r.plan, jointId: r.joint, inspectedOn: r.day, foundProblem: r.problem, durationMinutes: r.duration })));
    await sql`insert into enforcement_inspection_segments (import_job_id, rows, created_at, data) values (${null}, ${rows.length}, ${now}, ${data})`.execute(db);
    after = rows[rows.length - 1]!.id;
  }
  await db.schema.dropTable('enforcement_inspections').execute();
}
