import { randomBytes, randomUUID } from 'node:crypto';
import { computeDeadline, getRule } from '../../../common/deadlines';
import type { WorkCalendar } from '../../../common/calendar';
import { createRng, generateCreditCode, generateIdNumber, generateMobile } from '../../../common/validators';
import type { FieldCipher } from '../../platform/crypto';
import { hashPassword } from '../../platform/identity';
import type { Db } from '../types';

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
export async function seedDemo(opts: { db: Db; rootId: string; password: string; cipher: FieldCipher; calendar: WorkCalendar; today: string; nowIso: string; seed?: number }) {
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
  for (let i = 0; i < 40; i++) {
    const idNumber = generateIdNumber(rng, { regionCode: '110102' });
    const mobile = generateMobile(rng);
    await db
      .insertInto('people')
      .values({ id: randomUUID(), name: personName(), idNumberEnc: cipher.encrypt(idNumber), idNumberBidx: cipher.blindIndex(idNumber), mobileEnc: cipher.encrypt(mobile), mobileBidx: cipher.blindIndex(mobile), departmentId: fyk, createdBy: rng.pick(handlers), createdAt: nowIso })
      .execute();
  }
  const firmWords = ['金融', '科技', '文化', '餐饮', '商贸', '医药', '美容', '老字号', '物业', '建设'];
  const seenCodes = new Set<string>();
  for (let i = 0; i < 30; i++) {
    const creditCode = generateCreditCode(rng, { regionCode: '110102' });
    if (seenCodes.has(creditCode)) continue;
    seenCodes.add(creditCode);
    await db.insertInto('organizations').values({ id: randomUUID(), name: `北京西城${rng.pick(firmWords)}示例有限公司${i + 1}号`, creditCode, createdAt: nowIso }).execute();
  }

  // Open deadlines on the handlers' to-do lists, started on recent days so that some are due soon and some overdue.
  const todayMs = Date.parse(`${opts.today}T00:00:00Z`);
  const samples = ['reconsideration.acceptanceReview', 'reconsideration.copyToRespondent', 'reconsideration.respondentReply', 'reconsideration.decision'];
  for (let i = 0; i < 24; i++) {
    const ruleId = samples[i % samples.length]!;
    const rule = getRule(ruleId);
    const startDate = new Date(todayMs - rng.int(0, rule.unit === 'WD' ? 12 : 55) * 86400_000).toISOString().slice(0, 10);
    const res = computeDeadline(opts.calendar, rule, { start: startDate, onUnpublished: 'flag', explain: false });
    await db
      .insertInto('deadlines')
      .values({ id: randomUUID(), module: 'reconsideration', objectType: 'demoCase', objectId: `西复〔2026〕${100 + i}号`, title: `西复〔2026〕${100 + i}号 ${rule.title}`, ruleId, startDate, pauses: '[]', extensions: '[]', dueDate: res.due, status: 'open', flags: JSON.stringify(res.flags), departmentId: fyk, assigneeId: handlers[i % 2]!, computedAt: nowIso, createdAt: nowIso, updatedAt: nowIso })
      .execute();
  }
  return accounts;
}

export function generateDemoPassword(): string {
  // 3+ character classes, 16 characters.
  return `Fz-${randomBytes(9).toString('base64url')}9a`;
}
