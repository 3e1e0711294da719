import 'server-only';
/**
 * Limits on the anonymous forms (objections, statements, the own-record look-up and its one-time code), per
 * client address and per target, kept in the database (lib/security/throttle). A service checks them first —
 * before it parses much and before any upload is decoded. The target limits of the person's own forms are
 * separate from those of the public's, so that strangers filing on a record never use up the person's own.
 */
import type { Queryable } from '@/db';
import { fail, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { consume, throttledMessage, type Limit } from '@/lib/security/throttle';

const HOUR = 3600;
const DAY = 86_400;

export const LIMITS = {
  /** Any objection or statement form, per client address. */
  filingClient: { bucket: 'filing.client', max: 10, windowSeconds: HOUR },
  /** Objections by the public on one record. */
  publicTarget: { bucket: 'filing.public.target', max: 5, windowSeconds: DAY },
  /** The person's own objections and statements on themselves or one of their records. */
  ownTarget: { bucket: 'filing.own.target', max: 10, windowSeconds: DAY },
  /** Owners' complaints and praise per phone number (keyed by its hash): one person, not one estate, is capped. */
  complaintPhone: { bucket: 'complaint.phone', max: 5, windowSeconds: DAY },
  /** Step 1 of the identity check (name, ID number, mobile), per client address. */
  identityClient: { bucket: 'identity.client', max: 10, windowSeconds: HOUR },
  /** Step 1 per ID number (keyed by its hash, whether or not anyone has it): caps the codes sent to one person. */
  identityTarget: { bucket: 'identity.target', max: 3, windowSeconds: HOUR },
  /** Step 2 (the code), per client address; each code also allows only a few tries of its own. */
  codeClient: { bucket: 'identity.code.client', max: 20, windowSeconds: HOUR },
} as const satisfies Record<string, Limit>;

export interface Check {
  limit: Limit;
  key: string;
}

export const clientKey = (ip: string | null | undefined) => ip || 'unknown';

/**
 * Counts one hit on each limit; the first refusal answers LOCKED with a Chinese message. The first refused hit
 * of a window writes an audit row (not every one: a flood must not fill the log).
 */
export async function admit(db: Queryable, ip: string | null | undefined, checks: Check[], at: Date): Promise<ActionResult<undefined>> {
  for (const c of checks) {
    const r = await consume(db, c.limit, c.key, at);
    if (r.ok) continue;
    if (r.first) {
      await audit(db, { label: '匿名访问', ip: ip ?? null }, { action: 'throttle.refused', objectType: 'throttle', objectId: c.limit.bucket, after: { bucket: c.limit.bucket, max: c.limit.max, windowSeconds: c.limit.windowSeconds } });
    }
    return fail('LOCKED', throttledMessage(r));
  }
  return { ok: true, data: undefined };
}
