import { runMigrations } from '../db/migrate';
import { describeDb, withDb } from './open-db';

await withDb(async (h) => {
  const t = Date.now();
  await runMigrations(h);
  console.log(`Migrations applied to ${describeDb()} in ${Date.now() - t} ms.`);
});
