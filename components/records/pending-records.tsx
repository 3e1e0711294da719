/** The bureau home's line about staff records waiting for a decision (SN 12, 14). */
import Link from 'next/link';

export function PendingRecords({ pending, late }: { pending: number; late: number }) {
  return (
    <section aria-labelledby="pending-records-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="pending-records-heading" className="text-lg font-semibold">
        人员奖惩记录
      </h2>
      <p className="mt-2">
        待审核的优良信息和不良行为线索 <strong>{pending}</strong> 件{late > 0 ? `，其中逾期报送 ${late} 件` : ''}。{' '}
        <Link href="/bureau/records" className="text-brand-800 underline">
          进入审核
        </Link>
      </p>
    </section>
  );
}
