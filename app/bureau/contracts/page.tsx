import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { CountPager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { listContractsForReview, listDistrictsInScope, REVIEW_PAGE_SIZE } from '@/db/queries/contracts';
import { requireActor } from '@/lib/auth/actor';
import { CONTRACT_STATUS_LABELS } from '@/lib/domain/contracts';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '合同确认', robots: { index: false } };

const STATUSES = ['pending', 'confirmed', 'rejected', 'ended', 'terminated'] as const;
const filterSchema = z.object({
  status: z.enum(STATUSES).catch('pending'),
  district: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export default async function BureauContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/contracts');
  const f = filterSchema.parse(await searchParams);
  const db = getDb();
  const [districts, { rows, total }] = await Promise.all([
    listDistrictsInScope(db, actor),
    listContractsForReview(db, actor, { status: f.status, districtId: f.district, page: f.page }),
  ]);
  const pages = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const href = (page: number) => `/bureau/contracts?${new URLSearchParams({ status: f.status, ...(f.district ? { district: f.district } : {}), page: String(page) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">物业服务合同确认</h1>
      <p className="text-sm text-slate-600">
        {actor.role === 'city' ? '全市' : actor.districtName}的物业服务企业登记的合同，经确认后生效（ZJ 7、9）。
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            状态
          </label>
          <select id="status" name="status" defaultValue={f.status} className="mt-1 rounded border border-slate-400 px-2 py-1">
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {CONTRACT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {districts.length > 1 && (
          <div>
            <label htmlFor="district" className="block text-sm font-medium">
              区县
            </label>
            <select id="district" name="district" defaultValue={f.district ?? ''} className="mt-1 rounded border border-slate-400 px-2 py-1">
              <option value="">全部区县</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          筛选
        </button>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            {CONTRACT_STATUS_LABELS[f.status]}的合同，共 {total} 份
          </caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2">项目</th>
              <th scope="col" className="px-3 py-2">区县</th>
              <th scope="col" className="px-3 py-2">登记企业</th>
              <th scope="col" className="px-3 py-2">合同期</th>
              <th scope="col" className="px-3 py-2">履约保证金</th>
              <th scope="col" className="px-3 py-2">登记时间</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-600">
                  没有{CONTRACT_STATUS_LABELS[f.status]}的合同。
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/bureau/contracts/${r.id}`} className="text-brand-700 underline">
                    {r.projectName}
                  </Link>
                </th>
                <td className="px-3 py-2">{r.districtName}</td>
                <td className="px-3 py-2">{r.companyName}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {r.startDate} 至 {r.endDate}
                </td>
                <td className="px-3 py-2">{Number(r.bondAmount).toLocaleString('zh-CN')} 元</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CountPager page={f.page} pages={pages} href={href} count={`（共 ${total} 份）`} />
    </div>
  );
}
