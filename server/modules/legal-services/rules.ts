/**
 * Pure rules of 公共法律服务: the means test (法律援助法 Arts. 32, 34, 41, 42), the Art. 44 urgency flag, the Art. 39
 * 24-hour forwarding check, lawyer ranking with conflict checks and balanced load (Art. 26 for grave criminal cases),
 * and the walking distance of the 15-minute service circle. No I/O: table-driven tests in rules.test.ts.
 */
import { formatDate, parseDate } from '../../../common/calendar';
import { AID_MATTERS, type AidMatter, EXEMPT_ITEMS, INTEGRITY_GRADES, LAW, type MeansResult, type Urgency, WAIVER_ITEMS } from '../../../common/contracts/legal-services';

export interface MeansInput {
  basis: 'exempt' | 'waived' | 'checked' | 'notApplicable';
  item: number | null;
  monthlyIncomePerCapita: number | null;
  householdSize: number | null;
  method: 'dataSharing' | 'pledge' | null;
  proof: string | null;
}

export class MeansInputError extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(reason);
  }
}

/** The means test. Throws MeansInputError when the input does not fit the basis (the service maps it to 400). */
export function meansTest(input: MeansInput, standard: number, channel: string): MeansResult {
  const base = { basis: input.basis, item: input.item, monthlyIncomePerCapita: input.monthlyIncomePerCapita, householdSize: input.householdSize, standard: null as number | null, method: input.method, proof: input.proof };
  switch (input.basis) {
    case 'exempt': {
      const text = input.item !== null ? EXEMPT_ITEMS[input.item as keyof typeof EXEMPT_ITEMS] : undefined;
      if (!text) throw new MeansInputError('means.item', '请选择法律援助法第三十二条的具体情形（第一项至第五项）');
      return { ...base, passed: true, text: `不受经济困难条件的限制：${text}`, citation: `${LAW}第三十二条第（${'一二三四五'[input.item! - 1]}）项` };
    }
    case 'waived': {
      const text = input.item !== null ? WAIVER_ITEMS[input.item as keyof typeof WAIVER_ITEMS] : undefined;
      if (!text) throw new MeansInputError('means.item', '请选择法律援助法第四十二条的具体情形（第一项至第四项）');
      if (!input.proof) throw new MeansInputError('means.proof', '免予核查经济困难状况须提交相关证件或者证明材料（第四十二条），请填写证明材料名称');
      return { ...base, passed: true, text: `免予核查经济困难状况：${text}（证明材料：${input.proof}）`, citation: `${LAW}第四十二条第（${'一二三四'[input.item! - 1]}）项` };
    }
    case 'notApplicable': {
      if (channel !== 'notified') throw new MeansInputError('means.basis', '仅公安机关、人民检察院、人民法院通知辩护或者代理的案件不审查经济状况');
      return { ...base, passed: true, text: '办案机关通知辩护或者代理的案件，不审查经济困难状况', citation: `${LAW}第二十五条、第二十八条、第三十六条` };
    }
    case 'checked': {
      if (input.monthlyIncomePerCapita === null) throw new MeansInputError('means.monthlyIncomePerCapita', '请填写家庭人均月收入');
      if (!input.method) throw new MeansInputError('means.method', '请选择核查方式：信息共享查询或者个人诚信承诺（第四十一条）');
      const passed = input.monthlyIncomePerCapita <= standard;
      const how = input.method === 'pledge' ? '申请人作出个人诚信承诺' : '通过信息共享查询核查';
      return {
        ...base,
        standard,
        passed,
        text: `家庭人均月收入 ${input.monthlyIncomePerCapita} 元${passed ? '不高于' : '高于'}经济困难标准 ${standard} 元（${how}）：${passed ? '符合' : '不符合'}经济困难条件`,
        citation: `${LAW}第三十四条、第四十一条（经济困难标准由省级人民政府确定，本局设置的标准待核实）`,
      };
    }
  }
}

/** Calendar days from a to b (b - a). */
export const daysFrom = (a: string, b: string): number => parseDate(b) - parseDate(a);

/**
 * Art. 44: aid before the decision. (1) fewer than 7 days remain before the limitation period or the deadline to
 * sue, arbitrate or apply for reconsideration; (2) preservation or advance execution is urgently needed.
 */
export function urgencyOf(receivedOn: string, limitationDate: string | null, preservationUrgent: boolean): Urgency {
  const reasons: string[] = [];
  const daysToLimitation = limitationDate ? daysFrom(receivedOn, limitationDate) : null;
  if (daysToLimitation !== null && daysToLimitation < 7) {
    reasons.push(daysToLimitation < 0 ? `时效或者期限已于 ${limitationDate} 届满，请核实` : `距法定时效或者期限届满（${limitationDate}）不足七日（尚余 ${daysToLimitation} 日），需要及时提起诉讼或者申请仲裁、行政复议（第四十四条第一项）`);
  }
  if (preservationUrgent) reasons.push('需要立即申请财产保全、证据保全或者先予执行（第四十四条第二项）');
  return { urgent: reasons.length > 0, reasons, daysToLimitation, citation: `${LAW}第四十四条：法律援助机构可以决定先行提供法律援助` };
}

export interface LawyerFacts {
  id: string;
  name: string;
  firmName: string;
  practiceYears: number;
  criminalYears: number;
  specialties: string[];
  conflictParties: string[];
  maxLoad: number;
  active: boolean;
  /** cases currently assigned and not closed */
  openCases: number;
  /** parties of this lawyer's other legal-aid cases: who they acted for and against */
  clients: string[];
  adversaries: string[];
}

export interface RankInput {
  applicantName: string;
  opposingParty: string | null;
  matter: AidMatter;
  severeCriminal: boolean;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Conflict-of-interest reasons for one lawyer on one case (empty = none). */
export function conflictsOf(l: LawyerFacts, c: RankInput): string[] {
  const out: string[] = [];
  const opp = c.opposingParty ? norm(c.opposingParty) : null;
  const app = norm(c.applicantName);
  if (opp && l.conflictParties.some((p) => norm(p) === opp)) out.push(`已申报与对方当事人“${c.opposingParty}”存在利益关系`);
  if (opp && l.clients.some((p) => norm(p) === opp)) out.push(`曾为对方当事人“${c.opposingParty}”提供法律援助`);
  if (l.adversaries.some((p) => norm(p) === app)) out.push(`曾在其他案件中代理申请人“${c.applicantName}”的对方`);
  return out;
}

export const RANK_RULE =
  '排除：停用、利益冲突（已申报的利益关系、曾代理对方当事人或曾与申请人对立）、在办案件已达上限、可能判处无期徒刑或死刑的案件中刑事执业不满三年（法律援助法第二十六条）；其余按在办案件数从少到多排序，在办数相同时擅长该事项者优先，再按姓名排序。';

/** Ranks lawyers for one case: eligible ones first by load (balanced), then specialty, then name. */
export function rankLawyers(lawyers: LawyerFacts[], c: RankInput) {
  const rows = lawyers.map((l) => {
    const conflicts = conflictsOf(l, c);
    const reasons = [...conflicts];
    if (!l.active) reasons.push('已停用');
    if (l.openCases >= l.maxLoad) reasons.push(`在办案件已达上限 ${l.maxLoad} 件`);
    if (c.severeCriminal && l.criminalYears < 3) reasons.push('可能判处无期徒刑、死刑的案件须指派具有三年以上相关执业经历的律师（第二十六条）');
    return { lawyer: l, conflicts: reasons, eligible: reasons.length === 0, specialtyMatch: l.specialties.includes(c.matter) };
  });
  const eligible = rows.filter((r) => r.eligible).sort((a, b) => a.lawyer.openCases - b.lawyer.openCases || Number(b.specialtyMatch) - Number(a.specialtyMatch) || a.lawyer.name.localeCompare(b.lawyer.name, 'zh-CN') || a.lawyer.id.localeCompare(b.lawyer.id));
  const rest = rows.filter((r) => !r.eligible).sort((a, b) => a.lawyer.name.localeCompare(b.lawyer.name, 'zh-CN'));
  return [...eligible.map((r, i) => ({ ...r, rank: i + 1 })), ...rest.map((r) => ({ ...r, rank: null }))];
}

// ------------------------------------------------------------------------------------------- geography

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function haversineMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface Place {
  lat: number;
  lng: number;
}

/** Walking estimate: straight line × detour factor, at a walking speed (m/min). */
export function walk(from: Place, to: Place, speedMPerMin: number, detourFactor: number) {
  const straight = haversineMetres(from.lat, from.lng, to.lat, to.lng);
  const metres = straight * detourFactor;
  return { straight, metres, minutes: metres / speedMPerMin };
}

/** Nearest point to `from` among `points` (null when there is none). */
export function nearest<P extends Place>(from: Place, points: readonly P[], speed: number, detour: number) {
  let best: { point: P; straight: number; metres: number; minutes: number } | null = null;
  for (const p of points) {
    const w = walk(from, p, speed, detour);
    if (!best || w.metres < best.metres) best = { point: p, ...w };
  }
  return best;
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const addDays = (d: string, n: number) => formatDate(parseDate(d) + n);
export const matterLabel = (m: AidMatter) => AID_MATTERS[m];

// ------------------------------------------------------------------------------------------- integrity grade

export type IntegrityGrade = keyof typeof INTEGRITY_GRADES;
/** Best to worst, in the order of the contract's labels. */
const GRADES = Object.keys(INTEGRITY_GRADES) as IntegrityGrade[];
/** The worse (later in A→D) of two grades. */
export const worseGrade = (a: IntegrityGrade, b: IntegrityGrade): IntegrityGrade => (GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b);
/** True when `grade` is better than `ceiling` (A better than B …). */
export const gradeAbove = (grade: IntegrityGrade, ceiling: IntegrityGrade) => GRADES.indexOf(grade) < GRADES.indexOf(ceiling);

/**
 * The bureau's rule linking a year's supervision results to that year's integrity grade. The statutes only set up the
 * machinery — 《北京市司法鉴定管理条例》第二十八条 (random inspections, results published), 第三十二条 (problems found
 * are rectified or punished), 第三十四条 (信用评价制度); 《中华人民共和国律师法》第二十四条 (annual assessment) — and
 * do not fix the grade a result leads to: the ceilings below are the bureau's practice, marked 待核实 in the UI.
 */
export const GRADE_CEILING_RULE =
  '本局诚信等级评定规则（待核实）：当年度考核不合格、双随机抽查移送查处的，诚信等级不高于 C 级（警示）；年度考核基本合格、双随机抽查责令整改、投诉属实或者部分属实的，不高于 B 级（基本诚信）。依据《北京市司法鉴定管理条例》第二十八条、第三十二条、第三十四条，《中华人民共和国律师法》第二十四条。';

/** The citation a refusal or an adjustment carries. */
export const GRADE_CEILING_SHORT = '本局诚信等级评定规则，待核实；依据《北京市司法鉴定管理条例》第二十八条、第三十四条，《中华人民共和国律师法》第二十四条';

export interface GradeFacts {
  /** the year's annual assessment result (ASSESSMENT_RESULTS key) or null */
  assessment: string | null;
  /** outcomes of the year's published random inspections of the institution */
  inspections: string[];
  /** complaints concluded in the year as substantiated or partly substantiated */
  substantiatedComplaints: number;
}

/** The best grade a year's facts allow, and why (empty reasons = A is allowed). */
export function gradeCeiling(f: GradeFacts): { ceiling: IntegrityGrade; reasons: string[] } {
  let ceiling: IntegrityGrade = 'A';
  const reasons: string[] = [];
  const cap = (g: IntegrityGrade, why: string) => {
    ceiling = worseGrade(ceiling, g);
    reasons.push(why);
  };
  if (f.assessment === 'fail') cap('C', '年度考核不合格');
  else if (f.assessment === 'basicPass') cap('B', '年度考核基本合格');
  if (f.inspections.includes('referred')) cap('C', '双随机抽查移送查处');
  else if (f.inspections.includes('rectify')) cap('B', '双随机抽查责令整改');
  if (f.substantiatedComplaints > 0) cap('B', `投诉属实或者部分属实 ${f.substantiatedComplaints} 件`);
  return { ceiling, reasons };
}
