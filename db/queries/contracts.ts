import 'server-only';
/**
 * Service contracts (ZJ 7, ZJ 9; SPEC §3.2). Scope is in every WHERE: a company sees its own contracts, a
 * district the contracts of estates in its district, the city all. Decisions use optimistic locking on
 * service_contracts.version.
 */
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, projects, regions, serviceContracts, submissions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { companyScope, districtScope } from './scope';
import { likePattern } from './search';

export type ContractRow = typeof serviceContracts.$inferSelect;
export type ContractStatus = ContractRow['status'];

/** Whether the company may take a project (ZJ 7: filing approved; DW 14: not under a market ban). */
export async function getCompanyStanding(db: Queryable, companyId: string) {
  const [row] = await db
    .select({ id: companies.id, name: companies.name, filingStatus: companies.filingStatus, bannedUntil: companies.bannedUntil })
    .from(companies)
    .where(eq(companies.id, companyId))
    .limit(1);
  return row ?? null;
}

export async function getProjectBasic(db: Queryable, projectId: string) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId, currentCompanyId: projects.currentCompanyId })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  return row ?? null;
}

/** The contracts of an estate that still count: pending or in force. */
export async function listLiveContractsOfProject(db: Queryable, projectId: string) {
  return db
    .select({
      id: serviceContracts.id,
      companyId: serviceContracts.companyId,
      startDate: serviceContracts.startDate,
      endDate: serviceContracts.endDate,
      status: serviceContracts.status,
    })
    .from(serviceContracts)
    .where(and(eq(serviceContracts.projectId, projectId), inArray(serviceContracts.status, ['pending', 'confirmed'])));
}

export interface NewContract {
  projectId: string;
  companyId: string;
  startDate: string;
  endDate: string;
  annualFees: number;
  bondAmount: number;
}

export async function insertContract(tx: Queryable, c: NewContract): Promise<ContractRow> {
  const [row] = await tx
    .insert(serviceContracts)
    .values({ ...c, annualFees: c.annualFees.toFixed(2), bondAmount: c.bondAmount.toFixed(2), status: 'pending' })
    .returning();
  return row!;
}

/** A contract of the actor's own company (company operators only). */
export async function findContractOfCompany(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(serviceContracts)
    .where(and(eq(serviceContracts.id, id), companyScope(actor, serviceContracts.companyId)))
    .limit(1);
  return row ?? null;
}

/** A contract of an estate in the reviewer's district (city: any). */
export async function findContractForBureau(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ contract: serviceContracts, districtId: projects.districtId })
    .from(serviceContracts)
    .innerJoin(projects, eq(projects.id, serviceContracts.projectId))
    .where(and(eq(serviceContracts.id, id), districtScope(actor, projects.districtId)))
    .limit(1);
  return row ? { ...row.contract, districtId: row.districtId } : null;
}

export async function contractExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: serviceContracts.id }).from(serviceContracts).where(eq(serviceContracts.id, id)).limit(1);
  return !!row;
}

/**
 * Changes a contract still at `expectedVersion` and in `expectedStatus`; bumps the version. Null when someone
 * else changed it first.
 */
export async function updateContractLocked(
  tx: Queryable,
  id: string,
  expectedVersion: number,
  expectedStatus: ContractStatus,
  set: Partial<Pick<ContractRow, 'status' | 'nonRenewalNoticeOn' | 'exitedOn' | 'exitReason' | 'handoverDone'>> & { confirmed?: boolean },
): Promise<ContractRow | null> {
  const { confirmed, ...rest } = set;
  const [row] = await tx
    .update(serviceContracts)
    .set({ ...rest, ...(confirmed ? { confirmedAt: sql`now()` } : {}), version: sql`${serviceContracts.version} + 1` })
    .where(and(eq(serviceContracts.id, id), eq(serviceContracts.version, expectedVersion), eq(serviceContracts.status, expectedStatus)))
    .returning();
  return row ?? null;
}

/** Confirmed contracts of the estate that ended before `before`: their status becomes 'ended'. */
export async function endExpiredContracts(tx: Queryable, projectId: string, before: string, exceptId: string) {
  return tx
    .update(serviceContracts)
    .set({ status: 'ended', version: sql`${serviceContracts.version} + 1` })
    .where(
      and(
        eq(serviceContracts.projectId, projectId),
        eq(serviceContracts.status, 'confirmed'),
        ne(serviceContracts.id, exceptId),
        sql`${serviceContracts.endDate} < ${before}`,
      ),
    )
    .returning({ id: serviceContracts.id, companyId: serviceContracts.companyId, endDate: serviceContracts.endDate });
}

export async function setProjectCompany(tx: Queryable, projectId: string, companyId: string | null) {
  await tx.update(projects).set({ currentCompanyId: companyId }).where(eq(projects.id, projectId));
}

/** The registration is also a submission, so that it shows in the bureau's pending work and keeps the reason. */
export async function closeContractSubmission(
  tx: Queryable,
  contractId: string,
  input: { decision: 'approved' | 'rejected'; reason: string; decidedBy: string },
) {
  await tx
    .update(submissions)
    .set({
      status: input.decision,
      reason: input.reason || null,
      decidedBy: input.decidedBy,
      decidedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${submissions.version} + 1`,
    })
    .where(
      and(
        eq(submissions.type, 'contract'),
        eq(submissions.subjectType, 'service_contract'),
        eq(submissions.subjectId, contractId),
        eq(submissions.status, 'submitted'),
      ),
    );
}

// ---------------------------------------------------------------------------------------------------------
// Lists

/** Whether the same company holds a later confirmed contract for the same estate (SQL, on alias `c`). */
const renewedSql = (c: string) =>
  sql.raw(
    `exists (select 1 from service_contracts r where r.project_id = ${c}.project_id and r.company_id = ${c}.company_id ` +
      `and r.start_date > ${c}.start_date and r.status in ('confirmed', 'ended'))`,
  );

const boardUpdatedSql = sql<string | null>`(select b.data->>'updatedOn' from disclosure_boards b where b.project_id = "projects"."id" order by b.version desc limit 1)`;

export interface CompanyContractItem {
  id: string;
  version: number;
  projectId: string;
  projectName: string;
  districtName: string;
  isCurrentCompany: boolean;
  startDate: string;
  endDate: string;
  annualFees: string;
  bondAmount: string;
  status: ContractStatus;
  nonRenewalNoticeOn: string | null;
  exitedOn: string | null;
  exitReason: string | null;
  handoverDone: boolean | null;
  renewed: boolean;
  rejectReason: string | null;
  boardUpdatedOn: string | null;
}

/** A contract's id and version with its estate and the estate's district (join projects and regions). */
const contractEstateColumns = {
  id: serviceContracts.id,
  version: serviceContracts.version,
  projectId: projects.id,
  projectName: projects.name,
  districtName: regions.name,
};

/** Every contract of the actor's company, newest first within each estate. */
export async function listCompanyContracts(db: Queryable, actor: Actor): Promise<CompanyContractItem[]> {
  const rows = await db
    .select({
      ...contractEstateColumns,
      currentCompanyId: projects.currentCompanyId,
      startDate: serviceContracts.startDate,
      endDate: serviceContracts.endDate,
      annualFees: serviceContracts.annualFees,
      bondAmount: serviceContracts.bondAmount,
      status: serviceContracts.status,
      nonRenewalNoticeOn: serviceContracts.nonRenewalNoticeOn,
      exitedOn: serviceContracts.exitedOn,
      exitReason: serviceContracts.exitReason,
      handoverDone: serviceContracts.handoverDone,
      renewed: sql<boolean>`${renewedSql('"service_contracts"')}`,
      rejectReason: sql<string | null>`(select s.reason from submissions s where s.subject_type = 'service_contract' and s.subject_id = "service_contracts"."id" and s.status = 'rejected' order by s.decided_at desc limit 1)`,
      boardUpdatedOn: boardUpdatedSql,
    })
    .from(serviceContracts)
    .innerJoin(projects, eq(projects.id, serviceContracts.projectId))
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .where(companyScope(actor, serviceContracts.companyId))
    .orderBy(asc(projects.name), desc(serviceContracts.startDate));
  return rows.map(({ currentCompanyId, ...r }) => ({ ...r, renewed: !!r.renewed, isCurrentCompany: currentCompanyId === actor.companyId }));
}

/** Estates a company may register a contract for: all estates of the city, by district. */
export async function listProjectsForRegistration(db: Queryable) {
  return db
    .select({ id: projects.id, name: projects.name, districtName: regions.name, currentCompanyId: projects.currentCompanyId })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.districtId))
    .orderBy(asc(regions.sortOrder), asc(projects.name));
}

export const REVIEW_PAGE_SIZE = 30;

export interface ReviewFilter {
  status?: ContractStatus;
  districtId?: string;
  page: number;
}

/** The confirmation queue: contracts of estates in scope, filtered by status (default pending). */
export async function listContractsForReview(db: Queryable, actor: Actor, f: ReviewFilter) {
  const where = and(
    districtScope(actor, projects.districtId),
    eq(serviceContracts.status, f.status ?? 'pending'),
    f.districtId ? eq(projects.districtId, f.districtId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...contractEstateColumns,
        companyName: companies.name,
        companyFilingStatus: companies.filingStatus,
        currentCompanyName: sql<string | null>`(select cc.name from companies cc where cc.id = "projects"."current_company_id")`,
        startDate: serviceContracts.startDate,
        endDate: serviceContracts.endDate,
        annualFees: serviceContracts.annualFees,
        bondAmount: serviceContracts.bondAmount,
        status: serviceContracts.status,
        createdAt: serviceContracts.createdAt,
        confirmedAt: serviceContracts.confirmedAt,
      })
      .from(serviceContracts)
      .innerJoin(projects, eq(projects.id, serviceContracts.projectId))
      .innerJoin(regions, eq(regions.id, projects.districtId))
      .innerJoin(companies, eq(companies.id, serviceContracts.companyId))
      .where(where)
      .orderBy(asc(serviceContracts.createdAt), asc(serviceContracts.id))
      .limit(REVIEW_PAGE_SIZE)
      .offset((f.page - 1) * REVIEW_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(serviceContracts)
      .innerJoin(projects, eq(projects.id, serviceContracts.projectId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Districts the actor may filter by. */
export async function listDistrictsInScope(db: Queryable, actor: Actor) {
  return db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(and(eq(regions.level, 'district'), districtScope(actor, regions.id)))
    .orderBy(asc(regions.sortOrder), asc(regions.id));
}

// ---------------------------------------------------------------------------------------------------------
// Estates overview for the bureau (item 5)

export const PROJECTS_PAGE_SIZE = 30;
export const PROJECT_FLAGS = ['stale_board', 'ended_without_notice', 'missing_notice', 'late_notice'] as const;
export type ProjectFlag = (typeof PROJECT_FLAGS)[number];

export interface OversightFilter {
  districtId?: string;
  flag?: ProjectFlag;
  q?: string;
  page: number;
  today: string;
  noticeDays: number;
  staleBefore: string;
}

/**
 * Estates in scope with their current contract (the confirmed one in force today, else the latest), the
 * board's last update, and the flags of SPEC §3.2 and §3.9, computed in SQL so that they can be filtered.
 * The same rules in lib/domain/contracts.ts decide what the page shows; a test keeps the two in step.
 */
export async function listProjectsForOversight(db: Queryable, actor: Actor, f: OversightFilter) {
  const currentContract = sql`${serviceContracts.id} = (select sc.id from service_contracts sc where sc.project_id = "projects"."id" and sc.status in ('confirmed', 'ended', 'terminated') order by (sc.start_date <= ${f.today}) desc, sc.start_date desc limit 1)`;
  const noNoticeNotRenewed = sql`${serviceContracts.status} in ('confirmed', 'ended') and ${serviceContracts.nonRenewalNoticeOn} is null and not ${renewedSql('"service_contracts"')}`;
  const flagSql: Record<ProjectFlag, SQL> = {
    stale_board: sql`coalesce(${boardUpdatedSql}, '0000-00-00') < ${f.staleBefore}`,
    ended_without_notice: sql`${noNoticeNotRenewed} and ${serviceContracts.endDate} < ${f.today}`,
    missing_notice: sql`${noNoticeNotRenewed} and ${serviceContracts.endDate} >= ${f.today} and ${serviceContracts.endDate} - ${f.noticeDays}::int < ${f.today}::date`,
    late_notice: sql`${serviceContracts.status} in ('confirmed', 'ended') and ${serviceContracts.nonRenewalNoticeOn} > ${serviceContracts.endDate} - ${f.noticeDays}::int`,
  };
  const where = and(
    districtScope(actor, projects.districtId),
    f.districtId ? eq(projects.districtId, f.districtId) : undefined,
    f.q ? sql`${projects.name} like ${likePattern(f.q)}` : undefined,
    f.flag ? flagSql[f.flag] : undefined,
  );
  const base = () =>
    db
      .select({ n: count() })
      .from(projects)
      .leftJoin(serviceContracts, currentContract)
      .where(where);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: projects.id,
        name: projects.name,
        districtName: regions.name,
        companyName: companies.name,
        contractId: serviceContracts.id,
        contractCompanyId: serviceContracts.companyId,
        currentCompanyId: projects.currentCompanyId,
        startDate: serviceContracts.startDate,
        endDate: serviceContracts.endDate,
        status: serviceContracts.status,
        nonRenewalNoticeOn: serviceContracts.nonRenewalNoticeOn,
        renewed: sql<boolean>`coalesce(${renewedSql('"service_contracts"')}, false)`,
        boardUpdatedOn: boardUpdatedSql,
        pendingContracts: sql<number>`(select count(*)::int from service_contracts pc where pc.project_id = "projects"."id" and pc.status = 'pending')`,
      })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.districtId))
      .leftJoin(companies, eq(companies.id, projects.currentCompanyId))
      .leftJoin(serviceContracts, currentContract)
      .where(where)
      .orderBy(asc(regions.sortOrder), asc(projects.name), asc(projects.id))
      .limit(PROJECTS_PAGE_SIZE)
      .offset((f.page - 1) * PROJECTS_PAGE_SIZE),
    base(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, renewed: !!r.renewed, pendingContracts: Number(r.pendingContracts) })),
    total: total?.n ?? 0,
  };
}
