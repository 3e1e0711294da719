import 'server-only';
/** The record of every message the platform sends (outbox_messages): queued for the demo outbox, or sent through a gateway. */
import { count, desc } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { outboxMessages } from '@/db/schema';

export interface OutboxInsert {
  channel: string;
  recipient: string;
  subject?: string | null;
  body: string;
  purpose: string;
  relatedType?: string | null;
  relatedId?: string | null;
  status: 'queued' | 'sent' | 'failed';
  error?: string | null;
  createdAt: Date;
  sentAt?: Date | null;
}

export async function insertOutboxMessage(db: Queryable, m: OutboxInsert): Promise<string> {
  const [row] = await db.insert(outboxMessages).values(m).returning({ id: outboxMessages.id });
  return row!.id;
}

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxRow {
  id: string;
  channel: string;
  recipient: string;
  body: string;
  purpose: string;
  status: string;
  error: string | null;
  createdAt: Date;
}

/** Newest first, one page. */
export async function listOutbox(db: Queryable, page: number): Promise<{ rows: OutboxRow[]; total: number }> {
  const [[{ n }], rows] = await Promise.all([
    db.select({ n: count() }).from(outboxMessages),
    db
      .select({
        id: outboxMessages.id,
        channel: outboxMessages.channel,
        recipient: outboxMessages.recipient,
        body: outboxMessages.body,
        purpose: outboxMessages.purpose,
        status: outboxMessages.status,
        error: outboxMessages.error,
        createdAt: outboxMessages.createdAt,
      })
      .from(outboxMessages)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE),
  ]);
  return { rows, total: Number(n) };
}
