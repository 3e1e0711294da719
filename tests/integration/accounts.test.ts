import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getCompanyBasics } from '@/db/queries/company-filing';
import { verifyPassword } from '@/lib/auth/passwords';
import type { Actor } from '@/lib/auth/policy';
import { usccCheckChar } from '@/lib/domain/uscc';
import { createCompanyAccount } from '@/lib/services/accounts';
import { decideFiling, saveFiling } from '@/lib/services/company-filing';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const uscc = (body17: string) => body17 + usccCheckChar(body17);
const NEW_USCC = uscc('91510903MA6TE0T01');

describe.each(DRIVERS)('the city opens company accounts; a new company files for the first time (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let city: Actor;
  const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]!.n);
  const footprint = async () => ({
    users: await n(sql`select count(*)::int as n from users`),
    companies: await n(sql`select count(*)::int as n from companies`),
    audit: await n(sql`select count(*)::int as n from audit_events`),
  });
  const input = { uscc: NEW_USCC, companyName: '遂宁市测试新物业服务有限公司', districtId: '510904', username: 'newco-op', displayName: '刘操作' };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    city = await actorFor(db, 'city');
  });
  afterAll(() => t.cleanup());

  it('refuses anonymous, other roles and bad input, writing nothing', async () => {
    const before = await footprint();
    expect(await createCompanyAccount(db, null, input)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await createCompanyAccount(db, await actorFor(db, 'chuanshan'), input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await createCompanyAccount(db, await actorFor(db, 'company'), input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const bad = await createCompanyAccount(db, city, { ...input, uscc: '91510903MA6TE0T01X' });
    expect(!bad.ok && bad.fieldErrors?.uscc?.[0]).toBeTruthy();
    const taken = await createCompanyAccount(db, city, { ...input, username: 'company' });
    expect(!taken.ok && taken.fieldErrors?.username?.[0]).toBe('该账号已被使用，请换一个');
    const noName = await createCompanyAccount(db, city, { ...input, companyName: '' });
    expect(!noName.ok && noName.fieldErrors?.companyName?.[0]).toContain('企业名称');
    // actorFor opened sessions: compare what the refused calls could have written.
    const after = await footprint();
    expect(after.users).toBe(before.users);
    expect(after.companies).toBe(before.companies);
  });

  it('creates a draft company and an operator who must change the password; the new company files and is approved', async () => {
    const created = await createCompanyAccount(db, city, input);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.data.newCompany).toBe(true);
    const [u] = rowsOf<{ password_hash: string; must_change_password: boolean; role: string }>(
      await db.execute(sql`select password_hash, must_change_password, role from users where username = 'newco-op'`),
    );
    expect(u!.role).toBe('company');
    expect(u!.must_change_password).toBe(true);
    expect(await verifyPassword(u!.password_hash, created.data.temporaryPassword)).toBe(true);
    const company = (await getCompanyBasics(db, created.data.companyId))!;
    expect(company).toMatchObject({ uscc: NEW_USCC, filingStatus: 'draft', version: 0 });

    // Until the temporary password is changed, the operator can do nothing.
    let op = await actorFor(db, 'newco-op');
    const filing = {
      name: '遂宁市测试新物业服务有限公司',
      uscc: NEW_USCC,
      address: '四川省遂宁市安居区柔刚路8号',
      registeredCapital: 500,
      legalRepresentative: '赵法人',
      contactPhone: '0825-8881234',
      districtId: '510904',
      managers: [{ kind: '主要负责人', name: '赵法人', title: '总经理' }],
    };
    const pdf = { bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF'), filename: '执照.pdf' };
    expect(await saveFiling(db, op, { submit: true, data: filing, licence: pdf })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await db.execute(sql`update users set must_change_password = false where username = 'newco-op'`);
    op = await actorFor(db, 'newco-op');

    // The credit code may be corrected in a first filing, but not to another company's.
    const other = rowsOf<{ uscc: string }>(await db.execute(sql`select uscc from companies where id <> ${company.id} limit 1`))[0]!.uscc;
    const clash = await saveFiling(db, op, { submit: true, data: { ...filing, uscc: other }, licence: pdf });
    expect(!clash.ok && clash.fieldErrors?.uscc?.[0]).toBe('该统一社会信用代码已由其他企业使用，请核对');
    const noLicence = await saveFiling(db, op, { submit: true, data: filing });
    expect(!noLicence.ok && noLicence.fieldErrors?.licence?.[0]).toBe('请上传营业执照扫描件');

    const s = await saveFiling(db, op, { submit: true, data: filing, licence: pdf });
    expect(s).toMatchObject({ ok: true, data: { status: 'submitted' } });
    expect((await getCompanyBasics(db, company.id))!.filingStatus).toBe('pending');
    const id = s.ok ? s.data.id : '';
    const [row] = rowsOf<{ version: number; type: string }>(await db.execute(sql`select version, type from submissions where id = ${id}`));
    expect(row!.type).toBe('company_filing');
    expect(await decideFiling(db, city, { submissionId: id, version: row!.version, decision: 'approved' })).toMatchObject({ ok: true });
    const approved = (await getCompanyBasics(db, company.id))!;
    expect(approved).toMatchObject({ filingStatus: 'approved', version: 1, address: '四川省遂宁市安居区柔刚路8号', legalRepresentative: '赵法人' });
    expect(approved.managers).toEqual([{ kind: '主要负责人', name: '赵法人', title: '总经理', qualification: '' }]);
  });

  it('adds a second operator to a company already on the platform', async () => {
    const r = await createCompanyAccount(db, city, { ...input, companyName: '', username: 'newco-op2', displayName: '钱二' });
    expect(r).toMatchObject({ ok: true, data: { newCompany: false, companyName: '遂宁市测试新物业服务有限公司' } });
    expect(await n(sql`select count(*)::int as n from companies where uscc = ${NEW_USCC}`)).toBe(1);
  });
});
