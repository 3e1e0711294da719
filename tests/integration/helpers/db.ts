import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { TEST_PG_URL } from './env';
import { openPglite, openPgliteMemory, openPostgres, type DbHandle } from '../../../db/client';
import { runMigrations } from '../../../db/migrate';

export const DRIVERS = ['pglite', 'postgres'] as const;
export type Driver = (typeof DRIVERS)[number];

export interface TestDb {
  handle: DbHandle;
  cleanup: () => Promise<void>;
}

function pgUrl(db: string) {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

let counter = 0;

/** A private copy of the seeded demo city on the given driver. */
export async function openSeededDb(driver: Driver): Promise<TestDb> {
  if (driver === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'suining-test-'));
    cpSync(inject('seededPgliteDir'), path.join(dir, 'db'), { recursive: true });
    const handle = openPglite(path.join(dir, 'db'));
    return {
      handle,
      cleanup: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `suining_t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('seededPgTemplate')}`);
  const handle = openPostgres(pgUrl(name), 4);
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** An empty, migrated database on the given driver. */
export async function openEmptyDb(driver: Driver): Promise<TestDb> {
  if (driver === 'pglite') {
    const handle = openPgliteMemory();
    await runMigrations(handle);
    return { handle, cleanup: () => handle.close() };
  }
  const name = `suining_e_${process.pid}_${Date.now()}_${counter++}`;
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const handle = openPostgres(pgUrl(name), 4);
  await runMigrations(handle);
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Rows of a raw `db.execute` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
