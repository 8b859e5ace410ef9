import { randomBytes } from 'node:crypto';

/**
 * Time-ordered UUIDs (version 7, RFC 9562 §5.7) for append-mostly tables written in bulk (the deadline journal):
 * consecutive ids sort after each other, so a batch of inserts appends to the end of the primary-key index instead
 * of landing on a random page each. 48-bit Unix milliseconds, then a 12-bit sequence in rand_a that keeps ids
 * generated in the same millisecond in order (on overflow the timestamp field advances, RFC 9562 §6.2 method 1),
 * then 62 random bits. Still a UUID: every consumer that stores or validates UUIDs accepts it.
 */
export function createUuidV7(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let seq = 0;
  let pool = randomBytes(0);
  let at = 0;
  return () => {
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      seq = 0;
    } else if (++seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
    if (at + 8 > pool.length) {
      pool = randomBytes(8 * 1024);
      at = 0;
    }
    const r = pool.subarray(at, at + 8);
    at += 8;
    const hex = lastMs.toString(16).padStart(12, '0');
    const a = (0x7000 | seq).toString(16);
    const b = ((r[0]! & 0x3f) | 0x80).toString(16).padStart(2, '0') + r[1]!.toString(16).padStart(2, '0');
    const c = r.subarray(2, 8).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${a}-${b}-${c}`;
  };
}

export const uuidV7 = createUuidV7();
