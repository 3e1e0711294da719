import 'server-only';
/**
 * Supervision (SPEC §3.12): annual roster verifications (SN 23) and rectification orders (SN 24). Every read carries
 * the actor's scope in its WHERE clause: a district its own estates and orders, the city all, a company its own
 * orders. Estates "in the annual verification" are those with a serving company (projects.current_company_id).
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { attachments, certificates, companies, documents, employments, practitioners, projects, rectificationOrders, regions, rosterVerifications, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { POST_DISPLAY_ORDER } from './public-staff';
import { companyScope, districtScope } from './scope';

export const ORDER_OWNER_TYPE = 'rectification_order';
export const SUPERVISION_PAGE_SIZE = 30;

// ---------------------------------------------------------------------------------------------------------
// Roster verification

const servedEstate = isNotNull(projects.currentCompanyId);

export type RosterCheckFilter = 'todo' | 'done' | 'all';

export async function listRosterChecks(db: Queryable, actor: Actor, f: { year: number; status: RosterCheckFilter; district: string; q: string; page: number }) {
  const v = rosterVerifications;
  const conds: (SQL | undefined)[] = [servedEstate, districtScope(actor, projects.districtId)];
  if (actor.role === 'city' && f.district) conds.push(eq(projects.districtId, f.district));
  if (f.q) conds.push(sql`${projects.name} ilike ${'%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  if (f.status === 'todo') conds.push(isNull(v.id));
  if (f.status === 'done') conds.push(isNotNull(v.id));
  const where = and(...conds);
  const join = and(eq(v.projectId, projects.id), eq(v.year, f.year));
  const [[{ n }], rows] = await Promise.all([
    db.select({ n: count() }).from(projects).leftJoin(v, join).where(where),
    db
      .select({
        projectId: projects.id,
        projectName: projects.name,
        districtName: regions.name,
        companyName: companies.name,
        verificationId: v.id,
        verifiedOn: v.verifiedOn,
        discrepancyCount: v.discrepancyCount,
        followUp: v.followUp,
      })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.districtId))
      .leftJoin(companies, eq(companies.id, projects.currentCompanyId))
      .leftJoin(v, join)
      .where(where)
      .orderBy(sql`${v.id} is not null`, asc(regions.sortOrder), asc(projects.name), asc(projects.id))
      .limit(SUPERVISION_PAGE_SIZE)
      .offset((f.page - 1) * SUPERVISION_PAGE_SIZE),
  ]);
  return { rows, total: Number(n) };
}
export type RosterCheckRow = Awaited<ReturnType<typeof listRosterChecks>>['rows'][number];

/** Per district in scope: served estates, verified in `year`, for the coverage (percent computed by the caller). */
export async function rosterCoverage(db: Queryable, actor: Actor, year: number) {
  const rows = await db
    .select({
      districtId: regions.id,
      districtName: regions.name,
      estates: sql<number>`count(${projects.id})`.mapWith(Number),
      verified: sql<number>`count(${rosterVerifications.id})`.mapWith(Number),
    })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .leftJoin(rosterVerifications, and(eq(rosterVerifications.projectId, projects.id), eq(rosterVerifications.year, year)))
    .where(and(servedEstate, districtScope(actor, projects.districtId)))
    .groupBy(regions.id, regions.name, regions.sortOrder)
    .orderBy(asc(regions.sortOrder), asc(regions.id));
  return rows;
}

/** A served estate the actor may verify (district: its own; city: all). */
export async function getVerifiableEstate(db: Queryable, actor: Actor, projectId: string) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId, districtName: regions.name, companyId: projects.currentCompanyId, companyName: companies.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .innerJoin(companies, eq(companies.id, projects.currentCompanyId))
    .where(and(eq(projects.id, projectId), districtScope(actor, projects.districtId)))
    .limit(1);
  return row ?? null;
}

export async function estateExists(db: Queryable, projectId: string) {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).limit(1);
  return !!row;
}

export async function getVerification(db: Queryable, projectId: string, year: number) {
  const v = rosterVerifications;
  const [row] = await db
    .select({
      id: v.id,
      version: v.version,
      verifiedOn: v.verifiedOn,
      verifiedAt: v.verifiedAt,
      verifiedByName: users.displayName,
      checks: v.checks,
      note: v.note,
      staffCount: v.staffCount,
      discrepancyCount: v.discrepancyCount,
      discrepancies: v.discrepancies,
      followUp: v.followUp,
      orderId: v.orderId,
      companyId: v.companyId,
    })
    .from(v)
    .leftJoin(users, eq(users.id, v.verifiedBy))
    .where(and(eq(v.projectId, projectId), eq(v.year, year)))
    .limit(1);
  return row ? { ...row, checks: (row.checks ?? []) as string[] } : null;
}
export type Verification = NonNullable<Awaited<ReturnType<typeof getVerification>>>;

/** The estate's current approved roster at a glance: people by post, missing photos, expired certificates. */
export async function rosterSummary(db: Queryable, projectId: string, today: string) {
  const current = and(eq(employments.projectId, projectId), eq(employments.status, 'current'), eq(practitioners.status, 'active'));
  const postRank = sql`array_position(array[${sql.join(
    POST_DISPLAY_ORDER.map((p) => sql`${p}`),
    sql`, `,
  )}]::text[], ${employments.post}::text)`;
  const [byPost, [totals]] = await Promise.all([
    db
      .select({ post: sql<string>`${employments.post}::text`, n: sql<number>`count(*)`.mapWith(Number) })
      .from(employments)
      .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
      .where(current)
      .groupBy(employments.post)
      .orderBy(sql`min(${postRank})`),
    db
      .select({
        staff: sql<number>`count(distinct ${practitioners.id})`.mapWith(Number),
        missingPhotos: sql<number>`count(distinct ${practitioners.id}) filter (where ${practitioners.photoId} is null)`.mapWith(Number),
        expiredCertificates: sql<number>`(select count(*) from ${certificates} c join ${employments} e2 on e2.practitioner_id = c.practitioner_id
          where e2.project_id = ${projectId} and e2.status = 'current' and c.valid_until is not null and c.valid_until < ${today}::date)`.mapWith(Number),
      })
      .from(employments)
      .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
      .where(current),
  ]);
  return { byPost, staff: totals?.staff ?? 0, missingPhotos: totals?.missingPhotos ?? 0, expiredCertificates: totals?.expiredCertificates ?? 0 };
}
export type RosterSummary = Awaited<ReturnType<typeof rosterSummary>>;

export async function insertVerification(
  tx: Queryable,
  v: { projectId: string; year: number; districtId: string; companyId: string | null; verifiedOn: string; verifiedBy: string; checks: string[]; note: string | null; staffCount: number; discrepancyCount: number; discrepancies: string | null; followUp: string; orderId: string | null; at: Date },
) {
  const { at, ...values } = v;
  const [row] = await tx
    .insert(rosterVerifications)
    .values({ ...values, verifiedAt: at })
    .onConflictDoNothing()
    .returning({ id: rosterVerifications.id, version: rosterVerifications.version });
  return row ?? null;
}

export async function amendVerification(
  tx: Queryable,
  id: string,
  expectedVersion: number,
  v: { verifiedOn: string; verifiedBy: string; checks: string[]; note: string | null; staffCount: number; discrepancyCount: number; discrepancies: string | null; followUp: string; orderId: string | null; at: Date },
) {
  const { at, ...values } = v;
  const [row] = await tx
    .update(rosterVerifications)
    .set({ ...values, verifiedAt: at, version: sql`${rosterVerifications.version} + 1` })
    .where(and(eq(rosterVerifications.id, id), eq(rosterVerifications.version, expectedVersion)))
    .returning({ id: rosterVerifications.id, version: rosterVerifications.version });
  return row ?? null;
}

/** A verification of the actor's scope (for an order created from it). */
export async function getVerificationInScope(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: rosterVerifications.id, projectId: rosterVerifications.projectId, year: rosterVerifications.year, companyId: rosterVerifications.companyId, discrepancies: rosterVerifications.discrepancies, discrepancyCount: rosterVerifications.discrepancyCount, orderId: rosterVerifications.orderId, version: rosterVerifications.version })
    .from(rosterVerifications)
    .innerJoin(projects, eq(projects.id, rosterVerifications.projectId))
    .where(and(eq(rosterVerifications.id, id), districtScope(actor, projects.districtId)))
    .limit(1);
  return row ?? null;
}

/** Links an order to the verification it came from (follow-up 'order'). */
export async function linkVerificationOrder(tx: Queryable, verificationId: string, orderId: string) {
  await tx
    .update(rosterVerifications)
    .set({ orderId, followUp: 'order', version: sql`${rosterVerifications.version} + 1` })
    .where(eq(rosterVerifications.id, verificationId));
}

// ---------------------------------------------------------------------------------------------------------
// Rectification orders

/** The estates in the actor's district (city: all) that a company serves now: the estates an order may name. */
export async function listServedEstatesInScope(db: Queryable, actor: Actor, companyId: string) {
  return db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId })
    .from(projects)
    .where(and(eq(projects.currentCompanyId, companyId), districtScope(actor, projects.districtId)))
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(500);
}

/** The companies serving an estate in the actor's scope (the order form's choice). */
export async function listCompaniesInScope(db: Queryable, actor: Actor) {
  return db
    .selectDistinct({ id: companies.id, name: companies.name, uscc: companies.uscc })
    .from(companies)
    .innerJoin(projects, eq(projects.currentCompanyId, companies.id))
    .where(districtScope(actor, projects.districtId))
    .orderBy(asc(companies.name), asc(companies.id))
    .limit(1000);
}

export async function getCompanyBrief(db: Queryable, companyId: string) {
  const [row] = await db.select({ id: companies.id, name: companies.name, uscc: companies.uscc }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return row ?? null;
}

export async function insertOrder(
  tx: Queryable,
  o: { companyId: string; districtId: string; ground: string; facts: string; projectIds: string[]; verificationId: string | null; issuedOn: string; dueOn: string; issuedBy: string | null; policyVersion: number | null },
) {
  const [row] = await tx.insert(rectificationOrders).values(o).returning({ id: rectificationOrders.id, version: rectificationOrders.version });
  return row!;
}

function orderScope(actor: Actor): SQL {
  return actor.role === 'company' ? companyScope(actor, rectificationOrders.companyId) : districtScope(actor, rectificationOrders.districtId);
}

const o = rectificationOrders;
const orderColumns = {
  id: o.id,
  companyId: o.companyId,
  companyName: companies.name,
  uscc: companies.uscc,
  districtId: o.districtId,
  districtName: regions.name,
  ground: o.ground,
  issuedOn: o.issuedOn,
  dueOn: o.dueOn,
  status: o.status,
  answeredOn: o.answeredOn,
  criticizedOn: o.criticizedOn,
  criticismUntil: o.criticismUntil,
  version: o.version,
};

export type OrderFilter = 'active' | 'overdue' | 'done' | 'all';

export async function listOrdersInScope(db: Queryable, actor: Actor, f: { status: OrderFilter; page: number }, today: string) {
  // The overdue rule of lib/domain/supervision isOrderOverdue, in SQL.
  const overdue = sql`(${o.dueOn} < ${today}::date and ${o.status} <> 'accepted' and not (${o.status} = 'answered' and ${o.answeredOn} <= ${o.dueOn}))`;
  const statusCond = f.status === 'active' ? sql`${o.status} <> 'accepted'` : f.status === 'done' ? eq(o.status, 'accepted') : f.status === 'overdue' ? overdue : undefined;
  const where = and(orderScope(actor), statusCond);
  const [[{ n }], rows] = await Promise.all([
    db.select({ n: count() }).from(o).where(where),
    db
      .select(orderColumns)
      .from(o)
      .innerJoin(companies, eq(companies.id, o.companyId))
      .innerJoin(regions, eq(regions.id, o.districtId))
      .where(where)
      .orderBy(sql`case when ${o.status} = 'accepted' then 1 else 0 end`, asc(o.dueOn), desc(o.createdAt), asc(o.id))
      .limit(SUPERVISION_PAGE_SIZE)
      .offset((f.page - 1) * SUPERVISION_PAGE_SIZE),
  ]);
  return { rows, total: Number(n) };
}
export type OrderListRow = Awaited<ReturnType<typeof listOrdersInScope>>['rows'][number];

export async function getOrderInScope(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({
      ...orderColumns,
      facts: o.facts,
      projectIds: o.projectIds,
      verificationId: o.verificationId,
      answer: o.answer,
      returnReason: o.returnReason,
      history: o.history,
      decidedAt: o.decidedAt,
      criticismText: o.criticismText,
      criticismCode: o.criticismCode,
      interview: o.interview,
      createdAt: o.createdAt,
    })
    .from(o)
    .innerJoin(companies, eq(companies.id, o.companyId))
    .innerJoin(regions, eq(regions.id, o.districtId))
    .where(and(eq(o.id, id), orderScope(actor)))
    .limit(1);
  if (!row) return null;
  const ids = (row.projectIds ?? []) as string[];
  const [estates, files] = await Promise.all([
    ids.length ? db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, ids)).orderBy(asc(projects.name)) : Promise.resolve([]),
    listOrderFiles(db, row.id),
  ]);
  return { ...row, projectIds: ids, history: (row.history ?? []) as OrderStep[], interview: row.interview as Interview | null, estates, files };
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderInScope>>>;

export interface OrderStep {
  kind: 'issue' | 'answer' | 'return' | 'accept' | 'criticism' | 'interview';
  on: string;
  text: string;
  files?: number;
}
export interface Interview {
  heldOn: string;
  place: string;
  attendees: string;
  summary: string;
}

export async function orderExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: o.id }).from(o).where(eq(o.id, id)).limit(1);
  return !!row;
}

const appendStep = (step: OrderStep) => sql`${o.history} || ${JSON.stringify([step])}::jsonb`;

export async function setOrderAnswer(tx: Queryable, x: { id: string; expectedVersion: number; answer: string; on: string; at: Date; files: number }) {
  const [row] = await tx
    .update(o)
    .set({ status: 'answered', answer: x.answer, answeredOn: x.on, answeredAt: x.at, history: appendStep({ kind: 'answer', on: x.on, text: x.answer, files: x.files }), version: sql`${o.version} + 1` })
    .where(and(eq(o.id, x.id), eq(o.version, x.expectedVersion), inArray(o.status, ['open', 'returned'])))
    .returning({ id: o.id, status: o.status, version: o.version });
  return row ?? null;
}

export async function setOrderDecision(tx: Queryable, x: { id: string; expectedVersion: number; outcome: 'accept' | 'return'; reason: string; on: string; by: string; at: Date }) {
  const accept = x.outcome === 'accept';
  const [row] = await tx
    .update(o)
    .set({
      status: accept ? 'accepted' : 'returned',
      returnReason: accept ? null : x.reason,
      decidedBy: x.by,
      decidedAt: x.at,
      history: appendStep({ kind: accept ? 'accept' : 'return', on: x.on, text: accept ? '整改合格' : x.reason }),
      version: sql`${o.version} + 1`,
    })
    .where(and(eq(o.id, x.id), eq(o.version, x.expectedVersion), eq(o.status, 'answered')))
    .returning({ id: o.id, status: o.status, version: o.version });
  return row ?? null;
}

/** Candidates for escalation on `today` (the overdue rule in SQL; the service checks again with the pure rule). */
export async function listEscalationCandidates(db: Queryable, today: string) {
  return db
    .select({ id: o.id, companyId: o.companyId, districtId: o.districtId, status: o.status, dueOn: o.dueOn, answeredOn: o.answeredOn, criticizedOn: o.criticizedOn, version: o.version })
    .from(o)
    .where(and(isNull(o.criticizedOn), sql`${o.dueOn} < ${today}::date`, sql`${o.status} <> 'accepted'`))
    .orderBy(asc(o.dueOn), asc(o.id))
    .limit(1000);
}

/** Facts the criticism text names. */
export async function getOrderForCriticism(db: Queryable, id: string) {
  const [row] = await db
    .select({ id: o.id, companyId: o.companyId, companyName: companies.name, uscc: companies.uscc, districtId: o.districtId, districtName: regions.name, ground: o.ground, issuedOn: o.issuedOn, dueOn: o.dueOn, status: o.status, answeredOn: o.answeredOn, criticizedOn: o.criticizedOn })
    .from(o)
    .innerJoin(companies, eq(companies.id, o.companyId))
    .innerJoin(regions, eq(regions.id, o.districtId))
    .where(eq(o.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * The criticism, once: only while the order has none (two runs, or a run and a clerk, cannot both issue it).
 * `expectedVersion` when a clerk escalates from the page (optimistic lock); the daily job passes none.
 */
export async function setOrderCriticism(tx: Queryable, x: { id: string; expectedVersion?: number; on: string; until: string; text: string; code: string }) {
  const [row] = await tx
    .update(o)
    .set({ criticizedOn: x.on, criticismUntil: x.until, criticismText: x.text, criticismCode: x.code, history: appendStep({ kind: 'criticism', on: x.on, text: x.text }), version: sql`${o.version} + 1` })
    .where(and(eq(o.id, x.id), isNull(o.criticizedOn), sql`${o.status} <> 'accepted'`, x.expectedVersion === undefined ? undefined : eq(o.version, x.expectedVersion)))
    .returning({ id: o.id, version: o.version });
  return row ?? null;
}

export async function insertCriticismDocument(tx: Queryable, d: { code: string; orderId: string; summary: Record<string, unknown>; issuedBy: string | null; validUntil: string }) {
  await tx.insert(documents).values({ code: d.code, kind: 'criticism_notice', subjectType: ORDER_OWNER_TYPE, subjectId: d.orderId, summary: d.summary, issuedBy: d.issuedBy, validUntil: d.validUntil });
}

export async function setOrderInterview(tx: Queryable, x: { id: string; expectedVersion: number; interview: Interview; by: string }) {
  const [row] = await tx
    .update(o)
    .set({
      interview: x.interview,
      interviewRecordedBy: x.by,
      history: appendStep({ kind: 'interview', on: x.interview.heldOn, text: `${x.interview.place}；${x.interview.attendees}` }),
      version: sql`${o.version} + 1`,
    })
    .where(and(eq(o.id, x.id), eq(o.version, x.expectedVersion), isNotNull(o.criticizedOn)))
    .returning({ id: o.id, version: o.version });
  return row ?? null;
}

export async function insertOrderFiles(tx: Queryable, orderId: string, files: { filename: string; mime: string; content: Buffer; sha256: string }[], uploadedBy: string | null) {
  if (files.length === 0) return;
  await tx.insert(attachments).values(
    files.map((f) => ({ ownerType: ORDER_OWNER_TYPE, ownerId: orderId, kind: 'answer', filename: f.filename, mime: f.mime, size: f.content.byteLength, sha256: f.sha256, content: f.content, uploadedBy })),
  );
}

export async function listOrderFiles(db: Queryable, orderId: string) {
  return db
    .select({ id: attachments.id, filename: attachments.filename, mime: attachments.mime, createdAt: attachments.createdAt })
    .from(attachments)
    .where(and(eq(attachments.ownerType, ORDER_OWNER_TYPE), eq(attachments.ownerId, orderId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.filename));
}

// ---------------------------------------------------------------------------------------------------------
// Public: the criticisms of a company inside their window (SPEC §3.11: public fields only)

export async function listPublicCriticisms(db: Queryable, companyId: string, today: string) {
  return db
    .select({ id: o.id, criticizedOn: o.criticizedOn, criticismUntil: o.criticismUntil, text: o.criticismText, code: o.criticismCode, districtName: regions.name })
    .from(o)
    .innerJoin(regions, eq(regions.id, o.districtId))
    .where(and(eq(o.companyId, companyId), isNotNull(o.criticizedOn), sql`${o.criticizedOn} <= ${today}::date`, sql`${o.criticismUntil} >= ${today}::date`))
    .orderBy(desc(o.criticizedOn), asc(o.id));
}
export type PublicCriticism = Awaited<ReturnType<typeof listPublicCriticisms>>[number];
