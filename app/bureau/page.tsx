import type { Metadata } from 'next';
import Link from 'next/link';
import { WhoAmI } from '@/components/area/area-shell';
import { getDb } from '@/db';
import { getBureauOverview } from '@/db/queries/area-home';
import { currentPolicy } from '@/lib/policy';
import { countPendingRecords } from '@/db/queries/practitioner-records';
import { PendingRecords } from '@/components/records/pending-records';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { formatDateTime, formatNumber } from '@/lib/format';
import { holidayCalendarReminder, mayEditHolidayCalendar } from '@/lib/services/holiday-calendar';
import { CreditDeadlines } from './_components/credit-deadlines';
import { WorkQueues } from './_components/work-queues';
import { DashboardCharts } from './_components/dashboard-charts';
import { getBureauQueueCounts, getCoverageByDistrict, getHandlingByDistrict } from '@/db/queries/work-queues';
import { can } from '@/lib/auth/policy';
import { orderQueues, QUEUES, SUBMISSION_QUEUE } from '@/lib/domain/work-queue';
import { ListTable } from '@/components/list-kit/table';
import { UnpagedList } from '@/components/list-kit/signed-in';

export const metadata: Metadata = { title: '监管工作台', robots: { index: false } };

export default async function BureauHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau');
  const sp = await searchParams;
  const on = today();
  const [o, queueCounts, handling, coverage] = await Promise.all([
    getBureauOverview(getDb(), actor),
    getBureauQueueCounts(getDb(), actor, on),
    getHandlingByDistrict(getDb(), actor, on),
    getCoverageByDistrict(getDb(), actor),
  ]);
  const queues = orderQueues(queueCounts, (p) => can(actor, p));
  const { settings } = await currentPolicy();
  const records = await countPendingRecords(getDb(), actor, { good: settings.goodRecordFilingDays, bad: settings.badConductReportDays });
  // Only the city can enter the next year's schedule, so only the city is reminded.
  const calendar = mayEditHolidayCalendar(actor) ? await holidayCalendarReminder(getDb(), today()) : null;
  const scope = actor.role === 'city' ? '遂宁市全市' : `${actor.districtName}（仅本辖区的项目、企业和从业人员）`;
  return (
    <div className="space-y-6">
      <WhoAmI actor={actor} scope={scope} />
      {calendar && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {calendar.knownUntil
            ? `节假日安排只到 ${calendar.knownUntil}，请录入 ${calendar.missingYear} 年安排。`
            : `尚无 ${calendar.missingYear} 年的节假日安排，工作日期限暂按周一至周五计算，请录入 ${calendar.missingYear} 年安排。`}{' '}
          <Link href="/bureau/calendar" className="font-medium underline">
            录入节假日安排
          </Link>
        </p>
      )}
      <WorkQueues rows={queues} today={on} />
      <section aria-labelledby="numbers-heading">
        <h2 id="numbers-heading" className="mb-3 text-lg font-semibold">
          辖区概况
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ['物业项目', o.estates],
            ['在服务企业', o.companies],
            ['在岗从业人员', o.currentStaff],
            ['待审核事项', o.pendingSubmissions],
          ].map(([label, n]) => (
            <div key={label} className="rounded-lg bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-2xl font-bold">{formatNumber(Number(n))}</dd>
            </div>
          ))}
        </dl>
      </section>
      <PendingRecords pending={records.pending} late={records.late} />
      <CreditDeadlines actor={actor} settings={settings} published={typeof sp.published === 'string' ? sp.published : null} publishError={typeof sp.publishError === 'string' ? sp.publishError : null} />
      <section aria-labelledby="districts-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="districts-heading" className="mb-3 text-lg font-semibold">
          {actor.role === 'city' ? '各区县' : '本辖区'}
        </h2>
        <ListTable
          caption={actor.role === 'city' ? '各区县的物业项目和待审核事项' : '本辖区的物业项目和待审核事项'}
          rows={o.byDistrict}
          rowKey={(d) => d.districtId}
          columns={[
            { label: '区县', rowHeader: true, cell: (d) => d.districtName },
            { label: '物业项目', cell: (d) => formatNumber(d.estates) },
            { label: '待审核', cell: (d) => formatNumber(d.pending) },
          ]}
        />
      </section>
      <section aria-labelledby="pending-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="pending-heading" className="mb-3 text-lg font-semibold">
          待审核事项（最早提交的 10 项，绿色通道优先）
        </h2>
        <UnpagedList
          caption="待审核事项（最早提交的 10 项）"
          rows={o.pending}
          rowKey={(s) => s.id}
          empty={{ none: '没有待审核事项。' }}
          columns={[
            {
              label: '事项',
              rowHeader: true,
              cell: (s) => {
                const queue = SUBMISSION_QUEUE[s.type];
                const label = SUBMISSION_TYPE_LABELS[s.type] ?? s.type;
                return (
                  <>
                    {queue ? (
                      <Link href={QUEUES[queue].href} className="text-brand-800 underline">
                        {label}
                      </Link>
                    ) : (
                      label
                    )}
                    {s.priority > 0 && <span className="ml-1 rounded bg-emerald-100 px-1 text-xs font-medium text-emerald-900">绿色通道</span>}
                  </>
                );
              },
            },
            { label: '企业', cell: (s) => s.companyName ?? '—' },
            { label: '项目', cell: (s) => s.projectName ?? '—' },
            { label: '区县', cell: (s) => s.districtName ?? '—' },
            { label: '提交时间', cell: (s) => formatDateTime(s.submittedAt) },
          ]}
        />
      </section>
      <DashboardCharts handling={handling} coverage={coverage} />
    </div>
  );
}
