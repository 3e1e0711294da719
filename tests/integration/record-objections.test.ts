import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { listObjectionsInScope } from '@/db/queries/objections';
import { creditRecordCounts, creditRecordIsPublic, recordsUnderObjection } from '@/db/queries/record-flags';
import { getRecordObjectionByCode } from '@/db/queries/record-objections';
import type { Actor } from '@/lib/auth/policy';
import { idCheckChar } from '@/lib/domain/id-number';
import { RECORD_OPEN_EXISTS_MESSAGE, RECORD_REPEAT_MESSAGE, TRACKING_ALPHABET } from '@/lib/domain/objections';
import { BAD_RECORD_TYPES, type RecordCorrection } from '@/lib/domain/records';
import { addMonths } from '@/lib/domain/working-days';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { outboxSender } from '@/lib/messaging/sender';
import { CODE_SENT_MESSAGE, startIdentityCheck } from '@/lib/services/identity-check';
import {
  EVIDENCE_REQUIRED_MESSAGE,
  fileCompanyRecordObjection,
  fileOwnRecordObjection,
  filePublicRecordObjection,
  handleRecordObjection,
  ownRecordsByCode,
  NOT_PUBLIC_MESSAGE,
  NOTICE_NO_MATCH_MESSAGE,
  TOKEN_EXPIRED_MESSAGE,
} from '@/lib/services/record-objections';
import { fileRecordStatement } from '@/lib/services/record-statements';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import { findClearIdNumbers } from './helpers/id-scan';
import { codeSentTo } from './helpers/otp';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const TODAY = '2026-11-23';
const pdf = (s: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4\n% ${s}\n%%EOF`) });
const NOTICE = 'TZ-2026-OBJ-0001';
/** Each anonymous filing at its own injected moment, two days apart: the limits per client and per target never meet here (they have their own test). */
let tick = 0;
const AT = () => new Date(Date.UTC(2026, 10, 23, 1) + tick++ * 2 * 86_400_000);

describe.each(DRIVERS)('objections about records (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let chuanshan: Actor;
  let shehong: Actor;
  let city: Actor;
  /** company2's public 一般 warning record in 船山区, its expired 轻微 one, and its unconfirmed one. */
  let W: { id: string; points: string; published_on: string; description: string };
  let expired: string;
  let unconfirmed: string;
  let firstCode: string;
  let caseId: string;
  /** An approved bad record of a person of `company` in 船山区, with a printed notice. */
  let S: { id: string; practitioner_id: string; type: string; name: string; idNumber: string; mobile: string; masked: string; project_id: string };

  const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));
  const n = async (s: ReturnType<typeof sql>) => Number((await q<{ n: number }>(s))[0]!.n);
  const footprint = async () => ({
    cases: await n(sql`select count(*)::int as n from cases`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
    audit: await n(sql`select count(*)::int as n from audit_events`),
  });
  const recordRow = async (id = W.id) =>
    (
      await q<{ status: string; version: number; points: string; severity: string; description: string; public_until: string; corrections: RecordCorrection[] }>(
        sql`select status, version, points, severity, description, public_until, corrections from credit_records where id = ${id}`,
      )
    )[0]!;
  const staffRow = async () =>
    (await q<{ status: string; version: number; type: string; corrections: RecordCorrection[]; statement: string | null }>(sql`select status, version, type, corrections, statement from practitioner_records where id = ${S.id}`))[0]!;
  const caseRow = async (id = caseId) =>
    (await q<{ status: string; version: number; decision: string | null; answer: string | null }>(sql`select status, version, decision, answer from cases where id = ${id}`))[0]!;
  const wCounts = async () => (await n(sql`select count(*)::int as n from credit_records where id = ${W.id} and ${creditRecordCounts(TODAY)}`)) === 1;
  const wPublic = async () => (await n(sql`select count(*)::int as n from credit_records where id = ${W.id} and ${creditRecordIsPublic(TODAY, false)}`)) === 1;
  const publicForm = (over: Record<string, unknown> = {}) => ({ subject: 'credit_record', recordId: W.id, name: '王五', phone: '0825-2221234', reason: '该小区消防通道当日并未堵塞，附现场照片', ...over });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2, chuanshan, shehong, city] = await Promise.all(['company', 'company2', 'chuanshan', 'shehong', 'city'].map((u) => actorFor(db, u)));
    [W] = await q<typeof W>(sql`
      select cr.id, cr.points, cr.published_on, cr.description from credit_records cr join projects p on p.id = cr.project_id
      where cr.company_id = ${company2.companyId} and cr.category = 'warning' and cr.severity = '一般' and cr.status = 'approved' and p.district_id = ${chuanshan.districtId}
      order by cr.id limit 1`);
    expired = (await q<{ id: string }>(sql`select id from credit_records where company_id = ${company2.companyId} and severity = '轻微' and status = 'approved' limit 1`))[0]!.id;
    unconfirmed = (await q<{ id: string }>(sql`select id from credit_records where company_id = ${company2.companyId} and status = 'submitted' limit 1`))[0]!.id;
    const [s] = await q<{ id: string; practitioner_id: string; type: string; name: string; enc: string; mobile: string; masked: string; project_id: string }>(sql`
      select r.id, r.practitioner_id, r.type, p.name, p.id_number_enc as enc, p.mobile, p.id_number_masked as masked, e.project_id
      from practitioner_records r join practitioners p on p.id = r.practitioner_id
      join employments e on e.practitioner_id = p.id and e.status = 'current' join projects pr on pr.id = e.project_id
      where r.kind = 'bad' and r.status = 'approved' and r.project_id = e.project_id and e.company_id = ${company.companyId}
        and pr.district_id = ${chuanshan.districtId} and p.status = 'active'
      order by r.id limit 1`);
    S = { ...s!, idNumber: decryptIdNumber(s!.enc, keys()) };
    await db.execute(sql`update practitioner_records set notice_code = ${NOTICE} where id = ${S.id}`);
  });
  afterAll(() => t.cleanup());

  it('the seeded record is public and counts before any objection', async () => {
    expect(W).toBeTruthy();
    expect(await wPublic()).toBe(true);
    expect(await wCounts()).toBe(true);
    expect(await recordsUnderObjection(db, 'credit_record', [W.id])).toEqual(new Set());
  });

  it('DW 9: a company objects to its own record only, signed in, with written evidence; nothing else is written', async () => {
    const before = { ...(await footprint()), w: await recordRow() };
    const data = { recordId: W.id, reason: '所涉消防通道为临时施工占用，已于当日清理，扣分有误' };
    expect(await fileCompanyRecordObjection(db, null, { data, evidence: [pdf('photo')] })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['association', 'street', 'chuanshan']) {
      expect(await fileCompanyRecordObjection(db, await actorFor(db, u), { data, evidence: [pdf('photo')] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    // Another company's record and an unconfirmed one look exactly like a missing one.
    expect(await fileCompanyRecordObjection(db, company, { data, evidence: [pdf('photo')] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await fileCompanyRecordObjection(db, company2, { data: { ...data, recordId: unconfirmed }, evidence: [pdf('photo')] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const noEvidence = await fileCompanyRecordObjection(db, company2, { data });
    expect(!noEvidence.ok && noEvidence.fieldErrors?.evidence?.[0]).toBe(EVIDENCE_REQUIRED_MESSAGE);
    // Only the attempt on another company's record is written to the audit log (its own unconfirmed one is not out of scope).
    expect(await footprint()).toEqual({ cases: before.cases, attachments: before.attachments, audit: before.audit + 1 });
    expect(await q(sql`select action, object_type, object_id, actor_id from audit_events order by seq desc limit 1`)).toEqual([
      { action: 'access.out_of_scope', object_type: 'credit_record', object_id: W.id, actor_id: company.userId },
    ]);
    expect(await recordRow()).toEqual(before.w);

    const r = await fileCompanyRecordObjection(db, company2, { data, evidence: [pdf('photo')] });
    expect(r.ok).toBe(true);
    firstCode = r.ok ? r.data.trackingCode : '';
    expect(firstCode).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{12}$`));
    const [c] = await q<{ id: string; subject_type: string; subject_id: string; company_id: string; district_id: string; filer_user_id: string; status: string }>(
      sql`select id, subject_type, subject_id, company_id, district_id, filer_user_id, status from cases where tracking_code = ${firstCode}`,
    );
    caseId = c!.id;
    expect(c).toMatchObject({ subject_type: 'credit_record', subject_id: W.id, company_id: company2.companyId, district_id: chuanshan.districtId, filer_user_id: company2.userId, status: 'open' });
    // The objection's own audit row, after the out-of-scope one above.
    expect(await footprint()).toEqual({ cases: before.cases + 1, attachments: before.attachments + 1, audit: before.audit + 2 });
    // 异议处理中: the flag every page reads.
    expect(await recordsUnderObjection(db, 'credit_record', [W.id, expired])).toEqual(new Set([W.id]));
    expect(await getRecordObjectionByCode(db, firstCode)).toMatchObject({ status: 'open', subjectType: 'credit_record', recordId: W.id });
    expect(await recordRow()).toEqual(before.w);
  });

  it('while the objection is open, another on the same record is refused, whoever files it', async () => {
    const before = await footprint();
    expect(await filePublicRecordObjection(db, null, { data: publicForm(), evidence: [pdf('other photo')] }, { today: TODAY, at: AT() })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: RECORD_OPEN_EXISTS_MESSAGE,
    });
    expect(await fileCompanyRecordObjection(db, company2, { data: { recordId: W.id, reason: '再次提出异议' }, evidence: [pdf('third')] })).toMatchObject({
      ok: false,
      message: RECORD_OPEN_EXISTS_MESSAGE,
    });
    expect(await footprint()).toEqual(before);
  });

  it('only the bureau of the record’s district (or the city) handles it; anyone else changes nothing', async () => {
    const before = { ...(await footprint()), c: await caseRow(), w: await recordRow() };
    const input = { action: 'correct', caseId, version: 1, points: '1', note: '核查后更正' };
    expect(await handleRecordObjection(db, null, input, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['company', 'company2', 'association', 'street', 'department']) {
      expect(await handleRecordObjection(db, await actorFor(db, u), input, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await handleRecordObjection(db, shehong, input, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await handleRecordObjection(db, shehong, { action: 'revoke', caseId, version: 1, note: '撤销' }, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Nothing changes; the district's two attempts on a case outside it are written to the audit log.
    expect(await footprint()).toEqual({ cases: before.cases, attachments: before.attachments, audit: before.audit + 2 });
    expect(await q(sql`select action, object_type, object_id, actor_id from audit_events order by seq desc limit 2`)).toEqual(
      Array(2).fill({ action: 'access.out_of_scope', object_type: 'case', object_id: caseId, actor_id: shehong.userId }),
    );
    expect(await caseRow()).toEqual(before.c);
    expect(await recordRow()).toEqual(before.w);

    const ids = async (a: Actor, subject?: 'credit_record' | 'practitioner') => (await listObjectionsInScope(db, a, { status: 'open', page: 1, subject })).rows.map((r) => r.id);
    expect(await ids(chuanshan)).toContain(caseId);
    expect(await ids(chuanshan, 'credit_record')).toContain(caseId);
    expect(await ids(chuanshan, 'practitioner')).not.toContain(caseId);
    expect(await ids(city)).toContain(caseId);
    expect(await ids(shehong)).not.toContain(caseId);
    expect(await ids(company2)).not.toContain(caseId);
    const row = (await listObjectionsInScope(db, city, { status: 'open', page: 1, subject: 'credit_record' })).rows.find((r) => r.id === caseId);
    expect(row).toMatchObject({ subjectType: 'credit_record', personName: null, companyName: company2.companyName });
  });

  it('a change of the record between loading and deciding rolls the whole decision back', async () => {
    expect(await handleRecordObjection(db, chuanshan, { action: 'verify', caseId, version: 1 }, { today: TODAY })).toMatchObject({ ok: true, data: { status: 'verifying' } });
    expect((await getRecordObjectionByCode(db, firstCode))?.verifyingAt).toBeInstanceOf(Date);
    const before = { ...(await footprint()), c: await caseRow(), corrections: (await recordRow()).corrections };
    // Another writer bumps the record just before the handler's transaction starts.
    const racing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return async (fn: Parameters<Db['transaction']>[0]) => {
            await target.execute(sql`update credit_records set version = version + 1 where id = ${W.id}`);
            return target.transaction(fn);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Db;
    const r = await handleRecordObjection(racing, chuanshan, { action: 'correct', caseId, version: 2, points: '1', note: '核查后更正' }, { today: TODAY });
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await caseRow()).toEqual(before.c);
    expect((await recordRow()).corrections).toEqual(before.corrections);
    expect(await footprint()).toEqual({ cases: before.cases, attachments: before.attachments, audit: before.audit });
  });

  it('two handlers at once: one wins; the correction is appended beside the record with the decision and the audit', async () => {
    const w0 = await recordRow();
    const results = await Promise.all([
      handleRecordObjection(db, chuanshan, { action: 'correct', caseId, version: 2, points: '1', description: `${W.description}（临时施工占用）`, note: '经现场核查，扣分调整为 1 分' }, { today: TODAY }),
      handleRecordObjection(db, city, { action: 'correct', caseId, version: 2, severity: '严重', note: '经核查应为严重失信' }, { today: TODAY }),
    ]);
    expect(results.filter((x) => x.ok).length).toBe(1);
    expect(results.find((x) => !x.ok)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const districtWon = results[0]!.ok;
    const w = await recordRow();
    expect(w.version).toBe(w0.version + 1);
    expect(w.corrections).toHaveLength(1);
    const corr = w.corrections[0]!;
    expect(corr).toMatchObject({ on: TODAY, caseId });
    if (districtWon) {
      expect(Number(w.points)).toBe(1);
      expect(w.description).toBe(`${W.description}（临时施工占用）`);
      expect(corr.before).toEqual({ 分值: String(Number(W.points)), 事实描述: W.description });
      expect(corr.after).toEqual({ 分值: '1', 事实描述: `${W.description}（临时施工占用）` });
    } else {
      // The window follows the severity: 严重 stays public 36 months from publication.
      expect(w.severity).toBe('严重');
      expect(w.public_until).toBe(addMonths(W.published_on, 36));
      expect(corr.after).toEqual({ 严重程度: '严重', 公示截止日期: addMonths(W.published_on, 36) });
    }
    const c = await caseRow();
    expect(c).toMatchObject({ status: 'corrected', version: 3 });
    expect(JSON.parse(c.decision!)).toEqual({ outcome: 'corrected', correction: corr });
    const audits = await q<{ action: string; object_id: string }>(
      sql`select action, object_id from audit_events where (object_id = ${W.id} and action in ('record.corrected', 'record.revoked')) or (object_id = ${caseId} and action = 'objection.decided')`,
    );
    expect(audits.map((a) => a.action).sort()).toEqual(['objection.decided', 'record.corrected']);
    // Decided: 异议处理中 is gone; the tracking page has the correction.
    expect(await recordsUnderObjection(db, 'credit_record', [W.id])).toEqual(new Set());
    expect(await getRecordObjectionByCode(db, firstCode)).toMatchObject({ status: 'corrected' });
    expect(await handleRecordObjection(db, chuanshan, { action: 'dismiss', caseId, version: 3, note: '维持' }, { today: TODAY })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('after the decision: a repeat needs new written evidence; an unpublished record cannot be objected to by the public', async () => {
    const before = await footprint();
    const none = await filePublicRecordObjection(db, null, { data: publicForm() }, { today: TODAY, at: AT() });
    expect(!none.ok && none.fieldErrors?.evidence?.[0]).toBe(EVIDENCE_REQUIRED_MESSAGE);
    expect(await filePublicRecordObjection(db, null, { data: publicForm(), evidence: [pdf('photo')] }, { today: TODAY, at: AT() })).toEqual({ ok: false, code: 'CONFLICT', message: RECORD_REPEAT_MESSAGE });
    for (const id of [expired, unconfirmed, '00000000-0000-4000-8000-000000000000']) {
      expect(await filePublicRecordObjection(db, null, { data: publicForm({ recordId: id }), evidence: [pdf('x')] }, { today: TODAY, at: AT() })).toEqual({ ok: false, code: 'NOT_FOUND', message: NOT_PUBLIC_MESSAGE });
    }
    expect(await footprint()).toEqual(before);

    const r = await filePublicRecordObjection(db, null, { data: publicForm(), evidence: [pdf('photo'), pdf('new witness statement')] }, { today: TODAY, ip: '10.0.0.9', at: AT() });
    expect(r.ok).toBe(true);
    const [c] = await q<{ id: string; filer_name: string; filer_phone: string; filer_user_id: string | null; district_id: string }>(
      sql`select id, filer_name, filer_phone, filer_user_id, district_id from cases where tracking_code = ${r.ok ? r.data.trackingCode : ''}`,
    );
    expect(c).toMatchObject({ filer_name: '王五', filer_phone: '0825-2221234', filer_user_id: null, district_id: chuanshan.districtId });
    const [a] = await q<{ actor_label: string; ip: string }>(sql`select actor_label, ip from audit_events where action = 'objection.filed' and object_id = ${c!.id}`);
    expect(a).toMatchObject({ actor_label: '公众（异议人）', ip: '10.0.0.9' });
    expect(await recordsUnderObjection(db, 'credit_record', [W.id])).toEqual(new Set([W.id]));
    caseId = c!.id;
  });

  it('revoking the record as a whole: status corrected, out of public view, no longer counts, the revocation published', async () => {
    expect(await wPublic()).toBe(true);
    expect(await wCounts()).toBe(true);
    const r = await handleRecordObjection(db, city, { action: 'revoke', caseId, version: 1, note: '经核查，该记录所涉事实不成立' }, { today: TODAY });
    expect(r).toMatchObject({ ok: true, data: { status: 'corrected' } });
    const w = await recordRow();
    expect(w.status).toBe('corrected');
    expect(w.corrections).toHaveLength(2);
    expect(w.corrections[1]).toEqual({ on: TODAY, reason: '经核查，该记录所涉事实不成立', before: {}, after: {}, caseId, revoked: true });
    expect(await wCounts()).toBe(false);
    expect(await wPublic()).toBe(false);
    expect(await recordsUnderObjection(db, 'credit_record', [W.id])).toEqual(new Set());
    const decision = JSON.parse((await caseRow()).decision!);
    expect(decision.outcome).toBe('revoked');
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'record.revoked' and object_id = ${W.id}`)).toBe(1);
    // A revoked record takes no further objection.
    expect(await filePublicRecordObjection(db, null, { data: publicForm(), evidence: [pdf('after revocation')] }, { today: TODAY, at: AT() })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await fileCompanyRecordObjection(db, company2, { data: { recordId: W.id, reason: '再次提出异议' }, evidence: [pdf('after revocation')] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('SN 18: the person objects to their own record by the notice code with name and ID number (neutral message otherwise)', async () => {
    const before = await footprint();
    const data = { noticeCode: NOTICE, name: S.name, idNumber: S.idNumber, reason: '当天本人不在岗，投诉对象并非本人' };
    const first17 = `51090319770101${S.idNumber.slice(14, 16) === '99' ? '11' : '99'}1`;
    for (const wrong of [{ name: `${S.name}某` }, { noticeCode: 'TZ-2026-OBJ-9999' }, { idNumber: first17 + idCheckChar(first17) }]) {
      expect(await fileOwnRecordObjection(db, null, { by: 'notice', data: { ...data, ...wrong }, evidence: [pdf('roster')] }, { keys: keys(), at: AT() })).toEqual({
        ok: false,
        code: 'INVALID',
        message: NOTICE_NO_MATCH_MESSAGE,
      });
    }
    const noEvidence = await fileOwnRecordObjection(db, null, { by: 'notice', data }, { keys: keys(), at: AT() });
    expect(!noEvidence.ok && noEvidence.fieldErrors?.evidence?.[0]).toBe(EVIDENCE_REQUIRED_MESSAGE);
    // Nothing filed; each mismatch is audited (the record the code names, when it names one).
    expect(await footprint()).toEqual({ ...before, audit: before.audit + 3 });
    const mismatches = await q<{ object_id: string | null }>(sql`select object_id from audit_events where action = 'identity.notice_no_match' order by seq`);
    expect(mismatches.map((m) => m.object_id)).toEqual([S.id, null, S.id]);

    const r = await fileOwnRecordObjection(db, null, { by: 'notice', data, evidence: [pdf('roster')] }, { keys: keys(), ip: '10.0.0.2', at: AT() });
    expect(r.ok).toBe(true);
    const [c] = await q<{ id: string; subject_type: string; subject_id: string; district_id: string; company_id: string; filer_name: string; filer_phone: string }>(
      sql`select id, subject_type, subject_id, district_id, company_id, filer_name, filer_phone from cases where tracking_code = ${r.ok ? r.data.trackingCode : ''}`,
    );
    expect(c).toMatchObject({ subject_type: 'practitioner_record', subject_id: S.id, district_id: chuanshan.districtId, company_id: company.companyId, filer_name: S.name, filer_phone: S.mobile });
    caseId = c!.id;
    const [a] = await q<{ after: Record<string, unknown> }>(sql`select after from audit_events where action = 'objection.filed' and object_id = ${caseId}`);
    expect(a!.after).toMatchObject({ idNumber: S.masked, identifiedBy: 'notice' });
    expect(await recordsUnderObjection(db, 'practitioner_record', [S.id])).toEqual(new Set([S.id]));
    expect(await findClearIdNumbers(db)).toEqual([]);
  });

  it('…or by name, ID number and mobile, the code sent to the registered mobile, then choosing among their own records', async () => {
    const T = new Date('2026-11-23T02:00:00Z');
    const who = { name: S.name, idNumber: S.idNumber, mobile: S.mobile };
    const wrongMobile = await startIdentityCheck(db, { ...who, mobile: S.mobile === '13900000000' ? '13900000001' : '13900000000' }, { keys: keys(), at: T, sender: outboxSender });
    expect(wrongMobile).toMatchObject({ ok: true, data: { message: CODE_SENT_MESSAGE } });
    const started = await startIdentityCheck(db, who, { keys: keys(), at: T, sender: outboxSender });
    expect(started).toMatchObject({ ok: true, data: { message: CODE_SENT_MESSAGE } });
    const code = await codeSentTo(db, S.mobile, T);
    const found = await ownRecordsByCode(db, { challenge: started.ok ? started.data.challenge : '', code }, { keys: keys(), at: T });
    expect(found.ok && found.data.records.map((x) => x.id)).toContain(S.id);
    const token = found.ok ? found.data.token : '';
    const data = { token, recordId: S.id, reason: '投诉对象并非本人，附排班表' };
    expect(await fileOwnRecordObjection(db, null, { by: 'token', data, evidence: [pdf('shifts')] }, { keys: keys(), at: T })).toMatchObject({ ok: false, message: RECORD_OPEN_EXISTS_MESSAGE });
    const [other] = await q<{ id: string }>(sql`select id from practitioner_records where practitioner_id <> ${S.practitioner_id} and status = 'approved' limit 1`);
    expect(await fileOwnRecordObjection(db, null, { by: 'token', data: { ...data, recordId: other!.id }, evidence: [pdf('shifts')] }, { keys: keys(), at: T })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await fileOwnRecordObjection(db, null, { by: 'token', data, evidence: [pdf('shifts')] }, { keys: keys(), at: new Date(T.getTime() + 31 * 60 * 1000) })).toEqual({
      ok: false,
      code: 'INVALID',
      message: TOKEN_EXPIRED_MESSAGE,
    });
  });

  it('the district corrects the staff record within the closed list of types; another district cannot', async () => {
    const s0 = await staffRow();
    const newType = BAD_RECORD_TYPES.find((x) => x !== S.type)!;
    const input = { action: 'correct', caseId, version: 1, type: newType, note: '经核实，应为该类型' };
    expect(await handleRecordObjection(db, shehong, input, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await handleRecordObjection(db, company, input, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const wrongType = await handleRecordObjection(db, chuanshan, { ...input, type: '随意类型' }, { today: TODAY });
    expect(!wrongType.ok && wrongType.fieldErrors?.type?.[0]).toBeTruthy();
    const severity = await handleRecordObjection(db, chuanshan, { ...input, severity: '一般' }, { today: TODAY });
    expect(!severity.ok && severity.fieldErrors?.severity?.[0]).toBeTruthy();
    const points = await handleRecordObjection(db, chuanshan, { ...input, type: '', points: '2' }, { today: TODAY });
    expect(!points.ok && points.fieldErrors?.points?.[0]).toBeTruthy();
    expect(await staffRow()).toEqual(s0);
    expect((await caseRow()).status).toBe('open');

    expect(await handleRecordObjection(db, chuanshan, input, { today: TODAY })).toMatchObject({ ok: true, data: { status: 'corrected' } });
    const s = await staffRow();
    expect(s.type).toBe(newType);
    expect(s.corrections).toEqual([{ on: TODAY, reason: '经核实，应为该类型', before: { 类型: S.type }, after: { 类型: newType }, caseId }]);
    expect(await recordsUnderObjection(db, 'practitioner_record', [S.id])).toEqual(new Set());
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'record.corrected' and object_id = ${S.id}`)).toBe(1);
  });

  it('any person may object to a published staff record with evidence (a repeat with new evidence only)', async () => {
    const data = { subject: 'practitioner_record', recordId: S.id, name: '赵六', phone: '13811112222', reason: '我是当事业主，投诉已撤回' };
    expect(await filePublicRecordObjection(db, null, { data, evidence: [pdf('roster')] }, { today: TODAY, at: AT() })).toMatchObject({ ok: false, message: RECORD_REPEAT_MESSAGE });
    const r = await filePublicRecordObjection(db, null, { data, evidence: [pdf('withdrawal letter')] }, { today: TODAY, at: AT() });
    expect(r.ok).toBe(true);
    expect(await recordsUnderObjection(db, 'practitioner_record', [S.id])).toEqual(new Set([S.id]));
  });

  it('SPEC §3.7: the person attaches a short public statement to their record by the notice code, audited', async () => {
    const s0 = await staffRow();
    const who = { noticeCode: NOTICE, name: S.name, idNumber: S.idNumber };
    expect(await fileRecordStatement(db, null, { ...who, name: `${S.name}某`, statement: '本人已整改' }, { keys: keys(), at: AT() })).toEqual({ ok: false, code: 'INVALID', message: NOTICE_NO_MATCH_MESSAGE });
    const long = await fileRecordStatement(db, null, { ...who, statement: '长'.repeat(201) }, { keys: keys(), at: AT() });
    expect(!long.ok && long.fieldErrors?.statement?.[0]).toMatch(/200/);
    expect(await staffRow()).toEqual(s0);
    const audit0 = await n(sql`select count(*)::int as n from audit_events where action = 'record.statement'`);

    expect(await fileRecordStatement(db, null, { ...who, statement: '该投诉发生时本人不在岗，已提出异议。' }, { keys: keys(), at: AT() })).toMatchObject({ ok: true });
    expect((await staffRow()).statement).toBe('该投诉发生时本人不在岗，已提出异议。');
    expect(await fileRecordStatement(db, null, { ...who, statement: '已与业主沟通并取得谅解。' }, { keys: keys(), at: AT() })).toMatchObject({ ok: true });
    expect((await staffRow()).statement).toBe('已与业主沟通并取得谅解。');
    const audits = await q<{ before: { statement: string | null }; after: Record<string, string> }>(
      sql`select before, after from audit_events where action = 'record.statement' and object_id = ${S.id} order by seq`,
    );
    expect(audits.length).toBe(2);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'record.statement'`)).toBe(audit0 + 2);
    expect(audits[1]!.before.statement).toBe('该投诉发生时本人不在岗，已提出异议。');
    expect(audits[1]!.after).toMatchObject({ statement: '已与业主沟通并取得谅解。', idNumber: S.masked });
    expect(await findClearIdNumbers(db)).toEqual([]);
  });
});
