import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterBar, ListResults, optionsOf, parseFilters, SelectFilter, TextFilter, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listFilingQueue, QUEUE_PAGE_SIZE } from '@/db/queries/company-filing';
import { requireActor } from '@/lib/auth/actor';
import { SUBMISSION_STATUS_LABELS, SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { formatDateTime } from '@/lib/format';
import { DISTRICT_IDS, DISTRICT_NAMES } from '@/lib/validation/company';
import { knownLabel } from '@/lib/actions/query-notice';
import { DECISION_LABELS } from '@/lib/services/company-filing';
import { QUEUE_STATUS_OPTIONS } from '@/components/list-kit/queue';
import { exportLinkOf } from '@/components/list-kit/export-link';
import { filingFilterSchema } from './filters';

export const metadata: Metadata = { title: '企业备案审核', robots: { index: false } };


type Row = Awaited<ReturnType<typeof listFilingQueue>>['rows'][number];

const columns: Column<Row>[] = [
  {
    label: '企业',
    rowHeader: true,
    cell: (r) => (
      <>
        <Link href={`/bureau/filings/${r.id}`} className="text-brand-800 underline">
          {r.companyName}
        </Link>
        <span className="block font-mono text-xs text-slate-600">{r.uscc}</span>
        {r.priority > 0 && <span className="mt-1 inline-block rounded bg-emerald-100 px-1 text-xs text-emerald-900">绿色通道</span>}
      </>
    ),
  },
  { label: '类型', cell: (r) => SUBMISSION_TYPE_LABELS[r.type] },
  { label: '区县', cell: (r) => r.districtName ?? '—' },
  {
    label: '提交时间',
    cell: (r) => (
      <>
        {formatDateTime(r.submittedAt)}
        {r.daysWaiting != null && <span className="block text-xs text-slate-600">已等待 {r.daysWaiting} 天</span>}
      </>
    ),
  },
  { label: '状态', cell: (r) => SUBMISSION_STATUS_LABELS[r.status] ?? r.status },
];

export default async function FilingQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city'], '/bureau/filings');
  const sp = await searchParams;
  const f = parseFilters(filingFilterSchema, sp);
  const { rows, total } = await listFilingQueue(getDb(), actor, f);
  const decided = knownLabel(sp.decided, DECISION_LABELS);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">企业备案与信息变更审核</h1>
      {decided && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已提交审核结果：{decided}。
        </p>
      )}
      <FilterBar>
        <TextFilter label="企业名称或信用代码" value={f.q} />
        <SelectFilter name="status" label="状态" value={f.status} options={QUEUE_STATUS_OPTIONS} />
        <SelectFilter
          name="type"
          label="类型"
          value={f.type}
          options={[
            { value: 'all', label: '全部' },
            ...optionsOf(['company_filing', 'company_change'] as const, { company_filing: '企业备案', company_change: '基本信息变更' }),
          ]}
        />
        <SelectFilter name="district" label="区县" value={f.district} all="全市" options={optionsOf(DISTRICT_IDS, DISTRICT_NAMES)} />
      </FilterBar>
      <ListResults
        path="/bureau/filings"
        filters={f}
        schema={filingFilterSchema}
        total={total}
        pageSize={QUEUE_PAGE_SIZE}
        unit="件"
        summary={`共 ${total} 件（绿色通道企业的申请排在前面，其余按提交先后）。`}
        caption="企业备案与信息变更审核队列"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        exportLink={exportLinkOf('/bureau/filings', f)}
        empty={{ filtered: '没有符合条件的申请。', none: '目前没有待审核的申请。', next: { href: '/bureau/filings?status=all', label: '查看全部申请' } }}
      />
    </div>
  );
}
