// For the engine's tests only: the stable error code a call throws (AppError), or undefined when it does not throw.
import { AppError } from '../errors';

export function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return undefined;
}
