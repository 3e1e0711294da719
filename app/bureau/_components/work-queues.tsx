import Link from 'next/link';
import { ListTable } from '@/components/list-kit/table';
import { daysWaiting, type QueueRow } from '@/lib/domain/work-queue';
import { formatNumber } from '@/lib/format';

const pill = (n: number, tone: string, label: string) =>
  n > 0 ? <span className={`inline-block rounded px-1.5 text-xs font-medium ${tone}`}>{`${label} ${formatNumber(n)}`}</span> : <span className="text-slate-500">0</span>;

/**
 * The bureau home's work queues (issue 18, item 4): each kind of pending work with its link, due today and overdue
 * counts (where the work has a deadline), green-channel items and how long the oldest has waited — overdue first.
 */
export function WorkQueues({ rows, today }: { rows: QueueRow[]; today: string }) {
  const waiting = rows.filter((r) => r.pending > 0);
  return (
    <section aria-labelledby="queues-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="queues-heading" className="mb-1 text-lg font-semibold">
        待办工作
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        {waiting.length === 0 ? '各项工作均已处理完毕。' : `${waiting.length} 类工作有待处理事项；已逾期的排在最前，其次是今日到期和等待最久的。`}
      </p>
      <ListTable
        caption="待办工作：各类待处理事项、今日到期、已逾期和等待最久的天数"
        rows={rows}
        rowKey={(r) => r.key}
        testId="work-queues"
        columns={[
          {
            label: '工作',
            rowHeader: true,
            cell: (r) => (
              <Link href={r.href} className="font-medium text-brand-800 underline">
                {r.label}
              </Link>
            ),
          },
          { label: '待处理', className: 'tabular-nums', cell: (r) => formatNumber(r.pending) },
          { label: '今日到期', cell: (r) => (r.deadline ? pill(r.dueToday, 'bg-amber-100 text-amber-900', '今日') : <span className="text-slate-500">无期限</span>) },
          { label: '已逾期', cell: (r) => (r.deadline ? pill(r.overdue, 'bg-red-100 text-red-900', '逾期') : <span className="text-slate-500">无期限</span>) },
          { label: '绿色通道', cell: (r) => (r.green > 0 ? pill(r.green, 'bg-emerald-100 text-emerald-900', '优先') : <span className="text-slate-500">—</span>) },
          {
            label: '最早一件已等待',
            className: 'whitespace-nowrap',
            cell: (r) => {
              const d = daysWaiting(r.oldestAt, today);
              return d === null ? '—' : d === 0 ? '今天提交' : `${d} 天`;
            },
          },
        ]}
      />
      {rows.some((r) => r.deadline) && (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-600">
          {rows
            .filter((r) => r.deadline)
            .map((r) => (
              <li key={r.key}>
                {r.label}的期限：{r.deadline}。
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
