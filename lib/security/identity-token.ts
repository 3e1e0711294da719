/**
 * A short-lived proof that someone just matched a registered person's name, ID number and mobile, so that the
 * second step of a public form (choosing one of their records) does not carry the ID number back and forth.
 * `practitionerId.expiresAtMs.mac`, the MAC keyed by the ID hash key under its own label.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IdKeys } from './id-crypto';

export const IDENTITY_TOKEN_TTL_MS = 30 * 60 * 1000;

const mac = (payload: string, keys: IdKeys) => createHmac('sha256', keys.hashKey).update(`identity-token:v1:${payload}`).digest('base64url');

export function signIdentity(practitionerId: string, keys: IdKeys, nowMs = Date.now()): string {
  const payload = `${practitionerId}.${nowMs + IDENTITY_TOKEN_TTL_MS}`;
  return `${payload}.${mac(payload, keys)}`;
}

/** The person the token names, or null when it is forged, malformed or expired. */
export function verifyIdentity(token: string, keys: IdKeys, nowMs = Date.now()): string | null {
  const parts = String(token ?? '').split('.');
  if (parts.length !== 3) return null;
  const [id, exp, given] = parts as [string, string, string];
  const want = Buffer.from(mac(`${id}.${exp}`, keys));
  const got = Buffer.from(given);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  if (!/^\d+$/.test(exp) || Number(exp) < nowMs) return null;
  return id;
}
