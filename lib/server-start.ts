/**
 * With the embedded database, open PGlite as the server starts, so that a second server on the same folder
 * stops here with a clear message instead of failing on its first request; and close PGlite cleanly on
 * SIGTERM/SIGINT (NEXT_MANUAL_SIG_HANDLE=true hands those signals to us).
 */
import { closeDb, getDb, getDbHandle } from '@/db';
import { env } from '@/lib/env';
import { reloadHolidayCalendar } from '@/lib/holiday-calendar';
import { listenForPublicChanges, pageCacheOfProcess } from '@/lib/cache/listen';
import { startDailyJobTimer } from '@/lib/jobs/timer';

/**
 * Read the holiday schedules the city entered, so that the first deadline counted after a start uses them. A
 * failure (e.g. the database not migrated yet) is logged; the next use site retries (lib/holiday-calendar.ts).
 */
export async function loadHolidayCalendarAtStart() {
  try {
    await reloadHolidayCalendar(getDb());
  } catch (err) {
    console.error('[holiday-calendar] not loaded at start; will retry on first use:', (err as Error).message);
  }
}

export function onServerStart() {
  if (!env().embedded) return;
  try {
    getDbHandle();
  } catch (err) {
    console.error(`\n${(err as Error).message}\n`);
    process.exit(1);
  }
  const stop = (signal: string) => {
    console.log(`[db] ${signal}: closing the embedded database…`);
    closeDb()
      .then(() => console.log('[db] closed cleanly.'))
      .catch((e) => console.error('[db] close failed:', e))
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/**
 * When scripts/serve.mjs keeps a page cache, listen for the database's change notices (lib/cache/listen.ts). A
 * failure leaves the server running with a cache that only its time to live and midnight empty: logged loudly.
 */
export async function listenForChangesAtStart() {
  const cache = pageCacheOfProcess();
  if (!cache) return;
  try {
    await listenForPublicChanges(getDbHandle(), cache);
  } catch (err) {
    console.error('[page-cache] could not listen for database changes; cached pages will lag:', (err as Error).message);
  }
}

/**
 * The daily jobs (lib/jobs/daily.ts) after midnight China time, and once now to catch up a missed day; off with
 * JOBS_IN_SERVER=0 when cron runs `npm run jobs:daily`.
 */
export function startDailyJobsAtStart() {
  if (env().JOBS_IN_SERVER !== '1') return;
  startDailyJobTimer(getDb);
}
