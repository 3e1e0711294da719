/** DW 11 one-vote veto: black list at once, the year's evaluation vetoed, tender eligibility lost (ZJ 6). */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { latestPublishedEvaluation } from '@/db/queries/evaluations';
import { companyListEntries, entryFacts } from '@/db/queries/list-entries';
import type { Actor } from '@/lib/auth/policy';
import { tenderEligibility } from '@/lib/domain/credit-rating';
import { runEvaluation } from '@/lib/services/evaluations';
import { recordVeto } from '@/lib/services/veto';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const pdf = (tag: string) => ({ bytes: new Uint8Array(Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`)) });
const CHUANSHAN = '510903';
const DAY = '2026-11-02';

describe.each(DRIVERS)('one-vote veto (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};
  let target: string; // a 船山区 company graded A for 2025 with no black entry

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]!.n);
  const eligibleOn = async (companyId: string, on: string) =>
    tenderEligibility(await latestPublishedEvaluation(db, companyId, on), (await companyListEntries(db, companyId)).map(entryFacts), on);
  const counts = async () => ({
    records: await n(sql`select count(*)::int as n from credit_records where company_id = ${target}`),
    entries: await n(sql`select count(*)::int as n from list_entries where company_id = ${target}`),
    notices: await n(sql`select count(*)::int as n from notices where company_id = ${target}`),
    audit: await n(sql`select count(*)::int as n from audit_events where action = 'credit.veto.recorded'`),
  });
  const veto = (actor: Actor | null, over: Record<string, unknown> = {}, evidence = [pdf('decision')]) =>
    recordVeto(
      db,
      actor,
      {
        data: {
          companyId: target,
          projectId: '',
          vetoType: '合同期内无正当理由撤离',
          decisionOn: DAY,
          description: '物业服务合同有效期内，未经业主大会同意擅自撤出小区，造成小区停水停电三日',
          issuer: '船山区住房和城乡建设局 船住建认〔2026〕5号',
          ...over,
        },
        evidence,
      },
      { today: DAY },
    );

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['company', 'chuanshan', 'shehong', 'city']) who[u] = await actorFor(db, u);
    const [c] = await rows<{ id: string }>(sql`select c.id from companies c join annual_evaluations e on e.company_id = c.id and e.year = 2025
      and e.grade = 'A' and e.published_at is not null
      where c.filing_status = 'approved' and c.district_id = ${CHUANSHAN} and c.id <> ${who.company!.companyId}
      and not exists (select 1 from list_entries l where l.company_id = c.id and l.list = 'black')
      and not exists (select 1 from projects p where p.current_company_id = c.id and p.district_id = '510981')
      order by c.uscc limit 1`);
    if (!c) throw new Error('no grade-A company in 船山区 without a black entry');
    target = c.id;
  });
  afterAll(() => t.cleanup());

  it('anonymous, a company and another district are refused, and nothing changes', async () => {
    const before = await counts();
    expect(await veto(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await veto(who.company!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await veto(who.shehong!)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Evidence is required; the type must be one of DW 11's four.
    expect(await veto(who.chuanshan!, {}, [])).toMatchObject({ ok: false, fieldErrors: { evidence: [expect.any(String)] } });
    expect(await veto(who.chuanshan!, { vetoType: '其他' })).toMatchObject({ ok: false, fieldErrors: { vetoType: ['请选择一票否决情形'] } });
    expect(await counts()).toEqual(before);
  });

  it('a veto puts the company on the black list on the day: eligible the day before, not after', async () => {
    expect((await eligibleOn(target, '2026-11-01')).eligible).toBe(true);
    const r = await veto(who.chuanshan!);
    expect(r).toMatchObject({ ok: true });
    const id = r.ok ? r.data.id : '';
    const [rec] = await rows<Record<string, unknown>>(sql`select category, status, severity, veto_type, points, published_on::text, public_until::text, notice_code
      from credit_records where id = ${id}`);
    expect(rec).toMatchObject({ category: 'warning', status: 'approved', severity: '严重', veto_type: '合同期内无正当理由撤离', points: null, published_on: DAY, public_until: '2029-11-02' });
    // Black entry, same transaction, from the day.
    expect(await rows(sql`select list, rule, since::text, until::text, status from list_entries where source_record_id = ${id}`)).toEqual([
      { list: 'black', rule: 'DW11-veto', since: DAY, until: '2029-11-02', status: 'active' },
    ]);
    // 两书同达: the notice names DW 11's words and the consequences.
    const [notice] = await rows<{ title: string; body: string }>(sql`select title, body from notices where related_id = ${id} and kind = 'record_notice'`);
    expect(notice!.title).toContain(String(rec!.notice_code));
    expect(notice!.body).toContain('在物业服务合同有效期内无正当理由擅自退出管理项目的');
    expect(notice!.body).toContain('取消你单位2026年度综合信用评价资格');
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'credit.veto.recorded' and object_id = ${id}`)).toBe(1);

    const before = await eligibleOn(target, '2026-11-01');
    const after = await eligibleOn(target, DAY);
    expect(before).toMatchObject({ eligible: true, grade: 'A', gradeYear: 2025 });
    expect(after.eligible).toBe(false);
    expect(after.reasons).toContain('当日在黑榜');
  });

  it('the year of the veto is vetoed in the annual evaluation: no score, grade D', async () => {
    const r = await runEvaluation(db, who.city!, { year: 2026 }, { today: '2027-01-10' });
    expect(r.ok).toBe(true);
    const [e] = await rows<{ score: string | null; grade: string; vetoed: boolean }>(sql`select score::text, grade::text, vetoed from annual_evaluations where company_id = ${target} and year = 2026`);
    expect(e).toEqual({ score: null, grade: 'D', vetoed: true });
  });

  it('a district may veto a company serving an estate in it only by naming that estate', async () => {
    // The demo company is filed in 船山区 and serves estates in 射洪市: 射洪市 must name one of them.
    const [estate] = await rows<{ id: string }>(sql`select p.id from projects p where p.current_company_id = ${who.company!.companyId} and p.district_id = '510981' limit 1`);
    const other = (over: Record<string, unknown>) => veto(who.shehong!, { companyId: who.company!.companyId, ...over });
    expect(await other({})).toMatchObject({ ok: false, fieldErrors: { projectId: [expect.any(String)] } });
    expect(await other({ projectId: estate!.id })).toMatchObject({ ok: true });
  });
});
