import 'server-only';
/** One-time codes (one_time_codes): only a hash is stored; a try is counted atomically before it is judged. */
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { oneTimeCodes } from '@/db/schema';

export async function insertOneTimeCode(
  db: Queryable,
  c: { id: string; purpose: string; subjectType: string; subjectId: string; codeHash: string; expiresAt: Date; createdAt: Date },
) {
  await db.insert(oneTimeCodes).values(c);
}

/**
 * Counts one try on a live code (not used, not expired at `at`, fewer than `maxTries` tries so far) and returns
 * it; null when there is no such code (unknown, used, expired or out of tries).
 */
export async function takeTry(db: Queryable, id: string, purpose: string, maxTries: number, at: Date) {
  const [row] = await db
    .update(oneTimeCodes)
    .set({ attempts: sql`${oneTimeCodes.attempts} + 1` })
    .where(and(eq(oneTimeCodes.id, id), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, at), lt(oneTimeCodes.attempts, maxTries)))
    .returning({ subjectType: oneTimeCodes.subjectType, subjectId: oneTimeCodes.subjectId, codeHash: oneTimeCodes.codeHash, attempts: oneTimeCodes.attempts });
  return row ?? null;
}

/** Marks the code used; false when another request used it first. */
export async function markUsed(db: Queryable, id: string, at: Date) {
  const done = await db
    .update(oneTimeCodes)
    .set({ usedAt: at })
    .where(and(eq(oneTimeCodes.id, id), isNull(oneTimeCodes.usedAt)))
    .returning({ id: oneTimeCodes.id });
  return done.length === 1;
}
