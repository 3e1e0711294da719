import type { Metadata } from 'next';
import Link from 'next/link';
import { exportLinkOf, FilterBar, ListResults, parseFilters, SelectFilter, TextFilter, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listDistrictsInScope } from '@/db/queries/contracts';
import { listRosterChecks, rosterCoverage, SUPERVISION_PAGE_SIZE, type RosterCheckRow } from '@/db/queries/supervision';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { coveragePercent, FOLLOW_UP_LABEL, verificationYear, type FollowUp } from '@/lib/domain/supervision';
import { formatDate } from '@/lib/format';
import { rosterCheckFilterSchema } from './filters';

export const metadata: Metadata = { title: '年度名册核查', robots: { index: false } };

const columns = (year: number): Column<RosterCheckRow>[] => [
  {
    label: '小区',
    rowHeader: true,
    cell: (r) => (
      <Link href={`/bureau/roster-checks/${r.projectId}?year=${year}`} className="text-brand-800 underline">
        {r.projectName}
      </Link>
    ),
  },
  { label: '区县', cell: (r) => r.districtName },
  { label: '物业服务企业', cell: (r) => r.companyName ?? '—' },
  {
    label: `${year} 年核查`,
    cell: (r) =>
      r.verificationId ? (
        <span>已核查（{r.verifiedOn ? formatDate(r.verifiedOn) : '—'}）</span>
      ) : (
        <span className="inline-block rounded bg-amber-100 px-1 text-sm font-medium text-amber-900">未核查</span>
      ),
  },
  { label: '发现问题', cell: (r) => (r.verificationId ? `${r.discrepancyCount ?? 0} 个${r.discrepancyCount ? `，${FOLLOW_UP_LABEL[(r.followUp ?? 'none') as FollowUp] ?? ''}` : ''}` : '—') },
];

export default async function RosterChecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/roster-checks');
  const f = parseFilters(rosterCheckFilterSchema, await searchParams);
  const on = today();
  const year = f.year ?? verificationYear(on);
  const db = getDb();
  const [districts, coverage, { rows, total }] = await Promise.all([
    listDistrictsInScope(db, actor),
    rosterCoverage(db, actor, year),
    listRosterChecks(db, actor, { year, status: f.status, district: f.district ?? '', q: f.q ?? '', page: f.page }),
  ]);
  const estates = coverage.reduce((a, d) => a + d.estates, 0);
  const verified = coverage.reduce((a, d) => a + d.verified, 0);
  const years = Array.from({ length: 3 }, (_, i) => verificationYear(on) - i);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">年度名册核查</h1>
      <p className="text-slate-700">
        《遂宁市物业服务从业人员执业管理办法》第二十三条：区县住建部门每年对从业人员执业信息开展全覆盖核查，确保信息真实、准确和完整。{year} 年已核查{' '}
        <strong>
          {verified} / {estates}
        </strong>{' '}
        个有物业服务企业的小区（{coveragePercent(verified, estates)}%）。
      </p>
      <FilterBar>
        <SelectFilter name="year" label="年度" value={String(year)} options={years.map((y) => ({ value: String(y), label: `${y} 年` }))} />
        <SelectFilter
          name="status"
          label="核查情况"
          value={f.status}
          options={[
            { value: 'all', label: '全部' },
            { value: 'todo', label: '未核查' },
            { value: 'done', label: '已核查' },
          ]}
        />
        {districts.length > 1 && <SelectFilter name="district" label="区县" value={f.district} all="全部区县" options={districts.map((d) => ({ value: d.id, label: d.name }))} />}
        <TextFilter label="小区名称" value={f.q} />
      </FilterBar>
      <ListResults
        path="/bureau/roster-checks"
        filters={f}
        exportLink={exportLinkOf('/bureau/roster-checks', f)}
        schema={rosterCheckFilterSchema}
        total={total}
        pageSize={SUPERVISION_PAGE_SIZE}
        unit="个"
        caption={`${year} 年名册核查，共 ${total} 个小区，第 ${f.page} 页`}
        columns={columns(year)}
        rows={rows}
        rowKey={(r) => r.projectId}
        empty={{ filtered: '没有符合条件的小区。', none: '辖区内还没有由物业服务企业服务的小区。', next: { href: '/bureau/roster-checks', label: '查看全部' } }}
      />
    </div>
  );
}
