import 'server-only';
/**
 * Company credit reports (企业信用报告, issue 17 item 2; decision 032): the facts a report states, computed from
 * the same summary the public profile shows (grade, today's score, list status, ZJ 6 eligibility); the report's
 * `documents` row; and the first day after issue on which those facts could have changed (a list entry starting
 * or ending, a newer evaluation published).
 */
import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { annualEvaluations, companies, documents, listEntries, organisations, regions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import type { CreditReportFacts } from '@/lib/domain/credit-report';
import { LIST_STATUS_MEANING, gradeVersusScore, scoreSentence } from '@/lib/domain/lay-summary';
import { companyCreditSummary } from './public-lists';
import { districtScope } from './scope';

export interface ReportCompany {
  id: string;
  name: string;
  uscc: string;
  districtId: string | null;
  districtName: string | null;
}

const companyColumns = { id: companies.id, name: companies.name, uscc: companies.uscc, districtId: companies.districtId, districtName: regions.name };

/** The approved company a report may be issued for by `actor`: its own (company), its district's, or any (city). */
export async function reportCompanyInScope(db: Queryable, actor: Actor, by: { companyId?: string; uscc?: string }): Promise<ReportCompany | null> {
  const scope =
    actor.role === 'company' ? (actor.companyId ? eq(companies.id, actor.companyId) : sql`false`) : actor.role === 'city' || actor.role === 'district' ? districtScope(actor, companies.districtId) : sql`false`;
  const which = by.companyId ? eq(companies.id, by.companyId) : by.uscc ? eq(companies.uscc, by.uscc) : sql`false`;
  const [c] = await db
    .select(companyColumns)
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(and(which, scope, eq(companies.filingStatus, 'approved')))
    .limit(1);
  return c ?? null;
}

/** Whether an approved company has this code (to tell "out of scope" from "missing" in the audit only). */
export async function companyExistsByUscc(db: Queryable, uscc: string): Promise<string | null> {
  const [c] = await db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, uscc)).limit(1);
  return c?.id ?? null;
}

export interface CreditReportToday {
  facts: CreditReportFacts;
  /** Lay sentences printed with the facts. */
  scoreExplained: string;
  gradeExplained: string;
  listExplained: string;
  eligibilityReasons: string[];
}

/** What a report issued today would state. */
export async function creditReportFactsOn(db: Queryable, companyId: string, today: string): Promise<CreditReportToday> {
  const s = await companyCreditSummary(db, companyId, today, today);
  const e = s.evaluation;
  const facts: CreditReportFacts = {
    grade: e ? (e.vetoed ? 'D' : e.grade) : null,
    gradeYear: e?.year ?? null,
    gradeScore: e && !e.vetoed ? e.score : null,
    vetoed: e?.vetoed ?? false,
    score: s.outlook.score,
    listStatus: s.listStatus,
    eligible: s.eligibility.eligible,
  };
  return {
    facts,
    scoreExplained: scoreSentence(s.outlook.base, s.outlook.score, s.outlook.lines),
    gradeExplained: gradeVersusScore(e ? { year: e.year, grade: e.grade, score: e.score, vetoed: e.vetoed } : null, s.outlook.score),
    listExplained: LIST_STATUS_MEANING[s.listStatus],
    eligibilityReasons: s.eligibility.reasons,
  };
}

/**
 * The first day from `issuedOn` (up to `today`) on which a list entry of the company began, ended or ran out, or
 * a newer evaluation was published: the day a stated fact may have stopped holding. Null when none.
 */
export async function firstCreditChangeAfter(db: Queryable, companyId: string, issuedOn: string, today: string): Promise<string | null> {
  const [entries, evals] = await Promise.all([
    db.select({ since: listEntries.since, until: listEntries.until, endedOn: listEntries.endedOn }).from(listEntries).where(eq(listEntries.companyId, companyId)),
    db
      .select({ on: sql<string>`to_char((${annualEvaluations.publishedAt} at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD')` })
      .from(annualEvaluations)
      .where(and(eq(annualEvaluations.companyId, companyId), isNotNull(annualEvaluations.publishedAt))),
  ]);
  const all = [...entries.flatMap((e) => [e.since, e.endedOn ?? e.until]), ...evals.map((e) => e.on)].filter((d): d is string => !!d && d >= issuedOn && d <= today);
  const after = all.filter((d) => d > issuedOn).sort();
  // An event on the issue day itself may have come before or after the report: only when nothing later explains the change.
  return after[0] ?? (all.includes(issuedOn) ? issuedOn : null);
}

export interface CreditReportSummary {
  title: string;
  companyName: string;
  uscc: string;
  districtName: string | null;
  issuedOn: string;
  purpose: string | null;
  issuerName: string;
  facts: CreditReportFacts;
  scoreExplained: string;
  gradeExplained: string;
  listExplained: string;
  eligibilityReasons: string[];
}

export async function insertCreditReport(tx: Queryable, d: { code: string; companyId: string; summary: CreditReportSummary; issuedBy: string; issuedAt: Date; validUntil: string }) {
  await tx.insert(documents).values({
    code: d.code,
    kind: 'credit_report',
    subjectType: 'company',
    subjectId: d.companyId,
    summary: d.summary,
    issuedBy: d.issuedBy,
    issuedAt: d.issuedAt,
    validUntil: d.validUntil,
  });
}

export interface StoredCreditReport {
  code: string;
  companyId: string;
  summary: CreditReportSummary;
  issuedAt: Date;
  validUntil: string;
  revokedAt: Date | null;
}

/** A report by code, only if `actor` may see its company (same scope as issuing). */
export async function getCreditReportInScope(db: Queryable, actor: Actor, code: string): Promise<StoredCreditReport | null> {
  const d = await getCreditReportByCode(db, code);
  if (!d) return null;
  const c = await reportCompanyInScope(db, actor, { companyId: d.companyId });
  return c ? d : null;
}

export async function getCreditReportByCode(db: Queryable, code: string): Promise<StoredCreditReport | null> {
  const [d] = await db
    .select({ code: documents.code, companyId: documents.subjectId, summary: documents.summary, issuedAt: documents.issuedAt, validUntil: documents.validUntil, revokedAt: documents.revokedAt })
    .from(documents)
    .where(and(eq(documents.code, code), eq(documents.kind, 'credit_report'), eq(documents.subjectType, 'company')))
    .limit(1);
  if (!d || !d.validUntil) return null;
  return { ...d, validUntil: d.validUntil, summary: d.summary as CreditReportSummary };
}

/** Reports issued for a company after `since` (tests and the issue count). */
export async function countCreditReports(db: Queryable, companyId: string, since = new Date(0)): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.kind, 'credit_report'), eq(documents.subjectId, companyId), gt(documents.issuedAt, since)));
  return Number(r?.n ?? 0);
}

/** The issuing body printed on a letter or report: the city bureau's name from the organisations table. */
export async function cityBureauName(db: Queryable): Promise<string> {
  const [o] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.kind, 'city_bureau')).limit(1);
  return o?.name ?? '物业行政主管部门';
}
