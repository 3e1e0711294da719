import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/db/audit-verify';
import { audit } from '@/lib/audit';
import { verifyCheckpoint } from '@/lib/audit-checkpoint';
import type { Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { exportAuditCheckpoint } from '@/lib/services/audit-checkpoint';
import { DRIVERS, openEmptyDb, rowsOf, type TestDb } from './helpers/db';

const who = { label: 'test' };
const actor = (role: Actor['role']): Actor => ({ userId: '00000000-0000-4000-8000-000000000001', role, username: role, ip: '127.0.0.1' }) as Actor;
const AT = new Date('2026-11-20T08:00:00Z');

/** What a database owner can do: switch the triggers off, edit an old row and recompute every hash after it. */
async function rewriteHistory(t: TestDb, seq: number) {
  await t.handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`update audit_events set actor_label = '篡改' where seq = ${seq}`);
    const rows = rowsOf<{ seq: string }>(await tx.execute(sql`select seq from audit_events where seq >= ${seq} order by seq`));
    for (const r of rows) {
      await tx.execute(sql`update audit_events e set
        prev_hash = coalesce((select hash from audit_events p where p.seq = e.seq - 1), repeat('0', 64))
        where e.seq = ${Number(r.seq)}`);
      await tx.execute(sql`update audit_events e set hash = audit_hash(e.prev_hash, e) where e.seq = ${Number(r.seq)}`);
    }
  });
}

describe.each(DRIVERS)('audit checkpoints on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openEmptyDb(driver);
    for (let i = 1; i <= 5; i++) await audit(t.handle.db, who, { action: 'thing.changed', objectType: 'thing', objectId: `t${i}` });
  });
  afterAll(() => t.cleanup());

  it('only the city exports; others change nothing', async () => {
    const count = async () => Number(rowsOf<{ n: number }>(await t.handle.db.execute(sql`select count(*)::int as n from audit_events`))[0]!.n);
    const before = await count();
    expect(await exportAuditCheckpoint(t.handle.db, null, { now: AT })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const role of ['district', 'company', 'committee', 'department', 'association', 'street'] as const) {
      expect(await exportAuditCheckpoint(t.handle.db, actor(role), { now: AT })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await count()).toBe(before);
  });

  it('a checkpoint covers its own export row and verifies while history is intact', async () => {
    const r = await exportAuditCheckpoint(t.handle.db, actor('city'), { now: AT });
    if (!r.ok) throw new Error(r.message);
    const [last] = rowsOf<{ seq: string; action: string }>(await t.handle.db.execute(sql`select seq, action from audit_events order by seq desc limit 1`));
    expect(r.data.seq).toBe(Number(last!.seq));
    expect(last!.action).toBe('audit.checkpoint_exported');
    expect(await verifyCheckpoint(t.handle.db, env().AUDIT_CHECKPOINT_KEY, r.data)).toEqual({ ok: true, seq: r.data.seq });
    // Rows added later do not disturb an earlier checkpoint.
    await audit(t.handle.db, who, { action: 'thing.changed', objectType: 'thing', objectId: 'later' });
    expect((await verifyCheckpoint(t.handle.db, env().AUDIT_CHECKPOINT_KEY, r.data)).ok).toBe(true);
  });

  it('an edited file or another key is refused', async () => {
    const r = await exportAuditCheckpoint(t.handle.db, actor('city'), { now: AT });
    if (!r.ok) throw new Error(r.message);
    const otherKey = Buffer.alloc(32, 1).toString('base64');
    expect(await verifyCheckpoint(t.handle.db, otherKey, r.data)).toMatchObject({ ok: false, problem: expect.stringContaining('signature') });
    expect(await verifyCheckpoint(t.handle.db, env().AUDIT_CHECKPOINT_KEY, { ...r.data, seq: r.data.seq - 1 })).toMatchObject({ ok: false });
    expect(await verifyCheckpoint(t.handle.db, env().AUDIT_CHECKPOINT_KEY, { nonsense: true })).toEqual({ ok: false, problem: 'not a checkpoint file' });
  });

  it('history rewritten with every hash recomputed passes the chain check but not the checkpoint', async () => {
    const r = await exportAuditCheckpoint(t.handle.db, actor('city'), { now: AT });
    if (!r.ok) throw new Error(r.message);
    await rewriteHistory(t, 2);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
    expect(await verifyCheckpoint(t.handle.db, env().AUDIT_CHECKPOINT_KEY, r.data)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('history was rewritten'),
    });
  });
});

describe('npm run audit:verify -- --checkpoint on PostgreSQL', () => {
  it('passes with an intact checkpoint and fails once history before it is rewritten', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { TEST_PG_URL } = await import('./helpers/env');
    const t = await openEmptyDb('postgres');
    try {
      for (let i = 1; i <= 4; i++) await audit(t.handle.db, who, { action: 'thing.changed', objectType: 'thing', objectId: `v${i}` });
      const r = await exportAuditCheckpoint(t.handle.db, actor('city'), { now: AT });
      if (!r.ok) throw new Error(r.message);
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cp-')), 'checkpoint.json');
      writeFileSync(file, JSON.stringify(r.data));
      const name = rowsOf<{ db: string }>(await t.handle.db.execute(sql`select current_database() as db`))[0]!.db;
      const u = new URL(TEST_PG_URL);
      u.pathname = `/${name}`;
      const run = () =>
        spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/audit-verify.ts', '--checkpoint', file], {
          env: { ...process.env, DATABASE_URL: u.toString() },
          encoding: 'utf8',
        });
      const intact = run();
      expect(intact.stdout).toContain(`row seq=${r.data.seq} unchanged`);
      expect(intact.status).toBe(0);
      await rewriteHistory(t, 1);
      const rewritten = run();
      expect(rewritten.stdout).toContain('Audit log intact');
      expect(rewritten.stderr).toContain('history was rewritten');
      expect(rewritten.status).toBe(1);
    } finally {
      await t.cleanup();
    }
  });
});
