import { maskIdNumber, maskMobile } from '../../../common/validators';

const SECRET_KEYS = /password|passwordHash|token|secret|csrf/i;
const ID_KEYS = /idNumber$/i;
const MOBILE_KEYS = /mobile$|phone$/i;
const ENC_KEYS = /(Enc|Bidx)$/;

/** Masks a value for the audit diff or a log line by the name of its field. */
export function maskValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (SECRET_KEYS.test(key)) return '******';
  if (ENC_KEYS.test(key)) return '[encrypted]';
  if (typeof value === 'string' && ID_KEYS.test(key)) return maskIdNumber(value);
  if (typeof value === 'string' && MOBILE_KEYS.test(key)) return maskMobile(value);
  return value;
}
