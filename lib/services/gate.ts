import { fail, type ActionResult } from '@/lib/actions/result';
import { can, type Actor, type Permission } from '@/lib/auth/policy';

/**
 * The first check of a service: a signed-in actor who holds `permission` (before any object is looked up).
 * Pair it with `refused`: `if (!allowed(actor, 'x')) return refused(actor);`.
 */
export function allowed(actor: Actor | null, permission: Permission): actor is Actor {
  return !!actor && can(actor, permission);
}

/** The answer when `allowed` says no: UNAUTHENTICATED without an actor, FORBIDDEN for one without the permission. */
export function refused(actor: Actor | null): ActionResult<never> {
  return actor ? fail('FORBIDDEN') : fail('UNAUTHENTICATED');
}
