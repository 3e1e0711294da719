import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getObjectionByCode, listObjectionsInScope } from '@/db/queries/objections';
import { getPublicStaffCard, listPublicStaff } from '@/db/queries/public-staff';
import type { Actor } from '@/lib/auth/policy';
import { idCheckChar } from '@/lib/domain/id-number';
import { TRACKING_ALPHABET } from '@/lib/domain/objections';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { fileObjection, handleObjection, NO_MATCH_MESSAGE, OPEN_EXISTS_MESSAGE, REPEAT_MESSAGE } from '@/lib/services/objections';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import { findClearIdNumbers } from './helpers/id-scan';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const TODAY = '2026-11-23';
const pdf = (s: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4\n% ${s}\n%%EOF`) });

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
  const form = (over: Record<string, unknown> = {}) => ({
    name: person.name,
    idNumber: person.idNumber,
    mobile: person.mobile,
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

  it('a wrong name, phone or ID number gets one neutral message and writes nothing', async () => {
    const before = await footprint();
    const otherId = (() => {
      const first17 = `51090319770101${person.idNumber.slice(14, 16) === '99' ? '11' : '99'}1`;
      return first17 + idCheckChar(first17);
    })();
    const answers = [
      await fileObjection(db, null, { data: form({ name: `${person.name}某` }) }, { keys: keys() }),
      await fileObjection(db, null, { data: form({ mobile: person.mobile === '13900000000' ? '13900000001' : '13900000000' }) }, { keys: keys() }),
      await fileObjection(db, null, { data: form({ idNumber: otherId }) }, { keys: keys() }),
    ];
    for (const a of answers) expect(a).toEqual({ ok: false, code: 'INVALID', message: NO_MATCH_MESSAGE });
    const badCheck = await fileObjection(db, null, { data: form({ idNumber: person.idNumber.slice(0, 17) + (person.idNumber[17] === '0' ? '1' : '0') }) }, { keys: keys() });
    expect(!badCheck.ok && badCheck.fieldErrors?.idNumber?.[0]).toBeTruthy();
    const badFile = await fileObjection(db, null, { data: form(), evidence: [{ bytes: new TextEncoder().encode('plain text') }] }, { keys: keys() });
    expect(!badFile.ok && badFile.fieldErrors?.evidence?.[0]).toMatch(/只接受/);
    expect(await footprint()).toEqual(before);
  });

  it('files an objection: tracking code, 异议处理中 on the public pages, audit with the masked ID only', async () => {
    const before = await footprint();
    const r = await fileObjection(db, null, { data: form({ mobile: ` ${person.mobile} ` }), evidence: [pdf('hukou')] }, { keys: keys(), ip: '10.0.0.1' });
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
    expect(a!.after).toMatchObject({ idNumber: person.masked, trackingCode: code });
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
    const r = await fileObjection(db, null, { data: form({ field: 'education', claimed: '本科' }), evidence: [pdf('diploma')] }, { keys: keys() });
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
    expect(await footprint()).toEqual({ cases: before.cases, attachments: before.attachments, audit: before.audit + 0 });
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
    const before = await footprint();
    const again = { field: 'ethnicity', claimed: '汉族' };
    expect(await fileObjection(db, null, { data: form(again) }, { keys: keys() })).toEqual({ ok: false, code: 'CONFLICT', message: REPEAT_MESSAGE });
    expect(await fileObjection(db, null, { data: form(again), evidence: [pdf('hukou')] }, { keys: keys() })).toEqual({ ok: false, code: 'CONFLICT', message: REPEAT_MESSAGE });
    expect(await footprint()).toEqual(before);

    const r = await fileObjection(db, null, { data: form(again), evidence: [pdf('hukou'), pdf('new certificate')] }, { keys: keys() });
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
    expect(await fileObjection(db, null, { data: form(again), evidence: [pdf('new certificate')] }, { keys: keys() })).toMatchObject({ ok: false, message: REPEAT_MESSAGE });
    const other = await fileObjection(db, null, { data: form({ field: 'education', claimed: '本科' }) }, { keys: keys() });
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
});
