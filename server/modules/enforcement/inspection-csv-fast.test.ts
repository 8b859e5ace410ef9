import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSPECTION_CSV_COLUMNS } from '../../../common/contracts/enforcement';
import { createRng, generateCreditCode } from '../../../common/validators';
import { type CodeDict, KIND_CODE, dayNumber } from './detections/columns';
import { CsvParser } from './enforcement.import.read';
import { type AgencyInfo, type InspectionRecord, validateInspection } from './enforcement.import.validate';
import { packStrings, unpackStrings } from './inspection-import.parallel';
import { ByteDict, FastInspectionReader, type FastRow, type InspectionDicts, SmallKeys, fastRowRecord, isTrimSpace, utf8Units } from './inspection-csv-fast';

/** The reference model ByteDict must match: a Map from string to dense code; code 0 reserved for "none" if asked. */
class Dict implements CodeDict {
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

// ---------------------------------------------------------------------------------------------------------------
// ByteDict

describe('ByteDict', () => {
  it('codes like Dict: same codes, values, lookups and sizes for any sequence of calls', () => {
    const key = fc.oneof(
      fc.constantFrom('', 'a', 'A', 'urban', '91110105MA01ABCD1X', 'é', 'ÿ', '\u0100', '中文', 'x\u0000y', 'x\u0000', 'x', 'a'.repeat(20), 'a'.repeat(21), 'a'.repeat(20) + 'b', 'PL-AG001-market-and-more'),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    const op = fc.tuple(fc.constantFrom('code', 'lookup', 'bytes'), key);
    fc.assert(
      fc.property(fc.boolean(), fc.array(op, { maxLength: 80 }), (reserveNone, ops) => {
        const d = new Dict(reserveNone);
        const b = new ByteDict(reserveNone);
        expect(b.values).toEqual(d.values);
        for (const [o, k] of ops) {
          if (o === 'code') expect(b.code(k)).toBe(d.code(k));
          else if (o === 'lookup') expect(b.lookup(k)).toBe(d.lookup(k));
          else if ([...k].every((c) => c.charCodeAt(0) <= 0xff)) {
            // a byte range read as Latin-1 is the same key as the string, anywhere in a buffer
            const buf = Buffer.concat([Buffer.from('zz'), Buffer.from(k, 'latin1'), Buffer.from('zz')]);
            expect(b.codeBytes(buf, 2, 2 + k.length)).toBe(d.code(k));
            expect(b.lookupBytes(buf, 2, 2 + k.length)).toBe(d.lookup(k));
          }
          expect(b.size).toBe(d.size);
        }
        expect(b.values).toEqual(d.values);
      }),
      { numRuns: 300 },
    );
  });

  it('adopt: an empty dictionary given another\'s table and values codes, looks up and grows exactly like it', () => {
    const key = fc.oneof(fc.constantFrom('', 'a', '中文', 'a'.repeat(21), '91110105MA01ABCD1X'), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 6 }));
    fc.assert(
      fc.property(fc.boolean(), fc.array(key, { maxLength: 120 }), fc.array(fc.tuple(fc.boolean(), key), { maxLength: 120 }), (reserveNone, before, after) => {
        const a = new ByteDict(reserveNone);
        for (const k of before) a.code(k);
        const b = new ByteDict(reserveNone);
        // as between threads: the table's arrays are the receiver's own
        b.adopt(structuredClone(a.tableState()), [...a.values]);
        expect(b.values).toEqual(a.values);
        expect(b.size).toBe(a.size);
        for (const [code, k] of after) {
          if (code) expect(b.code(k)).toBe(a.code(k));
          else expect(b.lookup(k)).toBe(a.lookup(k));
          const buf = Buffer.from(k, 'latin1');
          if ([...k].every((c) => c.charCodeAt(0) <= 0xff)) expect(b.lookupBytes(buf, 0, buf.length)).toBe(a.lookupBytes(buf, 0, buf.length));
        }
        expect(b.values).toEqual(a.values);
      }),
      { numRuns: 300 },
    );
    const full = new ByteDict(false);
    full.code('x');
    expect(() => full.adopt(new ByteDict(false).tableState(), [])).toThrow(/not empty/);
    const src = new ByteDict(false);
    src.code('y');
    expect(() => new ByteDict(false).adopt(src.tableState(), [])).toThrow(/disagree/);
  });

  it('strings = false: the same codes; packed(), keyLength and writeKey give the keys as packStrings(values) does', () => {
    const key = fc.oneof(fc.constantFrom('', 'a', '中文', 'a'.repeat(21), '91110105MA01ABCD1X', 'é'), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 6 }));
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(fc.boolean(), key), { maxLength: 150 }), (reserveNone, ops) => {
        const withStrings = new ByteDict(reserveNone);
        const bytesOnly = new ByteDict(reserveNone, 0, false);
        for (const [fromBytes, k] of ops) {
          const latin1 = [...k].every((c) => c.charCodeAt(0) <= 0xff);
          if (fromBytes && latin1) {
            const buf = Buffer.concat([Buffer.from('#'), Buffer.from(k, 'latin1')]);
            expect(bytesOnly.codeBytes(buf, 1, buf.length)).toBe(withStrings.codeBytes(buf, 1, buf.length));
          } else expect(bytesOnly.code(k)).toBe(withStrings.code(k));
        }
        const expected = packStrings(withStrings.values, 'latin1');
        for (const d of [withStrings, bytesOnly]) {
          const p = d.packed();
          expect([...p.starts]).toEqual([...expected.starts]);
          expect(Buffer.from(p.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
          expect(p.wide).toEqual(expected.wide);
          expect(unpackStrings(p)).toEqual(withStrings.values);
          for (let c = 0; c < d.size; c++) {
            const v = withStrings.values[c]!;
            expect(d.keyLength(c)).toBe(v.length);
            const out = Buffer.alloc(v.length + 2, 0x7a);
            expect(d.writeKey(c, out, 1)).toBe(1 + v.length);
            expect(out.toString('latin1', 1, 1 + v.length)).toBe(Buffer.from(v, 'latin1').toString('latin1'));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reserveNone: code 0 is "" and is never handed out by code or codeBytes (as Dict)', () => {
    const b = new ByteDict(true);
    expect(b.values).toEqual(['']);
    expect(b.size).toBe(1);
    expect(b.lookup('')).toBeUndefined();
    expect(b.lookupBytes(Buffer.alloc(0), 0, 0)).toBe(-1);
    expect(b.code('P1')).toBe(1);
    expect(b.codeBytes(Buffer.from('xP2'), 1, 3)).toBe(2);
    expect(b.codeBytes(Buffer.from('P1'), 0, 2)).toBe(1);
    expect(b.values).toEqual(['', 'P1', 'P2']);
    const plain = new ByteDict(false);
    expect(plain.size).toBe(0);
    expect(plain.code('')).toBe(0);
    expect(plain.lookupBytes(Buffer.from('abc'), 1, 1)).toBe(0);
  });

  it('strings above U+00FF do not collide with their truncated Latin-1 bytes', () => {
    const b = new ByteDict(false);
    expect(b.code('\u0141')).toBe(0); // Ł: low byte 0x41 = 'A'
    expect(b.code('A')).toBe(1);
    expect(b.codeBytes(Buffer.from('A'), 0, 1)).toBe(1);
    expect(b.lookup('\u0141')).toBe(0);
    expect(b.values).toEqual(['\u0141', 'A']);
  });

  it('grows to 200,000 keys (18-byte credit-code-like keys) with stable codes', () => {
    const b = new ByteDict(false);
    const n = 200_000;
    const key = (i: number) => `9111010${String(i).padStart(10, '0')}X`;
    const buf = Buffer.from(Array.from({ length: n }, (_, i) => key(i)).join(''), 'latin1');
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) if (b.codeBytes(buf, i * 18, i * 18 + 18) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(b.size).toBe(n);
    for (let i = 0; i < n; i++) if (b.code(key(i)) !== i || b.lookupBytes(buf, i * 18, i * 18 + 18) !== i || b.values[i] !== key(i)) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(b.lookup('9111010999999999999')).toBeUndefined();
    expect(b.code('new')).toBe(n);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// byte helpers

describe('byte checks', () => {
  it('isTrimSpace is exactly what String.prototype.trim removes (every BMP code point)', () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      expect(isTrimSpace(cp), cp.toString(16)).toBe(String.fromCharCode(cp).trim() === '');
    }
  });

  it('SmallKeys finds exactly its keys (prefixes, same hash bucket)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), fc.array(word, { maxLength: 20 }), (keys, probes) => {
        const t = new SmallKeys(keys);
        for (const k of [...keys, ...probes]) {
          const b = Buffer.from(`,${k},`, 'latin1');
          expect(t.find(b, 1, 1 + k.length)).toBe(keys.indexOf(k));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('utf8Units: well-formed iff decoding loses nothing; then the UTF-16 length', () => {
    const tricky = [[0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xc1, 0xbf], [0xc2, 0x80], [0xf5, 0x80, 0x80, 0x80], [0x80], [0xe4, 0xb8], [0xef, 0xbb, 0xbf], [0xed, 0xbf, 0xbf], [0xdf, 0xbf]];
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => new Uint8Array(Buffer.from(s))),
      fc.tuple(fc.string({ maxLength: 2 }), fc.constantFrom(...tricky), fc.string({ maxLength: 2 })).map(([a, t, b]) => new Uint8Array(Buffer.concat([Buffer.from(a), Buffer.from(t), Buffer.from(b)]))),
    );
    fc.assert(
      fc.property(bytes, (u) => {
        const b = Buffer.from(u);
        const s = b.toString('utf8');
        const wellFormed = Buffer.from(s, 'utf8').equals(b);
        expect(utf8Units(b, 0, b.length)).toBe(wellFormed ? s.length : -1);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// FastInspectionReader ≡ CsvParser + validateInspection

const HEADER = INSPECTION_CSV_COLUMNS.join(',');
const rng = createRng(7);
const CODES = Array.from({ length: 6 }, () => generateCreditCode(rng));
const TODAY = '2025-06-30';
/** FAST_CSV_RUNS=5000 for a longer search */
const RUNS = Number(process.env.FAST_CSV_RUNS ?? 0) || 0;
const runs = (n: number) => Math.max(n, RUNS);

const AGENCIES: ReadonlyMap<string, AgencyInfo> = new Map<string, AgencyInfo>([
  ['AG001', { code: 'AG001', fields: new Set(['market', 'urban']) }],
  ['AG002', { code: 'AG002', fields: new Set() }], // any field
  ['AG003', { code: 'AG003', fields: new Set(['drug', 'constructor']) }],
  ['机构A', { code: '机构A', fields: new Set() }], // non-ASCII code: slow path only
  ['AG9 ', { code: 'AG9 ', fields: new Set() }], // can never match (the validator trims)
]);

const newDicts = (): InspectionDicts => ({ firm: new ByteDict(false), agency: new ByteDict(false), field: new ByteDict(false), officer: new ByteDict(false), plan: new ByteDict(true), joint: new ByteDict(true) });

type Part = string | Uint8Array;
const bytesOf = (p: Part) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p));

/** A column: valid values, and traps (values that must send the record to the slow path, or look as if they should). */
const col = (valid: fc.Arbitrary<Part>, traps: Part[]) => ({ valid, traps });

const NAMES = ['企业甲', 'Firm B', '\u{1F600}名', 'a'.repeat(200), 'a'.repeat(199) + 'b', '中'.repeat(70), '中'.repeat(69) + '国', '企业乙', '\u{1F600}'.repeat(100), 'a\rb', '\u0085x', '\u180ex', 'x\u200b', '名 称'];
const NAME_TRAPS: Part[] = ['a'.repeat(201), '\u{1F600}'.repeat(100) + 'a', '中'.repeat(201), '', ' ', '\u3000企业', '企业\u3000', '\u00a0x', 'x\ufeff', 'x\u2028', ' x', 'x\t', 'x\u205f', '\u1680x',
  new Uint8Array([0xe4, 0xbc, 0x81, 0xff]), new Uint8Array([0xc0, 0x80]), new Uint8Array([0x41, 0xed, 0xa0, 0x80]), new Uint8Array([0xf4, 0x90, 0x80, 0x80]), new Uint8Array([0x41, 0xe4, 0xb8])];
const DATES = ['2025-06-30', '2025-01-01', '2024-02-29', '1900-01-01', '2000-02-29', '2025-06-29'];
const DATE_TRAPS = ['2025-07-01', '2999-12-31', '3000-01-01', '2025-02-29', '1900-02-29', '1899-12-31', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '2025/01/01', '', '２０２５-01-01', '2025-01-01 '];

const COLS = [
  col(fc.oneof(fc.constantFrom('I1', 'I2', 'I-3', 'Z'.repeat(64)), fc.stringMatching(/^[\x21-\x2b\x2d-\x7e]{1,70}$/)), ['', ' I1', 'I 1', 'I1é', 'a'.repeat(65), 'I1\t']),
  col(fc.constantFrom('AG001', 'AG002', 'AG003'), ['机构A', 'AG9 ', 'AG9', 'AGX', '', ' AG001', 'AG001\t', '\u3000AG001', 'ag001']),
  col(fc.constantFrom('第1执法主体', '', 'x'), [new Uint8Array([0xff]), new Uint8Array([0xe4, 0xb8]), ' 主体 ']),
  col(fc.constantFrom('O1', 'AG001-01', '~'), ['', 'O 1', 'O1 ', 'ÓFF', 'x'.repeat(65)]),
  col(fc.constantFrom(...CODES), [...CODES.map((c) => c.toLowerCase()), ` ${CODES[0]}`, `${CODES[1]}\u3000`, CODES[2]!.slice(0, 17), CODES[3]!.slice(0, 17) + (CODES[3]!.endsWith('0') ? '1' : '0'), `${CODES[4]}0`, 'I'.repeat(18)]),
  col(fc.constantFrom(...NAMES), NAME_TRAPS),
  col(fc.constantFrom('market', 'urban', 'drug', 'ecology'), ['constructor', 'toString', '__proto__', 'Market', '', ' market', 'hasOwnProperty']),
  col(fc.constantFrom('plan', 'random', 'complaint', 'special', 'other'), ['constructor', 'Plan', '', ' plan', 'valueOf', 'plan\u3000']),
  col(fc.constantFrom('', 'P1', 'PL-AG001-market'), ['P 1', ' ', 'x'.repeat(65), 'é', ' P1']),
  col(fc.constantFrom('', 'J1'), ['J 1', 'é', ' J1', '\tJ1']),
  col(fc.constantFrom(...DATES), DATE_TRAPS),
  col(fc.constantFrom('0', '1'), ['2', '', ' 1', '01', '1 ']),
  col(fc.constantFrom('', '0', '20', '1440', '0100', '7'), ['1441', '01440', '9999', '-1', ' 5', '5 ', '１', '+5', '1e3']),
];

/** A row: every column valid, then none, one or a few columns replaced by one of their traps. */
const rowArb: fc.Arbitrary<Part[]> = fc
  .tuple(
    fc.tuple(...COLS.map((c) => c.valid)),
    fc.oneof(
      { arbitrary: fc.constant([]), weight: 3 },
      { arbitrary: fc.array(fc.tuple(fc.nat(COLS.length - 1), fc.nat()), { minLength: 1, maxLength: 1 }), weight: 8 },
      { arbitrary: fc.array(fc.tuple(fc.nat(COLS.length - 1), fc.nat()), { minLength: 2, maxLength: 3 }), weight: 1 },
    ),
  )
  .map(([valid, traps]) => {
    const f: Part[] = [...valid];
    for (const [c, t] of traps) f[c] = COLS[c]!.traps[t % COLS[c]!.traps.length]!;
    return f;
  });

/** Line-level mutations: quotes (with commas, newlines, escaped quotes), column counts, stray bytes. */
const mutation = fc.oneof(
  fc.record({ k: fc.constant('quote' as const), at: fc.nat(12), body: fc.constantFrom('"a,b"', '"a\nb"', '"a\r\nb,c"', '"a""b"', '"a\nb""c"', '"a\n""""\n"', '"x"y', '"unterminated', '""', 'a"b', `"${CODES[0]}"`) }),
  fc.record({ k: fc.constant('drop' as const), at: fc.nat(12) }),
  fc.record({ k: fc.constant('add' as const), at: fc.nat(13) }),
  fc.record({ k: fc.constant('two' as const) }),
  fc.record({ k: fc.constant('byte' as const), at: fc.nat(200), byte: fc.constantFrom(0xff, 0x22, 0x0d, 0x2c, 0x0a, 0x20, 0xc3, 0x80) }),
);

const lineArb = fc.tuple(rowArb, fc.option(mutation, { freq: 4 })).map(([fields, m]): Buffer => {
  let f: Part[] = [...fields];
  if (m?.k === 'quote') f[m.at] = m.body;
  else if (m?.k === 'drop') f.splice(m.at, 1);
  else if (m?.k === 'add') f.splice(m.at, 0, 'extra');
  else if (m?.k === 'two') f = f.slice(0, 2);
  const parts: Buffer[] = [];
  f.forEach((p, i) => {
    if (i > 0) parts.push(Buffer.from(','));
    parts.push(bytesOf(p));
  });
  let line = Buffer.concat(parts);
  if (m?.k === 'byte') {
    const at = m.at % (line.length + 1);
    line = Buffer.concat([line.subarray(0, at), Buffer.from([m.byte]), line.subarray(at)]);
  }
  return line;
});

const terminator = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\n\n', '\r\n\r\n', '\n   \n', '\r', '\r\r\n');

/** messy: a doubled BOM, a quoted or upper-case header, a blank first line */
const fileArb = (line: fc.Arbitrary<Buffer>, term: fc.Arbitrary<string>, messy = true) =>
  fc
    .record({
      bom: messy ? fc.constantFrom('', '', '\uFEFF', '\uFEFF\uFEFF') : fc.constantFrom('', '\uFEFF'),
      header: messy ? fc.constantFrom(HEADER, `"${INSPECTION_CSV_COLUMNS[0]}",${INSPECTION_CSV_COLUMNS.slice(1).join(',')}`, HEADER.toUpperCase(), '\n' + HEADER) : fc.constant(HEADER),
      headerTerm: term,
      lines: fc.array(fc.tuple(line, term), { maxLength: 40 }),
      lastTerm: fc.boolean(),
    })
    .map(({ bom, header, headerTerm, lines, lastTerm }) => {
      const parts: Buffer[] = [Buffer.from(bom + header + headerTerm)];
      lines.forEach(([l, t], i) => {
        parts.push(l);
        if (lastTerm || i < lines.length - 1) parts.push(Buffer.from(t));
      });
      return Buffer.concat(parts);
    });

/** Chunk sizes: a 1-byte mode, small random sizes, or the whole file. */
const cutsArb = fc.oneof(fc.constant([1]), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), fc.constant([1 << 20]));

function reference(file: Buffer): string[][] {
  // readCsvFile with 1 MB chunks: test files are one chunk
  const p = new CsvParser();
  return [...p.push(file), ...p.end()];
}

type Event = { no: number; fast: true; rec: InspectionRecord; row: { day: number; kind: number; firm: number; plan: number; joint: number } } | { no: number; fast: false; fields: string[] };

function runFast(file: Buffer, cuts: readonly number[], agencies: ReadonlyMap<string, AgencyInfo>, today: string) {
  const dicts = newDicts();
  const events: Event[] = [];
  const expectedNames = new Map<string, string>();
  const reader: FastInspectionReader = new FastInspectionReader({
    agencies,
    today,
    dicts,
    sink: {
      row(r: FastRow) {
        const rec = fastRowRecord(r, dicts);
        expect(Buffer.from(r.buf.subarray(r.idStart, r.lineEnd)).toString('utf8').split(',')[5]).toBe(rec.targetName);
        events.push({ no: r.recordNo, fast: true, rec, row: { day: r.day, kind: r.kind, firm: r.firm, plan: r.plan, joint: r.joint } });
        expectedNames.set(rec.targetCreditCode, rec.targetName);
      },
      slow(fields: string[], no: number) {
        events.push({ no, fast: false, fields });
        // as the importer would: validate, code the strings into the same dicts, keep the firm's name
        if (no === 1) return;
        const v = validateInspection(fields, agencies, today);
        if ('record' in v) {
          const r = v.record;
          dicts.agency.code(r.agencyCode);
          dicts.field.code(r.field);
          dicts.officer.code(r.officerId);
          if (r.planId) dicts.plan.code(r.planId);
          const firm = dicts.firm.code(r.targetCreditCode);
          reader.setFirmName(firm, r.targetName);
          expectedNames.set(r.targetCreditCode, r.targetName);
        }
      },
    },
  });
  let pos = 0;
  for (let k = 0; pos < file.length; k++) {
    const n = cuts[k % cuts.length]!;
    reader.push(file.subarray(pos, pos + n));
    pos += n;
  }
  reader.end();
  return { events, dicts, reader, expectedNames };
}

function checkEquivalent(file: Buffer, cuts: readonly number[], agencies: ReadonlyMap<string, AgencyInfo>, today: string) {
  const ref = reference(file);
  const { events, dicts, reader, expectedNames } = runFast(file, cuts, agencies, today);
  expect(events.map((e) => e.no)).toEqual(ref.map((_, i) => i + 1));
  if (ref.length) expect(events[0]!.fast).toBe(false);
  events.forEach((e, i) => {
    const fields = ref[i]!;
    if (!e.fast) {
      expect(e.fields).toEqual(fields);
      return;
    }
    const v = validateInspection(fields, agencies, today);
    expect(v).toEqual({ record: e.rec });
    expect(e.row.day).toBe(dayNumber(e.rec.inspectedOn));
    expect(e.row.kind).toBe(KIND_CODE[e.rec.kind as keyof typeof KIND_CODE]);
    expect(e.row.firm).toBe(dicts.firm.lookup(e.rec.targetCreditCode));
    expect(e.row.plan).toBe(e.rec.planId === null ? 0 : dicts.plan.lookup(e.rec.planId));
    expect(e.row.joint).toBe(e.rec.jointId === null ? 0 : dicts.joint.lookup(e.rec.jointId));
  });
  for (const [credit, name] of expectedNames) expect(reader.firmName(dicts.firm.lookup(credit)!)).toBe(name);
  return events;
}

describe('FastInspectionReader', () => {
  it('gives, record for record, what CsvParser + validateInspection give (mutated files, any chunking)', () => {
    fc.assert(
      fc.property(fileArb(lineArb, terminator), cutsArb, (file, cuts) => {
        checkEquivalent(file, cuts, AGENCIES, TODAY);
      }),
      { numRuns: runs(400) },
    );
  });

  it('same with an unusual `today` (compared as a string, as validateInspection does)', () => {
    fc.assert(
      fc.property(fileArb(lineArb, terminator), cutsArb, fc.constantFrom('2025-06-30x', '2025-06', '2025-6-30', '9', '2025-06-3'), (file, cuts, today) => {
        checkEquivalent(file, cuts, AGENCIES, today);
      }),
      { numRuns: runs(200) },
    );
  });

  it('inspected_on against any `today`: every date × today pair as validateInspection decides it', () => {
    const todays = [TODAY, '2025-06-30x', '2025-06', '2025-6-30', '9', '2025-06-3', '', '2025-06-30 ', '1999', '2025-07-00', '2999-12-31'];
    const dates = [...DATES, ...DATE_TRAPS, '2025-07-01', '2025-06-31', '2000-01-01', '2999-12-31'];
    let fast = 0;
    for (const today of todays) {
      const lines = dates.map((d, i) => `I${i},AG002,,O1,${CODES[0]},企业,market,plan,,,${d},0,`);
      const events = checkEquivalent(Buffer.from([HEADER, ...lines].join('\n')), [1 << 20], AGENCIES, today);
      fast += events.filter((e) => e.fast).length;
    }
    expect(fast).toBeGreaterThan(30);
  });

  it('many agencies and firms: known agencies with their fields fast, the others slow, codes as the strings', () => {
    const fields = ['urban', 'market', 'ecology', 'safety', 'fire', 'health', 'transport', 'housing', 'culture', 'labour', 'commerce', 'education', 'drug'];
    const agencies = new Map<string, AgencyInfo>();
    for (let i = 0; i < 500; i++) agencies.set(`A${i}`, { code: `A${i}`, fields: new Set(i % 3 === 0 ? [] : [fields[i % 13]!]) });
    const r = createRng(11);
    const firms = Array.from({ length: 300 }, () => generateCreditCode(r));
    const lines: string[] = [];
    let expectFast = 0;
    for (let i = 0; i < 3000; i++) {
      const a = (i * 7919) % 520; // 500–519 unknown
      const field = a % 3 === 0 || i % 5 ? fields[a % 13]! : fields[(a + 1) % 13]!; // every fifth row of a field-bound agency: another field
      if (a < 500 && (a % 3 === 0 || i % 5 !== 0)) expectFast++;
      lines.push(`I${i},A${a},,O${i % 40},${firms[i % 300]},企业${i % 300}号${i % 7 ? '' : '（新名）'},${field},random,,,2025-01-0${1 + (i % 9)},${i % 2},${i % 1441}`);
    }
    const events = checkEquivalent(Buffer.from([HEADER, ...lines].join('\n')), [65536], agencies, TODAY);
    expect(events.filter((e) => e.fast).length).toBe(expectFast);
  });

  it('takes the fast path for every canonical valid record', () => {
    const validRow = fc.tuple(
      fc.stringMatching(/^[\x21\x23-\x2b\x2d-\x7e]{1,64}$/),
      fc.constantFrom<[string, string]>(['AG001', 'market'], ['AG001', 'urban'], ['AG002', 'ecology'], ['AG002', 'drug'], ['AG003', 'drug']),
      fc.constantFrom('第1执法主体', '', 'a,'.slice(0, 1)),
      fc.constantFrom('O1', 'AG001-01'),
      fc.constantFrom(...CODES),
      fc.constantFrom(...NAMES),
      fc.constantFrom('plan', 'random', 'complaint', 'special', 'other'),
      fc.constantFrom('', 'P1'),
      fc.constantFrom('', 'J1'),
      fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber(TODAY) }),
      fc.constantFrom('0', '1'),
      fc.constantFrom('', '0', '0100', '1440', '37'),
    );
    const line = validRow.map(([id, [ag, field], agName, officer, credit, name, kind, plan, joint, day, fp, dur]) => {
      const d = new Date(day * 86400000).toISOString().slice(0, 10);
      return Buffer.from([id, ag, agName, officer, credit, name, field, kind, plan, joint, d, fp, dur].join(','));
    });
    fc.assert(
      fc.property(fileArb(line, fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\r\n'), false), cutsArb, (file, cuts) => {
        const events = checkEquivalent(file, cuts, AGENCIES, TODAY);
        expect(events.slice(1).every((e) => e.fast)).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });

  it('edge records: fast or slow as specified, with CsvParser numbering', () => {
    const c = CODES[0]!;
    const ok = (over: Record<number, string>) => {
      const f = ['I1', 'AG002', 'x', 'O1', c, '企业', 'market', 'plan', '', '', '2025-06-30', '1', '20'];
      for (const [k, v] of Object.entries(over)) f[+k] = v;
      return f.join(',');
    };
    const lines = [
      ok({}), // fast
      '', // blank: not a record
      ok({ 12: '1441' }), // slow
      ok({ 12: '0100' }), // fast, 100 minutes
      ok({ 5: '\u3000企业' }), // slow (trim)
      ok({ 10: '2025-07-01' }), // slow (future)
      ok({ 4: c.toLowerCase() }), // slow (normalised)
      ok({ 0: '"I9"' }), // slow (quoted)
      ok({ 5: '中'.repeat(200) }), // fast: 600 bytes, 200 units
      ok({ 7: 'constructor' }), // slow (validateInspection's `in` accepts it; the fast path never does)
      '\r"a",' + ok({}), // a lone CR ends a record that CsvParser parses as quoted: [''] then the quoted record
      ok({ 5: 'a'.repeat(201) }), // slow: 201 units
      ok({ 5: '\u{1F600}'.repeat(100) }), // fast: 400 bytes, 200 units
      ok({ 5: '\u{1F600}'.repeat(100) + 'a' }), // slow: 201 units
      ok({ 4: c.slice(0, 17) + (c.endsWith('0') ? '1' : '0') }), // slow: check character
    ];
    const file = Buffer.from('\uFEFF' + HEADER + '\r\n' + lines.join('\r\n'));
    const events = checkEquivalent(file, [3], AGENCIES, TODAY);
    expect(events.map((e) => [e.no, e.fast])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [4, true],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
      [9, true],
      [10, false],
      [11, false],
      [12, false],
      [13, false],
      [14, true],
      [15, false],
      [16, false],
    ]);
    expect(events[10]).toEqual({ no: 11, fast: false, fields: [''] });
    const e4 = events[3]!;
    expect(e4.fast && e4.rec.durationMinutes).toBe(100);
    // the header keeps its fields (BOM dropped)
    expect(events[0]).toEqual({ no: 1, fast: false, fields: [...INSPECTION_CSV_COLUMNS] });
  });

  it('firmName: the last name in call order over fast rows and setFirmName; bytes decoded on request', () => {
    const c = CODES[1]!;
    const dicts = newDicts();
    const rows: number[] = [];
    const reader = new FastInspectionReader({ agencies: AGENCIES, today: TODAY, dicts, sink: { row: (r) => rows.push(r.recordNo), slow: () => {} } });
    const line = (id: string, name: string) => `${id},AG002,,O1,${c},${name},market,plan,,,2025-01-01,0,\n`;
    reader.push(Buffer.from(HEADER + '\n' + line('I1', '甲公司')));
    const code = dicts.firm.lookup(c)!;
    expect(reader.firmName(code)).toBe('甲公司');
    reader.setFirmName(code, '乙公司');
    expect(reader.firmName(code)).toBe('乙公司');
    reader.push(Buffer.from(line('I2', '甲公司')));
    expect(reader.firmName(code)).toBe('甲公司');
    reader.push(Buffer.from(line('I3', '甲') + line('I4', '甲公司有限')));
    reader.end();
    expect(reader.firmName(code)).toBe('甲公司有限');
    expect(rows).toEqual([2, 3, 4, 5]);
    expect(reader.firmName(code + 1)).toBeUndefined();
    reader.setFirmName(7, 'x\ud800'); // a lone surrogate is kept as given
    expect(reader.firmName(7)).toBe('x\ud800');
  });

  it('an empty target_name after a name set by setFirmName goes slow (to TARGET_NAME_REQUIRED), never fast', () => {
    // CI found it (seed -754946126): a slow record set the firm's name, which leaves a stored length of 0, and an
    // empty name "equalled" it, so the next record of that firm with no name was taken as valid
    const c = CODES[2]!;
    const line = (id: string, name: string, term: string) => `${id},AG001,,O1,${c},${name},market,plan,,,2025-06-30,0,${term}`;
    const file = Buffer.from(HEADER + '\n' + line('I1', '企业甲', '\r\r\n') + line('I2', '', '\n') + line('I3', '企业甲', ''));
    for (const cuts of [[1], [1 << 20]]) {
      const events = checkEquivalent(file, cuts, AGENCIES, TODAY);
      const i2 = events.find((e) => !e.fast && e.fields[0] === 'I2');
      expect(i2).toBeDefined();
      expect(validateInspection((i2 as { fields: string[] }).fields, AGENCIES, TODAY)).toMatchObject({ errors: [{ code: 'TARGET_NAME_REQUIRED' }] });
    }
  });
});
