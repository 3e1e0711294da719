/**
 * `npm run jobs:daily [-- --date YYYY-MM-DD] [--force]`: the daily run (lib/jobs/daily.ts) for cron, with
 * JOBS_IN_SERVER=0 on the server. Without --date it runs for today in China time (APP_TODAY when pinned). A date
 * already run is skipped unless --force (the steps then change only what is still left to change).
 * Prints what each step changed; exit 1 when a step failed.
 */
import { parseArgs } from 'node:util';
import { today as clockToday } from '../lib/clock';
import { isCalendarDate } from '../lib/domain/china-day';
import { runDailyJobs } from '../lib/jobs/daily';
import { describeDb, withDb } from './open-db';

const { values } = parseArgs({ options: { date: { type: 'string' }, force: { type: 'boolean', default: false } } });
if (values.date && !isCalendarDate(values.date)) {
  console.error('--date must be a calendar date YYYY-MM-DD');
  process.exit(2);
}

await withDb(async (h) => {
  const today = values.date ?? clockToday();
  const r = await runDailyJobs(h.db, { today, now: new Date() }, { force: values.force });
  if (r.status === 'skipped') {
    const why = { done: 'already run for this date (use --force to run again)', running: 'a run for this date is under way', locked: 'another run holds the lock' }[r.reason];
    console.log(`Daily jobs for ${today} on ${describeDb()}: skipped — ${why}.`);
    return;
  }
  console.log(`Daily jobs for ${today} on ${describeDb()}:`);
  for (const [step, c] of Object.entries(r.counts)) {
    const detail = Object.entries(c)
      .filter(([k]) => k !== 'changed')
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log('error' in c ? `  ${step}: FAILED — ${c.error}` : `  ${step}: ${c.changed} changed${detail ? ` (${detail})` : ''}`);
  }
  if (r.error) process.exitCode = 1;
});
