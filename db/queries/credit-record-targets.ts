import 'server-only';
/** The estates and companies a credit record may name: what a street office, a company or a bureau may pick. */
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, projects, regions, serviceContracts } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { likePattern } from './search';

export interface EstateRef {
  id: string;
  name: string;
  districtId: string;
  streetId: string | null;
  communityId: string | null;
  currentCompanyId: string | null;
}

export async function getEstate(db: Queryable, id: string): Promise<EstateRef | null> {
  const [row] = await db
    .select({
      id: projects.id,
      name: projects.name,
      districtId: projects.districtId,
      streetId: projects.streetId,
      communityId: projects.communityId,
      currentCompanyId: projects.currentCompanyId,
    })
    .from(projects)
    .where(eq(projects.id, id))
    .limit(1);
  return row ?? null;
}

/** The estates in a street office's or community's region that a company serves now (what it may report on). */
export async function listStreetEstates(db: Queryable, actor: Actor) {
  if (actor.role !== 'street' || !actor.regionId) return [];
  return db
    .select({ id: projects.id, name: projects.name, companyName: companies.name })
    .from(projects)
    .innerJoin(companies, eq(companies.id, projects.currentCompanyId))
    .where(or(eq(projects.streetId, actor.regionId), eq(projects.communityId, actor.regionId)))
    .orderBy(asc(projects.name))
    .limit(500);
}

/** Whether the company serves or served the estate (current company, or a contract between them). */
export async function companyServedEstate(db: Queryable, companyId: string, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(
        eq(projects.id, projectId),
        or(
          eq(projects.currentCompanyId, companyId),
          sql`exists (select 1 from ${serviceContracts} where ${serviceContracts.projectId} = ${projects.id} and ${serviceContracts.companyId} = ${companyId})`,
        ),
      ),
    )
    .limit(1);
  return !!row;
}

/** The estates a company serves or served: the choices of the optional estate of a record about it. */
export async function listCompanyEstates(db: Queryable, companyId: string) {
  return db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId, districtName: regions.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .where(
      or(
        eq(projects.currentCompanyId, companyId),
        sql`exists (select 1 from ${serviceContracts} where ${serviceContracts.projectId} = ${projects.id} and ${serviceContracts.companyId} = ${companyId})`,
      ),
    )
    .orderBy(asc(regions.sortOrder), asc(projects.name))
    .limit(500);
}

export interface CompanyRef {
  id: string;
  name: string;
  uscc: string;
  districtId: string | null;
  districtName: string | null;
}

/**
 * Companies a bureau may enter a record about: the city any; a district those registered in it or serving
 * (or having served) an estate in it.
 */
function companyEntryScope(actor: Actor): SQL {
  if (actor.role === 'city') return sql`true`;
  if (actor.role !== 'district' || !actor.districtId) return sql`false`;
  const d = actor.districtId;
  return sql`(${companies.districtId} = ${d}
    or exists (select 1 from projects ep where ep.current_company_id = ${companies.id} and ep.district_id = ${d})
    or exists (select 1 from service_contracts ec join projects ecp on ecp.id = ec.project_id where ec.company_id = ${companies.id} and ecp.district_id = ${d}))`;
}

export async function searchCompaniesForEntry(db: Queryable, actor: Actor, q: string, limit = 20): Promise<CompanyRef[]> {
  const text = q.trim();
  if (!text) return [];
  const match = /^[0-9A-Z]{4,18}$/i.test(text) ? sql`${companies.uscc} like ${`${text.toUpperCase()}%`}` : ilike(companies.name, likePattern(text));
  return db
    .select({ id: companies.id, name: companies.name, uscc: companies.uscc, districtId: companies.districtId, districtName: regions.name })
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(and(match, companyEntryScope(actor)))
    .orderBy(asc(companies.name))
    .limit(limit);
}

export async function getCompanyForEntry(db: Queryable, actor: Actor, companyId: string): Promise<CompanyRef | null> {
  const [row] = await db
    .select({ id: companies.id, name: companies.name, uscc: companies.uscc, districtId: companies.districtId, districtName: regions.name })
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(and(eq(companies.id, companyId), companyEntryScope(actor)))
    .limit(1);
  return row ?? null;
}

export async function getCompanyRef(db: Queryable, companyId: string): Promise<CompanyRef | null> {
  const [row] = await db
    .select({ id: companies.id, name: companies.name, uscc: companies.uscc, districtId: companies.districtId, districtName: regions.name })
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(eq(companies.id, companyId))
    .limit(1);
  return row ?? null;
}


/**
 * DW 8.1.4: a department names a company anywhere in the city, but only one whose filing is approved (the
 * public register). By name or by the start of its credit code.
 */
export async function searchApprovedCompanies(db: Queryable, q: string, limit = 20): Promise<CompanyRef[]> {
  const text = q.trim();
  if (!text) return [];
  const match = /^[0-9A-Z]{4,18}$/i.test(text) ? sql`${companies.uscc} like ${`${text.toUpperCase()}%`}` : ilike(companies.name, likePattern(text));
  return db
    .select({ id: companies.id, name: companies.name, uscc: companies.uscc, districtId: companies.districtId, districtName: regions.name })
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(and(match, eq(companies.filingStatus, 'approved')))
    .orderBy(asc(companies.name))
    .limit(limit);
}

export async function getApprovedCompany(db: Queryable, companyId: string): Promise<CompanyRef | null> {
  const [row] = await db
    .select({ id: companies.id, name: companies.name, uscc: companies.uscc, districtId: companies.districtId, districtName: regions.name })
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(and(eq(companies.id, companyId), eq(companies.filingStatus, 'approved')))
    .limit(1);
  return row ?? null;
}
