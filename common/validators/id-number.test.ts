import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, generateIdNumber, idNumberCheckChar, isValidIdNumber, normalizeIdNumber, parseIdNumber } from './index';

describe('isValidIdNumber (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002X', true, 'GB 11643 example, check X'],
    ['11010519491231002x', true, 'lower-case x accepted'],
    ['11010219900307123X', true, 'computed check character X'],
    ['110102199003071237', false, 'same number with check digit 7'],
    ['110105194912310021', false, 'wrong check character'],
    ['11010519491231002', false, '17 characters'],
    ['11010519491231002XX', false, '19 characters'],
    ['010105194912310029', false, 'region code starting with 0'],
    ['440524188001010014', false, 'GB example valid by checksum but born 1880 (< 1900)'],
    ['110105194902301234', false, '1949-02-30 is not a date'],
    ['1101051949123100 X', false, 'space'],
    ['11010519491231002Y', false, 'check character Y'],
    [' 11010519491231002X', false, 'surrounding whitespace is not accepted'],
  ])('%s → %s (%s)', (id, ok) => {
    expect(isValidIdNumber(id)).toBe(ok);
  });

  it('checks the computed digit of the 440524 example', () => {
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('1101051949123100A')).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(isValidIdNumber(11010519491231002)).toBe(false);
    expect(isValidIdNumber(null)).toBe(false);
  });

  it('rejects a birth date after `today`', () => {
    const id = generateIdNumber(createRng(1), { birthFrom: '2025-06-01', birthTo: '2025-06-01' });
    expect(isValidIdNumber(id, { today: '2025-06-01' })).toBe(true);
    expect(isValidIdNumber(id, { today: '2025-05-31' })).toBe(false);
    expect(isValidIdNumber(id)).toBe(true);
  });

  it('parses region, birth date and sex', () => {
    expect(parseIdNumber('11010519491231002x')).toEqual({
      idNumber: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});

describe('ID number properties', () => {
  const idArb = fc
    .record({ seed: fc.integer(), sex: fc.constantFrom('male' as const, 'female' as const) })
    .map(({ seed, sex }) => ({ id: generateIdNumber(createRng(seed), { sex }), sex }));

  it('every generated number validates and carries the requested sex', () => {
    fc.assert(
      fc.property(idArb, ({ id, sex }) => {
        expect(isValidIdNumber(id)).toBe(true);
        expect(parseIdNumber(id)?.sex).toBe(sex);
      }),
      { numRuns: 500 },
    );
  });

  it('MOD 11-2 detects every single-character substitution (digits 1–17, check char 0–9/X)', () => {
    fc.assert(
      fc.property(idArb, fc.nat(17), fc.nat(10), ({ id }, pos, k) => {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const c = alphabet.charAt(k % alphabet.length);
        fc.pre(c !== id.charAt(pos));
        const changed = id.slice(0, pos) + c + id.slice(pos + 1);
        // Whatever else fails, the check character alone rejects it:
        expect(idNumberCheckChar(changed.slice(0, 17))).not.toBe(changed.charAt(17));
        expect(isValidIdNumber(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('exhaustively: all 17×9 + 10 substitutions of one number are rejected', () => {
    const id = '11010519491231002X';
    let tried = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const c of pos === 17 ? '0123456789X' : '0123456789') {
        if (c === id.charAt(pos)) continue;
        tried++;
        expect(isValidIdNumber(id.slice(0, pos) + c + id.slice(pos + 1))).toBe(false);
      }
    }
    expect(tried).toBe(17 * 9 + 10);
  });

  it('MOD 11-2 also detects adjacent transpositions of different digits', () => {
    fc.assert(
      fc.property(idArb, fc.nat(15), ({ id }, pos) => {
        fc.pre(id.charAt(pos) !== id.charAt(pos + 1));
        const swapped = id.slice(0, pos) + id.charAt(pos + 1) + id.charAt(pos) + id.slice(pos + 2);
        expect(idNumberCheckChar(swapped.slice(0, 17))).not.toBe(swapped.charAt(17));
      }),
    );
  });
});
