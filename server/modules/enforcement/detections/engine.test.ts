import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSortedViews, dayNumber, dayString, restrictToDays, rowId } from './columns';
import { ColumnBuilder } from './row-store';
import { createOfficialCalendar } from '../../../../common/calendar';
import { penaltyDueMemo } from '../penalty-deadline';
import { type PenaltyRow, type RawFlag, detectDiscretionOutlier, detectExpiredCertificate, detectFrequencyCap, detectLowYield, detectMultiAgency, detectOverduePenalty, detectRepeated, detectUnplanned } from './engine';
import { type RefFlag, type RefRow, refLowYield, refMultiAgency, refRepeated, refUnplanned } from './reference';

function columnsOf(rows: readonly RefRow[]) {
  const b = new ColumnBuilder(4);
  for (const r of rows) b.push(r.id, r.firm, r.agency, r.field, r.officer, r.kind, r.plan || null, r.joint || null, dayNumber(r.day), r.problem);
  const c = b.finish();
  return { c, v: buildSortedViews(c) };
}

const evidence = (c: ReturnType<typeof columnsOf>['c'], flags: RawFlag[]) => flags.map((f) => f.rows.map((r) => rowId(c, r)).sort().join(',')).sort();
const refEvidence = (flags: RefFlag[]) => flags.map((f) => f.ids.join(',')).sort();

let seq = 0;
const row = (o: Partial<RefRow> & { day: string }): RefRow => ({ id: `R${String(++seq).padStart(4, '0')}`, firm: 'F1', agency: 'A1', field: 'urban', officer: 'O1', kind: 'plan', plan: 'P1', joint: '', problem: 0, ...o });

const KINDS = ['plan', 'random', 'complaint', 'special', 'other'] as const;
const rowsArb = fc
  .array(
    fc.record({
      firm: fc.constantFrom('F1', 'F2', 'F3'),
      agency: fc.constantFrom('A1', 'A2', 'A3', 'A4'),
      field: fc.constantFrom('urban', 'market'),
      officer: fc.constantFrom('O1', 'O2', 'O3', 'O4', 'O5'),
      kind: fc.constantFrom(...KINDS),
      plan: fc.constantFrom('', 'P1'),
      joint: fc.constantFrom('', '', '', 'J1', 'J2'),
      day: fc.integer({ min: 0, max: 150 }),
      problem: fc.integer({ min: 0, max: 1 }),
    }),
    { maxLength: 80 },
  )
  .map((xs) => xs.map((x, i) => ({ ...x, id: `X${String(i).padStart(3, '0')}`, day: dayString(dayNumber('2025-01-01') + x.day) })));

describe('day numbers', () => {
  it('round-trips every day of four centuries, leap years included', () => {
    for (let z = dayNumber('1900-01-01'); z <= dayNumber('2300-12-31'); z += 1) expect(dayNumber(dayString(z))).toBe(z);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
  });
});

describe('repeated-inspection windowing (table)', () => {
  const p = { windowDays: 30, minVisits: 2, excludeKinds: ['complaint' as const] };
  const cases: [string, RefRow[], number[][]][] = [
    ['two visits 30 days apart: one flag (window inclusive)', [row({ day: '2025-01-01' }), row({ day: '2025-01-31' })], [[0, 1]]],
    ['two visits 31 days apart: none', [row({ day: '2025-01-01' }), row({ day: '2025-02-01' })], []],
    ['chain 0, 25, 50: one flag of three', [row({ day: '2025-01-01' }), row({ day: '2025-01-26' }), row({ day: '2025-02-20' })], [[0, 1, 2]]],
    ['complaint verification excluded', [row({ day: '2025-01-01' }), row({ day: '2025-01-05', kind: 'complaint' })], []],
    ['one joint inspection recorded twice counts once', [row({ day: '2025-01-01', joint: 'J1' }), row({ day: '2025-01-01', joint: 'J1', officer: 'O2' })], []],
    ['a joint inspection plus a separate visit: one flag with all three rows', [row({ day: '2025-01-01', joint: 'J1' }), row({ day: '2025-01-01', joint: 'J1' }), row({ day: '2025-01-10' })], [[0, 1, 2]]],
    ['other field or agency: separate groups', [row({ day: '2025-01-01' }), row({ day: '2025-01-02', field: 'market' }), row({ day: '2025-01-03', agency: 'A2' })], []],
    ['two chains far apart: two flags', [row({ day: '2025-01-01' }), row({ day: '2025-01-02' }), row({ day: '2025-06-01' }), row({ day: '2025-06-02' })], [[0, 1], [2, 3]]],
  ];
  for (const [name, rows, want] of cases) {
    it(name, () => {
      const { c, v } = columnsOf(rows);
      const got = evidence(c, detectRepeated(c, v, p));
      expect(got).toEqual(want.map((ix) => ix.map((i) => rows[i]!.id).sort().join(',')).sort());
      expect(got).toEqual(refEvidence(refRepeated(rows, p)));
    });
  }
  it('minVisits 3: three visits inside one 30-day window, not a 58-day chain', () => {
    const p3 = { ...p, minVisits: 3 };
    const spread = [row({ day: '2025-01-01' }), row({ day: '2025-01-30' }), row({ day: '2025-02-28' })];
    const tight = [row({ day: '2025-01-01', firm: 'F9' }), row({ day: '2025-01-15', firm: 'F9' }), row({ day: '2025-01-31', firm: 'F9' })];
    const { c, v } = columnsOf([...spread, ...tight]);
    expect(evidence(c, detectRepeated(c, v, p3))).toEqual([tight.map((r) => r.id).join(',')]);
  });
});

describe('multi-agency-inspection windowing (table)', () => {
  const p = { windowDays: 30, minAgencies: 3, excludeKinds: ['complaint' as const] };
  it('three agencies within 30 days: one flag; joint rows, complaint verifications and far visits do not count', () => {
    const flagged = [row({ day: '2025-01-01', agency: 'A1' }), row({ day: '2025-01-15', agency: 'A2' }), row({ day: '2025-01-31', agency: 'A3' })];
    const joint = ['A1', 'A2', 'A3'].map((a) => row({ day: '2025-03-01', agency: a, joint: 'J1', firm: 'F2' }));
    const far = ['A1', 'A2', 'A3'].map((a, i) => row({ day: dayString(dayNumber('2025-01-01') + 40 * i), agency: a, firm: 'F3' }));
    const complaint = [row({ day: '2025-01-01', agency: 'A1', firm: 'F4' }), row({ day: '2025-01-02', agency: 'A2', firm: 'F4' }), row({ day: '2025-01-03', agency: 'A3', firm: 'F4', kind: 'complaint' })];
    const all = [...flagged, ...joint, ...far, ...complaint];
    const { c, v } = columnsOf(all);
    const flags = detectMultiAgency(c, v, p);
    expect(evidence(c, flags)).toEqual([flagged.map((r) => r.id).sort().join(',')]);
    expect(flags[0]!.agencies).toEqual(['A1', 'A2', 'A3']);
    expect(evidence(c, flags)).toEqual(refEvidence(refMultiAgency(all, p)));
  });
});

describe('typed-array engine = naive reference (fast-check)', () => {
  it('repeated-inspection', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 4 }), fc.subarray([...KINDS]), (rows, windowDays, minVisits, excludeKinds) => {
        const p = { windowDays, minVisits, excludeKinds };
        const { c, v } = columnsOf(rows);
        expect(evidence(c, detectRepeated(c, v, p))).toEqual(refEvidence(refRepeated(rows, p)));
      }),
      { numRuns: 400 },
    );
  });
  it('multi-agency-inspection', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 4 }), fc.subarray([...KINDS]), (rows, windowDays, minAgencies, excludeKinds) => {
        const p = { windowDays, minAgencies, excludeKinds };
        const { c, v } = columnsOf(rows);
        expect(evidence(c, detectMultiAgency(c, v, p))).toEqual(refEvidence(refMultiAgency(rows, p)));
      }),
      { numRuns: 400 },
    );
  });
  it('unplanned-inspection', () => {
    fc.assert(
      fc.property(rowsArb, fc.subarray([...KINDS]), (rows, kinds) => {
        const { c, v } = columnsOf(rows);
        expect(evidence(c, detectUnplanned(c, v, { kinds }))).toEqual(refEvidence(refUnplanned(rows, { kinds })));
      }),
    );
  });
  it('low-yield-officer', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 1, noNaN: true }), (rows, minInspections, medianRatio) => {
        const p = { minInspections, medianRatio };
        const { c, v } = columnsOf(rows);
        expect(evidence(c, detectLowYield(c, v, p))).toEqual(refEvidence(refLowYield(rows, p)));
      }),
      { numRuns: 300 },
    );
  });
  it('flags are disjoint per rule and group, and every evidence row passes the rule filter', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { c, v } = columnsOf(rows);
        const flags = detectRepeated(c, v, { windowDays: 30, minVisits: 2, excludeKinds: ['complaint'] });
        const seen = new Set<number>();
        for (const f of flags) for (const r of f.rows) {
          expect(seen.has(r)).toBe(false);
          seen.add(r);
          expect(c.kind[r]).not.toBe(3);
        }
      }),
    );
  });
});

describe('the load order of the rows does not matter', () => {
  // Flags (evidence in order, hence the first evidence record that makes a flag's id) are the same whatever order the
  // rows come in: the columns are sorted by (firm, day, record id).
  const plans = [{ agencyCode: 'A1', field: 'urban', year: 2025, perFirmCap: 1 }, { agencyCode: 'A2', field: 'market', year: 2025, perFirmCap: 1 }];
  const officers = [{ id: 'O1', certificateValidFrom: '2025-01-01', certificateValidTo: '2025-02-15' }, { id: 'O2', certificateValidFrom: '2025-03-01', certificateValidTo: '2025-12-31' }];
  const all = (rows: RefRow[]) => {
    const { c, v } = columnsOf(rows);
    const ids = (flags: RawFlag[]) => flags.map((f) => `${f.key}:${f.rows.map((r) => rowId(c, r)).join(',')}`).sort();
    return [
      ids(detectRepeated(c, v, { windowDays: 30, minVisits: 2, excludeKinds: ['complaint'] })),
      ids(detectMultiAgency(c, v, { windowDays: 30, minAgencies: 2, excludeKinds: ['complaint'] })),
      ids(detectUnplanned(c, v, { kinds: ['plan', 'special'] })),
      ids(detectLowYield(c, v, { minInspections: 2, medianRatio: 0.9 })),
      ids(detectFrequencyCap(c, v, { excludeKinds: ['complaint'], defaultCap: 1 }, plans)),
      ids(detectExpiredCertificate(c, v, { flagUnregisteredOfficer: true }, officers)),
    ];
  };
  it('a snapshot cut from wider columns (restrictToDays) flags as one built from the rows in the range', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 }), (rows, a, b) => {
        const from = dayNumber('2025-01-01') + Math.min(a, b);
        const to = dayNumber('2025-01-01') + Math.max(a, b);
        const b1 = new ColumnBuilder(4);
        for (const r of rows) b1.push(r.id, r.firm, r.agency, r.field, r.officer, r.kind, r.plan || null, r.joint || null, dayNumber(r.day), r.problem);
        const wide = b1.finish();
        buildSortedViews(wide); // a store may already be sorted; cutting must not depend on it
        const c = restrictToDays(wide, from, to);
        const v = buildSortedViews(c);
        const inRange = rows.filter((r) => dayNumber(r.day) >= from && dayNumber(r.day) <= to);
        const ref = columnsOf(inRange);
        const ids = (cc: typeof c, flags: RawFlag[]) => flags.map((f) => `${f.key}:${f.rows.map((r) => rowId(cc, r)).join(',')}`).sort();
        expect(ids(c, detectRepeated(c, v, { windowDays: 30, minVisits: 2, excludeKinds: ['complaint'] }))).toEqual(ids(ref.c, detectRepeated(ref.c, ref.v, { windowDays: 30, minVisits: 2, excludeKinds: ['complaint'] })));
        expect(ids(c, detectMultiAgency(c, v, { windowDays: 30, minAgencies: 2, excludeKinds: [] }))).toEqual(ids(ref.c, detectMultiAgency(ref.c, ref.v, { windowDays: 30, minAgencies: 2, excludeKinds: [] })));
        expect(ids(c, detectLowYield(c, v, { minInspections: 2, medianRatio: 0.9 }))).toEqual(ids(ref.c, detectLowYield(ref.c, ref.v, { minInspections: 2, medianRatio: 0.9 })));
        expect(ids(c, detectFrequencyCap(c, v, { excludeKinds: [], defaultCap: 1 }, []))).toEqual(ids(ref.c, detectFrequencyCap(ref.c, ref.v, { excludeKinds: [], defaultCap: 1 }, [])));
      }),
      { numRuns: 200 },
    );
  });
  it('shuffled rows give the same flags with the same evidence order', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 1 << 30 }), (rows, seed) => {
        const shuffled = [...rows];
        let x = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
          const j = x % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(all(shuffled)).toEqual(all(rows));
      }),
      { numRuns: 300 },
    );
  });
});

describe('register-based rules = naive definitions (fast-check)', () => {
  const certArb = fc.array(fc.record({ id: fc.constantFrom('O1', 'O2', 'O3', 'O4'), from: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }), len: fc.integer({ min: -5, max: 150 }) }), { maxLength: 4 });
  it('expired-certificate', () => {
    fc.assert(
      fc.property(rowsArb, certArb, fc.boolean(), (rows, certs, flagUnregisteredOfficer) => {
        const base = dayNumber('2025-01-01');
        const seen = new Set<string>();
        const officers = certs.filter((x) => !seen.has(x.id) && seen.add(x.id)).map((x) => ({ id: x.id, certificateValidFrom: x.from === null ? null : dayString(base + x.from), certificateValidTo: x.from === null ? null : dayString(base + x.from + x.len) }));
        const { c, v } = columnsOf(rows);
        const got = detectExpiredCertificate(c, v, { flagUnregisteredOfficer }, officers).map((f) => `${f.officer}:${f.rows.map((r) => rowId(c, r)).join(',')}`);
        const want = new Map<string, RefRow[]>();
        for (const r of rows) {
          const o = officers.find((x) => x.id === r.officer);
          if (!o && !flagUnregisteredOfficer) continue;
          if (o && o.certificateValidFrom && o.certificateValidTo && r.day >= o.certificateValidFrom && r.day <= o.certificateValidTo) continue;
          want.set(r.officer, [...(want.get(r.officer) ?? []), r]);
        }
        const ref = [...want].sort(([a], [b]) => (a < b ? -1 : 1)).map(([o, rs]) => `${o}:${rs.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.id < y.id ? -1 : 1)).map((r) => r.id).join(',')}`);
        expect(got).toEqual(ref);
      }),
      { numRuns: 300 },
    );
  });
});

describe('register-based rules', () => {
  it('frequency-cap: visits above the plan cap in one year (joint counts once; complaint excluded; no cap, no flag)', () => {
    const rows = [
      row({ day: '2025-01-01' }),
      row({ day: '2025-03-01', joint: 'J1' }),
      row({ day: '2025-03-01', joint: 'J1' }),
      row({ day: '2025-05-01', kind: 'complaint' }),
      row({ day: '2025-07-01' }),
      row({ day: '2026-01-05' }),
      row({ day: '2025-01-01', agency: 'A2' }),
      row({ day: '2025-02-01', agency: 'A2' }),
      row({ day: '2025-03-01', agency: 'A2' }),
    ];
    const { c, v } = columnsOf(rows);
    const flags = detectFrequencyCap(c, v, { excludeKinds: ['complaint'], defaultCap: null }, [{ agencyCode: 'A1', field: 'urban', year: 2025, perFirmCap: 2 }]);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.detail).toEqual({ year: 2025, visits: 3, cap: 2 });
    expect(flags[0]!.rows.map((r) => rowId(c, r))).toEqual([rows[0]!.id, rows[1]!.id, rows[2]!.id, rows[4]!.id]);
    expect(detectFrequencyCap(c, v, { excludeKinds: ['complaint'], defaultCap: 2 }, []).map((f) => f.agencies[0])).toEqual(['A1', 'A2']);
  });

  it('expired-certificate: outside the validity (inclusive) or unregistered', () => {
    const rows = [row({ day: '2025-01-01', officer: 'O1' }), row({ day: '2025-06-30', officer: 'O1' }), row({ day: '2025-07-01', officer: 'O1' }), row({ day: '2025-03-01', officer: 'O9' })];
    const { c, v } = columnsOf(rows);
    const officers = [{ id: 'O1', certificateValidFrom: '2025-01-01', certificateValidTo: '2025-06-30' }];
    const flags = detectExpiredCertificate(c, v, { flagUnregisteredOfficer: true }, officers);
    expect(flags.map((f) => [f.officer, f.rows.map((r) => rowId(c, r))])).toEqual([
      ['O1', [rows[2]!.id]],
      ['O9', [rows[3]!.id]],
    ]);
    expect(detectExpiredCertificate(c, v, { flagUnregisteredOfficer: false }, officers)).toHaveLength(1);
  });

  const pen = (id: string, o: Partial<PenaltyRow>): PenaltyRow => ({ id, targetCreditCode: 'F1', agencyCode: 'A1', field: 'market', violationCode: 'V1', discretionLevel: 'ordinary', amount: 1000, filedOn: '2025-01-01', decidedOn: '2025-02-01', ...o });

  it('overdue-penalty (《行政处罚法》第六十条): 90 calendar days after filing, undecided measured on asOf', () => {
    const rows = [pen('ok', { decidedOn: '2025-04-01' }), pen('late', { decidedOn: '2025-04-02' }), pen('open', { decidedOn: null }), pen('openOk', { filedOn: '2025-03-01', decidedOn: null })];
    // the deadline engine: 2025-01-01 + 90 calendar days = 2025-04-01 (a working day, no roll-forward)
    const due = penaltyDueMemo(createOfficialCalendar());
    const flags = detectOverduePenalty(rows, (r) => ({ due: due(r.filedOn, 0), citation: '《中华人民共和国行政处罚法》第六十条', extensionDays: 0 }), '2025-05-01');
    expect(flags.map((f) => f.penaltyIds![0])).toEqual(['late', 'open']);
    expect(flags[0]!.detail).toMatchObject({ dueOn: '2025-04-01', daysOver: 1 });
  });

  it('discretion-outlier: far from the median of the same violation and level, in groups large enough', () => {
    const rows = [1000, 1100, 900, 1000, 5000, 200].map((a, i) => pen(`P${i}`, { amount: a }));
    const flags = detectDiscretionOutlier([...rows, pen('small', { violationCode: 'V2', amount: 99999 })], { factor: 3, minGroupSize: 5 });
    expect(flags.map((f) => f.penaltyIds![0]).sort()).toEqual(['P4', 'P5']);
    expect(flags.find((f) => f.penaltyIds![0] === 'P4')!.detail).toMatchObject({ benchmark: 1000 });
  });
});
