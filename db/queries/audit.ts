import 'server-only';
import { count, desc } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { auditEvents } from '@/db/schema';

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(db: Queryable, page: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        seq: auditEvents.seq,
        at: auditEvents.at,
        actorLabel: auditEvents.actorLabel,
        actorRole: auditEvents.actorRole,
        action: auditEvents.action,
        objectType: auditEvents.objectType,
        objectId: auditEvents.objectId,
        ip: auditEvents.ip,
      })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditEvents),
  ]);
  return { rows, total: total?.n ?? 0 };
}
