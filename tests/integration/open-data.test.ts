/**
 * The open-data tables of issue 16 item 7 through their route handlers, on both drivers: companies (public
 * fields, grade, list status), estates (company, latest rating) and published quarterly ratings — JSON shape, CSV
 * header, true totals, paging in stable-id order without overlap, public fields only, unpublished ratings left
 * out, and 400 with a Chinese message for every malformed parameter.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.APP_TODAY = '2026-11-20';
});

import { setDbHandleForTests } from '@/db';
import type { Db } from '@/db/client';
import { GET as companyGET } from '@/app/api/v1/companies/[uscc]/route';
import { GET as companiesGET } from '@/app/api/v1/companies/route';
import { GET as estatesGET } from '@/app/api/v1/estates/route';
import { GET as ratingsGET } from '@/app/api/v1/ratings/route';
import { BOM } from '@/lib/open-data/csv';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const get = (handler: (r: Request) => Promise<Response>, url: string) => handler(new Request(`http://localhost${url}`));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (handler: (r: Request) => Promise<Response>, url: string): Promise<any> => {
  const res = await get(handler, url);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  return res.json();
};

describe.each(DRIVERS)('open data: companies, estates, ratings (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    setDbHandleForTests(t.handle);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await t.cleanup();
  });

  it('companies: approved only, in credit-code order, public fields, grade and list status as the profile API says', async () => {
    const body = await json(companiesGET, '/api/v1/companies');
    const codes = await rows<{ uscc: string; phone: string }>(sql`select uscc, contact_phone as phone from companies where filing_status = 'approved' order by uscc`);
    expect(body.meta).toEqual({ total: codes.length, page: 1, pageSize: 100, pageCount: Math.max(1, Math.ceil(codes.length / 100)) });
    expect(body.items.map((c: { uscc: string }) => c.uscc)).toEqual(codes.slice(0, 100).map((c) => c.uscc));
    expect(Object.keys(body.items[0]).sort()).toEqual(
      ['address', 'approvedAt', 'district', 'estates', 'grade', 'legalRepresentative', 'listStatus', 'name', 'profile', 'registeredCapital', 'uscc'].sort(),
    );
    const text = JSON.stringify(body);
    for (const c of codes) expect(text).not.toContain(c.phone);
    // Each company's grade and list status are the ones its profile API gives (a black-listed one among them).
    const [{ black }] = await rows<{ black: string }>(sql`
      select c.uscc as black from companies c join list_entries le on le.company_id = c.id
       where c.filing_status = 'approved' and le.list = 'black' and le.status = 'active' and le.ended_on is null order by c.uscc limit 1`);
    const picks = [...body.items.slice(0, 5), body.items.find((c: { uscc: string }) => c.uscc === black) ?? (await json(companiesGET, `/api/v1/companies?page=${Math.floor(codes.findIndex((c) => c.uscc === black) / 100) + 1}`)).items.find((c: { uscc: string }) => c.uscc === black)];
    expect(picks.filter((c) => c.listStatus === 'black').length).toBeGreaterThan(0);
    for (const c of picks) {
      const profile = await json((r) => companyGET(r, { params: Promise.resolve({ uscc: c.uscc }) }), `/api/v1/companies/${c.uscc}`);
      expect({ uscc: c.uscc, listStatus: c.listStatus, grade: c.grade?.grade ?? null, score: c.grade?.score ?? null }).toEqual({ uscc: c.uscc, listStatus: profile.listStatus, grade: profile.grade, score: profile.score });
    }
    // A district filter: only that district's companies, the true count.
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from companies where filing_status = 'approved' and district_id = '510903'`);
    const d = await json(companiesGET, '/api/v1/companies?district=510903');
    expect(d.meta.total).toBe(n);
    expect(d.filters).toEqual({ district: '510903' });
    for (const c of d.items) expect(c.district.code).toBe('510903');
  });

  it('estates: every estate in id order, pages that neither overlap nor skip, company and latest published rating', async () => {
    const ids = (await rows<{ id: string }>(sql`select id from projects order by id`)).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(100);
    const one = await json(estatesGET, '/api/v1/estates');
    const two = await json(estatesGET, '/api/v1/estates?page=2');
    expect(one.meta.total).toBe(ids.length);
    expect([...one.items, ...two.items].map((e: { id: string }) => e.id)).toEqual(ids.slice(0, 200));
    // Stable: the same page twice is the same.
    expect(await json(estatesGET, '/api/v1/estates?page=2')).toEqual(two);
    const want = await rows<{ id: string; y: number; q: number; rating: string }>(sql`
      select distinct on (r.project_id) r.project_id as id, r.year::int as y, r.quarter::int as q, r.rating::text as rating
        from estate_ratings r join rating_publications p on p.year = r.year and p.quarter = r.quarter
       order by r.project_id, r.year desc, r.quarter desc`);
    let rated = 0;
    for (const e of one.items) {
      const w = want.find((x) => x.id === e.id);
      expect(e.latestRating).toEqual(w ? { year: w.y, quarter: w.q, rating: w.rating } : null);
      if (w) rated++;
      expect(e.feed).toBe(`/feeds/projects/${e.id}.xml`);
    }
    expect(rated).toBeGreaterThan(0);
    const companies = await rows<{ id: string; uscc: string | null }>(sql`
      select p.id, c.uscc from projects p left join companies c on c.id = p.current_company_id and c.filing_status = 'approved'`);
    for (const e of one.items) expect(e.company?.uscc ?? null).toBe(companies.find((c) => c.id === e.id)!.uscc);
  });

  it('ratings: published quarters only, newest first, by period and district', async () => {
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from estate_ratings r join rating_publications p on p.year = r.year and p.quarter = r.quarter`);
    // A rating of a quarter nobody published stays internal.
    const [{ id: hidden }] = await rows<{ id: string }>(sql`
      insert into estate_ratings (project_id, company_id, year, quarter, inspection_score, rating, policy_version)
      select id, current_company_id, 2031, 2, 50, '差', (select max(version) from credit_policies) from projects where current_company_id is not null order by id limit 1 returning id`);
    const all = await json(ratingsGET, '/api/v1/ratings');
    expect(all.meta.total).toBe(n);
    expect(JSON.stringify(all)).not.toContain(hidden);
    expect((await json(ratingsGET, '/api/v1/ratings?period=2031Q2')).meta.total).toBe(0);
    const periods = all.items.map((r: { year: number; quarter: number }) => r.year * 10 + r.quarter);
    expect(periods).toEqual([...periods].sort((a, b) => b - a));
    expect(Object.keys(all.items[0]).sort()).toEqual(['company', 'district', 'estate', 'id', 'period', 'publishedAt', 'quarter', 'rating', 'year']);
    expect(JSON.stringify(all)).not.toMatch(/inspection|score/i);
    const q = all.items[0].period as string;
    const [{ m }] = await rows<{ m: number }>(sql`select count(*)::int as m from estate_ratings where year = ${Number(q.slice(0, 4))} and quarter = ${Number(q.slice(5))}`);
    const byQuarter = await json(ratingsGET, `/api/v1/ratings?period=${q.toLowerCase()}`);
    expect(byQuarter.meta.total).toBe(m);
    expect(byQuarter.filters.period).toBe(q);
    for (const r of byQuarter.items) expect(r.period).toBe(q);
    const byDistrict = await json(ratingsGET, `/api/v1/ratings?district=510903&period=${q.slice(0, 4)}`);
    for (const r of byDistrict.items) expect([r.district.code, r.year]).toEqual(['510903', Number(q.slice(0, 4))]);
  });

  it('CSV: BOM, the documented header, the page’s rows, paging in headers', async () => {
    const cases: [(r: Request) => Promise<Response>, string, string][] = [
      [companiesGET, '/api/v1/companies?format=csv', 'uscc,name,address,district.code,district.name,legalRepresentative,registeredCapital,approvedAt,estates,grade.year,grade.grade,grade.score,grade.vetoed,listStatus'],
      [estatesGET, '/api/v1/estates?format=csv&page=2', 'id,name,address,district.code,district.name,street.code,street.name,type,households,company.uscc,company.name,latestRating.year,latestRating.quarter,latestRating.rating'],
      [ratingsGET, '/api/v1/ratings?format=csv', 'id,period,year,quarter,estate.id,estate.name,district.code,district.name,company.uscc,company.name,rating,publishedAt'],
    ];
    for (const [handler, url, header] of cases) {
      const res = await get(handler, url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      // Read as bytes: Response.text() drops a byte-order mark.
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([...new TextEncoder().encode(BOM)]);
      const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(header);
      const body = await json(handler, url.replace('format=csv', 'format=json'));
      expect(lines.length - 1).toBe(body.items.length);
      expect(res.headers.get('x-total-count')).toBe(String(body.meta.total));
      expect(res.headers.get('x-page')).toBe(String(body.meta.page));
      // The first column is the row's stable id.
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(body.items.map((i: { id?: string; uscc?: string }) => i.id ?? i.uscc));
    }
  });

  it('a malformed parameter is a 400 naming it in Chinese', async () => {
    const bad: [(r: Request) => Promise<Response>, string, string][] = [
      [companiesGET, '/api/v1/companies?page=0', 'page'],
      [companiesGET, '/api/v1/companies?page=abc', 'page'],
      [companiesGET, '/api/v1/companies?district=12', 'district'],
      [estatesGET, '/api/v1/estates?format=xml', 'format'],
      [estatesGET, '/api/v1/estates?page=999999999', 'page'],
      [ratingsGET, '/api/v1/ratings?period=2026Q5', 'period'],
      [ratingsGET, '/api/v1/ratings?district=abcdef', 'district'],
    ];
    for (const [handler, url, field] of bad) {
      const res = await get(handler, url);
      expect(res.status, url).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('INVALID');
      expect(body.error.fields[field]?.[0], url).toMatch(/[\u4e00-\u9fff]/);
    }
    // Past the last page: an empty page with the true total, not an error.
    const far = await json(estatesGET, '/api/v1/estates?page=9999');
    expect(far.items).toEqual([]);
    expect(far.meta.total).toBeGreaterThan(100);
  });
});
