import 'server-only';
/** What the public tracking page of either kind of objection shows of a case: its progress and the answer. */
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { auditEvents, cases } from '@/db/schema';

/** The case's status, the filer's text, the answer and decision, and when it was filed and decided. */
export const caseProgressColumns = {
  status: cases.status,
  body: cases.body,
  answer: cases.answer,
  decision: cases.decision,
  filedAt: cases.createdAt,
  decidedAt: cases.decidedAt,
};

/** When verification started: the first `objection.verifying` audit row of the case (null while it is open). */
export async function verifyingStartedAt(db: Queryable, caseId: string): Promise<Date | null> {
  const [v] = await db
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.objectType, 'case'), eq(auditEvents.objectId, caseId), eq(auditEvents.action, 'objection.verifying')))
    .orderBy(asc(auditEvents.seq))
    .limit(1);
  return v?.at ?? null;
}
