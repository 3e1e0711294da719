import 'server-only';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, projects, regions, serviceContracts } from '@/db/schema';
import { today as clockToday } from '@/lib/clock';
import { companyIdentityColumns, hasGreenChannel } from './company-filing';
import { listPublicCreditRecords, type PublicCreditRecord } from './credit-records';
import { getCurrentPolicy } from './policy';
import { companySearchCounts, companySearchPostings, likePattern, postingKey, SEARCH_BIGRAMS, textMatch, twoCharQuery } from './search';

/** Public lists are paged; no caller gets more than this per page. */
export const PUBLIC_PAGE_SIZE_MAX = 20;

export interface RegionOption {
  id: string;
  name: string;
}

export interface StreetOption extends RegionOption {
  districtId: string;
}

/** The city's districts, in their official order (the `district` filter of every public list). */
export async function listDistricts(db: Queryable): Promise<RegionOption[]> {
  return db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(eq(regions.level, 'district'))
    .orderBy(asc(regions.sortOrder), asc(regions.id));
}

export interface PublicCompanyListItem {
  uscc: string;
  name: string;
  address: string;
  districtName: string | null;
  approvedAt: Date | null;
  /** Estates the company serves now (projects.current_company_id). */
  estates: number;
}

export interface PublicCompanyQuery {
  q?: string;
  district?: string;
  page?: number;
  pageSize?: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** A full 18-character unified social credit code: the search is then an exact look-up. */
export function isFullUscc(q: string): boolean {
  return /^[0-9A-Z]{18}$/i.test(q);
}

function companyFilter({ q, district }: PublicCompanyQuery): SQL {
  const conds: SQL[] = [eq(companies.filingStatus, 'approved')];
  const text = q?.trim();
  if (text) {
    if (isFullUscc(text)) {
      conds.push(eq(companies.uscc, text.toUpperCase()));
    } else if (/^[0-9A-Z]{4,17}$/i.test(text)) {
      // Part of a credit code (or a Latin name fragment): prefix of the code, or anywhere in the name.
      conds.push(sql`(${companies.uscc} LIKE ${`${text.toUpperCase()}%`} OR ${companies.name} ILIKE ${likePattern(text)})`);
    } else {
      conds.push(textMatch(sql`${companies.name}`, text, SEARCH_BIGRAMS.companies));
    }
  }
  if (district) conds.push(eq(companies.districtId, district));
  return and(...conds)!;
}

/**
 * A two-character name query (not a credit code: those take 4 or more characters) answered from the posting table
 * of approved companies (migration 0009): the bigram and the district filter, or null for any other query.
 */
function companyPostingFilter({ q, district }: PublicCompanyQuery): SQL | null {
  const text = twoCharQuery(q?.trim());
  if (!text) return null;
  const p = companySearchPostings;
  return and(sql`${p.bigram} = ${postingKey(text)}`, district ? eq(p.districtId, district) : undefined)!;
}

/** The ids of one page of approved companies in (name, uscc) order: a posting range, or the name index (0006). */
export function companyPageIds(db: Queryable, query: PublicCompanyQuery, limit: number, offset: number) {
  const posting = companyPostingFilter(query);
  if (posting) {
    const p = companySearchPostings;
    return db.select({ id: p.id }).from(p).where(posting).orderBy(asc(p.name), asc(p.uscc)).limit(limit).offset(offset);
  }
  return db.select({ id: companies.id }).from(companies).where(companyFilter(query)).orderBy(asc(companies.name), asc(companies.uscc)).limit(limit).offset(offset);
}

/** The number of approved companies matching: the count table's row for a two-character query, else counted. */
export function companyCount(db: Queryable, query: PublicCompanyQuery): Promise<{ n: number }[]> {
  const text = twoCharQuery(query.q?.trim());
  if (!text) return db.select({ n: count() }).from(companies).where(companyFilter(query));
  const c = companySearchCounts;
  return db
    .select({ n: c.n })
    .from(c)
    .where(and(sql`${c.bigram} = ${postingKey(text)}`, eq(c.districtId, query.district || '')));
}

export function clampPage(page: number | undefined, pageSize: number | undefined) {
  const size = Math.min(Math.max(1, Math.trunc(pageSize ?? PUBLIC_PAGE_SIZE_MAX)), PUBLIC_PAGE_SIZE_MAX);
  const p = Math.max(1, Math.trunc(page ?? 1));
  return { page: p, pageSize: size };
}

/** Approved companies matching a name, a credit code and/or a district; never any other filing status. */
export async function searchPublicCompanies(db: Queryable, query: PublicCompanyQuery): Promise<Paged<PublicCompanyListItem>> {
  const { page, pageSize } = clampPage(query.page, query.pageSize);
  const [[{ n: total } = { n: 0 }], rows] = await Promise.all([
    companyCount(db, query),
    db
      .select({
        uscc: companies.uscc,
        name: companies.name,
        address: companies.address,
        districtName: regions.name,
        approvedAt: companies.approvedAt,
        estates: sql<number>`(select count(*) from ${projects} where ${projects.currentCompanyId} = ${companies.id})::int`,
      })
      .from(companies)
      .leftJoin(regions, eq(regions.id, companies.districtId))
      // The page's ids first, from a posting range (0009) or the name-ordered index alone (0006), then their rows.
      .where(inArray(companies.id, companyPageIds(db, query, pageSize, (page - 1) * pageSize)))
      .orderBy(asc(companies.name), asc(companies.uscc)),
  ]);
  return {
    items: rows.map((r) => ({ ...r, estates: Number(r.estates) })),
    total: Number(total),
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)),
  };
}

export interface PublicEstateOfCompany {
  id: string;
  name: string;
  address: string;
  districtName: string;
  households: number;
  contractStart: string | null;
  contractEnd: string | null;
}

export interface PublicCompanyProfile {
  uscc: string;
  name: string;
  address: string;
  /** 注册资本, 万元 (decimal string). */
  registeredCapital: string;
  legalRepresentative: string;
  districtName: string | null;
  filingStatus: 'approved';
  approvedAt: Date | null;
  estates: PublicEstateOfCompany[];
  /** Credit records in public view on the day asked (SPEC §3.7): windows are compared with that date. */
  creditRecords: PublicCreditRecord[];
  /** The date the records were read for. */
  asOf: string;
  /** CQ 三.(五): flagged after the policy's clean years (named here); its submissions come first in every review queue. Null when not flagged. */
  greenChannel: { cleanYears: number } | null;
}

/** The estates a company serves now, by district then name. */
async function estatesServedBy(db: Queryable, companyId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      address: projects.address,
      districtName: regions.name,
      households: projects.households,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .where(eq(projects.currentCompanyId, companyId))
    .orderBy(asc(regions.sortOrder), asc(projects.name));
}

/**
 * A company's public profile, or null when the code is unknown or the company is not (or no longer) approved.
 * `opts.today` moves the clock (tests): a record's window is compared with it, nothing is switched off by a job.
 */
export async function getPublicCompany(db: Queryable, uscc: string, opts: { today?: string } = {}): Promise<PublicCompanyProfile | null> {
  const code = uscc.trim().toUpperCase();
  if (!isFullUscc(code)) return null;
  const [c] = await db
    .select({
      ...companyIdentityColumns,
      districtName: regions.name,
      approvedAt: companies.approvedAt,
    })
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(and(eq(companies.uscc, code), eq(companies.filingStatus, 'approved')))
    .limit(1);
  if (!c) return null;
  const estates = await estatesServedBy(db, c.id);
  const periods = new Map<string, { start: string; end: string }>();
  if (estates.length > 0) {
    const contracts = await db
      .select({ projectId: serviceContracts.projectId, start: serviceContracts.startDate, end: serviceContracts.endDate })
      .from(serviceContracts)
      .where(
        and(
          eq(serviceContracts.companyId, c.id),
          eq(serviceContracts.status, 'confirmed'),
          inArray(
            serviceContracts.projectId,
            estates.map((e) => e.id),
          ),
        ),
      )
      .orderBy(desc(serviceContracts.startDate));
    for (const k of contracts) if (!periods.has(k.projectId)) periods.set(k.projectId, { start: k.start, end: k.end });
  }
  const on = opts.today ?? clockToday();
  const policy = await getCurrentPolicy(db);
  const [creditRecords, greenChannel] = await Promise.all([
    listPublicCreditRecords(db, c.id, on, policy.settings.publishMinorWarnings),
    hasGreenChannel(db, c.id, on),
  ]);
  const { id: _id, ...pub } = c;
  return {
    ...pub,
    filingStatus: 'approved',
    creditRecords,
    asOf: on,
    greenChannel: greenChannel ? { cleanYears: policy.settings.greenChannelCleanYears } : null,
    estates: estates.map((e) => ({
      ...e,
      contractStart: periods.get(e.id)?.start ?? null,
      contractEnd: periods.get(e.id)?.end ?? null,
    })),
  };
}

/** Every approved company's code and last change, for sitemap.xml. */
export async function listPublicCompanyCodes(db: Queryable): Promise<{ uscc: string; updatedAt: Date }[]> {
  return db
    .select({ uscc: companies.uscc, updatedAt: companies.updatedAt })
    .from(companies)
    .where(eq(companies.filingStatus, 'approved'))
    .orderBy(asc(companies.uscc));
}
