import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInstant } from './format';

const webDir = path.resolve(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [path.join(dir, e.name)] : []));

describe('instants on screen', () => {
  it('are shown in Beijing time', () => {
    expect(formatInstant('2026-11-24T02:00:00.000Z')).toBe('2026-11-24 10:00:00');
    expect(formatInstant('2026-11-29T19:12:00.000Z')).toBe('2026-11-30 03:12:00');
  });

  it('are never shown by cutting the stored UTC text (which shows UTC time, and the wrong day after 16:00 UTC)', () => {
    const offenders = sources(webDir).filter((f) => /\.slice\(0, 1[69]\)\.replace\('T', ' '\)/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(webDir, f))).toEqual([]);
  });
});
