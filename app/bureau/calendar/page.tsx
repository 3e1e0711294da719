import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
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
        {rows.length === 0 ? (
          <p className="text-slate-600">尚未录入任何年份，全部使用系统内置的安排。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2">年份</th>
                  <th scope="col" className="py-2">放假 / 调休上班</th>
                  <th scope="col" className="py-2">依据</th>
                  <th scope="col" className="py-2">录入</th>
                  <th scope="col" className="py-2">操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.year} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-2 font-medium">
                      {r.year} 年<span className="block text-xs font-normal text-slate-600">第 {r.version} 版</span>
                    </th>
                    <td className="py-2">
                      {Object.keys(r.holidays).length} 天 / {Object.keys(r.workdays).length} 天
                    </td>
                    <td className="py-2">{r.source}</td>
                    <td className="py-2">
                      {r.enteredByName ?? '—'}
                      <span className="block text-xs text-slate-600">{formatDateTime(r.enteredAt)}</span>
                    </td>
                    <td className="py-2">
                      <Link href={`/bureau/calendar?year=${r.year}`} className="text-brand-800 underline">
                        修改
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
