import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CreditReportPrint } from '@/components/documents/credit-report-print';
import { PrintButton } from '@/components/documents/print-button';
import { getDb } from '@/db';
import { getCreditReportInScope } from '@/db/queries/credit-reports';
import { requireActor } from '@/lib/auth/actor';
import { normalizeTrackingCode } from '@/lib/domain/objections';

export const metadata: Metadata = { title: '企业信用报告', robots: { index: false } };

/** The issued report as clean A4 (no navigation, no buttons on paper). */
export default async function CreditReportPrintPage({ params }: { params: Promise<{ code: string }> }) {
  const raw = (await params).code;
  const actor = await requireActor(['city', 'district'], '/bureau/credit/report');
  const code = normalizeTrackingCode(raw);
  if (!code) notFound();
  const report = await getCreditReportInScope(getDb(), actor, code);
  if (!report) notFound();
  return (
    <div className="space-y-4">
      <PrintButton back="/bureau/credit/report" />
      <CreditReportPrint report={report} />
    </div>
  );
}
