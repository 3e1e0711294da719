/**
 * Finding 10: a production start on an empty database loads no demo account; DEMO=1 forces the demo city, and
 * then every demo account must change its (published) password at first sign-in.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DRIVERS, openEmptyDb, rowsOf, type TestDb } from './helpers/db';
import { DEMO_USERNAMES, prepareFirstStart } from '@/db/seed';
import type { IdKeys } from '@/lib/security/id-crypto';

const keys: IdKeys = { encryptionKey: Buffer.alloc(32, 3), hashKey: Buffer.alloc(32, 4) };

function collect() {
  const lines: string[] = [];
  return { lines, out: { log: (l: string) => lines.push(l), warn: (l: string) => lines.push(`WARN ${l}`) } };
}

async function users(t: TestDb) {
  return rowsOf<{ username: string; must_change_password: boolean }>(
    await t.handle.db.execute(sql`select username, must_change_password from users order by username`),
  );
}

describe.each(DRIVERS)('first start on an empty database (%s)', (driver) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('production (NODE_ENV=production) loads no account and says how to create the first administrator', async () => {
    t = await openEmptyDb(driver);
    const { lines, out } = collect();
    const r = await prepareFirstStart(t.handle.db, { NODE_ENV: 'production' }, keys, out);
    expect(r).toEqual({ action: 'none', reason: 'production', why: 'NODE_ENV=production' });
    expect(await users(t)).toEqual([]);
    expect(lines.join('\n')).toContain('user:create-admin');
  });

  it('production because DATABASE_URL is set loads no account either', async () => {
    t = await openEmptyDb(driver);
    const r = await prepareFirstStart(t.handle.db, { NODE_ENV: 'development', DATABASE_URL: 'postgres://x@h/db' }, keys, collect().out);
    expect(r).toMatchObject({ action: 'none', reason: 'production' });
    expect(await users(t)).toEqual([]);
  });

  it('DEMO=1 in production loads the demo city loudly, and every demo account must change its password', async () => {
    t = await openEmptyDb(driver);
    const { lines, out } = collect();
    const r = await prepareFirstStart(t.handle.db, { NODE_ENV: 'production', DEMO: '1' }, keys, out);
    expect(r).toMatchObject({ action: 'seeded', forced: true });
    expect(lines.some((l) => l.startsWith('WARN') && l.includes('DEMO=1 in production'))).toBe(true);
    const u = await users(t);
    expect(u.map((x) => x.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    expect(u.every((x) => x.must_change_password)).toBe(true);
    // A second start finds accounts and does nothing.
    expect(await prepareFirstStart(t.handle.db, { NODE_ENV: 'production', DEMO: '1' }, keys, out)).toEqual({
      action: 'none',
      reason: 'has-users',
    });
  }, 240_000);
});

describe('first start in demo mode (pglite)', () => {
  it('`npm start` on the embedded database loads the demo city with its published passwords', async () => {
    const t = await openEmptyDb('pglite');
    try {
      const r = await prepareFirstStart(t.handle.db, { NODE_ENV: 'development' }, keys, collect().out);
      expect(r).toMatchObject({ action: 'seeded', forced: false });
      const u = await users(t);
      expect(u.length).toBe(DEMO_USERNAMES.length);
      expect(u.some((x) => x.must_change_password)).toBe(false);
    } finally {
      await t.cleanup();
    }
  }, 240_000);
});
