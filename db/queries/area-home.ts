import 'server-only';
import { and, count, countDistinct, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import {
  companies,
  employments,
  practitionerRecords,
  projects,
  regions,
  submissions,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { companyScope, districtScope } from './scope';

export interface BureauOverview {
  estates: number;
  companies: number;
  currentStaff: number;
  pendingSubmissions: number;
  byDistrict: { districtId: string; districtName: string; estates: number; pending: number }[];
  pending: { id: string; type: string; priority: number; submittedAt: Date | null; companyName: string | null; projectName: string | null; districtName: string | null }[];
}

/** The bureau home: numbers and pending work of the actor's district (or of the whole city). */
export async function getBureauOverview(db: Queryable, actor: Actor): Promise<BureauOverview> {
  const inScopeProjects = districtScope(actor, projects.districtId);
  const inScopeSubmissions = districtScope(actor, submissions.districtId);
  const pendingStatus = eq(submissions.status, 'submitted');
  const [[p], [s], [pend], byDistrict, pending] = await Promise.all([
    db
      .select({ estates: count(), companies: countDistinct(projects.currentCompanyId) })
      .from(projects)
      .where(inScopeProjects),
    db
      .select({ n: count() })
      .from(employments)
      .innerJoin(projects, eq(projects.id, employments.projectId))
      .where(and(eq(employments.status, 'current'), inScopeProjects)),
    db.select({ n: count() }).from(submissions).where(and(pendingStatus, inScopeSubmissions)),
    db
      .select({
        districtId: regions.id,
        districtName: regions.name,
        // Correlated subqueries with explicit aliases: drizzle leaves single-table columns unqualified.
        estates: sql<number>`(select count(*)::int from projects p where p.district_id = regions.id)`,
        pending: sql<number>`(select count(*)::int from submissions s where s.district_id = regions.id and s.status = 'submitted')`,
      })
      .from(regions)
      .where(and(eq(regions.level, 'district'), districtScope(actor, regions.id)))
      .orderBy(regions.sortOrder, regions.id),
    db
      .select({
        id: submissions.id,
        type: submissions.type,
        priority: submissions.priority,
        submittedAt: submissions.submittedAt,
        companyName: companies.name,
        projectName: projects.name,
        districtName: regions.name,
      })
      .from(submissions)
      .leftJoin(companies, eq(companies.id, submissions.companyId))
      .leftJoin(projects, eq(projects.id, submissions.projectId))
      .leftJoin(regions, eq(regions.id, submissions.districtId))
      .where(and(pendingStatus, inScopeSubmissions))
      .orderBy(desc(submissions.priority), submissions.submittedAt)
      .limit(10),
  ]);
  return {
    estates: p?.estates ?? 0,
    companies: p?.companies ?? 0,
    currentStaff: s?.n ?? 0,
    pendingSubmissions: pend?.n ?? 0,
    byDistrict: byDistrict.map((d) => ({ ...d, estates: Number(d.estates), pending: Number(d.pending) })),
    pending,
  };
}

export interface CompanyOverview {
  name: string;
  uscc: string;
  filingStatus: string;
  estates: { id: string; name: string; districtName: string; staff: number }[];
}

/** The company home: its filing and the estates it serves, with current staff per estate. */
export async function getCompanyOverview(db: Queryable, actor: Actor): Promise<CompanyOverview | null> {
  const [c] = await db
    .select({ name: companies.name, uscc: companies.uscc, filingStatus: companies.filingStatus })
    .from(companies)
    .where(companyScope(actor, companies.id))
    .limit(1);
  if (!c) return null;
  const estates = await db
    .select({
      id: projects.id,
      name: projects.name,
      districtName: regions.name,
      staff: sql<number>`(select count(*)::int from employments e where e.project_id = projects.id and e.status = 'current')`,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .where(companyScope(actor, projects.currentCompanyId))
    .orderBy(regions.sortOrder, projects.name);
  return { ...c, estates: estates.map((e) => ({ ...e, staff: Number(e.staff) })) };
}

/** The committee's estate: name, district and serving company. */
export async function getCommitteeEstate(db: Queryable, actor: Actor) {
  if (actor.role !== 'committee' || !actor.projectId) return null;
  const [row] = await db
    .select({ name: projects.name, address: projects.address, districtName: regions.name, companyName: companies.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .leftJoin(companies, eq(companies.id, projects.currentCompanyId))
    .where(eq(projects.id, actor.projectId))
    .limit(1);
  return row ?? null;
}

/** Association commendations (SN 10) counted this calendar year. */
export async function countAssociationCommendations(db: Queryable, year: number) {
  const [row] = await db
    .select({ n: count() })
    .from(practitionerRecords)
    .where(
      and(
        eq(practitionerRecords.type, '行业协会表彰'),
        sql`${practitionerRecords.status} <> 'rejected' and ${practitionerRecords.status} <> 'withdrawn'`,
        sql`extract(year from ${practitionerRecords.occurredOn}) = ${year}`,
      ),
    );
  return row?.n ?? 0;
}
