import 'server-only';
/**
 * The inbox (issue 18 item 3): items addressed to one account or to a scope every account of it sees. The scope
 * is in every WHERE (`inboxAudience`): an item another company's account cannot see cannot be read, counted or
 * marked by it either. Read marks are per account (inbox_reads).
 */
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { inboxItems, inboxReads, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';

export type InboxAudience = 'user' | 'company' | 'district' | 'city';

export interface NewInboxItem {
  audience: InboxAudience;
  /** The user id, company id or district code; '' (or omitted) for the city. */
  audienceId?: string;
  kind: string;
  title: string;
  body?: string | null;
  /** A path inside the site. */
  link?: string | null;
  dueOn?: string | null;
  /** The same key twice adds one item: producers may run again. */
  dedupeKey: string;
  createdAt?: Date;
}

/** Adds an item unless one with its dedupe key exists; returns whether it was added. Call it in the caller's transaction. */
export async function addInboxItem(tx: Queryable, item: NewInboxItem): Promise<boolean> {
  if (item.link && !item.link.startsWith('/')) throw new Error('inbox link must be a path inside the site');
  const rows = await tx
    .insert(inboxItems)
    .values({
      audience: item.audience,
      audienceId: item.audience === 'city' ? '' : (item.audienceId ?? ''),
      kind: item.kind,
      title: item.title,
      body: item.body ?? null,
      link: item.link ?? null,
      dueOn: item.dueOn ?? null,
      dedupeKey: item.dedupeKey,
      ...(item.createdAt ? { createdAt: item.createdAt } : {}),
    })
    .onConflictDoNothing({ target: inboxItems.dedupeKey })
    .returning({ id: inboxItems.id });
  return rows.length > 0;
}

/** The items an account sees: its own, its company's, its district bureau's, the city bureau's. */
export function inboxAudience(actor: Pick<Actor, 'userId' | 'role' | 'companyId' | 'districtId'>): SQL {
  const own = sql`(${inboxItems.audience} = 'user' and ${inboxItems.audienceId} = ${actor.userId})`;
  switch (actor.role) {
    case 'company':
      return actor.companyId ? sql`(${own} or (${inboxItems.audience} = 'company' and ${inboxItems.audienceId} = ${actor.companyId}))` : own;
    case 'district':
      return actor.districtId ? sql`(${own} or (${inboxItems.audience} = 'district' and ${inboxItems.audienceId} = ${actor.districtId}))` : own;
    case 'city':
      return sql`(${own} or ${inboxItems.audience} = 'city')`;
    default:
      return own;
  }
}

export const INBOX_PAGE_SIZE = 30;

export interface InboxRow {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  dueOn: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export async function listInbox(db: Queryable, actor: Actor, f: { page: number; unreadOnly?: boolean }) {
  const readJoin = and(eq(inboxReads.itemId, inboxItems.id), eq(inboxReads.userId, actor.userId));
  const where = and(inboxAudience(actor), f.unreadOnly ? isNull(inboxReads.itemId) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: inboxItems.id,
        kind: inboxItems.kind,
        title: inboxItems.title,
        body: inboxItems.body,
        link: inboxItems.link,
        dueOn: inboxItems.dueOn,
        createdAt: inboxItems.createdAt,
        readAt: inboxReads.readAt,
      })
      .from(inboxItems)
      .leftJoin(inboxReads, readJoin)
      .where(where)
      .orderBy(desc(inboxItems.createdAt), desc(inboxItems.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((f.page - 1) * INBOX_PAGE_SIZE),
    db.select({ n: count() }).from(inboxItems).leftJoin(inboxReads, readJoin).where(where),
  ]);
  return { rows: rows as InboxRow[], total: total?.n ?? 0 };
}

export async function countUnread(db: Queryable, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(inboxItems)
    .leftJoin(inboxReads, and(eq(inboxReads.itemId, inboxItems.id), eq(inboxReads.userId, actor.userId)))
    .where(and(inboxAudience(actor), isNull(inboxReads.itemId)));
  return row?.n ?? 0;
}

/**
 * Marks the given items (or, with `ids` null, every item the account sees) read for this account. Ids outside the
 * account's audience are skipped silently, exactly like unknown ids. Returns how many became read.
 */
export async function markInboxRead(tx: Queryable, actor: Actor, ids: string[] | null, at: Date): Promise<number> {
  const visible = await tx
    .select({ id: inboxItems.id })
    .from(inboxItems)
    .where(and(inboxAudience(actor), ids ? inArray(inboxItems.id, ids) : undefined));
  if (visible.length === 0) return 0;
  const rows = await tx
    .insert(inboxReads)
    .values(visible.map((v) => ({ itemId: v.id, userId: actor.userId, readAt: at })))
    .onConflictDoNothing()
    .returning({ id: inboxReads.itemId });
  return rows.length;
}

export async function inboxItemVisible(db: Queryable, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: inboxItems.id }).from(inboxItems).where(and(eq(inboxItems.id, id), inboxAudience(actor))).limit(1);
  return !!row;
}

// ---------------------------------------------------------------------------------------------------------
// E-mail

/** Items not yet handed to the e-mail sender, oldest first. */
export async function itemsToMail(db: Queryable, limit = 500) {
  return db
    .select({
      id: inboxItems.id,
      audience: inboxItems.audience,
      audienceId: inboxItems.audienceId,
      title: inboxItems.title,
      body: inboxItems.body,
      link: inboxItems.link,
      dueOn: inboxItems.dueOn,
    })
    .from(inboxItems)
    .where(isNull(inboxItems.mailedAt))
    .orderBy(inboxItems.createdAt, inboxItems.id)
    .limit(limit);
}

/** The e-mail addresses of the enabled accounts an item is addressed to. */
export async function mailRecipients(db: Queryable, audience: string, audienceId: string): Promise<string[]> {
  const who =
    audience === 'user'
      ? sql`${users.id}::text = ${audienceId}`
      : audience === 'company'
        ? sql`${users.role} = 'company' and ${users.companyId}::text = ${audienceId}`
        : audience === 'district'
          ? sql`${users.role} = 'district' and ${users.districtId} = ${audienceId}`
          : sql`${users.role} = 'city'`;
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(who, isNull(users.disabledAt), sql`${users.email} is not null and ${users.email} <> ''`));
  return [...new Set(rows.map((r) => r.email!))];
}

export async function markItemMailed(tx: Queryable, id: string, at: Date) {
  await tx.update(inboxItems).set({ mailedAt: at }).where(and(eq(inboxItems.id, id), isNull(inboxItems.mailedAt)));
}

// ---------------------------------------------------------------------------------------------------------
// The account's own address

export async function getAccountEmail(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.email ?? null;
}

export async function setAccountEmail(tx: Queryable, userId: string, email: string | null) {
  await tx.update(users).set({ email }).where(eq(users.id, userId));
}
