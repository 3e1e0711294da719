import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { STAFF_TYPE_LABELS } from '@/components/practitioner/labels';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { listQueueProjects, listStaffQueue, STAFF_PAGE_SIZE, STAFF_QUEUE_TYPES } from '@/db/queries/practitioner-review';
import { requireActor } from '@/lib/auth/actor';
import { SUBMISSION_STATUS_LABELS } from '@/lib/domain/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import { ProvisionalNote } from '@/components/ui/provisional-note';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { knownLabel } from '@/lib/actions/query-notice';
import { STAFF_DECISION_LABELS } from '@/lib/validation/practitioner-review';

export const metadata: Metadata = { title: '从业人员审核', robots: { index: false } };

const filterSchema = z.object({
  type: z.enum([...STAFF_QUEUE_TYPES, 'all']).catch('all'),
  status: z.enum(['submitted', 'returned', 'approved', 'rejected', 'all']).catch('submitted'),
  q: z.string().max(60).catch(''),
  projectId: z.uuid().nullable().catch(null),
  overdue: z.boolean().catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/staff');
  const sp = await searchParams;
  const f = filterSchema.parse({
    type: one(sp.type) ?? 'all',
    status: one(sp.status) ?? 'submitted',
    q: one(sp.q) ?? '',
    projectId: one(sp.projectId) || null,
    overdue: one(sp.overdue) === '1',
    page: one(sp.page) ?? 1,
  });
  const db = getDb();
  await ensureHolidayCalendar(db);
  const [{ rows, total }, projects] = await Promise.all([listStaffQueue(db, actor, f), listQueueProjects(db, actor)]);
  const pages = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  const href = (page: number) => {
    const p = new URLSearchParams({ type: f.type, status: f.status, q: f.q, page: String(page) });
    if (f.projectId) p.set('projectId', f.projectId);
    if (f.overdue) p.set('overdue', '1');
    return `/bureau/staff?${p}`;
  };
  const decided = knownLabel(one(sp.decided), STAFF_DECISION_LABELS);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">从业人员审核</h1>
      {decided && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已提交审核结果：{decided}。
        </p>
      )}
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="type" className="block text-sm font-medium">
            类型
          </label>
          <select id="type" name="type" defaultValue={f.type} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="all">全部</option>
            {STAFF_QUEUE_TYPES.map((t) => (
              <option key={t} value={t}>
                {STAFF_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            状态
          </label>
          <select id="status" name="status" defaultValue={f.status} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="submitted">待审核</option>
            <option value="returned">已退回修改</option>
            <option value="approved">已通过</option>
            <option value="rejected">未通过</option>
            <option value="all">全部</option>
          </select>
        </div>
        <div>
          <label htmlFor="projectId" className="block text-sm font-medium">
            小区（有待审核申请的）
          </label>
          <select id="projectId" name="projectId" defaultValue={f.projectId ?? ''} className="mt-1 max-w-xs rounded border border-slate-400 px-3 py-2">
            <option value="">全部小区</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            小区名称或人员姓名
          </label>
          <input id="q" name="q" defaultValue={f.q} className="mt-1 rounded border border-slate-400 px-3 py-2" />
        </div>
        <label className="flex items-center gap-2 pb-2">
          <input type="checkbox" name="overdue" value="1" defaultChecked={f.overdue} />
          只看逾期登记
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          筛选
        </button>
      </form>
      <p aria-live="polite">共 {total} 件（绿色通道企业的申请排在前面，其余按提交先后）。</p>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">没有符合条件的申请。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">从业人员审核队列</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">人员</th>
                <th scope="col" className="p-2">类型</th>
                <th scope="col" className="p-2">企业 · 小区</th>
                <th scope="col" className="p-2">提交时间</th>
                <th scope="col" className="p-2">登记期限</th>
                <th scope="col" className="p-2">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <th scope="row" className="p-2 font-medium">
                    <Link href={`/bureau/staff/${r.id}`} className="text-brand-800 underline">
                      {r.name ?? '（无人员信息）'}
                    </Link>
                    <span className="block font-mono text-xs text-slate-600">{r.idNumberMasked}</span>
                    {r.priority > 0 && <span className="mt-1 inline-block rounded bg-emerald-100 px-1 text-xs text-emerald-900">绿色通道</span>}
                  </th>
                  <td className="p-2">{STAFF_TYPE_LABELS[r.type] ?? r.type}</td>
                  <td className="p-2">
                    {r.companyName ?? '—'}
                    <span className="block text-xs text-slate-600">
                      {r.projectName ?? '—'}
                      {r.districtName ? ` · ${r.districtName}` : ''}
                    </span>
                  </td>
                  <td className="p-2">
                    {formatDateTime(r.submittedAt)}
                    {r.daysWaiting != null && <span className="block text-xs text-slate-600">已等待 {r.daysWaiting} 天</span>}
                  </td>
                  <td className="p-2">
                    {r.dueOn ? formatDate(r.dueOn) : '—'}
                    <ProvisionalNote date={r.dueOn} />
                    {r.late && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">逾期登记</span>}
                  </td>
                  <td className="p-2">
                    {SUBMISSION_STATUS_LABELS[r.status] ?? r.status}
                    {r.photoMissing && <span className="mt-1 block w-fit rounded bg-red-100 px-1 text-xs text-red-900">缺少证件照，暂不能审核通过</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={f.page} pages={pages} href={href} />
    </div>
  );
}
