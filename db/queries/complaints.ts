import 'server-only';
/**
 * Owners' complaints and praise (SPEC §3.10): `cases` of kind 'complaint' or 'praise'. The body and the decision are
 * JSON text (lib/domain/complaints). The serving company (cases.company_id) answers; the district of the estate
 * (cases.district_id) decides; the city sees all. The owner follows the case by its tracking code.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { attachments, cases, companies, employments, practitioners, projects, regions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { CASE_KINDS, COMPLAINT_DONE_STATUSES, COMPLAINT_OPEN_STATUSES, type ComplaintKind } from '@/lib/domain/complaints';
import { POST_DISPLAY_ORDER } from './public-staff';
import { companyScope, districtScope } from './scope';

const isComplaint = inArray(cases.kind, [...CASE_KINDS]);
export const COMPLAINT_OWNER_TYPE = 'complaint';

// ---------------------------------------------------------------------------------------------------------
// The owner's form: the estate, its serving company, its approved public staff list

export interface ComplaintEstate {
  id: string;
  name: string;
  address: string;
  districtId: string;
  /** The serving company, named only when its filing is approved (as in every public page). */
  company: { id: string; name: string } | null;
}

export async function getComplaintEstate(db: Queryable, projectId: string): Promise<ComplaintEstate | null> {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, address: projects.address, districtId: projects.districtId, companyId: companies.id, companyName: companies.name })
    .from(projects)
    .leftJoin(companies, and(eq(companies.id, projects.currentCompanyId), eq(companies.filingStatus, 'approved')))
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!row) return null;
  const { companyId, companyName, ...estate } = row;
  return { ...estate, company: companyId && companyName ? { id: companyId, name: companyName } : null };
}

export interface EstateStaffChoice {
  id: string;
  name: string;
  post: string;
}

const postRank = sql`array_position(array[${sql.join(
  POST_DISPLAY_ORDER.map((p) => sql`${p}`),
  sql`, `,
)}]::text[], ${employments.post}::text)`;

const staffOf = (projectId: string) => and(eq(employments.projectId, projectId), eq(employments.status, 'current'), eq(practitioners.status, 'active'));

/** The estate's current approved staff — the public list's people, by name and post only. */
export async function listEstateStaffChoices(db: Queryable, projectId: string): Promise<EstateStaffChoice[]> {
  return db
    .select({ id: practitioners.id, name: practitioners.name, post: sql<string>`${employments.post}::text` })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .where(staffOf(projectId))
    .orderBy(postRank, asc(practitioners.name), asc(practitioners.id))
    .limit(1000);
}

export async function getEstateStaffChoice(db: Queryable, projectId: string, practitionerId: string): Promise<EstateStaffChoice | null> {
  const [row] = await db
    .select({ id: practitioners.id, name: practitioners.name, post: sql<string>`${employments.post}::text` })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .where(and(staffOf(projectId), eq(practitioners.id, practitionerId)))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Writes

export async function insertComplaint(
  tx: Queryable,
  c: {
    kind: ComplaintKind;
    trackingCode: string;
    subjectType: 'project' | 'company' | 'practitioner';
    subjectId: string;
    companyId: string | null;
    projectId: string;
    districtId: string;
    filerName: string;
    filerPhone: string;
    body: string;
    dueOn: string | null;
  },
) {
  const [row] = await tx
    .insert(cases)
    .values({ ...c, status: 'open' })
    .returning({ id: cases.id });
  return row!.id;
}

export interface CaseFile {
  filename: string;
  mime: string;
  content: Buffer;
  sha256: string;
}

/** The owner's photos ('photo') or the company's evidence ('answer'), owned by the case. */
export async function insertCaseFiles(tx: Queryable, caseId: string, kind: 'photo' | 'answer', files: CaseFile[], uploadedBy: string | null) {
  if (files.length === 0) return;
  await tx.insert(attachments).values(
    files.map((f) => ({ ownerType: COMPLAINT_OWNER_TYPE, ownerId: caseId, kind, filename: f.filename, mime: f.mime, size: f.content.byteLength, sha256: f.sha256, content: f.content, uploadedBy })),
  );
}

/** The files of a case (for the handlers' page: no content). */
export async function listCaseFiles(db: Queryable, caseId: string) {
  return db
    .select({ id: attachments.id, kind: attachments.kind, filename: attachments.filename, mime: attachments.mime })
    .from(attachments)
    .where(and(eq(attachments.ownerType, COMPLAINT_OWNER_TYPE), eq(attachments.ownerId, caseId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.filename));
}

/** The files' bytes, handed to a record service as the record's evidence. */
export async function readCaseFiles(db: Queryable, caseId: string) {
  return db
    .select({ filename: attachments.filename, content: attachments.content })
    .from(attachments)
    .where(and(eq(attachments.ownerType, COMPLAINT_OWNER_TYPE), eq(attachments.ownerId, caseId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.filename));
}

/** The company's answer (or acknowledgement of a praise) at `expectedVersion`; null when someone got there first. */
export async function setComplaintAnswer(tx: Queryable, input: { id: string; expectedVersion: number; answer: string; answeredBy: string; status: 'answered' | 'closed'; at: Date }) {
  const [row] = await tx
    .update(cases)
    .set({
      status: input.status,
      answer: input.answer,
      answeredAt: input.at,
      answeredBy: input.answeredBy,
      ...(input.status === 'closed' ? { decidedAt: input.at } : {}),
      version: sql`${cases.version} + 1`,
    })
    .where(and(isComplaint, eq(cases.id, input.id), eq(cases.version, input.expectedVersion), eq(cases.status, 'open')))
    .returning({ id: cases.id, status: cases.status, version: cases.version });
  return row ?? null;
}

/** A case's handling times and where it happened (estate, company, district), for the queue and the case page. */
const caseTimesAndPlace = {
  createdAt: cases.createdAt,
  answeredAt: cases.answeredAt,
  decidedAt: cases.decidedAt,
  projectName: projects.name,
  companyName: companies.name,
  districtName: regions.name,
};

/** The district's decision at `expectedVersion`; null when someone got there first. */
export async function setComplaintDecision(tx: Queryable, input: { id: string; expectedVersion: number; status: 'upheld' | 'dismissed'; decision: string; decidedBy: string; at: Date }) {
  const [row] = await tx
    .update(cases)
    .set({ status: input.status, decision: input.decision, decidedBy: input.decidedBy, decidedAt: input.at, version: sql`${cases.version} + 1` })
    .where(and(eq(cases.kind, 'complaint'), eq(cases.id, input.id), eq(cases.version, input.expectedVersion), inArray(cases.status, [...COMPLAINT_OPEN_STATUSES])))
    .returning({ id: cases.id, status: cases.status, version: cases.version });
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// The owner's tracking page: no name, no phone — the estate, whom it was about, the steps and the outcome.

export async function getComplaintByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({
      trackingCode: cases.trackingCode,
      kind: cases.kind,
      status: cases.status,
      body: cases.body,
      answer: cases.answer,
      decision: cases.decision,
      dueOn: cases.dueOn,
      createdAt: cases.createdAt,
      answeredAt: cases.answeredAt,
      decidedAt: cases.decidedAt,
      projectId: cases.projectId,
      projectName: projects.name,
      companyName: companies.name,
    })
    .from(cases)
    .leftJoin(projects, eq(projects.id, cases.projectId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .where(and(isComplaint, eq(cases.trackingCode, code)))
    .limit(1);
  return row ?? null;
}
export type ComplaintTracking = NonNullable<Awaited<ReturnType<typeof getComplaintByCode>>>;

// ---------------------------------------------------------------------------------------------------------
// The queues: the company's own estates; the district's estates; the city all

export function complaintScope(actor: Actor): SQL {
  return actor.role === 'company' ? companyScope(actor, cases.companyId) : districtScope(actor, cases.districtId);
}

export const COMPLAINT_PAGE_SIZE = 30;
export type ComplaintStatusFilter = 'open' | 'overdue' | 'done' | 'all';

export async function listComplaintsInScope(db: Queryable, actor: Actor, f: { status: ComplaintStatusFilter; kind: 'all' | ComplaintKind; page: number }, today: string) {
  const statusCond =
    f.status === 'open'
      ? inArray(cases.status, [...COMPLAINT_OPEN_STATUSES])
      : f.status === 'done'
        ? inArray(cases.status, [...COMPLAINT_DONE_STATUSES])
        : f.status === 'overdue'
          ? and(eq(cases.status, 'open'), sql`${cases.dueOn} < ${today}::date`)
          : undefined;
  const where = and(isComplaint, complaintScope(actor), f.kind === 'all' ? undefined : eq(cases.kind, f.kind), statusCond);
  const [[{ n }], rows] = await Promise.all([
    db.select({ n: count() }).from(cases).where(where),
    db
      .select({
        id: cases.id,
        kind: cases.kind,
        status: cases.status,
        body: cases.body,
        dueOn: cases.dueOn,
        ...caseTimesAndPlace,
      })
      .from(cases)
      .leftJoin(projects, eq(projects.id, cases.projectId))
      .leftJoin(companies, eq(companies.id, cases.companyId))
      .leftJoin(regions, eq(regions.id, cases.districtId))
      .where(where)
      .orderBy(sql`case when ${cases.status} in ('open', 'answered') then 0 else 1 end`, asc(cases.dueOn), desc(cases.createdAt), asc(cases.id))
      .limit(COMPLAINT_PAGE_SIZE)
      .offset((f.page - 1) * COMPLAINT_PAGE_SIZE),
  ]);
  return { rows, total: Number(n) };
}
export type ComplaintListRow = Awaited<ReturnType<typeof listComplaintsInScope>>['rows'][number];

/** One case in the actor's scope, with the filer's contact (for the handlers only) and the files' names. */
export async function getComplaintInScope(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({
      id: cases.id,
      kind: cases.kind,
      trackingCode: cases.trackingCode,
      status: cases.status,
      version: cases.version,
      body: cases.body,
      answer: cases.answer,
      decision: cases.decision,
      dueOn: cases.dueOn,
      filerName: cases.filerName,
      filerPhone: cases.filerPhone,
      companyId: cases.companyId,
      projectId: cases.projectId,
      districtId: cases.districtId,
      ...caseTimesAndPlace,
      decidedByName: users.displayName,
    })
    .from(cases)
    .leftJoin(projects, eq(projects.id, cases.projectId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .leftJoin(regions, eq(regions.id, cases.districtId))
    .leftJoin(users, eq(users.id, cases.decidedBy))
    .where(and(isComplaint, eq(cases.id, id), complaintScope(actor)))
    .limit(1);
  if (!row) return null;
  return { ...row, files: await listCaseFiles(db, row.id) };
}
export type ComplaintCase = NonNullable<Awaited<ReturnType<typeof getComplaintInScope>>>;

/** Whether a complaint or praise has this id (to audit an out-of-scope look-up). */
export async function complaintExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: cases.id }).from(cases).where(and(isComplaint, eq(cases.id, id))).limit(1);
  return !!row;
}
