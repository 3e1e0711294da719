import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { FilterBar, ListResults, optionsOf, pageParam, parseFilters, SelectFilter, TextFilter, uuidParam, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { COMPANY_STAFF_STATUSES, listCompanyProjects, listCompanyStaff, STAFF_PAGE_SIZE } from '@/db/queries/practitioner-review';
import { EMPLOYMENT_STATUS_LABELS } from '@/components/practitioner/labels';
import { requireActor } from '@/lib/auth/actor';
import { POSTS } from '@/lib/domain/practitioner';
import { formatDate } from '@/lib/format';
import { ProvisionalNote } from '@/components/ui/provisional-note';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';

export const metadata: Metadata = { title: '从业人员', robots: { index: false } };

const filterSchema = z.object({
  q: z.string().max(30).catch(''),
  projectId: uuidParam(),
  post: z.enum(POSTS).nullable().catch(null),
  status: z.enum([...COMPANY_STAFF_STATUSES, 'all']).catch('all'),
  page: pageParam(),
});

type Row = Awaited<ReturnType<typeof listCompanyStaff>>['rows'][number];

const columns: Column<Row>[] = [
  {
    label: '姓名',
    rowHeader: true,
    // A former employee's current file is not the company's to see: the name only.
    cell: (r) =>
      r.status === 'pending' || r.status === 'current' ? (
        <Link href={`/company/staff/${r.practitionerId}`} className="text-brand-800 underline">
          {r.name}
        </Link>
      ) : (
        r.name
      ),
  },
  { label: '身份证号码', cell: (r) => r.idNumberMasked, className: 'font-mono' },
  { label: '项目', cell: (r) => r.projectName ?? '—' },
  { label: '岗位', cell: (r) => r.post },
  {
    label: '状态',
    cell: (r) => (
      <>
        {EMPLOYMENT_STATUS_LABELS[r.displayStatus] ?? r.displayStatus}
        {r.endDate && r.status === 'ended' && <span className="block text-xs text-slate-600">{formatDate(r.endDate)} 离职</span>}
      </>
    ),
  },
  {
    label: '登记期限',
    cell: (r) => (
      <>
        {r.deadline ? formatDate(r.deadline) : '—'}
        <ProvisionalNote date={r.deadline} />
        {r.late && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">逾期 {r.workingDaysOverdue} 个工作日</span>}
      </>
    ),
  },
];

export default async function CompanyStaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/staff');
  const f = parseFilters(filterSchema, await searchParams);
  const db = getDb();
  await ensureHolidayCalendar(db);
  const [{ rows, total }, projects] = await Promise.all([listCompanyStaff(db, actor, f), listCompanyProjects(db, actor.companyId!)]);
  const project = projects.find((p) => p.id === f.projectId);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">从业人员</h1>
        <Link href="/company/staff/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          登记从业人员
        </Link>
      </div>
      <p className="text-sm text-slate-600">新聘人员应在签订劳动合同之日起 10 个工作日内登记；经区县住建部门审核通过后方可在项目上岗。</p>
      <FilterBar>
        <TextFilter label="姓名" value={f.q} />
        <SelectFilter name="projectId" label="项目" value={f.projectId} all="全部项目" options={projects.map((p) => ({ value: p.id, label: p.name }))} />
        <SelectFilter name="post" label="岗位" value={f.post} all="全部岗位" options={optionsOf(POSTS, {})} />
        <SelectFilter name="status" label="状态" value={f.status} options={[{ value: 'all', label: '全部' }, ...optionsOf(COMPANY_STAFF_STATUSES, EMPLOYMENT_STATUS_LABELS)]} />
      </FilterBar>
      <ListResults
        path="/company/staff"
        filters={f}
        schema={filterSchema}
        total={total}
        pageSize={STAFF_PAGE_SIZE}
        summary={`共 ${total} 条任职记录。`}
        caption="本企业从业人员"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.employmentId}
        empty={{ filtered: '没有符合条件的人员。', none: '还没有登记从业人员。', next: { href: '/company/staff/new', label: '去登记第一位从业人员' } }}
        // The estate's 信息名册 (the existing export of app/company/staff/roster.xlsx) once the list is narrowed to one.
        exportLink={project ? { href: `/company/staff/roster.xlsx?project=${project.id}`, label: `导出${project.name}信息名册（Excel）` } : null}
      />
    </div>
  );
}
