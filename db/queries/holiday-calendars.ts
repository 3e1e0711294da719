import 'server-only';
/** The holiday schedules the city entered (docs/decisions/005): one row per year, edited under a version number. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db';
import { holidayCalendars, users } from '@/db/schema';
import type { HolidayYear } from '@/lib/domain/working-days';

export interface HolidayCalendarRow extends HolidayYear {
  source: string;
  version: number;
  enteredAt: Date;
  enteredByName: string | null;
}

/** A jsonb map read back as a plain { 'YYYY-MM-DD': name } object; anything else becomes empty. */
function dateMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [k, name] of Object.entries(v)) if (/^\d{4}-\d{2}-\d{2}$/.test(k) && typeof name === 'string') out[k] = name;
  return out;
}

/** Every entered year, oldest first, with who last saved it. */
export async function listHolidayCalendars(db: Queryable): Promise<HolidayCalendarRow[]> {
  const rows = await db
    .select({
      year: holidayCalendars.year,
      holidays: holidayCalendars.holidays,
      workdays: holidayCalendars.workdays,
      source: holidayCalendars.source,
      version: holidayCalendars.version,
      enteredAt: holidayCalendars.enteredAt,
      enteredByName: users.displayName,
    })
    .from(holidayCalendars)
    .leftJoin(users, eq(users.id, holidayCalendars.enteredBy))
    .orderBy(asc(holidayCalendars.year));
  return rows.map((r) => ({ ...r, holidays: dateMap(r.holidays), workdays: dateMap(r.workdays) }));
}

/** Just the schedules, for the working-day overlay. */
export async function loadHolidayYears(db: Queryable): Promise<HolidayYear[]> {
  const rows = await db
    .select({ year: holidayCalendars.year, holidays: holidayCalendars.holidays, workdays: holidayCalendars.workdays })
    .from(holidayCalendars)
    .orderBy(asc(holidayCalendars.year));
  return rows.map((r) => ({ year: r.year, holidays: dateMap(r.holidays), workdays: dateMap(r.workdays) }));
}

export async function getHolidayCalendar(db: Queryable, year: number): Promise<HolidayCalendarRow | null> {
  return (await listHolidayCalendars(db)).find((r) => r.year === year) ?? null;
}

export interface HolidayCalendarWrite {
  year: number;
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  source: string;
  enteredBy: string;
}

/** A year entered for the first time; false when the year already exists (someone else entered it). */
export async function insertHolidayCalendar(tx: Tx, w: HolidayCalendarWrite): Promise<boolean> {
  const rows = await tx
    .insert(holidayCalendars)
    .values({ ...w, version: 1 })
    .onConflictDoNothing({ target: holidayCalendars.year })
    .returning({ year: holidayCalendars.year });
  return rows.length === 1;
}

/** Replace a year's schedule if it is still at `baseVersion`; the new version, or null when someone saved first. */
export async function updateHolidayCalendar(tx: Tx, w: HolidayCalendarWrite, baseVersion: number): Promise<number | null> {
  const rows = await tx
    .update(holidayCalendars)
    .set({
      holidays: w.holidays,
      workdays: w.workdays,
      source: w.source,
      enteredBy: w.enteredBy,
      enteredAt: sql`now()`,
      version: sql`${holidayCalendars.version} + 1`,
    })
    .where(and(eq(holidayCalendars.year, w.year), eq(holidayCalendars.version, baseVersion)))
    .returning({ version: holidayCalendars.version });
  return rows[0]?.version ?? null;
}
