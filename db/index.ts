import 'server-only';
/**
 * The application's database: created once per process, on first use, and kept on globalThis because
 * Next.js may load this module more than once (two PGlite instances on one folder must never exist).
 */
import { env } from '@/lib/env';
import { openPglite, openPostgres, type Db, type DbHandle } from './client';

export type { Db, Tx, Queryable } from './client';

const g = globalThis as typeof globalThis & { __dbHandle?: DbHandle };

export function getDbHandle(): DbHandle {
  if (!g.__dbHandle) {
    const e = env();
    g.__dbHandle = e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : openPglite(e.pgliteDir);
  }
  return g.__dbHandle;
}

export function getDb(): Db {
  return getDbHandle().db;
}

/** Tests swap in a database of their own. */
export function setDbHandleForTests(handle: DbHandle | undefined) {
  g.__dbHandle = handle;
}

export async function closeDb() {
  const h = g.__dbHandle;
  g.__dbHandle = undefined;
  await h?.close();
}
