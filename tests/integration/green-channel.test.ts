/**
 * CQ 三.(五) green channel: `hasGreenChannel` computes the rule (twin of `greenChannelOn`) instead of reading a
 * flag, and every review queue puts a green-channel company's item before an older one of another company.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { greenChannelSql, hasGreenChannel } from '@/db/queries/company-filing';
import { listPendingCreditRecords } from '@/db/queries/credit-records';
import { listObjectionsInScope } from '@/db/queries/objections';
import { getCurrentPolicy } from '@/db/queries/policy';
import { listRecords } from '@/db/queries/practitioner-records';
import { companies } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { greenChannelOn } from '@/lib/domain/credit-rating';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const REF = '2026-11-01';
const CHUANSHAN = '510903';

describe.each(DRIVERS)('green channel (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let chuanshan: Actor;
  let green: { id: string; estate: string };
  let plain: { id: string; estate: string };

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    chuanshan = await actorFor(db, 'chuanshan');
    // Two approved companies serving estates in 船山区: one on the green channel on REF, one not.
    const candidates = await db
      .select({ id: companies.id, green: greenChannelSql(companies.id, REF), estate: sql<string>`(select p.id from projects p where p.current_company_id = companies.id and p.district_id = ${CHUANSHAN} order by p.id limit 1)` })
      .from(companies)
      .where(sql`${companies.filingStatus} = 'approved'`)
      .orderBy(companies.uscc);
    const withEstate = candidates.filter((c) => c.estate);
    const g = withEstate.find((c) => c.green);
    const p = withEstate.find((c) => !c.green);
    if (!g || !p) throw new Error('seed has no green and plain company with an estate in 船山区');
    green = { id: g.id, estate: g.estate };
    plain = { id: p.id, estate: p.estate };
  });
  afterAll(() => t.cleanup());

  it('hasGreenChannel is the SQL twin of greenChannelOn for every company on several dates', async () => {
    const { settings } = await getCurrentPolicy(db);
    const cs = await rows<{ id: string; approved_on: string | null; filing_status: string }>(
      sql`select id, (approved_at at time zone 'Asia/Shanghai')::date::text as approved_on, filing_status::text from companies`,
    );
    const ws = await rows<{ company_id: string; occurred_on: string; status: 'approved' }>(
      sql`select company_id, occurred_on::text, status::text from credit_records where category = 'warning'`,
    );
    let greens = 0;
    for (const on of ['2023-06-30', '2025-01-01', REF, '2027-12-31']) {
      const got = new Map(
        (await db.select({ id: companies.id, green: greenChannelSql(companies.id, on) }).from(companies)).map((r) => [r.id, !!r.green]),
      );
      for (const c of cs) {
        const approvedOn = c.filing_status === 'revoked' ? null : c.approved_on;
        const want = greenChannelOn({ approvedOn }, ws.filter((w) => w.company_id === c.id).map((w) => ({ occurredOn: w.occurred_on, status: w.status })), on, settings);
        expect([c.id, on, got.get(c.id)]).toEqual([c.id, on, want]);
        if (want) greens++;
      }
    }
    expect(greens).toBeGreaterThan(0);
    expect(await hasGreenChannel(db, green.id, REF)).toBe(true);
    expect(await hasGreenChannel(db, plain.id, REF)).toBe(false);
  });

  it('the rule, not a flag: a confirmed warning ends the green channel, a flag alone does not make one', async () => {
    await db.execute(sql`insert into company_flags (company_id, flag, reason, since) values (${plain.id}, 'green_channel', 'stale flag', '2020-01-01')`);
    expect(await hasGreenChannel(db, plain.id, REF)).toBe(false);
    const [w] = await rows<{ id: string }>(sql`insert into credit_records (company_id, category, type, occurred_on, description, status, points, severity, published_on)
      values (${green.id}, 'warning', '测试警示', '2026-10-01', '测试用警示记录', 'submitted', null, '一般', null) returning id`);
    // Reported but not confirmed: not a record yet.
    expect(await hasGreenChannel(db, green.id, REF)).toBe(true);
    await db.execute(sql`update credit_records set status = 'approved', points = 3, published_on = '2026-10-02' where id = ${w!.id}`);
    expect(await hasGreenChannel(db, green.id, REF)).toBe(false);
    // Still a record once repaired; revoked after an objection it never was.
    await db.execute(sql`update credit_records set status = 'repaired' where id = ${w!.id}`);
    expect(await hasGreenChannel(db, green.id, REF)).toBe(false);
    await db.execute(sql`update credit_records set status = 'corrected' where id = ${w!.id}`);
    expect(await hasGreenChannel(db, green.id, REF)).toBe(true);
    await db.execute(sql`delete from company_flags where company_id = ${plain.id} and reason = 'stale flag'`);
  });

  it('credit queue: the green-channel company’s report comes before an older one of another company', async () => {
    const [older] = await rows<{ id: string }>(sql`insert into credit_records (company_id, project_id, category, type, occurred_on, description, status, proposed_points, created_at)
      values (${plain.id}, ${plain.estate}, 'warning', '排序测试（普通）', '2026-10-01', '排序测试', 'submitted', 2, '2026-10-02T08:00:00+08') returning id`);
    const [newer] = await rows<{ id: string }>(sql`insert into credit_records (company_id, project_id, category, type, occurred_on, description, status, proposed_points, created_at)
      values (${green.id}, ${green.estate}, 'warning', '排序测试（绿色通道）', '2026-10-20', '排序测试', 'submitted', 2, '2026-10-21T08:00:00+08') returning id`);
    const queue = (await listPendingCreditRecords(db, chuanshan, REF)).map((r) => r.id);
    expect(queue).toContain(older!.id);
    expect(queue.indexOf(newer!.id)).toBeGreaterThanOrEqual(0);
    expect(queue.indexOf(newer!.id)).toBeLessThan(queue.indexOf(older!.id));
    await db.execute(sql`delete from credit_records where id in (${older!.id}, ${newer!.id})`);
  });

  it('/bureau/records queue: the green-channel company’s filing comes first', async () => {
    const [person] = await rows<{ id: string }>(sql`select id from practitioners order by id limit 1`);
    const ins = (companyId: string, estate: string, at: string) =>
      rows<{ id: string }>(sql`insert into practitioner_records (practitioner_id, kind, type, occurred_on, issuer, description, company_id, project_id, status, received_on, created_at)
        values (${person!.id}, 'good', '见义勇为', '2026-10-01', '船山区见义勇为基金会', '排序测试', ${companyId}, ${estate}, 'submitted', '2026-10-01', ${at}) returning id`);
    const [older] = await ins(plain.id, plain.estate, '2026-10-02T08:00:00+08');
    const [newer] = await ins(green.id, green.estate, '2026-10-21T08:00:00+08');
    const { rows: queue } = await listRecords(db, chuanshan, { kind: 'all', status: 'submitted', type: null, lateOnly: false, q: '', page: 1 }, { good: 5, bad: 3 }, REF);
    const ids = queue.map((r) => r.id);
    expect(ids).toContain(older!.id);
    expect(ids).toContain(newer!.id);
    expect(ids.indexOf(newer!.id)).toBeLessThan(ids.indexOf(older!.id));
  });

  it('objections queue: the green-channel company’s open objection comes first', async () => {
    const ins = (companyId: string, code: string, at: string) =>
      rows<{ id: string }>(sql`insert into cases (kind, tracking_code, status, subject_type, subject_id, company_id, district_id, filer_name, filer_phone, body, created_at)
        values ('objection', ${code}, 'open', 'credit_record', (select id from credit_records where company_id = ${companyId} limit 1), ${companyId}, ${CHUANSHAN}, '测试', '13800000000', '{"filer":"company","reason":"排序测试"}', ${at}) returning id`);
    const [older] = await ins(plain.id, 'GCTEST0001', '2020-01-02T08:00:00+08');
    const [newer] = await ins(green.id, 'GCTEST0002', '2026-10-21T08:00:00+08');
    const { rows: queue } = await listObjectionsInScope(db, chuanshan, { status: 'open', page: 1 }, REF);
    const ids = queue.map((r) => r.id);
    expect(ids).toContain(older!.id);
    expect(ids).toContain(newer!.id);
    expect(ids.indexOf(newer!.id)).toBeLessThan(ids.indexOf(older!.id));
  });
});
