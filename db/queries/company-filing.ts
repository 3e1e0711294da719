import 'server-only';
/**
 * Company filing (备案) and changes of basic information (ZJ 7, DW 4, DW 8.1.1): the company's open filing,
 * the city's review queue, and applying an approved filing to the company and its version history.
 */
import { and, asc, Column, count, desc, eq, getTableName, inArray, is, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { attachments, companies, companyManagers, companyVersions, regions, submissions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import type { CompanyFilingInput } from '@/lib/validation/company';
import { submissionHead, submissionScope } from './submissions';
import { likePattern } from './search';

export const FILING_TYPES = ['company_filing', 'company_change'] as const;
export type FilingType = (typeof FILING_TYPES)[number];
export const OPEN_FILING_STATUSES = ['draft', 'submitted', 'returned'] as const;

/** What a filing submission's payload holds: the basic information and the licence scan it comes with. */
export interface FilingPayload extends CompanyFilingInput {
  licenceAttachmentId: string | null;
}

export interface CompanyBasics {
  id: string;
  uscc: string;
  name: string;
  address: string;
  registeredCapital: string;
  legalRepresentative: string;
  contactPhone: string;
  districtId: string | null;
  districtName: string | null;
  filingStatus: string;
  approvedAt: Date | null;
  bannedUntil: string | null;
  version: number;
  managers: { kind: string; name: string; title: string; qualification: string }[];
}

/** A company's registered identity: id, credit code, name, address, capital and legal representative. */
export const companyIdentityColumns = {
  id: companies.id,
  uscc: companies.uscc,
  name: companies.name,
  address: companies.address,
  registeredCapital: companies.registeredCapital,
  legalRepresentative: companies.legalRepresentative,
};

export async function getCompanyBasics(db: Queryable, companyId: string): Promise<CompanyBasics | null> {
  const [row] = await db
    .select({
      ...companyIdentityColumns,
      contactPhone: companies.contactPhone,
      districtId: companies.districtId,
      districtName: regions.name,
      filingStatus: companies.filingStatus,
      approvedAt: companies.approvedAt,
      bannedUntil: companies.bannedUntil,
      version: companies.version,
    })
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(eq(companies.id, companyId))
    .limit(1);
  if (!row) return null;
  const managers = await db
    .select({ kind: companyManagers.kind, name: companyManagers.name, title: companyManagers.title, qualification: companyManagers.qualification })
    .from(companyManagers)
    .where(eq(companyManagers.companyId, companyId))
    .orderBy(asc(companyManagers.kind), asc(companyManagers.name));
  return {
    ...row,
    managers: managers.map((m) => ({ kind: m.kind, name: m.name, title: m.title ?? '', qualification: m.qualification ?? '' })),
  };
}

/** The company's basic information as a filing payload (what a change form starts from). */
export function basicsAsInput(c: CompanyBasics): CompanyFilingInput {
  return {
    name: c.name,
    uscc: c.uscc,
    address: c.address,
    registeredCapital: Number(c.registeredCapital),
    legalRepresentative: c.legalRepresentative,
    contactPhone: c.contactPhone,
    districtId: (c.districtId ?? '510903') as CompanyFilingInput['districtId'],
    managers: c.managers.length
      ? c.managers.map((m) => ({ ...m, kind: m.kind as CompanyFilingInput['managers'][number]['kind'] }))
      : [{ kind: '主要负责人', name: '', title: '', qualification: '' }],
  };
}

export interface FilingSummary {
  id: string;
  type: FilingType;
  status: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  reason: string | null;
  createdAt: Date;
}

/** The company's own filings, newest first. */
export async function listCompanyFilings(db: Queryable, companyId: string): Promise<FilingSummary[]> {
  const rows = await db
    .select({
      id: submissions.id,
      type: submissions.type,
      status: submissions.status,
      submittedAt: submissions.submittedAt,
      decidedAt: submissions.decidedAt,
      reason: submissions.reason,
      createdAt: submissions.createdAt,
    })
    .from(submissions)
    .where(and(eq(submissions.companyId, companyId), inArray(submissions.type, [...FILING_TYPES])))
    .orderBy(desc(submissions.createdAt))
    .limit(100);
  return rows as FilingSummary[];
}

export async function findOpenFiling(db: Queryable, companyId: string) {
  const [row] = await db
    .select({ id: submissions.id, status: submissions.status })
    .from(submissions)
    .where(
      and(
        eq(submissions.companyId, companyId),
        inArray(submissions.type, [...FILING_TYPES]),
        inArray(submissions.status, [...OPEN_FILING_STATUSES]),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface FilingDetail {
  id: string;
  type: FilingType;
  status: string;
  companyId: string;
  districtId: string | null;
  payload: FilingPayload;
  baseVersion: number | null;
  version: number;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One filing, if the actor may see it (the scope is in the WHERE clause). */
export async function getFilingInScope(db: Queryable, actor: Actor, id: string): Promise<FilingDetail | null> {
  const [row] = await db
    .select({
      ...submissionHead,
      districtId: submissions.districtId,
      payload: submissions.payload,
      baseVersion: submissions.baseVersion,
      version: submissions.version,
      submittedAt: submissions.submittedAt,
      decidedAt: submissions.decidedAt,
      decidedByName: users.displayName,
      reason: submissions.reason,
      createdAt: submissions.createdAt,
      updatedAt: submissions.updatedAt,
    })
    .from(submissions)
    .leftJoin(users, eq(users.id, submissions.decidedBy))
    .where(
      and(
        eq(submissions.id, id),
        inArray(submissions.type, [...FILING_TYPES]),
        submissionScope(actor),
        // Drafts are the company's own business until they are submitted.
        actor.role === 'company' ? undefined : sql`${submissions.status} <> 'draft'`,
      ),
    )
    .limit(1);
  return (row as FilingDetail | undefined) ?? null;
}

/** The version of the company's basic information a change was based on (for the reviewer's comparison). */
export async function getCompanyVersionData(db: Queryable, companyId: string, version: number) {
  const [row] = await db
    .select({ data: companyVersions.data, createdAt: companyVersions.createdAt })
    .from(companyVersions)
    .where(and(eq(companyVersions.companyId, companyId), eq(companyVersions.version, version)))
    .limit(1);
  return row ?? null;
}

export async function listCompanyVersions(db: Queryable, companyId: string) {
  return db
    .select({ version: companyVersions.version, createdAt: companyVersions.createdAt, submissionId: companyVersions.submissionId })
    .from(companyVersions)
    .where(eq(companyVersions.companyId, companyId))
    .orderBy(desc(companyVersions.version));
}

export interface QueueFilter {
  status: 'submitted' | 'returned' | 'approved' | 'rejected' | 'all';
  type: FilingType | 'all';
  district: string | null;
  q: string;
  page: number;
}

export const QUEUE_PAGE_SIZE = 25;

export interface QueueRow {
  id: string;
  type: FilingType;
  status: string;
  companyName: string;
  uscc: string;
  districtName: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  priority: number;
  daysWaiting: number | null;
}

/** The city's review queue: green-channel first (CQ), then oldest first. */
export async function listFilingQueue(db: Queryable, actor: Actor, f: QueueFilter): Promise<{ rows: QueueRow[]; total: number }> {
  const conds: (SQL | undefined)[] = [
    inArray(submissions.type, f.type === 'all' ? [...FILING_TYPES] : [f.type]),
    submissionScope(actor),
    f.status === 'all' ? sql`${submissions.status} <> 'draft'` : eq(submissions.status, f.status),
    f.district ? eq(submissions.districtId, f.district) : undefined,
  ];
  const q = f.q.trim();
  if (q) {
    const like = likePattern(q);
    conds.push(or(sql`${companies.name} ilike ${like}`, sql`${companies.uscc} ilike ${like}`, sql`${submissions.payload}->>'name' ilike ${like}`));
  }
  const where = and(...conds);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(submissions).innerJoin(companies, eq(companies.id, submissions.companyId)).where(where),
    db
      .select({
        id: submissions.id,
        type: submissions.type,
        status: submissions.status,
        companyName: sql<string>`coalesce(${submissions.payload}->>'name', ${companies.name})`,
        uscc: companies.uscc,
        districtName: regions.name,
        submittedAt: submissions.submittedAt,
        decidedAt: submissions.decidedAt,
        priority: submissions.priority,
        daysWaiting: sql<number | null>`case when ${submissions.status} = 'submitted' then (current_date - (${submissions.submittedAt} at time zone 'Asia/Shanghai')::date) end`,
      })
      .from(submissions)
      .innerJoin(companies, eq(companies.id, submissions.companyId))
      .leftJoin(regions, eq(regions.id, submissions.districtId))
      .where(where)
      .orderBy(desc(submissions.priority), asc(submissions.submittedAt), asc(submissions.id))
      .limit(QUEUE_PAGE_SIZE)
      .offset((f.page - 1) * QUEUE_PAGE_SIZE),
  ]);
  return { rows: rows.map((r) => ({ ...r, daysWaiting: r.daysWaiting == null ? null : Number(r.daysWaiting) })) as QueueRow[], total: Number(total) };
}

// ---------------------------------------------------------------------------------------------------------
// Writes (inside the caller's transaction)

export async function insertFiling(
  tx: Queryable,
  s: {
    type: FilingType;
    status: 'draft' | 'submitted';
    companyId: string;
    districtId: string;
    payload: FilingPayload;
    baseVersion: number;
    priority: number;
    submittedBy: string;
    idempotencyKey: string | null;
  },
) {
  const [row] = await tx
    .insert(submissions)
    .values({
      type: s.type,
      status: s.status,
      companyId: s.companyId,
      districtId: s.districtId,
      subjectType: 'company',
      subjectId: s.companyId,
      payload: s.payload as never,
      baseVersion: s.baseVersion,
      priority: s.priority,
      submittedBy: s.submittedBy,
      submittedAt: s.status === 'submitted' ? sql`now()` : null,
      idempotencyKey: s.idempotencyKey,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Updates a draft or returned filing the company is correcting; optimistic lock on its version. */
export async function updateOpenFiling(
  tx: Queryable,
  s: { id: string; companyId: string; expectedVersion: number; payload: FilingPayload; submit: boolean; submittedBy: string; districtId: string },
) {
  const [row] = await tx
    .update(submissions)
    .set({
      payload: s.payload as never,
      districtId: s.districtId,
      status: s.submit ? 'submitted' : sql`${submissions.status}`,
      submittedAt: s.submit ? sql`now()` : sql`${submissions.submittedAt}`,
      submittedBy: s.submittedBy,
      updatedAt: sql`now()`,
      version: sql`${submissions.version} + 1`,
    })
    .where(
      and(
        eq(submissions.id, s.id),
        eq(submissions.companyId, s.companyId),
        eq(submissions.version, s.expectedVersion),
        inArray(submissions.status, ['draft', 'returned']),
      ),
    )
    .returning();
  return row ?? null;
}

/** The company withdraws a filing that nobody has decided yet (a draft is simply discarded the same way). */
export async function withdrawFiling(tx: Queryable, s: { id: string; companyId: string; expectedVersion: number }) {
  const [row] = await tx
    .update(submissions)
    .set({ status: 'withdrawn', updatedAt: sql`now()`, version: sql`${submissions.version} + 1` })
    .where(
      and(
        eq(submissions.id, s.id),
        eq(submissions.companyId, s.companyId),
        eq(submissions.version, s.expectedVersion),
        inArray(submissions.status, [...OPEN_FILING_STATUSES]),
      ),
    )
    .returning();
  return row ?? null;
}

export async function setCompanyFilingStatus(tx: Queryable, companyId: string, status: 'draft' | 'pending' | 'rejected') {
  await tx
    .update(companies)
    .set({ filingStatus: status, updatedAt: sql`now()` })
    .where(and(eq(companies.id, companyId), sql`${companies.filingStatus} <> 'approved'`));
}

/**
 * Applies an approved filing: the company's basic information, a new entry in its version history, and its
 * named managers. Returns null when the company changed since the filing was based on it (stale change).
 */
export async function applyApprovedFiling(
  tx: Queryable,
  s: { companyId: string; expectedCompanyVersion: number | null; payload: FilingPayload; submissionId: string },
) {
  const p = s.payload;
  const [updated] = await tx
    .update(companies)
    .set({
      name: p.name,
      uscc: p.uscc,
      address: p.address,
      registeredCapital: p.registeredCapital.toFixed(2),
      legalRepresentative: p.legalRepresentative,
      contactPhone: p.contactPhone,
      districtId: p.districtId,
      filingStatus: 'approved',
      approvedAt: sql`coalesce(${companies.approvedAt}, now())`,
      version: sql`${companies.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(companies.id, s.companyId),
        s.expectedCompanyVersion == null ? undefined : eq(companies.version, s.expectedCompanyVersion),
      ),
    )
    .returning({ version: companies.version });
  if (!updated) return null;
  const { licenceAttachmentId: _licence, ...data } = p;
  await tx.insert(companyVersions).values({ companyId: s.companyId, version: updated.version, data: data as never, submissionId: s.submissionId });
  await tx.delete(companyManagers).where(eq(companyManagers.companyId, s.companyId));
  if (p.managers.length) {
    await tx.insert(companyManagers).values(
      p.managers.map((m) => ({ companyId: s.companyId, kind: m.kind, name: m.name, title: m.title || null, qualification: m.qualification || null })),
    );
  }
  return updated;
}

/** Whether another company already holds this credit code. */
export async function usccTakenByOther(db: Queryable, uscc: string, companyId: string) {
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.uscc, uscc), sql`${companies.id} <> ${companyId}`))
    .limit(1);
  return !!row;
}

// ---------------------------------------------------------------------------------------------------------
// Attachments

export async function insertAttachment(
  tx: Queryable,
  a: { ownerType: string; ownerId: string | null; kind: string; filename: string; mime: string; content: Buffer; sha256: string; uploadedBy: string },
) {
  const [row] = await tx
    .insert(attachments)
    .values({ ...a, size: a.content.byteLength })
    .returning({ id: attachments.id });
  return row!.id;
}

export async function setAttachmentOwner(tx: Queryable, id: string, ownerType: string, ownerId: string) {
  await tx.update(attachments).set({ ownerType, ownerId }).where(eq(attachments.id, id));
}

export async function getAttachmentMeta(db: Queryable, id: string) {
  const [row] = await db
    .select({ id: attachments.id, ownerType: attachments.ownerType, ownerId: attachments.ownerId, kind: attachments.kind, filename: attachments.filename, mime: attachments.mime, size: attachments.size })
    .from(attachments)
    .where(eq(attachments.id, id))
    .limit(1);
  return row ?? null;
}

export async function getAttachmentContent(db: Queryable, id: string) {
  const [row] = await db.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id)).limit(1);
  return row?.content ?? null;
}

/**
 * CQ 三.(五) "连续三年无不良信用记录", in SQL: the twin of lib/domain/credit-rating.ts `greenChannelOn`, with N
 * from the current credit policy. The company (an expression naming its id) was filed (approved, not revoked) at
 * least N years before `on`, and no warning record that was confirmed (approved, or later repaired) occurred in
 * the N years up to `on`. Revoked, rejected and unconfirmed reports are not records. Queues order by it.
 */
export function greenChannelSql(companyId: SQL | AnyColumn, on: string | SQL): SQL<boolean> {
  // Qualified by its table: drizzle renders a column of a single-table select unqualified, which inside the
  // sub-select would name the sub-select's own column.
  const company = is(companyId, Column) ? sql`${sql.identifier(getTableName(companyId.table))}.${sql.identifier(companyId.name)}` : companyId;
  const years = sql`coalesce((select (gp.settings->>'greenChannelCleanYears')::int from credit_policies gp order by gp.version desc limit 1), ${defaultCreditPolicy.greenChannelCleanYears})`;
  const from = sql`(${on}::date - make_interval(years => ${years}))::date`;
  return sql<boolean>`exists (select 1 from companies gc where gc.id = ${company} and gc.approved_at is not null
    and gc.filing_status <> 'revoked'
    and (gc.approved_at at time zone 'Asia/Shanghai')::date <= ${from}
    and not exists (select 1 from credit_records gw where gw.company_id = gc.id and gw.category = 'warning'
      and gw.status in ('approved', 'repaired') and gw.occurred_on > ${from} and gw.occurred_on <= ${on}::date))`;
}

/** CQ 三.(五): a company on the green channel on `on` has its submissions reviewed first. */
export async function hasGreenChannel(db: Queryable, companyId: string, on: string) {
  const [row] = await db.select({ green: greenChannelSql(companies.id, on) }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return !!row?.green;
}
