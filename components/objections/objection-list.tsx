import Link from 'next/link';
import { Pager } from '@/components/ui/pager';
import type { ObjectionListRow } from '@/db/queries/objections';
import { isOpenStatus, OBJECTION_FIELDS, OBJECTION_STATUS_LABELS, OBJECTION_SUBJECT_LABELS, parseObjectionBody, type ObjectionSubject } from '@/lib/domain/objections';
import { formatDate, formatDateTime } from '@/lib/format';

/** What the 异议事项 cell says: the item of one's own data, or the kind and type of the record. */
function subjectOf(r: ObjectionListRow): string {
  if (r.subjectType === 'practitioner') return OBJECTION_FIELDS[parseObjectionBody(r.body).field];
  return `${OBJECTION_SUBJECT_LABELS[r.subjectType]}：${r.recordType ?? ''}${r.recordOccurredOn ? `（${formatDate(r.recordOccurredOn)}）` : ''}`;
}

/**
 * The objection queue of a company or a bureau: open ones first, oldest first. `subject` (bureau only) shows
 * the filter by kind: one's own data, credit records, staff records.
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
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `${basePath}?${new URLSearchParams({ status, ...(subject ? { subject } : {}), page: String(p) })}`;
  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            状态
          </label>
          <select id="status" name="status" defaultValue={status} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="open">处理中</option>
            <option value="decided">已办结</option>
            <option value="all">全部</option>
          </select>
        </div>
        {subject && (
          <div>
            <label htmlFor="subject" className="block text-sm font-medium">
              异议类别
            </label>
            <select id="subject" name="subject" defaultValue={subject} className="mt-1 rounded border border-slate-400 px-3 py-2">
              <option value="all">全部</option>
              {(Object.keys(OBJECTION_SUBJECT_LABELS) as ObjectionSubject[]).map((k) => (
                <option key={k} value={k}>
                  {OBJECTION_SUBJECT_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          筛选
        </button>
      </form>
      <p aria-live="polite">共 {total} 件。</p>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">没有符合条件的异议。</p>
      ) : (
        <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">信息异议列表</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">对象</th>
              <th scope="col" className="p-2">异议事项</th>
              <th scope="col" className="p-2">小区 / 企业</th>
              <th scope="col" className="p-2">提出时间</th>
              <th scope="col" className="p-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100">
                <th scope="row" className="p-2 font-medium">
                  <Link href={`${basePath}/${r.id}`} className="text-brand-800 underline">
                    {r.personName ?? r.companyName ?? r.trackingCode}
                  </Link>
                  {r.idNumberMasked && <span className="block font-mono text-xs text-slate-600">{r.idNumberMasked}</span>}
                </th>
                <td className="p-2">{subjectOf(r)}</td>
                <td className="p-2">
                  {r.projectName ?? '—'}
                  <span className="block text-xs text-slate-600">
                    {r.companyName ?? ''} {r.districtName ?? ''}
                  </span>
                </td>
                <td className="p-2">{formatDateTime(r.filedAt)}</td>
                <td className="p-2">
                  {isOpenStatus(r.status) && <span className="mr-1 inline-block rounded bg-amber-100 px-1 text-xs text-amber-900">异议处理中</span>}
                  {OBJECTION_STATUS_LABELS[r.status] ?? r.status}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} href={href} />
    </div>
  );
}
