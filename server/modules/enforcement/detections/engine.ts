import type { DetectionParams } from '../../../../common/contracts/enforcement';
import { type InspectionColumns, KIND_CODE, KIND_NAME, type KindName, ROW_HAS_PLAN, type SortedViews, compareIdBytes, dayNumber, dayString } from './columns';

/**
 * The detection rules, as single passes over the sorted typed-array columns (columns.ts).
 *
 * WINDOWING SEMANTICS (shared by repeated-inspection and multi-agency-inspection; the naive reference in
 * reference.ts implements the same definition literally and property tests compare the two):
 *   - The rows of a group (repeated: one firm + one agency + one field; multi-agency: one firm) are taken in day
 *     order after the rule's exclusions, and turned into visits (repeated: rows of one joint inspection — same
 *     joint_id — are ONE visit, dated by its first row; multi-agency: rows that belong to a joint inspection are left
 *     out, every other row is one visit of its agency).
 *   - Visit i opens the window [day_i, day_i + windowDays] (both ends inclusive: a visit exactly windowDays later is
 *     "within" the window). The window QUALIFIES when the visits in it number at least minVisits (repeated), or
 *     belong to at least minAgencies distinct agencies (multi-agency).
 *   - Qualifying windows that overlap are merged; each merged interval is ONE flag, and its evidence is every visit
 *     (all rows of those visits) dated inside the merged interval.
 *   With minVisits = 2 this is exactly "a chain of visits where consecutive visits are at most windowDays apart".
 */

export interface RawFlag {
  /** group key: with the first evidence record it makes the flag's stable id */
  key: string;
  firm?: string;
  agencies: string[];
  officer?: string;
  field?: string;
  /** evidence: row indexes into the columns (inspection rules) */
  rows: number[];
  /** evidence: penalty ids (penalty rules) */
  penaltyIds?: string[];
  firstDay: number;
  lastDay: number;
  detail: Record<string, unknown>;
}

function kindMask(kinds: readonly string[]): Uint8Array {
  const m = new Uint8Array(8);
  for (const k of kinds) {
    const c = KIND_CODE[k as KindName];
    if (c) m[c] = 1;
  }
  return m;
}

function distinctSorted(codes: number[], dict: readonly string[]): string[] {
  return [...new Set(codes)].map((c) => dict[c]!).sort();
}

/**
 * A flag over the columns, its strings resolved on first read: a run raises up to 10^5–10^6 flags over 10^7 rows,
 * and only the ones a caller reads (a page, the materialisation) pay for their key, names and detail.
 */
const RULE_REPEATED = 1;
const RULE_CAP = 4;

class ColumnFlag implements RawFlag {
  constructor(
    private readonly c: InspectionColumns,
    private readonly rule: number,
    readonly rows: number[],
    readonly firstDay: number,
    readonly lastDay: number,
    private readonly f: number,
    private readonly a: number,
    private readonly fl: number,
    /** repeated: visits; cap: year */
    private readonly x: number,
    /** repeated: window days; cap: visits · 65536 + cap */
    private readonly y: number,
  ) {}
  get firm(): string {
    return this.c.dicts.firm.values[this.f]!;
  }
  get field(): string {
    return this.c.dicts.field.values[this.fl]!;
  }
  get officer(): string | undefined {
    return undefined;
  }
  get agencies(): string[] {
    return [this.c.dicts.agency.values[this.a]!];
  }
  get key(): string {
    const d = this.c.dicts;
    switch (this.rule) {
      case RULE_REPEATED:
        return `${d.firm.values[this.f]}|${d.agency.values[this.a]}|${d.field.values[this.fl]}`;
      default:
        return `${d.firm.values[this.f]}|${d.agency.values[this.a]}|${d.field.values[this.fl]}|${this.x}`;
    }
  }
  get detail(): Record<string, unknown> {
    switch (this.rule) {
      case RULE_REPEATED:
        return { visits: this.x, windowDays: this.y };
      default:
        return { year: this.x, visits: Math.floor(this.y / 65536), cap: this.y % 65536 };
    }
  }
}

/** 随意检查's flag: one row, everything derived from it when read (two fields per flag while unread). */
class RowFlag implements RawFlag {
  constructor(
    private readonly c: InspectionColumns,
    private readonly r: number,
  ) {}
  get rows(): number[] {
    return [this.r];
  }
  get firstDay(): number {
    return this.c.day[this.r]!;
  }
  get lastDay(): number {
    return this.c.day[this.r]!;
  }
  get firm(): string {
    return this.c.dicts.firm.values[this.c.firm[this.r]!]!;
  }
  get field(): string {
    return this.c.dicts.field.values[this.c.field[this.r]!]!;
  }
  get officer(): string {
    return this.c.dicts.officer.values[this.c.officer[this.r]!]!;
  }
  get agencies(): string[] {
    return [this.c.dicts.agency.values[this.c.agency[this.r]!]!];
  }
  get key(): string {
    return `${this.firm}|${this.agencies[0]}`;
  }
  get detail(): Record<string, unknown> {
    return { kind: KIND_NAME[this.c.kind[this.r]!] };
  }
}

/** Scratch of at least n slots (contents not kept). */
function ensure(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  return a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2));
}

/** Like ensure, for a list that is being filled: the first `used` values are kept. */
function grow(a: Int32Array<ArrayBuffer>, used: number, n: number): Int32Array<ArrayBuffer> {
  if (a.length >= n) return a;
  const out = new Int32Array(Math.max(n, a.length * 2));
  out.set(a.subarray(0, used));
  return out;
}

/**
 * 重复检查 — see the windowing semantics above. One sequential pass over the firms' runs (columns in firm, day
 * order): a firm is examined in full only when two of its eligible rows with the same agency and field, not of one
 * joint inspection, lie within windowDays of each other (a necessary condition of any flag, minVisits ≥ 2), or when
 * its run is long.
 */
export function detectRepeated(c: InspectionColumns, v: SortedViews, p: DetectionParams<'repeated-inspection'>): RawFlag[] {
  const excluded = kindMask(p.excludeKinds);
  const W = p.windowDays;
  const minVisits = p.minVisits;
  const out: RawFlag[] = [];
  const { agency, field, joint, day, kind } = c;
  const nf = c.dicts.field.size;
  const fs = v.firmStart;
  const nFirms = fs.length - 1;
  let idx = new Int32Array(64);
  let keys = new Int32Array(64);
  let vDay = new Int32Array(64);
  let rowVisit = new Int32Array(64);
  for (let f = 0; f < nFirms; f++) {
    const s = fs[f]!;
    const e = fs[f + 1]!;
    if (e - s < minVisits) continue;
    let cand = e - s > 64 || minVisits < 2;
    for (let i = s + 1; i < e && !cand; i++) {
      if (excluded[kind[i]!]) continue;
      const k = agency[i]! * nf + field[i]!;
      const ji = joint[i]!;
      const lim = day[i]! - W;
      for (let j = i - 1; j >= s && day[j]! >= lim; j--) {
        if (agency[j]! * nf + field[j]! === k && !excluded[kind[j]!] && (ji === 0 || joint[j] !== ji)) {
          cand = true;
          break;
        }
      }
    }
    if (!cand) continue;
    // exact: the firm's eligible rows by (agency·field, position); positions are in day order
    idx = ensure(idx, e - s);
    let m = 0;
    for (let i = s; i < e; i++) if (!excluded[kind[i]!]) idx[m++] = i;
    const sub = idx.subarray(0, m);
    keys = ensure(keys, m);
    if (m > 1) {
      const ks = keys;
      for (let q = 0; q < m; q++) ks[q] = agency[sub[q]!]! * nf + field[sub[q]!]!;
      const order = Array.from(sub.keys()).sort((x, y) => ks[x]! - ks[y]! || x - y);
      const sorted = order.map((q) => sub[q]!);
      for (let q = 0; q < m; q++) sub[q] = sorted[q]!;
    }
    vDay = ensure(vDay, m);
    rowVisit = ensure(rowVisit, m);
    let g = 0;
    while (g < m) {
      const r0 = sub[g]!;
      const a = agency[r0]!;
      const fl = field[r0]!;
      let h = g + 1;
      while (h < m && agency[sub[h]!] === a && field[sub[h]!] === fl) h++;
      if (h - g >= minVisits) {
        // visits: rows of one joint inspection are one visit, dated by its first row
        let V = 0;
        for (let q = g; q < h; q++) {
          const r = sub[q]!;
          const jn = joint[r]!;
          let vis = -1;
          if (jn !== 0) {
            for (let t = g; t < q; t++) {
              if (joint[sub[t]!] === jn) {
                vis = rowVisit[t]!;
                break;
              }
            }
          }
          if (vis < 0) {
            vis = V++;
            vDay[vis] = day[r]!;
          }
          rowVisit[q] = vis;
        }
        if (V >= minVisits) {
          let j = 0;
          let curStart = -1;
          let curEnd = 0;
          let curLast = -1;
          const emit = () => {
            const rows: number[] = [];
            for (let q = g; q < h; q++) {
              const vi = rowVisit[q]!;
              if (vi >= curStart && vi <= curLast) rows.push(sub[q]!);
            }
            out.push(new ColumnFlag(c, RULE_REPEATED, rows, vDay[curStart]!, vDay[curLast]!, f, a, fl, curLast - curStart + 1, W));
          };
          for (let i = 0; i < V; i++) {
            if (j < i + 1) j = i + 1;
            const limit = vDay[i]! + W;
            while (j < V && vDay[j]! <= limit) j++;
            if (j - i >= minVisits) {
              if (curStart >= 0 && vDay[i]! <= curEnd) {
                curEnd = limit;
                if (j - 1 > curLast) curLast = j - 1;
              } else {
                if (curStart >= 0) emit();
                curStart = i;
                curEnd = limit;
                curLast = j - 1;
              }
            }
          }
          if (curStart >= 0) emit();
        }
      }
      g = h;
    }
  }
  return out;
}

/** 多头检查 — see the windowing semantics above. One sequential pass over the firms' runs. */
export function detectMultiAgency(c: InspectionColumns, v: SortedViews, p: DetectionParams<'multi-agency-inspection'>): RawFlag[] {
  const excluded = kindMask(p.excludeKinds);
  const W = p.windowDays;
  const minA = p.minAgencies;
  const { agency, joint, day, kind } = c;
  const cnt = new Int32Array(c.dicts.agency.size);
  const fs = v.firmStart;
  const nFirms = fs.length - 1;
  let rowsF = new Int32Array(64);
  // evidence of all flags in one growable buffer, and per flag (start in it, length, firm): nearly every firm of a
  // busy district raises one, and an array per flag was most of the run's garbage collection
  let ev = new Int32Array(1 << 16);
  let nEv = 0;
  let meta = new Int32Array(3 * 1024);
  let nFlags = 0;
  const emit = (from: number, to: number, f: number) => {
    const len = to - from;
    ev = grow(ev, nEv, nEv + len);
    ev.set(rowsF.subarray(from, to), nEv);
    meta = grow(meta, 3 * nFlags, 3 * nFlags + 3);
    meta[3 * nFlags] = nEv;
    meta[3 * nFlags + 1] = len;
    meta[3 * nFlags + 2] = f;
    nFlags++;
    nEv += len;
  };
  for (let f = 0; f < nFirms; f++) {
    const s = fs[f]!;
    const e = fs[f + 1]!;
    if (e - s < minA) continue;
    rowsF = ensure(rowsF, e - s);
    let m = 0;
    for (let r = s; r < e; r++) if (joint[r] === 0 && !excluded[kind[r]!]) rowsF[m++] = r;
    if (m < minA) continue;
    let j = 0;
    let distinct = 0;
    let curStart = -1;
    let curEnd = 0;
    let curLast = -1;
    for (let i = 0; i < m; i++) {
      const limit = day[rowsF[i]!]! + W;
      while (j < m && day[rowsF[j]!]! <= limit) {
        if (cnt[agency[rowsF[j]!]!]!++ === 0) distinct++;
        j++;
      }
      if (distinct >= minA) {
        if (curStart >= 0 && day[rowsF[i]!]! <= curEnd) {
          curEnd = limit;
          if (j - 1 > curLast) curLast = j - 1;
        } else {
          if (curStart >= 0) emit(curStart, curLast + 1, f);
          curStart = i;
          curEnd = limit;
          curLast = j - 1;
        }
      }
      if (--cnt[agency[rowsF[i]!]!]! === 0) distinct--;
    }
    if (curStart >= 0) emit(curStart, curLast + 1, f);
  }
  const out: RawFlag[] = new Array<RawFlag>(nFlags);
  for (let k = 0; k < nFlags; k++) out[k] = new MultiAgencyFlag(c, ev, meta[3 * k]!, meta[3 * k + 1]!, meta[3 * k + 2]!, W);
  return out;
}

/** A 多头检查 flag: its evidence a run of the detection's shared buffer, copied into an array on first read. */
class MultiAgencyFlag implements RawFlag {
  #rows: number[] | null = null;
  constructor(
    private readonly c: InspectionColumns,
    private readonly ev: Int32Array,
    private readonly at: number,
    private readonly len: number,
    private readonly f: number,
    private readonly windowDays: number,
  ) {}
  get rows(): number[] {
    this.#rows ??= Array.from(this.ev.subarray(this.at, this.at + this.len));
    return this.#rows;
  }
  get firstDay(): number {
    return this.c.day[this.ev[this.at]!]!;
  }
  get lastDay(): number {
    return this.c.day[this.ev[this.at + this.len - 1]!]!;
  }
  get firm(): string {
    return this.c.dicts.firm.values[this.f]!;
  }
  get key(): string {
    return this.c.dicts.firm.values[this.f]!;
  }
  get agencies(): string[] {
    return distinctSorted(this.rows.map((r) => this.c.agency[r]!), this.c.dicts.agency.values);
  }
  get detail(): Record<string, unknown> {
    return { agencies: this.agencies.length, visits: this.len, windowDays: this.windowDays };
  }
}

/**
 * 随意检查: one flag per inspection of a routine kind (plan, special) that names no plan. Reads the row bits four rows
 * to a 32-bit word: a word is looked into only when one of its rows is of a listed kind without a plan.
 */
export function detectUnplanned(c: InspectionColumns, v: SortedViews, p: DetectionParams<'unplanned-inspection'>): RawFlag[] {
  let kindBits = 0;
  for (const k of p.kinds) {
    const code = KIND_CODE[k as KindName];
    if (code) kindBits |= 1 << code;
  }
  const bits = v.rowBits;
  const words = new Uint32Array(bits.buffer, bits.byteOffset, bits.length >> 2);
  const M = Math.imul(kindBits, 0x01010101);
  const n = c.n;
  // the rows first (a growable typed list), then the flags into an array of their final length
  let hits = new Int32Array(1024);
  let h = 0;
  for (let q = 0; q < words.length; q++) {
    const x = words[q]!;
    // the kind matches, with the bytes of rows that have a plan (bit 6 → 0xff) cleared: one branch per word
    if ((x & M & ~Math.imul((x >>> 6) & 0x01010101, 0xff)) === 0) continue;
    for (let r = q << 2, e = Math.min(r + 4, n); r < e; r++) {
      const b = bits[r]!;
      if ((b & kindBits) === 0 || (b & ROW_HAS_PLAN) !== 0) continue;
      hits = grow(hits, h, h + 1);
      hits[h++] = r;
    }
  }
  const out: RawFlag[] = new Array<RawFlag>(h);
  for (let k = 0; k < h; k++) out[k] = new RowFlag(c, hits[k]!);
  return out;
}

/** In a list ordered by day, rows of one day ordered by record id (insertion sort: such runs are short). */
function idOrderWithinDays(c: InspectionColumns, rows: number[]): void {
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const d = c.day[r]!;
    let j = i - 1;
    while (j >= 0 && c.day[rows[j]!] === d && compareIdBytes(c, rows[j]!, r) > 0) {
      rows[j + 1] = rows[j]!;
      j--;
    }
    rows[j + 1] = r;
  }
}

/**
 * A flag of the officer rules whose evidence rows, already in day order, are put in id order within a day on first
 * read (the materialisation, a page of the API): like ColumnFlag's strings, only the flags a caller reads pay for it.
 */
class DayOrderedFlag implements RawFlag {
  #runs: number[][] | null;
  #rows: number[] = [];
  #agencies: string[] | null = null;
  /** `runs`: the evidence as one or more lists of positions, each in (day, position) order */
  constructor(
    private readonly c: InspectionColumns,
    runs: number[][],
    readonly key: string,
    readonly officer: string,
    readonly detail: Record<string, unknown>,
    readonly field?: string,
  ) {
    this.#runs = runs;
  }
  get rows(): number[] {
    if (this.#runs) {
      this.#rows = this.#runs.length === 1 ? this.#runs[0]! : mergeByDay(this.c.day, this.#runs);
      this.#runs = null;
      idOrderWithinDays(this.c, this.#rows);
    }
    return this.#rows;
  }
  /** the agencies of the evidence rows, resolved on first read (a random read per row) */
  get agencies(): string[] {
    this.#agencies ??= distinctSorted(this.rows.map((r) => this.c.agency[r]!), this.c.dicts.agency.values);
    return this.#agencies;
  }
  get firstDay(): number {
    if (!this.#runs) return this.c.day[this.#rows[0]!]!;
    return Math.min(...this.#runs.map((l) => this.c.day[l[0]!]!));
  }
  get lastDay(): number {
    if (!this.#runs) return this.c.day[this.#rows[this.#rows.length - 1]!]!;
    return Math.max(...this.#runs.map((l) => this.c.day[l[l.length - 1]!]!));
  }
}

function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The hot loop of 低效检查 on its own: rows per key (pair code × 2 + problem, columns.ts officerFieldPairs) — one
 * increment per row; 16-bit keys are read two to a 32-bit word. Small functions, which V8 optimises after a call or
 * two (the same loop inside the detection's body stayed in a lower tier for several runs).
 */
function countKeys16(keys: Uint16Array, nKeys: number): Int32Array {
  const cnt = new Int32Array(nKeys);
  const words = new Uint32Array(keys.buffer, keys.byteOffset, keys.length >> 1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    cnt[w & 0xffff]!++;
    cnt[w >>> 16]!++;
  }
  if (keys.length & 1) cnt[keys[keys.length - 1]!]!++;
  return cnt;
}

function countKeys32(keys: Uint16Array | Int32Array, nKeys: number): Int32Array {
  const cnt = new Int32Array(nKeys);
  for (let i = 0; i < keys.length; i++) cnt[keys[i]!]!++;
  return cnt;
}

/** Median share per field of the qualifying pairs (total ≥ min), NaN for a field without one. */
function fieldMedians(cnt: Int32Array, pairField: Int32Array, nf: number, min: number): Float64Array {
  const m = pairField.length;
  const qualifying = new Int32Array(nf);
  for (let q = 0; q < m; q++) if (cnt[2 * q]! + cnt[2 * q + 1]! >= min) qualifying[pairField[q]!]!++;
  // the rates of the qualifying officers per field, in typed arrays sorted natively (no comparator calls)
  const start = new Int32Array(nf + 1);
  for (let f = 0; f < nf; f++) start[f + 1] = start[f]! + qualifying[f]!;
  const rates = new Float64Array(start[nf]!);
  const fill = start.slice(0, nf);
  for (let q = 0; q < m; q++) {
    const t = cnt[2 * q]! + cnt[2 * q + 1]!;
    if (t >= min) rates[fill[pairField[q]!]!++] = cnt[2 * q + 1]! / t;
  }
  const medians = new Float64Array(nf);
  for (let f = 0; f < nf; f++) medians[f] = median(rates.subarray(start[f]!, start[f + 1]!).sort());
  return medians;
}

/**
 * 低效检查, per (officer, field): an officer with at least minInspections inspections in the field in the period is
 * flagged when the share of them that found a problem is below medianRatio × the median share of all officers with at
 * least minInspections inspections in that field (the officer included). No flag when that median is 0.
 */
export function detectLowYield(c: InspectionColumns, v: SortedViews, p: DetectionParams<'low-yield-officer'>): RawFlag[] {
  const nf = c.dicts.field.size;
  const pairs = v.pairs;
  const m = pairs.field.length;
  // rows per key: cnt[2q] rows of pair q without a problem found, cnt[2q + 1] with one
  const cnt = pairs.key instanceof Uint16Array && pairs.key.byteOffset % 4 === 0 ? countKeys16(pairs.key, 2 * m) : countKeys32(pairs.key, 2 * m);
  const medians = fieldMedians(cnt, pairs.field, nf, p.minInspections);
  const flagged: number[] = [];
  for (let q = 0; q < m; q++) {
    const total = cnt[2 * q]! + cnt[2 * q + 1]!;
    if (total < p.minInspections) continue;
    const med = medians[pairs.field[q]!]!;
    if (!(med > 0)) continue;
    if (cnt[2 * q + 1]! / total < p.medianRatio * med) flagged.push(q);
  }
  if (flagged.length === 0) return [];
  // the evidence: the pair's run of the officer projection (rows already in day order)
  const out: RawFlag[] = flagged.map((q) => {
    const o = pairs.officer[q]!;
    const fl = pairs.field[q]!;
    const rows = Array.from(pairs.byPair.subarray(pairs.start[q]!, pairs.start[q + 1]!));
    const total = cnt[2 * q]! + cnt[2 * q + 1]!;
    const found = cnt[2 * q + 1]!;
    const officerId = c.dicts.officer.values[o]!;
    const fieldCode = c.dicts.field.values[fl]!;
    const detail = { inspections: total, foundProblem: found, rate: found / total, fieldMedian: medians[fl]!, threshold: p.medianRatio * medians[fl]! };
    return new DayOrderedFlag(c, [rows], `${officerId}|${fieldCode}`, officerId, detail, fieldCode);
  });
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export interface PlanCap {
  agencyCode: string;
  field: string;
  year: number;
  perFirmCap: number | null;
}

/** Year of each day in [minDay, maxDay], as a lookup table. */
function yearTable(minDay: number, maxDay: number): Int16Array {
  const t = new Int16Array(Math.max(0, maxDay - minDay + 1));
  let y = +dayString(minDay).slice(0, 4);
  let nextYearStart = dayNumber(`${String(y + 1).padStart(4, '0')}-01-01`);
  for (let d = minDay; d <= maxDay; d++) {
    if (d >= nextYearStart) {
      y++;
      nextYearStart = dayNumber(`${String(y + 1).padStart(4, '0')}-01-01`);
    }
    t[d - minDay] = y;
  }
  return t;
}

/**
 * 超频次检查: visits (a joint inspection counts once; excluded kinds left out) by one agency to one firm in one field
 * in one calendar year, above the per-firm cap of that agency's plan for the field and year (the largest cap if
 * several plans publish one), or defaultCap where no plan publishes a cap (null: no flag without a published cap).
 * One sequential pass over the firms' runs, counting rows per (agency · field, year); a group is examined (visits
 * counted) only when its rows exceed the cap.
 */
export function detectFrequencyCap(c: InspectionColumns, v: SortedViews, p: DetectionParams<'frequency-cap'>, plans: readonly PlanCap[]): RawFlag[] {
  const nf = c.dicts.field.size;
  const nAf = c.dicts.agency.size * nf;
  const years = yearTable(v.minDay, v.maxDay);
  const y0 = c.n ? years[0]! : 0;
  const nY = c.n ? years[years.length - 1]! - y0 + 1 : 1;
  // cap per (agency · field) · nY + year index; -1 = no cap
  const caps = new Int32Array(nAf * nY).fill(p.defaultCap ?? -1);
  let anyCap = p.defaultCap != null;
  const published = new Uint8Array(nAf * nY);
  for (const pl of plans) {
    if (pl.perFirmCap == null) continue;
    const a = c.dicts.agency.lookup(pl.agencyCode);
    const f = c.dicts.field.lookup(pl.field);
    if (a === undefined || f === undefined || pl.year < y0 || pl.year >= y0 + nY) continue;
    const k = (a * nf + f) * nY + (pl.year - y0);
    caps[k] = published[k] ? Math.max(caps[k]!, pl.perFirmCap) : pl.perFirmCap;
    published[k] = 1;
    anyCap = true;
  }
  if (!anyCap) return [];
  const excluded = kindMask(p.excludeKinds);
  const { agency, field, joint, day, kind } = c;
  const minDay = v.minDay;
  const cnt = new Int32Array(nAf * nY);
  const fs = v.firmStart;
  const nFirms = fs.length - 1;
  let touched = new Int32Array(64);
  const over: number[] = [];
  const out: RawFlag[] = [];
  for (let f = 0; f < nFirms; f++) {
    const s = fs[f]!;
    const e = fs[f + 1]!;
    touched = ensure(touched, e - s);
    let t = 0;
    for (let r = s; r < e; r++) {
      if (excluded[kind[r]!]) continue;
      const k = (agency[r]! * nf + field[r]!) * nY + (years[day[r]! - minDay]! - y0);
      if (cnt[k]!++ === 0) touched[t++] = k;
    }
    over.length = 0;
    for (let q = 0; q < t; q++) {
      const k = touched[q]!;
      const cap = caps[k]!;
      if (cap >= 0 && cnt[k]! > cap) over.push(k);
      cnt[k] = 0;
    }
    if (over.length === 0) continue;
    over.sort((x, y) => x - y);
    for (const k of over) {
      const cap = caps[k]!;
      const rows: number[] = [];
      const joints = new Set<number>();
      let visits = 0;
      for (let r = s; r < e; r++) {
        if (excluded[kind[r]!] || (agency[r]! * nf + field[r]!) * nY + (years[day[r]! - minDay]! - y0) !== k) continue;
        rows.push(r);
        const j = joint[r]!;
        if (j === 0) visits++;
        else if (!joints.has(j)) {
          joints.add(j);
          visits++;
        }
      }
      if (visits > cap) {
        const af = Math.floor(k / nY);
        out.push(new ColumnFlag(c, RULE_CAP, rows, day[rows[0]!]!, day[rows[rows.length - 1]!]!, f, Math.floor(af / nf), af % nf, y0 + (k % nY), visits * 65536 + cap));
      }
    }
  }
  return out;
}

export interface OfficerCertificate {
  id: string;
  certificateValidFrom: string | null;
  certificateValidTo: string | null;
}

/** Lists of positions each in (day, position) order merged into one in that order (an officer's few field runs). */
function mergeByDay(day: Int32Array, lists: number[][]): number[] {
  const out: number[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < lists.length; k++) {
      if (at[k]! >= lists[k]!.length) continue;
      if (best < 0) {
        best = k;
        continue;
      }
      const r = lists[k]![at[k]!]!;
      const b = lists[best]![at[best]!]!;
      if (day[r]! < day[b]! || (day[r] === day[b] && r < b)) best = k;
    }
    if (best < 0) return out;
    out.push(lists[best]![at[best]!++]!);
  }
}

/**
 * 无有效执法证检查, one flag per officer: the officer's inspections on days outside the certificate's validity
 * [valid_from, valid_to] (both inclusive), or all of them when the officer has no registered certificate.
 */
export function detectExpiredCertificate(c: InspectionColumns, v: SortedViews, p: DetectionParams<'expired-certificate'>, officers: readonly OfficerCertificate[]): RawFlag[] {
  const no = c.dicts.officer.size;
  const from = new Int32Array(no).fill(-1_000_000_000);
  const to = new Int32Array(no).fill(-1_000_000_001); // from > to: no valid day (unregistered)
  const registered = new Uint8Array(no);
  // certificates share a few dates (issue rounds): each parsed once
  const parsed = new Map<string, number>();
  const day = (d: string) => parsed.get(d) ?? parsed.set(d, dayNumber(d)).get(d)!;
  for (const o of officers) {
    const k = c.dicts.officer.lookup(o.id);
    if (k === undefined) continue;
    registered[k] = 1;
    if (o.certificateValidFrom && o.certificateValidTo) {
      from[k] = day(o.certificateValidFrom);
      to[k] = day(o.certificateValidTo);
    }
  }
  if (!p.flagUnregisteredOfficer) {
    // unregistered officers are skipped: an always-valid range
    for (let k = 0; k < no; k++) {
      if (registered[k]) continue;
      from[k] = -2_000_000_000;
      to[k] = 2_000_000_000;
    }
  }
  // per officer, from the officer projection (each of its (officer, field) runs in day order): the rows before
  // valid_from and after valid_to, found by binary search — officers valid over the whole snapshot are skipped
  // without reading a row
  const P = v.byOfficer;
  const { officerFirst, start } = v.pairs;
  const firstAtOrAfter = (s: number, e: number, d: number) => {
    while (s < e) {
      const mid = (s + e) >>> 1;
      if (c.day[P[mid]!]! < d) s = mid + 1;
      else e = mid;
    }
    return s;
  };
  const out: RawFlag[] = [];
  for (let o = 0; o < no; o++) {
    if (v.officerStart[o] === v.officerStart[o + 1] || (from[o]! <= v.minDay && to[o]! >= v.maxDay)) continue;
    const runs: number[][] = [];
    let inspections = 0;
    for (let q = officerFirst[o]!; q < officerFirst[o + 1]!; q++) {
      const s = start[q]!;
      const e = start[q + 1]!;
      const lo = firstAtOrAfter(s, e, from[o]!); // rows before valid_from: [s, lo)
      const hi = firstAtOrAfter(s, e, to[o]! + 1); // rows after valid_to: [hi, e)
      if (hi <= lo) runs.push(Array.from(P.subarray(s, e)));
      else if (lo > s || hi < e) {
        const run = Array.from(P.subarray(s, lo));
        for (let r = hi; r < e; r++) run.push(P[r]!);
        runs.push(run);
      } else continue;
      inspections += runs[runs.length - 1]!.length;
    }
    if (inspections === 0) continue;
    const officerId = c.dicts.officer.values[o]!;
    const detail = { registered: registered[o] === 1, validFrom: registered[o] && from[o]! > -1e9 ? dayString(from[o]!) : null, validTo: registered[o] && to[o]! > -1e9 ? dayString(to[o]!) : null, inspections };
    // an officer with rows in several fields: its runs are merged by day when the evidence is first read
    out.push(new DayOrderedFlag(c, runs, officerId, officerId, detail));
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export interface PenaltyRow {
  id: string;
  targetCreditCode: string;
  agencyCode: string;
  field: string;
  violationCode: string;
  discretionLevel: string;
  amount: number;
  filedOn: string;
  decidedOn: string | null;
  /** days of an approved extension (enforcement_penalty_extensions), if any */
  extensionDays?: number | null;
}

/** An undecided or decided case with its due date as computed by the deadline engine (penalty-deadline.ts). */
export interface PenaltyDue {
  due: string;
  citation: string;
  extensionDays: number;
}

/**
 * 处罚超期 (《中华人民共和国行政处罚法》第六十条): flagged when decided after the due date, or still undecided after it
 * on `asOf`. The due date is NOT computed here: `dueOf` gives the deadline engine's result for the case (rule
 * enforcement.penaltyDecision, 90 calendar days from filing rolled to a working day, plus any approved extension).
 */
export function detectOverduePenalty(rows: readonly PenaltyRow[], dueOf: (r: PenaltyRow) => PenaltyDue, asOf: string): RawFlag[] {
  const asOfDay = dayNumber(asOf);
  const out: RawFlag[] = [];
  for (const r of rows) {
    const d = dueOf(r);
    const due = dayNumber(d.due);
    const end = r.decidedOn ? dayNumber(r.decidedOn) : asOfDay;
    if (end <= due) continue;
    out.push({
      key: `${r.targetCreditCode}|${r.id}`,
      firm: r.targetCreditCode,
      agencies: [r.agencyCode],
      field: r.field,
      rows: [],
      penaltyIds: [r.id],
      firstDay: dayNumber(r.filedOn),
      lastDay: end,
      detail: { filedOn: r.filedOn, dueOn: d.due, decidedOn: r.decidedOn, daysOver: end - due, undecided: !r.decidedOn, citation: d.citation, extensionDays: d.extensionDays },
    });
  }
  return out.sort((x, y) => x.firstDay - y.firstDay || (x.key < y.key ? -1 : 1));
}

/**
 * 裁量畸轻畸重: among penalties of one violation code and discretion level (groups of at least minGroupSize), a fine
 * above factor × the group median or below the median / factor.
 */
export function detectDiscretionOutlier(rows: readonly PenaltyRow[], p: DetectionParams<'discretion-outlier'>): RawFlag[] {
  const groups = new Map<string, PenaltyRow[]>();
  for (const r of rows) {
    const k = `${r.violationCode}|${r.discretionLevel}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  const out: RawFlag[] = [];
  for (const [, g] of groups) {
    if (g.length < p.minGroupSize) continue;
    const med = median(g.map((r) => r.amount).sort((a, b) => a - b));
    if (!(med > 0)) continue;
    for (const r of g) {
      if (!(r.amount > med * p.factor || r.amount < med / p.factor)) continue;
      const filed = dayNumber(r.filedOn);
      out.push({
        key: `${r.targetCreditCode}|${r.id}`,
        firm: r.targetCreditCode,
        agencies: [r.agencyCode],
        field: r.field,
        rows: [],
        penaltyIds: [r.id],
        firstDay: filed,
        lastDay: r.decidedOn ? dayNumber(r.decidedOn) : filed,
        detail: { violationCode: r.violationCode, discretionLevel: r.discretionLevel, amount: r.amount, benchmark: med, ratio: r.amount / med, groupSize: g.length },
      });
    }
  }
  return out.sort((x, y) => x.firstDay - y.firstDay || (x.key < y.key ? -1 : 1));
}
