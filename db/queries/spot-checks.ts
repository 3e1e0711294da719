import 'server-only';
/**
 * 双随机抽查 (SN 25, CQ; docs/decisions/034): the inspector roster, the candidates of a draw with the facts their
 * weights come from, the draws and their items. Public reads return published draws only.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, companyFlags, inspectors, projects, regions, spotCheckItems, spotChecks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import type { Grade } from '@/lib/domain/credit-rating';
import type { DrawInputs, DrawResult, Inspector, Population, RiskFacts } from '@/lib/domain/spot-check';
import { greenChannelSql } from './company-filing';
import { companyServingOn, RESIDENTIAL_TYPES } from './ratings';
import { districtScope } from './scope';

export const INSPECTOR_PAGE_SIZE = 50;
export const DRAW_PAGE_SIZE = 30;

// ---------------------------------------------------------------------------------------------------------
// Inspector roster

export interface InspectorRow {
  id: string;
  name: string;
  unit: string;
  districtId: string | null;
  districtName: string | null;
  active: boolean;
  version: number;
}

const inspectorColumns = {
  id: inspectors.id,
  name: inspectors.name,
  unit: inspectors.unit,
  districtId: inspectors.districtId,
  districtName: regions.name,
  active: inspectors.active,
  version: inspectors.version,
};

export async function listInspectors(db: Queryable, f: { status: 'active' | 'inactive' | 'all'; page: number }): Promise<{ rows: InspectorRow[]; total: number }> {
  const where = f.status === 'all' ? undefined : eq(inspectors.active, f.status === 'active');
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(inspectors).where(where);
  const rows = await db
    .select(inspectorColumns)
    .from(inspectors)
    .leftJoin(regions, eq(regions.id, inspectors.districtId))
    .where(where)
    .orderBy(asc(sql`coalesce(${regions.sortOrder}, -1)`), asc(inspectors.name), asc(inspectors.id))
    .limit(INSPECTOR_PAGE_SIZE)
    .offset((f.page - 1) * INSPECTOR_PAGE_SIZE);
  return { rows, total: Number(n) };
}

export async function getInspector(db: Queryable, id: string): Promise<InspectorRow | null> {
  const [row] = await db.select(inspectorColumns).from(inspectors).leftJoin(regions, eq(regions.id, inspectors.districtId)).where(eq(inspectors.id, id)).limit(1);
  return row ?? null;
}

export async function insertInspector(tx: Queryable, v: { name: string; unit: string; districtId: string | null; active: boolean }) {
  const [row] = await tx.insert(inspectors).values(v).returning();
  return row;
}

/** Optimistic lock: null when the version moved on. */
export async function updateInspector(tx: Queryable, id: string, version: number, v: { name: string; unit: string; districtId: string | null; active: boolean }, now: Date) {
  const [row] = await tx
    .update(inspectors)
    .set({ ...v, version: sql`${inspectors.version} + 1`, updatedAt: now })
    .where(and(eq(inspectors.id, id), eq(inspectors.version, version)))
    .returning();
  return row ?? null;
}

/** The active roster as the draw records it (id order; the draw does not depend on the order). */
export async function activeRoster(db: Queryable): Promise<Inspector[]> {
  return db
    .select({ id: inspectors.id, name: inspectors.name, unit: inspectors.unit, districtId: inspectors.districtId, districtName: regions.name })
    .from(inspectors)
    .leftJoin(regions, eq(regions.id, inspectors.districtId))
    .where(eq(inspectors.active, true))
    .orderBy(asc(inspectors.id));
}

export async function districtExists(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(and(eq(regions.id, id), eq(regions.level, 'district'))).limit(1);
  return row?.name ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Candidates and the facts of their weights

export interface CandidateFacts extends RiskFacts {
  id: string;
  name: string;
  districtId: string | null;
  districtName: string | null;
  companyId: string | null;
  companyName: string | null;
}

const activeEntry = (list: 'red' | 'black', company: ReturnType<typeof sql>, on: string) => sql<boolean>`exists (select 1 from list_entries le
  where le.company_id = ${company} and le.list = ${list} and le.since <= ${on}::date
    and (le.ended_on is null or ${on}::date < le.ended_on)
    and ((le.rule = 'DW14-three-poor' and le.ended_on is null) or le.until is null or ${on}::date < le.until))`;

/** Per company: the latest published grade, list status and green channel on `on`. */
async function companyFacts(db: Queryable, ids: string[], on: string) {
  const out = new Map<string, { name: string; grade: Grade | null; blackList: boolean; redList: boolean; greenChannel: boolean; districtId: string | null; districtName: string | null }>();
  const c = sql`"companies"."id"`;
  for (let i = 0; i < ids.length; i += 2000) {
    const rows = await db
      .select({
        id: companies.id,
        name: companies.name,
        districtId: companies.districtId,
        districtName: regions.name,
        grade: sql<Grade | null>`(select ae.grade::text from annual_evaluations ae where ae.company_id = ${c} and ae.published_at is not null order by ae.year desc limit 1)`,
        blackList: activeEntry('black', c, on),
        redList: activeEntry('red', c, on),
        greenChannel: greenChannelSql(c, on),
      })
      .from(companies)
      .leftJoin(regions, eq(regions.id, companies.districtId))
      .where(inArray(companies.id, ids.slice(i, i + 2000)));
    for (const r of rows) out.set(r.id, { ...r, blackList: !!r.blackList, redList: !!r.redList, greenChannel: !!r.greenChannel });
  }
  return out;
}

/** Key supervision and incentive flags in force on `on`, as `flag|companyId|projectId-or-*`. */
async function flagsOn(db: Queryable, companyIds: string[], on: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < companyIds.length; i += 2000) {
    const rows = await db
      .select({ flag: companyFlags.flag, companyId: companyFlags.companyId, projectId: companyFlags.projectId })
      .from(companyFlags)
      .where(
        and(
          inArray(companyFlags.companyId, companyIds.slice(i, i + 2000)),
          inArray(companyFlags.flag, ['key_supervision', 'incentive']),
          sql`${companyFlags.since} <= ${on}::date`,
          or(isNull(companyFlags.until), sql`${companyFlags.until} > ${on}::date`),
        ),
      );
    for (const r of rows) out.add(`${r.flag}|${r.companyId}|${r.projectId ?? '*'}`);
  }
  return out;
}

/**
 * The population of a draw on `on`: residential estates with a serving company (optionally one district), or the
 * companies serving at least one (optionally registered in one district), each with its weight facts.
 */
export async function drawCandidates(db: Queryable, population: Population, districtId: string | null, on: string): Promise<CandidateFacts[]> {
  if (population === 'estate') {
    const serving = companyServingOn(on);
    const estates = await db
      .select({ id: projects.id, name: projects.name, districtId: projects.districtId, districtName: regions.name, companyId: serving })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.districtId))
      .where(and(inArray(projects.type, [...RESIDENTIAL_TYPES]), sql`${serving} is not null`, districtId ? eq(projects.districtId, districtId) : undefined))
      .orderBy(asc(projects.id));
    const companyIds = [...new Set(estates.map((e) => e.companyId!))];
    const facts = await companyFacts(db, companyIds, on);
    const flags = await flagsOn(db, companyIds, on);
    const flagged = (flag: string, c: string, p: string) => flags.has(`${flag}|${c}|${p}`) || flags.has(`${flag}|${c}|*`);
    return estates.map((e) => {
      const f = facts.get(e.companyId!);
      return {
        id: e.id,
        name: e.name,
        districtId: e.districtId,
        districtName: e.districtName,
        companyId: e.companyId,
        companyName: f?.name ?? null,
        grade: f?.grade ?? null,
        blackList: !!f?.blackList,
        redList: !!f?.redList,
        greenChannel: !!f?.greenChannel,
        keySupervision: flagged('key_supervision', e.companyId!, e.id),
        incentive: flagged('incentive', e.companyId!, e.id),
      };
    });
  }
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(sql`exists (select 1 from projects sp where sp.current_company_id = "companies"."id")`, districtId ? eq(companies.districtId, districtId) : undefined))
    .orderBy(asc(companies.id));
  const ids = rows.map((r) => r.id);
  const facts = await companyFacts(db, ids, on);
  const flags = await flagsOn(db, ids, on);
  const any = (flag: string, c: string) => [...flags].some((k) => k.startsWith(`${flag}|${c}|`));
  return ids.map((id) => {
    const f = facts.get(id)!;
    return {
      id,
      name: f.name,
      districtId: f.districtId,
      districtName: f.districtName,
      companyId: id,
      companyName: f.name,
      grade: f.grade,
      blackList: f.blackList,
      redList: f.redList,
      greenChannel: f.greenChannel,
      keySupervision: any('key_supervision', id),
      incentive: any('incentive', id),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Draws

export interface NewDraw {
  title: string;
  year: number;
  quarter: number;
  population: Population;
  districtId: string | null;
  seed: string;
  seedSource: 'random' | 'public';
  inputs: DrawInputs;
  result: DrawResult;
  drawnBy: string;
  drawnAt: Date;
}

export async function insertDraw(tx: Queryable, d: NewDraw, items: { rank: number; projectId: string | null; companyId: string | null; districtId: string | null; inspectorIds: string[] }[]) {
  const [row] = await tx
    .insert(spotChecks)
    .values({ ...d, inputs: d.inputs as never, result: d.result as never })
    .returning({ id: spotChecks.id });
  for (let i = 0; i < items.length; i += 500) await tx.insert(spotCheckItems).values(items.slice(i, i + 500).map((it) => ({ ...it, spotCheckId: row.id })));
  return row.id;
}

export interface DrawListRow {
  id: string;
  title: string;
  year: number;
  quarter: number;
  population: string;
  districtName: string | null;
  drawnAt: Date;
  publishedAt: Date | null;
  items: number;
  done: number;
}

/** Draws the actor may see: the city all; a district those with an item in its district (counting its own items). */
export async function listDraws(db: Queryable, actor: Actor, page: number): Promise<{ rows: DrawListRow[]; total: number }> {
  const scoped = districtScope(actor, spotCheckItems.districtId);
  const visible = sql`exists (select 1 from ${spotCheckItems} where ${spotCheckItems.spotCheckId} = ${spotChecks.id} and ${scoped})`;
  const where = actor.role === 'city' ? undefined : visible;
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(spotChecks).where(where);
  const rows = await db
    .select({
      id: spotChecks.id,
      title: spotChecks.title,
      year: spotChecks.year,
      quarter: spotChecks.quarter,
      population: spotChecks.population,
      districtName: regions.name,
      drawnAt: spotChecks.drawnAt,
      publishedAt: spotChecks.publishedAt,
      items: sql<number>`(select count(*)::int from ${spotCheckItems} where ${spotCheckItems.spotCheckId} = ${spotChecks.id} and ${scoped})`,
      done: sql<number>`(select count(*)::int from ${spotCheckItems} where ${spotCheckItems.spotCheckId} = ${spotChecks.id} and ${scoped} and ${spotCheckItems.score} is not null)`,
    })
    .from(spotChecks)
    .leftJoin(regions, eq(regions.id, spotChecks.districtId))
    .where(where)
    .orderBy(desc(spotChecks.drawnAt), desc(spotChecks.id))
    .limit(DRAW_PAGE_SIZE)
    .offset((page - 1) * DRAW_PAGE_SIZE);
  return { rows: rows.map((r) => ({ ...r, items: Number(r.items), done: Number(r.done) })), total: Number(n) };
}

export interface DrawRow {
  id: string;
  title: string;
  year: number;
  quarter: number;
  population: Population;
  districtId: string | null;
  districtName: string | null;
  seed: string;
  seedSource: string;
  inputs: DrawInputs;
  result: DrawResult;
  drawnAt: Date;
  drawnByName: string | null;
  publishedAt: Date | null;
  version: number;
}

function drawSelect(db: Queryable) {
  return db
    .select({
      id: spotChecks.id,
      title: spotChecks.title,
      year: spotChecks.year,
      quarter: spotChecks.quarter,
      population: sql<Population>`${spotChecks.population}`,
      districtId: spotChecks.districtId,
      districtName: regions.name,
      seed: spotChecks.seed,
      seedSource: spotChecks.seedSource,
      inputs: sql<DrawInputs>`${spotChecks.inputs}`,
      result: sql<DrawResult>`${spotChecks.result}`,
      drawnAt: spotChecks.drawnAt,
      drawnByName: users.displayName,
      publishedAt: spotChecks.publishedAt,
      version: spotChecks.version,
    })
    .from(spotChecks)
    .leftJoin(regions, eq(regions.id, spotChecks.districtId))
    .leftJoin(users, eq(users.id, spotChecks.drawnBy));
}

/** A draw the actor may see (see listDraws), or null: missing and out of scope look the same. */
export async function getDrawInScope(db: Queryable, actor: Actor, id: string): Promise<DrawRow | null> {
  const scoped = districtScope(actor, spotCheckItems.districtId);
  const visible = actor.role === 'city' ? undefined : sql`exists (select 1 from ${spotCheckItems} where ${spotCheckItems.spotCheckId} = ${spotChecks.id} and ${scoped})`;
  const [row] = await drawSelect(db)
    .where(and(eq(spotChecks.id, id), visible))
    .limit(1);
  return row ?? null;
}

export async function drawExists(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.select({ id: spotChecks.id }).from(spotChecks).where(eq(spotChecks.id, id)).limit(1);
  return !!row;
}

/** A published draw (the public page), or null. */
export async function getPublishedDraw(db: Queryable, id: string): Promise<DrawRow | null> {
  const [row] = await drawSelect(db)
    .where(and(eq(spotChecks.id, id), isNotNull(spotChecks.publishedAt)))
    .limit(1);
  return row ?? null;
}

export async function listPublishedDraws(db: Queryable, page: number): Promise<{ rows: DrawListRow[]; total: number }> {
  const where = isNotNull(spotChecks.publishedAt);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(spotChecks).where(where);
  const rows = await db
    .select({
      id: spotChecks.id,
      title: spotChecks.title,
      year: spotChecks.year,
      quarter: spotChecks.quarter,
      population: spotChecks.population,
      districtName: regions.name,
      drawnAt: spotChecks.drawnAt,
      publishedAt: spotChecks.publishedAt,
      items: sql<number>`(select count(*)::int from ${spotCheckItems} where ${spotCheckItems.spotCheckId} = ${spotChecks.id})`,
      done: sql<number>`(select count(*)::int from ${spotCheckItems} where ${spotCheckItems.spotCheckId} = ${spotChecks.id} and ${spotCheckItems.score} is not null)`,
    })
    .from(spotChecks)
    .leftJoin(regions, eq(regions.id, spotChecks.districtId))
    .where(where)
    .orderBy(desc(spotChecks.publishedAt), desc(spotChecks.id))
    .limit(DRAW_PAGE_SIZE)
    .offset((page - 1) * DRAW_PAGE_SIZE);
  return { rows: rows.map((r) => ({ ...r, items: Number(r.items), done: Number(r.done) })), total: Number(n) };
}

/** Every published draw's id (the sitemap). */
export async function listPublishedDrawIds(db: Queryable): Promise<string[]> {
  const rows = await db.select({ id: spotChecks.id }).from(spotChecks).where(isNotNull(spotChecks.publishedAt)).orderBy(desc(spotChecks.publishedAt));
  return rows.map((r) => r.id);
}

export async function setPublished(tx: Queryable, id: string, version: number, by: string, at: Date) {
  const [row] = await tx
    .update(spotChecks)
    .set({ publishedAt: at, publishedBy: by, version: sql`${spotChecks.version} + 1` })
    .where(and(eq(spotChecks.id, id), eq(spotChecks.version, version), isNull(spotChecks.publishedAt)))
    .returning({ id: spotChecks.id, publishedAt: spotChecks.publishedAt });
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Items and results

export interface ItemRow {
  id: string;
  spotCheckId: string;
  rank: number;
  projectId: string | null;
  companyId: string | null;
  districtId: string | null;
  inspectorIds: string[];
  checkedOn: string | null;
  checkedBy: string[] | null;
  score: string | null;
  findings: string | null;
  resultAt: Date | null;
  version: number;
}

const itemColumns = {
  id: spotCheckItems.id,
  spotCheckId: spotCheckItems.spotCheckId,
  rank: spotCheckItems.rank,
  projectId: spotCheckItems.projectId,
  companyId: spotCheckItems.companyId,
  districtId: spotCheckItems.districtId,
  inspectorIds: sql<string[]>`${spotCheckItems.inspectorIds}`,
  checkedOn: spotCheckItems.checkedOn,
  checkedBy: sql<string[] | null>`${spotCheckItems.checkedBy}`,
  score: spotCheckItems.score,
  findings: spotCheckItems.findings,
  resultAt: spotCheckItems.resultAt,
  version: spotCheckItems.version,
};

/** The items of a draw in the actor's scope (the city all; a district its own), by rank. */
export async function itemsOfDraw(db: Queryable, actor: Actor, drawId: string): Promise<ItemRow[]> {
  return db
    .select(itemColumns)
    .from(spotCheckItems)
    .where(and(eq(spotCheckItems.spotCheckId, drawId), districtScope(actor, spotCheckItems.districtId)))
    .orderBy(asc(spotCheckItems.rank));
}

/** Every item of a published draw (the public page shows only whether each was checked). */
export async function publicItemsOfDraw(db: Queryable, drawId: string): Promise<{ rank: number; done: boolean }[]> {
  const rows = await db
    .select({ rank: spotCheckItems.rank, done: sql<boolean>`${spotCheckItems.score} is not null` })
    .from(spotCheckItems)
    .where(eq(spotCheckItems.spotCheckId, drawId))
    .orderBy(asc(spotCheckItems.rank));
  return rows.map((r) => ({ rank: r.rank, done: !!r.done }));
}

export async function getItemInScope(db: Queryable, actor: Actor, itemId: string) {
  const [row] = await db
    .select({ ...itemColumns, year: spotChecks.year, quarter: spotChecks.quarter, population: spotChecks.population, drawnAt: spotChecks.drawnAt })
    .from(spotCheckItems)
    .innerJoin(spotChecks, eq(spotChecks.id, spotCheckItems.spotCheckId))
    .where(and(eq(spotCheckItems.id, itemId), districtScope(actor, spotCheckItems.districtId)))
    .limit(1);
  return row ?? null;
}

export async function itemExists(db: Queryable, itemId: string): Promise<boolean> {
  const [row] = await db.select({ id: spotCheckItems.id }).from(spotCheckItems).where(eq(spotCheckItems.id, itemId)).limit(1);
  return !!row;
}

export async function setItemResult(
  tx: Queryable,
  itemId: string,
  version: number,
  v: { checkedOn: string; checkedBy: string[]; score: string; findings: string; resultBy: string; resultAt: Date },
) {
  const [row] = await tx
    .update(spotCheckItems)
    .set({ ...v, checkedBy: v.checkedBy as never, version: sql`${spotCheckItems.version} + 1` })
    .where(and(eq(spotCheckItems.id, itemId), eq(spotCheckItems.version, version)))
    .returning({ id: spotCheckItems.id, version: spotCheckItems.version });
  return row ?? null;
}
