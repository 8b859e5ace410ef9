import { describe, expect, it } from 'vitest';
import { RowStore } from './row-store';

describe('RowStore id index', () => {
  it('finds every id across index growth; no row dies unless replaced', () => {
    const st = new RowStore();
    const n = 100_000; // the index doubles from 8,192 slots several times on the way
    for (let i = 0; i < n; i++) expect(st.pushStrings(`ID-${i}`, 'F', 'A', 'urban', 'O', 'plan', null, null, 1, 0, null)).toBe(-1);
    st.commit();
    expect(st.live).toBe(n);
    for (let i = 0; i < n; i += 997) expect(st.findString(`ID-${i}`)).toBe(i);
    // a replacement: the old row dies at commit, the new one is found
    expect(st.pushStrings('ID-5', 'F2', 'A', 'urban', 'O', 'plan', null, null, 2, 1, 10)).toBe(5);
    expect(st.live).toBe(n);
    st.commit();
    expect(st.live).toBe(n);
    expect(st.findString('ID-5')).toBe(n);
    // rows of an import that is dropped leave nothing behind
    st.pushStrings('NEW-1', 'F', 'A', 'urban', 'O', 'plan', null, null, 1, 0, null);
    st.pushStrings('ID-7', 'F', 'A', 'urban', 'O', 'plan', null, null, 1, 0, null);
    st.rollback();
    expect(st.findString('NEW-1')).toBe(-1);
    expect(st.findString('ID-7')).toBe(7);
    expect(st.live).toBe(n);
  });

  it('a dictionary reserved ahead keeps its codes and takes new keys', () => {
    const st = new RowStore();
    const d = st.dicts.firm;
    for (let i = 0; i < 1000; i++) d.code(`F${i}`);
    d.reserve(100_000);
    for (let i = 0; i < 1000; i++) expect(d.lookup(`F${i}`)).toBe(i);
    for (let i = 1000; i < 50_000; i++) expect(d.code(`F${i}`)).toBe(i);
    expect(d.codeBytes(Buffer.from('F49999'), 0, 6)).toBe(49_999);
  });

  it('a bulk append leaves the index to be rebuilt on its next use', () => {
    const src = new RowStore(undefined, 16, false);
    for (let i = 0; i < 20_000; i++) src.pushStrings(`B${i}`, `F${i % 7}`, 'A', 'urban', 'O', 'random', null, null, 3, 1, 5);
    src.commit();
    expect(src.findString('B1')).toBe(-1); // no index in a worker's store
    const dst = new RowStore();
    dst.pushStrings('X', 'F0', 'A', 'urban', 'O', 'random', null, null, 3, 1, 5);
    dst.commit();
    const m = (d: keyof RowStore['dicts']) => Int32Array.from(src.dicts[d].values, (v, i) => (i === 0 && (d === 'plan' || d === 'joint') ? 0 : dst.dicts[d].code(v)));
    dst.appendBulk(src, { firm: m('firm'), agency: m('agency'), field: m('field'), officer: m('officer'), plan: m('plan'), joint: m('joint') });
    dst.commit();
    expect(dst.live).toBe(20_001);
    expect(dst.findString('B19999')).toBe(20_000);
    expect(dst.findString('X')).toBe(0);
    expect(dst.dicts.firm.values[dst.firm[20_000]!]).toBe(`F${19_999 % 7}`);
    expect(dst.dicts.firm.values[dst.firm[6]!]).toBe('F5');
  });
});
