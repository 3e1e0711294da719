import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DbHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { setDbHandleForTests } from '@/db';
import { loadSessionActor } from '@/db/queries/auth';
import { users } from '@/db/schema';
import { attemptLogin } from '@/lib/auth/login';
import { can, idleLimitSeconds } from '@/lib/auth/policy';

/** SPEC §5: outside demo mode the first city administrator is created on the command line. */
describe('npm run user:create-admin', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suining-admin-'));
  const dataDir = path.join(dir, 'data');
  const runCli = (...args: string[]) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/create-admin.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
  let h: DbHandle;
  let password = '';

  beforeAll(async () => {
    const m = openPglite(path.join(dataDir, 'pglite'));
    await runMigrations(m);
    await m.close();
    const r = runCli('--username', 'admin', '--name', '张局长');
    expect(r.status, r.stderr).toBe(0);
    password = /Temporary password[^:]*: (\S+)/.exec(r.stdout)?.[1] ?? '';
    h = openPglite(path.join(dataDir, 'pglite'));
    setDbHandleForTests(h);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a strong temporary password and stores only its argon2id hash', async () => {
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const [u] = await h.db.select().from(users).where(eq(users.username, 'admin'));
    expect(u?.role).toBe('city');
    expect(u?.mustChangePassword).toBe(true);
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u?.passwordHash).not.toContain(password);
  });

  it('signs in, but may do nothing until the password is changed', async () => {
    const r = await attemptLogin('admin', password, '127.0.0.1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const loaded = await loadSessionActor(h.db, r.sessionId, idleLimitSeconds);
    expect(loaded?.actor.mustChangePassword).toBe(true);
    expect(can({ ...loaded!.actor, ip: null }, 'audit.read')).toBe(false);
  });

  it('refuses a second account with the same name and changes nothing', async () => {
    await h.close();
    const r = runCli('--username', 'admin', '--name', '别人');
    h = openPglite(path.join(dataDir, 'pglite'));
    setDbHandleForTests(h);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already exists');
    const rows = await h.db.select({ name: users.displayName }).from(users);
    expect(rows).toEqual([{ name: '张局长' }]);
  });
});
