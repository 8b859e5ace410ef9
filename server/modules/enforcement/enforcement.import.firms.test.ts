import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, generateCreditCode } from '../../../common/validators';
import { creditCodeOrder } from './enforcement.import.service';

// The firm register is written in credit-code order (one ascending run into its b-tree): the packed-number order must
// be exactly the string order, for credit codes and for any ASCII code up to 18 characters (longer ones fall back).
describe('creditCodeOrder', () => {
  const byString = (codes: string[]) => [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  it('orders like string comparison', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 18 }), fc.integer().map((s) => generateCreditCode(createRng(s))), fc.string({ maxLength: 24 })), { maxLength: 200 }), (codes) => {
        expect([...creditCodeOrder(codes)].map((i) => codes[i])).toEqual(byString(codes));
      }),
      { numRuns: 300 },
    );
  });
});
