import { z } from 'zod';
import { INSPECTION_KINDS } from './enforcement-columns';

export * from './enforcement-columns';

/**
 * 行政执法监督 (enforcement supervision): inspection import, detections of problem inspections, their parameters.
 * Shared by server and web. Legal bases are cited per rule in DETECTION_RULES.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');


export const EnforcementImportRejection = z.object({ row: z.number().int(), code: z.string(), message: z.string() });
export type EnforcementImportRejection = z.infer<typeof EnforcementImportRejection>;

export const EnforcementImportMode = z.enum(['all', 'valid-only']);
export type EnforcementImportMode = z.infer<typeof EnforcementImportMode>;

/** Answer of an import: rows inserted, rows that replaced an existing record (same id), rejected rows. */
export const EnforcementImportResult = z.object({
  jobId: z.string(),
  /** false when rows were rejected in mode "all": nothing was written */
  committed: z.boolean(),
  imported: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(EnforcementImportRejection),
  /** rejected rows in total (the list above stops at 1,000; the error report has them all) */
  rejectedTotal: z.number().int(),
});
export type EnforcementImportResult = z.infer<typeof EnforcementImportResult>;

export const EnforcementImportJob = z.object({
  id: z.string(),
  kind: z.enum(['inspections', 'penalties', 'complaints']),
  fileName: z.string(),
  mode: EnforcementImportMode,
  status: z.enum(['running', 'committed', 'rolledBack', 'failed']),
  processed: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type EnforcementImportJob = z.infer<typeof EnforcementImportJob>;

// ---------------------------------------------------------------------------------------------- detections

export const DETECTION_RULE_IDS = ['repeated-inspection', 'multi-agency-inspection', 'unplanned-inspection', 'low-yield-officer', 'frequency-cap', 'expired-certificate', 'overdue-penalty', 'discretion-outlier'] as const;
export const DetectionRuleId = z.enum(DETECTION_RULE_IDS);
export type DetectionRuleId = z.infer<typeof DetectionRuleId>;

const Kinds = z.array(z.enum(['plan', 'random', 'complaint', 'special', 'other'])).max(5);

/** Parameters per rule (stored, editable, audited). Defaults in DETECTION_RULES. */
export const DetectionParamSchemas = {
  'repeated-inspection': z.object({ windowDays: z.number().int().min(1).max(366), minVisits: z.number().int().min(2).max(100), excludeKinds: Kinds }).strict(),
  'multi-agency-inspection': z.object({ windowDays: z.number().int().min(1).max(366), minAgencies: z.number().int().min(2).max(50), excludeKinds: Kinds }).strict(),
  'unplanned-inspection': z.object({ kinds: Kinds }).strict(),
  'low-yield-officer': z.object({ minInspections: z.number().int().min(1).max(100000), medianRatio: z.number().min(0).max(1) }).strict(),
  'frequency-cap': z.object({ excludeKinds: Kinds, defaultCap: z.number().int().min(1).max(1000).nullable() }).strict(),
  'expired-certificate': z.object({ flagUnregisteredOfficer: z.boolean() }).strict(),
  // no setting: the period is the deadline engine's catalogue rule enforcement.penaltyDecision (行政处罚法第六十条)
  'overdue-penalty': z.object({}).strict(),
  'discretion-outlier': z.object({ factor: z.number().min(1.01).max(100), minGroupSize: z.number().int().min(2).max(10000) }).strict(),
} as const satisfies Record<DetectionRuleId, z.ZodTypeAny>;
export type DetectionParams<R extends DetectionRuleId = DetectionRuleId> = z.infer<(typeof DetectionParamSchemas)[R]>;

export interface DetectionRuleInfo {
  id: DetectionRuleId;
  name: string;
  description: string;
  /** instrument + article */
  legalBasis: string;
  /** true where law-rules.md marks the threshold UNVERIFIED: the UI says the value is a local setting */
  thresholdUnverified: boolean;
  defaults: Record<string, unknown>;
}

const LB_54 = '《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）';
const LB_BJ = '《北京市优化营商环境条例》';
const LB_YS = '《优化营商环境条例》';
const LB_CF = '《中华人民共和国行政处罚法》';

export const DETECTION_RULES: Record<DetectionRuleId, DetectionRuleInfo> = {
  'repeated-inspection': {
    id: 'repeated-inspection',
    name: '重复检查',
    description: '同一执法主体在同一领域对同一企业，在窗口天数内检查达到最少检查次数（一次联合检查计一次，不计入的检查类型除外）',
    legalBasis: `${LB_54}“能合并的不得重复检查”；${LB_YS}第五十四条`,
    thresholdUnverified: true,
    defaults: { windowDays: 30, minVisits: 2, excludeKinds: ['complaint'] },
  },
  'multi-agency-inspection': {
    id: 'multi-agency-inspection',
    name: '多头检查',
    description: '窗口天数内达到最少执法主体数的不同执法主体分别（非联合检查）检查同一企业（不计入的检查类型除外）',
    legalBasis: `${LB_54}“能联合的不得多头检查”；${LB_BJ}第七十条（同一时段对同一对象实施的多部门检查应当联合进行）`,
    thresholdUnverified: true,
    defaults: { windowDays: 30, minAgencies: 3, excludeKinds: ['complaint'] },
  },
  'unplanned-inspection': {
    id: 'unplanned-inspection',
    name: '随意检查',
    description: '须关联检查计划的检查类型（默认为计划检查、专项检查）未关联检查计划',
    legalBasis: `${LB_BJ}第六十七条（年度行政检查计划）；${LB_54}（专项检查须事先制定计划并经批准、备案）`,
    thresholdUnverified: false,
    defaults: { kinds: ['plan', 'special'] },
  },
  'low-yield-officer': {
    id: 'low-yield-officer',
    name: '低效检查',
    description: '执法人员在期间内某领域检查次数不少于下限，且发现问题率低于同领域执法人员中位数的一定比例',
    legalBasis: `${LB_BJ}第六十八条（无事不扰）；${LB_54}（减少入企检查）`,
    thresholdUnverified: true,
    defaults: { minInspections: 50, medianRatio: 0.25 },
  },
  'frequency-cap': {
    id: 'frequency-cap',
    name: '超频次检查',
    description: '同一执法主体一年内在同一领域检查同一企业的次数超过检查计划公布的上限（一次联合检查计一次，不计入的检查类型除外）',
    legalBasis: `${LB_54}（同一行政执法主体对同一企业年度检查次数上限）；${LB_BJ}第六十七条`,
    thresholdUnverified: true,
    defaults: { excludeKinds: ['complaint'], defaultCap: null },
  },
  'expired-certificate': {
    id: 'expired-certificate',
    name: '无有效执法证检查',
    description: '检查当日执法人员未持有效执法证（未登记、未生效或已过期）',
    legalBasis: `${LB_54}（无执法证件的人员不得从事行政检查）；${LB_CF}第四十二条第一款`,
    thresholdUnverified: false,
    defaults: { flagUnregisteredOfficer: true },
  },
  'overdue-penalty': {
    id: 'overdue-penalty',
    name: '处罚超期',
    description: '自立案之日起九十日（自然日，立案当日不计，期限末日为法定节假日的顺延至节假日后第一个工作日）内未作出行政处罚决定，或作出决定时已超过该期限；期限由统一期限引擎计算，经批准延长的（法律、法规、规章另有规定的从其规定）按延长后的期限',
    legalBasis: `${LB_CF}第六十条`,
    thresholdUnverified: false,
    defaults: {},
  },
  'discretion-outlier': {
    id: 'discretion-outlier',
    name: '裁量畸轻畸重',
    description: '同一违法行为代码、同一裁量阶次的案件达到最少件数时，罚款金额偏离其中位数超过倍数',
    legalBasis: `${LB_YS}第六十条（行政裁量权基准）；${LB_CF}第三十四条`,
    thresholdUnverified: true,
    defaults: { factor: 3, minGroupSize: 5 },
  },
};

/**
 * A rule's description with the parameters in force (GET /enforcement/detection-rules → params), so that the words
 * shown never state a threshold other than the one the engine applies. The static `description` above names the
 * parameters without values; this fills them in (defaults for any parameter missing from `params`). Pure, for the UI.
 */
export function describeDetectionRule(rule: DetectionRuleId, params?: Record<string, unknown> | null): string {
  const p = { ...DETECTION_RULES[rule].defaults, ...(params ?? {}) };
  const num = (k: string) => Number(p[k]);
  const kinds = (k: string) => (Array.isArray(p[k]) ? (p[k] as string[]) : []).map((x) => (INSPECTION_KINDS as Record<string, string>)[x] ?? x);
  const excluded = (k: string) => (kinds(k).length ? `${kinds(k).join('、')}不计入` : '各类检查均计入');
  const within = (w: number) => `自一次检查之日起 ${w} 日内（含第 ${w} 日）`;
  switch (rule) {
    case 'repeated-inspection':
      return `同一执法主体在同一领域对同一企业，${within(num('windowDays'))}检查 ${num('minVisits')} 次及以上（一次联合检查计一次；${excluded('excludeKinds')}）`;
    case 'multi-agency-inspection':
      return `${within(num('windowDays'))}有 ${num('minAgencies')} 个及以上不同执法主体分别（非联合检查）检查同一企业（${excluded('excludeKinds')}）`;
    case 'unplanned-inspection':
      return kinds('kinds').length ? `${kinds('kinds').join('、')}未关联检查计划` : '未设定须关联检查计划的检查类型，本规则不产生预警';
    case 'low-yield-officer':
      return `执法人员在期间内某领域检查不少于 ${num('minInspections')} 次，且发现问题率低于同领域执法人员（检查不少于 ${num('minInspections')} 次者）发现问题率中位数的 ${Math.round(num('medianRatio') * 1000) / 10}%`;
    case 'frequency-cap':
      return `同一执法主体一年内在同一领域检查同一企业的次数超过检查计划公布的上限${p.defaultCap == null ? '（计划未设上限的不检测）' : `（计划未设上限的按每年 ${num('defaultCap')} 次）`}（一次联合检查计一次；${excluded('excludeKinds')}）`;
    case 'expired-certificate':
      return p.flagUnregisteredOfficer === false ? '检查当日执法人员未持有效执法证（未生效、已过期或未登记有效期；未在执法人员台账登记的人员不预警）' : DETECTION_RULES[rule].description;
    case 'discretion-outlier':
      return `同一违法行为代码、同一裁量阶次的案件不少于 ${num('minGroupSize')} 件时，罚款金额高于其中位数的 ${num('factor')} 倍或低于中位数的 ${num('factor')} 分之一`;
    default:
      return DETECTION_RULES[rule].description;
  }
}

export const DetectionRange = z.object({ from: Day.optional(), to: Day.optional() });

export const DetectionListQuery = z.object({
  rule: DetectionRuleId,
  from: Day.optional(),
  to: Day.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type DetectionListQuery = z.infer<typeof DetectionListQuery>;

/** One flag with the evidence behind it. Fields that do not apply to a rule are omitted. */
export const DetectionFlag = z.object({
  id: z.string(),
  rule: DetectionRuleId,
  targetCreditCode: z.string().optional(),
  agencyCodes: z.array(z.string()),
  officerId: z.string().optional(),
  field: z.string().optional(),
  inspectionIds: z.array(z.string()),
  penaltyIds: z.array(z.string()).optional(),
  firstOn: z.string(),
  lastOn: z.string(),
  /** rule-specific figures (visits, rate, median, cap, amount, benchmark, due date…) */
  detail: z.record(z.string(), z.unknown()),
  legalBasis: z.string(),
});
export type DetectionFlag = z.infer<typeof DetectionFlag>;

export const DetectionList = z.object({ data: z.array(DetectionFlag), total: z.number().int() });
export type DetectionList = z.infer<typeof DetectionList>;

export const DetectionRuleView = z.object({
  id: DetectionRuleId,
  name: z.string(),
  description: z.string(),
  legalBasis: z.string(),
  thresholdUnverified: z.boolean(),
  defaults: z.record(z.string(), z.unknown()),
  params: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type DetectionRuleView = z.infer<typeof DetectionRuleView>;

export const DetectionParamsBody = z.object({ params: z.record(z.string(), z.unknown()), version: z.number().int().min(0) });
export const DetectionSimulateBody = z.object({ params: z.record(z.string(), z.unknown()), from: Day.optional(), to: Day.optional() });
export const DetectionSimulation = z.object({
  rule: DetectionRuleId,
  from: z.string(),
  to: z.string(),
  current: z.number().int(),
  proposed: z.number().int(),
  /** flags the proposal would add / no longer raise (by stable id) */
  added: z.number().int(),
  removed: z.number().int(),
});
export type DetectionSimulation = z.infer<typeof DetectionSimulation>;
