import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RiskLetterView } from '@/components/evaluations/risk-letter';
import { requireActor } from '@/lib/auth/actor';
import { loadRiskLetter } from '@/lib/evaluations/load';
import { getDb } from '@/db';
import { cityBureauName } from '@/db/queries/credit-reports';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: '风险提示函', robots: { index: false } };

/** The bureau's printable copy of a 风险提示函 (city: any; district: its companies). */
export default async function BureauRiskLetterPage({ params }: { params: Promise<{ year: string; companyId: string }> }) {
  const { year, companyId } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/evaluations/${year}/letters/${companyId}`);
  const y = Number(year);
  if (!Number.isInteger(y) || !isUuid(companyId)) notFound();
  const { evaluation, letter } = await loadRiskLetter(actor, companyId, y);
  return (
    <div className="space-y-4">
      <p className="no-print print:hidden">
        <Link href={`/bureau/evaluations?year=${y}`} className="text-brand-800 underline">
          返回年度评价
        </Link>
      </p>
      <RiskLetterView letter={letter} evaluation={evaluation} issuerName={await cityBureauName(getDb())} />
    </div>
  );
}
