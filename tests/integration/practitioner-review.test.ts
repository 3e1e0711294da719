import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { idCheckChar } from '@/lib/domain/id-number';
import { decryptIdNumber, hashIdNumber, keysFromBase64, type IdKeys } from '@/lib/security/id-crypto';
import { addPractitionerPhoto, resubmitEntry } from '@/lib/services/practitioner-correction';
import { NO_PHOTO } from '@/lib/services/practitioner-deciders';
import { submitEntry } from '@/lib/services/practitioner-entry';
import { decidePractitionerSubmission, viewFullIdNumber } from '@/lib/services/practitioner-review';
import { listCompanyStaff, listStaffQueue } from '@/db/queries/practitioner-review';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { DecisionForm } from '@/components/forms/decision-form';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const idOf = (first17: string) => first17 + idCheckChar(first17);
const TODAY = '2026-11-23';
const CHUANSHAN = '510903';

describe.each(DRIVERS)('review of staff submissions and the full ID view (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};
  let chuanshanProjectOfCompany: string;
  let projectOfCompany2: string;
  let photo: Uint8Array;

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]!.n);
  /** Everything a decision could change, for "nothing changed" assertions. */
  const footprint = async (submissionId: string) => ({
    submission: (await rows(sql`select status, version, reason, decided_by from submissions where id = ${submissionId}`))[0],
    employments: await rows(sql`select id, status, end_date::text from employments where practitioner_id =
      (select subject_id from submissions where id = ${submissionId}) order by id`),
    practitioner: (await rows(sql`select status, version, photo_id from practitioners where id = (select subject_id from submissions where id = ${submissionId})`))[0],
    decisionAudits: await n(sql`select count(*)::int as n from audit_events where action like 'practitioner.submission.%'`),
  });
  const entry = (idNumber: string, over: Record<string, unknown> = {}) => ({
    name: '王五',
    idNumber,
    ethnicity: '汉族',
    nativePlace: '四川遂宁',
    politicalStatus: '群众',
    mobile: '13900002222',
    education: '高中',
    certificates: [],
    hiredOn: '2026-11-16',
    labourContractOn: '2026-11-16',
    projectId: chuanshanProjectOfCompany,
    post: '保洁人员',
    informed: true,
    ...over,
  });
  const enter = async (actor: Actor, idNumber: string, over: Record<string, unknown> = {}) => {
    const r = await submitEntry(db, actor, { data: entry(idNumber, over), photo: { bytes: photo } }, { today: TODAY });
    if (!r.ok) throw new Error(`entry failed: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data;
  };
  const versionOf = async (submissionId: string) => (await rows<{ version: number }>(sql`select version from submissions where id = ${submissionId}`))[0]!.version;
  const decide = async (actor: Actor | null, submissionId: string, decision: 'approved' | 'rejected' | 'returned', reason = '') =>
    decidePractitionerSubmission(db, actor, { id: submissionId, expectedVersion: await versionOf(submissionId), decision, reason }, { today: TODAY });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['company', 'company2', 'chuanshan', 'shehong', 'city', 'committee']) who[u] = await actorFor(db, u);
    chuanshanProjectOfCompany = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${who.company!.companyId}
      and district_id = ${CHUANSHAN} order by id limit 1`))[0]!.id;
    projectOfCompany2 = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${who.company2!.companyId} order by id limit 1`))[0]!.id;
    photo = new Uint8Array(await sharp({ create: { width: 300, height: 400, channels: 3, background: '#a88' } }).png().toBuffer());
  });
  afterAll(() => t.cleanup());

  it('refuses anonymous, company, committee and a district outside the estate’s district, changing nothing', async () => {
    const e = await enter(who.company!, idOf('51090319870101001'));
    const before = await footprint(e.submissionId);
    const outOfScopeBefore = await n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${e.submissionId}`);
    expect(await decide(null, e.submissionId, 'approved')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await decide(who.company!, e.submissionId, 'approved')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await decide(who.committee!, e.submissionId, 'approved')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await decide(who.shehong!, e.submissionId, 'approved')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint(e.submissionId)).toEqual(before);
    // The out-of-scope attempt is written to the audit log.
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${e.submissionId}`)).toBe(outOfScopeBefore + 1);
  });

  it('approval makes the employment current and the person active, with an audit row', async () => {
    const e = await enter(who.company!, idOf('51090319870101002'));
    const audits = await n(sql`select count(*)::int as n from audit_events where action = 'practitioner.submission.approved' and object_id = ${e.submissionId}`);
    expect(await decide(who.chuanshan!, e.submissionId, 'approved')).toMatchObject({ ok: true, data: { status: 'approved' } });
    const f = await footprint(e.submissionId);
    expect(f.submission).toMatchObject({ status: 'approved' });
    expect(f.employments.map((x) => (x as { status: string }).status)).toEqual(['current']);
    expect(f.practitioner).toMatchObject({ status: 'active' });
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'practitioner.submission.approved' and object_id = ${e.submissionId}`)).toBe(audits + 1);
    // Decided once: a second decision is refused and changes nothing.
    const again = await decidePractitionerSubmission(db, who.city!, { id: e.submissionId, expectedVersion: 1, decision: 'rejected', reason: '重复审核' });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await footprint(e.submissionId)).toEqual(f);
  });

  it('rejection needs a reason, ends the employment as rejected, and the person can be entered again on the same row', async () => {
    const clear = idOf('51090319870101003');
    const e = await enter(who.company!, clear);
    const before = await footprint(e.submissionId);
    const noReason = await decide(who.chuanshan!, e.submissionId, 'rejected');
    expect(!noReason.ok && noReason.fieldErrors?.reason?.[0]).toBe('不予通过或退回修改时必须写明理由');
    expect(await footprint(e.submissionId)).toEqual(before);
    expect(await decide(who.chuanshan!, e.submissionId, 'rejected', '身份信息与证件不符')).toMatchObject({ ok: true, data: { status: 'rejected' } });
    const f = await footprint(e.submissionId);
    expect(f.employments.map((x) => (x as { status: string }).status)).toEqual(['rejected']);
    expect(f.practitioner).toMatchObject({ status: 'pending' });

    // Another company enters the person again: same person row, a new pending employment, history kept.
    const hash = hashIdNumber(clear, keys());
    const again = await enter(who.company2!, clear, { name: '王五', projectId: projectOfCompany2, post: '安保人员' });
    expect(again.practitionerId).toBe(e.practitionerId);
    expect(await n(sql`select count(*)::int as n from practitioners where id_number_hash = ${hash}`)).toBe(1);
    const history = await rows<{ status: string; company_id: string }>(sql`select status, company_id from employments where practitioner_id = ${e.practitionerId} order by created_at`);
    expect(history.map((h) => h.status)).toEqual(['rejected', 'pending']);
    expect(history[1]!.company_id).toBe(who.company2!.companyId);
  });

  it('concurrent re-entries of a rejected person leave exactly one open employment', async () => {
    const clear = idOf('51090319870101004');
    const e = await enter(who.company!, clear);
    expect(await decide(who.city!, e.submissionId, 'rejected', '材料不全')).toMatchObject({ ok: true });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        submitEntry(db, i % 2 ? who.company2! : who.company!, { data: entry(clear, { projectId: i % 2 ? projectOfCompany2 : chuanshanProjectOfCompany }), photo: { bytes: photo } }, { today: TODAY }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.every((r) => r.ok || r.code === 'CONFLICT')).toBe(true);
    expect(await n(sql`select count(*)::int as n from employments where practitioner_id = ${e.practitionerId} and status in ('pending', 'current')`)).toBe(1);
  });

  it('return for correction keeps the entry open; the company corrects it and it can then be approved', async () => {
    const e = await enter(who.company!, idOf('51090319870101005'));
    expect(await decide(who.chuanshan!, e.submissionId, 'returned', '民族填写有误')).toMatchObject({ ok: true, data: { status: 'returned' } });
    let f = await footprint(e.submissionId);
    expect(f.submission).toMatchObject({ status: 'returned', reason: '民族填写有误' });
    expect(f.employments.map((x) => (x as { status: string }).status)).toEqual(['pending']);

    const v = await versionOf(e.submissionId);
    // Another company cannot touch it.
    const foreign = await resubmitEntry(db, who.company2!, { submissionId: e.submissionId, expectedVersion: v, data: entry(idOf('51090319870101005'), { ethnicity: '回族' }) }, { today: TODAY });
    expect(foreign).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const fixed = await resubmitEntry(db, who.company!, { submissionId: e.submissionId, expectedVersion: v, data: entry(idOf('51090319870101005'), { ethnicity: '回族' }) }, { today: TODAY });
    expect(fixed).toMatchObject({ ok: true });
    const stale = await resubmitEntry(db, who.company!, { submissionId: e.submissionId, expectedVersion: v, data: entry(idOf('51090319870101005')) }, { today: TODAY });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await rows<{ ethnicity: string }>(sql`select ethnicity from practitioners where id = ${e.practitionerId}`))[0]!.ethnicity).toBe('回族');
    f = await footprint(e.submissionId);
    expect(f.submission).toMatchObject({ status: 'submitted' });
    expect(await decide(who.chuanshan!, e.submissionId, 'approved')).toMatchObject({ ok: true });
  });

  it('two reviewers deciding at once: exactly one wins, the other is told', async () => {
    const e = await enter(who.company!, idOf('51090319870101006'));
    const v = await versionOf(e.submissionId);
    const [a, b] = await Promise.all([
      decidePractitionerSubmission(db, who.chuanshan!, { id: e.submissionId, expectedVersion: v, decision: 'approved', reason: '' }, { today: TODAY }),
      decidePractitionerSubmission(db, who.city!, { id: e.submissionId, expectedVersion: v, decision: 'rejected', reason: '不符合条件' }, { today: TODAY }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const loser = [a, b].find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, code: 'CONFLICT' });
    const winner = [a, b].find((r) => r.ok)! as { ok: true; data: { status: string } };
    const f = await footprint(e.submissionId);
    expect(f.submission).toMatchObject({ status: winner.data.status });
    expect(f.employments.map((x) => (x as { status: string }).status)).toEqual([winner.data.status === 'approved' ? 'current' : 'rejected']);
    expect(await n(sql`select count(*)::int as n from audit_events where action like 'practitioner.submission.%' and object_id = ${e.submissionId}`)).toBe(1);
  });

  it('20 simultaneous entries of one ID by two companies, then approval: exactly one current employment, ever', async () => {
    const clear = idOf('51090319870101007');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submitEntry(db, i % 2 ? who.company2! : who.company!, { data: entry(clear, { projectId: i % 2 ? projectOfCompany2 : chuanshanProjectOfCompany }), photo: { bytes: photo } }, { today: TODAY }),
      ),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const winner = won[0]!.ok ? won[0]!.data : null;
    expect(await decide(who.city!, winner!.submissionId, 'approved')).toMatchObject({ ok: true });
    const currentOf = () => n(sql`select count(*)::int as n from employments where practitioner_id = ${winner!.practitionerId} and status = 'current'`);
    expect(await currentOf()).toBe(1);

    // Whatever else is pending for this person (here two stray entries, as a bulk import or an old flow might
    // leave) cannot make a second current employment, even approved at the same moment.
    const stray = async (companyId: string, projectId: string, districtId: string) => {
      const [emp] = await rows<{ id: string }>(sql`insert into employments (practitioner_id, company_id, project_id, post, start_date, status)
        values (${winner!.practitionerId}, ${companyId}, ${projectId}, '保洁人员', '2026-11-16', 'pending') returning id`);
      const [sub] = await rows<{ id: string }>(sql`insert into submissions (type, status, company_id, district_id, project_id, subject_type, subject_id, payload, submitted_at)
        values ('practitioner_entry', 'submitted', ${companyId}, ${districtId}, ${projectId}, 'practitioner', ${winner!.practitionerId},
        ${JSON.stringify({ employmentId: emp!.id })}::jsonb, now()) returning id`);
      return sub!.id;
    };
    const d2 = (await rows<{ district_id: string }>(sql`select district_id from projects where id = ${projectOfCompany2}`))[0]!.district_id;
    const s1 = await stray(who.company2!.companyId!, projectOfCompany2, d2);
    const before = await footprint(s1);
    const refused = await decide(who.city!, s1, 'approved');
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await footprint(s1)).toEqual(before);
    expect(await currentOf()).toBe(1);

    // Two strays approved at once after the current one ends: the partial unique index lets only one through.
    await db.execute(sql`update employments set status = 'ended', end_date = '2026-11-20' where practitioner_id = ${winner!.practitionerId} and status = 'current'`);
    const s2 = await stray(who.company!.companyId!, chuanshanProjectOfCompany, CHUANSHAN);
    const [r1, r2] = await Promise.all([
      decidePractitionerSubmission(db, who.city!, { id: s1, expectedVersion: await versionOf(s1), decision: 'approved', reason: '' }, { today: TODAY }),
      decidePractitionerSubmission(db, who.chuanshan!, { id: s2, expectedVersion: await versionOf(s2), decision: 'approved', reason: '' }, { today: TODAY }),
    ]);
    expect([r1, r2].filter((r) => r.ok)).toHaveLength(1);
    expect([r1, r2].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
    expect(await currentOf()).toBe(1);
    const statuses = await rows<{ status: string }>(sql`select status from submissions where id in (${s1}, ${s2}) order by status`);
    expect(statuses.map((s) => s.status).sort()).toEqual(['approved', 'submitted']);
  });

  it('approval is refused while the person has no photo; the company adds one, then it goes through', async () => {
    const [seeded] = await rows<{ id: string; subject_id: string }>(sql`select s.id, s.subject_id from submissions s join practitioners p on p.id = s.subject_id
      where s.type = 'practitioner_entry' and s.status = 'submitted' and s.company_id = ${who.company!.companyId} and p.photo_id is null
      order by s.id limit 1`);
    expect(seeded).toBeDefined();
    // The queue flags it (it cannot pass), and the decision form offers no 审核通过 for it.
    const queued = async () => {
      const q = { type: 'practitioner_entry', status: 'submitted', q: '', projectId: null, overdue: false } as const;
      for (let page = 1; ; page++) {
        const { rows: list, total } = await listStaffQueue(db, who.city!, { ...q, page });
        const hit = list.find((r) => r.id === seeded!.id);
        if (hit || list.length === 0 || page * list.length >= total) return hit;
      }
    };
    expect(await queued()).toMatchObject({ photoMissing: true });
    const form = (blocked: string | null) =>
      renderToStaticMarkup(createElement(DecisionForm, { action: async () => ({}), hidden: { id: seeded!.id, expectedVersion: 1 }, approveLabel: '审核通过', rejectLabel: '不予通过', approveBlocked: blocked }));
    expect(form(NO_PHOTO)).not.toContain('value="approved"');
    expect(form(NO_PHOTO)).toContain(NO_PHOTO);
    expect(form(null)).toContain('value="approved"');
    const before = await footprint(seeded!.id);
    const refused = await decide(who.city!, seeded!.id, 'approved');
    expect(!refused.ok && refused.fieldErrors?.decision?.[0]).toBe(NO_PHOTO);
    expect(await footprint(seeded!.id)).toEqual(before);

    expect(await addPractitionerPhoto(db, who.company2!, { practitionerId: seeded!.subject_id, photo: { bytes: photo } })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await addPractitionerPhoto(db, null, { practitionerId: seeded!.subject_id, photo: { bytes: photo } })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await footprint(seeded!.id)).toEqual(before);
    expect(await addPractitionerPhoto(db, who.company!, { practitionerId: seeded!.subject_id, photo: { bytes: photo } })).toMatchObject({ ok: true });
    expect(await addPractitionerPhoto(db, who.company!, { practitionerId: seeded!.subject_id, photo: { bytes: photo } })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await queued()).toMatchObject({ photoMissing: false });
    expect(await decide(who.city!, seeded!.id, 'approved')).toMatchObject({ ok: true });
  });

  it('the full ID number: one audit row per view for those in scope; nothing, not even decryption, for others', async () => {
    const clear = idOf('51090319870101008');
    const e = await enter(who.company!, clear);
    const viewed = () => n(sql`select count(*)::int as n from audit_events where action = 'practitioner.idnumber.viewed' and object_id = ${e.practitionerId}`);
    let touched = 0;
    const counting = (): IdKeys =>
      new Proxy(keys(), {
        get(target, p, r) {
          touched++;
          return Reflect.get(target, p, r);
        },
      });

    for (const [actor, code] of [
      [null, 'UNAUTHENTICATED'],
      [who.committee!, 'FORBIDDEN'],
      [who.company2!, 'NOT_FOUND'],
      [who.shehong!, 'NOT_FOUND'],
    ] as const) {
      const r = await viewFullIdNumber(db, actor, { practitionerId: e.practitionerId }, { keys: counting() });
      expect(r).toMatchObject({ ok: false, code });
      expect(JSON.stringify(r)).not.toContain(clear);
    }
    expect(touched).toBe(0);
    expect(await viewed()).toBe(0);

    for (const u of ['company', 'chuanshan', 'city']) {
      const r = await viewFullIdNumber(db, who[u]!, { practitionerId: e.practitionerId }, { keys: counting() });
      expect(r).toEqual({ ok: true, data: { idNumber: clear, name: '王五' } });
    }
    expect(touched).toBeGreaterThan(0);
    expect(await viewed()).toBe(3);
    const logged = await rows<{ after: unknown; actor_label: string }>(sql`select after, actor_label from audit_events where action = 'practitioner.idnumber.viewed' and object_id = ${e.practitionerId}`);
    expect(logged.map((l) => l.actor_label).sort()).toEqual(['chuanshan', 'city', 'company']);
    expect(JSON.stringify(logged)).not.toContain(clear);
    // A decrypted value matches what is stored.
    const [p] = await rows<{ id_number_enc: string }>(sql`select id_number_enc from practitioners where id = ${e.practitionerId}`);
    expect(decryptIdNumber(p!.id_number_enc, keys())).toBe(clear);
  });

  it('the queue shows a district only its district, overdue filter and green channel first; the company list shows returned entries', async () => {
    const late = await enter(who.company!, idOf('51090319870101009'), { labourContractOn: '2026-10-01', hiredOn: '2026-10-01' });
    const all = { type: 'all', status: 'submitted', q: '', projectId: null, overdue: false, page: 1 } as const;
    const mine = await listStaffQueue(db, who.chuanshan!, { ...all, page: 1 });
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.districtName === '船山区')).toBe(true);
    const priorities = mine.rows.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect((await listStaffQueue(db, who.shehong!, { ...all, q: '王五' })).rows.map((r) => r.id)).not.toContain(late.submissionId);
    const overdue = await listStaffQueue(db, who.chuanshan!, { ...all, overdue: true, q: '王五' });
    expect(overdue.rows.map((r) => r.id)).toContain(late.submissionId);
    expect(overdue.rows.every((r) => r.late)).toBe(true);
    const onTime = await enter(who.company!, idOf('51090319870101010'));
    expect((await listStaffQueue(db, who.chuanshan!, { ...all, overdue: true, q: '王五' })).rows.map((r) => r.id)).not.toContain(onTime.submissionId);
    expect((await listStaffQueue(db, who.committee!, all)).total).toBe(0);

    expect(await decide(who.chuanshan!, late.submissionId, 'returned', '照片不清晰')).toMatchObject({ ok: true });
    const returned = await listCompanyStaff(db, who.company!, { q: '王五', projectId: null, post: null, status: 'returned', page: 1 });
    expect(returned.rows.map((r) => r.practitionerId)).toContain(late.practitionerId);
    expect(returned.rows.find((r) => r.practitionerId === late.practitionerId)).toMatchObject({ displayStatus: 'returned', late: true });
    expect((await listCompanyStaff(db, who.company2!, { q: '王五', projectId: null, post: null, status: 'all', page: 1 })).rows.map((r) => r.practitionerId)).not.toContain(late.practitionerId);
  });
});
