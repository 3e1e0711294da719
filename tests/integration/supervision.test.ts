import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import { getCompanyFeed } from '@/db/queries/public-feeds';
import { getOrderInScope, listOrdersInScope, listPublicCriticisms, listRosterChecks, rosterCoverage } from '@/db/queries/supervision';
import { findDocumentByCode } from '@/db/queries/verify';
import type { Actor } from '@/lib/auth/policy';
import { coveragePercent } from '@/lib/domain/supervision';
import { verifyView } from '@/lib/domain/verify';
import { savePolicyVersion } from '@/lib/services/credit-policy';
import {
  answerRectificationOrder,
  decideRectificationOrder,
  escalateOverdueRectifications,
  escalateRectificationOrder,
  issueRectificationOrder,
  recordRectificationInterview,
  recordRosterVerification,
} from '@/lib/services/supervision';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

/** Friday 20 November 2026. Orders in these tests are due on 30 November; 1 December is the first overdue day. */
const TODAY = '2026-11-20';
const DUE = '2026-11-30';
const DAY_AFTER = '2026-12-01';

describe.each(DRIVERS)('supervision: roster verification and rectification orders (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let chuanshan: Actor;
  let shehong: Actor;
  let city: Actor;
  let estate: string;
  let photo: Uint8Array;

  const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));
  const n = async (s: ReturnType<typeof sql>) => Number((await q<{ n: number }>(s))[0]!.n);
  const footprint = async () => ({
    verifications: await q(sql`select id, version, discrepancy_count from roster_verifications order by id`),
    orders: await q(sql`select id, status, version, criticized_on::text from rectification_orders order by id`),
    documents: await n(sql`select count(*)::int as n from documents`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
  });
  const lastAudit = async () => (await q<{ action: string; actor_id: string | null }>(sql`select action, actor_id from audit_events order by seq desc limit 1`))[0];
  const verification = (over: Record<string, unknown> = {}) => ({
    projectId: estate,
    version: 0,
    verifiedOn: '2026-11-19',
    checks: ['all_registered', 'photos_present'],
    note: '',
    discrepancyCount: '0',
    discrepancies: '',
    followUp: 'none',
    orderId: '',
    ...over,
  });
  const order = (over: Record<string, unknown> = {}) => ({
    companyId: company.companyId,
    ground: 'not_entered',
    facts: '检查发现 2 名秩序维护员在岗工作但未录入平台。',
    projectIds: [estate],
    dueOn: DUE,
    verificationId: '',
    ...over,
  });
  const issue = async (over: Record<string, unknown> = {}, who: Actor = chuanshan) => {
    const r = await issueRectificationOrder(db, who, order(over), { today: TODAY });
    if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data.id;
  };
  const state = async (id: string) => (await getOrderInScope(db, city, id))!;
  const answer = async (id: string, who: Actor | null = company, today = TODAY, evidence: { bytes: Uint8Array }[] = []) =>
    answerRectificationOrder(db, who, { data: { orderId: id, version: (await state(id)).version, answer: '已补录 2 名秩序维护员的信息并经审核通过。' }, evidence }, { today });
  const decide = async (id: string, outcome: 'accept' | 'return', who: Actor | null = chuanshan, today = TODAY) =>
    decideRectificationOrder(db, who, { orderId: id, version: (await state(id)).version, outcome, reason: outcome === 'return' ? '补录人员的劳动合同日期与实际不符。' : '' }, { today });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2, chuanshan, shehong, city] = await Promise.all(['company', 'company2', 'chuanshan', 'shehong', 'city'].map((u) => actorFor(db, u)));
    estate = (await actorFor(db, 'committee')).projectId!;
    photo = new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: '#48c' } }).jpeg().toBuffer());
  });
  afterAll(() => t.cleanup());

  it('the demo city (before any test changes it): an open order, an overdue one not yet escalated, verifications short of 100 %', async () => {
    const seeded = await q<{ company_id: string; status: string; due_on: string; criticized_on: string | null }>(
      sql`select company_id, status, due_on::text, criticized_on::text from rectification_orders order by due_on`,
    );
    expect(seeded).toEqual([
      { company_id: company.companyId, status: 'open', due_on: '2026-10-22', criticized_on: null },
      { company_id: company2.companyId, status: 'open', due_on: '2027-01-30', criticized_on: null },
    ]);
    const all = await rosterCoverage(db, city, 2026);
    const verified = all.reduce((a, d) => a + d.verified, 0);
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThan(all.reduce((a, d) => a + d.estates, 0));
    // The district's page offers the overdue one for 通报批评 (as the e2e journey does).
    const [overdue] = (await listOrdersInScope(db, chuanshan, { status: 'overdue', page: 1 }, TODAY)).rows;
    expect(overdue).toMatchObject({ companyId: company.companyId, criticizedOn: null });
  });

  it('the district records the year’s verification of an estate; coverage counts it; a second one amends under the version', async () => {
    const before = (await rosterCoverage(db, chuanshan, 2026))[0]!;
    expect(before.districtId).toBe(chuanshan.districtId);
    expect((await listRosterChecks(db, chuanshan, { year: 2026, status: 'todo', district: '', q: '', page: 1 })).rows.map((r) => r.projectId)).toContain(estate);

    const r = await recordRosterVerification(db, chuanshan, verification(), { today: TODAY });
    expect(r).toMatchObject({ ok: true, data: { version: 1, year: 2026 } });
    const after = (await rosterCoverage(db, chuanshan, 2026))[0]!;
    expect(after).toMatchObject({ estates: before.estates, verified: before.verified + 1 });
    expect(coveragePercent(after.verified, after.estates)).toBe(Math.floor((after.verified * 100) / after.estates));
    expect(after.verified).toBeLessThan(after.estates); // the demo city is not yet fully covered
    expect((await listRosterChecks(db, chuanshan, { year: 2026, status: 'todo', district: '', q: '', page: 1 })).rows.map((r) => r.projectId)).not.toContain(estate);
    expect(await lastAudit()).toEqual({ action: 'roster.verification.recorded', actor_id: chuanshan.userId });

    // A second "first" verification of the same year, and an amendment of a stale version: refused, nothing written.
    const snap = await footprint();
    expect(await recordRosterVerification(db, chuanshan, verification(), { today: TODAY })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await recordRosterVerification(db, city, verification({ version: 5 }), { today: TODAY })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await footprint()).toEqual(snap);

    // The city amends it (version 1 → 2): discrepancies need words and a follow-up.
    const half = await recordRosterVerification(db, city, verification({ version: 1, discrepancyCount: '2', followUp: 'corrected' }), { today: TODAY });
    expect(!half.ok && Object.keys(half.fieldErrors ?? {})).toEqual(['discrepancies']);
    const none = await recordRosterVerification(db, city, verification({ version: 1, discrepancyCount: '2', discrepancies: '2 名保安员未录入' }), { today: TODAY });
    expect(!none.ok && Object.keys(none.fieldErrors ?? {})).toEqual(['followUp']);
    expect(await recordRosterVerification(db, city, verification({ version: 1, discrepancyCount: '2', discrepancies: '2 名保安员未录入', followUp: 'order' }), { today: TODAY })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect((await rosterCoverage(db, chuanshan, 2026))[0]!.verified).toBe(after.verified);
    expect(await lastAudit()).toEqual({ action: 'roster.verification.amended', actor_id: city.userId });
    // Next year's coverage starts again from none of these.
    expect((await rosterCoverage(db, chuanshan, 2027))[0]!.verified).toBe(0);
  });

  it('verification: anonymous, a company, another district and a future date are refused; nothing is written', async () => {
    const snap = await footprint();
    expect(await recordRosterVerification(db, null, verification(), { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await recordRosterVerification(db, company, verification(), { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await recordRosterVerification(db, chuanshan, verification({ verifiedOn: '2026-11-21' }), { today: TODAY })).toMatchObject({ ok: false, fieldErrors: { verifiedOn: expect.any(Array) } });
    expect(await footprint()).toEqual(snap);
    expect(await recordRosterVerification(db, shehong, verification(), { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual(snap);
    expect(await lastAudit()).toEqual({ action: 'access.out_of_scope', actor_id: shehong.userId });
  });

  it('an order from a verification: linked both ways; the company answers with evidence (re-encoded), is returned, answers again, the district accepts', async () => {
    const v = (await q<{ id: string }>(sql`select id from roster_verifications where project_id = ${estate} and year = 2026`))[0]!.id;
    const id = await issue({ verificationId: v });
    expect((await q(sql`select order_id, follow_up from roster_verifications where id = ${v}`))[0]).toEqual({ order_id: id, follow_up: 'order' });
    expect(await state(id)).toMatchObject({ status: 'open', dueOn: DUE, issuedOn: TODAY, verificationId: v, districtId: chuanshan.districtId });
    expect((await listOrdersInScope(db, company, { status: 'active', page: 1 }, TODAY)).rows.map((r) => r.id)).toContain(id);
    expect((await listOrdersInScope(db, company2, { status: 'all', page: 1 }, TODAY)).rows.map((r) => r.id)).not.toContain(id);
    expect((await listOrdersInScope(db, shehong, { status: 'all', page: 1 }, TODAY)).rows.map((r) => r.id)).not.toContain(id);

    // Not yet answered: nothing to decide.
    expect(await decide(id, 'accept')).toMatchObject({ ok: false, code: 'CONFLICT' });
    // Only the company itself answers; another company's attempt looks missing and is audited.
    const snap = await footprint();
    expect(await answer(id, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await answer(id, chuanshan)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await answer(id, company2)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual(snap);
    expect(await lastAudit()).toEqual({ action: 'access.out_of_scope', actor_id: company2.userId });

    expect(await answer(id, company, TODAY, [{ bytes: photo }])).toMatchObject({ ok: true, data: { status: 'answered' } });
    const files = await q<{ mime: string; filename: string; size: number }>(sql`select mime, filename, size from attachments where owner_type = 'rectification_order' and owner_id = ${id}`);
    expect(files).toEqual([{ mime: 'image/jpeg', filename: '整改材料-1-1.jpg', size: expect.any(Number) }]);
    expect(await answer(id)).toMatchObject({ ok: false, code: 'CONFLICT' }); // already answered, waiting

    // Deciding: another district cannot; a stale version loses; return needs a reason.
    expect(await decide(id, 'return', shehong)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const stale = (await state(id)).version - 1;
    expect(await decideRectificationOrder(db, chuanshan, { orderId: id, version: stale, outcome: 'accept', reason: '' }, { today: TODAY })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await decideRectificationOrder(db, chuanshan, { orderId: id, version: (await state(id)).version, outcome: 'return', reason: '' }, { today: TODAY })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect(await decide(id, 'return')).toMatchObject({ ok: true, data: { status: 'returned' } });
    expect((await state(id)).returnReason).toBe('补录人员的劳动合同日期与实际不符。');
    expect(await answer(id)).toMatchObject({ ok: true, data: { status: 'answered' } });
    expect(await decide(id, 'accept', city)).toMatchObject({ ok: true, data: { status: 'accepted' } });
    const done = await state(id);
    expect(done.history.map((h) => h.kind)).toEqual(['answer', 'return', 'answer', 'accept']);
    expect(await answer(id)).toMatchObject({ ok: false, code: 'CONFLICT' });
    // Accepted: never overdue, never escalated.
    expect((await escalateOverdueRectifications(db, '2027-03-01')).escalated.map((e) => e.id)).not.toContain(id);
    expect(
      (await q<{ action: string }>(sql`select action from audit_events where object_id = ${id} order by seq`)).map((r) => r.action),
    ).toEqual([
      'rectification.order.issued',
      'access.out_of_scope',
      'rectification.order.answered',
      'access.out_of_scope',
      'rectification.order.returned',
      'rectification.order.answered',
      'rectification.order.accepted',
    ]);
  });

  it('issuing: anonymous, a company, an estate of another district, a company without estates in the district, a past deadline are refused; nothing is written', async () => {
    const snap = await footprint();
    expect(await issueRectificationOrder(db, null, order(), { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await issueRectificationOrder(db, company, order(), { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Another district: the estate is not one it may name (the demo company also serves estates of 射洪市).
    expect(await issueRectificationOrder(db, shehong, order(), { today: TODAY })).toMatchObject({ ok: false, fieldErrors: { projectIds: expect.any(Array) } });
    // A company that serves no estate in 船山区, and one that does not exist: the same field error.
    const elsewhere = (
      await q<{ id: string }>(
        sql`select c.id from companies c where not exists (select 1 from projects p where p.current_company_id = c.id and p.district_id = ${chuanshan.districtId}) order by c.id limit 1`,
      )
    )[0]!.id;
    const away = await issueRectificationOrder(db, chuanshan, order({ companyId: elsewhere }), { today: TODAY });
    expect(!away.ok && Object.keys(away.fieldErrors ?? {})).toEqual(['companyId']);
    const missing = await issueRectificationOrder(db, chuanshan, order({ companyId: '00000000-0000-4000-8000-000000000000' }), { today: TODAY });
    expect(!missing.ok && missing.fieldErrors).toEqual(!away.ok && away.fieldErrors);
    // Another company's estate.
    expect(await issueRectificationOrder(db, chuanshan, order({ companyId: company2.companyId }), { today: TODAY })).toMatchObject({ ok: false, fieldErrors: { projectIds: expect.any(Array) } });
    expect(await issueRectificationOrder(db, chuanshan, order({ dueOn: TODAY }), { today: TODAY })).toMatchObject({ ok: false, fieldErrors: { dueOn: expect.any(Array) } });
    expect(await issueRectificationOrder(db, chuanshan, order({ projectIds: [] }), { today: TODAY })).toMatchObject({ ok: false, fieldErrors: { projectIds: expect.any(Array) } });
    expect(await footprint()).toEqual(snap);
  });

  it('deadline boundary and idempotent escalation: one 通报批评, public on the profile inside its window only, verifiable', async () => {
    const id = await issue();
    const mine = async (today: string) => (await escalateOverdueRectifications(db, today)).escalated.filter((e) => e.id === id);
    // On the deadline day: not overdue; the district cannot escalate either.
    expect(await mine(DUE)).toEqual([]);
    expect(await escalateRectificationOrder(db, chuanshan, { orderId: id, version: (await state(id)).version }, { today: DUE })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await listPublicCriticisms(db, company.companyId!, DUE)).toEqual([]);

    // The day after: one criticism, one document, one audit row by the daily job; a second run changes nothing.
    const [first] = await mine(DAY_AFTER);
    expect(first).toMatchObject({ id, until: '2027-11-30' });
    const snap = await footprint();
    expect(await mine(DAY_AFTER)).toEqual([]);
    expect(await mine('2026-12-02')).toEqual([]);
    expect(await footprint()).toEqual(snap);
    expect(await n(sql`select count(*)::int as n from documents where kind = 'criticism_notice' and subject_id = ${id}`)).toBe(1);
    expect(await q(sql`select action, actor_label from audit_events where object_id = ${id} and action = 'rectification.order.criticised'`)).toEqual([
      { action: 'rectification.order.criticised', actor_label: '系统（逾期整改每日处理）' },
    ]);
    // The district's action on it now: already criticised.
    expect(await escalateRectificationOrder(db, chuanshan, { orderId: id, version: (await state(id)).version }, { today: DAY_AFTER })).toMatchObject({ ok: false, code: 'CONFLICT' });

    // Public on the company's profile from the day it is issued to the end of the 一般 window (12 months), not after.
    const shown = await listPublicCriticisms(db, company.companyId!, DAY_AFTER);
    expect(shown.map((c) => c.id)).toContain(id);
    const c = shown.find((x) => x.id === id)!;
    expect(c.text).toContain('通报批评');
    expect(c.text).toContain('没有按规定把物业项目工作人员的信息录入');
    expect(Object.keys(c).sort()).toEqual(['code', 'criticismUntil', 'criticizedOn', 'districtName', 'id', 'text']);
    expect((await listPublicCriticisms(db, company.companyId!, '2027-11-30')).map((x) => x.id)).toContain(id);
    expect((await listPublicCriticisms(db, company.companyId!, '2027-12-01')).map((x) => x.id)).not.toContain(id);
    expect((await listPublicCriticisms(db, company2.companyId!, DAY_AFTER)).map((x) => x.id)).not.toContain(id);

    // The company's feed carries it inside the window only.
    const uscc = (await q<{ uscc: string }>(sql`select uscc from companies where id = ${company.companyId}`))[0]!.uscc;
    const feedIds = async (on: string) => (await getCompanyFeed(db, uscc, on))!.events.filter((e) => e.category === '通报批评').map((e) => e.id);
    expect(await feedIds(DAY_AFTER)).toContain(`urn:suining-credit:criticism:${id}`);
    expect(await feedIds('2027-12-01')).not.toContain(`urn:suining-credit:criticism:${id}`);

    // /verify/[code] confirms it while valid, says expired after the window.
    const doc = (await findDocumentByCode(db, c.code!))!;
    const view = verifyView(doc, DAY_AFTER);
    expect(view).toMatchObject({ title: '通报批评', status: 'valid' });
    expect(view.rows).toEqual(expect.arrayContaining([['企业', company.companyName], ['公示至', '2027-11-30']]));
    expect(verifyView(doc, '2027-12-01').status).toBe('expired');

    // The 约谈: recorded by the district after the criticism; another district cannot.
    const interview = { orderId: id, heldOn: DAY_AFTER, place: '船山区住建局三楼会议室', attendees: '区住建局张科长；企业总经理李某', summary: '指出未录入人员信息的问题，企业承诺一周内补录完毕。' };
    expect(await recordRectificationInterview(db, shehong, { ...interview, version: (await state(id)).version }, { today: DAY_AFTER })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await recordRectificationInterview(db, chuanshan, { ...interview, version: (await state(id)).version }, { today: DAY_AFTER })).toMatchObject({ ok: true });
    expect((await state(id)).interview).toMatchObject({ place: '船山区住建局三楼会议室' });
  });

  it('an answer reported by the deadline holds escalation until decided; a return after the deadline makes the order overdue at once (district action, optimistic lock)', async () => {
    const id = await issue();
    expect(await answer(id, company, DUE)).toMatchObject({ ok: true });
    expect((await escalateOverdueRectifications(db, DAY_AFTER)).escalated.map((e) => e.id)).not.toContain(id);
    expect((await listOrdersInScope(db, chuanshan, { status: 'overdue', page: 1 }, DAY_AFTER)).rows.map((r) => r.id)).not.toContain(id);
    expect(await decide(id, 'return', chuanshan, '2026-12-02')).toMatchObject({ ok: true });
    expect((await listOrdersInScope(db, chuanshan, { status: 'overdue', page: 1 }, '2026-12-02')).rows.map((r) => r.id)).toContain(id);

    // The district escalates from the page: anonymous, a company, another district and a stale version are refused.
    const v = (await state(id)).version;
    const snap = await footprint();
    expect(await escalateRectificationOrder(db, null, { orderId: id, version: v }, { today: '2026-12-02' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await escalateRectificationOrder(db, company, { orderId: id, version: v }, { today: '2026-12-02' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await escalateRectificationOrder(db, shehong, { orderId: id, version: v }, { today: '2026-12-02' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await escalateRectificationOrder(db, chuanshan, { orderId: id, version: v - 1 }, { today: '2026-12-02' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await footprint()).toEqual(snap);
    const r = await escalateRectificationOrder(db, chuanshan, { orderId: id, version: v }, { today: '2026-12-02' });
    expect(r).toMatchObject({ ok: true });
    expect((await state(id)).criticizedOn).toBe('2026-12-02');
    expect((await escalateOverdueRectifications(db, '2026-12-03')).escalated.map((e) => e.id)).not.toContain(id);
    expect(await n(sql`select count(*)::int as n from documents where kind = 'criticism_notice' and subject_id = ${id}`)).toBe(1);
    // The company may still rectify (the criticism stands).
    expect(await answer(id, company, '2026-12-03')).toMatchObject({ ok: true, data: { status: 'answered' } });
  });

  it("the daily escalation goes on past one order's failure, then reports the step failed naming it", async () => {
    const broken = await issue();
    const fine = await issue();
    // A real database failure for one order only: a trigger refusing its update.
    await db.execute(sql.raw(`create function refuse_one_order() returns trigger language plpgsql as $$
      begin if new.id = '${broken}' and new.criticized_on is not null then raise exception 'disk full'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger refuse_one_order before update on rectification_orders for each row execute function refuse_one_order()`));
    try {
      await expect(escalateOverdueRectifications(db, '2027-01-15')).rejects.toThrow(broken);
      expect((await state(fine)).criticizedOn).toBe('2027-01-15');
      expect((await state(broken)).criticizedOn).toBeNull();
    } finally {
      await db.execute(sql.raw(`drop trigger refuse_one_order on rectification_orders`));
      await db.execute(sql.raw(`drop function refuse_one_order()`));
    }
    // The next run does the one left.
    expect((await escalateOverdueRectifications(db, '2027-01-16')).escalated.map((e) => e.id).filter((id) => id === broken || id === fine)).toEqual([broken]);
  });

  it('the deadline default follows the policy setting; the criticism window follows the 一般 publicity months', async () => {
    const current = await getCurrentPolicy(db);
    expect(current.settings.rectificationOrderDays).toBe(30);
    const saved = await savePolicyVersion(db, city, { settings: { ...current.settings, warningPublicityMonths: { ...current.settings.warningPublicityMonths, 一般: [3, 6] } }, reason: '通报批评公示期按六个月执行', baseVersion: current.version });
    expect(saved.ok).toBe(true);
    const id = await issue();
    const [e] = (await escalateOverdueRectifications(db, DAY_AFTER)).escalated.filter((x) => x.id === id);
    expect(e!.until).toBe('2027-05-31');
  });

});
