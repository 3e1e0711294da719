/**
 * `npm run db:seed`: loads the demo city (SPEC §5) into the configured database, once. In production
 * (NODE_ENV=production or DATABASE_URL set) it refuses unless DEMO=1, and then the demo accounts must change their
 * password at first sign-in (db/seed/first-start.ts).
 *
 * `npm run db:seed -- --scale city` grows it to city scale (db/seed/city): 10,000 companies, 50,000 estates and
 * 1,000,000 practitioners, on PostgreSQL. `--scale 1/20` (or 0.05) loads that fraction, for development; the
 * embedded database takes small fractions only. Asking for a scale is explicit, so DATABASE_URL alone does not
 * stop it; NODE_ENV=production still needs DEMO=1.
 */
import { parseArgs } from 'node:util';
import { demoDecision, FORCED_DEMO_WARNING, seedDemo } from '../db/seed';
import { CityScaleRefused, parseScale, seedCity } from '../db/seed/city';
import { env } from '../lib/env';
import { idKeysFrom } from '../lib/security/id-crypto';
import { describeDb, withDb } from './open-db';

const { values: args } = parseArgs({ options: { scale: { type: 'string' }, seed: { type: 'string' } } });
const e = env();

if (args.scale) {
  let scale: number;
  try {
    scale = parseScale(args.scale);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const forced = e.NODE_ENV === 'production';
  if (forced && e.DEMO !== '1') {
    console.error('Refusing to load synthetic city-scale data (with the demo accounts) with NODE_ENV=production. Set DEMO=1 to force it.');
    process.exit(1);
  }
  if (forced) console.warn(FORCED_DEMO_WARNING);
  await withDb(async (h) => {
    console.log(`City-scale seed (scale ${scale}) into ${describeDb()}`);
    try {
      const r = await seedCity(h, { keys: idKeysFrom(e), scale, seed: args.seed, mustChangePassword: forced, log: (l) => console.log(l) });
      if (r.skipped) {
        console.log(`Nothing to do: ${r.reason}.`);
        return;
      }
      console.log(`\nPer phase:`);
      for (const p of r.phases) console.log(`  ${p.phase.padEnd(52)} ${(p.ms / 1000).toFixed(1).padStart(7)} s`);
      console.log(`Rows added: ${Object.entries(r.added).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(
        `Totals: ${r.totals.companies} companies, ${r.totals.estates} estates, ${r.totals.practitioners} practitioners; ` +
          `${(r.ms / 1000).toFixed(1)} s in all.`,
      );
    } catch (err) {
      if (err instanceof CityScaleRefused) {
        console.error(err.message);
        process.exitCode = 2;
        return;
      }
      throw err;
    }
  });
} else {
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
}
