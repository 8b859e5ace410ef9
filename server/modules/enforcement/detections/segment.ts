import type { CodeDict } from './columns';
import type { RowStore } from './row-store';

/**
 * A segment: a run of inspection records in one self-contained columnar blob (the embedded store of record on SQLite,
 * table enforcement_inspection_segments, migration 070; ADR 0005 stop 15). Each segment carries its own small
 * dictionaries (the strings its rows use), so a segment is read without any other state, and column widths are the
 * smallest that hold its codes. Little-endian:
 *
 *   'FZS1' | n u32 | 6 × (count u32, bytes u32, then per entry u16 length + Latin-1 bytes) for firm, agency, field,
 *   officer, plan, joint (plan/joint local code 0 = none) | 6 × width u8 (1, 2 or 4) | minDay i32 | dayWidth u8 |
 *   the six code columns | day − minDay | kind | problem<<7 in one byte | duration u16 (0xFFFF = none) |
 *   id length u8 × n | id bytes
 *
 * Nothing here is trusted beyond its own checks: decode() verifies the magic, the lengths and every code's range and
 * throws on any mismatch (a damaged segment must not load as something else).
 */

/** Rows per segment blob (≈ 30 bytes a row: ~120 MB, under SQLite's 1 GB value limit). */
export const SEGMENT_MAX_ROWS = 1 << 22;

const MAGIC = 0x3153_5a46; // 'FZS1' read as little-endian u32
/** The dictionary-coded columns (a segment's dictionaries, a parse worker's, the store's), in this order. */
export const DICT_KEYS = ['firm', 'agency', 'field', 'officer', 'plan', 'joint'] as const;
export type DictKey = (typeof DICT_KEYS)[number];
const NONE_RESERVED: Record<DictKey, boolean> = { firm: false, agency: false, field: false, officer: false, plan: true, joint: true };

export class SegmentError extends Error {}

const widthFor = (count: number) => (count <= 0x100 ? 1 : count <= 0x10000 ? 2 : 4);

/** Write src[from..to) (through `map` when given, plus `bias`) at width w, little-endian; returns the end offset. */
function putColumn(buf: Buffer, p: number, w: number, src: Int32Array, map: Int32Array | null, bias: number, from: number, to: number): number {
  if (w === 1) {
    if (map) for (let r = from; r < to; r++) buf[p++] = map[src[r]!]!;
    else for (let r = from; r < to; r++) buf[p++] = src[r]! + bias;
    return p;
  }
  if (w === 2) {
    for (let r = from; r < to; r++) {
      const x = map ? map[src[r]!]! : src[r]! + bias;
      buf[p] = x & 0xff;
      buf[p + 1] = x >>> 8;
      p += 2;
    }
    return p;
  }
  for (let r = from; r < to; r++) {
    const x = map ? map[src[r]!]! : src[r]! + bias;
    buf[p] = x & 0xff;
    buf[p + 1] = (x >>> 8) & 0xff;
    buf[p + 2] = (x >>> 16) & 0xff;
    buf[p + 3] = x >>> 24;
    p += 4;
  }
  return p;
}

/** Encode rows [from, to) of the store (any rows, live or not: the caller passes the rows of one write). */
export function encodeSegment(st: RowStore, from: number, to: number): Buffer {
  const n = to - from;
  const cols: Record<DictKey, Int32Array> = { firm: st.firm, agency: st.agency, field: st.field, officer: st.officer, plan: st.plan, joint: st.joint };
  // local dictionaries: global code → local code, in order of first use (0 kept for none where reserved)
  // (map null: the identity — the rows first use the codes in code order, as a parse worker's part does)
  const local: Record<DictKey, { codes: number[]; map: Int32Array | null }> = {} as never;
  for (const k of DICT_KEYS) {
    const c = cols[k];
    let next = NONE_RESERVED[k] ? 1 : 0;
    let identity = true;
    for (let r = from; r < to; r++) {
      const g = c[r]!;
      if (g >= next) {
        if (g !== next) {
          identity = false;
          break;
        }
        next++;
      }
    }
    if (identity) {
      local[k] = { codes: Array.from({ length: next }, (_, i) => i), map: null };
      continue;
    }
    const dict: CodeDict = st.dicts[k];
    const map = new Int32Array(dict.size).fill(-1);
    const codes: number[] = [];
    if (NONE_RESERVED[k]) {
      map[0] = 0;
      codes.push(0);
    }
    for (let r = from; r < to; r++) {
      const g = c[r]!;
      if (map[g] === -1) {
        map[g] = codes.length;
        codes.push(g);
      }
    }
    local[k] = { codes, map };
  }
  let minDay = 0x7fffffff;
  let maxDay = -0x80000000;
  let idBytes = 0;
  for (let r = from; r < to; r++) {
    const d = st.day[r]!;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
    idBytes += st.idStart[r + 1]! - st.idStart[r]!;
  }
  if (n === 0) minDay = maxDay = 0;
  const dayWidth = widthFor(maxDay - minDay + 1);
  let size = 8;
  const dictBytes: Record<DictKey, number> = {} as never;
  for (const k of DICT_KEYS) {
    let b = 0;
    const dict = st.dicts[k];
    for (const g of local[k].codes) b += 2 + dict.keyLength(g); // Latin-1: a byte a character
    dictBytes[k] = b;
    size += 8 + b;
  }
  size += 6 + 4 + 1;
  for (const k of DICT_KEYS) size += n * widthFor(local[k].codes.length);
  size += n * dayWidth + n + n * 2 + n + idBytes;
  const buf = Buffer.alloc(size);
  let p = 0;
  p = buf.writeUInt32LE(MAGIC, p);
  p = buf.writeUInt32LE(n, p);
  for (const k of DICT_KEYS) {
    p = buf.writeUInt32LE(local[k].codes.length, p);
    p = buf.writeUInt32LE(dictBytes[k], p);
    const dict = st.dicts[k];
    for (const g of local[k].codes) {
      const len = dict.keyLength(g);
      buf[p] = len & 0xff;
      buf[p + 1] = len >>> 8;
      p = dict.writeKey(g, buf, p + 2);
    }
  }
  for (const k of DICT_KEYS) p = buf.writeUInt8(widthFor(local[k].codes.length), p);
  p = buf.writeInt32LE(minDay, p);
  p = buf.writeUInt8(dayWidth, p);
  for (const k of DICT_KEYS) p = putColumn(buf, p, widthFor(local[k].codes.length), cols[k], local[k].map, 0, from, to);
  p = putColumn(buf, p, dayWidth, st.day, null, -minDay, from, to);
  for (let r = from; r < to; r++) buf[p++] = st.kind[r]! | (st.problem[r]! << 7);
  const dur = st.duration;
  for (let r = from; r < to; r++) {
    const x = dur[r]! < 0 ? 0xffff : dur[r]!;
    buf[p] = x & 0xff;
    buf[p + 1] = x >>> 8;
    p += 2;
  }
  const ib = st.idBytes;
  for (let r = from; r < to; r++) buf[p++] = st.idStart[r + 1]! - st.idStart[r]!;
  const i0 = st.idStart[from]!;
  const i1 = st.idStart[to]!;
  ib.copy(buf, p, i0, i1);
  p += i1 - i0;
  if (p !== size) throw new SegmentError(`segment size ${p} != ${size}`);
  return buf;
}

/**
 * Append the records of a segment to the store (as one write: call st.commit() after), its codes mapped onto the
 * store's dictionaries. Returns the number of rows. `bulk`: appended without the id index (RowStore.appendBulk); the
 * caller then rebuilds it (`resolveIndex`), which also retires the older record of an id written again later.
 */
export function decodeSegment(buf: Buffer, st: RowStore, bulk = false): number {
  let p = 0;
  const need = (k: number) => {
    if (p + k > buf.length) throw new SegmentError('segment truncated');
  };
  need(8);
  if (buf.readUInt32LE(0) !== MAGIC) throw new SegmentError('not a segment');
  const n = buf.readUInt32LE(4);
  p = 8;
  const maps: Record<DictKey, Int32Array> = {} as never;
  for (const k of DICT_KEYS) {
    need(8);
    const count = buf.readUInt32LE(p);
    const bytes = buf.readUInt32LE(p + 4);
    p += 8;
    need(bytes);
    const end = p + bytes;
    const map = new Int32Array(count);
    const dict = st.dicts[k];
    for (let i = 0; i < count; i++) {
      if (p + 2 > end) throw new SegmentError('dictionary truncated');
      const len = buf.readUInt16LE(p);
      p += 2;
      if (p + len > end) throw new SegmentError('dictionary truncated');
      const s = buf.toString('latin1', p, p + len);
      p += len;
      map[i] = NONE_RESERVED[k] && i === 0 ? 0 : dict.code(s);
    }
    if (p !== end) throw new SegmentError('dictionary size mismatch');
    maps[k] = map;
  }
  need(6 + 5);
  const widths = DICT_KEYS.map((_, i) => buf[p + i]!);
  p += 6;
  const minDay = buf.readInt32LE(p);
  p += 4;
  const dayWidth = buf[p++]!;
  for (const w of [...widths, dayWidth]) if (w !== 1 && w !== 2 && w !== 4) throw new SegmentError('bad column width');
  const colStart: number[] = [];
  for (let i = 0; i < 6; i++) {
    colStart.push(p);
    p += n * widths[i]!;
  }
  const dayStart = p;
  p += n * dayWidth;
  const kpStart = p;
  p += n;
  const durStart = p;
  p += 2 * n;
  const lenStart = p;
  p += n;
  need(0);
  let idBytes = 0;
  for (let r = 0; r < n; r++) idBytes += buf[lenStart + r]!;
  const idStart0 = p;
  p += idBytes;
  if (p !== buf.length) throw new SegmentError('segment size mismatch');
  // the columns as local codes (a loop per width), every code checked against its dictionary
  const col = (start: number, w: number, limit: number): Int32Array => {
    const out = new Int32Array(n);
    if (w === 1) for (let r = 0; r < n; r++) out[r] = buf[start + r]!;
    else if (w === 2) for (let r = 0, q = start; r < n; r++, q += 2) out[r] = buf[q]! | (buf[q + 1]! << 8);
    else for (let r = 0, q = start; r < n; r++, q += 4) out[r] = (buf[q]! | (buf[q + 1]! << 8) | (buf[q + 2]! << 16) | (buf[q + 3]! << 24)) >>> 0;
    if (limit >= 0) for (let r = 0; r < n; r++) if (out[r]! >= limit) throw new SegmentError('code out of range');
    return out;
  };
  const local = DICT_KEYS.map((k, i) => col(colStart[i]!, widths[i]!, maps[k].length));
  const day = col(dayStart, dayWidth, -1);
  for (let r = 0; r < n; r++) day[r] = day[r]! + minDay;
  const kind = new Uint8Array(n);
  const problem = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const kp = buf[kpStart + r]!;
    kind[r] = kp & 0x7f;
    problem[r] = kp >>> 7;
  }
  const duration = new Int16Array(n);
  for (let r = 0, q = durStart; r < n; r++, q += 2) {
    const x = buf[q]! | (buf[q + 1]! << 8);
    duration[r] = x === 0xffff ? -1 : x;
  }
  const idStart = new Uint32Array(n + 1);
  for (let r = 0; r < n; r++) idStart[r + 1] = idStart[r]! + buf[lenStart + r]!;
  const rows = { n, firm: local[0]!, agency: local[1]!, field: local[2]!, officer: local[3]!, plan: local[4]!, joint: local[5]!, day, kind, problem, duration, idBytes: buf.subarray(idStart0, idStart0 + idBytes), idStart };
  const map = { firm: maps.firm, agency: maps.agency, field: maps.field, officer: maps.officer, plan: maps.plan, joint: maps.joint };
  if (bulk) st.appendBulk(rows, map);
  else {
    st.reserve(n);
    for (let r = 0; r < n; r++) st.push(rows.idBytes, idStart[r]!, idStart[r + 1]!, map.firm[rows.firm[r]!]!, map.agency[rows.agency[r]!]!, map.field[rows.field[r]!]!, map.officer[rows.officer[r]!]!, kind[r]!, map.plan[rows.plan[r]!]!, map.joint[rows.joint[r]!]!, day[r]!, problem[r]!, duration[r]!);
  }
  return n;
}
