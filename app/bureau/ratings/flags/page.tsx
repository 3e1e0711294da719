import type { Metadata } from 'next';
import { FlagBadge } from '@/components/credit/company-flags';
import { FilterBar, ListResults, parseFilters, SelectFilter, TextFilter, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { FLAGGED_PAGE_SIZE, listFlaggedCompanies } from '@/db/queries/company-flags';
import { BackLink } from '@/components/area/sub-page';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { COMPANY_FLAG_KINDS, FLAG_INFO, isCompanyFlagKind } from '@/lib/domain/company-flags';
import { formatDate } from '@/lib/format';
import { flagFilterSchema } from './filters';

export const metadata: Metadata = { title: '企业激励与监管标记', robots: { index: false } };

type Row = Awaited<ReturnType<typeof listFlaggedCompanies>>['rows'][number];

const columns: Column<Row>[] = [
  {
    label: '企业',
    rowHeader: true,
    cell: (r) => (
      <>
        <a href={`/companies/${r.uscc}`} className="text-brand-800 underline">
          {r.companyName}
        </a>
        <span className="block font-mono text-xs text-slate-600">{r.uscc}</span>
      </>
    ),
  },
  { label: '标记', cell: (r) => (isCompanyFlagKind(r.flag) ? <FlagBadge kind={r.flag} /> : r.flag) },
  { label: '项目 · 区县', cell: (r) => [r.projectName, r.districtName].filter(Boolean).join(' · ') || '—' },
  { label: '起始日期', className: 'whitespace-nowrap', cell: (r) => formatDate(r.since) },
  { label: '截止日期', className: 'whitespace-nowrap', cell: (r) => (r.until ? formatDate(r.until) : r.flag === 'key_supervision' ? '至整改复查' : '—') },
  {
    label: '原因和依据',
    cell: (r) => (
      <>
        {r.reason}
        {isCompanyFlagKind(r.flag) && <span className="block text-xs text-slate-600">{FLAG_INFO[r.flag].citation}</span>}
      </>
    ),
  },
];

/**
 * DW 14 (and CQ 三.(五)) flags in force today for the bureau's companies, filterable by flag: which companies are
 * under key supervision, have upgrade priority, a passed rectification or a market-exit recommendation.
 */
export default async function FlaggedCompaniesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/ratings/flags');
  const f = parseFilters(flagFilterSchema, await searchParams);
  const on = today();
  const { rows, total } = await listFlaggedCompanies(getDb(), actor, f, on);
  return (
    <div className="space-y-5">
      <BackLink href="/bureau/ratings">返回季度评定</BackLink>
      <h1 className="text-2xl font-bold">企业激励与监管标记</h1>
      <p className="text-slate-700">
        住宅小区连续三次评定为“优秀”“良好”或“差”后的差异化管理措施（“红黑榜”管理办法第十四条），以及绿色通道，截至 {on} 仍有效的。
      </p>
      <FilterBar>
        <SelectFilter name="flag" label="标记" value={f.flag} options={[{ value: 'all', label: '全部' }, ...COMPANY_FLAG_KINDS.map((k) => ({ value: k, label: FLAG_INFO[k].label }))]} />
        <TextFilter label="企业名称或统一社会信用代码" value={f.q} />
      </FilterBar>
      <ListResults
        path="/bureau/ratings/flags"
        filters={f}
        schema={flagFilterSchema}
        total={total}
        pageSize={FLAGGED_PAGE_SIZE}
        caption="有效的企业激励与监管标记"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ filtered: '没有符合条件的标记。', none: '目前没有有效的标记。', next: { href: '/bureau/ratings/flags', label: '查看全部标记' } }}
      />
    </div>
  );
}
