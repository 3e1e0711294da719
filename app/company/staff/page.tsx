import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { COMPANY_STAFF_STATUSES, listCompanyProjects, listCompanyStaff, STAFF_PAGE_SIZE } from '@/db/queries/practitioner-review';
import { EMPLOYMENT_STATUS_LABELS } from '@/components/practitioner/labels';
import { requireActor } from '@/lib/auth/actor';
import { POSTS } from '@/lib/domain/practitioner';
import { formatDate } from '@/lib/format';
import { ProvisionalNote } from '@/components/ui/provisional-note';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';

export const metadata: Metadata = { title: '从业人员', robots: { index: false } };

const filterSchema = z.object({
  q: z.string().max(30).catch(''),
  projectId: z.uuid().nullable().catch(null),
  post: z.enum(POSTS).nullable().catch(null),
  status: z.enum([...COMPANY_STAFF_STATUSES, 'all']).catch('all'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CompanyStaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/staff');
  const sp = await searchParams;
  const f = filterSchema.parse({ q: one(sp.q) ?? '', projectId: one(sp.projectId) || null, post: one(sp.post) || null, status: one(sp.status) ?? 'all', page: one(sp.page) ?? 1 });
  const db = getDb();
  await ensureHolidayCalendar(db);
  const [{ rows, total }, projects] = await Promise.all([listCompanyStaff(db, actor, f), listCompanyProjects(db, actor.companyId!)]);
  const pages = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  const href = (page: number) => {
    const p = new URLSearchParams({ q: f.q, status: f.status, page: String(page) });
    if (f.projectId) p.set('projectId', f.projectId);
    if (f.post) p.set('post', f.post);
    return `/company/staff?${p}`;
  };
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">从业人员</h1>
        <Link href="/company/staff/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          登记从业人员
        </Link>
      </div>
      <p className="text-sm text-slate-600">新聘人员应在签订劳动合同之日起 10 个工作日内登记；经区县住建部门审核通过后方可在项目上岗。</p>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            姓名
          </label>
          <input id="q" name="q" defaultValue={f.q} className="mt-1 rounded border border-slate-400 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="projectId" className="block text-sm font-medium">
            项目
          </label>
          <select id="projectId" name="projectId" defaultValue={f.projectId ?? ''} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="">全部项目</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="post" className="block text-sm font-medium">
            岗位
          </label>
          <select id="post" name="post" defaultValue={f.post ?? ''} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="">全部岗位</option>
            {POSTS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            状态
          </label>
          <select id="status" name="status" defaultValue={f.status} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="all">全部</option>
            {COMPANY_STAFF_STATUSES.map((s) => (
              <option key={s} value={s}>
                {EMPLOYMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          筛选
        </button>
      </form>
      <p aria-live="polite">共 {total} 条任职记录。</p>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">没有符合条件的人员。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">本企业从业人员</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">姓名</th>
                <th scope="col" className="p-2">身份证号码</th>
                <th scope="col" className="p-2">项目</th>
                <th scope="col" className="p-2">岗位</th>
                <th scope="col" className="p-2">状态</th>
                <th scope="col" className="p-2">登记期限</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.employmentId} className="border-b border-slate-100">
                  <th scope="row" className="p-2 font-medium">
                    {/* A former employee's current file is not the company's to see: the name only. */}
                    {r.status === 'pending' || r.status === 'current' ? (
                      <Link href={`/company/staff/${r.practitionerId}`} className="text-brand-800 underline">
                        {r.name}
                      </Link>
                    ) : (
                      r.name
                    )}
                  </th>
                  <td className="p-2 font-mono">{r.idNumberMasked}</td>
                  <td className="p-2">{r.projectName ?? '—'}</td>
                  <td className="p-2">{r.post}</td>
                  <td className="p-2">
                    {EMPLOYMENT_STATUS_LABELS[r.displayStatus] ?? r.displayStatus}
                    {r.endDate && r.status === 'ended' && <span className="block text-xs text-slate-600">{formatDate(r.endDate)} 离职</span>}
                  </td>
                  <td className="p-2">
                    {r.deadline ? formatDate(r.deadline) : '—'}
                    <ProvisionalNote date={r.deadline} />
                    {r.late && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">逾期 {r.workingDaysOverdue} 个工作日</span>}
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
