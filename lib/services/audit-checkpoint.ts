/**
 * The city exports a signed checkpoint of the audit chain's head (lib/audit-checkpoint.ts). The export is itself
 * audited, in the same transaction, before the head is read: the checkpoint covers the row that records it.
 */
import type { Db } from '@/db';
import { auditHead } from '@/db/audit-verify';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { signCheckpoint, type AuditCheckpoint } from '@/lib/audit-checkpoint';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow } from '@/lib/clock';
import { env } from '@/lib/env';

export async function exportAuditCheckpoint(db: Db, actor: Actor | null, opts: { now?: Date } = {}): Promise<ActionResult<AuditCheckpoint>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'audit.read')) return fail('FORBIDDEN');
  const at = opts.now ?? clockNow();
  const cp = await db.transaction(async (tx) => {
    await audit(tx, actor, { action: 'audit.checkpoint_exported', objectType: 'audit_events', objectId: null });
    const head = await auditHead(tx);
    return signCheckpoint(env().AUDIT_CHECKPOINT_KEY, head!, at);
  });
  return ok(cp);
}
