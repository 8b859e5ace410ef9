/** Chinese labels of the audit log's action codes, object types and outcomes. */
import type { Tone } from '../../components/StatusTag';

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lock': '账户锁定',
  'auth.changePassword': '修改本人密码',
  'access.denied': '越权访问被拒绝',
  'access.csrf': 'CSRF 校验失败',
  'audit.verify': '审计日志完整性校验',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'department.delete': '删除部门',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.enable': '启用用户',
  'user.disable': '停用用户',
  'user.assignRoles': '分配角色',
  'user.unlock': '解锁账户',
  'user.resetPassword': '重置密码',
  'role.create': '新建角色',
  'role.update': '修改角色',
  'role.delete': '删除角色',
  'calendar.publish': '发布节假日安排',
  'calendar.update': '修改节假日安排',
  'calendar.withdraw': '撤回节假日安排',
  'personal.reveal': '查看完整个人信息',
  'person.create': '登记当事人',
};

/** Prefix filters (the API matches `action` as a prefix). */
export const ACTION_CATEGORIES: { value: string; label: string }[] = [
  { value: 'auth.', label: '认证（全部）' },
  { value: 'access.', label: '访问控制（全部）' },
  { value: 'user.', label: '用户管理（全部）' },
  { value: 'role.', label: '角色管理（全部）' },
  { value: 'department.', label: '部门管理（全部）' },
  { value: 'calendar.', label: '节假日安排（全部）' },
  { value: 'personal.', label: '个人信息查看（全部）' },
  { value: 'audit.', label: '审计（全部）' },
];

export const OBJECT_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  role: '角色',
  department: '部门',
  calendarYear: '节假日安排',
  auditLog: '审计日志',
  route: '接口',
  person: '当事人',
  deadline: '期限',
};

export const OUTCOME_LABELS: Record<string, { label: string; tone: Tone }> = {
  success: { label: '成功', tone: 'green' },
  denied: { label: '拒绝', tone: 'orange' },
  failure: { label: '失败', tone: 'red' },
};

export const BREAK_KIND_LABELS: Record<string, string> = {
  'hash-mismatch': '内容被篡改（哈希不符）',
  'link-mismatch': '链接断开（前序哈希不符）',
  gap: '序号缺失（记录被删除）',
  'head-mismatch': '链尾不符（末尾记录被删除或替换）',
};

export const LOGIN_OUTCOME_LABELS: Record<string, { label: string; tone: Tone }> = {
  success: { label: '登录成功', tone: 'green' },
  failure: { label: '登录失败', tone: 'red' },
  locked: { label: '账户锁定', tone: 'red' },
  logout: { label: '退出登录', tone: 'blue' },
  timeout: { label: '会话超时', tone: 'grey' },
};

export const LOGIN_REASON_LABELS: Record<string, string> = {
  'unknown-user': '用户名不存在',
  'bad-password': '密码错误',
  'account-locked': '账户已锁定',
  disabled: '账户已停用',
  'idle-timeout': '长时间未操作',
  'absolute-timeout': '超过会话最长时间',
  'session-limit': '同一账户在线会话超过上限，最早的会话被结束',
};

/** A login-log reason in Chinese; 强制下线 entries carry the administrator: `forced-by:<username>`. */
export function loginReasonLabel(reason: string | null): string {
  if (!reason) return '—';
  if (reason.startsWith('forced-by:')) return `被 ${reason.slice('forced-by:'.length)} 强制下线`;
  return LOGIN_REASON_LABELS[reason] ?? reason;
}
