import Link from 'next/link';
import { FilterBar, ListResults, SelectFilter, type Column } from '@/components/list-kit/signed-in';
import type { ComplaintListRow, ComplaintStatusFilter } from '@/db/queries/complaints';
import { answerOverdueDays, COMPLAINT_KIND_LABELS, isAnswerOverdue, COMPLAINT_STATUS_LABELS, parseComplaintBody, type ComplaintKind } from '@/lib/domain/complaints';
import { formatDate, formatDateTime } from '@/lib/format';

/** Whom the case names, in a few words. */
export function aboutOf(r: Pick<ComplaintListRow, 'body' | 'companyName'>): string {
  const b = parseComplaintBody(r.body);
  if (b.staff) return `${b.staff.name}（${b.staff.post}）`;
  return b.about === 'company' ? (r.companyName ?? '物业服务企业') : '小区物业服务';
}

/** The 逾期 flag of a case whose answer is overdue: the same words in both queues and on the detail page. */
export function OverdueFlag({ row, today }: { row: { kind: string; status: string; dueOn: string | null }; today: string }) {
  if (!isAnswerOverdue(row, today)) return null;
  const days = answerOverdueDays(row, today);
  return <span className="mr-1 inline-block rounded bg-red-100 px-1 text-xs font-medium text-red-900">{days > 0 ? `答复逾期 ${days} 个工作日` : '答复已逾期'}</span>;
}

const columns = (basePath: string, today: string): Column<ComplaintListRow>[] => [
  {
    label: '小区',
    rowHeader: true,
    cell: (r) => (
      <Link href={`${basePath}/${r.id}`} className="text-brand-800 underline">
        {r.projectName ?? '—'}
      </Link>
    ),
  },
  { label: '类别', cell: (r) => COMPLAINT_KIND_LABELS[r.kind as ComplaintKind] ?? r.kind },
  { label: '针对', cell: aboutOf },
  { label: '提出时间', cell: (r) => formatDateTime(r.createdAt) },
  { label: '答复期限', cell: (r) => (r.dueOn ? formatDate(r.dueOn) : '—') },
  {
    label: '状态',
    cell: (r) => (
      <>
        <OverdueFlag row={r} today={today} />
        {COMPLAINT_STATUS_LABELS[r.status] ?? r.status}
      </>
    ),
  },
];

export const COMPLAINT_STATUS_OPTIONS: { value: ComplaintStatusFilter; label: string }[] = [
  { value: 'open', label: '处理中' },
  { value: 'overdue', label: '企业答复逾期' },
  { value: 'done', label: '已办结' },
  { value: 'all', label: '全部' },
];

/** The complaint queue of a company or a bureau (the list kit): open ones first, the earliest deadline first. */
export function ComplaintList({
  basePath,
  rows,
  total,
  filters,
  pageSize,
  today,
}: {
  basePath: string;
  rows: ComplaintListRow[];
  total: number;
  filters: { status: ComplaintStatusFilter; kind: 'all' | ComplaintKind; page: number };
  pageSize: number;
  today: string;
}) {
  return (
    <div className="space-y-4">
      <FilterBar>
        <SelectFilter name="status" label="状态" value={filters.status} options={COMPLAINT_STATUS_OPTIONS} />
        <SelectFilter
          name="kind"
          label="类别"
          value={filters.kind}
          options={[
            { value: 'all', label: '全部' },
            { value: 'complaint', label: '投诉' },
            { value: 'praise', label: '表扬' },
          ]}
        />
      </FilterBar>
      <ListResults
        path={basePath}
        filters={filters}
        defaults={{ status: 'open', kind: 'all' }}
        total={total}
        pageSize={pageSize}
        unit="件"
        caption="业主投诉和表扬列表"
        columns={columns(basePath, today)}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ filtered: '没有符合条件的投诉或表扬。', none: '目前没有处理中的投诉或表扬，业主提交后会出现在这里。', next: { href: `${basePath}?status=all`, label: '查看全部' } }}
      />
    </div>
  );
}

