import 'server-only';
/**
 * Limits on anonymous and sensitive forms, kept in the database (table `throttle_hits`) so that they hold
 * across restarts and app instances. Fixed windows: simple, exact under concurrency, and cheap (one upsert).
 * Check a limit before parsing or decoding anything the request carries.
 */
import type { Queryable } from '@/db';
import { countHit, deleteOldHits } from '@/db/queries/throttle';
import { now as clockNow } from '@/lib/clock';

export interface Limit {
  /** Names the limit in the table, e.g. `objection.client`. */
  bucket: string;
  /** Hits allowed per window. */
  max: number;
  windowSeconds: number;
}

/** `first`: this hit is the first refused one of its window (e.g. to write one audit row per window, not one per hit). */
export type ThrottleResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number; first?: boolean };

/**
 * Counts a hit against `limit` for `key`; refused once the window's count passes `max`. `cost` counts one
 * request as several hits (e.g. the images it carries); a refused request is counted too.
 */
export async function consume(db: Queryable, limit: Limit, key: string, at: Date = clockNow(), cost = 1): Promise<ThrottleResult> {
  if (!Number.isSafeInteger(cost) || cost < 1) throw new RangeError(`throttle cost must be a positive integer, got ${cost}`);
  const hits = await countHit(db, limit.bucket, key, limit.windowSeconds, at, cost);
  // Now and then (about one window in 200) sweep windows that ended more than a day ago.
  if (hits === cost && Math.random() < 0.005) await deleteOldHits(db, new Date(at.getTime() - 86_400_000 - limit.windowSeconds * 1000));
  if (hits <= limit.max) return { ok: true, remaining: limit.max - hits };
  return { ok: false, retryAfterSeconds: retryAfter(limit, at), first: hits - cost <= limit.max };
}

function retryAfter(limit: Limit, at: Date) {
  const ms = limit.windowSeconds * 1000;
  return Math.ceil((ms - (at.getTime() % ms)) / 1000);
}

/** A Chinese sentence for a refused request. */
export function throttledMessage(r: { retryAfterSeconds: number }) {
  const minutes = Math.max(1, Math.ceil(r.retryAfterSeconds / 60));
  return `提交过于频繁，请 ${minutes} 分钟后再试。`;
}
