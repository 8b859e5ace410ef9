import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { dayNumber } from './detections/columns';
import { type BulkRows, RowStore, idHash, newDicts } from './detections/row-store';
import { type DictKey, SEGMENT_MAX_ROWS, encodeSegment } from './detections/segment';
import { type AgencyInfo, type RowError, validateInspection } from './enforcement.import.validate';
import { type ByteDictTable, FastInspectionReader } from './inspection-csv-fast';

/**
 * A large inspection CSV parsed in parallel (ADR 0005 stop 15): the file is cut at line ends into byte ranges, each
 * parsed and validated by a worker thread (`parsePart`: the byte-level reader, validateInspection for every record
 * it does not take, its own dictionaries and id index, its rows already encoded as segments), and the parts are
 * merged on the main thread in file order — record numbers, the first occurrence of an id winning over later ones
 * and the last name of a firm exactly as one reader over the whole file gives them.
 *
 * A range may only start where a record starts: a cut is made only when the bytes before it hold no quote (a quoted
 * field may span lines); otherwise the file is one part.
 */

export interface PartRequest {
  file: string;
  start: number;
  end: number;
  /** the part holds the header (record 1) */
  first: boolean;
  agencies: [string, string[]][];
  today: string;
}

export interface RejectedRecord {
  row: number;
  errors: RowError[];
  raw: string[];
}

export interface ParsedPart extends BulkRows {
  /** record number within the part (the part's first record is 1) */
  recordNo: Int32Array;
  /** byte offset of each row's record in the file (for the raw fields of a duplicate found on merge); −1: see slowRaw */
  offset: Float64Array;
  /** the fields of rows that came through validateInspection (row index → fields) */
  slowRaw: Record<number, string[]>;
  /** idHash of each row's id */
  hash: Uint32Array;
  /** the part's dictionaries (code order), packed: moving millions of strings between threads costs seconds */
  dicts: { firm: PackedStrings; agency: PackedStrings; field: PackedStrings; officer: PackedStrings; plan: PackedStrings; joint: PackedStrings };
  /** the part's dictionaries' hash tables (an empty store adopts the first part's instead of re-coding its keys) */
  tables: Record<DictKey, ByteDictTable>;
  /** last target_name per local firm code ('' none), UTF-16 (decoded in one piece, then sliced) */
  names: PackedStrings;
  /** records seen, the header included */
  records: number;
  /** the header's fields (first part only) */
  header: string[] | null;
  rejected: RejectedRecord[];
  /** the part's rows as segments (≤ SEGMENT_MAX_ROWS each) */
  segments: Uint8Array[];
}


/**
 * Strings as one byte buffer with offsets (moved between threads without copying). Latin-1: a string with a character
 * above U+00FF (which Latin-1 cannot hold) is kept whole in `wide` and left empty in the buffer.
 */
export interface PackedStrings {
  bytes: Uint8Array;
  starts: Uint32Array;
  encoding: 'latin1' | 'utf16le';
  wide: [number, string][];
}

export function packStrings(values: readonly string[], encoding: 'latin1' | 'utf16le'): PackedStrings {
  const wide: [number, string][] = [];
  const parts: string[] = new Array<string>(values.length);
  const starts = new Uint32Array(values.length + 1);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    if (encoding === 'latin1') {
      for (let k = 0; k < v.length; k++) {
        if (v.charCodeAt(k) > 0xff) {
          wide.push([i, v]);
          v = '';
          break;
        }
      }
    }
    parts[i] = v;
    total += encoding === 'latin1' ? v.length : v.length * 2;
    starts[i + 1] = total;
  }
  const bytes = new Uint8Array(total);
  Buffer.from(bytes.buffer, 0, total).write(parts.join(''), 0, total, encoding);
  return { bytes, starts, encoding, wide };
}

/** Every string of a pack (decoded in one piece; each string a slice of it). */
export function unpackStrings(p: PackedStrings): string[] {
  const all = Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength).toString(p.encoding);
  const k = p.encoding === 'utf16le' ? 2 : 1;
  const n = p.starts.length - 1;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = all.slice(p.starts[i]! / k, p.starts[i + 1]! / k);
  for (const [i, v] of p.wide) out[i] = v;
  return out;
}

/** Parse, validate and code one byte range of the file (in a worker, or in-thread for tests). */
export async function parsePart(req: PartRequest, onProgress?: (records: number) => void): Promise<ParsedPart> {
  const agencies = new Map(req.agencies.map(([code, fields]) => [code, { code, fields: new Set(fields) } as AgencyInfo]));
  // no id index here: duplicates (within the part too) are found when the parts are merged
  // sized for ~100-byte records and a firm per 8 records (the dictionaries then rarely grow)
  const rows = Math.max(1 << 12, Math.ceil((req.end - req.start) / 100));
  const st = new RowStore(newDicts(rows >> 3, false), rows, false);
  const d = st.dicts;
  let recordNo = new Int32Array(1 << 16);
  let offset = new Float64Array(recordNo.length);
  const rejected: RejectedRecord[] = [];
  const slowRaw: Record<number, string[]> = {};
  let records = 0;
  let header: string[] | null = null;
  let dataBase = req.start;
  const note = (row: number, at: number) => {
    const i = st.n - 1;
    if (i >= recordNo.length) {
      const r2 = new Int32Array(recordNo.length * 2);
      r2.set(recordNo);
      recordNo = r2;
      const o2 = new Float64Array(offset.length * 2);
      o2.set(offset);
      offset = o2;
    }
    recordNo[i] = row;
    offset[i] = at;
  };
  const reader: FastInspectionReader = new FastInspectionReader({
    agencies,
    today: req.today,
    dicts: d,
    sink: {
      row(r) {
        records++;
        st.push(r.buf, r.idStart, r.idEnd, r.firm, r.agency, r.field, r.officer, r.kind, r.plan, r.joint, r.day, r.problem, r.duration);
        note(r.recordNo, dataBase + r.idStart);
      },
      slow(fields, no) {
        records++;
        if (no === 1 && req.first) {
          header = fields;
          return;
        }
        if (fields.length === 1 && fields[0]!.trim() === '') return; // blank line
        const res = validateInspection(fields, agencies, req.today);
        if ('errors' in res) {
          rejected.push({ row: no, errors: res.errors, raw: fields });
          return;
        }
        const x = res.record;
        st.pushStrings(x.id, x.targetCreditCode, x.agencyCode, x.field, x.officerId, x.kind, x.planId, x.jointId, dayNumber(x.inspectedOn), x.foundProblem, x.durationMinutes);
        reader.setFirmName(st.firm[st.n - 1]!, x.targetName);
        note(no, -1);
        slowRaw[st.n - 1] = fields;
      },
    },
  });
  let pushed = req.start;
  for await (const chunk of createReadStream(req.file, { start: req.start, end: req.end - 1, highWaterMark: 1 << 20 })) {
    // the reader's buffer starts at the bytes it still holds from earlier chunks
    dataBase = pushed - reader.pendingBytes;
    reader.push(chunk as Buffer);
    pushed += (chunk as Buffer).length;
    if (onProgress && (pushed & 0xffffff) < (chunk as Buffer).length) onProgress(records); // about every 16 MiB
  }
  dataBase = pushed - reader.pendingBytes;
  reader.end();
  st.commit();
  const n = st.n;
  const names: string[] = new Array<string>(d.firm.size);
  for (let c = 0; c < d.firm.size; c++) names[c] = reader.firmName(c) ?? '';
  // the ids and their hashes in shared memory: the main thread and the worker that looks for repeated ids read the
  // same bytes (moving them again would be a copy)
  const hash = new Uint32Array(new SharedArrayBuffer(n * 4));
  for (let i = 0; i < n; i++) hash[i] = idHash(st.idBytes, st.idStart[i]!, st.idStart[i + 1]!);
  const idBytes = new Uint8Array(new SharedArrayBuffer(st.idStart[n]!));
  idBytes.set(st.idBytes.subarray(0, st.idStart[n]!));
  const idStart = new Uint32Array(new SharedArrayBuffer((n + 1) * 4));
  idStart.set(st.idStart.subarray(0, n + 1));
  const segments: Uint8Array[] = [];
  for (let s = 0; s < n; s += SEGMENT_MAX_ROWS) segments.push(encodeSegment(st, s, Math.min(n, s + SEGMENT_MAX_ROWS)));
  return {
    n,
    firm: st.firm.slice(0, n),
    agency: st.agency.slice(0, n),
    field: st.field.slice(0, n),
    officer: st.officer.slice(0, n),
    plan: st.plan.slice(0, n),
    joint: st.joint.slice(0, n),
    day: st.day.slice(0, n),
    kind: st.kind.slice(0, n),
    problem: st.problem.slice(0, n),
    duration: st.duration.slice(0, n),
    idBytes,
    idStart,
    recordNo: recordNo.slice(0, n),
    offset: offset.slice(0, n),
    slowRaw,
    hash,
    dicts: { firm: d.firm.packed(), agency: d.agency.packed(), field: d.field.packed(), officer: d.officer.packed(), plan: d.plan.packed(), joint: d.joint.packed() },
    tables: { firm: d.firm.tableState(), agency: d.agency.tableState(), field: d.field.tableState(), officer: d.officer.tableState(), plan: d.plan.tableState(), joint: d.joint.tableState() },
    names: packStrings(names, 'utf16le'),
    records,
    header,
    rejected,
    segments,
  };
}

/**
 * Rows (in file order across the parts) whose id occurred earlier: the rows are partitioned by the top bits of their
 * id hash (a counting sort that keeps file order), then each partition — small enough for the cache — goes through
 * an open-addressing table on the full hash, bytes compared only on equal hashes. Returns [part, row] pairs.
 */
export function laterDuplicates(parts: { n: number; hash: Uint32Array; idBytes: Uint8Array; idStart: Uint32Array }[]): [number, number][] {
  let total = 0;
  for (const p of parts) total += p.n;
  if (total === 0) return [];
  // the hashes of every row in one array, rows numbered across the parts in file order
  const H = new Uint32Array(total);
  const offs: number[] = [];
  let o = 0;
  for (const p of parts) {
    offs.push(o);
    H.set(p.hash.subarray(0, p.n), o);
    o += p.n;
  }
  const bits = Math.max(0, Math.min(20, Math.ceil(Math.log2(total / 8192))));
  const nb = 1 << bits;
  const shift = 32 - bits;
  const start = new Int32Array(nb + 1);
  if (bits === 0) start[1] = total;
  else for (let g = 0; g < total; g++) start[(H[g]! >>> shift) + 1]!++;
  let maxB = 0;
  for (let b = 0; b < nb; b++) {
    maxB = Math.max(maxB, start[b + 1]!);
    start[b + 1]! += start[b]!;
  }
  // rows ordered by bucket, file order within a bucket (a stable counting sort)
  const order = new Int32Array(total);
  const fill = start.slice(0, nb);
  if (bits === 0) for (let g = 0; g < total; g++) order[g] = g;
  else for (let g = 0; g < total; g++) order[fill[H[g]! >>> shift]!++] = g;
  const partOf = (g: number) => {
    let k = parts.length - 1;
    while (offs[k]! > g) k--;
    return k;
  };
  let size = 16;
  while (size < maxB * 2) size *= 2;
  const table = new Int32Array(size);
  const dups: [number, number][] = [];
  for (let b = 0; b < nb; b++) {
    const s0 = start[b]!;
    const e0 = start[b + 1]!;
    if (e0 - s0 < 2) continue;
    let sz = 16;
    while (sz < (e0 - s0) * 2) sz *= 2;
    const mask = sz - 1;
    table.fill(-1, 0, sz);
    for (let q = s0; q < e0; q++) {
      const g = order[q]!;
      const h = H[g]!;
      let slot = (h ^ (h >>> 13)) & mask;
      for (;;) {
        const other = table[slot]!;
        if (other === -1) {
          table[slot] = g;
          break;
        }
        if (H[other] === h) {
          // equal hashes (rare): compare the ids' bytes; `other` comes earlier in the file
          const k = partOf(g);
          const ko = partOf(other);
          const p = parts[k]!;
          const po = parts[ko]!;
          const r = g - offs[k]!;
          const ro = other - offs[ko]!;
          if (sameBytes(p.idBytes, p.idStart[r]!, p.idStart[r + 1]!, po.idBytes, po.idStart[ro]!, po.idStart[ro + 1]!)) {
            dups.push([k, r]);
            break;
          }
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  return dups;
}

function sameBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}

/** The transferable buffers of a part (moved, not copied, between threads; shared ones are shared, not moved). */
export function partBuffers(p: ParsedPart): ArrayBuffer[] {
  const packed = [...Object.values(p.dicts), p.names].flatMap((x) => [x.bytes, x.starts]);
  const bufs = [p.firm, p.agency, p.field, p.officer, p.plan, p.joint, p.day, p.kind, p.problem, p.duration, p.idBytes, p.idStart, p.recordNo, p.offset, p.hash, ...p.segments, ...packed, ...Object.values(p.tables).flatMap((t) => [t.slots, t.ordered, t.keyStart])].map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  return [...new Set(bufs)];
}

/**
 * Byte ranges at line ends, about equal; one range when the file is small or a quote appears before a cut (a quoted
 * field may hold a line end, so a cut there could split a record). scanQuotes = false: the caller checks the quotes
 * itself (quoteBefore, while the parts are parsed).
 */
export async function cutFile(file: string, size: number, parts: number, minBytes: number, scanQuotes = true): Promise<[number, number][]> {
  if (parts < 2 || size < minBytes || size < parts) return [[0, size]];
  const fh = await open(file, 'r');
  try {
    const cuts: number[] = [0];
    const win = Buffer.alloc(1 << 16);
    for (let k = 1; k < parts; k++) {
      let at = Math.floor((size * k) / parts);
      for (;;) {
        const { bytesRead } = await fh.read(win, 0, win.length, at);
        if (bytesRead === 0) return [[0, size]];
        const nl = win.subarray(0, bytesRead).indexOf(10);
        if (nl >= 0) {
          at += nl + 1;
          break;
        }
        at += bytesRead;
      }
      if (at >= size || at <= cuts[cuts.length - 1]!) return [[0, size]];
      cuts.push(at);
    }
    if (scanQuotes && (await quoteBefore(file, cuts[cuts.length - 1]!))) return [[0, size]];
    cuts.push(size);
    return cuts.slice(1).map((e, i) => [cuts[i]!, e]);
  } finally {
    await fh.close();
  }
}

/**
 * The import's worker thread: the bundled worker file beside the built server; from source, its source through tsx
 * (~0.8 s to start) — or the bundle FAZHI_IMPORT_WORKER names (the benchmark builds one, to time what the server runs).
 */
function importWorker(data: PartRequest | { checkpoint: string } | RepeatsRequest): Worker {
  const here = import.meta.url;
  const bundle = process.env.FAZHI_IMPORT_WORKER;
  if (here.endsWith('.ts') && bundle) return new Worker(pathToFileURL(bundle), { workerData: data });
  return here.endsWith('.ts')
    ? new Worker(`(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(new URL('./inspection-import.worker.ts', here).href)}); })().catch((e) => { throw e; });`, { eval: true, workerData: data })
    : new Worker(new URL('./inspection-import-worker.mjs', here), { workerData: data });
}

/**
 * Checkpoint an SQLite database's WAL in a worker thread (its own connection, PASSIVE): the import's connection does
 * not checkpoint at its commit (ADR 0005 stop 16), so copying the import's pages into the database file neither
 * lengthens the import nor blocks the server's event loop. Resolves with the WAL's frames and those checkpointed.
 */
export function checkpointInWorker(dbFile: string): Promise<{ frames: number; checkpointed: number }> {
  return workerAnswer(importWorker({ checkpoint: dbFile }));
}

/** laterDuplicates in a worker thread (the parts' ids and hashes are in shared memory: nothing is copied). */
export function laterDuplicatesInWorker(parts: readonly ParsedPart[]): Promise<[number, number][]> {
  return workerAnswer(importWorker({ repeats: parts.map((p) => ({ n: p.n, hash: p.hash, idBytes: p.idBytes, idStart: p.idStart })) }));
}

/** The one answer of a worker task ({ ok, value } or { ok: false, error }, see inspection-import.worker.ts). */
function workerAnswer<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: true; value: T } | { ok: false; error: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.value);
      else reject(new Error(m.error));
    });
    worker.once('error', reject);
  });
}

export type RepeatsRequest = { repeats: { n: number; hash: Uint32Array; idBytes: Uint8Array; idStart: Uint32Array }[] };

/** Whether a double quote occurs in the file's first `end` bytes (the ranges cut before it are then not safe). */
export async function quoteBefore(file: string, end: number): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 22);
    for (let pos = 0; pos < end; ) {
      const { bytesRead } = await fh.read(chunk, 0, Math.min(chunk.length, end - pos), pos);
      if (bytesRead === 0) break;
      if (chunk.subarray(0, bytesRead).includes(34)) return true;
      pos += bytesRead;
    }
    return false;
  } finally {
    await fh.close();
  }
}

/** Run parsePart in a worker thread. */
export function parsePartInWorker(req: PartRequest, onProgress?: (records: number) => void, signal?: AbortSignal): Promise<ParsedPart> {
  const worker = importWorker(req);
  return new Promise((resolve, reject) => {
    signal?.addEventListener('abort', () => {
      void worker.terminate();
      reject(signal.reason);
    });
    worker.on('message', (m: { progress: number } | { ok: true; part: ParsedPart } | { ok: false; error: string }) => {
      if ('progress' in m) {
        onProgress?.(m.progress);
        return;
      }
      void worker.terminate();
      if (m.ok) resolve(m.part);
      else reject(new Error(m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`inspection import worker exited with ${code}`));
    });
  });
}
