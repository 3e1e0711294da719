import type { Metadata } from 'next';
import { z } from 'zod';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { COMPLETENESS_LABELS, COMPLETENESS_PAGE_SIZE, COMPLETENESS_STATUSES, KEY_POSTS, listRosterCompleteness, type CompletenessStatus } from '@/db/queries/roster';
import { requireActor } from '@/lib/auth/actor';
import { DISTRICT_IDS, DISTRICT_NAMES } from '@/lib/validation/company';
import { searchText } from '@/lib/validation/search-text';

export const metadata: Metadata = { title: '名册完整性', robots: { index: false } };

const filterSchema = z.object({
  status: z.enum([...COMPLETENESS_STATUSES, 'all']).catch('all'),
  district: z.enum(DISTRICT_IDS).nullable().catch(null),
  q: searchText(60),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const TONE: Record<CompletenessStatus, string> = {
  none: 'bg-red-100 text-red-900',
  missing_key: 'bg-amber-100 text-amber-900',
  pending: 'bg-sky-100 text-sky-900',
  complete: 'bg-emerald-100 text-emerald-900',
};

/** SN 8 全覆盖: per estate, how complete the roster of approved staff is (SPEC §3.3). */
export default async function RosterCompletenessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/roster');
  const sp = await searchParams;
  const f = filterSchema.parse({ status: one(sp.status) ?? 'all', district: one(sp.district) || null, q: one(sp.q) ?? '', page: one(sp.page) ?? 1 });
  const isCity = actor.role === 'city';
  const { rows, total } = await listRosterCompleteness(getDb(), actor, { ...f, district: isCity ? f.district : null });
  const pages = Math.max(1, Math.ceil(total / COMPLETENESS_PAGE_SIZE));
  const href = (page: number) => {
    const p = new URLSearchParams({ status: f.status, q: f.q, page: String(page) });
    if (isCity && f.district) p.set('district', f.district);
    return `/bureau/roster?${p}`;
  };
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">从业人员名册完整性</h1>
      <p className="text-sm text-slate-600">
        每个在管小区的在册人员（已审核通过的在职人员）、待审核登记、逾期登记，以及关键岗位（{KEY_POSTS.join('、')}）是否有人在岗。问题最多的小区排在前面。
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            小区名称
          </label>
          <input id="q" name="q" defaultValue={f.q} className="mt-1 rounded border border-slate-400 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            完整性
          </label>
          <select id="status" name="status" defaultValue={f.status} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="all">全部</option>
            {COMPLETENESS_STATUSES.map((s) => (
              <option key={s} value={s}>
                {COMPLETENESS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {isCity && (
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
        )}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          筛选
        </button>
      </form>
      <p aria-live="polite">共 {total} 个小区。</p>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">没有符合条件的小区。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">各小区从业人员名册完整性</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">小区</th>
                <th scope="col" className="p-2">物业服务企业</th>
                <th scope="col" className="p-2 text-right">在册人员</th>
                <th scope="col" className="p-2 text-right">待审核</th>
                <th scope="col" className="p-2 text-right">逾期登记</th>
                <th scope="col" className="p-2">关键岗位</th>
                <th scope="col" className="p-2">完整性</th>
                <th scope="col" className="p-2">名册</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const missing = KEY_POSTS.filter((p) => !r.keyPostsFilled.includes(p));
                return (
                  <tr key={r.projectId} className="border-b border-slate-100 align-top">
                    <th scope="row" className="p-2 font-medium">
                      {r.projectName}
                      {isCity && <span className="block text-xs font-normal text-slate-600">{r.districtName}</span>}
                    </th>
                    <td className="p-2">{r.companyName}</td>
                    <td className="p-2 text-right">{r.staff}</td>
                    <td className="p-2 text-right">{r.pending}</td>
                    <td className="p-2 text-right">{r.late}</td>
                    <td className="p-2">{missing.length === 0 ? '齐全' : <span className="text-red-800">缺：{missing.join('、')}</span>}</td>
                    <td className="p-2">
                      <span className={`inline-block rounded px-1 ${TONE[r.status]}`}>{COMPLETENESS_LABELS[r.status]}</span>
                    </td>
                    <td className="p-2">
                      <a href={`/bureau/roster/${r.projectId}/roster.xlsx`} className="text-brand-800 underline" download>
                        导出<span className="sr-only">{r.projectName}信息名册</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={f.page} pages={pages} href={href} />
    </div>
  );
}
