import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { loadSessionActor, touchSession } from '@/db/queries/auth';
import { audit } from '@/lib/audit';
import { auth } from './next-auth';
import { clientIp } from './client-ip';
import { idleLimitSeconds, type Actor, type Role } from './policy';

/** Refresh last-seen at most once a minute: idle limits are in minutes, writes are not free. */
const TOUCH_AFTER_SECONDS = 60;

/**
 * The signed-in user of this request, or null. Checks the server-side session on every request, so that
 * sign-out, revocation, expiry and the idle limits take effect at once. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const sid = session?.sid;
  if (!sid || !/^[0-9a-f-]{36}$/.test(sid)) return null;
  const db = getDb();
  const loaded = await loadSessionActor(db, sid, idleLimitSeconds);
  if (!loaded || !loaded.valid) return null;
  if (loaded.secondsSinceSeen > TOUCH_AFTER_SECONDS) await touchSession(db, sid);
  return { ...loaded.actor, ip: clientIp(await headers()) };
});

/**
 * For pages: the actor, who must hold one of `roles`. Anonymous users go to sign-in; a signed-in user of
 * another role gets 404, exactly as for an object outside their scope.
 */
export async function requireActor(roles: readonly Role[], from?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(from ? `/login?next=${encodeURIComponent(from)}` : '/login');
  if (actor.mustChangePassword) redirect('/account/password');
  if (!roles.includes(actor.role)) {
    await recordOutOfScopePage(actor);
    notFound();
  }
  return actor;
}

/** SPEC §1: a request outside the user's scope answers 404 and is written to the audit log. */
export async function recordOutOfScope(actor: Actor, objectType: string, objectId: string | null) {
  await audit(getDb(), actor, { action: 'access.out_of_scope', objectType, objectId });
}

/**
 * For a detail page: the object the scoped query `found` (null: missing or out of scope). Out of scope answers
 * 404 exactly like missing, and an object that `exists` outside the scope is written to the audit log first.
 */
export async function inScopeOrNotFound<T>(actor: Actor, found: T | null, object: { type: string; id: string; exists: () => Promise<boolean> }): Promise<T> {
  if (found) return found;
  if (await object.exists()) await recordOutOfScope(actor, object.type, object.id);
  notFound();
}

// A layout and its page both check the same request: one row per request (keyed on the request's actor),
// naming the path requested as set by proxy.ts.
const recordOutOfScopePage = cache(async (actor: Actor) => {
  await recordOutOfScope(actor, 'page', (await headers()).get('x-request-path'));
});
