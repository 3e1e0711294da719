import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditExport } from '@/app/bureau/audit/export';
import { contractsExport } from '@/app/bureau/contracts/export';
import { rectificationsExport } from '@/app/bureau/rectifications/export';
import { rosterChecksExport } from '@/app/bureau/roster-checks/export';
import { listOrdersInScope, listRosterChecks } from '@/db/queries/supervision';
import { listAuditEvents } from '@/db/queries/audit';
import { auditEvents } from '@/db/schema';
import { auditFilterSchema } from '@/lib/validation/audit-log';
import { parseFilters } from '@/components/list-kit/params';
import { exportList } from '@/lib/services/list-export';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-20';

async function sheets(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const values = (i: number) => wb.worksheets[i]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  return { rows: values(0), about: values(1) };
}

describe.each(DRIVERS)('the audit log filters and the list exports (%s)', (driver) => {
  let t: TestDb;
  const db = () => t.handle.db;
  const auditCount = async () => (await db().select({ n: count() }).from(auditEvents))[0]!.n;
  const OBJ = 'f0000000-0000-4000-8000-000000000001';

  beforeAll(async () => {
    t = await openSeededDb(driver);
    // Two events either side of midnight in China (16:00 UTC), by two accounts, on one object.
    await db()
      .insert(auditEvents)
      .values([
        { at: new Date('2026-11-19T15:59:00Z'), actorLabel: 'filtertest-a', action: 'contract.confirmed', objectType: 'service_contract', objectId: OBJ, before: { status: 'pending' }, after: { status: 'confirmed' } },
        { at: new Date('2026-11-19T16:00:00Z'), actorLabel: 'filtertest-b', action: 'user.created', objectType: 'user', objectId: OBJ, after: { username: 'x' } },
        { at: new Date('2026-11-21T03:00:00Z'), actorLabel: 'filtertest-b', action: 'contract.confirmed', objectType: 'service_contract', objectId: OBJ },
      ]);
  });
  afterAll(() => t.cleanup());

  const filter = (raw: Record<string, string>) => parseFilters(auditFilterSchema, raw);

  it('filters the audit log by person, action, object and China-time dates, with a true count', async () => {
    const day20 = await listAuditEvents(db(), filter({ actor: 'filtertest', from: '2026-11-20', to: '2026-11-20' }));
    expect(day20.rows.map((r) => r.action)).toEqual(['user.created']);
    expect(day20.total).toBe(1);
    const day19 = await listAuditEvents(db(), filter({ actor: 'filtertest', to: '2026-11-19' }));
    expect(day19.rows.map((r) => r.actorLabel)).toEqual(['filtertest-a']);
    const confirmed = await listAuditEvents(db(), filter({ actor: 'filtertest', action: 'contract.confirmed' }));
    expect(confirmed.total).toBe(2);
    const onObject = await listAuditEvents(db(), filter({ type: 'user', object: OBJ }));
    expect(onObject.rows.map((r) => r.actorLabel)).toEqual(['filtertest-b']);
    // An unknown action or a LIKE wildcard narrows nothing wrongly: the action falls back to "any", `%` is literal.
    expect(filter({ action: 'drop table' }).action).toBeNull();
    expect((await listAuditEvents(db(), filter({ actor: '%' }))).total).toBe(0);
  });

  it('exports the filtered audit log for the city, and audits the export with its filters and count', async () => {
    const city = await actorFor(db(), 'city');
    const r = await exportList(db(), city, auditExport, { actor: 'filtertest', action: 'contract.confirmed' }, { today: TODAY });
    if (!r.ok) throw new Error(r.code);
    expect(r.data.count).toBe(2);
    const { rows, about } = await sheets(r.data.content);
    expect(rows[0]).toEqual(['序号', '时间', '操作人', '角色', '操作', '对象类型', '对象编号', '变更内容', '来源地址']);
    expect(rows.slice(1).map((x) => [x[2], x[4], x[5]])).toEqual([
      ['filtertest-b', '确认物业服务合同', '物业服务合同'],
      ['filtertest-a', '确认物业服务合同', '物业服务合同'],
    ]);
    expect(rows[2]![7]).toBe('状态：pending → confirmed');
    expect(about).toContainEqual(['筛选：操作', '确认物业服务合同']);
    const [row] = await db()
      .select({ actor: auditEvents.actorLabel, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'audit.exported'));
    expect(row).toEqual({ actor: 'city', after: { list: '审计日志', filters: { actor: 'filtertest', action: 'contract.confirmed' }, count: 2, truncated: false } });
  });

  it('caps an export and says so in the file', async () => {
    const r = await exportList(db(), await actorFor(db(), 'city'), auditExport, { actor: 'filtertest' }, { today: TODAY, cap: 1 });
    if (!r.ok) throw new Error(r.code);
    expect([r.data.count, r.data.truncated]).toEqual([1, true]);
    const { rows, about } = await sheets(r.data.content);
    expect(rows).toHaveLength(2);
    expect(about.map((x) => x[1]).join()).toContain('只导出了前 1 条');
  });

  it('refuses the audit export to anyone but the city, writing nothing', async () => {
    const before = await auditCount();
    expect(await exportList(db(), null, auditExport, {}, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['chuanshan', 'company']) {
      expect(await exportList(db(), await actorFor(db(), u), auditExport, {}, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await auditCount()).toBe(before);
  });

  it("gives a district only its own district's rows, whatever district the URL asks for", async () => {
    const chuanshan = await actorFor(db(), 'chuanshan');
    const [other] = rowsOf<{ id: string }>(await db().execute(sql`select id from regions where level = 'district' and id <> ${chuanshan.districtId} limit 1`));
    const cityAll = await exportList(db(), await actorFor(db(), 'city'), contractsExport, { status: 'confirmed' }, { today: TODAY });
    const own = await exportList(db(), chuanshan, contractsExport, { status: 'confirmed' }, { today: TODAY });
    const asked = await exportList(db(), chuanshan, contractsExport, { status: 'confirmed', district: other!.id }, { today: TODAY });
    if (!cityAll.ok || !own.ok || !asked.ok) throw new Error('export refused');
    const districts = async (c: Buffer) => (await sheets(c)).rows.slice(1).map((x) => x[1]);
    expect((await sheets(own.data.content)).rows[0]).toEqual(['项目', '区县', '登记企业', '合同开始', '合同结束', '履约保证金（元）', '登记时间']);
    expect(own.data.count).toBeGreaterThan(0);
    expect(cityAll.data.count).toBeGreaterThan(own.data.count);
    expect(new Set(await districts(own.data.content))).toEqual(new Set([chuanshan.districtName]));
    // Another district's filter within the district's own scope selects nothing, not that district's rows.
    expect(asked.data.count).toBe(0);
    expect((await sheets(asked.data.content)).rows).toHaveLength(1);
    const [row] = await db()
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'list.exported'), eq(auditEvents.actorLabel, 'chuanshan'), sql`${auditEvents.after}->'filters'->>'district' = ${other!.id}`));
    expect(row!.after).toMatchObject({ list: '物业服务合同确认', count: asked.data.count, filters: { status: 'confirmed', district: other!.id } });
  });

  it('roster checks and rectification orders: the page rows of the scope, with the page filters', async () => {
    const chuanshan = await actorFor(db(), 'chuanshan');
    const city = await actorFor(db(), 'city');
    const todo = await exportList(db(), chuanshan, rosterChecksExport, { year: '2026', status: 'todo' }, { today: TODAY });
    if (!todo.ok) throw new Error('export refused');
    const page = await listRosterChecks(db(), chuanshan, { year: 2026, status: 'todo', district: '', q: '', page: 1 });
    expect(todo.data.count).toBe(page.total);
    const { rows } = await sheets(todo.data.content);
    expect(rows[0]).toEqual(['小区', '区县', '物业服务企业', '年度', '核查情况', '核查日期', '发现问题（个）', '后续处理']);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set([chuanshan.districtName]));
    expect(new Set(rows.slice(1).map((r) => r[4]))).toEqual(new Set(['未核查']));
    const done = await exportList(db(), city, rosterChecksExport, { year: '2026', status: 'done' }, { today: TODAY });
    if (!done.ok) throw new Error('export refused');
    expect(done.data.count).toBeGreaterThan(0);
    expect(new Set((await sheets(done.data.content)).rows.slice(1).map((r) => r[4]))).toEqual(new Set(['已核查']));

    const orders = await exportList(db(), city, rectificationsExport, { status: 'all' }, { today: TODAY });
    if (!orders.ok) throw new Error('export refused');
    expect(orders.data.count).toBe((await listOrdersInScope(db(), city, { status: 'all', page: 1 }, TODAY)).total);
    const orderRows = (await sheets(orders.data.content)).rows;
    expect(orderRows[0]).toEqual(['企业', '整改事由', '下发机关', '下发日期', '整改期限', '状态', '逾期未整改', '通报批评日期']);
    // The demo's overdue order (due 2026-10-22, not yet escalated) is marked overdue on the day.
    expect(orderRows.slice(1).some((r) => r[4] === '2026-10-22' && r[6] === '是')).toBe(true);
    expect(await exportList(db(), await actorFor(db(), 'company'), rectificationsExport, {}, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a list export to a role that cannot see the list, writing nothing', async () => {
    const before = await auditCount();
    expect(await exportList(db(), await actorFor(db(), 'company'), contractsExport, {}, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await exportList(db(), null, contractsExport, {}, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await auditCount()).toBe(before);
  });
});
