/**
 * `/stats` (SPEC §5): every figure of getPublicStats checked against the seeded city counted another way — the
 * public list query, the raw rows — and the handling times against cases with known dates; the JSON/CSV route
 * serves the same figures.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getPublicStats } from '@/db/queries/public-stats';
import { listPublicEntries } from '@/db/queries/public-lists';
import { annualEvaluations, cases, companies, employments, estateRatings, listEntries, projects, ratingPublications } from '@/db/schema';
import { statsCsv } from '@/lib/stats/tables';
import { DRIVERS, openSeededDb, type TestDb } from './helpers/db';

const ON = '2026-11-01';

describe.each(DRIVERS)('public statistics (%s)', (driver) => {
  let t: TestDb;
  let db: Db;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
  });
  afterAll(() => t.cleanup());

  it('grades: each approved company once, by its latest evaluation published by the day', async () => {
    const s = await getPublicStats(db, ON);
    const approved = await db.select({ id: companies.id }).from(companies).where(eq(companies.filingStatus, 'approved'));
    const evals = await db
      .select({ companyId: annualEvaluations.companyId, year: annualEvaluations.year, grade: annualEvaluations.grade })
      .from(annualEvaluations)
      .where(and(isNotNull(annualEvaluations.publishedAt), sql`(${annualEvaluations.publishedAt} at time zone 'Asia/Shanghai')::date <= ${ON}::date`));
    const expected: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, none: 0 };
    for (const c of approved) {
      const latest = evals.filter((e) => e.companyId === c.id).sort((a, b) => b.year - a.year)[0];
      expected[latest?.grade ?? 'none']! += 1;
    }
    expect(Object.fromEntries(s.grades.map((g) => [g.grade, g.companies]))).toEqual(expected);
    expect(s.grades.reduce((n, g) => n + g.companies, 0)).toBe(approved.length);
    expect(expected.A).toBeGreaterThan(0);
  });

  it('lists by district: the same entries as the public red and black lists of each district', async () => {
    const s = await getPublicStats(db, ON);
    expect(s.listsByDistrict).toHaveLength(5);
    for (const d of s.listsByDistrict) {
      expect(d.red).toBe((await listPublicEntries(db, 'red', { on: ON, district: d.district })).total);
      expect(d.black).toBe((await listPublicEntries(db, 'black', { on: ON, district: d.district })).total);
    }
    const black = (await listPublicEntries(db, 'black', { on: ON })).total;
    expect(black).toBeGreaterThan(0);
    expect(s.listsByDistrict.reduce((n, d) => n + d.black, 0)).toBe(black);
  });

  it('lists over time: twelve months ending with the day’s month, every entry opened in them counted once', async () => {
    const s = await getPublicStats(db, ON);
    expect(s.listsByMonth.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const rows = await db.select({ list: listEntries.list, since: listEntries.since }).from(listEntries);
    for (const list of ['red', 'black'] as const) {
      const inWindow = rows.filter((r) => r.list === list && r.since >= '2025-12-01' && r.since <= ON).length;
      expect(s.listsByMonth.reduce((n, m) => n + m[list], 0)).toBe(inWindow);
    }
    const march = rows.filter((r) => r.list === 'red' && r.since.startsWith('2026-03')).length;
    expect(s.listsByMonth.find((m) => m.month === '2026-03')!.red).toBe(march);
  });

  it('ratings by quarter: published quarters only, every rating of them counted', async () => {
    const s = await getPublicStats(db, ON);
    const published = await db.select({ year: ratingPublications.year, quarter: ratingPublications.quarter }).from(ratingPublications);
    expect(s.ratingsByQuarter.map((q) => q.quarter).sort()).toEqual(published.map((p) => `${p.year}Q${p.quarter}`).sort());
    for (const q of s.ratingsByQuarter) {
      const [year, quarter] = q.quarter.split('Q').map(Number);
      const rows = await db.select({ rating: estateRatings.rating }).from(estateRatings).where(and(eq(estateRatings.year, year!), eq(estateRatings.quarter, quarter!)));
      expect(q.优秀 + q.良好 + q.差).toBe(rows.length);
      expect(q.差).toBe(rows.filter((r) => r.rating === '差').length);
    }
  });

  it('coverage: estates with a company, and of those the ones with approved staff on the register', async () => {
    const s = await getPublicStats(db, ON);
    const served = await db.select({ id: projects.id, district: projects.districtId }).from(projects).where(isNotNull(projects.currentCompanyId));
    const staffed = new Set(
      (await db.selectDistinct({ p: employments.projectId }).from(employments).where(eq(employments.status, 'current'))).map((r) => r.p),
    );
    for (const c of s.coverage) {
      const mine = served.filter((p) => p.district === c.district);
      expect(c.estates).toBe(mine.length);
      expect(c.withStaff).toBe(mine.filter((p) => staffed.has(p.id)).length);
      expect(c.percent).toBe(mine.length ? Math.round((c.withStaff / mine.length) * 1000) / 10 : null);
    }
    // One estate loses its staff: its district's coverage drops by one.
    const d = s.coverage.find((c) => c.withStaff > 0)!;
    const victim = served.find((p) => p.district === d.district && staffed.has(p.id))!;
    await db.update(employments).set({ status: 'pending' }).where(and(eq(employments.projectId, victim.id), eq(employments.status, 'current')));
    expect((await getPublicStats(db, ON)).coverage.find((c) => c.district === d.district)!.withStaff).toBe(d.withStaff - 1);
  });

  it('handling times: median and 90th percentile of decided cases, open ones counted apart, an honest empty state', async () => {
    await db.delete(cases).where(inArray(cases.kind, ['complaint', 'objection']));
    const empty = await getPublicStats(db, ON);
    expect(empty.handling).toEqual([
      { kind: 'complaint', filed: 0, open: 0, times: { decided: 0, medianDays: null, p90Days: null } },
      { kind: 'objection', filed: 0, open: 0, times: { decided: 0, medianDays: null, p90Days: null } },
    ]);
    const base = new Date('2026-09-01T02:00:00Z');
    const at = (days: number) => new Date(base.getTime() + days * 86_400_000);
    const row = (kind: string, i: number, decidedAfter: number | null) => ({
      kind,
      trackingCode: `STAT${kind.slice(0, 1).toUpperCase()}${i}`,
      status: decidedAfter == null ? ('open' as const) : ('closed' as const),
      subjectType: 'project',
      filerName: '测试',
      filerPhone: '13800000000',
      body: '测试',
      createdAt: base,
      decidedAt: decidedAfter == null ? null : at(decidedAfter),
    });
    // Complaints decided after 1, 2, 3, 4 and 10 days, one open: median 3, p90 = 4 + 0.6 × (10 − 4) = 7.6.
    await db.insert(cases).values([...[1, 2, 3, 4, 10].map((d, i) => row('complaint', i, d)), row('complaint', 9, null)]);
    // An objection decided after the day asked was still open on it.
    await db.insert(cases).values([row('objection', 1, 5), { ...row('objection', 2, null), decidedAt: new Date('2026-12-01T00:00:00Z'), status: 'closed' as const }]);
    const s = await getPublicStats(db, ON);
    expect(s.handling).toEqual([
      { kind: 'complaint', filed: 6, open: 1, times: { decided: 5, medianDays: 3, p90Days: 7.6 } },
      { kind: 'objection', filed: 2, open: 1, times: { decided: 1, medianDays: 5, p90Days: 5 } },
    ]);
    const csv = statsCsv(s);
    expect(csv).toContain('handling,complaint,medianDays,3\r\n');
    expect(csv).toContain('handling,complaint,p90Days,7.6\r\n');
    expect(csv).toContain(`grades,A,companies,${s.grades[0]!.companies}\r\n`);
  });
});
