/**
 * 行政执法监督 demo data: a fictional year of 西城区 enforcement — agencies (fictional codes), officers with
 * certificates (a few expired), annual plans with per-firm caps, ~800 firms across the 15 街道, ~4,000 inspections
 * with planted problems (repeated and multi-agency visits, routine inspections without a plan, an officer who never
 * finds anything, an inspection by an officer whose certificate has expired), penalties (some past the 90 days of
 * 《行政处罚法》第六十条, a few fines far from the benchmark), 12345 complaints, and two agency liaison accounts.
 * Written as rows in batches (the seed runs inside the setup transaction); left out under NODE_ENV=test.
 */
import { randomUUID } from 'node:crypto';
import { formatDate, parseDate } from '../../../common/calendar';
import { createRng, generateCreditCode, generateMobile } from '../../../common/validators';
import type { FieldCipher } from '../../platform/crypto';
import { type InspectionInput, insertInspections } from '../../modules/enforcement';
import type { Db } from '../types';

const STREETS = ['西长安街街道', '新街口街道', '月坛街道', '展览路街道', '德胜街道', '金融街街道', '什刹海街道', '大栅栏街道', '天桥街道', '椿树街道', '陶然亭街道', '广安门内街道', '牛街街道', '白纸坊街道', '广安门外街道'];
export const DEMO_AGENCIES: { code: string; name: string; fields: string[]; basis: string }[] = [
  { code: 'XC-CGZF', name: '西城区城市管理综合行政执法局', fields: ['urban'], basis: '《北京市城市管理综合行政执法条例》；《中华人民共和国行政处罚法》第十八条' },
  { code: 'XC-SCJG', name: '西城区市场监督管理局', fields: ['market', 'drug'], basis: '《中华人民共和国食品安全法》《中华人民共和国药品管理法》' },
  { code: 'XC-STHJ', name: '西城区生态环境局', fields: ['ecology'], basis: '《中华人民共和国环境保护法》《中华人民共和国大气污染防治法》' },
  { code: 'XC-WSJK', name: '西城区卫生健康委员会', fields: ['health'], basis: '《中华人民共和国基本医疗卫生与健康促进法》《公共场所卫生管理条例》' },
  { code: 'XC-YJGL', name: '西城区应急管理局', fields: ['safety'], basis: '《中华人民共和国安全生产法》' },
  { code: 'XC-XFJY', name: '西城区消防救援支队', fields: ['fire'], basis: '《中华人民共和国消防法》' },
  { code: 'XC-WHLY', name: '西城区文化和旅游局', fields: ['culture'], basis: '《中华人民共和国旅游法》《娱乐场所管理条例》' },
  { code: 'XC-RSJ', name: '西城区人力资源和社会保障局', fields: ['labour'], basis: '《劳动保障监察条例》' },
  { code: 'XC-ZJW', name: '西城区住房和城乡建设委员会', fields: ['housing'], basis: '《建设工程质量管理条例》《北京市物业管理条例》' },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚'];
const TRADES = ['餐饮', '商贸', '科技', '文化', '医药', '美容美发', '物业', '建设', '旅游', '老字号', '便利店', '酒店'];

export async function seedEnforcementDemo(opts: { db: Db; today: string; nowIso: string; passwordHash: string; liaisonRoleId: string | null; departmentId: string; cipher: FieldCipher }) {
  const { db, nowIso } = opts;
  const rng = createRng(20260201);
  const todayDn = parseDate(opts.today);
  const day = (offset: number) => formatDate(todayDn - offset);
  const year = Number(opts.today.slice(0, 4));
  const insert = async <T extends Record<string, unknown>>(table: 'enforcementFirms' | 'enforcementPenalties' | 'enforcementComplaints' | 'enforcementOfficers' | 'enforcementInspectionPlans' | 'enforcementAgencies', rows: T[]) => {
    for (let i = 0; i < rows.length; i += 400) await db.insertInto(table).values(rows.slice(i, i + 400) as never).execute();
  };

  await insert('enforcementAgencies', DEMO_AGENCIES.map((a, i) => ({ code: a.code, name: a.name, legalBasis: a.basis, fields: JSON.stringify(a.fields), street: STREETS[i % STREETS.length]!, createdAt: nowIso, updatedAt: nowIso, version: 1 })));

  // Officers: 8 per agency; certificates valid for 5 years, two expired 40 days ago, one expiring soon.
  const officers = new Map<string, string[]>();
  const officerRows: Record<string, unknown>[] = [];
  for (const a of DEMO_AGENCIES) {
    const ids: string[] = [];
    for (let k = 1; k <= 8; k++) {
      const id = `${a.code}-${String(k).padStart(3, '0')}`;
      ids.push(id);
      const expired = a.code === 'XC-WHLY' && k === 8;
      officerRows.push({ id, agencyCode: a.code, name: rng.pick(SURNAMES) + rng.pick(GIVEN) + rng.pick(GIVEN), certificateNo: `京执${a.code.slice(3)}${String(1000 + k)}`, certificateValidFrom: day(1500), certificateValidTo: expired ? day(40) : a.code === 'XC-YJGL' && k === 8 ? day(-20) : day(-400), createdAt: nowIso, updatedAt: nowIso, version: 1 });
    }
    officers.set(a.code, ids);
  }
  await insert('enforcementOfficers', officerRows);

  // Annual plans (北京市优化营商环境条例第六十七条) with a per-firm cap, for this and last year.
  const plans = new Map<string, string>();
  const planRows: Record<string, unknown>[] = [];
  for (const a of DEMO_AGENCIES) {
    for (const y of [year - 1, year]) {
      for (const f of a.fields) {
        const id = `PLAN-${a.code}-${f}-${y}`;
        plans.set(`${a.code}|${f}|${y}`, id);
        planRows.push({ id, agencyCode: a.code, year: y, field: f, title: `${y}年度${a.name}行政检查计划（${f}）`, perFirmCap: a.code === 'XC-SCJG' ? 4 : 3, createdAt: nowIso, updatedAt: nowIso, version: 1 });
      }
    }
  }
  await insert('enforcementInspectionPlans', planRows);

  // Firms across the 街道.
  const firms: { code: string; name: string; street: string }[] = [];
  const seen = new Set<string>();
  while (firms.length < 800) {
    const code = generateCreditCode(rng, { regionCode: '110102' });
    if (seen.has(code)) continue;
    seen.add(code);
    const street = rng.pick(STREETS);
    firms.push({ code, street, name: `北京${street.replace('街道', '')}${rng.pick(TRADES)}示例有限公司${firms.length + 1}号` });
  }
  await insert('enforcementFirms', firms.map((f) => ({ creditCode: f.code, name: f.name, street: f.street, updatedAt: nowIso })));

  // Inspections over the last 365 days; busier firms get more visits.
  const rows: InspectionInput[] = [];
  let seq = 0;
  const add = (agency: string, officer: string, firm: string, field: string, kind: string, offset: number, found: boolean, opt: { planId?: string | null; jointId?: string | null } = {}) => {
    const on = day(offset);
    const planId = opt.planId !== undefined ? opt.planId : kind === 'plan' || kind === 'special' ? (plans.get(`${agency}|${field}|${on.slice(0, 4)}`) ?? null) : null;
    rows.push({ targetCreditCode: firm, id: `JC${on.replace(/-/g, '')}${String(++seq).padStart(5, '0')}`, agencyCode: agency, officerId: officer, field, kind, planId, jointId: opt.jointId ?? null, inspectedOn: on, foundProblem: found ? 1 : 0, durationMinutes: rng.int(15, 180), importJobId: null });
  };
  const kinds = ['plan', 'plan', 'plan', 'plan', 'random', 'random', 'random', 'complaint', 'special', 'other'];
  for (let i = 0; i < 3800; i++) {
    const a = rng.pick(DEMO_AGENCIES);
    const firm = rng.next() < 0.08 ? firms[rng.int(0, 59)]! : rng.pick(firms);
    const lowYield = a.code === 'XC-CGZF' && rng.next() < 0.2;
    const officer = lowYield ? `${a.code}-001` : rng.pick(officers.get(a.code)!.slice(1));
    const kind = rng.pick(kinds);
    // ~3% of routine inspections carry no plan (随意检查)
    add(a.code, officer, firm.code, rng.pick(a.fields), kind, rng.int(1, 364), lowYield ? false : rng.next() < 0.22, rng.next() < 0.03 && (kind === 'plan' || kind === 'special') ? { planId: null } : {});
  }
  // Planted: joint inspections (one inspection at one time, 北京市优化营商环境条例第七十条) — not multi-agency.
  for (let j = 0; j < 20; j++) {
    const firm = rng.pick(firms).code;
    const off = rng.int(10, 300);
    for (const a of [DEMO_AGENCIES[1]!, DEMO_AGENCIES[4]!, DEMO_AGENCIES[5]!]) add(a.code, officers.get(a.code)![2]!, firm, a.fields[0]!, 'plan', off, rng.next() < 0.3, { jointId: `LH-${year}-${j}` });
  }
  // Planted: three agencies visit one firm separately within a fortnight (多头检查).
  for (let j = 0; j < 6; j++) {
    const firm = firms[100 + j]!.code;
    const off = rng.int(30, 300);
    [DEMO_AGENCIES[0]!, DEMO_AGENCIES[2]!, DEMO_AGENCIES[3]!].forEach((a, k) => add(a.code, officers.get(a.code)![3]!, firm, a.fields[0]!, 'random', off - k * 5, false));
  }
  // Planted: an officer whose certificate expired inspects afterwards (无有效执法证检查).
  add('XC-WHLY', 'XC-WHLY-008', firms[200]!.code, 'culture', 'plan', 10, false);
  await insertInspections(db, rows, nowIso);

  // Penalties: filed over the year; undecided ones past 90 days are overdue (行政处罚法第六十条); a few outlier fines.
  const penalties: Record<string, unknown>[] = [];
  const levels = ['light', 'ordinary', 'ordinary', 'ordinary', 'ordinary', 'ordinary', 'ordinary', 'ordinary', 'ordinary', 'heavy'];
  for (let i = 0; i < 160; i++) {
    const a = rng.pick(DEMO_AGENCIES);
    const filed = rng.int(5, 360);
    const decided = rng.next() < 0.85 ? Math.max(0, filed - rng.int(10, 95)) : null;
    const violation = `${a.code.slice(3)}-${rng.int(1, 2)}`;
    const base = 2000 * (1 + (Number(violation.slice(-1)) - 1));
    penalties.push({ targetCreditCode: rng.pick(firms).code, id: `CF${year}${String(i + 1).padStart(4, '0')}`, agencyCode: a.code, officerId: officers.get(a.code)![1]!, inspectionId: null, field: a.fields[0]!, violationCode: violation, discretionLevel: i % 40 === 7 ? 'ordinary' : rng.pick(levels), amount: i % 40 === 7 ? base * 12 : base + rng.int(-3, 3) * 100, filedOn: day(filed), decidedOn: decided === null ? null : day(decided), importJobId: null });
  }
  await insert('enforcementPenalties', penalties);

  const categories = ['重复检查', '多头检查', '执法态度', '罚款争议', '检查未出示证件'];
  const complaints: Record<string, unknown>[] = [];
  for (let i = 0; i < 40; i++) {
    const a = rng.pick(DEMO_AGENCIES);
    const cat = rng.pick(categories);
    complaints.push({ targetCreditCode: rng.pick(firms.slice(0, 120)).code, id: `GD${year}${String(i + 1).padStart(5, '0')}`, agencyCode: a.code, receivedOn: day(rng.int(1, 300)), category: cat, summary: `企业反映${a.name}${cat}问题（12345 工单，演示数据）`, status: 'received', createdAt: nowIso });
  }
  await insert('enforcementComplaints', complaints);
  await db.updateTable('enforcementState').set((eb) => ({ value: eb('value', '+', 1) })).where('key', '=', 'data_version').execute();

  // Agency liaison accounts (执法单位联络员) for 城管执法局 and 市场监管局.
  const accounts: { username: string; displayName: string; roles: string[]; department: string }[] = [];
  if (opts.liaisonRoleId) {
    for (const [username, code] of [['zf.cgzf', 'XC-CGZF'], ['zf.scjg', 'XC-SCJG']] as const) {
      const id = randomUUID();
      const name = DEMO_AGENCIES.find((a) => a.code === code)!.name;
      const mobile = generateMobile(rng);
      await db
        .insertInto('users')
        .values({ id, username, displayName: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}（${name}联络员）`, departmentId: opts.departmentId, passwordHash: opts.passwordHash, passwordChangedAt: null, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: opts.cipher.encrypt(mobile), mobileBidx: opts.cipher.blindIndex(mobile), isDemo: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 })
        .execute();
      await db.insertInto('userRoles').values({ userId: id, roleId: opts.liaisonRoleId }).execute();
      await db.insertInto('enforcementAgencyLiaisons').values({ userId: id, agencyCode: code, createdAt: nowIso }).execute();
      accounts.push({ username, displayName: `${name}联络员`, roles: ['执法单位联络员'], department: name });
    }
  }
  return { accounts, inspections: rows.length, firms: firms.length, penalties: penalties.length, complaints: complaints.length };
}
