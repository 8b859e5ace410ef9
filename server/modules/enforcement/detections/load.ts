import { sql } from 'kysely';
import type { DbHandle } from '../../../db';
import { ColumnBuilder, type InspectionColumns, dayNumber } from './columns';

export interface DayRange {
  from: string;
  to: string;
}

const COLS = 'id, target_credit_code, agency_code, field, officer_id, kind, plan_id, joint_id, inspected_on, found_problem';
type RawRow = [string, string, string, string, string, string, string | null, string | null, string, number];

/**
 * One pass over the inspections with inspected_on in [from, to] into dictionary-encoded columns. SQLite: a raw
 * row iterator on the embedded handle (no objects per row). PostgreSQL: keyset pages of 50,000 rows by primary key.
 */
export async function loadInspectionColumns(handle: DbHandle, range: DayRange): Promise<InspectionColumns> {
  const b = new ColumnBuilder(1 << 14);
  if (handle.sqlite) {
    // `+inspected_on`: a scan of the table in key order, not the date index and a key lookup per row (10× slower)
    const stmt = handle.sqlite.prepare(`select ${COLS} from enforcement_inspections where +inspected_on >= ? and +inspected_on <= ?`).raw(true);
    for (const r of stmt.iterate(range.from, range.to) as IterableIterator<RawRow>) {
      b.push(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], dayNumber(r[8]), r[9]);
    }
    return b.finish();
  }
  let after: [string, string] | null = null;
  for (;;) {
    const q = after
      ? sql<Record<string, unknown>>`select ${sql.raw(COLS)} from enforcement_inspections where inspected_on >= ${range.from} and inspected_on <= ${range.to} and (target_credit_code, id) > (${after[0]}, ${after[1]}) order by target_credit_code, id limit 50000`
      : sql<Record<string, unknown>>`select ${sql.raw(COLS)} from enforcement_inspections where inspected_on >= ${range.from} and inspected_on <= ${range.to} order by target_credit_code, id limit 50000`;
    const { rows } = await q.execute(handle.db);
    for (const r of rows) {
      // CamelCasePlugin maps result keys of raw queries too
      const o = r as { id: string; targetCreditCode: string; agencyCode: string; field: string; officerId: string; kind: string; planId: string | null; jointId: string | null; inspectedOn: string; foundProblem: number };
      b.push(o.id, o.targetCreditCode, o.agencyCode, o.field, o.officerId, o.kind, o.planId, o.jointId, dayNumber(o.inspectedOn), Number(o.foundProblem));
    }
    if (rows.length < 50000) break;
    const last = rows[rows.length - 1] as { targetCreditCode: string; id: string };
    after = [last.targetCreditCode, last.id];
  }
  return b.finish();
}
