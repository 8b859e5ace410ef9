import { describe, expect, it } from 'vitest';
import { loginReasonLabel } from './labels';

describe('login-log reasons', () => {
  it('shows a forced logout with the administrator, in Chinese', () => {
    expect(loginReasonLabel('forced-by:secadmin')).toBe('被 secadmin 强制下线');
  });
  it('translates the known reasons and keeps unknown ones', () => {
    expect(loginReasonLabel('unknown-user')).toBe('用户名不存在');
    expect(loginReasonLabel(null)).toBe('—');
    expect(loginReasonLabel('something-new')).toBe('something-new');
  });
});
