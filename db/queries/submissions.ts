import 'server-only';
/**
 * Submissions: every change a company (or another party) asks for and a bureau decides (SPEC §2, §3).
 * Decisions use optimistic locking: the UPDATE names the version the reviewer saw and the status it must
 * still have, so of two reviewers deciding at once exactly one changes the row.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { submissions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';

/** What a detail query of one submission starts with: which one, its type and state, and the filing company. */
export const submissionHead = { id: submissions.id, type: submissions.type, status: submissions.status, companyId: submissions.companyId };

export type SubmissionType = (typeof submissions.$inferSelect)['type'];
export type SubmissionStatus = (typeof submissions.$inferSelect)['status'];
export type SubmissionRow = typeof submissions.$inferSelect;

export interface NewSubmission {
  type: SubmissionType;
  /** 'submitted' unless the submission waits for another party first (a transfer waits for the old company). */
  status?: 'draft' | 'submitted';
  companyId: string | null;
  districtId: string | null;
  projectId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  payload: unknown;
  baseVersion?: number | null;
  dueOn?: string | null;
  /** The policy version `dueOn` was computed under (null: none saved, or no policy deadline). */
  policyVersion?: number | null;
  decideBy?: string | null;
  priority?: number;
  submittedBy: string;
  idempotencyKey?: string | null;
}

export async function insertSubmission(tx: Queryable, s: NewSubmission): Promise<SubmissionRow> {
  const [row] = await tx
    .insert(submissions)
    .values({
      ...s,
      payload: s.payload as never,
      status: s.status ?? 'submitted',
      submittedAt: s.status === 'draft' ? null : sql`now()`,
    })
    .returning();
  return row!;
}

/** A submission by idempotency key, so that resubmitting the same form is harmless. */
export async function findByIdempotencyKey(db: Queryable, key: string) {
  const [row] = await db.select().from(submissions).where(eq(submissions.idempotencyKey, key)).limit(1);
  return row ?? null;
}

/** The scope of a submission, in SQL: city all, district its district, company its own. */
export function submissionScope(actor: Actor) {
  switch (actor.role) {
    case 'city':
      return sql`true`;
    case 'district':
      return actor.districtId ? sql`${submissions.districtId} = ${actor.districtId}` : sql`false`;
    case 'company':
      return actor.companyId ? sql`${submissions.companyId} = ${actor.companyId}` : sql`false`;
    default:
      return sql`${submissions.submittedBy} = ${actor.userId}`;
  }
}

export async function findSubmissionInScope(db: Queryable, actor: Actor, id: string, types?: SubmissionType[]) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, id), submissionScope(actor), types ? inArray(submissions.type, types) : undefined))
    .limit(1);
  return row ?? null;
}

/** Whether a submission of this id exists at all (to audit an out-of-scope request for it). */
export async function submissionExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.id, id)).limit(1);
  return !!row;
}

export type Decision = 'approved' | 'rejected' | 'returned';

/**
 * Decides a submission still `submitted` at `expectedVersion`. Returns the updated row, or null when another
 * reviewer (or a withdrawal) got there first.
 */
export async function decideSubmission(
  tx: Queryable,
  input: { id: string; expectedVersion: number; decision: Decision; reason: string; decidedBy: string },
): Promise<SubmissionRow | null> {
  const [row] = await tx
    .update(submissions)
    .set({
      status: input.decision,
      reason: input.reason,
      decidedBy: input.decidedBy,
      decidedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${submissions.version} + 1`,
    })
    .where(and(eq(submissions.id, input.id), eq(submissions.version, input.expectedVersion), eq(submissions.status, 'submitted')))
    .returning();
  return row ?? null;
}

/** A returned submission, corrected by its filer and sent again. */
export async function resubmit(
  tx: Queryable,
  input: { id: string; expectedVersion: number; payload: unknown; submittedBy: string; policyVersion?: number | null },
) {
  const [row] = await tx
    .update(submissions)
    .set({
      status: 'submitted',
      payload: input.payload as never,
      ...(input.policyVersion !== undefined ? { policyVersion: input.policyVersion } : {}),
      submittedBy: input.submittedBy,
      submittedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${submissions.version} + 1`,
    })
    .where(and(eq(submissions.id, input.id), eq(submissions.version, input.expectedVersion), eq(submissions.status, 'returned')))
    .returning();
  return row ?? null;
}
