// Checks over the web sources that a lint rule cannot say simply (web/ itself may not use Node built-ins).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const webDir = path.resolve(import.meta.dirname, '../web');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [path.join(dir, e.name)] : []));

describe('web sources', () => {
  it('never show a stored instant by cutting its UTC text (that shows UTC time, and the wrong day after 16:00 UTC)', () => {
    const offenders = sources(webDir).filter((f) => /\.slice\(0, 1[69]\)\.replace\('T', ' '\)/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(webDir, f))).toEqual([]);
  });
});
