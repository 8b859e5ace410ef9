/**
 * 公共法律服务 demo data, second part (generated, fictional firms and people): enterprise service requests from
 * financial, small and innovative firms (valid generated 统一社会信用代码), 法治体检 with findings in every state,
 * targeted campaigns, details of the institution register with last year's assessments, integrity grades, honours,
 * complaints and the notary offices' monthly volumes, administrative approvals (open ones on the deadline register
 * through the engine's configurable rule) and the 12348 knowledge base. Rows are written inside the setup transaction.
 */
import { randomUUID } from 'node:crypto';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import { APPROVAL_KINDS, type ApprovalKind, CAMPAIGN_GROUPS, type CampaignGroup, ENTERPRISE_TOPICS, type EnterpriseTopic, type FirmType, type Industry } from '../../../common/contracts/legal-services-enterprise';
import { computeDeadline, configuredRuleId, getRule } from '../../../common/deadlines';
import { createRng, generateCreditCode } from '../../../common/validators';
import { type IntegrityGrade, gradeCeiling, gradeFacts, worseGrade } from '../../modules/legal-services';
import type { Db } from '../types';
import { workdayOnOrBefore } from './office-days';

const FIRM_STEMS = ['鼎元', '汇通', '华信', '金泰', '瑞丰', '中科', '星河', '博远', '启明', '德润', '恒达', '云图', '智联', '易达', '西岳', '长安', '广源', '宏图', '新锐', '知行'];
const FIRM_SUFFIX: Record<FirmType, string[]> = { financial: ['资产管理有限公司', '融资租赁有限公司', '基金管理有限公司', '保险经纪有限公司'], sme: ['商贸有限公司', '餐饮管理有限公司', '物业服务有限公司', '文化传播有限公司'], tech: ['信息技术有限公司', '科技有限公司', '数据科技有限公司', '软件有限公司'], other: ['咨询服务有限公司', '建筑工程有限公司'] };
const INDUSTRY_OF: Record<FirmType, Industry[]> = { financial: ['finance'], sme: ['trade', 'business', 'culture', 'other'], tech: ['techService', 'techService', 'culture'], other: ['business', 'other'] };
const STREETS = ['金融街', '金融街', '西长安街', '月坛', '展览路', '德胜', '新街口', '广安门外', '什刹海', '天桥'];
const FINDINGS: [string, 'high' | 'medium' | 'low', string, string][] = [
  ['labour', 'high', '劳动合同未约定工作时间和休息休假，存在加班费争议风险', '按《中华人民共和国劳动合同法》第十七条补充约定，建立考勤和加班审批制度'],
  ['contract', 'medium', '合同模板缺少违约责任和争议解决条款', '修订合同模板，明确违约责任、管辖或仲裁条款'],
  ['data', 'high', '收集客户个人信息未取得单独同意，未公开个人信息处理规则', '依照《中华人民共和国个人信息保护法》制定处理规则并补正同意流程'],
  ['governance', 'low', '股东会决议记录不完整', '完善会议记录和决议签署程序'],
  ['finance', 'medium', '对外宣传材料含有承诺保本收益的表述', '删除违规表述，建立宣传材料合规审查机制'],
  ['ip', 'low', '核心商标未在相关类别注册', '在主要经营类别申请商标注册'],
];
const KB: [string, string, string, string | null][] = [
  ['用人单位拖欠工资怎么办？', '可以与用人单位协商，也可以向劳动保障监察机构投诉，或向劳动人事争议仲裁委员会申请仲裁；请求支付劳动报酬的进城务工人员申请法律援助免予核查经济困难状况。', '劳动争议', '《中华人民共和国法律援助法》第四十二条第三项'],
  ['外卖骑手送餐途中受伤，可以申请工伤认定吗？', '需先确认与平台或配送企业之间是否存在劳动关系；存在劳动关系的，可以申请工伤认定；不存在的，可以依据合同或侵权主张赔偿，并可申请法律援助。', '劳动争议', null],
  ['子女不支付赡养费，老人怎么办？', '可以请求人民调解委员会调解，也可以向人民法院起诉要求给付赡养费；请求给付赡养费属于可以申请法律援助的事项。', '婚姻家庭', '《中华人民共和国法律援助法》第三十一条第四项'],
  ['物业公司以停水停电方式催缴物业费是否合法？', '物业服务人不得采取停止供电、供水、供热、供燃气等方式催交物业费。', '房产物业', '《中华人民共和国民法典》第九百四十四条第三款'],
  ['对行政处罚决定不服，多长时间内可以申请行政复议？', '应当自知道或者应当知道该行政行为之日起六十日内提出行政复议申请，法律规定的申请期限超过六十日的除外。', '行政事务', '《中华人民共和国行政复议法》第二十条第一款'],
  ['申请法律援助需要提交哪些材料？', '一般包括身份证件、经济困难状况说明或个人诚信承诺、与所申请事项有关的材料；材料不齐全的，法律援助机构会一次性告知需要补充的材料。', '其他', '《中华人民共和国法律援助法》第四十一条、第四十三条第二款'],
  ['办理遗嘱公证需要本人到场吗？', '遗嘱公证应当由遗嘱人本人亲自到公证机构办理；确有困难的，可以申请公证人员上门办理。', '婚姻家庭', null],
  ['邻里因漏水发生纠纷，可以找谁调解？', '可以向所在社区或街道的人民调解委员会申请调解，调解不收费；达成的调解协议可以共同申请司法确认。', '房产物业', '《中华人民共和国人民调解法》第四条、第三十三条'],
  ['企业被拖欠货款，诉讼时效是多久？', '向人民法院请求保护民事权利的诉讼时效期间为三年，自权利人知道或者应当知道权利受到损害以及义务人之日起计算。', '合同纠纷', '《中华人民共和国民法典》第一百八十八条'],
  ['小微企业如何申请免费的法治体检？', '可以通过 12348 热线、区公共法律服务中心或金融街公共法律服务工作站提出申请，律师服务团将上门开展体检并出具报告。', '公司企业', null],
];

// what a handler writes when the municipal bureau's decision comes back (律师法 Arts. 6, 18, 21: 北京市司法局 decides)
const DECISION_NOTES = {
  approved: '经初审材料齐全、符合法定条件，报北京市司法局审核同意；已通知申请人领取许可文书（演示）',
  rejected: '经审核，申请人不符合《律师法》规定的执业条件，北京市司法局作出不予准予决定并书面说明理由，已告知申请人申请行政复议或提起行政诉讼的权利（演示）',
  withdrawn: '申请人书面申请撤回，已退还申请材料（演示）',
} as const;

export async function seedLegalServicesEnterpriseDemo(opts: { db: Db; calendar: WorkCalendar; today: string; nowIso: string; departmentId: string; staffId: string; headId: string }) {
  const { db, nowIso, departmentId, staffId, headId } = opts;
  const rng = createRng(20260606);
  const todayDn = parseDate(opts.today);
  const day = (back: number) => formatDate(todayDn - Math.max(0, back));
  // an office's acts (an approval received or decided) fall on working days: the day itself or the one before it
  const officeDay = (dn: number) => workdayOnOrBefore(opts.calendar, dn);
  const year = Number(opts.today.slice(0, 4));
  const lawyers = await db.selectFrom('legalAidLawyers').select(['id']).where('active', '=', 1).execute();
  const seq = new Map<string, number>();
  const next = (kind: string, y: number) => {
    const k = `${kind}:${y}`;
    const n = (seq.get(k) ?? 0) + 1;
    seq.set(k, n);
    return n;
  };

  // ---- campaigns ----
  const campaignIds: string[] = [];
  const campaignPlan: [CampaignGroup, string, string][] = [
    ['migrantWorker', '“农民工讨薪”法律服务专项行动', '天桥'], ['elderly', '老年人防范养老诈骗法律宣讲', '月坛'], ['womenChildren', '妇女儿童权益保护法律服务周', '新街口'], ['deliveryRider', '外卖骑手劳动权益法律服务进站点', '西长安街'],
    ['graduate', '高校毕业生就业法律风险提示', '德胜'], ['financialDistrict', '金融街企业合规法律服务月', '金融街'], ['financialDistrict', '金融街中小金融机构数据合规沙龙', '金融街'], ['migrantWorker', '建筑工地农民工法律援助咨询日', '广安门外'],
  ];
  for (const [i, [group, title, street]] of campaignPlan.entries()) {
    const id = randomUUID();
    campaignIds.push(id);
    const started = day(rng.int(10, 300));
    const ended = formatDate(parseDate(started) + rng.int(0, 20));
    await db.insertInto('legalServiceCampaigns').values({ id, campaignNo: `西普法专项〔${started.slice(0, 4)}〕${next('campaign', Number(started.slice(0, 4)))}号`, departmentId, handlerId: i % 2 ? headId : staffId, title, targetGroup: group, startedOn: started, endedOn: ended > opts.today ? null : ended, street, venue: `${street}街道公共法律服务工作站（演示）`, partners: group === 'financialDistrict' ? '金融街律师服务团（演示）' : null, activities: rng.int(1, 12), participants: rng.int(40, 900), consultations: rng.int(10, 200), materials: rng.int(50, 2000), summary: `${CAMPAIGN_GROUPS[group]}专项法律服务：现场咨询、法治宣讲、发放资料（演示数据）。`, createdAt: nowIso }).execute();
  }

  // ---- enterprise requests and check-ups ----
  const types: [FirmType, number][] = [['financial', 30], ['sme', 35], ['tech', 25], ['other', 10]];
  const pickType = () => {
    let x = rng.next() * 100;
    for (const [t, n] of types) if ((x -= n) < 0) return t;
    return 'sme' as FirmType;
  };
  const topics = Object.keys(ENTERPRISE_TOPICS) as EnterpriseTopic[];
  for (let i = 0; i < 70; i++) {
    const firmType = pickType();
    const industry = rng.pick(INDUSTRY_OF[firmType]);
    const back = i < 6 ? i : rng.int(7, 320);
    const receivedOn = day(back);
    const y = Number(receivedOn.slice(0, 4));
    const topic = i % 5 === 0 ? 'checkup' : rng.pick(topics);
    const status = back < 3 ? 'received' : back < 15 ? rng.pick(['assigned', 'responded'] as const) : 'closed';
    const assigned = status !== 'received';
    const id = randomUUID();
    const firmName = `北京${rng.pick(FIRM_STEMS)}${rng.pick(FIRM_SUFFIX[firmType])}（演示）`;
    const creditCode = generateCreditCode(rng, { regionCode: '110102' });
    const street = firmType === 'financial' ? '金融街' : rng.pick(STREETS);
    await db
      .insertInto('legalServiceEnterpriseRequests')
      .values({
        id, requestNo: `西企服〔${y}〕${next('enterpriseRequest', y)}号`, departmentId, handlerId: staffId, firmName, creditCode, firmType, industry, street, contactName: null, topic, description: `${ENTERPRISE_TOPICS[topic]}需求（演示数据）`, receivedOn, status,
        lawyerId: assigned && rng.next() < 0.6 && lawyers.length ? rng.pick(lawyers).id : null, teamName: assigned ? (firmType === 'financial' ? '金融街律师服务团' : '中小企业法律服务团') : null, assignedOn: assigned ? day(back - 1) : null,
        response: status === 'responded' || status === 'closed' ? '已出具法律意见书并当面解答（演示）' : null, respondedOn: status === 'responded' || status === 'closed' ? day(back - 3) : null, closedOn: status === 'closed' ? day(back - 5) : null,
        satisfaction: status === 'closed' ? (rng.next() < 0.92 ? 'satisfied' : rng.next() < 0.7 ? 'basic' : 'unsatisfied') : null, closureNote: null, campaignId: firmType === 'financial' && rng.next() < 0.3 ? campaignIds[5]! : null, createdAt: nowIso, updatedAt: nowIso, version: 1,
      })
      .execute();
    if (topic === 'checkup' && status !== 'received') {
      const cid = randomUUID();
      const conductedOn = day(back - 2);
      const closed = status === 'closed';
      await db.insertInto('legalServiceCheckups').values({ id: cid, checkupNo: `西法检〔${conductedOn.slice(0, 4)}〕${next('checkup', Number(conductedOn.slice(0, 4)))}号`, departmentId, handlerId: staffId, requestId: id, firmName, creditCode, firmType, industry, street, conductedOn, team: firmType === 'financial' ? '金融街律师服务团' : '中小企业法律服务团', scope: '公司治理、合同管理、劳动用工、数据合规', status: closed ? 'closed' : 'open', closedOn: closed ? day(back - 5) : null, summary: closed ? '体检发现问题已全部整改销号（演示）' : null, createdAt: nowIso, updatedAt: nowIso, version: 1 }).execute();
      const n = rng.int(1, 4);
      for (let k = 0; k < n; k++) {
        const [area, risk, desc, rec] = FINDINGS[(i + k) % FINDINGS.length]!;
        const done = closed || rng.next() < 0.4;
        await db.insertInto('legalServiceCheckupFindings').values({ id: randomUUID(), checkupId: cid, seq: k + 1, area, riskLevel: risk, description: desc, recommendation: rec, rectifyBy: formatDate(parseDate(conductedOn) + 30), status: done ? 'rectified' : 'open', rectifiedOn: done ? day(back - 4) : null, followUps: JSON.stringify(done ? [{ on: day(back - 4), note: '企业已按建议整改（演示）', by: null, rectified: true }] : []), createdAt: nowIso }).execute();
      }
    }
  }

  // ---- institution register: the lawyer register's firms are law firms of the register too ----
  const known = new Set((await db.selectFrom('legalServiceInstitutions').select('name').execute()).map((r) => r.name));
  const lastLs = (await db.selectFrom('legalServiceInstitutions').select('code').where('code', 'like', 'LS%').orderBy('code', 'desc').executeTakeFirst())?.code ?? 'LS000';
  let lsNo = Number(lastLs.slice(2));
  for (const f of (await db.selectFrom('legalAidLawyers').select('firmName').distinct().orderBy('firmName').execute()).map((r) => r.firmName)) {
    if (known.has(f)) continue;
    lsNo++;
    await db.insertInto('legalServiceInstitutions').values({ id: randomUUID(), code: `LS${String(lsNo).padStart(3, '0')}`, name: f, kind: 'lawFirm', street: f.includes('金融街') ? '金融街' : f.includes('什刹海') ? '什刹海' : '西长安街', integrityGrade: 'A', lastInspectedOn: null, active: 1, createdAt: nowIso, updatedAt: nowIso }).execute();
  }

  // ---- institution register: details, last year's assessment and grade, honours, complaints, volumes ----
  const inst = await db.selectFrom('legalServiceInstitutions').select(['id', 'kind', 'name', 'integrityGrade']).orderBy('code').execute();
  const results = ['excellent', 'pass', 'pass', 'pass', 'basicPass', 'fail'];
  for (const [i, r] of inst.entries()) {
    await db.updateTable('legalServiceInstitutions').set({ creditCode: generateCreditCode(rng, { regionCode: '110102', prefix: r.kind === 'lawFirm' ? '31' : '12' }), address: `北京市西城区示例路 ${i + 10} 号（演示地址）`, headName: `${rng.pick(['王', '李', '张', '刘', '陈'])}${rng.pick(['明', '华', '静', '强', '丽'])}`, licenceNo: `${r.kind === 'lawFirm' ? '3111' : r.kind === 'notaryOffice' ? '1101' : '1102'}${String(100000 + i * 37)}`, staffCount: rng.int(3, 120), practiceAreas: r.kind === 'lawFirm' ? rng.pick(['金融证券、公司并购', '劳动争议、婚姻家庭', '知识产权、数据合规', '刑事辩护、行政诉讼']) : null }).where('id', '=', r.id).execute();
    await db.insertInto('legalServiceAssessments').values({ id: randomUUID(), institutionId: r.id, year: year - 1, result: rng.pick(results), note: '', assessedOn: `${year}-03-31` <= opts.today ? `${year}-03-31` : opts.today, assessedBy: headId }).execute();
    if (r.kind === 'appraisalInstitution') await db.insertInto('legalServiceIntegrityGrades').values({ id: randomUUID(), institutionId: r.id, year: year - 1, grade: r.integrityGrade, basis: '年度考核、投诉查处和双随机抽查结果（演示）', gradedOn: `${year}-03-31` <= opts.today ? `${year}-03-31` : opts.today, gradedBy: headId }).execute();
    if (rng.next() < 0.15) await db.insertInto('legalServiceHonours').values({ id: randomUUID(), institutionId: r.id, title: rng.pick(['优秀律师事务所', '公共法律服务先进集体', '法律援助工作先进单位']), awardedBy: '北京市西城区司法局（演示）', awardedOn: day(rng.int(30, 300)), personName: null, createdAt: nowIso }).execute();
    if (r.kind === 'notaryOffice') {
      for (let m = 0; m < 12; m++) {
        const d = new Date(Date.UTC(year, Number(opts.today.slice(5, 7)) - 1 - m, 1));
        await db.insertInto('legalServiceVolumes').values({ institutionId: r.id, month: d.toISOString().slice(0, 7), count: rng.int(600, 1800), reportedAt: nowIso }).execute();
      }
    }
  }
  const complaintTargets = inst.filter((_, i) => i % 6 === 1).slice(0, 10);
  for (const [i, r] of complaintTargets.entries()) {
    const receivedOn = day(rng.int(5, 200));
    const status = i < 3 ? (i === 0 ? 'received' : 'handling') : 'concluded';
    await db.insertInto('legalServiceComplaints').values({ id: randomUUID(), complaintNo: `西司投〔${receivedOn.slice(0, 4)}〕${next('complaint', Number(receivedOn.slice(0, 4)))}号`, departmentId, handlerId: headId, institutionId: r.id, complainantName: null, channel: rng.pick(['letter', 'phone', 'visit', 'online', 'hotline12345']), receivedOn, content: rng.pick(['反映律师收费不透明', '反映办证时间过长', '反映鉴定意见送达不及时', '反映服务态度差']) + '（演示）', status, handlingNote: status === 'received' ? null : `${receivedOn} 调取材料、约谈机构负责人（演示）`, result: status === 'concluded' ? rng.pick(['substantiated', 'partly', 'unsubstantiated', 'mediated']) : null, resultNote: status === 'concluded' ? '已书面答复投诉人（演示）' : null, concludedOn: status === 'concluded' ? formatDate(Math.min(todayDn, parseDate(receivedOn) + 20)) : null, createdAt: nowIso, updatedAt: nowIso, version: 1 }).execute();
  }

  // ---- integrity grades within what last year's assessment and complaints allow (the bureau's rule, rules.ts gradeCeiling) ----
  for (const r of inst) {
    const { ceiling } = gradeCeiling(await gradeFacts(db, r.id, year - 1));
    const grade = worseGrade(r.integrityGrade as IntegrityGrade, ceiling);
    if (grade === r.integrityGrade) continue;
    await db.updateTable('legalServiceInstitutions').set({ integrityGrade: grade }).where('id', '=', r.id).execute();
    await db.updateTable('legalServiceIntegrityGrades').set({ grade }).where('institutionId', '=', r.id).where('year', '=', year - 1).execute();
  }

  // ---- administrative approvals (the open ones on the deadline register) ----
  const kinds = Object.keys(APPROVAL_KINDS) as ApprovalKind[];
  const lawFirms = inst.filter((r) => r.kind === 'lawFirm');
  for (let i = 0; i < 90; i++) {
    const kind = rng.pick(kinds);
    const back = i < 8 ? i * 2 : rng.int(20, 330);
    const receivedOn = officeDay(todayDn - back);
    const y = Number(receivedOn.slice(0, 4));
    const id = randomUUID();
    const no = `西司审〔${y}〕${next('approval', y)}号`;
    const days = APPROVAL_KINDS[kind].defaultDays;
    const ruleId = configuredRuleId('licensing.approvalDecision', days);
    const res = computeDeadline(opts.calendar, getRule(ruleId), { start: receivedOn, asOf: opts.today, onUnpublished: 'flag', explain: false });
    const decided = back >= 20;
    const decidedOn = decided ? officeDay(Math.min(todayDn, parseDate(receivedOn) + rng.int(3, 25))) : null;
    const firm = kind.startsWith('lawFirm') ? rng.pick(lawFirms) : null;
    const outcome = decided ? rng.pick(['approved', 'approved', 'approved', 'approved', 'rejected', 'withdrawn'] as const) : null;
    await db.insertInto('legalServiceApprovals').values({ id, approvalNo: no, departmentId, handlerId: headId, kind, applicantName: firm ? firm.name : `${rng.pick(['王', '李', '张'])}某（演示）`, applicantCreditCode: null, institutionId: firm?.id ?? null, matter: `${APPROVAL_KINDS[kind].label}（演示）`, receivedOn, periodDays: days, decidedOn, outcome, decisionNote: outcome ? DECISION_NOTES[outcome] : null, status: decided ? 'decided' : 'pending', createdAt: nowIso, updatedAt: nowIso, version: 1 }).execute();
    await db.insertInto('deadlines').values({ id: randomUUID(), module: 'legalService', objectType: 'legalServiceApproval', objectId: id, title: `${no} ${APPROVAL_KINDS[kind].label}`, ruleId, startDate: receivedOn, pauses: '[]', extensions: '[]', dueDate: res.due, status: decided ? 'met' : 'open', flags: JSON.stringify(res.flags), departmentId, assigneeId: headId, computedAt: nowIso, createdAt: nowIso, updatedAt: nowIso } as never).execute();
  }

  // ---- knowledge base ----
  for (const [question, answer, category, citation] of KB) await db.insertInto('legalServiceKb').values({ id: randomUUID(), question, answer, category, citation, uses: rng.int(0, 40), active: 1, createdBy: staffId, createdAt: nowIso, updatedAt: nowIso }).execute();

  for (const [k, n] of seq) {
    const [kind, y] = k.split(':') as [string, string];
    await db.insertInto('legalServiceCounters').values({ kind, year: Number(y), lastSeq: n }).onConflict((oc) => oc.columns(['kind', 'year']).doUpdateSet({ lastSeq: n })).execute();
  }
}
