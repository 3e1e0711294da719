import 'server-only';
/** The city's regions and estates as the first-day imports see and write them (lib/services/city-setup.ts). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { projects, regions } from '@/db/schema';
import type { EstateValues, ExistingEstate, ExistingRegion, RegionLevel } from '@/lib/domain/city-setup';

export interface RegionNode extends ExistingRegion {
  sortOrder: number;
}

export async function listAllRegions(db: Queryable): Promise<RegionNode[]> {
  return db
    .select({ id: regions.id, name: regions.name, level: regions.level, parentId: regions.parentId, sortOrder: regions.sortOrder })
    .from(regions)
    .orderBy(asc(regions.sortOrder), asc(regions.id));
}

const LEVEL_ORDER: Record<RegionLevel, number> = { city: 0, district: 1, street: 2, community: 3 };

/** New regions (parents first, numbered after their recorded siblings) and new names; returns the counts. */
export async function writeRegions(tx: Queryable, rows: readonly { code: string; name: string; level: RegionLevel; parentId: string | null; outcome: string }[]) {
  const sorted = [...rows].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  let inserted = 0;
  let renamed = 0;
  for (const r of sorted) {
    if (r.outcome === 'insert') {
      const [{ next }] = await tx
        .select({ next: sql<number>`coalesce(max(${regions.sortOrder}), 0) + 1` })
        .from(regions)
        .where(r.parentId ? eq(regions.parentId, r.parentId) : sql`${regions.parentId} is null`);
      await tx.insert(regions).values({ id: r.code, name: r.name, level: r.level, parentId: r.parentId, sortOrder: Number(next) });
      inserted++;
    } else if (r.outcome === 'rename') {
      await tx.update(regions).set({ name: r.name }).where(eq(regions.id, r.code));
      renamed++;
    }
  }
  return { inserted, renamed };
}

export async function listEstatesForImport(db: Queryable): Promise<ExistingEstate[]> {
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      address: projects.address,
      districtId: projects.districtId,
      streetId: projects.streetId,
      communityId: projects.communityId,
      type: projects.type,
      households: projects.households,
      floorArea: projects.floorArea,
      hasOwnersCommittee: projects.hasOwnersCommittee,
    })
    .from(projects);
  return rows;
}

export async function insertEstate(tx: Queryable, v: EstateValues) {
  const [row] = await tx.insert(projects).values(v).returning({ id: projects.id });
  return row!.id;
}

export async function updateEstate(tx: Queryable, id: string, v: EstateValues) {
  await tx.update(projects).set(v).where(and(eq(projects.id, id), eq(projects.districtId, v.districtId)));
}

export async function countRegionsAndEstates(db: Queryable) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  const [p] = await db.select({ n: sql<number>`count(*)::int` }).from(projects);
  return { regions: Number(r?.n ?? 0), estates: Number(p?.n ?? 0) };
}
