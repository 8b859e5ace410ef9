import { INSPECTION_CSV_COLUMNS } from '../../../../common/contracts/enforcement';
import { createRng, generateCreditCode } from '../../../../common/validators';
import { dayNumber, dayString } from './columns';

/**
 * A generated inspection file with PLANTED problem patterns and DECOYS, and the flags a correct engine must raise
 * (exactly these, nothing else) under the default parameters. Used by the Done-when test (import through the API,
 * then list detections) on SQLite and PostgreSQL.
 *
 * Background: firms visited every 45 days by rotating agencies (never two visits within 30 days), kind random or plan
 * with a plan, every background officer finding problems in exactly 40% of inspections (median 0.4 in every field).
 * Planted: repeated (2–3 visits ≤ 30 days apart), multi-agency (3 agencies within 20 days), unplanned (plan/special
 * without plan_id), low-yield (60 inspections, 1 problem). Decoys: visits 60 days apart, a complaint verification
 * inside 30 days, a joint inspection (one agency recorded twice; three agencies on one day), three agencies 40 days
 * apart, random/other inspections without a plan, an officer below 50 inspections with no problem found, an officer at
 * a rate above a quarter of the median.
 */

export interface PlantedAgency {
  code: string;
  name: string;
  fields: string[];
}

export interface PlantedDataset {
  agencies: PlantedAgency[];
  header: readonly string[];
  rows: string[][];
  from: string;
  to: string;
  /** expected flags per rule: each flag as the sorted list of its evidence inspection ids */
  expected: Record<'repeated-inspection' | 'multi-agency-inspection' | 'unplanned-inspection' | 'low-yield-officer', string[][]>;
}

export function plantedDataset(seed = 1): PlantedDataset {
  const rng = createRng(seed);
  const agencies: PlantedAgency[] = [
    { code: 'CG01', name: '西城区城市管理委员会', fields: ['urban'] },
    { code: 'SJ01', name: '西城区市场监督管理局', fields: ['market', 'drug'] },
    { code: 'HJ01', name: '西城区生态环境局', fields: ['ecology'] },
    { code: 'YJ01', name: '西城区应急管理局', fields: ['safety'] },
    { code: 'WJ01', name: '西城区卫生健康委员会', fields: ['health'] },
    { code: 'XF01', name: '西城区消防救援支队', fields: ['fire'] },
  ];
  const used = new Set<string>();
  let firmNo = 0;
  const firm = () => {
    let c = generateCreditCode(rng);
    while (used.has(c)) c = generateCreditCode(rng);
    used.add(c);
    firmNo++;
    return { code: c, name: `测试企业${firmNo}有限公司` };
  };
  const rows: string[][] = [];
  let seq = 0;
  const start = dayNumber('2025-01-01');
  const add = (o: { agency: PlantedAgency; officer: string; target: { code: string; name: string }; field?: string; kind: string; plan?: string; joint?: string; day: number; found: number }): string => {
    const id = `INS-${String(++seq).padStart(6, '0')}`;
    rows.push([id, o.agency.code, o.agency.name, o.officer, o.target.code, o.target.name, o.field ?? o.agency.fields[0]!, o.kind, o.plan ?? '', o.joint ?? '', dayString(o.day), String(o.found), String(30 + (seq % 90))]);
    return id;
  };
  const planOf = (a: PlantedAgency) => `PLAN-2025-${a.code}`;
  const ag = (i: number) => agencies[i % agencies.length]!;

  // Background: 240 firms × 8 visits, 45 days apart, rotating agencies; each agency's officers find problems in 40%.
  const officerCounter = new Map<string, number>();
  for (let k = 0; k < 240; k++) {
    const t = firm();
    for (let j = 0; j < 8; j++) {
      const a = ag(k + j);
      const officer = `${a.code}-P${(k + j) % 3}`;
      const c = officerCounter.get(officer) ?? 0;
      officerCounter.set(officer, c + 1);
      const kind = (k + j) % 2 ? 'random' : 'plan';
      add({ agency: a, officer, target: t, kind, ...(kind === 'plan' ? { plan: planOf(a) } : {}), day: start + (k % 20) + 45 * j, found: c % 5 < 2 ? 1 : 0 });
    }
  }

  const expected: PlantedDataset['expected'] = { 'repeated-inspection': [], 'multi-agency-inspection': [], 'unplanned-inspection': [], 'low-yield-officer': [] };
  const off = (a: PlantedAgency) => `${a.code}-P${rng.int(0, 2)}`;
  const planned = (a: PlantedAgency) => ({ kind: 'plan', plan: planOf(a) });

  // Planted 重复检查: two visits 20 days apart; three visits 25 days apart (one chain).
  for (let i = 0; i < 6; i++) {
    const a = ag(i);
    const t = firm();
    const d = start + 30 + i * 17;
    expected['repeated-inspection'].push([add({ agency: a, officer: off(a), target: t, ...planned(a), day: d, found: 0 }), add({ agency: a, officer: off(a), target: t, ...planned(a), day: d + 20, found: 1 })]);
  }
  for (let i = 0; i < 3; i++) {
    const a = ag(i + 2);
    const t = firm();
    const d = start + 100 + i * 11;
    expected['repeated-inspection'].push([0, 25, 50].map((x) => add({ agency: a, officer: off(a), target: t, ...planned(a), day: d + x, found: 0 })));
  }
  // Visit exactly 30 days after the previous one: within the window (both ends inclusive).
  {
    const a = ag(1);
    const t = firm();
    const d = start + 200;
    expected['repeated-inspection'].push([add({ agency: a, officer: off(a), target: t, ...planned(a), day: d, found: 0 }), add({ agency: a, officer: off(a), target: t, ...planned(a), day: d + 30, found: 0 })]);
  }
  // Decoys: far apart (60 and 31 days); a complaint verification 10 days later; one agency twice in one joint inspection.
  for (let i = 0; i < 4; i++) {
    const a = ag(i);
    const t = firm();
    const d = start + 40 + i * 13;
    add({ agency: a, officer: off(a), target: t, ...planned(a), day: d, found: 0 });
    add({ agency: a, officer: off(a), target: t, ...planned(a), day: d + (i % 2 ? 60 : 31), found: 0 });
  }
  for (let i = 0; i < 4; i++) {
    const a = ag(i + 1);
    const t = firm();
    const d = start + 70 + i * 9;
    add({ agency: a, officer: off(a), target: t, ...planned(a), day: d, found: 0 });
    add({ agency: a, officer: off(a), target: t, kind: 'complaint', day: d + 10, found: 1 });
  }
  for (let i = 0; i < 3; i++) {
    const a = ag(i);
    const b = ag(i + 3);
    const t = firm();
    const d = start + 150 + i * 7;
    const joint = `JOINT-R${i}`;
    add({ agency: a, officer: `${a.code}-P0`, target: t, ...planned(a), joint, day: d, found: 0 });
    add({ agency: a, officer: `${a.code}-P1`, target: t, ...planned(a), joint, day: d, found: 0 });
    add({ agency: b, officer: `${b.code}-P0`, target: t, ...planned(b), joint, day: d, found: 0 });
  }

  // Planted 多头检查: three agencies within 20 days (each once, outside any joint inspection).
  for (let i = 0; i < 5; i++) {
    const t = firm();
    const d = start + 120 + i * 19;
    expected['multi-agency-inspection'].push([0, 1, 2].map((x) => add({ agency: ag(i + x), officer: off(ag(i + x)), target: t, ...planned(ag(i + x)), day: d + x * 10, found: 0 })));
  }
  // Four agencies within 30 days, the fourth exactly 30 days after the first: one flag with all four.
  {
    const t = firm();
    const d = start + 250;
    expected['multi-agency-inspection'].push([0, 1, 2, 3].map((x) => add({ agency: ag(x), officer: off(ag(x)), target: t, ...planned(ag(x)), day: d + x * 10, found: 0 })));
  }
  // Decoys: a joint inspection of three agencies; three agencies 40 days apart; two agencies plus a complaint verification.
  for (let i = 0; i < 3; i++) {
    const t = firm();
    const d = start + 160 + i * 5;
    const joint = `JOINT-M${i}`;
    for (let x = 0; x < 3; x++) add({ agency: ag(i + x), officer: off(ag(i + x)), target: t, ...planned(ag(i + x)), joint, day: d, found: 0 });
  }
  for (let i = 0; i < 3; i++) {
    const t = firm();
    const d = start + 20 + i * 3;
    for (let x = 0; x < 3; x++) add({ agency: ag(i + x), officer: off(ag(i + x)), target: t, ...planned(ag(i + x)), day: d + 40 * x, found: 0 });
  }
  for (let i = 0; i < 3; i++) {
    const t = firm();
    const d = start + 60 + i * 3;
    add({ agency: ag(i), officer: off(ag(i)), target: t, ...planned(ag(i)), day: d, found: 0 });
    add({ agency: ag(i + 1), officer: off(ag(i + 1)), target: t, ...planned(ag(i + 1)), day: d + 5, found: 0 });
    add({ agency: ag(i + 2), officer: off(ag(i + 2)), target: t, kind: 'complaint', day: d + 9, found: 1 });
  }

  // Planted 随意检查: plan or special without a plan. Decoys: random and other without a plan; complaint without a plan.
  for (let i = 0; i < 6; i++) {
    const a = ag(i);
    expected['unplanned-inspection'].push([add({ agency: a, officer: off(a), target: firm(), kind: i % 2 ? 'special' : 'plan', day: start + 10 + i * 31, found: 0 })]);
  }
  for (let i = 0; i < 6; i++) {
    const a = ag(i);
    add({ agency: a, officer: off(a), target: firm(), kind: ['random', 'other', 'complaint'][i % 3]!, day: start + 15 + i * 29, found: i % 2 });
  }

  // Planted 低效检查: 60 inspections in the agency's field with 1 problem (1.7% < 0.25 × 40%), each on its own firm.
  const lowYield = (a: PlantedAgency, officer: string, count: number, problems: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(add({ agency: a, officer, target: firm(), kind: 'random', day: start + ((i * 5) % 360), found: i < problems ? 1 : 0 }));
    return ids;
  };
  expected['low-yield-officer'].push(lowYield(ag(0), `${ag(0).code}-LOW`, 60, 1));
  expected['low-yield-officer'].push(lowYield(ag(3), `${ag(3).code}-LOW`, 80, 0));
  // Decoys: below 50 inspections with none found; 60 inspections at 15% (above 0.25 × 40% = 10%).
  lowYield(ag(1), `${ag(1).code}-FEW`, 45, 0);
  lowYield(ag(2), `${ag(2).code}-MID`, 60, 9);

  for (const list of Object.values(expected)) for (const f of list) f.sort();
  return { agencies, header: INSPECTION_CSV_COLUMNS, rows, from: '2025-01-01', to: '2025-12-31', expected };
}

/** The dataset as a CSV file body (UTF-8 with BOM, CRLF). */
export function plantedCsv(d: PlantedDataset): string {
  const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${[d.header as readonly string[], ...d.rows].map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}
