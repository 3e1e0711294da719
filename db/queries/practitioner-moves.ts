import 'server-only';
/**
 * Post change, transfer, exit and re-entry (SN 15–17): the rows each step reads and writes. Every write takes a
 * transaction; `lockPractitioner` serialises the steps on one person so that two requests cannot both open.
 */
import { and, desc, eq, inArray, not, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { certificates, companies, employments, practitioners, projects, regions, submissions } from '@/db/schema';
import { changeableColumns } from './person-columns';
import type { Actor } from '@/lib/auth/policy';
import type { ReceiveUpdate } from '@/lib/validation/practitioner-moves';
import { submissionScope, type SubmissionRow } from './submissions';

/** Submission types that change a person's registry standing; at most one is open per person. */
export const PERSON_SUBMISSION_TYPES = ['practitioner_entry', 'practitioner_update', 'post_change', 'transfer', 'exit', 're_entry'] as const;
const OPEN = ['draft', 'submitted', 'returned'] as const;

/** Takes the person's row lock for the rest of the transaction. */
export async function lockPractitioner(tx: Queryable, practitionerId: string) {
  const [row] = await tx
    .select({ id: practitioners.id, status: practitioners.status })
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId))
    .for('update');
  return row ?? null;
}

export async function findOpenPersonSubmission(db: Queryable, practitionerId: string) {
  const [row] = await db
    .select({ id: submissions.id, type: submissions.type, status: submissions.status, companyId: submissions.companyId })
    .from(submissions)
    .where(
      and(
        eq(submissions.subjectType, 'practitioner'),
        eq(submissions.subjectId, practitionerId),
        inArray(submissions.type, [...PERSON_SUBMISSION_TYPES]),
        inArray(submissions.status, [...OPEN]),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface CurrentJob {
  practitionerId: string;
  name: string;
  idNumberMasked: string;
  practitionerStatus: string;
  employmentId: string;
  companyId: string;
  companyName: string;
  projectId: string | null;
  projectName: string | null;
  districtId: string | null;
  post: string;
  startDate: string;
}

const currentJobColumns = {
  practitionerId: practitioners.id,
  name: practitioners.name,
  idNumberMasked: practitioners.idNumberMasked,
  practitionerStatus: practitioners.status,
  employmentId: employments.id,
  companyId: employments.companyId,
  companyName: companies.name,
  projectId: employments.projectId,
  projectName: projects.name,
  districtId: projects.districtId,
  post: employments.post,
  startDate: employments.startDate,
};

/** The person's current employment, if any. */
export async function getCurrentJob(db: Queryable, practitionerId: string): Promise<CurrentJob | null> {
  const [row] = await db
    .select(currentJobColumns)
    .from(employments)
    .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
    .innerJoin(companies, eq(companies.id, employments.companyId))
    .leftJoin(projects, eq(projects.id, employments.projectId))
    .where(and(eq(employments.practitionerId, practitionerId), eq(employments.status, 'current')))
    .limit(1);
  return row ?? null;
}

/** One of the company's estates (it serves it now), with its district. */
export async function getCompanyProject(db: Queryable, companyId: string, projectId: string) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, districtId: projects.districtId })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.currentCompanyId, companyId)))
    .limit(1);
  return row ?? null;
}

export async function endEmployment(tx: Queryable, employmentId: string, endDate: string, endReason: string) {
  const [row] = await tx
    .update(employments)
    .set({ status: 'ended', endDate, endReason })
    .where(and(eq(employments.id, employmentId), eq(employments.status, 'current')))
    .returning({ id: employments.id });
  return !!row;
}

export async function insertEmployment(
  tx: Queryable,
  e: { practitionerId: string; companyId: string; projectId: string; post: string; startDate: string; status: 'pending' | 'current' },
) {
  const [row] = await tx
    .insert(employments)
    .values({ ...e, post: e.post as never })
    .returning({ id: employments.id });
  return row!.id;
}

/** The fields a receiving company brings up to date, before and after (for the audit row). */
export async function applyReceiveUpdate(
  tx: Queryable,
  practitionerId: string,
  u: ReceiveUpdate & { hiredOn: string; labourContractOn: string },
) {
  const [before] = await tx
    .select({
      ...changeableColumns,
      hiredOn: practitioners.hiredOn,
      labourContractOn: practitioners.labourContractOn,
    })
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId));
  await tx
    .update(practitioners)
    .set({
      politicalStatus: u.politicalStatus,
      mobile: u.mobile,
      school: u.school,
      major: u.major,
      education: u.education,
      skills: u.skills,
      hiredOn: u.hiredOn,
      labourContractOn: u.labourContractOn,
      updatedAt: sql`now()`,
      version: sql`${practitioners.version} + 1`,
    })
    .where(eq(practitioners.id, practitionerId));
  await tx.delete(certificates).where(eq(certificates.practitionerId, practitionerId));
  if (u.certificates.length) await tx.insert(certificates).values(u.certificates.map((c) => ({ ...c, practitionerId })));
  return before ?? null;
}

/** The current answers of a draft submission: its payload, updated only if nobody changed it meanwhile. */
export async function updateOpenSubmission(
  tx: Queryable,
  input: {
    id: string;
    expectedVersion: number;
    fromStatus: SubmissionRow['status'][];
    set: Partial<Pick<SubmissionRow, 'status' | 'districtId' | 'projectId' | 'payload' | 'dueOn' | 'reason'>> & { submitted?: boolean; decidedBy?: string };
  },
) {
  const { submitted, decidedBy, ...set } = input.set;
  const [row] = await tx
    .update(submissions)
    .set({
      ...set,
      payload: set.payload as never,
      ...(submitted ? { submittedAt: sql`now()` } : {}),
      ...(decidedBy ? { decidedBy, decidedAt: sql`now()` } : {}),
      updatedAt: sql`now()`,
      version: sql`${submissions.version} + 1`,
    })
    .where(and(eq(submissions.id, input.id), eq(submissions.version, input.expectedVersion), inArray(submissions.status, input.fromStatus)))
    .returning();
  return row ?? null;
}

/** A transfer request the actor may answer as the old company (SN 16). */
export async function findTransferForConsent(db: Queryable, companyId: string, id: string) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, id), eq(submissions.type, 'transfer'), sql`${submissions.payload}->>'fromCompanyId' = ${companyId}`))
    .limit(1);
  return row ?? null;
}

/** A move in the actor's scope: the filing company, the old company of a transfer, or the bureau. */
export async function findMoveInScope(db: Queryable, actor: Actor, id: string) {
  const scope =
    actor.role === 'company' && actor.companyId
      ? or(submissionScope(actor), sql`(${submissions.type} = 'transfer' and ${submissions.payload}->>'fromCompanyId' = ${actor.companyId})`)
      : actor.role === 'district' && actor.districtId
        ? or(submissionScope(actor), sql`(${submissions.type} = 'transfer' and ${submissions.payload}->>'fromDistrictId' = ${actor.districtId})`)
        : submissionScope(actor);
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, id), inArray(submissions.type, ['post_change', 'transfer', 'exit', 're_entry']), scope))
    .limit(1);
  return row ?? null;
}

export interface MoveListItem {
  id: string;
  type: SubmissionRow['type'];
  status: SubmissionRow['status'];
  version: number;
  practitionerId: string | null;
  name: string | null;
  idNumberMasked: string | null;
  companyName: string | null;
  payload: Record<string, unknown>;
  submittedAt: Date | null;
  createdAt: Date;
  reason: string | null;
}

/**
 * `awaitingConsentOnly`: transfers waiting for an old company's answer. For a company, `view` narrows its moves to
 * `incoming` (transfers of its people that it must answer) or `filed` (everything else it sees: what it filed).
 */
type MoveListOpts = { limit?: number; offset?: number; awaitingConsentOnly?: boolean; view?: 'incoming' | 'filed' };

/** Which moves an actor sees (see listMoves), as one condition for the list and its count. */
function movesWhere(actor: Actor, opts: MoveListOpts) {
  const scope =
    actor.role === 'company' && actor.companyId
      ? or(eq(submissions.companyId, actor.companyId), sql`${submissions.payload}->>'fromCompanyId' = ${actor.companyId}`)
      : actor.role === 'district' && actor.districtId
        ? sql`${submissions.payload}->>'fromDistrictId' = ${actor.districtId}`
        : actor.role === 'city'
          ? sql`true`
          : sql`false`;
  const awaitingConsent = and(eq(submissions.type, 'transfer'), eq(submissions.status, 'draft'), sql`${submissions.payload}->>'stage' = 'consent'`);
  const fromActor = sql`coalesce(${submissions.payload}->>'fromCompanyId', '') = ${actor.companyId ?? ''}`;
  return and(
    inArray(submissions.type, ['post_change', 'transfer', 'exit', 're_entry']),
    scope,
    opts.awaitingConsentOnly ? awaitingConsent : undefined,
    opts.view === 'incoming' ? and(awaitingConsent, fromActor) : opts.view === 'filed' ? not(and(eq(submissions.type, 'transfer'), fromActor)!) : undefined,
  );
}

/** The most rows one call returns: a page, or an export up to its cap (lib/services/list-export.ts). */
const MOVES_MAX_LIMIT = 50_001;

/**
 * Moves the company filed, and transfer requests about its people (SN 16) — newest first, capped.
 * For the bureau: transfers waiting for an old company's consent in its district (so it can step in).
 */
export async function listMoves(db: Queryable, actor: Actor, opts: MoveListOpts = {}): Promise<MoveListItem[]> {
  const rows = await db
    .select({
      id: submissions.id,
      type: submissions.type,
      status: submissions.status,
      version: submissions.version,
      practitionerId: submissions.subjectId,
      name: practitioners.name,
      idNumberMasked: practitioners.idNumberMasked,
      companyName: companies.name,
      payload: submissions.payload,
      submittedAt: submissions.submittedAt,
      createdAt: submissions.createdAt,
      reason: submissions.reason,
    })
    .from(submissions)
    .leftJoin(practitioners, eq(practitioners.id, submissions.subjectId))
    .leftJoin(companies, eq(companies.id, submissions.companyId))
    .where(movesWhere(actor, opts))
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(Math.min(opts.limit ?? 100, MOVES_MAX_LIMIT))
    .offset(opts.offset ?? 0);
  return rows.map((r) => ({ ...r, payload: (r.payload ?? {}) as Record<string, unknown> }));
}

/** The true number of moves listMoves would page through with these options. */
export async function countMoves(db: Queryable, actor: Actor, opts: Omit<MoveListOpts, 'limit' | 'offset'> = {}): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(submissions).where(movesWhere(actor, opts));
  return Number(row?.n ?? 0);
}

/** Names for ids in payloads (estates, companies), for showing a move. */
export async function projectNames(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function districtName(db: Queryable, id: string | null) {
  if (!id) return null;
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, id)).limit(1);
  return row?.name ?? null;
}

/** The data the receiving company brings up to date, once the person is released to it (or re-enters with it). */
export async function getPersonForUpdate(db: Queryable, practitionerId: string) {
  const [p] = await db
    .select(changeableColumns)
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId))
    .limit(1);
  if (!p) return null;
  const certs = await db
    .select({ name: certificates.name, number: certificates.number, issuer: certificates.issuer, validUntil: certificates.validUntil })
    .from(certificates)
    .where(eq(certificates.practitionerId, practitionerId));
  return { ...p, certificates: certs };
}

/** Names of the companies named in payloads. */
export async function companyNames(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
