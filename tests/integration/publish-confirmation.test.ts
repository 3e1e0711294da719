/**
 * Issue 18 item 7: irreversible decisions get a check-your-answers step. Publishing a year's evaluation or a
 * quarter's ratings and confirming a warning record go through a preview (the same code, as a dry run) whose
 * fingerprint the confirmation must carry; a year is published only after it has ended, a quarter from its last day.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { PLAN_CHANGED } from '@/lib/domain/publication';
import { confirmCreditRecord, previewRecordConfirmation, reportWarning } from '@/lib/services/credit-records';
import { previewEvaluationPublication, publishEvaluation, runEvaluation } from '@/lib/services/evaluations';
import { previewQuarterPublication, publishQuarter, saveQuarterRatings } from '@/lib/services/ratings';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const pdf = (tag: string) => ({ bytes: new Uint8Array(Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`)) });

describe.each(DRIVERS)('check your answers before publishing (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]!.n);
  /** Everything publishing or confirming writes. */
  const footprint = async () => ({
    evaluationsPublished: await n(sql`select count(*)::int as n from annual_evaluations where published_at is not null`),
    ratingPublications: await n(sql`select count(*)::int as n from rating_publications`),
    letters: await n(sql`select count(*)::int as n from documents`),
    notices: await n(sql`select count(*)::int as n from notices`),
    entries: await n(sql`select count(*)::int as n from list_entries`),
    flags: await n(sql`select count(*)::int as n from company_flags`),
    approved: await n(sql`select count(*)::int as n from credit_records where status = 'approved'`),
    audit: await n(sql`select count(*)::int as n from audit_events where action in ('evaluation.published', 'rating.quarter.published', 'credit.record.confirmed')`),
  });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['company', 'chuanshan', 'city', 'street', 'committee']) who[u] = await actorFor(db, u);
  });
  afterAll(() => t.cleanup());

  describe('a year’s evaluation', () => {
    it('is refused on 2 December of the year, with the message, writing nothing; the preview says why', async () => {
      expect(await runEvaluation(db, who.city!, { year: 2026 }, { today: '2026-12-02' })).toMatchObject({ ok: true });
      const before = await footprint();
      const preview = await previewEvaluationPublication(db, who.city!, { year: 2026 }, { today: '2026-12-02' });
      expect(preview).toMatchObject({ ok: true, data: { refusal: '2026 年度信用评价须在年度结束后（2027 年 1 月 1 日起）发布' } });
      const fingerprint = preview.ok ? preview.data.fingerprint : '';
      for (const today of ['2026-12-02', '2026-12-31']) {
        expect(await publishEvaluation(db, who.city!, { year: 2026, fingerprint }, { today })).toEqual({
          ok: false,
          code: 'CONFLICT',
          message: '2026 年度信用评价须在年度结束后（2027 年 1 月 1 日起）发布',
          fieldErrors: { year: ['2026 年度信用评价须在年度结束后（2027 年 1 月 1 日起）发布'] },
        });
      }
      // The preview is a dry run: nothing of it stays.
      expect(await footprint()).toEqual(before);
    });

    it('refuses a confirmation without a fingerprint, or with one of another plan, writing nothing', async () => {
      const { approved: _, ...before } = await footprint();
      expect(await publishEvaluation(db, who.city!, { year: 2026 }, { today: '2027-01-01' })).toMatchObject({
        ok: false,
        code: 'INVALID',
        fieldErrors: { fingerprint: ['请先核对将要公开的内容，再确认'] },
      });
      const preview = await previewEvaluationPublication(db, who.city!, { year: 2026 }, { today: '2027-01-01' });
      expect(preview.ok && preview.data.refusal).toBeNull();
      const fingerprint = preview.ok ? preview.data.fingerprint : '';
      // Read on 1 January, confirmed on the 2nd: the interviews' due date moved, so the plan is not the one read.
      expect(await publishEvaluation(db, who.city!, { year: 2026, fingerprint }, { today: '2027-01-02' })).toEqual({ ok: false, code: 'CONFLICT', message: PLAN_CHANGED });
      expect(await publishEvaluation(db, who.city!, { year: 2026, fingerprint: '0'.repeat(32) }, { today: '2027-01-01' })).toEqual({ ok: false, code: 'CONFLICT', message: PLAN_CHANGED });
      // A recomputation between preview and confirmation changes the plan too.
      const [low] = await rows<{ id: string }>(sql`select company_id as id from annual_evaluations where year = 2026 and score is not null order by score desc, company_id limit 1`);
      await db.execute(sql`insert into credit_records (company_id, category, type, occurred_on, description, status, points, severity, published_on, min_public_until, public_until)
        values (${low!.id}, 'warning', '测试扣分', '2026-06-01', '核对测试用警示记录', 'approved', '30', '一般', '2026-06-01', '2026-06-01', '2027-06-01')`);
      expect(await runEvaluation(db, who.city!, { year: 2026 }, { today: '2027-01-01' })).toMatchObject({ ok: true });
      expect(await publishEvaluation(db, who.city!, { year: 2026, fingerprint }, { today: '2027-01-01' })).toEqual({ ok: false, code: 'CONFLICT', message: PLAN_CHANGED });
      const { approved: __, ...after } = await footprint();
      expect(after).toEqual(before);
    });

    it('is published on 1 January of the next year exactly as the preview said', async () => {
      const preview = await previewEvaluationPublication(db, who.city!, { year: 2026 }, { today: '2027-01-01' });
      if (!preview.ok) throw new Error(preview.message);
      const { plan, fingerprint } = preview.data;
      expect(plan.interviews.length).toBeGreaterThan(0);
      const r = await publishEvaluation(db, who.city!, { year: 2026, fingerprint }, { today: '2027-01-01' });
      expect(r).toEqual({ ok: true, data: { year: 2026, published: plan.companies.length, letters: plan.interviews.length, blackListed: plan.blackList.length } });

      const published = await rows<{ company_id: string; score: string | null; grade: string; vetoed: boolean }>(
        sql`select company_id, score::text, grade::text, vetoed from annual_evaluations where year = 2026 and published_at is not null order by company_id`,
      );
      expect(published.map((p) => ({ companyId: p.company_id, score: p.score == null ? null : Number(p.score).toFixed(2), grade: p.grade, vetoed: p.vetoed }))).toEqual(
        plan.companies.map((c) => ({ companyId: c.companyId, score: c.score, grade: c.grade, vetoed: c.vetoed })).sort((a, b) => (a.companyId < b.companyId ? -1 : 1)),
      );
      const lettered = await rows<{ company_id: string; due_on: string }>(
        sql`select e.company_id, n.due_on::text from notices n join annual_evaluations e on e.id = n.related_id where n.kind = 'interview' and e.year = 2026 order by e.company_id`,
      );
      expect(lettered.map((l) => l.company_id)).toEqual(plan.interviews.map((i) => i.companyId).sort());
      expect(new Set(lettered.map((l) => l.due_on))).toEqual(new Set([plan.interviewDue]));
      const listed = await rows<{ company_id: string; since: string; until: string }>(
        sql`select company_id, since::text, until::text from list_entries where rule = 'ZT5.3-two-years' and since = '2027-01-01' order by company_id`,
      );
      expect(listed).toEqual(plan.blackList.map((b) => ({ company_id: b.companyId, since: b.since, until: b.until })).sort((a, b) => (a.company_id < b.company_id ? -1 : 1)));
      expect(await n(sql`select count(*)::int as n from audit_events where action = 'evaluation.published' and after->>'fingerprint' = ${fingerprint}`)).toBe(1);
    });
  });

  describe('a quarter’s ratings', () => {
    let brink: string;

    it('are refused before the quarter’s last day, and the preview names the estate a third 差 puts on the black list', async () => {
      // Seeded: an estate rated 差 in 2026Q2 and Q3 (db/seed/ratings.ts, "on the brink").
      const [b] = await rows<{ id: string }>(sql`select r.project_id as id from estate_ratings r where r.rating = '差' and r.year = 2026 and r.quarter in (2, 3)
        and not exists (select 1 from estate_ratings x where x.project_id = r.project_id and x.year = 2026 and x.quarter = 1 and x.rating = '差')
        and not exists (select 1 from list_entries l where l.project_id = r.project_id and l.rule = 'DW14-three-poor' and l.status in ('active', 'rectifying'))
        group by r.project_id having count(*) = 2 order by r.project_id limit 1`);
      brink = b!.id;
      expect(await saveQuarterRatings(db, who.city!, { quarter: '2026Q4', scores: { [brink]: '55' } }, { today: '2026-12-02' })).toMatchObject({ ok: true });
      const before = await footprint();
      const preview = await previewQuarterPublication(db, who.city!, { quarter: '2026Q4' }, { today: '2026-12-30' });
      if (!preview.ok) throw new Error(preview.message);
      expect(preview.data.refusal).toBe('2026年第4季度的评定结果须在该季度最后一天（2026 年 12 月 31 日）起发布');
      expect(preview.data.plan.estates).toEqual([expect.objectContaining({ projectId: brink, score: '55.00', rating: '差' })]);
      expect(preview.data.plan.consequences).toEqual([expect.objectContaining({ projectId: brink, rating: '差', list: 'black', quarters: ['2026Q2', '2026Q3', '2026Q4'] })]);
      expect(await publishQuarter(db, who.city!, { quarter: '2026Q4', fingerprint: preview.data.fingerprint }, { today: '2026-12-30' })).toMatchObject({
        ok: false,
        code: 'CONFLICT',
        message: '2026年第4季度的评定结果须在该季度最后一天（2026 年 12 月 31 日）起发布',
      });
      expect(await footprint()).toEqual(before);
    });

    it('refuses a plan that changed since the preview (a score changed meanwhile), and a confirmation without a fingerprint', async () => {
      const before = await footprint();
      const preview = await previewQuarterPublication(db, who.city!, { quarter: '2026Q4' }, { today: '2026-12-31' });
      if (!preview.ok) throw new Error(preview.message);
      expect(await publishQuarter(db, who.city!, { quarter: '2026Q4' }, { today: '2026-12-31' })).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { fingerprint: ['请先核对将要公开的内容，再确认'] } });
      expect(await saveQuarterRatings(db, who.city!, { quarter: '2026Q4', scores: { [brink]: '56' } }, { today: '2026-12-31' })).toMatchObject({ ok: true });
      expect(await publishQuarter(db, who.city!, { quarter: '2026Q4', fingerprint: preview.data.fingerprint }, { today: '2026-12-31' })).toEqual({ ok: false, code: 'CONFLICT', message: PLAN_CHANGED });
      const { audit: _a, ...rest } = before;
      const { audit: _b, ...now } = await footprint();
      expect(now).toEqual(rest);
    });

    it('are published on the quarter’s last day exactly as the preview said', async () => {
      const preview = await previewQuarterPublication(db, who.city!, { quarter: '2026Q4' }, { today: '2026-12-31' });
      if (!preview.ok) throw new Error(preview.message);
      const r = await publishQuarter(db, who.city!, { quarter: '2026Q4', fingerprint: preview.data.fingerprint }, { today: '2026-12-31' });
      expect(r).toEqual({ ok: true, data: { quarter: '2026Q4', rated: 1, triggered: { 优秀: 0, 良好: 0, 差: 1 } } });
      const [c] = preview.data.plan.consequences;
      const entries = await rows<{ list: string; since: string; until: string; reason: string }>(
        sql`select list::text, since::text, until::text, reason from list_entries where project_id = ${brink} and rule = 'DW14-three-poor'`,
      );
      expect(entries).toEqual([{ list: c!.list, since: c!.since, until: c!.until, reason: c!.listReason }]);
      const [published] = await rows<{ s: string; rating: string }>(sql`select inspection_score::text as s, rating::text as rating from estate_ratings where project_id = ${brink} and year = 2026 and quarter = 4`);
      expect({ score: Number(published!.s).toFixed(2), rating: published!.rating }).toEqual({ score: preview.data.plan.estates[0]!.score, rating: preview.data.plan.estates[0]!.rating });
    });
  });

  describe('confirming a warning record', () => {
    it('shows the record as the public reads it, its window and its list; refuses another plan or none; confirms as shown', async () => {
      const rep = await reportWarning(
        db,
        who.street!,
        {
          data: { projectId: who.committee!.projectId!, type: '消防通道长期堵塞', occurredOn: '2026-11-20', description: '3号楼消防通道堆放杂物，多次告知未清理', severity: '严重', proposedPoints: '8' },
          evidence: [pdf('photo')],
        },
        { today: '2026-11-21' },
      );
      if (!rep.ok) throw new Error(rep.message);
      const id = rep.data.id;
      const [{ version }] = (await rows<{ version: number }>(sql`select version from credit_records where id = ${id}`)) as [{ version: number }];
      const input = { id, expectedVersion: version, points: '8', severity: '严重' };
      const before = await footprint();

      // Out of scope or the wrong role: refused exactly like the confirmation.
      expect(await previewRecordConfirmation(db, who.company!, input, { today: '2026-11-23' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const preview = await previewRecordConfirmation(db, who.chuanshan!, input, { today: '2026-11-23' });
      if (!preview.ok) throw new Error(preview.message);
      const { plan, fingerprint } = preview.data;
      expect(plan).toMatchObject({ type: '消防通道长期堵塞', severity: '严重', points: '8.00', shownToPublic: true, publishedOn: '2026-11-23', list: { list: 'black', since: '2026-11-23' } });
      expect(plan.notice).toContain('3号楼消防通道堆放杂物');

      expect(await confirmCreditRecord(db, who.chuanshan!, input, { today: '2026-11-23' })).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { fingerprint: ['请先核对将要公开的内容，再确认'] } });
      // The points confirmed are not those previewed.
      expect(await confirmCreditRecord(db, who.chuanshan!, { ...input, points: '5', fingerprint }, { today: '2026-11-23' })).toEqual({ ok: false, code: 'CONFLICT', message: PLAN_CHANGED });
      expect(await footprint()).toEqual(before);

      expect(await confirmCreditRecord(db, who.chuanshan!, { ...input, fingerprint }, { today: '2026-11-23' })).toMatchObject({ ok: true });
      const [rec] = await rows<{ points: string; severity: string; published_on: string; min_public_until: string | null; public_until: string }>(
        sql`select points::text, severity::text, published_on::text, min_public_until::text, public_until::text from credit_records where id = ${id}`,
      );
      expect({ points: Number(rec!.points).toFixed(2), severity: rec!.severity, publishedOn: rec!.published_on, minPublicUntil: rec!.min_public_until, publicUntil: rec!.public_until }).toEqual({
        points: plan.points,
        severity: plan.severity,
        publishedOn: plan.publishedOn,
        minPublicUntil: plan.minPublicUntil,
        publicUntil: plan.publicUntil,
      });
      expect(await rows(sql`select list::text, since::text, until::text from list_entries where source_record_id = ${id}`)).toEqual([{ list: 'black', since: plan.list!.since, until: plan.list!.until }]);
    });
  });
});
