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

type Timer = { unref?: () => unknown };

export interface TimerDeps {
  now: () => Date;
  setTimer: (fn: () => void, ms: number) => Timer;
}

/**
 * Calls `run` now, then after each China midnight, one run at a time (the next is scheduled when one ends).
 * Pure scheduling: the clock and the timer come in, so tests drive it without the wall clock.
 */
export function scheduleDailyRuns(run: () => Promise<void>, deps: TimerDeps): void {
  const tick = () => {
    void run()
      .catch((err) => console.error('[jobs] daily run failed; will retry at the next tick:', err))
      .finally(() => deps.setTimer(tick, msUntilNextChinaDay(deps.now())).unref?.());
  };
  deps.setTimer(tick, 0).unref?.();
}

const g = globalThis as typeof globalThis & { __dailyJobTimerStarted?: boolean };

export function startDailyJobTimer(getDb: () => Db) {
  if (g.__dailyJobTimerStarted) return;
  g.__dailyJobTimerStarted = true;
  scheduleDailyRuns(
    async () => {
      const r = await runDailyJobs(getDb(), { today: clockToday(), now: clockNow() });
      if (r.status === 'done') {
        const summary = Object.entries(r.counts)
          .map(([k, c]) => `${k} ${'error' in c ? 'FAILED' : c.changed}`)
          .join(', ');
        console.log(`[jobs] daily run for ${r.today}: ${summary}`);
      }
    },
    { now: clockNow, setTimer: (fn, ms) => setTimeout(fn, ms) },
  );
}
