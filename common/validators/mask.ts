/**
 * Masking for display and logs (个人信息保护法 Art. 51 security measures; 等保 2.0 data minimisation).
 * Masks never reveal more than the stated parts, whatever the input length.
 */

/** '110102199003071234' → '110102********1234': keeps the first 6 and last 4 characters. */
export function maskIdNumber(s: string): string {
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

/** '13812345678' → '138****5678': keeps the first 3 and last 4 digits. */
export function maskMobile(s: string): string {
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/**
 * '张三' → '张*', '张小三' → '张*三', '欧阳小明' → '欧**明', '买买提·艾力' → '买**·*力'.
 * Keeps the first character and (for 3+ characters) the last; '·' separators stay visible.
 */
export function maskName(s: string): string {
  const chars = Array.from(s.trim());
  if (chars.length <= 1) return chars.length === 0 ? '' : '*';
  if (chars.length === 2) return chars[0] + '*';
  const last = chars.length - 1;
  return chars.map((c, i) => (i === 0 || i === last || c === '·' ? c : '*')).join('');
}

/**
 * A postal address for display: keeps the administrative part up to the first 区/县/旗 (or 市 when no district
 * follows) within the first 12 characters — '北京市西城区样例路 1 号' → '北京市西城区****' — and hides the rest
 * (street, number, room) behind a fixed '****' that does not reveal its length. Without such a part, the first
 * 3 characters are kept.
 */
export function maskAddress(s: string): string {
  const chars = Array.from(s.trim());
  if (chars.length === 0) return '';
  const head = chars.slice(0, 12).join('');
  // 小区 (a housing estate) is not a district
  const m = /^.{2,}?(?<!小)[区县旗]/u.exec(head) ?? /^.{2,}?市/u.exec(head);
  const keep = m ? Array.from(m[0]).length : Math.min(3, chars.length - 1);
  return keep >= chars.length ? chars.join('') : `${chars.slice(0, keep).join('')}****`;
}
