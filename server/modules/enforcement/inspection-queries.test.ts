import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InspectionColumns, buildSortedViews, dayNumber, dayString } from './detections/columns';
import { ColumnBuilder } from './detections/row-store';
import { type InspectionFilter, type InspectionRow, type QueryLimits, firmInspections, firmsInspectedBy, inspectedByAny, inspectionCube, inspectionsByIds, monthTrend } from './inspection-queries';
import type { EnforcementScope } from './scope';

/** One stored inspection as the SQL table holds it. */
interface Rec {
  id: string;
  firm: string;
  agency: string;
  field: string;
  officer: string;
  kind: string;
  plan: string | null;
  joint: string | null;
  day: string;
  problem: 0 | 1;
}

const FIRMS = ['F0', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'];
const AGENCIES = ['A0', 'A1', 'A2', 'A3', 'A4'];
const FIELDS = ['market', 'safety', 'eco'];
const KINDS = ['plan', 'random', 'complaint', 'special', 'other'];
const STREETS = ['S0', 'S1', 'S2'];
const DAY0 = dayNumber('2023-11-20');
const SPAN = 120; // crosses a year and four month ends, 2024-02-29 included

const build = (recs: readonly Rec[]): InspectionColumns => {
  const b = new ColumnBuilder(4);
  for (const r of recs) b.push(r.id, r.firm, r.agency, r.field, r.officer, r.kind, r.plan, r.joint, dayNumber(r.day), r.problem);
  return b.finish();
};

const arbId = fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'Z', '0', '9', '-', '_'), minLength: 1, maxLength: 5 });
const arbRec: fc.Arbitrary<Rec> = fc.record({
  id: arbId,
  firm: fc.constantFrom(...FIRMS),
  agency: fc.constantFrom(...AGENCIES),
  field: fc.constantFrom(...FIELDS),
  officer: fc.constantFrom('o1', 'o2', 'o3'),
  kind: fc.constantFrom(...KINDS),
  plan: fc.option(fc.constantFrom('P1', 'P2'), { nil: null }),
  joint: fc.option(fc.constantFrom('J1', 'J2'), { nil: null }),
  day: fc.integer({ min: 0, max: SPAN }).map((d) => dayString(DAY0 + d)),
  problem: fc.constantFrom(0 as const, 1 as const),
});
/** Ids unique (the SQLite key); with `perFirm` unique per firm only (the PostgreSQL key (firm, id)). */
const arbRecs = (perFirm: boolean) =>
  fc.array(arbRec, { maxLength: 80, size: 'max' }).map((rs) => {
    const seen = new Set<string>();
    return rs.filter((r) => {
      const k = perFirm ? `${r.firm}\u0000${r.id}` : r.id;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  });
/** The register: some firms (also some without rows), a street or none. */
const arbStreets = fc
  .array(fc.tuple(fc.constantFrom(...FIRMS, 'F8', 'F9'), fc.option(fc.constantFrom(...STREETS, ''), { nil: null })), { maxLength: 10 })
  .map((es) => new Map<string, string | null>(es));
const arbScope: fc.Arbitrary<EnforcementScope> = fc.oneof(
  fc.constant<EnforcementScope>({ all: true, streets: [], agencies: [] }),
  fc.record({ all: fc.constant(false), streets: fc.subarray([...STREETS, 'S9']), agencies: fc.subarray([...AGENCIES, 'A9']) }),
);
const arbDay = fc.oneof(
  fc.integer({ min: -5, max: SPAN + 5 }).map((d) => dayString(DAY0 + d)),
  fc.constantFrom('2024-02-30', '2023-12-32', '2024-00-15', '2024-13-01', '0000-00-00', '9999-99-99'),
);
const arbFilter: fc.Arbitrary<InspectionFilter> = fc.record(
  {
    from: arbDay,
    to: arbDay,
    field: fc.constantFrom(...FIELDS, 'nofield', ''),
    agencyCode: fc.constantFrom(...AGENCIES, 'A9', ''),
    street: fc.constantFrom(...STREETS, 'S9', ''),
  },
  { requiredKeys: ['from', 'to'] },
);

// --- the SQL, written the obvious way over row objects

function refRows(recs: readonly Rec[], q: InspectionFilter, scope: EnforcementScope, streets: ReadonlyMap<string, string | null>): Rec[] {
  return recs.filter((r) => {
    if (r.day < q.from || r.day > q.to) return false;
    if (q.field && r.field !== q.field) return false;
    if (q.agencyCode && r.agency !== q.agencyCode) return false;
    if (q.street && streets.get(r.firm) !== q.street) return false;
    return refInScope(r, scope, streets);
  });
}
function refInScope(r: Rec, scope: EnforcementScope, streets: ReadonlyMap<string, string | null>): boolean {
  if (scope.all) return true;
  const st = streets.get(r.firm);
  return (scope.streets.length > 0 && st != null && scope.streets.includes(st)) || (scope.agencies.length > 0 && scope.agencies.includes(r.agency));
}
function refCube(rows: readonly Rec[]) {
  const cube = new Map<string, { m: string; fd: string; ag: string; kd: string; c: number; p: number }>();
  const firms = new Map<string, { k: string; c: number; p: number; ags: Set<string> }>();
  for (const r of rows) {
    const key = [r.day.slice(0, 7), r.field, r.agency, r.kind].join('|');
    const e = cube.get(key) ?? cube.set(key, { m: r.day.slice(0, 7), fd: r.field, ag: r.agency, kd: r.kind, c: 0, p: 0 }).get(key)!;
    e.c++;
    e.p += r.problem;
    const f = firms.get(r.firm) ?? firms.set(r.firm, { k: r.firm, c: 0, p: 0, ags: new Set() }).get(r.firm)!;
    f.c++;
    f.p += r.problem;
    f.ags.add(r.agency);
  }
  return { cube: [...cube.values()], perFirm: [...firms.values()].map((f) => ({ k: f.k, c: f.c, p: f.p, a: f.ags.size })) };
}
function refTrend(rows: readonly Rec[]) {
  const m = new Map<string, { k: string; c: number; p: number }>();
  for (const r of rows) {
    const k = r.day.slice(0, 7);
    const e = m.get(k) ?? m.set(k, { k, c: 0, p: 0 }).get(k)!;
    e.c++;
    e.p += r.problem;
  }
  return [...m.values()].sort((a, b) => (a.k < b.k ? -1 : 1));
}
const asRow = (r: Rec): InspectionRow => ({ id: r.id, targetCreditCode: r.firm, agencyCode: r.agency, officerId: r.officer, field: r.field, kind: r.kind, planId: r.plan, jointId: r.joint, inspectedOn: r.day, foundProblem: r.problem === 1 });
/** ids are ASCII: JavaScript's string order is their byte order */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function refFirm(recs: readonly Rec[], firm: string, agencies: readonly string[] | null) {
  const rows = recs
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.firm === firm && (agencies === null || agencies.includes(r.agency)))
    .sort((a, b) => cmp(b.r.day, a.r.day) || cmp(a.r.id, b.r.id) || a.i - b.i);
  return { rows: rows.slice(0, 500).map(({ r }) => asRow(r)), total: rows.length };
}
function refByIds(recs: readonly Rec[], ids: readonly string[], scope: EnforcementScope, streets: ReadonlyMap<string, string | null>) {
  return recs
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => ids.includes(r.id) && refInScope(r, scope, streets))
    .sort((a, b) => cmp(a.r.day, b.r.day) || cmp(a.r.id, b.r.id) || a.i - b.i)
    .map(({ r }) => asRow(r));
}

const sortCube = <T extends { m: string; fd: string; ag: string; kd: string }>(a: T[]) => [...a].sort((x, y) => cmp(x.m, y.m) || cmp(x.fd, y.fd) || cmp(x.ag, y.ag) || cmp(x.kd, y.kd));
const sortFirms = <T extends { k: string }>(a: T[]) => [...a].sort((x, y) => cmp(x.k, y.k));

const LIMITS: [string, QueryLimits | undefined][] = [
  ['dense tables', undefined],
  ['sparse cube, no partition', { cubeCells: 0, partition: false }],
  ['dense cube, partition into ranges of two firms', { cubeCells: 1 << 22, partition: true, shift: 1 }],
];

describe('inspectionCube', () => {
  for (const [name, limits] of LIMITS) {
    it(`equals the two grouped SQL queries (${name})`, () => {
      fc.assert(
        fc.property(arbRecs(false), arbStreets, arbScope, arbFilter, (recs, streets, scope, q) => {
          const cols = build(recs);
          const got = inspectionCube(cols, q, scope, streets, limits);
          const want = refCube(refRows(recs, q, scope, streets));
          expect(sortCube(got.cube)).toEqual(sortCube(want.cube));
          expect(sortFirms(got.perFirm)).toEqual(sortFirms(want.perFirm));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('counts the whole range and every firm, and nothing for an empty scope or an inverted range', () => {
    const recs: Rec[] = [
      { id: 'x1', firm: 'F0', agency: 'A0', field: 'market', officer: 'o1', kind: 'plan', plan: 'P1', joint: null, day: '2024-01-31', problem: 1 },
      { id: 'x2', firm: 'F0', agency: 'A1', field: 'market', officer: 'o1', kind: 'plan', plan: null, joint: null, day: '2024-01-01', problem: 0 },
      { id: 'x3', firm: 'F0', agency: 'A1', field: 'market', officer: 'o2', kind: 'plan', plan: null, joint: 'J1', day: '2024-02-01', problem: 1 },
      { id: 'x4', firm: 'F1', agency: 'A1', field: 'eco', officer: 'o2', kind: 'random', plan: null, joint: null, day: '2024-02-29', problem: 0 },
    ];
    const cols = build(recs);
    const all: EnforcementScope = { all: true, streets: [], agencies: [] };
    const r = inspectionCube(cols, { from: '2024-01-01', to: '2024-02-29' }, all, new Map());
    expect(sortCube(r.cube)).toEqual([
      { m: '2024-01', fd: 'market', ag: 'A0', kd: 'plan', c: 1, p: 1 },
      { m: '2024-01', fd: 'market', ag: 'A1', kd: 'plan', c: 1, p: 0 },
      { m: '2024-02', fd: 'eco', ag: 'A1', kd: 'random', c: 1, p: 0 },
      { m: '2024-02', fd: 'market', ag: 'A1', kd: 'plan', c: 1, p: 1 },
    ]);
    expect(sortFirms(r.perFirm)).toEqual([
      { k: 'F0', c: 3, p: 2, a: 2 },
      { k: 'F1', c: 1, p: 0, a: 1 },
    ]);
    expect(inspectionCube(cols, { from: '2024-01-01', to: '2024-12-31' }, { all: false, streets: [], agencies: [] }, new Map())).toEqual({ cube: [], perFirm: [] });
    expect(inspectionCube(cols, { from: '2024-03-01', to: '2024-01-01' }, all, new Map())).toEqual({ cube: [], perFirm: [] });
    // 2024-02-30 is after 2024-02-29 and before 2024-03-01 as text
    expect(inspectionCube(cols, { from: '2024-02-30', to: '2024-12-31' }, all, new Map()).perFirm).toEqual([]);
    expect(inspectionCube(build([]), { from: '2024-01-01', to: '2024-12-31' }, all, new Map())).toEqual({ cube: [], perFirm: [] });
  });
});

describe('monthTrend', () => {
  it('equals the grouped trend query, ordered by month', () => {
    fc.assert(
      fc.property(arbRecs(false), arbStreets, arbScope, arbFilter, (recs, streets, scope, q) => {
        expect(monthTrend(build(recs), q, scope, streets)).toEqual(refTrend(refRows(recs, q, scope, streets)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('firmInspections', () => {
  const arbAgencies = fc.option(fc.subarray([...AGENCIES, 'A9']), { nil: null });
  it('equals the firm file query: newest first, then id; the count of all', () => {
    fc.assert(
      fc.property(arbRecs(false), fc.constantFrom(...FIRMS, 'F9'), arbAgencies, (recs, firm, agencies) => {
        const cols = build(recs);
        expect(firmInspections(cols, firm, agencies)).toEqual(refFirm(recs, firm, agencies));
        // the cached index answers the same, also for another firm
        expect(firmInspections(cols, firm, agencies)).toEqual(refFirm(recs, firm, agencies));
        expect(firmInspections(cols, 'F1', null)).toEqual(refFirm(recs, 'F1', null));
      }),
      { numRuns: 300 },
    );
  });

  it('returns at most 500 rows and the full count', () => {
    const recs: Rec[] = [];
    for (let k = 0; k < 1300; k++) {
      const firm = k % 2 ? 'F1' : 'F0';
      recs.push({ id: `r${(k * 7919) % 1300}`, firm, agency: AGENCIES[k % 5]!, field: 'market', officer: 'o1', kind: 'plan', plan: null, joint: null, day: dayString(DAY0 + (k % 37)), problem: 0 });
    }
    const cols = build(recs);
    const got = firmInspections(cols, 'F0', null);
    expect(got.total).toBe(650);
    expect(got.rows).toHaveLength(500);
    expect(got).toEqual(refFirm(recs, 'F0', null));
    expect(firmInspections(cols, 'F0', ['A0', 'A2'])).toEqual(refFirm(recs, 'F0', ['A0', 'A2']));
    expect(firmInspections(cols, 'F0', [])).toEqual({ rows: [], total: 0 });
  });

  it('follows a store reordered in place by buildSortedViews (the cached indexes are rebuilt)', () => {
    const all: EnforcementScope = { all: true, streets: [], agencies: [] };
    fc.assert(
      fc.property(
        arbRecs(false).chain((recs) => fc.tuple(fc.constant(recs), fc.subarray(recs.map((r) => r.id)))),
        fc.constantFrom(...FIRMS),
        arbAgencies,
        ([recs, ids], firm, agencies) => {
          const cols = build(recs);
          expect(firmInspections(cols, firm, agencies)).toEqual(refFirm(recs, firm, agencies));
          expect(inspectionsByIds(cols, ids, all, new Map())).toEqual(refByIds(recs, ids, all, new Map()));
          buildSortedViews(cols);
          // the same rows at other row numbers (ids are unique: no ties that the row order would break)
          expect(firmInspections(cols, firm, agencies)).toEqual(refFirm(recs, firm, agencies));
          expect(inspectionsByIds(cols, ids, all, new Map())).toEqual(refByIds(recs, ids, all, new Map()));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('inspectionsByIds', () => {
  const arbIds = (recs: Rec[]) => fc.array(fc.oneof(fc.constantFrom(...recs.map((r) => r.id), 'nope'), arbId, fc.constantFrom('检查-1', 'é')), { maxLength: 30, size: 'max' });
  for (const [name, perFirm] of [
    ['ids unique (SQLite key)', false],
    ['ids unique per firm (PostgreSQL key)', true],
  ] as const) {
    it(`equals the evidence query: existing ids in scope, each once, by day then id (${name})`, () => {
      fc.assert(
        fc.property(
          arbRecs(perFirm)
            .filter((r) => r.length > 0)
            .chain((recs) => fc.tuple(fc.constant(recs), arbIds(recs))),
          arbStreets,
          arbScope,
          ([recs, ids], streets, scope) => {
            const cols = build(recs);
            expect(inspectionsByIds(cols, ids, scope, streets)).toEqual(refByIds(recs, ids, scope, streets));
            expect(inspectionsByIds(cols, [...ids, ...ids], scope, streets)).toEqual(refByIds(recs, ids, scope, streets));
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('finds every id of a larger store (probe chains, Latin-1 bytes)', () => {
    const recs: Rec[] = [];
    for (let k = 0; k < 5000; k++) recs.push({ id: `INS-${k.toString(36)}`, firm: FIRMS[k % 8]!, agency: 'A0', field: 'market', officer: 'o1', kind: 'plan', plan: null, joint: null, day: dayString(DAY0 + (k % 50)), problem: 0 });
    const cols = build(recs);
    const all: EnforcementScope = { all: true, streets: [], agencies: [] };
    for (let k = 0; k < 5000; k += 7) expect(inspectionsByIds(cols, [`INS-${k.toString(36)}`], all, new Map()).map((r) => r.id)).toEqual([`INS-${k.toString(36)}`]);
    expect(inspectionsByIds(cols, ['INS-', 'INS-zzzz', ''], all, new Map())).toEqual([]);
    expect(inspectionsByIds(build([]), ['x'], all, new Map())).toEqual([]);
  });
});

describe('firmsInspectedBy / inspectedByAny', () => {
  it('equals the exists subquery of searchFirms', () => {
    fc.assert(
      fc.property(arbRecs(false), fc.subarray([...AGENCIES, 'A9']), (recs, agencies) => {
        const cols = build(recs);
        const want = new Set(recs.filter((r) => agencies.includes(r.agency)).map((r) => r.firm));
        expect(firmsInspectedBy(cols, agencies)).toEqual(want);
        for (const f of [...FIRMS, 'F9']) expect(inspectedByAny(cols, f, agencies)).toBe(want.has(f));
      }),
      { numRuns: 300 },
    );
  });
});

describe('inspectionCube with more agencies than one bitset word', () => {
  it('counts distinct agencies per firm over 70 agencies', () => {
    const arbWide = fc.array(
      fc.record({ firm: fc.constantFrom(...FIRMS), agency: fc.integer({ min: 0, max: 69 }), day: fc.integer({ min: 0, max: SPAN }), problem: fc.constantFrom(0 as const, 1 as const) }),
      { maxLength: 200, size: 'max' },
    );
    fc.assert(
      fc.property(arbWide, arbScope, fc.constantFrom<QueryLimits | undefined>(undefined, { cubeCells: 1 << 22, partition: true, shift: 2 }, { cubeCells: 1 << 22, partition: false }), (xs, scope, limits) => {
        const recs: Rec[] = xs.map((x, k) => ({ id: `w${k}`, firm: x.firm, agency: `A${x.agency}`, field: 'market', officer: 'o1', kind: 'plan', plan: null, joint: null, day: dayString(DAY0 + x.day), problem: x.problem }));
        const q = { from: '2023-01-01', to: '2024-12-31' };
        const got = inspectionCube(build(recs), q, scope, new Map(), limits);
        const want = refCube(refRows(recs, q, scope, new Map()));
        expect(sortFirms(got.perFirm)).toEqual(sortFirms(want.perFirm));
        expect(sortCube(got.cube)).toEqual(sortCube(want.cube));
      }),
      { numRuns: 200 },
    );
  });
});
