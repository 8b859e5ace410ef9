import { Buffer } from 'node:buffer';
import { ENFORCEMENT_FIELDS, INSPECTION_CSV_COLUMNS, INSPECTION_KINDS } from '../../../common/contracts/enforcement-columns';
import { CREDIT_CODE_CHARSET, CREDIT_CODE_WEIGHTS, REGISTRATION_AUTHORITIES } from '../../../common/validators';
import { KIND_CODE, dayString, daysFromCivil } from './detections/columns';
import type { AgencyInfo, InspectionRecord } from './enforcement.import.validate';

/**
 * Byte-level fast path of the inspection CSV import (issue 5).
 *
 * `readCsvFile` + `CsvParser` + `validateInspection` make a string per field and a record object per row: at 10
 * million rows that is most of the import. `FastInspectionReader` reads the same bytes, splits them into the same
 * records with the same numbers, and for every record that is canonical and valid (no quote, 13 fields, nothing that
 * `.trim()` or `normalizeCreditCode` would change, every check of `validateInspection` passed) hands out dictionary
 * codes straight from the bytes, without making strings. Every other record — the header, quoted records, records
 * with the wrong number of fields, anything invalid or merely non-canonical — goes to `slow` with exactly the fields
 * `CsvParser` would give it, for the caller to validate as before. The contract is equivalence: a fast row is the
 * record `validateInspection` would return for that record (inspection-csv-fast.test.ts checks it with fast-check).
 */

// ---------------------------------------------------------------------------------------------------------------
// ByteDict

const EMPTY = new Uint8Array(0);

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** words[o ..] hold exactly b[s..e) packed little-endian (the last word zero-padded). */
function sameWords(words: Int32Array, o: number, b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  for (; i + 4 <= e; i += 4, o++) if (words[o] !== (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24))) return false;
  if (i < e) {
    let w = b[i]!;
    if (i + 1 < e) w |= b[i + 1]! << 8;
    if (i + 2 < e) w |= b[i + 2]! << 16;
    if (words[o] !== w) return false;
  }
  return true;
}

/** Int32s per slot: code + 1 (0 = empty), hash, length, then the key inline (≤ INLINE bytes) or its offset in `ordered`. */
const SLOT = 8;
const INLINE = (SLOT - 3) * 4;

/**
 * String dictionary (string → dense code) keyed by bytes: the `CodeDict` of detections/columns.ts — same
 * `values`, `code`, `lookup`, `size`, and code 0 = '' reserved (and not looked up) when `reserveNone` — that can also
 * code a key straight from a byte range (`codeBytes`, the bytes read as Latin-1) without making a string unless the key
 * is new.
 *
 * Open addressing with linear probing, load ≤ 0.6, over one Int32Array of 32-byte slots: code, hash, length and the
 * key itself, packed little-endian into five words when it has at most 20 bytes (a credit code has 18), so that a hit
 * reads one cache line — at 1.25 million firms every other lookup misses the cache, and a second read (the key's
 * bytes elsewhere) would double that. Longer keys are compared in the keys' bytes in code order (`ordered`, which
 * `packed`/`writeKey` read too), the slot holding their offset. The
 * hash mixes the key's 32-bit words (multiply, xorshift), with murmur3's finaliser. Strings with a character above
 * U+00FF, which Latin-1 cannot hold (so no byte range can equal them), are coded through a side Map, in the same code
 * space.
 */
export class ByteDict {
  readonly values: string[];
  private slots: Int32Array;
  private mask: number;
  private used = 0;
  private wide: Map<string, number> | null = null;
  private scratch: Uint8Array = new Uint8Array(64);
  /** every key's bytes in code order (a wide key and the reserved none: none), code c at [keyStart[c], keyStart[c + 1]) */
  private ordered: Uint8Array;
  private keyStart: Uint32Array;

  /**
   * capacity: keys expected (the table is sized for them up front instead of growing step by step).
   * strings = false: no string is made for a key coded from bytes — `values` then holds '' in its place (only wide keys
   * keep theirs) and the keys are read as bytes (`packed`, `keyLength`, `writeKey`): a parse worker's dictionaries,
   * whose million firm keys only travel to the main thread as bytes (making and packing the strings cost ~1 s a part).
   */
  constructor(
    reserveNone: boolean,
    capacity = 0,
    private readonly strings = true,
  ) {
    this.values = reserveNone ? [''] : [];
    let cap = 16;
    while (cap * 0.6 < capacity) cap *= 2;
    this.slots = new Int32Array(SLOT * cap);
    this.mask = cap - 1;
    this.keyStart = new Uint32Array(Math.max(16, capacity) + 1);
    this.ordered = new Uint8Array(Math.max(64, capacity * 20));
  }

  /** Append the bytes of the next code's key (none for a wide key or the reserved none) to the ordered keys. */
  private appendKey(code: number, b: Uint8Array | null, s: number, len: number): void {
    if (code + 1 >= this.keyStart.length) {
      const ks = new Uint32Array(this.keyStart.length * 2);
      ks.set(this.keyStart);
      this.keyStart = ks;
    }
    const at = this.keyStart[code]!;
    if (b && len) {
      if (at + len > this.ordered.length) {
        const o = new Uint8Array(Math.max(this.ordered.length * 2, at + len));
        o.set(this.ordered.subarray(0, at));
        this.ordered = o;
      }
      // byte by byte: a subarray per key (a Buffer view) cost more than the copy (~0.1 s a million keys)
      const o = this.ordered;
      for (let i = 0; i < len; i++) o[at + i] = b[s + i]!;
    }
    this.keyStart[code + 1] = at + (b ? len : 0);
  }

  get size(): number {
    return this.values.length;
  }

  /** Hash of the key b[s..e): its little-endian 32-bit words (the last zero-padded) mixed, murmur3's finaliser. */
  hashBytes(b: Uint8Array, s: number, e: number): number {
    let h = Math.imul(e - s, 0x9e3779b1) ^ 0x2545f491;
    let i = s;
    for (; i + 4 <= e; i += 4) {
      h = Math.imul(h ^ (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)), 0x9e3779b1);
      h ^= h >>> 15;
    }
    if (i < e) {
      let w = b[i]!;
      if (i + 1 < e) w |= b[i + 1]! << 8;
      if (i + 2 < e) w |= b[i + 2]! << 16;
      h = Math.imul(h ^ w, 0x9e3779b1);
      h ^= h >>> 15;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h;
  }

  /**
   * Reads the first slot a key of hash h probes and returns a word of it: nothing else. Called for many keys in a
   * row before looking them up, it lets their cache misses overlap (see FastInspectionReader.run).
   */
  touch(h: number): number {
    return this.slots[(h & this.mask) * SLOT]!;
  }

  /** Slot index (in Int32s) of the key b[s..s+len), or −(slot + 1) of the empty slot where it would go. */
  private find(b: Uint8Array, s: number, len: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const o = i * SLOT;
      const c1 = slots[o]!;
      if (c1 === 0) return -(o + 1);
      if (slots[o + 1] === h && slots[o + 2] === len && (len <= INLINE ? sameWords(slots, o + 3, b, s, s + len) : this.sameKey(slots[o + 3]!, b, s, len))) return o;
      i = (i + 1) & mask;
    }
  }

  private sameKey(ks: number, b: Uint8Array, s: number, len: number): boolean {
    const keys = this.ordered;
    for (let k = 0; k < len; k++) if (keys[ks + k] !== b[s + k]) return false;
    return true;
  }

  private insert(b: Uint8Array, s: number, len: number, h: number, o: number, value: string | undefined): number {
    const code = this.values.length;
    this.values.push(value ?? '');
    this.appendKey(code, b, s, len);
    const slots = this.slots;
    slots[o] = code + 1;
    slots[o + 1] = h;
    slots[o + 2] = len;
    if (len <= INLINE) {
      for (let k = 0; k < len; k++) slots[o + 3 + (k >> 2)]! |= b[s + k]! << ((k & 3) * 8);
    } else slots[o + 3] = this.keyStart[code]!; // appendKey put the bytes there
    if (++this.used * 5 > (this.mask + 1) * 3) this.grow();
    return code;
  }

  /** Room for `more` keys beyond the present ones without growing on the way (a bulk merge). */
  reserve(more: number): void {
    let cap = this.mask + 1;
    while (cap * 0.6 < this.values.length + more) cap *= 2;
    if (cap > this.mask + 1) this.grow(cap);
  }

  private grow(to = 0): void {
    const old = this.slots;
    const cap = Math.max(to, (this.mask + 1) * 2);
    const slots = new Int32Array(SLOT * cap);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += SLOT) {
      if (old[j] === 0) continue;
      let i = old[j + 1]! & mask;
      while (slots[i * SLOT] !== 0) i = (i + 1) & mask;
      const o = i * SLOT;
      for (let k = 0; k < SLOT; k++) slots[o + k] = old[j + k]!;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The key as Latin-1 bytes in `scratch` (its length), or −1 if it has a character above U+00FF. */
  private encode(s: string): number {
    const n = s.length;
    if (n > this.scratch.length) this.scratch = new Uint8Array(Math.max(n, this.scratch.length * 2));
    const sc = this.scratch;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) return -1;
      sc[i] = c;
    }
    return n;
  }

  /** The code of s, a new one if it is new (same semantics as Dict.code). */
  code(s: string): number {
    const n = this.encode(s);
    if (n < 0) {
      this.wide ??= new Map();
      let c = this.wide.get(s);
      if (c === undefined) {
        c = this.values.length;
        this.values.push(s);
        this.appendKey(c, null, 0, 0);
        this.wide.set(s, c);
      }
      return c;
    }
    const h = this.hashBytes(this.scratch, 0, n);
    const o = this.find(this.scratch, 0, n, h);
    if (o >= 0) return this.slots[o]! - 1;
    return this.insert(this.scratch, 0, n, h, -o - 1, s);
  }

  /** The code of s, or undefined (same semantics as Dict.lookup). */
  lookup(s: string): number | undefined {
    const n = this.encode(s);
    if (n < 0) return this.wide?.get(s);
    const o = this.find(this.scratch, 0, n, this.hashBytes(this.scratch, 0, n));
    return o >= 0 ? this.slots[o]! - 1 : undefined;
  }

  /** code(b[start..end) read as Latin-1): no string is made unless the key is new. */
  codeBytes(b: Uint8Array, start: number, end: number): number {
    const h = this.hashBytes(b, start, end);
    const o = this.find(b, start, end - start, h);
    if (o >= 0) return this.slots[o]! - 1;
    return this.insert(b, start, end - start, h, -o - 1, this.strings ? asBuffer(b).toString('latin1', start, end) : undefined);
  }

  /** lookup(b[start..end) read as Latin-1), −1 for none: no string is made. */
  lookupBytes(b: Uint8Array, start: number, end: number): number {
    const o = this.find(b, start, end - start, this.hashBytes(b, start, end));
    return o >= 0 ? this.slots[o]! - 1 : -1;
  }

  /** lookupBytes with the key's hash already computed (hashBytes). */
  lookupHashed(b: Uint8Array, start: number, end: number, h: number): number {
    const o = this.find(b, start, end - start, h);
    return o >= 0 ? this.slots[o]! - 1 : -1;
  }

  /** The key of a code, its length in bytes (Latin-1; a wide key: its length in UTF-16 units, as its string). */
  keyLength(code: number): number {
    return this.keyStart[code + 1]! - this.keyStart[code]! || this.values[code]!.length;
  }

  /** Write the key of a code at buf[p ..] as Latin-1 bytes (a wide key: each UTF-16 unit's low byte); returns the end. */
  writeKey(code: number, buf: Uint8Array, p: number): number {
    const s0 = this.keyStart[code]!;
    const s1 = this.keyStart[code + 1]!;
    if (s1 === s0) {
      const v = this.values[code]!;
      for (let i = 0; i < v.length; i++) buf[p + i] = v.charCodeAt(i) & 0xff;
      return p + v.length;
    }
    const o = this.ordered;
    for (let i = s0; i < s1; i++) buf[p++] = o[i]!;
    return p;
  }

  /**
   * Every key in code order as one Latin-1 byte buffer with offsets — what packStrings(values, 'latin1') gives, read
   * from the table's bytes (no string made): a wide key is left empty in the buffer and listed with its string.
   */
  packed(): { bytes: Uint8Array; starts: Uint32Array; encoding: 'latin1'; wide: [number, string][] } {
    const n = this.values.length;
    const starts = this.keyStart.slice(0, n + 1);
    const wide: [number, string][] = this.wide ? [...this.wide].map(([v, c]): [number, string] => [c, v]).sort((a, b) => a[0] - b[0]) : [];
    return { bytes: this.ordered.slice(0, starts[n]!), starts, encoding: 'latin1', wide };
  }

  /** The hash table as plain arrays (moved to another thread without copying, then `adopt`ed there). */
  tableState(): ByteDictTable {
    return { slots: this.slots, mask: this.mask, used: this.used, wide: this.wide ? [...this.wide] : [], ordered: this.ordered, keyStart: this.keyStart };
  }

  /** No key coded yet (only the reserved none, if any). */
  isEmpty(): boolean {
    return this.used === 0 && !this.wide && this.values.length <= 1;
  }

  /**
   * Become the dictionary whose table is `t` and whose values are `values` (in code order), in place: an empty
   * dictionary takes a worker's instead of coding its keys one by one again (the parallel import's first part). The
   * same codes, lookups and later insertions as the original (tested).
   */
  adopt(t: ByteDictTable, values: readonly string[]): void {
    if (!this.isEmpty()) throw new Error('ByteDict.adopt: not empty');
    const none = this.values.length === 1;
    if ((t.mask + 1) * SLOT !== t.slots.length || values.length !== (none ? 1 : 0) + t.used + t.wide.length || (none && values[0] !== '')) throw new Error('ByteDict.adopt: table and values disagree');
    this.slots = t.slots;
    this.mask = t.mask;
    this.used = t.used;
    this.wide = t.wide.length ? new Map(t.wide) : null;
    this.ordered = t.ordered;
    this.keyStart = t.keyStart;
    this.values.length = 0;
    for (let i = 0; i < values.length; i++) this.values.push(values[i]!);
  }
}

/** A ByteDict's hash table (tableState / adopt). */
export interface ByteDictTable {
  slots: Int32Array;
  mask: number;
  used: number;
  wide: [string, number][];
  ordered: Uint8Array;
  keyStart: Uint32Array;
}

// ---------------------------------------------------------------------------------------------------------------
// Byte-level checks, each the exact counterpart of a check in validateInspection on a field that needs no trimming

/** Record ids: /^[\x21-\x2b\x2d-\x7e]{1,64}$/ (the comma cannot occur inside a split field). */
function idOk(b: Uint8Array, s: number, e: number): boolean {
  const n = e - s;
  if (n < 1 || n > 64) return false;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** Credit-code character values (−1: not in the charset) and the registration-authority first characters. */
const CREDIT_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < CREDIT_CODE_CHARSET.length; i++) CREDIT_VALUE[CREDIT_CODE_CHARSET.charCodeAt(i)] = i;
const CREDIT_AUTHORITY = new Uint8Array(256);
for (const k of Object.keys(REGISTRATION_AUTHORITIES)) if (k.length === 1 && k.charCodeAt(0) < 0x80) CREDIT_AUTHORITY[k.charCodeAt(0)] = 1;
const CREDIT_WEIGHTS = Int32Array.from(CREDIT_CODE_WEIGHTS);
const CREDIT_CHECK_BYTE = Uint8Array.from(CREDIT_CODE_CHARSET, (c) => c.charCodeAt(0));

/** isValidCreditCode on 18 bytes that normalizeCreditCode leaves unchanged (charset characters are upper-case ASCII). */
function creditOk(b: Uint8Array, s: number): boolean {
  const c0 = b[s]!;
  if (CREDIT_AUTHORITY[c0] !== 1 || CREDIT_VALUE[c0]! < 0) return false;
  const c1 = b[s + 1]!;
  if (c1 < 0x31 || c1 > 0x39) return false;
  for (let i = 2; i < 8; i++) {
    const c = b[s + i]!;
    if (c < 0x30 || c > 0x39) return false;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_VALUE[b[s + i]!]!;
    if (v < 0) return false;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return b[s + 17] === CREDIT_CHECK_BYTE[(31 - (sum % 31)) % 31];
}

/** Code points that String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimSpace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

/** UTF-16 length of well-formed UTF-8 (RFC 3629: no overlongs, surrogates or code points above U+10FFFF), or −1. */
export function utf8Units(b: Uint8Array, s: number, e: number): number {
  let units = 0;
  let i = s;
  while (i < e) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      units++;
    } else if (c < 0xc2) return -1;
    else if (c < 0xe0) {
      if (i + 1 >= e || (b[i + 1]! & 0xc0) !== 0x80) return -1;
      i += 2;
      units++;
    } else if (c < 0xf0) {
      if (i + 2 >= e) return -1;
      const c1 = b[i + 1]!;
      if ((c1 & 0xc0) !== 0x80 || (c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0) || (b[i + 2]! & 0xc0) !== 0x80) return -1;
      i += 3;
      units++;
    } else if (c < 0xf5) {
      if (i + 3 >= e) return -1;
      const c1 = b[i + 1]!;
      if ((c1 & 0xc0) !== 0x80 || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90) || (b[i + 2]! & 0xc0) !== 0x80 || (b[i + 3]! & 0xc0) !== 0x80) return -1;
      i += 4;
      units += 2;
    } else return -1;
  }
  return units;
}

/** A target_name that validateInspection keeps as it is: well-formed UTF-8, 1–200 UTF-16 units, nothing to trim. */
function nameOk(b: Uint8Array, s: number, e: number): boolean {
  const units = utf8Units(b, s, e);
  if (units < 1 || units > 200) return false;
  // first code point
  const c = b[s]!;
  let cp = c < 0x80 ? c : c < 0xe0 ? ((c & 0x1f) << 6) | (b[s + 1]! & 0x3f) : c < 0xf0 ? ((c & 0x0f) << 12) | ((b[s + 1]! & 0x3f) << 6) | (b[s + 2]! & 0x3f) : 0x10000;
  if (isTrimSpace(cp)) return false;
  // last code point: back over continuation bytes (well-formed, so at most 3)
  let j = e - 1;
  while ((b[j]! & 0xc0) === 0x80) j--;
  const l = b[j]!;
  const n = e - j;
  cp = n === 1 ? l : n === 2 ? ((l & 0x1f) << 6) | (b[j + 1]! & 0x3f) : n === 3 ? ((l & 0x0f) << 12) | ((b[j + 1]! & 0x3f) << 6) | (b[j + 2]! & 0x3f) : 0x10000;
  return !isTrimSpace(cp);
}

/**
 * End of the quoted record that starts at pos (the position after its terminator, or n at the end of the input), or
 * −1 if the bytes so far do not decide it: CsvParser.parseQuoted's state machine on bytes. Every byte it decides on
 * (`"` `,` CR LF) is ASCII, and UTF-8 (even malformed, decoded with U+FFFD) never turns an ASCII byte into anything
 * but itself, so positions correspond one to one.
 */
export function scanQuotedRecord(b: Uint8Array, pos: number, n: number, final: boolean): number {
  let i = pos;
  for (;;) {
    if (i < n && b[i] === 34) {
      i++;
      for (;;) {
        let q = b.indexOf(34, i);
        if (q >= n) q = -1;
        if (q < 0) {
          if (!final) return -1;
          i = n;
          break;
        }
        if (q + 1 < n && b[q + 1] === 34) {
          i = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return -1;
        i = q + 1;
        break;
      }
    }
    while (i < n) {
      const c = b[i]!;
      if (c === 44 || c === 10 || c === 13) break;
      i++;
    }
    if (i >= n) return final ? n : -1;
    const c = b[i]!;
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 13) {
      if (i + 1 >= n && !final) return -1;
      i += i + 1 < n && b[i + 1] === 10 ? 2 : 1;
    } else i++;
    return i;
  }
}

/**
 * The fields of one complete record s (decoded from the bytes scanQuotedRecord delimited, its terminator included):
 * CsvParser.parseQuoted with `final`, line for line. (A fresh CsvParser fed the same bytes is not the same thing: a
 * record ended by a lone CR before the line's quote, e.g. `\r"a",b`, would be a blank line to it.)
 */
export function parseQuotedRecord(s: string): string[] {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  const n = s.length;
  for (;;) {
    if (i < n && s.charCodeAt(i) === 34) {
      // quoted field
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          field += s.slice(i);
          i = n;
          break;
        }
        field += s.slice(i, q);
        if (q + 1 < n && s.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // up to the separator (text after a closing quote is kept as is)
      const st = i;
      while (i < n) {
        const ch = s.charCodeAt(i);
        if (ch === 44 || ch === 10 || ch === 13) break;
        i++;
      }
      field += s.slice(st, i);
    } else {
      const st = i;
      while (i < n) {
        const ch = s.charCodeAt(i);
        if (ch === 44 || ch === 10 || ch === 13) break;
        i++;
      }
      field = s.slice(st, i);
    }
    fields.push(field);
    field = '';
    if (i < n && s.charCodeAt(i) === 44) {
      i++;
      continue;
    }
    return fields; // end of input or of the record (CR, LF)
  }
}

/** A few short keys (agencies, fields, kinds) → their index: a cheap byte hash into a sparse table, bytes compared. */
export class SmallKeys {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly start: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly mask: number;

  /** keys: Latin-1 strings (bytes = char codes), distinct */
  constructor(keys: readonly string[]) {
    let size = 64;
    while (size < keys.length * 8) size *= 2;
    this.mask = size - 1;
    this.head = new Int32Array(size);
    this.next = new Int32Array(keys.length);
    this.start = new Int32Array(keys.length + 1);
    this.bytes = Buffer.from(keys.join(''), 'latin1');
    keys.forEach((k, i) => {
      this.start[i + 1] = this.start[i]! + k.length;
      const h = SmallKeys.hash(this.bytes, this.start[i]!, this.start[i + 1]!) & this.mask;
      this.next[i] = this.head[h]!;
      this.head[h] = i + 1;
    });
  }

  private static hash(b: Uint8Array, s: number, e: number): number {
    let h = e - s;
    for (let i = s; i < e; i++) h = (Math.imul(h, 31) + b[i]!) | 0;
    return h ^ (h >>> 7);
  }

  /** Index of the key b[s..e), or −1. */
  find(b: Uint8Array, s: number, e: number): number {
    const len = e - s;
    const bytes = this.bytes;
    for (let k = this.head[SmallKeys.hash(b, s, e) & this.mask]! - 1; k >= 0; k = this.next[k]! - 1) {
      const ks = this.start[k]!;
      if (this.start[k + 1]! - ks !== len) continue;
      let i = 0;
      while (i < len && bytes[ks + i] === b[s + i]) i++;
      if (i === len) return k;
    }
    return -1;
  }
}

/** Day numbers of 1 January and leap flags of the years isValidDate admits (1900–2999). */
const YEAR0 = 1900;
const YEAR_START = Int32Array.from({ length: 1100 }, (_, i) => daysFromCivil(YEAR0 + i, 1, 1));
const YEAR_LEAP = Uint8Array.from({ length: 1100 }, (_, i) => {
  const y = YEAR0 + i;
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
});
/** days before month m (1–12) in a common year, and the month lengths */
const MONTH_START = Int32Array.from([0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]);
const MONTH_DAYS = Int32Array.from([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);

// ---------------------------------------------------------------------------------------------------------------
// FastInspectionReader

export interface InspectionDicts {
  firm: ByteDict;
  agency: ByteDict;
  field: ByteDict;
  officer: ByteDict;
  plan: ByteDict;
  joint: ByteDict;
}

/**
 * One accepted record, handed to `FastInspectionSink.row`. The same object is reused for every row and `buf` is the
 * reader's current buffer: read what you need during the call and keep nothing else.
 */
export class FastRow {
  recordNo = 0;
  /**
   * bytes of the record; the whole record (one line, no quote) = buf[idStart .. lineEnd) (CR LF / LF not included),
   * id = buf[idStart .. idEnd) (ASCII), target_name = buf[nameStart .. nameEnd) (UTF-8)
   */
  buf: Uint8Array = EMPTY;
  idStart = 0;
  idEnd = 0;
  lineEnd = 0;
  nameStart = 0;
  nameEnd = 0;
  /** codes in the reader's dicts; plan and joint 0 = none */
  firm = 0;
  agency = 0;
  field = 0;
  officer = 0;
  plan = 0;
  joint = 0;
  /** KIND_CODE of the kind */
  kind = 0;
  /** dayNumber(inspected_on) */
  day = 0;
  problem = 0;
  /** minutes, −1 = empty */
  duration = -1;
  /** inspection_id as a string (made on each call). */
  id(): string {
    return asBuffer(this.buf).toString('latin1', this.idStart, this.idEnd);
  }
  /** The record's CSV fields (one line without a quote: split at commas), e.g. for an error report. */
  fields(): string[] {
    return asBuffer(this.buf).toString('utf8', this.idStart, this.lineEnd).split(',');
  }
  /** target_name as a string (made on each call). */
  targetName(): string {
    return asBuffer(this.buf).toString('utf8', this.nameStart, this.nameEnd);
  }
}

export interface FastInspectionSink {
  /** A record the fast path accepts: validateInspection would return exactly this record (see fastRowRecord). */
  row(r: FastRow): void;
  /**
   * Any other record — the header (always), quoted records, malformed, invalid or non-canonical ones — with its
   * fields exactly as CsvParser gives them and its record number as readCsvFile gives it (header = 1).
   */
  slow(fields: string[], recordNo: number): void;
}

export interface FastInspectionReaderOptions {
  /** as given to validateInspection; read once, when the reader is made */
  agencies: ReadonlyMap<string, AgencyInfo>;
  /** Beijing date 'YYYY-MM-DD', as given to validateInspection */
  today: string;
  dicts: InspectionDicts;
  sink: FastInspectionSink;
}

const KIND_NAME_OF: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k]));
const KIND_NAMES = Object.keys(INSPECTION_KINDS).filter((k) => Object.hasOwn(KIND_CODE, k));
/** the fields the fast path knows: one bit each in an agency's mask (any beyond 31 take the slow path) */
const FIELD_NAMES = Object.keys(ENFORCEMENT_FIELDS).slice(0, 31);
const COLUMNS = INSPECTION_CSV_COLUMNS.length;
const BATCH = 64;
const NAME_SLOT = 8;
const NAME_INLINE = (NAME_SLOT - 1) * 4;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The InspectionRecord a fast row stands for (its strings from the dicts): what validateInspection returns. */
export function fastRowRecord(r: FastRow, dicts: InspectionDicts): InspectionRecord {
  return {
    id: r.id(),
    agencyCode: dicts.agency.values[r.agency]!,
    officerId: dicts.officer.values[r.officer]!,
    targetCreditCode: dicts.firm.values[r.firm]!,
    targetName: r.targetName(),
    field: dicts.field.values[r.field]!,
    kind: KIND_NAME_OF[r.kind]!,
    planId: r.plan === 0 ? null : dicts.plan.values[r.plan]!,
    jointId: r.joint === 0 ? null : dicts.joint.values[r.joint]!,
    inspectedOn: dayString(r.day),
    foundProblem: r.problem,
    durationMinutes: r.duration < 0 ? null : r.duration,
  };
}

/**
 * Streaming reader: `push` bytes (any chunk boundaries), then `end`. Records go to the sink in file order, each to
 * exactly one of `row` / `slow`, numbered as readCsvFile numbers them (header = 1; blank lines are not records).
 * Also keeps the last target_name per firm code (`firmName`) over fast rows and `setFirmName` calls, in call order,
 * storing name bytes and decoding only on request.
 */
export class FastInspectionReader {
  private readonly sink: FastInspectionSink;
  private readonly dicts: InspectionDicts;
  private readonly today: string;
  /** today as yyyymmdd when it is 'dddd-dd-dd' (string order = numeric order), else −1 (byte-wise compare) */
  private readonly todayYmd: number;
  // lookup tables: agencies eligible for the fast path (ASCII code that trim leaves unchanged), fields, kinds
  private readonly agencyTab: SmallKeys;
  private readonly agencyFields: Int32Array;
  private readonly agencyOut: Int32Array;
  private readonly fieldTab = new SmallKeys(FIELD_NAMES);
  private readonly fieldOut: Int32Array;
  private readonly kindTab = new SmallKeys(KIND_NAMES);
  private readonly kindCode: Uint8Array;
  // input state
  private buf: Buffer = Buffer.allocUnsafe(1 << 16);
  private len = 0;
  private bomDone = false;
  private headerDone = false;
  private ended = false;
  private recordNo = 1;
  // the current batch of lines: start, end (CR dropped), comma count, commas (the first 12 of each), firm code or −1
  private readonly lineStart = new Int32Array(BATCH);
  private readonly lineEnd = new Int32Array(BATCH);
  private readonly lineCommas = new Int32Array(BATCH);
  private readonly commas = new Int32Array(BATCH * (COLUMNS - 1));
  private readonly firmGuess = new Int32Array(BATCH);
  private readonly firmHash = new Int32Array(BATCH);
  /** xor of the name records' first words read ahead (kept so that the reads are not optimised away) */
  private touched = 0;
  private readonly rowObj = new FastRow();
  /**
   * Firm names, NAME_SLOT Int32s per firm code: the byte length of the last fast row's name (0: none, or a string set
   * by setFirmName, in nameStr), then the bytes packed into words (≤ NAME_INLINE bytes) or their offset in `pool`. A
   * row whose name equals the stored bytes reads one cache line and decodes nothing.
   */
  private names = new Int32Array(0);
  private hasName = new Uint8Array(0);
  private nameStr: (string | undefined)[] = [];
  private pool: Uint8Array = EMPTY;
  private poolLen = 0;

  constructor(opts: FastInspectionReaderOptions) {
    this.sink = opts.sink;
    this.dicts = opts.dicts;
    this.today = opts.today;
    this.todayYmd = /^\d{4}-\d{2}-\d{2}$/.test(opts.today) ? +opts.today.slice(0, 4) * 10000 + +opts.today.slice(5, 7) * 100 + +opts.today.slice(8, 10) : -1;
    this.fieldOut = new Int32Array(FIELD_NAMES.length).fill(-1);
    this.kindCode = Uint8Array.from(KIND_NAMES, (k) => KIND_CODE[k as keyof typeof KIND_CODE]);
    const masks: number[] = [];
    const agencyCodes: string[] = [];
    for (const [code, info] of opts.agencies) {
      if (!isAscii(code) || code.trim() !== code) continue;
      let m = 0;
      FIELD_NAMES.forEach((f, j) => {
        if (info.fields.size === 0 || info.fields.has(f)) m |= 1 << j;
      });
      agencyCodes.push(code);
      masks.push(m);
    }
    this.agencyTab = new SmallKeys(agencyCodes);
    this.agencyFields = Int32Array.from(masks);
    this.agencyOut = new Int32Array(masks.length).fill(-1);
  }

  push(chunk: Buffer): void {
    if (this.ended) throw new Error('FastInspectionReader: push after end');
    if (chunk.length === 0) return;
    let data: Buffer;
    if (this.len === 0 && this.bomDone) data = chunk;
    else {
      this.append(chunk);
      data = this.buf.subarray(0, this.len);
    }
    let p = 0;
    if (!this.bomDone) {
      const n = data.length;
      if (n < 3 && data[0] === 0xef && (n < 2 || data[1] === 0xbb)) return; // a BOM's prefix: wait
      this.bomDone = true;
      if (n >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) p = 3;
    }
    p = this.run(data, p, false);
    const rest = data.length - p;
    if (data === chunk) {
      if (rest > 0) {
        this.len = 0;
        this.append(chunk.subarray(p));
      }
    } else {
      this.buf.copyWithin(0, p, this.len);
      this.len = rest;
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    const data = this.buf.subarray(0, this.len);
    let p = 0;
    if (!this.bomDone) {
      this.bomDone = true;
      if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) p = 3;
    }
    this.run(data, p, true);
    this.len = 0;
  }

  /** Bytes held from earlier chunks (the next push's records start that many bytes before the chunk) — lead's addition. */
  get pendingBytes(): number {
    return this.len;
  }

  /** The last target_name of a firm code (fast rows and setFirmName, in call order), or undefined. */
  firmName(code: number): string | undefined {
    if (code < 0 || code >= this.hasName.length || this.hasName[code] !== 1) return undefined;
    const o = code * NAME_SLOT;
    const len = this.names[o]!;
    if (len === 0) return this.nameStr[code];
    if (len > NAME_INLINE) return asBuffer(this.pool).toString('utf8', this.names[o + 1]!, this.names[o + 1]! + len);
    const bytes = Buffer.allocUnsafe(len);
    for (let i = 0; i < len; i++) bytes[i] = (this.names[o + 1 + (i >> 2)]! >>> ((i & 3) * 8)) & 0xff;
    return bytes.toString('utf8');
  }

  setFirmName(code: number, name: string): void {
    this.ensureFirms(code);
    this.hasName[code] = 1;
    this.names[code * NAME_SLOT] = 0; // the next fast row of this firm compares nothing: it checks and stores its own bytes
    this.nameStr[code] = name;
  }

  private append(chunk: Uint8Array): void {
    const need = this.len + chunk.length;
    if (need > this.buf.length) {
      const b = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(b, 0, 0, this.len);
      this.buf = b;
    }
    this.buf.set(chunk, this.len);
    this.len = need;
  }

  /**
   * Emits the complete records of data[p ..); returns where the incomplete rest starts (data.length if none). Lines
   * are taken BATCH at a time: split first, then every line's firm is looked up (its slot and its name record read) in
   * one tight loop — at a million firms these reads miss the cache, and independent misses in a row overlap — and only
   * then are the lines checked and emitted, in order. A quoted record ends a batch.
   */
  private run(data: Buffer, p: number, final: boolean): number {
    const n = data.length;
    const cm = this.commas;
    const ls = this.lineStart;
    const le = this.lineEnd;
    const lc = this.lineCommas;
    const fg = this.firmGuess;
    while (p < n) {
      // 1. split up to BATCH complete lines without a quote (where CsvParser splits on commas)
      let m = 0;
      let q = p;
      let stop = 0; // 1: a line with a quote (CsvParser parses a quoted record) at q; 2: an incomplete line at q
      while (m < BATCH && q < n) {
        const base = m * (COLUMNS - 1);
        let i = q;
        let nc = 0;
        let quote = false;
        for (; i < n; i++) {
          const c = data[i]!;
          if (c <= 44) {
            if (c === 10) break;
            if (c === 44) {
              if (nc < COLUMNS - 1) cm[base + nc] = i;
              nc++;
            } else if (c === 34) quote = true;
          }
        }
        if (i >= n && !final) {
          stop = 2;
          break;
        }
        if (quote) {
          stop = 1;
          break;
        }
        let end = i;
        if (end > q && data[end - 1] === 13) end--;
        ls[m] = q;
        le[m] = end;
        lc[m] = nc;
        m++;
        q = i + 1;
      }
      // 2. the firms known so far (−1: new, or not a candidate): hashes, then the slots touched in a tight loop (the
      // misses overlap), then the lookups (now cache hits), then the name records touched likewise
      fg.fill(-1, 0, m);
      if (this.headerDone) {
        const firms = this.dicts.firm;
        const fh = this.firmHash;
        let touch = 0;
        for (let j = 0; j < m; j++) {
          const k = j * (COLUMNS - 1);
          if (lc[j] === COLUMNS - 1 && cm[k + 4]! - cm[k + 3]! === 19) {
            fh[j] = firms.hashBytes(data, cm[k + 3]! + 1, cm[k + 4]!);
            fg[j] = 0;
          }
        }
        for (let j = 0; j < m; j++) if (fg[j] === 0) touch ^= firms.touch(fh[j]!);
        for (let j = 0; j < m; j++) {
          if (fg[j] !== 0) continue;
          const k = j * (COLUMNS - 1);
          fg[j] = firms.lookupHashed(data, cm[k + 3]! + 1, cm[k + 4]!, fh[j]!);
        }
        const names = this.names;
        for (let j = 0; j < m; j++) {
          const o = fg[j]! * NAME_SLOT;
          if (o >= 0 && o < names.length) touch ^= names[o]!;
        }
        this.touched ^= touch;
      }
      // 3. the records, in order
      for (let j = 0; j < m; j++) {
        const s = ls[j]!;
        const end = le[j]!;
        if (end <= s) continue; // blank line: no record
        const no = this.recordNo++;
        if (lc[j] !== COLUMNS - 1 || !this.headerDone || !this.fast(data, s, end, j * (COLUMNS - 1), fg[j]!, no)) {
          this.headerDone = true;
          this.sink.slow(data.toString('utf8', s, end).split(','), no);
        }
      }
      p = q;
      if (stop === 2) return p;
      if (stop === 1) {
        const r = scanQuotedRecord(data, p, n, final);
        if (r < 0) return p;
        this.slowQuoted(data, p, r);
        p = r;
      }
    }
    return Math.min(p, n);
  }

  private slowQuoted(data: Buffer, p: number, r: number): void {
    this.headerDone = true;
    this.sink.slow(parseQuotedRecord(data.toString('utf8', p, r)), this.recordNo++);
  }

  /**
   * Checks one unquoted 13-field record (its commas at commas[k ..]); emits it as a row and returns true, or returns
   * false (nothing coded). firmGuess: the firm's code if it was known when the batch was split, else −1.
   */
  private fast(b: Buffer, p: number, end: number, k: number, firmGuess: number, no: number): boolean {
    const cm = this.commas;
    const c0 = cm[k]!;
    const c1 = cm[k + 1]!;
    const c2 = cm[k + 2]!;
    const c3 = cm[k + 3]!;
    const c4 = cm[k + 4]!;
    const c5 = cm[k + 5]!;
    const c6 = cm[k + 6]!;
    const c7 = cm[k + 7]!;
    const c8 = cm[k + 8]!;
    const c9 = cm[k + 9]!;
    const c10 = cm[k + 10]!;
    const c11 = cm[k + 11]!;
    // inspection_id, officer_id
    if (!idOk(b, p, c0) || !idOk(b, c2 + 1, c3)) return false;
    // target_credit_code
    const cr = c3 + 1;
    if (c4 - cr !== 18 || !creditOk(b, cr)) return false;
    // agency, field of the agency, kind
    const ag = this.agencyTab.find(b, c0 + 1, c1);
    if (ag < 0) return false;
    const fi = this.fieldTab.find(b, c5 + 1, c6);
    if (fi < 0 || (this.agencyFields[ag]! & (1 << fi)) === 0) return false;
    const ki = this.kindTab.find(b, c6 + 1, c7);
    if (ki < 0) return false;
    // plan_id, joint_id: empty or an id
    if (c8 > c7 + 1 && !idOk(b, c7 + 1, c8)) return false;
    if (c9 > c8 + 1 && !idOk(b, c8 + 1, c9)) return false;
    // inspected_on: a real date in 1900–2999, not after today
    const ds = c9 + 1;
    if (c10 - ds !== 10 || b[ds + 4] !== 45 || b[ds + 7] !== 45) return false;
    const y0 = b[ds]! - 48;
    const y1 = b[ds + 1]! - 48;
    const y2 = b[ds + 2]! - 48;
    const y3 = b[ds + 3]! - 48;
    const m0 = b[ds + 5]! - 48;
    const m1 = b[ds + 6]! - 48;
    const d0 = b[ds + 8]! - 48;
    const d1 = b[ds + 9]! - 48;
    // a byte minus '0' is a digit iff it is 0–9 as an unsigned number
    if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return false;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const m = m0 * 10 + m1;
    const d = d0 * 10 + d1;
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
    const leap = YEAR_LEAP[y - YEAR0]!;
    if (d > MONTH_DAYS[m]! + (m === 2 ? leap : 0)) return false;
    if (this.todayYmd >= 0 ? y * 10000 + m * 100 + d > this.todayYmd : this.afterToday(b, ds)) return false;
    // found_problem
    if (c11 - c10 !== 2) return false;
    const fp = b[c10 + 1]! - 48;
    if (fp !== 0 && fp !== 1) return false;
    // duration_minutes: empty or ^\d{1,4}$ and ≤ 1440
    let dur = -1;
    if (end > c11 + 1) {
      if (end - c11 - 1 > 4) return false;
      dur = 0;
      for (let i = c11 + 1; i < end; i++) {
        const v = b[i]! - 48;
        if (v < 0 || v > 9) return false;
        dur = dur * 10 + v;
      }
      if (dur > 1440) return false;
    }
    // target_name: checked only when it differs from the firm's stored (already checked) name
    const ns = c4 + 1;
    const ne = c5;
    // (a firm coded since the guess is taken as new: its name is checked and stored again, and codeBytes finds it)
    let firm = firmGuess;
    const same = firm >= 0 && this.sameName(firm, b, ns, ne);
    if (!same && !nameOk(b, ns, ne)) return false;
    // accepted: code it
    if (firm < 0) firm = this.dicts.firm.codeBytes(b, cr, c4);
    if (!same) this.storeName(firm, b, ns, ne);
    const r = this.rowObj;
    r.recordNo = no;
    r.buf = b;
    r.idStart = p;
    r.idEnd = c0;
    r.lineEnd = end;
    r.nameStart = ns;
    r.nameEnd = ne;
    r.firm = firm;
    let a = this.agencyOut[ag]!;
    if (a < 0) a = this.agencyOut[ag] = this.dicts.agency.codeBytes(b, c0 + 1, c1);
    r.agency = a;
    let f = this.fieldOut[fi]!;
    if (f < 0) f = this.fieldOut[fi] = this.dicts.field.codeBytes(b, c5 + 1, c6);
    r.field = f;
    r.officer = this.dicts.officer.codeBytes(b, c2 + 1, c3);
    r.plan = c8 > c7 + 1 ? this.dicts.plan.codeBytes(b, c7 + 1, c8) : 0;
    r.joint = c9 > c8 + 1 ? this.dicts.joint.codeBytes(b, c8 + 1, c9) : 0;
    r.kind = this.kindCode[ki]!;
    r.day = YEAR_START[y - YEAR0]! + MONTH_START[m]! + (m > 2 ? leap : 0) + d - 1;
    r.problem = fp;
    r.duration = dur;
    this.sink.row(r);
    r.buf = EMPTY;
    return true;
  }

  /** inspected_on (10 ASCII bytes at s) > today as strings, for a `today` not of the form dddd-dd-dd. */
  private afterToday(b: Uint8Array, s: number): boolean {
    const t = this.today;
    const n = Math.min(10, t.length);
    for (let i = 0; i < n; i++) {
      const x = b[s + i]!;
      const y = t.charCodeAt(i);
      if (x !== y) return x > y;
    }
    return 10 > t.length;
  }

  private ensureFirms(code: number): void {
    if (code < this.hasName.length) return;
    const cap = Math.max(1024, code + 1, this.hasName.length * 2);
    const names = new Int32Array(cap * NAME_SLOT);
    names.set(this.names);
    this.names = names;
    const has = new Uint8Array(cap);
    has.set(this.hasName);
    this.hasName = has;
  }

  /**
   * b[s..e) equals the firm's stored fast name. An empty range never does: a stored length of 0 means "no fast name"
   * (none yet, or one set by setFirmName), and an empty target_name must go to nameOk, which rejects it.
   */
  private sameName(firm: number, b: Uint8Array, s: number, e: number): boolean {
    const names = this.names;
    const o = firm * NAME_SLOT;
    const len = e - s;
    if (len === 0 || o >= names.length || names[o] !== len) return false;
    if (len > NAME_INLINE) {
      const pool = this.pool;
      const off = names[o + 1]!;
      for (let i = 0; i < len; i++) if (pool[off + i] !== b[s + i]) return false;
      return true;
    }
    return sameWords(names, o + 1, b, s, e);
  }

  private storeName(firm: number, b: Uint8Array, s: number, e: number): void {
    this.ensureFirms(firm);
    const names = this.names;
    const o = firm * NAME_SLOT;
    const len = e - s;
    const old = names[o]!;
    if (old === 0 && this.hasName[firm] === 1) this.nameStr[firm] = undefined;
    if (len <= NAME_INLINE) {
      for (let k = 1; k < NAME_SLOT; k++) names[o + k] = 0;
      for (let i = 0; i < len; i++) names[o + 1 + (i >> 2)]! |= b[s + i]! << ((i & 3) * 8);
    } else {
      let off: number;
      if (old >= len) off = names[o + 1]!; // the old name's room in the pool
      else {
        if (this.poolLen + len > this.pool.length) {
          const p = new Uint8Array(Math.max(this.pool.length * 2, this.poolLen + len, 1 << 16));
          p.set(this.pool.subarray(0, this.poolLen));
          this.pool = p;
        }
        off = this.poolLen;
        this.poolLen += len;
      }
      this.pool.set(b.subarray(s, e), off);
      names[o + 1] = off;
    }
    names[o] = len;
    this.hasName[firm] = 1;
  }
}
