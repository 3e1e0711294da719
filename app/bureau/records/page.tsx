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
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { parseRecordFilter, recordFilterParams } from '@/lib/validation/records';
import { knownLabel } from '@/lib/actions/query-notice';
import { RECORD_DECISION_LABELS } from '@/lib/validation/records';
import { exportLinkOf } from '@/components/list-kit/export-link';

export const metadata: Metadata = { title: '人员奖惩记录审核', robots: { index: false } };

export default async function BureauRecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/records');
  const sp = await searchParams;
  const f = parseRecordFilter(sp, { status: 'submitted' });
  const db = getDb();
  const { settings } = await currentPolicy();
  const { rows, total } = await listRecords(db, actor, f, { good: settings.goodRecordFilingDays, bad: settings.badConductReportDays }, today());
  const underObjection = await recordsUnderObjection(db, 'practitioner_record', rows.map((r) => r.id));
  const decided = knownLabel(sp.decided, RECORD_DECISION_LABELS);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">人员奖惩记录审核</h1>
      {decided && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已提交审核结果：{decided}。
        </p>
      )}
      <p className="text-slate-700">
        企业登记的优良信息和行业协会表彰（第九至十二条），企业、部门、街道社区和行业协会报送的不良行为线索（第十三、十四条）。
        {actor.role === 'city' ? '全市' : '本辖区小区的从业人员'}，最早报送的在前。优良信息收到后超过 {settings.goodRecordFilingDays} 日、不良线索超过 {settings.badConductReportDays} 日报送的标注逾期。
      </p>
      {can(actor, 'record.bad.enter') && (
        <p>
          <Link href="/bureau/records/new-bad" className="rounded border border-brand-700 px-4 py-2 text-brand-800">
            直接录入不良行为记录
          </Link>
        </p>
      )}
      <RecordFilters path="/bureau/records" f={f} withType withLate />
      <ListResults
        path="/bureau/records"
        filters={f}
        linkFilters={recordFilterParams(f)}
        defaults={recordFilterParams(parseRecordFilter({}, { status: 'submitted' }))}
        total={total}
        pageSize={RECORDS_PAGE_SIZE}
        caption="人员奖惩记录审核队列"
        columns={recordColumns({ underObjection, hrefOf: (id) => `/bureau/records/${id}`, noticeHrefOf: (id) => `/bureau/records/${id}/notice` })}
        rows={rows}
        rowKey={(r) => r.id}
        exportLink={exportLinkOf('/bureau/records', recordFilterParams(f))}
        empty={{ filtered: '没有符合条件的记录。', none: '目前没有待审核的奖惩记录。', next: { href: '/bureau/records?status=all', label: '查看全部记录' } }}
      />
    </div>
  );
}
