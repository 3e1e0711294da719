/** ZT 五.(三) annual evaluation: run, preview, publish once, letters and interviews, two years below → black. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { evaluationInScope, evaluationsOfYear, interviewsInScope, riskLetterOf, scoredRecordsByCompany } from '@/db/queries/evaluations';
import { getCurrentPolicy } from '@/db/queries/policy';
import type { Actor } from '@/lib/auth/policy';
import { annualEvaluation } from '@/lib/domain/credit-rating';
import { INTERVIEW_DAYS, previewEvaluationPublication, publishEvaluation, PUBLISHED_ALREADY, runEvaluation } from '@/lib/services/evaluations';
import { savePolicyVersion } from '@/lib/services/credit-policy';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Breakdown } from '@/components/evaluations/breakdown';
import { addCalendarDays } from '@/lib/domain/working-days';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const NO_PLAN = '0'.repeat(32);

describe.each(DRIVERS)('annual evaluation (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};
  // Companies with nothing counting in 2026 or 2027 and not below the line in 2025, to be given exact scores.
  let X: string; // 89.99 in 2026 and in 2027 → two years running → black
  let Y: string; // 90.00 in 2027 → not below
  let Z: string; // 89.99 in 2027 only → letter, no black entry

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  /** Publishing as the page does it: the check-your-answers preview, then the confirmation with its fingerprint
   * (after a refused preview, a well-formed fingerprint of no plan, so that publishing itself answers). */
  const publishChecked = async (actor: Actor, year: number, today: string) => {
    const p = await previewEvaluationPublication(db, actor, { year }, { today });
    return publishEvaluation(db, actor, { year, fingerprint: p.ok ? p.data.fingerprint : NO_PLAN }, { today });
  };
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]!.n);
  const evalOf = async (companyId: string, year: number) =>
    (await rows<{ score: string | null; grade: string; vetoed: boolean; published: boolean }>(
      sql`select score::text, grade::text, vetoed, published_at is not null as published from annual_evaluations where company_id = ${companyId} and year = ${year}`,
    ))[0];
  const warning = (companyId: string, points: string, publishedOn: string, publicUntil: string) =>
    db.execute(sql`insert into credit_records (company_id, category, type, occurred_on, description, status, points, severity, published_on, min_public_until, public_until)
      values (${companyId}, 'warning', '测试扣分', ${publishedOn}, '评价测试用警示记录', 'approved', ${points}, '一般', ${publishedOn}, ${publishedOn}, ${publicUntil})`);

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['company', 'company2', 'chuanshan', 'shehong', 'city']) who[u] = await actorFor(db, u);
    const policy = await getCurrentPolicy(db);
    const cs = await rows<{ id: string }>(sql`select c.id from companies c where c.filing_status = 'approved'
      and not exists (select 1 from annual_evaluations e where e.company_id = c.id and e.year = 2025 and (e.score < 90 or e.vetoed)) order by c.uscc`);
    const recs = await scoredRecordsByCompany(db, cs.map((c) => c.id));
    const clean = cs
      .map((c) => c.id)
      .filter((id) => [2026, 2027].every((y) => annualEvaluation(y, recs.get(id) ?? [], policy.settings).breakdown.length === 0))
      .filter((id) => id !== who.company!.companyId);
    if (clean.length < 3) throw new Error(`need three clean companies, found ${clean.length}`);
    [X, Y, Z] = clean as [string, string, string];
    await warning(X, '10.01', '2026-03-01', '2026-12-01');
    await warning(X, '10.01', '2027-03-01', '2027-12-01');
    await warning(Y, '10.00', '2027-03-01', '2027-12-01');
    await warning(Z, '10.01', '2027-03-01', '2027-12-01');
  });
  afterAll(() => t.cleanup());

  it('anonymous, a company and a district may neither run nor publish; nothing changes', async () => {
    const before = await n(sql`select count(*)::int as n from annual_evaluations`);
    for (const f of [runEvaluation, publishEvaluation]) {
      expect(await f(db, null, { year: 2026 }, { today: '2027-01-10' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      expect(await f(db, who.company!, { year: 2026 }, { today: '2027-01-10' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await f(db, who.chuanshan!, { year: 2026 }, { today: '2027-01-10' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await n(sql`select count(*)::int as n from annual_evaluations`)).toBe(before);
    // A year not yet begun cannot be run; a published year cannot be run again.
    expect(await runEvaluation(db, who.city!, { year: 2028 }, { today: '2027-01-10' })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await runEvaluation(db, who.city!, { year: 2025 }, { today: '2027-01-10' })).toMatchObject({ ok: false, code: 'CONFLICT', message: PUBLISHED_ALREADY });
  });

  it('run: every approved company, each score traced to its records under the current policy; re-run replaces', async () => {
    const r = await runEvaluation(db, who.city!, { year: 2026 }, { today: '2027-01-10' });
    expect(r.ok).toBe(true);
    const approved = await n(sql`select count(*)::int as n from companies where filing_status = 'approved'`);
    expect(await n(sql`select count(*)::int as n from annual_evaluations where year = 2026`)).toBe(approved);
    if (r.ok) {
      expect(r.data.companies).toBe(approved);
      expect(Object.values(r.data.grades).reduce((a, b) => a + b, 0)).toBe(approved);
      expect(r.data.below.map((b) => b.companyId)).toContain(X);
    }
    const { version } = await getCurrentPolicy(db);
    expect(await n(sql`select count(*)::int as n from annual_evaluations where year = 2026 and policy_version <> ${version}`)).toBe(0);
    expect(await evalOf(X, 2026)).toEqual({ score: '89.99', grade: 'C', vetoed: false, published: false });
    // Every breakdown line names a record of that company.
    const lines = await rows<{ company_id: string; record_id: string }>(
      sql`select e.company_id, l->>'recordId' as record_id from annual_evaluations e, jsonb_array_elements(e.breakdown) l where e.year = 2026`,
    );
    expect(lines.length).toBeGreaterThan(0);
    const owners = new Map((await rows<{ id: string; company_id: string }>(sql`select id::text, company_id::text from credit_records`)).map((x) => [x.id, x.company_id]));
    for (const l of lines) expect(owners.get(l.record_id)).toBe(l.company_id);
    // Unpublished: the district and the company see nothing of it yet (internal until published).
    expect(await evaluationsOfYear(db, who.chuanshan!, 2026, { publishedOnly: true })).toEqual([]);
    expect(await runEvaluation(db, who.city!, { year: 2026 }, { today: '2027-01-11' })).toMatchObject({ ok: true });
    expect(await n(sql`select count(*)::int as n from annual_evaluations where year = 2026`)).toBe(approved);
  });

  it('publish 2026: X (89.99) gets an interview and a 风险提示函; published once, concurrent publishers → one wins', async () => {
    const [a, b] = await Promise.all([
      publishChecked(who.city!, 2026, '2027-01-15'),
      publishChecked(who.city!, 2026, '2027-01-15'),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await evalOf(X, 2026)).toMatchObject({ published: true });
    const [e] = await rows<{ id: string }>(sql`select id from annual_evaluations where company_id = ${X} and year = 2026`);
    const letter = await riskLetterOf(db, e!.id);
    expect(letter).toMatchObject({ summary: { year: 2026, score: 89.99, line: 90, interviewDue: addCalendarDays('2027-01-15', INTERVIEW_DAYS) } });
    expect(await n(sql`select count(*)::int as n from documents where kind = 'risk_warning_letter' and subject_id = ${e!.id}`)).toBe(1);
    const notices = await rows<{ district_id: string | null; due_on: string; title: string }>(
      sql`select district_id, due_on::text, title from notices where kind = 'interview' and related_id = ${e!.id}`,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toContain(letter!.code);
    // One year below is not yet the black list.
    expect(await n(sql`select count(*)::int as n from list_entries where company_id = ${X} and rule = 'ZT5.3-two-years'`)).toBe(0);
    // Published: cannot be published or run again.
    expect(await publishChecked(who.city!, 2026, '2027-01-16')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await runEvaluation(db, who.city!, { year: 2026 }, { today: '2027-01-16' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('2027: 89.99 is below (letter), 90.00 is not; X below two years running goes on the black list for a year', async () => {
    expect(await runEvaluation(db, who.city!, { year: 2027 }, { today: '2028-01-10' })).toMatchObject({ ok: true });
    expect(await evalOf(Y, 2027)).toMatchObject({ score: '90.00', grade: 'B' });
    expect(await evalOf(Z, 2027)).toMatchObject({ score: '89.99', grade: 'C' });
    expect(await publishChecked(who.city!, 2027, '2028-01-12')).toMatchObject({ ok: true });
    const letters = async (c: string) =>
      n(sql`select count(*)::int as n from documents d join annual_evaluations e on e.id = d.subject_id where d.kind = 'risk_warning_letter' and e.company_id = ${c} and e.year = 2027`);
    expect(await letters(Y)).toBe(0);
    expect(await letters(Z)).toBe(1);
    expect(await letters(X)).toBe(1);
    expect(await rows(sql`select list, rule, since::text, until::text, status from list_entries where company_id = ${X} and rule = 'ZT5.3-two-years'`)).toEqual([
      { list: 'black', rule: 'ZT5.3-two-years', since: '2028-01-12', until: '2029-01-12', status: 'active' },
    ]);
    expect(await n(sql`select count(*)::int as n from list_entries where company_id in (${Y}, ${Z}) and rule = 'ZT5.3-two-years'`)).toBe(0);
  });

  it('scope: a district sees its companies’ evaluations and interviews only; a company its own', async () => {
    const cityRows = await evaluationsOfYear(db, who.city!, 2027);
    const mine = await evaluationsOfYear(db, who.chuanshan!, 2027, { publishedOnly: true });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(cityRows.length);
    const inScope = new Set(
      (await rows<{ id: string }>(sql`select c.id::text from companies c where c.district_id = '510903'
        or exists (select 1 from projects p where p.current_company_id = c.id and p.district_id = '510903')`)).map((r) => r.id),
    );
    for (const r of mine) expect(inScope.has(r.companyId)).toBe(true);
    const outside = cityRows.find((r) => !inScope.has(r.companyId))!;
    expect(await evaluationInScope(db, who.chuanshan!, outside.companyId, 2027)).toBeNull();
    expect(await evaluationInScope(db, who.company!, X, 2027)).toBeNull();
    expect(await evaluationInScope(db, who.company!, who.company!.companyId!, 2027)).not.toBeNull();
    const interviews = await interviewsInScope(db, who.chuanshan!, 2027);
    for (const i of interviews) expect(inScope.has(i.companyId!)).toBe(true);
    expect(await interviewsInScope(db, who.company!, 2027)).toEqual(
      (await interviewsInScope(db, who.city!, 2027)).filter((i) => i.companyId === who.company!.companyId),
    );
  });

  // Last: it changes the policy in force for the rest of the file.
  it('an evaluation is shown and published under its own policy version, not the one current when it is read', async () => {
    await warning(Z, '10.01', '2028-03-01', '2028-12-01');
    expect(await runEvaluation(db, who.city!, { year: 2028 }, { today: '2029-01-10' })).toMatchObject({ ok: true });
    // The city then raises the base score and lowers the interview line: 89.99 would no longer be below it.
    const saved = await savePolicyVersion(db, who.city!, {
      settings: { ...structuredClone(defaultCreditPolicy), annualBaseScore: 120, interviewBelow: 85 },
      reason: '基础分调整为 120 分，约谈线调整为 85 分',
      baseVersion: 1,
    });
    expect(saved).toMatchObject({ ok: true });
    const row = (await evaluationInScope(db, who.city!, Z, 2028))!;
    expect(row).toMatchObject({ score: 89.99, policyVersion: 1, baseScore: 100 });
    // The breakdown shows the base the score was computed from: 100 − 10.01 = 89.99, never 120 beside 89.99.
    const html = renderToStaticMarkup(createElement(Breakdown, { evaluation: row }));
    expect(html).toContain('100.00');
    expect(html).not.toContain('120.00');
    // Published under version 1: below its line of 90, so a letter naming that line.
    expect(await publishChecked(who.city!, 2028, '2029-01-15')).toMatchObject({ ok: true });
    const letter = await riskLetterOf(db, row.id);
    expect(letter).toMatchObject({ summary: { year: 2028, score: 89.99, line: 90 } });
  });
});
