import 'server-only';
/**
 * Objections of a practitioner about their own data (SN 18; SPEC §3.8), stored as `cases` of kind 'objection'
 * about subject 'practitioner'. The body and the decision are JSON text (lib/domain/objections). Handlers are the
 * employing company (cases.company_id) and the district of the estate (cases.district_id); the city sees all.
 * Objections about records are in ./record-objections; the queue (listObjectionsInScope) lists both.
 */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';
import { greenChannelSql } from './company-filing';
import { attachments, cases, companies, creditRecords, employments, practitionerRecords, practitioners, projects, regions, users } from '@/db/schema';
import { changeableColumns } from './person-columns';
import type { Actor } from '@/lib/auth/policy';
import { DECIDED_CASE_STATUSES, OPEN_CASE_STATUSES, type CorrectableField, type ObjectionSubject } from '@/lib/domain/objections';
import { recordObjectionScope } from './record-objections';
import { caseProgressColumns, verifyingStartedAt } from './case-progress';

const isObjection = and(eq(cases.kind, 'objection'), eq(cases.subjectType, 'practitioner'))!;

/**
 * Who handles an objection on this person: the employment that is current, else pending, else the latest one
 * that ended (the estate gives the district; the former employer handles nothing). Null when the person never had an employment (the city handles it).
 */
export async function findObjectionHandlers(db: Queryable, practitionerId: string) {
  const [row] = await db
    .select({
      // A former employer no longer handles anything about the person (finding 5): only the district of that estate.
      companyId: sql<string | null>`case when ${employments.status} in ('current', 'pending') then ${employments.companyId} end`,
      projectId: employments.projectId,
      districtId: projects.districtId,
    })
    .from(employments)
    .leftJoin(projects, eq(projects.id, employments.projectId))
    .where(and(eq(employments.practitionerId, practitionerId), inArray(employments.status, ['current', 'pending', 'ended'])))
    .orderBy(
      sql`case ${employments.status} when 'current' then 0 when 'pending' then 1 else 2 end`,
      desc(sql`coalesce(${employments.endDate}, ${employments.startDate})`),
    )
    .limit(1);
  return row ?? null;
}

/** Serialises objections on one person (two filings at the same moment: the second sees the first). */
export async function lockPersonForObjection(tx: Queryable, practitionerId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(7305018, hashtext(${practitionerId}))`);
}

/** The person's objections: status and body, to refuse a repeat. */
export async function listPersonObjections(db: Queryable, practitionerId: string) {
  return db
    .select({ id: cases.id, status: cases.status, body: cases.body, trackingCode: cases.trackingCode })
    .from(cases)
    .where(and(isObjection, eq(cases.subjectId, practitionerId)))
    .orderBy(asc(cases.createdAt));
}

/** sha256 of every evidence file of these cases. */
export async function evidenceHashes(db: Queryable, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .select({ sha256: attachments.sha256 })
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'case'), inArray(attachments.ownerId, caseIds)));
  return new Set(rows.map((r) => r.sha256));
}

export async function insertObjection(
  tx: Queryable,
  c: { trackingCode: string; practitionerId: string; companyId: string | null; projectId: string | null; districtId: string | null; filerName: string; filerPhone: string; body: string },
) {
  const [row] = await tx
    .insert(cases)
    .values({ kind: 'objection', status: 'open', subjectType: 'practitioner', subjectId: c.practitionerId, ...c })
    .returning({ id: cases.id });
  return row!.id;
}

export async function insertEvidence(tx: Queryable, caseId: string, files: { filename: string; mime: string; content: Buffer; sha256: string }[]) {
  if (files.length === 0) return;
  await tx.insert(attachments).values(
    files.map((f) => ({ ownerType: 'case', ownerId: caseId, kind: 'evidence', filename: f.filename, mime: f.mime, size: f.content.byteLength, sha256: f.sha256, content: f.content })),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Tracking by code (public): the person's name and masked ID, the item, the progress — nothing else.

export interface ObjectionTracking {
  trackingCode: string;
  name: string;
  idNumberMasked: string;
  status: string;
  body: string;
  answer: string | null;
  decision: string | null;
  filedAt: Date;
  verifyingAt: Date | null;
  decidedAt: Date | null;
}

export async function getObjectionByCode(db: Queryable, code: string): Promise<ObjectionTracking | null> {
  const [row] = await db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      name: practitioners.name,
      idNumberMasked: practitioners.idNumberMasked,
      ...caseProgressColumns,
    })
    .from(cases)
    .innerJoin(practitioners, eq(practitioners.id, cases.subjectId))
    .where(and(isObjection, eq(cases.trackingCode, code)))
    .limit(1);
  if (!row) return null;
  const verifyingAt = await verifyingStartedAt(db, row.id);
  const { id: _id, ...pub } = row;
  return { ...pub, verifyingAt };
}

// ---------------------------------------------------------------------------------------------------------
// Handling (company, district, city)

/** The actor's objections: the company's own people, the district's estates, the whole city. */
export function objectionScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'city':
      return sql`true`;
    case 'district':
      return actor.districtId ? sql`${cases.districtId} = ${actor.districtId}` : sql`false`;
    case 'company':
      return actor.companyId ? sql`${cases.companyId} = ${actor.companyId}` : sql`false`;
    default:
      return sql`false`;
  }
}

export const OBJECTION_PAGE_SIZE = 30;

export type ObjectionSubjectFilter = 'all' | ObjectionSubject;

export interface ObjectionListRow {
  id: string;
  trackingCode: string;
  subjectType: ObjectionSubject;
  status: string;
  body: string;
  /** The person (their own data, or the subject of a staff record); null for a company credit record. */
  personName: string | null;
  idNumberMasked: string | null;
  /** The record's type and date, for record objections. */
  recordType: string | null;
  recordOccurredOn: string | null;
  projectName: string | null;
  companyName: string | null;
  districtName: string | null;
  filedAt: Date;
  decidedAt: Date | null;
}

const district = regions;
const listPr = alias(practitionerRecords, 'list_pr');
const listCr = alias(creditRecords, 'list_cr');

/**
 * The actor's objection queue: on one's own data (company, district, city, as objectionScope) and on records
 * (district and city only: recordObjectionScope), optionally of one kind.
 */
export async function listObjectionsInScope(
  db: Queryable,
  actor: Actor,
  f: { status: 'open' | 'decided' | 'all'; page: number; subject?: ObjectionSubjectFilter },
  /** The day the green channel is judged on (CQ 三.(五)): open cases of green-channel companies come first. */
  on?: string,
) {
  const statusCond =
    f.status === 'open' ? inArray(cases.status, [...OPEN_CASE_STATUSES]) : f.status === 'decided' ? inArray(cases.status, [...DECIDED_CASE_STATUSES]) : undefined;
  const scope = or(
    and(eq(cases.subjectType, 'practitioner'), objectionScope(actor)),
    and(inArray(cases.subjectType, ['credit_record', 'practitioner_record']), recordObjectionScope(actor)),
  );
  const subject = !f.subject || f.subject === 'all' ? undefined : eq(cases.subjectType, f.subject);
  const where = and(eq(cases.kind, 'objection'), scope, subject, statusCond);
  const [[{ n }], rows] = await Promise.all([
    db.select({ n: count() }).from(cases).where(where),
    db
      .select({
        id: cases.id,
        trackingCode: cases.trackingCode,
        subjectType: cases.subjectType,
        status: cases.status,
        body: cases.body,
        personName: practitioners.name,
        idNumberMasked: practitioners.idNumberMasked,
        recordType: sql<string | null>`coalesce(${listPr.type}, ${listCr.type})`,
        recordOccurredOn: sql<string | null>`coalesce(${listPr.occurredOn}, ${listCr.occurredOn})`,
        projectName: projects.name,
        companyName: companies.name,
        districtName: district.name,
        filedAt: cases.createdAt,
        decidedAt: cases.decidedAt,
      })
      .from(cases)
      .leftJoin(listPr, and(eq(cases.subjectType, 'practitioner_record'), eq(listPr.id, cases.subjectId)))
      .leftJoin(listCr, and(eq(cases.subjectType, 'credit_record'), eq(listCr.id, cases.subjectId)))
      .leftJoin(
        practitioners,
        eq(practitioners.id, sql`coalesce(${listPr.practitionerId}, case when ${cases.subjectType} = 'practitioner' then ${cases.subjectId} end)`),
      )
      .leftJoin(projects, eq(projects.id, cases.projectId))
      .leftJoin(companies, eq(companies.id, cases.companyId))
      .leftJoin(district, eq(district.id, cases.districtId))
      .where(where)
      .orderBy(
        sql`case when ${cases.status} in ('open', 'verifying') then 0 else 1 end`,
        ...(on ? [sql`case when ${cases.status} in ('open', 'verifying') and ${greenChannelSql(cases.companyId, on)} then 0 else 1 end`] : []),
        asc(cases.createdAt),
        asc(cases.id),
      )
      .limit(OBJECTION_PAGE_SIZE)
      .offset((f.page - 1) * OBJECTION_PAGE_SIZE),
  ]);
  return { rows: rows as ObjectionListRow[], total: Number(n) };
}

/** One objection in the actor's scope, with the person's current values of the items a handler may correct. */
export async function getObjectionInScope(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      version: cases.version,
      body: cases.body,
      answer: cases.answer,
      decision: cases.decision,
      companyId: cases.companyId,
      projectId: cases.projectId,
      districtId: cases.districtId,
      filedAt: cases.createdAt,
      decidedAt: cases.decidedAt,
      decidedByName: users.displayName,
      practitionerId: practitioners.id,
      projectName: projects.name,
      companyName: companies.name,
      districtName: district.name,
    })
    .from(cases)
    .innerJoin(practitioners, eq(practitioners.id, cases.subjectId))
    .leftJoin(projects, eq(projects.id, cases.projectId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(district, eq(district.id, cases.districtId))
    .leftJoin(users, eq(users.id, cases.decidedBy))
    .where(and(isObjection, eq(cases.id, id), objectionScope(actor)))
    .limit(1);
  if (!row) return null;
  const [person, evidence] = await Promise.all([getPersonValues(db, row.practitionerId), listEvidence(db, row.id)]);
  return { ...row, person: person!, evidence };
}

/** Whether an objection of any kind has this id (to audit an out-of-scope look-up). */
export async function objectionExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.kind, 'objection'), eq(cases.id, id))).limit(1);
  return !!row;
}

export async function listEvidence(db: Queryable, caseId: string) {
  return db
    .select({ id: attachments.id, filename: attachments.filename, mime: attachments.mime, size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'case'), eq(attachments.ownerId, caseId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export type PersonValues = Record<CorrectableField, string | null> & { idNumberMasked: string; currentEmploymentId: string | null };

/** The values a handler compares the objection with (and may correct). Internal: never for a public page. */
export async function getPersonValues(db: Queryable, practitionerId: string): Promise<PersonValues | null> {
  const [p] = await db
    .select({
      name: practitioners.name,
      ethnicity: practitioners.ethnicity,
      nativePlace: practitioners.nativePlace,
      ...changeableColumns,
      hiredOn: practitioners.hiredOn,
      idNumberMasked: practitioners.idNumberMasked,
    })
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId))
    .limit(1);
  if (!p) return null;
  const [e] = await db
    .select({ id: employments.id, post: employments.post })
    .from(employments)
    .where(and(eq(employments.practitionerId, practitionerId), inArray(employments.status, ['current', 'pending'])))
    .orderBy(sql`case ${employments.status} when 'current' then 0 else 1 end`)
    .limit(1);
  return { ...p, post: e?.post ?? null, currentEmploymentId: e?.id ?? null };
}

/** Sets one item on the person (or the post on their open employment). */
export async function setPersonValue(tx: Queryable, practitionerId: string, employmentId: string | null, field: CorrectableField, value: string | null) {
  if (field === 'post') {
    if (!employmentId) return false;
    const done = await tx
      .update(employments)
      .set({ post: value as never })
      .where(eq(employments.id, employmentId))
      .returning({ id: employments.id });
    return done.length === 1;
  }
  const done = await tx
    .update(practitioners)
    .set({ [field]: value, version: sql`${practitioners.version} + 1`, updatedAt: new Date() })
    .where(eq(practitioners.id, practitionerId))
    .returning({ id: practitioners.id });
  return done.length === 1;
}

/** Moves an open objection (of any subject) at `expectedVersion` to `status`; null when another handler got there first. */
export async function updateObjection(
  tx: Queryable,
  input: { id: string; expectedVersion: number; status: 'verifying' | 'corrected' | 'dismissed'; answer?: string; decision?: string; decidedBy?: string },
) {
  const decided = input.status !== 'verifying';
  const [row] = await tx
    .update(cases)
    .set({
      status: input.status,
      version: sql`${cases.version} + 1`,
      ...(decided ? { answer: input.answer ?? null, decision: input.decision ?? null, decidedBy: input.decidedBy ?? null, decidedAt: new Date() } : {}),
    })
    .where(
      and(
        eq(cases.kind, 'objection'),
        eq(cases.id, input.id),
        eq(cases.version, input.expectedVersion),
        inArray(cases.status, input.status === 'verifying' ? ['open'] : [...OPEN_CASE_STATUSES]),
      ),
    )
    .returning({ id: cases.id, status: cases.status, version: cases.version });
  return row ?? null;
}

/**
 * Keeps (or clears, with null) a company's proposed correction on an open objection at `expectedVersion`; the
 * case is under verification meanwhile. Null when another handler got there first.
 */
export async function setObjectionProposal(tx: Queryable, input: { id: string; expectedVersion: number; proposal: string | null }) {
  const [row] = await tx
    .update(cases)
    .set({ status: 'verifying', decision: input.proposal, version: sql`${cases.version} + 1` })
    .where(and(isObjection, eq(cases.id, input.id), eq(cases.version, input.expectedVersion), inArray(cases.status, [...OPEN_CASE_STATUSES])))
    .returning({ id: cases.id, status: cases.status, version: cases.version });
  return row ?? null;
}
