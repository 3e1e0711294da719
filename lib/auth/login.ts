import 'server-only';
/**
 * Credential check with two locks (lib/auth/policy.ts):
 * - per account and client address: 5 failures in 15 minutes lock that pair for 15 minutes;
 * - per account, whatever the address: 8 failures in a row lock the account for 15 minutes, doubling with each
 *   further failure up to 24 hours, until a success or the city's unlock.
 * An unknown account and a wrong password fail alike: same message, same work (a password hash is verified
 * either way), and the same locks, computed from the same attempt rows, so a lock never tells an account exists.
 * `ip` must be the trusted client address (lib/auth/client-ip.ts), never a header value.
 */
import { getDb } from '@/db';
import {
  attemptSucceeded,
  createSession,
  findUserForLogin,
  lockLoginName,
  loginFailures,
  recordFailedAttempt,
  setAccountBackoff,
} from '@/db/queries/auth';
import { audit } from '@/lib/audit';
import { now } from '@/lib/clock';
import { dummyHash, verifyPassword } from './passwords';
import { accountLockedUntil, LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES, SESSION_MAX_SECONDS, type Role } from './policy';

export type LoginResult =
  | { ok: true; userId: string; sessionId: string; role: Role; username: string }
  | { ok: false; reason: 'invalid' | 'locked' };

export async function attemptLogin(usernameRaw: string, password: string, ip: string, at: Date = now()): Promise<LoginResult> {
  const db = getDb();
  const username = usernameRaw.trim();
  if (!username || !password) return { ok: false, reason: 'invalid' };
  // No account name has control characters (PostgreSQL refuses NUL in text) or runs past 100 characters: such a
  // name is refused before it reaches a query, alike for every caller (the sign-in form and next-auth's own route).
  if (username.length > 100 || password.length > 1024 || /[\u0000-\u001f\u007f]/.test(username)) return { ok: false, reason: 'invalid' };
  const user = await findUserForLogin(db, username);

  // Admit the attempt, or refuse it, and count it as a failure until the password proves right, in one step.
  const admitted = await db.transaction(async (tx) => {
    await lockLoginName(tx, username);
    const f = await loginFailures(tx, username, ip, new Date(at.getTime() - LOGIN_LOCK_MINUTES * 60_000));
    const lockedUntil = accountLockedUntil(f.inARow, f.lastAt);
    if (f.fromAddress >= LOGIN_MAX_FAILURES || (lockedUntil && lockedUntil > at)) return null;
    const attemptId = await recordFailedAttempt(tx, username, ip, at);
    const failures = f.inARow + 1;
    const newLock = accountLockedUntil(failures, at);
    if (user) await setAccountBackoff(tx, user.id, failures, newLock);
    return { attemptId, failures, newLock };
  });
  if (!admitted) return { ok: false, reason: 'locked' };

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !passwordOk || user.disabled) {
    if (user && admitted.newLock) {
      await audit(db, { label: '登录失败', ip }, {
        action: 'auth.account_locked',
        objectType: 'user',
        objectId: user.id,
        after: { failuresInARow: admitted.failures, lockedUntil: admitted.newLock.toISOString() },
      });
    }
    return { ok: false, reason: 'invalid' };
  }
  const sessionId = await db.transaction(async (tx) => {
    await attemptSucceeded(tx, admitted.attemptId);
    await setAccountBackoff(tx, user.id, 0, null);
    const id = await createSession(tx, user.id, ip, SESSION_MAX_SECONDS);
    await audit(tx, { userId: user.id, role: user.role, username: user.username, ip }, {
      action: 'auth.signed_in',
      objectType: 'session',
      objectId: id,
    });
    return id;
  });
  return { ok: true, userId: user.id, sessionId, role: user.role, username: user.username };
}
