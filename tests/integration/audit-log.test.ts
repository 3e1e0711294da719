import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/db/audit-verify';
import { audit } from '@/lib/audit';
import { DRIVERS, openEmptyDb, rowsOf, type TestDb } from './helpers/db';
import { TEST_PG_URL } from './helpers/env';

const who = { label: 'test' };

/** The database's own message (drizzle wraps it in a query error whose cause is the driver's error). */
async function dbError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return String((e as { cause?: Error }).cause?.message ?? (e as Error).message);
  }
  return 'no error';
}

describe.each(DRIVERS)('audit log on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openEmptyDb(driver);
    for (let i = 1; i <= 5; i++) {
      await audit(t.handle.db, who, { action: 'thing.changed', objectType: 'thing', objectId: `t${i}`, before: { n: i - 1 }, after: { n: i, 名: '测试' } });
    }
  });
  afterAll(() => t.cleanup());

  it('numbers rows 1..n and chains each to the previous hash', async () => {
    const rows = rowsOf<{ seq: string; prev_hash: string; hash: string }>(
      await t.handle.db.execute(sql`select seq, prev_hash, hash from audit_events order by seq`),
    );
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(await verifyAuditChain(t.handle.db)).toEqual({ ok: true, rows: 5 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    expect(await dbError(t.handle.db.execute(sql`update audit_events set action = 'x' where seq = 2`))).toMatch(/append-only: UPDATE refused/);
    expect(await dbError(t.handle.db.execute(sql`delete from audit_events where seq = 2`))).toMatch(/append-only: DELETE refused/);
    expect(await dbError(t.handle.db.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE refused/);
    const [row] = rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from audit_events`));
    expect(Number(row!.n)).toBe(5);
  });

  it('rolls back with the change it describes', async () => {
    await expect(
      t.handle.db.transaction(async (tx) => {
        await audit(tx, who, { action: 'thing.changed', objectType: 'thing', objectId: 'rolled-back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const [row] = rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from audit_events where object_id = 'rolled-back'`));
    expect(Number(row!.n)).toBe(0);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });

  it('names the first row edited by hand (triggers bypassed as a superuser would)', async () => {
    await t.handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_events set after = '{"n": 99}'::jsonb where seq = 3`);
    });
    expect(await verifyAuditChain(t.handle.db)).toEqual({ ok: false, rows: 5, firstBrokenSeq: 3, problem: 'content does not match its hash' });
  });

  it('detects a deleted row, naming the row after the gap', async () => {
    const fresh = await openEmptyDb(driver);
    try {
      for (let i = 1; i <= 4; i++) await audit(fresh.handle.db, who, { action: 'thing.changed', objectType: 'thing', objectId: `d${i}` });
      await fresh.handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_events where seq = 2`);
      });
      expect(await verifyAuditChain(fresh.handle.db)).toEqual({ ok: false, rows: 3, firstBrokenSeq: 3, problem: 'missing row before this one' });
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('npm run audit:verify on PostgreSQL', () => {
  it('passes on an intact log and fails naming the row edited by hand', async () => {
    const { spawnSync } = await import('node:child_process');
    const t = await openEmptyDb('postgres');
    try {
      for (let i = 1; i <= 4; i++) await audit(t.handle.db, who, { action: 'thing.changed', objectType: 'thing', objectId: `v${i}` });
      const url = rowsOf<{ db: string }>(await t.handle.db.execute(sql`select current_database() as db`))[0]!.db;
      const u = new URL(TEST_PG_URL);
      u.pathname = `/${url}`;
      const run = () =>
        spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/audit-verify.ts'], {
          env: { ...process.env, DATABASE_URL: u.toString() },
          encoding: 'utf8',
        });
      const intact = run();
      expect(intact.status).toBe(0);
      expect(intact.stdout).toContain('Audit log intact: 4 rows verified');
      await t.handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update audit_events set actor_label = '改' where seq = 2`);
      });
      const broken = run();
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain('BROKEN at row seq=2');
    } finally {
      await t.cleanup();
    }
  });
});
