import Link from 'next/link';
import { getDb } from '@/db';
import { listCompanyCreditRecords, listCompanyRepairs } from '@/db/queries/credit-records';
import { currentPolicy } from '@/lib/policy';
import { today } from '@/lib/clock';
import { creditRecordCounts, repairIsOverdue, repairRefusal } from '@/lib/domain/records';
import { formatDate } from '@/lib/format';

/** The company home's credit section: what counts now, repairs it may ask for, applications and their deadlines. */
export async function CreditSummary({ companyId }: { companyId: string }) {
  const db = getDb();
  const on = today();
  const [records, repairs, policy] = await Promise.all([listCompanyCreditRecords(db, companyId), listCompanyRepairs(db, companyId), currentPolicy()]);
  const counting = records.filter((r) => creditRecordCounts(r, on, policy.settings));
  const open = repairs.filter((s) => s.status === 'submitted');
  const openIds = new Set(open.map((s) => s.recordId));
  const repairable = counting.filter((r) => r.category === 'warning' && !openIds.has(r.id) && repairRefusal(r, on, policy.settings) === null);
  const pending = records.filter((r) => r.status === 'submitted').length;
  return (
    <section aria-labelledby="credit-summary-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="credit-summary-heading" className="text-lg font-semibold">
        企业信用记录
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        <li>计入信用评价的警示信息 {counting.filter((r) => r.category === 'warning').length} 条，业绩信息 {counting.filter((r) => r.category === 'performance').length} 条。</li>
        {pending > 0 && <li>待住建部门核准的信息 {pending} 条。</li>}
        {repairable.length > 0 && <li>可以申请信用修复的警示信息 {repairable.length} 条。</li>}
        {open.map((s) => (
          <li key={s.id}>
            信用修复申请（{s.recordType}）审核中，应于 {formatDate(s.decideBy)} 前作出决定
            {repairIsOverdue(s.decideBy, on) && <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-900">已逾期</span>}。
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href="/company/credit" className="text-brand-800 underline">
          查看全部信用记录
        </Link>
      </p>
    </section>
  );
}
