import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { listFilingQueue, QUEUE_PAGE_SIZE } from '@/db/queries/company-filing';
import { requireActor } from '@/lib/auth/actor';
import { SUBMISSION_STATUS_LABELS, SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { formatDateTime } from '@/lib/format';
import { DISTRICT_IDS, DISTRICT_NAMES } from '@/lib/validation/company';
import { knownLabel } from '@/lib/actions/query-notice';
import { DECISION_LABELS } from '@/lib/services/company-filing';

export const metadata: Metadata = { title: '企业备案审核', robots: { index: false } };

const filterSchema = z.object({
  status: z.enum(['submitted', 'returned', 'approved', 'rejected', 'all']).catch('submitted'),
  type: z.enum(['company_filing', 'company_change', 'all']).catch('all'),
  district: z.enum(DISTRICT_IDS).nullable().catch(null),
  q: z.string().max(60).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

function one(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

export default async function FilingQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city'], '/bureau/filings');
  const sp = await searchParams;
  const f = filterSchema.parse({
    status: one(sp.status) ?? 'submitted',
    type: one(sp.type) ?? 'all',
    district: one(sp.district) || null,
    q: one(sp.q) ?? '',
    page: one(sp.page) ?? 1,
  });
  const { rows, total } = await listFilingQueue(getDb(), actor, f);
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const href = (page: number) => {
    const p = new URLSearchParams({ status: f.status, type: f.type, q: f.q, page: String(page) });
    if (f.district) p.set('district', f.district);
    return `/bureau/filings?${p}`;
  };
  const decided = knownLabel(one(sp.decided), DECISION_LABELS);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">企业备案与信息变更审核</h1>
      {decided && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已提交审核结果：{decided}。
        </p>
      )}
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            企业名称或信用代码
          </label>
          <input id="q" name="q" defaultValue={f.q} className="mt-1 rounded border border-slate-400 px-3 py-2" />
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
          <label htmlFor="type" className="block text-sm font-medium">
            类型
          </label>
          <select id="type" name="type" defaultValue={f.type} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="all">全部</option>
            <option value="company_filing">企业备案</option>
            <option value="company_change">基本信息变更</option>
          </select>
        </div>
        <div>
          <label htmlFor="district" className="block text-sm font-medium">
            区县
          </label>
          <select id="district" name="district" defaultValue={f.district ?? ''} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="">全市</option>
            {DISTRICT_IDS.map((id) => (
              <option key={id} value={id}>
                {DISTRICT_NAMES[id]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          筛选
        </button>
      </form>
      <p aria-live="polite">共 {total} 件（绿色通道企业的申请排在前面，其余按提交先后）。</p>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">没有符合条件的申请。</p>
      ) : (
        <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">企业</th>
              <th scope="col" className="p-2">类型</th>
              <th scope="col" className="p-2">区县</th>
              <th scope="col" className="p-2">提交时间</th>
              <th scope="col" className="p-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100">
                <th scope="row" className="p-2 font-medium">
                  <Link href={`/bureau/filings/${r.id}`} className="text-brand-800 underline">
                    {r.companyName}
                  </Link>
                  <span className="block font-mono text-xs text-slate-600">{r.uscc}</span>
                  {r.priority > 0 && <span className="mt-1 inline-block rounded bg-emerald-100 px-1 text-xs text-emerald-900">绿色通道</span>}
                </th>
                <td className="p-2">{SUBMISSION_TYPE_LABELS[r.type]}</td>
                <td className="p-2">{r.districtName ?? '—'}</td>
                <td className="p-2">
                  {formatDateTime(r.submittedAt)}
                  {r.daysWaiting != null && <span className="block text-xs text-slate-600">已等待 {r.daysWaiting} 天</span>}
                </td>
                <td className="p-2">{SUBMISSION_STATUS_LABELS[r.status] ?? r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={f.page} pages={pages} href={href} />
    </div>
  );
}
