/**
 * 公共法律服务 demo data: the 社区 of Xicheng's 15 街道 (plausible fictional names; coordinates generated inside the
 * district's real bounding box around each 街道's approximate centre), the public legal-service centre, one station
 * per 街道 (and the 金融街 financial-services station), community workrooms, a pool of legal-aid lawyers (fictional),
 * the legal-aid centre's accounts, a year of legal-aid applications (open ones on the deadline register) and 12348 /
 * walk-in / online consultation records with callbacks. Written as rows (the seed runs inside the setup transaction);
 * left out under NODE_ENV=test like the other module histories (the module's tests run it themselves).
 */
import { randomUUID } from 'node:crypto';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import { AID_GROUPS, AID_MATTERS, type AidGroup, type AidMatter, CONSULT_CATEGORIES, type ConsultCategory, DEFAULT_SETTINGS, type MeansResult } from '../../../common/contracts/legal-services';
import { computeDeadline, getRule } from '../../../common/deadlines';
import { createRng, generateIdNumber, generateMobile } from '../../../common/validators';
import type { FieldCipher } from '../../platform/crypto';
import type { Db } from '../types';
import { seedLegalServicesEnterpriseDemo } from './demo-legal-services-enterprise';
import { workdayOnOrBefore } from './office-days';

/** Xicheng District's bounding box (approximate, WGS-84): every generated coordinate lies inside it. */
export const XICHENG_BBOX = { south: 39.855, north: 39.96, west: 116.3, east: 116.41 } as const;

/** Approximate centre of each 街道 and stems for its 社区 names. */
const STREETS: { name: string; lat: number; lng: number; stems: string[] }[] = [
  { name: '西长安街', lat: 39.9045, lng: 116.3825, stems: ['府右街', '西单北', '钟声', '六部口', '和平门'] },
  { name: '新街口', lat: 39.9425, lng: 116.3665, stems: ['西四北', '新街口东', '赵登禹路', '官园', '前公用'] },
  { name: '月坛', lat: 39.9125, lng: 116.3495, stems: ['三里河', '木樨地', '复兴门北', '南礼士路', '真武庙'] },
  { name: '展览路', lat: 39.9285, lng: 116.3395, stems: ['百万庄', '车公庄', '新华里', '阜外', '三塔'] },
  { name: '德胜', lat: 39.9505, lng: 116.3815, stems: ['德胜里', '新康', '六铺炕', '裕中', '黄寺'] },
  { name: '金融街', lat: 39.9155, lng: 116.3615, stems: ['丰盛', '太平桥', '二龙路', '手帕口', '受水河'] },
  { name: '什刹海', lat: 39.9395, lng: 116.3885, stems: ['前海', '后海', '松树街', '西什库', '厂桥'] },
  { name: '大栅栏', lat: 39.8945, lng: 116.3915, stems: ['大栅栏西', '煤市街', '百顺', '石头', '延寿'] },
  { name: '天桥', lat: 39.8825, lng: 116.3975, stems: ['永安路', '福长街', '禄长街', '香厂路', '留学路'] },
  { name: '椿树', lat: 39.8935, lng: 116.3775, stems: ['椿树园', '琉璃厂', '香炉营', '红线', '宣武门外'] },
  { name: '陶然亭', lat: 39.8775, lng: 116.3795, stems: ['黑窑厂', '龙泉', '米市', '粉房', '南华'] },
  { name: '广安门内', lat: 39.8905, lng: 116.3595, stems: ['报国寺', '槐柏树', '长椿街', '宣武门西', '校场'] },
  { name: '牛街', lat: 39.8845, lng: 116.3655, stems: ['牛街东', '白广路', '枫桦', '钢院', '法源寺'] },
  { name: '白纸坊', lat: 39.8715, lng: 116.3555, stems: ['右安门内', '菜园街', '樱桃园', '自新路', '平原里'] },
  { name: '广安门外', lat: 39.8875, lng: 116.3305, stems: ['红莲', '湾子', '小马厂', '马连道', '青年湖'] },
];
const SUFFIXES = ['东里', '西里', '北里', '南里', '一区', '二区', '大街'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '秀兰', '建国'];

export async function seedLegalServicesDemo(opts: { db: Db; calendar: WorkCalendar; today: string; nowIso: string; passwordHash: string; cipher: FieldCipher; roleIds: { sectionHead: string; staff: string }; departmentId: string; rootPath: string }) {
  const { db, nowIso, cipher } = opts;
  const rng = createRng(20260348);
  const todayDn = parseDate(opts.today);
  const day = (back: number) => formatDate(todayDn - back);
  /** An act of the centre (receipt, decision, assignment, closure): the working day itself or the last one before it, never after today. */
  const officeDay = (dn: number) => workdayOnOrBefore(opts.calendar, Math.min(dn, todayDn));
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  /** No record is timed after now (a call on today's date, before the hour it would have been drawn at). */
  const minIso = (a: string, b: string) => (a < b ? a : b);
  const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
  const name = () => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.next() < 0.4 ? rng.pick(GIVEN) : '');

  // ---- communities ----
  const communities: { code: string; name: string; street: string; lat: number; lng: number }[] = [];
  for (const [si, s] of STREETS.entries()) {
    const count = rng.int(10, 14);
    const names = new Set<string>();
    while (names.size < count) names.add(`${rng.pick(s.stems)}${rng.pick(SUFFIXES)}`);
    let k = 0;
    for (const n of [...names].sort()) {
      k++;
      communities.push({
        code: `XC${String(si + 1).padStart(2, '0')}${String(k).padStart(2, '0')}`,
        name: `${n}社区`,
        street: s.name,
        lat: r5(clamp(s.lat + (rng.next() - 0.5) * 0.02, XICHENG_BBOX.south, XICHENG_BBOX.north)),
        lng: r5(clamp(s.lng + (rng.next() - 0.5) * 0.024, XICHENG_BBOX.west, XICHENG_BBOX.east)),
      });
    }
  }
  await db.insertInto('legalServiceCommunities').values(communities).execute();

  // ---- service points ----
  const points: Record<string, unknown>[] = [];
  const point = (code: string, p: { name: string; kind: string; street: string; community: string | null; address: string; lat: number; lng: number; hours: string; phone: string | null; services: string[] }) =>
    points.push({ id: randomUUID(), code, ...p, lat: r5(p.lat), lng: r5(p.lng), services: JSON.stringify(p.services), active: 1, createdAt: nowIso, updatedAt: nowIso });
  point('GF-CE-0001', { name: '西城区公共法律服务中心', kind: 'centre', street: '月坛', community: null, address: '西城区示例路 1 号（演示地址）', lat: 39.9118, lng: 116.3662, hours: '周一至周五 9:00–17:00，周六 9:00–12:00', phone: '12348', services: ['consultation', 'legalAid', 'mediation', 'notary', 'enterprise'] });
  for (const [si, s] of STREETS.entries()) {
    point(`GF-ST-${String(si + 1).padStart(4, '0')}`, { name: `${s.name}街道公共法律服务工作站`, kind: 'station', street: s.name, community: null, address: `西城区${s.name}街道办事处一层（演示地址）`, lat: s.lat + (rng.next() - 0.5) * 0.004, lng: s.lng + (rng.next() - 0.5) * 0.004, hours: '周一至周五 9:00–17:00', phone: `010-6${String(6000000 + si * 1111).slice(0, 7)}`, services: ['consultation', 'legalAid', 'mediation', ...(s.name === '金融街' ? ['enterprise'] : [])] });
  }
  point('GF-ST-0016', { name: '金融街金融法律服务工作站', kind: 'station', street: '金融街', community: null, address: '西城区金融大街示例楼 3 层（演示地址）', lat: 39.9178, lng: 116.3588, hours: '周一至周五 9:00–18:00', phone: null, services: ['consultation', 'enterprise'] });
  let w = 0;
  for (const c of communities) {
    if (rng.next() < 0.55) {
      w++;
      point(`GF-WO-${String(w).padStart(4, '0')}`, { name: `${c.name}公共法律服务室`, kind: 'workroom', street: c.street, community: c.name, address: `${c.name}居委会（演示地址）`, lat: c.lat + (rng.next() - 0.5) * 0.001, lng: c.lng + (rng.next() - 0.5) * 0.001, hours: '每周二、周四 14:00–17:00（律师值班）', phone: null, services: ['consultation', 'mediation'] });
    }
  }
  await db.insertInto('legalServicePoints').values(points as never).execute();

  // ---- legal-aid lawyers (fictional) ----
  const FIRMS = ['北京西城示例律师事务所', '北京金融街示例律师事务所', '北京宣南示例律师事务所', '北京什刹海示例律师事务所'];
  const SPECS: AidMatter[][] = [['labour', 'personalInjury'], ['criminal'], ['maintenance', 'incapacity'], ['socialInsurance', 'pension'], ['criminal', 'stateCompensation'], ['labour'], ['personalInjury', 'environment'], ['maintenance'], ['criminal', 'labour'], ['other', 'stateCompensation'], ['labour', 'socialInsurance'], ['criminal']];
  const lawyers = SPECS.map((spec, i) => ({
    id: `LAW-${String(i + 1).padStart(3, '0')}`, name: name(), firmName: FIRMS[i % FIRMS.length]!, practiceYears: 2 + ((i * 5) % 14), criminalYears: spec.includes('criminal') ? 1 + ((i * 3) % 9) : 0, specialties: JSON.stringify(spec),
    conflictParties: JSON.stringify(i === 0 ? ['北京西城示例物业管理有限公司'] : i === 5 ? ['北京示例餐饮管理有限公司'] : []), maxLoad: 8, active: i === 11 ? 0 : 1, createdAt: nowIso,
  }));
  await db.insertInto('legalAidLawyers').values(lawyers).execute();

  // ---- accounts of the legal-aid centre ----
  const accounts: { username: string; displayName: string; roles: string[]; department: string }[] = [];
  const users: string[] = [];
  for (const [username, role, roleName] of [['flyz.head', opts.roleIds.sectionHead, '科室负责人'], ['flyz.staff', opts.roleIds.staff, '公共法律服务工作人员']] as const) {
    const id = randomUUID();
    const displayName = name();
    const mobile = generateMobile(rng);
    await db.insertInto('users').values({ id, username, displayName, departmentId: opts.departmentId, passwordHash: opts.passwordHash, passwordChangedAt: null, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: cipher.encrypt(mobile), mobileBidx: cipher.blindIndex(mobile), isDemo: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 }).execute();
    await db.insertInto('userRoles').values({ userId: id, roleId: role }).execute();
    accounts.push({ username, displayName, roles: [roleName], department: '法律援助中心' });
    users.push(id);
  }
  const staffId = users[1]!;

  // ---- legal-aid applications: a year of history plus open ones on the deadline register ----
  const GROUP_W: [AidGroup, number][] = [['migrantWorker', 30], ['elderly', 18], ['minor', 8], ['disabled', 7], ['woman', 12], ['newFormWorker', 12], ['veteran', 3], ['other', 10]];
  const MATTER_BY_GROUP: Record<AidGroup, AidMatter[]> = {
    migrantWorker: ['labour', 'labour', 'personalInjury'], elderly: ['maintenance', 'pension', 'socialInsurance'], minor: ['maintenance', 'criminal'], disabled: ['socialInsurance', 'incapacity'], woman: ['maintenance', 'other'], newFormWorker: ['labour', 'personalInjury'], veteran: ['pension', 'other'], other: ['criminal', 'stateCompensation', 'environment', 'other'],
  };
  const weighted = <T>(items: [T, number][]) => {
    let x = rng.next() * items.reduce((a, [, n]) => a + n, 0);
    for (const [v, n] of items) if ((x -= n) < 0) return v;
    return items[0]![0];
  };
  const seq = new Map<number, number>();
  const openDl: Record<string, unknown>[] = [];
  const apps: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const peopleRows: Record<string, unknown>[] = [];
  const load = new Map<string, number>();
  const dl = (appId: string, appNo: string, ruleId: string, start: string, status: 'open' | 'met' | 'cancelled') => {
    const rule = getRule(ruleId);
    const res = computeDeadline(opts.calendar, rule, { start, asOf: opts.today, onUnpublished: 'flag', explain: false });
    openDl.push({ id: randomUUID(), module: 'legalService', objectType: 'legalAidApplication', objectId: appId, title: `${appNo} ${rule.title}`, ruleId, startDate: start, pauses: '[]', extensions: '[]', dueDate: res.due, status, flags: JSON.stringify(res.flags), departmentId: opts.departmentId, assigneeId: staffId, computedAt: nowIso, createdAt: nowIso, updatedAt: nowIso });
  };
  const TOTAL = 160;
  for (let i = 0; i < TOTAL; i++) {
    const back = i < 12 ? i % 6 : rng.int(8, 330);
    const receivedOn = officeDay(todayDn - back);
    const year = Number(receivedOn.slice(0, 4));
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    const appNo = `西法援〔${year}〕${n}号`;
    const group = weighted(GROUP_W);
    const matter = rng.pick(MATTER_BY_GROUP[group]);
    const id = randomUUID();
    const personId = randomUUID();
    const idNumber = generateIdNumber(rng, { regionCode: '110102' });
    const mobile = generateMobile(rng);
    const applicantName = name();
    peopleRows.push({ id: personId, name: applicantName, idNumberEnc: cipher.encrypt(idNumber), idNumberBidx: cipher.blindIndex(idNumber), mobileEnc: cipher.encrypt(mobile), mobileBidx: cipher.blindIndex(mobile), departmentId: opts.departmentId, createdBy: staffId, createdAt: nowIso });
    const channel = matter === 'criminal' && rng.next() < 0.6 ? 'notified' : rng.pick(['window', 'window', 'online', 'forwarded'] as const);
    const waived = group === 'migrantWorker' && matter === 'labour';
    const means: MeansResult = channel === 'notified'
      ? { basis: 'notApplicable', item: null, passed: true, text: '办案机关通知辩护或者代理的案件，不审查经济困难状况', citation: '《中华人民共和国法律援助法》第二十五条、第二十八条、第三十六条', monthlyIncomePerCapita: null, householdSize: null, standard: null, method: null, proof: null }
      : waived
        ? { basis: 'waived', item: 3, passed: true, text: '免予核查经济困难状况：申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员（证明材料：劳动合同、工资欠条）', citation: '《中华人民共和国法律援助法》第四十二条第（三）项', monthlyIncomePerCapita: null, householdSize: null, standard: null, method: null, proof: '劳动合同、工资欠条' }
        : (() => {
            const income = rng.int(600, 3200);
            const passed = income <= DEFAULT_SETTINGS.incomeStandardMonthly;
            return { basis: 'checked' as const, item: null, passed, text: `家庭人均月收入 ${income} 元${passed ? '不高于' : '高于'}经济困难标准 ${DEFAULT_SETTINGS.incomeStandardMonthly} 元（申请人作出个人诚信承诺）：${passed ? '符合' : '不符合'}经济困难条件`, citation: '《中华人民共和国法律援助法》第三十四条、第四十一条（经济困难标准由省级人民政府确定，本局设置的标准待核实）', monthlyIncomePerCapita: income, householdSize: rng.int(1, 4), standard: DEFAULT_SETTINGS.incomeStandardMonthly, method: 'pledge', proof: null };
          })();
    // status by age: recent ones still running
    let status: string;
    if (!means.passed) status = 'refused';
    else if (channel === 'notified') status = back <= 1 ? 'granted' : back < 60 ? 'assigned' : 'closed';
    else if (back <= 4) status = 'received';
    else if (back <= 6) status = 'granted';
    else if (back < 60) status = rng.next() < 0.1 ? 'terminated' : 'assigned';
    else status = rng.next() < 0.05 ? 'withdrawn' : 'closed';
    const urgent = i === 0 || i === 3;
    const limitationDate = urgent && i === 0 ? day(back - 5) : null;
    const decisionOn = status === 'received' || status === 'withdrawn' ? null : channel === 'notified' ? receivedOn : officeDay(parseDate(receivedOn) + Math.min(back, rng.int(1, 5)));
    const hasLawyer = ['assigned', 'closed', 'terminated'].includes(status);
    const lawyerPool = lawyers.filter((l) => l.active && (matter !== 'criminal' || JSON.parse(l.specialties).includes('criminal')));
    const lawyer = hasLawyer ? lawyerPool.sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0))[0]! : null;
    if (lawyer && status === 'assigned') load.set(lawyer.id, (load.get(lawyer.id) ?? 0) + 1);
    else if (lawyer) load.set(lawyer.id, (load.get(lawyer.id) ?? 0) + 0.01);
    const assignedOn = hasLawyer && decisionOn ? officeDay(parseDate(decisionOn) + rng.int(0, 2)) : null;
    const objection = status === 'refused' && i % 2 === 0 && back < 30;
    apps.push({
      id, appNo, departmentId: opts.departmentId, handlerId: staffId, channel, receivedOn, receivedAt: minIso(`${receivedOn}T02:00:00.000Z`, nowIso), custodyReceivedAt: channel === 'forwarded' ? `${formatDate(parseDate(receivedOn) - 1)}T09:00:00.000Z` : null, forwardedBy: channel === 'forwarded' ? '西城区看守所（演示）' : null,
      notifyingOrgan: channel === 'notified' ? rng.pick(['西城区人民法院（演示）', '西城区人民检察院（演示）', '西城公安分局（演示）']) : null, applicantPersonId: personId, applicantName, aidGroup: group, matter,
      caseSummary: `${AID_GROUPS[group]}申请人就“${AID_MATTERS[matter]}”事项申请法律援助（演示数据）。`, opposingParty: matter === 'labour' ? `北京示例${rng.pick(['餐饮', '建筑', '物流', '家政'])}有限公司` : null, severeCriminal: 0, limitationDate, preservationUrgent: i === 3 ? 1 : 0, urgent: urgent ? 1 : 0,
      means: JSON.stringify(means), status, decisionOn, refusalReason: status === 'refused' ? '申请人家庭人均月收入高于本市经济困难标准，且不属于免予审查经济困难状况的情形' : null, lawyerId: lawyer?.id ?? null, assignedOn, provisional: 0,
      closedOn: status === 'closed' ? officeDay(parseDate(receivedOn) + rng.int(30, 90)) : null, closureSummary: status === 'closed' ? '案件已审结，受援人合法权益得到维护，卷宗已归档。' : null, qualityGrade: status === 'closed' ? rng.pick(['excellent', 'good', 'good', 'pass']) : null,
      terminationGround: status === 'terminated' ? 6 : null, objectionReceivedOn: objection ? officeDay(parseDate(decisionOn!) + 2) : null, objectionReason: objection ? '申请人认为其收入计算有误' : null, objectionResult: null, objectionDecidedOn: null, objectionNote: null,
      sourceConsultationId: null, createdBy: staffId, createdAt: nowIso, updatedAt: nowIso, version: 1,
    });
    events.push({ id: randomUUID(), applicationId: id, seq: 1, at: minIso(`${receivedOn}T02:00:00.000Z`, nowIso), action: 'register', actorId: staffId, actorName: accounts[1]!.displayName, note: '收到法律援助申请' });
    // the steps after receipt, as the service logs them (on the days recorded above, 11:00 and later Beijing time)
    const later: [string | null, string, string][] = [
      [decisionOn && channel !== 'notified' ? decisionOn : null, status === 'refused' ? 'refuse' : 'grant', status === 'refused' ? '决定不予法律援助（第四十三条第一款），已书面告知申请人' : '经审查符合法律援助条件，决定给予法律援助（第四十三条）'],
      [assignedOn, 'assign', '指派律师承办（第四十三条第一款）'],
      [status === 'closed' ? (apps.at(-1)!.closedOn as string | null) : null, 'close', '结案，卷宗归档'],
    ];
    let eseq = 1;
    for (const [on, action, note] of later) if (on) events.push({ id: randomUUID(), applicationId: id, seq: ++eseq, at: minIso(`${on}T0${2 + eseq}:00:00.000Z`, nowIso), action, actorId: staffId, actorName: accounts[1]!.displayName, note });
    if (channel === 'notified') dl(id, appNo, 'legalAid.criminalNotificationAssignment', receivedOn, status === 'granted' ? 'open' : 'met');
    else {
      dl(id, appNo, 'legalAid.applicationDecision', receivedOn, status === 'received' ? 'open' : status === 'withdrawn' ? 'cancelled' : 'met');
      if (status === 'received') dl(id, appNo, 'legalAid.decisionBeijing', receivedOn, 'open');
      if (decisionOn && status !== 'refused') dl(id, appNo, 'legalAid.assignment', decisionOn, status === 'granted' ? 'open' : 'met');
    }
    if (objection) dl(id, appNo, 'legalAid.objectionDecision', officeDay(parseDate(decisionOn!) + 2), 'open');
  }
  for (let i = 0; i < peopleRows.length; i += 200) await db.insertInto('people').values(peopleRows.slice(i, i + 200) as never).execute();
  for (let i = 0; i < apps.length; i += 100) await db.insertInto('legalAidApplications').values(apps.slice(i, i + 100) as never).execute();
  for (let i = 0; i < events.length; i += 200) await db.insertInto('legalAidEvents').values(events.slice(i, i + 200) as never).execute();
  for (let i = 0; i < openDl.length; i += 200) await db.insertInto('deadlines').values(openDl.slice(i, i + 200) as never).execute();
  for (const [y, n] of seq) await db.insertInto('legalServiceCounters').values({ kind: 'aid', year: y, lastSeq: n }).execute();

  // ---- 12348 / walk-in / online consultations ----
  const cats = Object.keys(CONSULT_CATEGORIES) as ConsultCategory[];
  const QA: Partial<Record<ConsultCategory, [string, string]>> = {
    labour: ['用人单位拖欠工资三个月，如何维权？', '可向劳动保障监察机构投诉，或申请劳动争议仲裁；符合条件的可申请法律援助。'],
    marriageFamily: ['子女不支付赡养费怎么办？', '可协商或申请人民调解，也可向人民法院起诉要求给付赡养费。'],
    property: ['物业公司停水停电催缴物业费是否合法？', '物业服务人不得采取停止供电、供水等方式催交物业费（民法典第九百四十四条）。'],
    tort: ['外卖骑手送餐途中受伤，平台是否担责？', '需结合用工关系认定，可申请工伤认定或主张人身损害赔偿。'],
  };
  const consultRows: Record<string, unknown>[] = [];
  // a call drawn for later today is put a few minutes apart before now (clamping them all to now showed one time for all)
  let early = 0;
  const beforeNow = (iso: string) => (iso < nowIso ? iso : new Date(Date.parse(nowIso) - ++early * 7 * 60_000).toISOString());
  const cseq = new Map<number, number>();
  for (let i = 0; i < 320; i++) {
    const back = rng.int(0, 120);
    const on = day(back);
    const year = Number(on.slice(0, 4));
    const n = (cseq.get(year) ?? 0) + 1;
    cseq.set(year, n);
    const cat = rng.pick(cats);
    const qa = QA[cat] ?? [`关于${CONSULT_CATEGORIES[cat]}的法律咨询（演示）`, '已告知相关法律规定和维权途径。'];
    const followed = back > 2 && rng.next() < 0.7;
    const mobile = rng.next() < 0.8 ? generateMobile(rng) : null;
    consultRows.push({
      id: randomUUID(), recordNo: `ZX${year}-${String(n).padStart(5, '0')}`, departmentId: opts.departmentId, handlerId: staffId, channel: rng.pick(['phone', 'phone', 'phone', 'walkIn', 'online'] as const), startedAt: beforeNow(`${on}T0${rng.int(1, 8)}:${String(rng.int(10, 59))}:00.000Z`),
      callerName: rng.next() < 0.6 ? name() : null, callerMobileEnc: mobile ? cipher.encrypt(mobile) : null, callerMobileBidx: mobile ? cipher.blindIndex(mobile) : null, aidGroup: rng.next() < 0.5 ? weighted(GROUP_W) : null, category: cat, summary: qa[0], answer: qa[1], durationSeconds: rng.int(60, 1200),
      referredTo: null, referralId: null, followUpOn: followed ? day(back - 1) : null, satisfaction: followed ? (rng.next() < 0.97 ? 'satisfied' : rng.next() < 0.5 ? 'basic' : 'unsatisfied') : null, followUpNote: null, createdAt: nowIso, updatedAt: nowIso,
    });
  }
  for (let i = 0; i < consultRows.length; i += 100) await db.insertInto('legalServiceConsultations').values(consultRows.slice(i, i + 100) as never).execute();
  for (const [y, n] of cseq) await db.insertInto('legalServiceCounters').values({ kind: 'consultation', year: y, lastSeq: n }).execute();

  // ---- 双随机、一公开: institutions (fictional) with integrity grades, and the inspector pool with declared conflicts ----
  const inst: Record<string, unknown>[] = [];
  const kinds: [string, string, number, string][] = [['notaryOffice', '公证处', 8, 'GZ'], ['appraisalInstitution', '司法鉴定所', 24, 'JD'], ['lawFirm', '律师事务所', 40, 'LS']];
  for (const [kind, suffix, count, prefix] of kinds) {
    for (let i = 1; i <= count; i++) {
      const s = STREETS[(i * 7) % STREETS.length]!;
      inst.push({ id: randomUUID(), code: `${prefix}${String(i).padStart(3, '0')}`, name: `北京${s.name}示例${i}号${suffix}`, kind, street: s.name, integrityGrade: weighted([['A', 60], ['B', 30], ['C', 8], ['D', 2]] as [string, number][]), lastInspectedOn: rng.next() < 0.25 ? day(rng.int(10, 400)) : null, active: i === count ? 0 : 1, createdAt: nowIso, updatedAt: nowIso });
    }
  }
  await db.insertInto('legalServiceInstitutions').values(inst as never).execute();
  const inspectors = Array.from({ length: 12 }, (_, i) => ({ id: randomUUID(), code: `ZF${String(i + 1).padStart(3, '0')}`, name: name(), unit: i < 6 ? '公共法律服务管理科' : '法律援助中心', conflictCodes: JSON.stringify(i === 0 ? ['JD001', 'JD002'] : i === 3 ? ['GZ001'] : []), active: i === 11 ? 0 : 1, createdAt: nowIso }));
  await db.insertInto('legalServiceInspectors').values(inspectors).execute();

  // ---- second part (issue 6): enterprise services, registers, approvals, knowledge base ----
  await seedLegalServicesEnterpriseDemo({ db, calendar: opts.calendar, today: opts.today, nowIso, departmentId: opts.departmentId, staffId, headId: users[0]! });

  return { accounts, communities: communities.length, points: points.length, applications: apps.length, consultations: consultRows.length };
}
