import { ListTable, type Column } from '@/components/list-kit/table';
import { CorrectionNotes, ObjectionBadge, StatementNote } from '@/components/records/record-notes';
import type { PublicCreditRecord } from '@/db/queries/credit-records';
import { CREDIT_CATEGORY_SHORT } from '@/lib/domain/labels';
import { formatDate } from '@/lib/format';

function pointsText(r: PublicCreditRecord) {
  if (r.points == null) return '—';
  const n = Number(r.points);
  return r.category === 'performance' ? `加 ${n} 分` : `扣 ${n} 分`;
}

/** One record per row; on a phone one card per record (list kit), the item's name as the card's title. */
const COLUMNS: Column<PublicCreditRecord>[] = [
  {
    label: '事项',
    rowHeader: true,
    cell: (r) => (
      <>
        <span className="font-medium">{r.type}</span>
        {r.isPenalty && !r.type.includes('行政处罚') && <span className="ml-1 text-xs text-slate-600">（行政处罚）</span>}
        <ObjectionBadge open={r.underObjection} />
        {(r.projectName || r.issuer) && <span className="block text-xs font-normal text-slate-600">{[r.projectName, r.issuer].filter(Boolean).join(' · ')}</span>}
        {r.revoked && <p className="mt-1 text-sm font-medium text-sky-900">该记录经异议核查已撤销，不计入信用评价。</p>}
        <CorrectionNotes corrections={r.corrections} />
        <StatementNote statement={r.statement} by="企业" />
        {!r.revoked && (
          <a href={`/objections/new?record=${r.id}`} className="mt-1 inline-block text-xs font-normal text-brand-700 underline">
            对此信息提出异议
          </a>
        )}
      </>
    ),
  },
  {
    label: '类别',
    cell: (r) => (
      <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${r.category === 'performance' ? 'bg-red-50 text-red-900' : 'bg-slate-800 text-white'}`}>
        {CREDIT_CATEGORY_SHORT[r.category]}
      </span>
    ),
  },
  { label: '情节', cell: (r) => r.severity ?? '—' },
  { label: '分值', className: 'whitespace-nowrap', cell: pointsText },
  { label: '发生日期', className: 'whitespace-nowrap', cell: (r) => formatDate(r.occurredOn) },
  { label: '公布日期', className: 'whitespace-nowrap', cell: (r) => formatDate(r.publishedOn) },
  { label: '停止公示日期', className: 'whitespace-nowrap', cell: (r) => (r.publicUntil ? formatDate(r.publicUntil) : '—') },
];

/**
 * SPEC §3.7: the company's records in public view today — category, type, severity, dates, the day each leaves
 * public view, the company's statement, published corrections and "异议处理中" — with the way to object.
 */
export function PublicCreditRecords({ records, asOf }: { records: PublicCreditRecord[]; asOf: string }) {
  const caption = `截至 ${formatDate(asOf)} 公示中的信用记录（${records.length} 条）`;
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
        <>
          <p className="mb-2 text-sm text-slate-600">{caption}</p>
          <ListTable caption={caption} columns={COLUMNS} rows={records} rowKey={(r) => r.id} />
        </>
      )}
    </section>
  );
}
