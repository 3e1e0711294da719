/**
 * Identifiers of the city-scale data: deterministic (the same seed gives the same rows, byte for byte) and
 * unique by construction, so that 1,000,000 people need no look-up table.
 */
import { createHmac } from 'node:crypto';
import { idCheckChar, maskIdNumber } from '../../../lib/domain/id-number';
import { TRACKING_ALPHABET } from '../../../lib/domain/objections';
import { USCC_CHARSET, usccCheckChar } from '../../../lib/domain/uscc';
import { encryptIdNumber, hashIdNumber, type IdKeys } from '../../../lib/security/id-crypto';

/** One tag per table: the second group of every generated uuid, so that two tables never share an id. */
export const KIND = {
  company: 0xc001,
  companyVersion: 0xc002,
  manager: 0xc003,
  project: 0xc004,
  contract: 0xc005,
  board: 0xc006,
  practitioner: 0xc007,
  certificate: 0xc008,
  employment: 0xc009,
  staffRecord: 0xc00a,
  creditRecord: 0xc00b,
  rating: 0xc00c,
  evaluation: 0xc00d,
  listEntry: 0xc00e,
  listEvent: 0xc00f,
  flag: 0xc010,
} as const;

/** murmur3's finaliser: a bijection of 32-bit integers that scatters neighbours. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/**
 * A version-4-shaped uuid for row `i` of a table: unique per (kind, i) because both are in it verbatim
 * (the last group is `i` under a fixed bijective mask), random-looking elsewhere. Random v4 ids of the demo
 * city cannot collide with it in practice (the kind group would have to match too).
 */
export function cityUuid(kind: number, i: number): string {
  const a = fmix32(i ^ Math.imul(kind, 0x9e3779b1));
  const b = fmix32(a ^ 0x5bd1e995);
  const low = (i ^ 0x2545f491) >>> 0;
  return `${hex(a, 8)}-${hex(kind, 4)}-4${hex(b >>> 20, 3)}-${hex(0x8 | (b & 0x3), 1)}${hex((b >>> 4) & 0xfff, 3)}-${hex(b & 0xffff, 4)}${hex(low, 8)}`;
}

/**
 * The three stored columns of an ID number, as lib/security/id-crypto stores them (AES-256-GCM under the
 * configured key, HMAC look-up hash, mask), except that the 96-bit IV is derived from the number under the
 * encryption key instead of drawn at random: the ciphertext is then the same on every run (deterministic
 * seed), and an IV repeats only for the same number, which reveals nothing the look-up hash does not.
 */
export function sealIdNumber(idNumber: string, keys: IdKeys) {
  const iv = createHmac('sha256', keys.encryptionKey).update(`city-seed-iv:${idNumber}`).digest().subarray(0, 12);
  return {
    enc: encryptIdNumber(idNumber, keys, iv),
    hash: hashIdNumber(idNumber, keys),
    masked: maskIdNumber(idNumber),
  };
}

/** An 18-character resident ID number with a valid check character. */
export function idNumberOf(placeCode: string, birthDate: string, seq3: number): string {
  const first17 = `${placeCode}${birthDate.replaceAll('-', '')}${String(seq3 % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199'];

/** Person n's mobile: one of 31 prefixes and eight digits that are a bijection of n (unique below 10^8 people). */
export function mobileOf(n: number): string {
  const prefix = MOBILE_PREFIXES[fmix32(n) % MOBILE_PREFIXES.length];
  // n ↦ (n · 37,769,413 + 12,345,678) mod 10^8 is a bijection (the multiplier is coprime with 10^8).
  const body = Number((BigInt(n) * 37_769_413n + 12_345_678n) % 100_000_000n);
  return prefix + String(body).padStart(8, '0');
}

/** GB 11714 organisation code (8 characters and a check character), as the demo city makes them. */
function orgCode(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i];
    const v = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * weights[i];
  }
  const c = 11 - (sum % 11);
  return body8 + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/**
 * Company i's unified social credit code (GB 32100): `91` + its district + an organisation code whose
 * body is `C` and i in base 31 (the demo city's bodies start with two digits, so the two never meet).
 */
export function usccOf(districtId: string, i: number): string {
  let n = i;
  let body = '';
  for (let k = 0; k < 7; k++) {
    body = USCC_CHARSET[n % USCC_CHARSET.length] + body;
    n = Math.floor(n / USCC_CHARSET.length);
  }
  const first17 = `91${districtId}${orgCode(`C${body}`)}`;
  return first17 + usccCheckChar(first17);
}

/**
 * A 12-character notice code (the tracking alphabet of lib/domain/objections) for generated row i of a kind:
 * unique, since (i, kind) ↦ code is a bijection (multiplication by a number prime to 31 modulo 31^12).
 */
export function noticeCodeOf(kind: number, i: number): string {
  const MOD = 31n ** 12n;
  let n = ((BigInt(i) * 65536n + BigInt(kind & 0xffff)) * 0x5deece66dn + 0xbn) % MOD;
  let out = '';
  for (let k = 0; k < 12; k++) {
    out = TRACKING_ALPHABET[Number(n % 31n)] + out;
    n /= 31n;
  }
  return out;
}
