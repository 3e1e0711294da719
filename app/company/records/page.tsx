import type { Metadata } from 'next';
import Link from 'next/link';
import { ListResults } from '@/components/list-kit/signed-in';
import { RecordFilters } from '@/components/records/record-filters';
import { recordColumns } from '@/components/records/record-table';
import { getDb } from '@/db';
import { currentPolicy } from '@/lib/policy';
import { listRecords, RECORDS_PAGE_SIZE } from '@/db/queries/practitioner-records';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { requireActor } from '@/lib/auth/actor';
import { lateLabel } from '@/lib/domain/records';
import { parseRecordFilter, recordFilterParams } from '@/lib/validation/records';

export const metadata: Metadata = { title: '人员奖惩记录', robots: { index: false } };

const FILED: Record<string, string> = {
  good: '优良信息已提交，等待区县住建部门审核。',
  report: '不良行为线索已报送，由区县住建部门核实后决定是否记录。',
};

export default async function CompanyRecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/records');
  const sp = await searchParams;
  const f = parseRecordFilter(sp, { status: 'all' });
  const db = getDb();
  const { settings } = await currentPolicy();
  const { rows, total } = await listRecords(db, actor, f, { good: settings.goodRecordFilingDays, bad: settings.badConductReportDays });
  const underObjection = await recordsUnderObjection(db, 'practitioner_record', rows.map((r) => r.id));
  const filed = typeof sp.filed === 'string' ? FILED[sp.filed] : undefined;
  const late = lateLabel(Number(sp.late) || 0);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">人员奖惩记录</h1>
      {filed && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          {filed}
          {late && `本次报送${late}，记录上将标注。`}
        </p>
      )}
      <p className="text-slate-700">
        本企业登记的优良信息、报送的不良行为线索，以及区县住建部门对本企业从业人员录入的不良行为记录（附告知书）。
      </p>
      <nav aria-label="登记" className="flex flex-wrap gap-2">
        <Link href="/company/records/new-good" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          登记优良信息
        </Link>
        <Link href="/company/records/new-report" className="rounded border border-brand-700 px-4 py-2 text-brand-800">
          报送不良行为线索
        </Link>
      </nav>
      <RecordFilters path="/company/records" f={f} />
      <ListResults
        path="/company/records"
        filters={f}
        linkFilters={recordFilterParams(f)}
        defaults={recordFilterParams(parseRecordFilter({}, { status: 'all' }))}
        total={total}
        pageSize={RECORDS_PAGE_SIZE}
        caption="本企业从业人员的奖惩记录"
        columns={recordColumns({ underObjection, hrefOf: (id) => `/company/records/${id}`, noticeHrefOf: (id) => `/company/records/${id}/notice` })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ filtered: '没有符合条件的记录。', none: '还没有奖惩记录。从业人员获得表彰或业主表扬时，可登记优良信息。', next: { href: '/company/records/new-good', label: '填写优良信息登记表' } }}
      />
    </div>
  );
}
