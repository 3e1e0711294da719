import 'server-only';
/**
 * What the daily jobs read and write (lib/jobs/daily.ts): the run record, contracts that take over on their start
 * date, list entries past their scheduled date out, and the deadlines that fall due. Every write is conditional
 * on the state it changes, so a second run finds nothing to do.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '@/db';
import { cases, companies, jobRuns, listEntries, projects, serviceContracts, submissions } from '@/db/schema';

// ---------------------------------------------------------------------------------------------------------
// Runs

export type JobClaim = { claimed: true } | { claimed: false; reason: 'done' | 'running' | 'locked' };

/** A run not finished after this long is taken as abandoned (its process died) and may be claimed again. */
export const ABANDONED_AFTER_MS = 2 * 3600_000;

const LOCK_KEY = 7305037;

/**
 * Claims (job, date) for this process. The transaction-level advisory lock serialises claimers on one database
 * (PostgreSQL and PGlite alike); the row is the durable claim: a finished run without error, or one still
 * running, makes the claim fail.
 */
export async function claimJobRun(db: Db, job: string, runDate: string, now: Date, force = false): Promise<JobClaim> {
  return db.transaction(async (tx) => {
    const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}::int, hashtext(${job})) as ok`);
    const row = (Array.isArray(locked) ? locked[0] : (locked as { rows: unknown[] }).rows[0]) as { ok: boolean } | undefined;
    if (!row?.ok) return { claimed: false, reason: 'locked' } as const;
    const [prior] = await tx.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.runDate, runDate))).limit(1);
    if (prior) {
      if (prior.finishedAt && !prior.error && !force) return { claimed: false, reason: 'done' } as const;
      if (!prior.finishedAt && now.getTime() - prior.startedAt.getTime() < ABANDONED_AFTER_MS) return { claimed: false, reason: 'running' } as const;
      await tx
        .update(jobRuns)
        .set({ startedAt: now, finishedAt: null, error: null, counts: {} })
        .where(and(eq(jobRuns.job, job), eq(jobRuns.runDate, runDate)));
      return { claimed: true } as const;
    }
    await tx.insert(jobRuns).values({ job, runDate, startedAt: now });
    return { claimed: true } as const;
  });
}

export async function finishJobRun(db: Queryable, job: string, runDate: string, r: { counts: unknown; error: string | null }) {
  await db
    .update(jobRuns)
    .set({ finishedAt: sql`now()`, counts: r.counts as never, error: r.error })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runDate, runDate)));
}

/** The latest run dates of a job, newest first (the catch-up at start-up, the bureau's view). */
export async function latestJobRuns(db: Queryable, job: string, limit = 10) {
  return db
    .select()
    .from(jobRuns)
    .where(eq(jobRuns.job, job))
    .orderBy(sql`${jobRuns.runDate} desc`)
    .limit(limit);
}

// ---------------------------------------------------------------------------------------------------------
// Contracts

/**
 * Confirmed contracts in force on `today` whose estate is not yet served by their company, or whose estate still
 * has an earlier confirmed contract that ran out before it started: what confirming them today would have done.
 */
export async function contractsToTakeOver(db: Queryable, today: string) {
  const older = sql`exists (select 1 from service_contracts o where o.project_id = ${serviceContracts.projectId}
    and o.status = 'confirmed' and o.id <> ${serviceContracts.id} and o.end_date < ${serviceContracts.startDate})`;
  return db
    .select({
      id: serviceContracts.id,
      projectId: serviceContracts.projectId,
      projectName: projects.name,
      companyId: serviceContracts.companyId,
      startDate: serviceContracts.startDate,
      endDate: serviceContracts.endDate,
      currentCompanyId: projects.currentCompanyId,
    })
    .from(serviceContracts)
    .innerJoin(projects, eq(projects.id, serviceContracts.projectId))
    .where(
      and(
        eq(serviceContracts.status, 'confirmed'),
        lte(serviceContracts.startDate, today),
        gte(serviceContracts.endDate, today),
        or(sql`${projects.currentCompanyId} is distinct from ${serviceContracts.companyId}`, older),
      ),
    )
    .orderBy(serviceContracts.startDate, serviceContracts.id);
}

/** Moves the estate to the contract's company only if it is still served by whom the job saw (a concurrent change wins). */
export async function switchProjectCompany(tx: Queryable, projectId: string, from: string | null, to: string) {
  const rows = await tx
    .update(projects)
    .set({ currentCompanyId: to })
    .where(and(eq(projects.id, projectId), from === null ? isNull(projects.currentCompanyId) : eq(projects.currentCompanyId, from)))
    .returning({ id: projects.id });
  return rows.length > 0;
}

/** Whether the contract is still confirmed (a company exit or a correction in between leaves it alone). */
export async function contractStillConfirmed(tx: Queryable, id: string) {
  const [row] = await tx.select({ id: serviceContracts.id }).from(serviceContracts).where(and(eq(serviceContracts.id, id), eq(serviceContracts.status, 'confirmed'))).limit(1);
  return !!row;
}

// ---------------------------------------------------------------------------------------------------------
// List entries

/**
 * Entries whose stored status still says active but that `listEntryActiveOn` already counts as off on `today`:
 * the scheduled date out passed. A three-差 entry (DW14-three-poor) stays until the inspection decides, and a
 * `rectifying` entry is the inspection's to end.
 */
export async function listEntriesPastDateOut(db: Queryable, today: string) {
  return db
    .select({ id: listEntries.id, until: listEntries.until })
    .from(listEntries)
    .where(
      and(
        eq(listEntries.status, 'active'),
        isNotNull(listEntries.until),
        lte(listEntries.until, today),
        isNull(listEntries.endedOn),
        ne(listEntries.rule, 'DW14-three-poor'),
      ),
    )
    .orderBy(listEntries.until, listEntries.id);
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines

export interface DeadlineRow {
  kind: 'submission_decision' | 'complaint_answer' | 'objection_decision';
  id: string;
  dueOn: string;
  /** For the title: the submission type or the case kind. */
  type: string;
  companyId: string | null;
  districtId: string | null;
  projectName: string | null;
  companyName: string | null;
}

/**
 * Open work whose deadline is on or before `until` (and, for "soon", after `from`):
 * - submissions waiting for a bureau's decision (`decide_by`): the district of the submission (the city if none);
 * - complaints the company has not answered (`due_on`): the company;
 * - objections not yet decided (`due_on`): the district (the city if none).
 */
export async function openDeadlines(db: Queryable, range: { after?: string; until: string }): Promise<DeadlineRow[]> {
  const subRows = await db
    .select({
      id: submissions.id,
      dueOn: submissions.decideBy,
      type: submissions.type,
      companyId: submissions.companyId,
      districtId: submissions.districtId,
      projectName: projects.name,
      companyName: companies.name,
    })
    .from(submissions)
    .leftJoin(projects, eq(projects.id, submissions.projectId))
    .leftJoin(companies, eq(companies.id, submissions.companyId))
    .where(
      and(
        eq(submissions.status, 'submitted'),
        isNotNull(submissions.decideBy),
        lte(submissions.decideBy, range.until),
        range.after ? sql`${submissions.decideBy} > ${range.after}` : undefined,
      ),
    );
  const caseRows = await db
    .select({
      id: cases.id,
      dueOn: cases.dueOn,
      kind: cases.kind,
      status: cases.status,
      companyId: cases.companyId,
      districtId: cases.districtId,
      projectName: projects.name,
      companyName: companies.name,
    })
    .from(cases)
    .leftJoin(projects, eq(projects.id, cases.projectId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .where(
      and(
        or(
          and(eq(cases.kind, 'complaint'), eq(cases.status, 'open'), isNotNull(cases.companyId)),
          and(eq(cases.kind, 'objection'), inArray(cases.status, ['open', 'verifying'])),
        ),
        isNotNull(cases.dueOn),
        lte(cases.dueOn, range.until),
        range.after ? sql`${cases.dueOn} > ${range.after}` : undefined,
      ),
    );
  return [
    ...subRows.map((r) => ({ ...r, kind: 'submission_decision' as const, dueOn: r.dueOn!, type: r.type as string })),
    ...caseRows.map((r) => ({
      kind: r.kind === 'complaint' ? ('complaint_answer' as const) : ('objection_decision' as const),
      id: r.id,
      dueOn: r.dueOn!,
      type: r.kind,
      companyId: r.companyId,
      districtId: r.districtId,
      projectName: r.projectName,
      companyName: r.companyName,
    })),
  ];
}

