import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, employments, listEntries, listEvents, practitioners, projects, regions } from '@/db/schema';
import { textMatch } from './search';

export interface HeadlineNumbers {
  companies: number;
  estates: number;
  staff: number;
  redEntries: number;
  blackEntries: number;
}

/** The home page's headline numbers: public facts only (approved companies, approved current staff). */
export async function getHeadlineNumbers(db: Queryable): Promise<HeadlineNumbers> {
  const [[c], [p], [s], lists] = await Promise.all([
    db.select({ n: count() }).from(companies).where(eq(companies.filingStatus, 'approved')),
    db.select({ n: count() }).from(projects),
    db
      .select({ n: count() })
      .from(employments)
      .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
      .where(and(eq(employments.status, 'current'), eq(practitioners.status, 'active'))),
    db
      .select({ list: listEntries.list, n: count() })
      .from(listEntries)
      .where(sql`${listEntries.status} in ('active', 'rectifying')`)
      .groupBy(listEntries.list),
  ]);
  return {
    companies: c?.n ?? 0,
    estates: p?.n ?? 0,
    staff: s?.n ?? 0,
    redEntries: lists.find((l) => l.list === 'red')?.n ?? 0,
    blackEntries: lists.find((l) => l.list === 'black')?.n ?? 0,
  };
}

export interface ListChange {
  id: string;
  at: Date;
  list: 'red' | 'black';
  event: string;
  detail: string;
  companyName: string;
  companyUscc: string;
}

export async function getLatestListChanges(db: Queryable, limit = 8): Promise<ListChange[]> {
  return db
    .select({
      id: listEvents.id,
      at: listEvents.at,
      list: listEntries.list,
      event: listEvents.event,
      detail: listEvents.detail,
      companyName: companies.name,
      companyUscc: companies.uscc,
    })
    .from(listEvents)
    .innerJoin(listEntries, eq(listEntries.id, listEvents.entryId))
    .innerJoin(companies, eq(companies.id, listEvents.companyId))
    .orderBy(desc(listEvents.at), desc(listEvents.id))
    .limit(limit);
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
      .where(and(eq(companies.filingStatus, 'approved'), textMatch(sql`${companies.name}`, q)))
      .orderBy(companies.name)
      .limit(limit),
    db
      .select({ id: projects.id, name: projects.name, address: projects.address, district: regions.name })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.districtId))
      .where(textMatch(sql`(${projects.name} || ' ' || ${projects.address})`, q))
      .orderBy(projects.name)
      .limit(limit),
  ]);
  return {
    companies: cs.map((c) => ({ kind: 'company', id: c.id, title: c.name, subtitle: c.address })),
    estates: ps.map((p) => ({ kind: 'estate', id: p.id, title: p.name, subtitle: `${p.district} · ${p.address}` })),
  };
}
