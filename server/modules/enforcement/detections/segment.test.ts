import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from './columns';
import { RowStore } from './row-store';
import { SegmentError, decodeSegment, encodeSegment } from './segment';

type Rec = [string, string, string, string, string, string, string | null, string | null, number, number, number | null];

const recArb = fc.tuple(
  fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
  fc.constantFrom('91110102MA00000001', '91110102MA00000002', 'X3'),
  fc.constantFrom('AG1', 'AG2', 'AG3'),
  fc.constantFrom('urban', 'market'),
  fc.stringMatching(/^O[0-9]{1,4}$/),
  fc.constantFrom('plan', 'random', 'complaint', 'special', 'other'),
  fc.option(fc.constantFrom('P1', 'P2'), { nil: null }),
  fc.option(fc.stringMatching(/^J[0-9]{1,6}$/), { nil: null }),
  fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2026-12-31') }),
  fc.integer({ min: 0, max: 1 }),
  fc.option(fc.integer({ min: 0, max: 1440 }), { nil: null }),
);

function rows(st: RowStore): Rec[] {
  const out: Rec[] = [];
  const d = st.dicts;
  const kinds = ['', 'plan', 'random', 'complaint', 'special', 'other'];
  for (let r = 0; r < st.committed; r++) {
    if (st.dead[r]) continue;
    out.push([st.idBytes.toString('latin1', st.idStart[r]!, st.idStart[r + 1]!), d.firm.values[st.firm[r]!]!, d.agency.values[st.agency[r]!]!, d.field.values[st.field[r]!]!, d.officer.values[st.officer[r]!]!, kinds[st.kind[r]!]!, st.plan[r] ? d.plan.values[st.plan[r]!]! : null, st.joint[r] ? d.joint.values[st.joint[r]!]! : null, st.day[r]!, st.problem[r]!, st.duration[r]! < 0 ? null : st.duration[r]!]);
  }
  return out;
}

describe('inspection segments (the embedded store of record)', () => {
  it('a segment decodes to the rows it was made of, into a store with other dictionaries; newest record of an id wins', () => {
    fc.assert(
      fc.property(fc.array(recArb, { maxLength: 300 }), fc.array(recArb, { maxLength: 50 }), fc.boolean(), (a, b, bulk) => {
        const src = new RowStore();
        const write = (recs: Rec[]) => {
          const from = src.n;
          const seen = new Set<string>();
          for (const r of recs) {
            if (seen.has(r[0])) continue; // the importer refuses an id twice in one file
            seen.add(r[0]);
            src.pushStrings(...r);
          }
          src.commit();
          return encodeSegment(src, from, src.n);
        };
        const segs = [write(a), write(b)];
        // the target store already knows other strings: codes differ from the source's
        const dst = new RowStore();
        dst.pushStrings('pre', 'ZZ', 'AG9', 'ecology', 'O9', 'plan', 'P9', 'J9', 1, 0, null);
        dst.commit();
        // row by row through the index, or in bulk with the index rebuilt once (how a first load replays)
        for (const s of segs) {
          decodeSegment(s, dst, bulk);
          if (!bulk) dst.commit();
        }
        if (bulk) {
          dst.resolveIndex();
          dst.commit();
        }
        const expected = rows(src);
        const got = rows(dst).filter((r) => r[0] !== 'pre' || expected.some((e) => e[0] === 'pre'));
        expect(new Map(got.map((r) => [r[0], r]))).toEqual(new Map(expected.map((r) => [r[0], r])));
        expect(dst.live).toBe(new Set([...got.map((r) => r[0]), 'pre']).size);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps wide codes and day spans (4-byte firm codes, days across decades)', () => {
    const st = new RowStore();
    for (let i = 0; i < 70_000; i++) st.pushStrings(`I${i}`, `F${i}`, 'A', 'urban', `O${i % 300}`, 'random', null, null, i % 2 ? dayNumber('1950-01-01') : dayNumber('2026-11-29'), i % 2, i % 1441);
    st.commit();
    const dst = new RowStore();
    decodeSegment(encodeSegment(st, 0, st.n), dst);
    dst.commit();
    expect(rows(dst)).toEqual(rows(st));
  });

  it('refuses a damaged segment instead of loading something else', () => {
    const st = new RowStore();
    st.pushStrings('A1', 'F', 'A', 'urban', 'O', 'plan', 'P', null, 100, 1, 30);
    st.commit();
    const seg = encodeSegment(st, 0, 1);
    expect(() => decodeSegment(seg.subarray(0, seg.length - 1), new RowStore())).toThrow(SegmentError);
    const bad = Buffer.from(seg);
    bad[0] = 0;
    expect(() => decodeSegment(bad, new RowStore())).toThrow(SegmentError);
  });
});
