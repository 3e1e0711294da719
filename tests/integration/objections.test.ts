import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getObjectionByCode, listObjectionsInScope } from '@/db/queries/objections';
import { getPublicStaffCard, listPublicStaff } from '@/db/queries/public-staff';
import type { Actor } from '@/lib/auth/policy';
import { TRACKING_ALPHABET } from '@/lib/domain/objections';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { outboxSender } from '@/lib/messaging/sender';
import { signIdentity } from '@/lib/security/identity-token';
import { fileObjection, handleObjection, IDENTITY_EXPIRED_MESSAGE, OPEN_EXISTS_MESSAGE, PROPOSAL_PENDING_MESSAGE, REPEAT_MESSAGE } from '@/lib/services/objections';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import { findClearIdNumbers } from './helpers/id-scan';
import { verifiedBySms } from './helpers/otp';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const TODAY = '2026-11-23';
const pdf = (s: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4\n% ${s}\n%%EOF`) });
/** Each filing at its own injected moment, two days apart (the limits per client and per person have their own test). */
let tick = 0;
const nextAt = () => new Date(Date.UTC(2026, 10, 23, 1) + tick++ * 2 * 86_400_000);

describe.each(DRIVERS)('objections on one’s own data (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let chuanshan: Actor;
  let person: { id: string; name: string; mobile: string; idNumber: string; ethnicity: string; projectId: string; masked: string };
  let code: string;
  let caseId: string;

  const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));
  const n = async (s: ReturnType<typeof sql>) => Number((await q<{ n: number }>(s))[0]!.n);
  const footprint = async () => ({
    cases: await n(sql`select count(*)::int as n from cases`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
    audit: await n(sql`select count(*)::int as n from audit_events`),
  });
  const caseRow = async () =>
    (await q<{ status: string; version: number; answer: string | null }>(sql`select status, version, answer from cases where id = ${caseId}`))[0]!;
  const personRow = async () =>
    (await q<{ ethnicity: string; name: string; education: string }>(sql`select ethnicity, name, education from practitioners where id = ${person.id}`))[0]!;
  /** The person proves who they are by the code sent to their registered mobile; the form carries the proof. */
  let at: Date;
  let token: string;
  const verify = async () => {
    at = nextAt();
    token = (await verifiedBySms(db, person, { keys: keys(), at })).token;
  };
  const file = (data: Record<string, unknown>, evidence: { bytes: Uint8Array }[] = [], ip?: string) => fileObjection(db, null, { data, evidence }, { keys: keys(), at, ip });
  const form = (over: Record<string, unknown> = {}) => ({
    token,
    field: 'ethnicity',
    claimed: '回族',
    statement: '户口簿登记为回族',
    ...over,
  });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    company = await actorFor(db, 'company');
    chuanshan = await actorFor(db, 'chuanshan');
    const [p] = await q<{ id: string; name: string; mobile: string; enc: string; ethnicity: string; project_id: string; masked: string }>(sql`
      select p.id, p.name, p.mobile, p.id_number_enc as enc, p.ethnicity, e.project_id, p.id_number_masked as masked
      from practitioners p join employments e on e.practitioner_id = p.id and e.status = 'current'
      join projects pr on pr.id = e.project_id
      where p.status = 'active' and e.company_id = ${company.companyId} and pr.district_id = ${chuanshan.districtId}
        and e.post = '保洁人员' and p.ethnicity <> '回族'
      order by p.id limit 1`);
    person = { id: p!.id, name: p!.name, mobile: p!.mobile, idNumber: decryptIdNumber(p!.enc, keys()), ethnicity: p!.ethnicity, projectId: p!.project_id, masked: p!.masked };
  });
  afterAll(() => t.cleanup());

  it('without a valid proof of identity (the code from the SMS) nothing is filed — not even by someone who knows name, ID number and mobile', async () => {
    await verify();
    const before = await footprint();
    const stranger = keysFromBase64(Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 2).toString('base64'));
    for (const t of ['', 'forged.token.value', signIdentity(person.id, stranger, at.getTime()), signIdentity(person.id, keys(), at.getTime() - 31 * 60 * 1000)]) {
      const r = await file(form({ token: t }), [pdf('hukou')]);
      expect(r.ok).toBe(false);
      if (t.length >= 10) expect(r).toEqual({ ok: false, code: 'INVALID', message: IDENTITY_EXPIRED_MESSAGE });
    }
    // The name, ID number and mobile of the old form are not accepted in place of the proof.
    const old = await file({ name: person.name, idNumber: person.idNumber, mobile: person.mobile, field: 'ethnicity', claimed: '回族' }, [pdf('hukou')]);
    expect(!old.ok && old.fieldErrors?.token?.[0]).toBeTruthy();
    const badFile = await file(form(), [{ bytes: new TextEncoder().encode('plain text') }]);
    expect(!badFile.ok && badFile.fieldErrors?.evidence?.[0]).toMatch(/只接受/);
    expect(await footprint()).toEqual({ ...before, audit: before.audit });
  });

  it('files an objection: tracking code, 异议处理中 on the public pages, audit with the masked ID only', async () => {
    const before = await footprint();
    const r = await file(form(), [pdf('hukou')], '10.0.0.1');
    expect(r.ok).toBe(true);
    code = r.ok ? r.data.trackingCode : '';
    expect(code).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{12}$`));
    const [c] = await q<{ id: string; company_id: string; district_id: string; project_id: string; status: string }>(
      sql`select id, company_id, district_id, project_id, status from cases where tracking_code = ${code}`,
    );
    caseId = c!.id;
    expect(c).toMatchObject({ company_id: company.companyId, district_id: chuanshan.districtId, project_id: person.projectId, status: 'open' });
    expect(await footprint()).toEqual({ cases: before.cases + 1, attachments: before.attachments + 1, audit: before.audit + 1 });
    const [a] = await q<{ after: Record<string, unknown>; actor_label: string }>(sql`select after, actor_label from audit_events where action = 'objection.filed' and object_id = ${caseId}`);
    expect(a!.after).toMatchObject({ idNumber: person.masked, trackingCode: code, identifiedBy: 'sms' });
    expect(JSON.stringify(a!.after)).not.toContain(person.idNumber);

    const staff = await listPublicStaff(db, person.projectId, { today: TODAY, page: 1 });
    const all = [staff.items];
    for (let p = 2; p <= staff.pageCount; p++) all.push((await listPublicStaff(db, person.projectId, { today: TODAY, page: p })).items);
    expect(all.flat().find((m) => m.id === person.id)?.objectionOpen).toBe(true);
    expect(all.flat().filter((m) => m.objectionOpen).length).toBe(1);
    expect((await getPublicStaffCard(db, person.projectId, person.id, { today: TODAY }))?.objectionOpen).toBe(true);

    const tracking = await getObjectionByCode(db, code);
    expect(tracking).toMatchObject({ name: person.name, idNumberMasked: person.masked, status: 'open' });
    expect(Object.keys(tracking!).sort()).toEqual(['answer', 'body', 'decidedAt', 'decision', 'filedAt', 'idNumberMasked', 'name', 'status', 'trackingCode', 'verifyingAt']);
    expect(await findClearIdNumbers(db)).toEqual([]);
  });

  it('refuses a second objection while one is open', async () => {
    const before = await footprint();
    const r = await file(form({ field: 'education', claimed: '本科' }), [pdf('diploma')]);
    expect(r).toEqual({ ok: false, code: 'CONFLICT', message: OPEN_EXISTS_MESSAGE });
    expect(await footprint()).toEqual(before);
  });

  it('anonymous, other roles and out-of-scope handlers change nothing', async () => {
    const before = { ...(await footprint()), c: await caseRow(), p: await personRow() };
    const input = { action: 'correct', caseId, version: 1, field: 'ethnicity', value: '回族', note: '核实户口簿' };
    expect(await handleObjection(db, null, input)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['association', 'committee', 'department']) {
      expect(await handleObjection(db, await actorFor(db, u), input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    for (const u of ['company2', 'shehong']) {
      expect(await handleObjection(db, await actorFor(db, u), input)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect((await listObjectionsInScope(db, await actorFor(db, u), { status: 'all', page: 1 })).rows.map((r) => r.id)).not.toContain(caseId);
    }
    // Nothing changes; the two out-of-scope attempts on an existing case are written to the audit log.
    expect(await footprint()).toEqual({ cases: before.cases, attachments: before.attachments, audit: before.audit + 2 });
    expect(await q(sql`select action, object_type, object_id, actor_role from audit_events order by seq desc limit 2`)).toEqual([
      { action: 'access.out_of_scope', object_type: 'case', object_id: caseId, actor_role: 'district' },
      { action: 'access.out_of_scope', object_type: 'case', object_id: caseId, actor_role: 'company' },
    ]);
    expect(await caseRow()).toEqual(before.c);
    expect(await personRow()).toEqual(before.p);
    for (const u of ['company', 'chuanshan', 'city']) {
      expect((await listObjectionsInScope(db, await actorFor(db, u), { status: 'open', page: 1 })).rows.map((r) => r.id)).toContain(caseId);
    }
  });

  it('two handlers correcting at once: exactly one wins; the field changes with an audited before/after', async () => {
    const v = await handleObjection(db, company, { action: 'verify', caseId, version: 1 });
    expect(v).toMatchObject({ ok: true, data: { status: 'verifying' } });
    expect((await getObjectionByCode(db, code))?.verifyingAt).toBeInstanceOf(Date);
    const corrections = await Promise.all([
      handleObjection(db, company, { action: 'correct', caseId, version: 2, field: 'ethnicity', value: '回族', note: '经核对户口簿，已更正' }),
      handleObjection(db, chuanshan, { action: 'correct', caseId, version: 2, field: 'ethnicity', value: '藏族', note: '区县核实后更正' }),
    ]);
    const winners = corrections.filter((r) => r.ok);
    expect(winners.length).toBe(1);
    expect(corrections.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const won = corrections[0]!.ok ? '回族' : '藏族';
    expect((await personRow()).ethnicity).toBe(won);
    expect(await caseRow()).toMatchObject({ status: 'corrected', version: 3 });
    const audits = await q<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      sql`select before, after from audit_events where action = 'practitioner.corrected' and object_id = ${person.id}`,
    );
    expect(audits).toEqual([{ before: { ethnicity: person.ethnicity }, after: { ethnicity: won, objection: code } }]);
    const decided = await getObjectionByCode(db, code);
    expect(decided?.status).toBe('corrected');
    expect(JSON.parse(decided!.decision!).changes).toEqual([{ field: 'ethnicity', label: '民族', before: person.ethnicity, after: won }]);
    // The badge is gone once the case is decided.
    expect((await getPublicStaffCard(db, person.projectId, person.id, { today: TODAY }))?.objectionOpen).toBe(false);
    // A decided case takes no further step.
    expect(await handleObjection(db, chuanshan, { action: 'dismiss', caseId, version: 3, note: '维持' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a repeat on the same item needs new evidence; a dismissal keeps the data and explains', async () => {
    await verify();
    const before = await footprint();
    const again = { field: 'ethnicity', claimed: '汉族' };
    expect(await file(form(again))).toEqual({ ok: false, code: 'CONFLICT', message: REPEAT_MESSAGE });
    expect(await file(form(again), [pdf('hukou')])).toEqual({ ok: false, code: 'CONFLICT', message: REPEAT_MESSAGE });
    expect(await footprint()).toEqual(before);

    const r = await file(form(again), [pdf('hukou'), pdf('new certificate')]);
    expect(r.ok).toBe(true);
    const [c] = await q<{ id: string }>(sql`select id from cases where tracking_code = ${r.ok ? r.data.trackingCode : ''}`);
    const p0 = await personRow();
    const bad = await handleObjection(db, chuanshan, { action: 'dismiss', caseId: c!.id, version: 1, note: '' });
    expect(!bad.ok && bad.fieldErrors?.note?.[0]).toBeTruthy();
    const d = await handleObjection(db, chuanshan, { action: 'dismiss', caseId: c!.id, version: 1, note: '户籍信息核实无误，维持原信息' });
    expect(d).toMatchObject({ ok: true, data: { status: 'dismissed' } });
    expect(await personRow()).toEqual(p0);
    const tr = await getObjectionByCode(db, r.ok ? r.data.trackingCode : '');
    expect(tr).toMatchObject({ status: 'dismissed', answer: '户籍信息核实无误，维持原信息' });

    // Another item is a new objection (no evidence needed); the same item with the same files is still refused.
    expect(await file(form(again), [pdf('new certificate')])).toMatchObject({ ok: false, message: REPEAT_MESSAGE });
    const other = await file(form({ field: 'education', claimed: '本科' }));
    expect(other.ok).toBe(true);
  });

  it('a correction is validated like the entry form and cannot repeat the current value', async () => {
    const [c] = await q<{ id: string; version: number }>(sql`select id, version from cases where subject_id = ${person.id} and status = 'open'`);
    const p = await personRow();
    const wrong = await handleObjection(db, company, { action: 'correct', caseId: c!.id, version: c!.version, field: 'education', value: '幼儿园', note: '更正学历' });
    expect(!wrong.ok && wrong.fieldErrors?.value?.[0]).toBe('请选择有效的学历');
    const same = await handleObjection(db, company, { action: 'correct', caseId: c!.id, version: c!.version, field: 'education', value: p.education, note: '更正学历' });
    expect(!same.ok && same.fieldErrors?.value?.[0]).toMatch(/相同/);
    const stale = await handleObjection(db, company, { action: 'correct', caseId: c!.id, version: c!.version + 5, field: 'education', value: '本科', note: '更正学历' });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await personRow()).toEqual(p);
    const newEducation = p.education === '本科' ? '大专' : '本科';
    expect(await handleObjection(db, company, { action: 'correct', caseId: c!.id, version: c!.version, field: 'education', value: newEducation, note: '已按毕业证书更正' })).toMatchObject({ ok: true });
    expect((await personRow()).education).toBe(newEducation);
    expect(await findClearIdNumbers(db)).toEqual([]);
  });

  const postOf = async () => (await q<{ post: string }>(sql`select post from employments where practitioner_id = ${person.id} and status = 'current'`))[0]!.post;
  const mobileOf = async () => (await q<{ mobile: string }>(sql`select mobile from practitioners where id = ${person.id}`))[0]!.mobile;
  const notices = async (id: string) =>
    q<{ recipient: string; body: string }>(sql`select recipient, body from outbox_messages where purpose = 'objection.notice' and related_id = ${id} order by created_at, id`);
  const fileAbout = async (field: string, claimed: string) => {
    await verify();
    const r = await file(form({ field, claimed }), [pdf(`${field} proof`)]);
    expect(r.ok).toBe(true);
    return (await q<{ id: string }>(sql`select id from cases where tracking_code = ${r.ok ? r.data.trackingCode : ''}`))[0]!.id;
  };

  it('SN 15: the company cannot correct name or post, nor an item the case does not name, nor close a case about the post; the district corrects the post and the person is told', async () => {
    const id = await fileAbout('post', '客服主管');
    const before = { fp: await footprint(), post: await postOf(), p: await personRow(), c: (await q(sql`select status, version, decision from cases where id = ${id}`))[0] };
    for (const [field, value] of [
      ['post', '客服主管'],
      ['name', `${person.name}某`],
      ['ethnicity', '藏族'],
    ] as const) {
      const r = await handleObjection(db, company, { action: 'correct', caseId: id, version: 1, field, value, note: '企业核实后更正' }, { sender: outboxSender, at });
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await handleObjection(db, company, { action: 'dismiss', caseId: id, version: 1, note: '岗位登记无误' }, { sender: outboxSender, at })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Neither may the company approve its way around the district.
    expect(await handleObjection(db, company, { action: 'approve', caseId: id, version: 1, note: '同意' }, { sender: outboxSender, at })).toMatchObject({ ok: false });
    expect(await footprint()).toEqual(before.fp);
    expect(await postOf()).toBe(before.post);
    expect(await personRow()).toEqual(before.p);
    expect((await q(sql`select status, version, decision from cases where id = ${id}`))[0]).toEqual(before.c);
    expect(await notices(id)).toEqual([]);

    const d = await handleObjection(db, chuanshan, { action: 'correct', caseId: id, version: 1, field: 'post', value: '客服主管', note: '经核实劳动合同，更正岗位' }, { sender: outboxSender, at });
    expect(d).toMatchObject({ ok: true, data: { status: 'corrected' } });
    expect(await postOf()).toBe('客服主管');
    const told = await notices(id);
    expect(told.length).toBe(1);
    expect(told[0]!.recipient).toBe(person.mobile);
    expect(told[0]!.body).toContain('岗位');
  });

  it('the company’s correction of the mobile (public for some posts, and where codes go) lands only after the district approves; the person is told at each step', async () => {
    const oldMobile = person.mobile;
    const newMobile = oldMobile === '13700001234' ? '13700004321' : '13700001234';
    const id = await fileAbout('mobile', newMobile);
    const proposed = await handleObjection(db, company, { action: 'correct', caseId: id, version: 1, field: 'mobile', value: newMobile, note: '本人已更换手机号码' }, { sender: outboxSender, at });
    expect(proposed).toMatchObject({ ok: true, data: { status: 'verifying' } });
    expect(await mobileOf()).toBe(oldMobile);
    expect(await q(sql`select action from audit_events where action = 'practitioner.corrected' and object_id = ${person.id} and after->>'mobile' = ${newMobile}`)).toEqual([]);
    // While the district reviews, the company takes no further step.
    for (const input of [
      { action: 'dismiss', caseId: id, version: 2, note: '撤回' },
      { action: 'correct', caseId: id, version: 2, field: 'mobile', value: '13600001111', note: '再改' },
    ]) {
      expect(await handleObjection(db, company, input, { sender: outboxSender, at })).toEqual({ ok: false, code: 'CONFLICT', message: PROPOSAL_PENDING_MESSAGE });
    }
    // Another district cannot decide it.
    expect(await handleObjection(db, await actorFor(db, 'shehong'), { action: 'approve', caseId: id, version: 2, note: '同意' }, { sender: outboxSender, at })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // The district says no: nothing changes, the case is back with the handlers.
    expect(await handleObjection(db, chuanshan, { action: 'reject', caseId: id, version: 2, note: '请提供运营商证明' }, { sender: outboxSender, at })).toMatchObject({ ok: true, data: { status: 'verifying' } });
    expect(await mobileOf()).toBe(oldMobile);
    expect(await handleObjection(db, company, { action: 'correct', caseId: id, version: 3, field: 'mobile', value: newMobile, note: '已取得运营商证明' }, { sender: outboxSender, at })).toMatchObject({ ok: true });
    expect(await mobileOf()).toBe(oldMobile);
    const approved = await handleObjection(db, chuanshan, { action: 'approve', caseId: id, version: 4, note: '核实运营商证明无误' }, { sender: outboxSender, at });
    expect(approved).toMatchObject({ ok: true, data: { status: 'corrected' } });
    expect(await mobileOf()).toBe(newMobile);
    const [a] = await q<{ before: Record<string, unknown>; after: Record<string, unknown>; actor_label: string }>(
      sql`select before, after, actor_label from audit_events where action = 'practitioner.corrected' and object_id = ${person.id} and after->>'mobile' = ${newMobile}`,
    );
    expect(a).toMatchObject({ before: { mobile: oldMobile }, after: { mobile: newMobile, proposedBy: company.name }, actor_label: chuanshan.username });
    // Every notice went to the number on record when it was sent (the old one), never to the new one alone.
    const told = await notices(id);
    expect(told.length).toBe(3);
    expect(told.every((m) => m.recipient === oldMobile)).toBe(true);
    expect(told.filter((m) => m.body.includes('已更正“手机号码”')).length).toBe(1);
    person.mobile = newMobile;
  });
});
