/**
 * Columnar snapshot of inspection records for the detection engine.
 *
 * Rows are held dictionary-encoded (row-store.ts builds them): every text column that detections group on
 * (firm, agency, field, officer, plan, joint) becomes an Int32Array of codes into a string dictionary, the date
 * becomes a day number (days since 1970-01-01), the kind and the problem flag Uint8Arrays. Record ids are kept in one
 * Latin-1 buffer with offsets (ids are ASCII, see the importer), so that 10 million rows hold ~30 bytes each.
 * Sorted permutations (by firm and day; by firm, agency, field and day) are built once per snapshot with stable
 * counting sorts — O(n), no comparisons — and shared by every detection.
 */

export const KIND_CODE = { plan: 1, random: 2, complaint: 3, special: 4, other: 5 } as const;
export type KindName = keyof typeof KIND_CODE;
export const KIND_NAME: readonly string[] = ['', 'plan', 'random', 'complaint', 'special', 'other'];

/** 'YYYY-MM-DD' → days since 1970-01-01 (proleptic Gregorian), without Date. NaN for malformed input. */
export function dayNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  return daysFromCivil(y, m, d);
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number → 'YYYY-MM-DD'. */
export function dayString(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Year of a day number. */
export function yearOfDay(z: number): number {
  return +dayString(z).slice(0, 4);
}

/** A string dictionary (string → dense code; code 0 = '' where a column is optional) as the columns use it: ByteDict. */
export interface CodeDict {
  readonly values: string[];
  code(s: string): number;
  lookup(s: string): number | undefined;
  readonly size: number;
}

export interface InspectionColumns {
  n: number;
  firm: Int32Array;
  agency: Int32Array;
  field: Int32Array;
  officer: Int32Array;
  /** 0 = no plan */
  plan: Int32Array;
  /** 0 = not part of a joint inspection */
  joint: Int32Array;
  day: Int32Array;
  kind: Uint8Array;
  problem: Uint8Array;
  dicts: { firm: CodeDict; agency: CodeDict; field: CodeDict; officer: CodeDict; plan: CodeDict; joint: CodeDict };
  /** record ids: Latin-1 bytes; id of row i = idBytes[idStart[i] .. idStart[i+1]) */
  idBytes: Buffer;
  idStart: Uint32Array;
}

/**
 * The rows with day in [fromDay, toDay] as new columns sharing the dictionaries (codes without rows are allowed), or
 * the same object when every row is in the range.
 */
export function restrictToDays(c: InspectionColumns, fromDay: number, toDay: number): InspectionColumns {
  const n = c.n;
  let m = 0;
  for (let i = 0; i < n; i++) if (c.day[i]! >= fromDay && c.day[i]! <= toDay) m++;
  if (m === n) return c;
  const keep = new Int32Array(m);
  let k = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    if (c.day[i]! < fromDay || c.day[i]! > toDay) continue;
    keep[k++] = i;
    bytes += c.idStart[i + 1]! - c.idStart[i]!;
  }
  const idBytes = Buffer.allocUnsafe(bytes);
  const idStart = new Uint32Array(m + 1);
  let pos = 0;
  for (let q = 0; q < m; q++) {
    const r = keep[q]!;
    for (let b = c.idStart[r]!, e = c.idStart[r + 1]!; b < e; b++) idBytes[pos++] = c.idBytes[b]!;
    idStart[q + 1] = pos;
  }
  return {
    n: m,
    firm: gather32(c.firm, keep),
    agency: gather32(c.agency, keep),
    field: gather32(c.field, keep),
    officer: gather32(c.officer, keep),
    plan: gather32(c.plan, keep),
    joint: gather32(c.joint, keep),
    day: gather32(c.day, keep),
    kind: gather8(c.kind, keep),
    problem: gather8(c.problem, keep),
    dicts: c.dicts,
    idBytes,
    idStart,
  };
}

export function rowId(c: InspectionColumns, i: number): string {
  return c.idBytes.toString('latin1', c.idStart[i]!, c.idStart[i + 1]!);
}

/**
 * Stable counting sort of a permutation by an integer key in [0, nKeys). O(n + nKeys). Applied least-significant key
 * first, successive calls give a lexicographic order (LSD radix sort).
 */
export function countingSortPerm(perm: Int32Array, key: Int32Array, nKeys: number, offset = 0): Int32Array {
  const n = perm.length;
  const count = new Int32Array(nKeys + 1);
  for (let i = 0; i < n; i++) count[key[perm[i]!]! - offset + 1]!++;
  for (let k = 0; k < nKeys; k++) count[k + 1]! += count[k]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = perm[i]!;
    out[count[key[r]! - offset]!++] = r;
  }
  return out;
}

export const ROW_HAS_PLAN = 0x40;
export const ROW_JOINT = 0x80;

export interface SortedViews {
  /**
   * The columns are stored in (firm, day) order (ties: the order rows were loaded in); the rows of firm code f are
   * [firmStart[f], firmStart[f + 1]) (empty for a code without rows).
   */
  firmStart: Int32Array;
  /**
   * One byte per row (padded to a multiple of 4 with zeros, so it can be read 4 rows to a 32-bit word): bit `kind`
   * (1 << KIND_CODE, bits 1–5), ROW_HAS_PLAN, ROW_JOINT.
   */
  rowBits: Uint8Array;
  /**
   * A second sorted projection, by officer and field: the positions of officer code o's rows are
   * byOfficer[officerStart[o] .. officerStart[o + 1]), grouped by the officer's (officer, field) pairs in pair order,
   * each pair's rows byOfficer[pairs.start[k] .. pairs.start[k + 1]) in day order (ties: position order).
   */
  byOfficer: Int32Array;
  officerStart: Int32Array;
  /** The (officer, field) pairs that occur in the snapshot, in (officer, field) code order (低效检查, the projection). */
  pairs: OfficerFieldPairs;
  minDay: number;
  maxDay: number;
}

/** Record ids of rows a and b compared as bytes (SQLite's binary collation of ASCII text): < 0, 0, > 0. */
export function compareIdBytes(c: InspectionColumns, a: number, b: number): number {
  const buf = c.idBytes;
  let i = c.idStart[a]!;
  const ie = c.idStart[a + 1]!;
  let j = c.idStart[b]!;
  const je = c.idStart[b + 1]!;
  for (; i < ie && j < je; i++, j++) if (buf[i] !== buf[j]) return buf[i]! - buf[j]!;
  return ie - i - (je - j);
}

/** Swap adjacent rows a and a + 1 = b in every column (ids included). */
function swapRows(c: InspectionColumns, a: number, b: number): void {
  for (const col of [c.firm, c.agency, c.field, c.officer, c.plan, c.joint, c.day, c.kind, c.problem]) {
    const t = col[a]!;
    col[a] = col[b]!;
    col[b] = t;
  }
  const s = c.idStart[a]!;
  const la = c.idStart[b]! - s;
  const lb = c.idStart[b + 1]! - c.idStart[b]!;
  const idA = Buffer.from(c.idBytes.subarray(s, s + la));
  c.idBytes.copy(c.idBytes, s, s + la, s + la + lb);
  idA.copy(c.idBytes, s + lb);
  c.idStart[b] = s + lb;
}

function gather32(a: Int32Array, perm: Int32Array): Int32Array {
  const out = new Int32Array(perm.length);
  for (let i = 0; i < perm.length; i++) out[i] = a[perm[i]!]!;
  return out;
}

function gather8(a: Uint8Array, perm: Int32Array): Uint8Array {
  const out = new Uint8Array(perm.length);
  for (let i = 0; i < perm.length; i++) out[i] = a[perm[i]!]!;
  return out;
}

/**
 * Reorders the columns IN PLACE into (firm, day) order — LSD counting sorts (day, then firm), stable, so rows of one
 * firm and day keep the order they were loaded in — and returns the firm offsets. After it, row indexes are
 * positions in that order: every detection reads one firm's rows as one contiguous, sequential run (ADR 0005).
 */
export function buildSortedViews(c: InspectionColumns): SortedViews {
  const n = c.n;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = c.day[i]!;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const nFirms = c.dicts.firm.size;
  const firmStart = new Int32Array(nFirms + 1);
  const rowBits = new Uint8Array((n + 3) & ~3);
  const nOfficers = c.dicts.officer.size;
  const officerStart = new Int32Array(nOfficers + 1);
  const ident0 = new Int32Array(0);
  if (n === 0) return { firmStart, rowBits, byOfficer: new Int32Array(0), officerStart, pairs: officerFieldPairs(c, ident0), minDay: 0, maxDay: 0 };
  const ident = new Int32Array(n);
  for (let i = 0; i < n; i++) ident[i] = i;
  const byDay = countingSortPerm(ident, c.day, maxDay - minDay + 1, minDay);
  const perm = countingSortPerm(byDay, c.firm, nFirms);
  c.firm = gather32(c.firm, perm);
  c.agency = gather32(c.agency, perm);
  c.field = gather32(c.field, perm);
  c.officer = gather32(c.officer, perm);
  c.plan = gather32(c.plan, perm);
  c.joint = gather32(c.joint, perm);
  c.day = gather32(c.day, perm);
  c.kind = gather8(c.kind, perm);
  c.problem = gather8(c.problem, perm);
  const idBytes = Buffer.allocUnsafe(c.idBytes.length);
  const idStart = new Uint32Array(n + 1);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const r = perm[i]!;
    const src = c.idBytes;
    for (let k = c.idStart[r]!, e = c.idStart[r + 1]!; k < e; k++) idBytes[pos++] = src[k]!;
    idStart[i + 1] = pos;
  }
  c.idBytes = idBytes;
  c.idStart = idStart;
  // rows of one firm and day by record id (short runs: insertion sort), so that the order — and the first evidence
  // record that a flag's id is made of — does not depend on the order the rows were loaded in
  for (let i = 1; i < n; i++) {
    const f = c.firm[i]!;
    const d = c.day[i]!;
    if (c.firm[i - 1] !== f || c.day[i - 1] !== d || compareIdBytes(c, i - 1, i) <= 0) continue;
    let j = i;
    while (j > 0 && c.firm[j - 1] === f && c.day[j - 1] === d && compareIdBytes(c, j - 1, j) > 0) {
      swapRows(c, j - 1, j);
      j--;
    }
  }
  for (let i = 0; i < n; i++) firmStart[c.firm[i]! + 1]!++;
  for (let f = 0; f < nFirms; f++) firmStart[f + 1]! += firmStart[f]!;
  for (let i = 0; i < n; i++) rowBits[i] = (1 << c.kind[i]!) | (c.plan[i] !== 0 ? ROW_HAS_PLAN : 0) | (c.joint[i] !== 0 ? ROW_JOINT : 0);
  const pairs = officerFieldPairs(c, countingSortPerm(ident, c.day, maxDay - minDay + 1, minDay));
  // an officer's rows are its pairs' runs, contiguous in the projection
  for (let o = 0; o <= nOfficers; o++) officerStart[o] = pairs.start[pairs.officerFirst[o]!]!;
  return { firmStart, rowBits, byOfficer: pairs.byPair, officerStart, pairs, minDay, maxDay };
}

/**
 * The (officer, field) pairs of a snapshot as a dictionary of their own, and per row the pair's code × 2 + problem
 * (0/1). Officers work in one or two fields, so the pairs that occur are few (≈ 2 per officer, against officers ×
 * fields combinations): 低效检查 counts rows per key in one read per row into a table small enough to stay in the
 * cache, instead of reading three columns into a sparse officers × fields table, and takes a flagged pair's evidence
 * as one contiguous run of the projection. Part of the snapshot (built with the sort, counted in its time), like the
 * row bits (ADR 0005, 2026-11-29 later).
 */
export interface OfficerFieldPairs {
  /** officer and field code of pair k */
  officer: Int32Array;
  field: Int32Array;
  /** the pairs of officer o are [officerFirst[o], officerFirst[o + 1]) */
  officerFirst: Int32Array;
  /** per row: pair code × 2 + problem; 16 bits when every key fits (two keys per 32-bit word), else 32 */
  key: Uint16Array | Int32Array;
  /** positions sorted by (pair, day), ties in position order; pair k's rows are byPair[start[k] .. start[k + 1]) */
  byPair: Int32Array;
  start: Int32Array;
}

/** `byDay`: the positions in day order (ties: position order), the first pass of the projection's counting sort. */
export function officerFieldPairs(c: InspectionColumns, byDay: Int32Array): OfficerFieldPairs {
  const nf = c.dicts.field.size;
  const no = c.dicts.officer.size;
  const { officer, field, problem, n } = c;
  const code = new Int32Array(no * nf);
  for (let i = 0; i < n; i++) code[officer[i]! * nf + field[i]!] = 1;
  let m = 0;
  for (let k = 0; k < code.length; k++) if (code[k]) code[k] = ++m;
  const pairOfficer = new Int32Array(m);
  const pairField = new Int32Array(m);
  const officerFirst = new Int32Array(no + 1);
  for (let k = 0; k < code.length; k++) {
    const q = code[k]! - 1;
    if (q < 0) continue;
    pairOfficer[q] = Math.floor(k / nf);
    pairField[q] = k % nf;
    officerFirst[pairOfficer[q]! + 1]!++;
  }
  for (let o = 0; o < no; o++) officerFirst[o + 1]! += officerFirst[o]!;
  const key: Uint16Array | Int32Array = m * 2 <= 0x10000 ? new Uint16Array(n) : new Int32Array(n);
  const pair = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const q = code[officer[i]! * nf + field[i]!]! - 1;
    pair[i] = q;
    key[i] = q * 2 + problem[i]!;
  }
  const byPair = countingSortPerm(byDay, pair, m);
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) start[pair[i]! + 1]!++;
  for (let q = 0; q < m; q++) start[q + 1]! += start[q]!;
  return { officer: pairOfficer, field: pairField, officerFirst, key, byPair, start };
}
