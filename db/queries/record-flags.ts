import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { cases, creditRecords, listEntries, practitionerRecords } from '@/db/schema';
import { OPEN_CASE_STATUSES } from '@/lib/domain/objections';

/** What an objection about a record names as its subject (cases.subject_type). */
export type RecordSubjectType = 'credit_record' | 'practitioner_record';

/**
 * The records among `ids` with an objection open (SPEC §3.8: "异议处理中" beside the item on every page that shows
 * it while the objection is open). One query for a whole page of records.
 */
export async function recordsUnderObjection(db: Queryable, subjectType: RecordSubjectType, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: cases.subjectId })
    .from(cases)
    .where(
      and(
        eq(cases.kind, 'objection'),
        eq(cases.subjectType, subjectType),
        inArray(cases.subjectId, [...ids]),
        inArray(cases.status, [...OPEN_CASE_STATUSES]),
      ),
    );
  return new Set(rows.map((r) => r.id!).filter(Boolean));
}

/**
 * SQL: the list entry's source record has an objection open (SPEC §3.8 "异议处理中" on the list pages and in the
 * list and company APIs). An entry opened by a rule without a record (three 差, two years below the line) has none.
 */
export function listEntryUnderObjection(): SQL<boolean> {
  return sql<boolean>`(${listEntries.sourceRecordId} is not null and exists (select 1 from ${cases} oc
    where oc.kind = 'objection' and oc.subject_type = 'credit_record' and oc.subject_id = ${listEntries.sourceRecordId}
      and oc.status in (${sql.join(
        OPEN_CASE_STATUSES.map((s) => sql`${s}`),
        sql`, `,
      )})))`;
}

/** Whether any of a company's credit records has an objection open (the company API's `underObjection`). */
export async function companyUnderObjection(db: Queryable, companyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(creditRecords, eq(creditRecords.id, cases.subjectId))
    .where(and(eq(cases.kind, 'objection'), eq(cases.subjectType, 'credit_record'), eq(creditRecords.companyId, companyId), inArray(cases.status, [...OPEN_CASE_STATUSES])))
    .limit(1);
  return !!row;
}

/**
 * Credit records in public view on `on` (lib/domain/records.ts creditRecordPhase === 'public', in SQL): confirmed,
 * published, inside the window; 轻微 warnings only when the policy publishes them. Nothing is ever switched off
 * by a job: the comparison with the date does it.
 */
export function creditRecordIsPublic(on: string, publishMinorWarnings: boolean): SQL {
  return sql`(${creditRecords.status} = 'approved'
    and ${creditRecords.publishedOn} is not null and ${creditRecords.publishedOn} <= ${on}
    and (${creditRecords.publicUntil} is null or ${on} < ${creditRecords.publicUntil})
    and (${creditRecords.category} <> 'warning' or ${creditRecords.severity} <> '轻微' or ${publishMinorWarnings}))`;
}

/** Credit records that count on `on` (score, lists): public or internal, never expired, repaired or revoked. */
export function creditRecordCounts(on: string): SQL {
  return sql`(${creditRecords.status} = 'approved'
    and ${creditRecords.publishedOn} is not null and ${creditRecords.publishedOn} <= ${on}
    and (${creditRecords.publicUntil} is null or ${on} < ${creditRecords.publicUntil}))`;
}

/** Whether a tracking code belongs to an objection (any kind). */
export async function isCaseCode(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.trackingCode, code), eq(cases.kind, 'objection'))).limit(1);
  return !!row;
}

/** Whether a code is the notice code of an entered staff record (the person's key to object to it). */
export async function isStaffNoticeCode(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: practitionerRecords.id })
    .from(practitionerRecords)
    .where(and(eq(practitionerRecords.noticeCode, code), eq(practitionerRecords.status, 'approved')))
    .limit(1);
  return !!row;
}
