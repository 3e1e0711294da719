import 'server-only';
/**
 * The practitioner registry seen from the inside (SPEC §3.3, §3.11): the district's review queue, one person's
 * file with the employment history, the company's own staff list, and the writes a decision makes. Every read
 * carries the actor's scope in its WHERE clause.
 */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { attachments, certificates, companies, employments, practitioners, projects, regions, submissions, users } from '@/db/schema';
import { changeableColumns } from './person-columns';
import type { Actor } from '@/lib/auth/policy';
import { submissionHead, submissionScope, type SubmissionType } from './submissions';
import { likePattern } from './search';

export const STAFF_QUEUE_TYPES = ['practitioner_entry', 'practitioner_update', 'post_change', 'transfer', 'exit', 're_entry'] as const satisfies readonly SubmissionType[];
export type StaffQueueType = (typeof STAFF_QUEUE_TYPES)[number];
export const STAFF_PAGE_SIZE = 30;

// ---------------------------------------------------------------------------------------------------------
// Scope of a person

/** Employments that still give access to a person: the one they hold now and one entered and awaiting review. */
export const OPEN_EMPLOYMENT_STATUSES = ['pending', 'current'] as const;

/**
 * Whether the actor may see this person's internal file, photo and full ID number: the city always; a district
 * when the person is employed now, or entered and under review, on an estate of its district; a company when it
 * employs the person now or has entered them and awaits review. A past employment — ended, rejected, or a
 * withdrawn re-entry — gives nothing: a former employer must not follow a person's current data.
 */
export async function practitionerInScope(db: Queryable, actor: Actor, practitionerId: string) {
  if (actor.role === 'city') {
    const [p] = await db.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.id, practitionerId)).limit(1);
    return !!p;
  }
  let cond: SQL;
  if (actor.role === 'district' && actor.districtId) {
    cond = sql`exists (select 1 from ${projects} where ${projects.id} = ${employments.projectId} and ${projects.districtId} = ${actor.districtId})`;
  } else if (actor.role === 'company' && actor.companyId) {
    cond = eq(employments.companyId, actor.companyId);
  } else {
    return false;
  }
  const [row] = await db
    .select({ id: employments.id })
    .from(employments)
    .where(and(eq(employments.practitionerId, practitionerId), inArray(employments.status, [...OPEN_EMPLOYMENT_STATUSES]), cond))
    .limit(1);
  return !!row;
}

export async function practitionerExists(db: Queryable, id: string) {
  const [p] = await db.select({ id: practitioners.id }).from(practitioners).where(eq(practitioners.id, id)).limit(1);
  return !!p;
}

/** The encrypted ID number, for the logged full view only. */
export async function getIdNumberCipher(db: Queryable, practitionerId: string) {
  const [p] = await db
    .select({ enc: practitioners.idNumberEnc, masked: practitioners.idNumberMasked, name: practitioners.name })
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId))
    .limit(1);
  return p ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// One person's file (internal: masked ID, never the cipher)

export async function getPractitionerFile(db: Queryable, practitionerId: string) {
  const [p] = await db
    .select({
      id: practitioners.id,
      name: practitioners.name,
      registryNo: practitioners.registryNo,
      idNumberMasked: practitioners.idNumberMasked,
      gender: practitioners.gender,
      birthDate: practitioners.birthDate,
      ethnicity: practitioners.ethnicity,
      nativePlace: practitioners.nativePlace,
      photoId: practitioners.photoId,
      ...changeableColumns,
      hiredOn: practitioners.hiredOn,
      labourContractOn: practitioners.labourContractOn,
      status: practitioners.status,
      version: practitioners.version,
    })
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId))
    .limit(1);
  if (!p) return null;
  const [certs, history] = await Promise.all([
    db
      .select({ id: certificates.id, name: certificates.name, number: certificates.number, issuer: certificates.issuer, validUntil: certificates.validUntil })
      .from(certificates)
      .where(eq(certificates.practitionerId, practitionerId))
      .orderBy(asc(certificates.name), asc(certificates.id)),
    db
      .select({
        id: employments.id,
        companyId: employments.companyId,
        companyName: companies.name,
        projectId: employments.projectId,
        projectName: projects.name,
        districtName: regions.name,
        post: employments.post,
        startDate: employments.startDate,
        endDate: employments.endDate,
        status: employments.status,
        endReason: employments.endReason,
      })
      .from(employments)
      .innerJoin(companies, eq(companies.id, employments.companyId))
      .leftJoin(projects, eq(projects.id, employments.projectId))
      .leftJoin(regions, eq(regions.id, projects.districtId))
      .where(eq(employments.practitionerId, practitionerId))
      .orderBy(desc(employments.startDate), desc(employments.createdAt)),
  ]);
  return { ...p, certificates: certs, employments: history };
}
export type PractitionerFile = NonNullable<Awaited<ReturnType<typeof getPractitionerFile>>>;

/** The person's submissions the actor may see (a company sees its own, a district its district's). */
export async function listPersonSubmissions(db: Queryable, actor: Actor, practitionerId: string) {
  return db
    .select({
      id: submissions.id,
      type: submissions.type,
      status: submissions.status,
      reason: submissions.reason,
      submittedAt: submissions.submittedAt,
      decidedAt: submissions.decidedAt,
      dueOn: submissions.dueOn,
      version: submissions.version,
      payload: submissions.payload,
      companyId: submissions.companyId,
    })
    .from(submissions)
    .where(and(eq(submissions.subjectType, 'practitioner'), eq(submissions.subjectId, practitionerId), submissionScope(actor), sql`${submissions.status} <> 'draft'`))
    .orderBy(desc(submissions.createdAt));
}

// ---------------------------------------------------------------------------------------------------------
// The review queue

export interface StaffQueueFilter {
  type: StaffQueueType | 'all';
  status: 'submitted' | 'returned' | 'approved' | 'rejected' | 'all';
  q: string;
  projectId: string | null;
  overdue: boolean;
  page: number;
}

/** Filed after its deadline: the entry's own flag, or (rows without one) the filing date against the deadline. */
const filedLate = sql`coalesce((${submissions.payload}->>'late')::boolean, (${submissions.submittedAt} at time zone 'Asia/Shanghai')::date > ${submissions.dueOn}, false)`;

export async function listStaffQueue(db: Queryable, actor: Actor, f: StaffQueueFilter) {
  const conds: (SQL | undefined)[] = [
    inArray(submissions.type, f.type === 'all' ? [...STAFF_QUEUE_TYPES] : [f.type]),
    submissionScope(actor),
    f.status === 'all' ? sql`${submissions.status} <> 'draft'` : eq(submissions.status, f.status),
    f.projectId ? eq(submissions.projectId, f.projectId) : undefined,
    f.overdue ? filedLate : undefined,
  ];
  const q = f.q.trim();
  if (q) {
    const like = likePattern(q);
    conds.push(or(sql`${projects.name} ilike ${like}`, sql`${practitioners.name} ilike ${like}`));
  }
  const where = and(...conds);
  const base = () =>
    db
      .select({
        id: submissions.id,
        type: submissions.type,
        status: submissions.status,
        practitionerId: practitioners.id,
        name: practitioners.name,
        idNumberMasked: practitioners.idNumberMasked,
        companyName: companies.name,
        projectName: projects.name,
        districtName: regions.name,
        submittedAt: submissions.submittedAt,
        dueOn: submissions.dueOn,
        late: sql<boolean>`${filedLate}`,
        /** An entry awaiting review whose person has no photo: it cannot pass until the company adds one. */
        photoMissing: sql<boolean>`(${submissions.type} = 'practitioner_entry' and ${submissions.status} = 'submitted' and ${practitioners.id} is not null and ${practitioners.photoId} is null)`,
        priority: submissions.priority,
        daysWaiting: sql<number | null>`case when ${submissions.status} = 'submitted' then (current_date - (${submissions.submittedAt} at time zone 'Asia/Shanghai')::date) end`,
      })
      .from(submissions)
      .leftJoin(practitioners, eq(practitioners.id, submissions.subjectId))
      .leftJoin(companies, eq(companies.id, submissions.companyId))
      .leftJoin(projects, eq(projects.id, submissions.projectId))
      .leftJoin(regions, eq(regions.id, submissions.districtId));
  const [[totalRow], rows] = await Promise.all([
    db
      .select({ total: count() })
      .from(submissions)
      .leftJoin(practitioners, eq(practitioners.id, submissions.subjectId))
      .leftJoin(projects, eq(projects.id, submissions.projectId))
      .where(where),
    base()
      .where(where)
      .orderBy(desc(submissions.priority), asc(submissions.submittedAt), asc(submissions.id))
      .limit(STAFF_PAGE_SIZE)
      .offset((f.page - 1) * STAFF_PAGE_SIZE),
  ]);
  return {
    total: Number(totalRow?.total ?? 0),
    rows: rows.map((r) => ({ ...r, late: r.late === true || String(r.late) === 'true', daysWaiting: r.daysWaiting == null ? null : Number(r.daysWaiting) })),
  };
}

/** Estates of the actor's scope that have staff submissions, for the queue's estate filter. */
export async function listQueueProjects(db: Queryable, actor: Actor) {
  return db
    .selectDistinct({ id: projects.id, name: projects.name })
    .from(submissions)
    .innerJoin(projects, eq(projects.id, submissions.projectId))
    .where(and(inArray(submissions.type, [...STAFF_QUEUE_TYPES]), submissionScope(actor), eq(submissions.status, 'submitted')))
    .orderBy(asc(projects.name))
    .limit(500);
}

/** One staff submission in the actor's scope, with who filed and decided it. */
export async function getStaffSubmissionInScope(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({
      ...submissionHead,
      companyName: companies.name,
      districtId: submissions.districtId,
      projectId: submissions.projectId,
      projectName: projects.name,
      subjectId: submissions.subjectId,
      payload: submissions.payload,
      dueOn: submissions.dueOn,
      priority: submissions.priority,
      submittedAt: submissions.submittedAt,
      decidedAt: submissions.decidedAt,
      decidedByName: users.displayName,
      reason: submissions.reason,
      version: submissions.version,
    })
    .from(submissions)
    .leftJoin(companies, eq(companies.id, submissions.companyId))
    .leftJoin(projects, eq(projects.id, submissions.projectId))
    .leftJoin(users, eq(users.id, submissions.decidedBy))
    .where(and(eq(submissions.id, id), submissionScope(actor), inArray(submissions.type, [...STAFF_QUEUE_TYPES])))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// The company's own staff

export const COMPANY_STAFF_STATUSES = ['current', 'pending', 'returned', 'rejected', 'ended'] as const;
export type CompanyStaffStatus = (typeof COMPANY_STAFF_STATUSES)[number];

export interface CompanyStaffFilter {
  q: string;
  projectId: string | null;
  post: string | null;
  status: CompanyStaffStatus | 'all';
  page: number;
}

/**
 * One row per employment of the company, with the latest entry submission of that person by the company
 * (its deadline, lateness and whether it was returned for correction).
 */
export async function listCompanyStaff(db: Queryable, actor: Actor, f: CompanyStaffFilter) {
  if (actor.role !== 'company' || !actor.companyId) return { rows: [], total: 0 };
  const companyId = actor.companyId;
  const latest = sql`(select s.status from ${submissions} s where s.subject_type = 'practitioner' and s.subject_id = ${employments.practitionerId}
    and s.company_id = ${companyId} and s.type = 'practitioner_entry' order by s.created_at desc limit 1)`;
  const statusCond: SQL | undefined =
    f.status === 'all'
      ? undefined
      : f.status === 'returned'
        ? and(eq(employments.status, 'pending'), sql`${latest} = 'returned'`)
        : f.status === 'pending'
          ? and(eq(employments.status, 'pending'), sql`coalesce(${latest}, '') <> 'returned'`)
          : eq(employments.status, f.status);
  const q = f.q.trim();
  const where = and(
    eq(employments.companyId, companyId),
    statusCond,
    f.projectId ? eq(employments.projectId, f.projectId) : undefined,
    f.post ? sql`${employments.post} = ${f.post}` : undefined,
    q ? sql`${practitioners.name} ilike ${likePattern(q)}` : undefined,
  );
  const [[totalRow], rows] = await Promise.all([
    db.select({ total: count() }).from(employments).innerJoin(practitioners, eq(practitioners.id, employments.practitionerId)).where(where),
    db
      .select({
        employmentId: employments.id,
        practitionerId: practitioners.id,
        name: practitioners.name,
        idNumberMasked: practitioners.idNumberMasked,
        projectName: projects.name,
        post: employments.post,
        status: employments.status,
        startDate: employments.startDate,
        endDate: employments.endDate,
        entryStatus: sql<string | null>`${latest}`,
        entryDueOn: sql<string | null>`(select s.due_on::text from ${submissions} s where s.subject_type = 'practitioner' and s.subject_id = ${employments.practitionerId}
          and s.company_id = ${companyId} and s.type = 'practitioner_entry' order by s.created_at desc limit 1)`,
        entryPayload: sql<Record<string, unknown> | null>`(select s.payload from ${submissions} s where s.subject_type = 'practitioner' and s.subject_id = ${employments.practitionerId}
          and s.company_id = ${companyId} and s.type = 'practitioner_entry' order by s.created_at desc limit 1)`,
      })
      .from(employments)
      .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
      .leftJoin(projects, eq(projects.id, employments.projectId))
      .where(where)
      .orderBy(sql`case ${employments.status} when 'pending' then 0 when 'current' then 1 when 'rejected' then 2 else 3 end`, asc(practitioners.name), asc(employments.id))
      .limit(STAFF_PAGE_SIZE)
      .offset((f.page - 1) * STAFF_PAGE_SIZE),
  ]);
  return {
    total: Number(totalRow?.total ?? 0),
    rows: rows.map((r) => {
      const payload = typeof r.entryPayload === 'string' ? (JSON.parse(r.entryPayload) as Record<string, unknown>) : r.entryPayload;
      return {
        ...r,
        entryPayload: undefined,
        late: payload?.late === true,
        workingDaysOverdue: typeof payload?.workingDaysOverdue === 'number' ? payload.workingDaysOverdue : 0,
        deadline: (typeof payload?.deadline === 'string' ? payload.deadline : null) ?? r.entryDueOn,
        displayStatus: (r.status === 'pending' && r.entryStatus === 'returned' ? 'returned' : r.status) as CompanyStaffStatus,
      };
    }),
  };
}

/** The estates the company serves now (for the entry form's select and the list filter). */
export async function listCompanyProjects(db: Queryable, companyId: string) {
  return db
    .select({ id: projects.id, name: projects.name, districtName: regions.name })
    .from(projects)
    .leftJoin(regions, eq(regions.id, projects.districtId))
    .where(eq(projects.currentCompanyId, companyId))
    .orderBy(asc(projects.name));
}

// ---------------------------------------------------------------------------------------------------------
// Writes made by decisions and corrections (inside the caller's transaction)

/** The employment a staff submission is about: the one named in its payload, else the person's open one with that company. */
export async function findSubmissionEmployment(tx: Queryable, s: { subjectId: string | null; companyId: string | null; payload: unknown }) {
  const named = (s.payload as { employmentId?: unknown } | null)?.employmentId;
  const cols = { id: employments.id, status: employments.status, practitionerId: employments.practitionerId, companyId: employments.companyId, projectId: employments.projectId, post: employments.post };
  if (typeof named === 'string') {
    const [row] = await tx.select(cols).from(employments).where(eq(employments.id, named)).limit(1);
    if (row) return row;
  }
  if (!s.subjectId || !s.companyId) return null;
  const [row] = await tx
    .select(cols)
    .from(employments)
    .where(and(eq(employments.practitionerId, s.subjectId), eq(employments.companyId, s.companyId), eq(employments.status, 'pending')))
    .orderBy(desc(employments.createdAt))
    .limit(1);
  return row ?? null;
}

export async function getPractitionerState(tx: Queryable, id: string) {
  const [row] = await tx
    .select({ id: practitioners.id, status: practitioners.status, photoId: practitioners.photoId, version: practitioners.version })
    .from(practitioners)
    .where(eq(practitioners.id, id))
    .limit(1);
  return row ?? null;
}

export async function hasCurrentEmployment(tx: Queryable, practitionerId: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: employments.id })
    .from(employments)
    .where(and(eq(employments.practitionerId, practitionerId), eq(employments.status, 'current'), exceptId ? sql`${employments.id} <> ${exceptId}` : undefined))
    .limit(1);
  return !!row;
}

/** pending → current/rejected; null when the employment is no longer pending. */
export async function settlePendingEmployment(tx: Queryable, id: string, to: 'current' | 'rejected', on: string, endReason = '登记未通过审核') {
  const [row] = await tx
    .update(employments)
    .set(to === 'rejected' ? { status: 'rejected', endDate: on, endReason } : { status: 'current' })
    .where(and(eq(employments.id, id), eq(employments.status, 'pending')))
    .returning({ id: employments.id });
  return row ?? null;
}

export async function setPractitionerStatus(tx: Queryable, id: string, status: 'pending' | 'active' | 'archived') {
  await tx
    .update(practitioners)
    .set({ status, updatedAt: sql`now()`, version: sql`${practitioners.version} + 1` })
    .where(eq(practitioners.id, id));
}

export interface PractitionerFields {
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  politicalStatus: string;
  mobile: string;
  school: string | null;
  major: string | null;
  education: string;
  skills: string | null;
  hiredOn: string;
  labourContractOn: string;
}

/**
 * Overwrites a person's fields under an optimistic lock on the person's version, and only while the person
 * has no open (pending or current) employment unless `allowOpenEmploymentId` names the one being corrected.
 * Of two companies re-entering one person at once, exactly one gets the row.
 */
export async function updatePractitionerLocked(
  tx: Queryable,
  id: string,
  expectedVersion: number,
  fields: PractitionerFields & Partial<{ idNumberEnc: string; idNumberHash: string; idNumberMasked: string }>,
  opts: { allowOpenEmploymentId?: string } = {},
) {
  const [row] = await tx
    .update(practitioners)
    .set({ ...fields, updatedAt: sql`now()`, version: sql`${practitioners.version} + 1` })
    .where(
      and(
        eq(practitioners.id, id),
        eq(practitioners.version, expectedVersion),
        sql`not exists (select 1 from ${employments} e where e.practitioner_id = ${id} and e.status in ('pending', 'current')
          ${opts.allowOpenEmploymentId ? sql`and e.id <> ${opts.allowOpenEmploymentId}` : sql``})`,
      ),
    )
    .returning({ id: practitioners.id });
  return row?.id ?? null;
}

export async function replaceCertificates(
  tx: Queryable,
  practitionerId: string,
  certs: { name: string; number: string; issuer: string; validUntil: string | null }[],
) {
  await tx.delete(certificates).where(eq(certificates.practitionerId, practitionerId));
  if (certs.length) await tx.insert(certificates).values(certs.map((c) => ({ ...c, practitionerId })));
}

export async function updatePendingEmployment(tx: Queryable, id: string, e: { projectId: string; post: string; startDate: string }) {
  const [row] = await tx
    .update(employments)
    .set({ projectId: e.projectId, post: e.post as never, startDate: e.startDate })
    .where(and(eq(employments.id, id), eq(employments.status, 'pending')))
    .returning({ id: employments.id });
  return row ?? null;
}

/** Moves a resubmitted entry to the (possibly changed) estate's district. */
export async function setSubmissionPlace(tx: Queryable, id: string, p: { projectId: string; districtId: string }) {
  await tx.update(submissions).set({ projectId: p.projectId, districtId: p.districtId }).where(eq(submissions.id, id));
}

/** Whether a practitioner photo attachment belongs to a person the actor may see. */
export async function getPhotoOwner(db: Queryable, attachmentId: string) {
  const [row] = await db
    .select({ ownerId: attachments.ownerId })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ownerType, 'practitioner')))
    .limit(1);
  return row?.ownerId ?? null;
}

/** The id hash's owner, when it is someone other than `exceptId`. */
export async function hashTakenByOther(db: Queryable, hash: string, exceptId: string) {
  const [row] = await db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(and(eq(practitioners.idNumberHash, hash), sql`${practitioners.id} <> ${exceptId}`))
    .limit(1);
  return !!row;
}

/** Sets the photo of a person who has none; null when someone added one meanwhile. */
export async function setPhotoIfMissing(tx: Queryable, practitionerId: string, photoId: string) {
  const [row] = await tx
    .update(practitioners)
    .set({ photoId, updatedAt: sql`now()`, version: sql`${practitioners.version} + 1` })
    .where(and(eq(practitioners.id, practitionerId), sql`${practitioners.photoId} is null`))
    .returning({ id: practitioners.id });
  return row?.id ?? null;
}
