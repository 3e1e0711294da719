import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findObjectionHandlers } from '@/db/queries/objections';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

/** Finding 5 of issue 13: a former employer keeps no hold on a person, not even as the handler of their objections. */
describe.each(DRIVERS)('who handles an objection about a person (%s)', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openSeededDb(driver);
  });
  afterAll(() => t.cleanup());

  it('the current employer and its district; after the person left, only the district of the last estate', async () => {
    const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await t.handle.db.execute(s));
    const [current] = await q<{ pid: string; company_id: string; district_id: string }>(sql`
      select e.practitioner_id as pid, e.company_id, pr.district_id from employments e join projects pr on pr.id = e.project_id
      where e.status = 'current' order by e.practitioner_id limit 1`);
    expect(await findObjectionHandlers(t.handle.db, current!.pid)).toMatchObject({ companyId: current!.company_id, districtId: current!.district_id });

    // A person whose employment has ended and who has none current or pending.
    const [left] = await q<{ pid: string; district_id: string }>(sql`
      select e.practitioner_id as pid, pr.district_id from employments e join projects pr on pr.id = e.project_id
      where e.status = 'ended' and not exists (
        select 1 from employments o where o.practitioner_id = e.practitioner_id and o.status in ('current', 'pending'))
      order by e.practitioner_id limit 1`);
    expect(left, 'the demo city has people who left').toBeDefined();
    const h = await findObjectionHandlers(t.handle.db, left!.pid);
    expect(h?.companyId).toBeNull();
    expect(h?.districtId).toBeTruthy();
  });
});
