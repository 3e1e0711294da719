import type { Metadata } from 'next';
import Link from 'next/link';
import { UnpagedList, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listCompanyContracts } from '@/db/queries/contracts';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { today as clockToday } from '@/lib/clock';
import { CONTRACT_STATUS_LABELS, isBoardStale, NOTICE_STATUS_LABELS, noticeFlags } from '@/lib/domain/contracts';

export const metadata: Metadata = { title: '项目与合同', robots: { index: false } };

const WARN = new Set(['late', 'missing', 'ended_without_notice']);

type Row = Awaited<ReturnType<typeof listCompanyContracts>>[number];

const columns = (today: string, noticeDays: number): Column<Row>[] => [
  { label: '项目', rowHeader: true, cell: (c) => c.projectName },
  { label: '区县', cell: (c) => c.districtName },
  { label: '合同期', className: 'whitespace-nowrap', cell: (c) => `${c.startDate} 至 ${c.endDate}` },
  {
    label: '状态',
    cell: (c) => (
      <>
        {CONTRACT_STATUS_LABELS[c.status]}
        {c.status === 'rejected' && c.rejectReason && <span className="block text-red-800">理由：{c.rejectReason}</span>}
        {c.status === 'terminated' && c.exitedOn && (
          <span className="block text-slate-600">
            {c.exitedOn} 撤出{c.handoverDone ? '，已交接' : '，未交接'}
          </span>
        )}
      </>
    ),
  },
  {
    label: '不续约告知',
    cell: (c) => {
      const flags = noticeFlags(c, today, noticeDays);
      return (
        <span className={WARN.has(flags.status) ? 'font-medium text-red-800' : ''}>
          {NOTICE_STATUS_LABELS[flags.status]}
          {c.nonRenewalNoticeOn && <span className="block text-slate-600">告知日期 {c.nonRenewalNoticeOn}</span>}
          {flags.status === 'late' && <span className="block">不足 {flags.daysShort} 天</span>}
          {flags.status === 'not_due' && <span className="block text-slate-600">最迟 {flags.deadline}</span>}
        </span>
      );
    },
  },
  {
    label: '公示栏更新',
    cell: (c) => {
      const stale = c.isCurrentCompany && isBoardStale(c.boardUpdatedOn, today);
      return (
        <span className={stale ? 'font-medium text-red-800' : ''}>
          {c.isCurrentCompany ? (c.boardUpdatedOn ?? '从未公示') : '—'}
          {stale && <span className="block">超过12个月未更新</span>}
        </span>
      );
    },
  },
  {
    label: '操作',
    cell: (c) => (
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
    ),
  },
];

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
      <UnpagedList
        caption="本企业的物业项目与服务合同"
        columns={columns(today, policy.settings.nonRenewalNoticeDays)}
        rows={contracts}
        rowKey={(c) => c.id}
        empty={{ none: '尚无合同。中标或续签物业服务项目后，在此登记合同，经区县住建部门确认后生效。', next: { href: '/company/projects/new', label: '登记第一份合同' } }}
      />
    </div>
  );
}
