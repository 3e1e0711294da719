import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ListResults, pageParam, parseFilters, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { DRAW_PAGE_SIZE, listDraws, type DrawListRow } from '@/db/queries/spot-checks';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { POPULATION_LABELS, type Population } from '@/lib/domain/spot-check';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '双随机抽查', robots: { index: false } };

const filterSchema = z.object({ page: pageParam() });

const columns: Column<DrawListRow>[] = [
  {
    label: '抽查',
    rowHeader: true,
    cell: (r) => (
      <Link href={`/bureau/spot-checks/${r.id}`} className="text-brand-800 underline">
        {r.title}
      </Link>
    ),
  },
  { label: '季度', cell: (r) => `${r.year}年第${r.quarter}季度` },
  { label: '抽查对象', cell: (r) => `${POPULATION_LABELS[r.population as Population] ?? r.population}${r.districtName ? `（${r.districtName}）` : ''}` },
  { label: '抽取时间', cell: (r) => formatDateTime(r.drawnAt) },
  { label: '检查完成', cell: (r) => `${r.done} / ${r.items}` },
  { label: '公布', cell: (r) => (r.publishedAt ? `已公布（${formatDateTime(r.publishedAt)}）` : '未公布') },
];

/** The city's draws (a district: the draws with an item in its district, counting its own items). */
export default async function SpotChecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/spot-checks');
  if (!can(actor, 'spotcheck.result')) notFound();
  const f = parseFilters(filterSchema, await searchParams);
  const { rows, total } = await listDraws(getDb(), actor, f.page);
  const isCity = can(actor, 'spotcheck.run');
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">双随机抽查</h1>
      <p className="text-slate-700">
        {isCity
          ? '市住建局每年组织暗访抽查（SN 25），以“双随机”方式随机抽取检查对象、随机选派检查人员（CQ）。抽取的种子和全部输入都记录在案，公布后任何人都能重新抽取验证。'
          : '市住建局抽到本辖区的小区后，请在检查完成后录入检查结果：得分计入该季度的小区评定。'}
      </p>
      {isCity && (
        <p className="flex flex-wrap gap-3">
          <Link href="/bureau/spot-checks/new" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white">
            新建抽查
          </Link>
          <Link href="/bureau/inspectors" className="inline-flex min-h-11 items-center rounded border border-brand-700 px-4 py-2 text-brand-800">
            检查人员名册
          </Link>
        </p>
      )}
      <ListResults
        path="/bureau/spot-checks"
        filters={f}
        defaults={{}}
        total={total}
        pageSize={DRAW_PAGE_SIZE}
        unit="次"
        caption="双随机抽查列表"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ filtered: '没有符合条件的抽查。', none: isCity ? '还没有抽查：新建一次抽查开始。' : '目前没有抽到本辖区的抽查。', next: isCity ? { href: '/bureau/spot-checks/new', label: '新建抽查' } : undefined }}
      />
    </div>
  );
}
