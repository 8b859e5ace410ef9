/**
 * 公民身份号码 (18-character resident identity card number), GB 11643-1999 《公民身份号码》:
 *   positions 1–6   address code (行政区划代码, GB/T 2260) — 6 digits, first digit not 0
 *   positions 7–14  birth date YYYYMMDD (a real calendar date, year ≥ 1900, not after `today`)
 *   positions 15–17 sequence code (顺序码); the 17th digit is odd for men and even for women
 *   position 18     check character, ISO 7064:1983 MOD 11-2 over positions 1–17: '0'–'9' or 'X'
 * MOD 11-2 detects every single-character substitution and every adjacent transposition.
 */
import { dayNumberFromYmd, isValidYmd, parseDate } from '../calendar/dates';

/** Weights 2^(17−i) mod 11 for positions i = 1…17 (GB 11643-1999 §6.2). */
export const ID_NUMBER_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (Σ aᵢ·Wᵢ) mod 11. */
const ID_CHECK_CHARS = '10X98765432';

/** MOD 11-2 check character for the first 17 digits, or null if they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    sum += d * (ID_NUMBER_WEIGHTS[i] as number);
  }
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/** Trim and upper-case a trailing 'x' — the form to store, compare and hash. */
export function normalizeIdNumber(s: string): string {
  return s.trim().toUpperCase();
}

export interface IdNumberOptions {
  /** 'YYYY-MM-DD'; when given, a birth date after it is invalid. */
  today?: string;
}

export interface IdNumberInfo {
  /** normalised (upper-case X) */
  idNumber: string;
  regionCode: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: 'male' | 'female';
}

/**
 * Parses a valid ID number; returns null when any rule above fails. A lower-case 'x' check character is
 * accepted (and upper-cased in the result); surrounding whitespace is not accepted.
 */
export function parseIdNumber(s: unknown, opts: IdNumberOptions = {}): IdNumberInfo | null {
  if (typeof s !== 'string' || s.length !== 18) return null;
  const id = s.charCodeAt(17) === 120 ? s.slice(0, 17) + 'X' : s;
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return null;
  if (idNumberCheckChar(id.slice(0, 17)) !== id.charAt(17)) return null;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || !isValidYmd(year, month, day)) return null;
  if (opts.today !== undefined && dayNumberFromYmd(year, month, day) > parseDate(opts.today)) return null;
  return {
    idNumber: id,
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * GB 11643-1999 18-character 居民身份证号码: format, region code, birth date and MOD 11-2 check character.
 * @param opts.today 'YYYY-MM-DD' — birth dates after it are rejected (throws CALENDAR_DATE_INVALID if malformed).
 */
export function isValidIdNumber(s: unknown, opts: IdNumberOptions = {}): boolean {
  return parseIdNumber(s, opts) !== null;
}
