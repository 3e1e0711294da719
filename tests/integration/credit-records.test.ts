import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { creditRecordInScope, listBureauCreditRecords, listPendingCreditRecords, listRepairQueue, listStreetReports, listUnpublishedPenalties } from '@/db/queries/credit-records';
import { submissionScope } from '@/db/queries/submissions';
import { getPublicCompany } from '@/db/queries/public-companies';
import { creditRecordCounts } from '@/db/queries/record-flags';
import type { Actor } from '@/lib/auth/policy';
import {
  confirmCreditRecord,
  previewRecordConfirmation,
  enterPerformanceRecord,
  enterWarningRecord,
  filePerformanceRecord,
  publishPenalty,
  rejectCreditRecord,
  reportWarning,
  setRecordStatement,
} from '@/lib/services/credit-records';
import { applyForRepair, decideRepair, OPEN_REPAIR_MESSAGE } from '@/lib/services/credit-repair';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const pdf = (tag: string) => ({ bytes: new Uint8Array(Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`)) });
const CHUANSHAN = '510903';
const SHEHONG = '510981';

describe.each(DRIVERS)('company credit records (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};
  let tiangong: string; // 天宫花园: company's estate in 船山区, in the street account's street
  let shehongEstate: string; // company's estate in 射洪市 (another street)
  let estateOfCompany2: string;
  let companyUscc: string;

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]!.n);
  const recordCount = () => n(sql`select count(*)::int as n from credit_records`);
  const stateOf = async (id: string) =>
    (
      await rows<Record<string, unknown>>(sql`select status, version, points::text, severity, published_on::text, min_public_until::text,
      public_until::text, repaired_on::text, statement, notice_code, policy_version, confirmed_at, decided_by, decision_reason
      from credit_records where id = ${id}`)
    )[0]!;
  const counts = async (id: string, on: string) => n(sql`select count(*)::int as n from credit_records where id = ${id} and ${creditRecordCounts(on)}`);
  const publicIds = async (on: string) => (await getPublicCompany(db, companyUscc, { today: on }))!.creditRecords.map((r) => r.id);

  const report = (actor: Actor | null, over: Record<string, unknown> = {}, today = '2025-01-08') =>
    reportWarning(
      db,
      actor,
      {
        data: {
          projectId: tiangong,
          type: '消防通道堵塞未及时整改',
          occurredOn: '2025-01-06',
          description: '巡查发现3号楼消防通道被电动车和杂物堵塞，已当场要求清理，次日复查仍未整改',
          severity: '一般',
          proposedPoints: '3',
          ...over,
        },
        evidence: [pdf('photo')],
      },
      { today },
    );
  const reportOk = async (over: Record<string, unknown> = {}, today?: string) => {
    const r = await report(who.street!, over, today);
    if (!r.ok) throw new Error(`report failed: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data.id;
  };
  const versionOf = async (id: string) => (await rows<{ version: number }>(sql`select version from credit_records where id = ${id}`))[0]!.version;
  /** Confirming as the page does it: a warning's check-your-answers step first, then the confirmation with its fingerprint. */
  const confirm = async (actor: Actor | null, id: string, today = '2025-01-10', over: Record<string, unknown> = {}) => {
    const input = { id, expectedVersion: await versionOf(id), points: '3', severity: '一般', ...over };
    const p = await previewRecordConfirmation(db, actor, input, { today });
    // Refused before the record's category is known: the confirmation shares those checks (and would log a second out-of-scope row).
    if (!p.ok && p.code !== 'CONFLICT') return p;
    return confirmCreditRecord(db, actor, p.ok ? { ...input, fingerprint: p.data.fingerprint } : input, { today });
  };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['company', 'company2', 'chuanshan', 'shehong', 'city', 'street', 'committee', 'association']) who[u] = await actorFor(db, u);
    tiangong = who.committee!.projectId!;
    shehongEstate = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${who.company!.companyId}
      and district_id = ${SHEHONG} order by id limit 1`))[0]!.id;
    estateOfCompany2 = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${who.company2!.companyId} order by id limit 1`))[0]!.id;
    companyUscc = (await rows<{ uscc: string }>(sql`select uscc from companies where id = ${who.company!.companyId}`))[0]!.uscc;
  });
  afterAll(() => t.cleanup());

  it('the demo street account serves 天宫花园 (the committee’s estate) and 天宫花园 is company’s, in 船山区', async () => {
    const [p] = await rows<{ name: string; district_id: string; street_id: string; current_company_id: string }>(
      sql`select name, district_id, street_id, current_company_id from projects where id = ${tiangong}`,
    );
    expect(p).toMatchObject({ name: '天宫花园', district_id: CHUANSHAN, street_id: who.street!.regionId, current_company_id: who.company!.companyId });
  });

  it('the demo city: confirmed warnings carry their notice, every record its receipt date, and one repair awaits 船山区', async () => {
    expect(await n(sql`select count(*)::int as n from credit_records where category = 'warning' and status in ('approved', 'repaired') and notice_code is null`)).toBe(0);
    expect(
      await n(sql`select count(*)::int as n from credit_records r where r.notice_code is not null and not exists
        (select 1 from notices x where x.kind = 'record_notice' and x.related_id = r.id and x.company_id = r.company_id and x.title like '%' || r.notice_code || '%')`),
    ).toBe(0);
    expect(await n(sql`select count(*)::int as n from credit_records where received_on is null`)).toBe(0);
    const queue = await listRepairQueue(db, submissionScope(who.chuanshan!));
    expect(queue.filter((s) => s.companyId === who.company2!.companyId)).toHaveLength(1);
    expect(await listRepairQueue(db, submissionScope(who.shehong!))).toEqual([]);
  });

  it('a 一般 warning reported by the street and confirmed by 船山区 is public at +11 months and gone at +13; the company is notified', async () => {
    const id = await reportOk();
    expect(await stateOf(id)).toMatchObject({ status: 'submitted', points: null, published_on: null, notice_code: null });
    // Reported, not yet confirmed: not public, does not count, but is in 船山区's queue and among its pending submissions.
    expect(await publicIds('2025-01-09')).not.toContain(id);
    expect((await listPendingCreditRecords(db, who.chuanshan!, '2025-01-09')).map((r) => r.id)).toContain(id);
    expect(await n(sql`select count(*)::int as n from submissions where subject_id = ${id} and type = 'warning_record' and status = 'submitted' and district_id = ${CHUANSHAN}`)).toBe(1);

    const r = await confirm(who.chuanshan!, id, '2025-01-10', { points: '3.5' });
    expect(r).toMatchObject({ ok: true });
    const s = await stateOf(id);
    const policy = (await rows<{ v: number }>(sql`select max(version)::int as v from credit_policies`))[0]!.v;
    expect(s).toMatchObject({
      status: 'approved',
      points: '3.50',
      severity: '一般',
      published_on: '2025-01-10',
      min_public_until: '2025-04-10',
      public_until: '2026-01-10',
      policy_version: policy,
    });
    expect(s.confirmed_at).toBeTruthy();
    expect(s.decided_by).toBe(who.chuanshan!.userId);
    // 两书同达: one notice to the company, in the same transaction, naming the record and both remedies.
    const notices = await rows<{ company_id: string; title: string; body: string }>(
      sql`select company_id, title, body from notices where kind = 'record_notice' and related_type = 'credit_record' and related_id = ${id}`,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.company_id).toBe(who.company!.companyId);
    expect(notices[0]!.title).toContain(String(s.notice_code));
    expect(notices[0]!.body).toContain('异议');
    expect(notices[0]!.body).toContain('信用修复');
    expect(notices[0]!.body).toContain('2025-04-10');
    // …and the printed notice's verification row under the same code.
    expect(await n(sql`select count(*)::int as n from documents where kind = 'record_notice' and subject_type = 'credit_record' and subject_id = ${id} and code = ${String(s.notice_code)}`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from submissions where subject_id = ${id} and type = 'warning_record' and status = 'approved'`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'credit.record.confirmed' and object_id = ${id}`)).toBe(1);

    // The clock moves: 11 months later public and counting; 13 months later neither, with nothing run in between.
    expect(await publicIds('2025-12-09')).toContain(id);
    expect(await counts(id, '2025-12-09')).toBe(1);
    const shown = (await getPublicCompany(db, companyUscc, { today: '2025-12-09' }))!.creditRecords.find((x) => x.id === id)!;
    expect(shown).toMatchObject({ category: 'warning', severity: '一般', publishedOn: '2025-01-10', publicUntil: '2026-01-10', projectName: '天宫花园', underObjection: false });
    expect(await publicIds('2026-02-10')).not.toContain(id);
    expect(await counts(id, '2026-02-10')).toBe(0);
    // The internal file keeps it.
    const file = await listBureauCreditRecords(db, who.chuanshan!, { category: 'warning', state: 'expired', q: '', penaltyOnly: false, page: 1 }, '2026-02-10', false);
    expect(file.rows.map((x) => x.id)).toContain(id);
  });

  it('credit repair: refused before the minimum window, allowed after it; once approved the record neither counts nor shows', async () => {
    const id = await reportOk({ occurredOn: '2025-02-01' }, '2025-02-03');
    expect(await confirm(who.chuanshan!, id, '2025-02-05')).toMatchObject({ ok: true });
    const apply = (actor: Actor | null, today: string, over: Partial<{ evidence: unknown[]; commitment: unknown }> = {}) =>
      applyForRepair(
        db,
        actor,
        {
          data: { recordId: id, rectification: '已清理消防通道，设置禁停标识并安排每日巡查，业主委员会已确认。' },
          evidence: [pdf('rectified')],
          commitment: pdf('commitment'),
          ...(over as object),
        },
        { today },
      );
    const repairs = () => n(sql`select count(*)::int as n from submissions where type = 'credit_repair' and subject_id = ${id}`);

    const early = await apply(who.company!, '2025-05-04');
    expect(early).toMatchObject({ ok: false, code: 'CONFLICT', message: '最短公示期尚未届满：2025-05-05 起方可申请信用修复' });
    expect(await repairs()).toBe(0);
    // Both files are required.
    expect(await apply(who.company!, '2025-05-05', { commitment: null })).toMatchObject({ ok: false, fieldErrors: { commitment: ['请上传加盖公章的信用承诺书'] } });
    expect(await apply(who.company!, '2025-05-05', { evidence: [] })).toMatchObject({ ok: false, fieldErrors: { evidence: [expect.any(String)] } });
    // Out of scope and wrong roles change nothing.
    expect(await apply(null, '2025-05-05')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await apply(who.chuanshan!, '2025-05-05')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await apply(who.company2!, '2025-05-05')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await repairs()).toBe(0);

    const applied = await apply(who.company!, '2025-05-06');
    expect(applied).toMatchObject({ ok: true, data: { decideBy: '2025-05-09' } });
    const sid = applied.ok ? applied.data.id : '';
    expect(await rows(sql`select status, district_id, decide_by::text, subject_type from submissions where id = ${sid}`)).toEqual([
      { status: 'submitted', district_id: CHUANSHAN, decide_by: '2025-05-09', subject_type: 'credit_record' },
    ]);
    expect(await n(sql`select count(*)::int as n from attachments where owner_type = 'submission' and owner_id = ${sid}`)).toBe(2);
    // One open application per record.
    expect(await apply(who.company!, '2025-05-06')).toMatchObject({ ok: false, code: 'CONFLICT', message: OPEN_REPAIR_MESSAGE });
    expect(await repairs()).toBe(1);

    const sv = async () => (await rows<{ version: number }>(sql`select version from submissions where id = ${sid}`))[0]!.version;
    const decide = async (actor: Actor | null, decision: 'approved' | 'rejected', reason = '') =>
      decideRepair(db, actor, { id: sid, expectedVersion: await sv(), decision, reason }, { today: '2025-05-08' });
    expect(await decide(null, 'approved')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await decide(who.company!, 'approved')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await decide(who.street!, 'approved')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await decide(who.shehong!, 'approved')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await decide(who.chuanshan!, 'rejected')).toMatchObject({ ok: false, fieldErrors: { reason: ['不予修复时必须写明理由'] } });
    expect(await stateOf(id)).toMatchObject({ status: 'approved', repaired_on: null });
    expect(await rows(sql`select status from submissions where id = ${sid}`)).toEqual([{ status: 'submitted' }]);
    expect(await counts(id, '2025-05-08')).toBe(1);

    expect(await decide(who.chuanshan!, 'approved')).toMatchObject({ ok: true, data: { status: 'approved' } });
    expect(await stateOf(id)).toMatchObject({ status: 'repaired', repaired_on: '2025-05-08' });
    for (const on of ['2025-05-08', '2025-08-01', '2025-12-31']) {
      expect(await counts(id, on)).toBe(0);
      expect(await publicIds(on)).not.toContain(id);
    }
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'credit.repair.approved' and object_id = ${sid}`)).toBe(1);
    // A repaired record cannot be repaired again.
    expect(await apply(who.company!, '2025-06-01')).toMatchObject({ ok: false, code: 'CONFLICT', message: '该记录已完成信用修复' });
  });

  it('a rejected repair application can be followed by a new one', async () => {
    const id = await reportOk({ occurredOn: '2025-03-03', severity: '轻微', proposedPoints: '1' }, '2025-03-04');
    expect(await confirm(who.city!, id, '2025-03-05', { severity: '轻微', points: '1' })).toMatchObject({ ok: true });
    // 轻微: counted but never public by default.
    expect(await counts(id, '2025-03-06')).toBe(1);
    expect(await publicIds('2025-03-06')).not.toContain(id);
    const apply = () =>
      applyForRepair(db, who.company!, { data: { recordId: id, rectification: '已整改完毕，并建立了巡查台账。' }, evidence: [pdf('a')], commitment: pdf('b') }, { today: '2025-03-06' });
    const first = await apply();
    expect(first.ok).toBe(true);
    const sid = first.ok ? first.data.id : '';
    const version = (await rows<{ version: number }>(sql`select version from submissions where id = ${sid}`))[0]!.version;
    expect(await decideRepair(db, who.chuanshan!, { id: sid, expectedVersion: version, decision: 'rejected', reason: '整改照片不能反映现场情况' }, { today: '2025-03-07' })).toMatchObject({ ok: true });
    expect(await stateOf(id)).toMatchObject({ status: 'approved' });
    expect((await apply()).ok).toBe(true);
  });

  it('reports: anonymous, wrong roles and an estate outside the street change nothing', async () => {
    const before = await recordCount();
    expect(await report(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await report(who.company!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await report(who.chuanshan!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await report(who.association!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await report(who.street!, { projectId: shehongEstate })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await report(who.street!, { projectId: estateOfCompany2 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await report(who.street!, { occurredOn: '2025-02-01' }, '2025-01-08')).toMatchObject({ ok: false, fieldErrors: { occurredOn: ['发现日期不能晚于今天'] } });
    expect(
      await reportWarning(db, who.street!, { data: { projectId: tiangong, type: '绿化养护不到位', occurredOn: '2025-01-06', description: '小区绿化带大面积枯死未补种', severity: '轻微', proposedPoints: '1' }, evidence: [] }),
    ).toMatchObject({ ok: false, fieldErrors: { evidence: [expect.any(String)] } });
    expect(await recordCount()).toBe(before);
  });

  it('the company files a performance record with evidence; 船山区 confirms the points; its own estates only', async () => {
    const file = (actor: Actor | null, over: Record<string, unknown> = {}, evidence = [pdf('award')]) =>
      filePerformanceRecord(
        db,
        actor,
        {
          data: {
            type: '获评市级优秀物业服务项目',
            projectId: tiangong,
            occurredOn: '2026-03-20',
            issuer: '遂宁市住房和城乡建设局 遂住建发〔2026〕18号',
            description: '天宫花园获评2025年度遂宁市优秀物业服务项目',
            proposedPoints: '4',
            ...over,
          },
          evidence,
        },
        { today: '2026-03-25' },
      );
    const before = await recordCount();
    expect(await file(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await file(who.street!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await file(who.chuanshan!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await file(who.company!, { projectId: estateOfCompany2 })).toMatchObject({ ok: false, fieldErrors: { projectId: ['请选择本企业服务的物业项目'] } });
    expect(await file(who.company!, {}, [])).toMatchObject({ ok: false, fieldErrors: { evidence: [expect.any(String)] } });
    expect(await recordCount()).toBe(before);

    const r = await file(who.company!);
    expect(r.ok).toBe(true);
    const id = r.ok ? r.data.id : '';
    expect(await stateOf(id)).toMatchObject({ status: 'submitted', points: null });
    expect(await n(sql`select count(*)::int as n from attachments where owner_type = 'credit_record' and owner_id = ${id}`)).toBe(1);
    expect(await confirm(who.shehong!, id, '2026-03-26', { points: '4', severity: '' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await confirm(who.chuanshan!, id, '2026-03-26', { points: '4', severity: '' })).toMatchObject({ ok: true });
    expect(await stateOf(id)).toMatchObject({ status: 'approved', points: '4.00', severity: null, published_on: '2026-03-26', min_public_until: null, public_until: '2027-03-26', notice_code: null });
    expect(await publicIds('2026-04-01')).toContain(id);
    expect(await publicIds('2027-03-26')).not.toContain(id);
  });

  it('confirmation: anonymous, wrong role, other district change nothing; two reviewers at once → one wins, one notice', async () => {
    const id = await reportOk({ occurredOn: '2026-11-02' }, '2026-11-03');
    const before = await stateOf(id);
    const outOfScope = () => n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${id}`);
    expect(await confirm(null, id, '2026-11-04')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await confirm(who.company!, id, '2026-11-04')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await confirm(who.street!, id, '2026-11-04')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await confirm(who.shehong!, id, '2026-11-04')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await outOfScope()).toBe(1);
    expect(await rejectCreditRecord(db, who.shehong!, { id, expectedVersion: before.version, reason: '证据不足，无法认定' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await rejectCreditRecord(db, who.company2!, { id, expectedVersion: before.version, reason: '证据不足，无法认定' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await confirm(who.chuanshan!, id, '2026-11-04', { severity: '', points: '2' }).then((r) => r.ok)).toBe(true); // the reported severity stands
    expect((await stateOf(id)).severity).toBe('一般');

    const race = await reportOk({ occurredOn: '2026-11-02' }, '2026-11-03');
    const raceBefore = await stateOf(race);
    expect(raceBefore).toMatchObject({ status: 'submitted' });
    const v = raceBefore.version as number;
    const checked = async (actor: Actor, input: Record<string, unknown>) => {
      const p = await previewRecordConfirmation(db, actor, input, { today: '2026-11-04' });
      if (!p.ok) throw new Error(p.message);
      return { ...input, fingerprint: p.data.fingerprint };
    };
    const [inA, inB] = [
      await checked(who.chuanshan!, { id: race, expectedVersion: v, points: '3', severity: '一般' }),
      await checked(who.city!, { id: race, expectedVersion: v, points: '5', severity: '严重' }),
    ];
    const results = await Promise.all([confirmCreditRecord(db, who.chuanshan!, inA, { today: '2026-11-04' }), confirmCreditRecord(db, who.city!, inB, { today: '2026-11-04' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok)!;
    expect(lost).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await n(sql`select count(*)::int as n from notices where related_id = ${race}`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'credit.record.confirmed' and object_id = ${race}`)).toBe(1);
    expect((await stateOf(race)).version).toBe(v + 1);
    // A late reject with the old version is told, and changes nothing.
    expect(await rejectCreditRecord(db, who.chuanshan!, { id: race, expectedVersion: v, reason: '证据不足，无法认定' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await stateOf(race)).status).toBe('approved');
  });

  it('a declined report shows the street its reason; it never counts', async () => {
    const id = await reportOk({ occurredOn: '2026-11-10', type: '业主投诉处理不及时' }, '2026-11-11');
    // Who may see it (its evidence files follow the same rule): the reporting street, the company, 船山区, the city.
    for (const u of ['street', 'company', 'chuanshan', 'city']) expect(await creditRecordInScope(db, who[u]!, id), u).toBe(true);
    for (const u of ['shehong', 'company2', 'committee', 'association']) expect(await creditRecordInScope(db, who[u]!, id), u).toBe(false);
    expect(await rejectCreditRecord(db, who.chuanshan!, { id, expectedVersion: await versionOf(id), reason: '短' })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await rejectCreditRecord(db, who.chuanshan!, { id, expectedVersion: await versionOf(id), reason: '现场复查已整改，且证据不能证明企业负有责任' })).toMatchObject({ ok: true });
    const mine = (await listStreetReports(db, who.street!)).find((r) => r.id === id)!;
    expect(mine).toMatchObject({ status: 'rejected', decisionReason: '现场复查已整改，且证据不能证明企业负有责任' });
    expect(await counts(id, '2026-11-12')).toBe(0);
    expect(await n(sql`select count(*)::int as n from submissions where subject_id = ${id} and status = 'rejected'`)).toBe(1);
    // The company and other districts do not see the street's list; the company sees its own record.
    expect((await listStreetReports(db, who.company!)).length).toBe(0);
  });

  it('a penalty waits for publication: listed due with its deadline; published late or on time, its window starts then', async () => {
    const enter = (actor: Actor | null, over: Record<string, unknown> = {}, today = '2026-09-29') =>
      enterWarningRecord(
        db,
        actor,
        {
          data: {
            companyId: who.company!.companyId,
            projectId: tiangong,
            type: '行政处罚：消防设施未保持完好有效',
            occurredOn: '2026-09-10',
            issuer: '船山区住房和城乡建设局 船住建罚决〔2026〕7号',
            description: '天宫花园消防设施未保持完好有效，处警告并罚款一万元',
            severity: '一般',
            points: '4',
            isPenalty: 'on',
            decisionOn: '2026-09-28',
            ...over,
          },
          evidence: [pdf('decision')],
        },
        { today },
      );
    const before = await recordCount();
    expect(await enter(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await enter(who.company!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await enter(who.street!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // 射洪市: company is registered in 船山区 and 天宫花园 is in 船山区.
    expect(await enter(who.shehong!)).toMatchObject({ ok: false, fieldErrors: { projectId: [expect.any(String)] } });
    expect(await recordCount()).toBe(before);

    const r = await enter(who.chuanshan!);
    expect(r).toMatchObject({ ok: true, data: { published: false } });
    const id = r.ok ? r.data.id : '';
    expect(await stateOf(id)).toMatchObject({ status: 'approved', published_on: null, public_until: null, severity: '一般', points: '4.00' });
    expect(await n(sql`select count(*)::int as n from notices where related_id = ${id} and kind = 'record_notice'`)).toBe(1);
    expect((await listUnpublishedPenalties(db, who.chuanshan!)).map((p) => p.id)).toContain(id);
    expect((await listUnpublishedPenalties(db, who.shehong!)).map((p) => p.id)).not.toContain(id);
    expect(await publicIds('2026-10-01')).not.toContain(id);
    expect(await counts(id, '2026-10-01')).toBe(0);

    const publish = async (actor: Actor | null, today: string) => publishPenalty(db, actor, { id, expectedVersion: await versionOf(id) }, { today });
    expect(await publish(null, '2026-10-14')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await publish(who.company!, '2026-10-14')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await publish(who.shehong!, '2026-10-14')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await stateOf(id)).published_on).toBeNull();
    // Due on 2026-10-13 (7 working days across National Day): published on the 14th, it is late.
    expect(await publish(who.chuanshan!, '2026-10-14')).toMatchObject({ ok: true, data: { publishedOn: '2026-10-14', late: true } });
    expect(await stateOf(id)).toMatchObject({ published_on: '2026-10-14', min_public_until: '2027-01-14', public_until: '2027-10-14' });
    expect(await publish(who.chuanshan!, '2026-10-15')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await publicIds('2026-10-15')).toContain(id);

    // "Publish now": public at once.
    const now = await enter(who.city!, { publishNow: 'on', decisionOn: '2026-11-02', occurredOn: '2026-10-20' }, '2026-11-03');
    expect(now).toMatchObject({ ok: true, data: { published: true } });
    expect(await stateOf(now.ok ? now.data.id : '')).toMatchObject({ published_on: '2026-11-03', public_until: '2027-11-03' });
    // 射洪市 may enter about company on its estate in 射洪市.
    expect(await enter(who.shehong!, { projectId: shehongEstate, isPenalty: '', decisionOn: '' }, '2026-11-03')).toMatchObject({ ok: true, data: { published: true } });
  });

  it('a district may not enter a record about a company with nothing in its district', async () => {
    const [far] = await rows<{ id: string }>(sql`select c.id from companies c where c.district_id <> ${SHEHONG}
      and not exists (select 1 from projects p where p.current_company_id = c.id and p.district_id = ${SHEHONG})
      and not exists (select 1 from service_contracts k join projects p on p.id = k.project_id where k.company_id = c.id and p.district_id = ${SHEHONG})
      order by c.id limit 1`);
    const before = await recordCount();
    const r = await enterPerformanceRecord(
      db,
      who.shehong!,
      { data: { companyId: far!.id, projectId: '', type: '参与防汛救灾表现突出', occurredOn: '2026-07-01', issuer: '射洪市人民政府', description: '参与防汛救灾表现突出', points: '2' } },
      { today: '2026-07-10' },
    );
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await recordCount()).toBe(before);
    const ok = await enterPerformanceRecord(
      db,
      who.city!,
      { data: { companyId: far!.id, projectId: '', type: '参与防汛救灾表现突出', occurredOn: '2026-07-01', issuer: '遂宁市人民政府', description: '参与防汛救灾表现突出', points: '2' } },
      { today: '2026-07-10' },
    );
    expect(ok.ok).toBe(true);
    expect(await stateOf(ok.ok ? ok.data.id : '')).toMatchObject({ status: 'approved', published_on: '2026-07-10', public_until: '2027-07-10', points: '2.00' });
  });

  it('statements: the company on its own confirmed records, shown beside the record; others change nothing', async () => {
    const id = await reportOk({ occurredOn: '2026-11-16' }, '2026-11-17');
    const say = (actor: Actor | null, statement: string) => setRecordStatement(db, actor, { id, statement });
    expect(await say(who.company!, '已整改')).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { statement: ['只能对已确认的信用记录发表声明'] } });
    expect(await confirm(who.chuanshan!, id, '2026-11-18')).toMatchObject({ ok: true });
    expect(await say(null, '已整改')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await say(who.chuanshan!, '已整改')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await say(who.street!, '已整改')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await say(who.company2!, '已整改')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await say(who.company!, '整'.repeat(201))).toMatchObject({ ok: false, code: 'INVALID' });
    expect((await stateOf(id)).statement).toBeNull();

    expect(await say(who.company!, '已于次日清理完毕，并设置了禁停标识。')).toMatchObject({ ok: true });
    const shown = (await getPublicCompany(db, companyUscc, { today: '2026-11-20' }))!.creditRecords.find((r) => r.id === id)!;
    expect(shown.statement).toBe('已于次日清理完毕，并设置了禁停标识。');
    expect(await say(who.company!, '已整改到位，欢迎业主监督。')).toMatchObject({ ok: true });
    expect((await stateOf(id)).statement).toBe('已整改到位，欢迎业主监督。');
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'credit.statement.set' and object_id = ${id}`)).toBe(2);
    expect(await say(who.company!, '  ')).toMatchObject({ ok: true, data: { statement: null } });
    expect((await stateOf(id)).statement).toBeNull();
  });

  it('the bureau queue puts green-channel companies first; the lists keep to the scope', async () => {
    const green = await reportOk({ occurredOn: '2026-11-19', type: '绿化养护不到位', severity: '轻微', proposedPoints: '1' }, '2026-11-20');
    // The green channel is computed by the rule (CQ 三.(五)): make the company clean for three years for a moment
    // (its confirmed warnings revoked, filed long ago), then put everything back.
    const cid = who.company!.companyId!;
    const [{ approved_at }] = await rows<{ approved_at: string | null }>(sql`select approved_at::text from companies where id = ${cid}`);
    const warned = (await rows<{ id: string; status: string }>(sql`select id, status::text from credit_records where company_id = ${cid}
      and category = 'warning' and status in ('approved', 'repaired')`));
    await db.execute(sql`update credit_records set status = 'corrected' where company_id = ${cid} and category = 'warning' and status in ('approved', 'repaired')`);
    await db.execute(sql`update companies set approved_at = '2015-01-01T00:00:00+08' where id = ${cid}`);
    try {
      const queue = await listPendingCreditRecords(db, who.chuanshan!, '2026-11-20');
      expect(queue[0]!.greenChannel).toBe(true);
      expect(queue.findIndex((r) => r.id === green)).toBeLessThan(queue.findIndex((r) => !r.greenChannel));
    } finally {
      for (const w of warned) await db.execute(sql`update credit_records set status = ${w.status}::record_status where id = ${w.id}`);
      await db.execute(sql`update companies set approved_at = ${approved_at}::timestamptz where id = ${cid}`);
    }
    expect((await listPendingCreditRecords(db, who.shehong!, '2026-11-20')).map((r) => r.id)).not.toContain(green);
    expect((await listPendingCreditRecords(db, who.company!, '2026-11-20')).length).toBe(0);
    expect((await listBureauCreditRecords(db, who.company2!, { category: 'all', state: 'all', q: '', penaltyOnly: false, page: 1 }, '2026-11-20', false)).total).toBe(0);
    const all = await listBureauCreditRecords(db, who.city!, { category: 'all', state: 'pending', q: '', penaltyOnly: false, page: 1 }, '2026-11-20', false);
    expect(all.rows.map((r) => r.id)).toContain(green);
  });
});
