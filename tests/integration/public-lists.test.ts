import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { entryFacts } from '@/db/queries/list-entries';
import { companyCreditSummary, listLatestChanges, listPublicEntries } from '@/db/queries/public-lists';
import { annualEvaluations, companies, creditRecords, listEntries, listEvents } from '@/db/schema';
import { addCalendarDays } from '@/lib/domain/working-days';
import { entryActiveOn, onBlackList, type ListRule } from '@/lib/domain/credit-rating';
import { listCsv } from '@/app/api/v1/_lib/respond';
import { openListEntry } from '@/lib/services/list-entries';
import { DRIVERS, openSeededDb, type TestDb } from './helpers/db';

const REF = '2026-11-01';

describe.each(DRIVERS)('public red and black lists (%s)', (driver) => {
  let t: TestDb;
  let db: Db;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
  });
  afterAll(() => t.cleanup());

  const open = (companyId: string, rule: ListRule, since: string, until: string | null, extra: { status?: 'active' | 'rectifying'; reason?: string } = {}) =>
    db.transaction((tx) => openListEntry(tx, { label: '测试' }, { companyId, rule, reason: extra.reason ?? `测试：${rule}`, since, until, policyVersion: 1, status: extra.status }));

  /** Every entry of the seed, grouped by company: what the domain rules say the lists are. */
  async function domainLists(on: string, district?: string) {
    const rows = await db
      .select({ entry: listEntries, district: companies.districtId })
      .from(listEntries)
      .innerJoin(companies, eq(companies.id, listEntries.companyId));
    const byCompany = new Map<string, (typeof rows)[number]['entry'][]>();
    for (const r of rows) byCompany.set(r.entry.companyId, [...(byCompany.get(r.entry.companyId) ?? []), r.entry]);
    const inDistrict = (r: (typeof rows)[number]) => !district || r.district === district;
    const red = rows.filter((r) => inDistrict(r) && r.entry.list === 'red' && entryActiveOn(entryFacts(r.entry), on) && !onBlackList(byCompany.get(r.entry.companyId)!.map(entryFacts), on));
    const black = rows.filter((r) => inDistrict(r) && r.entry.list === 'black' && entryActiveOn(entryFacts(r.entry), on));
    return { red: red.map((r) => r.entry.id).sort(), black: black.map((r) => r.entry.id).sort() };
  }

  async function allIds(list: 'red' | 'black', q: { on: string; district?: string; period?: string; q?: string }) {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const r = await listPublicEntries(db, list, { ...q, page });
      ids.push(...r.items.map((i) => i.id));
      if (page >= r.pageCount) return { ids: ids.sort(), total: r.total, items: r.items };
    }
  }

  async function someCompany(filter?: (id: string) => Promise<boolean>) {
    const cs = await db.select({ id: companies.id, uscc: companies.uscc, districtId: companies.districtId }).from(companies).where(eq(companies.filingStatus, 'approved')).orderBy(companies.uscc);
    for (const c of cs) if (!filter || (await filter(c.id))) return c;
    throw new Error('no company');
  }
  const noEntries = async (id: string) => (await db.select({ id: listEntries.id }).from(listEntries).where(eq(listEntries.companyId, id))).length === 0;

  it('serves exactly the entries the domain rules put on each list, both lists populated, red without black companies', async () => {
    const expected = await domainLists(REF);
    expect(expected.red.length).toBeGreaterThan(0);
    expect(expected.black.length).toBeGreaterThan(0);
    expect((await allIds('red', { on: REF })).ids).toEqual(expected.red);
    expect((await allIds('black', { on: REF })).ids).toEqual(expected.black);
  });

  it('takes a company off the red list from the day a black entry is in force, and only from then', async () => {
    const red = await listPublicEntries(db, 'red', { on: REF, pageSize: 1 });
    const entry = red.items[0]!;
    const [c] = await db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, entry.company.uscc));
    const since = addCalendarDays(REF, 3);
    await open(c!.id, 'DW11-veto', since, null);
    const before = await listPublicEntries(db, 'red', { on: addCalendarDays(REF, 2), q: entry.company.uscc });
    expect(before.items.map((i) => i.company.uscc)).toContain(entry.company.uscc);
    const after = await listPublicEntries(db, 'red', { on: since, q: entry.company.uscc });
    expect(after.total).toBe(0);
    const black = await listPublicEntries(db, 'black', { on: since, q: entry.company.uscc });
    expect(black.items.some((i) => i.rule.id === 'DW11-veto' && i.rule.article === 'DW 第十一条')).toBe(true);
  });

  it('filters by the company district', async () => {
    const [d] = await db.select({ d: companies.districtId }).from(listEntries).innerJoin(companies, eq(companies.id, listEntries.companyId)).where(eq(listEntries.list, 'black')).limit(1);
    const district = d!.d!;
    const expected = await domainLists(REF, district);
    const got = await allIds('black', { on: REF, district });
    expect(got.ids).toEqual(expected.black);
    expect(got.total).toBeLessThan((await allIds('black', { on: REF })).total + 1);
    const r = await listPublicEntries(db, 'black', { on: REF, district });
    for (const i of r.items) expect(i.district?.code).toBe(district);
  });

  it('filters by period: an entry in force at any time in the quarter or year, not outside it', async () => {
    const c = await someCompany(noEntries);
    const id = await open(c.id, 'severe-warning', '2025-02-10', '2025-04-15');
    const inPeriod = async (period: string) => (await listPublicEntries(db, 'black', { on: REF, period, q: c.uscc })).items.map((i) => i.id);
    expect(await inPeriod('2025Q1')).toEqual([id]);
    expect(await inPeriod('2025Q2')).toEqual([id]);
    expect(await inPeriod('2025Q3')).toEqual([]);
    expect(await inPeriod('2024Q4')).toEqual([]);
    expect(await inPeriod('2025')).toEqual([id]);
    expect(await inPeriod('2026')).toEqual([]);
    // Not on the current list: past its date out.
    expect((await listPublicEntries(db, 'black', { on: REF, q: c.uscc })).total).toBe(0);
  });

  it('drops an entry on its date out with no job, shows it as 期满移出 in the changes; a rectifying three-差 entry stays', async () => {
    const c = await someCompany(noEntries);
    const until = addCalendarDays(REF, 10);
    const expiring = await open(c.id, 'severe-warning', REF, until);
    const rectifying = await open(c.id, 'DW14-three-poor', REF, until, { status: 'rectifying' });
    const on = async (d: string) => (await listPublicEntries(db, 'black', { on: d, q: c.uscc })).items.map((i) => i.id).sort();
    expect(await on(addCalendarDays(until, -1))).toEqual([expiring, rectifying].sort());
    expect(await on(until)).toEqual([rectifying]);
    expect(await on(addCalendarDays(until, 30))).toEqual([rectifying]);
    const changesBefore = await listLatestChanges(db, addCalendarDays(until, -1), 50);
    expect(changesBefore.some((x) => x.id === `expiry-${expiring}`)).toBe(false);
    const changes = await listLatestChanges(db, until, 50);
    const expiry = changes.find((x) => x.id === `expiry-${expiring}`);
    expect(expiry).toMatchObject({ event: '期满移出', list: 'black', company: { uscc: c.uscc } });
    expect(changes.some((x) => x.id === `expiry-${rectifying}`)).toBe(false);
    // Nothing was written: the stored entry is still active.
    const [row] = await db.select({ status: listEntries.status, endedOn: listEntries.endedOn }).from(listEntries).where(eq(listEntries.id, expiring));
    expect(row).toEqual({ status: 'active', endedOn: null });
    // The profile's history shows both, each with its events.
    const s = await companyCreditSummary(db, c.id, until, until);
    expect(s.listStatus).toBe('black');
    const hist = s.listEntries.find((e) => e.id === expiring)!;
    expect(hist.activeOn).toBe(false);
    expect(hist.events.map((e) => e.event)).toEqual(['added', '期满移出']);
    expect(s.listEntries.find((e) => e.id === rectifying)!.activeOn).toBe(true);
  });

  it('tender eligibility: grade A and no black entry — true before a veto, false from its day with the reason', async () => {
    const [a] = await db
      .select({ id: annualEvaluations.companyId, year: annualEvaluations.year })
      .from(annualEvaluations)
      .innerJoin(companies, eq(companies.id, annualEvaluations.companyId))
      .where(
        and(
          eq(annualEvaluations.grade, 'A'),
          eq(annualEvaluations.year, 2025),
          isNotNull(annualEvaluations.publishedAt),
          eq(companies.filingStatus, 'approved'),
          sql`not exists (select 1 from list_entries le where le.company_id = ${annualEvaluations.companyId} and le.list = 'black')`,
        ),
      )
      .limit(1);
    expect(a).toBeTruthy();
    const vetoOn = addCalendarDays(REF, 5);
    const before = await companyCreditSummary(db, a!.id, addCalendarDays(vetoOn, -1), REF);
    expect(before.eligibility).toMatchObject({ eligible: true, grade: 'A', gradeYear: 2025, reasons: [] });
    await open(a!.id, 'DW11-veto', vetoOn, null);
    const after = await companyCreditSummary(db, a!.id, vetoOn, REF);
    expect(after.eligibility.eligible).toBe(false);
    expect(after.eligibility.reasons).toEqual(['当日在黑榜']);
    expect(after.listStatus).toBe('black');
    // Before the 2025 evaluation was published, the grade came from 2024 or there was none.
    const early = await companyCreditSummary(db, a!.id, '2025-01-01', REF);
    expect(early.eligibility.gradeYear === null || early.eligibility.gradeYear < 2025).toBe(true);
  });

  it('explains the current score record by record with the steps it takes if nothing new happens', async () => {
    const [row] = await db.select({ id: annualEvaluations.companyId }).from(annualEvaluations).where(sql`${annualEvaluations.score} < 95`).limit(1);
    const s = await companyCreditSummary(db, row!.id, REF, REF);
    const sum = s.outlook.lines.reduce((x, l) => x + l.points, 0);
    expect(s.outlook.score).toBe(Math.round(Math.max(0, Math.min(s.outlook.base, s.outlook.base + sum)) * 100) / 100);
    for (const l of s.outlook.lines) expect(l.countsUntil === null || l.countsUntil > REF).toBe(true);
    const last = s.outlook.steps.at(-1);
    if (last) expect(last.score).toBe(s.outlook.lines.every((l) => l.countsUntil) ? s.outlook.base : last.score);
  });

  it('counts a 轻微 warning in the score without publishing its facts (the policy does not publish them)', async () => {
    const c = await someCompany(noEntries);
    await db.insert(creditRecords).values({
      companyId: c.id,
      category: 'warning',
      type: '测试轻微事项甲乙丙',
      occurredOn: '2026-10-01',
      description: '测试',
      points: '2.00',
      severity: '轻微',
      status: 'approved',
      publishedOn: '2026-10-02',
      publicUntil: '2027-01-02',
    });
    const s = await companyCreditSummary(db, c.id, REF, REF);
    const line = s.outlook.lines.find((l) => l.points === -2);
    expect(line?.label).toBe('警示：轻微警示记录（依规定不公示）');
    expect(JSON.stringify(s)).not.toContain('测试轻微事项甲乙丙');
    expect(s.outlook.steps.find((x) => x.on === '2027-01-02')).toBeTruthy();
  });

  it('writes CSV that Excel and a parser read back: BOM, quotes doubled, commas and newlines quoted, formulas defused', async () => {
    const c = await someCompany(noEntries);
    const reason = '拒不整改, 业主称"严重"\n第二行';
    await open(c.id, 'severe-warning', REF, null, { reason: `=${reason}` });
    const r = await listPublicEntries(db, 'black', { on: REF, q: c.uscc });
    const csv = listCsv({ ...r, list: 'black', district: null });
    expect(csv.startsWith('\uFEFFid,company.uscc,company.name,')).toBe(true);
    expect(csv).toContain(`"'=拒不整改, 业主称""严重""\n第二行"`);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('records list events for the history and the feed in the order they happened', async () => {
    const events = await db.select({ n: sql<number>`count(*)::int` }).from(listEvents);
    expect(Number(events[0]!.n)).toBeGreaterThan(0);
    const changes = await listLatestChanges(db, REF, 20);
    expect(changes.length).toBe(20);
    for (let i = 1; i < changes.length; i++) expect(changes[i - 1]!.at >= changes[i]!.at).toBe(true);
  });
});
