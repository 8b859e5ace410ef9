import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { open, stat } from 'node:fs/promises';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { CompiledQuery, type Transaction, sql } from 'kysely';
import { COMPLAINT_CSV_COLUMNS, IMPORT_ROW_ERRORS, INSPECTION_CSV_COLUMNS, type EnforcementImportJob, type EnforcementImportMode, type EnforcementImportRejection, type EnforcementImportResult, PENALTY_CSV_COLUMNS } from '../../../common/contracts/enforcement';
import { AppError } from '../../../common/errors';
import type { Database, DbHandle } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/identity';
import { dayNumber } from './detections/columns';
import { type DataSource, bumpDataVersion, bumpSql, inspectionVersionSql } from './detections/detections.service';
import { catchUpSqlite, committedImport, lastSegmentId, writeSegments } from './detections/store';
import { DICT_KEYS, type DictKey } from './detections/segment';
import { type PackedStrings, type ParsedPart, checkpointInWorker, cutFile, laterDuplicatesInWorker, parsePartInWorker, quoteBefore, unpackStrings } from './inspection-import.parallel';
import { readCsvFile, readXlsxFile, sniffFileType } from './enforcement.import.read';
import { FastInspectionReader } from './inspection-csv-fast';
import { createReadStream } from 'node:fs';
import { type AgencyInfo, type ComplaintRecord, type InspectionRecord, type PenaltyRecord, type RowError, isComplaintHeader, isInspectionHeader, isPenaltyHeader, validateComplaint, validateInspection, validatePenalty } from './enforcement.import.validate';
import type { RowStore } from './detections/row-store';
import { assertDistrict, enforcementScope } from './scope';

/**
 * Import of inspection and penalty records ("import that loses nothing").
 *
 * - Streaming: the file (CSV or XLSX) is read in batches; rows are validated and written as they come.
 * - Idempotent by record id: a row whose id is already stored replaces that record (counted as `updated`), also when
 *   its firm changed (the old row is deleted: the primary key includes the firm for sharding, see migration 030).
 * - Whole import in ONE transaction. Mode `all` (default): if any row is rejected, the transaction is rolled back and
 *   nothing is written. Mode `valid-only`: valid rows are committed, rejected rows reported.
 * - Every rejected row is kept (enforcement_import_rejections) for the downloadable error report, whatever the mode.
 * - Progress: a job record (enforcement_import_jobs) plus live counts in memory, readable while the import runs.
 * - SQLite: the import writes through its own connection to the database file (WAL), so that the server keeps
 *   answering reads — and progress polls — between batches; other writes wait for the import's lock (busy timeout).
 */

export type ImportKind = 'inspections' | 'penalties' | 'complaints';

export interface ImportOptions {
  fileName: string;
  mode: EnforcementImportMode;
  jobId?: string | undefined;
  /** called after every batch (CLI progress) */
  onProgress?: (p: { processed: number; imported: number; updated: number; rejected: number }) => void;
}

export interface ImportService {
  importFile(actor: Actor | null, kind: ImportKind, file: string, opts: ImportOptions, meta?: { ip?: string; requestId?: string }): Promise<EnforcementImportResult>;
  /** actor null: the command line (no scope check) */
  job(actor: Actor | null, id: string): Promise<EnforcementImportJob>;
  errorReport(actor: Actor | null, id: string, format: 'csv' | 'xlsx'): Promise<{ filename: string; contentType: string; data: Buffer }>;
  /**
   * Settles when the WAL checkpoint after the last committed import has run (it runs in a worker thread, off the
   * import's path); its frame counts, or null when none was needed (PostgreSQL, an in-memory database, a failed run).
   */
  checkpointed(): Promise<{ frames: number; checkpointed: number } | null>;
}

/** The response lists at most this many rejections; the error report has them all. */
export const MAX_REJECTIONS_IN_RESPONSE = 1000;

interface Counts {
  processed: number;
  imported: number;
  updated: number;
  rejected: number;
}

interface RejectedRow {
  row: number;
  errors: RowError[];
  raw: string[];
}

type AnyRecord = InspectionRecord | PenaltyRecord | ComplaintRecord;

/** Writes batches of validated records inside the import transaction. Returns the indexes of in-file duplicates. */
interface BatchWriter {
  write(records: AnyRecord[]): Promise<{ imported: number; updated: number; duplicates: number[] }>;
  /** same result as write; may insert before looking ids up (bulk loads) */
  writeOptimistic(records: AnyRecord[]): Promise<{ imported: number; updated: number; duplicates: number[] }>;
  /** upsert the firms seen (credit code → name); `streets`: a street for firms the register has none for */
  finishFirms(firms: Map<string, string>, nowIso: string, streets?: Map<string, string>): Promise<void>;
  bumpVersion(): Promise<void>;
}

/** The detections' data source each import changes (its version counter is bumped in the import's transaction). */
const SOURCE: Record<ImportKind, DataSource | null> = { inspections: 'inspections', penalties: 'penalties', complaints: null };
const TABLE: Record<ImportKind, 'enforcement_inspections' | 'enforcement_penalties' | 'enforcement_complaints'> = { inspections: 'enforcement_inspections', penalties: 'enforcement_penalties', complaints: 'enforcement_complaints' };
const COLUMNS: Record<ImportKind, readonly string[]> = { inspections: INSPECTION_CSV_COLUMNS, penalties: PENALTY_CSV_COLUMNS, complaints: COMPLAINT_CSV_COLUMNS };
/**
 * SQLite secondary indexes of the record tables that a bulk load drops and rebuilds (by firm, migration 030 SQLite
 * branch; the analysis covering index, migration 034). Their definitions are read from sqlite_schema at run time,
 * so a later migration that changes one is rebuilt as it stands.
 */
const BULK_INDEXES: Record<ImportKind, readonly string[]> = {
  inspections: [], // SQLite stores inspections as segments (store.ts, migration 070): no table to write
  penalties: ['enforcement_penalties_target', 'enforcement_penalties_agency'],
  complaints: [],
};
const INSPECTION_COLS = ['target_credit_code', 'id', 'agency_code', 'officer_id', 'field', 'kind', 'plan_id', 'joint_id', 'inspected_on', 'found_problem', 'duration_minutes', 'import_job_id'] as const;
const PENALTY_COLS = ['target_credit_code', 'id', 'agency_code', 'officer_id', 'inspection_id', 'field', 'violation_code', 'discretion_level', 'amount', 'filed_on', 'decided_on', 'import_job_id'] as const;

/** Append the column values of r to out (no array per row). */
function pushRowValues(out: (string | number | null)[], kind: ImportKind, r: AnyRecord, jobId: string): void {
  if (kind === 'inspections') {
    const x = r as InspectionRecord;
    out.push(x.targetCreditCode, x.id, x.agencyCode, x.officerId, x.field, x.kind, x.planId, x.jointId, x.inspectedOn, x.foundProblem, x.durationMinutes, jobId);
    return;
  }
  const x = r as PenaltyRecord;
  out.push(x.targetCreditCode, x.id, x.agencyCode, x.officerId, x.inspectionId, x.field, x.violationCode, x.discretionLevel, x.amount, x.filedOn, x.decidedOn, jobId);
}

function rowValues(kind: ImportKind, r: AnyRecord, jobId: string): (string | number | null)[] {
  if (kind === 'inspections') {
    const x = r as InspectionRecord;
    return [x.targetCreditCode, x.id, x.agencyCode, x.officerId, x.field, x.kind, x.planId, x.jointId, x.inspectedOn, x.foundProblem, x.durationMinutes, jobId];
  }
  const x = r as PenaltyRecord;
  return [x.targetCreditCode, x.id, x.agencyCode, x.officerId, x.inspectionId, x.field, x.violationCode, x.discretionLevel, x.amount, x.filedOn, x.decidedOn, jobId];
}

/** Plain SQL with `?` placeholders on the import's connection (SQLite) or transaction (PostgreSQL). */
interface Runner {
  all(text: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  run(text: string, params: readonly unknown[]): Promise<void>;
}
function sqliteRunner(conn: BetterSqlite3.Database): Runner {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const st = (t: string) => cache.get(t) ?? cache.set(t, conn.prepare(t)).get(t)!;
  return {
    async all(t, p) {
      return st(t).all(...p) as Record<string, unknown>[];
    },
    async run(t, p) {
      st(t).run(...p);
    },
  };
}
function pgRunner(trx: Transaction<Database>): Runner {
  const pg = (t: string) => {
    let i = 0;
    return t.replace(/\?/g, () => `$${++i}`);
  };
  return {
    async all(t, p) {
      return (await trx.executeQuery(CompiledQuery.raw(pg(t), [...p]))).rows as Record<string, unknown>[];
    },
    async run(t, p) {
      await trx.executeQuery(CompiledQuery.raw(pg(t), [...p]));
    },
  };
}

/**
 * 12345 complaints, idempotent by complaint id (unique across firms, looked up through its index, migration 036). A
 * stored complaint is updated in place — its handling status (clued …) and the clue that refers to it are kept; if the
 * firm changed, the row moves to the new key and the clue's reference moves with it. Complaints do not feed the
 * detections: no data version is bumped.
 */
function complaintWriter(q: Runner, jobId: string, nowIso: string): Pick<BatchWriter, 'write' | 'writeOptimistic'> {
  const COLS = 'target_credit_code, id, agency_code, received_on, category, summary, status, created_at, import_job_id, updated_at';
  return {
    async write(records) {
      const rs = records as ComplaintRecord[];
      const existing = new Map<string, { tcc: string; job: string | null }>();
      for (let i = 0; i < rs.length; i += 500) {
        const ids = rs.slice(i, i + 500).map((r) => r.id);
        for (const row of await q.all(`select id, target_credit_code as tcc, import_job_id as job from enforcement_complaints where id in (${ids.map(() => '?').join(', ')})`, ids)) existing.set(String(row.id), { tcc: String(row.tcc), job: (row.job as string | null) ?? null });
      }
      const seen = new Set<string>();
      const duplicates: number[] = [];
      const fresh: ComplaintRecord[] = [];
      let updated = 0;
      for (let i = 0; i < rs.length; i++) {
        const r = rs[i]!;
        const ex = existing.get(r.id);
        if (seen.has(r.id) || ex?.job === jobId) {
          duplicates.push(i);
          continue;
        }
        seen.add(r.id);
        if (!ex) {
          fresh.push(r);
          continue;
        }
        updated++;
        if (ex.tcc !== r.targetCreditCode) {
          await q.run('update enforcement_complaints set target_credit_code = ? where target_credit_code = ? and id = ?', [r.targetCreditCode, ex.tcc, r.id]);
          await q.run('update enforcement_clues set complaint_credit_code = ?, target_credit_code = ? where complaint_id = ? and complaint_credit_code = ?', [r.targetCreditCode, r.targetCreditCode, r.id, ex.tcc]);
          await q.run('update enforcement_clue_complaints set target_credit_code = ? where complaint_id = ?', [r.targetCreditCode, r.id]);
        }
        await q.run('update enforcement_complaints set agency_code = ?, received_on = ?, category = ?, summary = ?, import_job_id = ?, updated_at = ? where target_credit_code = ? and id = ?', [r.agencyCode, r.receivedOn, r.category, r.summary, jobId, nowIso, r.targetCreditCode, r.id]);
      }
      for (let i = 0; i < fresh.length; i += 50) {
        const chunk = fresh.slice(i, i + 50);
        await q.run(
          `insert into enforcement_complaints (${COLS}) values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((r) => [r.targetCreditCode, r.id, r.agencyCode, r.receivedOn, r.category, r.summary, 'received', nowIso, jobId, nowIso]),
        );
      }
      return { imported: fresh.length, updated, duplicates };
    },
    writeOptimistic(records) {
      return this.write(records);
    },
  };
}

/** Fills the street of firms the register has none for (a complaint's 街道). */
async function fillStreets(q: Runner, streets: Map<string, string> | undefined): Promise<void> {
  if (!streets) return;
  for (const [code, street] of streets) await q.run('update enforcement_firms set street = ? where credit_code = ? and street is null', [street, code]);
}

/**
 * SQLite: prepared statements on the import's own connection. Per batch: one lookup of up to 500 ids, one delete of
 * replaced records, multi-row inserts of 64 rows per statement (fewer calls across the native boundary).
 */
function sqliteWriter(conn: BetterSqlite3.Database, kind: ImportKind, jobId: string, nowIso: string): BatchWriter {
  if (kind === 'complaints') {
    const q = sqliteRunner(conn);
    return { ...complaintWriter(q, jobId, nowIso), finishFirms: async (firms, now, streets) => (await sqliteFirms(conn, firms, now), fillStreets(q, streets)), bumpVersion: async () => undefined };
  }
  const table = TABLE[kind];
  const cols = kind === 'inspections' ? INSPECTION_COLS : PENALTY_COLS;
  const LOOKUP = 500;
  const MULTI = 64;
  const lookupStmts = new Map<number, BetterSqlite3.Statement>();
  const lookup = (ids: string[]) => {
    let st = lookupStmts.get(ids.length);
    if (!st) lookupStmts.set(ids.length, (st = conn.prepare(`select id, import_job_id from ${table} where id in (${ids.map(() => '?').join(',')})`).raw(true)));
    return st.all(ids) as [string, string | null][];
  };
  const del = conn.prepare(`delete from ${table} where id = ?`);
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  const ins1 = conn.prepare(`insert into ${table} (${cols.join(', ')}) values ${tuple}`);
  const insN = conn.prepare(`insert into ${table} (${cols.join(', ')}) values ${Array.from({ length: MULTI }, () => tuple).join(', ')}`);
  return {
    async write(records) {
      let imported = 0;
      let updated = 0;
      const duplicates: number[] = [];
      const existing = new Map<string, string | null>();
      for (let i = 0; i < records.length; i += LOOKUP) {
        for (const [id, job] of lookup(records.slice(i, i + LOOKUP).map((r) => r.id))) existing.set(id, job);
      }
      const seen = new Set<string>();
      const keep: AnyRecord[] = [];
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        const ex = existing.get(r.id);
        if (seen.has(r.id) || (ex !== undefined && ex === jobId)) {
          duplicates.push(i);
          continue;
        }
        seen.add(r.id);
        if (existing.has(r.id)) {
          del.run(r.id);
          updated++;
        } else imported++;
        keep.push(r);
      }
      let i = 0;
      for (; i + MULTI <= keep.length; i += MULTI) {
        const params: (string | number | null)[] = [];
        for (let k = i; k < i + MULTI; k++) params.push(...rowValues(kind, keep[k]!, jobId));
        insN.run(params);
      }
      for (; i < keep.length; i++) ins1.run(rowValues(kind, keep[i]!, jobId));
      return { imported, updated, duplicates };
    },
    async writeOptimistic(records) {
      // Most rows of a bulk file are new: insert MULTI rows per statement without looking their ids up first. A chunk
      // that meets a stored id (or repeats one) fails on the primary key as a whole — SQLite undoes the statement —
      // and goes through the looked-up path (write), which counts updates and in-file duplicates exactly.
      let imported = 0;
      let updated = 0;
      const duplicates: number[] = [];
      const params: (string | number | null)[] = [];
      const slow = async (from: number, to: number) => {
        const r = await this.write(records.slice(from, to));
        imported += r.imported;
        updated += r.updated;
        for (const d of r.duplicates) duplicates.push(from + d);
      };
      let i = 0;
      for (; i + MULTI <= records.length; i += MULTI) {
        params.length = 0;
        for (let k = i; k < i + MULTI; k++) pushRowValues(params, kind, records[k]!, jobId);
        try {
          insN.run(params);
          imported += MULTI;
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e;
          await slow(i, i + MULTI);
        }
      }
      if (i < records.length) await slow(i, records.length);
      return { imported, updated, duplicates };
    },
    async finishFirms(firms, nowIso) {
      await sqliteFirms(conn, firms, nowIso);
    },
    async bumpVersion() {
      const src = SOURCE[kind];
      if (src) conn.prepare(bumpSql(src)).run();
    },
  };
}

/**
 * The firms of the file into the firm register: in credit-code order (the key's b-tree then takes them as one ascending
 * run instead of a random page per firm) and 64 per statement. Measured at 2·10^6 rows (250,000 firms) in the import's
 * CPU profile: one statement per firm in file order was the largest JavaScript-side item.
 */
async function sqliteFirms(conn: BetterSqlite3.Database, firms: Map<string, string>, nowIso: string): Promise<void> {
  sqliteFirmRows(conn, [...firms.keys()], [...firms.values()], nowIso);
}

/** At most 18 characters in U+0001–U+007F: the packed order below is the string order. */
function packable(c: string): boolean {
  if (c.length > 18) return false;
  for (let i = 0; i < c.length; i++) {
    const x = c.charCodeAt(i);
    if (x === 0 || x > 0x7f) return false;
  }
  return true;
}

/**
 * The order of credit codes (ASCII, compared as strings): an LSD radix sort, two characters (14 bits) a digit, the
 * last digit first, a digit that is the same in every code skipped (the district prefix) — ~0.1 s for the 1.25 million
 * firms of a 10^7-row import, where a comparison sort took ~0.9 s. Codes outside U+0001–U+007F or longer than 18
 * characters fall back to a comparison sort.
 */
export function creditCodeOrder(codes: readonly string[]): Int32Array {
  const n = codes.length;
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  if (!codes.every(packable)) return idx.sort((a, b) => (codes[a]! < codes[b]! ? -1 : codes[a]! > codes[b]! ? 1 : 0));
  let tmp = new Int32Array(n);
  const digit = new Uint16Array(n);
  const count = new Int32Array(1 << 14);
  for (let j = 16; j >= 0; j -= 2) {
    // a missing character is 0, below every character of a packable code: a shorter code sorts first, as strings do
    let same = true;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      const d = ((j < c.length ? c.charCodeAt(j) : 0) << 7) | (j + 1 < c.length ? c.charCodeAt(j + 1) : 0);
      digit[i] = d;
      if (d !== digit[0]) same = false;
    }
    if (same) continue;
    count.fill(0);
    for (let i = 0; i < n; i++) count[digit[i]!]!++;
    for (let d = 0, sum = 0; d < count.length; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let q = 0; q < n; q++) {
      const i = idx[q]!;
      tmp[count[digit[i]!]!++] = i;
    }
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  return idx;
}

/** Firms (credit code, name) into the register in credit-code order, 64 rows per statement. */
function sqliteFirmRows(conn: BetterSqlite3.Database, codes: readonly string[], names: readonly string[], nowIso: string): void {
  const upsert = (n: number) => conn.prepare(`insert into enforcement_firms (credit_code, name, street, updated_at) values ${Array.from({ length: n }, () => '(?, ?, null, ?)').join(', ')} on conflict (credit_code) do update set name = excluded.name, updated_at = excluded.updated_at where name <> excluded.name`);
  const order = creditCodeOrder(codes);
  const MULTI = 64;
  const many = codes.length >= MULTI ? upsert(MULTI) : null;
  const params: string[] = new Array<string>(MULTI * 3);
  let i = 0;
  for (; many && i + MULTI <= codes.length; i += MULTI) {
    for (let k = 0; k < MULTI; k++) {
      const o = order[i + k]!;
      params[k * 3] = codes[o]!;
      params[k * 3 + 1] = names[o]!;
      params[k * 3 + 2] = nowIso;
    }
    many.run(params);
  }
  if (i < codes.length) {
    const one = upsert(1);
    for (; i < codes.length; i++) one.run(codes[order[i]!]!, names[order[i]!]!, nowIso);
  }
}

/** PostgreSQL: per batch, one lookup of the ids, one delete of replaced records, one multi-row insert. */
function pgWriter(trx: Transaction<Database>, kind: ImportKind, jobId: string, nowIso: string): BatchWriter {
  if (kind === 'complaints') {
    const q = pgRunner(trx);
    const w = pgWriter(trx, 'penalties', jobId, nowIso);
    return { ...complaintWriter(q, jobId, nowIso), finishFirms: async (firms, now, streets) => (await w.finishFirms(firms, now), fillStreets(q, streets)), bumpVersion: async () => undefined };
  }
  const table = TABLE[kind];
  const cols = kind === 'inspections' ? INSPECTION_COLS : PENALTY_COLS;
  return {
    async write(records) {
      const duplicates: number[] = [];
      const ids = records.map((r) => r.id);
      const existing = new Map<string, string | null>();
      if (ids.length) {
        const { rows } = await sql<{ id: string; importJobId: string | null }>`select id, import_job_id from ${sql.table(table)} where id in (${sql.join(ids)})`.execute(trx);
        for (const r of rows) existing.set(r.id, r.importJobId);
      }
      const seen = new Set<string>();
      const keep: AnyRecord[] = [];
      const replace: string[] = [];
      let imported = 0;
      let updated = 0;
      records.forEach((r, i) => {
        const ex = existing.get(r.id);
        if (seen.has(r.id) || ex === jobId) {
          duplicates.push(i);
          return;
        }
        seen.add(r.id);
        if (existing.has(r.id)) {
          replace.push(r.id);
          updated++;
        } else imported++;
        keep.push(r);
      });
      if (replace.length) await sql`delete from ${sql.table(table)} where id in (${sql.join(replace)})`.execute(trx);
      for (let i = 0; i < keep.length; i += 1000) {
        const chunk = keep.slice(i, i + 1000);
        const values = sql.join(chunk.map((r) => sql`(${sql.join(rowValues(kind, r, jobId))})`));
        await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${values}`.execute(trx);
      }
      return { imported, updated, duplicates };
    },
    writeOptimistic(records) {
      return this.write(records);
    },
    async finishFirms(firms, nowIso) {
      const entries = [...firms];
      for (let i = 0; i < entries.length; i += 1000) {
        const chunk = entries.slice(i, i + 1000);
        await trx
          .insertInto('enforcementFirms')
          .values(chunk.map(([creditCode, name]) => ({ creditCode, name, street: null, updatedAt: nowIso })))
          .onConflict((oc) => oc.column('creditCode').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), updatedAt: eb.ref('excluded.updatedAt') })))
          .execute();
      }
    },
    async bumpVersion() {
      const src = SOURCE[kind];
      if (src) await bumpDataVersion(trx, src);
    },
  };
}

/**
 * A bulk load (SQLite): the file may carry at least 1/8 of the rows the table holds — the table holds fewer than 8×
 * the rows the file can hold at most (a record is at least 40 bytes); an empty table always. Counted with a bound.
 */
function isBulk(conn: BetterSqlite3.Database, kind: ImportKind, fileBytes: number): boolean {
  const bound = Math.ceil(fileBytes / 40) * 8;
  const n = conn.prepare(`select count(*) from (select 1 from ${TABLE[kind]} limit ?)`).pluck().get(bound) as number;
  return n < bound;
}

class Rollback extends Error {}

/**
 * Turn off a connection's automatic checkpoints until every returned `resume` has been called (imports may overlap
 * the worker's checkpoint of an earlier one); the connection's own setting comes back after the last.
 */
const suspendedCheckpoints = new WeakMap<BetterSqlite3.Database, { auto: number; holds: number }>();
function suspendAutoCheckpoint(main: BetterSqlite3.Database): () => void {
  let s = suspendedCheckpoints.get(main);
  if (!s) {
    s = { auto: Number(main.pragma('wal_autocheckpoint', { simple: true })), holds: 0 };
    suspendedCheckpoints.set(main, s);
  }
  if (s.holds++ === 0) main.pragma('wal_autocheckpoint = 0');
  const held = s;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--held.holds > 0) return;
    suspendedCheckpoints.delete(main);
    if (main.open) main.pragma(`wal_autocheckpoint = ${held.auto}`);
  };
}

/** A database in a file (not in memory): an import gets its own connection to it, and its WAL a checkpoint after. */
const fileBacked = (db: BetterSqlite3.Database) => db.name !== ':memory:' && db.name !== '';

/**
 * An import writes through its own connection to the database file (WAL), so that the server keeps answering reads —
 * and progress polls — between batches; an in-memory database has only the one. 256 MiB of cache: the firm register's
 * and the indexes' pages stay in memory for the whole load.
 */
export function importConnection(main: BetterSqlite3.Database): { conn: BetterSqlite3.Database; own: boolean } {
  const own = fileBacked(main);
  if (!own) return { conn: main, own };
  const conn = new BetterSqlite3(main.name);
  conn.pragma('busy_timeout = 5000');
  conn.pragma('foreign_keys = ON');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('cache_size = -262144');
  // no checkpoint at this connection's commit: an import's hundreds of MB would be copied into the database file
  // inside the import; a worker checkpoints after it (checkpointInWorker), other connections keep checkpointing
  conn.pragma('wal_autocheckpoint = 0');
  return { conn, own };
}

/** Parts (worker threads) of a large inspection CSV: the machine's cores, at least 2, at most 4. */
const PARALLEL_PARTS = Math.min(4, Math.max(2, availableParallelism()));

/** The CSV fields of the one-line record at a byte offset (a duplicate found when parts are merged). */
async function rawLineAt(file: string, offset: number): Promise<string[]> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
    let end = buf.subarray(0, bytesRead).indexOf(10);
    if (end < 0) end = bytesRead;
    if (end > 0 && buf[end - 1] === 13) end--;
    return buf.toString('utf8', 0, end).split(',');
  } finally {
    await fh.close();
  }
}

/** 0, 1, …, n − 1 (the code map of an adopted dictionary). */
function identity(n: number): Int32Array {
  const m = new Int32Array(n);
  for (let i = 0; i < n; i++) m[i] = i;
  return m;
}

/** Firm names by code in a Map (the XLSX path; the CSV reader keeps its own). */
function mapNames() {
  const m = new Map<number, string>();
  return { firmName: (code: number) => m.get(code), setFirmName: (code: number, name: string) => void m.set(code, name) };
}


function csvEscape(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function createImportService(deps: {
  handle: DbHandle;
  clock: Clock;
  audit: AuditService;
  dataDir: string;
  /** inspection CSV files from this size up are parsed by worker threads (default 64 MiB; tests set it low) */
  parallelMinBytes?: number;
}): ImportService {
  const { handle, clock, audit } = deps;
  const { db } = handle;
  const live = new Map<string, Counts & { status: string }>();
  let running = false;
  let checkpoint: Promise<{ frames: number; checkpointed: number } | null> = Promise.resolve(null);

  async function loadAgencies(): Promise<Map<string, AgencyInfo>> {
    const rows = await db.selectFrom('enforcementAgencies').select(['code', 'fields']).execute();
    return new Map(rows.map((r) => [r.code, { code: r.code, fields: new Set(JSON.parse(r.fields) as string[]) }]));
  }

  /** Run `body` with a batch writer inside one transaction; true when it committed (iff body returned true). */
  async function inTransaction(kind: ImportKind, jobId: string, fileBytes: number, body: (w: BatchWriter, bulk: boolean) => Promise<boolean>): Promise<boolean> {
    if (handle.sqlite) {
      const { conn, own } = importConnection(handle.sqlite);
      try {
        conn.exec('begin immediate');
        let commit = false;
        try {
          // Bulk variant: into an empty table, or with a file at least 1/8 the size of the stored table (ADR 0004 §8,
          // ADR 0005), the secondary indexes are dropped and rebuilt once at the end (one sort each, on two sorter
          // threads) instead of taking a random insert per row — inside the same transaction, so a rollback restores
          // them; rows are inserted optimistically (no id lookup unless a chunk meets a stored id).
          const empty = conn.prepare(`select 1 from ${TABLE[kind]} limit 1`).get() === undefined;
          const bulk = kind !== 'complaints' && (empty || isBulk(conn, kind, fileBytes));
          const dropped: string[] = [];
          if (bulk) {
            for (const name of BULK_INDEXES[kind]) {
              const def = conn.prepare("select sql from sqlite_schema where type = 'index' and name = ?").pluck().get(name) as string | undefined;
              if (!def) continue;
              conn.exec(`drop index ${name}`);
              dropped.push(def);
            }
          }
          const w = sqliteWriter(conn, kind, jobId, clock.nowIso());
          commit = await body(w, bulk);
          if (commit && dropped.length) {
            conn.pragma('threads = 2');
            for (const def of dropped) conn.exec(def);
          }
          if (commit) await w.bumpVersion();
        } catch (e) {
          conn.exec('rollback');
          throw e;
        }
        conn.exec(commit ? 'commit' : 'rollback');
        return commit;
      } finally {
        if (own) conn.close();
      }
    }
    try {
      await db.transaction().execute(async (trx) => {
        const w = pgWriter(trx, kind, jobId, clock.nowIso());
        const commit = await body(w, false);
        if (!commit) throw new Rollback();
        await w.bumpVersion();
      });
      return true;
    } catch (e) {
      if (e instanceof Rollback) return false;
      throw e;
    }
  }

  /**
   * Inspections on SQLite (ADR 0005 stop 15): every record is validated and checked against the stored ids (the held
   * store's id index: a stored id is an update, an id seen earlier in this file a rejected duplicate) while the file
   * streams in, appended to the held store as rows of an import in progress (invisible to readers), and committed as
   * columnar segments in ONE transaction with the firm register and the version bump — or dropped whole.
   * The write lock is taken first, so no other write falls between reading the stored ids and the commit.
   */
  async function importInspectionsSqlite(
    main: BetterSqlite3.Database,
    jobId: string,
    type: 'csv' | 'xlsx',
    file: string,
    agencies: Map<string, AgencyInfo>,
    today: string,
    opts: ImportOptions,
    counts: Counts,
    rejected: RejectedRow[],
  ): Promise<{ commit: boolean; imported: number; updated: number }> {
    const { conn, own } = importConnection(main);
    let began = false;
    let st: RowStore | null = null;
    // FAZHI_IMPORT_TIMING=1: the time of each phase on stderr (the benchmark's breakdown)
    let t0 = performance.now();
    const phase = (name: string) => {
      if (process.env.FAZHI_IMPORT_TIMING !== '1') return;
      const t = performance.now();
      process.stderr.write(`  import phase ${name}: ${(t - t0).toFixed(0)} ms\n`);
      t0 = t;
    };
    try {
      conn.exec('begin immediate');
      began = true;
      const v0 = Number(conn.prepare(inspectionVersionSql).pluck().get());
      st = catchUpSqlite(handle, conn, v0).store;
      const store = st;
      const base = store.n;
      const d = store.dicts;
      let imported = 0;
      let updated = 0;
      let headerSeen = false;
      // the last target_name per firm code among this file's accepted rows (the reader keeps it for its fast rows)
      let names: { firmName(code: number): string | undefined; setFirmName(code: number, name: string): void } = mapNames();
      // firm codes this import wrote a row for (a bit each)
      let touched = new Uint8Array(Math.max(1024, d.firm.size >> 3) + 1);
      const grow = (a: Uint8Array, size: number) => {
        const b = new Uint8Array((size >> 3) * 2 + 1);
        b.set(a);
        return b;
      };
      const touch = (code: number) => {
        if (code >> 3 >= touched.length) touched = grow(touched, d.firm.size);
        touched[code >> 3] = touched[code >> 3]! | (1 << (code & 7));
      };
      const report = () => {
        counts.imported = imported;
        counts.updated = updated;
        counts.rejected = rejected.length;
        opts.onProgress?.(counts);
      };
      const dup = (row: number, raw: string[]) => rejected.push({ row, errors: [{ code: 'ID_DUPLICATE_IN_FILE', message: IMPORT_ROW_ERRORS.ID_DUPLICATE_IN_FILE }], raw });
      const onRecords = (records: string[][], firstNo: number) => {
        for (let i = 0; i < records.length; i++) {
          const f = records[i]!;
          if (!headerSeen) {
            headerSeen = true;
            if (!isInspectionHeader(f)) throw new AppError('ENFORCEMENT_IMPORT_HEADER', { expected: INSPECTION_CSV_COLUMNS });
            continue;
          }
          counts.processed++;
          if (f.length === 1 && f[0]!.trim() === '') continue; // blank line
          const res = validateInspection(f, agencies, today);
          if ('errors' in res) {
            rejected.push({ row: firstNo + i, errors: res.errors, raw: f });
            continue;
          }
          const x = res.record;
          const ex = store.findString(x.id);
          if (ex >= base) {
            dup(firstNo + i, f);
            continue;
          }
          store.pushStrings(x.id, x.targetCreditCode, x.agencyCode, x.field, x.officerId, x.kind, x.planId, x.jointId, dayNumber(x.inspectedOn), x.foundProblem, x.durationMinutes);
          const firm = store.firm[store.n - 1]!;
          names.setFirmName(firm, x.targetName);
          touch(firm);
          if (ex >= 0) updated++;
          else imported++;
        }
        report();
      };
      // ready-made segments of the parallel path: [first store row, end row, segments] (null: encode from the store)
      let readySegments: [number, number, Uint8Array[] | null][] | null = null;
      const ranges = type === 'csv' ? await cutFile(file, (await stat(file)).size, PARALLEL_PARTS, deps.parallelMinBytes ?? 64 << 20, false) : [];
      let parts: ParsedPart[] | null = null;
      if (ranges.length > 1) {
        // a large file: parsed and validated by worker threads, merged here in file order (inspection-import.parallel.ts)
        const agencyList = [...agencies.values()].map((a): [string, string[]] => [a.code, [...a.fields]]);
        // progress while the workers read: the records each has seen so far
        const seen = ranges.map(() => 0);
        // the cuts are safe only if no quote comes before the last one (a quoted field may hold a line end): checked
        // while the workers run (~0.4 s at 10^7 rows); a quote stops them and one reader takes the whole file
        const abort = new AbortController();
        const quoted = quoteBefore(file, ranges[ranges.length - 1]![0]).then((q) => {
          if (q) abort.abort(new Error('quoted'));
          return q;
        });
        try {
          parts = await Promise.all(
            ranges.map(([start, end], i) =>
              parsePartInWorker(
                { file, start, end, first: i === 0, agencies: agencyList, today },
                (records) => {
                  seen[i] = records;
                  counts.processed = Math.max(0, seen.reduce((a, b) => a + b, 0) - 1);
                  opts.onProgress?.(counts);
                },
                abort.signal,
              ),
            ),
          );
          if (await quoted) parts = null;
        } catch (e) {
          abort.abort(e);
          if (!(await quoted)) throw e;
          parts = null;
        }
        if (!parts) counts.processed = 0;
      }
      if (parts) {
        counts.processed = parts.reduce((a, p) => a + p.records, 0) - 1; // every record but the header
        phase('parse (workers)');
        if (!parts[0]!.header || !isInspectionHeader(parts[0]!.header)) throw new AppError('ENFORCEMENT_IMPORT_HEADER', { expected: INSPECTION_CSV_COLUMNS });
        headerSeen = true;
        readySegments = [];
        // global firm code → part × 2^26 + the part's firm code of its last name (−1: none); the store's dictionary
        // can grow by at most the parts' firms
        const nameRef = new Float64Array(d.firm.size + parts.reduce((a, p) => a + p.names.starts.length, 0)).fill(-1);
        // into an empty store, a file without a repeated id is appended part by part in bulk; otherwise row by row.
        // The ids are checked for repeats in a worker while the dictionaries are merged here.
        const repeats = store.n === 0 ? laterDuplicatesInWorker(parts) : null;
        // an empty dictionary of the store takes the first part's table as it is (its codes become the store's: no
        // re-coding of a million firm keys, and the part's columns are copied without a map), then room for the other
        // parts' keys at once (no step-by-step growth while merging)
        const adopted = new Set<DictKey>();
        for (const name of DICT_KEYS) {
          if (!d[name].isEmpty()) continue;
          d[name].adopt(parts[0]!.tables[name], unpackStrings(parts[0]!.dicts[name]));
          adopted.add(name);
        }
        // (an adopted table is left to grow if it must: the other parts mostly repeat its keys, and reserving room for
        // all of theirs rehashed a million firm keys into a table twice the size, ~0.5 s)
        for (const name of ['firm', 'joint'] as const) if (!adopted.has(name)) d[name].reserve(parts.reduce((a, p) => a + p.dicts[name].starts.length - 1, 0));
        // the parts' codes → the store's, part by part: each key coded from its bytes (no string made unless the key
        // is new); null: an adopted dictionary (the part's codes are the store's)
        const remap = (local: PackedStrings, dict: typeof d.firm, none: boolean) => {
          const k = local.starts.length - 1;
          const m = new Int32Array(k);
          const b = local.bytes;
          for (let i = 0; i < k; i++) m[i] = none && i === 0 ? 0 : dict.codeBytes(b, local.starts[i]!, local.starts[i + 1]!);
          for (const [i, v] of local.wide) m[i] = dict.code(v);
          return m;
        };
        const partMaps = parts.map((part, k) => {
          const map = (name: DictKey) => (k === 0 && adopted.has(name) ? null : remap(part.dicts[name], d[name], name === 'plan' || name === 'joint'));
          return { firm: map('firm'), agency: map('agency'), field: map('field'), officer: map('officer'), plan: map('plan'), joint: map('joint') };
        });
        phase('dictionaries');
        // (the check failing — a worker that could not start — only costs the bulk path: row by row finds repeats too)
        const bulk = repeats !== null && (await repeats.catch(() => null))?.length === 0;
        phase('repeated ids (worker)');
        let recordBase = 0;
        for (const [k, part] of parts.entries()) {
          for (const r of part.rejected) rejected.push({ row: r.row + recordBase, errors: r.errors, raw: r.raw });
          const maps = partMaps[k]!;
          const from = store.n;
          let dropped = 0;
          if (bulk) {
            // an empty store and no id twice in the file: the part's columns are appended as they are
            store.appendBulk(part, maps);
            // every firm a part coded has a row in it (a worker codes a firm only for a record it keeps)
            const firms = part.dicts.firm.starts.length - 1;
            for (let c = 0; c < firms; c++) touch(maps.firm ? maps.firm[c]! : c);
            imported += part.n;
          } else {
            const full = (name: DictKey) => maps[name] ?? identity(part.dicts[name].starts.length - 1);
            const [mf, ma, mfd, mo, mp, mj] = [full('firm'), full('agency'), full('field'), full('officer'), full('plan'), full('joint')];
            // rows are kept also when this import will not commit: a later duplicate of them is reported all the same
            store.reserve(part.n);
            for (let r = 0; r < part.n; r++) {
              const s0 = part.idStart[r]!;
              const e0 = part.idStart[r + 1]!;
              const ex = store.find(part.idBytes, s0, e0);
              if (ex >= base) {
                dropped++;
                dup(part.recordNo[r]! + recordBase, part.slowRaw[r] ?? (await rawLineAt(file, part.offset[r]!)));
                continue;
              }
              const gf = mf[part.firm[r]!]!;
              store.push(part.idBytes, s0, e0, gf, ma[part.agency[r]!]!, mfd[part.field[r]!]!, mo[part.officer[r]!]!, part.kind[r]!, mp[part.plan[r]!]!, mj[part.joint[r]!]!, part.day[r]!, part.problem[r]!, part.duration[r]!);
              touch(gf);
              if (ex >= 0) updated++;
              else imported++;
            }
          }
          // the last name of a firm: a reference to the part that has it, decoded once at the end
          const ns = part.names.starts;
          const mf = maps.firm;
          for (let c = 0; c < ns.length - 1; c++) if (ns[c + 1]! > ns[c]!) nameRef[mf ? mf[c]! : c] = k * 0x4000000 + c;
          phase(`rows of part ${k}`);
          readySegments.push([from, store.n, dropped ? null : part.segments]);
          recordBase += part.records;
        }
        const unpacked: (string[] | undefined)[] = [];
        names = {
          firmName: (code) => {
            const ref = code < nameRef.length ? nameRef[code]! : -1;
            if (ref < 0) return undefined;
            const k = Math.floor(ref / 0x4000000);
            return (unpacked[k] ??= unpackStrings(parts[k]!.names))[ref % 0x4000000];
          },
          setFirmName: () => undefined,
        };
        phase(bulk ? 'merge (bulk)' : 'merge (row by row)');
        report();
      } else if (type === 'csv') {
        // The byte-level reader (inspection-csv-fast.ts): a canonical valid record is coded straight into the store's
        // dictionaries; every other record — the header, quoted, malformed or invalid ones — comes back as the fields
        // CsvParser would give, for validateInspection (the same outcome either way, tested in its suite).
        const reader: FastInspectionReader = new FastInspectionReader({
          agencies,
          today,
          dicts: d,
          sink: {
            row(r) {
              counts.processed++;
              const ex = store.find(r.buf, r.idStart, r.idEnd);
              if (ex >= base) {
                dup(r.recordNo, r.fields());
                return;
              }
              store.push(r.buf, r.idStart, r.idEnd, r.firm, r.agency, r.field, r.officer, r.kind, r.plan, r.joint, r.day, r.problem, r.duration);
              touch(r.firm);
              if (ex >= 0) updated++;
              else imported++;
            },
            slow(fields, recordNo) {
              onRecords([fields], recordNo);
            },
          },
        });
        names = reader;
        for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
          reader.push(chunk as Buffer);
          report();
        }
        reader.end();
      } else await readXlsxFile(file, (recs, first) => onRecords(recs, first), INSPECTION_CSV_COLUMNS.length);
      if (!headerSeen) throw new AppError('ENFORCEMENT_IMPORT_HEADER', { expected: INSPECTION_CSV_COLUMNS });
      if (rejected.length > 0 && opts.mode === 'all') {
        store.rollback();
        conn.exec('rollback');
        began = false;
        return { commit: false, imported: 0, updated: 0 };
      }
      const nowIso = clock.nowIso();
      phase('read');
      let lastSegment = lastSegmentId(conn);
      for (const [from, to, segs] of readySegments ?? [[base, store.n, null]]) if (to > from) lastSegment = writeSegments(conn, store, from, to, jobId, nowIso, segs);
      phase('segments');
      const firmCodes: string[] = [];
      const firmNames: string[] = [];
      for (let code = 0; code < d.firm.size; code++) {
        if (code >> 3 < touched.length && touched[code >> 3]! & (1 << (code & 7))) {
          firmCodes.push(d.firm.values[code]!);
          firmNames.push(names.firmName(code)!);
        }
      }
      phase('firm names');
      sqliteFirmRows(conn, firmCodes, firmNames, nowIso);
      phase('firm register');
      conn.prepare(bumpSql('inspections')).run();
      const version = Number(conn.prepare(inspectionVersionSql).pluck().get());
      conn.exec('commit');
      phase('commit');
      began = false;
      committedImport(handle, version, lastSegment);
      return { commit: true, imported, updated };
    } catch (e) {
      if (began) conn.exec('rollback');
      st?.rollback();
      throw e;
    } finally {
      if (own) conn.close();
    }
  }

  /** An import job (its progress, its rejected rows) is the district's, or its own creator's. */
  async function assertJobScope(actor: Actor | null, createdBy: string | null): Promise<void> {
    if (!actor || (createdBy !== null && createdBy === actor.userId)) return;
    assertDistrict(await enforcementScope(db, actor));
  }

  async function saveRejections(jobId: string, rejected: RejectedRow[]): Promise<void> {
    const rows: { jobId: string; rowNo: number; seq: number; code: string; message: string; raw: string }[] = [];
    let seq = 0;
    for (const r of rejected) for (const e of r.errors) rows.push({ jobId, rowNo: r.row, seq: seq++, code: e.code, message: e.message, raw: JSON.stringify(r.raw) });
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('enforcementImportRejections').values(rows.slice(i, i + 500)).execute();
  }

  return {
    checkpointed: () => checkpoint,
    async importFile(actor, kind, file, opts, meta = {}) {
      // records of any firm and agency: the district's supervision body imports (the command line runs as the operator)
      if (actor) assertDistrict(await enforcementScope(db, actor));
      if (running) throw new AppError('ENFORCEMENT_IMPORT_RUNNING');
      const type = await sniffFileType(file);
      if (!type) throw new AppError('ENFORCEMENT_IMPORT_FILE_TYPE');
      running = true;
      // while the import runs, the server's connection does not checkpoint either (its next commit, the job's status,
      // would copy the import's pages into the database file in the import's time, on the event loop): the worker does
      const sqliteFile = handle.sqlite && fileBacked(handle.sqlite) ? handle.sqlite : null;
      const resume = sqliteFile ? suspendAutoCheckpoint(sqliteFile) : () => undefined;
      let committed = false;
      const jobId = opts.jobId ?? randomUUID();
      const startedAt = clock.nowIso();
      const counts: Counts & { status: string } = { processed: 0, imported: 0, updated: 0, rejected: 0, status: 'running' };
      live.set(jobId, counts);
      try {
        const agencies = await loadAgencies();
        await db.insertInto('enforcementImportJobs').values({ id: jobId, kind, fileName: opts.fileName.slice(0, 255), mode: opts.mode, status: 'running', processed: 0, imported: 0, updated: 0, rejected: 0, createdBy: actor?.userId ?? null, startedAt, finishedAt: null }).execute();
        const rejected: RejectedRow[] = [];
        const firms = new Map<string, string>();
        const streets = new Map<string, string>();
        const today = clock.today();
        const validate: (f: string[], a: Map<string, AgencyInfo>) => { record: AnyRecord } | { errors: RowError[] } = kind === 'inspections' ? (f, a) => validateInspection(f, a, today) : kind === 'penalties' ? (f, a) => validatePenalty(f, a, today) : (f, a) => validateComplaint(f, a, today);
        const isHeader = kind === 'inspections' ? isInspectionHeader : kind === 'penalties' ? isPenaltyHeader : isComplaintHeader;
        const columnNames = COLUMNS[kind];
        let headerSeen = false;
        let imported = 0;
        let updated = 0;
        try {
          if (kind === 'inspections' && handle.sqlite) {
            const r = await importInspectionsSqlite(handle.sqlite, jobId, type, file, agencies, today, opts, counts, rejected);
            committed = r.commit;
            imported = r.imported;
            updated = r.updated;
            headerSeen = true;
          } else {
          committed = await inTransaction(kind, jobId, (await stat(file)).size, async (w, bulk) => {
            const onBatch = async (records: string[][], firstNo: number) => {
              let start = 0;
              if (!headerSeen) {
                headerSeen = true;
                if (!records[0] || !isHeader(records[0])) throw new AppError('ENFORCEMENT_IMPORT_HEADER', { expected: columnNames });
                start = 1;
              }
              const valid: AnyRecord[] = [];
              const validRowNo: number[] = [];
              const validRaw: string[][] = [];
              for (let i = start; i < records.length; i++) {
                const f = records[i]!;
                if (f.length === 1 && f[0]!.trim() === '') continue; // blank line
                const res = validate(f, agencies);
                if ('errors' in res) rejected.push({ row: firstNo + i, errors: res.errors, raw: f });
                else {
                  valid.push(res.record);
                  validRowNo.push(firstNo + i);
                  validRaw.push(f);
                }
              }
              const out = await (bulk ? w.writeOptimistic(valid) : w.write(valid));
              for (const i of out.duplicates) rejected.push({ row: validRowNo[i]!, errors: [{ code: 'ID_DUPLICATE_IN_FILE', message: IMPORT_ROW_ERRORS.ID_DUPLICATE_IN_FILE }], raw: validRaw[i]! });
              const dup = new Set(out.duplicates);
              valid.forEach((r, i) => {
                if (dup.has(i)) return;
                firms.set(r.targetCreditCode, r.targetName);
                if (kind === 'complaints' && (r as ComplaintRecord).street) streets.set(r.targetCreditCode, (r as ComplaintRecord).street!);
              });
              imported += out.imported;
              updated += out.updated;
              counts.processed += records.length - start;
              counts.imported = imported;
              counts.updated = updated;
              counts.rejected = rejected.length;
              opts.onProgress?.(counts);
            };
            if (type === 'csv') await readCsvFile(file, onBatch);
            else await readXlsxFile(file, onBatch, columnNames.length);
            if (!headerSeen) throw new AppError('ENFORCEMENT_IMPORT_HEADER', { expected: columnNames });
            if (rejected.length > 0 && opts.mode === 'all') return false;
            await w.finishFirms(firms, clock.nowIso(), streets);
            return true;
          });
          }
        } catch (e) {
          counts.status = 'failed';
          await db.updateTable('enforcementImportJobs').set({ status: 'failed', processed: counts.processed, finishedAt: clock.nowIso() }).where('id', '=', jobId).execute();
          throw e;
        }
        rejected.sort((a, b) => a.row - b.row);
        await saveRejections(jobId, rejected);
        const status = committed ? 'committed' : 'rolledBack';
        if (!committed) {
          imported = 0;
          updated = 0;
        }
        Object.assign(counts, { status, imported, updated });
        await db.updateTable('enforcementImportJobs').set({ status, processed: counts.processed, imported, updated, rejected: rejected.length, finishedAt: clock.nowIso() }).where('id', '=', jobId).execute();
        await audit.record({
          actor: actor ? { id: actor.userId, name: actor.displayName } : { id: null, name: 'cli' },
          ip: meta.ip ?? null,
          requestId: meta.requestId ?? null,
          action: `enforcement.${kind}.import`,
          objectType: 'enforcementImportJob',
          objectId: jobId,
          outcome: committed ? 'success' : 'failure',
          extra: { fileName: opts.fileName.slice(0, 255), mode: opts.mode, processed: counts.processed, imported, updated, rejected: rejected.length, committed },
        });
        const list: EnforcementImportRejection[] = [];
        for (const r of rejected) {
          for (const e of r.errors) {
            if (list.length >= MAX_REJECTIONS_IN_RESPONSE) break;
            list.push({ row: r.row, code: e.code, message: e.message });
          }
        }
        return { jobId, committed, imported, updated, rejected: list, rejectedTotal: rejected.length };
      } finally {
        running = false;
        // an import that committed to a database file: its WAL checkpointed by a worker (a failure is left to SQLite's
        // own checkpoints), then the server's connection checkpoints again
        if (committed && sqliteFile) {
          const file = sqliteFile.name;
          checkpoint = checkpoint.then(() => checkpointInWorker(file).catch(() => null)).finally(resume);
        } else resume();
        // keep the live counts briefly for pollers; the job record has the final state
        setTimeout(() => live.delete(jobId), 60_000).unref();
      }
    },

    async job(actor, id) {
      const row = await db.selectFrom('enforcementImportJobs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      await assertJobScope(actor, row.createdBy);
      const l = live.get(id);
      const cur = row.status === 'running' && l ? l : row;
      return {
        id: row.id,
        kind: row.kind as EnforcementImportJob['kind'],
        fileName: row.fileName,
        mode: row.mode as EnforcementImportMode,
        status: (row.status === 'running' && l ? l.status : row.status) as EnforcementImportJob['status'],
        processed: cur.processed,
        imported: cur.imported,
        updated: cur.updated,
        rejected: cur.rejected,
        startedAt: row.startedAt,
        finishedAt: row.finishedAt,
      };
    },

    async errorReport(actor, id, format) {
      const job = await db.selectFrom('enforcementImportJobs').select(['id', 'kind', 'fileName', 'createdBy']).where('id', '=', id).executeTakeFirst();
      if (!job) throw new AppError('NOT_FOUND');
      await assertJobScope(actor, job.createdBy);
      const rows = await db.selectFrom('enforcementImportRejections').select(['rowNo', 'code', 'message', 'raw']).where('jobId', '=', id).orderBy('seq').execute();
      const columns: readonly string[] = COLUMNS[(job.kind as ImportKind) in COLUMNS ? (job.kind as ImportKind) : 'inspections'];
      const header = ['行号', '错误代码', '错误说明', ...columns];
      const body = rows.map((r) => [String(r.rowNo), r.code, r.message, ...(JSON.parse(r.raw) as string[])]);
      const base = `导入错误报告-${id.slice(0, 8)}`;
      if (format === 'csv') {
        const text = `\uFEFF${[header, ...body].map((line) => line.map(csvEscape).join(',')).join('\r\n')}\r\n`;
        return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', data: Buffer.from(text, 'utf8') };
      }
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('错误行');
      ws.addRow(header).font = { bold: true };
      for (const line of body) ws.addRow(line);
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      const data = Buffer.from(await wb.xlsx.writeBuffer());
      return { filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data };
    },
  };
}
