import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 国密 primitives from node:crypto (OpenSSL): SM3 hash, HMAC-SM3, SM4-CBC with encrypt-then-MAC. */
export function sm3(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string): string {
  return createHmac('sm3', key).update(data).digest('hex');
}

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Blind index for exact-match search without decrypting: HMAC-SM3 over the normalised value. */
  blindIndex(plain: string): string;
}

/**
 * Field-level encryption of personal data (身份证号, 手机号) at rest.
 * Stored form: `sm4:v1:` + base64(iv[16] | ciphertext | tag[16]), tag = first 16 bytes of HMAC-SM3 over iv|ciphertext.
 */
export function createFieldCipher(sm4Key: Buffer, blindIndexKey: Buffer): FieldCipher {
  if (sm4Key.length !== 16) throw new Error('SM4 key must be 16 bytes');
  const macKey = createHmac('sm3', sm4Key).update('fazhi/field-mac/v1').digest();
  const tag = (buf: Buffer) => createHmac('sm3', macKey).update(buf).digest().subarray(0, 16);
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const c = createCipheriv('sm4-cbc', sm4Key, iv);
      const body = Buffer.concat([iv, c.update(plain, 'utf8'), c.final()]);
      return `sm4:v1:${Buffer.concat([body, tag(body)]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('sm4:v1:')) throw new Error('unknown ciphertext format');
      const raw = Buffer.from(stored.slice(7), 'base64');
      if (raw.length < 48) throw new Error('ciphertext too short');
      const body = raw.subarray(0, raw.length - 16);
      const mac = raw.subarray(raw.length - 16);
      if (!timingSafeEqual(mac, tag(body))) throw new Error('ciphertext integrity check failed');
      const d = createDecipheriv('sm4-cbc', sm4Key, body.subarray(0, 16));
      return Buffer.concat([d.update(body.subarray(16)), d.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return hmacSm3(blindIndexKey, plain.trim().toUpperCase());
    },
  };
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
