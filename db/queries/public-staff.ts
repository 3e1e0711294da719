import 'server-only';
/**
 * The approved staff of an estate as the public sees them (SPEC §3.11, SN 19): name, photo, gender, age, post,
 * certificates, approved records, and a phone number only for the project manager and the three supervisors.
 * The birth date, ID number, ethnicity, native place, political status, education and other phones never leave
 * the database: age and the public phone are computed in SQL, and no DTO here has a key for the rest.
 */
import { and, asc, count, desc, eq, exists, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { attachments, cases, certificates, companies, employments, practitionerRecords, practitioners, projects } from '@/db/schema';
import { OPEN_CASE_STATUSES } from '@/lib/domain/objections';
import { POSTS, PUBLIC_PHONE_POSTS } from '@/lib/domain/practitioner';
import { isUuid } from '@/lib/validation/ids';
import { recordsUnderObjection } from './record-flags';

/** Staff shown per page of an estate. */
export const STAFF_PAGE_SIZE = 40;

/** Manager first, then the three supervisors, then the other posts in SN 2 order. */
export const POST_DISPLAY_ORDER: readonly string[] = [...PUBLIC_PHONE_POSTS, ...POSTS.filter((p) => !(PUBLIC_PHONE_POSTS as readonly string[]).includes(p))];

export interface PublicCertificate {
  name: string;
  issuer: string;
  validUntil: string | null;
}

/**
 * An approved good or bad record (SN 19.5), or one revoked after an objection (`corrected`: shown only as the
 * correction notice). With the subject's statement, the published corrections and the objection flag.
 */
export interface PublicRecord {
  id: string;
  kind: 'good' | 'bad';
  status: 'approved' | 'corrected';
  type: string;
  occurredOn: string;
  issuer: string;
  description: string;
  statement: string | null;
  corrections: unknown;
  /** An objection about this record is open (异议处理中). */
  objectionOpen: boolean;
}

export interface PublicStaffMember {
  id: string;
  name: string;
  /** 执业登记号 (R1, decision 032): public, stable across moves. */
  registryNo: string | null;
  gender: string;
  /** Whole years at the request date. */
  age: number;
  post: string;
  /** Only for PUBLIC_PHONE_POSTS; null for everyone else. */
  phone: string | null;
  hasPhoto: boolean;
  certificates: PublicCertificate[];
  records: PublicRecord[];
  /** An objection about this person's data is open (异议处理中). */
  objectionOpen: boolean;
}

/**
 * Current, approved staff (over employments ⋈ practitioners): who the public may see at all — the estate page, the
 * card, the photo, the site search and the feeds. Also what the staff posting table of migration 0009 holds.
 */
export function currentApprovedStaff(): SQL {
  return and(eq(employments.status, 'current'), eq(practitioners.status, 'active'))!;
}

/** Current, approved staff of this estate: the condition of the page, the card and the photo. */
function approvedStaffOf(projectId: string): SQL {
  return and(eq(employments.projectId, projectId), currentApprovedStaff())!;
}

const publicPhoneSql = sql<string | null>`case when ${employments.post}::text in (${sql.join(
  PUBLIC_PHONE_POSTS.map((p) => sql`${p}`),
  sql`, `,
)}) then ${practitioners.mobile} end`;

const postRankSql = sql`array_position(array[${sql.join(
  POST_DISPLAY_ORDER.map((p) => sql`${p}`),
  sql`, `,
)}]::text[], ${employments.post}::text)`;

const openObjectionSql = (on: SQL) =>
  sql<boolean>`exists (select 1 from ${cases} where ${cases.subjectType} = 'practitioner' and ${cases.subjectId} = ${practitioners.id} and ${cases.kind} = 'objection' and ${cases.status} in (${sql.join(
    OPEN_CASE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )}) and ${on})`;

function baseSelect(today: string) {
  return {
    id: practitioners.id,
    name: practitioners.name,
    registryNo: practitioners.registryNo,
    gender: practitioners.gender,
    age: sql<number>`date_part('year', age(${today}::date, ${practitioners.birthDate}))::int`,
    post: employments.post,
    phone: publicPhoneSql,
    hasPhoto: sql<boolean>`${practitioners.photoId} is not null`,
    objectionOpen: openObjectionSql(sql`true`),
  };
}

async function attachDetails(db: Queryable, rows: Omit<PublicStaffMember, 'certificates' | 'records'>[], today: string): Promise<PublicStaffMember[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [certs, recs] = await Promise.all([
    db
      .select({ practitionerId: certificates.practitionerId, name: certificates.name, issuer: certificates.issuer, validUntil: certificates.validUntil })
      .from(certificates)
      .where(inArray(certificates.practitionerId, ids))
      .orderBy(asc(certificates.name), asc(certificates.id)),
    db
      .select({
        id: practitionerRecords.id,
        practitionerId: practitionerRecords.practitionerId,
        kind: practitionerRecords.kind,
        status: practitionerRecords.status,
        type: practitionerRecords.type,
        occurredOn: practitionerRecords.occurredOn,
        issuer: practitionerRecords.issuer,
        description: practitionerRecords.description,
        statement: practitionerRecords.statement,
        corrections: practitionerRecords.corrections,
      })
      .from(practitionerRecords)
      .where(
        and(
          inArray(practitionerRecords.practitionerId, ids),
          inArray(practitionerRecords.status, ['approved', 'corrected']),
          or(isNull(practitionerRecords.publicUntil), gte(practitionerRecords.publicUntil, today)),
        ),
      )
      .orderBy(desc(practitionerRecords.occurredOn), asc(practitionerRecords.id)),
  ]);
  const underObjection = await recordsUnderObjection(
    db,
    'practitioner_record',
    recs.map((x) => x.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    registryNo: r.registryNo,
    gender: r.gender,
    age: Number(r.age),
    post: r.post,
    phone: r.phone ?? null,
    hasPhoto: !!r.hasPhoto,
    objectionOpen: !!r.objectionOpen,
    certificates: certs.filter((c) => c.practitionerId === r.id).map(({ name, issuer, validUntil }) => ({ name, issuer, validUntil })),
    records: recs
      .filter((x) => x.practitionerId === r.id)
      .map(({ id, kind, status, type, occurredOn, issuer, description, statement, corrections }) => ({
        id,
        kind,
        status: status as PublicRecord['status'],
        type,
        occurredOn,
        issuer,
        description,
        statement,
        corrections,
        objectionOpen: underObjection.has(id),
      })),
  }));
}

export interface PublicStaffPage {
  items: PublicStaffMember[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** One page of an estate's approved current staff, manager and supervisors first. */
export async function listPublicStaff(db: Queryable, projectId: string, opts: { today: string; page?: number }): Promise<PublicStaffPage> {
  const empty = { items: [], total: 0, page: 1, pageSize: STAFF_PAGE_SIZE, pageCount: 1 };
  if (!isUuid(projectId)) return empty;
  const where = approvedStaffOf(projectId);
  const [{ n }] = await db
    .select({ n: count() })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .where(where);
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pageCount);
  const rows = await db
    .select(baseSelect(opts.today))
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .where(where)
    .orderBy(postRankSql, asc(practitioners.name), asc(practitioners.id))
    .limit(STAFF_PAGE_SIZE)
    .offset((page - 1) * STAFF_PAGE_SIZE);
  return { items: await attachDetails(db, rows, opts.today), total, page, pageSize: STAFF_PAGE_SIZE, pageCount };
}

export interface PublicStaffCard extends PublicStaffMember {
  project: { id: string; name: string };
  company: { uscc: string; name: string } | null;
}

/** One person's public card: null unless they are approved and currently employed at this estate. */
export async function getPublicStaffCard(db: Queryable, projectId: string, practitionerId: string, opts: { today: string }): Promise<PublicStaffCard | null> {
  if (!isUuid(projectId) || !isUuid(practitionerId)) return null;
  const [row] = await db
    .select({
      ...baseSelect(opts.today),
      projectName: projects.name,
      companyUscc: companies.uscc,
      companyName: companies.name,
    })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .innerJoin(projects, eq(projects.id, employments.projectId))
    .leftJoin(companies, and(eq(companies.id, employments.companyId), eq(companies.filingStatus, 'approved')))
    .where(and(approvedStaffOf(projectId), eq(practitioners.id, practitionerId)))
    .limit(1);
  if (!row) return null;
  const { projectName, companyUscc, companyName, ...person } = row;
  const [member] = await attachDetails(db, [person], opts.today);
  return {
    ...member!,
    project: { id: projectId, name: projectName },
    company: companyUscc && companyName ? { uscc: companyUscc, name: companyName } : null,
  };
}

/** The cleaned photo (or thumbnail) of a currently approved staff member of this estate; null otherwise. */
export async function getPublicStaffPhoto(db: Queryable, projectId: string, practitionerId: string, size: 'photo' | 'thumb') {
  if (!isUuid(projectId) || !isUuid(practitionerId)) return null;
  const [row] = await db
    .select({ content: attachments.content, mime: attachments.mime, sha256: attachments.sha256 })
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerType, 'practitioner'),
        eq(attachments.ownerId, practitionerId),
        eq(attachments.kind, size),
        exists(
          db
            .select({ one: sql`1` })
            .from(employments)
            .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
            .where(and(approvedStaffOf(projectId), eq(practitioners.id, practitionerId))),
        ),
      ),
    )
    .orderBy(desc(attachments.createdAt))
    .limit(1);
  return row ?? null;
}
