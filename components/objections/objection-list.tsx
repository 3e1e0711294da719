import Link from 'next/link';
import { FilterBar, ListResults, optionsOf, SelectFilter, type Column } from '@/components/list-kit/signed-in';
import type { ObjectionListRow } from '@/db/queries/objections';
import { isOpenStatus, OBJECTION_FIELDS, OBJECTION_STATUS_LABELS, OBJECTION_SUBJECT_LABELS, parseObjectionBody, type ObjectionSubject } from '@/lib/domain/objections';
import { formatDate, formatDateTime } from '@/lib/format';

/** What the 异议事项 cell says: the item of one's own data, or the kind and type of the record. */
function subjectOf(r: ObjectionListRow): string {
  if (r.subjectType === 'practitioner') return OBJECTION_FIELDS[parseObjectionBody(r.body).field];
  return `${OBJECTION_SUBJECT_LABELS[r.subjectType]}：${r.recordType ?? ''}${r.recordOccurredOn ? `（${formatDate(r.recordOccurredOn)}）` : ''}`;
}

const columns = (basePath: string): Column<ObjectionListRow>[] => [
  {
    label: '对象',
    rowHeader: true,
    cell: (r) => (
      <>
        <Link href={`${basePath}/${r.id}`} className="text-brand-800 underline">
          {r.personName ?? r.companyName ?? r.trackingCode}
        </Link>
        {r.idNumberMasked && <span className="block font-mono text-xs text-slate-600">{r.idNumberMasked}</span>}
      </>
    ),
  },
  { label: '异议事项', cell: subjectOf },
  {
    label: '小区 / 企业',
    cell: (r) => (
      <>
        {r.projectName ?? '—'}
        <span className="block text-xs text-slate-600">
          {r.companyName ?? ''} {r.districtName ?? ''}
        </span>
      </>
    ),
  },
  { label: '提出时间', cell: (r) => formatDateTime(r.filedAt) },
  {
    label: '状态',
    cell: (r) => (
      <>
        {isOpenStatus(r.status) && <span className="mr-1 inline-block rounded bg-amber-100 px-1 text-xs text-amber-900">异议处理中</span>}
        {OBJECTION_STATUS_LABELS[r.status] ?? r.status}
      </>
    ),
  },
];

/**
 * The objection queue of a company or a bureau: open ones first, oldest first. `subject` (bureau only) shows
 * the filter by kind: one's own data, credit records, staff records. The list kit's filters, table and pager.
 */
export function ObjectionList({
  basePath,
  rows,
  total,
  status,
  page,
  pageSize,
  subject,
}: {
  basePath: string;
  rows: ObjectionListRow[];
  total: number;
  status: string;
  page: number;
  pageSize: number;
  subject?: 'all' | ObjectionSubject;
}) {
  return (
    <div className="space-y-4">
      <FilterBar>
        <SelectFilter
          name="status"
          label="状态"
          value={status}
          options={[
            { value: 'open', label: '处理中' },
            { value: 'decided', label: '已办结' },
            { value: 'all', label: '全部' },
          ]}
        />
        {subject && (
          <SelectFilter
            name="subject"
            label="异议类别"
            value={subject}
            options={[{ value: 'all', label: '全部' }, ...optionsOf(Object.keys(OBJECTION_SUBJECT_LABELS) as ObjectionSubject[], OBJECTION_SUBJECT_LABELS)]}
          />
        )}
      </FilterBar>
      <ListResults
        path={basePath}
        filters={{ status, ...(subject ? { subject } : {}), page }}
        defaults={{ status: 'open', ...(subject ? { subject: 'all' } : {}) }}
        total={total}
        pageSize={pageSize}
        unit="件"
        caption="信息异议列表"
        columns={columns(basePath)}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ filtered: '没有符合条件的异议。', none: '目前没有处理中的异议，新的异议提出后会出现在这里。', next: { href: `${basePath}?status=all`, label: '查看全部异议' } }}
      />
    </div>
  );
}
