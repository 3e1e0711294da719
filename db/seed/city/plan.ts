/**
 * The city-scale data set's sizes and context: how many rows `--scale` asks for, and what the generators
 * take from the demo city already in the database (regions, bureaus, the policy, the published quarters).
 */
import type { CreditPolicy } from '../../../lib/domain/credit-policy';
import { buildRegions, DISTRICTS, type StreetInfo } from '../regions';
import type { Loader } from './copy';

/** SPEC §6: the size the platform must stay fast at. */
export const CITY_TARGETS = { companies: 10_000, estates: 50_000, practitioners: 1_000_000 } as const;

/** Largest scale allowed on the embedded database (PGlite runs in the process; it is for tests and trying out). */
export const PGLITE_MAX_SCALE = 0.02;

/** `city` → 1; `1/20` or `0.05` → that fraction of the city. */
export function parseScale(s: string): number {
  const t = s.trim().toLowerCase();
  if (t === 'city' || t === 'full') return 1;
  const frac = /^(\d+)\/(\d+)$/.exec(t);
  const n = frac ? Number(frac[1]) / Number(frac[2]) : /^\d*\.?\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new Error(`--scale must be "city" or a fraction in (0, 1], e.g. 1/20 or 0.05 (got "${s}")`);
  return n;
}

export interface Existing {
  companies: number;
  estates: number;
  practitioners: number;
}

/** The rows to add so that the totals reach the scale's share of the targets (the demo city counts towards them). */
export function rowsToAdd(scale: number, existing: Existing): Existing {
  const want = (n: number) => Math.round(n * scale);
  return {
    companies: Math.max(0, want(CITY_TARGETS.companies) - existing.companies),
    estates: Math.max(0, want(CITY_TARGETS.estates) - existing.estates),
    practitioners: Math.max(0, want(CITY_TARGETS.practitioners) - existing.practitioners),
  };
}

export interface PublishedQuarter {
  year: number;
  quarter: number;
  /** China date of publication. */
  on: string;
}

export interface CityContext {
  seed: string;
  /** The data's "today" (the demo city's reference date). */
  ref: string;
  policy: CreditPolicy;
  policyVersion: number;
  streets: StreetInfo[];
  districtNames: Map<string, string>;
  /** District id → its bureau's organisation id (reporter of records). */
  bureauOf: Map<string, string>;
  cityUserId: string;
  /** The four published quarters, oldest first. */
  quarters: PublishedQuarter[];
  /** What the demo city already uses and generated rows must not repeat. */
  demoIdHashes: Set<string>;
  demoMobiles: Set<string>;
  demoCompanyNames: Set<string>;
}

const DEMO_REFERENCE_DATE = '2026-11-01';

export async function loadContext(db: Loader, seed: string): Promise<CityContext> {
  const [policyRow] = await db.query<{ version: number; settings: CreditPolicy | string }>(
    'select version, settings from credit_policies order by version desc limit 1',
  );
  if (!policyRow) throw new Error('No credit policy: load the demo city first.');
  const settings = typeof policyRow.settings === 'string' ? (JSON.parse(policyRow.settings) as CreditPolicy) : policyRow.settings;
  const bureaus = await db.query<{ id: string; region_id: string }>("select id, region_id from organisations where kind = 'district_bureau'");
  const [city] = await db.query<{ id: string }>("select id from users where username = 'city' limit 1");
  if (!city) throw new Error('The demo city account is missing: load the demo city first.');
  const quarters = await db.query<{ year: number; quarter: number; on: string }>(
    "select year, quarter, to_char(published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as on from rating_publications order by year, quarter",
  );
  const hashes = await db.query<{ h: string; m: string }>('select id_number_hash as h, mobile as m from practitioners');
  const names = await db.query<{ name: string }>('select name from companies');
  return {
    seed,
    ref: DEMO_REFERENCE_DATE,
    policy: settings,
    policyVersion: Number(policyRow.version),
    streets: buildRegions().streets,
    districtNames: new Map(DISTRICTS.map((d) => [d.id, d.name])),
    bureauOf: new Map(bureaus.map((b) => [b.region_id, b.id])),
    cityUserId: city.id,
    quarters: quarters.map((q) => ({ year: Number(q.year), quarter: Number(q.quarter), on: q.on })),
    demoIdHashes: new Set(hashes.map((r) => r.h)),
    demoMobiles: new Set(hashes.map((r) => r.m)),
    demoCompanyNames: new Set(names.map((r) => r.name)),
  };
}

/** Split `total` into parts proportional to `weights` (largest remainder): the parts add up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || weights.length === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}
