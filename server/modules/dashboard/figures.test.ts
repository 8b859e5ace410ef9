/** The figure catalogue says what each figure counts: the definition matches the field the module filters on. */
import { describe, expect, it } from 'vitest';
import { FIGURE_DEFS } from './figures';

describe('figure catalogue definitions', () => {
  it('行政应诉案件 counts by the court’s filing day (filedOn), not by the day the complaint copy was received', () => {
    const def = FIGURE_DEFS.get('litigation.cases')!.def;
    expect(def.definition).toContain('人民法院立案之日');
    expect(def.definition).not.toMatch(/^收到起诉状副本之日/);
    expect(def.drill!({ from: '2026-01-01', to: '2026-12-31' }).query).toEqual({ filedFrom: '2026-01-01', filedTo: '2026-12-31' });
  });
});
