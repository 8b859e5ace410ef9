import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, generateMobile, isValidMobile, maskIdNumber, maskMobile, maskName, normalizeMobile } from './index';

describe('isValidMobile', () => {
  it.each([
    ['13812345678', true],
    ['19912345678', true],
    ['12812345678', false],
    ['10012345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['+8613812345678', false],
    ['138-1234-5678', false],
    ['２３８12345678', false],
  ])('%s → %s', (m, ok) => expect(isValidMobile(m)).toBe(ok));

  it('normalises common input forms', () => {
    expect(normalizeMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizeMobile('0086 13812345678')).toBe('13812345678');
  });

  it('property: generated numbers validate', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(isValidMobile(generateMobile(createRng(seed)))).toBe(true);
      }),
    );
  });
});

describe('masks', () => {
  it.each([
    ['110102199003071234', '110102********1234'],
    ['11010219900307123X', '110102********123X'],
    ['12345', '*****'],
    ['', ''],
  ])('maskIdNumber(%j) = %j', (s, m) => expect(maskIdNumber(s)).toBe(m));

  it.each([
    ['13812345678', '138****5678'],
    ['1234567', '*******'],
  ])('maskMobile(%j) = %j', (s, m) => expect(maskMobile(s)).toBe(m));

  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳小明', '欧**明'],
    ['买买提·艾力', '买**·*力'],
    ['王', '*'],
    ['', ''],
    ['𠀋二三', '𠀋*三'],
  ])('maskName(%j) = %j', (s, m) => expect(maskName(s)).toBe(m));

  it('property: masks keep the length and reveal at most first 6 + last 4 of an ID number', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 30 }), (s) => {
        const m = maskIdNumber(s);
        expect(m).toHaveLength(s.length);
        expect([...m].filter((c, i) => c !== '*' || s.charAt(i) === '*').length).toBeLessThanOrEqual(10);
      }),
    );
  });
});
