/**
 * Anchors of the audit chain kept outside the database (finding 12 of issue 13). The chain alone proves that
 * rows were not changed one by one, but whoever owns the database can switch the triggers off, rewrite history
 * and recompute every hash. A checkpoint — the head's `seq` and `hash`, signed with a key the database never
 * sees (AUDIT_CHECKPOINT_KEY) — is exported by the city and kept elsewhere; `npm run audit:verify -- --checkpoint
 * FILE` then proves that the row at `seq` still has that hash, so a rewrite before it cannot go unseen.
 * No `server-only`: the CLI uses it too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { auditHashAt, verifyAuditChain } from '@/db/audit-verify';

export const checkpointSchema = z.object({
  kind: z.literal('suining-audit-checkpoint'),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  exportedAt: z.string(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditCheckpoint = z.infer<typeof checkpointSchema>;

function macOf(key: string, seq: number, hash: string, exportedAt: string) {
  return createHmac('sha256', Buffer.from(key, 'base64')).update(`suining-audit-checkpoint|${seq}|${hash}|${exportedAt}`).digest('hex');
}

export function signCheckpoint(key: string, head: { seq: number; hash: string }, exportedAt: Date): AuditCheckpoint {
  const at = exportedAt.toISOString();
  return { kind: 'suining-audit-checkpoint', seq: head.seq, hash: head.hash, exportedAt: at, mac: macOf(key, head.seq, head.hash, at) };
}

export type CheckpointCheck = { ok: true; seq: number } | { ok: false; problem: string };

/** Whether `raw` is a checkpoint signed with `key` whose row is still in the chain with the same hash. */
export async function verifyCheckpoint(db: Queryable, key: string, raw: unknown): Promise<CheckpointCheck> {
  const parsed = checkpointSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: 'not a checkpoint file' };
  const cp = parsed.data;
  const expected = Buffer.from(macOf(key, cp.seq, cp.hash, cp.exportedAt), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(cp.mac, 'hex'))) return { ok: false, problem: 'signature does not match (another key, or the file was edited)' };
  const now = await auditHashAt(db, cp.seq);
  if (now === null) return { ok: false, problem: `row seq=${cp.seq} is gone` };
  if (now !== cp.hash) return { ok: false, problem: `row seq=${cp.seq} has another hash than when the checkpoint was exported: history was rewritten` };
  const chain = await verifyAuditChain(db);
  if (!chain.ok) return { ok: false, problem: `chain broken at seq=${chain.firstBrokenSeq} (${chain.problem})` };
  return { ok: true, seq: cp.seq };
}
