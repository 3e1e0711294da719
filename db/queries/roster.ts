import 'server-only';
/**
 * The 信息名册 per estate (SN 8 全覆盖; SPEC §3.3): the company's estates for the import, an estate's approved
 * current staff for the export, and how complete each estate's roster is for the bureau. Every read carries the
 * actor's scope in its WHERE clause.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { likePattern } from '@/db/queries/search';
import {
  certificates,
  companies,
  employments,
  practitionerRecords,
  practitioners,
  projects,
  regions,
  submissions,
  users,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { PUBLIC_PHONE_POSTS } from '@/lib/domain/practitioner';

/** The estates a company serves now: the only ones its roster may name. */
export async function listCompanyEstates(db: Queryable, companyId: string) {
  return db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId })
    .from(projects)
    .where(eq(projects.currentCompanyId, companyId))
    .orderBy(asc(projects.name));
}

/** An estate whose roster the actor may export: a company its own estates, a district its district, the city all. */
function rosterScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'city':
      return sql`true`;
    case 'district':
      return actor.districtId ? sql`${projects.districtId} = ${actor.districtId}` : sql`false`;
    case 'company':
      return actor.companyId ? sql`${projects.currentCompanyId} = ${actor.companyId}` : sql`false`;
    default:
      return sql`false`;
  }
}

export async function findRosterProjectInScope(db: Queryable, actor: Actor, projectId: string) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId, companyId: projects.currentCompanyId, companyName: companies.name })
    .from(projects)
    .leftJoin(companies, eq(companies.id, projects.currentCompanyId))
    .where(and(eq(projects.id, projectId), rosterScope(actor)))
    .limit(1);
  return row ?? null;
}

/** Whether an estate with this id exists at all (an out-of-scope look at a real estate is audited; a made-up id is not). */
export async function rosterProjectExists(db: Queryable, projectId: string) {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).limit(1);
  return !!row;
}

export interface RosterPerson {
  practitionerId: string;
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  school: string | null;
  politicalStatus: string;
  hiredOn: string;
  major: string | null;
  education: string;
  mobile: string;
  idNumberMasked: string;
  companyName: string;
  post: string;
  certificates: { name: string; number: string; issuer: string; validUntil: string | null }[];
  good: { type: string; occurredOn: string }[];
  bad: { type: string; occurredOn: string }[];
  reviewer: string | null;
}

/** The approved current staff of one estate (SN 22: nobody else may work there), key posts first. */
export async function listRosterPeople(db: Queryable, projectId: string): Promise<RosterPerson[]> {
  const people = await db
    .select({
      practitionerId: practitioners.id,
      name: practitioners.name,
      gender: practitioners.gender,
      birthDate: practitioners.birthDate,
      ethnicity: practitioners.ethnicity,
      nativePlace: practitioners.nativePlace,
      school: practitioners.school,
      politicalStatus: practitioners.politicalStatus,
      hiredOn: practitioners.hiredOn,
      major: practitioners.major,
      education: practitioners.education,
      mobile: practitioners.mobile,
      idNumberMasked: practitioners.idNumberMasked,
      companyName: companies.name,
      post: employments.post,
    })
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .innerJoin(companies, eq(companies.id, employments.companyId))
    .where(and(eq(employments.projectId, projectId), eq(employments.status, 'current')))
    .orderBy(
      sql`case when ${employments.post} in (${sql.join(
        PUBLIC_PHONE_POSTS.map((p) => sql`${p}`),
        sql`, `,
      )}) then 0 else 1 end`,
      asc(employments.post),
      asc(practitioners.name),
      asc(practitioners.id),
    );
  if (people.length === 0) return [];
  const ids = people.map((p) => p.practitionerId);
  const certs = await db
    .select({ practitionerId: certificates.practitionerId, name: certificates.name, number: certificates.number, issuer: certificates.issuer, validUntil: certificates.validUntil })
    .from(certificates)
    .where(inArray(certificates.practitionerId, ids))
    .orderBy(asc(certificates.name));
  const records = await db
    .select({ practitionerId: practitionerRecords.practitionerId, kind: practitionerRecords.kind, type: practitionerRecords.type, occurredOn: practitionerRecords.occurredOn })
    .from(practitionerRecords)
    .where(and(inArray(practitionerRecords.practitionerId, ids), eq(practitionerRecords.status, 'approved')))
    .orderBy(asc(practitionerRecords.occurredOn));
  // 信息变更审核人: the reviewer of the person's latest approved entry on this estate.
  const reviewers = await db
    .selectDistinctOn([submissions.subjectId], { practitionerId: submissions.subjectId, reviewer: users.displayName })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.decidedBy))
    .where(
      and(
        eq(submissions.type, 'practitioner_entry'),
        eq(submissions.status, 'approved'),
        eq(submissions.projectId, projectId),
        inArray(submissions.subjectId, ids),
      ),
    )
    .orderBy(submissions.subjectId, sql`${submissions.decidedAt} desc nulls last`);
  const group = <T extends { practitionerId: string | null }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) if (r.practitionerId) (m.get(r.practitionerId) ?? m.set(r.practitionerId, []).get(r.practitionerId)!).push(r);
    return m;
  };
  const certsOf = group(certs);
  const recordsOf = group(records);
  const reviewerOf = new Map(reviewers.map((r) => [r.practitionerId, r.reviewer]));
  return people.map((p) => ({
    ...p,
    certificates: (certsOf.get(p.practitionerId) ?? []).map(({ name, number, issuer, validUntil }) => ({ name, number, issuer, validUntil })),
    good: (recordsOf.get(p.practitionerId) ?? []).filter((r) => r.kind === 'good').map(({ type, occurredOn }) => ({ type, occurredOn })),
    bad: (recordsOf.get(p.practitionerId) ?? []).filter((r) => r.kind === 'bad').map(({ type, occurredOn }) => ({ type, occurredOn })),
    reviewer: reviewerOf.get(p.practitionerId) ?? null,
  }));
}

/** SN 19's key posts: an estate's roster is not complete while one of them is empty. */
export const KEY_POSTS = PUBLIC_PHONE_POSTS;

export const COMPLETENESS_STATUSES = ['none', 'missing_key', 'pending', 'complete'] as const;
export type CompletenessStatus = (typeof COMPLETENESS_STATUSES)[number];
export const COMPLETENESS_LABELS: Record<CompletenessStatus, string> = {
  none: '无在册人员',
  missing_key: '缺关键岗位',
  pending: '有待审核',
  complete: '完整',
};

export const COMPLETENESS_PAGE_SIZE = 30;

export interface CompletenessFilters {
  district: string | null;
  status: CompletenessStatus | 'all';
  q: string;
  page: number;
}

export interface CompletenessRow {
  projectId: string;
  projectName: string;
  districtName: string;
  companyName: string;
  staff: number;
  pending: number;
  late: number;
  keyPostsFilled: string[];
  status: CompletenessStatus;
}

/**
 * Per estate served by a company (district: its own; city: all, or one district): approved current staff,
 * pending entries, late entries, which key posts are filled, and a status — worst first.
 */
export async function listRosterCompleteness(db: Queryable, actor: Actor, f: CompletenessFilters) {
  const keyList = sql.join(
    KEY_POSTS.map((p) => sql`${p}`),
    sql`, `,
  );
  const emp = db
    .select({
      projectId: sql<string>`${employments.projectId}`.as('emp_project_id'),
      staff: sql<number>`count(*) filter (where ${employments.status} = 'current')`.as('staff'),
      pending: sql<number>`count(*) filter (where ${employments.status} = 'pending')`.as('pending'),
      keyPosts: sql<string[]>`array_remove(array_agg(distinct case when ${employments.status} = 'current' and ${employments.post}::text in (${keyList}) then ${employments.post}::text end), null)`.as(
        'key_posts',
      ),
    })
    .from(employments)
    .where(inArray(employments.status, ['current', 'pending']))
    .groupBy(employments.projectId)
    .as('emp');
  const late = db
    .select({
      projectId: sql<string>`${submissions.projectId}`.as('late_project_id'),
      late: sql<number>`count(*)`.as('late'),
    })
    .from(submissions)
    .where(
      and(
        eq(submissions.type, 'practitioner_entry'),
        inArray(submissions.status, ['submitted', 'returned', 'approved']),
        sql`(${submissions.submittedAt} at time zone 'Asia/Shanghai')::date > ${submissions.dueOn}`,
      ),
    )
    .groupBy(submissions.projectId)
    .as('late');

  const staff = sql`coalesce(${emp.staff}, 0)`;
  const pending = sql`coalesce(${emp.pending}, 0)`;
  const keyCount = sql`coalesce(cardinality(${emp.keyPosts}), 0)`;
  const status = sql<CompletenessStatus>`case when ${staff} = 0 then 'none' when ${keyCount} < ${KEY_POSTS.length} then 'missing_key' when ${pending} > 0 then 'pending' else 'complete' end`;
  const rank = sql`case when ${staff} = 0 then 0 when ${keyCount} < ${KEY_POSTS.length} then 1 when ${pending} > 0 then 2 else 3 end`;

  const conditions: SQL[] = [sql`${projects.currentCompanyId} is not null`];
  if (actor.role === 'district') conditions.push(actor.districtId ? sql`${projects.districtId} = ${actor.districtId}` : sql`false`);
  else if (actor.role !== 'city') conditions.push(sql`false`);
  if (actor.role === 'city' && f.district) conditions.push(eq(projects.districtId, f.district));
  if (f.q) conditions.push(sql`${projects.name} ilike ${likePattern(f.q)}`);
  if (f.status !== 'all') conditions.push(sql`${status} = ${f.status}`);

  const rows = await db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      districtName: regions.name,
      companyName: companies.name,
      staff: sql<number>`${staff}`.mapWith(Number),
      pending: sql<number>`${pending}`.mapWith(Number),
      late: sql<number>`coalesce(${late.late}, 0)`.mapWith(Number),
      keyPostsFilled: sql<string[]>`coalesce(${emp.keyPosts}, '{}')`,
      status,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(projects)
    .innerJoin(companies, eq(companies.id, projects.currentCompanyId))
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .leftJoin(emp, eq(emp.projectId, projects.id))
    .leftJoin(late, eq(late.projectId, projects.id))
    .where(and(...conditions))
    .orderBy(rank, sql`${keyCount} asc`, sql`${pending} desc`, sql`coalesce(${late.late}, 0) desc`, asc(projects.name), asc(projects.id))
    .limit(COMPLETENESS_PAGE_SIZE)
    .offset((f.page - 1) * COMPLETENESS_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return {
    total,
    rows: rows.map(({ total: _t, keyPostsFilled, ...r }): CompletenessRow => ({ ...r, keyPostsFilled: normaliseArray(keyPostsFilled) })),
  };
}

/** postgres.js returns text[] as an array; PGlite may too, but a literal like `{a,b}` is handled either way. */
function normaliseArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') {
    const inner = v.replace(/^\{|\}$/g, '');
    return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : [];
  }
  return [];
}
