import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { createSession, loadSessionActor } from '../../../db/queries/auth';
import { users } from '../../../db/schema';
import { idleLimitSeconds, type Actor } from '../../../lib/auth/policy';

/** The actor of a demo account, loaded exactly as a signed-in request would load it. */
export async function actorFor(db: Db, username: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  const sid = await createSession(db, u.id, '127.0.0.1', 3600);
  const loaded = await loadSessionActor(db, sid, idleLimitSeconds);
  if (!loaded?.valid) throw new Error(`session for ${username} not valid`);
  return { ...loaded.actor, ip: '127.0.0.1' };
}
