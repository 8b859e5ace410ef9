import { z } from 'zod';
import { StepSchema } from './calendar';

/**
 * 公共法律服务: 法律援助 (legal aid), 12348 热线与咨询 (hotline / consultations), 公共法律服务点 and the 15-minute
 * service circle. Shared by server and web.
 *
 * Legal basis: 《中华人民共和国法律援助法》(2021, in force 2022-01-01) [law-rules.md §7, V]. Periods are calendar days
 * (the law has no working-day clause): decision 7 days (Art. 43), assignment 3 days (Art. 43), criminal notice →
 * assignment 3 days (Art. 36), objection decision 5 days (Art. 49); detainee forwarding 24 hours (Art. 39); aid
 * before the decision when fewer than 7 days remain before a limitation period or deadline (Art. 44).
 * UNVERIFIED (configurable, shown as 待核实): whether the Beijing 2008 条例's 5-working-day review is still in force;
 * the provincial hardship standard (Art. 34 leaves it to the province); the 12348 hotline's service norms.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`);
const OptText = (max: number) => z.string().trim().max(max, `最多 ${max} 个字符`).nullable().default(null);

export const LAW = '《中华人民共和国法律援助法》';

// ------------------------------------------------------------------------------------------- dictionaries

/** 受援人群体 (statistics by group). */
export const AID_GROUPS = {
  migrantWorker: '农民工',
  elderly: '老年人',
  minor: '未成年人',
  disabled: '残疾人',
  woman: '妇女',
  newFormWorker: '新就业形态劳动者',
  veteran: '退役军人',
  other: '其他',
} as const;
export type AidGroup = keyof typeof AID_GROUPS;
const GroupEnum = z.enum(Object.keys(AID_GROUPS) as [AidGroup, ...AidGroup[]]);

/** 法律援助事项: Art. 31 (civil and administrative matters), criminal cases, other. */
export const AID_MATTERS = {
  stateCompensation: '依法请求国家赔偿',
  socialInsurance: '请求给予社会保险待遇或者社会救助',
  pension: '请求发给抚恤金',
  maintenance: '请求给付赡养费、抚养费、扶养费',
  labour: '请求确认劳动关系或者支付劳动报酬',
  incapacity: '请求认定无民事行为能力或者限制民事行为能力',
  personalInjury: '请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿',
  environment: '请求环境污染、生态破坏损害赔偿',
  criminal: '刑事案件辩护、代理',
  other: '其他',
} as const;
export type AidMatter = keyof typeof AID_MATTERS;
const MatterEnum = z.enum(Object.keys(AID_MATTERS) as [AidMatter, ...AidMatter[]]);

/** 申请渠道. `notified`: 公安机关、人民检察院、人民法院通知辩护/代理 (Art. 25, 28, 36). */
export const AID_CHANNELS = { window: '窗口申请', online: '网上申请', forwarded: '转交申请（被羁押人员，第三十九条）', notified: '办案机关通知（第三十六条）' } as const;
export type AidChannel = keyof typeof AID_CHANNELS;

/** 经济困难审查的依据. */
export const MEANS_BASES = {
  exempt: '不受经济困难条件限制（第三十二条）',
  waived: '免予核查经济困难状况（第四十二条）',
  checked: '经济困难审查（第四十一条）',
  notApplicable: '通知辩护/代理，不审查经济状况（第二十五条、第二十八条）',
} as const;
export type MeansBasis = keyof typeof MEANS_BASES;

/** 法律援助法第三十二条各项. */
export const EXEMPT_ITEMS = {
  1: '英雄烈士近亲属为维护英雄烈士的人格权益',
  2: '因见义勇为行为主张相关民事权益',
  3: '再审改判无罪请求国家赔偿',
  4: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
  5: '法律、法规、规章规定的其他情形',
} as const;
/** 法律援助法第四十二条各项 (免予核查, on proof). */
export const WAIVER_ITEMS = {
  1: '无固定生活来源的未成年人、老年人、残疾人等特定群体',
  2: '社会救助、司法救助或者优抚对象',
  3: '申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员',
  4: '法律、法规、规章规定的其他人员',
} as const;
export const MEANS_METHODS = { dataSharing: '信息共享查询', pledge: '申请人个人诚信承诺' } as const;

/** 第四十八条 终止法律援助的情形. */
export const TERMINATION_GROUNDS = {
  1: '受援人以欺骗或者其他不正当手段获得法律援助',
  2: '受援人故意隐瞒与案件有关的重要事实或者提供虚假证据',
  3: '受援人利用法律援助从事违法活动',
  4: '受援人的经济状况发生变化，不再符合法律援助条件',
  5: '案件终止审理或者已经被撤销',
  6: '受援人自行委托律师或者其他代理人',
  7: '受援人有正当理由要求终止法律援助',
  8: '法律法规规定的其他情形',
} as const;

export const AID_STATUSES = {
  received: '待审查',
  granted: '已决定给予，待指派',
  assigned: '已指派，办理中',
  refused: '不予法律援助',
  closed: '已结案',
  terminated: '已终止',
  withdrawn: '已撤回',
} as const;
export type AidStatus = keyof typeof AID_STATUSES;
export const AID_STATUS_LIST = Object.keys(AID_STATUSES) as [AidStatus, ...AidStatus[]];
/** 法律援助受理（给予）: decided to give aid, including assigned, closed and terminated (the statistics' aidAccepted) */
export const AID_GIVEN_STATUSES: readonly AidStatus[] = ['granted', 'assigned', 'closed', 'terminated'];

export const QUALITY_GRADES = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;
export type QualityGrade = keyof typeof QUALITY_GRADES;

// ------------------------------------------------------------------------------------------- settings

/** Local settings, not statute: each is labelled 待核实 or 本局设置 in the UI. */
export const LegalServiceSettings = z.object({
  /** 经济困难标准：家庭人均月收入（元）— set by the province (Art. 34); the Beijing figure is not verified here */
  incomeStandardMonthly: z.number().int().min(1).max(100000),
  /** also open the Beijing 2008 条例 Art. 21 target (5 working days) beside the statutory 7 days */
  beijingDecisionTarget: z.boolean(),
  /** walking speed, metres per minute */
  walkSpeedMPerMin: z.number().min(30).max(150),
  /** straight-line distance × this factor ≈ walking distance on the street network */
  detourFactor: z.number().min(1).max(3),
  /** the service circle, minutes */
  thresholdMinutes: z.number().int().min(1).max(120),
});
export type LegalServiceSettings = z.infer<typeof LegalServiceSettings>;
export const DEFAULT_SETTINGS: LegalServiceSettings = { incomeStandardMonthly: 2540, beijingDecisionTarget: true, walkSpeedMPerMin: 75, detourFactor: 1.3, thresholdMinutes: 15 };
export const SETTINGS_NOTES = {
  incomeStandardMonthly: '待核实：经济困难标准由省级人民政府确定（法律援助法第三十四条），北京现行标准未与官方文本核对，默认值为本局设置。',
  beijingDecisionTarget: '待核实：《北京市法律援助条例》（2008）第二十一条规定受理后 5 个工作日内作出决定，该条例现行有效性未核实；开启时作为更严格的内部目标与法定 7 日期限并列。',
  walkSpeedMPerMin: '本局设置：步行速度（米/分钟），默认 75 米/分钟（约 4.5 公里/小时）。',
  detourFactor: '本局设置：绕行系数，步行距离 = 球面直线距离（按半正矢公式计算）× 绕行系数，默认 1.3。',
  thresholdMinutes: '本局设置：服务圈半径（分钟），默认 15 分钟。',
} as const;

// ------------------------------------------------------------------------------------------- legal aid

export const AidApplicationCreateBody = z
  .object({
    channel: z.enum(['window', 'online', 'forwarded', 'notified']),
    /** the day the legal-aid body received it; default today */
    receivedOn: Day.optional(),
    /** forwarded (Art. 39): when the custodial facility / duty lawyer received it (ISO instant) and who forwarded it */
    custodyReceivedAt: z.string().datetime({ offset: true }).nullable().default(null),
    forwardedBy: OptText(200),
    /** notified (Art. 36): the notifying organ */
    notifyingOrgan: OptText(200),
    applicant: z.object({ name: Text(50), idNumber: z.string().trim().min(15).max(18), mobile: z.string().trim().max(20).nullable().default(null) }).strict(),
    group: GroupEnum,
    matter: MatterEnum,
    caseSummary: Text(4000),
    opposingParty: OptText(200),
    /** Art. 26: life imprisonment or death possible → lawyer with 3+ years of criminal practice */
    severeCriminal: z.boolean().default(false),
    /** Art. 44 (1): the limitation period / deadline to sue, arbitrate or apply for reconsideration */
    limitationDate: Day.nullable().default(null),
    /** Art. 44 (2): property / evidence preservation or advance execution needed urgently */
    preservationUrgent: z.boolean().default(false),
    means: z
      .object({
        basis: z.enum(['exempt', 'waived', 'checked', 'notApplicable']),
        item: z.number().int().min(1).max(5).nullable().default(null),
        monthlyIncomePerCapita: z.number().min(0).max(10_000_000).nullable().default(null),
        householdSize: z.number().int().min(1).max(30).nullable().default(null),
        method: z.enum(['dataSharing', 'pledge']).nullable().default(null),
        proof: OptText(500),
      })
      .strict(),
    /** referral from a 12348 / walk-in consultation record (carries its data over, links both) */
    sourceConsultationId: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();
export type AidApplicationCreateBody = z.infer<typeof AidApplicationCreateBody>;

export const MeansResult = z.object({
  basis: z.enum(['exempt', 'waived', 'checked', 'notApplicable']),
  item: z.number().int().nullable(),
  passed: z.boolean(),
  text: z.string(),
  citation: z.string(),
  monthlyIncomePerCapita: z.number().nullable(),
  householdSize: z.number().int().nullable(),
  standard: z.number().nullable(),
  method: z.string().nullable(),
  proof: z.string().nullable(),
});
export type MeansResult = z.infer<typeof MeansResult>;

export const AidDeadline = z.object({
  /** null for a projection (not on the register yet) */
  id: z.string().nullable(),
  ruleId: z.string(),
  title: z.string(),
  citation: z.string(),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'met', 'cancelled', 'projected']),
  daysLeft: z.number().int().nullable(),
  unverified: z.boolean(),
  steps: z.array(StepSchema),
  note: z.string().nullable(),
});
export type AidDeadline = z.infer<typeof AidDeadline>;

export const Urgency = z.object({
  urgent: z.boolean(),
  reasons: z.array(z.string()),
  /** calendar days from receipt to the limitation date */
  daysToLimitation: z.number().int().nullable(),
  citation: z.string(),
});
export type Urgency = z.infer<typeof Urgency>;

export const AidApplicationSummary = z.object({
  id: z.string(),
  appNo: z.string(),
  channel: z.enum(['window', 'online', 'forwarded', 'notified']),
  receivedOn: z.string(),
  applicantName: z.string(),
  group: GroupEnum,
  matter: MatterEnum,
  status: z.enum(AID_STATUS_LIST),
  urgent: z.boolean(),
  lawyerName: z.string().nullable(),
  decisionDue: z.string().nullable(),
  assignmentDue: z.string().nullable(),
  departmentId: z.string(),
  version: z.number().int(),
});
export type AidApplicationSummary = z.infer<typeof AidApplicationSummary>;

export const AidApplication = AidApplicationSummary.extend({
  applicantIdNumber: z.string(),
  applicantMobile: z.string().nullable(),
  caseSummary: z.string(),
  opposingParty: z.string().nullable(),
  severeCriminal: z.boolean(),
  limitationDate: z.string().nullable(),
  preservationUrgent: z.boolean(),
  urgency: Urgency,
  forwarding: z
    .object({ custodyReceivedAt: z.string(), forwardDueAt: z.string(), receivedAt: z.string(), late: z.boolean(), forwardedBy: z.string().nullable(), citation: z.string() })
    .nullable(),
  notifyingOrgan: z.string().nullable(),
  means: MeansResult,
  decisionOn: z.string().nullable(),
  refusalReason: z.string().nullable(),
  lawyerId: z.string().nullable(),
  assignedOn: z.string().nullable(),
  provisional: z.boolean(),
  closedOn: z.string().nullable(),
  closureSummary: z.string().nullable(),
  qualityGrade: z.string().nullable(),
  terminationGround: z.number().int().nullable(),
  objection: z
    .object({ receivedOn: z.string(), reason: z.string(), result: z.enum(['upheld', 'corrected']).nullable(), decidedOn: z.string().nullable(), note: z.string().nullable() })
    .nullable(),
  sourceConsultationId: z.string().nullable(),
  /** Art. 43 ¶2: materials requested (decision clock paused) and received */
  materials: z.object({ requestedOn: z.string(), items: z.string(), receivedOn: z.string().nullable(), note: z.string() }).nullable(),
  deadlines: z.array(AidDeadline),
  events: z.array(z.object({ at: z.string(), action: z.string(), actorName: z.string().nullable(), note: z.string() })),
  actions: z.array(z.string()),
});
export type AidApplication = z.infer<typeof AidApplication>;

export const AidListQuery = z.object({
  status: z.enum(AID_STATUS_LIST).optional(),
  urgent: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  /** only applications given aid (AID_GIVEN_STATUSES) */
  given: z.enum(['true']).optional(),
  /** 收到申请之日 within [receivedFrom, receivedTo] (the statistics' period) */
  receivedFrom: Day.optional(),
  receivedTo: Day.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const AidList = z.object({ data: z.array(AidApplicationSummary), total: z.number().int() });

const V = { version: z.number().int() };
export const AidGrantBody = z.object({ note: z.string().trim().max(1000).default(''), ...V }).strict();
export const AidRefuseBody = z.object({ reason: Text(2000), ...V }).strict();
export const AidAssignBody = z.object({ lawyerId: z.string().min(1).max(64).nullable().default(null), ...V }).strict();
export const AidCloseBody = z.object({ summary: Text(4000), qualityGrade: z.enum(['excellent', 'good', 'pass', 'fail']), ...V }).strict();
export const AidTerminateBody = z.object({ ground: z.number().int().min(1).max(8), note: Text(2000), ...V }).strict();
export const AidObjectionBody = z.object({ receivedOn: Day.optional(), reason: Text(2000), ...V }).strict();
export const AidObjectionDecisionBody = z.object({ result: z.enum(['upheld', 'corrected']), note: Text(2000), ...V }).strict();
export const AidWithdrawBody = z.object({ note: Text(1000), ...V }).strict();

export const LawyerCandidate = z.object({
  id: z.string(),
  name: z.string(),
  firmName: z.string(),
  practiceYears: z.number().int(),
  specialties: z.array(z.string()),
  openCases: z.number().int(),
  maxLoad: z.number().int(),
  specialtyMatch: z.boolean(),
  eligible: z.boolean(),
  conflicts: z.array(z.string()),
  /** 1 = the one automatic assignment would pick */
  rank: z.number().int().nullable(),
});
export type LawyerCandidate = z.infer<typeof LawyerCandidate>;
export const LawyerCandidateList = z.object({ data: z.array(LawyerCandidate), rule: z.string() });

export const AidStats = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byGroup: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
  byMatter: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
  byStatus: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
  urgent: z.number().int(),
});
export type AidStats = z.infer<typeof AidStats>;

// ------------------------------------------------------------------------------------------- 12348 / consultations

export const CONSULT_CHANNELS = { phone: '12348 热线', walkIn: '现场咨询', online: '网络咨询' } as const;
export type ConsultChannel = keyof typeof CONSULT_CHANNELS;
export const CONSULT_CATEGORIES = {
  labour: '劳动争议', marriageFamily: '婚姻家庭', contract: '合同纠纷', property: '房产物业', tort: '侵权赔偿', administrative: '行政事务', criminal: '刑事', company: '公司企业', socialSecurity: '社会保障', other: '其他',
} as const;
export type ConsultCategory = keyof typeof CONSULT_CATEGORIES;
export const SATISFACTION = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;
/** What a consultation category suggests for the legal-aid matter when it is referred. */
export const CATEGORY_TO_MATTER: Record<ConsultCategory, AidMatter> = {
  labour: 'labour', marriageFamily: 'maintenance', contract: 'other', property: 'other', tort: 'personalInjury', administrative: 'other', criminal: 'criminal', company: 'other', socialSecurity: 'socialInsurance', other: 'other',
};

export const ConsultationCreateBody = z
  .object({
    channel: z.enum(['phone', 'walkIn', 'online']),
    startedAt: z.string().datetime({ offset: true }).optional(),
    callerName: OptText(50),
    callerMobile: z.string().trim().max(20).nullable().default(null),
    group: GroupEnum.nullable().default(null),
    category: z.enum(Object.keys(CONSULT_CATEGORIES) as [ConsultCategory, ...ConsultCategory[]]),
    summary: Text(4000),
    answer: Text(4000),
    durationSeconds: z.number().int().min(0).max(86400),
  })
  .strict();
export type ConsultationCreateBody = z.infer<typeof ConsultationCreateBody>;

export const Consultation = z.object({
  id: z.string(),
  recordNo: z.string(),
  channel: z.enum(['phone', 'walkIn', 'online']),
  startedAt: z.string(),
  callerName: z.string().nullable(),
  callerMobile: z.string().nullable(),
  group: GroupEnum.nullable(),
  category: z.string(),
  summary: z.string(),
  answer: z.string(),
  durationSeconds: z.number().int(),
  handlerName: z.string().nullable(),
  referredTo: z.string().nullable(),
  referralId: z.string().nullable(),
  referralNo: z.string().nullable(),
  followUpOn: z.string().nullable(),
  satisfaction: z.enum(['satisfied', 'basic', 'unsatisfied']).nullable(),
  followUpNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Consultation = z.infer<typeof Consultation>;
export const ConsultationListQuery = z.object({
  channel: z.enum(['phone', 'walkIn', 'online']).optional(),
  category: z.string().max(40).optional(),
  q: z.string().trim().max(50).optional(),
  pendingFollowUp: z.enum(['true', 'false']).optional(),
  /** the consultation began on a Beijing day within [from, to] (the statistics' period) */
  from: Day.optional(),
  to: Day.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ConsultationList = z.object({ data: z.array(Consultation), total: z.number().int(), satisfaction: z.object({ surveyed: z.number().int(), satisfied: z.number().int(), rate: z.number().nullable() }) });
export const FollowUpBody = z.object({ satisfaction: z.enum(['satisfied', 'basic', 'unsatisfied']), note: z.string().trim().max(1000).default('') }).strict();
/** What a referral to legal aid carries over (the form still needs the 身份证号). */
export const ReferralDraft = z.object({
  consultationId: z.string(),
  recordNo: z.string(),
  applicantName: z.string().nullable(),
  applicantMobile: z.string().nullable(),
  group: GroupEnum.nullable(),
  matter: MatterEnum,
  caseSummary: z.string(),
  channel: z.literal('window'),
});
export type ReferralDraft = z.infer<typeof ReferralDraft>;

// ------------------------------------------------------------------------------------------- service points

export const POINT_KINDS = { centre: '公共法律服务中心', station: '公共法律服务站', workroom: '公共法律服务室' } as const;
export type PointKind = keyof typeof POINT_KINDS;
export const POINT_SERVICES = { consultation: '法律咨询', legalAid: '法律援助申请受理', mediation: '人民调解', notary: '公证服务', enterprise: '企业法律服务' } as const;
export type PointService = keyof typeof POINT_SERVICES;
const ServiceEnum = z.enum(Object.keys(POINT_SERVICES) as [PointService, ...PointService[]]);

export const ServicePoint = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['centre', 'station', 'workroom']),
  street: z.string(),
  community: z.string().nullable(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  hours: z.string(),
  phone: z.string().nullable(),
  services: z.array(ServiceEnum),
  active: z.boolean(),
});
export type ServicePoint = z.infer<typeof ServicePoint>;
export const ServicePointList = z.object({ data: z.array(ServicePoint), total: z.number().int() });
export const ServicePointCreateBody = z
  .object({
    name: Text(100),
    kind: z.enum(['centre', 'station', 'workroom']),
    street: Text(50),
    community: OptText(50),
    address: Text(200),
    lat: z.number().min(39.4).max(41.1),
    lng: z.number().min(115.4).max(117.6),
    hours: Text(100),
    phone: OptText(30),
    services: z.array(ServiceEnum).min(1),
  })
  .strict();

export const Community = z.object({ code: z.string(), name: z.string(), street: z.string(), lat: z.number(), lng: z.number() });
export const CommunityList = z.object({ data: z.array(Community), total: z.number().int() });

export const CoverageQuery = z.object({
  service: ServiceEnum.default('legalAid'),
  speed: z.coerce.number().min(30).max(150).optional(),
  detour: z.coerce.number().min(1).max(3).optional(),
  threshold: z.coerce.number().int().min(1).max(120).optional(),
});
export const CoverageRow = z.object({
  communityCode: z.string(),
  communityName: z.string(),
  street: z.string(),
  nearestPointId: z.string().nullable(),
  nearestPointName: z.string().nullable(),
  straightMetres: z.number().nullable(),
  walkMetres: z.number().nullable(),
  walkMinutes: z.number().nullable(),
  within: z.boolean(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;
export const Coverage = z.object({
  service: ServiceEnum,
  speedMPerMin: z.number(),
  detourFactor: z.number(),
  thresholdMinutes: z.number().int(),
  method: z.string(),
  communities: z.number().int(),
  covered: z.number().int(),
  rate: z.number(),
  rows: z.array(CoverageRow),
  outside: z.array(CoverageRow),
  byStreet: z.array(z.object({ street: z.string(), communities: z.number().int(), covered: z.number().int() })),
});
export type Coverage = z.infer<typeof Coverage>;

export const NearestQuery = z
  .object({
    community: z.string().max(40).optional(),
    lat: z.coerce.number().min(39.4).max(41.1).optional(),
    lng: z.coerce.number().min(115.4).max(117.6).optional(),
    service: ServiceEnum.optional(),
    limit: z.coerce.number().int().min(1).max(10).default(5),
  })
  .refine((q) => q.community !== undefined || (q.lat !== undefined && q.lng !== undefined), { message: '请选择社区，或提供经纬度' });
export const NearestResult = z.object({
  origin: z.object({ lat: z.number(), lng: z.number(), label: z.string() }),
  speedMPerMin: z.number(),
  detourFactor: z.number(),
  thresholdMinutes: z.number().int(),
  method: z.string(),
  data: z.array(ServicePoint.omit({ active: true }).extend({ walkMetres: z.number(), walkMinutes: z.number(), within: z.boolean() })),
});
export type NearestResult = z.infer<typeof NearestResult>;
export const PublicCommunityList = z.object({ streets: z.array(z.object({ street: z.string(), communities: z.array(z.object({ code: z.string(), name: z.string() })) })) });

export const COVERAGE_METHOD = (speed: number, detour: number, threshold: number) =>
  `步行距离 = 社区中心点至服务点的球面直线距离（按半正矢公式计算，地球半径 6,371,008.8 米）× 绕行系数 ${detour}；步行时间 = 步行距离 ÷ 步行速度 ${speed} 米/分钟；步行时间超过 ${threshold} 分钟的社区列为服务圈外。坐标为演示数据（生成于西城区实际经纬度范围内）。`;

// ------------------------------------------------------------------------------------------- 双随机、一公开

export const INSTITUTION_KINDS = { notaryOffice: '公证机构', appraisalInstitution: '司法鉴定机构', lawFirm: '律师事务所' } as const;
export type InstitutionKind = keyof typeof INSTITUTION_KINDS;
const InstitutionKindEnum = z.enum(['notaryOffice', 'appraisalInstitution', 'lawFirm']);
/** 诚信等级 (integrity grade) of the register; the grading criteria are local practice. */
export const INTEGRITY_GRADES = { A: 'A 级（诚信）', B: 'B 级（基本诚信）', C: 'C 级（警示）', D: 'D 级（失信）' } as const;
export const INSPECTION_OUTCOMES = { compliant: '未发现问题', rectify: '责令整改', referred: '移送查处' } as const;

export const Institution = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: InstitutionKindEnum, street: z.string(), integrityGrade: z.string(), lastInspectedOn: z.string().nullable(), active: z.boolean() });
export const InstitutionList = z.object({ data: z.array(Institution), total: z.number().int() });
export const Inspector = z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string(), conflictCodes: z.array(z.string()), active: z.boolean() });
export const InspectorList = z.object({ data: z.array(Inspector), total: z.number().int() });

export const DrawCreateBody = z
  .object({
    title: Text(200),
    targetKind: InstitutionKindEnum,
    targetCount: z.number().int().min(1).max(200),
    /** at least two inspectors per target */
    inspectorsPerTarget: z.number().int().min(2).max(10).default(2),
    /** exclude targets inspected within this many days */
    excludeRecentDays: z.number().int().min(0).max(3650).default(180),
    /** hex seed; omitted: 128 random bits */
    seed: z.string().regex(/^[0-9a-f]{8,128}$/, '种子须为 8 至 128 位十六进制').optional(),
  })
  .strict();
export const SelectionItem = z.object({ targetId: z.string(), targetCode: z.string(), targetName: z.string(), inspectors: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })) });
export const Draw = z.object({
  id: z.string(),
  drawNo: z.string(),
  title: z.string(),
  targetKind: InstitutionKindEnum,
  targetCount: z.number().int(),
  inspectorsPerTarget: z.number().int(),
  excludeRecentDays: z.number().int(),
  seed: z.string(),
  algorithm: z.string(),
  drawnOn: z.string(),
  candidateCount: z.number().int(),
  excluded: z.array(z.object({ code: z.string(), name: z.string(), reason: z.string() })),
  selection: z.array(SelectionItem),
  findings: z.record(z.string(), z.object({ outcome: z.enum(['compliant', 'rectify', 'referred']), finding: z.string() })),
  status: z.enum(['drawn', 'published']),
  publishedHash: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Draw = z.infer<typeof Draw>;
export const DrawList = z.object({ data: z.array(Draw.omit({ selection: true, excluded: true, findings: true })), total: z.number().int() });
export const DrawFindingBody = z.object({ targetId: z.string().min(1).max(64), outcome: z.enum(['compliant', 'rectify', 'referred']), finding: Text(2000), version: z.number().int() }).strict();
export const DrawPublishBody = z.object({ version: z.number().int() }).strict();
export const DrawVerification = z.object({
  rerunMatches: z.boolean(),
  storedHashMatches: z.boolean().nullable(),
  auditHashMatches: z.boolean().nullable(),
  auditChainValid: z.boolean(),
  ok: z.boolean(),
  text: z.string(),
});
export const PublicDrawList = z.object({ data: z.array(Draw.omit({ excluded: true, version: true })) });
