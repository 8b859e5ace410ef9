import { describe, expect, it } from 'vitest';
import { admitFiles, formatBytes } from './reconPortalApi';

describe('formatBytes', () => {
  it('says 0 KB when nothing is chosen (was "1 KB")', () => {
    expect(formatBytes(0)).toBe('0 KB');
    expect(formatBytes(45)).toBe('1 KB');
    expect(formatBytes(11_000_000)).toBe('10.5 MB');
  });
});

describe('admitFiles: a batch chosen at once is checked against the limits as a whole', () => {
  const pdf = (name: string, size = 45) => new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, ...new Array(Math.max(0, size - 5)).fill(0x20)])], name);
  it('never more than 5 files, and every refused file keeps its reason', async () => {
    const batch = [new File(['hello'], 'note.txt'), ...[1, 2, 3, 4, 5, 6].map((i) => pdf(`m${i}.pdf`))];
    const r = await admitFiles([], batch);
    expect(r.accepted.map((f) => f.name)).toEqual(['m1.pdf', 'm2.pdf', 'm3.pdf', 'm4.pdf', 'm5.pdf']);
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatch(/^note\.txt：文件类型不在允许范围内/);
    expect(r.errors[1]).toBe('m6.pdf：材料最多 5 个文件');
  });
  it('counts the files already chosen', async () => {
    const r = await admitFiles([pdf('a.pdf'), pdf('b.pdf'), pdf('c.pdf'), pdf('d.pdf')], [pdf('e.pdf'), pdf('f.pdf')]);
    expect(r.accepted.map((f) => f.name)).toEqual(['e.pdf']);
    expect(r.errors).toEqual(['f.pdf：材料最多 5 个文件']);
  });
});
