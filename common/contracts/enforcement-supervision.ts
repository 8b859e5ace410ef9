import { z } from 'zod';

/**
 * 行政执法监督: the supervision workflow (问题线索 → 督办单 → 整改报告 → 核查 → 办结, 执法监督意见书), the registers'
 * edit forms (执法主体, 执法人员, 检查计划, 行政处罚, 12345 投诉) and the analysis views. Shared by server and web.
 *
 * Legal basis: 《行政执法监督条例》(国务院令第825号, in force 2026-02-01) Art. 6 makes the county-level 司法行政部门 the
 * government's enforcement-supervision body [law-rules.md §6.5, V2]. The articles on 督办 and 执法监督意见书 and their
 * time limits could not be checked against the official text: the rectification period is the deadline rule
 * `enforcement.supervisionRectification` (30 days, marked unverified, extendable) and the UI says so.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`);

export const SUPERVISION_BASIS = {
  body: '《行政执法监督条例》（国务院令第825号，2026年2月1日施行）第六条：县级以上地方人民政府司法行政部门是本级人民政府行政执法监督机构',
  unverified: '督办、执法监督意见书的具体条文及整改、回复期限未与官方文本核对；整改期限为本局设置（默认30日，可延期），不作为法定期限',
  penalty: '《中华人民共和国行政处罚法》第六十条：自立案之日起九十日内作出行政处罚决定（法律、法规、规章另有规定的从其规定）',
} as const;

// ------------------------------------------------------------------------------------------- clues (问题线索)

export const CLUE_SOURCES = { detection: '检测预警', manual: '人工发现', complaint: '12345 投诉' } as const;
export type ClueSource = keyof typeof CLUE_SOURCES;
export const CLUE_STATUSES = { open: '待处置', ordered: '已督办', dismissed: '不予督办' } as const;
export type ClueStatus = keyof typeof CLUE_STATUSES;
export const SEVERITIES = { ordinary: '一般', serious: '严重' } as const;
export type Severity = keyof typeof SEVERITIES;

export const ClueCreateBody = z
  .object({
    source: z.enum(['detection', 'manual', 'complaint']),
    /** stable detection flag ids (source = detection), one or several */
    detectionIds: z.array(z.string().min(1).max(80)).max(200).default([]),
    /** 12345 complaint (source = complaint): its id and the firm's credit code (the complaint's key) */
    complaint: z.object({ id: z.string().min(1).max(64), targetCreditCode: z.string().min(1).max(18) }).nullable().default(null),
    /** the agency to supervise; required when the flags name several agencies or there are none */
    agencyCode: z.string().min(1).max(64).nullable().default(null),
    title: Text(200),
    description: z.string().trim().max(4000).default(''),
    severity: z.enum(['ordinary', 'serious']).default('ordinary'),
  })
  .strict();
export type ClueCreateBody = z.infer<typeof ClueCreateBody>;

export const Clue = z.object({
  id: z.string(),
  clueNo: z.string(),
  source: z.enum(['detection', 'manual', 'complaint']),
  title: z.string(),
  description: z.string(),
  agencyCode: z.string(),
  agencyName: z.string().nullable(),
  targetCreditCode: z.string().nullable(),
  field: z.string().nullable(),
  severity: z.enum(['ordinary', 'serious']),
  status: z.enum(['open', 'ordered', 'dismissed']),
  detectionIds: z.array(z.string()),
  complaintId: z.string().nullable(),
  orderId: z.string().nullable(),
  dismissReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Clue = z.infer<typeof Clue>;

export const ClueListQuery = z.object({
  status: z.enum(['open', 'ordered', 'dismissed']).optional(),
  agencyCode: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ClueList = z.object({ data: z.array(Clue), total: z.number().int() });

export const ClueDismissBody = z.object({ reason: Text(1000), version: z.number().int() }).strict();

// ------------------------------------------------------------------------------------------- orders (督办单)

export const ORDER_STATUSES = { issued: '待整改', reported: '已报送整改', returned: '退回重新整改', closed: '已办结' } as const;
export type OrderStatus = keyof typeof ORDER_STATUSES;

export const OrderIssueBody = z
  .object({
    clueId: z.string().min(1),
    requirement: Text(4000),
    version: z.number().int(),
  })
  .strict();

export const OrderReportBody = z.object({ report: Text(8000), rectifiedOn: Day, version: z.number().int() }).strict();
export const OrderVerifyBody = z.object({ result: z.enum(['pass', 'return']), note: Text(2000), version: z.number().int() }).strict();
export const OrderExtendBody = z.object({ days: z.number().int().min(1).max(180), reason: Text(500), version: z.number().int() }).strict();

export const OrderEvent = z.object({ at: z.string(), action: z.string(), actorName: z.string().nullable(), note: z.string() });

export const Order = z.object({
  id: z.string(),
  orderNo: z.string(),
  clueId: z.string(),
  clueNo: z.string(),
  title: z.string(),
  agencyCode: z.string(),
  agencyName: z.string().nullable(),
  requirement: z.string(),
  status: z.enum(['issued', 'reported', 'returned', 'closed']),
  issuedOn: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  report: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  reportedOn: z.string().nullable(),
  verificationNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  rounds: z.number().int(),
  severity: z.enum(['ordinary', 'serious']),
  opinionId: z.string().nullable(),
  events: z.array(OrderEvent),
  deadlineCitation: z.string(),
  deadlineUnverified: z.boolean(),
  version: z.number().int(),
});
export type Order = z.infer<typeof Order>;

export const OrderListQuery = z.object({
  status: z.enum(['issued', 'reported', 'returned', 'closed']).optional(),
  agencyCode: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const OrderList = z.object({ data: z.array(Order.omit({ events: true })), total: z.number().int() });

// ------------------------------------------------------------------------------------- opinions (执法监督意见书)

export const OpinionIssueBody = z.object({ orderId: z.string().min(1), facts: Text(4000), opinion: Text(4000) }).strict();
export const Opinion = z.object({
  id: z.string(),
  opinionNo: z.string(),
  orderId: z.string(),
  /** the 督办单 the letter concerns: its number and subject */
  orderNo: z.string(),
  orderTitle: z.string(),
  agencyCode: z.string(),
  agencyName: z.string().nullable(),
  facts: z.string(),
  opinion: z.string(),
  issuedOn: z.string(),
});
export type Opinion = z.infer<typeof Opinion>;
export const OpinionList = z.object({ data: z.array(Opinion), total: z.number().int() });
export const OpinionListQuery = z.object({
  agencyCode: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
/**
 * When a letter may be issued (supervision.status.ts opinionEligible): the order is not closed and the case is serious —
 * its clue is marked serious, the order was sent back for rework at least once, or the rectification period has passed
 * without a report. Shown where letters are listed.
 */
export const OPINION_WHEN = '执法监督意见书用于情节严重的督办事项：问题线索标记为“严重”、督办单曾被退回重新整改，或整改期限届满仍未报送整改报告（逾期）。';

// ------------------------------------------------------------------------------------- rectification rate

export const RectificationRate = z.object({
  asOf: z.string(),
  /** orders whose deadline has come (due date on or before asOf) or that are closed */
  due: z.number().int(),
  /** of those, closed after verification passed */
  closed: z.number().int(),
  /** closed / due, null when nothing is due */
  rate: z.number().nullable(),
  open: z.number().int(),
  overdue: z.number().int(),
  definition: z.string(),
});
export type RectificationRate = z.infer<typeof RectificationRate>;

// ------------------------------------------------------------------------------------------- liaisons

export const LiaisonBody = z.object({ userId: z.string().min(1, '请选择账户'), agencyCode: z.string().min(1, '请选择执法主体').max(64) }).strict();
/**
 * A registration (user ↔ agency). `active`: the account is not disabled; `canReport`: the account still holds the
 * liaison's permission to report rectification (its role may have been changed since it was registered).
 */
export const Liaison = z.object({ userId: z.string(), username: z.string(), displayName: z.string(), agencyCode: z.string(), agencyName: z.string().nullable(), createdAt: z.string(), active: z.boolean(), canReport: z.boolean() });
export type Liaison = z.infer<typeof Liaison>;
export const LiaisonList = z.object({ data: z.array(Liaison) });
/** Accounts that may be registered: active, holding enforcement.rectification.submit (执法单位联络员 role or the like). */
export const LiaisonCandidate = z.object({ userId: z.string(), username: z.string(), displayName: z.string(), departmentName: z.string().nullable(), agencyCodes: z.array(z.string()) });
export type LiaisonCandidate = z.infer<typeof LiaisonCandidate>;
export const LiaisonCandidateList = z.object({ data: z.array(LiaisonCandidate) });

// ------------------------------------------------------------------------------------------- registers

const Code = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._/-]+$/, '编号只能由英文字母、数字及 ._/- 组成');

export const AgencyBody = z.object({ code: Code, name: Text(100), legalBasis: Text(1000), fields: z.array(z.string().min(1).max(32)).min(1).max(20), street: z.string().max(50).nullable().default(null) }).strict();
export const Agency = z.object({ code: z.string(), name: z.string(), legalBasis: z.string(), fields: z.array(z.string()), street: z.string().nullable(), officers: z.number().int(), version: z.number().int() });
export const AgencyList = z.object({ data: z.array(Agency), total: z.number().int() });

export const OfficerBody = z
  .object({ id: Code, agencyCode: Code, name: Text(50), certificateNo: z.string().max(64).nullable().default(null), certificateValidFrom: Day.nullable().default(null), certificateValidTo: Day.nullable().default(null) })
  .strict();
export const Officer = z.object({
  id: z.string(),
  agencyCode: z.string(),
  name: z.string(),
  certificateNo: z.string().nullable(),
  certificateValidFrom: z.string().nullable(),
  certificateValidTo: z.string().nullable(),
  /** valid | expiring (within 60 days) | expired | none */
  certificateState: z.enum(['valid', 'expiring', 'expired', 'none']),
  version: z.number().int(),
});
export const OfficerList = z.object({
  data: z.array(Officer),
  total: z.number().int(),
  /** why the list is empty for this caller's data scope (a 司法所 sees firms, not agency staff), when it is */
  note: z.string().optional(),
});
export const OfficerListQuery = z.object({ agencyCode: z.string().max(64).optional(), certificate: z.enum(['valid', 'expiring', 'expired', 'none']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });

export const PlanBody = z.object({ id: Code, agencyCode: Code, year: z.number().int().min(2000).max(2100), field: z.string().min(1).max(32), title: Text(200), perFirmCap: z.number().int().min(1).max(1000).nullable().default(null) }).strict();
export const Plan = z.object({ id: z.string(), agencyCode: z.string(), year: z.number().int(), field: z.string(), title: z.string(), perFirmCap: z.number().int().nullable(), version: z.number().int() });
export const PlanList = z.object({ data: z.array(Plan), total: z.number().int() });

/** A step of the deadline engine's explanation (common/deadlines Step). */
export const DeadlineStep = z.object({ code: z.string(), date: z.string().optional(), text: z.string(), citation: z.string().optional() });
/** The Art. 60 decision period of a penalty case as the deadline engine computed and explained it. */
export const PenaltyDeadline = z.object({
  dueDate: z.string(),
  citation: z.string(),
  steps: z.array(DeadlineStep),
  /** the calendar of a year the period touches is not yet published: the due date is provisional */
  tentative: z.boolean(),
  extensionDays: z.number().int(),
});
export type PenaltyDeadline = z.infer<typeof PenaltyDeadline>;

export const PenaltyBody = z
  .object({ id: Code, agencyCode: Code, targetCreditCode: z.string().length(18), targetName: Text(200), field: z.string().min(1).max(32), violationCode: Text(64), discretionLevel: z.enum(['mitigated', 'light', 'ordinary', 'heavy']), amount: z.number().int().min(0).max(1_000_000_000), filedOn: Day, officerId: z.string().max(64).nullable().default(null) })
  .strict();
export const PenaltyDecideBody = z.object({ decidedOn: Day, amount: z.number().int().min(0).max(1_000_000_000).optional() }).strict();
/** 批准延长 (行政处罚法第六十条 “法律、法规、规章另有规定的，从其规定”): days, the rule that allows it, why, when approved. */
export const PenaltyExtendBody = z.object({ days: z.number().int().min(1).max(365), basis: Text(500), reason: Text(1000), approvedOn: Day }).strict();
export const PENALTY_EXTENSION_UNVERIFIED = '各领域关于延长行政处罚决定期限的规定未与官方文本逐一核对（待核实）：以批准时援引的法律、法规、规章为准。';
export const Penalty = z.object({
  id: z.string(),
  agencyCode: z.string(),
  targetCreditCode: z.string(),
  targetName: z.string().nullable(),
  field: z.string(),
  violationCode: z.string(),
  discretionLevel: z.string(),
  amount: z.number().int(),
  filedOn: z.string(),
  decidedOn: z.string().nullable(),
  /** 立案之日起九十日 (行政处罚法第六十条), from the deadline engine; with an approved extension, the extended date */
  dueDate: z.string(),
  overdue: z.boolean(),
  deadline: PenaltyDeadline,
  extension: z.object({ days: z.number().int(), basis: z.string(), reason: z.string(), approvedOn: z.string(), note: z.string() }).nullable(),
});
export const PenaltyList = z.object({ data: z.array(Penalty), total: z.number().int() });
export const PenaltyListQuery = z.object({ agencyCode: z.string().max(64).optional(), state: z.enum(['pending', 'decided', 'overdue']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });

export const ComplaintBody = z.object({ id: Code, targetCreditCode: z.string().length(18), targetName: Text(200), agencyCode: z.string().max(64).nullable().default(null), receivedOn: Day, category: Text(50), summary: Text(2000) }).strict();
export const Complaint = z.object({ id: z.string(), targetCreditCode: z.string(), targetName: z.string().nullable(), agencyCode: z.string().nullable(), receivedOn: z.string(), category: z.string(), summary: z.string(), status: z.string(), clueId: z.string().nullable(), clueNo: z.string().nullable() });
/** Link a complaint (its id and firm) to an existing problem clue. */
export const ComplaintLinkBody = z.object({ targetCreditCode: z.string().length(18), clueId: z.string().min(1).max(64) }).strict();
export const ComplaintList = z.object({ data: z.array(Complaint), total: z.number().int() });
export const PageQuery = z.object({ agencyCode: z.string().max(64).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });

// ------------------------------------------------------------------------------------------- analysis

export const AnalysisQuery = z.object({
  from: Day,
  to: Day,
  field: z.string().max(32).optional(),
  agencyCode: z.string().max(64).optional(),
  street: z.string().max(50).optional(),
});
export type AnalysisQuery = z.infer<typeof AnalysisQuery>;

const CountRow = z.object({ key: z.string(), label: z.string(), inspections: z.number().int(), problems: z.number().int() });
export const Analysis = z.object({
  from: z.string(),
  to: z.string(),
  /** the viewer's data scope, in words (全区, a street's firms, a liaison's agencies) */
  scope: z.string(),
  totals: z.object({ inspections: z.number().int(), problems: z.number().int(), firms: z.number().int(), penalties: z.number().int(), fines: z.number(), complaints: z.number().int() }),
  byMonth: z.array(z.object({ month: z.string(), inspections: z.number().int(), problems: z.number().int() })),
  byField: z.array(CountRow),
  byAgency: z.array(CountRow),
  byStreet: z.array(CountRow.extend({ firms: z.number().int() })),
  byKind: z.array(CountRow),
  /** the most-inspected firms (inspection burden) */
  burden: z.array(z.object({ creditCode: z.string(), name: z.string().nullable(), street: z.string().nullable(), inspections: z.number().int(), agencies: z.number().int(), problems: z.number().int() })),
  /** how many firms got 1, 2, 3–5, 6–10, >10 inspections */
  burdenHistogram: z.array(z.object({ bucket: z.string(), firms: z.number().int() })),
});
export type Analysis = z.infer<typeof Analysis>;

export const Dashboard = z.object({
  flagsByRule: z.array(z.object({ rule: z.string(), name: z.string(), count: z.number().int() })),
  rectification: RectificationRate,
  clues: z.object({ open: z.number().int(), ordered: z.number().int(), dismissed: z.number().int() }),
  orders: z.object({ issued: z.number().int(), reported: z.number().int(), returned: z.number().int(), closed: z.number().int() }),
  opinions: z.number().int(),
  byMonth: z.array(z.object({ month: z.string(), inspections: z.number().int(), problems: z.number().int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const FirmFile = z.object({
  creditCode: z.string(),
  name: z.string().nullable(),
  street: z.string().nullable(),
  inspections: z.array(z.object({ id: z.string(), agencyCode: z.string(), officerId: z.string(), field: z.string(), kind: z.string(), planId: z.string().nullable(), jointId: z.string().nullable(), inspectedOn: z.string(), foundProblem: z.boolean() })),
  inspectionsTotal: z.number().int(),
  /** dueDate: the deadline engine's due date of the Art. 60 decision period (with an approved extension, if any) */
  penalties: z.array(z.object({ id: z.string(), agencyCode: z.string(), violationCode: z.string(), discretionLevel: z.string(), amount: z.number().int(), filedOn: z.string(), decidedOn: z.string().nullable(), dueDate: z.string(), overdue: z.boolean() })),
  /** clueNo: the problem clue the complaint was raised as or linked to */
  complaints: z.array(z.object({ id: z.string(), agencyCode: z.string().nullable(), receivedOn: z.string(), category: z.string(), summary: z.string(), status: z.string(), clueNo: z.string().nullable() })),
  flags: z.array(z.object({ id: z.string(), rule: z.string(), agencyCodes: z.array(z.string()), firstOn: z.string(), lastOn: z.string(), evidenceCount: z.number().int() })),
  clues: z.array(z.object({ id: z.string(), clueNo: z.string(), title: z.string(), status: z.string() })),
});
export type FirmFile = z.infer<typeof FirmFile>;

export const FirmSearchQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const FirmSearch = z.object({ data: z.array(z.object({ creditCode: z.string(), name: z.string(), street: z.string().nullable() })) });

/** The records behind a flag (证据记录): inspections and penalties by id. */
export const EvidenceQuery = z.object({ inspectionIds: z.string().max(20000).default(''), penaltyIds: z.string().max(20000).default('') });
export const Evidence = z.object({
  inspections: z.array(z.object({ id: z.string(), targetCreditCode: z.string(), targetName: z.string().nullable(), agencyCode: z.string(), officerId: z.string(), field: z.string(), kind: z.string(), planId: z.string().nullable(), jointId: z.string().nullable(), inspectedOn: z.string(), foundProblem: z.boolean() })),
  penalties: z.array(z.object({ id: z.string(), targetCreditCode: z.string(), agencyCode: z.string(), violationCode: z.string(), discretionLevel: z.string(), amount: z.number().int(), filedOn: z.string(), decidedOn: z.string().nullable(), deadline: PenaltyDeadline })),
});
export type Evidence = z.infer<typeof Evidence>;
