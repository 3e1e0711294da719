'use server';

import { getDb } from '@/db';
import { revokeSession } from '@/db/queries/auth';
import { audit } from '@/lib/audit';
import { getActor } from '@/lib/auth/actor';
import { signOut } from '@/lib/auth/next-auth';

/** Ends the session on the server (the cookie alone is not trusted), then clears the cookie. */
export async function logout(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    await getDb().transaction(async (tx) => {
      const revoked = await revokeSession(tx, actor.sessionId);
      if (revoked) await audit(tx, actor, { action: 'auth.signed_out', objectType: 'session', objectId: actor.sessionId });
    });
  }
  await signOut({ redirectTo: '/login' });
}
