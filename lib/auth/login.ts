import 'server-only';
/**
 * Credential check with throttling: 5 failures for one account from one address lock that pair for
 * 15 minutes. An unknown account and a wrong password fail alike (same message, same work).
 */
import { getDb } from '@/db';
import { createSession, findUserForLogin, recentFailures, recordLoginAttempt } from '@/db/queries/auth';
import { audit } from '@/lib/audit';
import { dummyHash, verifyPassword } from './passwords';
import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES, SESSION_MAX_SECONDS, type Role } from './policy';

export type LoginResult =
  | { ok: true; userId: string; sessionId: string; role: Role; username: string }
  | { ok: false; reason: 'invalid' | 'locked' };

export async function attemptLogin(usernameRaw: string, password: string, ip: string): Promise<LoginResult> {
  const db = getDb();
  const username = usernameRaw.trim();
  if (!username || !password) return { ok: false, reason: 'invalid' };
  if ((await recentFailures(db, username, ip, LOGIN_LOCK_MINUTES)) >= LOGIN_MAX_FAILURES) {
    return { ok: false, reason: 'locked' };
  }
  const user = await findUserForLogin(db, username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !passwordOk || user.disabled) {
    await recordLoginAttempt(db, username, ip, false);
    return { ok: false, reason: 'invalid' };
  }
  const sessionId = await db.transaction(async (tx) => {
    await recordLoginAttempt(tx, username, ip, true);
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
