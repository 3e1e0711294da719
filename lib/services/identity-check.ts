import 'server-only';
/**
 * Who is this, without an account (SN 18 forms of the person about themselves): name, ID number and mobile are
 * not enough — a project manager's name, mobile and age are public, so the ID number would fall to guessing.
 * Step 1 takes the three and always answers the same neutral sentence; only when they match a registered person
 * is a 6-digit code sent to the registered mobile (lib/messaging). Step 2 takes the code and answers with a
 * 30-minute proof of identity (lib/security/identity-token) for the form that follows.
 *
 * A challenge row is written for every step 1, matching or not, so that step 2 behaves the same either way
 * (same messages, same count of tries). Only a keyed hash of the code is stored; it lives 10 minutes, allows
 * 5 tries and is used once. Both steps are limited per client and step 1 per ID number (lib/services/
 * anonymous-limits); failures are audited.
 */
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '@/db';
import { insertOneTimeCode, markUsed, takeTry } from '@/db/queries/one-time-codes';
import { getPersonValues } from '@/db/queries/objections';
import { findPersonByIdHash } from '@/db/queries/practitioner-entry';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { now as clockNow } from '@/lib/clock';
import { maskIdNumber } from '@/lib/domain/id-number';
import { maskName } from '@/lib/domain/verify';
import { env } from '@/lib/env';
import { messageSender, type MessageSender } from '@/lib/messaging/sender';
import { hashIdNumber, idKeysFrom, type IdKeys } from '@/lib/security/id-crypto';
import { signIdentity, verifyIdentity } from '@/lib/security/identity-token';
import { identityCheckSchema, identityCodeSchema } from '@/lib/validation/objections';
import { admit, clientKey, LIMITS } from './anonymous-limits';

export const OTP_PURPOSE = 'identity.otp';
export const OTP_TTL_MS = 10 * 60 * 1000;
export const OTP_MAX_TRIES = 5;

/** The one answer to step 1, whether or not the three match. */
export const CODE_SENT_MESSAGE = '若信息无误，验证码已发送至登记手机（10 分钟内有效）。请填写短信中的 6 位验证码；如未收到，请核对填写的信息后重新获取。';
export const CODE_WRONG_MESSAGE = '验证码不正确，或填写的身份信息与平台登记不一致。请核对短信中的验证码；多次不正确请重新获取。';
export const CODE_DEAD_MESSAGE = '验证码已失效（超过 10 分钟、已使用或尝试次数过多），请重新获取验证码。';

export interface IdentityCheckOpts {
  keys?: IdKeys;
  ip?: string | null;
  at?: Date;
  sender?: MessageSender;
}

const anonymous = (ip: string | null | undefined) => ({ label: '匿名访问（身份核验）', ip: ip ?? null });
const codeMac = (keys: IdKeys, challenge: string, code: string) => createHmac('sha256', keys.hashKey).update(`otp:v1:${challenge}:${code}`).digest('base64url');

/** Step 1: the same neutral answer (with a challenge for step 2) whether or not the person matches. */
export async function startIdentityCheck(db: Db, data: unknown, opts: IdentityCheckOpts = {}): Promise<ActionResult<{ challenge: string; message: string }>> {
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.identityClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  const parsed = identityCheckSchema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const keys = opts.keys ?? idKeysFrom(env());
  const idHash = hashIdNumber(d.idNumber, keys);
  const target = await admit(db, opts.ip, [{ limit: LIMITS.identityTarget, key: idHash }], at);
  if (!target.ok) return target;

  const person = await findPersonByIdHash(db, idHash);
  const match = !!person && person.name.trim() === d.name && person.mobile.trim() === d.mobile;
  const challenge = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await insertOneTimeCode(db, {
    id: challenge,
    purpose: OTP_PURPOSE,
    // A challenge that matched nobody names no one: its code is never sent, so step 2 can only fail.
    subjectType: match ? 'practitioner' : 'none',
    subjectId: match ? person.id : randomUUID(),
    codeHash: codeMac(keys, challenge, code),
    expiresAt: new Date(at.getTime() + OTP_TTL_MS),
    createdAt: at,
  });
  if (match) {
    await (opts.sender ?? messageSender()).send(
      db,
      {
        channel: 'sms',
        recipient: person.mobile.trim(),
        body: `【遂宁物业信用】您的验证码为 ${code}，10 分钟内有效，仅用于本人查询或提出异议。如非本人操作，请忽略本短信，切勿告知他人。`,
        purpose: OTP_PURPOSE,
        relatedType: 'practitioner',
        relatedId: person.id,
        secret: true,
      },
      at,
    );
    await audit(db, anonymous(opts.ip), { action: 'identity.code_sent', objectType: 'practitioner', objectId: person.id, after: { challenge } });
  } else {
    await audit(db, anonymous(opts.ip), {
      action: 'identity.no_match',
      objectType: person ? 'practitioner' : 'identity_check',
      objectId: person ? person.id : challenge,
      after: { challenge, name: maskName(d.name), idNumber: maskIdNumber(d.idNumber), mobileEnding: d.mobile.slice(-4) },
    });
  }
  return ok({ challenge, message: CODE_SENT_MESSAGE });
}

/** Step 2: the code from the SMS → the person and a 30-minute proof of identity. */
export async function verifyIdentityCode(
  db: Db,
  data: unknown,
  opts: IdentityCheckOpts = {},
): Promise<ActionResult<{ practitionerId: string; token: string; name: string }>> {
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.codeClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  const parsed = identityCodeSchema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error);
  const { challenge, code } = parsed.data;
  const keys = opts.keys ?? idKeysFrom(env());
  const live = await takeTry(db, challenge, OTP_PURPOSE, OTP_MAX_TRIES, at);
  if (!live) {
    await audit(db, anonymous(opts.ip), { action: 'identity.code_refused', objectType: 'identity_check', objectId: challenge });
    return fail('INVALID', CODE_DEAD_MESSAGE);
  }
  const want = Buffer.from(live.codeHash);
  const got = Buffer.from(codeMac(keys, challenge, code));
  const right = want.length === got.length && timingSafeEqual(want, got) && live.subjectType === 'practitioner';
  if (!right || !(await markUsed(db, challenge, at))) {
    await audit(db, anonymous(opts.ip), {
      action: 'identity.code_failed',
      objectType: live.subjectType === 'practitioner' ? 'practitioner' : 'identity_check',
      objectId: live.subjectType === 'practitioner' ? live.subjectId : challenge,
      after: { challenge, attempt: live.attempts },
    });
    return fail('INVALID', CODE_WRONG_MESSAGE);
  }
  await audit(db, anonymous(opts.ip), { action: 'identity.verified', objectType: 'practitioner', objectId: live.subjectId, after: { challenge } });
  const person = await getPersonValues(db, live.subjectId);
  return ok({ practitionerId: live.subjectId, token: signIdentity(live.subjectId, keys, at.getTime()), name: person?.name ?? '' });
}

/** The name of the person a still-valid proof names (to greet them again when a later step comes back). */
export async function identityName(db: Db, token: string, opts: { keys?: IdKeys; at?: Date } = {}): Promise<string | null> {
  const id = verifyIdentity(token, opts.keys ?? idKeysFrom(env()), (opts.at ?? clockNow()).getTime());
  const person = id ? await getPersonValues(db, id) : null;
  return person ? (person.name ?? '') : null;
}
