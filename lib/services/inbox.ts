import 'server-only';
/**
 * The inbox (issue 18 item 3): each signed-in account reads what needs its action or was decided for it, and marks
 * it read. Producers add items with `addInboxItem(tx, item)` in their own transaction (re-exported here): the
 * daily jobs (deadlines due within 3 days and overdue, contracts taking over), the decision trigger on submissions
 * (migration 0017), and any feature that asks an account to act (e.g. a request to consent to a data use).
 */
import type { Db } from '@/db';
import { countUnread, getAccountEmail, inboxItemVisible, listInbox, markInboxRead as markRead, setAccountEmail, type InboxRow } from '@/db/queries/inbox';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { now as clockNow } from '@/lib/clock';
import { accountEmailSchema, markInboxReadSchema } from '@/lib/validation/inbox';

export { addInboxItem, type NewInboxItem, type InboxAudience } from '@/db/queries/inbox';

export async function readInbox(
  db: Db,
  actor: Actor | null,
  f: { page: number; unreadOnly?: boolean },
): Promise<ActionResult<{ rows: InboxRow[]; total: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  return ok(await listInbox(db, actor, f));
}

/** The unread count shown in every area's header (0 when signed out). */
export async function unreadInboxCount(db: Db, actor: Actor | null): Promise<number> {
  return actor ? countUnread(db, actor) : 0;
}

/** Marks one item, or all, read for this account. An item outside the account's inbox is NOT_FOUND, like a missing one. */
export async function markInboxRead(db: Db, actor: Actor | null, input: unknown, opts: { now?: Date } = {}): Promise<ActionResult<{ marked: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  const parsed = markInboxReadSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const at = opts.now ?? clockNow();
  const one = 'id' in parsed.data ? parsed.data.id : null;
  const result = await db.transaction(async (tx) => {
    const marked = await markRead(tx, actor, one ? [one] : null, at);
    if (marked > 0) await audit(tx, actor, { action: 'inbox.read', objectType: 'inbox_item', objectId: one, after: { marked, all: !one } });
    return marked;
  });
  // Already read is fine; an item outside the account's inbox answers exactly like a missing one.
  if (one && result === 0 && !(await inboxItemVisible(db, actor, one))) return fail('NOT_FOUND');
  return ok({ marked: result });
}

export async function readAccountEmail(db: Db, actor: Actor | null): Promise<ActionResult<{ email: string | null }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  return ok({ email: await getAccountEmail(db, actor.userId) });
}

/** Any signed-in account sets (or clears) its own e-mail address for inbox mail. */
export async function setOwnEmail(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ email: string | null }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  const parsed = accountEmailSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const email = parsed.data.email === '' ? null : parsed.data.email.toLowerCase();
  await db.transaction(async (tx) => {
    const before = await getAccountEmail(tx, actor.userId);
    await setAccountEmail(tx, actor.userId, email);
    await audit(tx, actor, { action: 'account.email.set', objectType: 'user', objectId: actor.userId, before: { email: before }, after: { email } });
  });
  return ok({ email });
}
