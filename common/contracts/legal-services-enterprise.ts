import { z } from 'zod';
import { StepSchema } from './calendar';

/**
 * 公共法律服务, second part (issue 6): enterprise legal services (service requests, 法治体检 with findings and
 * follow-up, targeted campaigns), the registers of law firms, notary offices and judicial-appraisal institutions
 * (annual assessment, honours, complaints, integrity grading), the administrative approvals register, 12348 quality
 * sampling, the answer knowledge base, referral of a consultation to mediation / reconsideration / a notary office,
 * and the legal-aid Art. 43 ¶2 materials step. Shared by server and web.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`);
const OptText = (max: number) => z.string().trim().max(max, `最多 ${max} 个字符`).nullable().default(null);
const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const Page = { page: z.coerce.number().int().min(1).max(100000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) };
const Count = z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() }));

// ------------------------------------------------------------------------------------------- enterprise services

/** 企业类型: the bureau's named weakness is services for financial, small and innovative firms. */
export const FIRM_TYPES = { financial: '金融企业', sme: '中小微企业', tech: '科技创新企业', other: '其他企业' } as const;
export type FirmType = keyof typeof FIRM_TYPES;
/** 行业: the district's leading industries (金融业 first). */
export const INDUSTRIES = { finance: '金融业', techService: '科技服务与信息服务业', culture: '文化创意产业', business: '商务服务业', trade: '批发零售与商贸', other: '其他行业' } as const;
export type Industry = keyof typeof INDUSTRIES;
export const ENTERPRISE_TOPICS = { contract: '合同审查', labour: '劳动用工', finance: '融资与金融合规', ip: '知识产权', governance: '公司治理与股权', dataCompliance: '数据与个人信息合规', litigation: '涉诉涉仲裁纠纷', checkup: '法治体检', other: '其他' } as const;
export type EnterpriseTopic = keyof typeof ENTERPRISE_TOPICS;
export const REQUEST_STATUSES = { received: '待指派', assigned: '办理中', responded: '已答复，待办结', closed: '已办结' } as const;
export type RequestStatus = keyof typeof REQUEST_STATUSES;
export const SATISFACTION_LEVELS = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;

const FirmFields = {
  firmName: Text(100),
  /** 统一社会信用代码 (GB 32100-2015, check character verified on the server) */
  creditCode: z.string().trim().toUpperCase().length(18, '统一社会信用代码为 18 位'),
  firmType: z.enum(keys(FIRM_TYPES)),
  industry: z.enum(keys(INDUSTRIES)),
  street: Text(20),
};

export const EnterpriseRequestCreateBody = z
  .object({
    ...FirmFields,
    contactName: OptText(40),
    topic: z.enum(keys(ENTERPRISE_TOPICS)),
    description: Text(4000),
    receivedOn: Day.optional(),
    campaignId: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();
export type EnterpriseRequestCreateBody = z.infer<typeof EnterpriseRequestCreateBody>;

export const EnterpriseRequest = z.object({
  id: z.string(),
  requestNo: z.string(),
  firmName: z.string(),
  creditCode: z.string(),
  firmType: z.enum(keys(FIRM_TYPES)),
  industry: z.enum(keys(INDUSTRIES)),
  street: z.string(),
  contactName: z.string().nullable(),
  topic: z.enum(keys(ENTERPRISE_TOPICS)),
  description: z.string(),
  receivedOn: z.string(),
  status: z.enum(keys(REQUEST_STATUSES)),
  lawyerId: z.string().nullable(),
  lawyerName: z.string().nullable(),
  teamName: z.string().nullable(),
  assignedOn: z.string().nullable(),
  response: z.string().nullable(),
  respondedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  satisfaction: z.enum(['satisfied', 'basic', 'unsatisfied']).nullable(),
  closureNote: z.string().nullable(),
  campaignId: z.string().nullable(),
  handlerName: z.string().nullable(),
  checkupIds: z.array(z.string()),
  version: z.number().int(),
});
export type EnterpriseRequest = z.infer<typeof EnterpriseRequest>;
export const EnterpriseRequestList = z.object({ data: z.array(EnterpriseRequest), total: z.number().int() });
export const EnterpriseRequestListQuery = z.object({
  status: z.enum(keys(REQUEST_STATUSES)).optional(),
  firmType: z.enum(keys(FIRM_TYPES)).optional(),
  industry: z.enum(keys(INDUSTRIES)).optional(),
  q: z.string().trim().max(50).optional(),
  ...Page,
});
const V = { version: z.number().int() };
export const EnterpriseAssignBody = z.object({ lawyerId: z.string().min(1).max(64).nullable().default(null), teamName: OptText(100), ...V }).strict();
export const EnterpriseRespondBody = z.object({ response: Text(4000), ...V }).strict();
export const EnterpriseCloseBody = z.object({ satisfaction: z.enum(['satisfied', 'basic', 'unsatisfied']), note: z.string().trim().max(1000).default(''), ...V }).strict();

/** 法治体检: risk levels and areas of a finding. */
export const RISK_LEVELS = { high: '高风险', medium: '中风险', low: '低风险' } as const;
export type RiskLevel = keyof typeof RISK_LEVELS;
export const CHECKUP_AREAS = { governance: '公司治理', contract: '合同管理', labour: '劳动用工', finance: '金融合规', ip: '知识产权', data: '数据合规', tax: '财税', other: '其他' } as const;

export const CheckupCreateBody = z
  .object({
    requestId: z.string().min(1).max(64).nullable().default(null),
    firmName: Text(100).optional(),
    creditCode: FirmFields.creditCode.optional(),
    firmType: FirmFields.firmType.optional(),
    industry: FirmFields.industry.optional(),
    street: FirmFields.street.optional(),
    conductedOn: Day.optional(),
    team: Text(200),
    scope: Text(2000),
  })
  .strict();
export const CheckupFindingBody = z.object({ area: z.enum(keys(CHECKUP_AREAS)), riskLevel: z.enum(['high', 'medium', 'low']), description: Text(2000), recommendation: Text(2000), rectifyBy: Day.nullable().default(null), ...V }).strict();
export const CheckupFollowUpBody = z.object({ findingId: z.string().min(1).max(64), note: Text(2000), rectified: z.boolean().default(false), ...V }).strict();
export const CheckupCloseBody = z.object({ summary: Text(2000), ...V }).strict();

export const CheckupFinding = z.object({
  id: z.string(),
  seq: z.number().int(),
  area: z.enum(keys(CHECKUP_AREAS)),
  riskLevel: z.enum(['high', 'medium', 'low']),
  description: z.string(),
  recommendation: z.string(),
  rectifyBy: z.string().nullable(),
  status: z.enum(['open', 'rectified']),
  rectifiedOn: z.string().nullable(),
  followUps: z.array(z.object({ on: z.string(), note: z.string(), by: z.string().nullable(), rectified: z.boolean() })),
  overdue: z.boolean(),
});
export const Checkup = z.object({
  id: z.string(),
  checkupNo: z.string(),
  requestId: z.string().nullable(),
  requestNo: z.string().nullable(),
  firmName: z.string(),
  creditCode: z.string(),
  firmType: z.enum(keys(FIRM_TYPES)),
  industry: z.enum(keys(INDUSTRIES)),
  street: z.string(),
  conductedOn: z.string(),
  team: z.string(),
  scope: z.string(),
  /** the highest risk among the findings still open (null when none is open) */
  riskLevel: z.enum(['high', 'medium', 'low']).nullable(),
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
  summary: z.string().nullable(),
  findings: z.array(CheckupFinding),
  openFindings: z.number().int(),
  version: z.number().int(),
});
export type Checkup = z.infer<typeof Checkup>;
export const CheckupList = z.object({ data: z.array(Checkup.omit({ findings: true })), total: z.number().int() });
export const CheckupListQuery = z.object({ status: z.enum(['open', 'closed']).optional(), riskLevel: z.enum(['high', 'medium', 'low']).optional(), q: z.string().trim().max(50).optional(), ...Page });

/** 专项法律服务活动 target groups (the campaigns). */
export const CAMPAIGN_GROUPS = { migrantWorker: '农民工', elderly: '老年人', womenChildren: '妇女儿童', deliveryRider: '外卖骑手等新就业形态劳动者', graduate: '高校毕业生', financialDistrict: '金融街企业', other: '其他' } as const;
export type CampaignGroup = keyof typeof CAMPAIGN_GROUPS;
export const CampaignCreateBody = z
  .object({
    title: Text(200),
    targetGroup: z.enum(keys(CAMPAIGN_GROUPS)),
    startedOn: Day,
    endedOn: Day.nullable().default(null),
    street: Text(20),
    venue: Text(200),
    partners: OptText(200),
    activities: z.number().int().min(0).max(100000),
    participants: z.number().int().min(0).max(10_000_000),
    consultations: z.number().int().min(0).max(10_000_000),
    materials: z.number().int().min(0).max(10_000_000),
    summary: Text(4000),
  })
  .strict();
export const Campaign = CampaignCreateBody.extend({ id: z.string(), campaignNo: z.string(), partners: z.string().nullable(), endedOn: z.string().nullable(), requests: z.number().int(), handlerName: z.string().nullable() });
export type Campaign = z.infer<typeof Campaign>;
export const CampaignList = z.object({ data: z.array(Campaign), total: z.number().int() });

export const EnterpriseStats = z.object({
  from: z.string(),
  to: z.string(),
  requests: z.number().int(),
  closed: z.number().int(),
  surveyed: z.number().int(),
  satisfied: z.number().int(),
  byFirmType: z.array(z.object({ key: z.string(), label: z.string(), requests: z.number().int(), closed: z.number().int(), checkups: z.number().int(), findings: z.number().int(), highRisk: z.number().int(), openFindings: z.number().int() })),
  byIndustry: z.array(z.object({ key: z.string(), label: z.string(), requests: z.number().int(), closed: z.number().int(), checkups: z.number().int(), findings: z.number().int(), highRisk: z.number().int(), openFindings: z.number().int() })),
  byTopic: Count,
  campaigns: z.array(z.object({ key: z.string(), label: z.string(), campaigns: z.number().int(), participants: z.number().int(), consultations: z.number().int() })),
});
export type EnterpriseStats = z.infer<typeof EnterpriseStats>;

// ------------------------------------------------------------------------------------------- institution registers

export const ASSESSMENT_RESULTS = { excellent: '优秀', pass: '合格', basicPass: '基本合格', fail: '不合格' } as const;
export const COMPLAINT_STATUSES = { received: '已受理', handling: '调查处理中', concluded: '已办结' } as const;
export const COMPLAINT_RESULTS = { substantiated: '投诉属实，依法处理', partly: '部分属实', unsubstantiated: '投诉不属实', mediated: '调解化解' } as const;
export const INTEGRITY_GRADE_BASIS =
  '诚信等级（A 诚信、B 基本诚信、C 警示、D 失信）由本局按年度考核、投诉查处、双随机抽查结果评定，评定标准为本局做法（待核实：北京市司法鉴定机构诚信等级评估办法的现行条文未与官方文本核对）。';

export const InstitutionDetailsBody = z
  .object({ creditCode: z.string().trim().toUpperCase().length(18, '统一社会信用代码为 18 位').nullable().default(null), address: OptText(200), headName: OptText(40), licenceNo: OptText(60), staffCount: z.number().int().min(0).max(100000).nullable().default(null), practiceAreas: OptText(500) })
  .strict();
export const InstitutionCreateBody = InstitutionDetailsBody.extend({ name: Text(100), kind: z.enum(['notaryOffice', 'appraisalInstitution', 'lawFirm']), street: Text(20), integrityGrade: z.enum(['A', 'B', 'C', 'D']).default('A') }).strict();
export const AssessmentBody = z.object({ year: z.number().int().min(2000).max(2100), result: z.enum(keys(ASSESSMENT_RESULTS)), note: z.string().trim().max(1000).default('') }).strict();
export const HonourBody = z.object({ title: Text(200), awardedBy: Text(100), awardedOn: Day, personName: OptText(40) }).strict();
export const GradeBody = z.object({ year: z.number().int().min(2000).max(2100), grade: z.enum(['A', 'B', 'C', 'D']), basis: Text(1000) }).strict();
export const ComplaintCreateBody = z.object({ institutionId: z.string().min(1).max(64), complainantName: OptText(40), channel: z.enum(['letter', 'phone', 'visit', 'online', 'hotline12345']), receivedOn: Day.optional(), content: Text(4000) }).strict();
export const ComplaintHandleBody = z.object({ note: Text(2000), ...V }).strict();
export const ComplaintConcludeBody = z.object({ result: z.enum(keys(COMPLAINT_RESULTS)), note: Text(2000), ...V }).strict();
export const COMPLAINT_CHANNELS = { letter: '来信', phone: '来电', visit: '来访', online: '网上投诉', hotline12345: '12345 转办' } as const;

export const InstitutionRecord = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['notaryOffice', 'appraisalInstitution', 'lawFirm']),
  street: z.string(),
  integrityGrade: z.string(),
  lastInspectedOn: z.string().nullable(),
  active: z.boolean(),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
  headName: z.string().nullable(),
  licenceNo: z.string().nullable(),
  staffCount: z.number().int().nullable(),
  practiceAreas: z.string().nullable(),
  latestAssessment: z.object({ year: z.number().int(), result: z.string() }).nullable(),
  openComplaints: z.number().int(),
  lawyers: z.number().int(),
});
export const InstitutionRecordList = z.object({ data: z.array(InstitutionRecord), total: z.number().int() });
export const InstitutionRecordQuery = z.object({ kind: z.enum(['notaryOffice', 'appraisalInstitution', 'lawFirm']).optional(), grade: z.enum(['A', 'B', 'C', 'D']).optional(), q: z.string().trim().max(50).optional() });
export const Complaint = z.object({
  id: z.string(),
  complaintNo: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  complainantName: z.string().nullable(),
  channel: z.string(),
  receivedOn: z.string(),
  content: z.string(),
  status: z.enum(keys(COMPLAINT_STATUSES)),
  handlingNote: z.string().nullable(),
  result: z.string().nullable(),
  resultNote: z.string().nullable(),
  concludedOn: z.string().nullable(),
  version: z.number().int(),
});
export const ComplaintList = z.object({ data: z.array(Complaint), total: z.number().int() });
export const InstitutionProfile = InstitutionRecord.extend({
  assessments: z.array(z.object({ year: z.number().int(), result: z.string(), note: z.string(), assessedOn: z.string() })),
  honours: z.array(z.object({ id: z.string(), title: z.string(), awardedBy: z.string(), awardedOn: z.string(), personName: z.string().nullable() })),
  grades: z.array(z.object({ year: z.number().int(), grade: z.string(), basis: z.string(), gradedOn: z.string() })),
  complaints: z.array(Complaint),
  lawyerNames: z.array(z.string()),
  /** the firm's lawyers from the lawyer register (matched by firm name) with their annual assessments */
  firmLawyers: z.array(z.object({ id: z.string(), name: z.string(), practiceYears: z.number().int(), active: z.boolean(), assessments: z.array(z.object({ year: z.number().int(), result: z.string() })) })),
  gradeBasis: z.string(),
});
export type InstitutionProfile = z.infer<typeof InstitutionProfile>;

// ------------------------------------------------------------------------------------------- approvals

/**
 * 行政审批 items handled by the district bureau (初审 / 审核 of practice and establishment, 变更). The period of each
 * item is set by the bureau: law-rules.md verifies only that licensing periods are working days (行政许可法 Art. 82).
 */
export const APPROVAL_KINDS = {
  lawFirmEstablishment: { label: '律师事务所设立审核', citation: '《中华人民共和国律师法》第十八条', defaultDays: 20 },
  lawyerPractice: { label: '律师执业申请审核', citation: '《中华人民共和国律师法》第六条', defaultDays: 20 },
  lawFirmChange: { label: '律师事务所变更事项审核', citation: '《中华人民共和国律师法》第二十一条', defaultDays: 20 },
  grassrootsWorker: { label: '基层法律服务工作者执业审核', citation: '《基层法律服务工作者管理办法》', defaultDays: 20 },
  notaryPractice: { label: '公证员执业审核', citation: '《中华人民共和国公证法》第二十一条', defaultDays: 20 },
  appraiserPractice: { label: '司法鉴定人执业审核', citation: '《司法鉴定人登记管理办法》', defaultDays: 20 },
} as const;
export type ApprovalKind = keyof typeof APPROVAL_KINDS;
export const APPROVAL_OUTCOMES = { approved: '准予（审核同意）', rejected: '不予准予（审核不同意）', withdrawn: '申请人撤回' } as const;
/**
 * The written instruments the district bureau issues for an approval (.docx, GB/T 9704 layout; every kind of the
 * register is reviewed here and decided by the municipal bureau, approval-documents.ts): the 受理通知书 once the
 * application is registered (行政许可法 Art. 32 ¶2), the 初步审查意见书 to the deciding organ once reviewed — agreed or
 * not (Art. 35). A withdrawn application keeps its 受理通知书 only.
 */
export const APPROVAL_DOCUMENTS = {
  acceptance: { title: '行政许可申请受理通知书', label: '受理通知书' },
  review: { title: '行政许可初步审查意见书', label: '初步审查意见书' },
} as const;
export type ApprovalDocumentKind = keyof typeof APPROVAL_DOCUMENTS;
export const ApprovalDocumentParams = z.object({ id: z.string().min(1).max(64), kind: z.enum(keys(APPROVAL_DOCUMENTS)) });
/** The instruments an approval in this state can be printed as (the server answers any other with 409). */
export function approvalDocumentKinds(a: { outcome: keyof typeof APPROVAL_OUTCOMES | null }): ApprovalDocumentKind[] {
  return a.outcome === 'approved' || a.outcome === 'rejected' ? ['acceptance', 'review'] : ['acceptance'];
}
export const APPROVAL_PERIOD_NOTE =
  '待核实：各审批事项的办理期限（行政许可法第四十二条的二十日、律师法等专门规定）未与官方文本逐项核对，由本局按事项设置；期限以工作日计算、不含法定节假日（行政许可法第八十二条，已核实），由期限引擎计算。';

export const ApprovalCreateBody = z
  .object({
    kind: z.enum(keys(APPROVAL_KINDS)),
    applicantName: Text(100),
    applicantCreditCode: z.string().trim().toUpperCase().length(18, '统一社会信用代码为 18 位').nullable().default(null),
    institutionId: z.string().min(1).max(64).nullable().default(null),
    receivedOn: Day.optional(),
    matter: Text(1000),
  })
  .strict();
export const ApprovalDecideBody = z.object({ outcome: z.enum(keys(APPROVAL_OUTCOMES)), note: Text(2000), decidedOn: Day.optional(), ...V }).strict();
export const ApprovalDeadline = z.object({ id: z.string(), ruleId: z.string(), title: z.string(), citation: z.string(), dueDate: z.string().nullable(), status: z.string(), unverified: z.boolean(), steps: z.array(StepSchema), note: z.string().nullable() });
export const Approval = z.object({
  id: z.string(),
  approvalNo: z.string(),
  kind: z.enum(keys(APPROVAL_KINDS)),
  kindLabel: z.string(),
  kindCitation: z.string(),
  applicantName: z.string(),
  applicantCreditCode: z.string().nullable(),
  institutionId: z.string().nullable(),
  matter: z.string(),
  receivedOn: z.string(),
  periodDays: z.number().int(),
  dueDate: z.string().nullable(),
  decidedOn: z.string().nullable(),
  outcome: z.enum(keys(APPROVAL_OUTCOMES)).nullable(),
  decisionNote: z.string().nullable(),
  status: z.enum(['pending', 'decided']),
  onTime: z.boolean().nullable(),
  deadline: ApprovalDeadline.nullable(),
  version: z.number().int(),
});
export type Approval = z.infer<typeof Approval>;
export const ApprovalListQuery = z.object({ kind: z.enum(keys(APPROVAL_KINDS)).optional(), status: z.enum(['pending', 'decided']).optional(), from: Day.optional(), to: Day.optional(), ...Page });
export const ApprovalCounts = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  concluded: z.number().int(),
  pending: z.number().int(),
  onTime: z.number().int(),
  byKind: z.array(z.object({ key: z.string(), label: z.string(), received: z.number().int(), concluded: z.number().int(), approved: z.number().int(), rejected: z.number().int(), withdrawn: z.number().int() })),
});
export const ApprovalList = z.object({ data: z.array(Approval), total: z.number().int(), counts: ApprovalCounts });
export const ApprovalPeriods = z.partialRecord(z.enum(keys(APPROVAL_KINDS)), z.number().int().min(1).max(60));
export const ApprovalSettingsView = z.object({ periods: z.record(z.string(), z.number().int()), note: z.string(), kinds: z.array(z.object({ key: z.string(), label: z.string(), citation: z.string(), days: z.number().int() })) });

// ------------------------------------------------------------------------------------------- 12348 quality, knowledge base, referral

export const QaSampleCreateBody = z
  .object({ from: Day, to: Day, size: z.number().int().min(1).max(500), channel: z.enum(['phone', 'walkIn', 'online']).nullable().default(null), seed: z.string().regex(/^[0-9a-f]{8,128}$/, '种子须为 8 至 128 位十六进制').optional() })
  .strict();
export const QaScoreBody = z
  .object({ consultationId: z.string().min(1).max(64), accuracy: z.number().int().min(0).max(40), attitude: z.number().int().min(0).max(30), norms: z.number().int().min(0).max(30), comment: z.string().trim().max(1000).default('') })
  .strict();
export const QA_SCORING = '评分：解答准确性 0–40 分，服务态度 0–30 分，规范用语与记录完整性 0–30 分，合计 100 分；80 分以上为合格（本局质检标准，12348 热线服务规范的条文待核实）。';
export const QaSample = z.object({
  id: z.string(),
  sampleNo: z.string(),
  from: z.string(),
  to: z.string(),
  channel: z.string().nullable(),
  size: z.number().int(),
  seed: z.string(),
  algorithm: z.string(),
  candidateCount: z.number().int(),
  drawnOn: z.string(),
  items: z.array(
    z.object({
      consultationId: z.string(),
      recordNo: z.string(),
      channel: z.string(),
      category: z.string(),
      summary: z.string(),
      answer: z.string(),
      handlerName: z.string().nullable(),
      score: z.object({ accuracy: z.number().int(), attitude: z.number().int(), norms: z.number().int(), total: z.number().int(), comment: z.string(), reviewerName: z.string().nullable(), scoredAt: z.string() }).nullable(),
    }),
  ),
  scored: z.number().int(),
  averageScore: z.number().nullable(),
  passRate: z.number().nullable(),
  rerunMatches: z.boolean(),
});
export type QaSample = z.infer<typeof QaSample>;
export const QaSampleList = z.object({ data: z.array(QaSample.omit({ items: true })), scoring: z.string() });

export const KbEntryBody = z.object({ question: Text(500), answer: Text(4000), category: z.string().trim().min(1).max(40), citation: OptText(300) }).strict();
export const KbEntry = z.object({ id: z.string(), question: z.string(), answer: z.string(), category: z.string(), citation: z.string().nullable(), uses: z.number().int(), score: z.number().nullable(), matched: z.array(z.string()) });
export const KbSearchQuery = z.object({ q: z.string().trim().max(200).optional(), category: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(50).default(10) });
export const KbList = z.object({ data: z.array(KbEntry), total: z.number().int(), method: z.string() });

export const ReferralBody = z
  .discriminatedUnion('target', [
    z.object({ target: z.literal('mediation'), address: Text(200), matterType: z.enum(['family', 'neighbour', 'property', 'contract', 'labour', 'damages', 'finance', 'consumer', 'other']), partyName: Text(40) }).strict(),
    z.object({ target: z.literal('reconsideration'), respondentName: OptText(100), matterType: z.enum(['penalty', 'disclosure', 'workInjury', 'nonPerformance', 'coercion', 'licensing', 'other']) }).strict(),
    z.object({ target: z.literal('notary'), institutionId: z.string().min(1).max(64), note: z.string().trim().max(500).default('') }).strict(),
  ]);
export const ReferralResult = z.object({ consultationId: z.string(), target: z.enum(['legalAid', 'mediation', 'reconsideration', 'notary']), referralId: z.string(), referralLabel: z.string(), link: z.string().nullable() });

// ------------------------------------------------------------------------------------------- legal aid: materials (Art. 43 ¶2)

export const AidMaterialsRequestBody = z.object({ items: Text(2000), ...V }).strict();
export const AidMaterialsReceiveBody = z.object({ receivedOn: Day.optional(), note: z.string().trim().max(1000).default(''), ...V }).strict();
export const AID_MATERIALS_NOTE =
  '《中华人民共和国法律援助法》第四十三条第二款：申请材料不齐全的，应当一次性告知需要补充的材料或者要求作出说明；未按要求补充或者说明的，视为撤回申请。补充材料期间审查决定期限暂停计算、补齐后继续计算，为本局做法（法律未明确规定，待核实）。';

// ------------------------------------------------------------------------------------------- figures of the first paragraph

export const HeadlineFigures = z.object({
  from: z.string(),
  to: z.string(),
  aidAccepted: z.number().int(),
  consultationsWalkIn: z.number().int(),
  consultationsPhone: z.number().int(),
  consultationsOnline: z.number().int(),
  hotlineSatisfactionRate: z.number().nullable(),
  approvalsConcluded: z.number().int(),
  notarisationsOverseen: z.number().int(),
  enterpriseRequests: z.number().int(),
  checkups: z.number().int(),
  campaigns: z.number().int(),
  campaignParticipants: z.number().int(),
  complaintsConcluded: z.number().int(),
  definitions: z.record(z.string(), z.string()),
});
export type HeadlineFigures = z.infer<typeof HeadlineFigures>;
