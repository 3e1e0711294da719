import 'server-only';
/**
 * Company credit records (DW 4, 8; SPEC §3.7): who sees which record, the bureau's queues, the company's file,
 * the street office's reports, and the writes of the confirmation workflow (optimistic lock on `version`).
 *
 * Scope of a record: the city all; a district the records of companies registered in it and of estates in it;
 * a company its own; a street office or community the reports it filed. Out of scope looks exactly like missing.
 */
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';
import { attachments, companies, creditRecords, documents, notices, organisations, projects, regions, submissions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import type { CreditRecordFacts, Severity } from '@/lib/domain/records';
import { creditRecordCounts, creditRecordIsPublic, recordsUnderObjection } from './record-flags';
import { likePattern } from './search';
import { greenChannelSql } from './company-filing';

// The estates and companies a record may name, and credit repair, live in modules of their own; re-exported so
// that callers keep one entry point for credit records.
export * from './credit-record-targets';
export * from './credit-repairs';

export type CreditRecordRowDb = typeof creditRecords.$inferSelect;
export type CreditCategory = CreditRecordRowDb['category'];
export type CreditStatus = CreditRecordRowDb['status'];

/** The actor's records, as a WHERE fragment on `credit_records` (written out so it holds in any join). */
export function creditRecordScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'city':
      return sql`true`;
    case 'district':
      return actor.districtId
        ? sql`(exists (select 1 from companies sc where sc.id = credit_records.company_id and sc.district_id = ${actor.districtId})
            or exists (select 1 from projects sp where sp.id = credit_records.project_id and sp.district_id = ${actor.districtId}))`
        : sql`false`;
    case 'company':
      return actor.companyId ? sql`credit_records.company_id = ${actor.companyId}` : sql`false`;
    case 'street':
    case 'department':
      // A street office or a department sees the reports it filed itself, nothing else (DW 8.1.2, 8.1.4).
      return actor.organisationId ? sql`credit_records.reported_by = ${actor.organisationId}` : sql`false`;
    default:
      return sql`false`;
  }
}

/** The bureau's lists: the record scope of a district or the city, nothing for any other role. */
function bureauScope(actor: Actor): SQL {
  return actor.role === 'city' || actor.role === 'district' ? creditRecordScope(actor) : sql`false`;
}

/** CQ 三.(五): the record's company is on the green channel on `on` (its reports go first in the queue). */
const greenChannelOf = (on: string) => greenChannelSql(creditRecords.companyId, on);

const estateDistrict = alias(regions, 'estate_district');
const companyDistrict = alias(regions, 'company_district');

export interface CreditRecordView extends CreditRecordFacts {
  id: string;
  companyId: string;
  companyName: string;
  uscc: string;
  projectId: string | null;
  projectName: string | null;
  /** The estate's district, or the company's when no estate is named. */
  districtId: string | null;
  districtName: string | null;
  type: string;
  occurredOn: string;
  description: string;
  issuer: string | null;
  proposedPoints: string | null;
  points: string | null;
  isPenalty: boolean;
  decisionOn: string | null;
  repairedOn: string | null;
  statement: string | null;
  corrections: unknown;
  noticeCode: string | null;
  version: number;
  reportedBy: string | null;
  reporterName: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  policyVersion: number | null;
  /** CQ 三.(五): only filled in by the queue. */
  greenChannel: boolean;
}

/** `on`: the date at which the green-channel flag is read (queues); otherwise it is false. */
function selectRecords(db: Queryable, on?: string) {
  return db
    .select({
      greenChannel: on ? greenChannelOf(on) : sql<boolean>`false`,
      id: creditRecords.id,
      companyId: creditRecords.companyId,
      companyName: companies.name,
      uscc: companies.uscc,
      projectId: creditRecords.projectId,
      projectName: projects.name,
      districtId: sql<string | null>`coalesce(${projects.districtId}, ${companies.districtId})`,
      districtName: sql<string | null>`coalesce(${estateDistrict.name}, ${companyDistrict.name})`,
      category: creditRecords.category,
      type: creditRecords.type,
      occurredOn: creditRecords.occurredOn,
      description: creditRecords.description,
      issuer: creditRecords.issuer,
      proposedPoints: creditRecords.proposedPoints,
      points: creditRecords.points,
      severity: creditRecords.severity,
      isPenalty: creditRecords.isPenalty,
      decisionOn: creditRecords.decisionOn,
      status: creditRecords.status,
      publishedOn: creditRecords.publishedOn,
      minPublicUntil: creditRecords.minPublicUntil,
      publicUntil: creditRecords.publicUntil,
      repairedOn: creditRecords.repairedOn,
      statement: creditRecords.statement,
      corrections: creditRecords.corrections,
      noticeCode: creditRecords.noticeCode,
      version: creditRecords.version,
      reportedBy: creditRecords.reportedBy,
      reporterName: organisations.name,
      decisionReason: creditRecords.decisionReason,
      decidedAt: creditRecords.decidedAt,
      createdAt: creditRecords.createdAt,
      policyVersion: creditRecords.policyVersion,
    })
    .from(creditRecords)
    .innerJoin(companies, eq(companies.id, creditRecords.companyId))
    .leftJoin(projects, eq(projects.id, creditRecords.projectId))
    .leftJoin(estateDistrict, eq(estateDistrict.id, projects.districtId))
    .leftJoin(companyDistrict, eq(companyDistrict.id, companies.districtId))
    .leftJoin(organisations, eq(organisations.id, creditRecords.reportedBy));
}

function view({ greenChannel, ...r }: Awaited<ReturnType<ReturnType<typeof selectRecords>['limit']>>[number]): CreditRecordView {
  return { ...r, greenChannel: !!greenChannel, severity: r.severity as Severity | null, category: r.category as CreditRecordView['category'] };
}

/** One record, if the actor may see it (the scope is in the WHERE clause). */
export async function getCreditRecordInScope(db: Queryable, actor: Actor, id: string): Promise<CreditRecordView | null> {
  const [row] = await selectRecords(db)
    .where(and(eq(creditRecords.id, id), creditRecordScope(actor)))
    .limit(1);
  return row ? view(row) : null;
}

/** Whether a record of this id exists at all (to audit an out-of-scope request for it). */
export async function creditRecordExists(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.select({ id: creditRecords.id }).from(creditRecords).where(eq(creditRecords.id, id)).limit(1);
  return !!row;
}

/** Whether the actor may see this record (attachments, notice). */
export async function creditRecordInScope(db: Queryable, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: creditRecords.id })
    .from(creditRecords)
    .where(and(eq(creditRecords.id, id), creditRecordScope(actor)))
    .limit(1);
  return !!row;
}

/** Reports waiting for the bureau's confirmation of points: green-channel companies first, then the oldest. */
export async function listPendingCreditRecords(db: Queryable, actor: Actor, on: string, limit = 100) {
  const rows = await selectRecords(db, on)
    .where(and(eq(creditRecords.status, 'submitted'), bureauScope(actor)))
    .orderBy(desc(greenChannelOf(on)), asc(creditRecords.createdAt), asc(creditRecords.id))
    .limit(limit);
  return rows.map(view);
}

export const BUREAU_RECORD_PAGE_SIZE = 50;

export const RECORD_STATE_FILTERS = ['all', 'counting', 'public', 'pending', 'unpublished', 'expired', 'repaired', 'rejected', 'revoked'] as const;
export type RecordStateFilter = (typeof RECORD_STATE_FILTERS)[number];

/** A record's phase on `on` (lib/domain/records.ts creditRecordPhase), in SQL, for the list filter. */
function stateFilter(state: RecordStateFilter, on: string, publishMinor: boolean): SQL | undefined {
  switch (state) {
    case 'all':
      return undefined;
    case 'counting':
      return creditRecordCounts(on);
    case 'public':
      return creditRecordIsPublic(on, publishMinor);
    case 'pending':
      return eq(creditRecords.status, 'submitted');
    case 'unpublished':
      return sql`(${creditRecords.status} = 'approved' and (${creditRecords.publishedOn} is null or ${creditRecords.publishedOn} > ${on}))`;
    case 'expired':
      return sql`(${creditRecords.status} = 'approved' and ${creditRecords.publicUntil} is not null and ${creditRecords.publicUntil} <= ${on})`;
    case 'repaired':
      return eq(creditRecords.status, 'repaired');
    case 'rejected':
      return inArray(creditRecords.status, ['rejected', 'withdrawn']);
    case 'revoked':
      return eq(creditRecords.status, 'corrected');
  }
}

export interface BureauRecordFilter {
  category: 'all' | 'performance' | 'warning';
  state: RecordStateFilter;
  q: string;
  penaltyOnly: boolean;
  page: number;
}

/** The bureau's file of records in its scope, newest first, filtered and paged. */
export async function listBureauCreditRecords(db: Queryable, actor: Actor, f: BureauRecordFilter, on: string, publishMinor: boolean) {
  const conds: (SQL | undefined)[] = [bureauScope(actor), stateFilter(f.state, on, publishMinor)];
  if (f.category !== 'all') conds.push(eq(creditRecords.category, f.category));
  if (f.penaltyOnly) conds.push(eq(creditRecords.isPenalty, true));
  const q = f.q.trim();
  if (q) {
    conds.push(
      /^[0-9A-Z]{4,18}$/i.test(q)
        ? sql`${creditRecords.companyId} in (select id from companies where uscc like ${`${q.toUpperCase()}%`})`
        : sql`${creditRecords.companyId} in (select id from companies where name ilike ${likePattern(q)})`,
    );
  }
  const where = and(...conds);
  const [[{ n } = { n: 0 }], rows] = await Promise.all([
    db.select({ n: count() }).from(creditRecords).where(where),
    selectRecords(db)
      .where(where)
      .orderBy(desc(creditRecords.createdAt), desc(creditRecords.id))
      .limit(BUREAU_RECORD_PAGE_SIZE)
      .offset((f.page - 1) * BUREAU_RECORD_PAGE_SIZE),
  ]);
  return { total: Number(n), rows: rows.map(view) };
}

/** Confirmed administrative penalties not yet published (CQ 三.(四)): the deadline is computed by the caller. */
export async function listUnpublishedPenalties(db: Queryable, actor: Actor, limit = 100) {
  const rows = await selectRecords(db)
    .where(
      and(
        bureauScope(actor),
        eq(creditRecords.status, 'approved'),
        eq(creditRecords.isPenalty, true),
        isNull(creditRecords.publishedOn),
      ),
    )
    .orderBy(asc(creditRecords.decisionOn), asc(creditRecords.id))
    .limit(limit);
  return rows.map(view);
}

/** Every record of one company (its own file): all statuses, newest first. */
export async function listCompanyCreditRecords(db: Queryable, companyId: string, limit = 300) {
  const rows = await selectRecords(db)
    .where(eq(creditRecords.companyId, companyId))
    .orderBy(desc(creditRecords.occurredOn), desc(creditRecords.createdAt))
    .limit(limit);
  return rows.map(view);
}

/** The warning reports a street office or community filed, newest first. */
export async function listStreetReports(db: Queryable, actor: Actor, limit = 100) {
  if (actor.role !== 'street') return [];
  const rows = await selectRecords(db)
    .where(and(creditRecordScope(actor), eq(creditRecords.category, 'warning')))
    .orderBy(desc(creditRecords.createdAt), desc(creditRecords.id))
    .limit(limit);
  return rows.map(view);
}

/** The credit information a department submitted (DW 8.1.4), newest first. */
export async function listDepartmentSubmissions(db: Queryable, actor: Actor, limit = 200) {
  if (actor.role !== 'department') return [];
  const rows = await selectRecords(db)
    .where(creditRecordScope(actor))
    .orderBy(desc(creditRecords.createdAt), desc(creditRecords.id))
    .limit(limit);
  return rows.map(view);
}

// ---------------------------------------------------------------------------------------------------------
// Writes

export type NewCreditRecord = typeof creditRecords.$inferInsert;

export async function insertCreditRecord(tx: Queryable, values: NewCreditRecord): Promise<CreditRecordRowDb> {
  const [row] = await tx.insert(creditRecords).values(values).returning();
  return row!;
}

export interface ConfirmValues {
  points: string;
  severity: Severity | null;
  publishedOn: string | null;
  minPublicUntil: string | null;
  publicUntil: string | null;
  policyVersion: number | null;
  decidedBy: string;
  noticeCode: string | null;
}

/** Confirms a reported record still `submitted` at `expectedVersion`; null when another reviewer got there first. */
export async function confirmCreditRecordRow(tx: Queryable, id: string, expectedVersion: number, v: ConfirmValues) {
  const [row] = await tx
    .update(creditRecords)
    .set({
      status: 'approved',
      points: v.points,
      severity: v.severity,
      publishedOn: v.publishedOn,
      minPublicUntil: v.minPublicUntil,
      publicUntil: v.publicUntil,
      policyVersion: v.policyVersion,
      noticeCode: v.noticeCode,
      confirmedAt: sql`now()`,
      decidedBy: v.decidedBy,
      decidedAt: sql`now()`,
      version: sql`${creditRecords.version} + 1`,
    })
    .where(and(eq(creditRecords.id, id), eq(creditRecords.version, expectedVersion), eq(creditRecords.status, 'submitted')))
    .returning();
  return row ?? null;
}

export async function rejectCreditRecordRow(tx: Queryable, id: string, expectedVersion: number, reason: string, decidedBy: string) {
  const [row] = await tx
    .update(creditRecords)
    .set({
      status: 'rejected',
      decisionReason: reason,
      decidedBy,
      decidedAt: sql`now()`,
      version: sql`${creditRecords.version} + 1`,
    })
    .where(and(eq(creditRecords.id, id), eq(creditRecords.version, expectedVersion), eq(creditRecords.status, 'submitted')))
    .returning();
  return row ?? null;
}

/** Publishes a confirmed penalty that waited: the window starts on the publication date. */
export async function publishCreditRecordRow(
  tx: Queryable,
  id: string,
  expectedVersion: number,
  v: { publishedOn: string; minPublicUntil: string | null; publicUntil: string; policyVersion: number | null },
) {
  const [row] = await tx
    .update(creditRecords)
    .set({ ...v, version: sql`${creditRecords.version} + 1` })
    .where(
      and(
        eq(creditRecords.id, id),
        eq(creditRecords.version, expectedVersion),
        eq(creditRecords.status, 'approved'),
        isNull(creditRecords.publishedOn),
      ),
    )
    .returning();
  return row ?? null;
}

/** The company's statement on its own confirmed record (null removes it). */
export async function setCreditStatementRow(tx: Queryable, id: string, companyId: string, statement: string | null) {
  const [row] = await tx
    .update(creditRecords)
    .set({ statement, statementAt: statement ? sql`now()` : null, version: sql`${creditRecords.version} + 1` })
    .where(and(eq(creditRecords.id, id), eq(creditRecords.companyId, companyId), eq(creditRecords.status, 'approved')))
    .returning({ id: creditRecords.id, statement: creditRecords.statement });
  return row ?? null;
}

/** Credit repair approved: the record leaves public view and never counts again. */
export async function markRepairedRow(tx: Queryable, id: string, repairedOn: string) {
  const [row] = await tx
    .update(creditRecords)
    .set({ status: 'repaired', repairedOn, version: sql`${creditRecords.version} + 1` })
    .where(and(eq(creditRecords.id, id), eq(creditRecords.status, 'approved')))
    .returning({ id: creditRecords.id, status: creditRecords.status });
  return row ?? null;
}

/** Locks a record for the rest of the transaction (a repair application checks it under the lock). */
export async function lockCreditRecord(tx: Queryable, id: string) {
  const [row] = await tx.select().from(creditRecords).where(eq(creditRecords.id, id)).for('update').limit(1);
  return row ?? null;
}

/**
 * A report is also a submission (SPEC §2: what another party asks and a bureau decides), so it is counted among
 * the bureau's pending work; its decision is the record's, and this keeps the two in step.
 */
export async function settleReportSubmission(tx: Queryable, recordId: string, status: 'approved' | 'rejected', reason: string | null, decidedBy: string) {
  await tx
    .update(submissions)
    .set({ status, reason, decidedBy, decidedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${submissions.version} + 1` })
    .where(
      and(
        eq(submissions.subjectType, 'credit_record'),
        eq(submissions.subjectId, recordId),
        inArray(submissions.type, ['performance_record', 'warning_record']),
        eq(submissions.status, 'submitted'),
      ),
    );
}

export type StoredFile = { content: Buffer; mime: string; sha256: string; filename: string };

/** Files kept as attachments of one owner (a record's evidence, or a submission's files under the ids it names). */
/** Stores files (evidence, photos) against their owner: a credit record, a submission or a staff record. */
export async function insertAttachments(
  tx: Queryable,
  owner: { type: 'credit_record' | 'submission' | 'practitioner_record'; id: string },
  files: (StoredFile & { id?: string; kind: string })[],
  uploadedBy: string,
) {
  if (files.length === 0) return;
  await tx.insert(attachments).values(
    files.map((f) => ({
      ...(f.id ? { id: f.id } : {}),
      ownerType: owner.type,
      ownerId: owner.id,
      kind: f.kind,
      filename: f.filename,
      mime: f.mime,
      size: f.content.byteLength,
      sha256: f.sha256,
      content: f.content,
      uploadedBy,
    })),
  );
}

export async function insertRecordEvidence(tx: Queryable, recordId: string, files: StoredFile[], uploadedBy: string) {
  await insertAttachments(
    tx,
    { type: 'credit_record', id: recordId },
    files.map((f) => ({ filename: f.filename, mime: f.mime, sha256: f.sha256, content: f.content, kind: 'evidence' })),
    uploadedBy,
  );
}

/** A repair application's files, under the ids its payload already names. */
export async function insertSubmissionFiles(tx: Queryable, submissionId: string, files: (StoredFile & { id: string; kind: string })[], uploadedBy: string) {
  await insertAttachments(tx, { type: 'submission', id: submissionId }, files, uploadedBy);
}

export async function listRecordAttachments(db: Queryable, ownerType: 'credit_record' | 'submission', ownerId: string) {
  return db
    .select({ id: attachments.id, kind: attachments.kind, filename: attachments.filename, size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)))
    .orderBy(desc(attachments.kind), asc(attachments.createdAt), asc(attachments.filename));
}

export async function insertRecordNotice(
  tx: Queryable,
  n: { companyId: string; districtId: string | null; recordId: string; title: string; body: string; createdBy: string; code: string },
) {
  await tx.insert(notices).values({
    kind: 'record_notice',
    companyId: n.companyId,
    districtId: n.districtId,
    title: n.title,
    body: n.body,
    relatedType: 'credit_record',
    relatedId: n.recordId,
    createdBy: n.createdBy,
  });
  // The printed notice's verification row (as for staff records): what `/verify/[code]` may confirm.
  await tx.insert(documents).values({
    code: n.code,
    kind: 'record_notice',
    subjectType: 'credit_record',
    subjectId: n.recordId,
    summary: { title: n.title },
    issuedBy: n.createdBy,
  });
}

export async function getRecordNotice(db: Queryable, recordId: string) {
  const [row] = await db
    .select({ id: notices.id, title: notices.title, body: notices.body, createdAt: notices.createdAt })
    .from(notices)
    .where(and(eq(notices.kind, 'record_notice'), eq(notices.relatedType, 'credit_record'), eq(notices.relatedId, recordId)))
    .orderBy(desc(notices.createdAt))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Public view (SPEC §3.7, §5: /companies/[uscc])

export interface PublicCreditRecord {
  id: string;
  category: 'performance' | 'warning';
  type: string;
  severity: Severity | null;
  isPenalty: boolean;
  occurredOn: string;
  publishedOn: string;
  /** The day it leaves public view (and stops counting). */
  publicUntil: string | null;
  points: string | null;
  projectName: string | null;
  issuer: string | null;
  statement: string | null;
  corrections: unknown;
  /** Withdrawn after an objection: shown as the correction notice for the rest of its window. */
  revoked: boolean;
  underObjection: boolean;
}

/**
 * A company's records in public view on `on`: confirmed, published, inside their window (轻微 only when the
 * policy publishes them); and, for the rest of their window, the correction notice of those withdrawn after an
 * objection (DW 9: 消除影响 — never a silent removal).
 */
export async function listPublicCreditRecords(db: Queryable, companyId: string, on: string, publishMinorWarnings: boolean): Promise<PublicCreditRecord[]> {
  const revokedInWindow = sql`(${creditRecords.status} = 'corrected' and ${creditRecords.publishedOn} is not null and ${creditRecords.publishedOn} <= ${on}
    and (${creditRecords.publicUntil} is null or ${on} < ${creditRecords.publicUntil}) and jsonb_array_length(${creditRecords.corrections}) > 0)`;
  const rows = await db
    .select({
      id: creditRecords.id,
      category: creditRecords.category,
      type: creditRecords.type,
      severity: creditRecords.severity,
      isPenalty: creditRecords.isPenalty,
      occurredOn: creditRecords.occurredOn,
      publishedOn: creditRecords.publishedOn,
      publicUntil: creditRecords.publicUntil,
      points: creditRecords.points,
      projectName: projects.name,
      issuer: creditRecords.issuer,
      statement: creditRecords.statement,
      corrections: creditRecords.corrections,
      status: creditRecords.status,
    })
    .from(creditRecords)
    .leftJoin(projects, eq(projects.id, creditRecords.projectId))
    .where(
      and(
        eq(creditRecords.companyId, companyId),
        inArray(creditRecords.category, ['performance', 'warning']),
        or(creditRecordIsPublic(on, publishMinorWarnings), revokedInWindow),
      ),
    )
    .orderBy(desc(creditRecords.publishedOn), desc(creditRecords.occurredOn), asc(creditRecords.id))
    .limit(200);
  const open = await recordsUnderObjection(
    db,
    'credit_record',
    rows.map((r) => r.id),
  );
  return rows.map(({ status, ...r }) => ({
    ...r,
    category: r.category as PublicCreditRecord['category'],
    severity: r.severity as Severity | null,
    publishedOn: r.publishedOn!,
    revoked: status === 'corrected',
    underObjection: open.has(r.id),
  }));
}
