/** The company home's newest notices of records entered about its staff (两书同达), with the notice to print. */
import Link from 'next/link';
import { formatDateTime } from '@/lib/format';

export function CompanyRecordNotices({ notices }: { notices: { id: string; title: string; createdAt: Date; recordId: string | null }[] }) {
  return (
    <section aria-labelledby="record-notices-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="record-notices-heading" className="mb-3 text-lg font-semibold">
        人员不良行为记录告知
      </h2>
      {notices.length === 0 ? (
        <p className="text-slate-600">没有新的告知。</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {notices.map((n) => (
            <li key={n.id} className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 pb-2">
              <span>
                {n.title}
                <span className="ml-2 text-slate-600">{formatDateTime(n.createdAt)}</span>
              </span>
              {n.recordId && (
                <Link href={`/company/records/${n.recordId}/notice`} className="text-brand-800 underline">
                  打印告知书
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm">
        <Link href="/company/records?kind=bad" className="text-brand-800 underline">
          查看全部人员奖惩记录
        </Link>
      </p>
    </section>
  );
}
