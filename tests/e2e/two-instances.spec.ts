/**
 * Two servers on one PostgreSQL agree (issue 14, decision 021): a change made through one instance reaches the
 * other's cached public page within a second. Both run `scripts/serve.mjs` (what `npm start` serves with) on the
 * production build, with the same secrets, on their own ports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { expect, test } from '@playwright/test';
import { expectSignedInAs, signIn } from './helpers';

const PG = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const BASE_PORT = Number(process.env.E2E_PORT || 3100);
const DB_NAME = `suining_e2e_two_${BASE_PORT}`;

function dbUrl(name: string) {
  const u = new URL(PG);
  u.pathname = `/${name}`;
  return u.toString();
}

async function waitUp(base: string) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not start`);
}

test.describe('two instances on one PostgreSQL', () => {
  test.setTimeout(300_000);
  const servers: ChildProcess[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'suining-two-'));
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl(DB_NAME),
    DATA_DIR: dataDir,
    // One set of secrets for every instance: sessions and encrypted ID numbers must read the same on each.
    AUTH_SECRET: randomBytes(32).toString('base64'),
    ID_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ID_HASH_KEY: randomBytes(32).toString('base64'),
    AUDIT_CHECKPOINT_KEY: randomBytes(32).toString('base64'),
    TRUST_PROXY: 'loopback',
    NODE_ENV: 'production',
  } as NodeJS.ProcessEnv;
  const a = `http://localhost:${BASE_PORT + 1}`;
  const b = `http://localhost:${BASE_PORT + 2}`;

  test.beforeAll(async () => {
    const admin = postgres(PG, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.unsafe(`create database ${DB_NAME}`);
    await admin.end();
    const seeded = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/e2e/fixtures/seed-postgres.ts'], { env, encoding: 'utf8' });
    expect(seeded.status, seeded.stderr).toBe(0);
    for (const port of [BASE_PORT + 1, BASE_PORT + 2]) {
      servers.push(spawn(process.execPath, ['scripts/serve.mjs', String(port)], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
    }
    await Promise.all([waitUp(a), waitUp(b)]);
  });

  test.afterAll(async () => {
    for (const s of servers) s.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    const admin = postgres(PG, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a disclosure board published through A shows on B’s cached estate page within a second', async ({ browser, request }) => {
    const ctx = await browser.newContext({ baseURL: a });
    const page = await ctx.newPage();
    await signIn(page, 'company');
    await expectSignedInAs(page, '/company');
    await page.goto('/company/projects');
    const edit = page.getByRole('link', { name: /编辑公示栏/ }).first();
    const projectId = (await edit.getAttribute('href'))!.match(/[0-9a-f-]{36}/)![0];

    // B has the estate page in its cache.
    const estate = `${b}/projects/${projectId}`;
    expect((await request.get(estate)).headers()['x-page-cache']).toMatch(/miss|hit/);
    const cached = await request.get(estate);
    expect(cached.headers()['x-page-cache']).toBe('hit');
    const phone = `0825-${String(2_000_000 + Math.floor(Math.random() * 7_000_000))}`;
    expect(await cached.text()).not.toContain(phone);

    await edit.click();
    await page.getByLabel('投诉电话').fill(phone);
    await page.getByRole('button', { name: '发布新版本' }).click();
    await expect(page.getByRole('status')).toHaveText(/已发布第 \d+ 版公示内容。/);
    const published = Date.now();

    let seen = 0;
    while (Date.now() - published < 1_000) {
      const res = await request.get(estate);
      if ((await res.text()).includes(phone)) {
        seen = Date.now() - published;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen, 'B showed the new board within 1 s').toBeGreaterThan(0);
    // …and keeps serving it from its cache afterwards.
    const again = await request.get(estate);
    expect(await again.text()).toContain(phone);
    expect(again.headers()['x-page-cache']).toBe('hit');
    await ctx.close();
  });
});
