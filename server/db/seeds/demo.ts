import { randomBytes, randomUUID } from 'node:crypto';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import { type Extension, type Pause, computeDeadline, getRule } from '../../../common/deadlines';
import { type Rng, createRng, generateCreditCode, generateIdNumber, generateMobile } from '../../../common/validators';
import type { FieldCipher } from '../../platform/crypto';
import { hashPassword } from '../../platform/identity';
import type { Database, Db } from '../types';
import { seedReconHistory } from './demo-recon-history';
import { seedLegalityReviewDemo } from './demo-legality-review';
import { seedEnforcementDemo } from './demo-enforcement';
import { seedDisputeDemo } from './demo-dispute';
import { seedRuleOfLawDemo } from './demo-rule-of-law';
import { seedLegalServicesDemo } from './demo-legal-services';

/** Xicheng District's 15 街道, each with its 司法所. */
export const SUBDISTRICTS = [
  '西长安街', '新街口', '月坛', '展览路', '德胜', '金融街', '什刹海', '大栅栏', '天桥', '椿树', '陶然亭', '广安门内', '牛街', '白纸坊', '广安门外',
] as const;

const SECTIONS: { code: string; name: string; kind: 'section' | 'center' }[] = [
  { code: 'BGS', name: '办公室', kind: 'section' },
  { code: 'FYK', name: '行政复议与应诉科', kind: 'section' },
  { code: 'HFXK', name: '合法性审查科', kind: 'section' },
  { code: 'ZFJDK', name: '行政执法监督科', kind: 'section' },
  { code: 'GGFLK', name: '公共法律服务管理科', kind: 'section' },
  { code: 'RMTJK', name: '人民参与和促进法治科', kind: 'section' },
  { code: 'SQJZK', name: '社区矫正管理科', kind: 'section' },
  { code: 'GFZX', name: '公共法律服务中心', kind: 'center' },
  { code: 'FYZX', name: '法律援助中心', kind: 'center' },
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强玉兰晓明海燕红梅子涵浩然欣怡宇轩梓萱一诺思远';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: string[];
  department: string;
}

/**
 * The fixed-seed demo district: departments, users for every role, fictional people (valid check digits) and firms,
 * and open statutory deadlines on handlers' to-do lists. Runs once, on an empty database, in demo mode.
 */
export async function seedDemo(opts: { db: Db; rootId: string; password: string; cipher: FieldCipher; calendar: WorkCalendar; today: string; nowIso: string; seed?: number; reconCaseNoPrefix?: string; history?: boolean }) {
  const { db, rootId, cipher, nowIso } = opts;
  const rng = createRng(opts.seed ?? 20251231);
  const root = await db.selectFrom('departments').select(['id', 'path']).where('id', '=', rootId).executeTakeFirstOrThrow();
  const dept = new Map<string, { id: string; name: string }>();
  let sort = 1;
  const addDept = async (code: string, name: string, kind: string) => {
    const id = randomUUID();
    await db.insertInto('departments').values({ id, parentId: root.id, name, kind, code, path: `${root.path}${id}/`, sort: sort++, createdAt: nowIso, updatedAt: nowIso }).execute();
    dept.set(code, { id, name });
  };
  for (const s of SECTIONS) await addDept(s.code, s.name, s.kind);
  for (const [i, name] of SUBDISTRICTS.entries()) await addDept(`SFS${String(i + 1).padStart(2, '0')}`, `${name}司法所`, 'judicialOffice');

  const roles = new Map((await db.selectFrom('roles').select(['id', 'code', 'name']).execute()).map((r) => [r.code, r]));
  const passwordHash = await hashPassword(opts.password);
  const accounts: DemoAccount[] = [];
  const personName = () => rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.next() < 0.5 ? rng.pick([...GIVEN]) : '');
  const addUser = async (username: string, displayName: string, deptCode: string | null, roleCodes: string[]) => {
    const id = randomUUID();
    const departmentId = deptCode ? dept.get(deptCode)!.id : root.id;
    const mobile = generateMobile(rng);
    await db
      .insertInto('users')
      .values({ id, username, displayName, departmentId, passwordHash, passwordChangedAt: null, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: cipher.encrypt(mobile), mobileBidx: cipher.blindIndex(mobile), isDemo: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 })
      .execute();
    if (roleCodes.length) await db.insertInto('userRoles').values(roleCodes.map((c) => ({ userId: id, roleId: roles.get(c)!.id }))).execute();
    accounts.push({ username, displayName, roles: roleCodes.map((c) => roles.get(c)!.name), department: deptCode ? dept.get(deptCode)!.name : '北京市西城区司法局' });
    return id;
  };

  await addUser('sysadmin', '系统管理员', 'BGS', ['sysadmin']);
  await addUser('secadmin', '安全管理员', 'BGS', ['secadmin']);
  await addUser('auditadmin', '审计管理员', 'BGS', ['auditadmin']);
  await addUser('leader', `${personName()}（局长）`, null, ['leader']);
  await addUser('fy.head', personName(), 'FYK', ['sectionHead']);
  const handlers = [await addUser('fy.handler1', personName(), 'FYK', ['handler']), await addUser('fy.handler2', personName(), 'FYK', ['handler'])];
  await addUser('hfx.head', personName(), 'HFXK', ['sectionHead']);
  await addUser('zfjd.head', personName(), 'ZFJDK', ['sectionHead']);
  await addUser('sfs.xicha', personName(), 'SFS01', ['officeStaff']);
  await addUser('sfs.jinrong', personName(), 'SFS06', ['officeStaff']);

  // Fictional parties (valid GB 11643 check digits, Xicheng region code) and firms (valid GB 32100 check characters).
  const fyk = dept.get('FYK')!.id;
  const people: { id: string; name: string; idNumberBidx: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const idNumber = generateIdNumber(rng, { regionCode: '110102' });
    const mobile = generateMobile(rng);
    const person = { id: randomUUID(), name: personName(), idNumberBidx: cipher.blindIndex(idNumber) };
    people.push(person);
    await db
      .insertInto('people')
      .values({ ...person, idNumberEnc: cipher.encrypt(idNumber), mobileEnc: cipher.encrypt(mobile), mobileBidx: cipher.blindIndex(mobile), departmentId: fyk, createdBy: rng.pick(handlers), createdAt: nowIso })
      .execute();
  }
  const firmWords = ['金融', '科技', '文化', '餐饮', '商贸', '医药', '美容', '老字号', '物业', '建设'];
  const seenCodes = new Set<string>();
  const firms: { name: string; creditCode: string }[] = [];
  for (let i = 0; i < 30; i++) {
    const creditCode = generateCreditCode(rng, { regionCode: '110102' });
    if (seenCodes.has(creditCode)) continue;
    seenCodes.add(creditCode);
    const firm = { name: `北京西城${rng.pick(firmWords)}示例有限公司${i + 1}号`, creditCode };
    firms.push(firm);
    await db.insertInto('organizations').values({ id: randomUUID(), ...firm, createdAt: nowIso }).execute();
  }

  // 行政复议 cases across every status; their open deadlines are the handlers' to-do lists.
  const handlerNames = new Map((await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', handlers).execute()).map((u) => [u.id, u.displayName]));
  await seedReconsiderationDemo({ db, rng, calendar: opts.calendar, today: opts.today, nowIso, departmentId: fyk, handlers: handlers.map((id) => ({ id, name: handlerNames.get(id) ?? '' })), people, firms, caseNoPrefix: opts.reconCaseNoPrefix });
  // a year of history for the statistics pages (left out under NODE_ENV=test: the suites count the register above)
  if (opts.history !== false) await seedReconHistory({ db, rng: createRng(20250101), cipher, calendar: opts.calendar, today: opts.today, nowIso, departmentId: fyk, handlers: handlers.map((id) => ({ id, name: handlerNames.get(id) ?? '' })), personName, caseNoPrefix: opts.reconCaseNoPrefix });
  // 合法性审查 drafts, contact points and advisers (left out under NODE_ENV=test like the history: suites count the register)
  if (opts.history !== false) await seedLegalityReviewDemo({ db, calendar: opts.calendar, today: opts.today, nowIso });
  // 行政执法监督: a district year of inspections with planted problems, registers, liaison accounts (off in tests too)
  if (opts.history !== false) accounts.push(...(await seedEnforcementDemo({ db, today: opts.today, nowIso, passwordHash, liaisonRoleId: roles.get('agencyLiaison')?.id ?? null, departmentId: root.id, cipher })).accounts);
  // 公共法律服务: 社区 and service points, lawyers, the legal-aid centre's accounts, applications, consultations (off in tests too)
  if (opts.history !== false) accounts.push(...(await seedLegalServicesDemo({ db, calendar: opts.calendar, today: opts.today, nowIso, passwordHash, cipher, roleIds: { sectionHead: roles.get('sectionHead')!.id, staff: roles.get('legalServiceStaff')!.id }, departmentId: dept.get('FYZX')!.id, rootPath: root.path })).accounts);
  // 人民调解 committees and mediators always; the dispute register, mediation cases, correction ledger and the two grassroots accounts outside tests
  accounts.push(...(await seedDisputeDemo({ db, calendar: opts.calendar, today: opts.today, nowIso, cipher, passwordHash, departments: dept, rootId: root.id, history: opts.history !== false })).accounts);
  // 法治建设工作记录: the 普法 plans always; a year of training, study, 述法, inspections, assessment and 普法 records outside tests
  accounts.push(...(await seedRuleOfLawDemo({ db, today: opts.today, nowIso, cipher, passwordHash, departments: dept, rootId: root.id, history: opts.history !== false })).accounts);
  return accounts;
}

export function generateDemoPassword(): string {
  // 3+ character classes, 16 characters.
  return `Fz-${randomBytes(9).toString('base64url')}9a`;
}

/**
 * Fictional 行政复议 cases across every status, with their timeline and their rows on the deadline register, laid out
 * relative to `today` so that some deadlines are due soon and some overdue. Written as data (the seed runs inside
 * the setup transaction, where the module's service cannot open its own); the layout mirrors what the service does
 * for each action (reconsideration.service.ts).
 *
 * Each handler gets 15 cases holding exactly 12 open deadlines between them (the deadline register's suites count
 * on 12 per handler and 24 for the section).
 */
export async function seedReconsiderationDemo(opts: {
  db: Db;
  rng: Rng;
  calendar: WorkCalendar;
  today: string;
  nowIso: string;
  departmentId: string;
  handlers: { id: string; name: string }[];
  people: { id: string; name: string; idNumberBidx: string }[];
  firms: { name: string; creditCode: string }[];
  caseNoPrefix?: string;
}): Promise<number> {
  const { db, rng, calendar, today, nowIso, departmentId } = opts;
  const prefix = opts.caseNoPrefix ?? '西复';
  const day = (offset: number) => formatDate(parseDate(today) + offset);
  const plus = (date: string, n: number) => formatDate(parseDate(date) + n);
  const dueOf = (ruleId: string, start: string, pauses: Pause[] = [], extensions: Extension[] = []) =>
    computeDeadline(calendar, getRule(ruleId), { start, pauses, extensions, asOf: today, onUnpublished: 'flag', explain: false });

  const RESPONDENTS = [
    { name: '北京市西城区市场监督管理局', doc: '京西市监罚', acts: ['行政处罚决定', '责令改正通知'] },
    { name: '北京市西城区城市管理综合行政执法局', doc: '京西城管罚', acts: ['行政处罚决定', '责令限期拆除决定'] },
    { name: '北京市西城区人力资源和社会保障局', doc: '京西人社工伤认', acts: ['不予认定工伤决定', '工伤认定决定'] },
    { name: '北京市西城区住房和城乡建设委员会', doc: '京西住建', acts: ['政府信息公开申请答复', '行政处罚决定'] },
    { name: '北京市西城区卫生健康委员会', doc: '京西卫罚', acts: ['行政处罚决定', '政府信息公开申请答复'] },
    { name: '北京市西城区人民政府德胜街道办事处', doc: '德胜街道', acts: ['政府信息公开申请答复', '不履行法定职责'] },
  ];
  const CHANNELS = ['onsite', 'mail', 'online', 'oral'] as const;
  const REQUESTS: Record<string, string> = {
    行政处罚决定: '请求撤销被申请人作出的行政处罚决定',
    责令改正通知: '请求撤销责令改正通知',
    责令限期拆除决定: '请求撤销责令限期拆除决定',
    不予认定工伤决定: '请求撤销不予认定工伤决定，责令被申请人重新作出工伤认定',
    工伤认定决定: '请求撤销工伤认定决定',
    政府信息公开申请答复: '请求撤销政府信息公开申请答复，责令被申请人重新答复',
    不履行法定职责: '请求确认被申请人不履行法定职责违法，责令其履行',
  };
  type Kind = 'registered' | 'correction' | 'accepted' | 'awaitingReply' | 'replied' | 'mediation' | 'suspended' | 'decided' | 'rejected' | 'terminated' | 'mediated';
  // Open deadlines: registered 1, correction 1, accepted 2, awaitingReply 2, replied 1, mediation 1, suspended 1 → 12.
  const LAYOUT: Kind[] = ['registered', 'registered', 'correction', 'accepted', 'awaitingReply', 'awaitingReply', 'replied', 'mediation', 'suspended', 'decided', 'decided', 'decided', 'rejected', 'terminated', 'mediated'];
  const DECISIONS = ['revoke', 'uphold', 'confirmIllegal', 'vary', 'orderPerformance', 'dismissClaim'];

  interface Built {
    row: Database['reconsiderationCases'];
    deadlines: { ruleId: string; start: string; status: 'open' | 'met' | 'cancelled'; pauses?: Pause[] }[];
    events: { action: string; on: string | null; from: string | null; to: string; details: Record<string, unknown> }[];
  }
  const built: Built[] = [];
  let n = 0;
  for (const [hi, handler] of opts.handlers.entries()) {
    for (const [li, kind] of LAYOUT.entries()) {
      n++;
      const resp = RESPONDENTS[(n * 7 + li) % RESPONDENTS.length]!;
      const actName = resp.acts[n % resp.acts.length]!;
      const channel = CHANNELS[(n + hi) % CHANNELS.length]!;
      const firm = n % 5 === 0 ? opts.firms[n % opts.firms.length] : undefined;
      const person = opts.people[n % opts.people.length]!;
      const back: Record<Kind, number> = { registered: rng.int(0, 6), correction: 9, accepted: 10, awaitingReply: rng.int(18, 26), replied: 40, mediation: 45, suspended: 38, decided: rng.int(80, 110), rejected: 20, terminated: 70, mediated: 60 };
      const receivedOn = day(-back[kind]);
      // one registered case of handler 1 came late (R1: 60 days from the day the applicant knew of the act)
      const late = hi === 0 && li === 1;
      const knownOn = plus(receivedOn, late ? -75 : -rng.int(5, 40));
      const madeOn = plus(knownOn, -rng.int(0, 5));
      const procedure = kind === 'replied' && hi === 1 ? 'simplified' : 'ordinary';
      const postmarkOn = channel === 'mail' ? plus(receivedOn, -2) : null;
      const app = dueOf('reconsideration.application', knownOn);
      const docNo = `${resp.doc}〔${madeOn.slice(0, 4)}〕${100 + n}号`;
      const row: Database['reconsiderationCases'] = {
        id: randomUUID(), caseNo: '', year: Number(receivedOn.slice(0, 4)), seq: 0, departmentId, handlerId: handler.id, status: 'registered', resumeTo: null, procedure: null,
        channel, receivedOn, postmarkOn, oralRecord: channel === 'oral' ? '申请人当场口述复议请求、主要事实和理由，工作人员记录后向申请人宣读。' : null, oralConfirmed: channel === 'oral' ? 1 : null,
        applicantKind: firm ? 'organization' : 'person', applicantPersonId: firm ? null : person.id, applicantName: firm ? firm.name : person.name, applicantCreditCode: firm ? firm.creditCode : null,
        applicantKey: firm ? `o:${firm.creditCode}` : `p:${person.idNumberBidx}`, respondentName: resp.name, respondentKey: resp.name, actName, actDocNo: docNo, actDocKey: docNo, actMadeOn: madeOn, actKnownOn: knownOn, actRealEstate: 0, actRightsKnownOn: null,
        request: REQUESTS[actName] ?? '请求撤销该行政行为', reasons: '被申请人认定事实不清，适用依据错误，程序违法。', lateExplanation: late ? '申请人称因住院治疗耽误申请期限，已提交住院证明。' : null,
        attachments: JSON.stringify([{ name: '行政复议申请书', pages: 3 }, { name: '申请人身份证明复印件', pages: 1 }, { name: `${actName}复印件`, pages: 2 }]),
        applicationDue: app.due, late: (postmarkOn ?? receivedOn) > app.due ? 1 : 0, acceptedOn: null, rejectedOn: null, correctionItems: null, copySentOn: null, respondentReceivedOn: null, replyReceivedOn: null,
        suspendedOn: null, suspensionGround: null, extensionDays: null, decisionType: null, decidedOn: null, terminatedOn: null, terminationGround: null,
        createdBy: handler.id, createdAt: nowIso, updatedAt: nowIso, version: 1,
      };
      const b: Built = { row, deadlines: [], events: [{ action: 'register', on: receivedOn, from: null, to: 'registered', details: { channel } }] };
      const step = (action: string, on: string | null, to: string, details: Record<string, unknown> = {}) => {
        b.events.push({ action, on, from: row.status, to, details });
        row.status = to;
        row.version++;
      };
      const P = procedure === 'simplified' ? { copy: 'reconsideration.copyToRespondentSimplified', reply: 'reconsideration.respondentReplySimplified', decision: 'reconsideration.decisionSimplified' } : { copy: 'reconsideration.copyToRespondent', reply: 'reconsideration.respondentReply', decision: 'reconsideration.decision' };

      if (kind === 'registered') b.deadlines.push({ ruleId: 'reconsideration.acceptanceReview', start: receivedOn, status: 'open' });
      else if (kind === 'correction') {
        const noticeOn = plus(receivedOn, 2);
        const servedOn = plus(noticeOn, 1);
        row.correctionItems = JSON.stringify(['申请人身份证明', '被申请复议的行政行为的书面材料']);
        b.deadlines.push({ ruleId: 'reconsideration.acceptanceReview', start: receivedOn, status: 'cancelled' }, { ruleId: 'reconsideration.correctionSubmission', start: servedOn, status: 'open' });
        step('requestCorrection', noticeOn, 'correctionRequested', { servedOn });
      } else if (kind === 'rejected') {
        row.rejectedOn = plus(receivedOn, 3);
        b.deadlines.push({ ruleId: 'reconsideration.acceptanceReview', start: receivedOn, status: 'met' });
        step('rejectApplication', row.rejectedOn, 'rejected', { reason: '不属于本机关管辖', competentOrgan: '北京市人民政府' });
      } else {
        const acceptedOn = plus(receivedOn, 3);
        row.acceptedOn = acceptedOn;
        row.procedure = procedure;
        b.deadlines.push({ ruleId: 'reconsideration.acceptanceReview', start: receivedOn, status: 'met' });
        step('accept', acceptedOn, 'accepted', { procedure });
        if (kind === 'accepted') {
          b.deadlines.push({ ruleId: P.copy, start: acceptedOn, status: 'open' }, { ruleId: P.decision, start: acceptedOn, status: 'open' });
        } else {
          const sentOn = plus(acceptedOn, 4);
          const recOn = plus(sentOn, 1);
          row.copySentOn = sentOn;
          row.respondentReceivedOn = recOn;
          b.deadlines.push({ ruleId: P.copy, start: acceptedOn, status: 'met' });
          step('sendCopy', sentOn, 'underReview', { respondentReceivedOn: recOn });
          const replied = kind !== 'awaitingReply';
          const replyOn = plus(recOn, 8);
          b.deadlines.push({ ruleId: P.reply, start: recOn, status: replied ? 'met' : 'open' });
          if (replied) {
            row.replyReceivedOn = replyOn;
            step('recordReply', replyOn, 'underReview');
          }
          const decision = { ruleId: P.decision, start: acceptedOn, status: 'open' as 'open' | 'met' | 'cancelled', pauses: [] as Pause[] };
          b.deadlines.push(decision);
          if (kind === 'mediation') step('startMediation', plus(replyOn, 3), 'mediation');
          if (kind === 'suspended') {
            row.suspendedOn = plus(replyOn, 3);
            row.suspensionGround = 8;
            row.resumeTo = 'underReview';
            decision.pauses.push({ from: row.suspendedOn, to: null, reason: '中止审理（第三十九条第一款第八项）', article: '《中华人民共和国行政复议法》第三十九条' });
            step('suspend', row.suspendedOn, 'suspended', { ground: 8 });
          }
          if (kind === 'decided') {
            row.decisionType = DECISIONS[(n + li) % DECISIONS.length]!;
            row.decidedOn = plus(acceptedOn, 50);
            decision.status = 'met';
            step('decide', row.decidedOn, 'decided', { type: row.decisionType, onTime: true });
          }
          if (kind === 'terminated') {
            row.terminatedOn = plus(acceptedOn, 20);
            row.terminationGround = 1;
            decision.status = 'cancelled';
            step('terminate', row.terminatedOn, 'terminated', { ground: 1, note: '申请人撤回行政复议申请，经审查准予撤回' });
          }
          if (kind === 'mediated') {
            step('startMediation', plus(replyOn, 2), 'mediation');
            row.decidedOn = plus(acceptedOn, 30);
            decision.status = 'met';
            step('concludeMediation', row.decidedOn, 'mediated');
          }
        }
      }
      built.push(b);
    }
  }
  // a related application: handler 2's first registered case repeats handler 1's first one, by another channel
  const [first, dup] = [built[0]!, built[LAYOUT.length]!];
  Object.assign(dup.row, { applicantKind: first.row.applicantKind, applicantPersonId: first.row.applicantPersonId, applicantName: first.row.applicantName, applicantCreditCode: first.row.applicantCreditCode, applicantKey: first.row.applicantKey, respondentName: first.row.respondentName, respondentKey: first.row.respondentKey, actName: first.row.actName, actDocNo: first.row.actDocNo, actDocKey: first.row.actDocKey, actMadeOn: first.row.actMadeOn, actKnownOn: first.row.actKnownOn, request: first.row.request });

  // unified numbering per year, in order of receipt
  built.sort((a, b) => a.row.receivedOn.localeCompare(b.row.receivedOn));
  const seqs = new Map<number, number>();
  for (const b of built) {
    const seq = (seqs.get(b.row.year) ?? 0) + 1;
    seqs.set(b.row.year, seq);
    b.row.seq = seq;
    b.row.caseNo = `${prefix}〔${b.row.year}〕${seq}号`;
  }
  for (const [year, lastSeq] of seqs) await db.insertInto('reconsiderationCounters').values({ year, lastSeq }).execute();

  const handlerName = new Map(opts.handlers.map((h) => [h.id, h.name]));
  for (const b of built) {
    const { row } = b;
    await db.insertInto('reconsiderationCases').values(row).execute();
    for (const [i, e] of b.events.entries()) {
      await db
        .insertInto('reconsiderationEvents')
        .values({ id: randomUUID(), caseId: row.id, version: i + 1, departmentId, at: nowIso, onDate: e.on, action: e.action, fromStatus: e.from, toStatus: e.to, actorId: row.handlerId, actorName: handlerName.get(row.handlerId!) ?? null, details: JSON.stringify(e.details) })
        .execute();
    }
    for (const d of b.deadlines) {
      const rule = getRule(d.ruleId);
      const res = dueOf(d.ruleId, d.start, d.pauses ?? []);
      await db
        .insertInto('deadlines')
        .values({ id: randomUUID(), module: 'reconsideration', objectType: 'reconsiderationCase', objectId: row.id, title: `${row.caseNo} ${rule.title}`, ruleId: d.ruleId, startDate: d.start, pauses: JSON.stringify(d.pauses ?? []), extensions: '[]', dueDate: res.flags.includes('PAUSED') ? null : res.due, status: d.status, flags: JSON.stringify(res.flags), departmentId, assigneeId: row.handlerId, computedAt: nowIso, createdAt: nowIso, updatedAt: nowIso })
        .execute();
    }
  }
  return built.length;
}
