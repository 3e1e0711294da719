/**
 * Issue 16 item 5: the lay summary's score sentence counts exactly the records that count today, and the
 * "异议处理中" flag reaches the list and company APIs (JSON and CSV) while an objection is open, and only then.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // lib/clock.ts reads it: the route handlers' "today".
  process.env.APP_TODAY = '2026-11-20';
});

import { setDbHandleForTests, type Db } from '@/db';
import { GET as companyApiGET } from '@/app/api/v1/companies/[uscc]/route';
import { GET as listApiGET } from '@/app/api/v1/lists/[list]/route';
import { companyCreditSummary, listPublicEntries } from '@/db/queries/public-lists';
import { cases, companies, creditRecords, listEntries } from '@/db/schema';
import { scoreSentence } from '@/lib/domain/lay-summary';
import { DRIVERS, openSeededDb, type TestDb } from './helpers/db';

const ON = '2026-11-20';

describe.each(DRIVERS)('lay summary and the 异议处理中 flag in the APIs (%s)', (driver) => {
  let t: TestDb;
  let db: Db;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    setDbHandleForTests(t.handle);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await t.cleanup();
  });

  /** The records counting on ON, straight from the table. */
  async function counting(companyId: string) {
    return db
      .select({ category: creditRecords.category, points: creditRecords.points })
      .from(creditRecords)
      .where(
        and(
          eq(creditRecords.companyId, companyId),
          eq(creditRecords.status, 'approved'),
          isNotNull(creditRecords.points),
          sql`${creditRecords.category} in ('performance', 'warning')`,
          sql`${creditRecords.publishedOn} <= ${ON} and (${creditRecords.publicUntil} is null or ${ON} < ${creditRecords.publicUntil})`,
        ),
      );
  }

  function expectedClause(rows: { category: string; points: string | null }[]) {
    const w = rows.filter((r) => r.category === 'warning');
    const sum = Math.round(w.reduce((s, r) => s + Number(r.points), 0) * 100) / 100;
    return w.length ? `因 ${w.length} 条警示（不良）记录扣 ${sum} 分` : null;
  }

  it('the score sentence names as many warning records and points as count today, for every company with records', async () => {
    const cs = await db.select({ id: companies.id }).from(companies).where(eq(companies.filingStatus, 'approved'));
    let withWarnings = 0;
    for (const c of cs) {
      const s = await companyCreditSummary(db, c.id, ON, ON);
      const sentence = scoreSentence(s.outlook.base, s.outlook.score, s.outlook.lines);
      const clause = expectedClause(await counting(c.id));
      if (clause) {
        withWarnings++;
        expect(sentence).toContain(clause);
      } else expect(sentence).not.toContain('警示');
      expect(sentence).toContain(`当前 ${s.outlook.score} 分`);
    }
    expect(withWarnings).toBeGreaterThan(0);
  });

  it('a newly confirmed warning record moves the sentence by one record and its points', async () => {
    const [c] = await db.select({ id: companies.id }).from(companies).where(eq(companies.filingStatus, 'approved')).orderBy(companies.uscc).limit(1);
    const before = (await counting(c!.id)).filter((r) => r.category === 'warning');
    await db.insert(creditRecords).values({
      companyId: c!.id,
      category: 'warning',
      type: '测试警示事项',
      occurredOn: '2026-11-01',
      points: '6',
      severity: '一般',
      status: 'approved',
      publishedOn: '2026-11-05',
      publicUntil: '2027-05-05',
      description: '测试',
      issuer: '遂宁市船山区住房和城乡建设局',
    } as typeof creditRecords.$inferInsert);
    const s = await companyCreditSummary(db, c!.id, ON, ON);
    const sum = Math.round((before.reduce((n, r) => n + Number(r.points), 0) + 6) * 100) / 100;
    expect(scoreSentence(s.outlook.base, s.outlook.score, s.outlook.lines)).toContain(`因 ${before.length + 1} 条警示（不良）记录扣 ${sum} 分`);
  });

  it('underObjection: false, true while an objection on the entry’s record is open, false again once decided', async () => {
    const rows = await db
      .select({ id: listEntries.id, list: listEntries.list, source: listEntries.sourceRecordId, uscc: companies.uscc, companyId: companies.id })
      .from(listEntries)
      .innerJoin(companies, eq(companies.id, listEntries.companyId))
      .where(isNotNull(listEntries.sourceRecordId));
    let entry: (typeof rows)[number] | undefined;
    for (const r of rows) {
      const shown = await listPublicEntries(db, r.list, { on: ON, q: r.uscc });
      if (shown.items.some((i) => i.id === r.id)) {
        entry = r;
        break;
      }
    }
    expect(entry).toBeDefined();
    const e = entry!;
    const listJson = async () => {
      const res = await listApiGET(new Request(`http://localhost/api/v1/lists/${e.list}?q=${e.uscc}`), { params: Promise.resolve({ list: e.list }) });
      const body = (await res.json()) as { items: { id: string; underObjection: boolean }[] };
      return body.items.find((i) => i.id === e.id)!;
    };
    const listCsv = async () => {
      const res = await listApiGET(new Request(`http://localhost/api/v1/lists/${e.list}?q=${e.uscc}&format=csv`), { params: Promise.resolve({ list: e.list }) });
      const [header, ...lines] = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(header!.split(',').slice(-2)).toEqual(['rule.citation', 'underObjection']);
      return lines.find((l) => l.startsWith(`${e.id},`))!.split(',').at(-1);
    };
    const companyJson = async () => {
      const res = await companyApiGET(new Request(`http://localhost/api/v1/companies/${e.uscc}`), { params: Promise.resolve({ uscc: e.uscc }) });
      return (await res.json()) as { underObjection: boolean; listEntries: { id: string; underObjection: boolean; rule: { article: string; citation: string } }[] };
    };
    await db.delete(cases).where(and(eq(cases.kind, 'objection'), eq(cases.subjectType, 'credit_record')));

    expect((await listJson()).underObjection).toBe(false);
    expect(await listCsv()).toBe('false');
    expect((await companyJson()).underObjection).toBe(false);

    const [objection] = await db
      .insert(cases)
      .values({ kind: 'objection', trackingCode: 'LAYTEST00001', status: 'open', subjectType: 'credit_record', subjectId: e.source!, companyId: e.companyId, filerName: '测试', filerPhone: '13800000000', body: '测试异议' })
      .returning({ id: cases.id });
    expect((await listJson()).underObjection).toBe(true);
    expect(await listCsv()).toBe('true');
    const company = await companyJson();
    expect(company.underObjection).toBe(true);
    expect(company.listEntries.find((x) => x.id === e.id)!.underObjection).toBe(true);
    // Existing fields stay as they were; the citation is added beside the short article.
    expect(company.listEntries[0]!.rule.article).toMatch(/^(DW|ZT)/);
    expect(company.listEntries[0]!.rule.citation).toMatch(/^《/);

    await db.update(cases).set({ status: 'dismissed' }).where(eq(cases.id, objection!.id));
    expect((await listJson()).underObjection).toBe(false);
    expect((await companyJson()).underObjection).toBe(false);
  });
});
