import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const NEXT = 'node_modules/next/dist/bin/next';
const TSX = 'node_modules/tsx/dist/cli.mjs';

function run(args: string[], env: Record<string, string>, timeoutMs = 120_000) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out; output so far:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
  return { child, exited, output: () => output };
}

test('a second server on the same PGlite folder refuses clearly, and the first keeps working', async ({ request }) => {
  const dataDir = process.env.E2E_DATA_DIR!;
  const viaNext = await run([NEXT, 'start', '-p', '3199'], { DATA_DIR: dataDir, NODE_ENV: 'production' }).exited;
  expect(viaNext.code).toBe(1);
  expect(viaNext.output).toContain('正被另一个进程使用');

  const viaNpmStart = await run([TSX, 'scripts/start.ts'], { DATA_DIR: dataDir, PORT: '3199' }).exited;
  expect(viaNpmStart.code).not.toBe(0);
  expect(viaNpmStart.output).toContain('is in use by another process');

  const res = await request.get('/');
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('全市概况');
});

test('SIGTERM closes the embedded database cleanly and releases the folder', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suining-sigterm-'));
  try {
    const server = run([NEXT, 'start', '-p', '3198'], { DATA_DIR: dir, NODE_ENV: 'production', NEXT_MANUAL_SIG_HANDLE: 'true' });
    await expect
      .poll(async () => {
        try {
          return (await fetch('http://localhost:3198/login')).status;
        } catch {
          return 0;
        }
      }, { timeout: 60_000 })
      .toBe(200);
    expect(existsSync(path.join(dir, 'pglite.lock'))).toBe(true);
    server.child.kill('SIGTERM');
    const { code, output } = await server.exited;
    expect(output).toContain('[db] closed cleanly.');
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, 'pglite.lock'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
