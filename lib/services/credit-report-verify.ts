import 'server-only';
/**
 * `/verify/[code]` for a company credit report (decision 032): the stored report, and whether what it stated still
 * holds today — the same facts computed now, the first day they may have changed, and the validity period.
 * Public: it answers only with what the report itself printed.
 */
import type { Queryable } from '@/db';
import { creditReportFactsOn, firstCreditChangeAfter, getCreditReportByCode, type StoredCreditReport } from '@/db/queries/credit-reports';
import { creditReportCurrency, factsFromSummary, type CreditReportCurrency } from '@/lib/domain/credit-report';

export interface CreditReportVerification {
  report: StoredCreditReport;
  currency: CreditReportCurrency;
}

export async function verifyCreditReport(db: Queryable, code: string, today: string): Promise<CreditReportVerification | null> {
  const report = await getCreditReportByCode(db, code);
  if (!report) return null;
  const stated = factsFromSummary(report.summary as unknown as Record<string, unknown>);
  if (!stated) return null;
  const [now, changedOn] = await Promise.all([creditReportFactsOn(db, report.companyId, today), firstCreditChangeAfter(db, report.companyId, report.summary.issuedOn, today)]);
  return { report, currency: creditReportCurrency({ facts: stated, validUntil: report.validUntil, revokedAt: report.revokedAt }, now.facts, today, changedOn) };
}
