/** Applies db/migrations to either driver. drizzle-kit migrate cannot load pg_trgm into PGlite (STACK.md). */
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DbHandle } from './client';

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

export async function runMigrations(handle: DbHandle, folder = migrationsFolder) {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder: folder });
  } else {
    await migratePostgres(handle.db as never, { migrationsFolder: folder });
  }
}
