/**
 * `npm run db:seed -- --scale city`: the demo city grown to the size SPEC §6 names (10,000 companies, 50,000
 * estates, 1,000,000 practitioners) with employments, records, four quarters of ratings, evaluations and list
 * entries in the demo's proportions. Deterministic: each company, estate and team comes from its own seeded
 * random stream and every id is derived from its row number, so the same seed loads the same rows.
 *
 * One transaction, bulk COPY (never a row-by-row INSERT); the loaded tables' secondary indexes are dropped
 * first and rebuilt once at the end. The demo city is loaded first (if absent) and counts towards the totals,
 * so its accounts sign in to the city-scale data.
 */
import type { DbHandle } from '../../client';
import type { IdKeys } from '../../../lib/security/id-crypto';
import { seedDemo } from '../demo';
import { pgliteLoader, postgresLoader, type Loader, type TableRows } from './copy';
import { generateCompanies, generateEstates } from './companies';
import { CreditTables, generateCredit } from './credit';
import { loadContext, PGLITE_MAX_SCALE, rowsToAdd, type Existing } from './plan';
import { generateStaff, StaffTables, type StaffSummary } from './staff';

export { parseScale, CITY_TARGETS, PGLITE_MAX_SCALE } from './plan';

export const CITY_SEED = 'suining-city-2026';
const CITY_SEED_LOCK = 7305003;
const LOADED_ACTION = 'seed.city.loaded';

/** The tables the city seed writes (their secondary indexes are rebuilt after the load). */
const LOADED_TABLES = [
  'companies',
  'company_versions',
  'company_managers',
  'projects',
  'service_contracts',
  'disclosure_boards',
  'practitioners',
  'certificates',
  'employments',
  'practitioner_records',
  'credit_records',
  'estate_ratings',
  'annual_evaluations',
  'list_entries',
  'list_events',
  'company_flags',
];

/** The search posting and count tables (migration 0009): refilled in bulk after the load, then vacuumed. */
const SEARCH_TABLES = ['project_search_postings', 'project_search_counts', 'company_search_postings', 'company_search_counts', 'staff_search_postings'];

export interface CitySeedOptions {
  keys: IdKeys;
  /** 1 = the city; a fraction for development and tests. */
  scale: number;
  seed?: string;
  /** The demo accounts (loaded first when absent) must change their password at first sign-in. */
  mustChangePassword?: boolean;
  log?: (line: string) => void;
}

export type CitySeedResult = { skipped: true; reason: string } | { skipped: false; ms: number; added: Record<string, number>; totals: Existing; phases: { phase: string; ms: number }[] };

export class CityScaleRefused extends Error {}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function seedCity(h: DbHandle, opts: CitySeedOptions): Promise<CitySeedResult> {
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? CITY_SEED;
  if (h.kind === 'pglite' && opts.scale > PGLITE_MAX_SCALE) {
    throw new CityScaleRefused(
      `City-scale data needs PostgreSQL: the embedded database (PGlite) runs inside the server process and takes at most --scale ${PGLITE_MAX_SCALE}. ` +
        'Set DATABASE_URL to a PostgreSQL database and run `npm run db:migrate` first.',
    );
  }
  const started = performance.now();
  const demo = await seedDemo(h.db, { keys: opts.keys, mustChangePassword: opts.mustChangePassword });
  log(demo.skipped ? 'Demo city already present.' : `Demo city loaded in ${secs(demo.ms)}.`);

  const run = async (db: Loader): Promise<CitySeedResult> => {
    if (db.kind === 'postgres') {
      await db.query(`set local maintenance_work_mem = '512MB'`);
      await db.query(`set local work_mem = '64MB'`);
    }
    await db.query(`select pg_advisory_xact_lock(${CITY_SEED_LOCK})`);
    const [done] = await db.query<{ n: number }>(`select count(*)::int as n from audit_events where action = '${LOADED_ACTION}'`);
    if (Number(done.n) > 0) return { skipped: true, reason: 'city-scale data already loaded' };
    const [ex] = await db.query<Existing>(
      'select (select count(*) from companies)::int as companies, (select count(*) from projects)::int as estates, (select count(*) from practitioners)::int as practitioners',
    );
    const existing = { companies: Number(ex.companies), estates: Number(ex.estates), practitioners: Number(ex.practitioners) };
    const add = rowsToAdd(opts.scale, existing);
    log(`Adding ${add.companies} companies, ${add.estates} estates, ${add.practitioners} practitioners (scale ${opts.scale}, seed ${seed}).`);
    const ctx = await loadContext(db, seed);
    const phases: { phase: string; ms: number }[] = [];
    const added: Record<string, number> = {};
    const phase = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      log(`… ${name}`);
      const out = await body();
      const ms = performance.now() - t;
      phases.push({ phase: name, ms: Math.round(ms) });
      log(`   ${name}: ${secs(ms)}`);
      return out;
    };
    const copy = async (t: TableRows, chunks: Iterable<string> = t.drain()) => {
      await db.copy(t.table, t.columns, chunks);
      added[t.table] = (added[t.table] ?? 0) + t.count;
    };

    const indexes = await phase('drop secondary indexes', async () => {
      const list = LOADED_TABLES.map((t) => `'${t}'`).join(', ');
      const rows = await db.query<{ name: string; def: string }>(
        `select quote_ident(ci.relname) as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
           join pg_class t on t.oid = i.indrelid join pg_class ci on ci.oid = i.indexrelid
          where t.relnamespace = 'public'::regnamespace and t.relname in (${list})
            and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
          order by ci.relname`,
      );
      for (const r of rows) await db.query(`drop index ${r.name}`);
      return rows;
    });

    // The page-cache notices (migration 0007) would keep a copy of every loaded row for each statement's trigger;
    // they are switched off for the load, and one "all" goes out when it commits. The search postings' triggers
    // (migration 0009) would write a million people's postings row by row: off too, and the postings are refilled
    // in bulk after the load.
    const noticeTriggers = await db.query<{ tbl: string; name: string }>(
      `select quote_ident(c.relname) as tbl, quote_ident(t.tgname) as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where c.relnamespace = 'public'::regnamespace and (t.tgname like '%public_cache%' or t.tgname like '%search_sync%')`,
    );
    for (const t of noticeTriggers) await db.query(`alter table ${t.tbl} disable trigger ${t.name}`);

    const { companies, estates } = await phase('companies and estates', async () => {
      const c = generateCompanies(ctx, add.companies);
      const e = generateEstates(ctx, c.companies, add.estates);
      for (const t of [...c.tables, ...e.tables]) await copy(t);
      return { companies: c.companies, estates: e.estates };
    });

    const staff = new StaffTables();
    const summary: StaffSummary = { practitioners: 0, archived: 0 };
    await phase('practitioners (ID numbers sealed)', async () => {
      await copy(staff.practitioners, generateStaff(ctx, opts.keys, companies, estates, add.practitioners, staff, summary));
      added.practitioners = summary.practitioners;
    });
    await phase('certificates, employments, staff records, boards', async () => {
      for (const t of [staff.certificates, staff.employments, staff.records, staff.boards]) await copy(t);
    });

    await phase('credit records, ratings, evaluations, lists', async () => {
      const credit = new CreditTables();
      generateCredit(ctx, companies, estates, credit);
      for (const t of [credit.records, credit.ratings, credit.evaluations, credit.entries, credit.events, credit.flags]) await copy(t);
    });

    await phase('registry numbers (0012)', async () => {
      await db.query('select assign_registry_numbers()');
    });
    await phase(`rebuild ${indexes.length} indexes`, async () => {
      for (const r of indexes) await db.query(r.def);
    });
    await phase('search postings and counts (0009)', async () => {
      await db.query('select rebuild_search_postings()');
    });
    for (const t of noticeTriggers) await db.query(`alter table ${t.tbl} enable trigger ${t.name}`);
    await db.query(`select pg_notify('public_cache', 'all')`);
    const totals = {
      companies: existing.companies + (added.companies ?? 0),
      estates: existing.estates + (added.projects ?? 0),
      practitioners: existing.practitioners + (added.practitioners ?? 0),
    };
    const after = JSON.stringify({ seed, scale: opts.scale, added, totals }).replaceAll("'", "''");
    await db.query(`insert into audit_events (actor_label, action, object_type, after) values ('系统', '${LOADED_ACTION}', 'system', '${after}'::jsonb)`);
    return { skipped: false, ms: 0, added, totals, phases };
  };

  let result: CitySeedResult;
  if (h.kind === 'postgres') result = (await h.sql!.begin((tx) => run(postgresLoader(tx)))) as CitySeedResult;
  else result = await h.pglite!.transaction((tx) => run(pgliteLoader(tx)));
  if (!result.skipped) {
    // Outside the transaction (VACUUM cannot run in one): the visibility map lets counts skip the heap.
    const t = performance.now();
    log('… vacuum');
    for (const table of [...LOADED_TABLES, ...SEARCH_TABLES]) {
      if (h.kind === 'postgres') await h.sql!.unsafe(`vacuum (analyze) ${table}`);
      else await h.pglite!.exec(`vacuum (analyze) ${table}`);
    }
    const ms = performance.now() - t;
    result.phases.push({ phase: 'vacuum (analyze)', ms: Math.round(ms) });
    log(`   vacuum (analyze): ${secs(ms)}`);
    result.ms = Math.round(performance.now() - started);
  }
  return result;
}
