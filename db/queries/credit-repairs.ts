import 'server-only';
/** Credit repair: the submissions of type `credit_repair` about a record (the bureau's queue, the company's own). */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';
import { companies, creditRecords, submissions } from '@/db/schema';

export interface RepairPayload {
  recordId: string;
  rectification: string;
  evidenceAttachmentIds: string[];
  /** Null only in demo data, which carries no files. */
  commitmentAttachmentId: string | null;
}

const repairRecord = alias(creditRecords, 'repair_record');

function selectRepairs(db: Queryable) {
  return db
    .select({
      id: submissions.id,
      status: submissions.status,
      version: submissions.version,
      companyId: submissions.companyId,
      companyName: companies.name,
      districtId: submissions.districtId,
      recordId: submissions.subjectId,
      recordType: repairRecord.type,
      recordSeverity: repairRecord.severity,
      recordOccurredOn: repairRecord.occurredOn,
      recordStatus: repairRecord.status,
      payload: submissions.payload,
      decideBy: submissions.decideBy,
      priority: submissions.priority,
      submittedAt: submissions.submittedAt,
      decidedAt: submissions.decidedAt,
      reason: submissions.reason,
    })
    .from(submissions)
    .innerJoin(companies, eq(companies.id, submissions.companyId))
    .innerJoin(repairRecord, eq(repairRecord.id, submissions.subjectId));
}

export type RepairView = Awaited<ReturnType<ReturnType<typeof selectRepairs>['limit']>>[number];

/** The bureau's repair queue: green channel first, then the earliest decision date. */
export async function listRepairQueue(db: Queryable, scope: SQL, limit = 100): Promise<RepairView[]> {
  return selectRepairs(db)
    .where(and(eq(submissions.type, 'credit_repair'), eq(submissions.status, 'submitted'), scope))
    .orderBy(desc(submissions.priority), asc(submissions.decideBy), asc(submissions.submittedAt))
    .limit(limit);
}

export async function getRepairInScope(db: Queryable, scope: SQL, id: string): Promise<RepairView | null> {
  const [row] = await selectRepairs(db)
    .where(and(eq(submissions.id, id), eq(submissions.type, 'credit_repair'), scope))
    .limit(1);
  return row ?? null;
}

/** A company's repair applications, newest first (one per record may be open). */
export async function listCompanyRepairs(db: Queryable, companyId: string): Promise<RepairView[]> {
  return selectRepairs(db)
    .where(and(eq(submissions.type, 'credit_repair'), eq(submissions.companyId, companyId)))
    .orderBy(desc(submissions.submittedAt))
    .limit(200);
}

export async function findOpenRepair(db: Queryable, recordId: string) {
  const [row] = await db
    .select({ id: submissions.id, status: submissions.status })
    .from(submissions)
    .where(and(eq(submissions.type, 'credit_repair'), eq(submissions.subjectId, recordId), inArray(submissions.status, ['draft', 'submitted', 'returned'])))
    .limit(1);
  return row ?? null;
}
