import 'server-only';
/**
 * The site search (`/search`): estates, approved companies and current approved staff, each kind a page with its
 * true count. Public fields only: a staff hit is a name, a post, an estate and its company, and the card's link.
 * Two-character queries read the posting tables of migration 0009 (docs/decisions/023-search-postings.md).
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, employments, practitioners, projects } from '@/db/schema';
import { normalizeRegistryNumber } from '@/lib/domain/registry-number';
import { clampPage, searchPublicCompanies, type Paged } from './public-companies';
import { searchPublicProjects } from './public-projects';
import { currentApprovedStaff } from './public-staff';
import { postingKey, SEARCH_BIGRAMS, staffSearchPostings, textMatch, twoCharQuery } from './search';

export const SEARCH_KINDS = ['estates', 'companies', 'staff'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  id: string;
  title: string;
  subtitle: string;
  href: string;
}

export interface PublicStaffHit {
  practitionerId: string;
  name: string;
  post: string;
  project: { id: string; name: string };
  /** Only an approved company is named in public. */
  company: { uscc: string; name: string } | null;
}

export type SearchSection<T> = Paged<T>;

function paged<T>(items: T[], total: number, page: number, pageSize: number): Paged<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * One page of the current approved staff whose name contains `q`, in (name, estate name, person) order, and how
 * many there are. Two characters: the posting range of that bigram (index-only, in order) and its length.
 */
export async function searchPublicStaff(db: Queryable, q: string, opts: { page?: number; pageSize?: number } = {}): Promise<Paged<PublicStaffHit>> {
  const { page, pageSize } = clampPage(opts.page, opts.pageSize);
  const text = q.trim();
  if (!text) return paged([], 0, page, pageSize);
  const offset = (page - 1) * pageSize;
  const p = staffSearchPostings;
  // 执业登记号 (decision 032): an exact registry number finds that one person while they are current approved staff.
  const registryNo = normalizeRegistryNumber(text);
  const two = registryNo ? null : twoCharQuery(text);
  const rowsOf = (where: ReturnType<typeof and>) =>
    db
      .select({
        practitionerId: practitioners.id,
        name: practitioners.name,
        post: employments.post,
        projectId: projects.id,
        projectName: projects.name,
        uscc: companies.uscc,
        companyName: companies.name,
      })
      .from(employments)
      .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
      .innerJoin(projects, eq(projects.id, employments.projectId))
      .leftJoin(companies, and(eq(companies.id, employments.companyId), eq(companies.filingStatus, 'approved')))
      .where(where)
      .orderBy(asc(practitioners.name), asc(projects.name), asc(practitioners.id));
  const [[{ n } = { n: 0 }], rows] = registryNo
    ? await (async () => {
        const found = await rowsOf(and(currentApprovedStaff(), eq(practitioners.registryNo, registryNo))).limit(pageSize).offset(offset);
        return [[{ n: found.length }], found] as const;
      })()
    : two
    ? await Promise.all([
        db.select({ n: count() }).from(p).where(sql`${p.bigram} = ${postingKey(two)}`),
        rowsOf(
          and(
            currentApprovedStaff(),
            inArray(
              practitioners.id,
              db
                .select({ id: p.practitionerId })
                .from(p)
                .where(sql`${p.bigram} = ${postingKey(two)}`)
                .orderBy(asc(p.name), asc(p.projectName), asc(p.practitionerId))
                .limit(pageSize)
                .offset(offset),
            ),
          ),
        ),
      ])
    : await (async () => {
        const where = and(currentApprovedStaff(), textMatch(sql`${practitioners.name}`, text, SEARCH_BIGRAMS.practitioners));
        return Promise.all([
          db
            .select({ n: count() })
            .from(employments)
            .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
            .innerJoin(projects, eq(projects.id, employments.projectId))
            .where(where),
          rowsOf(where).limit(pageSize).offset(offset),
        ]);
      })();
  return paged(
    rows.map((r) => ({
      practitionerId: r.practitionerId,
      name: r.name,
      post: r.post,
      project: { id: r.projectId, name: r.projectName },
      company: r.uscc && r.companyName ? { uscc: r.uscc, name: r.companyName } : null,
    })),
    Number(n),
    page,
    pageSize,
  );
}

export interface PublicSearchResults {
  estates: SearchSection<SearchHit>;
  companies: SearchSection<SearchHit>;
  staff: SearchSection<PublicStaffHit>;
}

/**
 * The site search: every kind's first `pageSize` hits and total, or — with `kind` — only that kind's `page` (the
 * other kinds are then not read: empty sections with a total of 0).
 */
export async function searchPublic(db: Queryable, q: string, opts: { kind?: SearchKind; page?: number; pageSize?: number } = {}): Promise<PublicSearchResults> {
  const want = (k: SearchKind) => !opts.kind || opts.kind === k;
  const pageOf = (k: SearchKind) => (opts.kind === k ? (opts.page ?? 1) : 1);
  const size = opts.pageSize;
  const none = <T>(): Paged<T> => paged<T>([], 0, 1, clampPage(1, size).pageSize);
  const [estates, cos, staff] = await Promise.all([
    want('estates') ? searchPublicProjects(db, { q, page: pageOf('estates'), pageSize: size }) : null,
    want('companies') ? searchPublicCompanies(db, { q, page: pageOf('companies'), pageSize: size }) : null,
    want('staff') ? searchPublicStaff(db, q, { page: pageOf('staff'), pageSize: size }) : null,
  ]);
  return {
    estates: estates
      ? { ...estates, items: estates.items.map((p) => ({ id: p.id, title: p.name, subtitle: `${p.districtName} · ${p.address}`, href: `/projects/${p.id}` })) }
      : none(),
    companies: cos ? { ...cos, items: cos.items.map((c) => ({ id: c.uscc, title: c.name, subtitle: c.address, href: `/companies/${c.uscc}` })) } : none(),
    staff: staff ?? none(),
  };
}
