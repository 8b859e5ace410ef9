/**
 * Demo data of the 人民调解 / 矛盾纠纷 / 社区矫正 modules (issue 7). Reference data (the district's mediation
 * committees and their mediators) always; the register's history, accounts of the two grassroots sections and the
 * correction ledger only outside tests (the suites count what they create). Written as data inside the setup
 * transaction, mirroring what the services do (dispute.service.ts, mediation.service.ts, corrections.service.ts).
 */
import { randomUUID } from 'node:crypto';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import { correctionArchiveNo } from '../../../common/contracts/corrections';
import { computeDeadline, getRule } from '../../../common/deadlines';
import { createRng, generateIdNumber, generateMobile } from '../../../common/validators';
import type { FieldCipher } from '../../platform/crypto';
import type { Db } from '../types';
import type { DemoAccount } from './demo';

const STREETS = ['西长安街', '新街口', '月坛', '展览路', '德胜', '金融街', '什刹海', '大栅栏', '天桥', '椿树', '陶然亭', '广安门内', '牛街', '白纸坊', '广安门外'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志玉海燕红梅浩然欣怡宇轩';

export async function seedDisputeDemo(opts: {
  db: Db;
  calendar: WorkCalendar;
  today: string;
  nowIso: string;
  cipher: FieldCipher;
  passwordHash: string;
  departments: Map<string, { id: string; name: string }>;
  rootId: string;
  history: boolean;
}): Promise<{ accounts: DemoAccount[] }> {
  const { db, nowIso, today } = opts;
  const rng = createRng(20260707);
  const dept = (code: string) => opts.departments.get(code)!;
  const person = () => rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.next() < 0.5 ? rng.pick([...GIVEN]) : '');
  const day = (offset: number) => formatDate(parseDate(today) + offset);

  // ── committees and mediators (reference data) ─────────────────────────────────────────────────
  const committees: { id: string; name: string; departmentId: string }[] = [];
  const mediators = new Map<string, string[]>();
  const addCommittee = async (name: string, kind: string, departmentId: string, foundedOn: string, address: string) => {
    const id = randomUUID();
    await db.insertInto('mediationCommittees').values({ id, name, kind, departmentId, address, foundedOn, createdAt: nowIso, updatedAt: nowIso, version: 1 }).execute();
    committees.push({ id, name, departmentId });
    const ids: string[] = [];
    for (const [i, position] of ['主任', '副主任', '调解员', '调解员'].entries()) {
      const mid = randomUUID();
      await db.insertInto('mediators').values({ id: mid, committeeId: id, departmentId, name: person(), position, fullTime: i < 2 ? 1 : 0, specialty: kind === 'street' ? null : name.replace(/^北京市西城区|人民调解委员会|调解室$/g, ''), createdAt: nowIso, updatedAt: nowIso, version: 1 }).execute();
      await db.insertInto('mediatorTrainings').values({ id: randomUUID(), mediatorId: mid, onDate: day(-120 - i * 7), topic: '人民调解法及调解技巧岗前培训', hours: 8, createdAt: nowIso }).execute();
      ids.push(mid);
    }
    mediators.set(id, ids);
    return id;
  };
  for (const [i, s] of STREETS.entries()) await addCommittee(`${s}街道人民调解委员会`, 'street', dept(`SFS${String(i + 1).padStart(2, '0')}`).id, '2011-03-01', `西城区${s}街道办事处`);
  const finance = await addCommittee('北京市西城区经济金融纠纷人民调解委员会', 'trade', dept('RMTJK').id, '2025-04-18', '西城区金融大街');
  await addCommittee('北京市西城区物业纠纷人民调解委员会', 'trade', dept('RMTJK').id, '2019-06-01', '西城区展览路');
  await addCommittee('西城区人民法院实习律师调解室', 'professional', dept('RMTJK').id, '2025-09-01', '北京市西城区人民法院诉讼服务中心');
  if (!opts.history) return { accounts: [] };
  return seedDisputeHistory({ ...opts, finance });
}

/** The register's history, mediation cases, the correction ledger and the two grassroots accounts (outside tests). */
export async function seedDisputeHistory(opts: { db: Db; calendar: WorkCalendar; today: string; nowIso: string; cipher: FieldCipher; passwordHash: string; departments: Map<string, { id: string; name: string }>; finance?: string }): Promise<{ accounts: DemoAccount[] }> {
  const { db, nowIso, today, cipher } = opts;
  const rng = createRng(20260808);
  const dept = (code: string) => opts.departments.get(code)!;
  const person = () => rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.next() < 0.5 ? rng.pick([...GIVEN]) : '');
  const day = (offset: number) => formatDate(parseDate(today) + offset);
  const committees = await db.selectFrom('mediationCommittees').select(['id', 'name', 'departmentId']).execute();
  const mediators = new Map<string, string[]>();
  for (const m of await db.selectFrom('mediators').select(['id', 'committeeId']).orderBy('createdAt').orderBy('id').execute()) (mediators.get(m.committeeId) ?? mediators.set(m.committeeId, []).get(m.committeeId)!).push(m.id);
  const finance = opts.finance ?? committees.find((c) => c.name.includes('经济金融'))!.id;

  // ── accounts of the grassroots sections ────────────────────────────────────────────────────────
  const role = await db.selectFrom('roles').select('id').where('code', '=', 'grassrootsSupervisor').executeTakeFirstOrThrow();
  const accounts: DemoAccount[] = [];
  for (const [username, code] of [['rmtj.head', 'RMTJK'], ['sqjz.head', 'SQJZK']] as const) {
    const id = randomUUID();
    const mobile = generateMobile(rng);
    const displayName = person();
    await db.insertInto('users').values({ id, username, displayName, departmentId: dept(code).id, passwordHash: opts.passwordHash, passwordChangedAt: null, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: cipher.encrypt(mobile), mobileBidx: cipher.blindIndex(mobile), isDemo: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 }).execute();
    await db.insertInto('userRoles').values({ userId: id, roleId: role.id }).execute();
    accounts.push({ username, displayName, roles: ['基层工作科室人员'], department: dept(code).name });
  }
  const staffOf = async (username: string) => (await db.selectFrom('users').select(['id', 'departmentId']).where('username', '=', username).executeTakeFirstOrThrow());
  const xicha = await staffOf('sfs.xicha');
  const jinrong = await staffOf('sfs.jinrong');

  const newPerson = async (departmentId: string, createdBy: string) => {
    const idNumber = generateIdNumber(rng, { regionCode: '110102' });
    const mobile = generateMobile(rng);
    const id = randomUUID();
    const name = person();
    await db.insertInto('people').values({ id, name, idNumberEnc: cipher.encrypt(idNumber), idNumberBidx: cipher.blindIndex(idNumber), mobileEnc: cipher.encrypt(mobile), mobileBidx: cipher.blindIndex(mobile), departmentId, createdBy, createdAt: nowIso }).execute();
    return { id, name, bidx: cipher.blindIndex(idNumber) };
  };
  const openDeadline = async (module: string, objectType: string, objectId: string, title: string, ruleId: string, start: string, departmentId: string, assigneeId: string, status = 'open') => {
    const res = computeDeadline(opts.calendar, getRule(ruleId), { start, asOf: today, onUnpublished: 'flag', explain: false });
    await db.insertInto('deadlines').values({ id: randomUUID(), module, objectType, objectId, title: `${title} ${getRule(ruleId).title}`, ruleId, startDate: start, pauses: '[]', extensions: '[]', dueDate: res.due, status, flags: JSON.stringify(res.flags), departmentId, assigneeId, computedAt: nowIso, createdAt: nowIso, updatedAt: nowIso }).execute();
    return res.due;
  };

  // ── the dispute register (two streets), with a matter reported twice and a transfer ───────────────
  const SOURCES = ['hotline12345', 'police110', 'petition', 'officeVisit', 'gridWorker', 'screening'];
  const TYPES = ['neighbour', 'property', 'family', 'contract', 'labour', 'damages', 'finance', 'consumer'];
  const SUMMARIES: Record<string, string> = {
    neighbour: '楼上住户装修噪音及漏水，与楼下住户多次争吵',
    property: '业主与物业公司因物业费及电梯维修发生争议',
    family: '赡养老人费用分担问题兄妹之间发生矛盾',
    contract: '房屋租赁合同提前解约押金退还争议',
    labour: '餐饮企业拖欠员工两个月工资',
    damages: '小区内电动自行车碰撞致人受伤赔偿争议',
    finance: '个人借款到期未还，出借人多次上门催收',
    consumer: '预付卡商户闭店，消费者要求退还余额',
  };
  const campaign = randomUUID();
  await db.insertInto('disputeCampaigns').values({ id: campaign, name: '重大活动期间矛盾纠纷集中排查', focus: '重点人群（社区矫正对象、刑满释放人员、信访老户）及重点地区', startsOn: day(-20), endsOn: day(10), specialPeriod: 1, departmentId: dept('RMTJK').id, createdBy: xicha.id, createdAt: nowIso }).execute();
  let seq = 0;
  const year = Number(today.slice(0, 4));
  const counts: Record<string, number> = {};
  for (const [staff, office, street] of [[xicha, 'SFS01', '西长安街'], [jinrong, 'SFS06', '金融街']] as const) {
    for (let i = 0; i < 10; i++) {
      const type = TYPES[(i + (office === 'SFS06' ? 3 : 0)) % TYPES.length]!;
      const source = SOURCES[i % SOURCES.length]!;
      const receivedOn = day(-(i * 6 + 2));
      const y = Number(receivedOn.slice(0, 4));
      counts[y] = (counts[y] ?? 0) + 1;
      seq++;
      const id = randomUUID();
      const code = `西纠〔${y}〕${counts[y]}号`;
      const closed = i >= 6;
      const address = `西城区${street}街道${['府右街', '西单北大街', '金融大街', '武定侯街'][i % 4]}${10 + i}号院${1 + (i % 5)}号楼`;
      const a = await newPerson(staff.departmentId, staff.id);
      const b = await newPerson(staff.departmentId, staff.id);
      const transferred = i === 2 || i === 3;
      const committee = committees.find((c) => c.departmentId === dept(office).id)!;
      await db.insertInto('disputes').values({
        id, code, year: y, seq: counts[y]!, departmentId: staff.departmentId, handlerId: staff.id, status: closed ? 'closed' : transferred ? 'handling' : 'registered', matterType: type, summary: SUMMARIES[type]!, address,
        addressKey: address.replace(/^(北京市)?(西城区)?/, '').replace(/号院/g, '号').toLowerCase(), riskGrade: i === 0 ? 'high' : i % 3 === 0 ? 'medium' : 'low', firstSource: source, receivedOn,
        holderKind: transferred ? (i === 2 ? 'committee' : 'department') : 'office', holderName: transferred ? (i === 2 ? committee.name : '北京市西城区住房和城乡建设委员会') : dept(office).name, committeeId: i === 2 ? committee.id : null,
        mediationCaseId: null, campaignId: i === 5 ? campaign : null, closedOn: closed ? day(-(i * 6 - 8)) : null, closeResult: closed ? (i % 2 ? 'mediated' : 'resolved') : null, followedUpOn: null, reopenCount: 0, createdBy: staff.id, createdAt: nowIso, updatedAt: nowIso, version: 1,
      }).execute();
      await db.insertInto('disputeIntakes').values({ id: randomUUID(), disputeId: id, departmentId: staff.departmentId, source, sourceRef: source === 'hotline12345' ? `GD${year}${String(1000 + seq)}` : null, receivedOn, summary: SUMMARIES[type]!, matchedBy: null, createdBy: staff.id, createdAt: nowIso }).execute();
      for (const [p, r] of [[a, 'applicant'], [b, 'respondent']] as const) await db.insertInto('disputeParties').values({ id: randomUUID(), disputeId: id, personId: p.id, name: p.name, nameKey: p.name, idNumberBidx: p.bidx, role: r }).execute();
      let n = 0;
      const ev = async (action: string, on: string, from: string | null, to: string, details: Record<string, unknown>) => {
        await db.insertInto('disputeEvents').values({ id: randomUUID(), disputeId: id, seq: ++n, departmentId: staff.departmentId, at: nowIso, onDate: on, action, fromStatus: from, toStatus: to, actorId: staff.id, actorName: null, details: JSON.stringify(details) }).execute();
      };
      await ev('register', receivedOn, null, 'registered', { source });
      if (i === 1) {
        // the same matter again, from a 司法所 visit: one code, two sources
        await db.insertInto('disputeIntakes').values({ id: randomUUID(), disputeId: id, departmentId: staff.departmentId, source: 'officeVisit', sourceRef: null, receivedOn: day(-(i * 6)), summary: '走访中当事人再次反映', matchedBy: JSON.stringify(['当事人身份证号相同', '纠纷类型相同']), createdBy: staff.id, createdAt: nowIso }).execute();
        await ev('intakeMerged', day(-(i * 6)), 'registered', 'registered', { source: 'officeVisit', matchedBy: ['当事人身份证号相同', '纠纷类型相同'] });
      }
      if (transferred) await ev('transfer', day(-(i * 6)), 'registered', 'handling', { to: i === 2 ? 'committee' : 'department', toHolder: i === 2 ? committee.name : '北京市西城区住房和城乡建设委员会', note: '经研判分流' });
      if (closed) await ev('close', day(-(i * 6 - 8)), 'registered', 'closed', { result: i % 2 ? 'mediated' : 'resolved', note: '经调解双方达成一致' });
    }
  }
  for (const [y, last] of Object.entries(counts)) await db.insertInto('disputeCounters').values({ year: Number(y), lastSeq: last }).execute();

  // ── mediation cases: one agreed (confirmation window running), one in progress, one failed ───────
  let mseq = 0;
  for (const [i, kind] of (['agreed', 'accepted', 'failed', 'agreed'] as const).entries()) {
    const committee = i === 3 ? committees.find((c) => c.id === finance)! : committees.find((c) => c.departmentId === xicha.departmentId)!;
    const acceptedOn = day(-(20 + i * 5));
    mseq++;
    const id = randomUUID();
    const caseNo = `西人调〔${acceptedOn.slice(0, 4)}〕${mseq}号`;
    const effectiveOn = kind === 'agreed' ? day(-(10 + i)) : null;
    const handler = i === 3 ? (await staffOf('rmtj.head')) : xicha;
    const a = await newPerson(handler.departmentId, handler.id);
    const b = await newPerson(handler.departmentId, handler.id);
    const due = effectiveOn ? await openDeadline('mediation', 'mediationCase', id, caseNo, 'mediation.judicialConfirmationApplication', effectiveOn, committee.departmentId, handler.id) : null;
    await db.insertInto('mediationCases').values({
      id, caseNo, year: Number(acceptedOn.slice(0, 4)), seq: mseq, committeeId: committee.id, departmentId: committee.departmentId, handlerId: handler.id, mediatorId: mediators.get(committee.id)![0]!, disputeId: null, status: kind,
      matterType: i === 3 ? 'finance' : 'neighbour', summary: i === 3 ? '借款合同到期未还本息，双方就还款计划发生争议' : '相邻房屋漏水导致损失，赔偿数额发生争议', startMode: 'application', acceptedOn,
      agreementForm: effectiveOn ? 'written' : null, agreementTerms: effectiveOn ? '一、被申请人于协议生效之日起十日内一次性赔偿申请人损失人民币伍仟元整；\n二、双方就本纠纷再无其他争议。' : null, agreementEffectiveOn: effectiveOn, confirmationDue: due,
      confirmationAppliedOn: null, confirmationCourt: null, endedOn: kind === 'failed' ? day(-5) : effectiveOn, failureReason: kind === 'failed' ? '被申请人明确拒绝继续调解，已告知当事人可以依法提起诉讼' : null, followedUpOn: null, performed: null, createdAt: nowIso, updatedAt: nowIso, version: 1,
    }).execute();
    for (const [p, r] of [[a, 'applicant'], [b, 'respondent']] as const) await db.insertInto('mediationParties').values({ id: randomUUID(), caseId: id, personId: p.id, name: p.name, role: r }).execute();
    await db.insertInto('mediationSessions').values({ id: randomUUID(), caseId: id, heldOn: formatDate(parseDate(acceptedOn) + 3), mediatorId: mediators.get(committee.id)![0]!, place: '调解室', note: '听取双方陈述，释明相关法律规定，双方各自提出调解方案。', createdBy: handler.id, createdAt: nowIso }).execute();
  }
  await db.insertInto('mediationCounters').values({ year: Number(day(-20).slice(0, 4)), lastSeq: mseq }).execute();

  // ── community corrections: subjects of two 司法所, one not reported by the 10th day ─────────────
  const SENT = ['probation', 'probation', 'parole', 'control', 'outsideExecution', 'probation'];
  let archiveSeq = 0;
  for (const staff of [xicha, jinrong]) {
    for (const [i, sentenceType] of SENT.entries()) {
      const id = randomUUID();
      const p = await newPerson(staff.departmentId, staff.id);
      const effective = i === 0 ? day(-14) : i === 1 ? day(-4) : day(-(60 + i * 30));
      const outside = sentenceType === 'outsideExecution';
      const received = outside ? formatDate(parseDate(effective) + 2) : null;
      const reported = i >= 2;
      const termStart = effective;
      // a term of 1–3 years from its first day ends on the day before the anniversary
      const anniversary = new Date(Date.UTC(Number(effective.slice(0, 4)) + 1 + (i % 3), Number(effective.slice(5, 7)) - 1, Number(effective.slice(8, 10)))); // 29 Feb rolls to 1 Mar
      const termEnd = formatDate(parseDate(anniversary.toISOString().slice(0, 10)) - 1);
      const archiveNo = correctionArchiveNo(Number(today.slice(0, 4)), ++archiveSeq);
      const title = `社区矫正档案 ${archiveNo}`;
      const reportRule = outside ? 'corrections.handover' : 'corrections.offenderReport';
      const reportDue = computeDeadline(opts.calendar, getRule(reportRule), { start: received ?? effective, asOf: today, onUnpublished: 'flag', explain: false }).due;
      await db.insertInto('correctionSubjects').values({
        id, archiveNo, departmentId: staff.departmentId, personId: p.id, name: p.name, sentenceType, crime: ['危险驾驶罪', '盗窃罪', '诈骗罪', '故意伤害罪', '帮助信息网络犯罪活动罪', '交通肇事罪'][i]!, decidingOrgan: i % 2 ? '北京市西城区人民法院' : '北京市第二中级人民法院',
        judgmentEffectiveOn: effective, decisionReceivedOn: received, termStart, termEnd, riskLevel: i === 0 ? 'high' : i % 2 ? 'low' : 'medium', status: reported ? 'inCorrection' : 'awaitingReport', reportDue, reportedOn: reported ? formatDate(parseDate(effective) + 5) : null,
        noticeReceivedOn: reported ? formatDate(parseDate(effective) + 3) : null, documentsReceivedOn: reported ? formatDate(parseDate(effective) + 7) : null, monitoringUntil: null, releasedOn: null, endReason: null, createdBy: staff.id, createdAt: nowIso, updatedAt: nowIso, version: 1,
      }).execute();
      await db.insertInto('correctionStaff').values({ subjectId: id, userId: staff.id, createdAt: nowIso }).execute();
      await openDeadline('corrections', 'correctionSubject', id, title, 'corrections.notifyCorrectionBody', effective, staff.departmentId, staff.id, reported ? 'met' : 'open');
      await openDeadline('corrections', 'correctionSubject', id, title, 'corrections.serveDocuments', effective, staff.departmentId, staff.id, reported ? 'met' : 'open');
      await openDeadline('corrections', 'correctionSubject', id, title, reportRule, received ?? effective, staff.departmentId, staff.id, reported ? 'met' : 'open');
      await openDeadline('corrections', 'correctionSubject', id, title, 'corrections.termEnd', termEnd, staff.departmentId, staff.id); // C8 (Art. 44)
      if (reported) {
        for (const [k, off, detail] of [['checkIn', 5, { note: '入矫报到', first: true }], ['interview', 12, { note: '入矫谈话，明确监督管理规定' }], ['education', 30, { note: '参加集中教育学习', hours: 4 }], ['publicService', 40, { note: '社区公益活动：清扫楼道', hours: 3 }]] as const) {
          await db.insertInto('correctionRecords').values({ id: randomUUID(), subjectId: id, departmentId: staff.departmentId, kind: k, onDate: formatDate(parseDate(effective) + off), detail: JSON.stringify(detail), status: null, createdBy: staff.id, createdAt: nowIso }).execute();
        }
      }
    }
  }
  if (archiveSeq) await db.insertInto('correctionCounters').values({ year: Number(today.slice(0, 4)), lastSeq: archiveSeq }).execute();
  return { accounts };
}

