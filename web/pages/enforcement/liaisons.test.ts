import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { ERRORS } from '../../../common/errors';
import { liaisonErrorText } from './liaisons';

const err = (code: keyof typeof ERRORS, details?: unknown) => new ApiError({ status: ERRORS[code].status, code, message: ERRORS[code].message, details });

describe('liaisonErrorText: each refusal of the registration in words that say what to do', () => {
  it.each([
    ['ENF_RECORD_EXISTS', undefined, 'add', '已登记为该执法主体的联络员'],
    ['ENF_AGENCY_UNKNOWN', { agencyCode: 'X' }, 'add', '未在执法主体台账中登记'],
    ['NOT_FOUND', { entity: 'user' }, 'add', '所选账户不存在'],
    ['NOT_FOUND', { entity: 'liaison' }, 'remove', '可能已被他人撤销'],
    ['ENF_LIAISON_ACCOUNT_INVALID', { reason: 'liaisonRoleMissing' }, 'add', '请先由安全管理员为其分配角色'],
    ['ENF_LIAISON_ACCOUNT_INVALID', { reason: 'liaisonAccountDisabled' }, 'add', '所选账户已停用'],
    ['OUT_OF_SCOPE', undefined, 'add', '只有区级行政执法监督机构'],
    ['FORBIDDEN', undefined, 'remove', '没有登记或撤销执法单位联络员的权限'],
  ] as const)('%s %j (%s)', (code, details, action, text) => {
    expect(liaisonErrorText(err(code, details), action)).toContain(text);
  });

  it('falls back to the server\'s message for other codes and to the text of other errors', () => {
    expect(liaisonErrorText(err('CSRF_INVALID'), 'add')).toBe(ERRORS.CSRF_INVALID.message);
    expect(liaisonErrorText(err('VALIDATION_FAILED', { issues: [{ path: 'body.userId', message: '请选择账户' }] }), 'add')).toContain('请选择账户');
    expect(liaisonErrorText(new Error('网络中断'), 'add')).toBe('网络中断');
  });
});
