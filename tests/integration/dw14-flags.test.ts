/**
 * DW 14 flags used (issue 17 item 8): a passed rectification inspection ends key supervision and the black entry
 * and records 整改合格，晋升信用等级 (DW 14 (三)2) in one transaction with its audit row; a failed one records the
 * market-exit recommendation (三)3; the draw's helper `companyRiskFlags` reads key supervision; the bureau's
 * flag list is scoped and filterable; the evaluation reads the upgrade flags of a year.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { companyRiskFlags, listCompanyFlags, listFlaggedCompanies, upgradeFlagsOfYear } from '@/db/queries/company-flags';
import type { Actor } from '@/lib/auth/policy';
import { activeFlagGroups, FLAG_INFO, upgradeNote } from '@/lib/domain/company-flags';
import { recordRectificationInspection } from '@/lib/services/ratings';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const SINCE = '2026-10-15';
const DECIDED = '2026-11-20';

describe.each(DRIVERS)('DW 14 flags (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};
  let companyId: string;
  let estate: string;
  let otherEstate: string;

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]!.n);
  const footprint = async () => ({
    entries: await rows(sql`select id, status, ended_on::text, end_reason from list_entries order by id`),
    flags: await rows(sql`select id, flag, until::text from company_flags order by id`),
    events: await n(sql`select count(*)::int as n from list_events`),
    audit: await n(sql`select count(*)::int as n from audit_events where action <> 'access.out_of_scope'`),
    banned: await rows(sql`select id, banned_until::text from companies where banned_until is not null order by id`),
  });
  /** A 3×差 run as publishing the quarter leaves it: a black entry in its rectification period and key supervision. */
  const rectifying = async (projectId: string) => {
    const [v] = await rows<{ v: number }>(sql`select max(version)::int as v from credit_policies`);
    const [e] = await rows<{ id: string }>(sql`insert into list_entries (company_id, project_id, list, reason, rule, since, until, status, policy_version)
      values (${companyId}, ${projectId}, 'black', '连续三次评定为“差”，项目进入90天整改期', 'DW14-three-poor', ${SINCE}, '2027-01-13', 'rectifying', ${v!.v}) returning id`);
    await db.execute(sql`insert into company_flags (company_id, project_id, flag, reason, since, until)
      values (${companyId}, ${projectId}, 'key_supervision', '连续三次评定为“差”，整改期内重点监管（DW 14）', ${SINCE}, null)`);
    return e!.id;
  };
  const flagsOf = (projectId: string, flag: string) =>
    rows<{ since: string; until: string | null; reason: string }>(
      sql`select since::text, until::text, reason from company_flags where project_id = ${projectId} and flag = ${flag} and since >= ${SINCE} order by since`,
    );

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['city', 'chuanshan', 'shehong', 'company', 'department', 'committee', 'street']) who[u] = await actorFor(db, u);
    companyId = who.company!.companyId!;
    estate = who.committee!.projectId!; // 天宫花园, 船山区
    otherEstate = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${companyId} and district_id = '510903' and id <> ${estate} order by id limit 1`))[0]!.id;
    // A clean start for this company: no DW 14 flags of its own from the demo city.
    await db.execute(sql`update company_flags set until = since where company_id = ${companyId} and flag in ('key_supervision', 'market_exit', 'rectification_passed', 'incentive', 'upgrade_priority')`);
  });
  afterAll(() => t.cleanup());

  it('the draw’s helper: every company asked for, key supervision while rectifying, one query', async () => {
    const entry = await rectifying(estate);
    const other = who.company!.companyId === companyId ? (await rows<{ id: string }>(sql`select id from companies where id <> ${companyId} order by id limit 1`))[0]!.id : '';
    const m = await companyRiskFlags(db, [companyId, other, companyId], DECIDED);
    expect([...m.keys()].sort()).toEqual([companyId, other].sort());
    expect(m.get(companyId)).toEqual({ keySupervision: true, marketExit: false, notKeyTarget: false });
    expect((await companyRiskFlags(db, [], DECIDED)).size).toBe(0);
    // Before the run started: not yet.
    expect((await companyRiskFlags(db, [companyId], '2026-10-14')).get(companyId)!.keySupervision).toBe(false);
    // Undo the fixture: the next test opens its own run on the same estate.
    await db.execute(sql`delete from company_flags where company_id = ${companyId} and flag = 'key_supervision' and since = ${SINCE}`);
    await db.execute(sql`delete from list_entries where id = ${entry}`);
  });

  it('the inspection is refused to anonymous, other roles and another district, changing nothing', async () => {
    const entryId = await rectifying(estate);
    const input = { entryId, seenStatus: 'rectifying', result: 'passed', note: '复查全部整改到位' };
    const before = await footprint();
    expect(await recordRectificationInspection(db, null, input, { today: DECIDED })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['company', 'department', 'committee', 'street']) {
      expect(await recordRectificationInspection(db, who[u]!, input, { today: DECIDED })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await recordRectificationInspection(db, who.shehong!, input, { today: DECIDED })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual(before);
  });

  it('整改合格: key supervision ends, the entry ends with the reason, and 整改合格，晋升信用等级 is recorded with its rule and audit', async () => {
    const [e] = await rows<{ id: string }>(sql`select id from list_entries where project_id = ${estate} and rule = 'DW14-three-poor' and status = 'rectifying'`);
    const r = await recordRectificationInspection(db, who.chuanshan!, { entryId: e!.id, seenStatus: 'rectifying', result: 'passed', note: '复查全部整改到位' }, { today: DECIDED });
    expect(r).toMatchObject({ ok: true, data: { result: 'passed' } });
    const [entry] = await rows<{ status: string; ended_on: string; end_reason: string }>(sql`select status, ended_on::text, end_reason from list_entries where id = ${e!.id}`);
    expect(entry).toEqual({ status: 'removed', ended_on: DECIDED, end_reason: '整改复查合格，移出黑榜（复查情况：复查全部整改到位）' });
    expect(await flagsOf(estate, 'key_supervision')).toEqual([expect.objectContaining({ until: DECIDED })]);
    const passed = await flagsOf(estate, 'rectification_passed');
    expect(passed).toEqual([{ since: DECIDED, until: '2027-11-20', reason: expect.stringContaining(FLAG_INFO.rectification_passed.citation) }]);
    const [a] = await rows<{ after: { flags: { ended: string; recorded: { flag: string; until: string } } } }>(
      sql`select after from audit_events where action = 'rectification.passed' and object_id = ${e!.id}`,
    );
    expect(a!.after.flags).toMatchObject({ ended: 'key_supervision', recorded: { flag: 'rectification_passed', until: '2027-11-20' } });
    // What the pages and the draw read now.
    expect((await companyRiskFlags(db, [companyId], DECIDED)).get(companyId)).toMatchObject({ keySupervision: false });
    const groups = activeFlagGroups(await listCompanyFlags(db, companyId, DECIDED), DECIDED);
    expect(groups.map((g) => g.kind)).toContain('rectification_passed');
    expect(groups.map((g) => g.kind)).not.toContain('key_supervision');
    const ofYear = await upgradeFlagsOfYear(db, [companyId], 2026);
    expect(upgradeNote(ofYear.get(companyId) ?? [], 2026)).toContain('整改合格（晋升信用等级）');
    expect(upgradeNote((await upgradeFlagsOfYear(db, [companyId], 2025)).get(companyId) ?? [], 2025)).toBeNull();
  });

  it('整改不合格: the market-exit recommendation (DW 14 (三)3) and no upgrade flag', async () => {
    const entryId = await rectifying(otherEstate);
    const r = await recordRectificationInspection(db, who.city!, { entryId, seenStatus: 'rectifying', result: 'failed', note: '外墙渗漏仍未处理' }, { today: DECIDED });
    expect(r).toMatchObject({ ok: true, data: { result: 'failed', bannedUntil: '2029-11-20' } });
    expect(await flagsOf(otherEstate, 'market_exit')).toEqual([expect.objectContaining({ since: DECIDED, until: '2029-11-20' })]);
    expect(await flagsOf(otherEstate, 'rectification_passed')).toEqual([]);
    expect(await flagsOf(otherEstate, 'key_supervision')).toEqual([expect.objectContaining({ until: DECIDED })]);
    expect((await companyRiskFlags(db, [companyId], DECIDED)).get(companyId)).toMatchObject({ keySupervision: false, marketExit: true });
  });

  it('the bureau’s flag list: scoped to the district, filtered by flag; other roles see nothing', async () => {
    const all = await listFlaggedCompanies(db, who.chuanshan!, { flag: 'all', q: '', page: 1 }, DECIDED);
    expect(all.rows.some((r) => r.companyId === companyId && r.flag === 'rectification_passed')).toBe(true);
    const exits = await listFlaggedCompanies(db, who.chuanshan!, { flag: 'market_exit', q: '', page: 1 }, DECIDED);
    expect(exits.rows.length).toBeGreaterThan(0);
    expect(exits.rows.every((r) => r.flag === 'market_exit')).toBe(true);
    expect(exits.total).toBe(exits.rows.length);
    const byName = await listFlaggedCompanies(db, who.city!, { flag: 'rectification_passed', q: all.rows.find((r) => r.companyId === companyId)!.companyName, page: 1 }, DECIDED);
    expect(byName.rows.map((r) => r.companyId)).toContain(companyId);
    // 射洪市 sees flags of its own estates and companies only: not this 船山区 company's 船山区 estates.
    const shehong = await listFlaggedCompanies(db, who.shehong!, { flag: 'all', q: '', page: 1 }, DECIDED);
    expect(shehong.rows.some((r) => r.companyId === companyId && r.flag === 'rectification_passed')).toBe(false);
    for (const u of ['company', 'department', 'street']) expect((await listFlaggedCompanies(db, who[u]!, { flag: 'all', q: '', page: 1 }, DECIDED)).total).toBe(0);
  });

  it('the demo city records its passed rectification as the service now does', async () => {
    const seeded = sql`e.rule = 'DW14-three-poor' and e.status = 'removed' and e.ended_on <> ${DECIDED}`;
    expect(await n(sql`select count(*)::int as n from list_entries e where ${seeded}`)).toBeGreaterThan(0);
    expect(
      await n(sql`select count(*)::int as n from list_entries e where ${seeded}
        and not exists (select 1 from company_flags f where f.project_id = e.project_id and f.flag = 'rectification_passed' and f.since = e.ended_on)`),
    ).toBe(0);
  });
});
