import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, employments, practitioners, projects } from '@/db/schema';
import { listLatestChanges, listPublicEntries, type PublicListChange } from './public-lists';

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
