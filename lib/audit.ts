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

function auditRow(who: Who, entry: AuditEntry) {
  const isActor = 'userId' in who;
  return {
    actorId: isActor ? who.userId : null,
    actorRole: isActor ? who.role : null,
    actorLabel: isActor ? who.username : who.label,
    ip: who.ip ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
  };
}

export async function audit(tx: Queryable, who: Who, entry: AuditEntry) {
  await tx.insert(auditEvents).values(auditRow(who, entry));
}

/** Many audit rows of one actor in a few statements (bulk changes): chained in the given order, as one by one. */
export async function auditMany(tx: Queryable, who: Who, entries: readonly AuditEntry[]) {
  for (let i = 0; i < entries.length; i += 500) {
    await tx.insert(auditEvents).values(entries.slice(i, i + 500).map((e) => auditRow(who, e)));
  }
}
