/**
 * `npm run bench`: HTTP throughput of the public lists beside a static file, measured in the same run on the same
 * machine (ISSUE 6 item 10: the list pages and the list API are served from the full route cache, invalidated by
 * LISTS_TAG, and should stay within a factor of 2 of a static page — /open-data, prerendered at build time).
 *
 *   npm run bench                              builds if needed, starts the production server on a fresh embedded
 *                                              database with the demo city (a temporary DATA_DIR), measures, stops it
 *   npm run bench -- --url http://localhost:3000   measures a server that is already running
 *   --duration S (default 10) · --connections N (default 50, as STACK.md) · --port P (default 3190)
 *
 * Figures only: they depend on the machine and what else runs on it, so nothing here passes or fails.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoServer, type DemoServer } from './demo-server';
import autocannon from 'autocannon';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '3190' },
  },
});
const duration = Math.max(1, Number(args.duration) || 10);
const connections = Math.max(1, Number(args.connections) || 50);

let demo: DemoServer | undefined;
const stop = () => demo?.stop();

async function startServer(): Promise<string> {
  demo = await startDemoServer({ port: Number(args.port), name: 'bench' });
  return demo.base;
}

/** A file from the build's static folder: what Next serves without rendering anything. */
function staticAsset(): string {
  const dir = path.join(process.cwd(), '.next/static/chunks');
  const file = readdirSync(dir).find((f) => f.endsWith('.css')) ?? readdirSync(dir).find((f) => f.endsWith('.js'));
  if (!file) throw new Error('no static asset in .next/static/chunks: run `npm run build`');
  return `/_next/static/chunks/${file}`;
}

interface Row {
  label: string;
  path: string;
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
  cache: string;
}

async function measure(base: string, label: string, p: string): Promise<Row> {
  // Warm once (the first request renders and fills the cache), then note what the cache says.
  await fetch(base + p);
  const head = await fetch(base + p);
  await head.arrayBuffer();
  const r = await autocannon({ url: base + p, connections, duration });
  return { label, path: p, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, cache: head.headers.get('x-nextjs-cache') ?? '—' };
}

const base = args.url ? args.url.replace(/\/+$/, '') : await startServer();
try {
  const targets: [string, string][] = [
    ['/open-data (static page, baseline)', '/open-data'],
    ['static asset', staticAsset()],
    ['/lists/red', '/lists/red'],
    ['/lists/black?district=510903', '/lists/black?district=510903'],
    ['/api/v1/lists/black', '/api/v1/lists/black'],
    ['/api/v1/lists/black?format=csv', '/api/v1/lists/black?format=csv'],
    ['/feeds/lists.xml', '/feeds/lists.xml'],
    ['/lists/black?q=物业 (per request, no cache)', `/lists/black?q=${encodeURIComponent('物业')}`],
    ['/robots.txt (dynamic, no database)', '/robots.txt'],
  ];
  console.log(`autocannon: ${connections} connections, ${duration} s each, against ${base}`);
  const rows: Row[] = [];
  for (const [label, p] of targets) {
    rows.push(await measure(base, label, p));
    const r = rows.at(-1)!;
    console.log(`  measured ${r.label}: ${Math.round(r.rps)} req/s`);
  }
  const staticRps = rows[0]!.rps;
  console.log('');
  console.log(`${'target'.padEnd(46)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(8)} ${'÷ static'.padStart(9)} ${'cache'.padStart(6)} ${'non-2xx'.padStart(8)}`);
  for (const r of rows) {
    const ratio = staticRps / Math.max(1, r.rps);
    console.log(
      `${r.label.padEnd(46)} ${String(Math.round(r.rps)).padStart(8)} ${String(r.p99).padStart(8)} ${ratio.toFixed(2).padStart(9)} ${r.cache.padStart(6)} ${String(r.non2xx + r.errors).padStart(8)}`,
    );
  }
  console.log('\n÷ static: how many times slower than the static page /open-data, prerendered at build time and served by the same');
  console.log('server (the goal for the cached lists: ≤ 2). The static asset row is a file served without routing, for reference.');
} finally {
  stop();
}
