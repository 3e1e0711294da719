import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBureauOverview, getCommitteeEstate, getCompanyOverview } from '@/db/queries/area-home';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

describe.each(DRIVERS)('scoped area queries on the demo city (%s)', (driver) => {
  let t: TestDb;
  const num = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await t.handle.db.execute(q))[0]!.n);
  beforeAll(async () => {
    t = await openSeededDb(driver);
  });
  afterAll(() => t.cleanup());

  it('loads each demo account with its organisation and scope', async () => {
    const db = t.handle.db;
    expect((await actorFor(db, 'chuanshan')).districtName).toBe('船山区');
    expect((await actorFor(db, 'shehong')).districtId).toBe('510981');
    expect((await actorFor(db, 'company')).companyName).toBeTruthy();
    expect((await actorFor(db, 'committee')).projectName).toBeTruthy();
    expect((await actorFor(db, 'department')).organisationName).toBe('遂宁市市场监督管理局');
    expect((await actorFor(db, 'association')).organisationName).toBe('遂宁市物业管理协会');
    expect((await actorFor(db, 'city')).districtId).toBeNull();
  });

  it('a district sees the numbers and pending work of its own district only', async () => {
    const actor = await actorFor(t.handle.db, 'chuanshan');
    const o = await getBureauOverview(t.handle.db, actor);
    expect(o.byDistrict.map((d) => d.districtName)).toEqual(['船山区']);
    expect(o.estates).toBe(await num(sql`select count(*)::int as n from projects where district_id = '510903'`));
    expect(o.byDistrict[0]!.estates).toBe(o.estates);
    expect(o.currentStaff).toBe(
      await num(sql`select count(*)::int as n from employments e join projects p on p.id = e.project_id where e.status = 'current' and p.district_id = '510903'`),
    );
    const pending = await num(sql`select count(*)::int as n from submissions where status = 'submitted' and district_id = '510903'`);
    expect(pending).toBeGreaterThan(0);
    expect(o.pendingSubmissions).toBe(pending);
    expect(o.byDistrict[0]!.pending).toBe(pending);
    expect(o.pending.every((s) => s.districtName === '船山区')).toBe(true);
  });

  it('the city sees all five districts and the sum of their numbers', async () => {
    const o = await getBureauOverview(t.handle.db, await actorFor(t.handle.db, 'city'));
    expect(o.byDistrict).toHaveLength(5);
    expect(o.byDistrict.reduce((s, d) => s + d.estates, 0)).toBe(o.estates);
    expect(o.estates).toBe(await num(sql`select count(*)::int as n from projects`));
    expect(new Set(o.pending.map((s) => s.districtName)).size).toBeGreaterThan(1);
  });

  it('a company sees its own estates, with their current staff, and no other company’s', async () => {
    const mine = await getCompanyOverview(t.handle.db, await actorFor(t.handle.db, 'company'));
    const other = await getCompanyOverview(t.handle.db, await actorFor(t.handle.db, 'company2'));
    expect(mine && other).toBeTruthy();
    expect(new Set(mine!.estates.map((e) => e.districtName))).toEqual(new Set(['船山区', '射洪市']));
    const mineIds = new Set(mine!.estates.map((e) => e.id));
    expect(other!.estates.some((e) => mineIds.has(e.id))).toBe(false);
    for (const e of mine!.estates) {
      expect(e.staff).toBe(await num(sql`select count(*)::int as n from employments where project_id = ${e.id} and status = 'current'`));
      expect(e.staff).toBeGreaterThan(0);
    }
  });

  it('non-bureau actors get nothing from the bureau overview; non-company actors nothing from the company one', async () => {
    const company = await actorFor(t.handle.db, 'company');
    const o = await getBureauOverview(t.handle.db, company);
    expect([o.estates, o.currentStaff, o.pendingSubmissions, o.byDistrict.length, o.pending.length]).toEqual([0, 0, 0, 0, 0]);
    expect(await getCompanyOverview(t.handle.db, await actorFor(t.handle.db, 'chuanshan'))).toBeNull();
  });

  it("the committee sees its own estate, served by the demo company", async () => {
    const committee = await actorFor(t.handle.db, 'committee');
    const company = await actorFor(t.handle.db, 'company');
    const estate = await getCommitteeEstate(t.handle.db, committee);
    expect(estate?.name).toBe(committee.projectName);
    expect(estate?.companyName).toBe(company.companyName);
    expect(await getCommitteeEstate(t.handle.db, company)).toBeNull();
  });
});
