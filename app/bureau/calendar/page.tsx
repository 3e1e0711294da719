import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { UnpagedList } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listHolidayCalendars } from '@/db/queries/holiday-calendars';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { formatHolidaySchedule } from '@/lib/domain/holiday-schedule';
import { calendarCoverage, knownCalendarEnd } from '@/lib/domain/working-days';
import { formatDateTime } from '@/lib/format';
import { holidayCalendarReminder, mayEditHolidayCalendar } from '@/lib/services/holiday-calendar';
import { HOLIDAY_YEAR_MAX, HOLIDAY_YEAR_MIN } from '@/lib/validation/holiday-calendar';
import { CalendarForm } from './calendar-form';

export const metadata: Metadata = { title: '节假日安排', robots: { index: false } };

const yearParam = z.coerce.number().int().min(HOLIDAY_YEAR_MIN).max(HOLIDAY_YEAR_MAX);

export default async function HolidayCalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city'], '/bureau/calendar');
  if (!mayEditHolidayCalendar(actor)) notFound();
  const sp = await searchParams;
  const db = getDb();
  const on = today();
  // Reads the entered years afresh (and refreshes this process's working-day rules).
  const reminder = await holidayCalendarReminder(db, on);
  const rows = await listHolidayCalendars(db);
  const pkg = calendarCoverage();
  const end = knownCalendarEnd(on);
  const asked = yearParam.safeParse(typeof sp.year === 'string' ? sp.year : undefined);
  const year = asked.success ? asked.data : end ? Number(end.slice(0, 4)) + 1 : Number(on.slice(0, 4));
  const existing = rows.find((r) => r.year === year);
  const initial = existing
    ? { year: String(year), source: existing.source, schedule: formatHolidaySchedule(existing), baseVersion: String(existing.version) }
    : { year: String(year), source: '', schedule: '', baseVersion: '0' };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">节假日安排</h1>
      <p className="text-slate-700">
        按工作日计算的期限（人员登记、调出答复、信用修复决定、行政处罚公布等）依国务院办公厅公布的放假和调休安排计算。
        系统内置 {pkg.firstYear}–{pkg.lastYear} 年的安排；此后各年由市住建局在此录入，录入后立即生效。
        尚无安排的年份暂按周一至周五计算（元旦、劳动节、国庆节的固定日期除外），相关期限注明“暂按周一至周五计算”。
      </p>
      <p className={reminder ? 'rounded bg-amber-50 px-3 py-2 text-amber-900' : 'text-slate-700'} role={reminder ? 'status' : undefined}>
        {end ? `目前已知安排至 ${end}。` : `${on.slice(0, 4)} 年的安排尚未录入。`}
        {reminder && ` 请录入 ${reminder.missingYear} 年安排。`}
      </p>

      <section aria-labelledby="years-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="years-heading" className="mb-3 text-lg font-semibold">
          已录入的年份
        </h2>
        <UnpagedList
          caption="已录入的节假日安排"
          rows={rows}
          rowKey={(r) => r.year}
          empty={{ none: '尚未录入任何年份，全部使用系统内置的安排。' }}
          columns={[
            {
              label: '年份',
              rowHeader: true,
              cell: (r) => (
                <>
                  {r.year} 年<span className="block text-xs font-normal text-slate-600">第 {r.version} 版</span>
                </>
              ),
            },
            { label: '放假 / 调休上班', cell: (r) => `${Object.keys(r.holidays).length} 天 / ${Object.keys(r.workdays).length} 天` },
            { label: '依据', cell: (r) => r.source },
            {
              label: '录入',
              cell: (r) => (
                <>
                  {r.enteredByName ?? '—'}
                  <span className="block text-xs text-slate-600">{formatDateTime(r.enteredAt)}</span>
                </>
              ),
            },
            {
              label: '操作',
              cell: (r) => (
                <Link href={`/bureau/calendar?year=${r.year}`} className="text-brand-800 underline">
                  修改
                </Link>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="entry-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="entry-heading" className="mb-3 text-lg font-semibold">
          {existing ? `修改 ${year} 年安排（现为第 ${existing.version} 版）` : `录入 ${year} 年安排`}
        </h2>
        {!existing && year <= pkg.lastYear && year >= pkg.firstYear && (
          <p className="mb-3 text-sm text-amber-900">系统已内置 {year} 年安排；在此录入将取代内置数据，仅在内置数据有误时使用。</p>
        )}
        <CalendarForm key={`${initial.year}-${initial.baseVersion}`} initial={initial} />
      </section>
    </div>
  );
}
