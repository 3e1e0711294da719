import type { Metadata } from 'next';
import Link from 'next/link';
import { UnpagedList, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listDepartmentSubmissions } from '@/db/queries/credit-records';
import { requireActor } from '@/lib/auth/actor';
import { formatDate, formatDateTime } from '@/lib/format';
import { today } from '@/lib/clock';
import { departmentKindLabel, departmentOutcome } from '@/lib/domain/department-credit';
import { currentPolicy } from '@/lib/policy';
import type { CreditPolicy } from '@/lib/domain/credit-policy';

export const metadata: Metadata = { title: '企业信用信息报送', robots: { index: false } };

type Row = Awaited<ReturnType<typeof listDepartmentSubmissions>>[number];

const columns = (on: string, policy: CreditPolicy): Column<Row>[] => [
  {
    label: '事项',
    rowHeader: true,
    cell: (r) => (
      <Link href={`/department/credit/${r.id}`} className="text-brand-800 underline">
        {r.type}
      </Link>
    ),
  },
  { label: '类别', cell: (r) => departmentKindLabel(r) },
  {
    label: '企业',
    cell: (r) => (
      <>
        {r.companyName}
        <span className="block font-mono text-xs text-slate-600">{r.uscc}</span>
      </>
    ),
  },
  { label: '决定或发文日期', className: 'whitespace-nowrap', cell: (r) => formatDate(r.occurredOn) },
  { label: '报送时间', className: 'whitespace-nowrap', cell: (r) => formatDateTime(r.createdAt) },
  { label: '处理结果', cell: (r) => departmentOutcome(r, on, policy).text },
];

export default async function DepartmentCreditPage() {
  const actor = await requireActor(['department'], '/department/credit');
  const [rows, policy] = await Promise.all([listDepartmentSubmissions(getDb(), actor), currentPolicy()]);
  const on = today();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">企业信用信息报送</h1>
      <p className="text-slate-700">
        本部门对物业服务企业作出的行政处罚、警示信息和表彰，报送住建部门核定分值后公布，记入企业信用档案（“红黑榜”管理办法第八条）。
      </p>
      <p>
        <Link href="/department/credit/new" className="inline-block min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white">
          报送新的信用信息
        </Link>
      </p>
      <section aria-labelledby="mine-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="mine-heading" className="mb-3 text-lg font-semibold">
          本部门报送的信用信息（{rows.length}）
        </h2>
        <UnpagedList
          caption="本部门报送的企业信用信息及处理结果"
          columns={columns(on, policy.settings)}
          rows={rows}
          rowKey={(r) => r.id}
          empty={{ none: '还没有报送过企业信用信息。', next: { href: '/department/credit/new', label: '报送第一条' } }}
        />
      </section>
    </div>
  );
}
