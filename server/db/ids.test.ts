import { describe, expect, it } from 'vitest';
import { createUuidV7 } from './ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createUuidV7', () => {
  it('makes version-7 UUIDs that sort in the order they were made, also within one millisecond and past 4,096 of them', () => {
    const next = createUuidV7(() => 1_764_400_000_000);
    const ids = Array.from({ length: 10_000 }, next);
    for (const id of ids) expect(id).toMatch(UUID);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.replace(/-/g, '').slice(0, 12)).toBe((1_764_400_000_000).toString(16).padStart(12, '0'));
  });

  it('never goes backwards when the clock does', () => {
    let t = 2_000_000;
    const next = createUuidV7(() => t);
    const a = next();
    t = 1_000_000;
    const b = next();
    expect(b > a).toBe(true);
  });
});
