/**
 * A production server on a fresh embedded database holding the demo city, for the measuring scripts (`npm run
 * bench`, `npm run fuzz`): builds if needed, starts `scripts/start.ts` in demo mode (no NODE_ENV=production, no
 * DATABASE_URL: docs/decisions/019-demo-mode.md) on a temporary DATA_DIR, waits for it, and removes it on stop.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DemoServer {
  base: string;
  stop: () => void;
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

export async function startDemoServer(opts: { port: number; name: string; env?: Record<string, string> }): Promise<DemoServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `suining-${opts.name}-`));
  console.log(`Starting the production server on port ${opts.port} with a fresh embedded database in ${dataDir} (builds first if needed)…`);
  // Demo mode so that the start script loads the demo city; the server runs the production build either way.
  const { NODE_ENV: _nodeEnv, DATABASE_URL: _url, ...inherited } = process.env;
  const server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    env: { ...inherited, ...opts.env, PORT: String(opts.port), DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv,
    // The server's own log goes to stderr, where its errors can be read next to what the script prints.
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  const base = `http://localhost:${opts.port}`;
  await waitFor(`${base}/login`, 900_000);
  return { base, stop };
}
