/** Mainland China mobile number: 11 digits, '1', then 3–9 (no country code, no separators). */
const MOBILE_RE = /^1[3-9]\d{9}$/;

export function isValidMobile(s: unknown): boolean {
  return typeof s === 'string' && MOBILE_RE.test(s);
}

/** Strip spaces, dashes and a leading +86 / 0086 — call before validating user input. */
export function normalizeMobile(s: string): string {
  const t = s.replace(/[\s-]/g, '');
  return t.replace(/^(\+86|0086)/, '');
}
