import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { FilterBar, ListResults, SelectFilter, enumParam, pageParam, parseFilters, uuidParam, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listDistricts } from '@/db/queries/ratings';
import { getInspector, INSPECTOR_PAGE_SIZE, listInspectors, type InspectorRow } from '@/db/queries/spot-checks';
import { requireActor } from '@/lib/auth/actor';
import { InspectorForm } from './inspector-form';

export const metadata: Metadata = { title: '抽查检查人员名册', robots: { index: false } };

const filterSchema = z.object({
  status: enumParam(['active', 'inactive', 'all'] as const, 'active'),
  edit: uuidParam(),
  page: pageParam(),
});

const columns: Column<InspectorRow>[] = [
  { label: '姓名', rowHeader: true, cell: (r) => r.name },
  { label: '所在单位', cell: (r) => r.unit },
  { label: '所属区县', cell: (r) => r.districtName ?? '市级' },
  { label: '状态', cell: (r) => (r.active ? '在岗' : '已停用') },
  {
    label: '操作',
    hideLabel: true,
    cell: (r) => (
      <Link href={`/bureau/inspectors?edit=${r.id}#edit`} className="text-brand-800 underline">
        修改或停用<span className="sr-only">：{r.name}</span>
      </Link>
    ),
  },
];

/** SN 25, CQ 双随机: the city's roster of inspectors the draws choose from (no accounts needed). */
export default async function InspectorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireActor(['city'], '/bureau/inspectors');
  const sp = await searchParams;
  const f = parseFilters(filterSchema, sp);
  const db = getDb();
  const [{ rows, total }, districts, editing] = await Promise.all([listInspectors(db, f), listDistricts(db), f.edit ? getInspector(db, f.edit) : null]);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">抽查检查人员名册</h1>
      <p className="text-slate-700">
        双随机抽查从这里在岗的人员中随机选派检查人员（CQ：随机抽取检查对象、随机选派执法检查人员）。区县人员回避本区县的抽查对象；停用的人员不再参加以后的抽取，已抽取的记录不变。
      </p>
      {sp.saved === '1' && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          已保存。
        </p>
      )}
      <div id="edit">
        <InspectorForm key={editing?.id ?? 'new'} current={editing} districts={districts} />
      </div>
      {editing && (
        <p>
          <Link href="/bureau/inspectors" className="text-brand-800 underline">
            改为添加新的检查人员
          </Link>
        </p>
      )}
      <FilterBar>
        <SelectFilter
          name="status"
          label="状态"
          value={f.status}
          options={[
            { value: 'active', label: '在岗' },
            { value: 'inactive', label: '已停用' },
            { value: 'all', label: '全部' },
          ]}
        />
      </FilterBar>
      <ListResults
        path="/bureau/inspectors"
        filters={{ status: f.status, page: f.page }}
        defaults={{ status: 'active' }}
        total={total}
        pageSize={INSPECTOR_PAGE_SIZE}
        unit="人"
        caption="抽查检查人员名册"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ filtered: '没有符合条件的检查人员。', none: '名册还是空的：请在上面添加检查人员。', next: { href: '/bureau/inspectors?status=all', label: '查看全部' } }}
      />
    </div>
  );
}
