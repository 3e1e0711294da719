import 'server-only';
import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, loginAttempts, organisations, projects, regions, sessions, users } from '@/db/schema';
import type { Actor, Role } from '@/lib/auth/policy';

export interface LoginUser {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
}

export async function findUserForLogin(db: Queryable, username: string): Promise<LoginUser | null> {
  const [u] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      role: users.role,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return u
    ? { id: u.id, username: u.username, passwordHash: u.passwordHash, role: u.role, disabled: !!u.disabledAt, mustChangePassword: u.mustChangePassword }
    : null;
}

/** Failures for this account from this address in the window, counted after the last success. */
export async function recentFailures(db: Queryable, username: string, ip: string, windowMinutes: number) {
  const since = sql`now() - make_interval(mins => ${windowMinutes})`;
  const [lastOk] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip), eq(loginAttempts.success, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, since),
        lastOk ? gt(loginAttempts.at, lastOk.at) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function recordLoginAttempt(db: Queryable, username: string, ip: string, success: boolean) {
  await db.insert(loginAttempts).values({ username, ip, success });
}

export async function createSession(db: Queryable, userId: string, ip: string, maxSeconds: number) {
  const [s] = await db
    .insert(sessions)
    .values({ userId, ip, expiresAt: sql`now() + make_interval(secs => ${maxSeconds})` })
    .returning({ id: sessions.id });
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, userId));
  return s!.id;
}

export async function revokeSession(db: Queryable, sessionId: string) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id, userId: sessions.userId });
  return rows[0] ?? null;
}

export interface SessionActorRow {
  actor: Omit<Actor, 'ip'>;
  valid: boolean;
  secondsSinceSeen: number;
}

/**
 * Loads the actor of a session with its organisation and scope names, and whether the session is still
 * valid: not revoked, not expired, issued after the user's sessionsValidAfter, user not disabled, and (for
 * bureau roles) used within the idle limit.
 */
export async function loadSessionActor(db: Queryable, sessionId: string, idleSeconds: (role: Role) => number | null) {
  const district = regions;
  const [row] = await db
    .select({
      sessionId: sessions.id,
      revokedAt: sessions.revokedAt,
      notExpired: sql<boolean>`${sessions.expiresAt} > now()`,
      secondsSinceSeen: sql<number>`extract(epoch from (now() - ${sessions.lastSeenAt}))::float8`,
      issuedAfterCutoff: sql<boolean>`${sessions.createdAt} >= ${users.sessionsValidAfter}`,
      userId: users.id,
      username: users.username,
      name: users.displayName,
      role: users.role,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      districtId: users.districtId,
      districtName: district.name,
      companyId: users.companyId,
      companyName: companies.name,
      projectId: organisations.projectId,
      projectName: projects.name,
      regionId: organisations.regionId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(district, eq(district.id, users.districtId))
    .leftJoin(companies, eq(companies.id, users.companyId))
    .leftJoin(projects, eq(projects.id, organisations.projectId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) return null;
  const idle = idleSeconds(row.role);
  const valid =
    !row.revokedAt &&
    row.notExpired &&
    row.issuedAfterCutoff &&
    !row.disabledAt &&
    (idle === null || Number(row.secondsSinceSeen) <= idle);
  const actor: Omit<Actor, 'ip'> = {
    userId: row.userId,
    sessionId: row.sessionId,
    username: row.username,
    name: row.name,
    role: row.role,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    districtId: row.districtId,
    districtName: row.districtName,
    companyId: row.companyId,
    companyName: row.companyName,
    projectId: row.role === 'committee' ? row.projectId : null,
    projectName: row.role === 'committee' ? row.projectName : null,
    regionId: row.role === 'street' ? row.regionId : null,
    mustChangePassword: row.mustChangePassword,
  };
  return { actor, valid, secondsSinceSeen: Number(row.secondsSinceSeen) } satisfies SessionActorRow;
}

export async function touchSession(db: Queryable, sessionId: string) {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

export async function getPasswordHash(db: Queryable, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

/** Sets a new password and voids every session of the user, this one included. */
export async function setPassword(db: Queryable, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, sessionsValidAfter: sql`now()` })
    .where(eq(users.id, userId));
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
