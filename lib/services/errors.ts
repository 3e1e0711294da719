import type { Db, Tx } from '@/db';
import { fail, type ActionResult } from '@/lib/actions/result';

/** A unique-constraint violation (SQLSTATE 23505), on either driver, possibly wrapped by drizzle. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Thrown inside a transaction to roll it back and answer with `result` (an expected failure, or a twin's success). */
export class Rollback extends Error {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(readonly result: ActionResult<any>) {
    super(result.ok ? 'rollback' : result.message);
    this.name = 'Rollback';
  }
}

/** `db.transaction(fn)`, where a thrown Rollback becomes the answer instead of an error. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await db.transaction(fn);
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}

/** A Rollback for an optimistic lock that lost: the answer is CONFLICT with the message the user sees. */
export class LostRace extends Rollback {
  constructor(userMessage: string) {
    super(fail('CONFLICT', userMessage));
    this.name = 'LostRace';
  }
}
