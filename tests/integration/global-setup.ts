/**
 * Seeds the demo city once per driver: a PGlite folder that each test file copies, and a PostgreSQL
 * template database that each test file clones (CREATE DATABASE … TEMPLATE). Tests then mutate freely.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import './helpers/env';
import { TEST_PG_URL } from './helpers/env';
import { openPglite, openPostgres } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { keysFromBase64 } from '../../lib/security/id-crypto';

const stamp = `${process.pid}_${Date.now()}`;
const pgliteDir = path.join(os.tmpdir(), `suining-seeded-${stamp}`);
const templateDb = `suining_tpl_${stamp}`;

function pgUrl(db: string) {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const keys = keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
  const lite = openPglite(path.join(pgliteDir, 'db'));
  await runMigrations(lite);
  await seedDemo(lite.db, { keys });
  await lite.close();

  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${templateDb}`);
  const pg = openPostgres(pgUrl(templateDb), 4);
  await runMigrations(pg);
  await seedDemo(pg.db, { keys });
  await pg.close();

  project.provide('seededPgliteDir', path.join(pgliteDir, 'db'));
  project.provide('seededPgTemplate', templateDb);

  return async () => {
    rmSync(pgliteDir, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${templateDb} with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    seededPgliteDir: string;
    seededPgTemplate: string;
  }
}
