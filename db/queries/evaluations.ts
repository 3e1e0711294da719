import 'server-only';
/**
 * Annual evaluations (ZT 五.(三)): the records each company's score is computed from (one query for all
 * companies), the stored results, publication, and the letters (风险提示函) and interviews that follow.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { annualEvaluations, companies, creditPolicies, creditRecords, documents, listEntries, notices, projects, regions } from '@/db/schema';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import type { Actor } from '@/lib/auth/policy';
import type { Grade, ScoredRecord, ScoreLine } from '@/lib/domain/credit-rating';

/**
 * The companies an actor may see evaluations of: the city all; a district those filed in it or serving an
 * estate in it; a company itself; nobody else.
 */
export function evaluationScope(actor: Actor): SQL {
  if (actor.role === 'city') return sql`true`;
  if (actor.role === 'company' && actor.companyId) return sql`"companies"."id" = ${actor.companyId}`;
  if (actor.role === 'district' && actor.districtId) {
    const d = actor.districtId;
    return sql`("companies"."district_id" = ${d} or exists (select 1 from projects sp where sp.current_company_id = "companies"."id" and sp.district_id = ${d}))`;
  }
  return sql`false`;
}

export interface EvalCompany {
  id: string;
  name: string;
  uscc: string;
  districtId: string | null;
}

/** Every approved company (the evaluation covers them all). */
export async function approvedCompanies(db: Queryable): Promise<EvalCompany[]> {
  return db
    .select({ id: companies.id, name: companies.name, uscc: companies.uscc, districtId: companies.districtId })
    .from(companies)
    .where(eq(companies.filingStatus, 'approved'))
    .orderBy(asc(companies.uscc));
}

/** The columns of a credit record as the score sees them (ScoredRecord); select them from creditRecords left-joined to projects. */
export const scoredRecordColumns = {
  id: creditRecords.id,
  category: creditRecords.category,
  status: creditRecords.status,
  type: creditRecords.type,
  occurredOn: creditRecords.occurredOn,
  points: creditRecords.points,
  publishedOn: creditRecords.publishedOn,
  publicUntil: creditRecords.publicUntil,
  vetoType: creditRecords.vetoType,
  projectName: projects.name,
};

/** The scored records of many companies in one query, grouped by company (no N+1). */
export async function scoredRecordsByCompany(db: Queryable, companyIds: readonly string[]): Promise<Map<string, ScoredRecord[]>> {
  const out = new Map<string, ScoredRecord[]>();
  if (companyIds.length === 0) return out;
  const rows = [];
  // In slices: a city's 10,000 companies would come near the driver's limit of bind parameters.
  for (let i = 0; i < companyIds.length; i += ID_SLICE) {
    rows.push(
      ...(await db
        .select({ companyId: creditRecords.companyId, ...scoredRecordColumns })
        .from(creditRecords)
        .leftJoin(projects, eq(projects.id, creditRecords.projectId))
        .where(and(inArray(creditRecords.companyId, companyIds.slice(i, i + ID_SLICE)), inArray(creditRecords.status, ['approved', 'repaired', 'corrected'])))),
    );
  }
  for (const r of rows) {
    const list = out.get(r.companyId) ?? [];
    list.push({ ...r, category: r.category as ScoredRecord['category'], status: r.status as ScoredRecord['status'], points: r.points == null ? null : Number(r.points) });
    out.set(r.companyId, list);
  }
  return out;
}

export interface EvaluationRow extends NewEvaluation {
  id: string;
  companyName: string;
  uscc: string;
  districtId: string | null;
  districtName: string | null;
  /** The base score of the evaluation's own policy version (the one its score was computed under). */
  baseScore: number;
  computedAt: Date;
  publishedAt: Date | null;
}

const evaluationColumns = {
  id: annualEvaluations.id,
  companyId: annualEvaluations.companyId,
  companyName: companies.name,
  uscc: companies.uscc,
  districtId: companies.districtId,
  districtName: regions.name,
  year: annualEvaluations.year,
  score: annualEvaluations.score,
  grade: annualEvaluations.grade,
  vetoed: annualEvaluations.vetoed,
  breakdown: annualEvaluations.breakdown,
  policyVersion: annualEvaluations.policyVersion,
  baseScore: sql<string | null>`(${creditPolicies.settings} ->> 'annualBaseScore')`,
  computedAt: annualEvaluations.computedAt,
  publishedAt: annualEvaluations.publishedAt,
};

type RawEvaluation = Omit<EvaluationRow, 'score' | 'breakdown' | 'baseScore'> & { score: string | null; breakdown: unknown; baseScore: string | number | null };
const toRow = (r: RawEvaluation): EvaluationRow => ({
  ...r,
  score: r.score == null ? null : Number(r.score),
  breakdown: (r.breakdown ?? []) as ScoreLine[],
  baseScore: r.baseScore == null ? defaultCreditPolicy.annualBaseScore : Number(r.baseScore),
});

/** The evaluation's own policy version, for its base score. */
const ownPolicy = eq(creditPolicies.version, annualEvaluations.policyVersion);

/** Evaluations with their company, its district and their own policy version (for the base score). */
const selectEvaluations = (db: Queryable) =>
  db
    .select(evaluationColumns)
    .from(annualEvaluations)
    .innerJoin(companies, eq(companies.id, annualEvaluations.companyId))
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .leftJoin(creditPolicies, ownPolicy);

/** A year's evaluations the actor may see, lowest score first (vetoed first of all). */
export async function evaluationsOfYear(db: Queryable, actor: Actor, year: number, opts: { publishedOnly?: boolean } = {}): Promise<EvaluationRow[]> {
  const rows = await selectEvaluations(db)
    .where(and(eq(annualEvaluations.year, year), evaluationScope(actor), opts.publishedOnly ? isNotNull(annualEvaluations.publishedAt) : undefined))
    .orderBy(sql`${annualEvaluations.score} asc nulls first`, asc(companies.uscc));
  return rows.map(toRow);
}

/** One company's evaluations, newest year first (published ones only unless asked). */
export async function evaluationsOfCompany(db: Queryable, companyId: string, opts: { publishedOnly?: boolean } = {}): Promise<EvaluationRow[]> {
  const rows = await selectEvaluations(db)
    .where(and(eq(annualEvaluations.companyId, companyId), opts.publishedOnly ? isNotNull(annualEvaluations.publishedAt) : undefined))
    .orderBy(desc(annualEvaluations.year));
  return rows.map(toRow);
}

/** One company's evaluation of a year, if the actor may see it. */
export async function evaluationInScope(db: Queryable, actor: Actor, companyId: string, year: number): Promise<EvaluationRow | null> {
  const [row] = await selectEvaluations(db)
    .where(and(eq(annualEvaluations.companyId, companyId), eq(annualEvaluations.year, year), evaluationScope(actor)))
    .limit(1);
  return row ? toRow(row) : null;
}

/** The earlier evaluations of these companies (for "two years running"), by company. */
export async function pastEvaluations(db: Queryable, companyIds: readonly string[], beforeYear: number) {
  const out = new Map<string, { year: number; score: number | null; vetoed: boolean }[]>();
  if (companyIds.length === 0) return out;
  const rows = [];
  for (let i = 0; i < companyIds.length; i += ID_SLICE) {
    rows.push(
      ...(await db
        .select({ companyId: annualEvaluations.companyId, year: annualEvaluations.year, score: annualEvaluations.score, vetoed: annualEvaluations.vetoed })
        .from(annualEvaluations)
        .where(and(inArray(annualEvaluations.companyId, companyIds.slice(i, i + ID_SLICE)), sql`${annualEvaluations.year} < ${beforeYear}`, isNotNull(annualEvaluations.publishedAt)))),
    );
  }
  for (const r of rows) {
    const list = out.get(r.companyId) ?? [];
    list.push({ year: r.year, score: r.score == null ? null : Number(r.score), vetoed: r.vetoed });
    out.set(r.companyId, list);
  }
  return out;
}

/** Whether a year has been published (any row with published_at). */
export async function yearPublishedAt(db: Queryable, year: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${annualEvaluations.publishedAt})` })
    .from(annualEvaluations)
    .where(and(eq(annualEvaluations.year, year), isNotNull(annualEvaluations.publishedAt)));
  return row?.at ? new Date(row.at) : null;
}

export interface NewEvaluation {
  companyId: string;
  year: number;
  score: number | null;
  grade: Grade;
  vetoed: boolean;
  breakdown: ScoreLine[];
  policyVersion: number;
}

/** Ids per `in (…)` list: well under the drivers' bind-parameter limit. */
const ID_SLICE = 5000;

/**
 * Insert or replace many evaluations of a year in multi-row statements, except those already published; returns
 * how many were written (fewer than given means some were published meanwhile).
 */
export async function upsertEvaluations(tx: Queryable, list: readonly NewEvaluation[]): Promise<number> {
  let written = 0;
  const computedAt = new Date();
  for (let i = 0; i < list.length; i += 1000) {
    const values = list.slice(i, i + 1000).map((e) => ({ ...e, score: e.score == null ? null : e.score.toFixed(2), computedAt }));
    const rows = await tx
      .insert(annualEvaluations)
      .values(values)
      .onConflictDoUpdate({
        target: [annualEvaluations.companyId, annualEvaluations.year],
        set: {
          score: sql`excluded.score`,
          grade: sql`excluded.grade`,
          vetoed: sql`excluded.vetoed`,
          breakdown: sql`excluded.breakdown`,
          policyVersion: sql`excluded.policy_version`,
          computedAt: sql`excluded.computed_at`,
        },
        setWhere: isNull(annualEvaluations.publishedAt),
      })
      .returning({ id: annualEvaluations.id });
    written += rows.length;
  }
  return written;
}

/** Many interview notices (约谈) in multi-row statements. */
export async function insertInterviewNotices(tx: Queryable, list: readonly Parameters<typeof insertInterviewNotice>[1][]) {
  for (let i = 0; i < list.length; i += 500) {
    await tx.insert(notices).values(
      list.slice(i, i + 500).map(interviewNoticeRow),
    );
  }
}

/** Many 风险提示函 in multi-row statements. */
export async function insertRiskLetters(tx: Queryable, list: readonly Parameters<typeof insertRiskLetter>[1][]) {
  for (let i = 0; i < list.length; i += 500) {
    await tx
      .insert(documents)
      .values(list.slice(i, i + 500).map((d) => ({ code: d.code, kind: 'risk_warning_letter' as const, subjectType: 'annual_evaluation', subjectId: d.evaluationId, summary: d.summary, issuedBy: d.issuedBy })));
  }
}

/** Companies (of these) with an entry of the rule still open: the guard against opening a second. */
export async function companiesWithOpenEntry(tx: Queryable, rule: string, companyIds: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < companyIds.length; i += ID_SLICE) {
    const rows = await tx
      .select({ companyId: listEntries.companyId })
      .from(listEntries)
      .where(and(eq(listEntries.rule, rule), inArray(listEntries.status, ['active', 'rectifying']), inArray(listEntries.companyId, companyIds.slice(i, i + ID_SLICE))));
    for (const r of rows) out.add(r.companyId);
  }
  return out;
}

/** Insert or replace a year's evaluation of a company, unless that evaluation is already published. */
export async function upsertEvaluation(tx: Queryable, e: NewEvaluation): Promise<boolean> {
  const values = { ...e, score: e.score == null ? null : e.score.toFixed(2), computedAt: new Date() };
  const rows = await tx
    .insert(annualEvaluations)
    .values(values)
    .onConflictDoUpdate({
      target: [annualEvaluations.companyId, annualEvaluations.year],
      set: { score: values.score, grade: values.grade, vetoed: values.vetoed, breakdown: values.breakdown, policyVersion: values.policyVersion, computedAt: values.computedAt },
      setWhere: isNull(annualEvaluations.publishedAt),
    })
    .returning({ id: annualEvaluations.id });
  return rows.length > 0;
}

/** Publish a year: every unpublished row of it at once; the rows published (none when another publisher won). */
export async function publishYearRows(tx: Queryable, year: number, at: Date) {
  return tx
    .update(annualEvaluations)
    .set({ publishedAt: at })
    .where(and(eq(annualEvaluations.year, year), isNull(annualEvaluations.publishedAt)))
    .returning({
      id: annualEvaluations.id,
      companyId: annualEvaluations.companyId,
      score: annualEvaluations.score,
      vetoed: annualEvaluations.vetoed,
      grade: annualEvaluations.grade,
      breakdown: annualEvaluations.breakdown,
      policyVersion: annualEvaluations.policyVersion,
    });
}

interface InterviewNotice {
  companyId: string;
  districtId: string | null;
  evaluationId: string;
  title: string;
  body: string;
  dueOn: string;
  createdBy: string;
}

/** The notices row of an interview notice (约谈) about an evaluation. */
const interviewNoticeRow = (n: InterviewNotice) => ({
  kind: 'interview' as const,
  companyId: n.companyId,
  districtId: n.districtId,
  title: n.title,
  body: n.body,
  relatedType: 'annual_evaluation',
  relatedId: n.evaluationId,
  dueOn: n.dueOn,
  createdBy: n.createdBy,
});

export async function insertInterviewNotice(tx: Queryable, n: InterviewNotice) {
  await tx.insert(notices).values(interviewNoticeRow(n));
}

export async function insertRiskLetter(tx: Queryable, d: { code: string; evaluationId: string; summary: Record<string, unknown>; issuedBy: string }) {
  await tx.insert(documents).values({ code: d.code, kind: 'risk_warning_letter', subjectType: 'annual_evaluation', subjectId: d.evaluationId, summary: d.summary, issuedBy: d.issuedBy });
}

export interface RiskLetter {
  code: string;
  issuedAt: Date;
  summary: { year: number; companyName: string; uscc: string; score: number; line: number; interviewDue: string; districtName: string | null };
}

/** The 风险提示函 of an evaluation, if one was issued. */
export async function riskLetterOf(db: Queryable, evaluationId: string): Promise<RiskLetter | null> {
  const [row] = await db
    .select({ code: documents.code, issuedAt: documents.issuedAt, summary: documents.summary })
    .from(documents)
    .where(and(eq(documents.kind, 'risk_warning_letter'), eq(documents.subjectType, 'annual_evaluation'), eq(documents.subjectId, evaluationId)))
    .limit(1);
  return row ? { ...row, summary: row.summary as RiskLetter['summary'] } : null;
}

/** The letters of many evaluations at once (evaluation id → code). */
export async function riskLetterCodes(db: Queryable, evaluationIds: readonly string[]): Promise<Map<string, string>> {
  if (evaluationIds.length === 0) return new Map();
  const rows = await db
    .select({ subjectId: documents.subjectId, code: documents.code })
    .from(documents)
    .where(and(eq(documents.kind, 'risk_warning_letter'), inArray(documents.subjectId, [...evaluationIds])));
  return new Map(rows.map((r) => [r.subjectId, r.code]));
}

/** Interview notices (约谈) the actor may see, newest first. */
export async function interviewsInScope(db: Queryable, actor: Actor, year?: number) {
  return db
    .select({
      id: notices.id,
      companyId: notices.companyId,
      companyName: companies.name,
      title: notices.title,
      dueOn: notices.dueOn,
      status: notices.status,
      evaluationId: notices.relatedId,
      year: annualEvaluations.year,
    })
    .from(notices)
    .innerJoin(companies, eq(companies.id, notices.companyId))
    .innerJoin(annualEvaluations, eq(annualEvaluations.id, notices.relatedId))
    .where(and(eq(notices.kind, 'interview'), eq(notices.relatedType, 'annual_evaluation'), evaluationScope(actor), year ? eq(annualEvaluations.year, year) : undefined))
    .orderBy(desc(notices.createdAt));
}

/**
 * ZJ 6 as of a date: the latest evaluation published on or before it (China date), or null.
 */
export async function latestPublishedEvaluation(db: Queryable, companyId: string, on: string) {
  const [row] = await db
    .select({ year: annualEvaluations.year, grade: annualEvaluations.grade, vetoed: annualEvaluations.vetoed, score: annualEvaluations.score })
    .from(annualEvaluations)
    .where(and(eq(annualEvaluations.companyId, companyId), sql`(${annualEvaluations.publishedAt} at time zone 'Asia/Shanghai')::date <= ${on}`))
    .orderBy(desc(annualEvaluations.year))
    .limit(1);
  return row ?? null;
}

/** District id → name (the letters name the district that holds the interview). */
export async function listDistrictNames(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.level, 'district'));
  return new Map(rows.map((r) => [r.id, r.name]));
}
