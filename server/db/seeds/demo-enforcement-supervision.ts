/**
 * 行政执法监督 demo: the supervision workflow over the demo year's own detection flags, written through the real
 * supervision service (numbers, the rectification clock on the deadline register, order events and the audit log all
 * come from it), as the bureau would have worked through the year: problem clues from flags and from a 12345
 * complaint, supervision orders (督办单) rectified, verified and closed, one sent back once, one awaiting verification,
 * one past its deadline with a supervision opinion letter (执法监督意见书), one just issued, clues not yet handled and
 * clues dismissed with a reason. Each step runs on a clock set to the day it happened, so the register reads like a
 * year of work; the audit log records when the seed wrote it.
 *
 * Runs after the demo transaction (the service opens its own transactions); each step is atomic on its own.
 */
import type { App } from '../../app';
import { createSupervisionService, listDetections } from '../../modules/enforcement';
import { fixedOffsetClock } from '../../platform/clock';
import { formatDate, parseDate } from '../../../common/calendar';
import type { DetectionFlag, DetectionRuleId } from '../../../common/contracts/enforcement';
import type { DbHandle } from '../index';
import { workdayOnOrBefore } from './office-days';

type Services = App['services'];
const META = { requestId: 'demo-seed' };

export async function seedEnforcementSupervisionDemo(handle: DbHandle, services: Services): Promise<{ clues: number; orders: number; opinions: number }> {
  const db = handle.db;
  const today = services.clock.today();
  const todayDn = parseDate(today);
  const calendar = await services.calendar.current();
  /** The working day `back` days before today, or the last one before it: an office acts on working days. */
  const officeDay = (back: number) => workdayOnOrBefore(calendar, todayDn - back);
  let t = Date.parse(`${today}T02:00:00.000Z`);
  const clock = fixedOffsetClock(() => t);
  /** Sets the clock to 10:00 Beijing time of that working day (monotone in `back`, so the steps keep their order). */
  const on = (back: number) => {
    t = Date.parse(`${officeDay(back)}T02:00:00.000Z`);
  };
  const supervision = createSupervisionService({ handle, clock, audit: services.audit, deadlines: services.deadlines });

  const userId = async (username: string) => (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id ?? null;
  const headId = await userId('zfjd.head');
  const head = headId ? await services.auth.loadActor(headId) : null;
  if (!head) return { clues: 0, orders: 0, opinions: 0 };
  const liaisons = new Map<string, NonNullable<typeof head>>();
  for (const [username, agency] of [['zf.cgzf', 'XC-CGZF'], ['zf.scjg', 'XC-SCJG']] as const) {
    const id = await userId(username);
    const a = id ? await services.auth.loadActor(id) : null;
    if (a) liaisons.set(agency, a);
  }

  // The flags of the year the detections page shows by default (today − 365 … today).
  const range = { from: formatDate(todayDn - 365), to: today, asOf: today };
  const flagsOf = async (rule: DetectionRuleId) => (await listDetections(handle, { rule, ...range, page: 1, pageSize: 200 }, { now: services.clock.nowIso(), calendar: () => services.calendar.current() })).data;
  const used = new Set<string>();
  /**
   * A flag of the rule naming one agency, preferring the two agencies with liaison accounts; not the first of a list
   * that has others (the first repeated-inspection flag is left for the user, and the browser flow, to work on).
   */
  const pick = (flags: DetectionFlag[], preferAgency?: string) => {
    const pool = (flags.length > 1 ? flags.slice(1) : flags).filter((f) => !used.has(f.id) && f.agencyCodes.length >= 1);
    const f = pool.find((x) => (preferAgency ? x.agencyCodes.length === 1 && x.agencyCodes[0] === preferAgency : false)) ?? pool.find((x) => x.agencyCodes.length === 1) ?? pool[0];
    if (f) used.add(f.id);
    return f ?? null;
  };
  const repeated = await flagsOf('repeated-inspection');
  const multi = await flagsOf('multi-agency-inspection');
  const unplanned = await flagsOf('unplanned-inspection');
  const lowYield = await flagsOf('low-yield-officer');
  const expired = await flagsOf('expired-certificate');

  let clues = 0;
  let orders = 0;
  let opinions = 0;
  const clue = async (back: number, flag: DetectionFlag | null, title: string, description: string, severity: 'ordinary' | 'serious' = 'ordinary') => {
    if (!flag) return null;
    on(back);
    const c = await supervision.createClue(head, { source: 'detection', detectionIds: [flag.id], complaint: null, agencyCode: flag.agencyCodes[0] ?? null, title, description, severity }, META);
    clues++;
    return c;
  };
  const order = async (back: number, c: { id: string; version: number } | null, requirement: string) => {
    if (!c) return null;
    on(back);
    const o = await supervision.issueOrder(head, { clueId: c.id, requirement, version: c.version }, META);
    orders++;
    return o;
  };
  /** The agency's report: by its liaison where it has one, otherwise recorded by the bureau from the written report. */
  const report = async (back: number, o: { id: string; version: number; agencyCode: string } | null, text: string, rectifiedBack: number) => {
    if (!o) return null;
    const rectifiedOn = officeDay(rectifiedBack);
    on(back);
    return supervision.report(liaisons.get(o.agencyCode) ?? head, o.id, { report: text, rectifiedOn, version: o.version }, META);
  };
  const verify = async (back: number, o: { id: string; version: number } | null, result: 'pass' | 'return', note: string) => {
    if (!o) return null;
    on(back);
    return supervision.verify(head, o.id, { result, note, version: o.version }, META);
  };

  // 1. 重复检查 → 督办 → 整改 → 核查通过 (办结)
  let o = await order(148, await clue(150, pick(repeated, 'XC-CGZF'), '同一执法主体 30 日内对同一企业同一领域重复检查', '检测预警显示同一执法主体在 30 日内对同一企业同一领域多次实施检查，且非投诉举报核查，不符合“能合并的不得重复检查”的要求（国办发〔2024〕54号）。'), '请对照年度检查计划清理重复检查事项，同一企业同一事项合并检查，并于整改期限内报送整改情况及相关制度。');
  o = await report(135, o, '已清理重复检查事项 3 项，修订《检查计划管理办法》，对相关执法人员进行提醒谈话；今后同一企业同一事项合并检查。', 137);
  await verify(130, o, 'pass', '经调阅检查台账、抽查 10 户企业回访核实，整改到位，予以办结。');

  // 2. 多头检查 → 督办 → 整改 → 核查通过
  o = await order(118, await clue(120, pick(multi, 'XC-SCJG'), '多个执法主体 30 日内分别检查同一企业', '30 日内三个以上执法主体分别入企检查同一企业，未采用联合检查方式（《北京市优化营商环境条例》第七十条：同一时间、针对同一对象，实施一次检查）。'), '请牵头与相关执法主体会商，对同一企业的检查事项实行“综合查一次”，报送联合检查工作机制及整改情况。');
  o = await report(100, o, '已与相关部门建立联合检查会商机制，本季度对该企业的检查合并为一次联合检查。', 102);
  await verify(95, o, 'pass', '经核实联合检查记录，整改到位，予以办结。');

  // 3. 随意检查 → 督办 → 整改 → 核查通过
  o = await order(88, await clue(90, pick(unplanned, 'XC-CGZF'), '无计划实施日常检查', '日常检查未纳入本部门年度执法检查计划（《北京市优化营商环境条例》第六十七条），属于随意检查。'), '请补正检查计划备案，未列入计划的日常检查一律停止，并报送整改情况。');
  o = await report(75, o, '已将全部日常检查纳入年度计划并报备，系统设置“无计划不得发起检查”校验。', 76);
  await verify(70, o, 'pass', '经抽查系统记录，整改到位，予以办结。');

  // 4. 执法证过期仍检查 (严重) → 督办 → 首次整改不到位退回 → 再次整改 → 核查通过
  o = await order(79, await clue(80, pick(expired), '执法人员执法证件失效后仍实施检查', '执法人员在执法证有效期届满后仍以执法人员身份实施检查（《中华人民共和国行政处罚法》第四十二条：行政处罚应当由具有行政执法资格的执法人员实施）。', 'serious'), '请立即暂停相关人员执法资格，核查其证件失效期间的全部检查行为，依法处理并报送整改情况。');
  o = await report(62, o, '已暂停相关人员执法资格。', 63);
  o = await verify(58, o, 'return', '整改报告未说明证件失效期间检查行为的核查和处理结果，退回重新整改。');
  o = await report(42, o, '已逐件核查证件失效期间的检查记录 12 件，其中 2 件依法重新作出；相关人员已完成培训并重新取得执法证。', 43);
  await verify(38, o, 'pass', '经核查案卷，整改到位，予以办结。');

  // 5. 低效检查 → 督办 → 已报送，待核查
  o = await order(58, await clue(60, pick(lowYield), '执法人员检查发现问题率明显偏低', '该执法人员检查次数较多但发现问题率低于同领域执法人员中位数的四分之一，检查实效不足。'), '请分析检查实效偏低的原因，优化检查方式和检查清单，报送整改情况。');
  await report(30, o, '已组织业务培训，修订检查清单，改进检查方式，近一个月发现问题率明显提升。', 31);

  // 6. 12345 投诉 → 督办 → 逾期未整改 → 执法监督意见书
  const complaint = await db.selectFrom('enforcementComplaints').select(['id', 'targetCreditCode', 'agencyCode', 'summary']).where('category', '=', '重复检查').orderBy('receivedOn').orderBy('id').executeTakeFirst();
  if (complaint) {
    on(46);
    const c = await supervision.createClue(head, { source: 'complaint', detectionIds: [], complaint: { id: complaint.id, targetCreditCode: complaint.targetCreditCode }, agencyCode: null, title: '12345 热线反映执法检查过频', description: complaint.summary, severity: 'ordinary' }, META);
    clues++;
    const issued = await order(45, c, '请核实企业反映的检查频次问题，向企业作出说明，并报送核实及整改情况。');
    if (issued?.dueDate && issued.dueDate < officeDay(8)) {
      on(8);
      await supervision.issueOpinion(head, { orderId: issued.id, facts: `督办单 ${issued.orderNo} 整改期限已于 ${issued.dueDate} 届满，被督办单位未报送整改情况。`, opinion: '请立即组织整改，核实企业反映的问题并向企业作出说明，整改完成后书面报告整改结果；本局将跟踪核查。' }, META);
      opinions++;
    }
  }

  // 7. 重复检查 → 督办 (刚制发，整改期限内) — for the 市场监管局 liaison to report on
  await order(9, await clue(10, pick(repeated, 'XC-SCJG'), '同一执法主体 30 日内对同一企业重复检查', '检测预警显示同一执法主体在 30 日内对同一企业同一领域多次检查。'), '请核实重复检查情况，合并检查事项，并于整改期限内报送整改情况。');

  // 8. 待处置线索
  await clue(6, pick(multi), '多个执法主体 30 日内分别检查同一企业', '待研判是否符合联合检查条件。');
  await clue(3, pick(repeated), '同一执法主体 30 日内对同一企业重复检查', '待核实是否属于投诉举报核查。');
  await clue(1, pick(unplanned), '无计划实施日常检查', '待调取检查计划核实。');

  // 9. 不予督办
  for (const [back, reason] of [[100, '经核实，相关检查系上级部门交办的专项检查，已纳入专项计划，不属于随意检查。'], [50, '经核实，系对投诉举报的核查，依规不计入重复检查。']] as const) {
    const c = await clue(back, pick(back === 100 ? unplanned : repeated), back === 100 ? '无计划实施日常检查' : '同一执法主体 30 日内对同一企业重复检查', '检测预警生成。');
    if (c) {
      on(back - 2);
      await supervision.dismissClue(head, c.id, { reason, version: c.version }, META);
    }
  }
  return { clues, orders, opinions };
}
