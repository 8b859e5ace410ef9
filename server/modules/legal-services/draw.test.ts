import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sm3Stream, drawFrom, publishedHashOf, runDraw } from './draw';

describe('SM3-CTR stream', () => {
  it('reads SM3(seed:k) as big-endian 32-bit words, block after block', () => {
    const s = new Sm3Stream('abc123');
    const h0 = createHash('sm3').update('abc123:0').digest();
    const h1 = createHash('sm3').update('abc123:1').digest();
    const words = Array.from({ length: 9 }, () => s.nextUint32());
    expect(words.slice(0, 8)).toEqual(Array.from({ length: 8 }, (_, i) => h0.readUInt32BE(i * 4)));
    expect(words[8]).toBe(h1.readUInt32BE(0));
  });

  it('gives uniform-looking integers in range and is deterministic per seed', () => {
    const a = new Sm3Stream('seed-1');
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[a.below(6)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    const x = new Sm3Stream('s');
    const y = new Sm3Stream('s');
    expect(Array.from({ length: 50 }, () => x.below(1000))).toEqual(Array.from({ length: 50 }, () => y.below(1000)));
    expect(() => x.below(0)).toThrow(RangeError);
  });

  it('draws without repetition and never more than there are', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const d = drawFrom(new Sm3Stream('k'), items, 10);
    expect(new Set(d).size).toBe(10);
    expect(drawFrom(new Sm3Stream('k'), items, 99)).toHaveLength(30);
  });
});

describe('runDraw', () => {
  const targets = Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, code: `JD${String(i).padStart(3, '0')}`, name: `机构${i}` }));
  const pool = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, code: `ZF${i}`, name: `人员${i}`, conflictCodes: i === 0 ? targets.map((t) => t.code) : [] }));

  it('re-runs to the same selection with the same seed, whatever the input order', () => {
    const a = runDraw('00ff00ff', targets, pool, 5, 2);
    const b = runDraw('00ff00ff', [...targets].reverse(), [...pool].reverse(), 5, 2);
    expect(b).toEqual(a);
    expect(runDraw('00ff00fe', targets, pool, 5, 2)).not.toEqual(a);
  });

  it('excludes inspectors with a conflict and draws distinct inspectors per target', () => {
    for (const item of runDraw('1234abcd', targets, pool, 8, 3)) {
      expect(item.inspectors.map((p) => p.id)).not.toContain('p0');
      expect(new Set(item.inspectors.map((p) => p.id)).size).toBe(3);
    }
  });

  it('hashes the published content: any change to the selection or findings changes it', () => {
    const base = { drawNo: 'X', seed: 'ab', selection: JSON.stringify(runDraw('ab', targets, pool, 2, 2)), findings: JSON.stringify({ t1: { outcome: 'compliant', finding: '无' }, t2: { outcome: 'rectify', finding: '整改' } }) };
    const h = publishedHashOf(base);
    expect(publishedHashOf({ ...base, findings: JSON.stringify({ t2: { outcome: 'rectify', finding: '整改' }, t1: { outcome: 'compliant', finding: '无' } }) })).toBe(h); // key order is canonical
    expect(publishedHashOf({ ...base, findings: JSON.stringify({ t1: { outcome: 'compliant', finding: '无问题' } }) })).not.toBe(h);
    expect(publishedHashOf({ ...base, seed: 'ac' })).not.toBe(h);
  });
});
