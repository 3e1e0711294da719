/**
 * Staff badges (工牌, SPEC §3.11): a company issues its estate's badges and reissues one; `/verify/[code]` says
 * 有效 with the public fields and the photo while the person is current approved staff under that employment, and
 * 已失效 with nothing about the person the moment they leave, are transferred, change post, or the badge is
 * reissued — computed when read, so an exit (which revokes nothing) stops the badge too.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getBadgePhoto, verifyBadge } from '@/db/queries/badges';
import type { Actor } from '@/lib/auth/policy';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { issueEstateBadges, loadBadgeSheet, reissueBadge } from '@/lib/services/badges';
import { answerTransfer, requestExit, requestPostChange, requestTransfer } from '@/lib/services/practitioner-moves';
import { decidePractitionerSubmission } from '@/lib/services/practitioner-review';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const TODAY = '2026-11-23';
const AT = new Date('2026-11-23T02:00:00.000Z');
const CHUANSHAN = '510903';
const PUBLIC_KEYS = ['code', 'companyName', 'hasPhoto', 'name', 'post', 'projectName', 'registryNo', 'valid'];

describe.each(DRIVERS)('staff badges (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let chuanshan: Actor;
  /** An estate of `company` in 船山区 with enough approved staff free of open submissions. */
  let estate: { id: string; name: string };
  /** Staff of that estate: code of each person's badge once the sheet is issued. */
  let staff: { id: string; name: string; mobile: string; idNumber: string; code: string }[];
  let next = 0;

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const footprint = async () =>
    (
      await rows<Record<string, number>>(sql`select
        (select count(*)::int from documents where kind = 'staff_badge') as badges,
        (select count(*)::int from documents where kind = 'staff_badge' and revoked_at is not null) as revoked,
        (select count(*)::int from audit_events where action like 'badge.%') as audit,
        (select count(*)::int from audit_events where action = 'access.out_of_scope') as out_of_scope`)
    )[0]!;
  const decide = async (actor: Actor, id: string) => {
    const [s] = await rows<{ version: number }>(sql`select version from submissions where id = ${id}`);
    return decidePractitionerSubmission(db, actor, { id, expectedVersion: s!.version, decision: 'approved', reason: '材料齐全，同意' }, { today: TODAY });
  };
  const person = () => staff[next++]!;
  const expectValid = async (code: string, name: string) => {
    const v = await verifyBadge(db, code);
    expect(v).toMatchObject({ valid: true, name, projectName: estate.name, companyName: company.companyName, hasPhoto: true });
    expect((await getBadgePhoto(db, code, 'photo'))?.content.byteLength).toBeGreaterThan(0);
  };
  const expectVoid = async (code: string) => {
    expect(await verifyBadge(db, code)).toEqual({ code, valid: false });
    expect(await getBadgePhoto(db, code, 'photo')).toBeNull();
    expect(await getBadgePhoto(db, code, 'thumb')).toBeNull();
  };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2, chuanshan] = await Promise.all(['company', 'company2', 'chuanshan'].map((u) => actorFor(db, u)));
    [estate] = await rows<{ id: string; name: string }>(sql`
      select pr.id, pr.name from projects pr join employments e on e.project_id = pr.id and e.status = 'current' and e.company_id = ${company.companyId}
      join practitioners p on p.id = e.practitioner_id and p.status = 'active' and p.photo_id is not null
      where pr.current_company_id = ${company.companyId} and pr.district_id = ${CHUANSHAN}
        and not exists (select 1 from submissions s where s.subject_id = p.id and s.status in ('draft','submitted','returned'))
      group by pr.id, pr.name having count(*) >= 5 order by pr.id limit 1`);
  });
  afterAll(() => t.cleanup());

  it('issues the estate’s sheet once, with an audit row per badge; the verify DTO has only the public fields', async () => {
    const before = await footprint();
    const r = await issueEstateBadges(db, company, { projectId: estate.id }, { now: AT });
    expect(r.ok).toBe(true);
    const sheet = await loadBadgeSheet(db, company, { projectId: estate.id });
    if (!r.ok || !sheet.ok) throw new Error('not issued');
    expect(r.data.issued).toBe(sheet.data.holders.length);
    expect(sheet.data.holders.every((h) => h.code)).toBe(true);
    expect(await footprint()).toEqual({ ...before, badges: before.badges + r.data.issued, audit: before.audit + r.data.issued });
    // A second print issues nothing new.
    expect(await issueEstateBadges(db, company, { projectId: estate.id }, { now: AT })).toEqual({ ok: true, data: { issued: 0 } });

    const people = await rows<{ id: string; name: string; mobile: string; enc: string }>(sql`
      select p.id, p.name, p.mobile, p.id_number_enc as enc from practitioners p join employments e on e.practitioner_id = p.id and e.status = 'current'
      where e.project_id = ${estate.id} and e.company_id = ${company.companyId} and p.photo_id is not null
        and not exists (select 1 from submissions s where s.subject_id = p.id and s.status in ('draft','submitted','returned'))
      order by p.id`);
    const codeOf = new Map(sheet.data.holders.map((h) => [h.practitionerId, h.code!]));
    staff = people.map((p) => ({ id: p.id, name: p.name, mobile: p.mobile, idNumber: decryptIdNumber(p.enc, keys()), code: codeOf.get(p.id)! }));
    const first = staff[0]!;
    const v = await verifyBadge(db, first.code);
    expect(Object.keys(v!).sort()).toEqual(PUBLIC_KEYS);
    expect(JSON.stringify(v)).not.toContain(first.mobile);
    expect(JSON.stringify(v)).not.toContain(first.idNumber);
    await expectValid(first.code, first.name);
    const [doc] = await rows<{ summary: Record<string, string>; subject_type: string }>(sql`select summary, subject_type from documents where code = ${first.code}`);
    expect(doc).toMatchObject({ subject_type: 'employment', summary: { name: first.name, projectName: estate.name, companyName: company.companyName } });
    expect(await verifyBadge(db, 'ZZZZZZZZZZZZ')).toBeNull();
  });

  it('anonymous, a district and another company cannot issue or reissue; out of scope is NOT_FOUND, audited, nothing else written', async () => {
    const p = staff[0]!;
    const before = await footprint();
    expect(await issueEstateBadges(db, null, { projectId: estate.id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await reissueBadge(db, null, { practitionerId: p.id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await issueEstateBadges(db, chuanshan, { projectId: estate.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await reissueBadge(db, chuanshan, { practitionerId: p.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await footprint()).toEqual(before);
    expect(await issueEstateBadges(db, company2, { projectId: estate.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await reissueBadge(db, company2, { practitionerId: p.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await loadBadgeSheet(db, company2, { projectId: estate.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual({ ...before, out_of_scope: before.out_of_scope + 3 });
    await expectValid(p.code, p.name);
    // Unknown ids are simply missing, not audited.
    expect(await reissueBadge(db, company2, { practitionerId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual({ ...before, out_of_scope: before.out_of_scope + 3 });
  });

  it('a reissue revokes the previous code at once; the new one verifies', async () => {
    const p = person();
    const before = await footprint();
    const r = await reissueBadge(db, company, { practitionerId: p.id }, { now: AT });
    expect(r).toMatchObject({ ok: true, data: { projectId: estate.id, revoked: [p.code] } });
    if (!r.ok) return;
    expect(r.data.code).not.toBe(p.code);
    await expectVoid(p.code);
    await expectValid(r.data.code, p.name);
    expect(await footprint()).toEqual({ ...before, badges: before.badges + 1, revoked: before.revoked + 1, audit: before.audit + 1 });
    const [a] = await rows<{ before: { codes: string[] }; after: { code: string } }>(sql`select before, after from audit_events where action = 'badge.reissued' and object_id = ${p.id}`);
    expect(a).toMatchObject({ before: { codes: [p.code] }, after: { code: r.data.code } });
  });

  it('stops verifying the moment the person’s exit is approved, though nothing revoked it', async () => {
    const p = person();
    await expectValid(p.code, p.name);
    const r = await requestExit(db, company, { practitionerId: p.id, leftOn: '2026-11-20', reason: '个人原因' }, { today: TODAY });
    if (!r.ok) throw new Error(r.message);
    await expectValid(p.code, p.name); // declared, not yet approved: still at work
    expect(await decide(chuanshan, r.data.submissionId)).toMatchObject({ ok: true });
    await expectVoid(p.code);
    expect((await rows<{ revoked_at: Date | null }>(sql`select revoked_at from documents where code = ${p.code}`))[0]!.revoked_at).toBeNull();
  });

  it('stops verifying when the old company releases the person to another company (transfer)', async () => {
    const p = person();
    const to = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${company2.companyId} order by id limit 1`))[0]!;
    const r = await requestTransfer(db, company2, { name: p.name, idNumber: p.idNumber, projectId: to.id, post: '保洁人员', hiredOn: '2026-11-21', labourContractOn: '2026-11-21' }, { today: TODAY, keys: keys() });
    if (!r.ok) throw new Error(r.message);
    await expectValid(p.code, p.name);
    expect(await answerTransfer(db, company, { submissionId: r.data.submissionId, expectedVersion: 1, consent: 'given' }, { today: TODAY })).toMatchObject({ ok: true });
    await expectVoid(p.code);
    // The new company has no badge of the old one to reissue: the person is not its approved staff yet.
    expect(await reissueBadge(db, company, { practitionerId: p.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('stops verifying after an approved post change (the badge prints the post)', async () => {
    const p = person();
    const r = await requestPostChange(db, company, { practitionerId: p.id, projectId: estate.id, post: '工程主管', changedOn: '2026-11-22' }, { today: TODAY });
    if (!r.ok) throw new Error(r.message);
    await expectValid(p.code, p.name);
    expect(await decide(chuanshan, r.data.submissionId)).toMatchObject({ ok: true });
    await expectVoid(p.code);
    // A new badge for the new post verifies.
    const again = await reissueBadge(db, company, { practitionerId: p.id }, { now: AT });
    expect(again).toMatchObject({ ok: true, data: { revoked: [] } });
    if (again.ok) expect(await verifyBadge(db, again.data.code)).toMatchObject({ valid: true, post: '工程主管' });
  });
});
