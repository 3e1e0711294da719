import 'server-only';
/**
 * Company credit reports (企业信用报告, issue 17 item 2; decision 032). A company prints its own; a bureau prints
 * one for a company in its scope (the city for any). Issuing writes a `documents` row whose summary fixes what the
 * report states (grade, today's score explained, list status, ZJ 6 eligibility on the day) and an audit row, in
 * one transaction. `/verify/[code]` later compares those facts with today's (lib/domain/credit-report.ts).
 */
import type { Db } from '@/db';
import {
  cityBureauName,
  companyExistsByUscc,
  creditReportFactsOn,
  insertCreditReport,
  reportCompanyInScope,
  type CreditReportSummary,
  type ReportCompany,
} from '@/db/queries/credit-reports';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow, today as clockToday } from '@/lib/clock';
import { creditReportValidUntil } from '@/lib/domain/credit-report';
import { newTrackingCode } from '@/lib/domain/objections';
import { consume, throttledMessage, type Limit } from '@/lib/security/throttle';
import { bureauCreditReportSchema, companyCreditReportSchema } from '@/lib/validation/credit-report';

type Opts = { now?: Date; today?: string };

/** Per signed-in user: enough for a busy tender season, far from a scraper's pace. */
export const CREDIT_REPORT_LIMIT: Limit = { bucket: 'credit_report.user', max: 20, windowSeconds: 3600 };

/** The company prints its own report (whatever company it names, it gets its own: the schema has no company field). */
export async function issueOwnCreditReport(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ code: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'credit.report.own')) return fail('FORBIDDEN');
  const at = opts.now ?? clockNow();
  const throttle = await consume(db, CREDIT_REPORT_LIMIT, actor.userId, at);
  if (!throttle.ok) return fail('LOCKED', throttledMessage(throttle));
  const parsed = companyCreditReportSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const company = await reportCompanyInScope(db, actor, { companyId: actor.companyId ?? undefined });
  if (!company) return fail('NOT_FOUND', '本企业尚未完成备案，暂不能出具信用报告');
  return issue(db, actor, company, parsed.data.purpose, at, opts.today ?? clockToday());
}

/** A bureau prints the report of a company in its scope (a district its district's companies, the city any). */
export async function issueBureauCreditReport(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ code: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'credit.report.issue')) return fail('FORBIDDEN');
  const at = opts.now ?? clockNow();
  const throttle = await consume(db, CREDIT_REPORT_LIMIT, actor.userId, at);
  if (!throttle.ok) return fail('LOCKED', throttledMessage(throttle));
  const parsed = bureauCreditReportSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const company = await reportCompanyInScope(db, actor, { uscc: parsed.data.uscc });
  if (!company) {
    const other = await companyExistsByUscc(db, parsed.data.uscc);
    if (other) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'company', objectId: other });
    return fail('NOT_FOUND', '辖区内没有该统一社会信用代码的已备案企业');
  }
  return issue(db, actor, company, parsed.data.purpose, at, opts.today ?? clockToday());
}

/** One transaction: the facts of the day, the documents row and its audit row. */
async function issue(db: Db, actor: Actor, company: ReportCompany, purpose: string | null, at: Date, on: string): Promise<ActionResult<{ code: string }>> {
  return db.transaction(async (tx) => {
    const now = await creditReportFactsOn(tx, company.id, on);
    const code = newTrackingCode();
    const validUntil = creditReportValidUntil(on);
    const summary: CreditReportSummary = {
      title: '企业信用报告',
      companyName: company.name,
      uscc: company.uscc,
      districtName: company.districtName,
      issuedOn: on,
      purpose,
      // The platform's issuing body: the city bureau, or the district bureau that printed it.
      issuerName: actor.role === 'district' && actor.organisationName ? actor.organisationName : await cityBureauName(tx),
      ...now,
    };
    await insertCreditReport(tx, { code, companyId: company.id, summary, issuedBy: actor.userId, issuedAt: at, validUntil });
    await audit(tx, actor, { action: 'credit_report.issued', objectType: 'company', objectId: company.id, after: { code, validUntil, facts: now.facts, purpose } });
    return ok({ code });
  });
}
