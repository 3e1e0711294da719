import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { QUIET_CHROME_FLAGS } from './scripts/chrome-flags';

const PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR || path.join(os.tmpdir(), `suining-e2e-${PORT}`);
process.env.E2E_DATA_DIR = E2E_DATA_DIR;

// Debian's Chromium where present (no browser downloads on these machines); Playwright's own elsewhere.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: QUIET_CHROME_FLAGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // A fresh embedded database each run: the start script migrates and loads the demo city (demo mode: embedded
    // database and NODE_ENV not production; `next start` still serves the production build).
    command: `rm -rf "${E2E_DATA_DIR}" && node node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `http://localhost:${PORT}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // SERVER_LOG_FILE: the server's output, read by the leak canary (tests/e2e/public-crawl.spec.ts).
    // TRUST_PROXY=loopback: the test runner stands in for a reverse proxy, so a spec can act as its own client
    // (X-Forwarded-For) and the per-client limits of one spec (the fuzz run) do not throttle the next.
    // JOBS_IN_SERVER=0: the daily run (tests/integration/daily-jobs.test.ts) would otherwise change the demo city at
    // start-up by the wall-clock date, and the journeys expect the city as seeded.
    env: { PORT: String(PORT), DATA_DIR: E2E_DATA_DIR, TRUST_PROXY: 'loopback', SERVER_LOG_FILE: path.join(E2E_DATA_DIR, 'server.log'), JOBS_IN_SERVER: '0' },
  },
});
