/** `npm run db:seed`: loads the demo city (SPEC §5) into the configured database, once. */
import { seedDemo } from '../db/seed';
import { env } from '../lib/env';
import { idKeysFrom } from '../lib/security/id-crypto';
import { describeDb, withDb } from './open-db';

await withDb(async (h) => {
  const e = env();
  const summary = await seedDemo(h.db, { keys: idKeysFrom(e) });
  if (summary.skipped) {
    console.log(`Demo data already present in ${describeDb()}; nothing to do.`);
    return;
  }
  const c = summary.counts;
  console.log(
    `Demo data loaded into ${describeDb()} in ${(summary.ms / 1000).toFixed(1)} s: ` +
      `${c.regions} regions, ${c.companies} companies, ${c.projects} estates, ${c.practitioners} practitioners, ` +
      `${c.employments} employments, ${c.practitionerRecords} staff records, ${c.creditRecords} credit records, ` +
      `${c.estateRatings} estate ratings, ${c.listEntries} list entries, ${c.users} demo accounts.`,
  );
});
