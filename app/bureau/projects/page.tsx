import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterBar, ListResults, parseFilters, SelectFilter, TextFilter, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listDistrictsInScope, listProjectsForOversight, PROJECT_FLAGS, PROJECTS_PAGE_SIZE, type ProjectFlag } from '@/db/queries/contracts';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { today as clockToday } from '@/lib/clock';
import { boardStaleBefore, CONTRACT_STATUS_LABELS, isBoardStale, NOTICE_STATUS_LABELS, noticeFlags } from '@/lib/domain/contracts';
import { exportLinkOf } from '@/components/list-kit/export-link';
import { projectFilterSchema } from './filters';

export const metadata: Metadata = { title: '小区（物业项目）', robots: { index: false } };

const FLAG_LABELS: Record<ProjectFlag, string> = {
  stale_board: '公示栏超过12个月未更新',
  ended_without_notice: '合同到期未书面告知',
  missing_notice: '临近到期未告知（已过告知期限）',
  late_notice: '不续约告知逾期',
};


const WARN = new Set(['late', 'missing', 'ended_without_notice']);

type Row = Awaited<ReturnType<typeof listProjectsForOversight>>['rows'][number];

function columns(today: string, noticeDays: number): Column<Row>[] {
  const flagsOf = (r: Row) =>
    r.status ? noticeFlags({ status: r.status, endDate: r.endDate!, nonRenewalNoticeOn: r.nonRenewalNoticeOn, renewed: r.renewed }, today, noticeDays) : null;
  return [
    { label: '项目', rowHeader: true, cell: (r) => r.name },
    { label: '区县', cell: (r) => r.districtName },
    {
      label: '服务企业',
      cell: (r) => (
        <>
          {r.companyName ?? <span className="text-red-800">无服务企业</span>}
          {r.pendingContracts > 0 && (
            <Link href={`/bureau/contracts?status=pending`} className="block text-brand-700 underline">
              {r.pendingContracts} 份合同待确认
            </Link>
          )}
        </>
      ),
    },
    {
      label: '合同期 / 状态',
      className: 'whitespace-nowrap',
      cell: (r) =>
        r.status ? (
          <>
            {r.startDate} 至 {r.endDate}
            <span className="block text-slate-600">{CONTRACT_STATUS_LABELS[r.status]}</span>
          </>
        ) : (
          '无合同'
        ),
    },
    {
      label: '不续约告知',
      cell: (r) => {
        const flags = flagsOf(r);
        return (
          <span className={flags && WARN.has(flags.status) ? 'font-medium text-red-800' : ''}>
            {flags ? NOTICE_STATUS_LABELS[flags.status] : '—'}
            {flags?.status === 'late' && <span className="block">不足 {flags.daysShort} 天</span>}
          </span>
        );
      },
    },
    {
      label: '公示栏更新',
      cell: (r) => {
        const stale = isBoardStale(r.boardUpdatedOn, today);
        return (
          <span className={stale ? 'font-medium text-red-800' : ''}>
            {r.boardUpdatedOn ?? '从未公示'}
            {stale && <span className="block">公示栏超过12个月未更新</span>}
          </span>
        );
      },
    },
  ];
}

export default async function BureauProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/projects');
  const f = parseFilters(projectFilterSchema, await searchParams);
  const db = getDb();
  const today = clockToday();
  const policy = await currentPolicy();
  const noticeDays = policy.settings.nonRenewalNoticeDays;
  const [districts, { rows, total }] = await Promise.all([
    listDistrictsInScope(db, actor),
    listProjectsForOversight(db, actor, {
      districtId: f.district ?? undefined,
      flag: f.flag ?? undefined,
      q: f.q || undefined,
      page: f.page,
      today,
      noticeDays,
      staleBefore: boardStaleBefore(today),
    }),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">小区（物业项目）</h1>
      <FilterBar>
        <TextFilter label="项目名称" value={f.q} />
        {districts.length > 1 && <SelectFilter name="district" label="区县" value={f.district} all="全部区县" options={districts.map((d) => ({ value: d.id, label: d.name }))} />}
        <SelectFilter name="flag" label="提示" value={f.flag} all="全部" options={PROJECT_FLAGS.map((k) => ({ value: k, label: FLAG_LABELS[k] }))} />
      </FilterBar>
      <ListResults
        path="/bureau/projects"
        filters={f}
        schema={projectFilterSchema}
        total={total}
        pageSize={PROJECTS_PAGE_SIZE}
        unit="个"
        caption={`物业项目，共 ${total} 个，第 ${f.page} 页`}
        columns={columns(today, noticeDays)}
        rows={rows}
        rowKey={(r) => r.id}
        exportLink={exportLinkOf('/bureau/projects', f)}
        empty={{ filtered: '没有符合条件的项目。', none: '辖区内还没有物业项目，企业登记合同后项目会出现在这里。' }}
      />
    </div>
  );
}
