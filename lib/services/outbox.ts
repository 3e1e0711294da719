import 'server-only';
/**
 * The outbox as the city reads it (/bureau/outbox): every message the platform sent or queued, newest first.
 * Without an SMS gateway (demo) this is where one-time codes wait, so each view is audited; the recipient is
 * shown masked (last 4 digits), enough to tell people apart.
 */
import type { Db } from '@/db';
import { listOutbox, OUTBOX_PAGE_SIZE, type OutboxRow } from '@/db/queries/outbox';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { maskMobile } from '@/lib/domain/phone';

export async function readOutbox(db: Db, actor: Actor | null, page: number): Promise<ActionResult<{ rows: OutboxRow[]; total: number; pages: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  // The city only; anyone else finds nothing here.
  if (actor.role !== 'city') return fail('NOT_FOUND');
  const { rows, total } = await listOutbox(db, page);
  await audit(db, actor, { action: 'outbox.viewed', objectType: 'outbox', objectId: null, after: { page, messages: rows.length } });
  return ok({
    rows: rows.map((r) => ({ ...r, recipient: r.channel === 'sms' ? maskMobile(r.recipient) : r.recipient })),
    total,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
  });
}
