import 'server-only';
/** Estates one by one: the district's proposals, the city's confirmation, and edits of the basic fields. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { estateProposals, projects, regions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import type { EstateFields } from '@/lib/validation/estates';

const values = (f: EstateFields) => ({
  name: f.name,
  address: f.address,
  districtId: f.districtId,
  streetId: f.streetId || null,
  communityId: f.communityId || null,
  type: f.type,
  households: f.households,
  floorArea: f.floorArea,
  hasOwnersCommittee: f.hasOwnersCommittee,
});

/** The region ids exist and nest: the street in the district, the community in the street. */
export async function regionsNest(db: Queryable, f: Pick<EstateFields, 'districtId' | 'streetId' | 'communityId'>) {
  const ids = [f.districtId, f.streetId, f.communityId].filter(Boolean);
  const rows = await db.select({ id: regions.id, level: regions.level, parentId: regions.parentId }).from(regions).where(inArray(regions.id, ids));
  const by = new Map(rows.map((r) => [r.id, r]));
  const d = by.get(f.districtId);
  if (d?.level !== 'district') return { field: 'districtId', message: '该区县未在平台登记' } as const;
  if (f.streetId && (by.get(f.streetId)?.level !== 'street' || by.get(f.streetId)?.parentId !== f.districtId)) return { field: 'streetId', message: '该街道乡镇不属于所选区县' } as const;
  if (f.communityId && (!f.streetId || by.get(f.communityId)?.level !== 'community' || by.get(f.communityId)?.parentId !== f.streetId)) {
    return { field: 'communityId', message: '该社区不属于所选街道乡镇' } as const;
  }
  return null;
}

export async function estateNameTaken(db: Queryable, districtId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.districtId, districtId), eq(projects.name, name), exceptId ? sql`${projects.id} <> ${exceptId}` : undefined))
    .limit(1);
  return !!row;
}

export async function insertProject(tx: Queryable, f: EstateFields) {
  const [row] = await tx.insert(projects).values(values(f)).returning({ id: projects.id });
  return row!.id;
}

export async function insertProposal(tx: Queryable, f: EstateFields, proposedBy: string) {
  const [row] = await tx.insert(estateProposals).values({ ...values(f), proposedBy }).returning({ id: estateProposals.id });
  return row!.id;
}

/** The scope of the bureau in the WHERE clause: the city every district, a district its own. */
const inDistrict = (actor: Actor, column: typeof projects.districtId | typeof estateProposals.districtId) =>
  actor.role === 'city' ? undefined : eq(column, actor.districtId ?? '\u0000');

export async function findEstateInScope(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ ...estateColumns, version: projects.version })
    .from(projects)
    .where(and(eq(projects.id, id), inDistrict(actor, projects.districtId)))
    .limit(1);
  return row ?? null;
}

const estateColumns = {
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
};

/** The edit, if the version is still the one the editor saw; null when someone else saved first. */
export async function updateProjectFields(tx: Queryable, id: string, version: number, f: EstateFields) {
  const [row] = await tx
    .update(projects)
    .set({ ...values(f), version: sql`${projects.version} + 1` })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning({ id: projects.id, version: projects.version });
  return row ?? null;
}

export async function findProposalInScope(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(estateProposals)
    .where(and(eq(estateProposals.id, id), inDistrict(actor, estateProposals.districtId)))
    .limit(1);
  return row ?? null;
}

export async function decideProposal(tx: Queryable, id: string, version: number, d: { status: 'confirmed' | 'returned'; decidedBy: string; projectId: string | null; returnReason: string | null }) {
  const [row] = await tx
    .update(estateProposals)
    .set({ ...d, decidedAt: sql`now()`, version: sql`${estateProposals.version} + 1` })
    .where(and(eq(estateProposals.id, id), eq(estateProposals.version, version), eq(estateProposals.status, 'pending')))
    .returning({ id: estateProposals.id });
  return row ?? null;
}

export async function listProposals(db: Queryable, actor: Actor) {
  return db
    .select({
      id: estateProposals.id,
      name: estateProposals.name,
      address: estateProposals.address,
      districtName: regions.name,
      type: estateProposals.type,
      households: estateProposals.households,
      floorArea: estateProposals.floorArea,
      status: estateProposals.status,
      returnReason: estateProposals.returnReason,
      projectId: estateProposals.projectId,
      version: estateProposals.version,
      createdAt: estateProposals.createdAt,
    })
    .from(estateProposals)
    .innerJoin(regions, eq(regions.id, estateProposals.districtId))
    .where(inDistrict(actor, estateProposals.districtId))
    .orderBy(sql`${estateProposals.status} = 'pending' desc`, desc(estateProposals.createdAt))
    .limit(100);
}

/** The districts and, within the scope, the streets and communities an estate form offers. */
export async function listPlaces(db: Queryable, districtId: string | null) {
  const rows = await db
    .select({ id: regions.id, name: regions.name, level: regions.level, parentId: regions.parentId })
    .from(regions)
    .orderBy(regions.id);
  const by = new Map(rows.map((r) => [r.id, r]));
  const inScope = (id: string) => !districtId || id.startsWith(districtId);
  return {
    districts: rows.filter((r) => r.level === 'district' && inScope(r.id)).map((r) => ({ id: r.id, name: r.name })),
    streets: rows.filter((r) => r.level === 'street' && inScope(r.id)).map((r) => ({ id: r.id, label: `${by.get(r.parentId ?? '')?.name ?? ''} · ${r.name}` })),
    communities: rows.filter((r) => r.level === 'community' && inScope(r.id)).map((r) => ({ id: r.id, label: `${by.get(r.parentId ?? '')?.name ?? ''} · ${r.name}` })),
  };
}

/** Estates in the bureau's scope whose name contains `q`, for the edit links (30 at most). */
export async function searchEstatesInScope(db: Queryable, actor: Actor, q: string) {
  return db
    .select({ id: projects.id, name: projects.name, address: projects.address, districtName: regions.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .where(and(inDistrict(actor, projects.districtId), q ? sql`${projects.name} ilike ${'%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}` : undefined))
    .orderBy(projects.name)
    .limit(30);
}

export async function estateExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).limit(1);
  return !!row;
}
