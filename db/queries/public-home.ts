import 'server-only';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { companyPageIds } from './public-companies';
import { projectPageIds } from './public-projects';
import type { Queryable } from '@/db';
import { companies, employments, practitioners, projects, regions } from '@/db/schema';
import { listLatestChanges, listPublicEntries, type PublicListChange } from './public-lists';
import { SEARCH_BIGRAMS, textMatch, twoCharQuery } from './search';

export interface HeadlineNumbers {
  companies: number;
  estates: number;
  staff: number;
  redEntries: number;
  blackEntries: number;
}

/** The home page's headline numbers: public facts only (approved companies, approved current staff). */
export async function getHeadlineNumbers(db: Queryable, on: string): Promise<HeadlineNumbers> {
  const [[c], [p], [s], lists] = await Promise.all([
    db.select({ n: count() }).from(companies).where(eq(companies.filingStatus, 'approved')),
    db.select({ n: count() }).from(projects),
    db
      .select({ n: count() })
      .from(employments)
      .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
      .where(and(eq(employments.status, 'current'), eq(practitioners.status, 'active'))),
    Promise.all([listPublicEntries(db, 'red', { on, pageSize: 1 }), listPublicEntries(db, 'black', { on, pageSize: 1 })]),
  ]);
  return {
    companies: c?.n ?? 0,
    estates: p?.n ?? 0,
    staff: s?.n ?? 0,
    // The entries in force today as /lists/* shows them (past their date out: gone; red without black companies).
    redEntries: lists[0].total,
    blackEntries: lists[1].total,
  };
}

/** The latest list changes up to `on` (list events, and 期满移出 on an entry's date out): see public-lists.ts. */
export async function getLatestListChanges(db: Queryable, on: string, limit = 8): Promise<PublicListChange[]> {
  return listLatestChanges(db, on, limit);
}

export interface SearchHit {
  kind: 'company' | 'estate';
  id: string;
  title: string;
  subtitle: string;
}

/** One search over approved companies and estates (public fields only). */
export async function searchPublic(db: Queryable, q: string, limit = 20): Promise<{ companies: SearchHit[]; estates: SearchHit[] }> {
  const [cs, ps] = await Promise.all([
    db
      .select({ id: companies.uscc, name: companies.name, address: companies.address })
      .from(companies)
      .where(
        twoCharQuery(q)
          ? // The ids first, from the posting range of approved companies (migration 0009), then their rows.
            inArray(companies.id, companyPageIds(db, { q }, limit, 0))
          : and(eq(companies.filingStatus, 'approved'), textMatch(sql`${companies.name}`, q, SEARCH_BIGRAMS.companies)),
      )
      .orderBy(companies.name, companies.uscc)
      .limit(limit),
    db
      .select({ id: projects.id, name: projects.name, address: projects.address, district: regions.name })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.districtId))
      // The ids first, from a posting range (0009) or the name-ordered index alone (0006), then their rows.
      .where(inArray(projects.id, projectPageIds(db, { q }, limit, 0)))
      .orderBy(projects.name, projects.id),
  ]);
  return {
    companies: cs.map((c) => ({ kind: 'company', id: c.id, title: c.name, subtitle: c.address })),
    estates: ps.map((p) => ({ kind: 'estate', id: p.id, title: p.name, subtitle: `${p.district} · ${p.address}` })),
  };
}
