/**
 * 执法单位联络员: what the registration's refusals mean to the supervisor, by the API's error code (and the reason in
 * its details), in words that say what to do next. Pure, so that each code's text is tested.
 */
import { isApiError } from '../../app/api';

export function liaisonErrorText(e: unknown, action: 'add' | 'remove'): string {
  if (!isApiError(e)) return e instanceof Error ? e.message : String(e);
  const reason = (e.details as { reason?: unknown } | undefined)?.reason;
  switch (e.code) {
    case 'ENF_RECORD_EXISTS':
      return '该账户已登记为该执法主体的联络员，无需重复登记';
    case 'ENF_AGENCY_UNKNOWN':
      return '所选执法主体未在执法主体台账中登记，请先在“执法主体”中登记';
    case 'NOT_FOUND':
      return action === 'remove' ? '该联络员登记已不存在（可能已被他人撤销），列表已刷新' : '所选账户不存在（可能已被删除），请刷新后重新选择';
    case 'ENF_LIAISON_ACCOUNT_INVALID':
      if (reason === 'liaisonRoleMissing') return '所选账户没有“执法单位联络员”角色（报送整改报告权限），请先由安全管理员为其分配角色，再登记';
      if (reason === 'liaisonAccountDisabled') return '所选账户已停用，不能登记为联络员；如需启用请联系系统管理员';
      return e.message;
    case 'VALIDATION_FAILED':
      return e.message;
    case 'OUT_OF_SCOPE':
      return '只有区级行政执法监督机构（全区数据范围）可以登记或撤销执法单位联络员';
    case 'FORBIDDEN':
      return '您没有登记或撤销执法单位联络员的权限';
    default:
      return e.message;
  }
}
