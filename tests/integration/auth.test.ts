import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDbHandleForTests } from '@/db';
import { listLockedAccounts, loadSessionActor } from '@/db/queries/auth';
import { sessions, users } from '@/db/schema';
import { attemptLogin } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/passwords';
import { idleLimitSeconds } from '@/lib/auth/policy';
import { unlockAccount } from '@/lib/services/accounts';
import { actorFor } from './helpers/actors';
import { DRIVERS, openEmptyDb, rowsOf, type TestDb } from './helpers/db';

/** The injected clock of the sign-in attempts: each call one second later, or `ms` later. */
let clock = Date.parse('2026-03-02T01:00:00Z');
const tick = (ms = 1000) => new Date((clock += ms));
const MIN = 60_000;

describe.each(DRIVERS)('sign-in and sessions on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openEmptyDb(driver);
    setDbHandleForTests(t.handle);
    const passwordHash = await hashPassword('correct horse');
    await t.handle.db.insert(users).values([
      { username: 'alice', displayName: '张三', passwordHash, role: 'company' },
      { username: 'bob', displayName: '李四', passwordHash, role: 'district' },
      { username: 'carol', displayName: '王五', passwordHash, role: 'city', disabledAt: new Date() },
      { username: 'dave', displayName: '赵六', passwordHash, role: 'company' },
      { username: 'erin', displayName: '钱七', passwordHash, role: 'committee' },
      { username: 'frank', displayName: '孙八', passwordHash, role: 'district' },
      { username: 'grace', displayName: '周九', passwordHash, role: 'company' },
      { username: 'heidi', displayName: '吴十', passwordHash, role: 'company' },
      { username: 'cityadmin', displayName: '市局管理员', passwordHash, role: 'city' },
      { username: 'newcity', displayName: '市局新人', passwordHash, role: 'city', mustChangePassword: true },
    ]);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await t.cleanup();
  });

  const countAudit = async (action: string) =>
    Number(rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from audit_events where action = ${action}`))[0]!.n);

  it('signs in with the right password, creating a server-side session and an audit row', async () => {
    const before = await countAudit('auth.signed_in');
    const r = await attemptLogin('alice', 'correct horse', '10.0.0.1', tick());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.role).toBe('company');
    const loaded = await loadSessionActor(t.handle.db, r.sessionId, idleLimitSeconds);
    expect(loaded?.valid).toBe(true);
    expect(loaded?.actor.username).toBe('alice');
    expect(await countAudit('auth.signed_in')).toBe(before + 1);
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const unknown = await attemptLogin('nobody', 'correct horse', '10.0.0.2', tick());
    const wrong = await attemptLogin('alice', 'wrong', '10.0.0.2', tick());
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual(unknown);
  });

  it('a name with a NUL or other control character, or an absurd length, is refused before any query (fuzz finding)', async () => {
    for (const name of ['ali\u0000ce', 'a\u0007', 'x'.repeat(101)]) {
      expect(await attemptLogin(name, 'correct horse', '10.0.0.4', tick())).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await attemptLogin('alice', 'p'.repeat(1025), '10.0.0.4', tick())).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a disabled account', async () => {
    expect(await attemptLogin('carol', 'correct horse', '10.0.0.3', tick())).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an account for one address after 5 failures, even for the right password, and not for other addresses', async () => {
    for (let i = 0; i < 5; i++) expect((await attemptLogin('bob', 'bad', '10.0.0.9', tick())).ok).toBe(false);
    expect(await attemptLogin('bob', 'correct horse', '10.0.0.9', tick())).toEqual({ ok: false, reason: 'locked' });
    expect((await attemptLogin('bob', 'correct horse', '10.0.0.10', tick())).ok).toBe(true);
    // Unknown accounts lock the same way, so a lock says nothing about whether an account exists.
    for (let i = 0; i < 5; i++) await attemptLogin('ghost', 'bad', '10.0.0.9', tick());
    expect(await attemptLogin('ghost', 'bad', '10.0.0.9', tick())).toEqual({ ok: false, reason: 'locked' });
  });

  it('lifts the lock after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) await attemptLogin('alice', 'bad', '10.0.0.20', tick());
    expect(await attemptLogin('alice', 'correct horse', '10.0.0.20', tick())).toEqual({ ok: false, reason: 'locked' });
    expect(await attemptLogin('alice', 'correct horse', '10.0.0.20', tick(13 * MIN))).toEqual({ ok: false, reason: 'locked' });
    expect((await attemptLogin('alice', 'correct horse', '10.0.0.20', tick(3 * MIN))).ok).toBe(true);
  });

  const userRow = async (username: string) => {
    const [u] = await t.handle.db
      .select({ id: users.id, failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.username, username));
    return u!;
  };
  /** Eight wrong passwords, each from a new address (as an attacker varying X-Forwarded-For would appear once the address is trusted). */
  const eightFromEightAddresses = async (username: string, net: string) => {
    const results = [];
    for (let i = 1; i <= 8; i++) results.push(await attemptLogin(username, `guess-${i}`, `${net}.${i}`, tick()));
    return results;
  };

  it('locks an account after 8 wrong passwords from 8 addresses, for every address, and writes the address to the audit log', async () => {
    const results = await eightFromEightAddresses('dave', '10.1.0');
    expect(results.every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
    const lastAt = new Date(clock);
    // The right password, from a ninth address and from one of the eight: refused.
    expect(await attemptLogin('dave', 'correct horse', '10.1.0.9', tick())).toEqual({ ok: false, reason: 'locked' });
    expect(await attemptLogin('dave', 'correct horse', '10.1.0.1', tick())).toEqual({ ok: false, reason: 'locked' });
    const u = await userRow('dave');
    expect(u.failedLogins).toBe(8);
    expect(u.lockedUntil?.getTime()).toBe(lastAt.getTime() + 15 * MIN);
    expect((await listLockedAccounts(t.handle.db, new Date(clock))).map((a) => a.username)).toContain('dave');
    const [row] = rowsOf<{ ip: string; object_id: string }>(
      await t.handle.db.execute(sql`select ip, object_id from audit_events where action = 'auth.account_locked' order by seq desc limit 1`),
    );
    expect(row).toEqual({ ip: '10.1.0.8', object_id: u.id });
  });

  it('locks an unknown account name exactly the same way', async () => {
    const known = await eightFromEightAddresses('grace', '10.2.0');
    const unknown = await eightFromEightAddresses('no-such-user', '10.3.0');
    expect(unknown).toEqual(known);
    expect(await attemptLogin('no-such-user', 'correct horse', '10.3.0.9', tick())).toEqual({ ok: false, reason: 'locked' });
    expect(await attemptLogin('grace', 'correct horse', '10.2.0.9', tick())).toEqual({ ok: false, reason: 'locked' });
    // And both come free at the same moment.
    tick(15 * MIN);
    expect(await attemptLogin('no-such-user', 'bad', '10.3.0.9', tick())).toEqual({ ok: false, reason: 'invalid' });
    expect(await attemptLogin('grace', 'bad', '10.2.0.9', tick())).toEqual({ ok: false, reason: 'invalid' });
  });

  it('doubles the lock with each further failure, and a success starts afresh', async () => {
    // grace: 9 failures in a row now, the 9th just made: locked for 30 minutes.
    expect((await userRow('grace')).failedLogins).toBe(9);
    expect(await attemptLogin('grace', 'correct horse', '10.2.0.10', tick(29 * MIN))).toEqual({ ok: false, reason: 'locked' });
    expect(await attemptLogin('grace', 'bad', '10.2.0.10', tick(1 * MIN))).toEqual({ ok: false, reason: 'invalid' });
    // 10 failures: 60 minutes.
    expect(await attemptLogin('grace', 'correct horse', '10.2.0.11', tick(59 * MIN))).toEqual({ ok: false, reason: 'locked' });
    expect((await attemptLogin('grace', 'correct horse', '10.2.0.11', tick(1 * MIN))).ok).toBe(true);
    expect(await userRow('grace')).toMatchObject({ failedLogins: 0, lockedUntil: null });
    // Afresh: seven more failures do not lock.
    for (let i = 0; i < 7; i++) await attemptLogin('grace', 'bad', `10.2.1.${i}`, tick());
    expect((await attemptLogin('grace', 'correct horse', '10.2.1.99', tick())).ok).toBe(true);
  });

  it('keeps parallel guesses to the limit', async () => {
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => attemptLogin('heidi', `guess-${i}`, `10.4.0.${i}`, tick())));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(8);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(8);
  });

  it('the city unlocks an account: it signs in at once, even from an address that had its own lock', async () => {
    for (let i = 0; i < 5; i++) await attemptLogin('erin', 'bad', '10.5.0.1', tick());
    for (let i = 2; i <= 4; i++) await attemptLogin('erin', 'bad', `10.5.0.${i}`, tick());
    expect(await attemptLogin('erin', 'correct horse', '10.5.0.1', tick())).toEqual({ ok: false, reason: 'locked' });
    const { id } = await userRow('erin');
    const city = { ...(await actorFor(t.handle.db, 'cityadmin')), ip: '192.0.2.77' };
    const before = await countAudit('user.unlocked');
    const r = await unlockAccount(t.handle.db, city, { userId: id });
    expect(r).toEqual({ ok: true, data: { username: 'erin' } });
    expect(await userRow('erin')).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(await countAudit('user.unlocked')).toBe(before + 1);
    const [row] = rowsOf<{ ip: string; actor_label: string; object_id: string }>(
      await t.handle.db.execute(sql`select ip, actor_label, object_id from audit_events where action = 'user.unlocked' order by seq desc limit 1`),
    );
    expect(row).toEqual({ ip: '192.0.2.77', actor_label: 'cityadmin', object_id: id });
    expect((await attemptLogin('erin', 'correct horse', '10.5.0.1', tick())).ok).toBe(true);
  });

  it('a district, a company, a city user on a first-time password and an anonymous caller cannot unlock; nothing changes', async () => {
    await eightFromEightAddresses('frank', '10.6.0');
    const locked = await userRow('frank');
    expect(locked.lockedUntil).not.toBeNull();
    const deniedBefore = await countAudit('access.out_of_scope');
    const unlockedBefore = await countAudit('user.unlocked');
    const attemptsBefore = Number(rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from login_attempts where username = 'frank'`))[0]!.n);
    for (const username of ['bob', 'alice', 'newcity']) {
      const actor = await actorFor(t.handle.db, username);
      expect(await unlockAccount(t.handle.db, actor, { userId: locked.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await unlockAccount(t.handle.db, null, { userId: locked.id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await userRow('frank')).toEqual(locked);
    expect(await countAudit('user.unlocked')).toBe(unlockedBefore);
    expect(await countAudit('access.out_of_scope')).toBe(deniedBefore + 3);
    expect(Number(rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from login_attempts where username = 'frank'`))[0]!.n)).toBe(attemptsBefore);
    expect(await attemptLogin('frank', 'correct horse', '10.6.0.1', tick())).toEqual({ ok: false, reason: 'locked' });
    // An id that is no account: NOT_FOUND for the city too, nothing written.
    const city = await actorFor(t.handle.db, 'cityadmin');
    expect(await unlockAccount(t.handle.db, city, { userId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await unlockAccount(t.handle.db, city, { userId: 'not-a-uuid' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await countAudit('user.unlocked')).toBe(unlockedBefore);
  });

  it('ends a bureau session after 30 idle minutes and any other session after 2 idle hours', async () => {
    const bureau = await attemptLogin('bob', 'correct horse', '10.0.0.30', tick());
    const company = await attemptLogin('alice', 'correct horse', '10.0.0.30', tick());
    const committee = await attemptLogin('erin', 'correct horse', '10.0.0.30', tick());
    if (!bureau.ok || !company.ok || !committee.ok) throw new Error('sign-in failed');
    const idle = (s: string) => t.handle.db.execute(sql`update sessions set last_seen_at = now() - ${s}::interval where id in (${bureau.sessionId}, ${company.sessionId}, ${committee.sessionId})`);
    const valid = async (sid: string) => (await loadSessionActor(t.handle.db, sid, idleLimitSeconds))?.valid;
    await idle('29 minutes');
    expect([await valid(bureau.sessionId), await valid(company.sessionId), await valid(committee.sessionId)]).toEqual([true, true, true]);
    await idle('31 minutes');
    expect([await valid(bureau.sessionId), await valid(company.sessionId), await valid(committee.sessionId)]).toEqual([false, true, true]);
    await idle('119 minutes');
    expect([await valid(company.sessionId), await valid(committee.sessionId)]).toEqual([true, true]);
    await idle('121 minutes');
    expect([await valid(company.sessionId), await valid(committee.sessionId)]).toEqual([false, false]);
  });

  it('ends any session after 8 hours, on revocation, and when the user voids all sessions', async () => {
    const a = await attemptLogin('alice', 'correct horse', '10.0.0.40', tick());
    const b = await attemptLogin('alice', 'correct horse', '10.0.0.40', tick());
    const c = await attemptLogin('alice', 'correct horse', '10.0.0.40', tick());
    if (!a.ok || !b.ok || !c.ok) throw new Error('sign-in failed');
    const [row] = await t.handle.db.select({ e: sql<boolean>`expires_at - created_at = interval '8 hours'` }).from(sessions).where(eq(sessions.id, a.sessionId));
    expect(row?.e).toBe(true);
    await t.handle.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, a.sessionId));
    expect((await loadSessionActor(t.handle.db, a.sessionId, idleLimitSeconds))?.valid).toBe(false);
    await t.handle.db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, b.sessionId));
    expect((await loadSessionActor(t.handle.db, b.sessionId, idleLimitSeconds))?.valid).toBe(false);
    expect((await loadSessionActor(t.handle.db, c.sessionId, idleLimitSeconds))?.valid).toBe(true);
    await t.handle.db.update(users).set({ sessionsValidAfter: sql`now() + interval '1 second'` }).where(eq(users.username, 'alice'));
    expect((await loadSessionActor(t.handle.db, c.sessionId, idleLimitSeconds))?.valid).toBe(false);
  });
});
