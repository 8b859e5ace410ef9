/**
 * Generated (fictional) 行政复议 cases of six kinds of matter, for the search quality test and the benchmark.
 * Each kind draws its act, request, facts and reasoning from its own phrase pools; the respondents, the dates and
 * much of the procedural vocabulary are shared across kinds, so that ranking has to rely on the matter itself.
 * Labels = the kind; nothing about a case's label reaches the index.
 */
import { randomUUID } from 'node:crypto';
import { type Rng, createRng } from '../../../common/validators';
import type { Db } from '../../db';
import type { CaseRow } from './reconsideration.repo';

export type Cluster = 'disclosure' | 'penalty' | 'failureToAct' | 'workInjury' | 'demolition' | 'licensing';
export const CLUSTERS: Cluster[] = ['disclosure', 'penalty', 'failureToAct', 'workInjury', 'demolition', 'licensing'];

const RESPONDENTS = [
  '北京市西城区人民政府',
  '北京市西城区市场监督管理局',
  '北京市西城区城市管理委员会',
  '北京市西城区住房和城市建设委员会',
  '北京市西城区人力资源和社会保障局',
  '北京市西城区卫生健康委员会',
  '北京市西城区生态环境局',
  '北京市西城区西长安街街道办事处',
  '北京市西城区金融街街道办事处',
  '北京市西城区城市管理综合行政执法局',
];

interface Pools {
  acts: string[];
  requests: string[];
  facts: string[];
  reasoning: string[];
  decision: string[];
}

const POOLS: Record<Cluster, Pools> = {
  disclosure: {
    acts: ['政府信息公开申请答复告知书', '关于政府信息公开申请的答复', '政府信息不予公开告知书', '政府信息公开申请补正通知', '信息公开申请延期答复告知书'],
    requests: ['撤销被申请人作出的政府信息公开答复，责令其重新答复', '确认被申请人逾期答复政府信息公开申请的行为违法', '责令被申请人公开申请人所申请的政府信息', '撤销不予公开告知书并责令公开相关信息'],
    facts: [
      '申请人通过邮寄方式向被申请人提出政府信息公开申请，要求公开本街区房屋征收补偿方案及相关会议纪要。',
      '申请人要求公开某项目的立项批复、规划许可文件和环境影响评价报告。',
      '被申请人以申请公开的信息属于内部事务信息为由不予公开。',
      '被申请人答复称经检索未找到申请人所申请的政府信息，申请人认为其未尽检索义务。',
      '被申请人超过二十个工作日才作出答复，且未告知延长答复期限。',
      '申请人要求公开辖区老旧小区综合整治项目的资金使用情况和招投标文件。',
      '被申请人认为申请公开的内容属于过程性信息，依法可以不予公开。',
    ],
    reasoning: ['答复期限应自收到申请之日起二十个工作日内', '被申请人已尽合理检索义务', '所申请信息属于过程性信息', '告知书未说明不予公开的理由和依据'],
    decision: ['被申请人的信息公开答复认定事实清楚，程序合法。', '被申请人逾期答复，程序违法，但答复内容并无不当。', '被申请人未履行检索义务，答复依据不足，应当重新答复。'],
  },
  penalty: {
    acts: ['行政处罚决定书', '当场行政处罚决定书', '没收违法所得及罚款的处罚决定', '责令停产停业的处罚决定', '警告并处罚款的行政处罚决定'],
    requests: ['撤销被申请人作出的行政处罚决定', '变更行政处罚决定，减少罚款数额', '撤销罚款决定并退还已缴纳的罚款', '确认行政处罚决定违法'],
    facts: [
      '被申请人执法人员现场检查时发现申请人经营的餐饮店未取得食品经营许可即从事经营活动。',
      '被申请人认定申请人销售的商品标签不符合食品安全标准，处以罚款并没收违法所得。',
      '申请人认为被申请人作出处罚前未告知其陈述申辩和要求听证的权利。',
      '被申请人认定申请人发布虚假广告，罚款数额明显过重，未考虑其主动改正的情节。',
      '执法人员制作的现场检查笔录没有当事人签字，询问笔录与证据不能相互印证。',
      '申请人主张其为初次违法且危害后果轻微并及时改正，依法应当不予行政处罚。',
      '被申请人适用的裁量基准与违法行为的情节不相适应。',
    ],
    reasoning: ['处罚前已告知陈述申辩和听证权利', '违法事实有现场检查笔录和询问笔录证实', '处罚幅度与违法情节相当', '未履行处罚告知程序'],
    decision: ['被申请人作出的行政处罚认定事实清楚，证据确凿，适用依据正确。', '被申请人处罚前未履行告知程序，违反法定程序。', '罚款数额明显不当，予以变更。'],
  },
  failureToAct: {
    acts: ['未对投诉举报作出处理的行为', '不履行查处违法行为法定职责', '对举报事项未予答复的行为', '未依申请履行监管职责'],
    requests: ['责令被申请人履行查处职责并书面告知处理结果', '确认被申请人不履行法定职责的行为违法', '责令被申请人对举报事项依法调查处理'],
    facts: [
      '申请人向被申请人投诉举报小区内商户占道经营和噪声扰民，被申请人至今未作处理。',
      '申请人举报某公司拖欠劳动报酬，被申请人受理后未在规定期限内作出处理决定。',
      '申请人多次拨打热线反映楼下餐馆油烟污染，被申请人未告知调查处理结果。',
      '被申请人称已对举报事项进行了现场核查并电话告知申请人，但未提供告知记录。',
      '申请人认为被申请人对辖区违规停车收费行为负有监管职责但不作为。',
      '被申请人主张举报事项不属于其法定职责范围，已告知申请人向有权机关反映。',
    ],
    reasoning: ['被申请人负有法定的调查处理职责', '受理前已经履行法定职责', '举报事项不属于被申请人职责范围', '未在规定期限内告知处理结果'],
    decision: ['被申请人不履行法定职责，责令其在一定期限内履行。', '被申请人在受理前已经履行了法定职责，驳回申请人的复议请求。'],
  },
  workInjury: {
    acts: ['认定工伤决定书', '不予认定工伤决定书', '工伤认定申请不予受理通知书', '视同工伤认定决定'],
    requests: ['撤销不予认定工伤决定，责令重新作出工伤认定', '撤销认定工伤决定', '责令被申请人受理工伤认定申请'],
    facts: [
      '申请人在下班途中发生非本人主要责任的交通事故受伤，向被申请人申请工伤认定。',
      '用人单位认为职工在工作时间外于单位宿舍摔伤，不属于工作原因，不应认定为工伤。',
      '职工在工作岗位突发疾病，经抢救四十八小时后死亡，家属申请视同工伤。',
      '被申请人以申请超过一年的工伤认定申请时限为由不予受理。',
      '申请人与用人单位之间是否存在劳动关系存在争议，尚未经劳动仲裁确认。',
      '用人单位提交的考勤记录与申请人提供的证人证言相矛盾。',
    ],
    reasoning: ['受伤时处于上下班途中', '工作时间和工作场所内因工作原因受到事故伤害', '劳动关系尚待确认', '超过工伤认定申请时限'],
    decision: ['被申请人作出的工伤认定事实清楚，适用依据正确。', '被申请人对是否属于工作原因认定事实不清，证据不足。'],
  },
  demolition: {
    acts: ['限期拆除决定书', '强制拆除违法建设的行为', '责令限期拆除违法建设通知书', '违法建设强制拆除公告'],
    requests: ['撤销限期拆除决定', '确认强制拆除行为违法', '确认被申请人强制拆除房屋的行为违法并赔偿损失'],
    facts: [
      '被申请人认定申请人在屋顶平台搭建的彩钢板房屋未取得建设工程规划许可证，属于违法建设。',
      '被申请人在限期拆除期限届满后组织人员对申请人的院内加建房屋实施强制拆除。',
      '申请人认为涉案房屋建于上世纪八十年代，不属于违法建设。',
      '被申请人强制拆除前未催告申请人自行拆除，也未听取其陈述申辩。',
      '强制拆除时未对屋内物品进行登记造册和清点保管，造成申请人财产损失。',
      '被申请人未作出书面的强制拆除决定即实施拆除。',
    ],
    reasoning: ['未取得建设工程规划许可证', '强制拆除前未履行催告程序', '属于违法建设', '未对屋内物品清点登记'],
    decision: ['被申请人强制拆除程序违法，但已无可撤销内容，确认违法。', '被申请人作出的限期拆除决定认定事实清楚，程序合法。'],
  },
  licensing: {
    acts: ['不予行政许可决定书', '撤销行政许可决定', '准予行政许可决定书', '行政许可申请不予受理决定'],
    requests: ['撤销不予行政许可决定，责令被申请人重新作出许可决定', '撤销被申请人撤销行政许可的决定', '撤销准予行政许可决定'],
    facts: [
      '申请人向被申请人申请开办养老服务机构备案及设置许可，被申请人以消防验收材料不全为由不予许可。',
      '被申请人以申请人提交虚假材料取得许可为由撤销其营业执照。',
      '申请人作为利害关系人认为被申请人准予他人的户外广告设置许可侵犯其相邻权。',
      '被申请人未在法定期限内作出许可决定，也未告知延期理由。',
      '被申请人作出不予许可决定前未组织听证，申请人认为该许可事项直接关系其重大利益。',
      '申请人申请道路挖掘占用许可，被申请人认为施工方案不符合交通安全要求。',
    ],
    reasoning: ['申请材料不齐全且未一次告知补正', '以欺骗手段取得许可依法应予撤销', '许可事项关系他人重大利益应当告知听证权利', '未在法定期限内作出许可决定'],
    decision: ['被申请人不予许可的理由成立，维持。', '被申请人未告知听证权利，程序违法，予以撤销。'],
  },
};

export interface GeneratedCase {
  cluster: Cluster;
  respondentName: string;
  actName: string;
  request: string;
  reasons: string;
  /** decision reasoning (null while undecided) */
  summary: string | null;
}

function sample<T>(rng: Rng, arr: readonly T[], k: number): T[] {
  const pool = [...arr];
  const out: T[] = [];
  while (out.length < k && pool.length) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

export function generateCase(rng: Rng, cluster: Cluster): GeneratedCase {
  const p = POOLS[cluster];
  const decided = rng.next() < 0.6;
  return {
    cluster,
    respondentName: rng.pick(RESPONDENTS),
    actName: rng.pick(p.acts),
    request: rng.pick(p.requests),
    reasons: sample(rng, p.facts, rng.int(2, 4)).join(''),
    summary: decided ? `${rng.pick(p.reasoning)}。${rng.pick(p.decision)}` : null,
  };
}

export function generateCases(n: number, seed = 20260101): GeneratedCase[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => generateCase(rng, CLUSTERS[i % CLUSTERS.length]!));
}

/**
 * Inserts generated cases straight into the register (registered, or decided with a `decide` event carrying the
 * reasoning), in batches, for one department and handler. Returns the ids in the order given.
 */
export async function insertGeneratedCases(db: Db, cases: GeneratedCase[], at: { departmentId: string; handlerId: string; year: number; firstSeq: number; nowIso: string }): Promise<string[]> {
  const ids: string[] = [];
  const rows: CaseRow[] = [];
  const events: { id: string; caseId: string; version: number; departmentId: string; at: string; onDate: string | null; action: string; fromStatus: string | null; toStatus: string; actorId: string | null; actorName: string | null; details: string }[] = [];
  cases.forEach((g, i) => {
    const id = randomUUID();
    ids.push(id);
    const seq = at.firstSeq + i;
    const day = `${at.year}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.push({
      id, caseNo: `测复〔${at.year}〕${seq}号`, year: at.year, seq, departmentId: at.departmentId, handlerId: at.handlerId,
      status: g.summary ? 'decided' : 'registered', resumeTo: null, procedure: g.summary ? 'ordinary' : null, channel: 'onsite', receivedOn: day,
      postmarkOn: null, oralRecord: null, oralConfirmed: null, applicantKind: 'organization', applicantPersonId: null, applicantName: '测试申请单位',
      applicantCreditCode: null, applicantKey: `o:gen-${seq}`, respondentName: g.respondentName, respondentKey: g.respondentName, actName: g.actName,
      actDocNo: null, actDocKey: null, actMadeOn: null, actKnownOn: day, actRealEstate: 0, actRightsKnownOn: null, request: g.request, reasons: g.reasons,
      lateExplanation: null, attachments: '[]', applicationDue: day, late: 0, acceptedOn: g.summary ? day : null, rejectedOn: null, correctionItems: null,
      copySentOn: null, respondentReceivedOn: null, replyReceivedOn: null, suspendedOn: null, suspensionGround: null, extensionDays: null,
      decisionType: g.summary ? 'uphold' : null, decidedOn: g.summary ? day : null, terminatedOn: null, terminationGround: null,
      createdBy: at.handlerId, createdAt: at.nowIso, updatedAt: at.nowIso, version: g.summary ? 2 : 1,
    });
    if (g.summary) events.push({ id: randomUUID(), caseId: id, version: 2, departmentId: at.departmentId, at: at.nowIso, onDate: day, action: 'decide', fromStatus: 'underReview', toStatus: 'decided', actorId: at.handlerId, actorName: null, details: JSON.stringify({ type: 'uphold', summary: g.summary }) });
  });
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('reconsiderationCases').values(rows.slice(i, i + 200)).execute();
  for (let i = 0; i < events.length; i += 500) await db.insertInto('reconsiderationEvents').values(events.slice(i, i + 500)).execute();
  return ids;
}
