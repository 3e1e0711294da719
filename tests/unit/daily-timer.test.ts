import { describe, expect, it } from 'vitest';
import { chinaDate } from '@/lib/domain/china-day';
import { scheduleDailyRuns } from '@/lib/jobs/timer';

/** A hand-driven clock and timer queue: the scheduler's decisions without the wall clock. */
function harness(start: string) {
  let now = new Date(start);
  const queue: { fn: () => void; at: number }[] = [];
  const runs: string[] = [];
  const deps = {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      queue.push({ fn, at: now.getTime() + ms });
      return {};
    },
  };
  const fire = async () => {
    queue.sort((a, b) => a.at - b.at);
    const next = queue.shift()!;
    now = new Date(next.at);
    next.fn();
    await new Promise((r) => setImmediate(r));
  };
  return { deps, runs, fire, pending: () => queue.map((q) => new Date(q.at).toISOString()), day: () => chinaDate(now) };
}

describe('the in-server daily timer', () => {
  it('runs at start-up, then just after each China midnight', async () => {
    const h = harness('2026-12-31T15:00:00Z');
    scheduleDailyRuns(async () => void h.runs.push(h.day()), h.deps);
    expect(h.pending()).toEqual(['2026-12-31T15:00:00.000Z']);
    await h.fire();
    expect(h.runs).toEqual(['2026-12-31']);
    expect(h.pending()).toEqual(['2026-12-31T16:00:05.000Z']);
    await h.fire();
    expect(h.runs).toEqual(['2026-12-31', '2027-01-01']);
    expect(h.pending()).toEqual(['2027-01-01T16:00:05.000Z']);
  });

  it('keeps going after a failed run', async () => {
    const h = harness('2027-03-01T10:00:00Z');
    let first = true;
    scheduleDailyRuns(async () => {
      h.runs.push(h.day());
      if (first) {
        first = false;
        throw new Error('database not ready');
      }
    }, h.deps);
    const err = console.error;
    console.error = () => {};
    try {
      await h.fire();
    } finally {
      console.error = err;
    }
    expect(h.pending()).toEqual(['2027-03-01T16:00:05.000Z']);
    await h.fire();
    expect(h.runs).toEqual(['2027-03-01', '2027-03-02']);
  });
});
