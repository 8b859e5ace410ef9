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
