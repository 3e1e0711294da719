import 'server-only';
/**
 * Staff badges (工牌, SPEC §3.11). A badge is a `documents` row of kind `staff_badge` whose subject is one
 * employment (person × company × estate × post). Whether it still verifies is computed when it is read — the
 * employment is current, the person is active (approved, not archived), the badge was not revoked and no newer
 * badge exists for the same employment — so an exit, a transfer or a post change (each ends the employment,
 * lib/services/practitioner-moves.ts) and a reissue stop it at once, whether or not anything revoked it.
 */
import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { attachments, companies, documents, employments, practitioners, projects } from '@/db/schema';

export const BADGE_KIND = 'staff_badge';
export const BADGE_SUBJECT = 'employment';

/** The badge row `d` verifies now (see the module comment). */
function badgeValidSql(d: typeof documents): SQL {
  return sql`(${d.revokedAt} is null and ${employments.status} = 'current' and ${practitioners.status} = 'active' and not exists (
    select 1 from ${documents} newer where newer.kind = ${BADGE_KIND} and newer.subject_type = ${BADGE_SUBJECT}
      and newer.subject_id = ${d.subjectId} and newer.issued_at > ${d.issuedAt}))`;
}

/** Current approved staff of a company at an estate: who may carry its badge. */
function approvedStaff(companyId: string, projectId: string): SQL {
  return and(eq(employments.companyId, companyId), eq(employments.projectId, projectId), eq(employments.status, 'current'), eq(practitioners.status, 'active'))!;
}

/** What `/verify/[code]` shows of a badge: the public fields while it verifies, nothing about the person after. */
export type BadgeVerification =
  | { code: string; valid: true; name: string; registryNo: string | null; post: string; projectName: string; companyName: string; hasPhoto: boolean }
  | { code: string; valid: false };

export async function verifyBadge(db: Queryable, code: string): Promise<BadgeVerification | null> {
  const [row] = await db
    .select({
      code: documents.code,
      valid: badgeValidSql(documents),
      name: practitioners.name,
      registryNo: practitioners.registryNo,
      post: employments.post,
      projectName: projects.name,
      companyName: companies.name,
      hasPhoto: sql<boolean>`${practitioners.photoId} is not null`,
    })
    .from(documents)
    .innerJoin(employments, and(eq(documents.subjectType, BADGE_SUBJECT), eq(employments.id, documents.subjectId)))
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .innerJoin(companies, eq(companies.id, employments.companyId))
    .leftJoin(projects, eq(projects.id, employments.projectId))
    .where(and(eq(documents.code, code), eq(documents.kind, BADGE_KIND)))
    .limit(1);
  if (!row) return null;
  if (!row.valid) return { code: row.code, valid: false };
  return { code: row.code, valid: true, name: row.name, registryNo: row.registryNo, post: row.post, projectName: row.projectName ?? '', companyName: row.companyName, hasPhoto: !!row.hasPhoto };
}

/** The photo (or thumb) of the person on a badge, only while the badge verifies. */
export async function getBadgePhoto(db: Queryable, code: string, size: 'photo' | 'thumb') {
  const [row] = await db
    .select({ content: attachments.content, mime: attachments.mime, sha256: attachments.sha256 })
    .from(documents)
    .innerJoin(employments, and(eq(documents.subjectType, BADGE_SUBJECT), eq(employments.id, documents.subjectId)))
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .innerJoin(attachments, and(eq(attachments.ownerType, 'practitioner'), eq(attachments.ownerId, practitioners.id), eq(attachments.kind, size)))
    .where(and(eq(documents.code, code), eq(documents.kind, BADGE_KIND), badgeValidSql(documents)))
    .orderBy(desc(attachments.createdAt))
    .limit(1);
  return row ?? null;
}

/** The company's estates with how many approved staff it has there and how many of them hold a valid badge. */
export async function listBadgeEstates(db: Queryable, companyId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      staff: count(employments.id),
      badged: sql<number>`count(*) filter (where exists (select 1 from ${documents} b where b.kind = ${BADGE_KIND} and b.subject_type = ${BADGE_SUBJECT} and b.subject_id = ${employments.id} and b.revoked_at is null))`.mapWith(Number),
    })
    .from(projects)
    .innerJoin(employments, eq(employments.projectId, projects.id))
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .where(and(eq(projects.currentCompanyId, companyId), eq(employments.companyId, companyId), eq(employments.status, 'current'), eq(practitioners.status, 'active')))
    .groupBy(projects.id, projects.name)
    .orderBy(asc(projects.name), asc(projects.id));
}

export interface BadgeHolder {
  practitionerId: string;
  employmentId: string;
  name: string;
  registryNo: string | null;
  post: string;
  hasPhoto: boolean;
  /** The valid badge, if one was issued. */
  code: string | null;
  issuedAt: Date | null;
}

/** The approved staff of the company at one estate, each with their valid badge (if any); `practitionerId` narrows to one. */
export async function listEstateBadgeHolders(db: Queryable, companyId: string, projectId: string, practitionerId?: string): Promise<BadgeHolder[]> {
  const rows = await db
    .select({
      practitionerId: practitioners.id,
      employmentId: employments.id,
      name: practitioners.name,
      registryNo: practitioners.registryNo,
      post: employments.post,
      hasPhoto: sql<boolean>`${practitioners.photoId} is not null`,
      code: documents.code,
      issuedAt: documents.issuedAt,
    })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .leftJoin(documents, and(eq(documents.kind, BADGE_KIND), eq(documents.subjectType, BADGE_SUBJECT), eq(documents.subjectId, employments.id), isNull(documents.revokedAt)))
    .where(and(approvedStaff(companyId, projectId), practitionerId ? eq(practitioners.id, practitionerId) : undefined))
    .orderBy(asc(practitioners.name), asc(practitioners.id), desc(documents.issuedAt));
  // At most one unrevoked badge per employment (issue and reissue revoke first); keep the newest if not.
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.employmentId) ? false : (seen.add(r.employmentId), true)))
    .map((r) => ({ ...r, hasPhoto: !!r.hasPhoto, code: r.code ?? null, issuedAt: r.issuedAt ?? null }));
}

/** The person's current approved employment with this company, locked for the issuing transaction. */
export async function lockBadgeEmployment(tx: Queryable, companyId: string, practitionerId: string) {
  const [row] = await tx
    .select({ employmentId: employments.id, projectId: employments.projectId })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .where(and(eq(employments.practitionerId, practitionerId), eq(employments.companyId, companyId), eq(employments.status, 'current'), eq(practitioners.status, 'active')))
    .limit(1)
    .for('update', { of: employments });
  return row ?? null;
}

/** Locks the estate's current employments of the company (two sheets printed at once issue one badge each). */
export async function lockEstateEmployments(tx: Queryable, companyId: string, projectId: string) {
  await tx
    .select({ id: employments.id })
    .from(employments)
    .where(and(eq(employments.companyId, companyId), eq(employments.projectId, projectId), eq(employments.status, 'current')))
    .for('update');
}

/** Revokes every unrevoked badge of an employment; returns their codes. */
export async function revokeBadges(tx: Queryable, employmentId: string, at: Date): Promise<string[]> {
  const rows = await tx
    .update(documents)
    .set({ revokedAt: at })
    .where(and(eq(documents.kind, BADGE_KIND), eq(documents.subjectType, BADGE_SUBJECT), eq(documents.subjectId, employmentId), isNull(documents.revokedAt)))
    .returning({ code: documents.code });
  return rows.map((r) => r.code);
}

export interface BadgeWrite {
  code: string;
  employmentId: string;
  /** What the badge printed, kept for the record (the verification page reads the current rows). */
  summary: { name: string; post: string; projectName: string; companyName: string };
  issuedBy: string;
  issuedAt: Date;
}

export async function insertBadge(tx: Queryable, b: BadgeWrite) {
  await tx.insert(documents).values({ code: b.code, kind: BADGE_KIND, subjectType: BADGE_SUBJECT, subjectId: b.employmentId, summary: b.summary, issuedBy: b.issuedBy, issuedAt: b.issuedAt });
}

/** The estate and company names a badge prints; `serving` demands that the company serves the estate now (a sheet's scope). */
export async function badgeHeader(db: Queryable, companyId: string, projectId: string, serving: boolean) {
  const [row] = await db
    .select({ projectName: projects.name, companyName: companies.name })
    .from(projects)
    .innerJoin(companies, eq(companies.id, companyId))
    .where(and(eq(projects.id, projectId), serving ? eq(projects.currentCompanyId, companyId) : undefined))
    .limit(1);
  return row ?? null;
}
