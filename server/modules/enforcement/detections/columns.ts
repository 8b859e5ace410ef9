/**
 * Columnar snapshot of inspection records for the detection engine.
 *
 * Rows are loaded from the database in one pass and dictionary-encoded: every text column that detections group on
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

/** Growable string dictionary: string → dense code. Code 0 is reserved for "none" where a column is optional. */
export class Dict {
  readonly values: string[];
  private readonly index = new Map<string, number>();
  constructor(reserveNone: boolean) {
    this.values = reserveNone ? [''] : [];
  }
  code(s: string): number {
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(s);
      this.index.set(s, c);
    }
    return c;
  }
  lookup(s: string): number | undefined {
    return this.index.get(s);
  }
  get size(): number {
    return this.values.length;
  }
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
  dicts: { firm: Dict; agency: Dict; field: Dict; officer: Dict; plan: Dict; joint: Dict };
  /** record ids: Latin-1 bytes; id of row i = idBytes[idStart[i] .. idStart[i+1]) */
  idBytes: Buffer;
  idStart: Uint32Array;
}

/** Accumulates rows into growable typed arrays; `finish()` trims them. */
export class ColumnBuilder {
  n = 0;
  private cap: number;
  private firm: Int32Array;
  private agency: Int32Array;
  private field: Int32Array;
  private officer: Int32Array;
  private plan: Int32Array;
  private joint: Int32Array;
  private day: Int32Array;
  private kind: Uint8Array;
  private problem: Uint8Array;
  private idBytes: Buffer;
  private idLen = 0;
  private idStart: Uint32Array;
  readonly dicts = { firm: new Dict(false), agency: new Dict(false), field: new Dict(false), officer: new Dict(false), plan: new Dict(true), joint: new Dict(true) };

  constructor(capacity = 1024) {
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
    this.idStart = new Uint32Array(this.cap + 1);
    this.idBytes = Buffer.allocUnsafe(this.cap * 16);
  }

  private grow() {
    const cap = this.cap * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const g8 = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    this.firm = g32(this.firm);
    this.agency = g32(this.agency);
    this.field = g32(this.field);
    this.officer = g32(this.officer);
    this.plan = g32(this.plan);
    this.joint = g32(this.joint);
    this.day = g32(this.day);
    this.kind = g8(this.kind);
    this.problem = g8(this.problem);
    const s = new Uint32Array(cap + 1);
    s.set(this.idStart);
    this.idStart = s;
    this.cap = cap;
  }

  /** Append one row. plan/joint: '' or null for none. kind: name from KIND_CODE. day: day number. */
  push(id: string, firm: string, agency: string, field: string, officer: string, kind: string, plan: string | null, joint: string | null, day: number, problem: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n;
    const d = this.dicts;
    this.firm[i] = d.firm.code(firm);
    this.agency[i] = d.agency.code(agency);
    this.field[i] = d.field.code(field);
    this.officer[i] = d.officer.code(officer);
    this.plan[i] = plan ? d.plan.code(plan) : 0;
    this.joint[i] = joint ? d.joint.code(joint) : 0;
    this.day[i] = day;
    this.kind[i] = KIND_CODE[kind as KindName] ?? 5;
    this.problem[i] = problem ? 1 : 0;
    if (this.idLen + id.length > this.idBytes.length) {
      const b = Buffer.allocUnsafe(Math.max(this.idBytes.length * 2, this.idLen + id.length));
      this.idBytes.copy(b, 0, 0, this.idLen);
      this.idBytes = b;
    }
    this.idLen += this.idBytes.write(id, this.idLen, 'latin1');
    this.idStart[i + 1] = this.idLen;
    this.n = i + 1;
  }

  finish(): InspectionColumns {
    const n = this.n;
    return {
      n,
      firm: this.firm.slice(0, n),
      agency: this.agency.slice(0, n),
      field: this.field.slice(0, n),
      officer: this.officer.slice(0, n),
      plan: this.plan.slice(0, n),
      joint: this.joint.slice(0, n),
      day: this.day.slice(0, n),
      kind: this.kind.slice(0, n),
      problem: this.problem.slice(0, n),
      dicts: this.dicts,
      idBytes: Buffer.from(this.idBytes.subarray(0, this.idLen)),
      idStart: this.idStart.slice(0, n + 1),
    };
  }
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

export interface SortedViews {
  /** rows ordered by (firm, day) */
  byFirmDay: Int32Array;
  /** rows ordered by (firm, agency, field, day) */
  byGroupDay: Int32Array;
  minDay: number;
  maxDay: number;
}

/** The two shared orders, by LSD counting sorts (day, then agency·field, then firm). */
export function buildSortedViews(c: InspectionColumns): SortedViews {
  const n = c.n;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = c.day[i]!;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  if (n === 0) return { byFirmDay: new Int32Array(0), byGroupDay: new Int32Array(0), minDay: 0, maxDay: 0 };
  const ident = new Int32Array(n);
  for (let i = 0; i < n; i++) ident[i] = i;
  const byDay = countingSortPerm(ident, c.day, maxDay - minDay + 1, minDay);
  const byFirmDay = countingSortPerm(byDay, c.firm, c.dicts.firm.size);
  const nf = c.dicts.field.size;
  const af = new Int32Array(n);
  for (let i = 0; i < n; i++) af[i] = c.agency[i]! * nf + c.field[i]!;
  const byAfDay = countingSortPerm(byDay, af, c.dicts.agency.size * nf);
  const byGroupDay = countingSortPerm(byAfDay, c.firm, c.dicts.firm.size);
  return { byFirmDay, byGroupDay, minDay, maxDay };
}
