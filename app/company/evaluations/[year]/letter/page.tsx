import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RiskLetterView } from '@/components/evaluations/risk-letter';
import { requireActor } from '@/lib/auth/actor';
import { loadRiskLetter } from '@/lib/evaluations/load';
import { getDb } from '@/db';
import { cityBureauName } from '@/db/queries/credit-reports';

export const metadata: Metadata = { title: '风险提示函', robots: { index: false } };

/** The company's own 风险提示函 of a year, printable on A4. */
export default async function CompanyRiskLetterPage({ params }: { params: Promise<{ year: string }> }) {
  const { year } = await params;
  const actor = await requireActor(['company'], `/company/evaluations/${year}/letter`);
  const y = Number(year);
  if (!Number.isInteger(y) || !actor.companyId) notFound();
  const { evaluation, letter } = await loadRiskLetter(actor, actor.companyId, y);
  return (
    <div className="space-y-4">
      <p className="no-print print:hidden">
        <Link href="/company/evaluations" className="text-brand-800 underline">
          返回信用评价
        </Link>
      </p>
      <RiskLetterView letter={letter} evaluation={evaluation} issuerName={await cityBureauName(getDb())} />
    </div>
  );
}
