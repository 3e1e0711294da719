import 'server-only';
/** Accounts of every role as the city manages them on /bureau/accounts (lib/services/role-accounts.ts). */
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';
import { companies, organisations, projects, regions, sessions, users } from '@/db/schema';
import type { Role } from '@/lib/auth/policy';
import { likePattern } from './search';

export async function findRegionById(db: Queryable, id: string) {
  const [row] = await db.select({ id: regions.id, name: regions.name, level: regions.level, parentId: regions.parentId }).from(regions).where(eq(regions.id, id)).limit(1);
  return row ?? null;
}

export async function findEstateForCommittee(db: Queryable, id: string) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId, communityId: projects.communityId, streetId: projects.streetId })
    .from(projects)
    .where(eq(projects.id, id))
    .limit(1);
  return row ?? null;
}

type OrgKind = (typeof organisations.kind.enumValues)[number];

/**
 * The organisation an account acts for, created when absent: a district bureau or street office by its region, an
 * owners' committee by its estate, a department, association or city bureau by its name.
 */
export async function findOrCreateOrganisation(tx: Queryable, o: { kind: OrgKind; name: string; regionId: string | null; projectId?: string | null }) {
  const by: SQL | undefined =
    o.kind === 'owners_committee'
      ? eq(organisations.projectId, o.projectId!)
      : o.kind === 'district_bureau' || o.kind === 'street_office' || o.kind === 'community'
        ? eq(organisations.regionId, o.regionId!)
        : eq(organisations.name, o.name);
  const [found] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, o.kind), by))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (found) return { ...found, created: false };
  const [row] = await tx
    .insert(organisations)
    .values({ kind: o.kind, name: o.name, regionId: o.regionId, projectId: o.projectId ?? null })
    .returning({ id: organisations.id, name: organisations.name });
  return { ...row!, created: true };
}

/** The first city bureau (the one `npm run user:create-admin` made), if any. */
export async function findCityBureau(db: Queryable) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'city_bureau'))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertStaffUser(
  tx: Queryable,
  u: { username: string; displayName: string; passwordHash: string; role: Role; districtId: string | null; organisationId: string | null },
) {
  const [row] = await tx
    .insert(users)
    .values({ ...u, mustChangePassword: true })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return row?.id ?? null;
}

/** An account as the city sees it before changing it; locked FOR UPDATE inside a transaction. */
export async function findManagedUser(tx: Queryable, id: string, forUpdate = false) {
  const q = tx
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      disabledAt: users.disabledAt,
      districtId: users.districtId,
      organisationId: users.organisationId,
      companyId: users.companyId,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Active city administrators, locked so that two of them cannot deactivate each other at the same time. */
export async function lockActiveCityAdmins(tx: Queryable) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'city'), isNull(users.disabledAt)))
    .for('update');
  return rows.map((r) => r.id);
}

/** Ends every session of the user at once (loadSessionActor refuses sessions issued before sessionsValidAfter). */
async function endSessions(tx: Queryable, userId: string) {
  await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function setUserDisabled(tx: Queryable, userId: string, disabled: boolean) {
  await tx
    .update(users)
    .set(disabled ? { disabledAt: sql`now()`, sessionsValidAfter: sql`now()` } : { disabledAt: null, failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
  if (disabled) await endSessions(tx, userId);
}

export async function setTemporaryPassword(tx: Queryable, userId: string, passwordHash: string) {
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: true, sessionsValidAfter: sql`now()`, failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
  await endSessions(tx, userId);
}

export async function setUserScope(tx: Queryable, userId: string, scope: { districtId: string | null; organisationId: string | null }) {
  await tx.update(users).set({ ...scope, sessionsValidAfter: sql`now()` }).where(eq(users.id, userId));
  await endSessions(tx, userId);
}

export const ROLE_ACCOUNTS_PAGE_SIZE = 30;

export interface AccountFilter {
  q: string;
  role: Role | '';
  status: 'active' | 'disabled' | '';
  page: number;
}

/** Every account, with its scope in words, for the city's list. */
export async function listAccounts(db: Queryable, f: AccountFilter) {
  const like = likePattern(f.q);
  const district = alias(regions, 'district');
  const where = and(
    f.role ? eq(users.role, f.role) : undefined,
    f.status === 'active' ? isNull(users.disabledAt) : f.status === 'disabled' ? isNotNull(users.disabledAt) : undefined,
    f.q ? or(ilike(users.username, like), ilike(users.displayName, like), ilike(organisations.name, like), ilike(companies.name, like)) : undefined,
  );
  const base = () =>
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        disabledAt: users.disabledAt,
        mustChangePassword: users.mustChangePassword,
        isDemo: users.isDemo,
        createdAt: users.createdAt,
        districtId: users.districtId,
        districtName: district.name,
        organisationName: organisations.name,
        regionId: organisations.regionId,
        projectId: organisations.projectId,
        companyName: companies.name,
      })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(companies, eq(companies.id, users.companyId))
      .leftJoin(district, eq(district.id, users.districtId));
  const [[{ total }], rows] = await Promise.all([
    db
      .select({ total: count() })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(companies, eq(companies.id, users.companyId))
      .where(where),
    base()
      .where(where)
      .orderBy(desc(users.createdAt), users.username)
      .limit(ROLE_ACCOUNTS_PAGE_SIZE)
      .offset((f.page - 1) * ROLE_ACCOUNTS_PAGE_SIZE),
  ]);
  return { rows, total: Number(total) };
}

export type AccountRow = Awaited<ReturnType<typeof listAccounts>>['rows'][number];

/** The districts and streets/communities and the estates the account form offers (a few thousand rows at most). */
export async function listScopeChoices(db: Queryable) {
  const [regionRows, estateRows] = await Promise.all([
    db.select({ id: regions.id, name: regions.name, level: regions.level, parentId: regions.parentId }).from(regions).orderBy(asc(regions.sortOrder), asc(regions.id)),
    db.select({ id: projects.id, name: projects.name, districtId: projects.districtId }).from(projects).orderBy(asc(projects.districtId), asc(projects.name)).limit(5000),
  ]);
  return { regions: regionRows, estates: estateRows };
}

/** One account with its scope, for its page on /bureau/accounts/[id]. */
export async function getAccount(db: Queryable, id: string) {
  const district = alias(regions, 'district');
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      districtId: users.districtId,
      districtName: district.name,
      organisationName: organisations.name,
      regionId: organisations.regionId,
      projectId: organisations.projectId,
      companyName: companies.name,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(companies, eq(companies.id, users.companyId))
    .leftJoin(district, eq(district.id, users.districtId))
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}
