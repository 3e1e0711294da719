import 'server-only';
/**
 * The daily run inside the server (JOBS_IN_SERVER=1): once at start-up (catching up a day the server slept
 * through: the steps act on the state "as of today", so today's run covers missed days), then shortly after
 * every midnight China time. Several instances may run it: the run's claim (job_runs + advisory lock) lets one
 * do the work. A failed run is logged and tried again at the next tick.
 */
import type { Db } from '@/db';
import { now as clockNow, today as clockToday } from '@/lib/clock';
import { msUntilNextChinaDay } from '@/lib/domain/china-day';
import { runDailyJobs } from './daily';

const g = globalThis as typeof globalThis & { __dailyJobTimer?: ReturnType<typeof setTimeout> };

async function runOnce(db: Db) {
  try {
    const r = await runDailyJobs(db, { today: clockToday(), now: clockNow() });
    if (r.status === 'done') {
      const summary = Object.entries(r.counts)
        .map(([k, c]) => `${k} ${'error' in c ? 'FAILED' : c.changed}`)
        .join(', ');
      console.log(`[jobs] daily run for ${r.today}: ${summary}`);
    }
  } catch (err) {
    console.error('[jobs] daily run failed; will retry at the next tick:', err);
  }
}

export function startDailyJobTimer(getDb: () => Db) {
  if (g.__dailyJobTimer) return;
  const schedule = () => {
    g.__dailyJobTimer = setTimeout(() => {
      void runOnce(getDb()).finally(schedule);
    }, msUntilNextChinaDay(clockNow()));
    g.__dailyJobTimer.unref?.();
  };
  g.__dailyJobTimer = setTimeout(() => void runOnce(getDb()).finally(schedule), 0);
  g.__dailyJobTimer.unref?.();
}
