/**
 * The demo city (SPEC §5): big enough, deterministic, idempotent, private, and consistent with the rules it
 * illustrates. Runs on in-memory PGlite and on PostgreSQL (TEST_DATABASE_URL or the local server) (a fresh
 * database is created on that server and dropped afterwards).
 */
import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_URL } from './helpers/env';
import { openPgliteMemory, openPostgres, type DbHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo, DEMO_PASSWORD, type SeedSummary } from '@/db/seed';
import { isValidIdNumber, parseIdNumber } from '@/lib/domain/id-number';
import { isValidMobile, isValidPhone } from '@/lib/domain/phone';
import { isValidUscc } from '@/lib/domain/uscc';
import { decryptIdNumber, type IdKeys } from '@/lib/security/id-crypto';

const keys: IdKeys = { encryptionKey: Buffer.alloc(32, 11), hashKey: Buffer.alloc(32, 22) };

type Rows = Record<string, unknown>[];

async function rows(h: DbHandle, q: SQL): Promise<Rows> {
  const r = (await h.db.execute(q)) as unknown as Rows | { rows: Rows };
  return Array.isArray(r) ? r : r.rows;
}

async function count(h: DbHandle, q: SQL): Promise<number> {
  const [r] = await rows(h, q);
  return Number(Object.values(r)[0]);
}

/** Digest of what must not change between two runs with the same seed. */
async function digest(h: DbHandle): Promise<string> {
  const companies = await rows(h, sql`select id, uscc, name from companies order by id`);
  const practitioners = await rows(
    h,
    sql`select id, name, id_number_hash, birth_date::text as birth_date, gender from practitioners order by id`,
  );
  const projects = await rows(h, sql`select id, name, current_company_id from projects order by id`);
  return createHash('sha256').update(JSON.stringify([companies, practitioners, projects])).digest('hex');
}

const TABLES = ['regions', 'organisations', 'users', 'companies', 'projects', 'service_contracts', 'practitioners', 'employments', 'practitioner_records', 'credit_records', 'estate_ratings', 'list_entries', 'audit_events'];

async function tableCounts(h: DbHandle) {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await count(h, sql.raw(`select count(*) from ${t}`));
  return out;
}

async function freshPglite() {
  const h = openPgliteMemory();
  await runMigrations(h);
  return h;
}

let pgliteDigest: string | undefined;

function seedSuite(label: string, open: () => Promise<{ h: DbHandle; cleanup: () => Promise<void> }>) {
  describe(`demo seed on ${label}`, () => {
    let h: DbHandle;
    let cleanup: () => Promise<void>;
    let summary: SeedSummary;

    beforeAll(async () => {
      ({ h, cleanup } = await open());
      summary = await seedDemo(h.db, { keys });
    }, 180_000);

    afterAll(async () => {
      await cleanup?.();
    });

    it('loads a city of the size SPEC §5 asks for', async () => {
      expect(summary.skipped).toBe(false);
      expect(await count(h, sql`select count(*) from regions where level = 'district'`)).toBeGreaterThanOrEqual(5);
      expect(await count(h, sql`select count(*) from companies`)).toBeGreaterThanOrEqual(40);
      expect(await count(h, sql`select count(*) from projects`)).toBeGreaterThanOrEqual(300);
      expect(await count(h, sql`select count(*) from practitioners`)).toBeGreaterThanOrEqual(5000);
      expect(await count(h, sql`select count(distinct (year, quarter)) from estate_ratings`)).toBe(4);
      expect(await count(h, sql`select count(*) from rating_publications`)).toBe(4);
      expect(await count(h, sql`select count(*) from list_entries where list = 'red' and status = 'active'`)).toBeGreaterThanOrEqual(10);
      expect(
        await count(h, sql`select count(*) from list_entries where list = 'black' and status in ('active', 'rectifying')`),
      ).toBeGreaterThanOrEqual(6);
      expect(await count(h, sql`select count(*) from list_events`)).toBeGreaterThan(await count(h, sql`select count(*) from list_entries`));
      expect(await count(h, sql`select count(*) from audit_events where action = 'seed.loaded'`)).toBe(1);
    });

    it('has the nine demo accounts, all with the demo password', async () => {
      const users = await rows(h, sql`select username, role, password_hash, is_demo from users order by username`);
      expect(users.map((u) => u.username)).toEqual(['association', 'chuanshan', 'city', 'committee', 'company', 'company2', 'department', 'shehong', 'street']);
      expect(users.every((u) => u.is_demo === true)).toBe(true);
      const city = users.find((u) => u.username === 'city')!;
      expect(await verify(String(city.password_hash), DEMO_PASSWORD)).toBe(true);
      expect(await verify(String(city.password_hash), 'wrong-password')).toBe(false);
      const [committee] = await rows(
        h,
        sql`select p.current_company_id = u2.company_id as ok from users u
            join organisations o on o.id = u.organisation_id and o.kind = 'owners_committee'
            join projects p on p.id = o.project_id
            join users u2 on u2.username = 'company'
            where u.username = 'committee'`,
      );
      expect(committee?.ok).toBe(true);
      // The street account is the street office of the committee's estate, in 船山区.
      const [street] = await rows(
        h,
        sql`select o.kind, u.district_id, p.street_id = o.region_id as same_street from users u
            join organisations o on o.id = u.organisation_id
            join organisations c on c.kind = 'owners_committee'
            join projects p on p.id = c.project_id
            where u.username = 'street'`,
      );
      expect(street).toMatchObject({ kind: 'street_office', district_id: '510903', same_street: true });
    });

    it('is deterministic: the same seed gives the same city', async () => {
      const d = await digest(h);
      if (pgliteDigest === undefined) {
        const other = await freshPglite();
        try {
          await seedDemo(other.db, { keys });
          pgliteDigest = await digest(other);
        } finally {
          await other.close();
        }
      }
      expect(d).toBe(pgliteDigest);
    }, 120_000);

    it('is idempotent: a second run writes nothing', async () => {
      const before = await tableCounts(h);
      expect(await seedDemo(h.db, { keys })).toEqual({ skipped: true });
      expect(await tableCounts(h)).toEqual(before);
    });

    it('stores ID numbers only encrypted, hashed and masked, consistent with birth date and gender', async () => {
      const all = await rows(h, sql`select * from practitioners`);
      const today = new Date('2026-11-01T12:00:00+08:00');
      const hashes = new Set<string>();
      for (const p of all) {
        expect(p.id_number_masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
        for (const v of Object.values(p)) {
          if (typeof v !== 'string') continue;
          for (const m of v.match(/\d{17}[\dXx]/g) ?? []) expect(isValidIdNumber(m, today)).toBe(false);
        }
        const id = decryptIdNumber(String(p.id_number_enc), keys);
        const parsed = parseIdNumber(id, today);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          const birth = p.birth_date instanceof Date ? p.birth_date.toISOString().slice(0, 10) : String(p.birth_date);
          expect(birth).toBe(parsed.birthDate);
          expect(p.gender).toBe(parsed.gender);
          expect(parsed.age).toBeGreaterThanOrEqual(18);
        }
        expect(`${id.slice(0, 4)}**********${id.slice(14)}`).toBe(p.id_number_masked);
        expect(isValidMobile(String(p.mobile))).toBe(true);
        hashes.add(String(p.id_number_hash));
      }
      expect(hashes.size).toBe(all.length);
    });

    it('gives every active practitioner exactly one current employment, at an estate of its company', async () => {
      expect(
        await count(
          h,
          sql`select count(*) from practitioners p
              where (p.status = 'active') <> (select count(*) = 1 from employments e where e.practitioner_id = p.id and e.status = 'current')
                 or (select count(*) from employments e where e.practitioner_id = p.id and e.status = 'current') > 1`,
        ),
      ).toBe(0);
      expect(
        await count(
          h,
          sql`select count(*) from employments e join projects p on p.id = e.project_id
              where e.status = 'current' and p.current_company_id <> e.company_id`,
        ),
      ).toBe(0);
      expect(
        await count(
          h,
          sql`select count(*) from projects p where (select count(*) from employments e
              where e.project_id = p.id and e.status = 'current' and e.post = '项目负责人') <> 1`,
        ),
      ).toBe(0);
      expect(
        await count(h, sql`select count(*) from practitioners p where p.status = 'archived' and exists
          (select 1 from employments e where e.practitioner_id = p.id and e.status <> 'ended')`),
      ).toBe(0);
      expect(
        await count(h, sql`select count(*) from practitioners p where p.status = 'pending' and not exists
          (select 1 from submissions s where s.subject_id = p.id and s.type = 'practitioner_entry' and s.status = 'submitted')`),
      ).toBe(0);
    });

    it("serves estates of the 'company' account in both 船山区 and 射洪市, and keeps it off the black list", async () => {
      const districts = await rows(
        h,
        sql`select distinct p.district_id from projects p join users u on u.company_id = p.current_company_id
            where u.username = 'company' order by 1`,
      );
      expect(districts.map((r) => r.district_id)).toEqual(expect.arrayContaining(['510903', '510981']));
      expect(
        await count(
          h,
          sql`select count(*) from list_entries l join users u on u.company_id = l.company_id
              where u.username = 'company' and l.list = 'black'`,
        ),
      ).toBe(0);
      const [grade] = await rows(
        h,
        sql`select e.grade from annual_evaluations e join users u on u.company_id = e.company_id
            where u.username = 'company' and e.year = 2025`,
      );
      expect(grade?.grade).toBe('A');
    });

    it('respects the bond rule (≥ 5 % of a year’s fees, ≤ 300,000 yuan) on every contract', async () => {
      expect(
        await count(
          h,
          sql`select count(*) from service_contracts
              where bond_amount < annual_fees * 0.05 or bond_amount > 300000 or end_date <= start_date`,
        ),
      ).toBe(0);
      expect(
        await count(
          h,
          sql`select count(*) from projects p where not exists (select 1 from service_contracts k
              where k.project_id = p.id and k.status = 'confirmed' and k.company_id = p.current_company_id)`,
        ),
      ).toBe(0);
      expect(
        await count(
          h,
          sql`select count(*) from projects p join companies c on c.id = p.current_company_id where c.filing_status <> 'approved'`,
        ),
      ).toBe(0);
    });

    it('has valid, unique company codes and phone numbers', async () => {
      const companies = await rows(h, sql`select uscc, name, contact_phone from companies`);
      expect(companies.every((c) => isValidUscc(String(c.uscc)))).toBe(true);
      expect(new Set(companies.map((c) => c.name)).size).toBe(companies.length);
      expect(companies.every((c) => isValidPhone(String(c.contact_phone)))).toBe(true);
    });

    it('rates estates by the policy thresholds and lists three 差 in a row', async () => {
      expect(
        await count(
          h,
          sql`select count(*) from estate_ratings where rating <> (case when inspection_score >= 90 then '优秀'
              when inspection_score >= 75 then '良好' else '差' end)::estate_rating`,
        ),
      ).toBe(0);
      expect(
        await count(h, sql`select count(*) from list_entries where rule = 'DW14-three-poor' and status = 'rectifying'`),
      ).toBeGreaterThanOrEqual(2);
      expect(
        await count(h, sql`select count(*) from annual_evaluations where year = 2025 and not vetoed and score < 90`),
      ).toBeGreaterThanOrEqual(3);
    });
  });
}

seedSuite('PGlite (in memory)', async () => {
  const h = await freshPglite();
  return { h, cleanup: () => h.close() };
});

{
  const testUrl = TEST_PG_URL;
  seedSuite('PostgreSQL', async () => {
    const name = `seed_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(testUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(testUrl);
    url.pathname = `/${name}`;
    const h = openPostgres(url.toString(), 4);
    await runMigrations(h);
    return {
      h,
      cleanup: async () => {
        await h.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  });
}
