import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDbHandleForTests } from '@/db';
import { loadSessionActor } from '@/db/queries/auth';
import { sessions, users } from '@/db/schema';
import { attemptLogin } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/passwords';
import { idleLimitSeconds } from '@/lib/auth/policy';
import { DRIVERS, openEmptyDb, rowsOf, type TestDb } from './helpers/db';

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
    const r = await attemptLogin('alice', 'correct horse', '10.0.0.1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.role).toBe('company');
    const loaded = await loadSessionActor(t.handle.db, r.sessionId, idleLimitSeconds);
    expect(loaded?.valid).toBe(true);
    expect(loaded?.actor.username).toBe('alice');
    expect(await countAudit('auth.signed_in')).toBe(before + 1);
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const unknown = await attemptLogin('nobody', 'correct horse', '10.0.0.2');
    const wrong = await attemptLogin('alice', 'wrong', '10.0.0.2');
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual(unknown);
  });

  it('refuses a disabled account', async () => {
    expect(await attemptLogin('carol', 'correct horse', '10.0.0.3')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an account for one address after 5 failures, even for the right password, and not for other addresses', async () => {
    for (let i = 0; i < 5; i++) expect((await attemptLogin('bob', 'bad', '10.0.0.9')).ok).toBe(false);
    expect(await attemptLogin('bob', 'correct horse', '10.0.0.9')).toEqual({ ok: false, reason: 'locked' });
    expect((await attemptLogin('bob', 'correct horse', '10.0.0.10')).ok).toBe(true);
    // Unknown accounts lock the same way, so a lock says nothing about whether an account exists.
    for (let i = 0; i < 5; i++) await attemptLogin('ghost', 'bad', '10.0.0.9');
    expect(await attemptLogin('ghost', 'bad', '10.0.0.9')).toEqual({ ok: false, reason: 'locked' });
  });

  it('lifts the lock after 15 minutes', async () => {
    for (let i = 0; i < 5; i++) await attemptLogin('alice', 'bad', '10.0.0.20');
    expect(await attemptLogin('alice', 'correct horse', '10.0.0.20')).toEqual({ ok: false, reason: 'locked' });
    await t.handle.db.execute(sql`update login_attempts set at = at - interval '16 minutes' where ip = '10.0.0.20'`);
    expect((await attemptLogin('alice', 'correct horse', '10.0.0.20')).ok).toBe(true);
  });

  it('ends a bureau session after 30 idle minutes but not a company session', async () => {
    const bureau = await attemptLogin('bob', 'correct horse', '10.0.0.30');
    const company = await attemptLogin('alice', 'correct horse', '10.0.0.30');
    if (!bureau.ok || !company.ok) throw new Error('sign-in failed');
    await t.handle.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes'`);
    expect((await loadSessionActor(t.handle.db, bureau.sessionId, idleLimitSeconds))?.valid).toBe(false);
    expect((await loadSessionActor(t.handle.db, company.sessionId, idleLimitSeconds))?.valid).toBe(true);
  });

  it('ends any session after 8 hours, on revocation, and when the user voids all sessions', async () => {
    const a = await attemptLogin('alice', 'correct horse', '10.0.0.40');
    const b = await attemptLogin('alice', 'correct horse', '10.0.0.40');
    const c = await attemptLogin('alice', 'correct horse', '10.0.0.40');
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
