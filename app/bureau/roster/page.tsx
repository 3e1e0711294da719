import type { Metadata } from 'next';
import { FilterBar, ListResults, optionsOf, parseFilters, SelectFilter, TextFilter, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { COMPLETENESS_LABELS, COMPLETENESS_PAGE_SIZE, COMPLETENESS_STATUSES, KEY_POSTS, listRosterCompleteness, type CompletenessStatus } from '@/db/queries/roster';
import { requireActor } from '@/lib/auth/actor';
import { DISTRICT_IDS, DISTRICT_NAMES } from '@/lib/validation/company';
import { exportLinkOf } from '@/components/list-kit/export-link';
import { rosterFilterSchema } from './filters';

export const metadata: Metadata = { title: '名册完整性', robots: { index: false } };


const TONE: Record<CompletenessStatus, string> = {
  none: 'bg-red-100 text-red-900',
  missing_key: 'bg-amber-100 text-amber-900',
  pending: 'bg-sky-100 text-sky-900',
  complete: 'bg-emerald-100 text-emerald-900',
};

type Row = Awaited<ReturnType<typeof listRosterCompleteness>>['rows'][number];

const columns = (isCity: boolean): Column<Row>[] => [
  {
    label: '小区',
    rowHeader: true,
    cell: (r) => (
      <>
        {r.projectName}
        {isCity && <span className="block text-xs font-normal text-slate-600">{r.districtName}</span>}
      </>
    ),
  },
  { label: '物业服务企业', cell: (r) => r.companyName },
  { label: '在册人员', cell: (r) => r.staff, className: 'text-right' },
  { label: '待审核', cell: (r) => r.pending, className: 'text-right' },
  { label: '逾期登记', cell: (r) => r.late, className: 'text-right' },
  {
    label: '关键岗位',
    cell: (r) => {
      const missing = KEY_POSTS.filter((p) => !r.keyPostsFilled.includes(p));
      return missing.length === 0 ? '齐全' : <span className="text-red-800">缺：{missing.join('、')}</span>;
    },
  },
  { label: '完整性', cell: (r) => <span className={`inline-block rounded px-1 ${TONE[r.status]}`}>{COMPLETENESS_LABELS[r.status]}</span> },
  {
    label: '名册',
    // Each estate's 信息名册 is its own export (app/bureau/roster/[projectId]/roster.xlsx).
    cell: (r) => (
      <a href={`/bureau/roster/${r.projectId}/roster.xlsx`} className="text-brand-800 underline" download>
        导出<span className="sr-only">{r.projectName}信息名册</span>
      </a>
    ),
  },
];

/** SN 8 全覆盖: per estate, how complete the roster of approved staff is (SPEC §3.3). */
export default async function RosterCompletenessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/roster');
  const f = parseFilters(rosterFilterSchema, await searchParams);
  const isCity = actor.role === 'city';
  const scoped = { ...f, district: isCity ? f.district : null };
  const { rows, total } = await listRosterCompleteness(getDb(), actor, scoped);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">从业人员名册完整性</h1>
      <p className="text-sm text-slate-600">
        每个在管小区的在册人员（已审核通过的在职人员）、待审核登记、逾期登记，以及关键岗位（{KEY_POSTS.join('、')}）是否有人在岗。问题最多的小区排在前面。
      </p>
      <FilterBar>
        <TextFilter label="小区名称" value={f.q} />
        <SelectFilter name="status" label="完整性" value={f.status} options={[{ value: 'all', label: '全部' }, ...optionsOf(COMPLETENESS_STATUSES, COMPLETENESS_LABELS)]} />
        {isCity && <SelectFilter name="district" label="区县" value={f.district} all="全市" options={optionsOf(DISTRICT_IDS, DISTRICT_NAMES)} />}
      </FilterBar>
      <ListResults
        path="/bureau/roster"
        filters={scoped}
        schema={rosterFilterSchema}
        total={total}
        pageSize={COMPLETENESS_PAGE_SIZE}
        unit="个小区"
        summary={`共 ${total} 个小区。`}
        caption="各小区从业人员名册完整性"
        columns={columns(isCity)}
        rows={rows}
        rowKey={(r) => r.projectId}
        exportLink={exportLinkOf('/bureau/roster', scoped)}
        empty={{ filtered: '没有符合条件的小区。', none: '辖区内还没有在管小区。' }}
      />
    </div>
  );
}
