/**
 * `npm run db:seed`: loads the demo city (SPEC §5) into the configured database, once. In production
 * (NODE_ENV=production or DATABASE_URL set) it refuses unless DEMO=1, and then the demo accounts must change their
 * password at first sign-in (db/seed/first-start.ts).
 */
import { demoDecision, FORCED_DEMO_WARNING, seedDemo } from '../db/seed';
import { env } from '../lib/env';
import { idKeysFrom } from '../lib/security/id-crypto';
import { describeDb, withDb } from './open-db';

const e = env();
const d = demoDecision(e.DEMO === '0' ? { ...e, DEMO: undefined } : e);
if (!d.load) {
  console.error(
    `Refusing to load the demo city with its published passwords in production mode (${d.why}). ` +
      'Set DEMO=1 to force it (each demo account must then change its password at first sign-in).',
  );
  process.exit(1);
}
if (d.forced) console.warn(FORCED_DEMO_WARNING);

await withDb(async (h) => {
  const summary = await seedDemo(h.db, { keys: idKeysFrom(e), mustChangePassword: d.forced });
  if (summary.skipped) {
    console.log(`Demo data already present in ${describeDb()}; nothing to do.`);
    return;
  }
  const c = summary.counts;
  console.log(
    `Demo data loaded into ${describeDb()} in ${(summary.ms / 1000).toFixed(1)} s: ` +
      `${c.regions} regions, ${c.companies} companies, ${c.projects} estates, ${c.practitioners} practitioners, ` +
      `${c.employments} employments, ${c.practitionerRecords} staff records, ${c.creditRecords} credit records, ` +
      `${c.estateRatings} estate ratings, ${c.listEntries} list entries, ${c.users} demo accounts` +
      (d.forced ? ' (each must change its password at first sign-in).' : '.'),
  );
});
