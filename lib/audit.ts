import 'server-only';
/**
 * Audit rows are written by the same transaction as the change they describe. The database assigns the
 * sequence number and the hash chain (migration 0001) and refuses UPDATE and DELETE.
 */
import { auditEvents } from '@/db/schema';
import type { Queryable } from '@/db';
import type { Actor } from '@/lib/auth/policy';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
}

type Who = Pick<Actor, 'userId' | 'role' | 'username' | 'ip'> | { label: string; ip?: string | null };

export async function audit(tx: Queryable, who: Who, entry: AuditEntry) {
  const isActor = 'userId' in who;
  await tx.insert(auditEvents).values({
    actorId: isActor ? who.userId : null,
    actorRole: isActor ? who.role : null,
    actorLabel: isActor ? who.username : who.label,
    ip: who.ip ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
  });
}
