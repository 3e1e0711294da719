import 'server-only';
/**
 * Disclosure boards (SPEC §3.9). Every save inserts a new version; (project_id, version) is unique, so two
 * saves from the same base cannot both land.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, disclosureBoards, projects, regions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import type { StoredBoardData } from '@/lib/validation/board';
import { companyScope } from './scope';

/** An estate the actor's company currently serves (the only company that may edit its board). */
export async function findServedProject(db: Queryable, actor: Actor, projectId: string) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId, districtName: regions.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .where(and(eq(projects.id, projectId), companyScope(actor, projects.currentCompanyId)))
    .limit(1);
  return row ?? null;
}

export async function projectExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).limit(1);
  return !!row;
}

export interface BoardVersion {
  version: number;
  data: StoredBoardData;
  companyName: string;
  createdAt: Date;
}

export async function getLatestBoard(db: Queryable, projectId: string): Promise<BoardVersion | null> {
  const [row] = await db
    .select({ version: disclosureBoards.version, data: disclosureBoards.data, companyName: companies.name, createdAt: disclosureBoards.createdAt })
    .from(disclosureBoards)
    .innerJoin(companies, eq(companies.id, disclosureBoards.companyId))
    .where(eq(disclosureBoards.projectId, projectId))
    .orderBy(desc(disclosureBoards.version))
    .limit(1);
  return row ? { ...row, data: row.data as StoredBoardData } : null;
}

/** Every version, newest first (the history view). */
export async function listBoardVersions(db: Queryable, projectId: string): Promise<BoardVersion[]> {
  const rows = await db
    .select({ version: disclosureBoards.version, data: disclosureBoards.data, companyName: companies.name, createdAt: disclosureBoards.createdAt })
    .from(disclosureBoards)
    .innerJoin(companies, eq(companies.id, disclosureBoards.companyId))
    .where(eq(disclosureBoards.projectId, projectId))
    .orderBy(desc(disclosureBoards.version))
    .limit(200);
  return rows.map((r) => ({ ...r, data: r.data as StoredBoardData }));
}

export async function insertBoardVersion(tx: Queryable, b: { projectId: string; companyId: string; version: number; data: StoredBoardData }) {
  const [row] = await tx
    .insert(disclosureBoards)
    .values({ projectId: b.projectId, companyId: b.companyId, version: b.version, data: b.data as never })
    .returning({ id: disclosureBoards.id, version: disclosureBoards.version });
  return row!;
}
