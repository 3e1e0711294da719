/**
 * The city's entry of one year's holiday schedule (docs/decisions/005). The schedule text is checked line by
 * line (lib/domain/holiday-schedule.ts); each bad line is one message under `schedule`, naming its line.
 */
import { z } from 'zod';
import { parseHolidaySchedule, type HolidaySchedule, type ScheduleItem } from '@/lib/domain/holiday-schedule';

export const HOLIDAY_YEAR_MIN = 2004;
export const HOLIDAY_YEAR_MAX = 2100;

export const holidayCalendarSchema = z
  .object({
    year: z.coerce
      .number({ message: '请填写年份' })
      .int('年份须为四位数字')
      .min(HOLIDAY_YEAR_MIN, `年份不能早于 ${HOLIDAY_YEAR_MIN}`)
      .max(HOLIDAY_YEAR_MAX, `年份不能晚于 ${HOLIDAY_YEAR_MAX}`),
    source: z
      .string({ message: '请填写依据' })
      .trim()
      .min(1, { message: '请填写依据，如国务院办公厅通知的标题或文号', abort: true })
      .min(4, '依据至少 4 个字')
      .max(200, '依据不能超过 200 个字'),
    schedule: z.string({ message: '请填写节假日安排' }).refine((s) => s.trim().length > 0, '请填写节假日安排，每行一项'),
    /** The version the editor started from; 0 for a year not entered yet. */
    baseVersion: z.coerce.number({ message: '缺少版本号' }).int('缺少版本号').min(0, '缺少版本号'),
  })
  .transform((v, ctx): typeof v & { parsed: HolidaySchedule; items: ScheduleItem[] } => {
    const r = parseHolidaySchedule(v.year, v.schedule);
    if (!r.ok) {
      for (const e of r.errors) ctx.addIssue({ code: 'custom', path: ['schedule'], message: e.message });
      return z.NEVER;
    }
    return { ...v, parsed: r.schedule, items: r.items };
  });

export type HolidayCalendarInput = z.output<typeof holidayCalendarSchema>;
