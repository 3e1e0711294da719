/**
 * Issue 13, findings 3 and 6: the anonymous forms about a person answer nothing on name, ID number and mobile
 * alone (a code sent to the registered mobile is the second factor), and every anonymous form is limited per
 * client and per target in the database, before any upload is read.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { practitionerRecordPublicOn } from '@/db/queries/record-objections';
import { idCheckChar } from '@/lib/domain/id-number';
import { RECORD_OPEN_EXISTS_MESSAGE } from '@/lib/domain/objections';
import { httpGatewaySender, messageSender, outboxSender, REDACTED_BODY } from '@/lib/messaging/sender';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { LIMITS } from '@/lib/services/anonymous-limits';
import { CODE_DEAD_MESSAGE, CODE_SENT_MESSAGE, CODE_WRONG_MESSAGE, OTP_MAX_TRIES, startIdentityCheck, verifyIdentityCode } from '@/lib/services/identity-check';
import { EVIDENCE_MAX_FILES } from '@/lib/services/objections';
import { readOutbox } from '@/lib/services/outbox';
import { fileOwnRecordObjection, filePublicRecordObjection, ownRecordsByCode } from '@/lib/services/record-objections';
import { fileRecordStatement } from '@/lib/services/record-statements';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import { codeSentTo } from './helpers/otp';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const TODAY = '2026-11-23';
const pdf = (s: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4\n% ${s}\n%%EOF`) });
/** Each test in its own hours of an injected day: the windows of one never meet another's. */
const hour = (h: number, min = 0) => new Date(Date.UTC(2026, 10, 23, 0, 0) + h * 3_600_000 + min * 60_000);
const NOTICE = 'TZ-2026-EDGE-0001';

describe.each(DRIVERS)('the anonymous edge (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  /** A person with an approved, public bad record that carries a printed notice code. */
  let P: { id: string; recordId: string; name: string; idNumber: string; mobile: string };
  let otherId: string;

  const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));
  const n = async (s: ReturnType<typeof sql>) => Number((await q<{ n: number }>(s))[0]!.n);
  const otpCount = () => n(sql`select count(*)::int as n from outbox_messages where purpose = 'identity.otp'`);
  const withoutChallenge = (r: Awaited<ReturnType<typeof startIdentityCheck>>) => (r.ok ? { ...r, data: { ...r.data, challenge: typeof r.data.challenge } } : r);
  const auditRows = (action: string, since: number) =>
    q<{ object_type: string; object_id: string | null; after: Record<string, unknown> | null; ip: string | null }>(
      sql`select object_type, object_id, after, ip from audit_events where action = ${action} and seq > ${since} order by seq`,
    );
  const seqNow = () => n(sql`select coalesce(max(seq), 0)::int as n from audit_events`);

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    const company = await actorFor(db, 'company');
    const [s] = await q<{ id: string; record_id: string; name: string; enc: string; mobile: string }>(sql`
      select p.id, r.id as record_id, p.name, p.id_number_enc as enc, p.mobile
      from practitioner_records r join practitioners p on p.id = r.practitioner_id
      join employments e on e.practitioner_id = p.id and e.status = 'current'
      where r.kind = 'bad' and r.status = 'approved' and r.project_id = e.project_id and e.company_id = ${company.companyId} and p.status = 'active'
      order by r.id desc limit 1`);
    P = { id: s!.id, recordId: s!.record_id, name: s!.name, idNumber: decryptIdNumber(s!.enc, keys()), mobile: s!.mobile };
    await db.execute(sql`update practitioner_records set notice_code = ${NOTICE} where id = ${P.recordId}`);
    const first17 = `51090319770101${P.idNumber.slice(14, 16) === '99' ? '11' : '99'}1`;
    otherId = first17 + idCheckChar(first17);
  });
  afterAll(() => t.cleanup());

  it('step 1 answers the same for the right ID number and a wrong one (or a wrong name or mobile); a code goes out only on a match; failures are audited', async () => {
    const at = hour(1);
    const since = await seqNow();
    const sent0 = await otpCount();
    const right = { name: P.name, idNumber: P.idNumber, mobile: P.mobile };
    const answers = [];
    for (const [i, who] of [
      { ...right, idNumber: otherId },
      { ...right, name: `${P.name}某` },
      { ...right, mobile: P.mobile === '13900000000' ? '13900000001' : '13900000000' },
      right,
    ].entries()) {
      answers.push(await startIdentityCheck(db, who, { keys: keys(), at, ip: `10.1.0.${i}`, sender: outboxSender }));
    }
    for (const a of answers) expect(withoutChallenge(a)).toEqual({ ok: true, data: { challenge: 'string', message: CODE_SENT_MESSAGE } });
    expect(await otpCount()).toBe(sent0 + 1);
    expect(await codeSentTo(db, P.mobile, at)).toMatch(/^\d{6}$/);
    // Three mismatches audited, with the ID number masked; none carries it in clear.
    const failed = await auditRows('identity.no_match', since);
    expect(failed.length).toBe(3);
    expect(JSON.stringify(failed)).not.toContain(P.idNumber);
    expect(JSON.stringify(failed)).not.toContain(otherId);
    expect(failed[0]).toMatchObject({ object_type: 'identity_check', ip: '10.1.0.0' });
    expect(failed.slice(1).every((f) => f.object_type === 'practitioner' && f.object_id === P.id)).toBe(true);

    // Step 2 on a challenge that matched nobody answers exactly as a wrong code on the real one.
    const code = (await codeSentTo(db, P.mobile, at))!;
    const onWrongId = await verifyIdentityCode(db, { challenge: answers[0]!.ok ? answers[0]!.data.challenge : '', code }, { keys: keys(), at, ip: '10.1.0.0' });
    const wrongCode = await verifyIdentityCode(db, { challenge: answers[3]!.ok ? answers[3]!.data.challenge : '', code: code === '000000' ? '000001' : '000000' }, { keys: keys(), at, ip: '10.1.0.3' });
    expect(onWrongId).toEqual({ ok: false, code: 'INVALID', message: CODE_WRONG_MESSAGE });
    expect(wrongCode).toEqual(onWrongId);
    expect((await auditRows('identity.code_failed', since)).length).toBe(2);
  });

  it('the code from the SMS answers with the person’s records once; a 6th try is refused even with the right code; a code lives 10 minutes', async () => {
    const at = hour(3);
    const who = { name: P.name, idNumber: P.idNumber, mobile: P.mobile };
    const opts = { keys: keys(), at, ip: '10.2.0.1', sender: outboxSender };
    const s1 = await startIdentityCheck(db, who, opts);
    const challenge = s1.ok ? s1.data.challenge : '';
    const code = (await codeSentTo(db, P.mobile, at))!;
    const found = await ownRecordsByCode(db, { challenge, code }, opts);
    expect(found.ok && found.data.records.map((r) => r.id)).toContain(P.recordId);
    expect(found.ok && found.data.name).toBe(P.name);
    // Used once.
    expect(await verifyIdentityCode(db, { challenge, code }, opts)).toEqual({ ok: false, code: 'INVALID', message: CODE_DEAD_MESSAGE });
    // Only a hash is kept.
    expect(await n(sql`select count(*)::int as n from one_time_codes where code_hash like ${`%${code}%`}`)).toBe(0);

    const since = await seqNow();
    const s2 = await startIdentityCheck(db, who, { ...opts, at: hour(3, 1) });
    const c2 = s2.ok ? s2.data.challenge : '';
    const right = (await codeSentTo(db, P.mobile, hour(3, 1)))!;
    const wrong = right === '111111' ? '222222' : '111111';
    for (let i = 0; i < OTP_MAX_TRIES; i++) {
      expect(await verifyIdentityCode(db, { challenge: c2, code: wrong }, { ...opts, at: hour(3, 2) })).toEqual({ ok: false, code: 'INVALID', message: CODE_WRONG_MESSAGE });
    }
    expect(await verifyIdentityCode(db, { challenge: c2, code: right }, { ...opts, at: hour(3, 2) })).toEqual({ ok: false, code: 'INVALID', message: CODE_DEAD_MESSAGE });
    expect((await auditRows('identity.code_failed', since)).length).toBe(OTP_MAX_TRIES);
    expect((await auditRows('identity.code_refused', since)).length).toBe(1);

    const s3 = await startIdentityCheck(db, who, { ...opts, at: hour(4) });
    const late = (await codeSentTo(db, P.mobile, hour(4)))!;
    expect(await verifyIdentityCode(db, { challenge: s3.ok ? s3.data.challenge : '', code: late }, { ...opts, at: hour(4, 11) })).toEqual({ ok: false, code: 'INVALID', message: CODE_DEAD_MESSAGE });
  });

  it('step 1 is limited per ID number (whoever asks) and per client; a refusal is audited once per window', async () => {
    const who = { name: P.name, idNumber: otherId, mobile: P.mobile };
    for (let i = 0; i < LIMITS.identityTarget.max; i++) {
      expect(await startIdentityCheck(db, who, { keys: keys(), at: hour(6, i), ip: `10.3.0.${i}`, sender: outboxSender })).toMatchObject({ ok: true });
    }
    const since = await seqNow();
    for (const ip of ['10.3.1.1', '10.3.1.2']) {
      const r = await startIdentityCheck(db, who, { keys: keys(), at: hour(6, 30), ip, sender: outboxSender });
      expect(r).toMatchObject({ ok: false, code: 'LOCKED' });
      expect(!r.ok && r.message).toMatch(/分钟后再试/);
    }
    expect((await auditRows('throttle.refused', since)).map((r) => r.object_id)).toEqual([LIMITS.identityTarget.bucket]);
    // The next window takes it again.
    expect(await startIdentityCheck(db, who, { keys: keys(), at: hour(7, 1), ip: '10.3.1.3', sender: outboxSender })).toMatchObject({ ok: true });

    // One client, many ID numbers: stopped at the client's limit (before the ID number is even read).
    for (let i = 0; i < LIMITS.identityClient.max; i++) {
      expect(await startIdentityCheck(db, { name: '张三', idNumber: 'not checked', mobile: '1' }, { keys: keys(), at: hour(8), ip: '10.3.9.9' })).toMatchObject({ ok: false, code: 'INVALID' });
    }
    expect(await startIdentityCheck(db, { name: P.name, idNumber: P.idNumber, mobile: P.mobile }, { keys: keys(), at: hour(8), ip: '10.3.9.9', sender: outboxSender })).toMatchObject({
      ok: false,
      code: 'LOCKED',
    });
    expect(await codeSentTo(db, P.mobile, hour(8))).toBeNull();
    // Step 2 has its own limit per client.
    for (let i = 0; i < LIMITS.codeClient.max; i++) await verifyIdentityCode(db, { challenge: crypto.randomUUID(), code: '123456' }, { keys: keys(), at: hour(9), ip: '10.3.8.8' });
    expect(await verifyIdentityCode(db, { challenge: crypto.randomUUID(), code: '123456' }, { keys: keys(), at: hour(9), ip: '10.3.8.8' })).toMatchObject({ ok: false, code: 'LOCKED' });
  });

  it('a throttled filing reads no upload: the limit answers before the files are touched; too many files are refused unread', async () => {
    const untouchable = (count: number) => ({
      count,
      read: async () => {
        throw new Error('an upload was read');
      },
    });
    const ip = '10.4.0.1';
    const at = hour(10);
    for (let i = 0; i < LIMITS.filingClient.max; i++) {
      await filePublicRecordObjection(db, null, { data: { subject: 'practitioner_record' } }, { today: TODAY, ip, at });
    }
    const data = { subject: 'practitioner_record', recordId: P.recordId, name: '王五', phone: '0825-2221234', reason: '该记录所述事实与现场情况不符' };
    const garbage = [{ bytes: new TextEncoder().encode('not an image, not a PDF') }];
    for (const evidence of [untouchable(1), garbage]) {
      const r = await filePublicRecordObjection(db, null, { data, evidence }, { today: TODAY, ip, at });
      expect(r).toMatchObject({ ok: false, code: 'LOCKED' });
      expect(r.ok || r.fieldErrors).toBeFalsy();
    }
    for (const [i, f] of [
      () => fileOwnRecordObjection(db, null, { by: 'notice', data: { noticeCode: NOTICE, name: P.name, idNumber: P.idNumber, reason: '记录有误' }, evidence: untouchable(1) }, { keys: keys(), ip, at }),
      () => fileRecordStatement(db, null, { noticeCode: NOTICE, name: P.name, idNumber: P.idNumber, statement: '本人声明' }, { keys: keys(), ip, at }),
    ].entries()) {
      expect(await f(), `form ${i}`).toMatchObject({ ok: false, code: 'LOCKED' });
    }
    // Another client: the count of files is checked before any is read.
    const tooMany = await filePublicRecordObjection(db, null, { data, evidence: untouchable(EVIDENCE_MAX_FILES + 1) }, { today: TODAY, ip: '10.4.0.2', at });
    expect(!tooMany.ok && tooMany.fieldErrors?.evidence?.[0]).toMatch(/最多/);
  });

  it('per record: strangers are limited on one record, and their open objection never blocks the person’s own', async () => {
    expect(await practitionerRecordPublicOn(db, P.recordId, TODAY)).toBe(true);
    const at = hour(30);
    const data = { subject: 'practitioner_record', recordId: P.recordId, name: '王五', phone: '0825-2221234', reason: '该记录所述事实与现场情况不符' };
    const first = await filePublicRecordObjection(db, null, { data, evidence: [pdf('stranger photo')] }, { today: TODAY, ip: '10.5.0.1', at });
    expect(first.ok).toBe(true);
    for (let i = 1; i < LIMITS.publicTarget.max; i++) {
      expect(await filePublicRecordObjection(db, null, { data, evidence: [pdf(`again ${i}`)] }, { today: TODAY, ip: `10.5.0.${i + 1}`, at })).toEqual({
        ok: false,
        code: 'CONFLICT',
        message: RECORD_OPEN_EXISTS_MESSAGE,
      });
    }
    expect(await filePublicRecordObjection(db, null, { data, evidence: [pdf('one more')] }, { today: TODAY, ip: '10.5.1.1', at })).toMatchObject({ ok: false, code: 'LOCKED' });
    // The person, by the notice they were given, is neither blocked by the stranger's open case nor by their limit.
    const own = await fileOwnRecordObjection(
      db,
      null,
      { by: 'notice', data: { noticeCode: NOTICE, name: P.name, idNumber: P.idNumber, reason: '当天本人不在岗，附排班表' }, evidence: [pdf('shifts')] },
      { keys: keys(), ip: '10.5.2.1', at },
    );
    expect(own.ok).toBe(true);
    expect(await n(sql`select count(*)::int as n from cases where subject_id = ${P.recordId} and status in ('open', 'verifying')`)).toBe(2);
  });

  it('the outbox: the city reads it (masked numbers, audited); others find nothing; a gateway sends and keeps no code', async () => {
    const city = await actorFor(db, 'city');
    const r = await readOutbox(db, city, 1);
    expect(r.ok && r.data.rows.length).toBeGreaterThan(0);
    expect(r.ok && r.data.rows.every((m) => !m.recipient.includes(P.mobile))).toBe(true);
    expect(r.ok && r.data.rows.some((m) => m.recipient.endsWith(P.mobile.slice(-4)))).toBe(true);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'outbox.viewed' and actor_id = ${city.userId}`)).toBe(1);
    for (const u of ['chuanshan', 'company', 'association']) expect(await readOutbox(db, await actorFor(db, u), 1)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await readOutbox(db, null, 1)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });

    expect(messageSender({}).kind).toBe('outbox');
    expect(messageSender({ SMS_GATEWAY_URL: 'https://sms.example/send', SMS_GATEWAY_TOKEN: 'x'.repeat(16) }).kind).toBe('http');
    const calls: { url: string; init: RequestInit }[] = [];
    const gateway = httpGatewaySender('https://sms.example/send', 'secret-token-0123456789', (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('{}', { status: calls.length === 1 ? 200 : 503 });
    }) as unknown as typeof fetch);
    const at = hour(40);
    const sent = await startIdentityCheck(db, { name: P.name, idNumber: P.idNumber, mobile: P.mobile }, { keys: keys(), at, ip: '10.6.0.1', sender: gateway });
    expect(sent.ok).toBe(true);
    expect(calls.length).toBe(1);
    expect(calls[0]!.url).toBe('https://sms.example/send');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer secret-token-0123456789');
    const posted = JSON.parse(String(calls[0]!.init.body)) as { to: string; text: string };
    expect(posted.to).toBe(P.mobile);
    expect(posted.text).toMatch(/验证码为 \d{6}/);
    const [kept] = await q<{ body: string; status: string }>(sql`select body, status from outbox_messages where created_at = ${at.toISOString()} and recipient = ${P.mobile}`);
    expect(kept).toEqual({ body: REDACTED_BODY, status: 'sent' });
    await gateway.send(db, { channel: 'sms', recipient: P.mobile, body: '通知', purpose: 'objection.notice' }, hour(41));
    const [failed] = await q<{ status: string; error: string }>(sql`select status, error from outbox_messages where created_at = ${hour(41).toISOString()}`);
    expect(failed).toEqual({ status: 'failed', error: 'gateway answered 503' });
  });
});
