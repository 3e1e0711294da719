import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptIdNumber, encryptIdNumber, hashIdNumber, protectIdNumber } from '@/lib/security/id-crypto';

const keys = { encryptionKey: randomBytes(32), hashKey: randomBytes(32) };
const id = '11010519491231002X';

describe('ID numbers at rest', () => {
  it('round-trips through AES-256-GCM and never stores the clear number', () => {
    const enc = encryptIdNumber(id, keys);
    expect(enc).not.toContain(id);
    expect(enc).not.toContain('19491231');
    expect(decryptIdNumber(enc, keys)).toBe(id);
  });
  it('uses a fresh IV each time', () => {
    expect(encryptIdNumber(id, keys)).not.toBe(encryptIdNumber(id, keys));
  });
  it('refuses a tampered ciphertext', () => {
    const [v, iv, tag, ct] = encryptIdNumber(id, keys).split(':');
    const flipped = Buffer.from(ct!, 'base64');
    flipped[0]! ^= 1;
    expect(() => decryptIdNumber([v, iv, tag, flipped.toString('base64')].join(':'), keys)).toThrow();
  });
  it('refuses another key', () => {
    expect(() => decryptIdNumber(encryptIdNumber(id, keys), { ...keys, encryptionKey: randomBytes(32) })).toThrow();
  });
  it('hashes deterministically per key, case-insensitively for the X', () => {
    expect(hashIdNumber(id, keys)).toBe(hashIdNumber(id.toLowerCase(), keys));
    expect(hashIdNumber(id, keys)).not.toBe(hashIdNumber(id, { ...keys, hashKey: randomBytes(32) }));
  });
  it('stores a mask of the form 1101**********002X', () => {
    expect(protectIdNumber(id, keys).idNumberMasked).toBe('1101**********002X');
  });
});
