/**
 * 矛盾纠纷排查化解 (dispute register: 全口径、全周期、全贯通) and 人民调解 (people's mediation) contracts.
 * 《中华人民共和国人民调解法》(2010); judicial confirmation: 人民调解法第三十三条, 民事诉讼法第二百零五条.
 */
import { z } from 'zod';
import { Id, IsoDate, Paging } from './shared';

export const DISPUTE_SOURCES = ['hotline12345', 'police110', 'petition', 'officeVisit', 'gridWorker', 'screening', 'walkIn'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];
export const DISPUTE_SOURCE_LABELS: Record<DisputeSource, string> = {
  hotline12345: '12345 热线',
  police110: '110 警情移交',
  petition: '信访',
  officeVisit: '司法所走访',
  gridWorker: '网格员上报',
  screening: '排查活动',
  walkIn: '当事人来访',
};

export const DISPUTE_TYPES = ['family', 'neighbour', 'property', 'contract', 'labour', 'damages', 'finance', 'consumer', 'other'] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export const DISPUTE_TYPE_LABELS: Record<DisputeType, string> = {
  family: '婚姻家庭',
  neighbour: '邻里纠纷',
  property: '房屋物业',
  contract: '合同纠纷',
  labour: '劳动争议',
  damages: '损害赔偿',
  finance: '金融借贷',
  consumer: '消费纠纷',
  other: '其他',
};

export const RISK_GRADES = ['low', 'medium', 'high'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];
export const RISK_GRADE_LABELS: Record<RiskGrade, string> = { low: '一般', medium: '较大', high: '重大' };

export const DISPUTE_STATUSES = ['registered', 'handling', 'closed'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = { registered: '待分流', handling: '办理中', closed: '已办结' };

export const HOLDER_KINDS = ['office', 'committee', 'department', 'court'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];
export const HOLDER_KIND_LABELS: Record<HolderKind, string> = { office: '司法所', committee: '人民调解委员会', department: '职能部门', court: '人民法院（诉调对接）' };

export const CLOSE_RESULTS = ['mediated', 'resolved', 'litigation', 'withdrawn', 'unresolved'] as const;
export type CloseResult = (typeof CLOSE_RESULTS)[number];
export const CLOSE_RESULT_LABELS: Record<CloseResult, string> = { mediated: '调解成功', resolved: '部门处理化解', litigation: '引导诉讼', withdrawn: '当事人撤回', unresolved: '未能化解' };

/**
 * The earliest date the dispute and mediation registers accept for a new entry (接报日期, 受理日期): 1 January of the
 * year before the current one. Both registers number an entry by the year of that date (西纠〔YYYY〕N号,
 * 西人调〔YYYY〕N号), so a mistyped year (e.g. 1990) would open a counter for that year. Not a statutory rule: a
 * plausibility bound of the register, checked by the server and at the form's field.
 */
export const earliestRegisterDate = (today: string) => `${Number(today.slice(0, 4)) - 1}-01-01`;

export const DISPUTE_ACTION_LABELS: Record<string, string> = {
  register: '登记',
  intakeMerged: '同一纠纷再次反映（合并）',
  transfer: '分流移交',
  risk: '风险研判',
  close: '办结',
  followUp: '回访',
  reopen: '重新办理',
  mediationAccepted: '人民调解委员会受理',
  mediationConcluded: '调解结果',
};

const PartyInput = z.object({
  name: z.string().trim().min(1, '请输入当事人姓名').max(40),
  idNumber: z.string().trim().max(18).optional(),
  /** stored (SM4-encrypted) through platform/people together with the ID number; without an ID number it is not kept */
  mobile: z.string().trim().max(11).optional(),
  role: z.enum(['applicant', 'respondent', 'other']).default('applicant'),
});

export const DisputeIntakeBody = z.object({
  source: z.enum(DISPUTE_SOURCES),
  sourceRef: z.string().trim().max(60).optional(),
  receivedOn: IsoDate,
  matterType: z.enum(DISPUTE_TYPES),
  summary: z.string().trim().min(1, '请输入纠纷简要情况').max(2000),
  address: z.string().trim().min(1, '请输入纠纷发生地址').max(200),
  riskGrade: z.enum(RISK_GRADES).default('low'),
  /** the 司法所 responsible for the street (default: the registering user's department) */
  departmentId: Id.optional(),
  campaignId: Id.optional(),
  parties: z.array(PartyInput).min(1, '请至少登记一名当事人').max(20),
  /** register as a new dispute although a matching one was found (the reason is kept in the history) */
  separateReason: z.string().trim().min(2).max(200).optional(),
});

export const DisputeListQuery = Paging.extend({
  status: z.enum(DISPUTE_STATUSES).optional(),
  source: z.enum(DISPUTE_SOURCES).optional(),
  riskGrade: z.enum(RISK_GRADES).optional(),
  matterType: z.enum(DISPUTE_TYPES).optional(),
  warning: z.enum(['1']).optional(),
  campaignId: Id.optional(),
  /** the 司法所 (department) owning the dispute; inside the caller's data scope (a department outside it lists nothing) */
  departmentId: Id.optional(),
  q: z.string().trim().max(60).optional(),
  /** 登记之日 within [receivedFrom, receivedTo] (the statistics' period) */
  receivedFrom: IsoDate.optional(),
  receivedTo: IsoDate.optional(),
});

export const DisputeSummary = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  matterType: z.enum(DISPUTE_TYPES),
  summary: z.string(),
  address: z.string(),
  riskGrade: z.enum(RISK_GRADES),
  firstSource: z.enum(DISPUTE_SOURCES),
  sources: z.array(z.enum(DISPUTE_SOURCES)),
  intakeCount: z.number().int(),
  receivedOn: z.string(),
  holderKind: z.enum(HOLDER_KINDS),
  holderName: z.string(),
  partyNames: z.array(z.string()),
  /** early warning: 重大 risk, three or more intakes, or reopened */
  warning: z.boolean(),
  closedOn: z.string().nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
});
export type DisputeSummaryT = z.infer<typeof DisputeSummary>;

export const DisputeEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  onDate: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const DisputeDetail = DisputeSummary.extend({
  intakes: z.array(z.object({ id: z.string(), source: z.enum(DISPUTE_SOURCES), sourceRef: z.string().nullable(), receivedOn: z.string(), summary: z.string(), matchedBy: z.array(z.string()) })),
  /** names only; ID numbers never leave the people register unmasked */
  parties: z.array(z.object({ name: z.string(), role: z.string(), personId: z.string().nullable(), idNumber: z.string().nullable() })),
  events: z.array(DisputeEvent),
  committeeId: z.string().nullable(),
  mediationCaseId: z.string().nullable(),
  closeResult: z.enum(CLOSE_RESULTS).nullable(),
  followedUpOn: z.string().nullable(),
  reopenCount: z.number().int(),
  allowed: z.array(z.string()),
  version: z.number().int(),
});
export type DisputeDetailT = z.infer<typeof DisputeDetail>;

export const DisputeIntakeResult = z.object({
  /** true when the intake was recognised as a dispute already on the register and added to it */
  merged: z.boolean(),
  disputeId: z.string(),
  code: z.string(),
  matchedBy: z.array(z.string()),
  /** null when the matched dispute lies outside the caller's data scope */
  dispute: DisputeDetail.nullable(),
  /** weaker matches shown to the registrar (same address or same party name with the same matter type) */
  similar: z.array(z.object({ id: z.string(), code: z.string(), reasons: z.array(z.string()) })),
});

export const DisputeTransferBody = z.object({
  to: z.enum(HOLDER_KINDS),
  committeeId: Id.optional(),
  /** the receiving department or court; for `office` the 司法所 id goes in targetDepartmentId */
  targetName: z.string().trim().max(100).optional(),
  targetDepartmentId: Id.optional(),
  on: IsoDate,
  note: z.string().trim().min(1, '请填写移交说明').max(500),
  version: z.number().int(),
});
export const DisputeRiskBody = z.object({ riskGrade: z.enum(RISK_GRADES), note: z.string().trim().min(1, '请填写研判意见').max(500), version: z.number().int() });
export const DisputeCloseBody = z.object({ on: IsoDate, result: z.enum(CLOSE_RESULTS), note: z.string().trim().min(1, '请填写办结情况').max(1000), version: z.number().int() });
export const DisputeFollowUpBody = z.object({ on: IsoDate, satisfied: z.boolean(), note: z.string().trim().min(1, '请填写回访情况').max(1000), version: z.number().int() });
export const DisputeReopenBody = z.object({ on: IsoDate, reason: z.string().trim().min(2, '请填写重新办理的原因').max(500), version: z.number().int() });

export const DisputeCampaignBody = z.object({
  name: z.string().trim().min(1).max(100),
  focus: z.string().trim().min(1).max(300),
  startsOn: IsoDate,
  endsOn: IsoDate,
  specialPeriod: z.boolean().default(false),
});
export const DisputeCampaign = z.object({ id: z.string(), name: z.string(), focus: z.string(), startsOn: z.string(), endsOn: z.string(), specialPeriod: z.boolean(), disputes: z.number().int() });

export const DisputeStatsQuery = z.object({ from: IsoDate, to: IsoDate });
export const DisputeStats = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  closed: z.number().int(),
  merged: z.number().int(),
  bySource: z.array(z.object({ source: z.enum(DISPUTE_SOURCES), label: z.string(), count: z.number().int() })),
  byType: z.array(z.object({ matterType: z.enum(DISPUTE_TYPES), label: z.string(), count: z.number().int(), closed: z.number().int() })),
  byCommittee: z.array(z.object({ committeeId: z.string(), name: z.string(), cases: z.number().int(), agreed: z.number().int(), failed: z.number().int() })),
});

// ── 人民调解 ───────────────────────────────────────────────────────────────────────────────────────

export const COMMITTEE_KINDS = ['street', 'community', 'trade', 'professional'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = { street: '街道人民调解委员会', community: '社区人民调解委员会', trade: '行业性人民调解委员会', professional: '专业性人民调解委员会' };

export const MediationCommittee = z.object({ id: z.string(), name: z.string(), kind: z.enum(COMMITTEE_KINDS), departmentId: z.string(), departmentName: z.string(), address: z.string().nullable(), foundedOn: z.string().nullable(), mediators: z.number().int(), cases: z.number().int(), /** the caller may register cases for it (its department is in the caller's scope) */ inScope: z.boolean() });
export const MediationCommitteeBody = z.object({ name: z.string().trim().min(2).max(60), kind: z.enum(COMMITTEE_KINDS), departmentId: Id.optional(), address: z.string().trim().max(200).optional(), foundedOn: IsoDate.optional() });
export const Mediator = z.object({ id: z.string(), committeeId: z.string(), name: z.string(), position: z.string(), fullTime: z.boolean(), specialty: z.string().nullable(), trainingHours: z.number().int(), trainings: z.array(z.object({ onDate: z.string(), topic: z.string(), hours: z.number().int() })) });
export const MediatorBody = z.object({ committeeId: Id, name: z.string().trim().min(1).max(40), position: z.string().trim().min(1).max(20).default('调解员'), fullTime: z.boolean().default(false), specialty: z.string().trim().max(60).optional() });
export const MediatorTrainingBody = z.object({ on: IsoDate, topic: z.string().trim().min(1).max(100), hours: z.number().int().min(1).max(200) });

export const MEDIATION_STATUSES = ['accepted', 'agreed', 'failed'] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];
export const MEDIATION_STATUS_LABELS: Record<MediationStatus, string> = { accepted: '调解中', agreed: '达成协议', failed: '调解不成' };

/** Art. 33 人民调解法 / 民事诉讼法 Art. 205, shown wherever the window appears. */
export const CONFIRMATION_BASIS = '《中华人民共和国人民调解法》第三十三条第一款、《中华人民共和国民事诉讼法》第二百零五条';

export const MediationCaseBody = z.object({
  committeeId: Id,
  mediatorId: Id.optional(),
  matterType: z.enum(DISPUTE_TYPES),
  summary: z.string().trim().min(1).max(2000),
  /** 人民调解法第十七条: on a party's application, or on the committee's initiative */
  startMode: z.enum(['application', 'initiative', 'referral']).default('application'),
  acceptedOn: IsoDate,
  parties: z.array(z.object({ name: z.string().trim().min(1).max(40), idNumber: z.string().trim().min(1, '请输入身份证号码').max(18), mobile: z.string().trim().max(11).optional(), role: z.enum(['applicant', 'respondent', 'other']) })).min(2, '调解案件至少有两方当事人').max(20),
});
export const MediationListQuery = Paging.extend({
  status: z.enum(MEDIATION_STATUSES).optional(),
  committeeId: Id.optional(),
  q: z.string().trim().max(60).optional(),
  /** 受理之日 within [acceptedFrom, acceptedTo] (the statistics' period) */
  acceptedFrom: IsoDate.optional(),
  acceptedTo: IsoDate.optional(),
});
export const MediationCaseSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
  mediatorName: z.string().nullable(),
  matterType: z.enum(DISPUTE_TYPES),
  summary: z.string(),
  status: z.enum(MEDIATION_STATUSES),
  acceptedOn: z.string(),
  partyNames: z.array(z.string()),
  agreementEffectiveOn: z.string().nullable(),
  confirmationDue: z.string().nullable(),
  confirmationAppliedOn: z.string().nullable(),
  confirmationCourt: z.string().nullable(),
  disputeId: z.string().nullable(),
  departmentId: z.string(),
});
export const MediationCaseDetail = MediationCaseSummary.extend({
  startMode: z.string(),
  parties: z.array(z.object({ personId: z.string(), name: z.string(), role: z.string(), idNumber: z.string(), mobile: z.string().nullable() })),
  sessions: z.array(z.object({ id: z.string(), heldOn: z.string(), mediatorName: z.string().nullable(), place: z.string().nullable(), note: z.string() })),
  agreementForm: z.enum(['written', 'oral']).nullable(),
  agreementTerms: z.string().nullable(),
  /** the 30-day window of 人民调解法第三十三条, computed by the deadline engine, with its explanation */
  confirmation: z.object({ due: z.string(), basis: z.string(), steps: z.array(z.object({ code: z.string(), text: z.string(), date: z.string().optional() })), deadlineId: z.string().nullable(), remindFrom: z.string() }).nullable(),
  /** P1: 人民调解工作若干规定第三十三条 “一般在一个月内调结” (待核实) */
  conclusionTarget: z.object({ due: z.string(), basis: z.string(), unverified: z.boolean() }),
  endedOn: z.string().nullable(),
  failureReason: z.string().nullable(),
  followedUpOn: z.string().nullable(),
  performed: z.boolean().nullable(),
  handlerId: z.string(),
  version: z.number().int(),
});
export type MediationCaseDetailT = z.infer<typeof MediationCaseDetail>;
export const MediationSessionBody = z.object({ heldOn: IsoDate, mediatorId: Id.optional(), place: z.string().trim().max(100).optional(), note: z.string().trim().min(1, '请填写调解记录').max(4000) });
export const MediationAgreementBody = z.object({
  form: z.enum(['written', 'oral']),
  terms: z.string().trim().min(1, '请填写协议内容').max(8000),
  /** written: the day all parties signed and the committee sealed; oral: the day agreed (人民调解法第二十九条、第三十条) */
  effectiveOn: IsoDate,
  version: z.number().int(),
});
export const MediationFailureBody = z.object({ endedOn: IsoDate, reason: z.string().trim().min(1).max(1000), version: z.number().int() });
export const MediationConfirmationBody = z.object({ appliedOn: IsoDate, court: z.string().trim().min(2).max(100), version: z.number().int() });
export const MediationFollowUpBody = z.object({ on: IsoDate, performed: z.boolean(), note: z.string().trim().min(1).max(1000), version: z.number().int() });
