import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../../common/errors';

// argon2id (the library default, algorithm 2) with OWASP's minimum parameters: m = 19 MiB, t = 2, p = 1.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, OPTIONS);
}

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username does not exist, so that both paths take the same time. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('dummy-password-for-timing');
  return dummy;
}

/**
 * 等保 2.0 identity authentication: a password must not contain the username (case-insensitive), on top of the
 * length and character-class policy in common/password. Refused as VALIDATION_FAILED on the password field.
 */
export function assertPasswordNotUsername(password: string, username: string, field: 'password' | 'newPassword'): void {
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: `body.${field}`, message: '密码不能包含用户名' }] });
  }
}
