import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInboxItem } from '@/db/queries/inbox';
import { decideContract, registerContract } from '@/lib/services/contracts';
import { markInboxRead, readInbox, setOwnEmail, unreadInboxCount } from '@/lib/services/inbox';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const CHUANSHAN = '510903';
const AT = new Date('2026-11-20T02:00:00Z');

describe.each(DRIVERS)('inbox (%s)', (driver) => {
  let t: TestDb;
  const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.handle.db.execute(query));
  const one = async <T>(query: ReturnType<typeof sql>) => (await q<T>(query))[0]!;
  const actor = (u: string) => actorFor(t.handle.db, u);
  const titles = async (u: string) => {
    const r = await readInbox(t.handle.db, await actor(u), { page: 1 });
    if (!r.ok) throw new Error(r.message);
    return r.data.rows.map((x) => x.title);
  };
  let rejectedItem: string;
  let companyId: string;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    const company = await actor('company');
    companyId = company.companyId!;
    // A second operator account of the same company.
    await t.handle.db.execute(sql`insert into users (username, display_name, password_hash, role, company_id)
      values ('company-b', '企业操作员乙', 'x', 'company', ${companyId})`);
    const estate = await one<{ id: string }>(sql`select id from projects where district_id = ${CHUANSHAN} order by name limit 1`);
    const reg = await registerContract(
      t.handle.db, company,
      { projectId: estate.id, startDate: '2031-01-01', endDate: '2033-12-31', annualFees: '1000000', bondAmount: '60000' },
      { today: '2026-11-20' },
    );
    expect(reg).toMatchObject({ ok: true });
    const id = (reg as { data: { id: string } }).data.id;
    const dec = await decideContract(t.handle.db, await actor('chuanshan'), { id, version: 1, decision: 'reject', reason: '合同期限与业主大会决议不符' }, { today: '2026-11-20' });
    expect(dec).toMatchObject({ ok: true, data: { status: 'rejected' } });
    rejectedItem = (await one<{ id: string }>(sql`select id from inbox_items where kind = 'submission_rejected' and audience = 'company' and audience_id = ${companyId} and body = '合同期限与业主大会决议不符'`)).id;
    await t.handle.db.transaction(async (tx) => {
      await addInboxItem(tx, { audience: 'district', audienceId: CHUANSHAN, kind: 'deadline_soon', title: '船山区测试期限', dueOn: '2026-11-22', dedupeKey: 'test:district', link: '/bureau' });
      await addInboxItem(tx, { audience: 'city', kind: 'consent_request', title: '市局测试消息', dedupeKey: 'test:city' });
    });
  });
  afterAll(() => t?.cleanup());

  it('a decision on a submission reaches every account of the filing company, in the deciding transaction, once', async () => {
    const item = await one<{ title: string; link: string; audience_id: string }>(sql`select title, link, audience_id from inbox_items where id = ${rejectedItem}`);
    expect(item).toEqual({ title: '物业服务合同登记未通过', link: '/company/projects', audience_id: companyId });
    expect(await titles('company')).toContain('物业服务合同登记未通过');
    expect(await titles('company-b')).toContain('物业服务合同登记未通过');
    // the same decision round never adds a second item
    expect(await one(sql`select count(*)::int as n from inbox_items where dedupe_key like ${'submission:%'} and id = ${rejectedItem}`)).toEqual({ n: 1 });
  });

  it('another company, another district and other roles see none of it', async () => {
    for (const u of ['company2', 'shehong', 'association', 'committee', 'street', 'department']) {
      expect(await titles(u)).not.toContain('物业服务合同登记未通过');
      expect(await titles(u)).not.toContain('船山区测试期限');
    }
    expect(await titles('chuanshan')).toContain('船山区测试期限');
    expect(await titles('chuanshan')).not.toContain('市局测试消息');
    expect(await titles('city')).toContain('市局测试消息');
    expect(await titles('city')).not.toContain('船山区测试期限');
  });

  it('marking read is per account and scoped: another company’s account gets NOT_FOUND and writes nothing', async () => {
    const reads = () => one<{ n: number }>(sql`select count(*)::int as n from inbox_reads`);
    const before = await reads();
    expect(await markInboxRead(t.handle.db, null, { id: rejectedItem }, { now: AT })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await markInboxRead(t.handle.db, await actor('company2'), { id: rejectedItem }, { now: AT })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await markInboxRead(t.handle.db, await actor('chuanshan'), { id: rejectedItem }, { now: AT })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await markInboxRead(t.handle.db, await actor('company'), { id: 'not-a-uuid' }, { now: AT })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await reads()).toEqual(before);
    // "all" of company2 marks only company2's items
    await markInboxRead(t.handle.db, await actor('company2'), { all: '1' }, { now: AT });
    expect(await one(sql`select count(*)::int as n from inbox_reads where item_id = ${rejectedItem}`)).toEqual({ n: 0 });

    const a = await actor('company');
    const b = await actor('company-b');
    const unreadA = await unreadInboxCount(t.handle.db, a);
    const unreadB = await unreadInboxCount(t.handle.db, b);
    expect(await markInboxRead(t.handle.db, a, { id: rejectedItem }, { now: AT })).toEqual({ ok: true, data: { marked: 1 } });
    expect(await unreadInboxCount(t.handle.db, a)).toBe(unreadA - 1);
    expect(await unreadInboxCount(t.handle.db, b)).toBe(unreadB);
    // again: already read, nothing changes
    expect(await markInboxRead(t.handle.db, a, { id: rejectedItem }, { now: AT })).toEqual({ ok: true, data: { marked: 0 } });
    expect(await one(sql`select count(*)::int as n from audit_events where action = 'inbox.read' and actor_id = ${a.userId}`)).toEqual({ n: 1 });
    const r = await readInbox(t.handle.db, a, { page: 1, unreadOnly: true });
    expect(r.ok && r.data.rows.some((x) => x.id === rejectedItem)).toBe(false);
  });

  it('a returned submission filed without a company goes to the filing account', async () => {
    const street = await actor('street');
    const s = await one<{ id: string }>(sql`insert into submissions (type, status, company_id, district_id, payload, submitted_by)
      values ('bad_report', 'submitted', null, ${CHUANSHAN}, '{}', ${street.userId}) returning id`);
    await t.handle.db.execute(sql`update submissions set status = 'returned', reason = '请补充证据', version = version + 1 where id = ${s.id}`);
    await t.handle.db.execute(sql`update submissions set status = 'returned', reason = '请补充证据' where id = ${s.id}`);
    expect(await q(sql`select audience, audience_id, kind, title from inbox_items where dedupe_key like ${'submission:' + s.id + ':%'}`)).toEqual([
      { audience: 'user', audience_id: street.userId, kind: 'submission_returned', title: '不良行为线索已退回修改' },
    ]);
    expect(await titles('street')).toContain('不良行为线索已退回修改');
    expect(await titles('committee')).not.toContain('不良行为线索已退回修改');
  });

  it('an account sets and clears its own e-mail address, with Chinese field errors and an audit row', async () => {
    expect(await setOwnEmail(t.handle.db, null, { email: 'a@b.cn' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const c = await actor('company');
    const bad = await setOwnEmail(t.handle.db, c, { email: 'not-an-address' });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { email: ['请输入有效的邮箱地址，例如 name@example.gov.cn'] } });
    expect(await one(sql`select email from users where id = ${c.userId}`)).toEqual({ email: null });
    expect(await setOwnEmail(t.handle.db, c, { email: ' Ops@Example.GOV.cn ' })).toEqual({ ok: true, data: { email: 'ops@example.gov.cn' } });
    expect(await one(sql`select email from users where id = ${c.userId}`)).toEqual({ email: 'ops@example.gov.cn' });
    expect(await setOwnEmail(t.handle.db, c, { email: '' })).toEqual({ ok: true, data: { email: null } });
    expect(await one(sql`select count(*)::int as n from audit_events where action = 'account.email.set' and object_id = ${c.userId}`)).toEqual({ n: 2 });
  });
});
