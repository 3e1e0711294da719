/**
 * The bureau home's work queues and charts and the company home's to-do list (issue 18, item 4), on the seeded
 * demo city: every count checked against the rows counted another way, due-today / overdue / green channel moved
 * by changing one row, scope (a district sees its district only; a company no bureau queue), and each to-do
 * item appearing for its own company only.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getCompanyTodo } from '@/db/queries/company-todo';
import { getBureauQueueCounts, getCoverageByDistrict, getHandlingByDistrict } from '@/db/queries/work-queues';
import { cases, certificates, dataRequests, employments, practitioners, projects, rectificationOrders, regions, submissions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { SUBMISSION_QUEUE } from '@/lib/domain/work-queue';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, type TestDb } from './helpers/db';

const ON = '2026-11-01';
const STAFF_TYPES = Object.entries(SUBMISSION_QUEUE)
  .filter(([, q]) => q === 'staff')
  .map(([t]) => t) as (typeof submissions.$inferSelect)['type'][];

/** Linear-interpolation percentile, as PostgreSQL's percentile_cont. */
function percentileCont(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}

describe.each(DRIVERS)('work queues (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let city: Actor;
  let chuanshan: Actor;
  let company: Actor;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [city, chuanshan, company] = await Promise.all(['city', 'chuanshan', 'company'].map((u) => actorFor(db, u)));
  });
  afterAll(() => t.cleanup());

  it('staff queue: the submitted staff filings of the scope, oldest first', async () => {
    const count = async (districtId: string | null) => {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${submissions.submittedAt})::text` })
        .from(submissions)
        .where(and(eq(submissions.status, 'submitted'), inArray(submissions.type, STAFF_TYPES), districtId ? eq(submissions.districtId, districtId) : undefined));
      return r!;
    };
    const [cityQ, districtQ] = await Promise.all([getBureauQueueCounts(db, city, ON), getBureauQueueCounts(db, chuanshan, ON)]);
    const all = await count(null);
    const own = await count(chuanshan.districtId!);
    expect(all.n).toBeGreaterThan(0);
    expect(cityQ.staff!.pending).toBe(all.n);
    expect(districtQ.staff!.pending).toBe(own.n);
    expect(own.n).toBeLessThan(all.n);
    expect(cityQ.staff!.oldestAt!.getTime()).toBe(new Date(all.oldest!).getTime());
  });

  it('a company and a committee have no bureau queue', async () => {
    expect(await getBureauQueueCounts(db, company, ON)).toEqual({});
    expect(await getBureauQueueCounts(db, await actorFor(db, 'committee'), ON)).toEqual({});
    expect(await getHandlingByDistrict(db, company, ON)).toEqual([]);
    expect(await getCoverageByDistrict(db, company)).toEqual([]);
  });

  it('objections: due today and overdue follow the due date; another district does not count them', async () => {
    // Two open objections in 船山区 (the demo city has none open).
    const objection = (code: string) => ({
      kind: 'objection',
      trackingCode: code,
      status: 'open' as const,
      subjectType: 'practitioner',
      districtId: chuanshan.districtId!,
      filerName: '测试',
      filerPhone: '13800000000',
      body: '岗位信息有误',
      dueOn: '2099-01-01',
      createdAt: new Date('2026-10-20T02:00:00Z'),
    });
    const open = await db.insert(cases).values([objection('WQTEST000001'), objection('WQTEST000002')]).returning({ id: cases.id });
    await db.update(cases).set({ dueOn: '2099-01-01' }).where(and(eq(cases.kind, 'objection'), inArray(cases.status, ['open', 'verifying'])));
    const before = await getBureauQueueCounts(db, chuanshan, ON);
    expect(before.objections).toMatchObject({ dueToday: 0, overdue: 0 });
    await db.update(cases).set({ dueOn: ON }).where(eq(cases.id, open[0]!.id));
    await db.update(cases).set({ dueOn: '2026-10-30' }).where(eq(cases.id, open[1]!.id));
    const after = await getBureauQueueCounts(db, chuanshan, ON);
    expect(after.objections).toMatchObject({ pending: before.objections!.pending, dueToday: 1, overdue: 1 });
    const shehong = await getBureauQueueCounts(db, await actorFor(db, 'shehong'), ON);
    expect(shehong.objections).toMatchObject({ dueToday: 0, overdue: 0 });
  });

  it('green channel: a submission with priority counts in its queue', async () => {
    const [s] = await db
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.status, 'submitted'), inArray(submissions.type, STAFF_TYPES), eq(submissions.districtId, chuanshan.districtId!)))
      .limit(1);
    await db.update(submissions).set({ priority: 0 }).where(eq(submissions.status, 'submitted'));
    expect((await getBureauQueueCounts(db, chuanshan, ON)).staff!.green).toBe(0);
    await db.update(submissions).set({ priority: 1 }).where(eq(submissions.id, s!.id));
    expect((await getBureauQueueCounts(db, chuanshan, ON)).staff!.green).toBe(1);
  });

  it('rectification orders and data-use requests: what waits for the district, overdue orders not yet criticised', async () => {
    const q = await getBureauQueueCounts(db, city, ON);
    const [requests] = await db.select({ n: sql<number>`count(*)::int` }).from(dataRequests).where(eq(dataRequests.status, 'submitted'));
    expect(q.dataRequests!.pending).toBe(requests!.n);
    expect(requests!.n).toBeGreaterThan(0);
    // The demo city's order past its deadline (2026-10-22), not yet criticised, is overdue work.
    const [overdue] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(rectificationOrders)
      .where(sql`${rectificationOrders.dueOn} < ${ON}::date and ${rectificationOrders.status} in ('open', 'returned') and ${rectificationOrders.criticizedOn} is null`);
    expect(overdue!.n).toBeGreaterThan(0);
    expect(q.rectifications!.overdue).toBe(overdue!.n);
    // 射洪市 has none of it.
    const shehong = await getBureauQueueCounts(db, await actorFor(db, 'shehong'), ON);
    expect(shehong.rectifications!.overdue).toBe(0);
  });

  it('handling time: median and 90th percentile of the decisions of the last 90 days, per district', async () => {
    const rows = await db
      .select({ districtId: submissions.districtId, submittedAt: submissions.submittedAt, decidedAt: submissions.decidedAt })
      .from(submissions)
      .where(
        and(
          inArray(submissions.status, ['approved', 'rejected']),
          isNotNull(submissions.submittedAt),
          isNotNull(submissions.decidedAt),
          sql`(${submissions.decidedAt} at time zone 'Asia/Shanghai')::date > ${ON}::date - 90`,
          sql`(${submissions.decidedAt} at time zone 'Asia/Shanghai')::date <= ${ON}::date`,
        ),
      );
    const h = await getHandlingByDistrict(db, city, ON);
    expect(h).toHaveLength(5);
    expect(h.reduce((n, d) => n + d.decided, 0)).toBe(rows.length);
    for (const d of h) {
      const days = rows.filter((r) => r.districtId === d.districtId).map((r) => (r.decidedAt!.getTime() - r.submittedAt!.getTime()) / 86_400_000);
      expect(d.decided).toBe(days.length);
      const med = percentileCont(days, 0.5);
      expect(d.median).toBe(med === null ? null : Math.round(med * 10) / 10);
    }
    const own = await getHandlingByDistrict(db, chuanshan, ON);
    expect(own.map((d) => d.districtId)).toEqual([chuanshan.districtId]);
  });

  it('coverage: served estates, with staff, with every key post — as the roster list counts them', async () => {
    const cov = await getCoverageByDistrict(db, city);
    const [served] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(isNotNull(projects.currentCompanyId));
    expect(cov.reduce((n, d) => n + d.served, 0)).toBe(served!.n);
    const [staffed] = await db
      .select({ n: sql<number>`count(distinct ${projects.id})::int` })
      .from(projects)
      .innerJoin(employments, and(eq(employments.projectId, projects.id), eq(employments.status, 'current')))
      .where(isNotNull(projects.currentCompanyId));
    expect(cov.reduce((n, d) => n + d.withStaff, 0)).toBe(staffed!.n);
    for (const d of cov) {
      expect(d.keyPostsFilled).toBeLessThanOrEqual(d.withStaff);
      expect(d.withStaff).toBeLessThanOrEqual(d.served);
    }
    expect(cov.some((d) => d.keyPostsFilled > 0)).toBe(true);
    const names = await db.select({ id: regions.id }).from(regions).where(eq(regions.level, 'district'));
    expect(cov).toHaveLength(names.length);
  });
});

describe.each(DRIVERS)('company to-do (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2] = await Promise.all(['company', 'company2'].map((u) => actorFor(db, u)));
  });
  afterAll(() => t.cleanup());

  const currentStaffOf = async (companyId: string) => {
    const [p] = await db
      .select({ id: practitioners.id, name: practitioners.name })
      .from(employments)
      .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
      .where(and(eq(employments.companyId, companyId), eq(employments.status, 'current')))
      .orderBy(practitioners.id)
      .limit(1);
    return p!;
  };

  it('only a company operator has a to-do list', async () => {
    expect(await getCompanyTodo(db, await actorFor(db, 'chuanshan'), ON)).toBeNull();
    expect(await getCompanyTodo(db, company, ON)).not.toBeNull();
  });

  it('consent requests of committees and rectification orders to answer, for the company concerned only', async () => {
    const [consents] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(dataRequests)
      .where(and(eq(dataRequests.companyId, company2.companyId!), eq(dataRequests.status, 'awaiting_consent')));
    expect(consents!.n).toBeGreaterThan(0);
    expect((await getCompanyTodo(db, company2, ON))!.consentRequests).toBe(consents!.n);
    const mine = (await getCompanyTodo(db, company, ON))!;
    expect(mine.rectifications.overdue).toBeGreaterThan(0);
    const [orders] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(rectificationOrders)
      .where(and(eq(rectificationOrders.companyId, company.companyId!), inArray(rectificationOrders.status, ['open', 'returned'])));
    expect(mine.rectifications.open).toBe(orders!.n);
  });

  it('certificates: expired or expiring within 60 days, of its own current staff only', async () => {
    await db.update(certificates).set({ validUntil: '2099-12-31' });
    expect((await getCompanyTodo(db, company, ON))!.certificatesTotal).toBe(0);
    const mine = await currentStaffOf(company.companyId!);
    const theirs = await currentStaffOf(company2.companyId!);
    await db.insert(certificates).values([
      { practitionerId: mine.id, name: '电工证', number: 'T-1', issuer: '遂宁市应急管理局', validUntil: '2026-12-31' }, // day 60
      { practitionerId: mine.id, name: '消防设施操作员', number: 'T-2', issuer: '遂宁市消防救援支队', validUntil: '2027-01-01' }, // day 61
      { practitionerId: mine.id, name: '物业管理师', number: 'T-3', issuer: '四川省住建厅', validUntil: '2026-10-31' }, // expired
      { practitionerId: theirs.id, name: '电工证', number: 'T-4', issuer: '遂宁市应急管理局', validUntil: '2026-11-15' },
    ]);
    const todo = (await getCompanyTodo(db, company, ON))!;
    expect(todo.certificatesTotal).toBe(2);
    expect(todo.certificates.map((c) => [c.name, c.certificate, c.validUntil])).toEqual([
      [mine.name, '物业管理师', '2026-10-31'],
      [mine.name, '电工证', '2026-12-31'],
    ]);
    const other = (await getCompanyTodo(db, company2, ON))!;
    expect(other.certificates.map((c) => c.certificate)).toEqual(['电工证']);
    expect(other.certificates[0]!.practitionerId).toBe(theirs.id);
  });

  it('returned submissions and entries waiting for a photo, with where to correct them', async () => {
    const [entry] = await db
      .select({ id: submissions.id, practitionerId: submissions.subjectId })
      .from(submissions)
      .where(and(eq(submissions.companyId, company.companyId!), eq(submissions.type, 'practitioner_entry'), eq(submissions.status, 'submitted')))
      .limit(1);
    expect(entry).toBeDefined();
    const before = (await getCompanyTodo(db, company, ON))!;
    await db.update(submissions).set({ status: 'returned', decidedAt: new Date('2026-10-30T02:00:00Z') }).where(eq(submissions.id, entry!.id));
    await db.update(practitioners).set({ photoId: null }).where(eq(practitioners.id, entry!.practitionerId!));
    const after = (await getCompanyTodo(db, company, ON))!;
    expect(after.returnedTotal).toBe(before.returnedTotal + 1);
    expect(after.returned.map((r) => r.id)).toContain(entry!.id);
    expect(after.missingPhoto.map((p) => p.practitionerId)).toContain(entry!.practitionerId);
    expect(after.missingPhotoTotal).toBeGreaterThan(0);
    const other = (await getCompanyTodo(db, company2, ON))!;
    expect(other.returned.map((r) => r.id)).not.toContain(entry!.id);
    expect(other.missingPhoto.map((p) => p.practitionerId)).not.toContain(entry!.practitionerId);
  });

  it('complaints to answer: open ones of the company, overdue and due within 3 days', async () => {
    await db.update(cases).set({ dueOn: '2099-01-01' }).where(inArray(cases.kind, ['complaint', 'praise']));
    const before = (await getCompanyTodo(db, company, ON))!;
    expect(before.complaints).toMatchObject({ overdue: 0, dueSoon: 0 });
    const complaint = (code: string, dueOn: string, companyId: string) => ({
      kind: 'complaint',
      trackingCode: code,
      status: 'open' as const,
      subjectType: 'company',
      companyId,
      filerName: '业主',
      filerPhone: '13800000001',
      body: '电梯维修不及时',
      dueOn,
    });
    await db.insert(cases).values([
      complaint('WQTEST000011', '2026-10-31', company.companyId!),
      complaint('WQTEST000012', '2026-11-04', company.companyId!),
      complaint('WQTEST000013', '2026-11-05', company.companyId!),
      complaint('WQTEST000014', '2026-10-01', company2.companyId!),
    ]);
    const todo = (await getCompanyTodo(db, company, ON))!;
    expect(todo.complaints).toEqual({ open: before.complaints.open + 3, overdue: 1, dueSoon: 1 });
    const other = (await getCompanyTodo(db, company2, ON))!;
    expect(other.complaints.overdue).toBe(1);
  });
});
