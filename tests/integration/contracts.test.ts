import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProjectsForOversight } from '@/db/queries/contracts';
import { boardStaleBefore, isBoardStale, noticeFlags } from '@/lib/domain/contracts';
import { saveBoard } from '@/lib/services/boards';
import { decideContract, fileNonRenewalNotice, recordEarlyExit, registerContract } from '@/lib/services/contracts';
import { addCalendarDays } from '@/lib/domain/working-days';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-02';
const CHUANSHAN = '510903';

interface ContractFact {
  id: string;
  project_id: string;
  start_date: string;
  end_date: string;
  status: string;
  version: number;
}

describe.each(DRIVERS)('service contracts and disclosure boards (%s)', (driver) => {
  let t: TestDb;
  const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.handle.db.execute(query));
  const num = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const actor = (u: string) => actorFor(t.handle.db, u);
  /** Everything a refused call must leave as it was. */
  const snapshot = async () => ({
    contracts: await q(sql`select id, status, version, non_renewal_notice_on, exited_on from service_contracts order by id`),
    submissions: await num(sql`select count(*)::int as n from submissions`),
    boards: await num(sql`select count(*)::int as n from disclosure_boards`),
    projects: await q(sql`select id, current_company_id from projects order by id`),
    changes: await num(sql`select count(*)::int as n from audit_events where action like 'contract.%' or action like 'board.%'`),
  });
  let demo: ContractFact[];
  let companyId: string;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    companyId = (await actor('company')).companyId!;
    demo = await q<ContractFact>(sql`
      select c.id, c.project_id, c.start_date::text as start_date, c.end_date::text as end_date, c.status::text as status, c.version
      from service_contracts c join projects p on p.id = c.project_id
      where c.company_id = ${companyId} and c.status = 'confirmed' and p.district_id = ${CHUANSHAN}
      order by p.name`);
    expect(demo.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => t.cleanup());

  const renewalOf = (c: ContractFact, fees = 1_000_000, bond = 60_000) => ({
    projectId: c.project_id,
    startDate: addCalendarDays(c.end_date, 1),
    endDate: addCalendarDays(c.end_date, 3 * 365),
    annualFees: String(fees),
    bondAmount: String(bond),
  });

  describe('registration', () => {
    it('registers a valid contract as pending, with its submission and audit row', async () => {
      const before = await snapshot();
      const r = await registerContract(t.handle.db, await actor('company'), renewalOf(demo[0]!), { today: TODAY });
      expect(r).toMatchObject({ ok: true });
      const id = (r as { data: { id: string } }).data.id;
      const [row] = await q<{ status: string; bond_amount: string; company_id: string }>(
        sql`select status, bond_amount::text, company_id from service_contracts where id = ${id}`,
      );
      expect(row).toMatchObject({ status: 'pending', company_id: companyId });
      expect(Number(row!.bond_amount)).toBe(60_000);
      expect(await num(sql`select count(*)::int as n from submissions where subject_id = ${id} and type = 'contract' and status = 'submitted' and district_id = ${CHUANSHAN}`)).toBe(1);
      expect(await num(sql`select count(*)::int as n from audit_events where action = 'contract.registered' and object_id = ${id}`)).toBe(1);
      expect((await snapshot()).submissions).toBe(before.submissions + 1);
    });

    it('refuses a bond outside 5 %…300,000 and an end before the start, with Chinese field errors, writing nothing', async () => {
      const before = await snapshot();
      const company = await actor('company');
      const lowBond = await registerContract(t.handle.db, company, renewalOf(demo[1]!, 1_000_000, 40_000), { today: TODAY });
      expect(lowBond).toMatchObject({ ok: false, code: 'INVALID' });
      expect((lowBond as { fieldErrors: Record<string, string[]> }).fieldErrors.bondAmount![0]).toContain('50,000 元 至 300,000 元');

      const capped = await registerContract(t.handle.db, company, renewalOf(demo[1]!, 8_000_000, 400_000), { today: TODAY });
      expect((capped as { fieldErrors: Record<string, string[]> }).fieldErrors.bondAmount![0]).toContain('应为 300,000 元');

      const backwards = { ...renewalOf(demo[1]!), endDate: addCalendarDays(demo[1]!.end_date, -10) };
      const r = await registerContract(t.handle.db, company, backwards, { today: TODAY });
      expect(r).toMatchObject({ ok: false, code: 'INVALID' });
      expect((r as { fieldErrors: Record<string, string[]> }).fieldErrors.endDate).toEqual(['合同结束日期应晚于开始日期']);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a contract overlapping the estate’s confirmed contract', async () => {
      const before = await snapshot();
      const overlap = { ...renewalOf(demo[1]!), startDate: addCalendarDays(demo[1]!.end_date, -30) };
      const r = await registerContract(t.handle.db, await actor('company2'), overlap, { today: TODAY });
      expect(r).toMatchObject({ ok: false, code: 'INVALID' });
      expect((r as { fieldErrors: Record<string, string[]> }).fieldErrors.startDate![0]).toContain(`新合同应自 ${addCalendarDays(demo[1]!.end_date, 1)} 起`);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses anonymous, wrong-role and banned callers, writing nothing', async () => {
      const before = await snapshot();
      const input = renewalOf(demo[1]!);
      expect(await registerContract(t.handle.db, null, input, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      for (const u of ['committee', 'association', 'chuanshan']) {
        expect(await registerContract(t.handle.db, await actor(u), input, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
      await t.handle.db.execute(sql`update companies set banned_until = '2027-01-01' where id = ${companyId}`);
      const banned = await registerContract(t.handle.db, await actor('company'), input, { today: TODAY });
      await t.handle.db.execute(sql`update companies set banned_until = null where id = ${companyId}`);
      expect(banned).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('市场禁入期') });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('district confirmation', () => {
    let pendingId: string;
    beforeAll(async () => {
      const r = await registerContract(t.handle.db, await actor('company'), renewalOf(demo[1]!), { today: TODAY });
      pendingId = (r as { data: { id: string } }).data.id;
    });

    it('anonymous, wrong role and another district are refused; nothing changes; out of scope is logged', async () => {
      const before = await snapshot();
      const input = { id: pendingId, version: 1, decision: 'confirm' };
      expect(await decideContract(t.handle.db, null, input, { today: TODAY })).toMatchObject({ code: 'UNAUTHENTICATED' });
      for (const u of ['company', 'company2', 'committee', 'association']) {
        expect(await decideContract(t.handle.db, await actor(u), input, { today: TODAY })).toMatchObject({ code: 'FORBIDDEN' });
      }
      const shehong = await actor('shehong');
      expect(await decideContract(t.handle.db, shehong, input, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await snapshot()).toEqual(before);
      expect(
        await num(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${pendingId} and actor_id = ${shehong.userId}`),
      ).toBe(1);
    });

    it('a rejection needs a reason', async () => {
      const before = await snapshot();
      const r = await decideContract(t.handle.db, await actor('chuanshan'), { id: pendingId, version: 1, decision: 'reject', reason: '' });
      expect(r).toMatchObject({ code: 'INVALID', fieldErrors: { reason: ['不予确认时必须写明理由'] } });
      expect(await snapshot()).toEqual(before);
    });

    it('two reviewers confirm at once: exactly one wins, the other is told', async () => {
      const [a, b] = await Promise.all([
        decideContract(t.handle.db, await actor('chuanshan'), { id: pendingId, version: 1, decision: 'confirm' }, { today: TODAY }),
        decideContract(t.handle.db, await actor('city'), { id: pendingId, version: 1, decision: 'confirm' }, { today: TODAY }),
      ]);
      expect([a, b].filter((r) => r.ok)).toHaveLength(1);
      expect([a, b].filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('已被他人处理') })]);
      const [row] = await q<{ status: string; version: number; confirmed: boolean }>(
        sql`select status::text as status, version, confirmed_at is not null as confirmed from service_contracts where id = ${pendingId}`,
      );
      expect(row).toEqual({ status: 'confirmed', version: 2, confirmed: true });
      expect(await num(sql`select count(*)::int as n from audit_events where action = 'contract.confirmed' and object_id = ${pendingId}`)).toBe(1);
      expect(await num(sql`select count(*)::int as n from submissions where subject_id = ${pendingId} and status = 'approved'`)).toBe(1);
    });

    it('confirming a contract that has started hands the estate to its company and ends the old contract', async () => {
      // company2 takes an estate whose demo-company contract ran out before the new one starts.
      const old = demo[2]!;
      await t.handle.db.execute(sql`update service_contracts set end_date = '2026-10-31' where id = ${old.id}`);
      const company2 = await actor('company2');
      const reg = await registerContract(
        t.handle.db,
        company2,
        { projectId: old.project_id, startDate: '2026-11-01', endDate: '2029-10-31', annualFees: '500000', bondAmount: '25000' },
        { today: TODAY },
      );
      expect(reg.ok).toBe(true);
      const id = (reg as { data: { id: string } }).data.id;
      const r = await decideContract(t.handle.db, await actor('city'), { id, version: 1, decision: 'confirm' }, { today: TODAY });
      expect(r).toMatchObject({ ok: true, data: { status: 'confirmed' } });
      expect((await q<{ c: string }>(sql`select current_company_id as c from projects where id = ${old.project_id}`))[0]!.c).toBe(company2.companyId);
      expect((await q<{ s: string }>(sql`select status::text as s from service_contracts where id = ${old.id}`))[0]!.s).toBe('ended');
    });
  });

  describe('non-renewal notice and early exit', () => {
    it('a notice fewer than 90 days before the end is recorded as late', async () => {
      const c = demo[3] ?? demo[0]!;
      const [cur] = await q<ContractFact>(sql`select id, end_date::text as end_date, version from service_contracts where id = ${c.id}`);
      const noticeOn = addCalendarDays(cur!.end_date, -60);
      const today = noticeOn;
      const r = await fileNonRenewalNotice(t.handle.db, await actor('company'), { contractId: c.id, version: cur!.version, noticeOn }, { today });
      expect(r).toEqual({ ok: true, data: { id: c.id, late: true, daysShort: 30 } });
      const [row] = await q<{ n: string; version: number }>(sql`select non_renewal_notice_on::text as n, version from service_contracts where id = ${c.id}`);
      expect(row).toEqual({ n: noticeOn, version: cur!.version + 1 });
      const flags = noticeFlags({ status: 'confirmed', endDate: cur!.end_date, nonRenewalNoticeOn: noticeOn, renewed: false }, today);
      expect(flags).toMatchObject({ status: 'late', daysShort: 30 });
    });

    it('company2 cannot file a notice or an exit on the demo company’s contract; nothing changes', async () => {
      const c = demo[0]!;
      const before = await snapshot();
      const company2 = await actor('company2');
      expect(await fileNonRenewalNotice(t.handle.db, company2, { contractId: c.id, version: c.version, noticeOn: TODAY }, { today: TODAY })).toMatchObject({ code: 'NOT_FOUND' });
      expect(
        await recordEarlyExit(t.handle.db, company2, { contractId: c.id, version: c.version, exitedOn: TODAY, reason: '经营困难撤出', handoverDone: true }, { today: TODAY }),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(await fileNonRenewalNotice(t.handle.db, null, { contractId: c.id, version: c.version, noticeOn: TODAY })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await recordEarlyExit(t.handle.db, await actor('chuanshan'), { contractId: c.id, version: c.version, exitedOn: TODAY, reason: '经营困难撤出', handoverDone: true })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await snapshot()).toEqual(before);
    });

    it('an early exit is stored on the contract and the estate is left without a company', async () => {
      const c = demo[0]!;
      const [cur] = await q<{ version: number }>(sql`select version from service_contracts where id = ${c.id}`);
      const bad = await recordEarlyExit(t.handle.db, await actor('company'), { contractId: c.id, version: cur!.version, exitedOn: TODAY, reason: '', handoverDone: false }, { today: TODAY });
      expect(bad).toMatchObject({ code: 'INVALID', fieldErrors: { reason: [expect.stringContaining('撤出原因')] } });
      const r = await recordEarlyExit(
        t.handle.db,
        await actor('company'),
        { contractId: c.id, version: cur!.version, exitedOn: TODAY, reason: '业主大会决定解聘，协商一致提前终止', handoverDone: true },
        { today: TODAY },
      );
      expect(r.ok).toBe(true);
      const [row] = await q<Record<string, unknown>>(
        sql`select status::text as status, exited_on::text as exited_on, exit_reason, handover_done from service_contracts where id = ${c.id}`,
      );
      expect(row).toEqual({ status: 'terminated', exited_on: TODAY, exit_reason: '业主大会决定解聘，协商一致提前终止', handover_done: true });
      expect((await q<{ c: string | null }>(sql`select current_company_id as c from projects where id = ${c.project_id}`))[0]!.c).toBeNull();
      expect(await num(sql`select count(*)::int as n from audit_events where action = 'contract.exited' and object_id = ${c.id}`)).toBe(1);
    });
  });

  describe('disclosure board', () => {
    const boardData = {
      managerName: '张三',
      managerPhone: '13812345678',
      complaintPhone: '0825-2345678',
      serviceContent: '公共区域秩序维护、保洁、绿化养护',
      serviceStandard: '《四川省住宅物业服务等级规范》二级',
      fees: [
        { item: '物业服务费', standard: '1.20元/㎡·月' },
        { item: '车位管理费', standard: '60元/个·月' },
      ],
      elevatorMaintenance: { unit: '遂宁市某电梯工程有限公司', contact: '0825-3456789' },
      fireMaintenance: { unit: '遂宁市某消防技术服务有限公司', contact: '0825-4567890' },
      parking: '共有车位300个',
      sharedUtilities: '公共区域水电费按月据实分摊',
      commonRevenue: { income: '公共收益收入5万元', spending: '支出3万元' },
      maintenanceFund: '本年未使用专项维修资金',
      elevatorSpending: '电梯维保支出2万元',
    };
    let projectId: string;
    let base: number;
    beforeAll(async () => {
      const [p] = await q<{ id: string; v: number }>(sql`
        select p.id, (select max(version) from disclosure_boards b where b.project_id = p.id) as v
        from projects p where p.current_company_id = ${companyId} order by p.name limit 1`);
      projectId = p!.id;
      base = Number(p!.v);
    });

    it('saving inserts version n+1 with today’s date; the old version stays', async () => {
      const r = await saveBoard(t.handle.db, await actor('company'), { projectId, baseVersion: base, data: boardData }, { today: TODAY });
      expect(r).toEqual({ ok: true, data: { projectId, version: base + 1 } });
      const rows = await q<{ version: number; updated: string }>(
        sql`select version, data->>'updatedOn' as updated from disclosure_boards where project_id = ${projectId} order by version`,
      );
      expect(rows.map((x) => x.version)).toEqual(Array.from({ length: base + 1 }, (_, i) => i + 1));
      expect(rows.at(-1)!.updated).toBe(TODAY);
      base += 1;
    });

    it('refuses invalid items with field errors, and a save from an old version', async () => {
      const before = await snapshot();
      const bad = await saveBoard(t.handle.db, await actor('company'), { projectId, baseVersion: base, data: { ...boardData, complaintPhone: '123', fees: [] } });
      expect(bad).toMatchObject({ code: 'INVALID' });
      expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(['data.complaintPhone', 'data.fees']);
      expect(await saveBoard(t.handle.db, await actor('company'), { projectId, baseVersion: base - 1, data: boardData })).toMatchObject({ code: 'CONFLICT' });
      expect(await snapshot()).toEqual(before);
    });

    it('two saves from the same version: one lands, the other gets CONFLICT', async () => {
      const company = await actor('company');
      const results = await Promise.all([
        saveBoard(t.handle.db, company, { projectId, baseVersion: base, data: boardData }, { today: TODAY }),
        saveBoard(t.handle.db, company, { projectId, baseVersion: base, data: { ...boardData, managerName: '李四' } }, { today: TODAY }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
      expect(await num(sql`select count(*)::int as n from disclosure_boards where project_id = ${projectId}`)).toBe(base + 1);
      base += 1;
    });

    it('another company, anonymous and bureau roles cannot edit it; nothing changes', async () => {
      const before = await snapshot();
      const input = { projectId, baseVersion: base, data: boardData };
      expect(await saveBoard(t.handle.db, await actor('company2'), input)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await saveBoard(t.handle.db, null, input)).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await saveBoard(t.handle.db, await actor('chuanshan'), input)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await saveBoard(t.handle.db, await actor('committee'), input)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('bureau estates overview', () => {
    const filter = (extra: object = {}) => ({ page: 1, today: TODAY, noticeDays: 90, staleBefore: boardStaleBefore(TODAY), ...extra });

    it('a district sees its own estates only; the city sees all', async () => {
      const own = await listProjectsForOversight(t.handle.db, await actor('chuanshan'), filter());
      expect(own.total).toBe(await num(sql`select count(*)::int as n from projects where district_id = ${CHUANSHAN}`));
      expect(new Set(own.rows.map((r) => r.districtName))).toEqual(new Set(['船山区']));
      const all = await listProjectsForOversight(t.handle.db, await actor('city'), filter());
      expect(all.total).toBe(await num(sql`select count(*)::int as n from projects`));
      expect(all.rows).toHaveLength(30);
      const nothing = await listProjectsForOversight(t.handle.db, await actor('company'), filter());
      expect(nothing.total).toBe(0);
    });

    it('the SQL flags agree with the domain rules', async () => {
      const city = await actor('city');
      const stale = await listProjectsForOversight(t.handle.db, city, filter({ flag: 'stale_board' }));
      expect(stale.total).toBeGreaterThan(0);
      for (const r of stale.rows) expect(isBoardStale(r.boardUpdatedOn, TODAY)).toBe(true);
      for (const flag of ['missing_notice', 'late_notice', 'ended_without_notice'] as const) {
        const expected = { missing_notice: 'missing', late_notice: 'late', ended_without_notice: 'ended_without_notice' }[flag];
        const res = await listProjectsForOversight(t.handle.db, city, filter({ flag }));
        for (const r of res.rows) {
          expect(noticeFlags({ status: r.status!, endDate: r.endDate!, nonRenewalNoticeOn: r.nonRenewalNoticeOn, renewed: r.renewed }, TODAY).status).toBe(expected);
        }
        if (flag !== 'ended_without_notice') expect(res.total).toBeGreaterThan(0);
      }
      // Every row on an unfiltered page gets exactly the flags that the filters find.
      const page = await listProjectsForOversight(t.handle.db, city, filter());
      const missing = new Set((await listProjectsForOversight(t.handle.db, city, filter({ flag: 'missing_notice', page: 1 }))).rows.map((r) => r.id));
      for (const r of page.rows) {
        if (!r.status) continue;
        const s = noticeFlags({ status: r.status, endDate: r.endDate!, nonRenewalNoticeOn: r.nonRenewalNoticeOn, renewed: r.renewed }, TODAY).status;
        if (missing.has(r.id)) expect(s).toBe('missing');
      }
    });
  });
});
