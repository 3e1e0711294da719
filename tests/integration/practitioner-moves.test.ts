import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import {
  answerTransfer,
  overrideTransfer,
  requestExit,
  requestPostChange,
  requestReEntry,
  requestTransfer,
  submitTransferUpdate,
  withdrawMove,
} from '@/lib/services/practitioner-moves';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import { savePolicyVersion } from '@/lib/services/credit-policy';
import { decidePractitionerSubmission } from '@/lib/services/practitioner-review';
import { countMoves, listMoves } from '@/db/queries/practitioner-moves';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const TODAY = '2026-11-23';
const CHUANSHAN = '510903';
const SHEHONG = '510981';

interface Person {
  id: string;
  name: string;
  idNumber: string;
  employmentId: string;
  projectId: string;
}

describe.each(DRIVERS)('post change, transfer, exit and re-entry (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let chuanshan: Actor;
  let shehong: Actor;
  let city: Actor;
  const used = new Set<string>();

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const footprint = async () =>
    (
      await rows<Record<string, number>>(sql`select
        (select count(*)::int from submissions) as submissions,
        (select count(*)::int from employments) as employments,
        (select count(*)::int from employments where status = 'current') as current,
        (select count(*)::int from practitioners where status = 'archived') as archived,
        (select count(*)::int from audit_events where action like 'practitioner.%') as audit`)
    )[0]!;

  /** A person currently employed by `c` at an estate of `district` that no other test has used. */
  const personOf = async (c: Actor, district: string): Promise<Person> => {
    const list = await rows<{ id: string; name: string; enc: string; employment_id: string; project_id: string }>(sql`
      select p.id, p.name, p.id_number_enc as enc, e.id as employment_id, e.project_id
      from employments e join practitioners p on p.id = e.practitioner_id join projects pr on pr.id = e.project_id
      where e.status = 'current' and e.company_id = ${c.companyId} and pr.district_id = ${district}
        and not exists (select 1 from submissions s where s.subject_id = p.id and s.status in ('draft','submitted','returned'))
      order by p.id limit 20`);
    const p = list.find((x) => !used.has(x.id))!;
    used.add(p.id);
    return { id: p.id, name: p.name, idNumber: decryptIdNumber(p.enc, keys()), employmentId: p.employment_id, projectId: p.project_id };
  };
  const projectOf = async (c: Actor, district: string, not?: string) =>
    (
      await rows<{ id: string }>(
        sql`select id from projects where current_company_id = ${c.companyId} and district_id = ${district} and id <> ${not ?? '00000000-0000-0000-0000-000000000000'} order by id limit 1`,
      )
    )[0]!.id;
  const employmentsOf = async (practitionerId: string) =>
    rows<{ company_id: string; project_id: string; post: string; status: string; start_date: string; end_date: string | null; end_reason: string | null }>(
      sql`select company_id, project_id, post, status, start_date::text, end_date::text, end_reason from employments where practitioner_id = ${practitionerId} order by created_at, start_date`,
    );
  const submission = async (id: string) =>
    (await rows<{ status: string; version: number; district_id: string; payload: Record<string, unknown> }>(sql`select status, version, district_id, payload from submissions where id = ${id}`))[0]!;
  const decide = async (actor: Actor, id: string, decision: 'approved' | 'rejected' | 'returned', reason = '材料齐全，同意') =>
    decidePractitionerSubmission(db, actor, { id, expectedVersion: (await submission(id)).version, decision, reason }, { today: TODAY });
  const update = { politicalStatus: '群众', mobile: '13900002222', school: '遂宁职业学院', major: '物业管理', education: '大专', skills: '消防控制室值班', certificates: [] };

  /** The district reviewer of an estate's district (the city where the demo has no district account). */
  const reviewerOf = (districtId: string) => (districtId === CHUANSHAN ? chuanshan : districtId === SHEHONG ? shehong : city);

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2, chuanshan, shehong, city] = await Promise.all(['company', 'company2', 'chuanshan', 'shehong', 'city'].map((u) => actorFor(db, u)));
  });
  afterAll(() => t.cleanup());

  it('post change (SN 15): company files, the new estate’s district approves, history keeps both', async () => {
    const p = await personOf(company, CHUANSHAN);
    const to = await projectOf(company, SHEHONG);
    const r = await requestPostChange(db, company, { practitionerId: p.id, projectId: to, post: '工程主管', changedOn: '2026-11-18' }, { today: TODAY });
    expect(r).toMatchObject({ ok: true, data: { late: true } });
    if (!r.ok) return;
    expect((await submission(r.data.submissionId)).district_id).toBe(SHEHONG);
    // A second move on the same person while this one is open is refused.
    const again = await requestExit(db, company, { practitionerId: p.id, leftOn: TODAY, reason: '个人原因' }, { today: TODAY });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    // The old estate's district is not the one that decides: out of scope behaves as missing.
    expect(await decide(chuanshan, r.data.submissionId, 'approved')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await decide(shehong, r.data.submissionId, 'approved')).toMatchObject({ ok: true });
    const history = await employmentsOf(p.id);
    expect(history.filter((e) => e.status === 'current')).toEqual([
      expect.objectContaining({ company_id: company.companyId, project_id: to, post: '工程主管', start_date: '2026-11-18' }),
    ]);
    expect(history.find((e) => e.project_id === p.projectId && e.status === 'ended')).toMatchObject({ end_date: '2026-11-17', end_reason: '岗位调整' });
  });

  it('refuses post changes from anonymous, other roles and another company, writing nothing', async () => {
    const p = await personOf(company, CHUANSHAN);
    const input = { practitionerId: p.id, projectId: p.projectId, post: '保洁人员', changedOn: TODAY };
    const before = await footprint();
    expect(await requestPostChange(db, null, input, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await requestPostChange(db, chuanshan, input, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await requestPostChange(db, company2, { ...input, projectId: await projectOf(company2, SHEHONG).catch(() => p.projectId) }, { today: TODAY })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await requestExit(db, company2, { practitionerId: p.id, leftOn: TODAY, reason: '个人原因' }, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual(before);
  });

  it('transfer by consent (SN 16): old company consents, new company updates, district approves', async () => {
    const p = await personOf(company, CHUANSHAN);
    const to = (await rows<{ id: string; district_id: string }>(sql`select id, district_id from projects where current_company_id = ${company2.companyId} order by district_id in (${CHUANSHAN}, ${SHEHONG}) desc, id limit 1`))[0]!;
    const wrongName = await requestTransfer(db, company2, { name: '某某某', idNumber: p.idNumber, projectId: to.id, post: '保洁人员', hiredOn: '2026-11-21', labourContractOn: '2026-11-21' }, { today: TODAY, keys: keys() });
    expect(wrongName).toMatchObject({ ok: false, fieldErrors: { idNumber: [expect.stringContaining('未找到')] } });
    const r = await requestTransfer(db, company2, { name: p.name, idNumber: p.idNumber, projectId: to.id, post: '保洁人员', hiredOn: '2026-11-21', labourContractOn: '2026-11-21' }, { today: TODAY, keys: keys() });
    expect(r).toMatchObject({ ok: true, data: { late: false } });
    if (!r.ok) return;
    // Before consent: the new company cannot submit, the person is still current at the old company.
    const early = await submitTransferUpdate(db, company2, { submissionId: r.data.submissionId, expectedVersion: 1, update, informed: true });
    expect(early).toMatchObject({ ok: false, code: 'CONFLICT' });
    // Only the old company answers; company2 (the requester) cannot consent for it.
    expect(await answerTransfer(db, company2, { submissionId: r.data.submissionId, expectedVersion: 1, consent: 'given' }, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const yes = await answerTransfer(db, company, { submissionId: r.data.submissionId, expectedVersion: 1, consent: 'given' }, { today: TODAY });
    expect(yes).toMatchObject({ ok: true, data: { consent: 'given' } });
    let s = await submission(r.data.submissionId);
    expect([s.status, s.payload.stage, s.district_id]).toEqual(['draft', 'released', to.district_id]);
    expect((await employmentsOf(p.id)).map((e) => e.status).sort()).toEqual(['ended', 'pending']);

    expect(await submitTransferUpdate(db, company2, { submissionId: r.data.submissionId, expectedVersion: s.version, update, informed: true })).toMatchObject({ ok: true });
    const district = reviewerOf(to.district_id);
    expect(await decide(district, r.data.submissionId, 'approved')).toMatchObject({ ok: true });
    s = await submission(r.data.submissionId);
    expect(s.status).toBe('approved');
    const history = await employmentsOf(p.id);
    expect(history).toEqual([
      expect.objectContaining({ company_id: company.companyId, status: 'ended', end_date: '2026-11-20', end_reason: '跨企业流动调出' }),
      expect.objectContaining({ company_id: company2.companyId, project_id: to.id, post: '保洁人员', status: 'current', start_date: '2026-11-21' }),
    ]);
    const [person] = await rows<{ mobile: string; school: string; status: string }>(sql`select mobile, school, status from practitioners where id = ${p.id}`);
    expect(person).toEqual({ mobile: '13900002222', school: '遂宁职业学院', status: 'active' });
  });

  it('transfer by district override (SN 16): refused → the old estate’s district releases after checking', async () => {
    const p = await personOf(company, CHUANSHAN);
    const to = (await rows<{ id: string; district_id: string }>(sql`select id, district_id from projects where current_company_id = ${company2.companyId} order by district_id in (${CHUANSHAN}, ${SHEHONG}) desc, id limit 1`))[0]!;
    const r = await requestTransfer(db, company2, { name: p.name, idNumber: p.idNumber, projectId: to.id, post: '安保人员', hiredOn: '2026-11-20', labourContractOn: '2026-11-20' }, { today: TODAY, keys: keys() });
    if (!r.ok) throw new Error(r.message);
    // While the old company may still answer, the district cannot step in.
    const tooSoon = await overrideTransfer(db, chuanshan, { submissionId: r.data.submissionId, expectedVersion: 1, reason: '已核实劳动合同' }, { today: TODAY });
    expect(tooSoon).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('答复期') });
    const noReason = await answerTransfer(db, company, { submissionId: r.data.submissionId, expectedVersion: 1, consent: 'refused', reason: '' }, { today: TODAY });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: ['不同意调出须说明理由'] } });
    expect(await answerTransfer(db, company, { submissionId: r.data.submissionId, expectedVersion: 1, consent: 'refused', reason: '交接未完成' }, { today: TODAY })).toMatchObject({ ok: true });

    const before = await footprint();
    // Another district, the new company, the old company and anonymous cannot release.
    expect(await overrideTransfer(db, shehong, { submissionId: r.data.submissionId, expectedVersion: 2, reason: '已核实' }, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await overrideTransfer(db, company2, { submissionId: r.data.submissionId, expectedVersion: 2, reason: '已核实' }, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await overrideTransfer(db, null, { submissionId: r.data.submissionId, expectedVersion: 2, reason: '已核实' }, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await footprint()).toEqual(before);

    // Two reviewers at once: one releases, the other is told.
    const both = await Promise.all([
      overrideTransfer(db, chuanshan, { submissionId: r.data.submissionId, expectedVersion: 2, reason: '已核实劳动合同，原企业理由不成立' }, { today: TODAY }),
      overrideTransfer(db, city, { submissionId: r.data.submissionId, expectedVersion: 2, reason: '已核实' }, { today: TODAY }),
    ]);
    expect(both.filter((x) => x.ok)).toHaveLength(1);
    expect(both.find((x) => !x.ok)).toMatchObject({ code: 'CONFLICT' });
    expect((await employmentsOf(p.id)).filter((e) => e.status === 'pending')).toHaveLength(1);
    const s = await submission(r.data.submissionId);
    expect(s.payload).toMatchObject({ stage: 'released', releasedBy: 'district', consent: 'refused' });
    expect(await submitTransferUpdate(db, company2, { submissionId: r.data.submissionId, expectedVersion: s.version, update, informed: true })).toMatchObject({ ok: true });
    expect(await decide(reviewerOf(to.district_id), r.data.submissionId, 'approved')).toMatchObject({ ok: true });
    expect((await employmentsOf(p.id)).filter((e) => e.status === 'current')).toEqual([expect.objectContaining({ company_id: company2.companyId })]);
  });

  it('a silent old company: after 3 working days the district may release', async () => {
    const p = await personOf(company, CHUANSHAN);
    const to = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${company2.companyId} order by id limit 1`))[0]!;
    const r = await requestTransfer(db, company2, { name: p.name, idNumber: p.idNumber, projectId: to.id, post: '安保人员', hiredOn: '2026-11-20', labourContractOn: '2026-11-20' }, { today: '2026-11-20', keys: keys() });
    if (!r.ok) throw new Error(r.message);
    expect(await overrideTransfer(db, chuanshan, { submissionId: r.data.submissionId, expectedVersion: 1, reason: '原企业未答复，已核实' }, { today: '2026-11-25' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await overrideTransfer(db, chuanshan, { submissionId: r.data.submissionId, expectedVersion: 1, reason: '原企业未答复，已核实' }, { today: '2026-11-26' })).toMatchObject({ ok: true });
    // Once released the old company can no longer answer.
    expect(await answerTransfer(db, company, { submissionId: r.data.submissionId, expectedVersion: 2, consent: 'refused', reason: '不同意' }, { today: '2026-11-26' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('exit archives the person (SN 17); re-entry by another company reactivates the same record', async () => {
    const p = await personOf(company, CHUANSHAN);
    const r = await requestExit(db, company, { practitionerId: p.id, leftOn: '2026-11-20', reason: '个人原因离开物业行业' }, { today: TODAY });
    if (!r.ok) throw new Error(r.message);
    // Returned for correction first: nothing changes yet.
    expect(await decide(chuanshan, r.data.submissionId, 'returned', '请补充离职证明')).toMatchObject({ ok: true });
    expect((await rows<{ status: string }>(sql`select status from practitioners where id = ${p.id}`))[0]!.status).toBe('active');
    await db.execute(sql`update submissions set status = 'submitted', version = version + 1 where id = ${r.data.submissionId}`);
    expect(await decide(chuanshan, r.data.submissionId, 'approved')).toMatchObject({ ok: true });
    expect((await rows<{ status: string }>(sql`select status from practitioners where id = ${p.id}`))[0]!.status).toBe('archived');
    expect((await employmentsOf(p.id)).filter((e) => e.status === 'current')).toEqual([]);

    // A transfer of an archived person is pointed to re-entry.
    const to = (await rows<{ id: string; district_id: string }>(sql`select id, district_id from projects where current_company_id = ${company2.companyId} order by district_id in (${CHUANSHAN}, ${SHEHONG}) desc, id limit 1`))[0]!;
    const job = { name: p.name, idNumber: p.idNumber, projectId: to.id, post: '客服人员', hiredOn: '2026-11-22', labourContractOn: '2026-11-22' };
    expect(await requestTransfer(db, company2, job, { today: TODAY, keys: keys() })).toMatchObject({ ok: false, fieldErrors: { idNumber: ['该人员已退出行业并归档，请办理重新执业'] } });
    const re = await requestReEntry(db, company2, { ...job, update: { ...update, mobile: '13700003333' }, informed: true }, { today: TODAY, keys: keys() });
    expect(re).toMatchObject({ ok: true, data: { practitionerId: p.id } });
    if (!re.ok) return;
    expect(await decide(reviewerOf(to.district_id), re.data.submissionId, 'approved')).toMatchObject({ ok: true });
    const [person] = await rows<{ status: string; mobile: string }>(sql`select status, mobile from practitioners where id = ${p.id}`);
    expect(person).toEqual({ status: 'active', mobile: '13700003333' });
    const history = await employmentsOf(p.id);
    expect(history.map((e) => [e.company_id, e.status])).toEqual([
      [company.companyId, 'ended'],
      [company2.companyId, 'current'],
    ]);
    // Exactly one person with this ID: re-entry reused the archived record.
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from practitioners where name = ${p.name} and id_number_masked = (select id_number_masked from practitioners where id = ${p.id})`))[0]!.n).toBe(1);
  });

  it('a withdrawn re-entry leaves the person archived and the pending employment closed', async () => {
    const archived = (await rows<{ id: string; name: string; enc: string }>(sql`select id, name, id_number_enc as enc from practitioners where status = 'archived' order by id limit 1`))[0]!;
    const to = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${company.companyId} order by id limit 1`))[0]!;
    const re = await requestReEntry(
      db,
      company,
      { name: archived.name, idNumber: decryptIdNumber(archived.enc, keys()), projectId: to.id, post: '保洁人员', hiredOn: '2026-11-22', labourContractOn: '2026-11-22', update, informed: true },
      { today: TODAY, keys: keys() },
    );
    if (!re.ok) throw new Error(re.message);
    expect(await withdrawMove(db, company2, { submissionId: re.data.submissionId, expectedVersion: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await withdrawMove(db, company, { submissionId: re.data.submissionId, expectedVersion: 1 })).toMatchObject({ ok: true });
    expect((await rows<{ status: string }>(sql`select status from practitioners where id = ${archived.id}`))[0]!.status).toBe('archived');
    expect((await employmentsOf(archived.id)).filter((e) => e.status === 'pending')).toEqual([]);
  });

  // Last: it changes the policy in force for the rest of the file.
  it('takes the filing days of a move from the policy in force (postChangeFilingDays) and records its version', async () => {
    const saved = await savePolicyVersion(db, city, { settings: { ...structuredClone(defaultCreditPolicy), postChangeFilingDays: 7 }, reason: '报备期限改为 7 日', baseVersion: 1 });
    expect(saved).toMatchObject({ ok: true });
    const p = await personOf(company, CHUANSHAN);
    const to = await projectOf(company, CHUANSHAN, p.projectId);
    // Changed five days ago: late under the default 3 days, on time under the new 7.
    const r = await requestPostChange(db, company, { practitionerId: p.id, projectId: to, post: '客服主管', changedOn: '2026-11-18' }, { today: TODAY });
    expect(r).toMatchObject({ ok: true, data: { late: false } });
    if (!r.ok) return;
    const [row] = await rows<{ due_on: string; policy_version: number | null; payload: Record<string, unknown> }>(
      sql`select due_on::text, policy_version, payload from submissions where id = ${r.data.submissionId}`,
    );
    expect(row).toMatchObject({ due_on: '2026-11-25', policy_version: 2, payload: { deadline: '2026-11-25', late: false, daysOverdue: 0 } });
  });
  it('the district’s transfer queue pages through every waiting request with a true count, only in its scope', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await personOf(company, CHUANSHAN);
      const to = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${company2.companyId} order by id limit 1`))[0]!;
      const r = await requestTransfer(db, company2, { name: p.name, idNumber: p.idNumber, projectId: to.id, post: '保洁人员', hiredOn: '2026-11-21', labourContractOn: '2026-11-21' }, { today: TODAY, keys: keys() });
      if (!r.ok) throw new Error(r.message);
      filed.push(r.data.submissionId);
    }
    const opts = { awaitingConsentOnly: true } as const;
    const total = await countMoves(db, chuanshan, opts);
    expect(total).toBeGreaterThanOrEqual(3);
    const all = await listMoves(db, chuanshan, { ...opts, limit: 1000 });
    expect(all).toHaveLength(total);
    // Pages of 2 put together are the whole list, in the same order, with no row twice.
    const paged: string[] = [];
    for (let offset = 0; offset < total; offset += 2) paged.push(...(await listMoves(db, chuanshan, { ...opts, limit: 2, offset })).map((m) => m.id));
    expect(paged).toEqual(all.map((m) => m.id));
    expect(all.map((m) => m.id)).toEqual(expect.arrayContaining(filed));
    // 射洪市 sees none of 船山区's requests; the count agrees with the list.
    const other = await listMoves(db, shehong, { ...opts, limit: 1000 });
    expect(other.map((m) => m.id)).not.toEqual(expect.arrayContaining([filed[0]]));
    expect(await countMoves(db, shehong, opts)).toBe(other.length);
  });
  it('a company’s moves page: the transfers it must answer, and what it filed a page at a time with a true count', async () => {
    const opts = { limit: 1000 };
    const all = await listMoves(db, company, opts);
    const incoming = await listMoves(db, company, { ...opts, view: 'incoming' });
    const filed = await listMoves(db, company, { ...opts, view: 'filed' });
    // The same split the page made in memory before it paged: answers owed by this company, and everything else.
    const fromMe = (m: (typeof all)[number]) => m.type === 'transfer' && m.payload.fromCompanyId === company.companyId;
    expect(incoming.map((m) => m.id)).toEqual(all.filter((m) => fromMe(m) && m.status === 'draft' && m.payload.stage === 'consent').map((m) => m.id));
    expect(filed.map((m) => m.id)).toEqual(all.filter((m) => !fromMe(m)).map((m) => m.id));
    expect(incoming.length).toBeGreaterThan(0);
    expect(filed.length).toBeGreaterThan(0);
    expect(await countMoves(db, company, { view: 'filed' })).toBe(filed.length);
    const second = await listMoves(db, company, { view: 'filed', limit: 1, offset: 1 });
    expect(second.map((m) => m.id)).toEqual(filed.slice(1, 2).map((m) => m.id));
  });
});
