import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEADLINE_MODULE_LABELS } from '../../../common/contracts';

// Every business that puts deadlines on the register is named on the to-do list (it showed 'legalService' raw).
const serverDir = path.resolve(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.includes('.test.') ? [path.join(dir, e.name)] : []));

describe('deadline register modules', () => {
  it('every module a service opens deadlines for has a Chinese label', () => {
    const modules = new Set<string>();
    for (const f of sources(path.join(serverDir, 'modules'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/deadlines\.open\(\s*trx,\s*\{\s*module:\s*'([a-zA-Z]+)'/g)) modules.add(m[1]!);
    }
    expect(modules.size).toBeGreaterThan(3);
    expect([...modules].filter((m) => !DEADLINE_MODULE_LABELS[m])).toEqual([]);
  });
});
