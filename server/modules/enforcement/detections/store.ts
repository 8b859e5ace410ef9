import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Database, DbHandle } from '../../../db';
import type { EnforcementInspectionTable } from '../../../db/types';
import { dayNumber } from './columns';
import { RowStore } from './row-store';
import { SEGMENT_MAX_ROWS, decodeSegment, encodeSegment } from './segment';

/**
 * Where inspection records live (ADR 0005, stop 15).
 *
 * - SQLite (the embedded deployment): the store of record is `enforcement_inspection_segments` (migration 070), one
 *   columnar blob per write (segment.ts), committed in the same transaction as the import job, the firm register and
 *   the data-version bump. Segments are only ever appended; replaying them in id order — the newest record of an id
 *   wins — gives the stored inspections. The process keeps them decoded in a RowStore per database handle and, when
 *   the inspection version moved (the command-line importer is another process), reads only the segments it has not
 *   seen yet.
 * - PostgreSQL (the shardable deployment): the table enforcement_inspections stays the store of record (keyed by firm
 *   and id, distributable by firm); the RowStore is loaded from it in one pass per inspection version.
 * Every read of inspections (detections, analysis, 一企一档, evidence) goes through `inspectionRows`.
 */

interface Held {
  version: number;
  lastSegment: number;
  store: RowStore;
}
const held = new WeakMap<object, Held>();
const stats = { fullLoads: 0 };
/** Full loads of the stored inspections in this process (tests and the bench). */
export const storeStats = (): Readonly<typeof stats> => ({ ...stats });

export { SEGMENT_MAX_ROWS };

export const isPostgresDb = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Bring the held store of `handle` up to the segments committed on `conn` (the handle's own connection, or an
 * importer's connection inside its write transaction). `version`: the inspection version read BEFORE the segments.
 */
export function catchUpSqlite(handle: DbHandle, conn: BetterSqlite3.Database, version: number): Held {
  let h = held.get(handle.db);
  // an import of this process is appending to the store under the write lock it holds: nothing else can have
  // committed segments meanwhile, and its rows must not be touched
  if (h && h.store.n !== h.store.committed) return h;
  const maxId = lastSegmentId(conn);
  if (h && h.version === version && h.lastSegment === maxId) return h;
  if (!h || maxId < h.lastSegment) {
    // first use, or the file was restored from an older backup: replay every segment
    h = { version: -1, lastSegment: 0, store: new RowStore(undefined, 1 << 14) };
    held.set(handle.db, h);
    stats.fullLoads++;
  }
  // many rows (a first load, a large import by another process): appended in bulk and indexed once at the end (the
  // newest record of an id wins there); a few: row by row through the index
  const pending = Number(conn.prepare('select coalesce(sum(rows), 0) from enforcement_inspection_segments where id > ?').pluck().get(h.lastSegment));
  const bulk = pending > 4096 && pending * 4 > h.store.n;
  for (const r of conn.prepare('select id, data from enforcement_inspection_segments where id > ? order by id').raw(true).iterate(h.lastSegment) as IterableIterator<[number, Buffer]>) {
    decodeSegment(r[1], h.store, bulk);
    h.lastSegment = r[0];
  }
  if (bulk) h.store.resolveIndex();
  h.store.commit();
  h.version = version;
  return h;
}

type PgRow = { id: string; targetCreditCode: string; agencyCode: string; field: string; officerId: string; kind: string; planId: string | null; jointId: string | null; inspectedOn: string; foundProblem: number; durationMinutes: number | null };

async function loadPostgres(handle: DbHandle, version: number): Promise<Held> {
  const st = new RowStore(undefined, 1 << 14);
  stats.fullLoads++;
  let after: [string, string] | null = null;
  const COLS = sql.raw('id, target_credit_code, agency_code, field, officer_id, kind, plan_id, joint_id, inspected_on, found_problem, duration_minutes');
  for (;;) {
    const q: RawBuilder<PgRow> = after
      ? sql<PgRow>`select ${COLS} from enforcement_inspections where (target_credit_code, id) > (${after[0]}, ${after[1]}) order by target_credit_code, id limit 50000`
      : sql<PgRow>`select ${COLS} from enforcement_inspections order by target_credit_code, id limit 50000`;
    const { rows }: { rows: PgRow[] } = await q.execute(handle.db);
    for (const o of rows) st.pushStrings(o.id, o.targetCreditCode, o.agencyCode, o.field, o.officerId, o.kind, o.planId, o.jointId, dayNumber(o.inspectedOn), Number(o.foundProblem), o.durationMinutes === null ? null : Number(o.durationMinutes));
    if (rows.length < 50000) break;
    const last: PgRow = rows[rows.length - 1]!;
    after = [last.targetCreditCode, last.id];
  }
  st.commit();
  const h = { version, lastSegment: 0, store: st };
  held.set(handle.db, h);
  return h;
}

/** The held store at inspection version `version` (read by the caller), loading or catching up as needed. */
export async function storeAt(handle: DbHandle, version: number): Promise<RowStore> {
  const h = held.get(handle.db);
  if (h && h.version === version) return h.store;
  if (handle.sqlite) return catchUpSqlite(handle, handle.sqlite, version).store;
  return (await loadPostgres(handle, version)).store;
}

/** After an importer committed `rows` it appended to the held store at `version` (segments up to `lastSegment`). */
export function committedImport(handle: DbHandle, version: number, lastSegment: number): void {
  const h = held.get(handle.db);
  if (!h) return;
  h.store.commit();
  h.version = version;
  h.lastSegment = lastSegment;
}

/** The id of the newest segment (0: none) on an SQLite connection. */
export function lastSegmentId(conn: BetterSqlite3.Database): number {
  return Number(conn.prepare('select coalesce(max(id), 0) from enforcement_inspection_segments').pluck().get());
}

/**
 * Write rows [from, to) of a store as segments of at most SEGMENT_MAX_ROWS on an SQLite connection — encoded here, or
 * `ready`: those rows already encoded in that split (a parse worker's); returns the newest segment id.
 */
export function writeSegments(conn: BetterSqlite3.Database, st: RowStore, from: number, to: number, jobId: string | null, nowIso: string, ready: Uint8Array[] | null = null): number {
  const ins = conn.prepare('insert into enforcement_inspection_segments (import_job_id, rows, created_at, data) values (?, ?, ?, ?)');
  let last = lastSegmentId(conn);
  for (let s = from, i = 0; s < to; s += SEGMENT_MAX_ROWS, i++) {
    const e = Math.min(to, s + SEGMENT_MAX_ROWS);
    last = Number(ins.run(jobId, e - s, nowIso, ready ? ready[i]! : encodeSegment(st, s, e)).lastInsertRowid);
  }
  return last;
}

/** An inspection record as the seeds and tests write it: the PostgreSQL table's row (import job optional). */
export type InspectionInput = Omit<EnforcementInspectionTable, 'importJobId'> & { importJobId?: string | null };

/**
 * Store inspection records outside the importer (the demo seed, tests) on either dialect, inside the caller's
 * transaction if `db` is one, and bump the inspection version with them. Ids must be new (the importer is the way to
 * replace records).
 */
export async function insertInspections(db: Kysely<Database>, rows: InspectionInput[], nowIso: string): Promise<void> {
  if (!rows.length) return;
  await db.updateTable('enforcementState').set((eb) => ({ value: eb('value', '+', 1) })).where('key', '=', 'inspections_version').execute();
  if (isPostgresDb(db)) {
    for (let i = 0; i < rows.length; i += 400) {
      const chunk = rows.slice(i, i + 400).map((r) => ({ ...r, importJobId: r.importJobId ?? null }));
      await db
        .insertInto('enforcementInspections')
        .values(chunk)
        .execute();
    }
    return;
  }
  for (let s = 0; s < rows.length; s += SEGMENT_MAX_ROWS) {
    const chunk = rows.slice(s, s + SEGMENT_MAX_ROWS);
    await db.insertInto('enforcementInspectionSegments').values({ importJobId: rows[0]!.importJobId ?? null, rows: chunk.length, createdAt: nowIso, data: segmentOf(chunk) }).execute();
  }
}

/** One segment of records (at most SEGMENT_MAX_ROWS; ids unique among them). */
export function segmentOf(rows: InspectionInput[]): Buffer {
  const st = new RowStore(undefined, rows.length);
  for (const r of rows) st.pushStrings(r.id, r.targetCreditCode, r.agencyCode, r.field, r.officerId, r.kind, r.planId, r.jointId, dayNumber(r.inspectedOn), r.foundProblem, r.durationMinutes);
  st.commit();
  return encodeSegment(st, 0, st.n);
}
