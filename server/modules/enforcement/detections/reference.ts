import { dayNumber } from './columns';

/**
 * Naive reference implementations of the windowing detections, written literally from the definitions in engine.ts
 * (maps, sorts and nested loops; O(n²) per group). Property tests compare the typed-array engine with these.
 */

export interface RefRow {
  id: string;
  firm: string;
  agency: string;
  field: string;
  officer: string;
  kind: string;
  plan: string;
  joint: string;
  day: string;
  problem: number;
}

export interface RefFlag {
  key: string;
  ids: string[];
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Merge the qualifying windows [start, start + W] (sorted by start) that overlap; return merged [s, e] intervals. */
function merge(starts: number[], W: number): [number, number][] {
  const out: [number, number][] = [];
  for (const s of [...starts].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], s + W);
    else out.push([s, s + W]);
  }
  return out;
}

export function refRepeated(rows: readonly RefRow[], p: { windowDays: number; minVisits: number; excludeKinds: readonly string[] }): RefFlag[] {
  const out: RefFlag[] = [];
  for (const [key, g] of groupBy(rows, (r) => `${r.firm}|${r.agency}|${r.field}`)) {
    const kept = g.filter((r) => !p.excludeKinds.includes(r.kind));
    // visits: one per joint inspection (dated by its earliest row), one per other row
    const visits: { day: number; rows: RefRow[] }[] = [];
    for (const [jk, jr] of groupBy(kept, (r) => (r.joint ? `J:${r.joint}` : `R:${r.id}`))) {
      void jk;
      visits.push({ day: Math.min(...jr.map((r) => dayNumber(r.day))), rows: jr });
    }
    const starts = visits.filter((v) => visits.filter((w) => w.day >= v.day && w.day <= v.day + p.windowDays).length >= p.minVisits).map((v) => v.day);
    for (const [s, e] of merge(starts, p.windowDays)) {
      const ids = visits.filter((v) => v.day >= s && v.day <= e).flatMap((v) => v.rows.map((r) => r.id));
      out.push({ key, ids: ids.sort() });
    }
  }
  return out;
}

export function refMultiAgency(rows: readonly RefRow[], p: { windowDays: number; minAgencies: number; excludeKinds: readonly string[] }): RefFlag[] {
  const out: RefFlag[] = [];
  for (const [key, g] of groupBy(rows, (r) => r.firm)) {
    const kept = g.filter((r) => !r.joint && !p.excludeKinds.includes(r.kind));
    const days = kept.map((r) => dayNumber(r.day));
    const starts = days.filter((d) => new Set(kept.filter((_, i) => days[i]! >= d && days[i]! <= d + p.windowDays).map((r) => r.agency)).size >= p.minAgencies);
    for (const [s, e] of merge(starts, p.windowDays)) {
      out.push({ key, ids: kept.filter((_, i) => days[i]! >= s && days[i]! <= e).map((r) => r.id).sort() });
    }
  }
  return out;
}

export function refUnplanned(rows: readonly RefRow[], p: { kinds: readonly string[] }): RefFlag[] {
  return rows.filter((r) => p.kinds.includes(r.kind) && !r.plan).map((r) => ({ key: `${r.firm}|${r.agency}`, ids: [r.id] }));
}

export function refLowYield(rows: readonly RefRow[], p: { minInspections: number; medianRatio: number }): RefFlag[] {
  const groups = groupBy(rows, (r) => `${r.officer}|${r.field}`);
  const rate = (g: RefRow[]) => g.filter((r) => r.problem).length / g.length;
  const byField = new Map<string, number[]>();
  for (const g of groups.values()) {
    if (g.length < p.minInspections) continue;
    const f = g[0]!.field;
    byField.set(f, [...(byField.get(f) ?? []), rate(g)]);
  }
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const out: RefFlag[] = [];
  for (const [key, g] of groups) {
    if (g.length < p.minInspections) continue;
    const m = med(byField.get(g[0]!.field)!);
    if (m > 0 && rate(g) < p.medianRatio * m) out.push({ key, ids: g.map((r) => r.id).sort() });
  }
  return out;
}
