/**
 * `npm run bench:search`: server time of the /projects search (the query function the page calls) for
 * realistic two-character Chinese queries, which trigram indexes cannot serve (STACK.md). Prints p50/p95/p99.
 *
 *   npm run bench:search                          the configured database (DATABASE_URL, else DATA_DIR's PGlite;
 *                                                 stop the server first: the embedded folder is locked)
 *   npm run bench:search -- --temp                a fresh in-memory PGlite with the demo city
 *   npm run bench:search -- --temp --estates 50000   …plus synthetic estates up to that many (SPEC §6 scale)
 *   npm run bench:search -- --url http://localhost:3000   also time full HTTP requests to a running server
 *   --rounds N                                    passes over the query set (default 30)
 *
 * Figures only: timing depends on the machine and what else runs on it, so nothing here passes or fails.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openPgliteMemory, type DbHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { searchPublicProjects } from '../db/queries/public-projects';
import { seedDemo } from '../db/seed';
import { ESTATE_PREFIXES, ESTATE_SUFFIXES, ROADS } from '../db/seed/names';
import { env } from '../lib/env';
import { idKeysFrom } from '../lib/security/id-crypto';
import { describeDb, openConfiguredDb } from './open-db';

const { values: args } = parseArgs({
  options: {
    temp: { type: 'boolean', default: false },
    estates: { type: 'string' },
    rounds: { type: 'string', default: '30' },
    url: { type: 'string' },
  },
});
const rounds = Math.max(1, Number(args.rounds) || 30);
const targetEstates = args.estates ? Number(args.estates) : 0;
if (targetEstates && !args.temp) {
  console.error('--estates adds synthetic rows: only with --temp, never on a real database.');
  process.exit(2);
}

/** Two-character queries people type: estate-name prefixes and suffixes, road and place names of the demo city. */
const QUERIES = ['花园', '小区', '家园', '嘉园', '锦华', '天宫', '船山', '滨江', '明月', '凯旋', '南津', '遂州', '射洪', '太和', '子昂', '阳光', '翡翠', '书香', '公馆', '宿舍'];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function report(label: string, ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(`${label.padEnd(34)} n=${String(s.length).padStart(5)}  p50 ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  p99 ${f(percentile(s, 99))} ms  max ${f(s[s.length - 1]!)} ms`);
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function countEstates(h: DbHandle) {
  return Number(rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from projects`))[0]!.n);
}

const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

async function addSyntheticEstates(h: DbHandle, target: number) {
  const missing = target - (await countEstates(h));
  if (missing <= 0) return;
  const t = performance.now();
  const suffixes = ESTATE_SUFFIXES.map(([s]) => s);
  const districts = Object.keys(ROADS);
  const roads = districts.map((d) => ROADS[d]!.join(','));
  // One statement: names and addresses drawn from the seed's vocabularies, spread over the five districts.
  await h.db.execute(sql`
    insert into projects (name, address, district_id, type, households, floor_area)
    select
      (${textArray(ESTATE_PREFIXES)})[1 + (g * 7919) % ${ESTATE_PREFIXES.length}]
        || (${textArray(suffixes)})[1 + (g * 104729) % ${suffixes.length}] || (g % 97 + 1)::text || '期',
      (string_to_array((${textArray(roads)})[1 + g % ${districts.length}], ','))[1 + (g * 31) % 10] || (g % 399 + 1)::text || '号',
      (${textArray(districts)})[1 + g % ${districts.length}],
      '住宅', 200 + g % 2000, (20000 + g % 150000)::numeric
    from generate_series(1::bigint, ${missing}::bigint) as g`);
  await h.db.execute(sql`analyze projects`);
  console.log(`Added ${missing} synthetic estates in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
}

async function open(): Promise<DbHandle> {
  if (args.temp) {
    const h = openPgliteMemory();
    await runMigrations(h);
    const e = env();
    console.log('Loading the demo city into a temporary in-memory PGlite…');
    await seedDemo(h.db, { keys: idKeysFrom(e) });
    if (targetEstates) await addSyntheticEstates(h, targetEstates);
    return h;
  }
  try {
    return openConfiguredDb();
  } catch (err) {
    console.error(`${(err as Error).message}\nOr run with --temp to benchmark a temporary copy of the demo city.`);
    process.exit(2);
  }
}

const h = await open();
try {
  const db = h.db;
  const estates = await countEstates(h);
  if (estates === 0) {
    console.error(`No estates in ${describeDb()}: run \`npm run db:migrate && npm run db:seed\` first, or use --temp.`);
    process.exit(2);
  }
  console.log(`Database: ${args.temp ? 'temporary PGlite (in memory)' : describeDb()} (${h.kind}), ${estates} estates`);
  console.log(`Queries (${QUERIES.length}): ${QUERIES.join(' ')}`);

  // Warm-up: plans, caches, the JIT.
  const hits = new Map<string, number>();
  for (const q of QUERIES) hits.set(q, (await searchPublicProjects(db, { q })).total);
  console.log(`Matches per query: ${QUERIES.map((q) => `${q} ${hits.get(q)}`).join(', ')}`);

  const first: number[] = [];
  const later: number[] = [];
  const district: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      let t = performance.now();
      await searchPublicProjects(db, { q });
      first.push(performance.now() - t);
      t = performance.now();
      await searchPublicProjects(db, { q, page: 2 });
      later.push(performance.now() - t);
      t = performance.now();
      await searchPublicProjects(db, { q, district: '510903' });
      district.push(performance.now() - t);
    }
  }
  console.log('\nServer time of searchPublicProjects (count + one page of 20), ms:');
  report('two-character q, page 1', first);
  report('two-character q, page 2', later);
  report('two-character q + district', district);
  report('all of the above', [...first, ...later, ...district]);
  const p95 = percentile([...first, ...later, ...district].sort((a, b) => a - b), 95);
  console.log(`Issue target p95 < 50 ms: ${p95 < 50 ? 'met' : 'NOT met'} on this run (${p95.toFixed(2)} ms).`);

  if (args.url) {
    const base = args.url.replace(/\/+$/, '');
    const http: number[] = [];
    for (const q of QUERIES) await fetch(`${base}/projects?q=${encodeURIComponent(q)}`).then((r) => r.text());
    for (let r = 0; r < Math.max(1, Math.floor(rounds / 3)); r++) {
      for (const q of QUERIES) {
        const t = performance.now();
        const res = await fetch(`${base}/projects?q=${encodeURIComponent(q)}`);
        await res.text();
        if (!res.ok) throw new Error(`${res.status} for ${q}`);
        http.push(performance.now() - t);
      }
    }
    console.log(`\nFull HTTP GET /projects?q=… on ${base} (sequential, rendered HTML), ms:`);
    report('HTTP two-character q', http);
  }
} finally {
  await h.close();
}
