import type { Metadata } from 'next';
import { z } from 'zod';
import { ListResults } from '@/components/list-kit/results';
import { pageParam, parseFilters } from '@/components/list-kit/params';
import type { Column } from '@/components/list-kit/table';
import { getDb } from '@/db';
import { DRAW_PAGE_SIZE, listPublishedDraws, type DrawListRow } from '@/db/queries/spot-checks';
import { POPULATION_LABELS, type Population } from '@/lib/domain/spot-check';
import { toDateString } from '@/lib/domain/working-days';
import { formatDate } from '@/lib/format';
import { Breadcrumbs } from '../_components/breadcrumbs';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: '双随机抽查',
  description: '市住建局随机抽取检查对象、随机选派检查人员的物业监管抽查：每次抽取的种子和全部输入公开，任何人都能重新抽取验证。',
  alternates: { canonical: '/spot-checks' },
};

const filterSchema = z.object({ page: pageParam() });

const columns: Column<DrawListRow>[] = [
  {
    label: '抽查',
    rowHeader: true,
    cell: (r) => (
      <a href={`/spot-checks/${r.id}`} className="text-brand-700 underline">
        {r.title}
      </a>
    ),
  },
  { label: '季度', cell: (r) => `${r.year}年第${r.quarter}季度` },
  { label: '抽查对象', cell: (r) => `${POPULATION_LABELS[r.population as Population] ?? r.population}，${r.districtName ?? '全市'}` },
  { label: '抽取数量', cell: (r) => `${r.items} 个` },
  { label: '公布日期', cell: (r) => r.publishedAt ? formatDate(toDateString(r.publishedAt)) : '—' },
];

/** The published 双随机 draws (SN 25, CQ). */
export default async function PublicSpotChecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const f = parseFilters(filterSchema, await searchParams);
  const { rows, total } = await listPublishedDraws(getDb(), f.page);
  return (
    <div className="space-y-5">
      <Breadcrumbs current="双随机抽查" />
      <h1 className="text-2xl font-bold">双随机抽查</h1>
      <p className="text-slate-800">
        市住建局对物业服务进行“双随机”抽查：随机抽取检查的小区（或企业），随机选派检查人员。信用差、在黑榜上或被重点监管的，被抽中的机会更大；信用好的，机会更小。
      </p>
      <p className="text-slate-800">
        抽查多为暗访，所以每次抽取<strong>在检查完成后才公布</strong>。公布时同时公开抽取用的种子和全部输入，任何人都可以在这里重新抽取，核对结果是否一致。
      </p>
      <p>
        <a href="/spot-checks/verify" className="text-brand-700 underline">
          用自己的种子和输入验证抽取
        </a>
      </p>
      <ListResults
        path="/spot-checks"
        filters={f}
        defaults={{}}
        total={total}
        pageSize={DRAW_PAGE_SIZE}
        unit="次"
        caption="已公布的双随机抽查"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ filtered: '没有符合条件的抽查。', none: '目前还没有公布的抽查。' }}
      />
    </div>
  );
}
