/**
 * `npm start`: builds if there is no build or a source file is newer than it, applies migrations, loads the demo city on
 * the first start in demo mode (embedded database with NODE_ENV not production, or DEMO=1:
 * db/seed/first-start.ts), then serves the build on PORT (default 3000) with scripts/serve.mjs: Next.js's own request
 * handler behind a plain Node server that stamps each request with the socket's address (lib/auth/peer-stamp.mjs),
 * the only client address the platform trusts unless TRUST_PROXY names the proxies in front of it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
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
// SERVER_LOG_FILE: the server's output is also appended to this file (the e2e leak canary reads the log).
const logFile = process.env.SERVER_LOG_FILE;
// Plain `node`, not tsx: the server loads only compiled code.
const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), port], {
  stdio: logFile ? ['inherit', 'pipe', 'pipe'] : 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' },
});
if (logFile) {
  mkdirSync(path.dirname(path.resolve(logFile)), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });
}
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
