/**
 * 行政执法监督: the import's columns, fields, kinds and row error messages — plain constants without zod, so that the
 * import's worker threads load them without the schema library (re-exported by ./enforcement).
 */

/** The key enforcement fields (重点执法领域). Codes are stored; labels shown. */
export const ENFORCEMENT_FIELDS = {
  urban: '城市管理',
  market: '市场监管',
  ecology: '生态环境',
  safety: '应急管理（安全生产）',
  fire: '消防救援',
  health: '卫生健康',
  transport: '交通运输',
  housing: '住房和城乡建设',
  culture: '文化和旅游',
  labour: '人力资源和社会保障',
  commerce: '商务',
  education: '教育',
  drug: '药品监管',
} as const;
export type EnforcementField = keyof typeof ENFORCEMENT_FIELDS;
export const ENFORCEMENT_FIELD_CODES = Object.keys(ENFORCEMENT_FIELDS) as EnforcementField[];

/** 检查类型: plan 计划检查 | random 双随机抽查 | complaint 投诉举报核查 | special 专项检查 | other 其他. */
export const INSPECTION_KINDS = { plan: '计划检查', random: '“双随机”抽查', complaint: '投诉举报核查', special: '专项检查', other: '其他' } as const;
export type InspectionKind = keyof typeof INSPECTION_KINDS;
export const INSPECTION_KIND_CODES = Object.keys(INSPECTION_KINDS) as InspectionKind[];

/** The inspection CSV columns, in order (UTF-8, header row, optional BOM). */
export const INSPECTION_CSV_COLUMNS = [
  'inspection_id', 'agency_code', 'agency_name', 'officer_id', 'target_credit_code', 'target_name', 'field', 'kind', 'plan_id', 'joint_id', 'inspected_on', 'found_problem', 'duration_minutes',
] as const;

/** The penalty CSV columns, in order. */
export const PENALTY_CSV_COLUMNS = [
  'penalty_id', 'agency_code', 'officer_id', 'target_credit_code', 'target_name', 'field', 'violation_code', 'discretion_level', 'amount', 'filed_on', 'decided_on', 'inspection_id',
] as const;

/**
 * The 12345 complaint CSV columns, in order (UTF-8, header row, optional BOM): the hotline's work-order number, the day
 * it was received (YYYY-MM-DD, not after today), the firm complained about (credit code with its check character, name),
 * the agency complained about (registered code, may be empty), the category and the complaint text, and the firm's
 * 街道 (may be empty; fills the firm register's street when it has none — the 司法所's data scope reads it).
 */
export const COMPLAINT_CSV_COLUMNS = ['complaint_id', 'received_on', 'target_credit_code', 'target_name', 'agency_code', 'category', 'summary', 'street'] as const;

/** 裁量阶次: light 从轻 | ordinary 一般 | heavy 从重 | mitigated 减轻. */
export const DISCRETION_LEVELS = { mitigated: '减轻', light: '从轻', ordinary: '一般', heavy: '从重' } as const;

/** Row-level import rejection codes: stable, each with a zh-CN message. */
export const IMPORT_ROW_ERRORS = {
  HEADER_INVALID: '表头与模板不一致：列名及顺序应为模板所列各列',
  COLUMN_COUNT: '列数与表头不一致',
  ID_REQUIRED: '记录编号不能为空',
  ID_TOO_LONG: '记录编号过长（最多 64 个字符）',
  ID_INVALID: '编号只能由英文字母、数字及 -_./ 等符号组成（不含空格、逗号），最多 64 个字符',
  ID_DUPLICATE_IN_FILE: '记录编号在本文件中重复出现',
  AGENCY_UNKNOWN: '执法主体代码未登记，请先在执法主体台账中登记',
  FIELD_UNKNOWN: '执法领域代码不在领域目录中',
  FIELD_NOT_OF_AGENCY: '该执法主体未登记此执法领域',
  OFFICER_REQUIRED: '执法人员编号不能为空',
  CREDIT_CODE_INVALID: '统一社会信用代码校验未通过（GB 32100-2015，第 18 位校验码）',
  TARGET_NAME_REQUIRED: '检查对象名称不能为空',
  KIND_INVALID: '检查类型应为 plan、random、complaint、special、other 之一',
  DATE_INVALID: '日期无效，应为 YYYY-MM-DD 格式的真实日期',
  FOUND_PROBLEM_INVALID: '是否发现问题应为 0 或 1',
  DURATION_INVALID: '检查时长（分钟）应为 0 至 1440 之间的整数',
  TEXT_TOO_LONG: '字段内容过长',
  DISCRETION_INVALID: '裁量阶次应为 mitigated、light、ordinary、heavy 之一',
  AMOUNT_INVALID: '罚款金额应为非负整数（元）',
  VIOLATION_CODE_REQUIRED: '违法行为代码不能为空',
  DATE_ORDER: '决定日期不能早于立案日期',
  DATE_FUTURE: '日期不能晚于今天',
  CATEGORY_REQUIRED: '诉求类别不能为空',
  SUMMARY_REQUIRED: '诉求内容不能为空',
} as const;
export type ImportRowErrorCode = keyof typeof IMPORT_ROW_ERRORS;
