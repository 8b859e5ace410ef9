import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, generateMobile, isValidMobile, maskAddress, maskIdNumber, maskMobile, maskName, normalizeMobile } from './index';

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

  it.each([
    ['北京市西城区样例路 1 号', '北京市西城区****'],
    ['北京市西城区金融街街道样例胡同 3 号院 2 单元 101', '北京市西城区****'],
    ['河北省保定市涞水县样例村', '河北省保定市涞水县****'],
    ['内蒙古自治区呼和浩特市样例街', '内蒙古自治区****'],
    ['上海市样例路 8 号', '上海市****'],
    ['样例小区 5 号楼', '样例小****'],
    ['西城区', '西城区'],
    ['', ''],
  ])('maskAddress(%j) = %j', (s, m) => expect(maskAddress(s)).toBe(m));

  it('property: an address mask reveals at most the first 12 characters and never the tail', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.string({ minLength: 4, maxLength: 20 }), (head, tail) => {
        const s = `${head}${'路'}${tail}`;
        const m = maskAddress(s);
        const kept = m.endsWith('****') ? Array.from(m).length - 4 : Array.from(m).length;
        if (m !== s.trim()) expect(kept).toBeLessThanOrEqual(12);
      }),
    );
  });

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
