import 'server-only';
/**
 * The public statistics (SPEC §5 `/stats`): city-wide aggregates of public data only — grades, list entries,
 * published quarterly ratings, handling times of complaints and objections, registry coverage. No row names a
 * person; counts only. Every figure is for `today` (the injected day), so a test pins it.
 */
import { and, asc, count, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { annualEvaluations, cases, companies, employments, estateRatings, listEntries, projects, ratingPublications, regions } from '@/db/schema';
import { bucketCounts, handlingTimes, monthsEnding, percent, quarterKey, quarterLabel, type HandlingTimes } from '@/lib/domain/stats';
import { listEntryActiveOn } from './list-entries';
import { noBlackEntryOn } from './public-lists';

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const RATINGS = ['优秀', '良好', '差'] as const;
export const LISTS = ['red', 'black'] as const;
export const CASE_KINDS = ['complaint', 'objection'] as const;
/** How many months the "over time" chart shows. */
export const MONTHS_SHOWN = 12;

export interface PublicStats {
  on: string;
  /** Approved companies by the grade of their latest published evaluation; `none`: not yet evaluated. */
  grades: { grade: (typeof GRADES)[number] | 'none'; companies: number }[];
  /** Entries in force today per district of the company (the red list without companies on the black list). */
  listsByDistrict: { district: string; name: string; red: number; black: number }[];
  /** Entries opened per month, the last MONTHS_SHOWN months. */
  listsByMonth: { month: string; red: number; black: number }[];
  /** Published quarters only. */
  ratingsByQuarter: { quarter: string; label: string; 优秀: number; 良好: number; 差: number }[];
  handling: { kind: (typeof CASE_KINDS)[number]; filed: number; open: number; times: HandlingTimes }[];
  /** Estates with a company; of those, with at least one approved staff member on the register (SN 8). */
  coverage: { district: string; name: string; estates: number; withStaff: number; percent: number | null }[];
}

async function districts(db: Queryable) {
  return db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.level, 'district')).orderBy(asc(regions.sortOrder), asc(regions.id));
}

async function gradeCounts(db: Queryable, on: string): Promise<PublicStats['grades']> {
  const latest = db
    .selectDistinctOn([annualEvaluations.companyId], { companyId: annualEvaluations.companyId, grade: annualEvaluations.grade })
    .from(annualEvaluations)
    .where(and(isNotNull(annualEvaluations.publishedAt), sql`(${annualEvaluations.publishedAt} at time zone 'Asia/Shanghai')::date <= ${on}::date`))
    .orderBy(annualEvaluations.companyId, sql`${annualEvaluations.year} desc`)
    .as('latest');
  const rows = await db
    .select({ grade: latest.grade, n: count() })
    .from(companies)
    .leftJoin(latest, eq(latest.companyId, companies.id))
    .where(eq(companies.filingStatus, 'approved'))
    .groupBy(latest.grade);
  const of = (g: string | null) => Number(rows.find((r) => r.grade === g)?.n ?? 0);
  return [...GRADES.map((grade) => ({ grade, companies: of(grade) })), { grade: 'none' as const, companies: of(null) }];
}

async function listsByDistrict(db: Queryable, on: string, ds: { id: string; name: string }[]): Promise<PublicStats['listsByDistrict']> {
  const rows = await db
    .select({ district: companies.districtId, list: listEntries.list, n: count() })
    .from(listEntries)
    .innerJoin(companies, eq(companies.id, listEntries.companyId))
    .where(and(listEntryActiveOn(on), sql`(${listEntries.list} = 'black' or ${noBlackEntryOn(on)})`))
    .groupBy(companies.districtId, listEntries.list);
  const n = (d: string, l: string) => Number(rows.find((r) => r.district === d && r.list === l)?.n ?? 0);
  return ds.map((d) => ({ district: d.id, name: d.name, red: n(d.id, 'red'), black: n(d.id, 'black') }));
}

async function listsByMonth(db: Queryable, on: string): Promise<PublicStats['listsByMonth']> {
  const months = monthsEnding(on, MONTHS_SHOWN);
  const month = sql<string>`to_char(${listEntries.since}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, list: listEntries.list, n: count() })
    .from(listEntries)
    .where(and(gte(listEntries.since, `${months[0]}-01`), lte(listEntries.since, on)))
    .groupBy(month, listEntries.list);
  return bucketCounts(
    months,
    LISTS,
    rows.map((r) => ({ bucket: r.month, series: r.list, n: Number(r.n) })),
  ).map((b) => ({ month: b.bucket, ...b.counts }));
}

async function ratingsByQuarter(db: Queryable, on: string): Promise<PublicStats['ratingsByQuarter']> {
  const rows = await db
    .select({ year: estateRatings.year, quarter: estateRatings.quarter, rating: estateRatings.rating, n: count() })
    .from(estateRatings)
    .innerJoin(ratingPublications, and(eq(ratingPublications.year, estateRatings.year), eq(ratingPublications.quarter, estateRatings.quarter)))
    .where(sql`(${ratingPublications.publishedAt} at time zone 'Asia/Shanghai')::date <= ${on}::date`)
    .groupBy(estateRatings.year, estateRatings.quarter, estateRatings.rating)
    .orderBy(asc(estateRatings.year), asc(estateRatings.quarter));
  const keys = [...new Map(rows.map((r) => [quarterKey(r.year, r.quarter), r])).values()];
  return bucketCounts(
    keys.map((k) => quarterKey(k.year, k.quarter)),
    RATINGS,
    rows.map((r) => ({ bucket: quarterKey(r.year, r.quarter), series: r.rating, n: Number(r.n) })),
  ).map((b, i) => ({ quarter: b.bucket, label: quarterLabel(keys[i]!.year, keys[i]!.quarter), ...b.counts }));
}

async function handling(db: Queryable, on: string): Promise<PublicStats['handling']> {
  const rows = await db
    .select({ kind: cases.kind, createdAt: cases.createdAt, decidedAt: cases.decidedAt })
    .from(cases)
    .where(and(inArray(cases.kind, [...CASE_KINDS]), sql`(${cases.createdAt} at time zone 'Asia/Shanghai')::date <= ${on}::date`));
  return CASE_KINDS.map((kind) => {
    const own = rows
      .filter((r) => r.kind === kind)
      .map((r) => {
        // A case decided after `on` was still open that day.
        const decided = r.decidedAt && new Date(r.decidedAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) <= on;
        return { createdAt: new Date(r.createdAt), decidedAt: decided ? new Date(r.decidedAt!) : null };
      });
    return { kind, filed: own.length, open: own.filter((r) => !r.decidedAt).length, times: handlingTimes(own) };
  });
}

async function coverage(db: Queryable, ds: { id: string; name: string }[]): Promise<PublicStats['coverage']> {
  const staffed = sql`exists (select 1 from ${employments} e where e.project_id = ${projects.id} and e.status = 'current')`;
  const rows = await db
    .select({ district: projects.districtId, estates: count(), withStaff: sql<number>`count(*) filter (where ${staffed})`.mapWith(Number) })
    .from(projects)
    .where(isNotNull(projects.currentCompanyId))
    .groupBy(projects.districtId);
  return ds.map((d) => {
    const r = rows.find((x) => x.district === d.id);
    const estates = Number(r?.estates ?? 0);
    const withStaff = r?.withStaff ?? 0;
    return { district: d.id, name: d.name, estates, withStaff, percent: percent(withStaff, estates) };
  });
}

/** Every figure of `/stats`, `/api/v1/stats` and its CSV, for one day. */
export async function getPublicStats(db: Queryable, on: string): Promise<PublicStats> {
  const ds = await districts(db);
  const [grades, byDistrict, byMonth, ratings, times, cover] = await Promise.all([
    gradeCounts(db, on),
    listsByDistrict(db, on, ds),
    listsByMonth(db, on),
    ratingsByQuarter(db, on),
    handling(db, on),
    coverage(db, ds),
  ]);
  return { on, grades, listsByDistrict: byDistrict, listsByMonth: byMonth, ratingsByQuarter: ratings, handling: times, coverage: cover };
}
