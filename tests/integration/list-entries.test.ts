import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditEvents, companies, listEntries, listEvents } from '@/db/schema';
import { entryFacts, listEntryActiveOn, openEntriesOf } from '@/db/queries/list-entries';
import { getCurrentPolicy } from '@/db/queries/policy';
import type { Actor } from '@/lib/auth/policy';
import { entryActiveOn } from '@/lib/domain/credit-rating';
import { endListEntry, openListEntry, rescheduleListEntry } from '@/lib/services/list-entries';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, type TestDb } from './helpers/db';

describe.each(DRIVERS)('list entries: the SQL predicate and the one writer (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let city: Actor;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    city = await actorFor(db, 'city');
  });
  afterAll(() => t.cleanup());

  it('listEntryActiveOn (SQL) agrees with entryActiveOn (rules) on every seeded entry, on dates around each boundary', async () => {
    const all = await db.select().from(listEntries);
    expect(all.length).toBeGreaterThan(20);
    const dates = new Set<string>(['2024-06-01', '2025-06-01', '2026-01-01', '2026-11-01', '2027-06-01', '2029-01-01']);
    for (const e of all.slice(0, 40)) for (const d of [e.since, e.until, e.endedOn]) if (d) dates.add(d);
    for (const on of dates) {
      const inSql = new Set((await db.select({ id: listEntries.id }).from(listEntries).where(listEntryActiveOn(on))).map((r) => r.id));
      const inRules = new Set(all.filter((e) => entryActiveOn(entryFacts(e), on)).map((e) => e.id));
      expect([...inSql].sort(), `on ${on}`).toEqual([...inRules].sort());
    }
  });

  it('the seeded rectifying three-差 entries stay in force past their rectification date until decided', async () => {
    const rect = await db.select().from(listEntries).where(eq(listEntries.status, 'rectifying'));
    expect(rect.length).toBeGreaterThan(0);
    const far = '2030-01-01';
    const active = await db.select({ id: listEntries.id }).from(listEntries).where(and(eq(listEntries.status, 'rectifying'), listEntryActiveOn(far)));
    expect(active.length).toBe(rect.length);
  });

  it('opening, rescheduling and ending an entry each write the entry, a list event and an audit row in one transaction', async () => {
    const [c] = await db.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.filingStatus, 'approved')).limit(1);
    const version = (await getCurrentPolicy(db)).version;
    const audits = async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(sql`${auditEvents.action} like 'list.entry.%'`))[0]!.n);
    const before = await audits();

    const id = await db.transaction((tx) =>
      openListEntry(tx, city, { companyId: c.id, rule: 'ZT5.3-two-years', reason: '测试：连续两年低于90分', since: '2026-11-01', until: '2027-11-01', policyVersion: version }),
    );
    expect(await openEntriesOf(db, { companyId: c.id, rule: 'ZT5.3-two-years' })).toEqual([expect.objectContaining({ id, list: 'black', status: 'active' })]);
    await db.transaction((tx) => rescheduleListEntry(tx, city, id, '2027-12-01', '测试改期'));
    expect(await db.transaction((tx) => endListEntry(tx, city, id, { on: '2026-12-01', reason: '测试：经核查移出' }))).toBe(true);
    // A second ending changes nothing.
    expect(await db.transaction((tx) => endListEntry(tx, city, id, { on: '2026-12-02', reason: '再次移出' }))).toBe(false);

    const [row] = await db.select().from(listEntries).where(eq(listEntries.id, id));
    expect(row).toMatchObject({ status: 'removed', endedOn: '2026-12-01', endReason: '测试：经核查移出', until: '2027-12-01', policyVersion: version });
    const events = await db.select().from(listEvents).where(eq(listEvents.entryId, id)).orderBy(listEvents.at);
    expect(events.map((e) => e.event)).toEqual(['added', 'changed', 'removed']);
    expect(events[0].detail).toContain(`${c.name}列入黑榜`);
    expect(events[2].detail).toContain('测试：经核查移出');
    expect(await audits()).toBe(before + 3);
  });

  it('a failing transaction leaves no entry, event or audit row behind', async () => {
    const [c] = await db.select({ id: companies.id }).from(companies).limit(1);
    const count = async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(listEvents)).at(0)!.n);
    const before = await count();
    await expect(
      db.transaction(async (tx) => {
        await openListEntry(tx, city, { companyId: c.id, rule: 'DW11-veto', reason: '回滚测试', since: '2026-11-01', until: null, policyVersion: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count()).toBe(before);
    expect(await db.select().from(listEntries).where(eq(listEntries.reason, '回滚测试'))).toEqual([]);
  });
});
