/**
 * 行政复议 (administrative reconsideration) contracts, shared by the server and the web UI.
 * Statute: 《中华人民共和国行政复议法》 (2023 revision, in force 2024-01-01); law-rules.md §1 and table R1–R22.
 */
import { z } from 'zod';
import { Id, IsoDate } from './shared';
import { StepSchema } from './calendar';

/** 现场 / 寄送 / 线上 / 口头 (Art. 22). */
export const ReconChannel = z.enum(['onsite', 'mail', 'online', 'oral']);
export type ReconChannel = z.infer<typeof ReconChannel>;
export const RECON_CHANNEL_LABELS: Record<ReconChannel, string> = { onsite: '当面提交', mail: '邮寄', online: '互联网渠道', oral: '口头申请' };

export const ReconStatus = z.enum([
  'registered',
  'correctionRequested',
  'accepted',
  'rejected',
  'underReview',
  'mediation',
  'suspended',
  'decided',
  'mediated',
  'terminated',
  'abandoned',
]);
export type ReconStatus = z.infer<typeof ReconStatus>;
export const RECON_STATUS_LABELS: Record<ReconStatus, string> = {
  registered: '已登记（受理审查中）',
  correctionRequested: '待补正',
  accepted: '已受理',
  rejected: '不予受理',
  underReview: '审理中',
  mediation: '调解中',
  suspended: '中止审理',
  decided: '已决定',
  mediated: '调解结案',
  terminated: '已终止',
  abandoned: '视为放弃申请',
};

/** 普通程序 / 简易程序 (Arts. 48, 53–55). */
export const ReconProcedure = z.enum(['ordinary', 'simplified']);
export type ReconProcedure = z.infer<typeof ReconProcedure>;

/** 复议决定 types, Arts. 63–69 (Arts. 70–72 are grounds and remedies attached to these). */
export const ReconDecisionType = z.enum(['vary', 'revoke', 'confirmIllegal', 'orderPerformance', 'confirmInvalid', 'uphold', 'dismissClaim']);
export type ReconDecisionType = z.infer<typeof ReconDecisionType>;
export const RECON_DECISION_LABELS: Record<ReconDecisionType, string> = {
  vary: '变更（第六十三条）',
  revoke: '撤销或者部分撤销（第六十四条）',
  confirmIllegal: '确认违法（第六十五条）',
  orderPerformance: '责令履行（第六十六条）',
  confirmInvalid: '确认无效（第六十七条）',
  uphold: '维持（第六十八条）',
  dismissClaim: '驳回行政复议请求（第六十九条）',
};

/** 中止 grounds: Art. 39 ¶1 items (1)–(10). */
export const SuspensionGround = z.number().int().min(1).max(10);
/** 终止 grounds: Art. 41 items (1)–(5); (5) = suspension under Art. 39(1), (2) or (4) lasted 60 days. */
export const TerminationGround = z.number().int().min(1).max(5);

/** The deadline kinds of the issue's contract, plus the R14 termination check. */
export const ReconDeadlineKind = z.enum([
  'acceptance',
  'correction',
  'respondentCopy',
  'respondentReply',
  'decision',
  'suspensionTermination',
  // incidental review of a normative document (Arts. 56–60; R15–R19)
  'normReview',
  'normForward',
  'draftingNotice',
  'draftingReply',
  'forwardedReply',
]);
export type ReconDeadlineKind = z.infer<typeof ReconDeadlineKind>;
/** zh-CN name of each deadline kind. */
export const RECON_DEADLINE_KIND_LABELS: Record<ReconDeadlineKind, string> = {
  acceptance: '受理审查期限（第三十条）',
  correction: '补正期限（第三十一条）',
  respondentCopy: '发送申请书副本期限（第四十八条、第五十四条）',
  respondentReply: '被申请人答复期限（第四十八条、第五十四条）',
  decision: '作出行政复议决定期限（第六十二条）',
  suspensionTermination: '中止满六十日终止审查（第四十一条第五项）',
  normReview: '规范性文件附带审查处理期限（第五十六条、第五十七条）',
  normForward: '规范性文件转送期限（第五十六条、第五十七条）',
  draftingNotice: '书面通知制定机关期限（第五十八条）',
  draftingReply: '制定机关书面答复期限（第五十八条）',
  forwardedReply: '接受转送机关回复期限（第六十条）',
};

const Text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);

export const ApplicantInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    /** an existing entry of the shared people register */
    personId: Id.optional(),
    /** or a new one: 身份证号 validated (GB 11643) and SM4-encrypted by the people register */
    name: z.string().trim().min(1).max(40).optional(),
    idNumber: z.string().trim().min(1).max(18).optional(),
    mobile: z.string().trim().max(11).nullable().optional(),
  }),
  z.object({
    kind: z.literal('organization'),
    name: Text(100, '请输入法人或其他组织名称'),
    /** 统一社会信用代码, GB 32100 */
    creditCode: z.string().trim().length(18, '统一社会信用代码应为 18 位'),
    legalRepresentative: z.string().trim().max(40).optional(),
  }),
]);

export const AttachmentMeta = z.object({
  name: Text(200, '请输入材料名称'),
  size: z.number().int().min(0).max(200 * 1024 * 1024).optional(),
  mimeType: z.string().max(100).optional(),
  pages: z.number().int().min(0).max(10000).optional(),
});

export const ReconCaseCreateBody = z.object({
  channel: ReconChannel,
  /** 收到申请之日 (for mail: the day the organ received the letter) */
  receivedOn: IsoDate,
  /** mail only: 邮戳日期 — the application period R1 counts to the postmark (民事诉讼法 Art. 85 ¶4, 行政复议法 Art. 88) */
  postmarkOn: IsoDate.optional(),
  /** oral only: staff's record made on the spot (Art. 22 ¶3) and whether the applicant confirmed it */
  oralRecord: z.string().trim().max(5000).optional(),
  oralConfirmed: z.boolean().optional(),
  applicant: ApplicantInput,
  respondent: z.object({ name: Text(100, '请输入被申请人名称') }),
  act: z.object({
    name: Text(200, '请输入被申请复议的行政行为'),
    docNo: z.string().trim().max(100).optional(),
    /** 行政行为作出之日 */
    madeOn: IsoDate.optional(),
    /** 知道或者应当知道该行政行为之日 — start of the 60-day application period (Art. 20) */
    knownOn: IsoDate,
    /** 因不动产提出: the absolute bar is 20 years instead of 5 (Art. 21) */
    realEstate: z.boolean().optional(),
    /** Art. 20 ¶3: the agency did not tell the applicant of the right to apply, the organ and the period */
    notInformed: z.boolean().optional(),
    /** then: the day the applicant learned of them — the period runs from it, capped at one year from knownOn */
    rightsKnownOn: IsoDate.optional(),
  }).refine((a) => !a.notInformed || !!a.rightsKnownOn, { message: '未告知申请权利的，请填写申请人知道申请权利、复议机关和申请期限之日（第二十条第三款）', path: ['rightsKnownOn'] }),
  request: Text(2000, '请输入行政复议请求'),
  reasons: z.string().trim().max(10000).default(''),
  /** explanation of a late application (Art. 20 ¶2: force majeure or another proper reason) */
  lateExplanation: z.string().trim().max(2000).optional(),
  attachments: z.array(AttachmentMeta).max(100).default([]),
  handlerId: Id.optional(),
  /**
   * Art. 32: an application against an on-the-spot penalty or one based on electronic monitoring may be lodged with
   * the penalising agency, which forwards it within 5 working days of its receipt (R6). The application period counts
   * to the agency's receipt.
   */
  viaAgency: z
    .object({
      name: Text(100, '请填写转送申请的行政机关'),
      receivedOn: IsoDate,
      penalty: z.enum(['onTheSpot', 'electronicMonitoring']),
    })
    .optional(),
});

export const ReconDeadlineSchema = z.object({
  id: z.string(),
  kind: ReconDeadlineKind,
  ruleId: z.string(),
  title: z.string(),
  status: z.enum(['open', 'met', 'cancelled']),
  startDate: z.string(),
  due: z.string().nullable(),
  /** the statute and article, e.g. 《中华人民共和国行政复议法》第三十条 */
  basis: z.string(),
  /** the computation in one zh-CN paragraph */
  explanation: z.string(),
  steps: z.array(StepSchema),
  pauses: z.array(z.unknown()),
  extensions: z.array(z.unknown()),
  flags: z.array(z.string()),
  daysLeft: z.number().int().nullable(),
});
export type ReconDeadline = z.infer<typeof ReconDeadlineSchema>;

export const ApplicationPeriodSchema = z.object({
  start: z.string(),
  due: z.string(),
  /** the date compared with the due date: the postmark for mail, the receipt otherwise */
  filedOn: z.string(),
  countedTo: z.enum(['postmark', 'receipt', 'agencyReceipt']),
  late: z.boolean(),
  basis: z.string(),
  steps: z.array(StepSchema),
  /** Art. 20 ¶3: the one-year cap from the day the applicant knew of the act's content, when not informed */
  notInformedCap: z.string().nullable(),
  /** R2, Art. 21: not accepted more than 5 years (real estate: 20) after the act was made; null without its date */
  absoluteBar: z.object({ due: z.string(), beyond: z.boolean(), basis: z.string() }).nullable(),
});

export const RelatedCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  status: ReconStatus,
  channel: ReconChannel,
  receivedOn: z.string(),
  respondentName: z.string(),
  actName: z.string(),
  reasons: z.array(z.enum(['sameApplicant', 'sameRespondent', 'sameAct'])),
  /** same applicant and same act: Art. 30 ¶1 (7) — the organ has not already accepted this applicant's application on the same act */
  likelyDuplicate: z.boolean(),
  /** Art. 74 ¶2: the same applicant withdrew an application on the same act and the case was terminated — it may not
   * apply again on the same facts and reasons unless it shows the withdrawal was against its true will */
  withdrawnBar: z.boolean(),
  inScope: z.boolean(),
});

export const ReconCaseSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  status: ReconStatus,
  statusLabel: z.string(),
  channel: ReconChannel,
  procedure: ReconProcedure.nullable(),
  receivedOn: z.string(),
  applicantName: z.string(),
  applicantKind: z.enum(['person', 'organization']),
  respondentName: z.string(),
  actName: z.string(),
  departmentId: z.string(),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  late: z.boolean(),
  /** the nearest open deadline whose clock runs (a paused decision period is not listed) */
  nextDue: z.string().nullable(),
  nextDueKind: ReconDeadlineKind.nullable(),
  createdAt: z.string(),
});
export type ReconCaseSummary = z.infer<typeof ReconCaseSummary>;

export const ReconEventSchema = z.object({
  at: z.string(),
  on: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const ReconCaseDetail = ReconCaseSummary.extend({
  postmarkOn: z.string().nullable(),
  oralRecord: z.string().nullable(),
  oralConfirmed: z.boolean().nullable(),
  applicantPersonId: z.string().nullable(),
  applicantCreditCode: z.string().nullable(),
  actDocNo: z.string().nullable(),
  actMadeOn: z.string().nullable(),
  actKnownOn: z.string(),
  actRightsKnownOn: z.string().nullable(),
  request: z.string(),
  reasons: z.string(),
  lateExplanation: z.string().nullable(),
  attachments: z.array(AttachmentMeta),
  applicationPeriod: ApplicationPeriodSchema,
  /** Art. 32: lodged through the penalising agency — its receipt, and its 5-working-day forwarding period (R6) */
  forwarding: z.object({ agency: z.string(), agencyReceivedOn: z.string(), due: z.string(), onTime: z.boolean(), basis: z.string(), explanation: z.string() }).nullish(),
  /** Art. 30 ¶3: silence until the end of the review period = accepted on that day */
  deemedAcceptanceOn: z.string().nullable(),
  /** still registered and the review period has expired: accepted by operation of law (Art. 30 ¶3) */
  deemedAccepted: z.boolean(),
  acceptedOn: z.string().nullable(),
  rejectedOn: z.string().nullable(),
  copySentOn: z.string().nullable(),
  respondentReceivedOn: z.string().nullable(),
  replyReceivedOn: z.string().nullable(),
  suspendedOn: z.string().nullable(),
  suspensionGround: z.number().nullable(),
  extensionDays: z.number().nullable(),
  decisionType: ReconDecisionType.nullable(),
  decidedOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  terminationGround: z.number().nullable(),
  version: z.number().int(),
  /** actions allowed in the current status (the state table), for the UI */
  allowedActions: z.array(z.string()),
  deadlines: z.array(ReconDeadlineSchema),
  timeline: z.array(ReconEventSchema),
  related: z.array(RelatedCaseSchema),
});
export type ReconCaseDetail = z.infer<typeof ReconCaseDetail>;

export const ReconCaseListQuery = z.object({
  status: ReconStatus.optional(),
  channel: ReconChannel.optional(),
  handlerId: Id.optional(),
  /** overdue: an open deadline is past due; dueSoon: an open deadline falls due within 3 working days (official calendar) */
  due: z.enum(['overdue', 'dueSoon']).optional(),
  /** part of the case number, e.g. 〔2026〕12 */
  caseNo: z.string().trim().max(40).optional(),
  /** the viewer's own cases (handler = the signed-in user) */
  mine: z.enum(['true', 'false']).optional(),
  procedure: ReconProcedure.optional(),
  /** 收到申请之日 within [receivedFrom, receivedTo] */
  receivedFrom: IsoDate.optional(),
  receivedTo: IsoDate.optional(),
  /** 受理之日 within [acceptedFrom, acceptedTo] (the statistics' 受理) */
  acceptedFrom: IsoDate.optional(),
  acceptedTo: IsoDate.optional(),
  /** 不予受理决定之日 within [rejectedFrom, rejectedTo] (the statistics' 不予受理) */
  rejectedFrom: IsoDate.optional(),
  rejectedTo: IsoDate.optional(),
  /** 审结: decided or mediated with the decision date, or terminated with the termination date, within the range */
  concludedFrom: IsoDate.optional(),
  concludedTo: IsoDate.optional(),
  /** part of the case number, the applicant's name or the respondent's name */
  q: z.string().trim().max(60).optional(),
  sort: z.enum(['receivedOn', 'nextDue', 'caseNo']).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

// ── transition bodies (every date is the legal date of the step; none may lie in the future) ─────────
export const RequestCorrectionBody = z.object({
  /** 补正通知发出之日: within 5 working days of receipt (Art. 31 ¶1) */
  noticeOn: IsoDate,
  /** 申请人收到补正通知之日: the applicant's 10 working days run from it (Art. 31 ¶2) */
  servedOn: IsoDate,
  /** one-time list of what is to be supplied (一次性载明) */
  items: z.array(z.string().trim().min(1).max(500)).min(1, '补正通知应当一次性载明需要补正的事项').max(50),
});
export const SubmitCorrectionBody = z.object({ receivedOn: IsoDate });
/** Art. 31 ¶2: for a proper reason the organ may extend the applicant's correction period (working days, Art. 88). */
export const ExtendCorrectionBody = z.object({
  days: z.number().int().min(1).max(30),
  approvedOn: IsoDate,
  reason: Text(1000, '请说明申请人不能按期补正的正当理由'),
});
export const AbandonBody = z.object({ on: IsoDate, note: z.string().trim().max(1000).optional() });
export const AcceptBody = z.object({ acceptedOn: IsoDate, procedure: ReconProcedure });
export const RejectBody = z.object({
  rejectedOn: IsoDate,
  reason: Text(2000, '不予受理应当说明理由'),
  /** Art. 30 ¶2: when another organ has jurisdiction, the decision names it */
  competentOrgan: z.string().trim().max(100).optional(),
});
export const SendCopyBody = z.object({ sentOn: IsoDate, respondentReceivedOn: IsoDate });
export const RecordReplyBody = z.object({ receivedOn: IsoDate });
export const MediationBody = z.object({ on: IsoDate, note: z.string().trim().max(1000).optional() });
export const SuspendBody = z.object({ on: IsoDate, ground: SuspensionGround, note: z.string().trim().max(1000).optional() });
export const ResumeBody = z.object({ on: IsoDate, note: z.string().trim().max(1000).optional() });
export const ExtendBody = z.object({
  days: z.number().int().min(1),
  approvedOn: IsoDate,
  reason: Text(1000, '请说明延期理由（情况复杂）'),
});
export const DecideBody = z.object({
  decidedOn: IsoDate,
  type: ReconDecisionType,
  summary: z.string().trim().max(5000).optional(),
  /** Art. 70 proviso: a third party supplied evidence despite the respondent's default */
  thirdPartyEvidence: z.boolean().optional(),
});
export const TerminateBody = z.object({ on: IsoDate, ground: TerminationGround, note: z.string().trim().max(1000).optional() });
export const AssignBody = z.object({ handlerId: Id });
/** Art. 55: a simplified case may be switched to the ordinary procedure with the approval of the body's head. */
export const SwitchProcedureBody = z.object({ approvedOn: IsoDate, reason: Text(1000, '请说明转为普通程序的理由') });

// ── withdrawal, hearing of views, hearing, committee consultation, incidental review (Arts. 13, 49–52, 56–60, 74) ──
/** Art. 74: withdrawal before the decision, approved by the reconsideration body; the case terminates under Art. 41 (1). */
export const WithdrawBody = z.object({
  /** 申请人提出撤回之日 */
  requestedOn: IsoDate,
  /** 行政复议机构准予撤回之日 */
  approvedOn: IsoDate,
  reason: Text(2000, '请记明申请人撤回行政复议申请的理由'),
  /** the parties settled (和解, Art. 74 ¶1) before the withdrawal */
  settlement: z.boolean().default(false),
});

export const ReconParty = z.enum(['applicant', 'respondent', 'thirdParty']);
export const RECON_PARTY_LABELS: Record<z.infer<typeof ReconParty>, string> = { applicant: '申请人', respondent: '被申请人', thirdParty: '第三人' };
/** Art. 49: in person, online or by phone; 'unable' = could not be heard for reasons on the party's side (书面审理). */
export const ViewsMethod = z.enum(['inPerson', 'internet', 'phone', 'unable']);
export const VIEWS_METHOD_LABELS: Record<z.infer<typeof ViewsMethod>, string> = { inPerson: '当面', internet: '互联网', phone: '电话', unable: '因当事人原因不能听取（书面审理）' };
export const HearViewsBody = z.object({
  party: ReconParty,
  on: IsoDate,
  method: ViewsMethod,
  /** the views as recorded (记录在案); for 'unable', the reason on the party's side */
  record: Text(5000, '请记录听取的意见（不能听取的，请记明当事人方面的原因）'),
});

/** R11: the latest day of the written hearing notice for a hearing on `hearingOn` (GET /cases/:id/hearing-notice). */
export const HearingNoticeQuery = z.object({ hearingOn: IsoDate });
export const HearingNoticeResult = z.object({
  hearingOn: z.string(),
  latestNoticeOn: z.string(),
  basis: z.string(),
  explanation: z.string(),
  steps: z.array(StepSchema),
  flags: z.array(z.string()),
});

/** Art. 50 ¶1: mandatory for major, difficult or complex cases; ¶2: the body thinks it necessary, or the applicant asks. */
export const HearingReason = z.enum(['majorComplex', 'necessary', 'applicantRequest']);
export const ScheduleHearingBody = z.object({
  /** 书面通知发出之日: at least 5 working days before the hearing (Art. 51 ¶1, Art. 88 ¶2; R11) */
  noticeOn: IsoDate,
  hearingOn: IsoDate,
  place: Text(200, '请填写听证地点'),
  issues: Text(2000, '请填写拟听证事项'),
  reason: HearingReason,
});
const Name = z.string().trim().min(1).max(40);
export const RecordHearingBody = z
  .object({
    heldOn: IsoDate,
    /** Art. 50 ¶3: one reconsideration officer presides, two or more act as hearing officers, one clerk keeps the record */
    presiding: Name,
    members: z.array(Name).min(2, '听证员应当为两名以上行政复议人员（第五十条第三款）').max(10),
    clerk: Name,
    applicantAttended: z.boolean(),
    /** Art. 51 ¶2: absent without a proper reason = the applicant waived the hearing */
    applicantAbsenceReason: z.string().trim().max(1000).optional(),
    /** Art. 51 ¶3: the respondent's head attends, or gives reasons and sends a delegate */
    respondentHeadAttended: z.boolean(),
    respondentDelegate: z.string().trim().max(40).optional(),
    respondentAbsenceReason: z.string().trim().max(1000).optional(),
    record: Text(10000, '请填写听证笔录摘要'),
  })
  .refine((b) => b.respondentHeadAttended || (!!b.respondentDelegate && !!b.respondentAbsenceReason), {
    message: '被申请人的负责人不能参加听证的，应当说明理由并委托相应的工作人员参加（第五十一条第三款）',
    path: ['respondentDelegate'],
  });

/** Art. 52 ¶2 items (1)–(4). */
export const CommitteeGround = z.number().int().min(1).max(4);
export const ConsultCommitteeBody = z.object({ requestedOn: IsoDate, ground: CommitteeGround, question: Text(2000, '请填写提请咨询的问题') });
export const CommitteeOpinionBody = z.object({ receivedOn: IsoDate, opinion: Text(10000, '请记录行政复议委员会的咨询意见') });

/** Art. 13 ¶1 items (1)–(4) (rules, 规章, are excluded by ¶2). */
export const NormIssuer = z.enum(['stateCouncilDepartment', 'localGovernment', 'township', 'authorizedOrganization']);
export const StartNormReviewBody = z.object({
  /** receipt of the applicant's request (Art. 56) or the day the organ found the basis unlawful (Art. 57); the case is suspended that day */
  on: IsoDate,
  source: z.enum(['applicant', 'organ']),
  document: z.object({
    name: Text(200, '请填写规范性文件名称'),
    docNo: z.string().trim().max(100).optional(),
    issuer: NormIssuer,
    draftingOrgan: Text(100, '请填写制定机关'),
  }),
  /** the organ has power to handle it (30 days, Arts. 56–58) or must forward it (7 working days) */
  competent: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});
export const NotifyDraftingOrganBody = z.object({ noticeOn: IsoDate, draftingReceivedOn: IsoDate });
export const DraftingReplyBody = z.object({ receivedOn: IsoDate, inPerson: z.boolean().default(false) });
export const ForwardNormBody = z.object({ forwardedOn: IsoDate, recipient: Text(100, '请填写接受转送的机关'), recipientReceivedOn: IsoDate });
export const ConcludeNormReviewBody = z.object({
  on: IsoDate,
  /** Art. 59: lawful (stated in the decision) / unlawful (stop applying it, order the drafting organ to correct); Art. 60: the receiving organ replied */
  outcome: z.enum(['lawful', 'unlawful', 'replyReceived']),
  summary: Text(5000, '请填写审查处理意见'),
});
