/**
 * Loads the demo city (SPEC §5) into an empty database: idempotent (a database that already has the `city`
 * account is left alone) and all-or-nothing (one transaction).
 */
import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../client';
import * as schema from '../schema';
import type { IdKeys } from '../../lib/security/id-crypto';
import { buildDemo, DEMO_PASSWORD, DEMO_USERNAMES, type DemoData, type DemoFacts, type DemoUsername } from './build';
import { insertDemoPhotos } from './photos';

export interface SeedOptions {
  keys: IdKeys;
  /** Same seed, same city. Default `suining-demo-2026`. */
  seed?: string;
  /** The "today" of the generated data (not the wall clock). Default 2026-11-01. */
  referenceDate?: string;
  /** Demo accounts must change their password at first sign-in (a demo forced onto a production start). */
  mustChangePassword?: boolean;
}

export type SeedCounts = Record<Exclude<keyof DemoData, 'facts'> | 'auditEvents' | 'photos', number>;

export type SeedSummary =
  | { skipped: true }
  | { skipped: false; ms: number; counts: SeedCounts; facts: DemoFacts };

/** @node-rs/argon2 `Algorithm.Argon2id` (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const BATCH = 500;

/** Serialises two seeders started at once on one database (the second sees `city` and skips). */
const SEED_LOCK = 7305002;

async function insertAll(tx: Tx, table: PgTable, rows: readonly Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await tx.insert(table).values(rows.slice(i, i + BATCH) as any);
  }
}

async function demoPresent(q: Db | Tx) {
  const found = await q.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, 'city')).limit(1);
  return found.length > 0;
}

export async function seedDemo(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  if (await demoPresent(db)) return { skipped: true };

  const passwordHashes = {} as Record<DemoUsername, string>;
  for (const u of DEMO_USERNAMES) {
    passwordHashes[u] = await hash(DEMO_PASSWORD, { algorithm: ARGON2ID as never });
  }
  const data = buildDemo({ keys: opts.keys, seed: opts.seed, referenceDate: opts.referenceDate, passwordHashes });
  if (opts.mustChangePassword) data.users = data.users.map((u) => ({ ...u, mustChangePassword: true }));

  const order: [keyof Omit<DemoData, 'facts'>, PgTable][] = [
    ['regions', schema.regions],
    ['organisations', schema.organisations],
    ['creditPolicies', schema.creditPolicies],
    ['users', schema.users],
    ['companies', schema.companies],
    ['companyVersions', schema.companyVersions],
    ['companyManagers', schema.companyManagers],
    ['projects', schema.projects],
    ['serviceContracts', schema.serviceContracts],
    ['disclosureBoards', schema.disclosureBoards],
    ['practitioners', schema.practitioners],
    ['certificates', schema.certificates],
    ['employments', schema.employments],
    ['practitionerRecords', schema.practitionerRecords],
    ['creditRecords', schema.creditRecords],
    ['estateRatings', schema.estateRatings],
    ['ratingPublications', schema.ratingPublications],
    ['annualEvaluations', schema.annualEvaluations],
    ['listEntries', schema.listEntries],
    ['listEvents', schema.listEvents],
    ['companyFlags', schema.companyFlags],
    ['submissions', schema.submissions],
    ['notices', schema.notices],
    ['dataRequests', schema.dataRequests],
    ['rosterVerifications', schema.rosterVerifications],
    ['rectificationOrders', schema.rectificationOrders],
    ['inspectors', schema.inspectors],
    ['spotChecks', schema.spotChecks],
    ['spotCheckItems', schema.spotCheckItems],
  ];
  const counts = Object.fromEntries(order.map(([k]) => [k, data[k].length])) as SeedCounts;
  counts.auditEvents = 1;
  counts.photos = 0;

  const written = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await demoPresent(tx)) return false;
    for (const [key, table] of order) await insertAll(tx, table, data[key] as Record<string, unknown>[]);
    // 执业登记号 for everyone approved, in the migration's fixed order (0012, decision 032).
    await tx.execute(sql`select assign_registry_numbers()`);
    counts.photos = await insertDemoPhotos(tx);
    await tx.insert(schema.auditEvents).values({
      actorLabel: '系统',
      action: 'seed.loaded',
      objectType: 'system',
      after: { seed: data.facts.seed, referenceDate: data.facts.referenceDate, counts },
    });
    return true;
  });
  if (!written) return { skipped: true };
  return { skipped: false, ms: Math.round(performance.now() - started), counts, facts: data.facts };
}
