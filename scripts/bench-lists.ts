/**
 * `npm run bench`: HTTP throughput and p99 of every public page type beside the server's own static floor (one of
 * its `/_next/static` files), measured in the same run with autocannon (issue 14). Pages are served by the page
 * cache of `npm start` (docs/decisions/021-page-cache.md); the `cache` column says what the server answered.
 *
 *   npm run bench                         builds if needed, starts the production server on a fresh embedded
 *                                         database with the demo city (a temporary DATA_DIR), measures, stops it
 *   npm run bench -- --postgres           the same on a fresh PostgreSQL database (TEST_DATABASE_URL's server)
 *   npm run bench -- --database-url URL   a server started here on an existing, migrated and seeded database
 *                                         (e.g. the city-scale data: `npm run db:seed -- --scale city`)
 *   npm run bench -- --scale city         the same with DATABASE_URL
 *   npm run bench -- --url http://localhost:3000   measures a server that is already running
 *   --duration S (default 8) · --connections N (default 50) · --port P (default 3190) · --only REGEX
 *
 * Figures only: they depend on the machine and what else runs on it, so nothing here passes or fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { startDemoServer, type DemoServer } from './demo-server';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    postgres: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    scale: { type: 'string' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '3190' },
    only: { type: 'string' },
  },
});
const duration = Math.max(1, Number(args.duration) || 8);
const connections = Math.max(1, Number(args.connections) || 50);
const port = Number(args.port);
const cleanups: (() => void | Promise<void>)[] = [];

async function waitUp(base: string) {
  const until = Date.now() + 900_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${base} did not start`);
}

/** `scripts/serve.mjs` (what `npm start` serves with) on a database that is already migrated and seeded. */
async function serveOn(databaseUrl: string): Promise<string> {
  if (spawnSync('test', ['-f', '.next/BUILD_ID']).status !== 0) {
    const b = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
    if (b.status !== 0) process.exit(1);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'suining-bench-'));
  const server: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, NODE_ENV: 'production' } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  cleanups.push(() => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const base = `http://localhost:${port}`;
  await waitUp(base);
  return base;
}

/** A fresh PostgreSQL database with the demo city (the e2e fixture's loader: published demo passwords). */
async function postgresDemo(): Promise<string> {
  const admin = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `suining_bench_${port}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${name} with (force)`);
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  const keys = Object.fromEntries(['AUTH_SECRET', 'ID_ENCRYPTION_KEY', 'ID_HASH_KEY', 'AUDIT_CHECKPOINT_KEY'].map((k) => [k, process.env[k] ?? randomBytes(32).toString('base64')]));
  Object.assign(process.env, keys);
  console.log(`Loading the demo city into PostgreSQL (${name})…`);
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/e2e/fixtures/seed-postgres.ts'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
  cleanups.push(async () => {
    const s = postgres(admin, { max: 1, onnotice: () => {} });
    await s.unsafe(`drop database if exists ${name} with (force)`);
    await s.end();
  });
  return url;
}

let demo: DemoServer | undefined;
async function startServer(): Promise<{ base: string; db: string }> {
  if (args.url) return { base: args.url.replace(/\/+$/, ''), db: 'a running server' };
  const dbUrl = args['database-url'] ?? (args.scale === 'city' ? process.env.DATABASE_URL : undefined);
  if (args.scale === 'city' && !dbUrl) throw new Error('--scale city needs DATABASE_URL (or --database-url) of a city-scale database');
  if (dbUrl) return { base: await serveOn(dbUrl), db: `PostgreSQL ${new URL(dbUrl).pathname.slice(1)}${args.scale ? ` (${args.scale} scale)` : ''}` };
  if (args.postgres) return { base: await serveOn(await postgresDemo()), db: 'PostgreSQL (demo city)' };
  demo = await startDemoServer({ port, name: 'bench' });
  cleanups.push(() => demo?.stop());
  return { base: demo.base, db: 'PGlite (demo city)' };
}

/** A file from the build's static folder: what the server sends without rendering anything (the floor). */
function staticAsset(): string {
  const dir = path.join(process.cwd(), '.next/static/chunks');
  const file = readdirSync(dir).find((f) => f.endsWith('.js'));
  if (!file) throw new Error('no static asset in .next/static/chunks: run `npm run build`');
  return `/_next/static/chunks/${file}`;
}

/** The first link on `page` whose path matches `re`. */
async function firstLink(base: string, page: string, re: RegExp): Promise<string> {
  const html = await (await fetch(base + page)).text();
  for (const m of html.matchAll(/href="([^"]+)"/g)) {
    const href = m[1]!.replace(/&amp;/g, '&');
    if (re.test(href)) return href;
  }
  throw new Error(`no link matching ${re} on ${page}`);
}

interface Row {
  label: string;
  rps: number;
  p99: number;
  bad: number;
  cache: string;
}

async function measure(base: string, label: string, p: string): Promise<Row> {
  // The first request renders and fills the cache; the second says what the server now answers.
  await (await fetch(base + p)).arrayBuffer();
  const head = await fetch(base + p);
  await head.arrayBuffer();
  const r = await autocannon({ url: base + p, connections, duration });
  return { label, rps: r.requests.average, p99: r.latency.p99, bad: r.non2xx + r.errors, cache: head.headers.get('x-page-cache') ?? '—' };
}

try {
  const { base, db } = await startServer();
  const company = await firstLink(base, '/companies', /^\/companies\/[0-9A-Z]{18}$/);
  const estate = await firstLink(base, '/projects', /^\/projects\/[0-9a-f-]{36}$/);
  const card = await firstLink(base, estate, /^\/projects\/[0-9a-f-]{36}\/staff\/[0-9a-f-]{36}$/).catch(() => null);
  const targets: [string, string][] = [
    ['static floor (a /_next/static file)', staticAsset()],
    ['/ (home)', '/'],
    ['/lists/red', '/lists/red'],
    ['/lists/black?district=510903', '/lists/black?district=510903'],
    ['/companies', '/companies'],
    ['/companies/[uscc]', company],
    ['/projects', '/projects'],
    ['/projects?q=花园', `/projects?q=${encodeURIComponent('花园')}`],
    ['/projects/[id]', estate],
    ...(card ? ([['/projects/[id]/staff/[pid] (card)', card]] as [string, string][]) : []),
    ['/search?q=物业', `/search?q=${encodeURIComponent('物业')}`],
    ['/verify', '/verify'],
    ['/open-data', '/open-data'],
    ['/stats', '/stats'],
    ['/api/v1/stats?format=csv', '/api/v1/stats?format=csv'],
    ['/api/v1/lists/black', '/api/v1/lists/black'],
    ['/api/v1/lists/red?format=csv', '/api/v1/lists/red?format=csv'],
    ['/api/v1/companies/[uscc]', `/api/v1${company}`],
    ['/feeds/lists.xml', '/feeds/lists.xml'],
    ['/login (never cached)', '/login'],
  ];
  const only = args.only ? new RegExp(args.only) : null;
  console.log(`autocannon: ${connections} connections, ${duration} s each, against ${base} on ${db}; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  const rows: Row[] = [];
  for (const [label, p] of targets) {
    if (only && rows.length > 0 && !only.test(label)) continue;
    rows.push(await measure(base, label, p));
    const r = rows.at(-1)!;
    console.log(`  measured ${r.label}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms`);
  }
  const floor = rows[0]!.rps;
  console.log('');
  console.log(`${'page type'.padEnd(40)} ${'req/s'.padStart(7)} ${'% floor'.padStart(8)} ${'p99 ms'.padStart(7)} ${'cache'.padStart(7)} ${'non-2xx'.padStart(8)}`);
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(40)} ${String(Math.round(r.rps)).padStart(7)} ${`${Math.round((100 * r.rps) / Math.max(1, floor))} %`.padStart(8)} ${String(r.p99).padStart(7)} ${r.cache.padStart(7)} ${String(r.bad).padStart(8)}`,
    );
  }
  console.log('\n% floor: throughput as a share of the static floor measured in this run (target ≥ 50 %, p99 ≤ 100 ms: issue 14).');
} finally {
  for (const c of cleanups.reverse()) await c();
}
