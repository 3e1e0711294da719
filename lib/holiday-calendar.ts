import 'server-only';
/**
 * Keeps the working-day rules (lib/domain/working-days.ts) in step with the schedules the city entered in
 * `holiday_calendars` (docs/decisions/005). Loaded when the server starts, reloaded in this process right after
 * a save, and reloaded at use sites when older than RELOAD_AFTER_MS, so that other app instances pick up a
 * save within a minute (or at their next start).
 */
import type { Queryable } from '@/db';
import { loadHolidayYears } from '@/db/queries/holiday-calendars';
import { setHolidayOverlay } from '@/lib/domain/working-days';

export const RELOAD_AFTER_MS = 60_000;

const G = globalThis as typeof globalThis & { __holidayLoadedAt?: number; __holidayLoading?: Promise<void> | null };

/** Read every entered year from the database into the working-day rules, now. */
export async function reloadHolidayCalendar(db: Queryable): Promise<void> {
  const years = await loadHolidayYears(db);
  setHolidayOverlay(years);
  // A monotonic-enough timer for a cache age; this is not "today" and no rule depends on it.
  G.__holidayLoadedAt = performance.now();
}

/**
 * Reload if the copy in memory is older than RELOAD_AFTER_MS (or was never loaded). Call it before computing
 * or showing a working-day deadline in an async use site. A failed read keeps the previous copy and is
 * logged: deadlines then fall back to the bundled package, never to an error page.
 */
export async function ensureHolidayCalendar(db: Queryable): Promise<void> {
  const at = G.__holidayLoadedAt;
  if (at !== undefined && performance.now() - at < RELOAD_AFTER_MS) return;
  if (!G.__holidayLoading) {
    G.__holidayLoading = reloadHolidayCalendar(db)
      .catch((e) => console.error('[holiday-calendar] reload failed; keeping the previous calendar', e))
      .finally(() => {
        G.__holidayLoading = null;
      });
  }
  await G.__holidayLoading;
}
