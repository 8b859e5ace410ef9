/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》:
 *   position 1      登记管理部门代码 (registration authority), e.g. '9' 市场监督管理 (原工商), '3' 司法行政
 *   position 2      机构类别代码 (organisation category), a digit 1–9
 *   positions 3–8   登记管理机关行政区划码 (GB/T 2260), 6 digits
 *   positions 9–17  主体标识码 (组织机构代码, GB 11714)
 *   position 18     check character, MOD 31 over positions 1–17
 * Character set: 0–9 and A–Y without I, O, Z, S, V (31 characters, values 0–30).
 * Check: C18 = 31 − (Σ Cᵢ·Wᵢ mod 31), with 31 written as '0'; Wᵢ = 3^(i−1) mod 31.
 * Because 31 is prime and no weight is 0 mod 31, every single-character substitution is detected.
 */

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** 登记管理部门代码 (GB 32100-2015 Table 1 and later assignments). */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '市场监督管理',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
};

const CHAR_VALUE: Readonly<Record<string, number>> = Object.fromEntries(
  [...CREDIT_CODE_CHARSET].map((c, i) => [c, i]),
);

/** MOD 31 check character for the first 17 characters, or null if any is outside the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHAR_VALUE[first17.charAt(i)];
    if (v === undefined) return null;
    sum += v * (CREDIT_CODE_WEIGHTS[i] as number);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Trim and upper-case — the form to store and compare. */
export function normalizeCreditCode(s: string): string {
  return s.trim().toUpperCase();
}

/**
 * GB 32100-2015 统一社会信用代码: 18 characters from the charset (upper case only), a known registration
 * authority code, a category digit, a 6-digit region code and a correct MOD 31 check character.
 */
export function isValidCreditCode(s: unknown): boolean {
  if (typeof s !== 'string' || s.length !== 18) return false;
  if (!(s.charAt(0) in REGISTRATION_AUTHORITIES)) return false;
  if (!/^.[1-9]\d{6}/.test(s)) return false;
  return creditCodeCheckChar(s.slice(0, 17)) === s.charAt(17);
}

/** GB 11714 组织机构代码 check character for an 8-character body (used to generate realistic demo codes). */
export function organizationCodeCheckChar(body8: string): string | null {
  const W = [3, 7, 9, 10, 5, 8, 4, 2];
  if (body8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (v < 0) return null;
    sum += v * (W[i] as number);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}
