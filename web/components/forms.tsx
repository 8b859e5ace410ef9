/**
 * Bridges between the shared Zod contracts and antd forms: field rules whose messages come from common/,
 * and server VALIDATION_FAILED issues mapped back onto fields.
 */
import type { FormInstance, FormRule as Rule } from 'antd';
import type { z } from 'zod';
import { meetsPasswordPolicy, passwordClasses, PASSWORD_MIN_LENGTH } from '../../common/password';
import { isApiError } from '../app/api';

/** An antd rule that validates with a Zod schema and shows its (Chinese) message. */
export function zodRule(schema: z.ZodType, opts: { optional?: boolean } = {}): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (opts.optional && (value === undefined || value === null || value === '')) return;
      // An untouched field is '' to the schema, so that its own “请输入…” message shows (not a type error).
      const v = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : value;
      const res = schema.safeParse(v);
      if (!res.success) throw new Error(res.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

export const passwordPolicyRule: Rule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || !value) throw new Error('请输入密码');
    if (!meetsPasswordPolicy(value)) throw new Error(`密码至少 ${PASSWORD_MIN_LENGTH} 位，且须包含大写字母、小写字母、数字、符号中的至少 3 类`);
  },
};

/** Live description of how a password meets the policy (shown under the field). */
export function PasswordPolicyHint({ value }: { value: string | undefined }) {
  const pw = value ?? '';
  const classes = passwordClasses(pw);
  const okLen = pw.length >= PASSWORD_MIN_LENGTH;
  const okClasses = classes >= 3;
  return (
    <span>
      要求：至少 {PASSWORD_MIN_LENGTH} 位（当前 {pw.length} 位{okLen ? '，已满足' : ''}）；大写字母、小写字母、数字、符号中至少 3 类（当前 {classes} 类
      {okClasses ? '，已满足' : ''}）；不能包含用户名。
    </span>
  );
}

/**
 * Puts the issues of a VALIDATION_FAILED (or a field-specific error) onto the form's fields.
 * Returns true when at least one field got a message.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldMap: Record<string, string> = {}): boolean {
  if (!isApiError(error)) return false;
  const names = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields: { name: string; errors: string[] }[] = [];
  for (const issue of error.issues) {
    const last = issue.path.split('.').filter(Boolean).pop() ?? '';
    const name = fieldMap[last] ?? last;
    if (names.has(name)) fields.push({ name, errors: [issue.message] });
  }
  const d = error.details as { field?: unknown } | undefined;
  if (typeof d?.field === 'string' && names.has(fieldMap[d.field] ?? d.field)) fields.push({ name: fieldMap[d.field] ?? d.field, errors: [error.message] });
  if (error.code === 'USERNAME_TAKEN' && names.has('username')) fields.push({ name: 'username', errors: [error.baseMessage] });
  if (error.code === 'MOBILE_INVALID' && names.has('mobile')) fields.push({ name: 'mobile', errors: [error.baseMessage] });
  if (error.code === 'PASSWORD_POLICY') for (const n of ['password', 'newPassword']) if (names.has(n)) fields.push({ name: n, errors: [error.baseMessage] });
  if (error.code === 'PASSWORD_WRONG' && names.has('oldPassword')) fields.push({ name: 'oldPassword', errors: [error.baseMessage] });
  if (error.code === 'PASSWORD_REUSED' && names.has('newPassword')) fields.push({ name: 'newPassword', errors: [error.baseMessage] });
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
