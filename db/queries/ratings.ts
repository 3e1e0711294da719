import 'server-only';
/**
 * Quarterly estate ratings (DW 10, 12, 14): the district's table, the city's publication, the rectification
 * periods that three 差 open, and the market ban they can end in. Ratings stay internal until the quarter is
 * published: every public read joins `rating_publications` (getPublicProject in db/queries/public-projects.ts).
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, companyFlags, estateRatings, listEntries, projects, ratingPublications, regions, serviceContracts, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { quarterEnd, quarterIndex, type EstateRating, type Quarter } from '@/lib/domain/credit-rating';
import { districtScope } from './scope';
import { listEntryActiveOn } from './list-entries';

/** DW 10 rates residential estates (住宅小区): ordinary, old and resettlement estates. */
export const RESIDENTIAL_TYPES = ['住宅', '老旧小区', '安置小区'] as const;
const residential = inArray(projects.type, [...RESIDENTIAL_TYPES]);

/**
 * The company serving an estate at a date: the latest confirmed (or since ended) contract begun by then and not
 * left before it; otherwise the estate's current company.
 */
export function companyServingOn(on: string) {
  return sql<string | null>`coalesce((
    select ${serviceContracts.companyId} from ${serviceContracts}
    where ${serviceContracts.projectId} = ${projects.id}
      and ${serviceContracts.status} in ('confirmed', 'ended', 'terminated')
      and ${serviceContracts.startDate} <= ${on}
      and (${serviceContracts.exitedOn} is null or ${serviceContracts.exitedOn} > ${on})
    order by ${serviceContracts.startDate} desc limit 1), ${projects.currentCompanyId})`;
}

// ---------------------------------------------------------------------------------------------------------
// Publications

export interface PublicationRow extends Quarter {
  publishedAt: Date;
  publishedByName: string | null;
}

export async function getPublication(db: Queryable, q: Quarter): Promise<PublicationRow | null> {
  const [row] = await db
    .select({ year: ratingPublications.year, quarter: ratingPublications.quarter, publishedAt: ratingPublications.publishedAt, publishedByName: users.displayName })
    .from(ratingPublications)
    .leftJoin(users, eq(users.id, ratingPublications.publishedBy))
    .where(and(eq(ratingPublications.year, q.year), eq(ratingPublications.quarter, q.quarter)))
    .limit(1);
  return row ?? null;
}

/** Every published quarter, newest first. */
export async function listPublishedQuarters(db: Queryable): Promise<Quarter[]> {
  return db
    .select({ year: ratingPublications.year, quarter: ratingPublications.quarter })
    .from(ratingPublications)
    .orderBy(desc(ratingPublications.year), desc(ratingPublications.quarter));
}

export async function insertPublication(tx: Queryable, q: Quarter, publishedBy: string) {
  const [row] = await tx.insert(ratingPublications).values({ year: q.year, quarter: q.quarter, publishedBy }).returning();
  return row;
}

/** Serialises the writers of one quarter (the table's save and the city's publication) inside their transactions. */
export async function lockQuarter(tx: Queryable, q: Quarter) {
  await tx.execute(sql`select pg_advisory_xact_lock(${7_100_000 + quarterIndex(q)})`);
}

// ---------------------------------------------------------------------------------------------------------
// The district's table

export interface RatingTableRow {
  projectId: string;
  projectName: string;
  districtId: string;
  districtName: string;
  /** The company serving the estate at the quarter's end (null: none, the estate cannot be rated). */
  companyId: string | null;
  companyName: string | null;
  score: string | null;
  rating: EstateRating | null;
  /** The earlier quarters' ratings, by quarter key, for context. */
  earlier: { year: number; quarter: number; rating: EstateRating; score: string; published: boolean }[];
}

/** Residential estates in the actor's scope (optionally one district), with the quarter's rating and the three before. */
export async function listRatingTable(db: Queryable, actor: Actor, q: Quarter, districtId?: string | null): Promise<RatingTableRow[]> {
  const end = quarterEnd(q);
  const serving = companyServingOn(end);
  const rows = await db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      districtId: projects.districtId,
      districtName: regions.name,
      companyId: serving,
      score: estateRatings.inspectionScore,
      rating: estateRatings.rating,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .leftJoin(estateRatings, and(eq(estateRatings.projectId, projects.id), eq(estateRatings.year, q.year), eq(estateRatings.quarter, q.quarter)))
    .where(and(residential, districtScope(actor, projects.districtId), districtId ? eq(projects.districtId, districtId) : undefined))
    .orderBy(asc(regions.sortOrder), asc(projects.name), asc(projects.id));
  if (rows.length === 0) return [];
  const companyIds = [...new Set(rows.map((r) => r.companyId).filter((c): c is string => !!c))];
  const names = companyIds.length
    ? new Map((await db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, companyIds))).map((c) => [c.id, c.name]))
    : new Map<string, string>();
  const from = quarterIndex(q) - 3;
  const earlierRows = await db
    .select({
      projectId: estateRatings.projectId,
      year: estateRatings.year,
      quarter: estateRatings.quarter,
      rating: estateRatings.rating,
      score: estateRatings.inspectionScore,
      publishedAt: ratingPublications.publishedAt,
    })
    .from(estateRatings)
    .innerJoin(projects, eq(projects.id, estateRatings.projectId))
    .leftJoin(ratingPublications, and(eq(ratingPublications.year, estateRatings.year), eq(ratingPublications.quarter, estateRatings.quarter)))
    .where(
      and(
        residential,
        districtScope(actor, projects.districtId),
        districtId ? eq(projects.districtId, districtId) : undefined,
        sql`(${estateRatings.year} * 4 + ${estateRatings.quarter} - 1) between ${from} and ${quarterIndex(q) - 1}`,
      ),
    );
  const earlier = new Map<string, RatingTableRow['earlier']>();
  for (const e of earlierRows) {
    const list = earlier.get(e.projectId) ?? [];
    list.push({ year: e.year, quarter: e.quarter, rating: e.rating, score: e.score, published: !!e.publishedAt });
    earlier.set(e.projectId, list);
  }
  return rows.map((r) => ({
    ...r,
    companyName: r.companyId ? (names.get(r.companyId) ?? null) : null,
    earlier: (earlier.get(r.projectId) ?? []).sort((a, b) => a.year * 4 + a.quarter - (b.year * 4 + b.quarter)),
  }));
}

/** The estates named in a save, as the actor's scope sees them (missing ones are out of scope or not residential). */
export async function estatesForRating(db: Queryable, actor: Actor, ids: string[], q: Quarter) {
  if (ids.length === 0) return [];
  return db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId, companyId: companyServingOn(quarterEnd(q)) })
    .from(projects)
    .where(and(inArray(projects.id, ids), residential, districtScope(actor, projects.districtId)));
}

export type RatingRow = typeof estateRatings.$inferSelect;

export async function ratingsOfQuarter(db: Queryable, q: Quarter, projectIds?: string[]): Promise<RatingRow[]> {
  if (projectIds && projectIds.length === 0) return [];
  return db
    .select()
    .from(estateRatings)
    .where(and(eq(estateRatings.year, q.year), eq(estateRatings.quarter, q.quarter), projectIds ? inArray(estateRatings.projectId, projectIds) : undefined));
}

export async function upsertRating(
  tx: Queryable,
  r: { projectId: string; companyId: string; q: Quarter; score: number; rating: EstateRating; ratedBy: string; policyVersion: number },
): Promise<RatingRow> {
  const values = {
    projectId: r.projectId,
    companyId: r.companyId,
    year: r.q.year,
    quarter: r.q.quarter,
    inspectionScore: r.score.toFixed(2),
    rating: r.rating,
    ratedBy: r.ratedBy,
    policyVersion: r.policyVersion,
  };
  const [row] = await tx
    .insert(estateRatings)
    .values(values)
    .onConflictDoUpdate({
      target: [estateRatings.projectId, estateRatings.year, estateRatings.quarter],
      set: { companyId: values.companyId, inspectionScore: values.inspectionScore, rating: values.rating, ratedBy: values.ratedBy, policyVersion: values.policyVersion, createdAt: new Date() },
    })
    .returning();
  return row;
}

export async function deleteRating(tx: Queryable, id: string) {
  await tx.delete(estateRatings).where(eq(estateRatings.id, id));
}

export interface DistrictProgress {
  districtId: string;
  districtName: string;
  estates: number;
  rated: number;
}

/** Per district: residential estates with a serving company at the quarter's end, and how many are rated. */
export async function ratingProgress(db: Queryable, actor: Actor, q: Quarter): Promise<DistrictProgress[]> {
  const serving = companyServingOn(quarterEnd(q));
  const rows = await db
    .select({
      districtId: projects.districtId,
      districtName: regions.name,
      estates: sql<number>`count(*) filter (where ${serving} is not null)::int`,
      rated: sql<number>`count(${estateRatings.id})::int`,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .leftJoin(estateRatings, and(eq(estateRatings.projectId, projects.id), eq(estateRatings.year, q.year), eq(estateRatings.quarter, q.quarter)))
    .where(and(residential, districtScope(actor, projects.districtId)))
    .groupBy(projects.districtId, regions.name, regions.sortOrder)
    .orderBy(asc(regions.sortOrder));
  return rows.map((r) => ({ ...r, estates: Number(r.estates), rated: Number(r.rated) }));
}

export async function listDistricts(db: Queryable) {
  return db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.level, 'district')).orderBy(asc(regions.sortOrder), asc(regions.id));
}

// ---------------------------------------------------------------------------------------------------------
// DW 14 at publication

/** Every published rating of every estate rated in the quarter (one query, however many estates: no id list). */
export async function publishedHistoryOfQuarter(tx: Queryable, q: Quarter) {
  return tx
    .select({ projectId: estateRatings.projectId, year: estateRatings.year, quarter: estateRatings.quarter, rating: estateRatings.rating, companyId: estateRatings.companyId })
    .from(estateRatings)
    .innerJoin(ratingPublications, and(eq(ratingPublications.year, estateRatings.year), eq(ratingPublications.quarter, estateRatings.quarter)))
    .where(sql`${estateRatings.projectId} in (select r.project_id from ${estateRatings} r where r.year = ${q.year} and r.quarter = ${q.quarter})`);
}

export async function countRatingsOfQuarter(tx: Queryable, q: Quarter): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(estateRatings)
    .where(and(eq(estateRatings.year, q.year), eq(estateRatings.quarter, q.quarter)));
  return Number(row?.n ?? 0);
}

/** DW 14 entries still open for these estates, as `rule|companyId|projectId` (the guard against opening a second). */
export async function openDw14Entries(tx: Queryable, projectIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < projectIds.length; i += 5000) {
    const rows = await tx
      .select({ rule: listEntries.rule, companyId: listEntries.companyId, projectId: listEntries.projectId })
      .from(listEntries)
      .where(
        and(
          inArray(listEntries.rule, ['DW14-three-excellent', 'DW14-three-poor']),
          inArray(listEntries.status, ['active', 'rectifying']),
          inArray(listEntries.projectId, projectIds.slice(i, i + 5000)),
        ),
      );
    for (const r of rows) out.add(`${r.rule}|${r.companyId}|${r.projectId}`);
  }
  return out;
}

export async function projectNames(tx: Queryable, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, ids.slice(i, i + 5000)));
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

export type FlagKind = 'incentive' | 'upgrade_priority' | 'key_supervision' | 'market_exit' | 'rectification_passed';

export interface NewFlag {
  companyId: string;
  projectId: string | null;
  flag: FlagKind;
  reason: string;
  since: string;
  until: string | null;
}

export async function insertFlag(tx: Queryable, f: NewFlag) {
  const [row] = await tx.insert(companyFlags).values(f).returning();
  return row;
}

/** Many flags in a few multi-row statements. */
export async function insertFlags(tx: Queryable, flags: readonly NewFlag[]) {
  for (let i = 0; i < flags.length; i += 1000) await tx.insert(companyFlags).values(flags.slice(i, i + 1000));
}

/** End a company's flag for an estate (key supervision ends with the inspection): until = the day. */
export async function endFlags(tx: Queryable, f: { companyId: string; projectId: string; flag: FlagKind }, on: string) {
  return tx
    .update(companyFlags)
    .set({ until: on })
    .where(
      and(
        eq(companyFlags.companyId, f.companyId),
        eq(companyFlags.projectId, f.projectId),
        eq(companyFlags.flag, f.flag),
        or(isNull(companyFlags.until), sql`${companyFlags.until} > ${on}`),
      ),
    )
    .returning({ id: companyFlags.id });
}

// ---------------------------------------------------------------------------------------------------------
// Rectification (DW 14 (三))

export interface RectificationRow {
  entryId: string;
  status: 'active' | 'rectifying' | 'removed' | 'expired';
  companyId: string;
  companyName: string;
  projectId: string;
  projectName: string;
  districtId: string;
  districtName: string;
  reason: string;
  since: string;
  until: string | null;
  policyVersion: number;
}

function rectificationSelect(db: Queryable) {
  return db
    .select({
      entryId: listEntries.id,
      status: listEntries.status,
      companyId: listEntries.companyId,
      companyName: companies.name,
      projectId: projects.id,
      projectName: projects.name,
      districtId: projects.districtId,
      districtName: regions.name,
      reason: listEntries.reason,
      since: listEntries.since,
      until: listEntries.until,
      policyVersion: listEntries.policyVersion,
    })
    .from(listEntries)
    .innerJoin(companies, eq(companies.id, listEntries.companyId))
    .innerJoin(projects, eq(projects.id, listEntries.projectId))
    .innerJoin(regions, eq(regions.id, projects.districtId));
}

/** Estates in their rectification period (three 差, status rectifying) in the actor's scope, the most urgent first. */
export async function listRectifications(db: Queryable, actor: Actor): Promise<RectificationRow[]> {
  return rectificationSelect(db)
    .where(and(eq(listEntries.rule, 'DW14-three-poor'), eq(listEntries.status, 'rectifying'), districtScope(actor, projects.districtId)))
    .orderBy(asc(listEntries.until), asc(projects.name));
}

/** One three-差 entry in the actor's scope (any status), or null (missing and out of scope look the same). */
export async function getRectificationInScope(db: Queryable, actor: Actor, entryId: string): Promise<RectificationRow | null> {
  const [row] = await rectificationSelect(db)
    .where(and(eq(listEntries.id, entryId), eq(listEntries.rule, 'DW14-three-poor'), districtScope(actor, projects.districtId)))
    .limit(1);
  return row ?? null;
}

export async function listEntryExists(db: Queryable, entryId: string): Promise<boolean> {
  const [row] = await db.select({ id: listEntries.id }).from(listEntries).where(eq(listEntries.id, entryId)).limit(1);
  return !!row;
}

/** The company's ban date kept on its row (filing and contract checks read it too); never shortened. */
export async function extendCompanyBan(tx: Queryable, companyId: string, until: string) {
  await tx
    .update(companies)
    .set({ bannedUntil: until })
    .where(and(eq(companies.id, companyId), or(isNull(companies.bannedUntil), sql`${companies.bannedUntil} < ${until}`)));
}

// ---------------------------------------------------------------------------------------------------------
// Market ban (DW 14 (三).3): no filing approval, no new contract

/** The market ban in force for a company on a date (the SQL twin of `marketBannedOn`), with its scheduled end. */
export async function activeMarketBan(db: Queryable, companyId: string, on: string): Promise<{ since: string; until: string | null } | null> {
  const [row] = await db
    .select({ since: listEntries.since, until: listEntries.until })
    .from(listEntries)
    .where(and(eq(listEntries.companyId, companyId), eq(listEntries.rule, 'DW14-market-ban'), listEntryActiveOn(on)))
    .orderBy(desc(listEntries.until))
    .limit(1);
  return row ?? null;
}

/** A quarter's ratings as its publication makes them public (the check-your-answers plan), by estate name. */
export async function quarterRatingsForPlan(tx: Queryable, q: Quarter) {
  return tx
    .select({ projectId: estateRatings.projectId, name: projects.name, companyName: companies.name, score: estateRatings.inspectionScore, rating: estateRatings.rating })
    .from(estateRatings)
    .innerJoin(projects, eq(projects.id, estateRatings.projectId))
    .innerJoin(companies, eq(companies.id, estateRatings.companyId))
    .where(and(eq(estateRatings.year, q.year), eq(estateRatings.quarter, q.quarter)))
    .orderBy(asc(projects.name), asc(estateRatings.projectId));
}
