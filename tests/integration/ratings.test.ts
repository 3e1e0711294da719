import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { activeMarketBan, listRatingTable, listRectifications, type RatingTableRow } from '@/db/queries/ratings';
import { getPublicProject } from '@/db/queries/public-projects';
import { getFilingInScope, getCompanyBasics, basicsAsInput } from '@/db/queries/company-filing';
import type { Actor } from '@/lib/auth/policy';
import { marketBanUntil, rectificationUntil, type Quarter } from '@/lib/domain/credit-rating';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import { addCalendarDays, addMonths } from '@/lib/domain/working-days';
import { decideFiling, saveFiling } from '@/lib/services/company-filing';
import { registerContract } from '@/lib/services/contracts';
import { defaultRatingQuarter, previewQuarterPublication, publishQuarter, recordRectificationInspection, saveQuarterRatings } from '@/lib/services/ratings';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const CHUANSHAN = '510903';
const Q4 = '2026Q4';
const Q1 = '2027Q1';
const Q2 = '2027Q2';
const Q3 = '2027Q3';
const q4: Quarter = { year: 2026, quarter: 4 };

const NO_PLAN = '0'.repeat(32);

describe.each(DRIVERS)('quarterly estate ratings, publication and DW 14 (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let city: Actor;
  let city2: Actor;
  let chuanshan: Actor;
  let shehong: Actor;
  let company: Actor;
  let committee: Actor;
  /** 船山区 estates: A (another company) three 差 then passes; B 差 良好 差; C (the demo company) three 差 then fails; D three 良好; E three 优秀. */
  let A: RatingTableRow, B: RatingTableRow, C: RatingTableRow, D: RatingTableRow, E: RatingTableRow;

  const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));
  /** Publishing as the page does it: the check-your-answers preview, then the confirmation with its fingerprint
   * (after a refused preview, a well-formed fingerprint of no plan, so that publishing itself answers). */
  const publishChecked = async (actor: Actor, quarter: string, today: string) => {
    const p = await previewQuarterPublication(db, actor, { quarter }, { today });
    return publishQuarter(db, actor, { quarter, fingerprint: p.ok ? p.data.fingerprint : NO_PLAN }, { today });
  };
  const n = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const footprint = async () => ({
    ratings: await q(sql`select project_id, year, quarter, inspection_score::text as s, rating::text as r from estate_ratings order by project_id, year, quarter`),
    publications: await n(sql`select count(*)::int as n from rating_publications`),
    entries: await q(sql`select id, status::text as s, ended_on::text as e from list_entries order by id`),
    flags: await q(sql`select id, until::text as u from company_flags order by id`),
    audit: await n(sql`select count(*)::int as n from audit_events where action like 'rating.%' or action like 'rectification.%' or action like 'list.%'`),
  });
  const entriesOf = (projectId: string, rule: string) =>
    q<{ id: string; status: string; since: string; until: string | null; ended_on: string | null; end_reason: string | null; company_id: string; reason: string }>(
      sql`select id, status::text as status, since::text as since, until::text as until, ended_on::text as ended_on, end_reason, company_id, reason
          from list_entries where project_id = ${projectId} and rule = ${rule} and since >= '2027-01-01' order by since`,
    );
  const flagsOf = (projectId: string, flag: string) =>
    q<{ since: string; until: string | null; reason: string; company_id: string }>(
      sql`select since::text as since, until::text as until, reason, company_id from company_flags where project_id = ${projectId} and flag = ${flag} and since >= '2027-01-01'`,
    );
  const save = (who: Actor | null, quarter: string, scores: Record<string, string>, today: string) => saveQuarterRatings(db, who, { quarter, scores }, { today });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [city, city2, chuanshan, shehong, company, committee] = await Promise.all(['city', 'city', 'chuanshan', 'shehong', 'company', 'committee'].map((u) => actorFor(db, u)));
    const table = await listRatingTable(db, chuanshan, q4);
    const q3Of = (r: RatingTableRow) => r.earlier.find((e) => e.year === 2026 && e.quarter === 3)?.rating;
    const open = new Set((await q<{ project_id: string }>(sql`select project_id from list_entries where status in ('active','rectifying') and project_id is not null`)).map((r) => r.project_id));
    const free = table.filter((r) => r.companyId && !open.has(r.projectId));
    const pick = (f: (r: RatingTableRow) => boolean) => {
      const r = free.find((x) => f(x) && ![A, B, C, D, E].includes(x));
      if (!r) throw new Error('no estate for the scenario');
      return r;
    };
    C = pick((r) => r.companyId === company.companyId && q3Of(r) !== '差');
    A = pick((r) => r.companyId !== company.companyId && q3Of(r) !== '差');
    B = pick((r) => q3Of(r) !== '差');
    D = pick((r) => q3Of(r) !== '良好');
    E = pick((r) => q3Of(r) !== '优秀');
  });
  afterAll(() => t.cleanup());

  it('opens on the quarter after the latest published one, never one not yet started', () => {
    const published = [{ year: 2026, quarter: 3 }, { year: 2026, quarter: 2 }];
    expect(defaultRatingQuarter(published, '2026-11-23')).toEqual({ year: 2026, quarter: 4 });
    expect(defaultRatingQuarter([...published, { year: 2026, quarter: 4 }], '2026-11-23')).toEqual({ year: 2026, quarter: 4 });
    expect(defaultRatingQuarter(published, '2027-05-02')).toEqual({ year: 2026, quarter: 4 });
  });

  it('the table lists every residential estate of the district with its company at the quarter end and earlier ratings', async () => {
    const table = await listRatingTable(db, chuanshan, q4);
    expect(table.length).toBeGreaterThan(20);
    expect(table.every((r) => r.districtId === CHUANSHAN)).toBe(true);
    expect(table.filter((r) => r.earlier.length === 3).length).toBeGreaterThan(10);
    const types = await q<{ type: string }>(sql`select distinct type::text as type from projects where id in ${sql.raw(`(${table.map((r) => `'${r.projectId}'`).join(',')})`)}`);
    expect(types.map((x) => x.type).sort()).not.toContain('商业');
    expect((await listRatingTable(db, company, q4)).length).toBe(0);
  });

  it('refuses anonymous, company and committee users and another district, changing nothing', async () => {
    const before = await footprint();
    const scores = { [A.projectId]: '80' };
    expect(await save(null, Q4, scores, '2026-12-20')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await save(company, Q4, scores, '2026-12-20')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await save(committee, Q4, scores, '2026-12-20')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const other = await save(shehong, Q4, { ...scores }, '2026-12-20');
    expect(other).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const after = await footprint();
    expect(after).toEqual(before);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${A.projectId}`)).toBe(1);
  });

  it('refuses the whole table when one row is wrong, with Chinese errors at each field, writing nothing', async () => {
    const before = await footprint();
    const r = await save(chuanshan, Q4, { [A.projectId]: '70', [B.projectId]: '100.5', [C.projectId]: '72.123', [D.projectId]: '七十', [E.projectId]: '95' }, '2026-12-20');
    expect(r).toMatchObject({ ok: false, code: 'INVALID' });
    if (r.ok) return;
    expect(r.fieldErrors).toEqual({
      [`scores.${B.projectId}`]: ['检查得分应在 0 至 100 分之间'],
      [`scores.${C.projectId}`]: ['检查得分最多保留两位小数'],
      [`scores.${D.projectId}`]: ['请填写 0 至 100 之间的数字'],
    });
    expect(await save(chuanshan, '2027Q1', { [A.projectId]: '80' }, '2026-12-20')).toMatchObject({ ok: false, fieldErrors: { quarter: ['2027年第1季度尚未开始，不能评定'] } });
    expect(await footprint()).toEqual(before);
  });

  it('refuses changes to a published quarter', async () => {
    const before = await footprint();
    const r = await save(chuanshan, '2026Q3', { [A.projectId]: '99' }, '2026-12-20');
    expect(r).toEqual({ ok: false, code: 'CONFLICT', message: '2026年第3季度的评定结果已发布，不能再修改' });
    expect(await footprint()).toEqual(before);
  });

  it('saves the table in one transaction: rating by policy, policy version, one audit row; blank withdraws', async () => {
    const audits = await n(sql`select count(*)::int as n from audit_events where action = 'rating.quarter.saved'`);
    const r = await save(chuanshan, Q4, { [A.projectId]: '74.99', [B.projectId]: '70', [C.projectId]: '60', [D.projectId]: '89.99', [E.projectId]: '９０' }, '2026-12-20');
    expect(r).toEqual({ ok: true, data: { quarter: Q4, saved: 5, removed: 0 } });
    const rows = await q<{ project_id: string; s: string; rating: string; policy_version: number; rated_by: string; company_id: string }>(
      sql`select project_id, inspection_score::text as s, rating::text as rating, policy_version, rated_by, company_id from estate_ratings where year = 2026 and quarter = 4`,
    );
    const by = new Map(rows.map((x) => [x.project_id, x]));
    expect(by.get(A.projectId)).toMatchObject({ s: '74.99', rating: '差', policy_version: 1, rated_by: chuanshan.userId, company_id: A.companyId });
    expect(by.get(D.projectId)).toMatchObject({ s: '89.99', rating: '良好' });
    expect(by.get(E.projectId)).toMatchObject({ s: '90.00', rating: '优秀' });
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'rating.quarter.saved'`)).toBe(audits + 1);
    // Saving the same table again changes nothing and writes no audit row; a blank withdraws a score.
    expect(await save(chuanshan, Q4, { [A.projectId]: '74.99' }, '2026-12-21')).toEqual({ ok: true, data: { quarter: Q4, saved: 0, removed: 0 } });
    expect(await save(chuanshan, Q4, { [D.projectId]: '' }, '2026-12-21')).toEqual({ ok: true, data: { quarter: Q4, saved: 0, removed: 1 } });
    expect(await save(chuanshan, Q4, { [D.projectId]: '80' }, '2026-12-21')).toEqual({ ok: true, data: { quarter: Q4, saved: 1, removed: 0 } });
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'rating.quarter.saved'`)).toBe(audits + 3);
    // The city enters any district's rows too.
    expect(await save(city, Q4, { [D.projectId]: '80' }, '2026-12-21')).toMatchObject({ ok: true });
  });

  it('keeps unpublished results off public reads; only the city publishes, and of two publishers one wins', async () => {
    // The estate's public page shows published quarters only.
    const shown = async () => (await getPublicProject(db, A.projectId))!.ratings;
    expect((await shown()).some((r) => r.year === 2026 && r.quarter === 4)).toBe(false);
    expect((await shown())[0]).toMatchObject({ year: 2026, quarter: 3 });
    const before = await footprint();
    expect(await publishQuarter(db, null, { quarter: Q4 }, { today: '2027-01-15' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await publishQuarter(db, chuanshan, { quarter: Q4 }, { today: '2027-01-15' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await publishQuarter(db, company, { quarter: Q4 }, { today: '2027-01-15' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await footprint()).toEqual(before);

    const results = await Promise.all([publishChecked(city, Q4, '2027-01-15'), publishChecked(city2, Q4, '2027-01-15')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'CONFLICT', message: '2026年第4季度的评定结果已由他人发布' }]);
    expect(await n(sql`select count(*)::int as n from rating_publications where year = 2026 and quarter = 4`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'rating.quarter.published' and object_id = ${Q4}`)).toBe(1);
    expect((await shown())[0]).toEqual({ year: 2026, quarter: 4, rating: '差' });
    expect(await save(chuanshan, Q4, { [A.projectId]: '99' }, '2027-01-16')).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('three 差 in a row put the estate on the black list in a rectification period; a 良好 between breaks the run', async () => {
    expect(await save(chuanshan, Q1, { [A.projectId]: '70', [B.projectId]: '80', [C.projectId]: '65', [D.projectId]: '85', [E.projectId]: '95' }, '2027-03-20')).toMatchObject({ ok: true });
    expect(await publishChecked(city, Q1, '2027-04-15')).toMatchObject({ ok: true, data: { triggered: { 优秀: 0, 良好: 0, 差: 0 } } });
    expect(await entriesOf(A.projectId, 'DW14-three-poor')).toEqual([]);
    expect(await save(chuanshan, Q2, { [A.projectId]: '68.5', [B.projectId]: '60', [C.projectId]: '61', [D.projectId]: '76', [E.projectId]: '92.5' }, '2027-06-20')).toMatchObject({ ok: true });
    const published = await publishChecked(city, Q2, '2027-07-15');
    expect(published).toEqual({ ok: true, data: { quarter: Q2, rated: expect.any(Number), triggered: { 优秀: 1, 良好: 1, 差: 2 } } });

    const [a] = await entriesOf(A.projectId, 'DW14-three-poor');
    expect(a).toMatchObject({ status: 'rectifying', since: '2027-07-15', until: rectificationUntil('2027-07-15', defaultCreditPolicy), company_id: A.companyId, ended_on: null });
    expect(a!.until).toBe('2027-10-13');
    expect(a!.reason).toContain('2026年第4季度至2027年第2季度连续三次评定为“差”');
    expect(await n(sql`select count(*)::int as n from list_events where entry_id = ${a!.id} and event = 'added'`)).toBe(1);
    expect(await flagsOf(A.projectId, 'key_supervision')).toEqual([expect.objectContaining({ since: '2027-07-15', until: null, company_id: A.companyId })]);
    // B: 差, 良好, 差 — no entry, no flag.
    expect(await entriesOf(B.projectId, 'DW14-three-poor')).toEqual([]);
    expect(await flagsOf(B.projectId, 'key_supervision')).toEqual([]);
    // D: three 良好 → upgrade priority flag, no list entry. E: three 优秀 → red entry + incentive flag for a year.
    expect(await flagsOf(D.projectId, 'upgrade_priority')).toEqual([expect.objectContaining({ since: '2027-07-15', until: '2028-07-15' })]);
    expect(await q(sql`select id from list_entries where project_id = ${D.projectId} and since >= '2027-01-01'`)).toEqual([]);
    expect(await entriesOf(E.projectId, 'DW14-three-excellent')).toEqual([expect.objectContaining({ status: 'active', since: '2027-07-15', until: addMonths('2027-07-15', 12) })]);
    expect((await flagsOf(E.projectId, 'incentive'))[0]!.reason).toContain('优先晋升信用等级');
    expect(await listRectifications(db, chuanshan)).toEqual(expect.arrayContaining([expect.objectContaining({ entryId: a!.id, projectId: A.projectId })]));
    expect((await listRectifications(db, shehong)).some((r) => r.entryId === a!.id)).toBe(false);
  });

  it('the rectification inspection is refused to anonymous, company and another district, changing nothing', async () => {
    const [a] = await entriesOf(A.projectId, 'DW14-three-poor');
    const input = { entryId: a!.id, seenStatus: 'rectifying', result: 'passed', note: '复查全部整改到位' };
    const before = await footprint();
    expect(await recordRectificationInspection(db, null, input, { today: '2027-09-01' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await recordRectificationInspection(db, company, input, { today: '2027-09-01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await recordRectificationInspection(db, shehong, input, { today: '2027-09-01' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await recordRectificationInspection(db, chuanshan, { ...input, note: '好' }, { today: '2027-09-01' })).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { note: ['复查情况至少 4 个字'] },
    });
    expect(await footprint()).toEqual(before);
  });

  it('a passed inspection takes the estate off the black list with the reason, kept in history; a 4th 差 does not reopen', async () => {
    const [a] = await entriesOf(A.projectId, 'DW14-three-poor');
    const input = { entryId: a!.id, seenStatus: 'rectifying', result: 'passed', note: '复查全部整改到位' };
    expect(await recordRectificationInspection(db, chuanshan, input, { today: '2027-09-01' })).toEqual({
      ok: true,
      data: { entryId: a!.id, result: 'passed', banEntryId: null, bannedUntil: null },
    });
    const [ended] = await entriesOf(A.projectId, 'DW14-three-poor');
    expect(ended).toMatchObject({ status: 'removed', ended_on: '2027-09-01', end_reason: '整改复查合格，移出黑榜（复查情况：复查全部整改到位）' });
    expect((await q<{ event: string }>(sql`select event from list_events where entry_id = ${a!.id} order by at`)).map((e) => e.event)).toEqual(['added', 'removed']);
    expect(await flagsOf(A.projectId, 'key_supervision')).toEqual([expect.objectContaining({ until: '2027-09-01' })]);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'rectification.passed' and object_id = ${a!.id}`)).toBe(1);
    // Decided already: the second inspector is told, nothing changes.
    const before = await footprint();
    expect(await recordRectificationInspection(db, city, { ...input, result: 'failed' }, { today: '2027-09-02' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '该整改事项已有复查结论，请刷新后查看',
    });
    expect(await footprint()).toEqual(before);

    expect(await save(chuanshan, Q3, { [A.projectId]: '66' }, '2027-09-20')).toMatchObject({ ok: true });
    expect(await publishChecked(city, Q3, '2027-10-15')).toMatchObject({ ok: true, data: { triggered: { 差: 0 } } });
    expect(await entriesOf(A.projectId, 'DW14-three-poor')).toHaveLength(1);
  });

  it('a failed inspection ends the entry and opens a three-year market ban with the market-exit recommendation', async () => {
    const [c] = await entriesOf(C.projectId, 'DW14-three-poor');
    expect(c).toMatchObject({ status: 'rectifying', company_id: company.companyId });
    const r = await recordRectificationInspection(db, chuanshan, { entryId: c!.id, seenStatus: 'rectifying', result: 'failed', note: '外墙渗漏仍未处理' }, { today: '2027-10-20' });
    const until = marketBanUntil('2027-10-20', defaultCreditPolicy);
    expect(r).toEqual({ ok: true, data: { entryId: c!.id, result: 'failed', banEntryId: expect.any(String), bannedUntil: until } });
    expect(until).toBe('2030-10-20');
    const [ended] = await entriesOf(C.projectId, 'DW14-three-poor');
    expect(ended).toMatchObject({ status: 'removed', ended_on: '2027-10-20', end_reason: '整改不合格，转为市场禁入' });
    expect(await entriesOf(C.projectId, 'DW14-market-ban')).toEqual([expect.objectContaining({ status: 'active', since: '2027-10-20', until, company_id: company.companyId })]);
    expect((await flagsOf(C.projectId, 'market_exit'))[0]!.reason).toContain('建议退出物业服务市场');
    expect(await flagsOf(C.projectId, 'key_supervision')).toEqual([expect.objectContaining({ until: '2027-10-20' })]);
    expect(await activeMarketBan(db, company.companyId!, '2027-10-21')).toEqual({ since: '2027-10-20', until });
    expect(await activeMarketBan(db, company.companyId!, '2027-10-19')).toBeNull();
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'rectification.failed'`)).toBe(1);
  });

  it('a banned company files no new contract and gets no filing approval', async () => {
    // The list entry alone bans it, even without the date kept on the company row.
    await db.execute(sql`update companies set banned_until = null where id = ${company.companyId}`);
    const [k] = await q<{ project_id: string; end_date: string }>(
      sql`select project_id, end_date::text as end_date from service_contracts where company_id = ${company.companyId} and status = 'confirmed' order by end_date desc limit 1`,
    );
    const before = await n(sql`select count(*)::int as n from service_contracts`);
    const contract = await registerContract(
      db,
      company,
      { projectId: k!.project_id, startDate: addCalendarDays(k!.end_date, 1), endDate: addCalendarDays(k!.end_date, 1000), annualFees: '1000000', bondAmount: '60000' },
      { today: '2027-10-21' },
    );
    expect(contract).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(!contract.ok && contract.message).toContain('市场禁入');
    expect(!contract.ok && contract.message).toContain(marketBanUntil('2027-10-20', defaultCreditPolicy));
    expect(await n(sql`select count(*)::int as n from service_contracts`)).toBe(before);

    const data = { ...basicsAsInput((await getCompanyBasics(db, company.companyId!))!), contactPhone: '0825-2999888' };
    const filed = await saveFiling(db, company, { submit: true, data });
    expect(filed.ok).toBe(true);
    const id = filed.ok ? filed.data.id : '';
    const f = await getFilingInScope(db, city, id);
    const decided = await decideFiling(db, city, { submissionId: id, version: f!.version, decision: 'approved', reason: '' }, { today: '2027-10-21' });
    expect(decided).toMatchObject({ ok: false, code: 'INVALID' });
    expect(!decided.ok && decided.fieldErrors?.decision?.[0]).toContain('市场禁入');
    expect((await getFilingInScope(db, city, id))!.status).toBe('submitted');
  });
});
