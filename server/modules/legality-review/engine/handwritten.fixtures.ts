/**
 * Hand-written clauses (written for these tests, not taken from the development set) per rule family, with the
 * expected types; compliant look-alikes expect []. Used by rules.test.ts.
 */
import type { FindingType, ReviewDocKind } from '../../../../common/contracts/legality-review-engine';

export const HANDWRITTEN: { text: string; types: FindingType[]; docKind?: ReviewDocKind }[] = [
  // permit
  { text: '第六条 在本区从事共享单车投放的企业，须经区交通委员会审核同意后方可投放车辆。', types: ['permit'] },
  { text: '第九条 经营洗染业务的，应当取得区商务局核发的《洗染经营许可证》。', types: ['permit'] },
  { text: '第十条 美容美发机构实行年检制度，未参加年检的不得继续营业。', types: ['permit'] },
  { text: '第七条 开办宠物医院的，应当向区农业农村局备案，备案审核通过后方可开业。', types: ['permit'] },
  { text: '第八条 经营者依照《中华人民共和国食品安全法》的规定取得食品经营许可后，方可从事食品经营活动。', types: [] },
  { text: '第五条 养老机构在登记后将有关信息告知区民政局，告知不作为开展服务的前置条件。', types: [] },
  // penalty
  { text: '第十五条 违反本办法第八条规定乱贴小广告的，由区城市管理委员会处每张100元罚款。', types: ['penalty'] },
  { text: '第十六条 对在禁渔期捕捞的，没收渔具和渔获物。', types: ['penalty'] },
  { text: '第十七条 物业服务企业未按规定公示收费项目的，由区住房和城乡建设局予以通报批评。', types: ['penalty'] },
  { text: '第十八条 停车场经营者未按规定备案的，应当向区交通委员会支付违约金五千元。', types: ['penalty'] },
  { text: '第十九条 违反前款规定的，由市场监督管理部门依照《中华人民共和国广告法》第五十八条的规定处十万元以上二十万元以下的罚款。', types: [] },
  // coercion
  { text: '第二十条 对无证经营的流动摊贩，区城市管理委员会可以暂扣其经营工具。', types: ['coercion'] },
  { text: '第二十一条 逾期不缴纳占道费用的，每日按应缴金额的千分之五收取滞纳金。', types: ['coercion'] },
  { text: '第二十二条 当事人逾期不履行的，行政机关应当依照《中华人民共和国行政强制法》的规定申请人民法院强制执行。', types: [] },
  // obligation
  { text: '第十二条 在本街道开展经营活动的商户，应当缴纳市容环境保证金三千元。', types: ['obligation'] },
  { text: '第十三条 对欠缴物业费的业主，由社区暂停为其办理居住证明等事项。', types: ['obligation'] },
  { text: '第十四条 本规定施行前已经办结的补贴事项，按照本规定重新核定，多领的予以追回。', types: ['obligation'] },
  { text: '第十五条 办理备案不收取任何费用。', types: [] },
  { text: '第十六条 鼓励居民自愿参加社区志愿服务。', types: [] },
  // certificate
  { text: '第八条 申请临时救助的，应当提交社区居民委员会出具的家庭困难证明。', types: ['certificate'] },
  { text: '第九条 申请人无需提交婚姻状况证明，由区民政局通过部门数据共享核验。', types: [] },
  // authority
  { text: '第二十三条 《中华人民共和国道路交通安全法》在本区执行中的具体问题，由区交通委员会负责解释。', types: ['authority'] },
  { text: '第二十四条 全区餐饮行业协会的会员费标准由区商务局统一核定。', types: ['authority'] },
  { text: '第二十五条 本办法由区市场监督管理局负责解释。', types: [] },
  // competition
  { text: '第十一条 全区学校食堂的食用油统一由区粮油公司供应。', types: ['competition'] },
  { text: '第十二条 区属国有企业采购办公用品，应当优先选用本区企业生产的产品。', types: ['competition'] },
  { text: '第十三条 外地建材进入本区销售的，须经区住房和城乡建设局检测合格。', types: ['competition'] },
  { text: '第十四条 对符合条件的各类所有制企业平等给予研发补贴，不受企业注册地限制。', types: [] },
  // validity
  { text: '第三十条 本办法自2026年3月1日起施行，有效期十年。', types: ['validity'] },
  { text: '第三十一条 本暂行规定自2026年1月1日起施行，有效期4年。', types: ['validity'] },
  { text: '第三十二条 本办法自公布之日起施行。', types: ['validity'] },
  { text: '第三十三条 本办法自2026年3月1日起施行，有效期至2031年2月28日。', types: [] },
  // procedure
  { text: '《区停车管理收费标准调整决策》草案向社会公开征求意见，期限为10日。', types: ['procedure'], docKind: 'major_decision' },
  { text: '本决策事项专业性强，但未组织专家论证即提交区政府常务会议审议。', types: ['procedure'], docKind: 'major_decision' },
  { text: '决策草案送请区司法局合法性审查，审查时间为3个工作日。', types: ['procedure'], docKind: 'major_decision' },
  { text: '决策草案于2026年3月1日至2026年3月31日向社会公开征求意见，并经区政府常务会议集体讨论决定。', types: [], docKind: 'major_decision' },
];

/** Second batch: further forms of the same concepts (written after the first held-out measurement). */
export const HANDWRITTEN_2: { text: string; types: FindingType[]; docKind?: ReviewDocKind }[] = [
  { text: '第七条 临街商户每年应当缴纳治安联防费二百元。', types: ['obligation'] },
  { text: '第八条 对无理缠访闹访的人员，取消其享受的最低生活保障待遇。', types: ['obligation'] },
  { text: '第九条 餐饮企业应当安装区生态环境局指定品牌的油烟在线监测设备。', types: ['competition', 'obligation'] },
  { text: '第十条 区人民政府可以根据工作需要暂停执行有关法规的个别条款。', types: ['authority'] },
  { text: '第十一条 本办法与上位法规定不一致的，以本办法为准。', types: ['authority'] },
  { text: '第十二条 政府投资项目的监理单位应当从区住房和城乡建设委员会建立的企业名录库中选取。', types: ['competition'] },
  { text: '第十三条 区内加油站只能从区石油公司购进成品油。', types: ['competition'] },
  { text: '第十四条 对出租车驾驶员拒载的，暂停其营运资格三个月。', types: ['penalty'] },
  { text: '第十五条 本规定经区政府分管副区长审定后直接印发实施。', types: ['procedure'] },
  { text: '第十六条 评标专家从区专家库中随机抽取。', types: [] },
  { text: '第十七条 业主应当按照物业服务合同的约定按时缴纳物业费。', types: [] },
];

/** Third batch: compliant look-alikes and term forms. */
export const HANDWRITTEN_3: { text: string; types: FindingType[]; docKind?: ReviewDocKind }[] = [
  { text: '第十八条 各部门不得排斥外地经营者参加本区政府采购活动。', types: [] },
  { text: '第十九条 本办法自2026年1月1日起试行，试行期两年。', types: [] },
  { text: '第二十条 本试行办法自2026年1月1日起施行，试行期三年。', types: ['validity'] },
  { text: '第二十一条 申请人应当按照国家规定的标准缴纳不动产登记费。', types: [] },
  { text: '第二十二条 被列入严重失信名单的家政服务人员，三年内不得从事家政服务。', types: ['obligation', 'penalty'] },
];

/** Fourth batch: remedies, taxes, intermediaries, designated service providers, filing. */
export const HANDWRITTEN_4: { text: string; types: FindingType[]; docKind?: ReviewDocKind }[] = [
  { text: '第二十三条 当事人对街道作出的处理决定不服的，不得申请行政复议。', types: ['obligation'] },
  { text: '第二十四条 对新引进的总部企业，前三年免征房产税和城镇土地使用税。', types: ['authority', 'competition'] },
  { text: '第二十五条 纳税人依法享受的税收优惠，由税务机关依法办理。', types: [] },
  { text: '第二十六条 本区建筑施工企业的安全生产资质认定由区建筑业协会负责审核。', types: ['authority', 'permit'] },
  { text: '第二十七条 新建建筑的节能检测须委托区住房和城乡建设委员会指定的检测机构进行。', types: ['competition'] },
  { text: '第二十八条 参与本区政府采购的供应商，应当在本区设有固定办公场所。', types: ['competition'] },
  { text: '第二十九条 本办法应当自公布之日起30日内报送备案。', types: [] },
  { text: '第三十条 本办法自公布之日起60日内报区人民政府备案。', types: ['procedure'] },
  { text: '起草过程中未听取企业和行业协会的意见。', types: ['procedure'] },
];

/** Fifth batch. */
export const HANDWRITTEN_5: { text: string; types: FindingType[]; docKind?: ReviewDocKind }[] = [
  { text: '第三十一条 区市场监督管理局在调查中可以查询涉案企业的银行账户信息。', types: ['authority'] },
  { text: '第三十二条 企业迁出本区的，应当经区发展和改革委员会同意，并退还已享受的全部奖励资金。', types: ['competition'] },
  { text: '第三十三条 参与本区政府投资项目投标的企业，注册资本不得低于5000万元。', types: ['competition'] },
  { text: '第三十四条 拆迁户须签署放弃行政复议权利的承诺。', types: ['obligation'] },
  { text: '第三十五条 本区停车服务实行统一收费标准，由区停车管理公司执行。', types: ['competition'] },
];

/** Sixth batch: paraphrases of the same concepts. */
export const HANDWRITTEN_6: { text: string; types: FindingType[]; docKind?: ReviewDocKind }[] = [
  { text: '第二十条 区城市管理委员会可以视情况提高罚款数额。', types: ['authority', 'penalty'] },
  { text: '第二十一条 本规定对施行前发生的违规行为同样适用。', types: ['obligation'] },
  { text: '第二十二条 房屋出租人应当对承租人的违法行为承担连带责任。', types: ['obligation'] },
  { text: '第二十三条 全区公务用车定点在区机动车维修公司维修。', types: ['competition'] },
  { text: '第二十四条 投标人应当具有本市同类项目业绩。', types: ['competition'] },
  { text: '第二十五条 按照企业对区级财力贡献的一定比例给予扶持。', types: ['competition'] },
  { text: '第二十六条 未取得《经营资格证》的，不得从事废旧物资回收。', types: ['permit'] },
  { text: '第二十七条 对无证经营的，可以查扣其经营工具。', types: ['coercion'] },
];
