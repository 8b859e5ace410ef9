/**
 * The analysis service's questions about inspection records (analysis cube, per-firm burden, monthly trend, 一企一档,
 * flag evidence, the firms an agency inspected), answered from the in-memory columnar store (`InspectionColumns`,
 * detections/columns.ts) instead of SQL over enforcement_inspections. Pure functions of the columns: each returns
 * exactly what the SQL it replaces returned (rows with inspected_on in [from, to] compared as text; ids ordered as
 * bytes, i.e. SQLite's binary collation of the ASCII ids; the data scope of scope.ts).
 *
 * Costs: the cube and the per-firm figures come from sequential passes over the rows: the cube into a small dense
 * table (month × field × agency × kind cells), the per-firm figures through a radix partition of the matching rows by
 * firm range, so that counters, problems and agency bitsets per firm stay in the cache (see inspectionCube). A firm's
 * rows and a record id are found through two indexes built on first use and cached per columns object (WeakMap): a
 * counting sort of the rows by firm code (none at all when the store is already in firm order, as after
 * buildSortedViews) and an open-addressing hash table of the ids. A cached index remembers the arrays
 * it was built from and is rebuilt when they were replaced (buildSortedViews reorders a store by swapping its arrays).
 *
 * `firmStreets` (credit code → 街道, from enforcement_firms) is read on every call that needs it, never cached: a
 * caller may pass a map it updates in place.
 */
import { type InspectionColumns, KIND_NAME, compareIdBytes, dayString } from './detections/columns';
import type { EnforcementScope } from './scope';

export interface InspectionRow {
  id: string;
  targetCreditCode: string;
  agencyCode: string;
  officerId: string;
  field: string;
  kind: string;
  planId: string | null;
  jointId: string | null;
  /** 'YYYY-MM-DD' */
  inspectedOn: string;
  foundProblem: boolean;
}

export interface InspectionFilter {
  /** 'YYYY-MM-DD', inclusive (compared as text, like the SQL) */
  from: string;
  to: string;
  field?: string;
  agencyCode?: string;
  /** only firms whose registered street equals this */
  street?: string;
}

export interface CubeCell {
  /** 'YYYY-MM' */
  m: string;
  fd: string;
  ag: string;
  /** kind name (plan, random, …) */
  kd: string;
  c: number;
  p: number;
}

export interface FirmBurden {
  /** credit code */
  k: string;
  c: number;
  p: number;
  /** distinct agencies */
  a: number;
}

export interface MonthCount {
  /** 'YYYY-MM' */
  k: string;
  c: number;
  p: number;
}

/** Size limits of the dense tables and the choice of the per-firm path. Overridable for tests. */
export interface QueryLimits {
  /** cells of the month × field × agency × kind table; past it a Map */
  cubeCells: number;
  /** per-firm figures by partitioning the rows into firm ranges (see inspectionCube); false: the firm-index path */
  partition: boolean;
  /** firm range of the partition: 2^shift firms (default: chosen from the number of agencies) */
  shift?: number;
}
const DEFAULT_LIMITS: QueryLimits = { cubeCells: 1 << 22, partition: true };

/** At most this many rows of one firm (the 一企一档 page). */
export const FIRM_ROWS_LIMIT = 500;

// ---------------------------------------------------------------------------------------------------------------
// Row filter shared by the cube and the trend

interface Prepared {
  /** day range restricted to the data: [lo, hi] */
  lo: number;
  hi: number;
  /** -1: no filter */
  field: number;
  agency: number;
  all: boolean;
  /** per firm code: bit 1 in scope by street, bit 2 the firm's street is q.street */
  firmBits: Uint8Array | null;
  /** per agency code: 1 in scope */
  agencyIn: Uint8Array | null;
  street: boolean;
}

const dayRanges = new WeakMap<Int32Array, { min: number; max: number }>();

/** Smallest and largest day of the store (cached per day array). */
function dayExtent(cols: InspectionColumns): { min: number; max: number } {
  let e = dayRanges.get(cols.day);
  if (!e || cols.n !== cols.day.length) {
    let min = Infinity;
    let max = -Infinity;
    const day = cols.day;
    for (let i = 0; i < cols.n; i++) {
      const d = day[i]!;
      if (d < min) min = d;
      if (d > max) max = d;
    }
    e = { min, max };
    if (cols.n === cols.day.length) dayRanges.set(cols.day, e);
  }
  return e;
}

/**
 * The days d of [min, max] with from <= dayString(d) <= to, as [lo, hi] (lo > hi: none). dayString is increasing in d
 * (four-digit years), so two binary searches give exactly the SQL's text comparison, whatever the bounds (also
 * impossible dates such as 2024-02-30, which pass the contract's pattern).
 */
function dayBounds(min: number, max: number, from: string, to: string): [number, number] {
  let a = min;
  let b = max + 1;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (dayString(m) >= from) b = m;
    else a = m + 1;
  }
  const lo = a;
  a = min - 1;
  b = max;
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if (dayString(m) <= to) a = m;
    else b = m - 1;
  }
  return [lo, a];
}

/** Mark `bit` on the firm codes whose street is in `streets`. */
function markFirmsOfStreets(cols: InspectionColumns, firmStreets: ReadonlyMap<string, string | null>, streets: ReadonlySet<string>, bits: Uint8Array, bit: number): void {
  const dict = cols.dicts.firm;
  for (const [code, street] of firmStreets) {
    if (street === null || !streets.has(street)) continue;
    const f = dict.lookup(code);
    if (f !== undefined) bits[f]! |= bit;
  }
}

function prepare(cols: InspectionColumns, q: InspectionFilter, scope: EnforcementScope, firmStreets: ReadonlyMap<string, string | null>): Prepared | null {
  if (cols.n === 0) return null;
  if (!scope.all && !scope.streets.length && !scope.agencies.length) return null;
  const { min, max } = dayExtent(cols);
  const [lo, hi] = dayBounds(min, max, q.from, q.to);
  if (lo > hi) return null;
  let field = -1;
  if (q.field) {
    const c = cols.dicts.field.lookup(q.field);
    if (c === undefined) return null;
    field = c;
  }
  let agency = -1;
  if (q.agencyCode) {
    const c = cols.dicts.agency.lookup(q.agencyCode);
    if (c === undefined) return null;
    agency = c;
  }
  let firmBits: Uint8Array | null = null;
  const inScopeStreets = !scope.all && scope.streets.length > 0;
  if (inScopeStreets || q.street) {
    firmBits = new Uint8Array(cols.dicts.firm.size);
    if (inScopeStreets) markFirmsOfStreets(cols, firmStreets, new Set(scope.streets), firmBits, 1);
    if (q.street) markFirmsOfStreets(cols, firmStreets, new Set([q.street]), firmBits, 2);
  }
  let agencyIn: Uint8Array | null = null;
  if (!scope.all) {
    agencyIn = new Uint8Array(cols.dicts.agency.size);
    for (const a of scope.agencies) {
      const c = cols.dicts.agency.lookup(a);
      if (c !== undefined) agencyIn[c] = 1;
    }
  }
  return { lo, hi, field, agency, all: scope.all, firmBits, agencyIn, street: !!q.street };
}

/** Month index per day of [lo, hi] and the months' 'YYYY-MM' labels. */
function monthTable(lo: number, hi: number): { of: Int32Array; labels: string[] } {
  const of = new Int32Array(hi - lo + 1);
  const labels: string[] = [];
  let last = '';
  for (let d = lo; d <= hi; d++) {
    const m = dayString(d).slice(0, 7);
    if (m !== last) {
      labels.push(m);
      last = m;
    }
    of[d - lo] = labels.length - 1;
  }
  return { of, labels };
}

/** Does row i pass the prepared filter? (The hot loops inline the same tests.) */
function passes(cols: InspectionColumns, p: Prepared, i: number): boolean {
  const d = cols.day[i]!;
  if (d < p.lo || d > p.hi) return false;
  if (p.field >= 0 && cols.field[i] !== p.field) return false;
  const ag = cols.agency[i]!;
  if (p.agency >= 0 && ag !== p.agency) return false;
  const fb = p.firmBits ? p.firmBits[cols.firm[i]!]! : 0;
  if (!p.all && !(fb & 1) && !p.agencyIn![ag]) return false;
  if (p.street && !(fb & 2)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Cube and per-firm burden (analyse())

/**
 * The two grouped queries of analyse(): counts and problems by (month, field, agency, kind), and by firm with the
 * number of distinct agencies. Output rows in no particular order (the caller sorts).
 *
 * The cube is counted in the first pass over the rows, into a dense table (months × fields × agencies × 8 kinds, two
 * counters a cell: a few hundred KB). The per-firm figures would be three random accesses per row into tables of
 * 1.25 M firms (cache misses: ~0.5 s for 10 M rows), so the matching rows are first partitioned by firm range
 * (radix partition: firm code >>> shift), each packed into one Int32 (firm code within the range, agency × 2 +
 * problem); then each range is aggregated in a table small enough for the cache: per firm count, problems and a bitset
 * of its agencies (distinct agencies = the bitset's population count). Transient memory: one Int32 per matching row.
 */
export function inspectionCube(
  cols: InspectionColumns,
  q: InspectionFilter,
  scope: EnforcementScope,
  firmStreets: ReadonlyMap<string, string | null>,
  limits: QueryLimits = DEFAULT_LIMITS,
): { cube: CubeCell[]; perFirm: FirmBurden[] } {
  const p = prepare(cols, q, scope, firmStreets);
  if (!p) return { cube: [], perFirm: [] };
  const { lo, hi, field: fieldF, agency: agencyF, all, firmBits, agencyIn, street } = p;
  const months = monthTable(lo, hi);
  const monthOf = months.of;
  const nFd = cols.dicts.field.size;
  const nAg = cols.dicts.agency.size;
  const nFirms = cols.dicts.firm.size;
  const cells = months.labels.length * nFd * nAg * 8;
  const dense = cells <= limits.cubeCells;
  /** count and problems of cell k at 2k, 2k + 1 (one cache line) */
  const cell = dense ? new Int32Array(cells * 2) : null;
  const sparse = dense ? null : new Map<number, number[]>();
  // firm ranges of 2^shift firms: the range's table (2 + agency words per firm) within ~256 KB; the packed row needs
  // (agency × 2 + 1) << shift < 2^31
  const words = (nAg + 31) >>> 5;
  const stride = 2 + words;
  let shift = 16;
  while (shift > 6 && (1 << shift) * stride * 4 > 1 << 18) shift--;
  if (limits.shift !== undefined) shift = limits.shift;
  const packable = limits.partition && nAg * 2 <= 2 ** (31 - shift);
  const nRanges = (nFirms >>> shift) + 1;
  const rangeStart = new Int32Array(nRanges + 1);
  const fc = packable ? null : new Int32Array(nFirms);
  const fp = packable ? null : new Int32Array(nFirms);
  const { day, field, agency, firm, kind, problem } = cols;
  const n = cols.n;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d < lo || d > hi) continue;
    const fd = field[i]!;
    if (fieldF >= 0 && fd !== fieldF) continue;
    const ag = agency[i]!;
    if (agencyF >= 0 && ag !== agencyF) continue;
    const f = firm[i]!;
    if (firmBits !== null) {
      const fb = firmBits[f]!;
      if (!all && !(fb & 1) && !agencyIn![ag]) continue;
      if (street && !(fb & 2)) continue;
    } else if (!all && !agencyIn![ag]) continue;
    const pr = problem[i]!;
    const key = ((monthOf[d - lo]! * nFd + fd) * nAg + ag) * 8 + kind[i]!;
    if (cell !== null) {
      cell[2 * key]!++;
      cell[2 * key + 1]! += pr;
    } else {
      const e = sparse!.get(key);
      if (e) {
        e[0]!++;
        e[1]! += pr;
      } else sparse!.set(key, [1, pr]);
    }
    if (fc !== null) {
      fc[f]!++;
      fp![f]! += pr;
    } else rangeStart[(f >>> shift) + 1]!++;
    m++;
  }

  const cube: CubeCell[] = [];
  const fdNames = cols.dicts.field.values;
  const agNames = cols.dicts.agency.values;
  const emit = (key: number, c: number, pr: number) => {
    const kd = key % 8;
    let r = (key - kd) / 8;
    const ag = r % nAg;
    r = (r - ag) / nAg;
    const fd = r % nFd;
    const mo = (r - fd) / nFd;
    cube.push({ m: months.labels[mo]!, fd: fdNames[fd]!, ag: agNames[ag]!, kd: KIND_NAME[kd]!, c, p: pr });
  };
  if (cell !== null) {
    for (let k = 0; k < cells; k++) if (cell[2 * k]) emit(k, cell[2 * k]!, cell[2 * k + 1]!);
  } else for (const [k, e] of sparse!) emit(k, e[0]!, e[1]!);

  const perFirm: FirmBurden[] = [];
  const firmNames = cols.dicts.firm.values;
  if (fc !== null) {
    const fa = new Int32Array(nFirms);
    distinctAgenciesByFirm(cols, p, fc, fa);
    for (let f = 0; f < nFirms; f++) if (fc[f]) perFirm.push({ k: firmNames[f]!, c: fc[f]!, p: fp![f]!, a: fa[f]! });
    return { cube, perFirm };
  }
  if (m === 0) return { cube, perFirm };
  // second pass: the matching rows, packed, grouped by firm range
  for (let r = 0; r < nRanges; r++) rangeStart[r + 1]! += rangeStart[r]!;
  const next = rangeStart.slice(0, nRanges);
  const packed = new Int32Array(m);
  const low = (1 << shift) - 1;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d < lo || d > hi) continue;
    if (fieldF >= 0 && field[i] !== fieldF) continue;
    const ag = agency[i]!;
    if (agencyF >= 0 && ag !== agencyF) continue;
    const f = firm[i]!;
    if (firmBits !== null) {
      const fb = firmBits[f]!;
      if (!all && !(fb & 1) && !agencyIn![ag]) continue;
      if (street && !(fb & 2)) continue;
    } else if (!all && !agencyIn![ag]) continue;
    packed[next[f >>> shift]!++] = (f & low) | (((ag << 1) | problem[i]!) << shift);
  }
  const table = new Int32Array((low + 1) * stride);
  for (let r = 0; r < nRanges; r++) {
    const a = rangeStart[r]!;
    const b = rangeStart[r + 1]!;
    if (a === b) continue;
    table.fill(0);
    for (let k = a; k < b; k++) {
      const v = packed[k]!;
      const o = (v & low) * stride;
      const x = v >>> shift;
      const ag = x >>> 1;
      table[o]!++;
      table[o + 1]! += x & 1;
      table[o + 2 + (ag >>> 5)]! |= 1 << (ag & 31);
    }
    const base = r << shift;
    const end = Math.min(low + 1, nFirms - base);
    for (let l = 0; l < end; l++) {
      const o = l * stride;
      if (!table[o]) continue;
      let agencies = 0;
      for (let w = 0; w < words; w++) agencies += popcount(table[o + 2 + w]!);
      perFirm.push({ k: firmNames[base + l]!, c: table[o]!, p: table[o + 1]!, a: agencies });
    }
  }
  return { cube, perFirm };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Distinct agencies per firm without the partition (too many agencies to pack, or limits.partition off): the rows of
 * each firm that has rows in the result, through the firm index, with one last-seen stamp per agency.
 */
function distinctAgenciesByFirm(cols: InspectionColumns, p: Prepared, fc: Int32Array, fa: Int32Array): void {
  const ix = firmIndex(cols);
  const stamp = new Int32Array(cols.dicts.agency.size).fill(-1);
  for (let f = 0; f < fc.length; f++) {
    if (!fc[f]) continue;
    for (let k = ix.start[f]!, e = ix.start[f + 1]!; k < e; k++) {
      const i = ix.order ? ix.order[k]! : k;
      if (!passes(cols, p, i)) continue;
      const ag = cols.agency[i]!;
      if (stamp[ag] !== f) {
        stamp[ag] = f;
        fa[f]!++;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Monthly trend (dashboard())

/** Inspections and problems per month of the range, ordered by month (the dashboard's trend query). */
export function monthTrend(cols: InspectionColumns, q: InspectionFilter, scope: EnforcementScope, firmStreets: ReadonlyMap<string, string | null>): MonthCount[] {
  const p = prepare(cols, q, scope, firmStreets);
  if (!p) return [];
  const { lo, hi, field: fieldF, agency: agencyF, all, firmBits, agencyIn, street } = p;
  const months = monthTable(lo, hi);
  const monthOf = months.of;
  const mc = new Int32Array(months.labels.length);
  const mp = new Int32Array(months.labels.length);
  const { day, field, agency, firm, problem } = cols;
  for (let i = 0; i < cols.n; i++) {
    const d = day[i]!;
    if (d < lo || d > hi) continue;
    if (fieldF >= 0 && field[i] !== fieldF) continue;
    const ag = agency[i]!;
    if (agencyF >= 0 && ag !== agencyF) continue;
    if (firmBits !== null) {
      const fb = firmBits[firm[i]!]!;
      if (!all && !(fb & 1) && !agencyIn![ag]) continue;
      if (street && !(fb & 2)) continue;
    } else if (!all && !agencyIn![ag]) continue;
    const m = monthOf[d - lo]!;
    mc[m]!++;
    mp[m]! += problem[i]!;
  }
  const out: MonthCount[] = [];
  for (let m = 0; m < mc.length; m++) if (mc[m]) out.push({ k: months.labels[m]!, c: mc[m]!, p: mp[m]! });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

export function inspectionRow(cols: InspectionColumns, i: number): InspectionRow {
  const d = cols.dicts;
  const plan = cols.plan[i]!;
  const joint = cols.joint[i]!;
  return {
    id: cols.idBytes.toString('latin1', cols.idStart[i]!, cols.idStart[i + 1]!),
    targetCreditCode: d.firm.values[cols.firm[i]!]!,
    agencyCode: d.agency.values[cols.agency[i]!]!,
    officerId: d.officer.values[cols.officer[i]!]!,
    field: d.field.values[cols.field[i]!]!,
    kind: KIND_NAME[cols.kind[i]!]!,
    planId: plan ? d.plan.values[plan]! : null,
    jointId: joint ? d.joint.values[joint]! : null,
    inspectedOn: dayString(cols.day[i]!),
    foundProblem: cols.problem[i] === 1,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. A firm's rows (firmFile())

interface FirmIndex {
  firm: Int32Array;
  n: number;
  /** row numbers grouped by firm code (stable: row order within a firm); null when the store is in firm order */
  order: Int32Array | null;
  /** firm code f's rows: order[start[f] .. start[f + 1]) (or the rows themselves when order is null) */
  start: Int32Array;
}
const firmIndexes = new WeakMap<InspectionColumns, FirmIndex>();

/** The rows grouped by firm code: one counting sort, cached per columns object. */
export function firmIndex(cols: InspectionColumns): FirmIndex {
  const cached = firmIndexes.get(cols);
  if (cached && cached.firm === cols.firm && cached.n === cols.n) return cached;
  const n = cols.n;
  const firm = cols.firm;
  const nFirms = cols.dicts.firm.size;
  const start = new Int32Array(nFirms + 1);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const f = firm[i]!;
    start[f + 1]!++;
    if (i > 0 && f < firm[i - 1]!) sorted = false;
  }
  for (let f = 0; f < nFirms; f++) start[f + 1]! += start[f]!;
  let order: Int32Array | null = null;
  if (!sorted) {
    order = new Int32Array(n);
    const next = start.slice(0, nFirms);
    for (let i = 0; i < n; i++) order[next[firm[i]!]!++] = i;
  }
  const ix = { firm, n, order, start };
  firmIndexes.set(cols, ix);
  return ix;
}

/** Row numbers of one firm (empty when the credit code has no rows). */
function rowsOfFirm(cols: InspectionColumns, creditCode: string): Int32Array {
  const f = cols.dicts.firm.lookup(creditCode);
  if (f === undefined) return new Int32Array(0);
  const ix = firmIndex(cols);
  if (f + 1 >= ix.start.length) return new Int32Array(0);
  const a = ix.start[f]!;
  const b = ix.start[f + 1]!;
  if (ix.order) return ix.order.subarray(a, b);
  const out = new Int32Array(b - a);
  for (let k = 0; k < out.length; k++) out[k] = a + k;
  return out;
}

function agencyCodes(cols: InspectionColumns, agencies: readonly string[]): Uint8Array {
  const m = new Uint8Array(cols.dicts.agency.size);
  for (const a of agencies) {
    const c = cols.dicts.agency.lookup(a);
    if (c !== undefined) m[c] = 1;
  }
  return m;
}

/**
 * The firm's inspections (only those of `agencies` when not null; an empty list: none), newest first (inspected_on
 * DESC, then id ASC as bytes), at most FIRM_ROWS_LIMIT of them, and how many there are in all.
 */
export function firmInspections(cols: InspectionColumns, creditCode: string, agencies: readonly string[] | null): { rows: InspectionRow[]; total: number } {
  const own = rowsOfFirm(cols, creditCode);
  let rows: number[];
  if (agencies === null) rows = Array.from(own);
  else {
    const ok = agencyCodes(cols, agencies);
    rows = [];
    for (const i of own) if (ok[cols.agency[i]!]) rows.push(i);
  }
  const day = cols.day;
  rows.sort((a, b) => day[b]! - day[a]! || compareIdBytes(cols, a, b) || a - b);
  return { rows: rows.slice(0, FIRM_ROWS_LIMIT).map((i) => inspectionRow(cols, i)), total: rows.length };
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Rows by record id (evidence())

interface IdIndex {
  idBytes: Buffer;
  idStart: Uint32Array;
  n: number;
  /** open addressing, linear probing: row number + 1, 0 = empty */
  table: Int32Array;
  mask: number;
}
const idIndexes = new WeakMap<InspectionColumns, IdIndex>();

/** FNV-1a over the bytes, then murmur3's finaliser so that the low bits are well mixed. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashBytes(buf: Buffer, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let k = a; k < b; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
  return finish(h);
}

/** The hash of a string's Latin-1 bytes; -1 when it has a character beyond Latin-1 (no stored id can equal it). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch > 0xff) return -1;
    h = Math.imul(h ^ ch, 0x01000193);
  }
  return finish(h);
}

/**
 * Open-addressing hash table of the record ids (linear probing, load ≤ 0.7), cached per columns object. Inserting
 * the rows in row order would write all over a table of 64 MB (10 M rows: a cache miss per row); instead the rows are
 * first partitioned by the top bits of their home slot (a radix pass: 4096 sequential streams), so that the inserts of
 * one partition stay within a few KB of the table. Linear probing gives a valid table for any insertion order.
 */
export function idIndex(cols: InspectionColumns): IdIndex {
  const cached = idIndexes.get(cols);
  if (cached && cached.idBytes === cols.idBytes && cached.idStart === cols.idStart && cached.n === cols.n) return cached;
  const n = cols.n;
  let bits = 4;
  while (2 ** bits * 0.7 < n) bits++;
  const size = 2 ** bits;
  const table = new Int32Array(size);
  const mask = size - 1;
  const { idBytes, idStart } = cols;
  const hash = new Uint32Array(n);
  const pBits = Math.min(12, bits);
  const pShift = bits - pBits;
  const start = new Int32Array((1 << pBits) + 1);
  for (let i = 0; i < n; i++) {
    const h = hashBytes(idBytes, idStart[i]!, idStart[i + 1]!);
    hash[i] = h;
    start[((h & mask) >>> pShift) + 1]!++;
  }
  for (let q = 0; q < 1 << pBits; q++) start[q + 1]! += start[q]!;
  // (row, hash) pairs grouped by partition
  const pairs = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const h = hash[i]!;
    const k = start[(h & mask) >>> pShift]!++;
    pairs[2 * k] = i;
    pairs[2 * k + 1] = h;
  }
  for (let k = 0; k < n; k++) {
    let s = pairs[2 * k + 1]! & mask;
    while (table[s] !== 0) s = (s + 1) & mask;
    table[s] = pairs[2 * k]! + 1;
  }
  const ix = { idBytes, idStart, n, table, mask };
  idIndexes.set(cols, ix);
  return ix;
}

function idEquals(ix: IdIndex, row: number, s: string): boolean {
  const a = ix.idStart[row]!;
  if (ix.idStart[row + 1]! - a !== s.length) return false;
  for (let k = 0; k < s.length; k++) if (ix.idBytes[a + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** Row numbers with this record id (on PostgreSQL the key is (firm, id): one id may occur for two firms). */
function rowsWithId(ix: IdIndex, id: string, out: number[]): void {
  const h = hashString(id);
  if (h < 0) return;
  for (let s = h & ix.mask; ; s = (s + 1) & ix.mask) {
    const v = ix.table[s]!;
    if (v === 0) return;
    if (idEquals(ix, v - 1, id)) out.push(v - 1);
  }
}

/**
 * The inspections with these record ids that exist and are in the scope, each once (ids asked for twice are one row),
 * ordered by inspected_on, then id (bytes), then row number. The caller caps the list (evidence(): 500 ids).
 */
export function inspectionsByIds(cols: InspectionColumns, ids: readonly string[], scope: EnforcementScope, firmStreets: ReadonlyMap<string, string | null>): InspectionRow[] {
  if (!ids.length || cols.n === 0) return [];
  if (!scope.all && !scope.streets.length && !scope.agencies.length) return [];
  const ix = idIndex(cols);
  const found: number[] = [];
  for (const id of new Set(ids)) rowsWithId(ix, id, found);
  const streets = new Set(scope.streets);
  const agencies = new Set(scope.agencies);
  const firmNames = cols.dicts.firm.values;
  const agencyNames = cols.dicts.agency.values;
  const rows = scope.all
    ? found
    : found.filter((i) => {
        if (agencies.has(agencyNames[cols.agency[i]!]!)) return true;
        if (!streets.size) return false;
        const st = firmStreets.get(firmNames[cols.firm[i]!]!);
        return st !== null && st !== undefined && streets.has(st);
      });
  const day = cols.day;
  rows.sort((a, b) => day[a]! - day[b]! || compareIdBytes(cols, a, b) || a - b);
  return rows.map((i) => inspectionRow(cols, i));
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Firms an agency inspected (searchFirms())

/** Credit codes of the firms any of these agencies inspected (one pass over the agency column). */
export function firmsInspectedBy(cols: InspectionColumns, agencies: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (!agencies.length) return out;
  const ok = agencyCodes(cols, agencies);
  const seen = new Uint8Array(cols.dicts.firm.size);
  const { agency, firm } = cols;
  for (let i = 0; i < cols.n; i++) if (ok[agency[i]!]) seen[firm[i]!] = 1;
  const names = cols.dicts.firm.values;
  for (let f = 0; f < seen.length; f++) if (seen[f]) out.add(names[f]!);
  return out;
}

/** Did any of these agencies inspect the firm? O(rows of the firm) through the firm index — for a handful of firms. */
export function inspectedByAny(cols: InspectionColumns, creditCode: string, agencies: readonly string[]): boolean {
  if (!agencies.length) return false;
  const ok = agencyCodes(cols, agencies);
  for (const i of rowsOfFirm(cols, creditCode)) if (ok[cols.agency[i]!]) return true;
  return false;
}
