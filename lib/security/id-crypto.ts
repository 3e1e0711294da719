/**
 * ID numbers at rest: AES-256-GCM ciphertext (random 96-bit IV, 128-bit tag), and an HMAC-SHA256 keyed hash
 * for look-up and uniqueness. The clear number exists only in memory, in an authorised, audited full view.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber, normalizeIdNumber } from '../domain/id-number';

export interface IdKeys {
  encryptionKey: Buffer;
  hashKey: Buffer;
}

export function keysFromBase64(encryptionKey: string, hashKey: string): IdKeys {
  return { encryptionKey: Buffer.from(encryptionKey, 'base64'), hashKey: Buffer.from(hashKey, 'base64') };
}

/** The keys as configured (`env()` in the app, the parsed environment in scripts). */
export function idKeysFrom(e: { ID_ENCRYPTION_KEY: string; ID_HASH_KEY: string }): IdKeys {
  return keysFromBase64(e.ID_ENCRYPTION_KEY, e.ID_HASH_KEY);
}

/** `iv` defaults to 12 random bytes; only the city-scale seed passes one (derived from the number, see db/seed/city/ids.ts). */
export function encryptIdNumber(idNumber: string, keys: IdKeys, iv: Buffer = randomBytes(12)): string {
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
  const ct = Buffer.concat([cipher.update(normalizeIdNumber(idNumber), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
}

export function decryptIdNumber(stored: string, keys: IdKeys): string {
  const [v, iv, tag, ct] = stored.split(':');
  if (v !== 'v1' || !iv || !tag || !ct) throw new Error('Unknown ID-number ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
}

export function hashIdNumber(idNumber: string, keys: IdKeys): string {
  return createHmac('sha256', keys.hashKey).update(normalizeIdNumber(idNumber)).digest('hex');
}

/** The three stored columns for one ID number. */
export function protectIdNumber(idNumber: string, keys: IdKeys) {
  return {
    idNumberEnc: encryptIdNumber(idNumber, keys),
    idNumberHash: hashIdNumber(idNumber, keys),
    idNumberMasked: maskIdNumber(normalizeIdNumber(idNumber)),
  };
}
