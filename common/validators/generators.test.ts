import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createRng, generateCreditCode, generateIdNumber, generateMobile, parseIdNumber } from './index';

describe('createRng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(createRng(43).next()).not.toBe(xs[0]);
  });

  it('property: next() ∈ [0,1), int() within bounds, pick() from the array', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const r = createRng(seed);
        const x = r.next();
        expect(x >= 0 && x < 1).toBe(true);
        const n = r.int(min, min + span);
        expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
        expect(['a', 'b', 'c']).toContain(r.pick(['a', 'b', 'c']));
      }),
    );
  });

  it('int() reaches both ends', () => {
    const r = createRng(7);
    const seen = new Set(Array.from({ length: 200 }, () => r.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('rejects bad arguments', () => {
    expect(() => createRng(1).int(3, 1)).toThrow(RangeError);
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });
});

describe('generators', () => {
  it('are deterministic given the seed', () => {
    const run = () => {
      const r = createRng(20251231);
      return [generateIdNumber(r), generateCreditCode(r), generateMobile(r)];
    };
    expect(run()).toEqual(run());
  });

  it('respect region, birth range and sex', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const id = generateIdNumber(createRng(seed), { regionCode: '110105', birthFrom: '1980-01-01', birthTo: '1980-12-31', sex: 'female' });
        const info = parseIdNumber(id);
        expect(info?.regionCode).toBe('110105');
        expect(info?.birthDate.startsWith('1980-')).toBe(true);
        expect(info?.sex).toBe('female');
        const code = generateCreditCode(createRng(seed), { regionCode: '110105' });
        expect(code.slice(0, 8)).toBe('91110105');
      }),
    );
  });

  it('reject invalid options', () => {
    expect(() => generateIdNumber(createRng(1), { regionCode: '010101' })).toThrow(AppError);
    expect(() => generateIdNumber(createRng(1), { birthFrom: '2000-01-01', birthTo: '1999-01-01' })).toThrow(AppError);
    expect(() => generateCreditCode(createRng(1), { prefix: 'B1' })).toThrow(AppError);
  });
});
