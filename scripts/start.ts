/**
 * `npm start`: builds if there is no build or a source file is newer than it, applies migrations, loads the demo city on
 * the first start in demo mode (embedded database, NODE_ENV not production, or DEMO=1: db/seed/first-start.ts), then
 * runs `next start` on PORT (default 3000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runMigrations } from '../db/migrate';
import { prepareFirstStart } from '../db/seed';
import { env } from '../lib/env';
import { idKeysFrom } from '../lib/security/id-crypto';
import { describeDb, withDb } from './open-db';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');

/** The newest source file the build depends on, so that a pull or an edit is never served from a stale build. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'db', 'lib', 'public']) walk(path.join(root, dir));
  for (const file of ['next.config.js', 'package-lock.json', 'proxy.ts', 'instrumentation.ts', 'postcss.config.mjs']) {
    if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, '.next/BUILD_ID');
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (!built || newestSource() > built) {
  console.log(built ? 'Sources changed since the last build: running `next build`…' : 'No build found: running `next build` (about two minutes, once)…');
  const r = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const e = env();
await withDb(async (h) => {
  await runMigrations(h);
  const t = Date.now();
  const r = await prepareFirstStart(h.db, e, idKeysFrom(e), console, describeDb());
  if (r.action === 'seeded' && !r.summary.skipped) {
    console.log(`Demo city loaded in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
  }
});

const port = process.env.PORT || '3000';
console.log(`Serving on http://localhost:${port} (${describeDb()})`);
const child = spawn(process.execPath, [nextBin, 'start', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: 'true' },
});
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
