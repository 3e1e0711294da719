/**
 * `npm run fuzz`: the long fuzz run of issue 13 — at least 100,000 seeded inputs over every GET endpoint under app/
 * and every form of the public pages (the generators of tests/fuzz/surface.ts, shared with tests/e2e/fuzz.spec.ts),
 * sent anonymously over HTTP. Prints the count, the time, the rate and every failing input (method, URL, headers,
 * body, status); exits 1 if any answer is 500 or above or a request gets no answer.
 *
 *   npm run fuzz                                  builds if needed, starts the production server on a fresh embedded
 *                                                 database with the demo city (a temporary DATA_DIR), fuzzes, stops it
 *   npm run fuzz -- --url http://localhost:3000   fuzzes a server that is already running (`npm start`); it must
 *                                                 hold the demo city (the generators use its real identifiers)
 *   --count N (default 100000) · --seed S (default 20261202) · --concurrency C (default 16) · --port P (default 3191)
 *
 * Posts to the anonymous forms carry an X-Forwarded-For from 198.18.0.0/15 per input, so that per-client limits
 * see many clients (behind TRUST_PROXY), and the inputs are built to fail validation: a run writes audit rows and
 * throttle counters at most. Still, point it at a throwaway database, never at production.
 */

import { parseArgs } from 'node:util';
import { startDemoServer, type DemoServer } from './demo-server';
import { discoverSurface, fuzzClientAddress, runCases, sampleCases, sendWithFetch } from '../tests/fuzz/surface';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    count: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261202' },
    concurrency: { type: 'string', default: '16' },
    port: { type: 'string', default: '3191' },
  },
});
const count = Math.max(1, Number(args.count) || 100_000);
const seed = Number(args.seed) || 20_261_202;
const concurrency = Math.max(1, Number(args.concurrency) || 16);

let demo: DemoServer | undefined;
const stop = () => demo?.stop();

async function startServer(): Promise<string> {
  demo = await startDemoServer({ port: Number(args.port), name: 'fuzz', env: { TRUST_PROXY: 'loopback' } });
  return demo.base;
}

const base = args.url ? args.url.replace(/\/+$/, '') : await startServer();
let failed = 0;
try {
  const surface = await discoverSurface(base);
  console.log(
    `Surface: ${surface.templates.length} GET templates (${surface.templates.filter((t) => t.isPublic).length} public), ${surface.forms.length} forms (${surface.forms.filter((f) => f.actionId).length} server actions); ${count} inputs, seed ${seed}, ${concurrency} at a time, against ${base}`,
  );
  const started = Date.now();
  const byStatus = new Map<number | string, number>();
  const failures: string[] = [];
  const BATCH = 5_000;
  let done = 0;
  for (let b = 0; done < count; b++) {
    const n = Math.min(BATCH, count - done);
    const offset = done;
    const cases = sampleCases(surface, n, seed + b);
    const r = await runCases(cases, (c, i) => sendWithFetch(base, c, fuzzClientAddress(offset + i)), concurrency);
    for (const [s, k] of r.byStatus) byStatus.set(s, (byStatus.get(s) ?? 0) + k);
    for (const f of r.failures) {
      failures.push(f);
      console.log(`FAIL ${f}`);
    }
    done += n;
    const secs = (Date.now() - started) / 1000;
    console.log(`  ${done} inputs, ${secs.toFixed(0)} s, ${Math.round(done / secs)} req/s, ${failures.length} failing`);
  }
  const secs = (Date.now() - started) / 1000;
  failed = failures.length;
  console.log('');
  console.log(`Answers: ${[...byStatus.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([s, k]) => `${s}×${k}`).join(' ')}`);
  console.log(`${done} inputs in ${secs.toFixed(1)} s (${Math.round(done / secs)} req/s): ${failed} failing (answer ≥ 500 or none).`);
  if (failed) {
    console.log('\nFailing inputs:');
    for (const f of failures) console.log(`  ${f}`);
  }
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
