import type { CreditReportVerification } from '@/lib/services/credit-report-verify';
import { creditReportRows, creditReportStatusText } from '@/lib/domain/credit-report';

/** `/verify/[code]` for a company credit report: what it stated, and whether that still holds today. */
export function CreditReportResult({ v }: { v: CreditReportVerification }) {
  const { report, currency } = v;
  const s = report.summary;
  const tone = currency.status === 'current' ? 'border-green-700 bg-green-50' : 'border-amber-600 bg-amber-50';
  const rows: [string, string][] = [
    ['编号', report.code],
    ['出具日期', s.issuedOn],
    ['有效期至', report.validUntil],
    ['企业', s.companyName],
    ['统一社会信用代码', s.uscc],
    ...creditReportRows(s.facts).map(([k, val]): [string, string] => [`报告所载${k}`, val]),
    ['出具机关', s.issuerName],
  ];
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">文书核验结果</h1>
      <section aria-labelledby="doc-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="doc-heading" className="text-lg font-semibold">
          企业信用报告
        </h2>
        <p role="status" className={`mt-3 rounded border-l-4 p-3 ${tone}`}>
          {creditReportStatusText(currency, report.validUntil)}
        </p>
        <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[11rem_1fr]">
          {rows.map(([k, val]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd className={k === '编号' ? 'font-mono' : undefined}>{val}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3">
          <a href={`/companies/${s.uscc}`} className="text-brand-700 underline">
            查看该企业今天的信用档案
          </a>
        </p>
      </section>
      <p>
        <a href="/verify" className="text-brand-700 underline">
          核验其他文书
        </a>
      </p>
    </div>
  );
}
