import 'server-only';
/**
 * The open data beyond the lists (issue 16 item 7; SPEC §5): approved companies with their published grade and
 * list status, estates with their company and latest published rating, and the published quarterly ratings. Each
 * row has a stable id (credit code, estate id, rating id) and the pages are in that id's order, so paging through
 * a table while it changes neither skips nor repeats a row that stayed. Public fields only: no contact phone, no
 * inspection score, nothing about people.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';
import { annualEvaluations, companies, estateRatings, listEntries, projects, ratingPublications, regions } from '@/db/schema';
import { listStatusOn, type Grade, type ListStatus } from '@/lib/domain/credit-rating';
import { parsePeriod } from '@/lib/public-lists/params';
import { entryFacts } from './list-entries';
import type { Paged } from './public-companies';

/** Rows per page of the open-data tables (bulk readers: more than the pages' 20). */
export const OPEN_DATA_PAGE_SIZE = 100;

export interface OpenDataQuery {
  district?: string;
  period?: string;
  page: number;
}

type Region = { code: string; name: string } | null;
const region = (code: string | null, name: string | null): Region => (code && name ? { code, name } : null);

const district = alias(regions, 'district');
const street = alias(regions, 'street');

async function pageOf<R>(query: OpenDataQuery, total: Promise<{ n: number }[]>, rows: (limit: number, offset: number) => Promise<R[]>): Promise<Paged<R>> {
  const pageSize = OPEN_DATA_PAGE_SIZE;
  const [[{ n } = { n: 0 }], items] = await Promise.all([total, rows(pageSize, (query.page - 1) * pageSize)]);
  return { items, total: Number(n), page: query.page, pageSize, pageCount: Math.max(1, Math.ceil(Number(n) / pageSize)) };
}

export interface OpenCompany {
  uscc: string;
  name: string;
  address: string;
  district: Region;
  legalRepresentative: string;
  /** 万元, decimal string. */
  registeredCapital: string;
  approvedAt: string | null;
  /** Estates it serves now. */
  estates: number;
  /** The latest annual evaluation published on or before the day. */
  grade: { year: number; grade: Grade; score: number | null; vetoed: boolean } | null;
  listStatus: ListStatus;
}

/** One page of approved companies in credit-code order, with grade and list status on `on`. */
export async function listOpenCompanies(db: Queryable, query: OpenDataQuery, on: string): Promise<Paged<OpenCompany>> {
  const where = and(eq(companies.filingStatus, 'approved'), query.district ? eq(companies.districtId, query.district) : undefined);
  const page = await pageOf(query, db.select({ n: count() }).from(companies).where(where), (limit, offset) =>
    db
      .select({
        id: companies.id,
        uscc: companies.uscc,
        name: companies.name,
        address: companies.address,
        districtCode: companies.districtId,
        districtName: regions.name,
        legalRepresentative: companies.legalRepresentative,
        registeredCapital: companies.registeredCapital,
        approvedAt: companies.approvedAt,
        estates: sql<number>`(select count(*) from ${projects} where ${projects.currentCompanyId} = ${companies.id})::int`,
      })
      .from(companies)
      .leftJoin(regions, eq(regions.id, companies.districtId))
      .where(where)
      .orderBy(asc(companies.uscc))
      .limit(limit)
      .offset(offset),
  );
  const ids = page.items.map((c) => c.id);
  const [evaluations, entries] = ids.length
    ? await Promise.all([
        db
          .selectDistinctOn([annualEvaluations.companyId], {
            companyId: annualEvaluations.companyId,
            year: annualEvaluations.year,
            grade: annualEvaluations.grade,
            score: annualEvaluations.score,
            vetoed: annualEvaluations.vetoed,
          })
          .from(annualEvaluations)
          .where(
            and(
              inArray(annualEvaluations.companyId, ids),
              isNotNull(annualEvaluations.publishedAt),
              sql`(${annualEvaluations.publishedAt} at time zone 'Asia/Shanghai')::date <= ${on}::date`,
            ),
          )
          .orderBy(annualEvaluations.companyId, desc(annualEvaluations.year)),
        db.select().from(listEntries).where(inArray(listEntries.companyId, ids)),
      ])
    : [[], []];
  return {
    ...page,
    items: page.items.map(({ id, districtCode, districtName, approvedAt, ...c }) => {
      const e = evaluations.find((x) => x.companyId === id);
      return {
        ...c,
        district: region(districtCode, districtName),
        approvedAt: approvedAt ? new Date(approvedAt).toISOString() : null,
        estates: Number(c.estates),
        grade: e ? { year: Number(e.year), grade: e.grade, score: e.score == null ? null : Number(e.score), vetoed: e.vetoed } : null,
        listStatus: listStatusOn(
          entries.filter((x) => x.companyId === id).map(entryFacts),
          on,
        ),
      };
    }),
  };
}

export interface OpenEstate {
  id: string;
  name: string;
  address: string;
  district: Region;
  street: Region;
  type: string;
  households: number;
  /** The serving company, when it is approved (public). */
  company: { uscc: string; name: string } | null;
  /** The latest published quarterly rating. */
  latestRating: { year: number; quarter: number; rating: string } | null;
}

/** One page of estates in id order, with their company and latest published rating. */
export async function listOpenEstates(db: Queryable, query: OpenDataQuery): Promise<Paged<OpenEstate>> {
  const where = query.district ? eq(projects.districtId, query.district) : undefined;
  const page = await pageOf(query, db.select({ n: count() }).from(projects).where(where), (limit, offset) =>
    db
      .select({
        id: projects.id,
        name: projects.name,
        address: projects.address,
        districtCode: projects.districtId,
        districtName: district.name,
        streetCode: projects.streetId,
        streetName: street.name,
        type: projects.type,
        households: projects.households,
        uscc: companies.uscc,
        companyName: companies.name,
      })
      .from(projects)
      .innerJoin(district, eq(district.id, projects.districtId))
      .leftJoin(street, eq(street.id, projects.streetId))
      .leftJoin(companies, and(eq(companies.id, projects.currentCompanyId), eq(companies.filingStatus, 'approved')))
      .where(where)
      .orderBy(asc(projects.id))
      .limit(limit)
      .offset(offset),
  );
  const ids = page.items.map((p) => p.id);
  const ratings = ids.length
    ? await db
        .selectDistinctOn([estateRatings.projectId], { projectId: estateRatings.projectId, year: estateRatings.year, quarter: estateRatings.quarter, rating: estateRatings.rating })
        .from(estateRatings)
        .innerJoin(ratingPublications, and(eq(ratingPublications.year, estateRatings.year), eq(ratingPublications.quarter, estateRatings.quarter)))
        .where(inArray(estateRatings.projectId, ids))
        .orderBy(estateRatings.projectId, desc(estateRatings.year), desc(estateRatings.quarter))
    : [];
  return {
    ...page,
    items: page.items.map(({ districtCode, districtName, streetCode, streetName, uscc, companyName, ...p }) => {
      const r = ratings.find((x) => x.projectId === p.id);
      return {
        ...p,
        district: region(districtCode, districtName),
        street: region(streetCode, streetName),
        company: uscc && companyName ? { uscc, name: companyName } : null,
        latestRating: r ? { year: Number(r.year), quarter: Number(r.quarter), rating: r.rating } : null,
      };
    }),
  };
}

export interface OpenRating {
  id: string;
  /** `2026Q3`. */
  period: string;
  year: number;
  quarter: number;
  estate: { id: string; name: string };
  district: Region;
  /** The company rated, when it is approved (public). */
  company: { uscc: string; name: string } | null;
  rating: string;
  publishedAt: string;
}

/** One page of published quarterly ratings, newest quarter first, then by id; `period` a quarter or a year. */
export async function listOpenRatings(db: Queryable, query: OpenDataQuery): Promise<Paged<OpenRating>> {
  const conds: SQL[] = [];
  const period = parsePeriod(query.period);
  if (period) {
    conds.push(eq(estateRatings.year, Number(period.key.slice(0, 4))));
    if (period.key.length > 4) conds.push(eq(estateRatings.quarter, Number(period.key.slice(5))));
  }
  if (query.district) conds.push(eq(projects.districtId, query.district));
  const where = and(...conds);
  const published = and(eq(ratingPublications.year, estateRatings.year), eq(ratingPublications.quarter, estateRatings.quarter));
  const page = await pageOf(
    query,
    db.select({ n: count() }).from(estateRatings).innerJoin(ratingPublications, published).innerJoin(projects, eq(projects.id, estateRatings.projectId)).where(where),
    (limit, offset) =>
      db
        .select({
          id: estateRatings.id,
          year: estateRatings.year,
          quarter: estateRatings.quarter,
          rating: estateRatings.rating,
          publishedAt: ratingPublications.publishedAt,
          projectId: projects.id,
          projectName: projects.name,
          districtCode: projects.districtId,
          districtName: district.name,
          uscc: companies.uscc,
          companyName: companies.name,
        })
        .from(estateRatings)
        .innerJoin(ratingPublications, published)
        .innerJoin(projects, eq(projects.id, estateRatings.projectId))
        .innerJoin(district, eq(district.id, projects.districtId))
        .leftJoin(companies, and(eq(companies.id, estateRatings.companyId), eq(companies.filingStatus, 'approved')))
        .where(where)
        .orderBy(desc(estateRatings.year), desc(estateRatings.quarter), asc(estateRatings.id))
        .limit(limit)
        .offset(offset),
  );
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      period: `${r.year}Q${r.quarter}`,
      year: Number(r.year),
      quarter: Number(r.quarter),
      estate: { id: r.projectId, name: r.projectName },
      district: region(r.districtCode, r.districtName),
      company: r.uscc && r.companyName ? { uscc: r.uscc, name: r.companyName } : null,
      rating: r.rating,
      publishedAt: new Date(r.publishedAt).toISOString(),
    })),
  };
}
