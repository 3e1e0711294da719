import 'server-only';
/**
 * Staff good and bad records (SN 9–14) seen from the inside: who may be named in a filing, the filings
 * themselves, the district's queue and decision, the notice to the employer, and each actor's view of records.
 * Every read carries the actor's scope in its WHERE clause; ID numbers leave only masked.
 *
 * Scopes:
 * - naming a person: current approved staff — a company its own, a street office / community the estates of its
 *   street or community, a district its district, the city, departments and the association anyone;
 * - seeing a record: the city all; a district the records on estates of its district; a company what it filed
 *   and the records entered about its staff; an organisation what it filed;
 * - deciding: the city all, a district its district.
 */
import { and, asc, count, desc, eq, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';
import { greenChannelSql } from './company-filing';
import { insertAttachments } from './credit-records';
import { attachments, companies, documents, employments, notices, organisations, creditPolicies, practitionerRecords, practitioners, projects, regions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { countAssociationCommendations } from './area-home';
import { likePattern, postingKey, SEARCH_BIGRAMS, staffSearchPostings, textMatch, twoCharQuery } from './search';

export const RECORDS_PAGE_SIZE = 30;
export const STAFF_SEARCH_LIMIT = 20;
/** Attachments of a record: `owner_type` in the attachments table. */
export const RECORD_OWNER_TYPE = 'practitioner_record';

const filerOrg = alias(organisations, 'filer_org');
const district = alias(regions, 'district');
const decider = alias(users, 'decider');
const deciderOrg = alias(organisations, 'decider_org');

// ---------------------------------------------------------------------------------------------------------
// Naming a person

/** The columns a reporting scope reads: employments ⋈ projects, or the staff posting table that carries them. */
interface ScopeColumns {
  districtId: Column;
  companyId: Column;
  streetId: Column;
  communityId: Column;
}

const JOB_SCOPE: ScopeColumns = { districtId: projects.districtId, companyId: employments.companyId, streetId: projects.streetId, communityId: projects.communityId };

/** Current approved staff the actor may name in a filing, as a WHERE fragment over `cols`. */
function reportableScope(actor: Actor, cols: ScopeColumns = JOB_SCOPE): SQL {
  switch (actor.role) {
    case 'city':
    case 'department':
    case 'association':
      return sql`true`;
    case 'district':
      return actor.districtId ? eq(cols.districtId, actor.districtId) : sql`false`;
    case 'company':
      return actor.companyId ? eq(cols.companyId, actor.companyId) : sql`false`;
    case 'street':
      return actor.regionId ? or(eq(cols.streetId, actor.regionId), eq(cols.communityId, actor.regionId))! : sql`false`;
    default:
      return sql`false`;
  }
}

const currentApproved = and(eq(employments.status, 'current'), eq(practitioners.status, 'active'));

const personSelect = {
  practitionerId: practitioners.id,
  name: practitioners.name,
  idNumberMasked: practitioners.idNumberMasked,
  gender: practitioners.gender,
  post: employments.post,
  projectId: projects.id,
  projectName: projects.name,
  districtId: projects.districtId,
  districtName: district.name,
  companyId: companies.id,
  companyName: companies.name,
};
export type ReportablePerson = {
  practitionerId: string;
  name: string;
  idNumberMasked: string;
  gender: string;
  post: string;
  projectId: string;
  projectName: string;
  districtId: string;
  districtName: string;
  companyId: string;
  companyName: string;
};

function personQuery(db: Queryable) {
  return db
    .select(personSelect)
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .innerJoin(projects, eq(projects.id, employments.projectId))
    .innerJoin(district, eq(district.id, projects.districtId))
    .innerJoin(companies, eq(companies.id, employments.companyId));
}

/** The estates offered in the search form of a company or a street office (a short list); null: search by name. */
export async function listReportableEstates(db: Queryable, actor: Actor): Promise<{ id: string; name: string }[] | null> {
  if (actor.role === 'company' && actor.companyId) {
    return db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.currentCompanyId, actor.companyId)).orderBy(asc(projects.name));
  }
  if (actor.role === 'street' && actor.regionId) {
    return db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(or(eq(projects.streetId, actor.regionId), eq(projects.communityId, actor.regionId)))
      .orderBy(asc(projects.name));
  }
  return null;
}

export interface StaffSearchInput {
  name: string;
  estate: string;
  projectId: string | null;
  idTail: string;
}

/** Current approved staff in the actor's scope matching the search (at least a name or an estate). */
export async function searchReportableStaff(db: Queryable, actor: Actor, s: StaffSearchInput): Promise<ReportablePerson[]> {
  if (!s.name && !s.estate && !s.projectId) return [];
  const two = twoCharQuery(s.name);
  if (two && !s.estate && !s.idTail) {
    // A two-character name: the first page of the staff postings (migration 0009), already in the result order
    // and scoped, then those people's rows.
    const p = staffSearchPostings;
    const ids = db
      .select({ id: p.practitionerId })
      .from(p)
      .where(and(sql`${p.bigram} = ${postingKey(two)}`, reportableScope(actor, { districtId: p.districtId, companyId: p.companyId, streetId: p.streetId, communityId: p.communityId }), s.projectId ? eq(p.projectId, s.projectId) : undefined))
      .orderBy(asc(p.name), asc(p.projectName), asc(p.practitionerId))
      .limit(STAFF_SEARCH_LIMIT);
    return personQuery(db)
      .where(and(currentApproved, inArray(practitioners.id, ids)))
      .orderBy(asc(practitioners.name), asc(projects.name), asc(practitioners.id));
  }
  const conds: (SQL | undefined)[] = [currentApproved, reportableScope(actor)];
  if (s.name) conds.push(textMatch(sql`${practitioners.name}`, s.name, SEARCH_BIGRAMS.practitioners));
  if (s.projectId) conds.push(eq(projects.id, s.projectId));
  if (s.estate) conds.push(textMatch(sql`(${projects.name} || ' ' || ${projects.address})`, s.estate, SEARCH_BIGRAMS.projects));
  if (s.idTail) conds.push(sql`${practitioners.idNumberMasked} like ${likePattern(s.idTail).slice(0, -1)}`);
  return personQuery(db)
    .where(and(...conds))
    .orderBy(asc(practitioners.name), asc(projects.name), asc(practitioners.id))
    .limit(STAFF_SEARCH_LIMIT);
}

/** One person the actor may name in a filing: current, approved, in scope; null otherwise. */
export async function getReportableStaff(db: Queryable, actor: Actor, practitionerId: string): Promise<ReportablePerson | null> {
  const [row] = await personQuery(db)
    .where(and(currentApproved, reportableScope(actor), eq(practitioners.id, practitionerId)))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Filing

export type NewPractitionerRecord = typeof practitionerRecords.$inferInsert;

export async function insertPractitionerRecord(tx: Queryable, values: NewPractitionerRecord): Promise<string> {
  const [row] = await tx.insert(practitionerRecords).values(values).returning({ id: practitionerRecords.id });
  return row!.id;
}

export interface RecordFile {
  kind: 'evidence' | 'photo';
  filename: string;
  mime: string;
  content: Buffer;
  sha256: string;
}

export async function insertRecordFiles(tx: Queryable, recordId: string, files: RecordFile[], uploadedBy: string) {
  await insertAttachments(tx, { type: RECORD_OWNER_TYPE, id: recordId }, files, uploadedBy);
}

/** Arbitrary first key of the advisory lock that serialises association commendations of one year. */
const ASSOCIATION_LOCK_KEY = 913_010;

/**
 * SN 10 inside the filing transaction: takes the year's advisory lock (held to commit), then counts. Two filings
 * at the 99th place therefore see each other: exactly one gets the 100th.
 */
export async function lockAndCountAssociationCommendations(tx: Queryable, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ASSOCIATION_LOCK_KEY}::int, ${year}::int)`);
  return Number(await countAssociationCommendations(tx, year));
}

// ---------------------------------------------------------------------------------------------------------
// Seeing a record

/** Records the actor may see, over practitioner_records ⋈ projects. */
export function recordViewScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'city':
      return sql`true`;
    case 'district':
      return actor.districtId ? eq(projects.districtId, actor.districtId) : sql`false`;
    case 'company':
      // What it filed (any status), and what others recorded about its staff once entered.
      return actor.companyId
        ? and(
            eq(practitionerRecords.companyId, actor.companyId),
            or(sql`${practitionerRecords.reportedBy} is null`, inArray(practitionerRecords.status, ['approved', 'corrected'])),
          )!
        : sql`false`;
    case 'street':
    case 'department':
    case 'association':
      return actor.organisationId ? eq(practitionerRecords.reportedBy, actor.organisationId) : sql`false`;
    default:
      return sql`false`;
  }
}

/** Records the actor may decide: the city all, a district those on estates of its district. */
function recordDecideScope(actor: Actor): SQL {
  if (actor.role === 'city') return sql`true`;
  if (actor.role === 'district' && actor.districtId) return eq(projects.districtId, actor.districtId);
  return sql`false`;
}

/** A filing limit of the policy version the record was filed under; `fallback` (the current one) when it names none. */
const recordLimitSql = (key: 'goodRecordFilingDays' | 'badConductReportDays', fallback: number) =>
  sql`coalesce((select (${creditPolicies.settings} ->> ${sql.raw(`'${key}'`)})::int from ${creditPolicies} where ${creditPolicies.version} = ${practitionerRecords.policyVersion}), ${fallback}::int)`;

/**
 * Calendar days a filing came after the limit (SN 12: 5 for good records, SN 14: 3 for reports), in SQL: the limit
 * of the policy version in force when it was filed; `limits` (the current policy's) only for records naming none.
 */
export function lateDaysSql(limits: { good: number; bad: number }): SQL<number> {
  return sql<number>`(case when ${practitionerRecords.receivedOn} is null then 0 else greatest(0,
    (coalesce(${practitionerRecords.filedOn}, (${practitionerRecords.createdAt} at time zone 'Asia/Shanghai')::date) - ${practitionerRecords.receivedOn})
    - case when ${practitionerRecords.kind} = 'good' then ${recordLimitSql('goodRecordFilingDays', limits.good)} else ${recordLimitSql('badConductReportDays', limits.bad)} end) end)`;
}

/** Who filed: the reporting organisation, or the company when a company filed. */
const filerNameSql = sql<string>`coalesce(${filerOrg.name}, ${companies.name}, '')`;

const listSelect = (limits: { good: number; bad: number }) => ({
  id: practitionerRecords.id,
  kind: practitionerRecords.kind,
  type: practitionerRecords.type,
  status: practitionerRecords.status,
  occurredOn: practitionerRecords.occurredOn,
  receivedOn: practitionerRecords.receivedOn,
  issuer: practitionerRecords.issuer,
  description: practitionerRecords.description,
  statement: practitionerRecords.statement,
  corrections: practitionerRecords.corrections,
  noticeCode: practitionerRecords.noticeCode,
  decisionReason: practitionerRecords.decisionReason,
  decidedAt: practitionerRecords.decidedAt,
  createdAt: practitionerRecords.createdAt,
  version: practitionerRecords.version,
  lateDays: lateDaysSql(limits),
  practitionerId: practitioners.id,
  name: practitioners.name,
  idNumberMasked: practitioners.idNumberMasked,
  projectName: projects.name,
  districtName: district.name,
  companyName: companies.name,
  filerName: filerNameSql,
  filedByCompany: sql<boolean>`${practitionerRecords.reportedBy} is null`,
});
export type RecordListRow = {
  id: string;
  kind: 'good' | 'bad';
  type: string;
  status: string;
  occurredOn: string;
  receivedOn: string | null;
  issuer: string;
  description: string;
  statement: string | null;
  corrections: unknown;
  noticeCode: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  version: number;
  lateDays: number;
  practitionerId: string;
  name: string;
  idNumberMasked: string;
  projectName: string | null;
  districtName: string | null;
  companyName: string | null;
  filerName: string;
  filedByCompany: boolean;
};

function listFrom(db: Queryable, limits: { good: number; bad: number }) {
  return db
    .select(listSelect(limits))
    .from(practitionerRecords)
    .innerJoin(practitioners, eq(practitioners.id, practitionerRecords.practitionerId))
    .leftJoin(projects, eq(projects.id, practitionerRecords.projectId))
    .leftJoin(district, eq(district.id, projects.districtId))
    .leftJoin(companies, eq(companies.id, practitionerRecords.companyId))
    .leftJoin(filerOrg, eq(filerOrg.id, practitionerRecords.reportedBy));
}

function countFrom(db: Queryable) {
  return db
    .select({ n: count() })
    .from(practitionerRecords)
    .innerJoin(practitioners, eq(practitioners.id, practitionerRecords.practitionerId))
    .leftJoin(projects, eq(projects.id, practitionerRecords.projectId));
}

const normalise = (r: Omit<RecordListRow, 'lateDays' | 'filedByCompany'> & { lateDays: unknown; filedByCompany: unknown }): RecordListRow => ({
  ...r,
  lateDays: Number(r.lateDays),
  filedByCompany: !!r.filedByCompany,
});

export interface RecordListFilter {
  kind: 'good' | 'bad' | 'all';
  status: 'submitted' | 'approved' | 'rejected' | 'corrected' | 'all';
  type: string | null;
  lateOnly: boolean;
  q: string;
  page: number;
}

/** A page of the records the actor may see, filtered; pending work oldest first, the rest newest first. */
export async function listRecords(db: Queryable, actor: Actor, f: RecordListFilter, limits: { good: number; bad: number }, on?: string) {
  const conds: (SQL | undefined)[] = [
    recordViewScope(actor),
    f.kind === 'all' ? undefined : eq(practitionerRecords.kind, f.kind),
    f.status === 'all' ? undefined : eq(practitionerRecords.status, f.status),
    f.type ? eq(practitionerRecords.type, f.type) : undefined,
    f.lateOnly ? sql`${lateDaysSql(limits)} > 0` : undefined,
    f.q ? or(sql`${practitioners.name} ilike ${likePattern(f.q)}`, sql`${projects.name} ilike ${likePattern(f.q)}`) : undefined,
  ];
  const where = and(...conds);
  // Pending work: green-channel companies' filings first (CQ 三.(五)), then the oldest.
  const order =
    f.status === 'submitted'
      ? [...(on ? [desc(greenChannelSql(practitionerRecords.companyId, on))] : []), asc(practitionerRecords.createdAt), asc(practitionerRecords.id)]
      : [desc(practitionerRecords.createdAt), asc(practitionerRecords.id)];
  const [rows, [total]] = await Promise.all([
    listFrom(db, limits)
      .where(where)
      .orderBy(...order)
      .limit(RECORDS_PAGE_SIZE)
      .offset((f.page - 1) * RECORDS_PAGE_SIZE),
    countFrom(db).where(where),
  ]);
  return { rows: rows.map(normalise), total: Number(total?.n ?? 0) };
}

/** Every record about one person that the actor may see (person pages of a company or a bureau). */
export async function listPersonRecords(db: Queryable, actor: Actor, practitionerId: string, limits: { good: number; bad: number }) {
  const rows = await listFrom(db, limits)
    .where(and(recordViewScope(actor), eq(practitionerRecords.practitionerId, practitionerId)))
    .orderBy(desc(practitionerRecords.occurredOn), asc(practitionerRecords.id));
  return rows.map(normalise);
}

export interface RecordDetail extends RecordListRow {
  participants: string | null;
  projectId: string | null;
  districtId: string | null;
  companyId: string | null;
  reportedBy: string | null;
  deciderName: string | null;
  deciderOrgName: string | null;
  post: string | null;
  files: { id: string; kind: string; filename: string; mime: string; size: number }[];
}

/** One record with its files, if the actor may see it (`decide`: may decide it); null otherwise. */
export async function getRecordInScope(
  db: Queryable,
  actor: Actor,
  id: string,
  limits: { good: number; bad: number },
  opts: { decide?: boolean } = {},
): Promise<RecordDetail | null> {
  const [row] = await db
    .select({
      ...listSelect(limits),
      participants: practitionerRecords.participants,
      projectId: practitionerRecords.projectId,
      districtId: projects.districtId,
      companyId: practitionerRecords.companyId,
      reportedBy: practitionerRecords.reportedBy,
      deciderName: decider.displayName,
      // Records entered before decisions were signed (the demo's history): the district bureau of the estate.
      deciderOrgName: sql<string | null>`coalesce(${deciderOrg.name}, (select o.name from organisations o where o.kind = 'district_bureau' and o.region_id = ${projects.districtId} limit 1))`,
      // The post the person holds now at the record's employer, if any.
      post: sql<string | null>`(select ${employments.post}::text from ${employments} where ${employments.practitionerId} = ${practitionerRecords.practitionerId}
        and ${employments.status} = 'current' limit 1)`,
    })
    .from(practitionerRecords)
    .innerJoin(practitioners, eq(practitioners.id, practitionerRecords.practitionerId))
    .leftJoin(projects, eq(projects.id, practitionerRecords.projectId))
    .leftJoin(district, eq(district.id, projects.districtId))
    .leftJoin(companies, eq(companies.id, practitionerRecords.companyId))
    .leftJoin(filerOrg, eq(filerOrg.id, practitionerRecords.reportedBy))
    .leftJoin(decider, eq(decider.id, practitionerRecords.decidedBy))
    .leftJoin(deciderOrg, eq(deciderOrg.id, decider.organisationId))
    .where(and(eq(practitionerRecords.id, id), opts.decide ? recordDecideScope(actor) : recordViewScope(actor)))
    .limit(1);
  if (!row) return null;
  const files = await db
    .select({ id: attachments.id, kind: attachments.kind, filename: attachments.filename, mime: attachments.mime, size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.ownerType, RECORD_OWNER_TYPE), eq(attachments.ownerId, id)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  const { lateDays, filedByCompany, ...rest } = row;
  return { ...rest, kind: rest.kind, lateDays: Number(lateDays), filedByCompany: !!filedByCompany, files };
}

export async function recordExists(db: Queryable, id: string) {
  const [r] = await db.select({ id: practitionerRecords.id }).from(practitionerRecords).where(eq(practitionerRecords.id, id)).limit(1);
  return !!r;
}

/** Whether the actor may open a file attached to this record (the attachments route). */
export async function recordVisibleTo(db: Queryable, actor: Actor, id: string) {
  const [r] = await db
    .select({ id: practitionerRecords.id })
    .from(practitionerRecords)
    .leftJoin(projects, eq(projects.id, practitionerRecords.projectId))
    .where(and(eq(practitionerRecords.id, id), recordViewScope(actor)))
    .limit(1);
  return !!r;
}

// ---------------------------------------------------------------------------------------------------------
// Deciding

export interface RecordDecisionWrite {
  id: string;
  expectedVersion: number;
  status: 'approved' | 'rejected';
  reason: string | null;
  decidedBy: string;
  type?: string;
  description?: string;
  noticeCode?: string | null;
}

/** The decision under the optimistic lock: null when another reviewer (or anything else) changed the record first. */
export async function decideRecordLocked(tx: Queryable, d: RecordDecisionWrite) {
  const [row] = await tx
    .update(practitionerRecords)
    .set({
      status: d.status,
      decisionReason: d.reason || null,
      decidedBy: d.decidedBy,
      decidedAt: sql`now()`,
      version: sql`${practitionerRecords.version} + 1`,
      ...(d.type ? { type: d.type } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(d.noticeCode ? { noticeCode: d.noticeCode } : {}),
    })
    .where(and(eq(practitionerRecords.id, d.id), eq(practitionerRecords.version, d.expectedVersion), eq(practitionerRecords.status, 'submitted')))
    .returning({
      id: practitionerRecords.id,
      status: practitionerRecords.status,
      type: practitionerRecords.type,
      description: practitionerRecords.description,
      version: practitionerRecords.version,
    });
  return row ?? null;
}

export interface RecordNoticeWrite {
  recordId: string;
  practitionerId: string;
  companyId: string | null;
  districtId: string | null;
  code: string;
  title: string;
  body: string;
  summary: Record<string, string>;
  issuedBy: string;
}

/** 两书同达: the employer's notice and the printed notice's verification row, in the deciding transaction. */
export async function insertRecordNotice(tx: Queryable, n: RecordNoticeWrite) {
  await tx.insert(notices).values({
    kind: 'record_notice',
    companyId: n.companyId,
    practitionerId: n.practitionerId,
    districtId: n.districtId,
    title: n.title,
    body: n.body,
    relatedType: RECORD_OWNER_TYPE,
    relatedId: n.recordId,
    createdBy: n.issuedBy,
  });
  await tx.insert(documents).values({
    code: n.code,
    kind: 'record_notice',
    subjectType: RECORD_OWNER_TYPE,
    subjectId: n.recordId,
    summary: n.summary,
    issuedBy: n.issuedBy,
  });
}

/** The newest record notices to the actor's company (its home page). */
export async function listCompanyRecordNotices(db: Queryable, actor: Actor, limit = 5) {
  if (actor.role !== 'company' || !actor.companyId) return [];
  return db
    .select({ id: notices.id, title: notices.title, createdAt: notices.createdAt, recordId: notices.relatedId, readAt: notices.readAt })
    .from(notices)
    .where(and(eq(notices.companyId, actor.companyId), eq(notices.kind, 'record_notice'), eq(notices.relatedType, RECORD_OWNER_TYPE)))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(limit);
}

/** What a filing page's person picker shows: the estates to choose from, the matches, the picked person. */
export async function loadStaffPicker(db: Queryable, actor: Actor, search: StaffSearchInput, pid: string | null) {
  const [estates, selected] = await Promise.all([listReportableEstates(db, actor), pid ? getReportableStaff(db, actor, pid) : Promise.resolve(null)]);
  const searched = !!(search.name || search.estate || search.projectId);
  const results = selected || !searched ? null : await searchReportableStaff(db, actor, search);
  return { estates, selected, results };
}

/** The bureau home: records waiting for the actor's decision, and how many of them were filed late. */
export async function countPendingRecords(db: Queryable, actor: Actor, limits: { good: number; bad: number }) {
  const [row] = await db
    .select({ pending: count(), late: sql<number>`count(*) filter (where ${lateDaysSql(limits)} > 0)::int` })
    .from(practitionerRecords)
    .leftJoin(projects, eq(projects.id, practitionerRecords.projectId))
    .where(and(eq(practitionerRecords.status, 'submitted'), recordDecideScope(actor)));
  return { pending: Number(row?.pending ?? 0), late: Number(row?.late ?? 0) };
}
