import 'server-only';
/**
 * Data-use requests and grants (SN 20–21; lib/domain/data-use.ts). The requester's scope, the company's (consent)
 * and the bureau's (decision) are WHERE clauses here; a request outside them reads exactly like a missing one.
 * The grant's person DTO has only the granted groups and never the ID number, birth date, ethnicity, native place,
 * political status or mobile.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { attachments, auditEvents, certificates, companies, dataRequests, documents, employments, organisations, practitionerRecords, practitioners, projects, regions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { ageOn, type FieldGroup, type RequestKind, type RequestStatus } from '@/lib/domain/data-use';
import { districtScope } from './scope';

export const DATA_REQUEST_OWNER_TYPE = 'data_request';
export const DATA_REQUEST_PAGE_SIZE = 20;

/** The requests the actor filed: a company's own, a committee's or a department's (its organisation's). */
export function requesterScope(actor: Actor): SQL {
  if (actor.role === 'company' && actor.companyId) return and(eq(dataRequests.kind, 'company'), eq(dataRequests.requesterCompanyId, actor.companyId))!;
  if ((actor.role === 'committee' || actor.role === 'department') && actor.organisationId)
    return and(eq(dataRequests.kind, actor.role), eq(dataRequests.requesterOrgId, actor.organisationId))!;
  return sql`false`;
}

/** The committees' requests about the actor's company, which it must consent to (or refuse). */
function consentScope(actor: Actor): SQL {
  if (actor.role === 'company' && actor.companyId) return and(eq(dataRequests.kind, 'committee'), eq(dataRequests.companyId, actor.companyId))!;
  return sql`false`;
}

// ---------------------------------------------------------------------------------------------------------
// Filing

export async function getEstateOfCommittee(db: Queryable, projectId: string) {
  const [row] = await db.select({ id: projects.id, name: projects.name, districtId: projects.districtId }).from(projects).where(eq(projects.id, projectId)).limit(1);
  return row ?? null;
}

/** A company with an approved filing, by its USCC (the only companies whose staff a request may concern). */
export async function findFiledCompanyByUscc(db: Queryable, uscc: string) {
  const [row] = await db
    .select({ id: companies.id, name: companies.name, districtId: companies.districtId })
    .from(companies)
    .where(and(eq(companies.uscc, uscc.toUpperCase()), eq(companies.filingStatus, 'approved')))
    .limit(1);
  return row ?? null;
}

export async function getCompanyBasics(db: Queryable, companyId: string) {
  const [row] = await db.select({ id: companies.id, name: companies.name, districtId: companies.districtId }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return row ?? null;
}

export async function getOrganisationName(db: Queryable, organisationId: string) {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  return row?.name ?? null;
}

export type NewDataRequest = typeof dataRequests.$inferInsert;

export async function insertDataRequest(tx: Queryable, values: NewDataRequest): Promise<string> {
  const [row] = await tx.insert(dataRequests).values(values).returning({ id: dataRequests.id });
  return row!.id;
}

export async function insertLetter(
  tx: Queryable,
  requestId: string,
  f: { filename: string; mime: string; content: Buffer; sha256: string },
  uploadedBy: string,
): Promise<string> {
  const [row] = await tx
    .insert(attachments)
    .values({ ownerType: DATA_REQUEST_OWNER_TYPE, ownerId: requestId, kind: 'letter', filename: f.filename, mime: f.mime, size: f.content.byteLength, sha256: f.sha256, content: f.content, uploadedBy })
    .returning({ id: attachments.id });
  await tx.update(dataRequests).set({ letterAttachmentId: row!.id }).where(eq(dataRequests.id, requestId));
  return row!.id;
}

// ---------------------------------------------------------------------------------------------------------
// Reading one request

const requestColumns = {
  id: dataRequests.id,
  kind: sql<RequestKind>`${dataRequests.kind}`,
  status: sql<RequestStatus>`${dataRequests.status}`,
  requesterName: dataRequests.requesterName,
  requesterUserId: dataRequests.requesterUserId,
  requesterOrgId: dataRequests.requesterOrgId,
  requesterCompanyId: dataRequests.requesterCompanyId,
  requesterPractitionerId: dataRequests.requesterPractitionerId,
  projectId: dataRequests.projectId,
  projectName: projects.name,
  companyId: dataRequests.companyId,
  companyName: companies.name,
  districtId: dataRequests.districtId,
  districtName: regions.name,
  subjects: dataRequests.subjects,
  requestedNames: sql<string[]>`${dataRequests.requestedNames}`,
  useMatter: dataRequests.useMatter,
  purpose: dataRequests.purpose,
  scopeText: dataRequests.scopeText,
  letterAttachmentId: dataRequests.letterAttachmentId,
  letterRef: dataRequests.letterRef,
  protectionPromised: dataRequests.protectionPromised,
  consentAt: dataRequests.consentAt,
  consentRefusal: dataRequests.consentRefusal,
  decidedAt: dataRequests.decidedAt,
  decidedByName: dataRequests.decidedByName,
  refusalReason: dataRequests.refusalReason,
  grantedPractitionerIds: sql<string[]>`${dataRequests.grantedPractitionerIds}`,
  grantedFields: sql<FieldGroup[]>`${dataRequests.grantedFields}`,
  expiresOn: dataRequests.expiresOn,
  documentId: dataRequests.documentId,
  version: dataRequests.version,
  createdAt: dataRequests.createdAt,
};
async function oneRequest(db: Queryable, where: SQL) {
  const [row] = await db
    .select(requestColumns)
    .from(dataRequests)
    .leftJoin(projects, eq(projects.id, dataRequests.projectId))
    .leftJoin(companies, eq(companies.id, dataRequests.companyId))
    .leftJoin(regions, eq(regions.id, dataRequests.districtId))
    .where(where)
    .limit(1);
  return row ?? null;
}
export type DataRequestRow = NonNullable<Awaited<ReturnType<typeof oneRequest>>>;

export type RequestView = 'requester' | 'consent' | 'bureau';

/** One request as its requester, the company asked for consent, or the deciding bureau sees it. */
export function getDataRequestInScope(db: Queryable, actor: Actor, id: string, view: RequestView) {
  const scope = view === 'requester' ? requesterScope(actor) : view === 'consent' ? consentScope(actor) : districtScope(actor, dataRequests.districtId);
  return oneRequest(db, and(eq(dataRequests.id, id), scope)!);
}

export async function dataRequestExists(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.select({ id: dataRequests.id }).from(dataRequests).where(eq(dataRequests.id, id)).limit(1);
  return !!row;
}

// ---------------------------------------------------------------------------------------------------------
// Lists

export interface DataRequestListRow {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  requesterName: string;
  companyName: string | null;
  purpose: string;
  expiresOn: string | null;
  createdAt: Date;
}

const listColumns = {
  id: dataRequests.id,
  kind: sql<RequestKind>`${dataRequests.kind}`,
  status: sql<RequestStatus>`${dataRequests.status}`,
  requesterName: dataRequests.requesterName,
  companyName: companies.name,
  purpose: dataRequests.purpose,
  expiresOn: dataRequests.expiresOn,
  createdAt: dataRequests.createdAt,
};

async function listWhere(db: Queryable, where: SQL, page: number, pageSize = DATA_REQUEST_PAGE_SIZE) {
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(dataRequests)
      .leftJoin(companies, eq(companies.id, dataRequests.companyId))
      .where(where)
      .orderBy(desc(dataRequests.createdAt), asc(dataRequests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(dataRequests).where(where),
  ]);
  return { rows: rows as DataRequestListRow[], total: Number(total?.n ?? 0) };
}

/** The requester's own requests and grants, newest first. */
export function listOwnDataRequests(db: Queryable, actor: Actor, page = 1) {
  return listWhere(db, requesterScope(actor), page);
}

/** The committees' requests a company must answer (waiting first, then answered). */
export function listConsentRequests(db: Queryable, actor: Actor, page = 1) {
  return listWhere(db, consentScope(actor), page);
}

export type BureauStatusFilter = 'open' | 'awaiting_consent' | 'approved' | 'done' | 'all';

/** The bureau's queue: its district's requests (the city: all). */
export function listDataRequestsInScope(db: Queryable, actor: Actor, f: { status: BureauStatusFilter; kind: RequestKind | 'all'; page: number }) {
  const status: Record<BureauStatusFilter, SQL> = {
    open: sql`${dataRequests.status} = 'submitted'`,
    awaiting_consent: sql`${dataRequests.status} = 'awaiting_consent'`,
    approved: sql`${dataRequests.status} = 'approved'`,
    done: inArray(dataRequests.status, ['approved', 'refused', 'consent_refused', 'withdrawn']),
    all: sql`true`,
  };
  const where = and(districtScope(actor, dataRequests.districtId), status[f.status], f.kind === 'all' ? sql`true` : eq(dataRequests.kind, f.kind))!;
  return listWhere(db, where, f.page);
}

// ---------------------------------------------------------------------------------------------------------
// Changes (optimistic lock: null when the version moved)

export async function setConsent(
  tx: Queryable,
  p: { id: string; expectedVersion: number; consent: boolean; reason: string | null; by: string; at: Date },
) {
  const [row] = await tx
    .update(dataRequests)
    .set({
      status: p.consent ? 'submitted' : 'consent_refused',
      consentBy: p.by,
      consentAt: p.at,
      consentRefusal: p.consent ? null : p.reason,
      version: sql`${dataRequests.version} + 1`,
      updatedAt: p.at,
    })
    .where(and(eq(dataRequests.id, p.id), eq(dataRequests.version, p.expectedVersion), eq(dataRequests.status, 'awaiting_consent')))
    .returning({ id: dataRequests.id, status: dataRequests.status });
  return row ?? null;
}

export async function setDecision(
  tx: Queryable,
  p: {
    id: string;
    expectedVersion: number;
    approve: boolean;
    practitionerIds: string[];
    fields: FieldGroup[];
    expiresOn: string | null;
    reason: string | null;
    by: string;
    byName: string;
    at: Date;
  },
) {
  const [row] = await tx
    .update(dataRequests)
    .set({
      status: p.approve ? 'approved' : 'refused',
      decidedBy: p.by,
      decidedByName: p.byName,
      decidedAt: p.at,
      refusalReason: p.approve ? null : p.reason,
      grantedPractitionerIds: p.approve ? p.practitionerIds : [],
      grantedFields: p.approve ? p.fields : [],
      expiresOn: p.approve ? p.expiresOn : null,
      version: sql`${dataRequests.version} + 1`,
      updatedAt: p.at,
    })
    .where(and(eq(dataRequests.id, p.id), eq(dataRequests.version, p.expectedVersion), eq(dataRequests.status, 'submitted')))
    .returning({ id: dataRequests.id, status: dataRequests.status });
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// People

export interface StaffChoice {
  id: string;
  name: string;
  post: string;
  projectName: string | null;
}

const currentStaffOf = (companyId: string) => and(eq(employments.companyId, companyId), eq(employments.status, 'current'), eq(practitioners.status, 'active'));

/** The company's current approved staff, by name, post and estate (the district ticks whom a grant covers). */
export async function listCompanyStaffChoices(db: Queryable, companyId: string): Promise<StaffChoice[]> {
  return db
    .select({ id: practitioners.id, name: practitioners.name, post: sql<string>`${employments.post}::text`, projectName: projects.name })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .leftJoin(projects, eq(projects.id, employments.projectId))
    .where(currentStaffOf(companyId))
    .orderBy(asc(projects.name), asc(practitioners.name), asc(practitioners.id))
    .limit(5000);
}

/** Of `ids`, those who are current approved staff of the company (a grant covers no one else). */
export async function currentStaffAmong(db: Queryable, companyId: string, ids: readonly string[]): Promise<StaffChoice[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: practitioners.id, name: practitioners.name, post: sql<string>`${employments.post}::text`, projectName: projects.name })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .leftJoin(projects, eq(projects.id, employments.projectId))
    .where(and(currentStaffOf(companyId), inArray(practitioners.id, [...ids])))
    .orderBy(asc(projects.name), asc(practitioners.name), asc(practitioners.id));
}

/** The names (only) of the people a grant covers, for the grant's index page. */
export async function listGrantPeople(db: Queryable, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: practitioners.id, name: practitioners.name })
    .from(practitioners)
    .where(inArray(practitioners.id, [...ids]))
    .orderBy(asc(practitioners.name), asc(practitioners.id));
}

export async function practitionerExistsForGrant(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.id, id)).limit(1);
  return !!row;
}

/** What a grant shows of one person: always who (name, gender, age, masked ID), then only the granted groups. */
export interface GrantedPerson {
  id: string;
  name: string;
  gender: string;
  age: number;
  idNumberMasked: string;
  posts?: { companyName: string; projectName: string | null; post: string; since: string }[];
  employment?: { companyName: string; projectName: string | null; post: string; startDate: string; endDate: string | null }[];
  certificates?: { name: string; number: string; issuer: string; validUntil: string | null }[];
  education?: { education: string; school: string | null; major: string | null; skills: string | null };
  records?: { kind: 'good' | 'bad'; type: string; occurredOn: string; issuer: string; description: string }[];
}

export async function readGrantedPerson(db: Queryable, id: string, fields: readonly FieldGroup[], today: string): Promise<GrantedPerson | null> {
  const [p] = await db
    .select({
      id: practitioners.id,
      name: practitioners.name,
      gender: practitioners.gender,
      birthDate: practitioners.birthDate,
      idNumberMasked: practitioners.idNumberMasked,
      education: practitioners.education,
      school: practitioners.school,
      major: practitioners.major,
      skills: practitioners.skills,
    })
    .from(practitioners)
    .where(eq(practitioners.id, id))
    .limit(1);
  if (!p) return null;
  const out: GrantedPerson = { id: p.id, name: p.name, gender: p.gender, age: ageOn(p.birthDate, today), idNumberMasked: p.idNumberMasked };
  const has = (g: FieldGroup) => fields.includes(g);
  if (has('posts') || has('employment')) {
    const jobs = await db
      .select({ companyName: companies.name, projectName: projects.name, post: sql<string>`${employments.post}::text`, startDate: employments.startDate, endDate: employments.endDate, status: employments.status })
      .from(employments)
      .innerJoin(companies, eq(companies.id, employments.companyId))
      .leftJoin(projects, eq(projects.id, employments.projectId))
      .where(and(eq(employments.practitionerId, id), inArray(employments.status, ['current', 'ended'])))
      .orderBy(desc(employments.startDate), asc(employments.id))
      .limit(200);
    if (has('posts')) out.posts = jobs.filter((j) => j.status === 'current').map((j) => ({ companyName: j.companyName, projectName: j.projectName, post: j.post, since: j.startDate }));
    if (has('employment')) out.employment = jobs.map(({ companyName, projectName, post, startDate, endDate }) => ({ companyName, projectName, post, startDate, endDate }));
  }
  if (has('certificates')) {
    out.certificates = await db
      .select({ name: certificates.name, number: certificates.number, issuer: certificates.issuer, validUntil: certificates.validUntil })
      .from(certificates)
      .where(eq(certificates.practitionerId, id))
      .orderBy(asc(certificates.name), asc(certificates.id));
  }
  if (has('education')) out.education = { education: p.education, school: p.school, major: p.major, skills: p.skills };
  if (has('records')) {
    out.records = await db
      .select({ kind: practitionerRecords.kind, type: practitionerRecords.type, occurredOn: practitionerRecords.occurredOn, issuer: practitionerRecords.issuer, description: practitionerRecords.description })
      .from(practitionerRecords)
      .where(and(eq(practitionerRecords.practitionerId, id), eq(practitionerRecords.status, 'approved')))
      .orderBy(desc(practitionerRecords.occurredOn), asc(practitionerRecords.id))
      .limit(200);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The person's right of access: every grant covering them and every full view of their data

export const FULL_VIEW_ACTIONS = ['data_grant.viewed', 'practitioner.idnumber.viewed'] as const;

export interface GrantOfPerson {
  id: string;
  kind: RequestKind;
  requesterName: string;
  purpose: string;
  decidedByName: string | null;
  expiresOn: string | null;
}

export async function listGrantsCoveringPerson(db: Queryable, practitionerId: string): Promise<GrantOfPerson[]> {
  const rows = await db
    .select({
      id: dataRequests.id,
      kind: sql<RequestKind>`${dataRequests.kind}`,
      requesterName: dataRequests.requesterName,
      purpose: dataRequests.purpose,
      decidedByName: dataRequests.decidedByName,
      expiresOn: dataRequests.expiresOn,
    })
    .from(dataRequests)
    .where(
      and(
        eq(dataRequests.status, 'approved'),
        or(sql`${dataRequests.grantedPractitionerIds} @> ${JSON.stringify([practitionerId])}::jsonb`, eq(dataRequests.requesterPractitionerId, practitionerId)),
      ),
    )
    .orderBy(desc(dataRequests.decidedAt), asc(dataRequests.id))
    .limit(200);
  return rows;
}

export interface FullViewOfPerson {
  at: Date;
  action: string;
  who: string;
  why: string | null;
}

/** Full views of the person's data: grant views (who and why) and the bureaus' and companies' full-ID views. */
export async function listFullViewsOfPerson(db: Queryable, practitionerId: string): Promise<FullViewOfPerson[]> {
  const rows = await db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorRole: auditEvents.actorRole,
      displayName: users.displayName,
      orgName: organisations.name,
      companyName: companies.name,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(companies, eq(companies.id, users.companyId))
    .where(and(eq(auditEvents.objectType, 'practitioner'), eq(auditEvents.objectId, practitionerId), inArray(auditEvents.action, [...FULL_VIEW_ACTIONS])))
    .orderBy(desc(auditEvents.seq))
    .limit(500);
  return rows.map((r) => {
    const after = (r.after ?? {}) as { requester?: string; purpose?: string };
    return {
      at: r.at,
      action: r.action,
      who: after.requester ?? r.orgName ?? r.companyName ?? r.displayName ?? '—',
      why: r.action === 'data_grant.viewed' ? (after.purpose ?? null) : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Kind 'own': the person's request for their full record, and the printed document

/** The person's district (属地): of their current estate, else their latest; else their company's. */
export async function personPlace(db: Queryable, practitionerId: string): Promise<{ districtId: string | null; companyId: string | null; name: string } | null> {
  const [p] = await db.select({ name: practitioners.name }).from(practitioners).where(eq(practitioners.id, practitionerId)).limit(1);
  if (!p) return null;
  const [e] = await db
    .select({ districtId: sql<string | null>`coalesce(${projects.districtId}, ${companies.districtId})`, companyId: employments.companyId })
    .from(employments)
    .innerJoin(companies, eq(companies.id, employments.companyId))
    .leftJoin(projects, eq(projects.id, employments.projectId))
    .where(and(eq(employments.practitionerId, practitionerId), inArray(employments.status, ['current', 'ended'])))
    .orderBy(sql`(${employments.status} = 'current') desc`, desc(employments.startDate))
    .limit(1);
  return { name: p.name, districtId: e?.districtId ?? null, companyId: e?.companyId ?? null };
}

export interface OwnRequestRow {
  id: string;
  status: RequestStatus;
  createdAt: Date;
  decidedByName: string | null;
  refusalReason: string | null;
  expiresOn: string | null;
  documentCode: string | null;
}

export async function listOwnRequestsOfPerson(db: Queryable, practitionerId: string): Promise<OwnRequestRow[]> {
  return db
    .select({
      id: dataRequests.id,
      status: sql<RequestStatus>`${dataRequests.status}`,
      createdAt: dataRequests.createdAt,
      decidedByName: dataRequests.decidedByName,
      refusalReason: dataRequests.refusalReason,
      expiresOn: dataRequests.expiresOn,
      documentCode: documents.code,
    })
    .from(dataRequests)
    .leftJoin(documents, eq(documents.id, dataRequests.documentId))
    .where(and(eq(dataRequests.kind, 'own'), eq(dataRequests.requesterPractitionerId, practitionerId)))
    .orderBy(desc(dataRequests.createdAt), asc(dataRequests.id))
    .limit(20);
}

export async function getOwnRequest(db: Queryable, practitionerId: string, requestId: string) {
  return oneRequest(db, and(eq(dataRequests.id, requestId), eq(dataRequests.kind, 'own'), eq(dataRequests.requesterPractitionerId, practitionerId))!);
}

export async function documentCodeOf(db: Queryable, documentId: string): Promise<string | null> {
  const [row] = await db.select({ code: documents.code }).from(documents).where(eq(documents.id, documentId)).limit(1);
  return row?.code ?? null;
}

/** The content of a printed full record: what the paper says (no ID number, no private fields), and its fingerprint. */
export async function fullRecordContent(db: Queryable, practitionerId: string, today: string) {
  const p = await readGrantedPerson(db, practitionerId, ['posts', 'employment', 'certificates', 'records'], today);
  if (!p) return null;
  const content = { name: p.name, gender: p.gender, posts: p.posts ?? [], employment: p.employment ?? [], certificates: p.certificates ?? [], records: p.records ?? [] };
  const fingerprint = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return { content, fingerprint };
}

export async function insertFullRecordDocument(
  tx: Queryable,
  d: { code: string; practitionerId: string; summary: Record<string, unknown>; at: Date },
  requestId: string,
): Promise<string> {
  const [row] = await tx
    .insert(documents)
    .values({ code: d.code, kind: 'full_record', subjectType: 'practitioner', subjectId: d.practitionerId, summary: d.summary, issuedAt: d.at })
    .returning({ id: documents.id });
  await tx.update(dataRequests).set({ documentId: row!.id, version: sql`${dataRequests.version} + 1`, updatedAt: d.at }).where(eq(dataRequests.id, requestId));
  return row!.id;
}

/** A printed full record by its code (the print page and /verify/[code]). */
export async function getFullRecordDocument(db: Queryable, code: string) {
  const [d] = await db
    .select({ code: documents.code, subjectId: documents.subjectId, summary: documents.summary, issuedAt: documents.issuedAt, revokedAt: documents.revokedAt })
    .from(documents)
    .where(and(eq(documents.code, code), eq(documents.kind, 'full_record')))
    .limit(1);
  return d ?? null;
}
