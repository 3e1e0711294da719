import 'server-only';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';
import { companies, disclosureBoards, estateRatings, projects, ratingPublications, regions, serviceContracts } from '@/db/schema';
import { clampPage, type Paged, type StreetOption } from './public-companies';
import { postingKey, projectSearchCounts, projectSearchPostings, SEARCH_BIGRAMS, textMatch, twoCharQuery } from './search';
import { isUuid } from '@/lib/validation/ids';

const district = alias(regions, 'district');
const street = alias(regions, 'street');
const community = alias(regions, 'community');

/** Streets of the city with their district (the `street` filter; grouped by district in the form). */
export async function listStreets(db: Queryable): Promise<StreetOption[]> {
  const rows = await db
    .select({ id: street.id, name: street.name, districtId: district.id })
    .from(street)
    .innerJoin(district, eq(district.id, street.parentId))
    .where(and(eq(street.level, 'street'), eq(district.level, 'district')))
    .orderBy(asc(district.sortOrder), asc(district.id), asc(street.sortOrder), asc(street.id));
  return rows.map((r) => ({ id: r.id, name: r.name, districtId: r.districtId }));
}

/** The estate search text: name and address, indexed by its stored bigrams (migration 0006) and trigrams (0001). */
const projectText = sql`(${projects.name} || ' ' || ${projects.address})`;

export interface PublicProjectQuery {
  q?: string;
  district?: string;
  street?: string;
  page?: number;
  pageSize?: number;
}

export interface PublicProjectListItem {
  id: string;
  name: string;
  address: string;
  districtName: string;
  streetName: string | null;
  type: string;
  households: number;
  /** Only an approved company is named in public. */
  company: { uscc: string; name: string } | null;
}

/** The WHERE of the estate search (exported so a test can EXPLAIN exactly what the page runs). */
export function projectFilter({ q, district: d, street: s }: PublicProjectQuery): SQL | undefined {
  const conds: SQL[] = [];
  const text = q?.trim();
  if (text) conds.push(textMatch(projectText, text, SEARCH_BIGRAMS.projects));
  if (d) conds.push(eq(projects.districtId, d));
  if (s) conds.push(eq(projects.streetId, s));
  return conds.length ? and(...conds) : undefined;
}

/** The ids of one page of matching estates in name order: a sub-select the name index can answer by itself. */
export function pageIds(db: Queryable, where: SQL | undefined, limit: number, offset: number) {
  return db.select({ id: projects.id }).from(projects).where(where).orderBy(asc(projects.name), asc(projects.id)).limit(limit).offset(offset);
}

/** The posting-table conditions of a two-character query (migration 0009) with the district and street filters. */
function postingFilter(q: string, { district: d, street: s }: PublicProjectQuery): SQL {
  const p = projectSearchPostings;
  return and(sql`${p.bigram} = ${postingKey(q)}`, d ? eq(p.districtId, d) : undefined, s ? eq(p.streetId, s) : undefined)!;
}

/**
 * The ids of one page of the estate search, in name order: for a two-character query a range of the posting
 * table's (bigram[, district], name, id) index, read from its start; otherwise from the name index (pageIds).
 */
export function projectPageIds(db: Queryable, query: PublicProjectQuery, limit: number, offset: number) {
  const q = twoCharQuery(query.q?.trim());
  if (!q) return pageIds(db, projectFilter(query), limit, offset);
  const p = projectSearchPostings;
  return db.select({ id: p.id }).from(p).where(postingFilter(q, query)).orderBy(asc(p.name), asc(p.id)).limit(limit).offset(offset);
}

/**
 * The number of matching estates: for a two-character query the count table's row (city or district), or with a
 * street the posting range; otherwise counted over projects.
 */
export function projectCount(db: Queryable, query: PublicProjectQuery): Promise<{ n: number }[]> {
  const q = twoCharQuery(query.q?.trim());
  if (!q) return db.select({ n: count() }).from(projects).where(projectFilter(query));
  if (query.street) return db.select({ n: count() }).from(projectSearchPostings).where(postingFilter(q, query));
  const c = projectSearchCounts;
  return db
    .select({ n: c.n })
    .from(c)
    .where(and(sql`${c.bigram} = ${postingKey(q)}`, eq(c.districtId, query.district || '')));
}

/** Estates by name or address, district and street. */
export async function searchPublicProjects(db: Queryable, query: PublicProjectQuery): Promise<Paged<PublicProjectListItem>> {
  const { page, pageSize } = clampPage(query.page, query.pageSize);
  const [[{ n: total } = { n: 0 }], rows] = await Promise.all([
    projectCount(db, query),
    db
      .select({
        id: projects.id,
        name: projects.name,
        address: projects.address,
        districtName: district.name,
        streetName: street.name,
        type: projects.type,
        households: projects.households,
        companyUscc: companies.uscc,
        companyName: companies.name,
      })
      .from(projects)
      .innerJoin(district, eq(district.id, projects.districtId))
      .leftJoin(street, eq(street.id, projects.streetId))
      .leftJoin(companies, and(eq(companies.id, projects.currentCompanyId), eq(companies.filingStatus, 'approved')))
      // The page's ids first, from a posting range (0009) or the name-ordered index alone (0006), then their rows.
      .where(inArray(projects.id, projectPageIds(db, query, pageSize, (page - 1) * pageSize)))
      .orderBy(asc(projects.name), asc(projects.id)),
  ]);
  return {
    items: rows.map(({ companyUscc, companyName, ...r }) => ({
      ...r,
      company: companyUscc && companyName ? { uscc: companyUscc, name: companyName } : null,
    })),
    total: Number(total),
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The disclosure board (公示栏, SPEC §3.9), turned into labelled items for display.

export type BoardValue =
  | { kind: 'text'; text: string }
  | { kind: 'fields'; fields: BoardField[] }
  | { kind: 'list'; items: BoardValue[] };

export interface BoardField {
  key: string;
  label: string;
  value: BoardValue;
}

/** Labels of the items of SPEC §3.9, in display order; any other key is shown after them under its own name. */
const BOARD_LABELS: Record<string, string> = {
  managerName: '项目经理',
  managerPhone: '项目经理联系电话',
  complaintPhone: '投诉电话',
  serviceContent: '服务内容',
  serviceStandard: '服务标准',
  fees: '收费项目和标准',
  elevatorMaintenance: '电梯维保单位',
  fireMaintenance: '消防维保单位',
  parking: '车位使用情况',
  sharedUtilities: '公共水电费分摊',
  commonRevenue: '共用部位经营收益收支',
  maintenanceFund: '专项维修资金使用',
  elevatorSpending: '电梯维保支出',
};

const NESTED_LABELS: Record<string, string> = {
  item: '项目',
  standard: '标准',
  unit: '单位',
  contact: '联系电话',
  phone: '联系电话',
  name: '名称',
  income: '收入',
  spending: '支出',
  amount: '金额',
  note: '说明',
};

function toBoardValue(v: unknown, depth = 0): BoardValue | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() ? { kind: 'text', text: v.trim() } : null;
  if (typeof v === 'number' || typeof v === 'boolean') return { kind: 'text', text: typeof v === 'boolean' ? (v ? '是' : '否') : String(v) };
  if (depth > 3) return null;
  if (Array.isArray(v)) {
    const items = v.map((x) => toBoardValue(x, depth + 1)).filter((x): x is BoardValue => x !== null);
    return items.length ? { kind: 'list', items } : null;
  }
  if (typeof v === 'object') {
    const fields: BoardField[] = [];
    for (const [key, raw] of Object.entries(v as Record<string, unknown>)) {
      const value = toBoardValue(raw, depth + 1);
      if (value) fields.push({ key, label: NESTED_LABELS[key] ?? key, value });
    }
    return fields.length ? { kind: 'fields', fields } : null;
  }
  return null;
}

/** The board's jsonb as labelled items: known items first in SPEC order, then any other key; empty ones dropped. */
export function boardItems(data: unknown): BoardField[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const obj = data as Record<string, unknown>;
  const keys = [
    ...Object.keys(BOARD_LABELS).filter((k) => k in obj),
    ...Object.keys(obj).filter((k) => !(k in BOARD_LABELS) && k !== 'updatedOn'),
  ];
  const out: BoardField[] = [];
  for (const key of keys) {
    const value = toBoardValue(obj[key]);
    if (value) out.push({ key, label: BOARD_LABELS[key] ?? key, value });
  }
  return out;
}

export interface PublicBoard {
  version: number;
  /** The date the company states it updated the board (YYYY-MM-DD), else the day the version was stored. */
  updatedOn: string;
  items: BoardField[];
}

export interface PublicProject {
  id: string;
  name: string;
  address: string;
  districtId: string;
  districtName: string;
  streetName: string | null;
  communityName: string | null;
  type: string;
  households: number;
  /** m², decimal string. */
  floorArea: string;
  company: { uscc: string; name: string } | null;
  contract: { startDate: string; endDate: string } | null;
  board: PublicBoard | null;
  /** Quarterly ratings (DW 10, 12) of published quarters only, newest first: unpublished results stay internal. */
  ratings: { year: number; quarter: number; rating: '优秀' | '良好' | '差' }[];
}

function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** One estate's public page, or null for an unknown (or malformed) id. */
export async function getPublicProject(db: Queryable, id: string): Promise<PublicProject | null> {
  if (!isUuid(id)) return null;
  const [p] = await db
    .select({
      id: projects.id,
      name: projects.name,
      address: projects.address,
      districtId: projects.districtId,
      districtName: district.name,
      streetName: street.name,
      communityName: community.name,
      type: projects.type,
      households: projects.households,
      floorArea: projects.floorArea,
      currentCompanyId: projects.currentCompanyId,
      companyUscc: companies.uscc,
      companyName: companies.name,
    })
    .from(projects)
    .innerJoin(district, eq(district.id, projects.districtId))
    .leftJoin(street, eq(street.id, projects.streetId))
    .leftJoin(community, eq(community.id, projects.communityId))
    .leftJoin(companies, and(eq(companies.id, projects.currentCompanyId), eq(companies.filingStatus, 'approved')))
    .where(eq(projects.id, id))
    .limit(1);
  if (!p) return null;
  const [contracts, boards, ratings] = await Promise.all([
    p.currentCompanyId
      ? db
          .select({ startDate: serviceContracts.startDate, endDate: serviceContracts.endDate })
          .from(serviceContracts)
          .where(
            and(
              eq(serviceContracts.projectId, p.id),
              eq(serviceContracts.companyId, p.currentCompanyId),
              eq(serviceContracts.status, 'confirmed'),
            ),
          )
          .orderBy(desc(serviceContracts.startDate))
          .limit(1)
      : Promise.resolve([]),
    db
      .select({ version: disclosureBoards.version, data: disclosureBoards.data, createdAt: disclosureBoards.createdAt })
      .from(disclosureBoards)
      .where(eq(disclosureBoards.projectId, p.id))
      .orderBy(desc(disclosureBoards.version))
      .limit(1),
    db
      .select({ year: estateRatings.year, quarter: estateRatings.quarter, rating: estateRatings.rating })
      .from(estateRatings)
      .innerJoin(ratingPublications, and(eq(ratingPublications.year, estateRatings.year), eq(ratingPublications.quarter, estateRatings.quarter)))
      .where(eq(estateRatings.projectId, p.id))
      .orderBy(desc(estateRatings.year), desc(estateRatings.quarter))
      .limit(8),
  ]);
  const b = boards[0];
  let board: PublicBoard | null = null;
  if (b) {
    const stated = (b.data as { updatedOn?: unknown } | null)?.updatedOn;
    board = {
      version: b.version,
      updatedOn: typeof stated === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(stated) ? stated : chinaDate(b.createdAt),
      items: boardItems(b.data),
    };
  }
  const { currentCompanyId: _c, companyUscc, companyName, ...pub } = p;
  return {
    ...pub,
    company: companyUscc && companyName ? { uscc: companyUscc, name: companyName } : null,
    // The contract is shown with its company, so only when that company is public.
    contract: companyUscc ? (contracts[0] ?? null) : null,
    board,
    ratings,
  };
}

/** Every estate's id, for sitemap.xml. */
export async function listPublicProjectIds(db: Queryable): Promise<string[]> {
  const rows = await db.select({ id: projects.id }).from(projects).orderBy(asc(projects.id));
  return rows.map((r) => r.id);
}
