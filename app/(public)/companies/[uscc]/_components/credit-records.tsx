import { CorrectionNotes, ObjectionBadge, StatementNote } from '@/components/records/record-notes';
import type { PublicCreditRecord } from '@/db/queries/credit-records';
import { CREDIT_CATEGORY_SHORT } from '@/lib/domain/labels';
import { formatDate } from '@/lib/format';

function pointsText(r: PublicCreditRecord) {
  if (r.points == null) return '—';
  const n = Number(r.points);
  return r.category === 'performance' ? `加 ${n} 分` : `扣 ${n} 分`;
}

/**
 * SPEC §3.7: the company's records in public view today — category, type, severity, dates, the day each leaves
 * public view, the company's statement, published corrections and "异议处理中" — with the way to object.
 */
export function PublicCreditRecords({ records, asOf }: { records: PublicCreditRecord[]; asOf: string }) {
  return (
    <section aria-labelledby="credit-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id="credit-heading" className="mb-2 text-lg font-semibold">
        信用记录
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        公示业绩信用信息（红榜）和警示信用信息（黑榜）。警示信息按情节轻重公示：一般失信 3 个月至 1 年，严重失信 1 年至 3
        年；情节轻微的不公示。公示期满或完成信用修复后不再公示，也不再计入信用评价。
      </p>
      {records.length === 0 ? (
        <p className="text-slate-700">截至 {formatDate(asOf)}，没有公示中的信用记录。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-slate-600">截至 {formatDate(asOf)} 公示中的信用记录（{records.length} 条）</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">类别</th>
                <th scope="col" className="p-2">事项</th>
                <th scope="col" className="p-2">情节</th>
                <th scope="col" className="p-2">分值</th>
                <th scope="col" className="p-2">发生日期</th>
                <th scope="col" className="p-2">公布日期</th>
                <th scope="col" className="p-2">停止公示日期</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id} className="border-b border-slate-100 align-top">
                  <td className="p-2">
                    <span
                      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${r.category === 'performance' ? 'bg-red-50 text-red-900' : 'bg-slate-800 text-white'}`}
                    >
                      {CREDIT_CATEGORY_SHORT[r.category]}
                    </span>
                  </td>
                  <th scope="row" className="p-2 font-normal">
                    <span className="font-medium">{r.type}</span>
                    {r.isPenalty && !r.type.includes('行政处罚') && <span className="ml-1 text-xs text-slate-600">（行政处罚）</span>}
                    <ObjectionBadge open={r.underObjection} />
                    {(r.projectName || r.issuer) && (
                      <span className="block text-xs text-slate-600">
                        {[r.projectName, r.issuer].filter(Boolean).join(' · ')}
                      </span>
                    )}
                    {r.revoked && <p className="mt-1 text-sm font-medium text-sky-900">该记录经异议核查已撤销，不计入信用评价。</p>}
                    <CorrectionNotes corrections={r.corrections} />
                    <StatementNote statement={r.statement} by="企业" />
                    {!r.revoked && (
                      <a href={`/objections/new?record=${r.id}`} className="mt-1 inline-block text-xs text-brand-700 underline">
                        对此信息提出异议
                      </a>
                    )}
                  </th>
                  <td className="p-2">{r.severity ?? '—'}</td>
                  <td className="p-2 whitespace-nowrap">{pointsText(r)}</td>
                  <td className="p-2 whitespace-nowrap">{formatDate(r.occurredOn)}</td>
                  <td className="p-2 whitespace-nowrap">{formatDate(r.publishedOn)}</td>
                  <td className="p-2 whitespace-nowrap">{r.publicUntil ? formatDate(r.publicUntil) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
