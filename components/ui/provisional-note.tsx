/**
 * After a working-day deadline that falls in a year whose holiday schedule is not known yet (neither bundled
 * nor entered by the city): it was counted Monday to Friday and may move once the schedule is entered.
 * A server component: the city's entered years are loaded in the server process (lib/holiday-calendar.ts);
 * call ensureHolidayCalendar() in the page before rendering it.
 */
import { isProvisionalDate, isValidDateString } from '@/lib/domain/working-days';

export const PROVISIONAL_TEXT = '（暂按周一至周五计算）';

export function ProvisionalNote({ date }: { date: string | null | undefined }) {
  if (!date || !isValidDateString(date) || !isProvisionalDate(date)) return null;
  return (
    <span className="ml-1 text-xs text-amber-800" title="该年度节假日安排尚未公布或录入，期限暂按周一至周五计算">
      {PROVISIONAL_TEXT}
    </span>
  );
}
