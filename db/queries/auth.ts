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

/**
 * Sign-in attempts of one account name are decided one at a time, on either driver: the check and the
 * recording of an attempt happen under this transaction-scoped lock, so parallel guesses cannot all slip in
 * before the first one is counted.
 */
export async function lockLoginName(tx: Queryable, username: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'login:' + username}))`);
}

export interface LoginFailures {
  /** Failures of this account name in a row, from any address, since its last success (or the city's unlock). */
  inARow: number;
  /** When the last of them happened. */
  lastAt: Date | null;
  /** Those of them from `ip` at or after `addressSince`. */
  fromAddress: number;
}

/**
 * The failures that decide both locks, for any account name, existing or not: the same rows and the same
 * arithmetic, so that a lock says nothing about whether an account exists.
 */
export async function loginFailures(db: Queryable, username: string, ip: string, addressSince: Date): Promise<LoginFailures> {
  const [lastOk] = await db
    .select({ at: sql<Date | null>`max(${loginAttempts.at})`.mapWith(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.success, true)));
  const [row] = await db
    .select({
      inARow: count(),
      lastAt: sql<Date | null>`max(${loginAttempts.at})`.mapWith(loginAttempts.at),
      fromAddress: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip} and ${loginAttempts.at} >= ${addressSince.toISOString()}::timestamptz)`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.success, false),
        lastOk?.at ? gt(loginAttempts.at, lastOk.at) : undefined,
      ),
    );
  return { inARow: row?.inARow ?? 0, lastAt: row?.lastAt ?? null, fromAddress: row?.fromAddress ?? 0 };
}

/** Records an attempt as failed before the password is checked; a success turns it round (attemptSucceeded). */
export async function recordFailedAttempt(db: Queryable, username: string, ip: string, at: Date) {
  const [row] = await db.insert(loginAttempts).values({ username, ip, success: false, at }).returning({ id: loginAttempts.id });
  return row!.id;
}

export async function attemptSucceeded(db: Queryable, attemptId: string) {
  await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
}

/** The account's backoff as the city sees it (failures in a row, locked until), kept with every attempt. */
export async function setAccountBackoff(db: Queryable, userId: string, failedLogins: number, lockedUntil: Date | null) {
  await db.update(users).set({ failedLogins, lockedUntil }).where(eq(users.id, userId));
}

export interface LockedAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  failedLogins: number;
  lockedUntil: Date;
}

/** Accounts whose sign-in is refused at `at` by the per-account backoff. */
export async function listLockedAccounts(db: Queryable, at: Date): Promise<LockedAccount[]> {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(gt(users.lockedUntil, at))
    .orderBy(desc(users.lockedUntil), users.username)
    .limit(200);
  return rows.map((r) => ({ ...r, lockedUntil: r.lockedUntil! }));
}

export async function findAccountBackoff(db: Queryable, userId: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username, failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/**
 * The city lifts a lock: the account starts afresh, for the per-account backoff and for every address (the
 * failures that caused it are dropped; the audit log keeps the lock and the unlock).
 */
export async function clearAccountBackoff(tx: Queryable, userId: string, username: string) {
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
  await tx.delete(loginAttempts).where(and(eq(loginAttempts.username, username), eq(loginAttempts.success, false)));
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
 * valid: not revoked, not expired, issued after the user's sessionsValidAfter, user not disabled, and used
 * within the idle limit of its role.
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
