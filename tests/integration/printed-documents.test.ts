/**
 * Printed documents that verify (issue 17 items 2 and 3; decision 032): a company credit report is issued with the
 * facts it states fixed, `/verify/[code]` says 有效 while the same facts hold today and the report is in its
 * 30 days, 内容已变化 from the day a list entry or a newer grade changed them, 已过有效期 after its period; only the
 * company itself and the bureaus of its scope can issue or open one. The registry number (执业登记号) is assigned
 * once at the first approval of an entry and survives a transfer, an exit and a re-entry.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { creditReportFactsOn, getCreditReportInScope } from '@/db/queries/credit-reports';
import { findByRegistryNumber, getRegistryNumber } from '@/db/queries/registry-numbers';
import { searchPublicStaff } from '@/db/queries/public-search';
import type { Actor } from '@/lib/auth/policy';
import { addCalendarDays } from '@/lib/domain/working-days';
import { factsFingerprint } from '@/lib/domain/credit-report';
import { verifyCreditReport } from '@/lib/services/credit-report-verify';
import { CREDIT_REPORT_LIMIT, issueBureauCreditReport, issueOwnCreditReport } from '@/lib/services/credit-reports';
import { answerTransfer, requestExit, requestReEntry, requestTransfer, submitTransferUpdate } from '@/lib/services/practitioner-moves';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { decidePractitionerSubmission } from '@/lib/services/practitioner-review';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-23';
const AT = new Date('2026-11-23T02:00:00.000Z');
const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const UPDATE = { politicalStatus: '群众', mobile: '13900002222', school: '遂宁职业学院', major: '物业管理', education: '大专', skills: '消防控制室值班', certificates: [] };

describe.each(DRIVERS)('printed documents (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let city: Actor;
  let otherDistrict: Actor;
  let ownDistrict: Actor;
  let committee: Actor;

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const footprint = async () =>
    (
      await rows<Record<string, number>>(sql`select
        (select count(*)::int from documents where kind = 'credit_report') as reports,
        (select count(*)::int from audit_events where action = 'credit_report.issued') as audit`)
    )[0]!;
  const uscc = async (companyId: string) => (await rows<{ uscc: string }>(sql`select uscc from companies where id = ${companyId}`))[0]!.uscc;
  const issue = async (actor: Actor, input: unknown, today = TODAY) => {
    const r = await (actor.role === 'company' ? issueOwnCreditReport : issueBureauCreditReport)(db, actor, input, { now: AT, today });
    if (!r.ok) throw new Error(r.message);
    return r.data.code;
  };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2, city, committee] = await Promise.all(['company', 'company2', 'city', 'committee'].map((u) => actorFor(db, u)));
    const [c] = await rows<{ district_id: string }>(sql`select district_id from companies where id = ${company.companyId}`);
    const [chuanshan, shehong] = await Promise.all(['chuanshan', 'shehong'].map((u) => actorFor(db, u)));
    ownDistrict = c!.district_id === chuanshan!.districtId ? chuanshan! : shehong!;
    otherDistrict = ownDistrict === chuanshan ? shehong! : chuanshan!;
  });
  afterAll(() => t.cleanup());

  it('a company issues its own report: the facts of the day fixed, an audit row, and /verify says 有效', async () => {
    const before = await footprint();
    const code = await issue(company, { purpose: '参加某小区物业服务项目投标' });
    expect(await footprint()).toEqual({ reports: before.reports + 1, audit: before.audit + 1 });
    const report = await getCreditReportInScope(db, company, code);
    const today = await creditReportFactsOn(db, company.companyId!, TODAY);
    expect(report).toMatchObject({ validUntil: '2026-12-22', summary: { companyName: company.companyName, purpose: '参加某小区物业服务项目投标', issuedOn: TODAY } });
    expect(factsFingerprint(report!.summary.facts)).toBe(factsFingerprint(today.facts));
    expect(report!.summary.scoreExplained).toContain(`当前 ${today.facts.score} 分`);
    const v = await verifyCreditReport(db, code, TODAY);
    expect(v?.currency).toEqual({ status: 'current', since: null, changed: [] });
    // The audit row names the code and the facts it stated.
    const [a] = await rows<{ after: { code: string } }>(sql`select after from audit_events where action = 'credit_report.issued' order by seq desc limit 1`);
    expect(a!.after.code).toBe(code);
  });

  it('a black-list entry after issue: /verify says 内容已变化 from the day it began', async () => {
    const code = await issue(company2, {});
    const stated = (await getCreditReportInScope(db, company2, code))!.summary.facts;
    expect(stated.listStatus).not.toBe('black');
    const since = addCalendarDays(TODAY, 3);
    await db.execute(sql`insert into list_entries (company_id, list, reason, rule, since, until, status, policy_version)
      values (${company2.companyId}, 'black', '测试：严重失信行为', 'DW11-veto', ${since}, ${addCalendarDays(TODAY, 400)}, 'active', (select max(version) from credit_policies))`);
    expect((await verifyCreditReport(db, code, addCalendarDays(TODAY, 2)))?.currency.status).toBe('current');
    const v = await verifyCreditReport(db, code, addCalendarDays(TODAY, 5));
    expect(v?.currency.status).toBe('changed');
    expect(v?.currency.since).toBe(since);
    expect(v?.currency.changed).toContain('红黑榜状态');
    // A report issued after the change states the black list and is current again.
    const fresh = await issue(company2, {}, addCalendarDays(TODAY, 5));
    expect((await getCreditReportInScope(db, company2, fresh))!.summary.facts).toMatchObject({ listStatus: 'black', eligible: false });
    expect((await verifyCreditReport(db, fresh, addCalendarDays(TODAY, 6)))?.currency.status).toBe('current');
  });

  it('a newer grade published after issue: 内容已变化 from its publication day', async () => {
    const code = await issue(ownDistrict, { uscc: await uscc(company.companyId!) });
    const stated = (await getCreditReportInScope(db, ownDistrict, code))!.summary.facts;
    const newGrade = stated.grade === 'C' ? 'B' : 'C';
    await db.execute(sql`insert into annual_evaluations (company_id, year, score, grade, vetoed, breakdown, policy_version, published_at)
      values (${company.companyId}, 2031, 80, ${newGrade}, false, '[]'::jsonb, (select max(version) from credit_policies), '2026-11-30T02:00:00Z')`);
    const v = await verifyCreditReport(db, code, '2026-12-01');
    expect(v?.currency).toMatchObject({ status: 'changed', since: '2026-11-30' });
    expect(v?.currency.changed).toContain('信用等级');
  });

  it('past its 30 days a report whose facts still hold says 已过有效期 from the day after', async () => {
    // A company whose stated facts are the same 31 days later (nothing added by the other tests).
    const candidates = await rows<{ id: string; uscc: string }>(sql`select id, uscc from companies where filing_status = 'approved' and id not in (${company.companyId}, ${company2.companyId}) order by uscc limit 20`);
    let chosen: { id: string; uscc: string } | undefined;
    for (const c of candidates) {
      const [a, b] = await Promise.all([creditReportFactsOn(db, c.id, TODAY), creditReportFactsOn(db, c.id, '2026-12-24')]);
      if (factsFingerprint(a.facts) === factsFingerprint(b.facts) && (await creditReportFactsOn(db, c.id, '2026-12-22')).facts.score === a.facts.score) {
        chosen = c;
        break;
      }
    }
    if (!chosen) throw new Error('no company with stable facts in the demo city');
    const code = await issue(city, { uscc: chosen.uscc });
    expect((await verifyCreditReport(db, code, '2026-12-22'))?.currency.status).toBe('current');
    expect((await verifyCreditReport(db, code, '2026-12-23'))?.currency).toEqual({ status: 'expired', since: '2026-12-23', changed: [] });
  });

  it('anonymous, a wrong role, another company and an out-of-scope district get nothing, and nothing is written', async () => {
    const code = await issue(company, {});
    const before = await footprint();
    const target = await uscc(company.companyId!);
    const opts = { now: AT, today: TODAY };
    expect(await issueOwnCreditReport(db, null, {}, opts)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await issueBureauCreditReport(db, null, { uscc: target }, opts)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await issueBureauCreditReport(db, committee, { uscc: target }, opts)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await issueBureauCreditReport(db, company2, { uscc: target }, opts)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await issueOwnCreditReport(db, city, {}, opts)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await issueOwnCreditReport(db, committee, {}, opts)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await issueBureauCreditReport(db, otherDistrict, { uscc: target }, opts)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A company names no other company: its own report, whatever it sends.
    const own = await issueOwnCreditReport(db, company2, { uscc: target, companyId: company.companyId }, opts);
    expect(own.ok && (await getCreditReportInScope(db, company2, own.data.code))?.summary.uscc).toBe(await uscc(company2.companyId!));
    expect(await footprint()).toEqual({ reports: before.reports + 1, audit: before.audit + 1 });
    // Opening the print page: only the company and the bureaus of its scope.
    expect(await getCreditReportInScope(db, company2, code)).toBeNull();
    expect(await getCreditReportInScope(db, otherDistrict, code)).toBeNull();
    expect(await getCreditReportInScope(db, committee, code)).toBeNull();
    expect(await getCreditReportInScope(db, ownDistrict, code)).not.toBeNull();
    expect(await getCreditReportInScope(db, city, code)).not.toBeNull();
    // The out-of-scope attempt is in the audit log.
    const [o] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${company.companyId} and actor_id = ${otherDistrict.userId}`);
    expect(o!.n).toBeGreaterThan(0);
  });

  it('a bureau gets field errors in Chinese for a bad credit code and a long purpose', async () => {
    const r = await issueBureauCreditReport(db, city, { uscc: '123', purpose: '用'.repeat(61) }, { now: AT, today: TODAY });
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['purpose', 'uscc']);
  });

  it('issuing is throttled per user in the database', async () => {
    const hour = new Date('2026-11-23T05:00:00.000Z');
    let last: Awaited<ReturnType<typeof issueOwnCreditReport>> | null = null;
    for (let i = 0; i <= CREDIT_REPORT_LIMIT.max; i++) last = await issueOwnCreditReport(db, company2, {}, { now: hour, today: TODAY });
    expect(last).toMatchObject({ ok: false, code: 'LOCKED' });
    const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from documents where kind = 'credit_report' and issued_at = ${hour.toISOString()}::timestamptz`);
    expect(n!.n).toBe(CREDIT_REPORT_LIMIT.max);
  });

  describe('registry number (执业登记号)', () => {
    it('every approved practitioner of the demo city has one, unique, in the SN-year-serial format; pending ones have none', async () => {
      const [r] = await rows<{ approved: number; numbered: number; distinct_no: number; bad: number; pending_numbered: number }>(sql`select
        (select count(distinct p.id)::int from practitioners p join employments e on e.practitioner_id = p.id and e.status in ('current', 'ended')) as approved,
        (select count(*)::int from practitioners where registry_no is not null) as numbered,
        (select count(distinct registry_no)::int from practitioners) as distinct_no,
        (select count(*)::int from practitioners where registry_no is not null and registry_no !~ '^SN-[0-9]{4}-[0-9]{6,}$') as bad,
        (select count(*)::int from practitioners p where registry_no is not null and not exists (select 1 from employments e where e.practitioner_id = p.id and e.status in ('current', 'ended'))) as pending_numbered`);
      expect(r!.approved).toBeGreaterThan(0);
      expect(r).toMatchObject({ numbered: r!.approved, distinct_no: r!.approved, bad: 0, pending_numbered: 0 });
    });

    it('the backfill is deterministic and idempotent: running it again changes nothing', async () => {
      const before = await rows<{ id: string; registry_no: string }>(sql`select id, registry_no from practitioners where registry_no is not null order by id`);
      const [again] = await rows<{ n: number }>(sql`select assign_registry_numbers() as n`);
      expect(Number(again!.n)).toBe(0);
      expect(await rows(sql`select id, registry_no from practitioners where registry_no is not null order by id`)).toEqual(before);
      // Serials follow the first start date (then the ID-number hash): the earliest starter holds serial 1.
      const [first] = await rows<{ registry_no: string }>(sql`select p.registry_no from practitioners p join employments e on e.practitioner_id = p.id and e.status in ('current','ended')
        group by p.id, p.registry_no, p.id_number_hash order by min(e.start_date), p.id_number_hash, p.id limit 1`);
      expect(first!.registry_no).toMatch(/-000001$/);
    });

    it('is assigned at the first approval of an entry, from the sequence, and found by exact number', async () => {
      const [pending] = await rows<{ submission_id: string; practitioner_id: string; district_id: string; version: number }>(sql`
        select s.id as submission_id, s.subject_id as practitioner_id, s.district_id, s.version from submissions s join practitioners p on p.id = s.subject_id
        where s.type = 'practitioner_entry' and s.status = 'submitted' and p.registry_no is null
          and not exists (select 1 from employments e where e.practitioner_id = p.id and e.status = 'current')
        order by p.photo_id is null, s.id limit 1`);
      if (!pending) throw new Error('no pending entry in the demo city');
      // Approval needs a photo: lend the entry one of the demo's photos when it has none.
      await db.execute(sql`update practitioners set photo_id = coalesce(photo_id, (select id from attachments where owner_type = 'practitioner' and kind = 'photo' order by id limit 1)) where id = ${pending.practitioner_id}`);
      const decider = pending.district_id === ownDistrict.districtId ? ownDistrict : pending.district_id === otherDistrict.districtId ? otherDistrict : city;
      const [{ max }] = (await rows<{ max: string }>(sql`select max(split_part(registry_no, '-', 3)::bigint)::text as max from practitioners`)) as [{ max: string }];
      const r = await decidePractitionerSubmission(db, decider, { id: pending.submission_id, expectedVersion: pending.version, decision: 'approved', reason: '材料齐全，同意' }, { today: TODAY });
      expect(r.ok).toBe(true);
      const no = await getRegistryNumber(db, pending.practitioner_id);
      expect(no).toBe(`SN-2026-${String(Number(max) + 1).padStart(6, '0')}`);
      expect(await findByRegistryNumber(db, ` ${no!.toLowerCase()} `)).toMatchObject({ id: pending.practitioner_id });
      // The site search finds current approved staff by the exact number, and nothing by a number nobody holds.
      const hit = await searchPublicStaff(db, no!.toLowerCase());
      expect(hit.items.map((h) => h.practitionerId)).toEqual([pending.practitioner_id]);
      expect((await searchPublicStaff(db, 'SN-1999-999999')).items).toEqual([]);

    });

    it('a transfer, an exit and a re-entry keep the number the person already holds', async () => {
      const [p] = await rows<{ id: string; name: string; enc: string }>(sql`
        select p.id, p.name, p.id_number_enc as enc from employments e join practitioners p on p.id = e.practitioner_id join projects pr on pr.id = e.project_id
        where e.status = 'current' and e.company_id = ${company.companyId} and pr.district_id = ${ownDistrict.districtId}
          and not exists (select 1 from submissions s where s.subject_id = p.id and s.status in ('draft','submitted','returned'))
        order by p.id desc limit 1`);
      const person = { ...p!, idNumber: decryptIdNumber(p!.enc, keys()) };
      const no = await getRegistryNumber(db, person.id);
      expect(no).toMatch(/^SN-\d{4}-\d{6,}$/);
      const count = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from practitioners where registry_no is not null`))[0]!.n;
      const numbered = await count();
      const decideIfOpen = async (submissionId: string) => {
        const [s] = await rows<{ status: string; version: number; district_id: string }>(sql`select status, version, district_id from submissions where id = ${submissionId}`);
        if (s!.status !== 'submitted') return;
        const reviewer = s!.district_id === ownDistrict.districtId ? ownDistrict : s!.district_id === otherDistrict.districtId ? otherDistrict : city;
        expect(await decidePractitionerSubmission(db, reviewer, { id: submissionId, expectedVersion: s!.version, decision: 'approved', reason: '材料齐全，同意' }, { today: TODAY })).toMatchObject({ ok: true });
      };

      const [to] = await rows<{ id: string }>(sql`select id from projects where current_company_id = ${company2.companyId} order by id limit 1`);
      const job = { name: person.name, idNumber: person.idNumber, projectId: to!.id, post: '保洁人员', hiredOn: '2026-11-21', labourContractOn: '2026-11-21' };
      const tr = await requestTransfer(db, company2, job, { today: TODAY, keys: keys() });
      if (!tr.ok) throw new Error(tr.message);
      expect(await answerTransfer(db, company, { submissionId: tr.data.submissionId, expectedVersion: 1, consent: 'given' }, { today: TODAY })).toMatchObject({ ok: true });
      const [released] = await rows<{ version: number }>(sql`select version from submissions where id = ${tr.data.submissionId}`);
      expect(await submitTransferUpdate(db, company2, { submissionId: tr.data.submissionId, expectedVersion: released!.version, update: UPDATE, informed: true })).toMatchObject({ ok: true });
      await decideIfOpen(tr.data.submissionId);
      expect((await rows<{ company_id: string }>(sql`select company_id from employments where practitioner_id = ${person.id} and status = 'current'`))[0]?.company_id).toBe(company2.companyId);
      expect(await getRegistryNumber(db, person.id)).toBe(no);

      const [cur] = await rows<{ company_id: string }>(sql`select company_id from employments where practitioner_id = ${person.id} and status = 'current'`);
      const employer = cur?.company_id === company2.companyId ? company2 : company;
      const ex = await requestExit(db, employer, { practitionerId: person.id, leftOn: '2026-11-22', reason: '个人原因离开物业行业' }, { today: TODAY });
      if (!ex.ok) throw new Error(ex.message);
      await decideIfOpen(ex.data.submissionId);
      expect((await rows<{ status: string }>(sql`select status from practitioners where id = ${person.id}`))[0]!.status).toBe('archived');
      expect(await getRegistryNumber(db, person.id)).toBe(no);

      const [back] = await rows<{ id: string }>(sql`select id from projects where current_company_id = ${company.companyId} and district_id = ${ownDistrict.districtId} order by id limit 1`);
      const re = await requestReEntry(db, company, { ...job, projectId: back!.id, hiredOn: '2026-11-23', labourContractOn: '2026-11-23', update: UPDATE, informed: true }, { today: TODAY, keys: keys() });
      if (!re.ok) throw new Error(re.message);
      await decideIfOpen(re.data.submissionId);
      expect((await rows<{ status: string }>(sql`select status from practitioners where id = ${person.id}`))[0]!.status).toBe('active');
      expect(await getRegistryNumber(db, person.id)).toBe(no);
      expect(await count()).toBe(numbered);
    });

    it('the sequence stands past every serial in use, so a new approval never reuses one', async () => {
      const [a] = await rows<{ v: string }>(sql`select nextval('practitioner_registry_seq')::text as v`);
      const [b] = await rows<{ v: string }>(sql`select nextval('practitioner_registry_seq')::text as v`);
      expect(Number(b!.v)).toBe(Number(a!.v) + 1);
      const [max] = await rows<{ m: string }>(sql`select max(split_part(registry_no, '-', 3)::bigint)::text as m from practitioners`);
      expect(Number(a!.v)).toBeGreaterThan(Number(max!.m));
    });
  });
});
