import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { verifyBadge } from '@/db/queries/badges';
import { findDocumentByCode } from '@/db/queries/verify';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { normalizeTrackingCode } from '@/lib/domain/objections';
import { VERIFY_STATUS_TEXT, verifyView } from '@/lib/domain/verify';
import { decodeParam } from '@/lib/security/request-target';
import { BadgeResult } from '../_components/badge-result';
import { CreditReportResult } from '../_components/credit-report-result';
import { verifyCreditReport } from '@/lib/services/credit-report-verify';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: '文书核验结果', robots: { index: false, follow: false } };

/**
 * Whether a printed notice or letter was issued here, or whether a staff badge verifies now (noindex: a code is for
 * its holder, not for search engines).
 */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const decoded = decodeParam((await params).code);
  const code = decoded === null ? null : normalizeTrackingCode(decoded);
  if (!code) notFound();
  const badge = await verifyBadge(getDb(), code);
  if (badge) return <BadgeResult badge={badge} />;
  const doc = await findDocumentByCode(getDb(), code);
  if (!doc) notFound();
  if (doc.kind === 'credit_report') {
    const report = await verifyCreditReport(getDb(), code, today());
    if (!report) notFound();
    return <CreditReportResult v={report} />;
  }
  const v = verifyView(doc, today());
  const tone = v.status === 'valid' ? 'border-green-700 bg-green-50' : 'border-amber-600 bg-amber-50';
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">文书核验结果</h1>
      <section aria-labelledby="doc-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="doc-heading" className="text-lg font-semibold">
          {v.title}
        </h2>
        <p role="status" className={`mt-3 rounded border-l-4 p-3 ${tone}`}>
          {VERIFY_STATUS_TEXT[v.status]}
        </p>
        <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[9rem_1fr]">
          <dt className="text-slate-600">编号</dt>
          <dd className="font-mono">{doc.code}</dd>
          <dt className="text-slate-600">出具日期</dt>
          <dd>{formatDate(doc.issuedAt)}</dd>
          {v.rows.map(([k, val]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd>{val}</dd>
            </div>
          ))}
        </dl>
        {doc.creditRecord && (
          <p className="mt-3">
            <a href={`/companies/${doc.creditRecord.uscc}`} className="text-brand-700 underline">
              查看该企业的信用档案
            </a>
          </p>
        )}
      </section>
      <p>
        <a href="/verify" className="text-brand-700 underline">
          核验其他文书
        </a>
      </p>
    </div>
  );
}
