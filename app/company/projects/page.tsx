import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listCompanyContracts } from '@/db/queries/contracts';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { today as clockToday } from '@/lib/clock';
import { CONTRACT_STATUS_LABELS, isBoardStale, NOTICE_STATUS_LABELS, noticeFlags } from '@/lib/domain/contracts';

export const metadata: Metadata = { title: '项目与合同', robots: { index: false } };

const WARN = new Set(['late', 'missing', 'ended_without_notice']);

export default async function CompanyProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/projects');
  const db = getDb();
  const [contracts, policy, sp] = await Promise.all([listCompanyContracts(db, actor), currentPolicy(), searchParams]);
  const today = clockToday();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">项目与合同</h1>
        <Link href="/company/projects/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          登记物业服务合同
        </Link>
      </div>
      {sp.registered && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          合同已登记，等待项目所在区县住建部门确认。
        </p>
      )}
      <p className="text-sm text-slate-600">
        合同期满不续约的，应在合同期满 {policy.settings.nonRenewalNoticeDays} 日前书面告知（ZJ 7）；合同期内撤出项目须有正当理由并完成交接（DW 11.2）。
      </p>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">本企业的物业项目与服务合同</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2">项目</th>
              <th scope="col" className="px-3 py-2">区县</th>
              <th scope="col" className="px-3 py-2">合同期</th>
              <th scope="col" className="px-3 py-2">状态</th>
              <th scope="col" className="px-3 py-2">不续约告知</th>
              <th scope="col" className="px-3 py-2">公示栏更新</th>
              <th scope="col" className="px-3 py-2">操作</th>
            </tr>
          </thead>
          <tbody>
            {contracts.length === 0 && (
              <tr>
                <td colSpan={7} className="px-3 py-4 text-slate-600">
                  尚无合同。
                </td>
              </tr>
            )}
            {contracts.map((c) => {
              const flags = noticeFlags(c, today, policy.settings.nonRenewalNoticeDays);
              const stale = c.isCurrentCompany && isBoardStale(c.boardUpdatedOn, today);
              return (
                <tr key={c.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">{c.projectName}</th>
                  <td className="px-3 py-2">{c.districtName}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {c.startDate} 至 {c.endDate}
                  </td>
                  <td className="px-3 py-2">
                    {CONTRACT_STATUS_LABELS[c.status]}
                    {c.status === 'rejected' && c.rejectReason && <span className="block text-red-800">理由：{c.rejectReason}</span>}
                    {c.status === 'terminated' && c.exitedOn && (
                      <span className="block text-slate-600">
                        {c.exitedOn} 撤出{c.handoverDone ? '，已交接' : '，未交接'}
                      </span>
                    )}
                  </td>
                  <td className={`px-3 py-2 ${WARN.has(flags.status) ? 'font-medium text-red-800' : ''}`}>
                    {NOTICE_STATUS_LABELS[flags.status]}
                    {c.nonRenewalNoticeOn && <span className="block text-slate-600">告知日期 {c.nonRenewalNoticeOn}</span>}
                    {flags.status === 'late' && <span className="block">不足 {flags.daysShort} 天</span>}
                    {flags.status === 'not_due' && <span className="block text-slate-600">最迟 {flags.deadline}</span>}
                  </td>
                  <td className={`px-3 py-2 ${stale ? 'font-medium text-red-800' : ''}`}>
                    {c.isCurrentCompany ? (c.boardUpdatedOn ?? '从未公示') : '—'}
                    {stale && <span className="block">超过12个月未更新</span>}
                  </td>
                  <td className="px-3 py-2">
                    <ul className="space-y-1">
                      {c.status === 'confirmed' && c.startDate <= today && (
                        <li>
                          <Link className="text-brand-700 underline" href={`/company/projects/contracts/${c.id}`}>
                            不续约告知 / 提前撤出<span className="sr-only">（{c.projectName}）</span>
                          </Link>
                        </li>
                      )}
                      {c.status === 'confirmed' && !c.renewed && (
                        <li>
                          <Link className="text-brand-700 underline" href={`/company/projects/new?projectId=${c.projectId}`}>
                            登记续约合同<span className="sr-only">（{c.projectName}）</span>
                          </Link>
                        </li>
                      )}
                      {c.isCurrentCompany && c.status === 'confirmed' && (
                        <li>
                          <Link className="text-brand-700 underline" href={`/company/projects/${c.projectId}/board`}>
                            编辑公示栏<span className="sr-only">（{c.projectName}）</span>
                          </Link>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
