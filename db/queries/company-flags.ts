import 'server-only';
/**
 * Company flags (DW 14; CQ 三.(五)) as the pages and the supervision draw read them (issue 17 item 8): a
 * company's flags in force, the flags of many companies at once, and the bureau's list of flagged companies.
 * A flag is in force from `since` to `until` (exclusive); nothing ends it but a date or a decision.
 */
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, companyFlags, projects, regions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { likePattern } from './search';
import { COMPANY_FLAG_KINDS, riskFlagsOf, UPGRADE_FLAGS, type CompanyFlagKind, type CompanyRiskFlags, type FlagFacts } from '@/lib/domain/company-flags';

const activeOn = (on: string): SQL =>
  and(sql`${companyFlags.since} <= ${on}`, or(isNull(companyFlags.until), sql`${companyFlags.until} > ${on}`))!;

export interface CompanyFlagRow {
  id: string;
  companyId: string;
  flag: string;
  reason: string;
  since: string;
  until: string | null;
  projectId: string | null;
  projectName: string | null;
}

/** One company's flags in force on `on` (every kind; the caller groups and words them). */
export async function listCompanyFlags(db: Queryable, companyId: string, on: string): Promise<CompanyFlagRow[]> {
  return db
    .select({
      id: companyFlags.id,
      companyId: companyFlags.companyId,
      flag: companyFlags.flag,
      reason: companyFlags.reason,
      since: companyFlags.since,
      until: companyFlags.until,
      projectId: companyFlags.projectId,
      projectName: projects.name,
    })
    .from(companyFlags)
    .leftJoin(projects, eq(projects.id, companyFlags.projectId))
    .where(and(eq(companyFlags.companyId, companyId), activeOn(on)))
    .orderBy(desc(companyFlags.since), asc(companyFlags.id))
    .limit(100);
}

/** The kinds of flag in force for each of many companies (badges in lists). Companies without any are absent. */
export async function flagKindsOf(db: Queryable, companyIds: readonly string[], on: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (companyIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ companyId: companyFlags.companyId, flag: companyFlags.flag })
    .from(companyFlags)
    .where(and(inArray(companyFlags.companyId, [...new Set(companyIds)]), activeOn(on)));
  for (const r of rows) {
    const set = out.get(r.companyId) ?? new Set<string>();
    set.add(r.flag);
    out.set(r.companyId, set);
  }
  return out;
}

/**
 * For the supervision draw (双随机) and anything else that weighs risk: each company's DW 14 risk flags in force
 * on `on`. Every id asked for is in the map (all false when it has none). One query.
 */
export async function companyRiskFlags(db: Queryable, companyIds: readonly string[], on: string): Promise<Map<string, CompanyRiskFlags>> {
  const ids = [...new Set(companyIds)];
  const out = new Map<string, CompanyRiskFlags>();
  for (const id of ids) out.set(id, { keySupervision: false, marketExit: false, notKeyTarget: false });
  if (ids.length === 0) return out;
  const rows = await db
    .select({ companyId: companyFlags.companyId, flag: companyFlags.flag, since: companyFlags.since, until: companyFlags.until })
    .from(companyFlags)
    .where(and(inArray(companyFlags.companyId, ids), inArray(companyFlags.flag, ['key_supervision', 'market_exit', 'incentive']), activeOn(on)));
  const byCompany = new Map<string, typeof rows>();
  for (const r of rows) byCompany.set(r.companyId, [...(byCompany.get(r.companyId) ?? []), r]);
  for (const [id, list] of byCompany) out.set(id, riskFlagsOf(list, on));
  return out;
}

/**
 * The upgrade flags (DW 14 (一)1, (二)1, (三)2) of many companies in force at some time in `year`, by company: what
 * the annual evaluation notes beside the grade (upgradeNote in lib/domain/company-flags.ts).
 */
export async function upgradeFlagsOfYear(db: Queryable, companyIds: readonly string[], year: number): Promise<Map<string, FlagFacts[]>> {
  const out = new Map<string, FlagFacts[]>();
  const ids = [...new Set(companyIds)];
  if (ids.length === 0) return out;
  const rows = await db
    .select({ companyId: companyFlags.companyId, flag: companyFlags.flag, since: companyFlags.since, until: companyFlags.until })
    .from(companyFlags)
    .where(
      and(
        inArray(companyFlags.companyId, ids),
        inArray(companyFlags.flag, [...UPGRADE_FLAGS]),
        sql`${companyFlags.since} < ${`${year + 1}-01-01`}`,
        or(isNull(companyFlags.until), sql`${companyFlags.until} > ${`${year}-01-01`}`),
      ),
    );
  for (const { companyId, ...f } of rows) out.set(companyId, [...(out.get(companyId) ?? []), f]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The bureau's list of flagged companies

export const FLAGGED_PAGE_SIZE = 50;

/** A district sees the flags of companies registered in it and of estates in it; the city all. */
function flagScope(actor: Actor): SQL {
  if (actor.role === 'city') return sql`true`;
  if (actor.role !== 'district' || !actor.districtId) return sql`false`;
  return sql`(${companies.districtId} = ${actor.districtId} or ${projects.districtId} = ${actor.districtId})`;
}

export interface FlaggedFilter {
  flag: CompanyFlagKind | 'all';
  q: string;
  page: number;
}

export async function listFlaggedCompanies(db: Queryable, actor: Actor, f: FlaggedFilter, on: string) {
  const where = and(
    flagScope(actor),
    activeOn(on),
    f.flag === 'all' ? inArray(companyFlags.flag, [...COMPANY_FLAG_KINDS]) : eq(companyFlags.flag, f.flag),
    f.q ? or(ilike(companies.name, likePattern(f.q)), sql`${companies.uscc} like ${`${f.q.toUpperCase()}%`}`) : undefined,
  );
  const base = (q: Queryable) =>
    q
      .select({
        id: companyFlags.id,
        companyId: companies.id,
        companyName: companies.name,
        uscc: companies.uscc,
        districtName: regions.name,
        flag: companyFlags.flag,
        reason: companyFlags.reason,
        since: companyFlags.since,
        until: companyFlags.until,
        projectName: projects.name,
      })
      .from(companyFlags)
      .innerJoin(companies, eq(companies.id, companyFlags.companyId))
      .leftJoin(projects, eq(projects.id, companyFlags.projectId))
      .leftJoin(regions, eq(regions.id, companies.districtId));
  const [rows, [total]] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(desc(companyFlags.since), asc(companies.name), asc(companyFlags.id))
      .limit(FLAGGED_PAGE_SIZE)
      .offset((f.page - 1) * FLAGGED_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(companyFlags)
      .innerJoin(companies, eq(companies.id, companyFlags.companyId))
      .leftJoin(projects, eq(projects.id, companyFlags.projectId))
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
