/**
 * What a start does with an empty database: load the demo city, or nothing (docs/decisions/019-demo-mode.md).
 *
 * Demo mode (the README's `npm install && npm start`): the embedded database and NODE_ENV other than
 * `production`. Production (NODE_ENV=production, or a DATABASE_URL): never loads the published demo accounts
 * unless DEMO=1 forces it, and then every demo account must change its password at first sign-in.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { IdKeys } from '../../lib/security/id-crypto';
import { seedDemo, type SeedSummary } from './demo';

export interface DemoModeInput {
  NODE_ENV: 'development' | 'production' | 'test';
  DATABASE_URL?: string;
  /** `1` forces the demo (loudly, with password changes, in production); `0` never loads it. */
  DEMO?: '0' | '1';
}

export type DemoDecision =
  | { load: false; production: boolean; why: string }
  | { load: true; production: boolean; forced: boolean };

export function isProductionStart(e: DemoModeInput): boolean {
  return e.NODE_ENV === 'production' || !!e.DATABASE_URL;
}

export function demoDecision(e: DemoModeInput): DemoDecision {
  const production = isProductionStart(e);
  if (e.DEMO === '0') return { load: false, production, why: 'DEMO=0' };
  if (e.DEMO === '1') return { load: true, production, forced: production };
  if (production) {
    return {
      load: false,
      production,
      why: e.NODE_ENV === 'production' ? 'NODE_ENV=production' : 'DATABASE_URL is set',
    };
  }
  return { load: true, production, forced: false };
}

export const FORCED_DEMO_WARNING = [
  '',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '!! DEMO=1 in production: loading the DEMO CITY with its PUBLISHED accounts (city, chuanshan, company…).',
  '!! Every demo account must change its password at its first sign-in. Never do this on a real bureau’s',
  '!! database: the demo data is fictitious and public. Unset DEMO to stop loading it.',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '',
].join('\n');

async function userCount(db: Db): Promise<number> {
  const r = (await db.execute(sql`select count(*)::int as n from users`)) as unknown;
  const rows = (Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}

export type FirstStartResult =
  | { action: 'none'; reason: 'has-users' }
  | { action: 'none'; reason: 'production'; why: string }
  | { action: 'seeded'; forced: boolean; summary: SeedSummary };

export interface Logger {
  log: (line: string) => void;
  warn: (line: string) => void;
}

/** Runs on every `npm start` after the migrations. Does nothing to a database that has any account. */
export async function prepareFirstStart(
  db: Db,
  e: DemoModeInput,
  keys: IdKeys,
  out: Logger = { log: console.log, warn: console.warn },
  label = 'the database',
): Promise<FirstStartResult> {
  if ((await userCount(db)) > 0) return { action: 'none', reason: 'has-users' };
  const d = demoDecision(e);
  if (!d.load) {
    out.log(
      `Empty database (${label}) in production mode (${d.why}): no demo accounts are loaded. ` +
        'Create the first city administrator with `npm run user:create-admin -- --username NAME --name 显示名`.',
    );
    return { action: 'none', reason: 'production', why: d.why };
  }
  if (d.forced) out.warn(FORCED_DEMO_WARNING);
  out.log(`First start on ${label}: loading the demo city…`);
  const summary = await seedDemo(db, { keys, mustChangePassword: d.forced });
  return { action: 'seeded', forced: d.forced, summary };
}
