import 'server-only';
/** Accounts the city manages: operator accounts of property-service companies. */
import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, regions, users } from '@/db/schema';
import { likePattern } from './search';

export async function usernameTaken(db: Queryable, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  return !!row;
}

export async function findCompanyByUscc(db: Queryable, uscc: string) {
  const [row] = await db
    .select({ id: companies.id, name: companies.name, filingStatus: companies.filingStatus })
    .from(companies)
    .where(eq(companies.uscc, uscc))
    .limit(1);
  return row ?? null;
}

/**
 * A company new to the platform: only what the city knows from the application for an account. The company
 * completes the rest in its filing; until the city approves that, the company is a draft and not public.
 */
export async function insertDraftCompany(tx: Queryable, c: { uscc: string; name: string; districtId: string }) {
  const [row] = await tx
    .insert(companies)
    .values({
      uscc: c.uscc,
      name: c.name,
      districtId: c.districtId,
      address: '',
      registeredCapital: '0',
      legalRepresentative: '',
      contactPhone: '',
      filingStatus: 'draft',
      version: 0,
    })
    .onConflictDoNothing()
    .returning({ id: companies.id });
  return row?.id ?? null;
}

export async function insertCompanyOperator(tx: Queryable, u: { username: string; displayName: string; passwordHash: string; companyId: string }) {
  const [row] = await tx
    .insert(users)
    .values({ ...u, role: 'company', mustChangePassword: true })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return row?.id ?? null;
}

export const ACCOUNTS_PAGE_SIZE = 30;

export async function listCompanyOperators(db: Queryable, q: string, page: number) {
  const like = likePattern(q);
  const where = and(
    eq(users.role, 'company'),
    q ? or(ilike(companies.name, like), ilike(companies.uscc, like), ilike(users.username, like)) : undefined,
  );
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(users).innerJoin(companies, eq(companies.id, users.companyId)).where(where),
    db
      .select({
        username: users.username,
        displayName: users.displayName,
        mustChangePassword: users.mustChangePassword,
        createdAt: users.createdAt,
        companyName: companies.name,
        uscc: companies.uscc,
        filingStatus: companies.filingStatus,
        districtName: regions.name,
      })
      .from(users)
      .innerJoin(companies, eq(companies.id, users.companyId))
      .leftJoin(regions, eq(regions.id, companies.districtId))
      .where(where)
      .orderBy(desc(users.createdAt), users.username)
      .limit(ACCOUNTS_PAGE_SIZE)
      .offset((page - 1) * ACCOUNTS_PAGE_SIZE),
  ]);
  return { rows, total: Number(total) };
}
