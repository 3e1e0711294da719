import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { CountPager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { listDistrictsInScope, listProjectsForOversight, PROJECT_FLAGS, PROJECTS_PAGE_SIZE, type ProjectFlag } from '@/db/queries/contracts';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { today as clockToday } from '@/lib/clock';
import { boardStaleBefore, CONTRACT_STATUS_LABELS, isBoardStale, NOTICE_STATUS_LABELS, noticeFlags } from '@/lib/domain/contracts';

export const metadata: Metadata = { title: '小区（物业项目）', robots: { index: false } };

const FLAG_LABELS: Record<ProjectFlag, string> = {
  stale_board: '公示栏超过12个月未更新',
  ended_without_notice: '合同到期未书面告知',
  missing_notice: '临近到期未告知（已过告知期限）',
  late_notice: '不续约告知逾期',
};

const filterSchema = z.object({
  district: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  flag: z.enum(PROJECT_FLAGS).optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const WARN = new Set(['late', 'missing', 'ended_without_notice']);

export default async function BureauProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/projects');
  const f = filterSchema.parse(await searchParams);
  const db = getDb();
  const today = clockToday();
  const policy = await currentPolicy();
  const noticeDays = policy.settings.nonRenewalNoticeDays;
  const [districts, { rows, total }] = await Promise.all([
    listDistrictsInScope(db, actor),
    listProjectsForOversight(db, actor, {
      districtId: f.district,
      flag: f.flag,
      q: f.q || undefined,
      page: f.page,
      today,
      noticeDays,
      staleBefore: boardStaleBefore(today),
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PROJECTS_PAGE_SIZE));
  const href = (page: number) =>
    `/bureau/projects?${new URLSearchParams({
      ...(f.district ? { district: f.district } : {}),
      ...(f.flag ? { flag: f.flag } : {}),
      ...(f.q ? { q: f.q } : {}),
      page: String(page),
    })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">小区（物业项目）</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            项目名称
          </label>
          <input id="q" name="q" defaultValue={f.q ?? ''} className="mt-1 rounded border border-slate-400 px-2 py-1" />
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
        <div>
          <label htmlFor="flag" className="block text-sm font-medium">
            提示
          </label>
          <select id="flag" name="flag" defaultValue={f.flag ?? ''} className="mt-1 rounded border border-slate-400 px-2 py-1">
            <option value="">全部</option>
            {PROJECT_FLAGS.map((k) => (
              <option key={k} value={k}>
                {FLAG_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          筛选
        </button>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            物业项目，共 {total} 个，第 {f.page} / {pages} 页
          </caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2">项目</th>
              <th scope="col" className="px-3 py-2">区县</th>
              <th scope="col" className="px-3 py-2">服务企业</th>
              <th scope="col" className="px-3 py-2">合同期 / 状态</th>
              <th scope="col" className="px-3 py-2">不续约告知</th>
              <th scope="col" className="px-3 py-2">公示栏更新</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-600">
                  没有符合条件的项目。
                </td>
              </tr>
            )}
            {rows.map((r) => {
              const flags = r.status
                ? noticeFlags({ status: r.status, endDate: r.endDate!, nonRenewalNoticeOn: r.nonRenewalNoticeOn, renewed: r.renewed }, today, noticeDays)
                : null;
              const stale = isBoardStale(r.boardUpdatedOn, today);
              return (
                <tr key={r.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">{r.name}</th>
                  <td className="px-3 py-2">{r.districtName}</td>
                  <td className="px-3 py-2">
                    {r.companyName ?? <span className="text-red-800">无服务企业</span>}
                    {r.pendingContracts > 0 && (
                      <Link href={`/bureau/contracts?status=pending`} className="block text-brand-700 underline">
                        {r.pendingContracts} 份合同待确认
                      </Link>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {r.status ? (
                      <>
                        {r.startDate} 至 {r.endDate}
                        <span className="block text-slate-600">{CONTRACT_STATUS_LABELS[r.status]}</span>
                      </>
                    ) : (
                      '无合同'
                    )}
                  </td>
                  <td className={`px-3 py-2 ${flags && WARN.has(flags.status) ? 'font-medium text-red-800' : ''}`}>
                    {flags ? NOTICE_STATUS_LABELS[flags.status] : '—'}
                    {flags?.status === 'late' && <span className="block">不足 {flags.daysShort} 天</span>}
                  </td>
                  <td className={`px-3 py-2 ${stale ? 'font-medium text-red-800' : ''}`}>
                    {r.boardUpdatedOn ?? '从未公示'}
                    {stale && <span className="block">公示栏超过12个月未更新</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CountPager page={f.page} pages={pages} href={href} count={`（共 ${total} 个）`} />
    </div>
  );
}
