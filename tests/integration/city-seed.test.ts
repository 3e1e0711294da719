/**
 * The city-scale seed (db/seed/city) at a small fraction, on both drivers: it reaches the scale's totals, stores
 * ID numbers exactly as the app reads them, is deterministic and runs once; PGlite refuses the city itself.
 * And the two-character search that the city scale needs: answered by the stored bigrams' GIN index alone, with
 * the same results as a plain ILIKE.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import type { DbHandle } from '@/db/client';
import { searchPublicCompanies } from '@/db/queries/public-companies';
import { searchPublicProjects } from '@/db/queries/public-projects';
import { CITY_TARGETS, CityScaleRefused, seedCity } from '@/db/seed/city';
import { generateCompanies, generateEstates } from '@/db/seed/city/companies';
import { loadContext } from '@/db/seed/city/plan';
import { pgliteLoader } from '@/db/seed/city/copy';
import { parseIdNumber } from '@/lib/domain/id-number';
import { isValidUscc } from '@/lib/domain/uscc';
import { decryptIdNumber, hashIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';

const keys = keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const SCALE = 0.01;

async function all<T>(h: DbHandle, q: SQL): Promise<T[]> {
  return rowsOf<T>(await h.db.execute(q));
}
async function one(h: DbHandle, q: SQL): Promise<number> {
  const [r] = await all<Record<string, unknown>>(h, q);
  return Number(Object.values(r!)[0]);
}

describe.each(DRIVERS)('city-scale seed on %s', (driver) => {
  let t: TestDb;
  let h: DbHandle;
  beforeAll(async () => {
    t = await openSeededDb(driver);
    h = t.handle;
  });
  afterAll(async () => t.cleanup());

  it('refuses the full city on the embedded database, and writes nothing', async () => {
    if (driver !== 'pglite') return;
    await expect(seedCity(h, { keys, scale: 1 })).rejects.toBeInstanceOf(CityScaleRefused);
    expect(await one(h, sql`select count(*) from companies`)).toBe(50);
  });

  it('tops the demo city up to the scale: companies, estates, staff and everything that hangs off them', async () => {
    const r = await seedCity(h, { keys, scale: SCALE });
    expect(r.skipped).toBe(false);
    const want = (n: number) => Math.round(n * SCALE);
    expect(await one(h, sql`select count(*) from companies`)).toBe(want(CITY_TARGETS.companies));
    expect(await one(h, sql`select count(*) from projects`)).toBe(want(CITY_TARGETS.estates));
    expect(await one(h, sql`select count(*) from practitioners`)).toBe(want(CITY_TARGETS.practitioners));
    // Every estate of the city seed has a confirmed contract, a board and current staff.
    const gen = sql`p.id::text like '________-c004-%'`;
    expect(await one(h, sql`select count(*) from projects p where ${gen} and not exists (select 1 from service_contracts k where k.project_id = p.id and k.status = 'confirmed')`)).toBe(0);
    expect(await one(h, sql`select count(*) from projects p where ${gen} and not exists (select 1 from disclosure_boards b where b.project_id = p.id)`)).toBe(0);
    expect(await one(h, sql`select count(*) from projects p where ${gen} and not exists (select 1 from employments e where e.project_id = p.id and e.status = 'current')`)).toBe(0);
    // Four published quarters of ratings, evaluations, and both lists.
    expect(await one(h, sql`select count(distinct (year, quarter)) from estate_ratings r where r.id::text like '________-c00c-%'`)).toBe(4);
    expect(await one(h, sql`select count(*) from annual_evaluations where id::text like '________-c00d-%'`)).toBeGreaterThan(0);
    expect(await one(h, sql`select count(*) from list_entries where id::text like '________-c00e-%' and list = 'red'`)).toBeGreaterThan(0);
    // Foreign keys held (COPY checked them) and the one-current-employment rule too (the unique index was rebuilt).
    expect(await one(h, sql`select count(*) from (select practitioner_id from employments where status = 'current' group by 1 having count(*) > 1) d`)).toBe(0);
  });

  it('stores ID numbers exactly as the app does: decryptable, hashed for look-up, masked, valid', async () => {
    const people = await all<{ enc: string; hash: string; masked: string; gender: string; birth: string }>(
      h,
      sql`select id_number_enc as enc, id_number_hash as hash, id_number_masked as masked, gender, birth_date::text as birth
          from practitioners where id::text like '________-c007-%' order by id limit 50`,
    );
    expect(people).toHaveLength(50);
    for (const p of people) {
      const clear = decryptIdNumber(p.enc, keys);
      expect(hashIdNumber(clear, keys)).toBe(p.hash);
      expect(p.masked).toBe(`${clear.slice(0, 4)}**********${clear.slice(-4)}`);
      const parsed = parseIdNumber(clear, new Date('2026-11-01T00:00:00Z'));
      expect(parsed).toMatchObject({ ok: true, birthDate: p.birth, gender: p.gender });
    }
    expect(await one(h, sql`select count(*) - count(distinct id_number_hash) from practitioners`)).toBe(0);
    const codes = await all<{ uscc: string }>(h, sql`select uscc from companies where id::text like '________-c001-%' limit 50`);
    for (const c of codes) expect(isValidUscc(c.uscc)).toBe(true);
  });

  it('loads once: a second run changes nothing', async () => {
    const before = await one(h, sql`select count(*) from practitioners`);
    expect(await seedCity(h, { keys, scale: SCALE })).toMatchObject({ skipped: true });
    expect(await one(h, sql`select count(*) from practitioners`)).toBe(before);
  });

  it('two-character searches equal ILIKE, and the stored bigrams serve them', async () => {
    for (const q of ['花园', '小区', '嘉园', '宿舍', '南津', '园北']) {
      const { total } = await searchPublicProjects(h.db, { q });
      expect(total).toBe(await one(h, sql`select count(*) from projects where (name || ' ' || address) ilike ${`%${q}%`}`));
    }
    for (const q of ['物业', '锦华', '服务']) {
      const { total } = await searchPublicCompanies(h.db, { q });
      expect(total).toBe(await one(h, sql`select count(*) from companies where filing_status = 'approved' and name ilike ${`%${q}%`}`));
    }
    // The posting tables (migration 0009), refilled in bulk after the load, hold every loaded row.
    expect(await one(h, sql`select count(*) from project_search_postings`)).toBe(await one(h, sql`select sum(cardinality(search_bigrams)) from projects`));
    expect(await one(h, sql`select count(*) from company_search_postings`)).toBe(
      await one(h, sql`select sum(cardinality(name_bigrams)) from companies where filing_status = 'approved'`),
    );
    expect(await one(h, sql`select count(*) from staff_search_postings`)).toBe(
      await one(h, sql`select sum(cardinality(p.name_bigrams)) from employments e join practitioners p on p.id = e.practitioner_id
        where e.status = 'current' and p.status = 'active' and e.project_id is not null`),
    );
    expect(await one(h, sql`select count(*) from staff_search_postings`)).toBeGreaterThan(SCALE * CITY_TARGETS.practitioners);
    // With sequential scans priced out, the plan must be able to use the GIN index on the stored bigrams.
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = JSON.stringify(rowsOf(await tx.execute(sql`explain (format json) select count(*) from projects where "projects"."search_bigrams" @> cjk_bigrams(${'花园'})`)));
      expect(plan).toContain('projects_search_bigrams_gin');
      const staff = JSON.stringify(rowsOf(await tx.execute(sql`explain (format json) select id from practitioners where "practitioners"."name_bigrams" @> cjk_bigrams(${'王伟'})`)));
      expect(staff).toContain('practitioners_name_bigrams_gin');
    });
  });
});

describe('city-scale generation is deterministic', () => {
  it('the same seed gives the same rows, byte for byte', async () => {
    const t = await openSeededDb('pglite');
    try {
      const ctx = await loadContext(pgliteLoader(t.handle.pglite!), 'determinism');
      const text = () => {
        const c = generateCompanies(ctx, 30);
        const e = generateEstates(ctx, c.companies, 90);
        return createHash('sha256')
          .update([...c.tables, ...e.tables].flatMap((x) => [...x.drain()]).join(''))
          .digest('hex');
      };
      expect(text()).toBe(text());
    } finally {
      await t.cleanup();
    }
  });
});
