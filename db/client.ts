/**
 * Database clients: PGlite in a data folder (embedded default) or PostgreSQL through postgres.js.
 * Both are typed as one PgDatabase so that queries do not care which runs underneath.
 *
 * PGlite has no lock between processes, and two processes on one folder silently lose writes (STACK.md):
 * the folder is locked at open, and a second process is refused with a clear message.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import lockfile from 'proper-lockfile';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: what queries take. */
export type Queryable = Db | Tx;

export class DatabaseLockedError extends Error {
  constructor(dir: string) {
    super(
      `嵌入式数据库目录 ${dir} 正被另一个进程使用（例如另一个已启动的服务器）。\n` +
        `The embedded database folder ${dir} is in use by another process. Stop that process first, ` +
        `or point DATA_DIR at another folder. (A lock left by a crashed process expires after 30 seconds.)`,
    );
    this.name = 'DatabaseLockedError';
  }
}

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL on the underlying client (migrations, audit verification). */
  close: () => Promise<void>;
  pglite?: PGlite;
  sql?: postgres.Sql;
}

export function openPglite(dir: string): DbHandle {
  const abs = path.resolve(dir);
  mkdirSync(abs, { recursive: true });
  let release: () => void;
  try {
    release = lockfile.lockSync(abs, {
      lockfilePath: `${abs}.lock`,
      realpath: false,
      stale: 30_000,
      update: 5_000,
      onCompromised: (err) => {
        // A long synchronous PGlite query can delay the mtime refresh; log rather than crash the server.
        console.error('[db] PGlite folder lock refresh failed:', err.message);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DatabaseLockedError(abs);
    throw err;
  }
  const pglite = new PGlite(abs, { extensions: { pg_trgm } });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

/** In-memory PGlite for tests: no folder, no lock. */
export function openPgliteMemory(): DbHandle {
  const pglite = new PGlite({ extensions: { pg_trgm } });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return { db, kind: 'pglite', pglite, close: () => pglite.close() };
}

export function openPostgres(url: string, max = 10): DbHandle {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  const db = drizzlePostgres(sql, { schema }) as unknown as Db;
  return { db, kind: 'postgres', sql, close: () => sql.end({ timeout: 5 }) };
}
