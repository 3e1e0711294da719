import 'server-only';
/**
 * The city keeps the State Council's holiday schedule for the coming years (docs/decisions/005): it types or
 * pastes a year's schedule, previews it, and saves it; later saves replace it under a version number, so two
 * editors never silently overwrite each other. Every save is audited, and the working-day rules of this process
 * use the new year at once (other app instances within a minute, see lib/holiday-calendar.ts).
 */
import type { Db } from '@/db';
import { getHolidayCalendar, insertHolidayCalendar, updateHolidayCalendar } from '@/db/queries/holiday-calendars';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import type { ScheduleItem } from '@/lib/domain/holiday-schedule';
import { calendarRunsOut } from '@/lib/domain/working-days';
import { reloadHolidayCalendar } from '@/lib/holiday-calendar';
import { holidayCalendarSchema } from '@/lib/validation/holiday-calendar';
import { inTransaction, LostRace, Rollback } from './errors';

export const CALENDAR_CONFLICT_MESSAGE = '该年度安排已被他人修改，请刷新后重试';

/** Only the city keeps the calendar; the permission that already means "the city sets the rules" covers it. */
export const mayEditHolidayCalendar = (actor: Actor) => can(actor, 'policy.edit');

export interface HolidayCalendarPreview {
  year: number;
  items: ScheduleItem[];
  holidayDays: number;
  workdays: number;
}

function authorize(actor: Actor | null): ActionResult<never> | null {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!mayEditHolidayCalendar(actor)) return fail('FORBIDDEN');
  return null;
}

/** Check the entry and show what would be saved; writes nothing. */
export async function previewHolidayCalendar(actor: Actor | null, input: unknown): Promise<ActionResult<HolidayCalendarPreview>> {
  const refused = authorize(actor);
  if (refused) return refused;
  const parsed = holidayCalendarSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  return ok({ year: v.year, items: v.items, holidayDays: Object.keys(v.parsed.holidays).length, workdays: Object.keys(v.parsed.workdays).length });
}

/** Save a year's schedule: a new year (baseVersion 0) or a replacement of the version the editor saw. */
export async function saveHolidayCalendar(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ year: number; version: number }>> {
  const refused = authorize(actor);
  if (refused) return refused;
  const parsed = holidayCalendarSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const write = { year: v.year, holidays: v.parsed.holidays, workdays: v.parsed.workdays, source: v.source, enteredBy: actor!.userId };

  const result = await inTransaction(db, async (tx) => {
    const current = await getHolidayCalendar(tx, v.year);
    let version: number;
    if (v.baseVersion === 0) {
      if (current || !(await insertHolidayCalendar(tx, write))) throw new LostRace(`${v.year} 年的安排已由他人录入，请刷新后在其基础上修改`);
      version = 1;
    } else {
      if (!current || current.version !== v.baseVersion) throw new LostRace(CALENDAR_CONFLICT_MESSAGE);
      if (same(current.holidays, write.holidays) && same(current.workdays, write.workdays) && current.source === write.source) {
        throw new Rollback(fail('INVALID', '没有修改任何内容'));
      }
      const next = await updateHolidayCalendar(tx, write, v.baseVersion);
      if (next === null) throw new LostRace(CALENDAR_CONFLICT_MESSAGE);
      version = next;
    }
    await audit(tx, actor!, {
      action: 'holiday_calendar.saved',
      objectType: 'holiday_calendar',
      objectId: String(v.year),
      before: current ? { version: current.version, source: current.source, holidays: current.holidays, workdays: current.workdays } : null,
      after: { version, source: write.source, holidays: write.holidays, workdays: write.workdays },
    });
    return ok({ year: v.year, version });
  });
  if (result.ok) await reloadHolidayCalendar(db);
  return result;
}

function same(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

/**
 * The bureau dashboard's reminder on `today`: the known calendar (package + entered years) ends within 60 days.
 * Reads the entered years afresh, which also refreshes this process's working-day rules.
 */
export async function holidayCalendarReminder(db: Db, today: string): Promise<{ knownUntil: string | null; missingYear: number } | null> {
  await reloadHolidayCalendar(db);
  return calendarRunsOut(today);
}
