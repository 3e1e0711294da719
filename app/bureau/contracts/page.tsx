import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterBar, ListResults, optionsOf, parseFilters, SelectFilter, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listContractsForReview, listDistrictsInScope, REVIEW_PAGE_SIZE } from '@/db/queries/contracts';
import { requireActor } from '@/lib/auth/actor';
import { CONTRACT_STATUS_LABELS } from '@/lib/domain/contracts';
import { formatDateTime } from '@/lib/format';
import { exportLinkOf } from '@/components/list-kit/export-link';
import { contractFilterSchema, STATUSES } from './filters';

export const metadata: Metadata = { title: '合同确认', robots: { index: false } };


type Row = Awaited<ReturnType<typeof listContractsForReview>>['rows'][number];

const columns: Column<Row>[] = [
  {
    label: '项目',
    rowHeader: true,
    cell: (r) => (
      <Link href={`/bureau/contracts/${r.id}`} className="text-brand-700 underline">
        {r.projectName}
      </Link>
    ),
  },
  { label: '区县', cell: (r) => r.districtName },
  { label: '登记企业', cell: (r) => r.companyName },
  { label: '合同期', cell: (r) => `${r.startDate} 至 ${r.endDate}`, className: 'whitespace-nowrap' },
  { label: '履约保证金', cell: (r) => `${Number(r.bondAmount).toLocaleString('zh-CN')} 元` },
  { label: '登记时间', cell: (r) => formatDateTime(r.createdAt), className: 'whitespace-nowrap' },
];

export default async function BureauContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/contracts');
  const f = parseFilters(contractFilterSchema, await searchParams);
  const db = getDb();
  const [districts, { rows, total }] = await Promise.all([
    listDistrictsInScope(db, actor),
    listContractsForReview(db, actor, { status: f.status, districtId: f.district ?? undefined, page: f.page }),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">物业服务合同确认</h1>
      <p className="text-sm text-slate-600">
        {actor.role === 'city' ? '全市' : actor.districtName}的物业服务企业登记的合同，经确认后生效（ZJ 7、9）。
      </p>
      <FilterBar>
        <SelectFilter name="status" label="状态" value={f.status} options={optionsOf(STATUSES, CONTRACT_STATUS_LABELS)} />
        {districts.length > 1 && <SelectFilter name="district" label="区县" value={f.district} all="全部区县" options={districts.map((d) => ({ value: d.id, label: d.name }))} />}
      </FilterBar>
      <ListResults
        path="/bureau/contracts"
        filters={f}
        schema={contractFilterSchema}
        total={total}
        pageSize={REVIEW_PAGE_SIZE}
        unit="份"
        caption={`${CONTRACT_STATUS_LABELS[f.status]}的合同，共 ${total} 份`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        exportLink={exportLinkOf('/bureau/contracts', f)}
        empty={{
          filtered: `没有${CONTRACT_STATUS_LABELS[f.status]}的合同。`,
          none: `没有${CONTRACT_STATUS_LABELS[f.status]}的合同，企业登记的新合同会出现在这里。`,
          next: { href: '/bureau/contracts?status=confirmed', label: '查看已确认的合同' },
        }}
      />
    </div>
  );
}
