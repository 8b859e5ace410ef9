import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  createRng,
  creditCodeCheckChar,
  generateCreditCode,
  isValidCreditCode,
  normalizeCreditCode,
  organizationCodeCheckChar,
} from './index';

describe('isValidCreditCode (GB 32100-2015, MOD 31)', () => {
  it.each([
    ['91350100M000100Y43', true, 'GB 32100 example'],
    ['91350100M000100Y42', false, 'wrong check character'],
    ['91350100M000100Y4', false, '17 characters'],
    ['91350100M000100Y433', false, '19 characters'],
    ['91350100m000100Y43', false, 'lower case (normalise first)'],
    ['B1350100M000100Y43', false, 'B is not a registration authority code'],
    ['90350100M000100Y43', false, 'category code 0'],
    ['913501A0M000100Y43', false, 'non-digit in region code'],
    ['91350100I000100Y43', false, 'I is outside the charset'],
    ['91350100O000100Y43', false, 'O is outside the charset'],
  ])('%s → %s (%s)', (code, ok) => {
    expect(isValidCreditCode(code)).toBe(ok);
  });

  it('charset has 31 characters without I O Z S V', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const c of 'IOZSV') expect(CREDIT_CODE_CHARSET).not.toContain(c);
  });

  it('check character maps a remainder of 0 to "0"', () => {
    // brute-force find a 17-char prefix whose weighted sum ≡ 0 (mod 31)
    const prefix = '9111010200000000';
    const found = [...CREDIT_CODE_CHARSET].map((c) => prefix + c).find((p) => creditCodeCheckChar(p) === '0');
    expect(found).toBeDefined();
  });

  it('GB 11714 organisation-code check character', () => {
    // hand-computed: Σ(1..8 × 3,7,9,10,5,8,4,2) = 201, 201 mod 11 = 3, 11 − 3 = 8
    expect(organizationCodeCheckChar('12345678')).toBe('8');
    // D=13: Σ = 199, 199 mod 11 = 1, 11 − 1 = 10 → 'X'
    expect(organizationCodeCheckChar('D2143569')).toBe('X');
    expect(organizationCodeCheckChar('D214356')).toBeNull();
  });

  it('normalises', () => expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43'));
  it('rejects non-strings', () => expect(isValidCreditCode(null)).toBe(false));
});

describe('credit code properties', () => {
  const codeArb = fc
    .record({ seed: fc.integer(), prefix: fc.constantFrom('91', '92', '93', '31', '52', '12', '11') })
    .map(({ seed, prefix }) => generateCreditCode(createRng(seed), { prefix }));

  it('every generated code validates', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(isValidCreditCode(code)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('MOD 31 detects every single-character substitution within the charset', () => {
    fc.assert(
      fc.property(codeArb, fc.nat(17), fc.nat(30), (code, pos, k) => {
        const c = CREDIT_CODE_CHARSET.charAt(k);
        fc.pre(c !== code.charAt(pos));
        const changed = code.slice(0, pos) + c + code.slice(pos + 1);
        expect(creditCodeCheckChar(changed.slice(0, 17))).not.toBe(changed.charAt(17));
        expect(isValidCreditCode(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('exhaustively: all 18×30 substitutions of the GB example are rejected', () => {
    const code = '91350100M000100Y43';
    for (let pos = 0; pos < 18; pos++) {
      for (const c of CREDIT_CODE_CHARSET) {
        if (c !== code.charAt(pos)) expect(isValidCreditCode(code.slice(0, pos) + c + code.slice(pos + 1))).toBe(false);
      }
    }
  });
});
