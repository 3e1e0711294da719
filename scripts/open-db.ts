/** Opens the configured database for a command-line script (no `server-only` here). */
import { openPglite, openPostgres, type DbHandle } from '../db/client';
import { env } from '../lib/env';

export function openConfiguredDb(): DbHandle {
  const e = env();
  return e.DATABASE_URL ? openPostgres(e.DATABASE_URL, 4) : openPglite(e.pgliteDir);
}

export function describeDb(): string {
  const e = env();
  return e.DATABASE_URL ? `PostgreSQL (${new URL(e.DATABASE_URL).pathname.slice(1)})` : `PGlite (${e.pgliteDir})`;
}

/** Runs a script body against the configured database, closing it (and releasing the lock) afterwards. */
export async function withDb<T>(body: (h: DbHandle) => Promise<T>): Promise<T> {
  let handle: DbHandle;
  try {
    handle = openConfiguredDb();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  try {
    return await body(handle);
  } finally {
    await handle.close();
  }
}
