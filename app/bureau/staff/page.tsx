import type { Metadata } from 'next';
import Link from 'next/link';
import { STAFF_TYPE_LABELS } from '@/components/practitioner/labels';
import { CheckFilter, FilterBar, ListResults, optionsOf, parseFilters, SelectFilter, TextFilter, type Column } from '@/components/list-kit/signed-in';
import { QUEUE_STATUS_OPTIONS } from '@/components/list-kit/queue';
import { getDb } from '@/db';
import { listQueueProjects, listStaffQueue, STAFF_PAGE_SIZE, STAFF_QUEUE_TYPES } from '@/db/queries/practitioner-review';
import { requireActor } from '@/lib/auth/actor';
import { SUBMISSION_STATUS_LABELS } from '@/lib/domain/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import { ProvisionalNote } from '@/components/ui/provisional-note';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { knownLabel } from '@/lib/actions/query-notice';
import { STAFF_DECISION_LABELS } from '@/lib/validation/practitioner-review';
import { exportLinkOf } from '@/components/list-kit/export-link';
import { staffFilterSchema } from './filters';

export const metadata: Metadata = { title: '从业人员审核', robots: { index: false } };


type Row = Awaited<ReturnType<typeof listStaffQueue>>['rows'][number];

const columns: Column<Row>[] = [
  {
    label: '人员',
    rowHeader: true,
    cell: (r) => (
      <>
        <Link href={`/bureau/staff/${r.id}`} className="text-brand-800 underline">
          {r.name ?? '（无人员信息）'}
        </Link>
        <span className="block font-mono text-xs text-slate-600">{r.idNumberMasked}</span>
        {r.priority > 0 && <span className="mt-1 inline-block rounded bg-emerald-100 px-1 text-xs text-emerald-900">绿色通道</span>}
      </>
    ),
  },
  { label: '类型', cell: (r) => STAFF_TYPE_LABELS[r.type] ?? r.type },
  {
    label: '企业 · 小区',
    cell: (r) => (
      <>
        {r.companyName ?? '—'}
        <span className="block text-xs text-slate-600">
          {r.projectName ?? '—'}
          {r.districtName ? ` · ${r.districtName}` : ''}
        </span>
      </>
    ),
  },
  {
    label: '提交时间',
    cell: (r) => (
      <>
        {formatDateTime(r.submittedAt)}
        {r.daysWaiting != null && <span className="block text-xs text-slate-600">已等待 {r.daysWaiting} 天</span>}
      </>
    ),
  },
  {
    label: '登记期限',
    cell: (r) => (
      <>
        {r.dueOn ? formatDate(r.dueOn) : '—'}
        <ProvisionalNote date={r.dueOn} />
        {r.late && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">逾期登记</span>}
      </>
    ),
  },
  {
    label: '状态',
    cell: (r) => (
      <>
        {SUBMISSION_STATUS_LABELS[r.status] ?? r.status}
        {r.photoMissing && <span className="mt-1 block w-fit rounded bg-red-100 px-1 text-xs text-red-900">缺少证件照，暂不能审核通过</span>}
      </>
    ),
  },
];

export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/staff');
  const sp = await searchParams;
  const f = parseFilters(staffFilterSchema, sp);
  const db = getDb();
  await ensureHolidayCalendar(db);
  const [{ rows, total }, projects] = await Promise.all([listStaffQueue(db, actor, f), listQueueProjects(db, actor)]);
  const decided = knownLabel(sp.decided, STAFF_DECISION_LABELS);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">从业人员审核</h1>
      {decided && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已提交审核结果：{decided}。
        </p>
      )}
      <FilterBar>
        <SelectFilter name="type" label="类型" value={f.type} options={[{ value: 'all', label: '全部' }, ...optionsOf(STAFF_QUEUE_TYPES, STAFF_TYPE_LABELS)]} />
        <SelectFilter name="status" label="状态" value={f.status} options={QUEUE_STATUS_OPTIONS} />
        <SelectFilter name="projectId" label="小区（有待审核申请的）" value={f.projectId} all="全部小区" options={projects.map((p) => ({ value: p.id, label: p.name }))} />
        <TextFilter label="小区名称或人员姓名" value={f.q} />
        <CheckFilter name="overdue" label="只看逾期登记" checked={f.overdue} />
      </FilterBar>
      <ListResults
        path="/bureau/staff"
        filters={f}
        schema={staffFilterSchema}
        total={total}
        pageSize={STAFF_PAGE_SIZE}
        unit="件"
        summary={`共 ${total} 件（绿色通道企业的申请排在前面，其余按提交先后）。`}
        caption="从业人员审核队列"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        exportLink={exportLinkOf('/bureau/staff', f)}
        empty={{ filtered: '没有符合条件的申请。', none: '目前没有待审核的从业人员登记。', next: { href: '/bureau/staff?status=all', label: '查看全部申请' } }}
      />
    </div>
  );
}
