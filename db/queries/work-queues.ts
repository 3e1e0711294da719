import 'server-only';
/**
 * The bureau home as a work queue (issue 18, item 4): pending work of each kind in the actor's scope with its
 * due-today and overdue counts, the oldest item and the green-channel items; and the two charts (handling time
 * and registry coverage by district). Counts only: the queue pages list the items.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { cases, creditRecords, practitionerRecords, projects, regions, submissions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { COMPLAINT_OPEN_STATUSES } from '@/lib/domain/complaints';
import { OPEN_CASE_STATUSES } from '@/lib/domain/objections';
import { PUBLIC_PHONE_POSTS } from '@/lib/domain/practitioner';
import { addCounts, EMPTY_COUNTS, SUBMISSION_QUEUE, type QueueCounts, type QueueKey } from '@/lib/domain/work-queue';
import { creditRecordScope } from './credit-records';
import { districtScope } from './scope';
import { submissionScope } from './submissions';

type Agg = { pending: number; dueToday: number; overdue: number; green: number; oldestAt: Date | string | null };
const counts = (r: Agg | undefined): QueueCounts =>
  r ? { pending: Number(r.pending), dueToday: Number(r.dueToday), overdue: Number(r.overdue), green: Number(r.green), oldestAt: r.oldestAt ? new Date(r.oldestAt) : null } : EMPTY_COUNTS;

const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;

/** The district decides records on estates of its district; the city all (as db/queries/practitioner-records.ts). */
function recordDecideScope(actor: Actor): SQL {
  if (actor.role === 'city') return sql`true`;
  if (actor.role === 'district' && actor.districtId) return eq(projects.districtId, actor.districtId);
  return sql`false`;
}

/** Counts per queue in the actor's scope on `today` (a China date). Bureau roles only; anyone else gets nothing. */
export async function getBureauQueueCounts(db: Queryable, actor: Actor, today: string): Promise<Partial<Record<QueueKey, QueueCounts>>> {
  if (actor.role !== 'city' && actor.role !== 'district') return {};
  const types = Object.keys(SUBMISSION_QUEUE) as (typeof submissions.$inferSelect)['type'][];
  const [subs, [records], [credit], [objections], [complaints]] = await Promise.all([
    db
      .select({
        type: submissions.type,
        pending: sql<number>`count(*)::int`,
        dueToday: n(sql`${submissions.decideBy} = ${today}::date`),
        overdue: n(sql`${submissions.decideBy} < ${today}::date`),
        green: n(sql`${submissions.priority} > 0`),
        oldestAt: sql<Date | null>`min(${submissions.submittedAt})`,
      })
      .from(submissions)
      .where(and(eq(submissions.status, 'submitted'), inArray(submissions.type, types), submissionScope(actor)))
      .groupBy(submissions.type),
    db
      .select({ pending: sql<number>`count(*)::int`, dueToday: sql<number>`0`, overdue: sql<number>`0`, green: sql<number>`0`, oldestAt: sql<Date | null>`min(${practitionerRecords.createdAt})` })
      .from(practitionerRecords)
      .leftJoin(projects, eq(projects.id, practitionerRecords.projectId))
      .where(and(eq(practitionerRecords.status, 'submitted'), recordDecideScope(actor))),
    db
      .select({ pending: sql<number>`count(*)::int`, dueToday: sql<number>`0`, overdue: sql<number>`0`, green: sql<number>`0`, oldestAt: sql<Date | null>`min(${creditRecords.createdAt})` })
      .from(creditRecords)
      .where(and(eq(creditRecords.status, 'submitted'), creditRecordScope(actor))),
    db
      .select({
        pending: sql<number>`count(*)::int`,
        dueToday: n(sql`${cases.dueOn} = ${today}::date`),
        overdue: n(sql`${cases.dueOn} < ${today}::date`),
        green: sql<number>`0`,
        oldestAt: sql<Date | null>`min(${cases.createdAt})`,
      })
      .from(cases)
      .where(and(eq(cases.kind, 'objection'), inArray(cases.status, [...OPEN_CASE_STATUSES]), districtScope(actor, cases.districtId))),
    db
      .select({
        pending: sql<number>`count(*)::int`,
        // The company answers by due_on; a case still 'open' after it is the company's delay, for the district to chase.
        dueToday: n(sql`${cases.status} = 'open' and ${cases.dueOn} = ${today}::date`),
        overdue: n(sql`${cases.status} = 'open' and ${cases.dueOn} < ${today}::date`),
        green: sql<number>`0`,
        oldestAt: sql<Date | null>`min(${cases.createdAt})`,
      })
      .from(cases)
      .where(and(inArray(cases.kind, ['complaint', 'praise']), inArray(cases.status, [...COMPLAINT_OPEN_STATUSES]), districtScope(actor, cases.districtId))),
  ]);
  const out: Partial<Record<QueueKey, QueueCounts>> = {};
  for (const s of subs) {
    const key = SUBMISSION_QUEUE[s.type];
    if (key) out[key] = addCounts(out[key] ?? EMPTY_COUNTS, counts(s));
  }
  out.records = counts(records);
  out.credit = counts(credit);
  out.objections = counts(objections);
  out.complaints = counts(complaints);
  return out;
}

export interface DistrictHandling {
  districtId: string;
  districtName: string;
  decided: number;
  /** Days from submission to decision: median and 90th percentile, one decimal; null with nothing decided. */
  median: number | null;
  p90: number | null;
}

export interface DistrictCoverage {
  districtId: string;
  districtName: string;
  /** Estates with a serving company. */
  served: number;
  /** … of which with at least one approved current staff member on the register. */
  withStaff: number;
  /** … of which with every key post of SN 19 filled. */
  keyPostsFilled: number;
}

const HANDLING_WINDOW_DAYS = 90;

/** How long decisions took, per district in scope, over submissions decided in the 90 days up to `today`. */
export async function getHandlingByDistrict(db: Queryable, actor: Actor, today: string): Promise<DistrictHandling[]> {
  if (actor.role !== 'city' && actor.role !== 'district') return [];
  const days = sql`extract(epoch from (s.decided_at - s.submitted_at)) / 86400.0`;
  const rows = await db
    .select({
      districtId: regions.id,
      districtName: regions.name,
      decided: sql<number>`count(s.id)::int`,
      median: sql<string | null>`round((percentile_cont(0.5) within group (order by ${days}))::numeric, 1)`,
      p90: sql<string | null>`round((percentile_cont(0.9) within group (order by ${days}))::numeric, 1)`,
    })
    .from(regions)
    .leftJoin(
      sql`submissions s`,
      sql`s.district_id = ${regions.id} and s.status in ('approved', 'rejected') and s.submitted_at is not null and s.decided_at is not null
          and (s.decided_at at time zone 'Asia/Shanghai')::date > ${today}::date - ${HANDLING_WINDOW_DAYS}::int
          and (s.decided_at at time zone 'Asia/Shanghai')::date <= ${today}::date`,
    )
    .where(and(eq(regions.level, 'district'), districtScope(actor, regions.id)))
    .groupBy(regions.id, regions.name, regions.sortOrder)
    .orderBy(regions.sortOrder, regions.id);
  return rows.map((r) => ({ ...r, decided: Number(r.decided), median: r.median === null ? null : Number(r.median), p90: r.p90 === null ? null : Number(r.p90) }));
}

/** The register's coverage of served estates, per district in scope. */
export async function getCoverageByDistrict(db: Queryable, actor: Actor): Promise<DistrictCoverage[]> {
  if (actor.role !== 'city' && actor.role !== 'district') return [];
  const keyList = sql.join(
    PUBLIC_PHONE_POSTS.map((p) => sql`${p}`),
    sql`, `,
  );
  // As the 名册完整性 list counts them (db/queries/roster.ts): current employments, key posts of SN 19.
  const posts = sql`(select count(distinct e.post) from employments e where e.project_id = p.id and e.status = 'current' and e.post::text in (${keyList}))`;
  const staff = sql`exists (select 1 from employments e where e.project_id = p.id and e.status = 'current')`;
  const rows = await db
    .select({
      districtId: regions.id,
      districtName: regions.name,
      served: sql<number>`count(p.id)::int`,
      withStaff: sql<number>`count(p.id) filter (where ${staff})::int`,
      keyPostsFilled: sql<number>`count(p.id) filter (where ${posts} = ${PUBLIC_PHONE_POSTS.length})::int`,
    })
    .from(regions)
    .leftJoin(sql`projects p`, sql`p.district_id = ${regions.id} and p.current_company_id is not null`)
    .where(and(eq(regions.level, 'district'), districtScope(actor, regions.id)))
    .groupBy(regions.id, regions.name, regions.sortOrder)
    .orderBy(regions.sortOrder, regions.id);
  return rows.map((r) => ({ ...r, served: Number(r.served), withStaff: Number(r.withStaff), keyPostsFilled: Number(r.keyPostsFilled) }));
}
