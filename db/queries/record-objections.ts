import 'server-only';
/**
 * Objections about records (DW 9, SN 18; SPEC §3.8): `cases` of kind 'objection' whose subject is a company
 * credit record ('credit_record') or a staff good/bad record ('practitioner_record'). The case carries the
 * record's company and the district that handles it (the estate's district, else the company's); the bureau of
 * that district (the city: all) verifies, corrects the record publicly — appending to its `corrections` — or
 * explains why it stands. Bodies and decisions are JSON text (lib/domain/objections).
 */
import { and, asc, desc, eq, exists, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';
import {
  attachments,
  cases,
  companies,
  creditPolicies,
  creditRecords,
  employments,
  practitionerRecords,
  practitioners,
  projects,
  regions,
  users,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { creditPolicySchema, type CreditPolicy } from '@/lib/domain/credit-policy';
import type { RecordSubject } from '@/lib/domain/objections';
import type { RecordCorrection } from '@/lib/domain/records';
import { creditRecordIsPublic } from './record-flags';
import { caseProgressColumns, verifyingStartedAt } from './case-progress';

const isRecordObjection = (subject?: RecordSubject): SQL =>
  and(eq(cases.kind, 'objection'), subject ? eq(cases.subjectType, subject) : inArray(cases.subjectType, ['credit_record', 'practitioner_record']))!;

const recProject = alias(projects, 'rec_project');

/** The case's keys and the record it is about. */
const recordCaseKeys = { id: cases.id, trackingCode: cases.trackingCode, subjectType: cases.subjectType, subjectId: cases.subjectId };

/** What a credit record says: its category and type, when, what, and its weight (the values a correction may change). */
const creditRecordFacts = {
  category: creditRecords.category,
  type: creditRecords.type,
  occurredOn: creditRecords.occurredOn,
  description: creditRecords.description,
  severity: creditRecords.severity,
  points: creditRecords.points,
};

// ---------------------------------------------------------------------------------------------------------
// The records as an objection sees them

/** A credit record with what filing and handling need: owner, handling district, the correctable values. */
export async function getCreditRecordForObjection(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: creditRecords.id,
      companyId: creditRecords.companyId,
      projectId: creditRecords.projectId,
      districtId: sql<string | null>`coalesce(${recProject.districtId}, ${companies.districtId})`,
      companyName: companies.name,
      uscc: companies.uscc,
      projectName: recProject.name,
      ...creditRecordFacts,
      status: creditRecords.status,
      publishedOn: creditRecords.publishedOn,
      minPublicUntil: creditRecords.minPublicUntil,
      publicUntil: creditRecords.publicUntil,
      policyVersion: creditRecords.policyVersion,
      statement: creditRecords.statement,
      corrections: creditRecords.corrections,
      version: creditRecords.version,
    })
    .from(creditRecords)
    .innerJoin(companies, eq(companies.id, creditRecords.companyId))
    .leftJoin(recProject, eq(recProject.id, creditRecords.projectId))
    .where(eq(creditRecords.id, id))
    .limit(1);
  return row ?? null;
}
export type CreditRecordForObjection = NonNullable<Awaited<ReturnType<typeof getCreditRecordForObjection>>>;

/** Whether the credit record is in public view on `on` (the same SQL as every public page). */
export async function creditRecordPublicOn(db: Queryable, id: string, on: string, publishMinorWarnings: boolean): Promise<boolean> {
  const [row] = await db
    .select({ id: creditRecords.id })
    .from(creditRecords)
    .where(and(eq(creditRecords.id, id), creditRecordIsPublic(on, publishMinorWarnings)))
    .limit(1);
  return !!row;
}

/** A staff record with its person (name and masked ID only), owner and handling district. */
export async function getPractitionerRecordForObjection(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: practitionerRecords.id,
      practitionerId: practitionerRecords.practitionerId,
      personName: practitioners.name,
      idNumberMasked: practitioners.idNumberMasked,
      companyId: practitionerRecords.companyId,
      projectId: practitionerRecords.projectId,
      districtId: sql<string | null>`coalesce(${recProject.districtId}, ${companies.districtId})`,
      companyName: companies.name,
      projectName: recProject.name,
      kind: practitionerRecords.kind,
      type: practitionerRecords.type,
      occurredOn: practitionerRecords.occurredOn,
      issuer: practitionerRecords.issuer,
      description: practitionerRecords.description,
      status: practitionerRecords.status,
      publicUntil: practitionerRecords.publicUntil,
      statement: practitionerRecords.statement,
      corrections: practitionerRecords.corrections,
      version: practitionerRecords.version,
    })
    .from(practitionerRecords)
    .innerJoin(practitioners, eq(practitioners.id, practitionerRecords.practitionerId))
    .leftJoin(companies, eq(companies.id, practitionerRecords.companyId))
    .leftJoin(recProject, eq(recProject.id, practitionerRecords.projectId))
    .where(eq(practitionerRecords.id, id))
    .limit(1);
  return row ?? null;
}
export type PractitionerRecordForObjection = NonNullable<Awaited<ReturnType<typeof getPractitionerRecordForObjection>>>;

/**
 * Whether a staff record is shown publicly on `on`: on the staff card of an estate where the person currently
 * works (the conditions of db/queries/public-staff.ts).
 */
export async function practitionerRecordPublicOn(db: Queryable, id: string, on: string): Promise<boolean> {
  const [row] = await db
    .select({ id: practitionerRecords.id })
    .from(practitionerRecords)
    .innerJoin(practitioners, eq(practitioners.id, practitionerRecords.practitionerId))
    .where(
      and(
        eq(practitionerRecords.id, id),
        eq(practitionerRecords.status, 'approved'),
        or(isNull(practitionerRecords.publicUntil), gte(practitionerRecords.publicUntil, on)),
        eq(practitioners.status, 'active'),
        exists(
          db
            .select({ one: sql`1` })
            .from(employments)
            .where(and(eq(employments.practitionerId, practitionerRecords.practitionerId), eq(employments.status, 'current'))),
        ),
      ),
    )
    .limit(1);
  return !!row;
}

/** The record a printed notice names, with what the person's name and ID number are compared against. */
export async function findPractitionerRecordByNotice(db: Queryable, noticeCode: string) {
  const [row] = await db
    .select({
      recordId: practitionerRecords.id,
      practitionerId: practitionerRecords.practitionerId,
      name: practitioners.name,
      idNumberHash: practitioners.idNumberHash,
      idNumberMasked: practitioners.idNumberMasked,
      status: practitionerRecords.status,
      statement: practitionerRecords.statement,
    })
    .from(practitionerRecords)
    .innerJoin(practitioners, eq(practitioners.id, practitionerRecords.practitionerId))
    .where(eq(practitionerRecords.noticeCode, noticeCode))
    .limit(1);
  return row ?? null;
}

/** The person's approved good and bad records, newest first: what they may object to. */
export async function listOwnApprovedRecords(db: Queryable, practitionerId: string) {
  return db
    .select({
      id: practitionerRecords.id,
      kind: practitionerRecords.kind,
      type: practitionerRecords.type,
      occurredOn: practitionerRecords.occurredOn,
      issuer: practitionerRecords.issuer,
      description: practitionerRecords.description,
    })
    .from(practitionerRecords)
    .where(and(eq(practitionerRecords.practitionerId, practitionerId), eq(practitionerRecords.status, 'approved')))
    .orderBy(desc(practitionerRecords.occurredOn), asc(practitionerRecords.id))
    .limit(100);
}

/** The company's name and contact phone: the filer of its own objections. */
export async function getCompanyContact(db: Queryable, companyId: string) {
  const [row] = await db.select({ name: companies.name, phone: companies.contactPhone }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Filing

/** Serialises objections on one record (two filings at the same moment: the second sees the first). */
export async function lockRecordForObjection(tx: Queryable, recordId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(7305019, hashtext(${recordId}))`);
}

/** Every objection ever filed on this record: to refuse a repeat. */
export async function listRecordObjections(db: Queryable, subject: RecordSubject, recordId: string) {
  return db
    .select({ id: cases.id, status: cases.status, body: cases.body })
    .from(cases)
    .where(and(isRecordObjection(subject), eq(cases.subjectId, recordId)))
    .orderBy(asc(cases.createdAt));
}

export async function insertRecordObjection(
  tx: Queryable,
  c: {
    subject: RecordSubject;
    recordId: string;
    trackingCode: string;
    companyId: string | null;
    projectId: string | null;
    districtId: string | null;
    filerName: string;
    filerPhone: string;
    filerUserId: string | null;
    body: string;
  },
) {
  const { subject, recordId, ...rest } = c;
  const [row] = await tx
    .insert(cases)
    .values({ kind: 'objection', status: 'open', subjectType: subject, subjectId: recordId, ...rest })
    .returning({ id: cases.id });
  return row!.id;
}

// ---------------------------------------------------------------------------------------------------------
// The company's own view: its confirmed credit records and the objections about them

/** Confirmed credit records of the company (newest first), with what the objection form shows beside each. */
export async function listCompanyConfirmedRecords(db: Queryable, companyId: string) {
  return db
    .select({
      id: creditRecords.id,
      ...creditRecordFacts,
      publishedOn: creditRecords.publishedOn,
      publicUntil: creditRecords.publicUntil,
      statement: creditRecords.statement,
      corrections: creditRecords.corrections,
    })
    .from(creditRecords)
    .where(and(eq(creditRecords.companyId, companyId), eq(creditRecords.status, 'approved')))
    .orderBy(desc(creditRecords.occurredOn), asc(creditRecords.id))
    .limit(200);
}

/** Objections about the company's credit records (by anyone), newest first; the filer shown only by kind. */
export async function listCompanyRecordObjections(db: Queryable, companyId: string) {
  return db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      body: cases.body,
      decision: cases.decision,
      recordType: creditRecords.type,
      recordOccurredOn: creditRecords.occurredOn,
      filedAt: cases.createdAt,
      decidedAt: cases.decidedAt,
    })
    .from(cases)
    .innerJoin(creditRecords, eq(creditRecords.id, cases.subjectId))
    .where(and(isRecordObjection('credit_record'), eq(creditRecords.companyId, companyId)))
    .orderBy(desc(cases.createdAt))
    .limit(100);
}

// ---------------------------------------------------------------------------------------------------------
// Tracking by code (public)

export async function getRecordObjectionByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({
      ...recordCaseKeys,
      filerName: cases.filerName,
      ...caseProgressColumns,
    })
    .from(cases)
    .where(and(isRecordObjection(), eq(cases.trackingCode, code)))
    .limit(1);
  if (!row || !row.subjectId) return null;
  const verifyingAt = await verifyingStartedAt(db, row.id);
  const { id: _id, subjectId, ...pub } = row;
  const subjectType = row.subjectType as RecordSubject;
  return { ...pub, subjectType, recordId: subjectId, verifyingAt };
}
export type RecordObjectionTracking = NonNullable<Awaited<ReturnType<typeof getRecordObjectionByCode>>>;

// ---------------------------------------------------------------------------------------------------------
// Handling (district: its district; city: all)

export function recordObjectionScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'city':
      return sql`true`;
    case 'district':
      return actor.districtId ? sql`${cases.districtId} = ${actor.districtId}` : sql`false`;
    default:
      return sql`false`;
  }
}

/** One record objection in the actor's scope, with the record as it is now and the evidence. */
export async function getRecordObjectionInScope(db: Queryable, actor: Actor, id: string) {
  const district = regions;
  const [row] = await db
    .select({
      ...recordCaseKeys,
      status: cases.status,
      version: cases.version,
      body: cases.body,
      answer: cases.answer,
      decision: cases.decision,
      filerName: cases.filerName,
      filerPhone: cases.filerPhone,
      companyId: cases.companyId,
      districtId: cases.districtId,
      districtName: district.name,
      filedAt: cases.createdAt,
      decidedAt: cases.decidedAt,
      decidedByName: users.displayName,
    })
    .from(cases)
    .leftJoin(district, eq(district.id, cases.districtId))
    .leftJoin(users, eq(users.id, cases.decidedBy))
    .where(and(isRecordObjection(), eq(cases.id, id), recordObjectionScope(actor)))
    .limit(1);
  if (!row || !row.subjectId) return null;
  const evidence = await db
    .select({ id: attachments.id, filename: attachments.filename, mime: attachments.mime, size: attachments.size, sha256: attachments.sha256 })
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'case'), eq(attachments.ownerId, row.id)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  const base = { ...row, subjectId: row.subjectId, evidence };
  if (row.subjectType === 'credit_record') {
    const record = await getCreditRecordForObjection(db, row.subjectId);
    return record ? { ...base, subjectType: 'credit_record' as const, credit: record, staff: null } : null;
  }
  const record = await getPractitionerRecordForObjection(db, row.subjectId);
  return record ? { ...base, subjectType: 'practitioner_record' as const, credit: null, staff: record } : null;
}
export type RecordObjectionForHandler = NonNullable<Awaited<ReturnType<typeof getRecordObjectionInScope>>>;

/** The settings of one credit-policy version (a record's window is computed by the version it names). */
export async function getPolicySettings(db: Queryable, version: number | null): Promise<CreditPolicy | null> {
  if (version === null) return null;
  const [row] = await db.select({ settings: creditPolicies.settings }).from(creditPolicies).where(eq(creditPolicies.version, version)).limit(1);
  return row ? creditPolicySchema.parse(row.settings) : null;
}

/**
 * What correcting an approved record at `expectedVersion` sets and where it applies, for either kind of record: the
 * changed items, `revoke` (status 'corrected'), the correction appended to `corrections`, the version bumped.
 */
function correctionUpdate(
  table: typeof creditRecords | typeof practitionerRecords,
  input: { id: string; expectedVersion: number; correction: RecordCorrection; revoke?: boolean },
) {
  return {
    set: {
      ...(input.revoke ? { status: 'corrected' as const } : {}),
      corrections: sql`${table.corrections} || ${JSON.stringify([input.correction])}::jsonb`,
      version: sql`${table.version} + 1`,
    },
    where: and(eq(table.id, input.id), eq(table.version, input.expectedVersion), eq(table.status, 'approved')),
  };
}

/**
 * Applies a correction to an approved credit record at `expectedVersion` and appends it to `corrections`;
 * `revoke` withdraws the record as a whole (status 'corrected': it leaves public view and stops counting).
 * False when the record changed in the meantime.
 */
export async function correctCreditRecord(
  tx: Queryable,
  input: {
    id: string;
    expectedVersion: number;
    correction: RecordCorrection;
    revoke?: boolean;
    set?: { type?: string; description?: string; severity?: '轻微' | '一般' | '严重'; points?: string; minPublicUntil?: string | null; publicUntil?: string | null };
  },
) {
  const u = correctionUpdate(creditRecords, input);
  const done = await tx
    .update(creditRecords)
    .set({ ...(input.set ?? {}), ...u.set })
    .where(u.where)
    .returning({ id: creditRecords.id });
  return done.length === 1;
}

/** The same for a staff record. */
export async function correctPractitionerRecord(
  tx: Queryable,
  input: { id: string; expectedVersion: number; correction: RecordCorrection; revoke?: boolean; set?: { type?: string; description?: string } },
) {
  const u = correctionUpdate(practitionerRecords, input);
  const done = await tx
    .update(practitionerRecords)
    .set({ ...(input.set ?? {}), ...u.set })
    .where(u.where)
    .returning({ id: practitionerRecords.id });
  return done.length === 1;
}

/** Sets (or replaces) the person's public statement beside their approved record. */
export async function setPractitionerRecordStatement(tx: Queryable, recordId: string, statement: string) {
  const done = await tx
    .update(practitionerRecords)
    .set({ statement, statementAt: new Date() })
    .where(and(eq(practitionerRecords.id, recordId), eq(practitionerRecords.status, 'approved')))
    .returning({ id: practitionerRecords.id });
  return done.length === 1;
}
