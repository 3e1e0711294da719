import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublicCompany, listPublicCompanyCodes, PUBLIC_PAGE_SIZE_MAX, searchPublicCompanies } from '@/db/queries/public-companies';
import { boardItems, getPublicProject, listPublicProjectIds, listStreets, projectFilter, searchPublicProjects } from '@/db/queries/public-projects';
import { projects } from '@/db/schema';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

/** Keys that must never appear in a public DTO (SPEC §3.11, CONVENTIONS "Reading data"). */
const PRIVATE_KEYS = ['id', 'contactPhone', 'contact_phone', 'bannedUntil', 'version', 'currentCompanyId', 'companyId', 'annualFees', 'bondAmount', 'idNumber', 'birthDate'];

function keysDeep(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) keysDeep(x, out);
  else if (v && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysDeep(x, out);
    }
  }
  return out;
}

describe.each(DRIVERS)('public company and estate pages on the demo city (%s)', (driver) => {
  let t: TestDb;
  const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.handle.db.execute(q));
  let demo: { id: string; uscc: string; name: string };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    [demo] = await rows<{ id: string; uscc: string; name: string }>(
      sql`select id, uscc, name from companies where name = '遂宁市安居乐业物业服务有限公司'`,
    );
  });
  afterAll(() => t.cleanup());

  it('lists approved companies only, paginated with a capped page size', async () => {
    const db = t.handle.db;
    const [{ approved, all }] = await rows<{ approved: number; all: number }>(
      sql`select count(*) filter (where filing_status = 'approved')::int as approved, count(*)::int as "all" from companies`,
    );
    expect(all).toBeGreaterThan(approved);
    const page1 = await searchPublicCompanies(db, { pageSize: 1000 });
    expect(page1.total).toBe(approved);
    expect(page1.pageSize).toBe(PUBLIC_PAGE_SIZE_MAX);
    expect(page1.items).toHaveLength(PUBLIC_PAGE_SIZE_MAX);
    expect(page1.pageCount).toBe(Math.ceil(approved / PUBLIC_PAGE_SIZE_MAX));
    const last = await searchPublicCompanies(db, { page: page1.pageCount });
    expect(last.items).toHaveLength(approved - (page1.pageCount - 1) * PUBLIC_PAGE_SIZE_MAX);
    const seen = new Set([...page1.items, ...last.items].map((c) => c.uscc));
    expect(seen.size).toBe(page1.items.length + last.items.length);
    expect((await searchPublicCompanies(db, { page: page1.pageCount + 5 })).items).toEqual([]);
  });

  it('finds a company by name, by a two-character query, and by its exact credit code', async () => {
    const db = t.handle.db;
    const byName = await searchPublicCompanies(db, { q: '安居乐业' });
    expect(byName.items.map((c) => c.uscc)).toContain(demo.uscc);
    expect(byName.items.every((c) => c.name.includes('安居乐业'))).toBe(true);

    const two = await searchPublicCompanies(db, { q: '锦华' });
    expect(two.items.map((c) => c.name)).toContain('四川锦华物业服务有限公司');
    expect(two.items.every((c) => c.name.includes('锦华'))).toBe(true);

    const exact = await searchPublicCompanies(db, { q: demo.uscc.toLowerCase() });
    expect(exact.total).toBe(1);
    expect(exact.items[0]!.uscc).toBe(demo.uscc);
    expect(exact.items[0]!.estates).toBeGreaterThan(0);

    const prefix = await searchPublicCompanies(db, { q: demo.uscc.slice(0, 10) });
    expect(prefix.items.map((c) => c.uscc)).toContain(demo.uscc);
    expect(prefix.items.every((c) => c.uscc.startsWith(demo.uscc.slice(0, 10)))).toBe(true);

    expect((await searchPublicCompanies(db, { q: '不存在的名字xyz' })).total).toBe(0);
    // LIKE wildcards are literal text.
    expect((await searchPublicCompanies(db, { q: '%%' })).total).toBe(0);
  });

  it('filters companies by district', async () => {
    const db = t.handle.db;
    const [{ n }] = await rows<{ n: number }>(
      sql`select count(*)::int as n from companies where filing_status = 'approved' and district_id = '510981'`,
    );
    const r = await searchPublicCompanies(db, { district: '510981' });
    expect(n).toBeGreaterThan(0);
    expect(r.total).toBe(n);
    expect(r.items.every((c) => c.districtName === '射洪市')).toBe(true);
  });

  it('hides a company that is not approved from the list, the profile and its estates’ pages', async () => {
    const db = t.handle.db;
    const pending = await rows<{ uscc: string; name: string }>(sql`select uscc, name from companies where filing_status <> 'approved'`);
    expect(pending.length).toBeGreaterThan(0);
    for (const c of pending) {
      expect(await getPublicCompany(db, c.uscc)).toBeNull();
      expect((await searchPublicCompanies(db, { q: c.uscc })).total).toBe(0);
      expect((await searchPublicCompanies(db, { q: c.name })).items.map((x) => x.uscc)).not.toContain(c.uscc);
    }
    const codes = new Set((await listPublicCompanyCodes(db)).map((c) => c.uscc));
    expect(pending.some((c) => codes.has(c.uscc))).toBe(false);

    // An approved company whose approval is withdrawn disappears everywhere, including from its estates.
    expect(await getPublicCompany(db, demo.uscc)).not.toBeNull();
    const [estate] = await rows<{ id: string }>(sql`select id from projects where current_company_id = ${demo.id} limit 1`);
    expect((await getPublicProject(db, estate!.id))!.company?.uscc).toBe(demo.uscc);
    await t.handle.db.execute(sql`update companies set filing_status = 'pending' where id = ${demo.id}`);
    try {
      expect(await getPublicCompany(db, demo.uscc)).toBeNull();
      expect((await searchPublicCompanies(db, { q: demo.uscc })).total).toBe(0);
      const p = await getPublicProject(db, estate!.id);
      expect(p!.company).toBeNull();
      expect(p!.contract).toBeNull();
      const listed = await searchPublicProjects(db, { q: p!.name });
      expect(listed.items.find((x) => x.id === estate!.id)!.company).toBeNull();
    } finally {
      await t.handle.db.execute(sql`update companies set filing_status = 'approved' where id = ${demo.id}`);
    }
  });

  // The green channel is computed by the rule (CQ 三.(五), `greenChannelOn` / `greenChannelSql`), not read from the
  // seeded flags: the seeded flags' `since` is clamped to 2024-01-01, while the rule holds from the third filing
  // anniversary on; so "before" is the day before that anniversary.
  it('the profile shows the green-channel flag (CQ 三.(五)) of a company clean for three years on the day asked, and of no other', async () => {
    const db = t.handle.db;
    const on = '2026-11-01';
    const [flagged] = await rows<{ uscc: string; anniversary: string }>(
      sql`select c.uscc, (((c.approved_at at time zone 'Asia/Shanghai')::date + interval '3 years')::date)::text as anniversary from companies c
          where c.filing_status = 'approved' and (c.approved_at at time zone 'Asia/Shanghai')::date <= date '2023-11-01'
          and not exists (select 1 from credit_records w where w.company_id = c.id and w.category = 'warning' and w.status in ('approved', 'repaired')
            and w.occurred_on <= ${on}) order by c.uscc limit 1`,
    );
    const [plain] = await rows<{ uscc: string }>(
      sql`select c.uscc from companies c where c.filing_status = 'approved'
          and exists (select 1 from credit_records w where w.company_id = c.id and w.category = 'warning' and w.status = 'approved'
            and w.occurred_on > date '2023-11-01' and w.occurred_on <= ${on}) order by c.uscc limit 1`,
    );
    expect(flagged && plain).toBeTruthy();
    expect((await getPublicCompany(db, flagged!.uscc, { today: on }))!.greenChannel).toEqual({ cleanYears: 3 });
    // Before its third filing anniversary it is not shown.
    const before = new Date(Date.parse(flagged!.anniversary) - 86_400_000).toISOString().slice(0, 10);
    expect((await getPublicCompany(db, flagged!.uscc, { today: before }))!.greenChannel).toBeNull();
    expect((await getPublicCompany(db, flagged!.uscc, { today: flagged!.anniversary }))!.greenChannel).toEqual({ cleanYears: 3 });
    expect((await getPublicCompany(db, plain!.uscc, { today: on }))!.greenChannel).toBeNull();
  });

  it('a company profile has the basic information and the estates it serves, with their contract period', async () => {
    const db = t.handle.db;
    const p = await getPublicCompany(db, demo.uscc);
    expect(p).not.toBeNull();
    expect(p!.name).toBe(demo.name);
    expect(p!.legalRepresentative).toBeTruthy();
    expect(Number(p!.registeredCapital)).toBe(1000);
    expect(p!.districtName).toBe('船山区');
    const served = await rows<{ id: string }>(sql`select id from projects where current_company_id = ${demo.id}`);
    expect(new Set(p!.estates.map((e) => e.id))).toEqual(new Set(served.map((s) => s.id)));
    expect(p!.estates.every((e) => e.contractStart && e.contractEnd && e.contractStart < e.contractEnd)).toBe(true);
    expect(await getPublicCompany(db, 'not-a-code')).toBeNull();
    expect(await getPublicCompany(db, '91510900MA00000000')).toBeNull();
  });

  it('searches estates by a two-character query through the bigram index, and by district and street', async () => {
    const db = t.handle.db;
    for (const q of ['花园', '滨江', '小区']) {
      const r = await searchPublicProjects(db, { q });
      const [{ n }] = await rows<{ n: number }>(
        sql`select count(*)::int as n from projects where strpos(name || ' ' || address, ${q}) > 0`,
      );
      expect(n).toBeGreaterThan(0);
      expect(r.total).toBe(n);
      expect(r.items.every((p) => `${p.name} ${p.address}`.includes(q))).toBe(true);
    }
    const all = await searchPublicProjects(db, { pageSize: 500 });
    expect(all.items).toHaveLength(PUBLIC_PAGE_SIZE_MAX);
    expect(all.total).toBeGreaterThanOrEqual(300);

    const sh = await searchPublicProjects(db, { district: '510981' });
    expect(sh.total).toBeGreaterThan(0);
    expect(sh.items.every((p) => p.districtName === '射洪市')).toBe(true);

    const streets = await listStreets(db);
    const street = streets.find((s) => s.districtId === '510903')!;
    const [{ n: inStreet }] = await rows<{ n: number }>(sql`select count(*)::int as n from projects where street_id = ${street.id}`);
    const st = await searchPublicProjects(db, { district: '510903', street: street.id });
    expect(st.total).toBe(inStreet);
    expect(st.items.every((p) => p.streetName === street.name)).toBe(true);
  });

  it('the two-character estate query uses the GIN index of the stored bigrams (migration 0006)', async () => {
    // The planner prefers a sequential scan on a table this small; forbid it to see that the index applies.
    const plan = await t.handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = tx.select({ id: projects.id }).from(projects).where(projectFilter({ q: '花园' }));
      return rowsOf<Record<string, string>>(await tx.execute(sql`explain ${query}`));
    });
    expect(plan.map((r) => Object.values(r)[0]).join('\n')).toContain('projects_search_bigrams_gin');
  });

  it('an estate page has its company, confirmed contract and the latest disclosure board', async () => {
    const db = t.handle.db;
    const [estate] = await rows<{ id: string; name: string }>(sql`select id, name from projects where current_company_id = ${demo.id} order by name limit 1`);
    const p = await getPublicProject(db, estate!.id);
    expect(p).not.toBeNull();
    expect(p!.name).toBe(estate!.name);
    expect(p!.company).toEqual({ uscc: demo.uscc, name: demo.name });
    const [k] = await rows<{ start_date: string; end_date: string }>(
      sql`select start_date::text, end_date::text from service_contracts where project_id = ${estate!.id} and company_id = ${demo.id} and status = 'confirmed' order by start_date desc limit 1`,
    );
    expect(p!.contract).toEqual({ startDate: k!.start_date, endDate: k!.end_date });
    expect(p!.board).not.toBeNull();
    const labels = p!.board!.items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['项目经理', '项目经理联系电话', '投诉电话', '服务内容', '收费项目和标准', '电梯维保单位', '消防维保单位', '专项维修资金使用']));
    expect(p!.board!.updatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A newer version of the board replaces the old one on the page.
    await t.handle.db.execute(sql`
      insert into disclosure_boards (project_id, company_id, version, data)
      select project_id, company_id, version + 1, data || '{"managerName": "新经理", "updatedOn": "2026-11-01", "extraNote": "业主大会定于12月召开"}'::jsonb
      from disclosure_boards where project_id = ${estate!.id} order by version desc limit 1`);
    const after = await getPublicProject(db, estate!.id);
    expect(after!.board!.version).toBe(p!.board!.version + 1);
    expect(after!.board!.updatedOn).toBe('2026-11-01');
    expect(after!.board!.items.find((i) => i.key === 'managerName')!.value).toEqual({ kind: 'text', text: '新经理' });
    // Keys the page does not know are still shown, under their own name.
    expect(after!.board!.items.find((i) => i.key === 'extraNote')!.value).toEqual({ kind: 'text', text: '业主大会定于12月召开' });

    expect(await getPublicProject(db, 'not-a-uuid')).toBeNull();
    expect(await getPublicProject(db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    const ids = await listPublicProjectIds(db);
    expect(ids).toContain(estate!.id);
  });

  it('public DTOs carry no private keys', async () => {
    const db = t.handle.db;
    const [estate] = await rows<{ id: string }>(sql`select id from projects where current_company_id = ${demo.id} limit 1`);
    const dtos = [
      await searchPublicCompanies(db, { q: '物业' }),
      await getPublicCompany(db, demo.uscc),
      await searchPublicProjects(db, { q: '花园' }),
    ];
    for (const dto of dtos) {
      const keys = keysDeep(dto);
      for (const k of PRIVATE_KEYS.filter((k) => k !== 'id')) expect(keys.has(k), k).toBe(false);
    }
    // Companies are identified by their public code, never by the internal id.
    expect(keysDeep(dtos[0]).has('id')).toBe(false);
    expect(JSON.stringify(dtos[1])).not.toContain(demo.id);
    const p = await getPublicProject(db, estate!.id);
    const { board, ...rest } = p!;
    for (const k of PRIVATE_KEYS.filter((k) => k !== 'id' && k !== 'version')) expect(keysDeep(rest).has(k), k).toBe(false);
    expect(JSON.stringify(p)).not.toContain(demo.id);
    expect(board).not.toBeNull();
  });
});

describe('disclosure board items', () => {
  it('labels known keys in SPEC order, keeps unknown keys, and drops empty values', () => {
    const items = boardItems({
      zzz: 'x',
      complaintPhone: '0825-1234567',
      managerName: '张三',
      fees: [{ item: '物业服务费', standard: '1.20元/㎡·月' }],
      parking: '',
      elevatorMaintenance: { unit: '某电梯公司', contact: '' },
      updatedOn: '2026-01-01',
      nested: [[1, 2]],
    });
    expect(items.map((i) => i.key)).toEqual(['managerName', 'complaintPhone', 'fees', 'elevatorMaintenance', 'zzz', 'nested']);
    expect(items[2]!.value).toEqual({
      kind: 'list',
      items: [{ kind: 'fields', fields: [{ key: 'item', label: '项目', value: { kind: 'text', text: '物业服务费' } }, { key: 'standard', label: '标准', value: { kind: 'text', text: '1.20元/㎡·月' } }] }],
    });
    expect(items[3]!.value).toEqual({ kind: 'fields', fields: [{ key: 'unit', label: '单位', value: { kind: 'text', text: '某电梯公司' } }] });
    expect(boardItems(null)).toEqual([]);
    expect(boardItems('text')).toEqual([]);
    expect(boardItems([1])).toEqual([]);
  });
});
