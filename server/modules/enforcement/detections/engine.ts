import type { DetectionParams } from '../../../../common/contracts/enforcement';
import { type InspectionColumns, KIND_CODE, type KindName, type SortedViews, dayNumber, dayString } from './columns';

/**
 * The detection rules, as single passes over the sorted typed-array columns (columns.ts).
 *
 * WINDOWING SEMANTICS (shared by repeated-inspection and multi-agency-inspection; the naive reference in
 * reference.ts implements the same definition literally and property tests compare the two):
 *   - The rows of a group (repeated: one firm + one agency + one field; multi-agency: one firm) are taken in day
 *     order after the rule's exclusions, and turned into visits (repeated: rows of one joint inspection — same
 *     joint_id — are ONE visit, dated by its first row; multi-agency: rows that belong to a joint inspection are left
 *     out, every other row is one visit of its agency).
 *   - Visit i opens the window [day_i, day_i + windowDays] (both ends inclusive: a visit exactly windowDays later is
 *     "within" the window). The window QUALIFIES when the visits in it number at least minVisits (repeated), or
 *     belong to at least minAgencies distinct agencies (multi-agency).
 *   - Qualifying windows that overlap are merged; each merged interval is ONE flag, and its evidence is every visit
 *     (all rows of those visits) dated inside the merged interval.
 *   With minVisits = 2 this is exactly "a chain of visits where consecutive visits are at most windowDays apart".
 */

export interface RawFlag {
  /** group key: with the first evidence record it makes the flag's stable id */
  key: string;
  firm?: string;
  agencies: string[];
  officer?: string;
  field?: string;
  /** evidence: row indexes into the columns (inspection rules) */
  rows: number[];
  /** evidence: penalty ids (penalty rules) */
  penaltyIds?: string[];
  firstDay: number;
  lastDay: number;
  detail: Record<string, unknown>;
}

function kindMask(kinds: readonly string[]): Uint8Array {
  const m = new Uint8Array(8);
  for (const k of kinds) {
    const c = KIND_CODE[k as KindName];
    if (c) m[c] = 1;
  }
  return m;
}

function distinctSorted(codes: number[], dict: readonly string[]): string[] {
  return [...new Set(codes)].map((c) => dict[c]!).sort();
}

/** 重复检查 — see the windowing semantics above. */
export function detectRepeated(c: InspectionColumns, v: SortedViews, p: DetectionParams<'repeated-inspection'>): RawFlag[] {
  const P = v.byGroupDay;
  const n = P.length;
  const excluded = kindMask(p.excludeKinds);
  const W = p.windowDays;
  const minVisits = p.minVisits;
  const out: RawFlag[] = [];
  const { firm, agency, field, joint, day, kind } = c;
  // scratch, reused per group
  let vDay = new Int32Array(64);
  let vFirstRow = new Int32Array(64); // index into rowsF of the visit's first row
  let rowsF = new Int32Array(64);
  let rowVisit = new Int32Array(64);
  let g = 0;
  while (g < n) {
    const r0 = P[g]!;
    const f = firm[r0]!;
    const a = agency[r0]!;
    const fl = field[r0]!;
    let h = g + 1;
    while (h < n) {
      const r = P[h]!;
      if (firm[r] !== f || agency[r] !== a || field[r] !== fl) break;
      h++;
    }
    const size = h - g;
    if (size >= minVisits) {
      if (rowsF.length < size) {
        rowsF = new Int32Array(size * 2);
        rowVisit = new Int32Array(size * 2);
        vDay = new Int32Array(size * 2);
        vFirstRow = new Int32Array(size * 2);
      }
      let m = 0;
      let V = 0;
      for (let k = g; k < h; k++) {
        const r = P[k]!;
        if (excluded[kind[r]!]) continue;
        const j = joint[r]!;
        let vis = -1;
        if (j !== 0) {
          for (let q = 0; q < m; q++) {
            if (joint[rowsF[q]!] === j) {
              vis = rowVisit[q]!;
              break;
            }
          }
        }
        if (vis < 0) {
          vis = V++;
          vDay[vis] = day[r]!;
          vFirstRow[vis] = m;
        }
        rowsF[m] = r;
        rowVisit[m] = vis;
        m++;
      }
      if (V >= minVisits) {
        let j = 0;
        let curStart = -1; // first visit of the open cluster
        let curEnd = 0; // end day of the merged interval
        let curLast = -1; // last visit inside the merged interval
        const emit = () => {
          const rows: number[] = [];
          for (let q = 0; q < m; q++) {
            const vi = rowVisit[q]!;
            if (vi >= curStart && vi <= curLast) rows.push(rowsF[q]!);
          }
          out.push({
            key: `${c.dicts.firm.values[f]}|${c.dicts.agency.values[a]}|${c.dicts.field.values[fl]}`,
            firm: c.dicts.firm.values[f]!,
            agencies: [c.dicts.agency.values[a]!],
            field: c.dicts.field.values[fl]!,
            rows,
            firstDay: vDay[curStart]!,
            lastDay: vDay[curLast]!,
            detail: { visits: curLast - curStart + 1, windowDays: W },
          });
        };
        for (let i = 0; i < V; i++) {
          if (j < i + 1) j = i + 1;
          const limit = vDay[i]! + W;
          while (j < V && vDay[j]! <= limit) j++;
          if (j - i >= minVisits) {
            if (curStart >= 0 && vDay[i]! <= curEnd) {
              curEnd = limit;
              if (j - 1 > curLast) curLast = j - 1;
            } else {
              if (curStart >= 0) emit();
              curStart = i;
              curEnd = limit;
              curLast = j - 1;
            }
          }
        }
        if (curStart >= 0) emit();
      }
    }
    g = h;
  }
  return out;
}

/** 多头检查 — see the windowing semantics above. */
export function detectMultiAgency(c: InspectionColumns, v: SortedViews, p: DetectionParams<'multi-agency-inspection'>): RawFlag[] {
  const P = v.byFirmDay;
  const n = P.length;
  const excluded = kindMask(p.excludeKinds);
  const W = p.windowDays;
  const minA = p.minAgencies;
  const out: RawFlag[] = [];
  const { firm, agency, joint, day, kind } = c;
  const cnt = new Int32Array(c.dicts.agency.size);
  let rowsF = new Int32Array(64);
  let g = 0;
  while (g < n) {
    const f = firm[P[g]!]!;
    let h = g + 1;
    while (h < n && firm[P[h]!] === f) h++;
    if (h - g >= minA) {
      if (rowsF.length < h - g) rowsF = new Int32Array((h - g) * 2);
      let m = 0;
      for (let k = g; k < h; k++) {
        const r = P[k]!;
        if (joint[r] !== 0 || excluded[kind[r]!]) continue;
        rowsF[m++] = r;
      }
      if (m >= minA) {
        let j = 0;
        let distinct = 0;
        let curStart = -1;
        let curEnd = 0;
        let curLast = -1;
        const emit = () => {
          const rows: number[] = [];
          const ags: number[] = [];
          for (let q = curStart; q <= curLast; q++) {
            rows.push(rowsF[q]!);
            ags.push(agency[rowsF[q]!]!);
          }
          const agencies = distinctSorted(ags, c.dicts.agency.values);
          out.push({
            key: c.dicts.firm.values[f]!,
            firm: c.dicts.firm.values[f]!,
            agencies,
            rows,
            firstDay: day[rowsF[curStart]!]!,
            lastDay: day[rowsF[curLast]!]!,
            detail: { agencies: agencies.length, visits: rows.length, windowDays: W },
          });
        };
        for (let i = 0; i < m; i++) {
          const limit = day[rowsF[i]!]! + W;
          while (j < m && day[rowsF[j]!]! <= limit) {
            if (cnt[agency[rowsF[j]!]!]!++ === 0) distinct++;
            j++;
          }
          if (distinct >= minA) {
            if (curStart >= 0 && day[rowsF[i]!]! <= curEnd) {
              curEnd = limit;
              if (j - 1 > curLast) curLast = j - 1;
            } else {
              if (curStart >= 0) emit();
              curStart = i;
              curEnd = limit;
              curLast = j - 1;
            }
          }
          if (--cnt[agency[rowsF[i]!]!]! === 0) distinct--;
        }
        if (curStart >= 0) emit();
      }
    }
    g = h;
  }
  return out;
}

/** 随意检查: one flag per inspection of a routine kind (plan, special) that names no plan. */
export function detectUnplanned(c: InspectionColumns, v: SortedViews, p: DetectionParams<'unplanned-inspection'>): RawFlag[] {
  void v;
  const mask = kindMask(p.kinds);
  const out: RawFlag[] = [];
  // storage order: sequential reads of two columns (a sorted view would cost a cache miss per row)
  for (let r = 0; r < c.n; r++) {
    if (c.plan[r] !== 0 || !mask[c.kind[r]!]) continue;
    out.push({
      key: `${c.dicts.firm.values[c.firm[r]!]}|${c.dicts.agency.values[c.agency[r]!]}`,
      firm: c.dicts.firm.values[c.firm[r]!]!,
      agencies: [c.dicts.agency.values[c.agency[r]!]!],
      officer: c.dicts.officer.values[c.officer[r]!]!,
      field: c.dicts.field.values[c.field[r]!]!,
      rows: [r],
      firstDay: c.day[r]!,
      lastDay: c.day[r]!,
      detail: { kind: ['', 'plan', 'random', 'complaint', 'special', 'other'][c.kind[r]!] },
    });
  }
  return out;
}

function median(sorted: number[]): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * 低效检查, per (officer, field): an officer with at least minInspections inspections in the field in the period is
 * flagged when the share of them that found a problem is below medianRatio × the median share of all officers with at
 * least minInspections inspections in that field (the officer included). No flag when that median is 0.
 */
export function detectLowYield(c: InspectionColumns, _v: SortedViews, p: DetectionParams<'low-yield-officer'>): RawFlag[] {
  const nf = c.dicts.field.size;
  const size = c.dicts.officer.size * nf;
  const total = new Int32Array(size);
  const found = new Int32Array(size);
  for (let i = 0; i < c.n; i++) {
    const k = c.officer[i]! * nf + c.field[i]!;
    total[k]!++;
    found[k]! += c.problem[i]!;
  }
  const ratesByField: number[][] = Array.from({ length: nf }, () => []);
  for (let k = 0; k < size; k++) if (total[k]! >= p.minInspections) ratesByField[k % nf]!.push(found[k]! / total[k]!);
  const medians = ratesByField.map((rs) => median(rs.sort((a, b) => a - b)));
  const flagged = new Map<number, number[]>();
  for (let k = 0; k < size; k++) {
    if (total[k]! < p.minInspections) continue;
    const med = medians[k % nf]!;
    if (!(med > 0)) continue;
    if (found[k]! / total[k]! < p.medianRatio * med) flagged.set(k, []);
  }
  if (flagged.size === 0) return [];
  for (let i = 0; i < c.n; i++) {
    const list = flagged.get(c.officer[i]! * nf + c.field[i]!);
    if (list) list.push(i);
  }
  const out: RawFlag[] = [];
  for (const [k, rows] of flagged) {
    rows.sort((a, b) => c.day[a]! - c.day[b]! || a - b);
    const officer = c.dicts.officer.values[Math.floor(k / nf)]!;
    const fieldCode = c.dicts.field.values[k % nf]!;
    out.push({
      key: `${officer}|${fieldCode}`,
      officer,
      field: fieldCode,
      agencies: distinctSorted(rows.map((r) => c.agency[r]!), c.dicts.agency.values),
      rows,
      firstDay: c.day[rows[0]!]!,
      lastDay: c.day[rows[rows.length - 1]!]!,
      detail: { inspections: total[k]!, foundProblem: found[k]!, rate: found[k]! / total[k]!, fieldMedian: medians[k % nf]!, threshold: p.medianRatio * medians[k % nf]! },
    });
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export interface PlanCap {
  agencyCode: string;
  field: string;
  year: number;
  perFirmCap: number | null;
}

/** Year of each day in [minDay, maxDay], as a lookup table. */
function yearTable(minDay: number, maxDay: number): Int16Array {
  const t = new Int16Array(Math.max(0, maxDay - minDay + 1));
  let y = +dayString(minDay).slice(0, 4);
  let nextYearStart = dayNumber(`${String(y + 1).padStart(4, '0')}-01-01`);
  for (let d = minDay; d <= maxDay; d++) {
    if (d >= nextYearStart) {
      y++;
      nextYearStart = dayNumber(`${String(y + 1).padStart(4, '0')}-01-01`);
    }
    t[d - minDay] = y;
  }
  return t;
}

/**
 * 超频次检查: visits (a joint inspection counts once; excluded kinds left out) by one agency to one firm in one field
 * in one calendar year, above the per-firm cap of that agency's plan for the field and year (the largest cap if
 * several plans publish one), or defaultCap where no plan publishes a cap (null: no flag without a published cap).
 */
export function detectFrequencyCap(c: InspectionColumns, v: SortedViews, p: DetectionParams<'frequency-cap'>, plans: readonly PlanCap[]): RawFlag[] {
  // caps by numeric key (agency code · fields + field code) · 10000 + year: no strings in the group loop
  const nf = c.dicts.field.size;
  const caps = new Map<number, number>();
  for (const pl of plans) {
    if (pl.perFirmCap == null) continue;
    const a = c.dicts.agency.lookup(pl.agencyCode);
    const f = c.dicts.field.lookup(pl.field);
    if (a === undefined || f === undefined) continue;
    const k = (a * nf + f) * 10000 + pl.year;
    caps.set(k, Math.max(caps.get(k) ?? 0, pl.perFirmCap));
  }
  if (caps.size === 0 && p.defaultCap == null) return [];
  const years = yearTable(v.minDay, v.maxDay);
  const excluded = kindMask(p.excludeKinds);
  const P = v.byGroupDay;
  const n = P.length;
  const out: RawFlag[] = [];
  let g = 0;
  while (g < n) {
    const r0 = P[g]!;
    const f = c.firm[r0]!;
    const a = c.agency[r0]!;
    const fl = c.field[r0]!;
    const y = years[c.day[r0]! - v.minDay]!;
    let h = g + 1;
    while (h < n) {
      const r = P[h]!;
      if (c.firm[r] !== f || c.agency[r] !== a || c.field[r] !== fl || years[c.day[r]! - v.minDay] !== y) break;
      h++;
    }
    const cap = caps.get((a * nf + fl) * 10000 + y) ?? p.defaultCap;
    if (cap != null && h - g > cap) {
      const agencyCode = c.dicts.agency.values[a]!;
      const fieldCode = c.dicts.field.values[fl]!;
      const rows: number[] = [];
      const joints = new Set<number>();
      let visits = 0;
      for (let k = g; k < h; k++) {
        const r = P[k]!;
        if (excluded[c.kind[r]!]) continue;
        rows.push(r);
        const j = c.joint[r]!;
        if (j === 0) visits++;
        else if (!joints.has(j)) {
          joints.add(j);
          visits++;
        }
      }
      if (visits > cap) {
        out.push({
          key: `${c.dicts.firm.values[f]}|${agencyCode}|${fieldCode}|${y}`,
          firm: c.dicts.firm.values[f]!,
          agencies: [agencyCode],
          field: fieldCode,
          rows,
          firstDay: c.day[rows[0]!]!,
          lastDay: c.day[rows[rows.length - 1]!]!,
          detail: { year: y, visits, cap },
        });
      }
    }
    g = h;
  }
  return out;
}

export interface OfficerCertificate {
  id: string;
  certificateValidFrom: string | null;
  certificateValidTo: string | null;
}

/**
 * 无有效执法证检查, one flag per officer: the officer's inspections on days outside the certificate's validity
 * [valid_from, valid_to] (both inclusive), or all of them when the officer has no registered certificate.
 */
export function detectExpiredCertificate(c: InspectionColumns, v: SortedViews, p: DetectionParams<'expired-certificate'>, officers: readonly OfficerCertificate[]): RawFlag[] {
  const no = c.dicts.officer.size;
  const from = new Int32Array(no).fill(-1_000_000_000);
  const to = new Int32Array(no).fill(-1_000_000_001); // from > to: no valid day (unregistered)
  const registered = new Uint8Array(no);
  for (const o of officers) {
    const k = c.dicts.officer.lookup(o.id);
    if (k === undefined) continue;
    registered[k] = 1;
    if (o.certificateValidFrom && o.certificateValidTo) {
      from[k] = dayNumber(o.certificateValidFrom);
      to[k] = dayNumber(o.certificateValidTo);
    }
  }
  void v;
  const byOfficer = new Map<number, number[]>();
  for (let r = 0; r < c.n; r++) {
    const o = c.officer[r]!;
    if (!registered[o] && !p.flagUnregisteredOfficer) continue;
    const d = c.day[r]!;
    if (d >= from[o]! && d <= to[o]!) continue;
    let list = byOfficer.get(o);
    if (!list) byOfficer.set(o, (list = []));
    list.push(r);
  }
  const out: RawFlag[] = [];
  for (const [o, rows] of byOfficer) {
    rows.sort((a, b) => c.day[a]! - c.day[b]! || a - b);
    const officer = c.dicts.officer.values[o]!;
    out.push({
      key: officer,
      officer,
      agencies: distinctSorted(rows.map((r) => c.agency[r]!), c.dicts.agency.values),
      rows,
      firstDay: c.day[rows[0]!]!,
      lastDay: c.day[rows[rows.length - 1]!]!,
      detail: { registered: registered[o] === 1, validFrom: registered[o] && from[o]! > -1e9 ? dayString(from[o]!) : null, validTo: registered[o] && to[o]! > -1e9 ? dayString(to[o]!) : null, inspections: rows.length },
    });
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export interface PenaltyRow {
  id: string;
  targetCreditCode: string;
  agencyCode: string;
  field: string;
  violationCode: string;
  discretionLevel: string;
  amount: number;
  filedOn: string;
  decidedOn: string | null;
}

/**
 * 处罚超期 (《行政处罚法》第六十条): the decision is due limitDays calendar days after the day of filing (the filing day
 * itself not counted); flagged when decided after that day, or still undecided after it on `asOf`.
 */
export function detectOverduePenalty(rows: readonly PenaltyRow[], p: DetectionParams<'overdue-penalty'>, asOf: string): RawFlag[] {
  const asOfDay = dayNumber(asOf);
  const out: RawFlag[] = [];
  for (const r of rows) {
    const filed = dayNumber(r.filedOn);
    const due = filed + p.limitDays;
    const end = r.decidedOn ? dayNumber(r.decidedOn) : asOfDay;
    if (end <= due) continue;
    out.push({
      key: `${r.targetCreditCode}|${r.id}`,
      firm: r.targetCreditCode,
      agencies: [r.agencyCode],
      field: r.field,
      rows: [],
      penaltyIds: [r.id],
      firstDay: filed,
      lastDay: end,
      detail: { filedOn: r.filedOn, dueOn: dayString(due), decidedOn: r.decidedOn, daysOver: end - due, undecided: !r.decidedOn },
    });
  }
  return out.sort((x, y) => x.firstDay - y.firstDay || (x.key < y.key ? -1 : 1));
}

/**
 * 裁量畸轻畸重: among penalties of one violation code and discretion level (groups of at least minGroupSize), a fine
 * above factor × the group median or below the median / factor.
 */
export function detectDiscretionOutlier(rows: readonly PenaltyRow[], p: DetectionParams<'discretion-outlier'>): RawFlag[] {
  const groups = new Map<string, PenaltyRow[]>();
  for (const r of rows) {
    const k = `${r.violationCode}|${r.discretionLevel}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  const out: RawFlag[] = [];
  for (const [, g] of groups) {
    if (g.length < p.minGroupSize) continue;
    const med = median(g.map((r) => r.amount).sort((a, b) => a - b));
    if (!(med > 0)) continue;
    for (const r of g) {
      if (!(r.amount > med * p.factor || r.amount < med / p.factor)) continue;
      const filed = dayNumber(r.filedOn);
      out.push({
        key: `${r.targetCreditCode}|${r.id}`,
        firm: r.targetCreditCode,
        agencies: [r.agencyCode],
        field: r.field,
        rows: [],
        penaltyIds: [r.id],
        firstDay: filed,
        lastDay: r.decidedOn ? dayNumber(r.decidedOn) : filed,
        detail: { violationCode: r.violationCode, discretionLevel: r.discretionLevel, amount: r.amount, benchmark: med, ratio: r.amount / med, groupSize: g.length },
      });
    }
  }
  return out.sort((x, y) => x.firstDay - y.firstDay || (x.key < y.key ? -1 : 1));
}
