/** Password policy (等保 2.0 三级 identity authentication): at least 8 characters, 3 of 4 character classes. */
export const PASSWORD_MIN_LENGTH = 8;

export function passwordClasses(pw: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
}

export function meetsPasswordPolicy(pw: string): boolean {
  return pw.length >= PASSWORD_MIN_LENGTH && pw.length <= 128 && passwordClasses(pw) >= 3;
}
