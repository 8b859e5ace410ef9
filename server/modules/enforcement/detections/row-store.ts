import { ByteDict, type InspectionDicts } from '../inspection-csv-fast';
import { type InspectionColumns, KIND_CODE, type KindName } from './columns';

/**
 * Every stored inspection as growable, dictionary-coded columns (ADR 0005, 2026-11-29 stop 15): the in-memory side of
 * the embedded store of record (segments, `segment.ts`) and, on PostgreSQL, the table loaded once per version.
 *
 * - Rows are appended; a row replaced by a later record with the same id (an idempotent re-import) is marked dead, so
 *   the newest record of an id wins — in memory here, and when segments are replayed in the order they were written.
 * - `committed` rows are visible (`view()`); rows appended after it belong to an import in progress and are either
 *   committed (`commit()`) or dropped (`rollback()`), so a reader never sees a half-done import.
 * - An id index (open addressing over the id bytes the columns already hold: no second copy of the ids) finds the
 *   row of an id for the importer's idempotency and in-file duplicate checks.
 * The dictionaries only grow: codes without live rows are allowed (restrictToDays, the detections).
 */

/** Byte-keyed dictionaries: the importer's fast path codes straight from the file's bytes into them. */
export type CodedDicts = InspectionDicts;

/** firms: the number of firms expected (the firm dictionary is sized for them) */
/** strings = false: keys kept as bytes only (a parse worker's dictionaries; see ByteDict) */
export const newDicts = (firms = 0, strings = true): CodedDicts => ({ firm: new ByteDict(false, firms, strings), agency: new ByteDict(false, 0, strings), field: new ByteDict(false, 0, strings), officer: new ByteDict(false, 0, strings), plan: new ByteDict(true, 0, strings), joint: new ByteDict(true, firms >> 2, strings) });

/**
 * Hash of an id's bytes (ids are ASCII, ≤ 64 bytes): four bytes a step (multiply-rotate), murmur3's finaliser. The
 * parallel importer's workers compute it per row so that the merge can find duplicates by hash first.
 */
export function idHash(b: Uint8Array, s: number, e: number): number {
  let h = 0x9747b28c ^ (e - s);
  let i = s;
  for (; i + 4 <= e; i += 4) {
    let k = Math.imul(b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let sh = 0; i < e; i++, sh += 8) k |= b[i]! << sh;
  k = Math.imul(k, 0xcc9e2d51);
  h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Coded rows as a parse worker hands them over (codes in the worker's own dictionaries). */
export interface BulkRows {
  n: number;
  firm: Int32Array;
  agency: Int32Array;
  field: Int32Array;
  officer: Int32Array;
  plan: Int32Array;
  joint: Int32Array;
  day: Int32Array;
  kind: Uint8Array;
  problem: Uint8Array;
  duration: Int16Array;
  idBytes: Uint8Array;
  idStart: Uint32Array;
}

export class RowStore {
  n = 0;
  committed = 0;
  private cap: number;
  firm: Int32Array;
  agency: Int32Array;
  field: Int32Array;
  officer: Int32Array;
  plan: Int32Array;
  joint: Int32Array;
  day: Int32Array;
  kind: Uint8Array;
  problem: Uint8Array;
  /** minutes; -1 = not recorded */
  duration: Int16Array;
  idBytes: Buffer;
  idLen = 0;
  idStart: Uint32Array;
  /** 1 = replaced by a later record of the same id */
  dead: Uint8Array;
  deadCount = 0;
  private slots: Int32Array;
  private mask: number;
  private indexed = 0;
  /** the id index is not built (a bulk append, or a store without one): built on the first find or push */
  private indexStale = false;
  /** dead marks of the import in progress, applied on commit */
  private pendingDead: number[] = [];
  private viewCache: { n: number; dead: number; cols: InspectionColumns } | null = null;

  constructor(
    readonly dicts: CodedDicts = newDicts(),
    capacity = 1 << 12,
    /** false: no id index (a parse worker's part; the merge finds duplicates) — find() always answers -1 */
    private readonly withIndex = true,
  ) {
    this.cap = Math.max(16, capacity);
    this.firm = new Int32Array(this.cap);
    this.agency = new Int32Array(this.cap);
    this.field = new Int32Array(this.cap);
    this.officer = new Int32Array(this.cap);
    this.plan = new Int32Array(this.cap);
    this.joint = new Int32Array(this.cap);
    this.day = new Int32Array(this.cap);
    this.kind = new Uint8Array(this.cap);
    this.problem = new Uint8Array(this.cap);
    this.duration = new Int16Array(this.cap);
    this.dead = new Uint8Array(this.cap);
    this.idStart = new Uint32Array(this.cap + 1);
    this.idBytes = Buffer.allocUnsafe(this.cap * 12);
    this.slots = new Int32Array(withIndex ? 1 << 13 : 1).fill(-1);
    this.mask = withIndex ? (1 << 13) - 1 : 0;
  }

  /** Room for `extra` more rows without growing per row (bulk loads). */
  reserve(extra: number): void {
    if (this.n + extra > this.cap) this.grow(this.n + extra);
  }

  private grow(min: number): void {
    let cap = this.cap * 2;
    while (cap < min) cap *= 2;
    const g = <T extends Int32Array | Uint8Array | Int16Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.firm = g(this.firm, (k) => new Int32Array(k));
    this.agency = g(this.agency, (k) => new Int32Array(k));
    this.field = g(this.field, (k) => new Int32Array(k));
    this.officer = g(this.officer, (k) => new Int32Array(k));
    this.plan = g(this.plan, (k) => new Int32Array(k));
    this.joint = g(this.joint, (k) => new Int32Array(k));
    this.day = g(this.day, (k) => new Int32Array(k));
    this.kind = g(this.kind, (k) => new Uint8Array(k));
    this.problem = g(this.problem, (k) => new Uint8Array(k));
    this.duration = g(this.duration, (k) => new Int16Array(k));
    this.dead = g(this.dead, (k) => new Uint8Array(k));
    const s = new Uint32Array(cap + 1);
    s.set(this.idStart);
    this.idStart = s;
    this.cap = cap;
  }

  private growIds(min: number): void {
    const b = Buffer.allocUnsafe(Math.max(this.idBytes.length * 2, min));
    this.idBytes.copy(b, 0, 0, this.idLen);
    this.idBytes = b;
  }

  // ------------------------------------------------------------------------------------------------ id index

  private rehash(size: number): void {
    let sz = size;
    while (sz < (this.n + 1) * 2) sz *= 2;
    this.slots = new Int32Array(sz).fill(-1);
    this.mask = sz - 1;
    this.indexed = 0;
    this.indexStale = false;
    for (let r = 0; r < this.n; r++) if (!this.dead[r]) this.insertSlot(r);
  }

  /** Build the id index if a bulk append left it unbuilt. */
  private ensureIndex(): void {
    if (this.indexStale) this.rehash(this.slots.length);
  }

  /** Rows were appended without the id index (appendBulk): it is rebuilt on the next find or push. */
  markIndexStale(): void {
    if (this.withIndex) this.indexStale = true;
  }

  /** Index a row; an earlier live row of the same id (rows appended in bulk) is retired: the newest record wins. */
  private insertSlot(row: number): void {
    const st = this.idStart;
    const s0 = st[row]!;
    const e0 = st[row + 1]!;
    let h = idHash(this.idBytes, s0, e0) & this.mask;
    for (;;) {
      const r = this.slots[h]!;
      if (r === -1) break;
      if (this.sameId(r, this.idBytes, s0, e0)) {
        this.dead[r] = 1;
        if (r < this.committed) this.deadCount++;
        this.slots[h] = row;
        return;
      }
      h = (h + 1) & this.mask;
    }
    this.slots[h] = row;
    this.indexed++;
  }

  /** Build the id index now (after bulk appends that may repeat ids: their older records die). */
  resolveIndex(): void {
    if (this.withIndex) this.rehash(this.slots.length);
  }

  private sameId(row: number, b: Uint8Array, s: number, e: number): boolean {
    const a0 = this.idStart[row]!;
    const len = this.idStart[row + 1]! - a0;
    if (len !== e - s) return false;
    const ib = this.idBytes;
    for (let k = 0; k < len; k++) if (ib[a0 + k] !== b[s + k]) return false;
    return true;
  }

  /** Slot of an id: its row's slot, or the empty slot where it would go (value -1). */
  private slotOf(b: Uint8Array, s: number, e: number): number {
    let h = idHash(b, s, e) & this.mask;
    for (;;) {
      const r = this.slots[h]!;
      if (r === -1 || this.sameId(r, b, s, e)) return h;
      h = (h + 1) & this.mask;
    }
  }

  /** The live row of an id (committed or of the import in progress), or -1. */
  find(b: Uint8Array, s: number, e: number): number {
    if (!this.withIndex) return -1;
    this.ensureIndex();
    return this.slots[this.slotOf(b, s, e)]!;
  }

  findString(id: string): number {
    const b = Buffer.from(id, 'latin1');
    return this.find(b, 0, b.length);
  }

  // ------------------------------------------------------------------------------------------------ writes

  /**
   * Append a row coded with this store's dictionaries; the id is a byte range. If the id has a live row, that row is
   * replaced (marked dead on commit) and its number returned as `replaced`; else -1.
   */
  push(idBuf: Uint8Array, idS: number, idE: number, firm: number, agency: number, field: number, officer: number, kind: number, plan: number, joint: number, day: number, problem: number, duration: number): number {
    if (this.n === this.cap) this.grow(this.n + 1);
    if (this.withIndex) {
      // before the row is written: a rebuild indexes the rows there are, not this one
      this.ensureIndex();
      if ((this.indexed + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    }
    const i = this.n;
    this.firm[i] = firm;
    this.agency[i] = agency;
    this.field[i] = field;
    this.officer[i] = officer;
    this.plan[i] = plan;
    this.joint[i] = joint;
    this.day[i] = day;
    this.kind[i] = kind;
    this.problem[i] = problem;
    this.duration[i] = duration;
    const len = idE - idS;
    if (this.idLen + len > this.idBytes.length) this.growIds(this.idLen + len);
    const ib = this.idBytes;
    for (let k = 0, o = this.idLen; k < len; k++) ib[o + k] = idBuf[idS + k]!;
    this.idLen += len;
    this.idStart[i + 1] = this.idLen;
    this.dead[i] = 0;
    this.n = i + 1;
    if (!this.withIndex) return -1;
    const slot = this.slotOf(idBuf, idS, idE);
    const old = this.slots[slot]!;
    this.slots[slot] = i;
    if (old === -1) {
      this.indexed++;
      return -1;
    }
    if (old < this.committed) this.pendingDead.push(old);
    else this.dead[old] = 1; // an id repeated within one write: the caller refuses that; kept consistent anyway
    return old;
  }

  /** push with strings (seeds, the slow path of the importer, PostgreSQL loads). kind: a KIND_CODE name. */
  pushStrings(id: string, firm: string, agency: string, field: string, officer: string, kind: string, plan: string | null, joint: string | null, day: number, problem: number, duration: number | null): number {
    const d = this.dicts;
    const b = Buffer.from(id, 'latin1');
    return this.push(b, 0, b.length, d.firm.code(firm), d.agency.code(agency), d.field.code(field), d.officer.code(officer), KIND_CODE[kind as KindName] ?? 5, plan ? d.plan.code(plan) : 0, joint ? d.joint.code(joint) : 0, day, problem ? 1 : 0, duration ?? -1);
  }

  /**
   * Append coded rows in bulk (the parallel importer's parts, into an empty store): codes mapped through the given
   * tables onto this store's dictionaries; the id index is left to be rebuilt on its next use. The caller has made
   * sure no id repeats (within the rows or against the store). Returns the first new row.
   */
  appendBulk(p: BulkRows, map: { firm: Int32Array | null; agency: Int32Array | null; field: Int32Array | null; officer: Int32Array | null; plan: Int32Array | null; joint: Int32Array | null }): number {
    const from = this.n;
    const m = p.n;
    this.reserve(m);
    // a map null: the codes are already the store's (a dictionary it adopted): copied as they are
    const put = (dst: Int32Array, src: Int32Array, tab: Int32Array | null) => {
      if (tab === null) dst.set(src.subarray(0, m), from);
      else for (let i = 0; i < m; i++) dst[from + i] = tab[src[i]!]!;
    };
    put(this.firm, p.firm, map.firm);
    put(this.agency, p.agency, map.agency);
    put(this.field, p.field, map.field);
    put(this.officer, p.officer, map.officer);
    put(this.plan, p.plan, map.plan);
    put(this.joint, p.joint, map.joint);
    this.day.set(p.day.subarray(0, m), from);
    this.kind.set(p.kind.subarray(0, m), from);
    this.problem.set(p.problem.subarray(0, m), from);
    this.duration.set(p.duration.subarray(0, m), from);
    this.dead.fill(0, from, from + m);
    const bytes = p.idStart[m]! - p.idStart[0]!;
    if (this.idLen + bytes > this.idBytes.length) this.growIds(this.idLen + bytes);
    this.idBytes.set(p.idBytes.subarray(p.idStart[0]!, p.idStart[m]!), this.idLen);
    const shift = this.idLen - p.idStart[0]!;
    for (let i = 1; i <= m; i++) this.idStart[from + i] = p.idStart[i]! + shift;
    this.idLen += bytes;
    this.n = from + m;
    this.markIndexStale();
    return from;
  }

  /** Make the rows of the import in progress visible; rows they replaced die. */
  commit(): void {
    for (const r of this.pendingDead) {
      if (!this.dead[r]) {
        this.dead[r] = 1;
        this.deadCount++;
      }
    }
    // dead marks set directly in push (an id repeated within the write) are counted here
    let extra = 0;
    for (let r = this.committed; r < this.n; r++) extra += this.dead[r]!;
    this.deadCount += extra;
    this.pendingDead = [];
    this.committed = this.n;
  }

  /** Drop the rows of the import in progress (the dictionaries keep their new codes). */
  rollback(): void {
    this.n = this.committed;
    this.idLen = this.idStart[this.n]!;
    this.pendingDead = [];
    if (this.withIndex) this.rehash(this.slots.length);
  }

  /** Live committed rows. */
  get live(): number {
    return this.committed - this.deadCount;
  }

  // ------------------------------------------------------------------------------------------------ reads

  /**
   * The live committed rows as InspectionColumns. Without dead rows: views of the arrays (no copy; appends after this
   * call do not show in it); else a compacted copy. Cached until the next commit.
   */
  view(): InspectionColumns {
    const n = this.committed;
    if (this.viewCache && this.viewCache.n === n && this.viewCache.dead === this.deadCount) return this.viewCache.cols;
    let cols: InspectionColumns;
    if (this.deadCount === 0) {
      cols = {
        n,
        firm: this.firm.subarray(0, n),
        agency: this.agency.subarray(0, n),
        field: this.field.subarray(0, n),
        officer: this.officer.subarray(0, n),
        plan: this.plan.subarray(0, n),
        joint: this.joint.subarray(0, n),
        day: this.day.subarray(0, n),
        kind: this.kind.subarray(0, n),
        problem: this.problem.subarray(0, n),
        dicts: this.dicts,
        idBytes: this.idBytes.subarray(0, this.idStart[n]!),
        idStart: this.idStart.subarray(0, n + 1),
      };
    } else {
      const m = n - this.deadCount;
      const keep = new Int32Array(m);
      let k = 0;
      let bytes = 0;
      for (let r = 0; r < n; r++) {
        if (this.dead[r]) continue;
        keep[k++] = r;
        bytes += this.idStart[r + 1]! - this.idStart[r]!;
      }
      const g32 = (a: Int32Array) => {
        const o = new Int32Array(m);
        for (let q = 0; q < m; q++) o[q] = a[keep[q]!]!;
        return o;
      };
      const g8 = (a: Uint8Array) => {
        const o = new Uint8Array(m);
        for (let q = 0; q < m; q++) o[q] = a[keep[q]!]!;
        return o;
      };
      const idBytes = Buffer.allocUnsafe(bytes);
      const idStart = new Uint32Array(m + 1);
      let pos = 0;
      for (let q = 0; q < m; q++) {
        const r = keep[q]!;
        pos += this.idBytes.copy(idBytes, pos, this.idStart[r]!, this.idStart[r + 1]!);
        idStart[q + 1] = pos;
      }
      cols = { n: m, firm: g32(this.firm), agency: g32(this.agency), field: g32(this.field), officer: g32(this.officer), plan: g32(this.plan), joint: g32(this.joint), day: g32(this.day), kind: g8(this.kind), problem: g8(this.problem), dicts: this.dicts, idBytes, idStart };
    }
    this.viewCache = { n, dead: this.deadCount, cols };
    return cols;
  }
}

/** Columns built row by row (tests, small callers): a RowStore without an id index; `finish()` gives its columns. */
export class ColumnBuilder {
  private readonly st: RowStore;
  constructor(capacity = 1024) {
    this.st = new RowStore(newDicts(), capacity, false);
  }
  get n(): number {
    return this.st.n;
  }
  get dicts(): CodedDicts {
    return this.st.dicts;
  }
  /** plan/joint: '' or null for none; kind: a KIND_CODE name; day: a day number */
  push(id: string, firm: string, agency: string, field: string, officer: string, kind: string, plan: string | null, joint: string | null, day: number, problem: number): void {
    this.st.pushStrings(id, firm, agency, field, officer, kind, plan, joint, day, problem, null);
  }
  finish(): InspectionColumns {
    this.st.commit();
    return this.st.view();
  }
}
