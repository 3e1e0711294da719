import 'server-only';
import { lt, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { throttleHits } from '@/db/schema';

/**
 * Counts `weight` hits (one by default) of `key` in the fixed window of `windowSeconds` that holds `now`, and
 * returns the window's count after them. One statement (upsert), so concurrent requests on any instance count exactly.
 */
export async function countHit(db: Queryable, bucket: string, key: string, windowSeconds: number, now: Date, weight = 1): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const [row] = await db
    .insert(throttleHits)
    .values({ bucket, key, windowStart, hits: weight })
    .onConflictDoUpdate({ target: [throttleHits.bucket, throttleHits.key, throttleHits.windowStart], set: { hits: sql`${throttleHits.hits} + ${weight}` } })
    .returning({ hits: throttleHits.hits });
  return row?.hits ?? weight;
}

/** Windows that ended before `before` are of no further use. */
export async function deleteOldHits(db: Queryable, before: Date) {
  await db.delete(throttleHits).where(lt(throttleHits.windowStart, before));
}
