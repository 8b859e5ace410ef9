/**
 * 合法性审查 demo data: drafts across the lifecycle (with their clocks on the deadline register), enterprise contact
 * points of several industries, sizes and ownerships, legal advisers and their consultations. Written as data (the
 * seed runs inside the setup transaction); the layout mirrors what legality-review.service.ts does for each step.
 * Fictional units, firms and people only.
 */
import { randomUUID } from 'node:crypto';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import { computeDeadline, getRule } from '../../../common/deadlines';
import type { Db } from '../types';
import { workdayOnOrBefore } from './office-days';

/** The draft under review: in force from the next 1 January, for two years. */
const textOk = (year: number) =>
  [
    '北京市西城区支持老字号企业传承创新的若干措施',
    '第一条 为支持本区老字号企业传承发展、守正创新，依据《优化营商环境条例》等规定，结合本区实际，制定本措施。',
    '第二条 本措施适用于在本区注册、经认定的中华老字号和北京老字号企业。',
    '第三条 区商务部门会同相关部门为老字号企业提供政策咨询、品牌推广等服务。',
    `第四条 本措施自${year + 1}年1月1日起施行，有效期至${year + 2}年12月31日。`,
  ].join('\n');

/** The reviewed draft of a published document; the opinion asked to delete Art. 6 (a designated service body). */
const textDigital = (from: string, until: string) =>
  [
    '北京市西城区促进数字经济发展的若干措施（送审稿）',
    '第一条 为促进本区数字经济高质量发展，依据《北京市数字经济促进条例》等规定，结合本区实际，制定本措施。',
    '第二条 本措施适用于在本区注册、从事数字技术研发和数字化转型服务的企业。',
    '第三条 区科学技术和信息化局负责本措施的组织实施，区财政局负责资金保障。',
    '第四条 对获得国家级、市级数字化转型示范认定的企业，按照有关规定给予一次性奖励。',
    '第五条 企业申请奖励的，应当在每年规定的申报期内提交申请材料，区科学技术和信息化局在受理后二十个工作日内完成审核并公示结果。',
    '第六条 申请奖励的企业应当委托区科学技术和信息化局指定的服务机构出具专项审计报告。',
    `第七条 本措施自${from}起施行，有效期至${until}。`,
  ].join('\n');

const textCatering = (until: string) => [
  '北京市西城区餐饮服务业纾困扶持办法',
  '第一条 为帮助本区餐饮服务业市场主体稳定经营，依据《优化营商环境条例》等规定，结合本区实际，制定本办法。',
  '第二条 本办法适用于在本区注册、正常经营的餐饮服务业中小微企业和个体工商户。',
  '第三条 区商务局会同区财政局对符合条件的市场主体给予房租补贴，补贴标准按年度公布。',
  '第四条 区市场监督管理局为申请人提供食品经营许可办理指导服务。',
  `第五条 本办法自2024年4月2日起施行，有效期至${until}。`,
].join('\n');

/** 2026-03-18 → 2026年3月18日, for dates written into a text. */
const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** Demo instant of an office act on a date: 10:00 Beijing time. */
const at10 = (d: string) => `${d}T02:00:00.000Z`;

/** The draft open for comment (with the problems the engine finds): in force from the next 1 March. */
const textIssues = (year: number) => [
  '北京市西城区美容美发行业经营管理办法（送审稿）',
  '第一条 为规范本区美容美发行业经营秩序，制定本办法。',
  '第二条 在本区从事美容美发经营活动的，应当向区商务局申请办理美容美发经营许可证，未取得许可证的，不得从事相关经营活动。',
  '第三条 违反本办法第二条规定的，由区商务局处以五千元以上一万元以下罚款。',
  '第四条 经营者申请办理上述许可证，应当提交所在社区居委会出具的无违法经营证明。',
  `第五条 本办法自${year + 1}年3月1日起施行。`,
].join('\n');

const TEXT_DECISION = [
  '西城区老旧小区综合整治三年行动方案（征求意见稿）',
  '第一条 为改善居民居住条件，推进老旧小区综合整治，制定本方案。',
  '第二条 整治内容包括楼本体节能改造、加装电梯、完善公共服务设施。',
  '第三条 各街道办事处负责组织实施本辖区整治工作，区住房城乡建设委负责统筹协调。',
].join('\n');

export async function seedLegalityReviewDemo(opts: { db: Db; calendar: WorkCalendar; today: string; nowIso: string }) {
  const { db, calendar, today, nowIso } = opts;
  const dept = await db.selectFrom('departments').select('id').where('code', '=', 'HFXK').executeTakeFirst();
  const reviewer = await db.selectFrom('users').select(['id', 'displayName']).where('username', '=', 'hfx.head').executeTakeFirst();
  if (!dept || !reviewer) return;
  // a day before today is the day of an office act (submission, acceptance, opinion, meeting, publication): the working
  // day itself or the last one before it; days ahead (validity, periods) stay as they are
  const day = (n: number) => (n <= 0 ? workdayOnOrBefore(calendar, parseDate(today) + n) : formatDate(parseDate(today) + n));
  const year = Number(today.slice(0, 4));
  const due = (ruleId: string, start: string, length?: number) => {
    const rule = getRule(ruleId);
    return computeDeadline(calendar, length ? { ...rule, length } : rule, { start, asOf: today, onUnpublished: 'flag', explain: false });
  };
  // Numbers run per year of the act that takes them (the register number in the year of submission), as the service
  // numbers them; the counters are stored at the end so that new drafts continue each sequence.
  const counters = new Map<string, number>();
  const next = (key: string) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  const deadline = async (draftId: string, ruleId: string, start: string, title: string, status: 'open' | 'met') => {
    const r = due(ruleId, start);
    await db
      .insertInto('deadlines')
      .values({ id: randomUUID(), module: 'legalityReview', objectType: 'legalityDraft', objectId: draftId, title, ruleId, startDate: start, pauses: '[]', extensions: '[]', dueDate: r.due, status, flags: JSON.stringify(r.flags), departmentId: dept.id, assigneeId: reviewer.id, computedAt: nowIso, createdAt: nowIso, updatedAt: nowIso })
      .execute();
  };

  // ── enterprise contact points ─────────────────────────────────────────────────────────────
  const points = [
    ['北京西城示例老字号餐饮有限公司', '老字号', 'small', 'private'],
    ['北京西城示例美容美发连锁有限公司', '美容美发', 'micro', 'private'],
    ['北京西城示例医药连锁有限公司', '食品药品', 'medium', 'state'],
    ['北京西城示例金融科技有限公司', '金融科技', 'large', 'foreign'],
    ['西城区示例餐饮行业协会', '餐饮', 'small', 'association'],
    ['北京西城示例文化传媒有限公司', '文化', 'small', 'collective'],
  ] as const;
  const cpIds: string[] = [];
  for (const [name, industry, size, ownership] of points) {
    const id = randomUUID();
    cpIds.push(id);
    await db.insertInto('legalityContactPoints').values({ id, departmentId: dept.id, name, industry, size, ownership, contactName: null, active: 1, createdAt: nowIso }).execute();
  }

  // ── drafts ────────────────────────────────────────────────────────────────────────────────
  type Over = Record<string, string | number | null>;
  const draft = async (kind: string, title: string, unit: string, submittedOn: string, status: string, text: string, over: Over = {}) => {
    const id = randomUUID();
    const regYear = Number(submittedOn.slice(0, 4));
    const seq = next(`register:${regYear}`);
    await db
      .insertInto('legalityDrafts')
      .values({
        id, regNo: `西合审〔${regYear}〕${seq}号`, year: regYear, seq, departmentId: dept.id, reviewerId: status === 'registered' ? null : reviewer.id, kind, title, draftingUnit: unit, contactName: '联络员', touchesMarket: 1, status, text, textSource: 'text', submittedOn,
        reviewPeriodWd: kind === 'majorDecision' ? null : 15, requestedBy: null, returnItems: null, acceptedOn: null, reviewDue: null, analyzedAt: null, opinionNo: null, opinionConclusion: null, opinionText: null, opinionIssuedOn: null,
        collectiveMeeting: null, collectiveOn: null, collectiveResult: null, collectiveNote: null, docNo: null, publishedOn: null, validFrom: null, validUntil: null, filedOn: null, filingNo: null,
        commentFrom: null, commentUntil: null, commentShortenedReason: null, adoptionStatement: null, adoptionPublishedOn: null, endedOn: null, createdBy: reviewer.id, createdAt: nowIso, updatedAt: nowIso, version: 1, ...over,
      } as never)
      .execute();
    await db.insertInto('legalityEvents').values({ id: randomUUID(), draftId: id, at: at10(submittedOn), action: 'register', fromStatus: null, toStatus: 'registered', actorId: reviewer.id, actorName: reviewer.displayName, note: unit }).execute();
    return id;
  };
  // materials arrive with the submission
  const materials = async (draftId: string, kinds: string[], submittedOn: string) => {
    for (const kind of kinds) await db.insertInto('legalityMaterials').values({ id: randomUUID(), draftId, kind, form: 'text', fileName: null, mime: null, size: null, sha256: null, storageKey: null, text: '（演示材料）', createdBy: reviewer.id, createdAt: at10(submittedOn) }).execute();
  };
  const ALL = ['draftingExplanation', 'legalBasis', 'commentRecord', 'fairCompetitionReview'];

  // 1. registered, materials incomplete; open for public comment (30 days, 优化营商环境条例 Art. 62)
  const d1 = await draft('normativeDocument', '北京市西城区美容美发行业经营管理办法', '北京市西城区商务局', day(-3), 'registered', textIssues(year), { commentFrom: day(-3), commentUntil: due('normativeDocument.publicCommentMarket', day(-3)).due });
  await materials(d1, ['draftingExplanation', 'legalBasis'], day(-3));
  await db.insertInto('legalityInvitations').values([{ draftId: d1, contactPointId: cpIds[1]!, invitedAt: nowIso }, { draftId: d1, contactPointId: cpIds[4]!, invitedAt: nowIso }]).execute();
  await db.insertInto('legalityComments').values({ id: randomUUID(), draftId: d1, anchor: '第二条', content: '建议删除许可证要求，改为告知承诺。', commenterName: null, organization: '西城区示例餐饮行业协会', source: 'contactPoint', contactPointId: cpIds[4]!, submittedAt: nowIso, decision: null, decisionReason: null, decidedBy: null, decidedAt: null }).execute();

  // 2. under review, complete, clock running (N3, 15 WD at the upper end)
  const acc2 = day(-4);
  const d2 = await draft('industryPolicy', '北京市西城区支持老字号企业传承创新的若干措施', '北京市西城区商务局', day(-6), 'underReview', textOk(year), { acceptedOn: acc2, reviewDue: due('normativeDocument.legalityReview', acc2).due });
  await materials(d2, ALL, day(-6));
  await deadline(d2, 'normativeDocument.legalityReview', acc2, '规范性文件合法性审核：北京市西城区支持老字号企业传承创新的若干措施', 'open');

  // 3. major decision under review (M3, at least 7 WD from the submission)
  const sub3 = day(-2);
  const d3 = await draft('majorDecision', '西城区老旧小区综合整治三年行动方案', '北京市西城区住房和城乡建设委员会', sub3, 'underReview', TEXT_DECISION, { acceptedOn: sub3, reviewDue: due('majorDecision.legalityReview', sub3).due, touchesMarket: 0 });
  await materials(d3, ['draftingExplanation', 'legalBasis', 'commentRecord'], sub3);
  await deadline(d3, 'majorDecision.legalityReview', sub3, '重大行政决策合法性审查：西城区老旧小区综合整治三年行动方案', 'open');

  // 4. published normative document: filing deadline open (Beijing, 30 days)
  const pub4 = day(-10);
  const until4 = formatDate(parseDate(pub4) + 365 * 2);
  const d4 = await draft('normativeDocument', '北京市西城区促进数字经济发展的若干措施', '北京市西城区科学技术和信息化局', day(-60), 'published', textDigital(zhDate(pub4), zhDate(until4)), {
    acceptedOn: day(-58), opinionNo: `西司审〔${year}〕${next(`opinion:${year}`)}号`, opinionConclusion: 'approveWithChanges', opinionText: '建议删除第六条关于指定服务机构的内容。', opinionIssuedOn: day(-45),
    collectiveMeeting: '区政府常务会议', collectiveOn: day(-30), collectiveResult: 'approvedWithChanges', docNo: `西规〔${year}〕${next(`published:normativeDocument:${year}`)}号`, publishedOn: pub4, validFrom: pub4, validUntil: until4,
  });
  await materials(d4, ALL, day(-60));
  await deadline(d4, 'normativeDocument.legalityReview', day(-58), '规范性文件合法性审核：北京市西城区促进数字经济发展的若干措施', 'met');
  await deadline(d4, 'normativeDocument.filingBeijing', pub4, '报送备案：北京市西城区促进数字经济发展的若干措施', 'open');
  await deadline(d4, 'normativeDocument.validityEvaluation', until4, '有效期届满前评估：北京市西城区促进数字经济发展的若干措施', 'open');

  // 5. filed, validity ending within months: the evaluation-before-expiry reminder is due
  const until5 = day(150);
  const d5 = await draft('normativeDocument', '北京市西城区餐饮服务业纾困扶持办法', '北京市西城区商务局', '2024-03-01', 'filed', textCatering(zhDate(until5)), {
    acceptedOn: '2024-03-04', opinionNo: '西司审〔2024〕8号', opinionConclusion: 'approve', opinionText: '经审查，未发现合法性问题。', opinionIssuedOn: '2024-03-18',
    collectiveMeeting: '区政府常务会议', collectiveOn: '2024-03-28', collectiveResult: 'approved', docNo: '西规〔2024〕3号', publishedOn: '2024-04-02', validFrom: '2024-04-02', validUntil: until5, filedOn: '2024-04-20', filingNo: '京备〔2024〕36号',
  });
  await materials(d5, ALL, '2024-03-01');
  await deadline(d5, 'normativeDocument.validityEvaluation', until5, '有效期届满前评估：北京市西城区餐饮服务业纾困扶持办法', 'open');

  // register numbers in the order of receipt (the drafts above are written in the order of the story, not of their
  // submission): renumber each year's drafts by submission day
  const drafts = (await db.selectFrom('legalityDrafts').select(['id', 'year', 'submittedOn']).execute()).sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.id.localeCompare(b.id));
  const renumbered = new Map<number, number>();
  // register numbers are unique: clear them first, then number
  for (const d of drafts) await db.updateTable('legalityDrafts').set({ regNo: `renumbering ${d.id}` }).where('id', '=', d.id).execute();
  for (const d of drafts) {
    const seq = (renumbered.get(d.year) ?? 0) + 1;
    renumbered.set(d.year, seq);
    await db.updateTable('legalityDrafts').set({ seq, regNo: `西合审〔${d.year}〕${seq}号` }).where('id', '=', d.id).execute();
  }

  // the historical numbers of the 2024 document (西司审〔2024〕8号, 西规〔2024〕3号) continue their years' sequences
  counters.set('opinion:2024', Math.max(counters.get('opinion:2024') ?? 0, 8));
  counters.set('published:normativeDocument:2024', Math.max(counters.get('published:normativeDocument:2024') ?? 0, 3));
  for (const [key, value] of counters) await db.insertInto('legalityCounters').values({ key, value }).execute();

  // ── legal advisers and consultations ───────────────────────────────────────────────────────
  const advisers = [
    ['顾问甲', '北京示例律师事务所', '行政法、政府采购'],
    ['顾问乙', '北京示例明德律师事务所', '合同、公司治理'],
    ['顾问丙', '示例大学法学院', '行政法学'],
  ];
  const advIds: string[] = [];
  for (const [name, firm, specialty] of advisers) {
    const id = randomUUID();
    advIds.push(id);
    await db.insertInto('legalityAdvisers').values({ id, departmentId: dept.id, name: name!, firm: firm!, specialty: specialty!, active: 1, createdAt: nowIso }).execute();
  }
  const consults = [
    ['contract', '某片区城市更新项目合作协议', '北京市西城区住房和城乡建设委员会', day(-20), advIds[1], '建议补充违约责任和争议解决条款。', 150],
    ['majorMatter', '西城区老旧小区综合整治三年行动方案', '北京市西城区住房和城乡建设委员会', day(-2), advIds[0], null, null],
    ['document', '北京市西城区促进数字经济发展的若干措施', '北京市西城区科学技术和信息化局', day(-50), advIds[2], '第六条指定服务机构有排除竞争之虞，建议删除。', 240],
    ['contract', '区属公园特许经营合同', '北京市西城区园林绿化局', day(-1), null, null, null],
  ] as const;
  let cn = 0;
  for (const [subject, title, unit, on, adviserId, opinion, minutes] of consults) {
    await db
      .insertInto('legalityConsultations')
      .values({ id: randomUUID(), no: `西法顾〔${year}〕${++cn}号`, departmentId: dept.id, subject, title, requestingUnit: unit, requestedOn: on, dueOn: null, draftId: subject === 'majorMatter' ? d3 : null, adviserId: adviserId ?? null, assignedOn: adviserId ? on : null, opinion, answeredOn: opinion ? day(-15) : null, minutes, status: opinion ? 'answered' : adviserId ? 'assigned' : 'requested', createdBy: reviewer.id, createdAt: nowIso, updatedAt: nowIso })
      .execute();
  }
  await db.insertInto('legalityCounters').values({ key: `consultation:${year}`, value: cn }).execute();
}
