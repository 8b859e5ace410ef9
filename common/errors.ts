/**
 * The one catalogue of error codes. Every code has a zh-CN message (shown to users) and an HTTP status
 * (used by the server's single error handler). Adding a code without a status or message fails to compile.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容不符合要求，请检查后重试' },
  BAD_REQUEST: { status: 400, message: '请求格式有误' },
  UNAUTHENTICATED: { status: 401, message: '尚未登录或登录已过期，请重新登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '连续登录失败次数过多，账户已锁定 15 分钟' },
  ACCOUNT_DISABLED: { status: 403, message: '账户已停用，请联系系统管理员' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录须先修改密码' },
  PASSWORD_POLICY: { status: 400, message: '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少 3 类' },
  PASSWORD_WRONG: { status: 400, message: '原密码不正确' },
  PASSWORD_REUSED: { status: 400, message: '新密码不能与原密码相同' },
  CSRF_INVALID: { status: 403, message: '页面已过期，请刷新后重试（CSRF 校验失败）' },
  FORBIDDEN: { status: 403, message: '没有执行此操作的权限' },
  OUT_OF_SCOPE: { status: 403, message: '该数据不在您的数据权限范围内' },
  ROLE_CONFLICT: { status: 409, message: '系统管理员、安全管理员、审计管理员三员分立，一个账户不能兼任' },
  NOT_FOUND: { status: 404, message: '请求的记录不存在' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  CONFLICT: { status: 409, message: '记录已被他人修改或已存在，请刷新后重试' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  DEPARTMENT_NOT_EMPTY: { status: 409, message: '该部门下仍有下级部门或用户，不能删除' },
  DEPARTMENT_CYCLE: { status: 400, message: '不能将部门移动到其自身或其下级部门之下' },
  ID_NUMBER_INVALID: { status: 400, message: '身份证号码校验未通过（GB 11643）' },
  CREDIT_CODE_INVALID: { status: 400, message: '统一社会信用代码校验未通过（GB 32100）' },
  MOBILE_INVALID: { status: 400, message: '手机号码格式不正确' },
  CALENDAR_YEAR_UNPUBLISHED: {
    status: 422,
    message: '期限计算涉及尚未公布节假日安排的年份，无法确定工作日，请待国务院办公厅公布该年度安排后再计算',
  },
  CALENDAR_DATE_INVALID: { status: 400, message: '日期格式不正确，应为 YYYY-MM-DD' },
  // 行政复议 (reconsideration): every message names the article of 《中华人民共和国行政复议法》 (2023) it enforces.
  RECON_TRANSITION_NOT_ALLOWED: { status: 409, message: '案件当前状态下不能执行该操作' },
  RECON_CHANNEL_FACTS_MISSING: {
    status: 400,
    message: '申请渠道信息不完整：邮寄申请须填写邮戳日期（申请期限计算至交邮之日），口头申请须有当场记录（《行政复议法》第二十二条第三款）',
  },
  RECON_APPLICANT_REQUIRED: { status: 400, message: '请指定申请人：选择已登记的当事人，或填写姓名和身份证号码；法人或其他组织须填写名称和统一社会信用代码' },
  RECON_HANDLER_INVALID: { status: 400, message: '承办人不存在、已停用、不在您的数据范围内或没有办理行政复议案件的权限' },
  RECON_DATE_ORDER: { status: 400, message: '日期先后顺序不正确，请核对（例如受理日期不能早于收到申请之日）' },
  RECON_DATE_IN_FUTURE: { status: 400, message: '日期不能晚于今天' },
  RECON_REVIEW_PERIOD_EXPIRED: {
    status: 409,
    message: '五日审查期限已届满：补正通知应自收到申请之日起五日内发出（《行政复议法》第三十一条第一款），不予受理决定应在审查期限内作出（第三十条第二款）',
  },
  RECON_ACCEPT_AFTER_DEEMED: {
    status: 409,
    message: '审查期限届满未作出不予受理决定，依照《行政复议法》第三十条第三款，自审查期限届满之日起视为受理；请以视为受理之日登记受理',
  },
  RECON_CORRECTION_PERIOD_RUNNING: {
    status: 409,
    message: '补正期限尚未届满，不能认定申请人放弃行政复议申请（《行政复议法》第三十一条第二款：自收到补正通知之日起十日内提交补正材料）',
  },
  RECON_REPLY_PENDING: {
    status: 409,
    message: '被申请人尚未答复且答复期限未届满，不能作出行政复议决定（《行政复议法》第四十八条、第五十四条、第七十条）',
  },
  RECON_DEFAULT_OUTCOME: {
    status: 409,
    message: '被申请人未按期提出书面答复、提交证据和依据，视为该行政行为没有证据、依据（《行政复议法》第七十条），不能作出维持或驳回复议请求的决定',
  },
  RECON_EXTENSION_NOT_ALLOWED: {
    status: 409,
    message: '不能延期：审理期限只能经行政复议机构负责人批准延长一次，且仅适用于普通程序（《行政复议法》第六十二条）',
  },
  RECON_EXTENSION_TOO_LONG: { status: 400, message: '延长期限最多不得超过三十日（《行政复议法》第六十二条第一款）' },
  RECON_TERMINATION_NOT_DUE: {
    status: 409,
    message: '不能依第四十一条第五项终止：须因第三十九条第一款第一项、第二项或第四项中止且满六十日（《行政复议法》第四十一条第五项）',
  },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  INTERNAL: { status: 500, message: '系统内部错误，请稍后重试或联系管理员' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

/** Business code throws this; the server's error handler turns it into the error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
