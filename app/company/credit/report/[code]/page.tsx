import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CreditReportPrint } from '@/components/documents/credit-report-print';
import { PrintButton } from '@/components/documents/print-button';
import { getDb } from '@/db';
import { getCreditReportByCode, getCreditReportInScope } from '@/db/queries/credit-reports';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { normalizeTrackingCode } from '@/lib/domain/objections';

export const metadata: Metadata = { title: '企业信用报告', robots: { index: false } };

/** The issued report as clean A4 (no navigation, no buttons on paper). */
export default async function CreditReportPrintPage({ params }: { params: Promise<{ code: string }> }) {
  const raw = (await params).code;
  const actor = await requireActor(['company'], '/company/credit/report');
  const code = normalizeTrackingCode(raw);
  if (!code) notFound();
  const db = getDb();
  // Another company's (or another district's) report answers 404 like a missing one, and is audited.
  const report = await inScopeOrNotFound(actor, await getCreditReportInScope(db, actor, code), { type: 'document', id: code, exists: async () => !!(await getCreditReportByCode(db, code)) });
  return (
    <div className="space-y-4">
      <PrintButton back="/company/credit/report" />
      <CreditReportPrint report={report} />
    </div>
  );
}
