/**
 * Demo data of the 法治建设工作记录 module: the 普法 five-year plans (reference data, always; both marked 待核实), and
 * outside tests a year of generated records laid out relative to `today` (trainings with attendance, leadership study
 * sessions, 述法, inspections with findings in every rectification state, the year's assessment scheme with scores for
 * the sections and the 15 司法所, 普法 campaigns, events and education bases) plus the 依法治区 account `fzjs.staff`.
 * All names are generated; written as data inside the setup transaction, mirroring rule-of-law.service.ts.
 */
import { randomUUID } from 'node:crypto';
import { createOfficialCalendar, formatDate, parseDate } from '../../../common/calendar';
import { EVENT_KIND_LABELS, EVENT_KINDS, type PublicityEventKind } from '../../../common/contracts/rule-of-law';
import { createRng, generateMobile } from '../../../common/validators';
import type { FieldCipher } from '../../platform/crypto';
import type { Db } from '../types';
import type { DemoAccount } from './demo';
import { workdayOnOrBefore } from './office-days';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志玉海燕红梅浩然欣怡宇轩';

export const DEMO_PLANS = [
  { name: '八五普法', startYear: 2021, endYear: 2025, source: '《中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021－2025年）》（中共中央、国务院转发）', note: '规划名称和期间待与正式文本核对' },
  { name: '九五普法', startYear: 2026, endYear: 2030, source: '第九个五年法治宣传教育规划（2026—2030年）', note: '规划文号、印发日期和具体要求待核实：以正式印发文本为准，核实后在此更新' },
];

/** Reference data: the five-year plans (待核实 until checked against the official texts). */
export async function seedRuleOfLawReference(opts: { db: Db; nowIso: string; createdBy: string }) {
  for (const p of DEMO_PLANS) {
    const have = await opts.db.selectFrom('rolPublicityPlans').select('id').where('name', '=', p.name).executeTakeFirst();
    if (!have) await opts.db.insertInto('rolPublicityPlans').values({ id: randomUUID(), ...p, verified: 0, createdBy: opts.createdBy, createdAt: opts.nowIso }).execute();
  }
}

export async function seedRuleOfLawDemo(opts: { db: Db; today: string; nowIso: string; cipher: FieldCipher; passwordHash: string; departments: Map<string, { id: string; name: string }>; rootId: string; history: boolean }): Promise<{ accounts: DemoAccount[] }> {
  const { db, nowIso } = opts;
  const leader = await db.selectFrom('users').select(['id', 'displayName']).where('username', '=', 'leader').executeTakeFirst();
  const creator = leader?.id ?? 'system';
  await seedRuleOfLawReference({ db, nowIso, createdBy: creator });
  if (!opts.history) return { accounts: [] };
  return seedRuleOfLawHistory({ ...opts, creator, leaderName: leader?.displayName ?? '局长' });
}

/** A year of records before `today` (exported for the module's tests, which count what the summary reports). */
export async function seedRuleOfLawHistory(opts: { db: Db; today: string; nowIso: string; cipher: FieldCipher; passwordHash: string; departments: Map<string, { id: string; name: string }>; rootId: string; creator: string; leaderName: string }): Promise<{ accounts: DemoAccount[] }> {
  const { db, nowIso, today, creator } = opts;
  const rng = createRng(20261129);
  const person = () => rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.next() < 0.5 ? rng.pick([...GIVEN]) : '');
  // trainings, study sessions, inspections and reports happen on working days (the official schedules; a demo needs
  // no edited calendar): a day before today moves to the working day itself or the last one before it
  const calendar = createOfficialCalendar();
  const day = (offset: number) => (offset <= 0 ? workdayOnOrBefore(calendar, parseDate(today) + offset) : formatDate(parseDate(today) + offset));
  const dept = (code: string) => opts.departments.get(code)!;
  const offices = [...opts.departments.entries()].filter(([code]) => code.startsWith('SFS')).map(([, d]) => d);
  const sections = ['FYK', 'HFXK', 'ZFJDK', 'GGFLK', 'RMTJK', 'SQJZK', 'GFZX', 'FYZX'].map(dept);
  const year = Number(today.slice(0, 4));

  // ── the 依法治区 account ────────────────────────────────────────────────────────────────────────
  const accounts: DemoAccount[] = [];
  const role = await db.selectFrom('roles').select('id').where('code', '=', 'ruleOfLawStaff').executeTakeFirst();
  if (role) {
    const id = randomUUID();
    const mobile = generateMobile(rng);
    const displayName = person();
    await db.insertInto('users').values({ id, username: 'fzjs.staff', displayName, departmentId: dept('RMTJK').id, passwordHash: opts.passwordHash, passwordChangedAt: null, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: opts.cipher.encrypt(mobile), mobileBidx: opts.cipher.blindIndex(mobile), isDemo: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 }).execute();
    await db.insertInto('userRoles').values({ userId: id, roleId: role.id }).execute();
    accounts.push({ username: 'fzjs.staff', displayName, roles: ['依法治区工作人员'], department: dept('RMTJK').name });
  }
  const users = await db.selectFrom('users').select(['id', 'displayName', 'departmentId']).where('status', '=', 'active').execute();
  const staffOf = (departmentId: string) => users.filter((u) => u.departmentId === departmentId);

  // ── 法治培训 ──────────────────────────────────────────────────────────────────────────────────
  const TRAININGS: [string, string, number][] = [
    ['《中华人民共和国行政复议法》新法解读专题培训', 'lawStudy', 3],
    ['行政执法人员执法资格及《行政执法监督条例》培训', 'enforcement', 6],
    ['新任职人员宪法和法律知识培训', 'newStaff', 4],
    ['《中华人民共和国法律援助法》实务培训', 'special', 3],
    ['人民调解员业务能力提升培训', 'special', 4],
    ['《中华人民共和国民法典》婚姻家庭编专题培训', 'lawStudy', 2],
    ['行政规范性文件合法性审查实务培训', 'special', 3],
    ['社区矫正执法规范化培训', 'enforcement', 4],
    ['网络学法：习近平法治思想专题', 'online', 2],
    ['公共法律服务窗口服务规范培训', 'special', 2],
  ];
  const LECTURERS = ['市司法局法规处讲师', '北京某政法院校教师', '区法院法官', '执业律师（法律顾问）', '本局业务骨干'];
  for (const [i, [title, kind, hours]] of TRAININGS.entries()) {
    const heldOn = day(-(20 + i * 29));
    const organiser = i % 3 === 2 ? offices[i % offices.length]! : i % 2 === 0 ? { id: opts.rootId, name: '' } : sections[i % sections.length]!;
    const tid = randomUUID();
    await db.insertInto('rolTrainings').values({ id: tid, departmentId: organiser.id, title, kind, heldOn, hours, place: i % 2 ? '区司法局三层会议室' : '线上直播', lecturer: rng.pick(LECTURERS), createdBy: creator, createdAt: nowIso }).execute();
    // attendance: every account of the organising unit, plus staff of other units (bureau-wide trainings)
    const invited = organiser.id === opts.rootId ? [...sections, ...offices.slice(0, 6)] : [organiser, ...(i % 2 ? sections.slice(0, 2) : [])];
    const seen = new Set<string>();
    for (const d of invited) {
      const staff = staffOf(d.id);
      const names = staff.length ? staff.map((s) => ({ userId: s.id as string | null, name: s.displayName })) : [];
      for (let k = names.length; k < 3; k++) names.push({ userId: null, name: person() });
      for (const n of names) {
        const key = n.userId ?? `${d.id}:${n.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await db.insertInto('rolTrainingAttendance').values({ id: randomUUID(), trainingId: tid, departmentId: d.id, userId: n.userId, name: n.name, hours: rng.next() < 0.9 ? hours : Math.max(1, hours - 1), createdBy: creator, createdAt: nowIso }).execute();
      }
    }
  }
  // one planned training ahead (no attendance yet: it has not taken place)
  await db.insertInto('rolTrainings').values({ id: randomUUID(), departmentId: opts.rootId, title: '宪法宣传周：国家工作人员宪法专题培训', kind: 'lawStudy', heldOn: day(12), hours: 3, place: '区司法局三层会议室', lecturer: '北京某政法院校教师', createdBy: creator, createdAt: nowIso }).execute();

  // ── 领导干部学法 ───────────────────────────────────────────────────────────────────────────────
  const deputies = [person(), person(), person()];
  const leadership = [opts.leaderName, ...deputies];
  const TOPICS: [string, string][] = [
    ['学习《中华人民共和国行政复议法》', '《中华人民共和国行政复议法》'],
    ['学习《优化营商环境条例》涉企行政检查有关规定', '《优化营商环境条例》第六十二条等'],
    ['学习《中华人民共和国法律援助法》', '《中华人民共和国法律援助法》'],
    ['学习《中华人民共和国人民调解法》及矛盾纠纷化解', '《中华人民共和国人民调解法》'],
    ['学习《中华人民共和国社区矫正法》', '《中华人民共和国社区矫正法》'],
    ['学习《重大行政决策程序暂行条例》', '《重大行政决策程序暂行条例》'],
    ['学习《中华人民共和国保守国家秘密法》', '《中华人民共和国保守国家秘密法》'],
    ['学习《中华人民共和国民法典》相关规定', '《中华人民共和国民法典》'],
    ['学习《中华人民共和国安全生产法》', '《中华人民共和国安全生产法》'],
    ['学习《中华人民共和国政府信息公开条例》', '《中华人民共和国政府信息公开条例》'],
  ];
  for (const [i, [topic, laws]] of TOPICS.entries()) {
    await db.insertInto('rolStudySessions').values({ id: randomUUID(), departmentId: opts.rootId, kind: 'preMeeting', heldOn: day(-(9 + i * 31)), meetingName: `局党组会议（第${TOPICS.length - i}次）`, topic, lawsStudied: laws, lecturer: rng.pick(['局法律顾问', '合法性审查科负责人', '行政复议与应诉科负责人']), attendees: JSON.stringify(leadership), createdBy: creator, createdAt: nowIso }).execute();
  }
  for (const [i, topic] of ['深入学习习近平法治思想', '学习党内法规和法治政府建设实施纲要', '学习《中华人民共和国宪法》', '学习法治建设第一责任人职责有关规定'].entries()) {
    await db.insertInto('rolStudySessions').values({ id: randomUUID(), departmentId: opts.rootId, kind: 'centralGroup', heldOn: day(-(40 + i * 80)), meetingName: '局党组理论学习中心组学习会', topic, lawsStudied: null, lecturer: '局党组书记', attendees: JSON.stringify([...leadership, ...sections.slice(0, 4).map(() => person())]), createdBy: creator, createdAt: nowIso }).execute();
  }
  for (const [i, o] of offices.slice(0, 5).entries()) {
    await db.insertInto('rolStudySessions').values({ id: randomUUID(), departmentId: o.id, kind: 'special', heldOn: day(-(15 + i * 23)), meetingName: '所务会', topic: '学习《中华人民共和国人民调解法》和矛盾纠纷排查化解工作要求', lawsStudied: '《中华人民共和国人民调解法》', lecturer: '所长', attendees: JSON.stringify([person(), person(), person()]), createdBy: creator, createdAt: nowIso }).execute();
  }

  // ── 述法 (year-end: the principal leader, the deputies, the 司法所 heads) ──────────────────────────
  const reportYear = (on: string) => (Number(on.slice(5, 7)) >= 11 ? Number(on.slice(0, 4)) : Number(on.slice(0, 4)) - 1);
  const GRADES = ['excellent', 'excellent', 'good', 'good', 'good', 'fair'];
  const reporters: { name: string; position: string; departmentId: string }[] = [
    { name: opts.leaderName.replace(/（.*）$/, ''), position: '局长（党政主要负责人）', departmentId: opts.rootId },
    ...deputies.map((name, i) => ({ name, position: `副局长${i === 0 ? '（分管法治建设）' : ''}`, departmentId: opts.rootId })),
    ...offices.map((o) => ({ name: person(), position: '司法所所长', departmentId: o.id })),
  ];
  for (const [i, r] of reporters.entries()) {
    for (const offset of [-(3 + (i % 5)), -(320 + (i % 5))]) {
      const on = day(offset);
      await db.insertInto('rolLawReportings').values({ id: randomUUID(), departmentId: r.departmentId, year: reportYear(on), reporterName: r.name, position: r.position, reportedOn: on, setting: i === 0 ? '区政府常务会议年终述职述法' : i < 4 ? '局党组会议年终述法' : '司法所年终述职述法会', grade: rng.pick(GRADES), summary: '报告本年度履行推进法治建设职责、学法用法、依法决策和依法办事情况，查找不足并提出改进措施。', createdBy: creator, createdAt: nowIso }).onConflict((oc) => oc.doNothing()).execute();
    }
  }

  // ── 法治督察 and findings ──────────────────────────────────────────────────────────────────────
  const INSPECTIONS: { kind: string; title: string; unit: { id: string }; back: number; findings: [string, number, 'open' | 'rectified' | 'verified'][] }[] = [
    { kind: 'comprehensive', title: '年度法治建设综合督察', unit: offices[0]!, back: 200, findings: [['司法所学法制度落实不到位，学法记录不完整', 30, 'verified'], ['人民调解卷宗归档不规范', 45, 'verified'], ['法治宣传阵地内容更新不及时', 30, 'rectified']] },
    { kind: 'comprehensive', title: '年度法治建设综合督察', unit: offices[5]!, back: 190, findings: [['矛盾纠纷排查台账信息不全', 30, 'verified'], ['普法责任清单未公开', 20, 'open']] },
    { kind: 'special', title: '行政执法“三项制度”落实专项督察', unit: dept('ZFJDK'), back: 120, findings: [['执法全过程记录抽查有缺失', 60, 'rectified'], ['重大执法决定法制审核目录未及时更新', 30, 'verified']] },
    { kind: 'special', title: '行政复议决定履行情况专项督察', unit: dept('FYK'), back: 75, findings: [['个别复议意见书落实情况未跟踪反馈', 30, 'open']] },
    { kind: 'internalControl', title: '法律援助经费使用内部控制检查', unit: dept('FYZX'), back: 95, findings: [['办案补贴发放审批材料不齐全', 30, 'verified'], ['案件质量评估记录未按月归档', 90, 'open']] },
    { kind: 'internalControl', title: '公共法律服务中心窗口业务内部控制检查', unit: dept('GFZX'), back: 40, findings: [['咨询登记信息复核流程缺失', 60, 'open'], ['印章使用登记不规范', 15, 'rectified']] },
  ];
  for (const ins of INSPECTIONS) {
    const iid = randomUUID();
    const on = day(-ins.back);
    await db.insertInto('rolInspections').values({ id: iid, departmentId: ins.unit.id, kind: ins.kind, title: ins.title, inspectedOn: on, team: ins.kind === 'internalControl' ? '局内部控制检查组' : '区法治建设督察组', createdBy: creator, createdAt: nowIso }).execute();
    for (const [description, dueIn, status] of ins.findings) {
      const due = formatDate(parseDate(on) + dueIn);
      const rectifiedOn = status === 'open' ? null : formatDate(parseDate(on) + Math.min(dueIn - 2, ins.back - 5));
      const verifiedOn = status === 'verified' ? formatDate(Math.min(parseDate(rectifiedOn!) + 7, parseDate(today) - 1)) : null;
      await db.insertInto('rolFindings').values({ id: randomUUID(), inspectionId: iid, departmentId: ins.unit.id, description, internalControl: ins.kind === 'internalControl' ? 1 : 0, rectificationDue: due, status, rectifiedOn, rectificationNote: rectifiedOn ? '已制定整改方案，完善制度并逐项落实，整改材料已报督察组。' : null, verifiedOn, verifiedBy: verifiedOn ? '区法治建设督察组' : null, version: status === 'open' ? 1 : status === 'rectified' ? 2 : 3, createdBy: creator, createdAt: nowIso }).execute();
    }
  }

  // ── 考核评价体系 (this year's scheme, all units scored) ───────────────────────────────────────────
  const schemeId = randomUUID();
  await db.insertInto('rolAssessmentSchemes').values({ id: schemeId, year, name: `${year}年度法治建设考核评价方案`, createdBy: creator, createdAt: nowIso }).execute();
  const INDICATORS: [string, string, string, number, number][] = [
    ['A1', '落实法治建设第一责任人职责（学法、述法）', '组织领导', 20, 20],
    ['A2', '法治培训完成情况', '能力建设', 15, 100],
    ['A3', '依法行政与督察问题整改', '依法行政', 20, 20],
    ['A4', '矛盾纠纷化解与人民调解', '基层治理', 15, 10],
    ['A5', '“谁执法谁普法”普法责任制落实', '法治宣传', 15, 15],
    ['A6', '群众满意度', '社会评价', 15, 100],
  ];
  const indicators = INDICATORS.map(([code, name, category, weight, maxScore], seq) => ({ id: randomUUID(), schemeId, seq, code, name, category, weight, maxScore, description: `满分 ${maxScore} 分，按权重 ${weight} 折算计入总分` }));
  await db.insertInto('rolAssessmentIndicators').values(indicators).execute();
  for (const unit of [...sections, ...offices]) {
    for (const ind of indicators) {
      const score = Math.round(ind.maxScore * (0.7 + rng.next() * 0.3) * 10) / 10;
      await db.insertInto('rolAssessmentScores').values({ id: randomUUID(), schemeId, indicatorId: ind.id, departmentId: unit.id, score, note: null, scoredBy: creator, scoredAt: nowIso }).execute();
    }
  }

  // ── 普法: bases, campaigns, events ─────────────────────────────────────────────────────────────
  const bases: { id: string; departmentId: string }[] = [];
  for (const [name, level, code] of [
    ['西城区宪法主题法治文化公园（示例）', 'municipal', 'RMTJK'],
    ['西城区青少年法治教育实践基地（示例）', 'district', 'RMTJK'],
    ['什刹海街道法治宣传教育基地（示例）', 'district', 'SFS07'],
    ['金融街金融法治宣传教育基地（示例）', 'district', 'SFS06'],
  ] as const) {
    const id = randomUUID();
    await db.insertInto('rolEducationBases').values({ id, departmentId: dept(code).id, name, level, address: `西城区${name.slice(3, 6)}`, designatedOn: `${year - 3}-06-01`, createdBy: creator, createdAt: nowIso }).execute();
    bases.push({ id, departmentId: dept(code).id });
  }
  const plans = await db.selectFrom('rolPublicityPlans').selectAll().execute();
  const planOf = (y: number) => plans.find((p) => p.startYear <= y && p.endYear >= y)?.id ?? null;
  const campaigns: { id: string; startsOn: string; endsOn: string; departmentId: string; kinds: PublicityEventKind[] }[] = [];
  for (const y of [year - 1, year]) {
    for (const [name, theme, startsOn, endsOn, kinds] of [
      ['普法进万家', '法律进社区、进家庭、进楼宇', `${y}-01-01`, `${y}-12-31`, ['lawIntoHomes', 'consultation', 'lecture'] as PublicityEventKind[]],
      ['民法典宣传月', '美好生活·民法典相伴', `${y}-05-01`, `${y}-05-31`, ['lawCarnival', 'lecture'] as PublicityEventKind[]],
      ['青少年法治教育周', '模拟法庭进校园', `${y}-09-01`, `${y}-09-30`, ['mockCourt', 'lecture'] as PublicityEventKind[]],
      ['宪法宣传周', '弘扬宪法精神', `${y}-12-01`, `${y}-12-07`, ['constitutionWeek', 'exhibition'] as PublicityEventKind[]],
    ] as const) {
      const id = randomUUID();
      await db.insertInto('rolPublicityCampaigns').values({ id, departmentId: dept('RMTJK').id, planId: planOf(y), name: `${y}年${name}`, theme, startsOn, endsOn, createdBy: creator, createdAt: nowIso }).execute();
      campaigns.push({ id, startsOn, endsOn, departmentId: dept('RMTJK').id, kinds: [...kinds] });
    }
  }
  const PLACES = ['社区活动中心', '街道市民活动广场', '区属中学', '商务楼宇大厅', '公共法律服务站'];
  for (let i = 0; i < 90; i++) {
    const heldOn = day(-(2 + i * 4));
    const inCampaigns = campaigns.filter((c) => c.startsOn <= heldOn && c.endsOn >= heldOn);
    const special = inCampaigns.find((c) => !c.startsOn.endsWith('01-01'));
    const camp = special ?? inCampaigns[0];
    const kind: PublicityEventKind = camp ? rng.pick(camp.kinds) : rng.pick([...EVENT_KINDS]);
    const office = offices[i % offices.length]!;
    const base = kind === 'mockCourt' || kind === 'exhibition' ? rng.pick(bases) : null;
    const audience = kind === 'online' ? rng.int(2000, 20000) : kind === 'lawCarnival' ? rng.int(300, 1500) : rng.int(30, 300);
    await db.insertInto('rolPublicityEvents').values({ id: randomUUID(), departmentId: office.id, campaignId: camp?.id ?? null, baseId: base?.id ?? null, kind, title: `${office.name.replace('司法所', '街道')}${EVENT_KIND_LABELS[kind]}`, heldOn, place: `${office.name.replace('司法所', '')}${rng.pick(PLACES)}`, audience, createdBy: creator, createdAt: nowIso }).execute();
  }
  return { accounts };
}
