import { describe, expect, it } from 'vitest';
import { dateLongZh, dateZh, formatInstant } from './format';

describe('dates and instants on screen', () => {
  it('instants are shown in Beijing time', () => {
    expect(formatInstant('2026-11-24T02:00:00.000Z')).toBe('2026-11-24 10:00:00');
    expect(formatInstant('2026-11-29T19:12:00.000Z')).toBe('2026-11-30 03:12:00');
  });
  it('dates are written as people write them', () => {
    expect(dateZh('2026-12-01')).toBe('2026年12月1日');
    expect(dateLongZh('2026-12-04')).toBe('2026年12月4日（星期五）');
    expect(dateZh('2026-13-01')).toBe('2026-13-01');
  });
});
