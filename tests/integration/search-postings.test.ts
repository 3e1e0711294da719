/**
 * The search posting and count tables of migration 0009 (docs/decisions/023-search-postings.md), on both drivers:
 * the query functions the pages call (/projects, /companies, /search with its staff section, the staff search) give the same rows, in the
 * same order, with the same totals, as a plain `ILIKE '%q%'` over the searched tables — for one-, two- and
 * three-character queries, with district and street filters and paging, in every actor's scope — and a write
 * (new estate, renamed or unapproved company, new or archived person, renamed or removed estate) shows at once.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import { actorFor } from './helpers/actors';
import type { Db } from '@/db/client';
import { searchReportableStaff } from '@/db/queries/practitioner-records';
import { searchPublicCompanies } from '@/db/queries/public-companies';
import { searchPublic, searchPublicStaff } from '@/db/queries/public-search';
import { searchPublicProjects } from '@/db/queries/public-projects';
import type { Actor } from '@/lib/auth/policy';

const PAGE = 20;

describe.each(DRIVERS)('two-character search from the posting tables equals ILIKE (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let actors: Actor[];
  const rows = async <T>(q: SQL) => rowsOf<T>(await db.execute(q));
  const pattern = (q: string) => `%${q}%`;

  /** Estates: the reference page (ids in name, id order) and total. */
  async function estatesRef(q: string, o: { district?: string; street?: string; page?: number } = {}) {
    const where = sql`(name || ' ' || address) ilike ${pattern(q)}
      ${o.district ? sql`and district_id = ${o.district}` : sql``} ${o.street ? sql`and street_id = ${o.street}` : sql``}`;
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from projects where ${where}`);
    const ids = await rows<{ id: string }>(sql`select id from projects where ${where} order by name, id limit ${PAGE} offset ${((o.page ?? 1) - 1) * PAGE}`);
    return { total: n, ids: ids.map((r) => r.id) };
  }

  /** Approved companies: the reference page (usccs in name, uscc order) and total. */
  async function companiesRef(q: string, o: { district?: string; page?: number } = {}) {
    const where = sql`filing_status = 'approved' and name ilike ${pattern(q)} ${o.district ? sql`and district_id = ${o.district}` : sql``}`;
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from companies where ${where}`);
    const us = await rows<{ uscc: string }>(sql`select uscc from companies where ${where} order by name, uscc limit ${PAGE} offset ${((o.page ?? 1) - 1) * PAGE}`);
    return { total: n, usccs: us.map((r) => r.uscc) };
  }

  /** Current approved staff at an estate in the actor's scope, by name: the reference (person, estate) list. */
  async function staffRef(actor: Actor, q: string, projectId: string | null = null) {
    const scope =
      actor.role === 'district'
        ? sql`pr.district_id = ${actor.districtId}`
        : actor.role === 'company'
          ? sql`e.company_id = ${actor.companyId}`
          : actor.role === 'street'
            ? sql`(pr.street_id = ${actor.regionId} or pr.community_id = ${actor.regionId})`
            : sql`true`;
    const r = await rows<{ p: string; e: string }>(sql`
      select p.id as p, pr.id as e from employments e
        join practitioners p on p.id = e.practitioner_id
        join projects pr on pr.id = e.project_id
       where e.status = 'current' and p.status = 'active' and p.name ilike ${pattern(q)} and ${scope}
         ${projectId ? sql`and pr.id = ${projectId}` : sql``}
       order by p.name, pr.name, p.id limit 20`);
    return r.map((x) => `${x.p}@${x.e}`);
  }

  async function checkEstates(q: string, district: string, street: string) {
    for (const o of [{}, { page: 2 }, { district }, { district, page: 2 }, { district, street }]) {
      const got = await searchPublicProjects(db, { q, ...o });
      const want = await estatesRef(q, o);
      expect({ q, o, total: got.total, ids: got.items.map((p) => p.id) }).toEqual({ q, o, ...want });
    }
  }

  async function checkCompanies(q: string, district: string) {
    for (const o of [{}, { page: 2 }, { district }]) {
      const got = await searchPublicCompanies(db, { q, ...o });
      const want = await companiesRef(q, o);
      expect({ q, o, total: got.total, usccs: got.items.map((c) => c.uscc) }).toEqual({ q, o, ...want });
    }
  }

  async function checkSiteSearch(q: string) {
    const got = await searchPublic(db, q, { pageSize: PAGE });
    const estates = await estatesRef(q);
    const companies = await companiesRef(q);
    const staff = await publicStaffRef(q);
    expect({
      q,
      estates: got.estates.items.map((e) => e.id),
      companies: got.companies.items.map((c) => c.id),
      staff: got.staff.items.map((s) => `${s.practitionerId}@${s.project.id}`),
      totals: [got.estates.total, got.companies.total, got.staff.total],
    }).toEqual({ q, estates: estates.ids, companies: companies.usccs, staff: staff.rows, totals: [estates.total, companies.total, staff.total] });
    // One kind's second page alone (`/search?q=…&kind=…&page=2`).
    const two = await searchPublic(db, q, { kind: 'staff', page: 2, pageSize: 3 });
    expect({ q, staff: two.staff.items.map((s) => `${s.practitionerId}@${s.project.id}`), total: two.staff.total, estates: two.estates.total }).toEqual({
      q,
      staff: (await publicStaffRef(q, 2, 3)).rows,
      total: staff.total,
      estates: 0,
    });
  }

  /** The public staff search: every current approved person (any estate, any company) by name, paged, with the total. */
  async function publicStaffRef(q: string, page = 1, size = PAGE) {
    const where = sql`e.status = 'current' and p.status = 'active' and p.name ilike ${pattern(q)}`;
    const [{ n }] = await rows<{ n: number }>(
      sql`select count(*)::int as n from employments e join practitioners p on p.id = e.practitioner_id join projects pr on pr.id = e.project_id where ${where}`,
    );
    const r = await rows<{ p: string; e: string }>(sql`
      select p.id as p, pr.id as e from employments e join practitioners p on p.id = e.practitioner_id join projects pr on pr.id = e.project_id
       where ${where} order by p.name, pr.name, p.id limit ${size} offset ${(page - 1) * size}`);
    return { total: n, rows: r.map((x) => `${x.p}@${x.e}`) };
  }

  async function checkPublicStaff(q: string) {
    // The demo city's commonest names fill a few rows: small pages make page 2 mean something.
    for (const [page, size] of [[1, PAGE], [1, 3], [2, 3], [3, 3]] as const) {
      const got = await searchPublicStaff(db, q, { page, pageSize: size });
      const want = await publicStaffRef(q, page, size);
      expect({ q, page, size, total: got.total, rows: got.items.map((s) => `${s.practitionerId}@${s.project.id}`) }).toEqual({ q, page, size, ...want });
      // Public fields only: no key beyond name, post, estate and company.
      for (const s of got.items) expect(Object.keys(s).sort()).toEqual(['company', 'name', 'post', 'practitionerId', 'project']);
    }
  }

  async function checkStaff(q: string) {
    for (const actor of actors) {
      const got = await searchReportableStaff(db, actor, { name: q, estate: '', projectId: null, idTail: '' });
      expect({ q, role: actor.role, rows: got.map((r) => `${r.practitionerId}@${r.projectId}`) }).toEqual({ q, role: actor.role, rows: await staffRef(actor, q) });
    }
    // With an estate chosen in the form (the city's search): that estate's staff only.
    const [first] = await staffRef(actors[0]!, q);
    const projectId = first?.split('@')[1] ?? null;
    if (!projectId) return false;
    const got = await searchReportableStaff(db, actors[0]!, { name: q, estate: '', projectId, idTail: '' });
    expect({ q, projectId, rows: got.map((r) => `${r.practitionerId}@${r.projectId}`) }).toEqual({ q, projectId, rows: await staffRef(actors[0]!, q, projectId) });
    return true;
  }

  let district: string;
  let street: string;
  let estateQueries: string[];
  let companyQueries: string[];
  let staffQueries: string[];

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    actors = [await actorFor(db, 'city'), await actorFor(db, 'chuanshan'), await actorFor(db, 'company'), await actorFor(db, 'street')];
    // The district and street with the most estates; the commonest leading and trailing pairs of the names.
    [{ district, street }] = await rows<{ district: string; street: string }>(
      sql`select district_id as district, street_id as street from projects where street_id is not null group by 1, 2 order by count(*) desc, 1, 2 limit 1`,
    );
    const pairs = async (table: string, col: string, filter = sql``) =>
      (
        await rows<{ q: string }>(sql`select q from (
          select substr(${sql.raw(col)}, 1, 2) as q from ${sql.raw(table)} ${filter}
          union all select substr(${sql.raw(col)}, char_length(${sql.raw(col)}) - 1, 2) from ${sql.raw(table)} ${filter}) x
          where char_length(q) = 2 group by q order by count(*) desc, q limit 4`)
      ).map((r) => r.q);
    estateQueries = [...new Set([...(await pairs('projects', 'name')), '花园', '小区', '滨江', '园北', '遂宁', '园', '区', '花园小', '锦绣花', '无此'])];
    companyQueries = [...new Set([...(await pairs('companies', 'name', sql`where filing_status = 'approved'`)), '物业', '锦华', '服务', '物', '锦华物', '无此'])];
    staffQueries = [...new Set([...(await pairs('practitioners', 'name')), '王伟', '李', '张敏', '王建国', '无此'])];
  });
  afterAll(() => t.cleanup());

  it('the demo city: estates, companies, the site search and the staff search, pages, districts and scopes', async () => {
    expect(estateQueries.filter((q) => [...q].length === 2).length).toBeGreaterThanOrEqual(6);
    // The page-2 and district comparisons mean something only when some two-character query fills more than a page.
    expect((await estatesRef('花园')).total).toBeGreaterThan(2 * PAGE);
    for (const q of estateQueries) await checkEstates(q, district, street);
    for (const q of companyQueries) await checkCompanies(q, '510903');
    for (const q of [...estateQueries.slice(0, 4), ...companyQueries.slice(0, 4)]) await checkSiteSearch(q);
    let withEstate = 0;
    for (const q of staffQueries) if (await checkStaff(q)) withEstate++;
    expect(withEstate).toBeGreaterThanOrEqual(4);
    for (const q of staffQueries) await checkPublicStaff(q);
    for (const q of staffQueries.slice(0, 3)) await checkSiteSearch(q);
    // Paging means something: some two-character staff query fills more than two of those small pages.
    expect(Math.max(...(await Promise.all(staffQueries.filter((q) => [...q].length === 2).map(async (q) => (await publicStaffRef(q)).total))))).toBeGreaterThan(6);
  });

  it('two-character queries read the posting and count tables, not the searched tables', async () => {
    const plan = async (body: (d: Db) => Promise<unknown>) => {
      const captured: string[] = [];
      // The statements the query functions send, EXPLAINed as sent.
      const { drizzle } = driver === 'pglite' ? await import('drizzle-orm/pglite') : await import('drizzle-orm/postgres-js');
      const logged = (drizzle as unknown as (c: unknown, o: unknown) => Db)(driver === 'pglite' ? t.handle.pglite : t.handle.sql, {
        logger: { logQuery: (q: string, p: unknown[]) => captured.push(JSON.stringify([q, p])) },
      });
      await body(logged);
      const out: string[] = [];
      for (const c of captured) {
        const [q, p] = JSON.parse(c) as [string, never[]];
        const res = driver === 'pglite' ? (await t.handle.pglite!.query(`explain ${q}`, p)).rows : await t.handle.sql!.unsafe(`explain ${q}`, p);
        out.push((res as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n'));
      }
      return out.join('\n');
    };
    const estates = await plan((d) => searchPublicProjects(d, { q: '花园', district, page: 2 }));
    expect(estates).toContain('project_search_counts');
    expect(estates).toContain('project_search_postings');
    expect(estates).not.toContain('projects_search_bigrams_gin');
    const companies = await plan((d) => searchPublicCompanies(d, { q: '物业' }));
    expect(companies).toContain('company_search_counts');
    expect(companies).toContain('company_search_postings');
    const staff = await plan((d) => searchReportableStaff(d, actors[0]!, { name: '王伟', estate: '', projectId: null, idTail: '' }));
    expect(staff).toContain('staff_search_postings');
    expect(staff).not.toContain('practitioners_name_bigrams_gin');
    const publicStaff = await plan((d) => searchPublicStaff(d, '王伟', { page: 2 }));
    expect(publicStaff).toContain('staff_search_postings');
    expect(publicStaff).not.toContain('practitioners_name_bigrams_gin');
  });

  it('a write shows at once: new, renamed and removed estates, renamed and unapproved companies, new and archived staff', async () => {
    // A new estate (with a Latin part: case-insensitive like ILIKE).
    const [{ id: estate }] = await rows<{ id: string }>(sql`
      insert into projects (name, address, district_id, street_id, type, households, floor_area)
      values ('ABC测试花园', ${'遂宁市船山区测试路1号'}, ${district}, ${street}, '住宅', 100, 1000) returning id`);
    for (const q of ['花园', '测试', 'bc', 'Bc', '园遂']) await checkEstates(q, district, street);
    expect((await searchPublicProjects(db, { q: '测试' })).items.map((p) => p.id)).toContain(estate);

    // Renamed, moved to another district, then removed.
    await db.execute(sql`update projects set name = '蓝鲸小区', district_id = '510981', street_id = null where id = ${estate}`);
    for (const q of ['花园', '测试', '蓝鲸', 'bc', '小区']) {
      await checkEstates(q, district, street);
      await checkEstates(q, '510981', street);
    }
    await db.execute(sql`delete from projects where id = ${estate}`);
    for (const q of ['蓝鲸', '小区', '测试']) await checkEstates(q, '510981', street);
    expect((await searchPublicProjects(db, { q: '蓝鲸' })).total).toBe(0);

    // A company renamed, then no longer approved, then approved again.
    const [co] = await rows<{ id: string; name: string }>(
      sql`select id, name from companies where filing_status = 'approved' and district_id = '510903' order by name limit 1`,
    );
    await db.execute(sql`update companies set name = '蓝鲸测试物业服务有限公司' where id = ${co!.id}`);
    for (const q of ['蓝鲸', '物业', [...co!.name].slice(0, 2).join('')]) await checkCompanies(q, '510903');
    expect((await searchPublicCompanies(db, { q: '蓝鲸', district: '510903' })).total).toBe(1);
    await db.execute(sql`update companies set filing_status = 'revoked' where id = ${co!.id}`);
    for (const q of ['蓝鲸', '物业']) await checkCompanies(q, '510903');
    expect((await searchPublicCompanies(db, { q: '蓝鲸' })).total).toBe(0);
    await db.execute(sql`update companies set filing_status = 'approved', district_id = '510981' where id = ${co!.id}`);
    for (const q of ['蓝鲸', '物业']) {
      await checkCompanies(q, '510903');
      await checkCompanies(q, '510981');
      await checkSiteSearch(q);
    }

    // A new person with a current employment at an estate of the district; archived; an estate of staff renamed.
    const [emp] = await rows<{ company_id: string; project_id: string }>(sql`
      select e.company_id, e.project_id from employments e join projects p on p.id = e.project_id
       where e.status = 'current' and p.district_id = ${actors[1]!.districtId} order by e.id limit 1`);
    const [{ id: person }] = await rows<{ id: string }>(sql`
      insert into practitioners (id_number_enc, id_number_hash, id_number_masked, name, gender, birth_date, ethnicity, native_place,
        political_status, mobile, education, hired_on, labour_contract_on, status)
      values ('x', 'search-postings-test', '5109**********0000', '蓝鲸', '男', '1990-01-01', '汉族', '四川遂宁', '群众', '13800000000',
        '本科', '2020-01-01', '2020-01-01', 'active') returning id`);
    await db.execute(sql`insert into employments (practitioner_id, company_id, project_id, post, start_date, status)
      values (${person}, ${emp!.company_id}, ${emp!.project_id}, (select post from employments limit 1), '2020-01-01', 'current')`);
    for (const q of ['蓝鲸', '王伟']) await checkStaff(q);
    await checkPublicStaff('蓝鲸');
    expect((await searchPublicStaff(db, '蓝鲸')).items.map((s) => s.practitionerId)).toEqual([person]);
    expect((await searchReportableStaff(db, actors[0]!, { name: '蓝鲸', estate: '', projectId: null, idTail: '' })).map((r) => r.practitionerId)).toEqual([person]);
    await db.execute(sql`update practitioners set name = '蓝鲸鱼' where id = ${person}`);
    await db.execute(sql`update projects set name = '改名测试小区' where id = ${emp!.project_id}`);
    for (const q of ['蓝鲸', '鲸鱼', staffQueries[0]!]) await checkStaff(q);
    await checkPublicStaff('鲸鱼');
    await db.execute(sql`update practitioners set status = 'archived' where id = ${person}`);
    await checkStaff('蓝鲸');
    await checkPublicStaff('蓝鲸');
    expect((await searchPublicStaff(db, '蓝鲸')).total).toBe(0);
    expect(await searchReportableStaff(db, actors[0]!, { name: '蓝鲸', estate: '', projectId: null, idTail: '' })).toEqual([]);
    await db.execute(sql`update practitioners set status = 'active' where id = ${person}`);
    await db.execute(sql`update employments set status = 'ended', end_date = '2026-01-01' where practitioner_id = ${person}`);
    await checkStaff('蓝鲸');
    await checkPublicStaff('蓝鲸');
    expect((await searchPublicStaff(db, '蓝鲸')).total).toBe(0);
    expect(await searchReportableStaff(db, actors[0]!, { name: '蓝鲸', estate: '', projectId: null, idTail: '' })).toEqual([]);

    // The counts never drift from the postings they count.
    const drift = await rows<{ n: number }>(sql`
      select count(*)::int as n from (
        select bigram, '' as d, count(*)::int as n from project_search_postings group by bigram
        union all select bigram, district_id, count(*)::int from project_search_postings group by bigram, district_id) x
      full join (select * from project_search_counts where n <> 0) c on c.bigram = x.bigram and c.district_id = x.d
      where c.n is distinct from x.n`);
    expect(drift[0]!.n).toBe(0);
  });
});
