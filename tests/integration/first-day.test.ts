/**
 * The README's "第一天：一个真实城市的开通 (first day of a real city)", walked on an EMPTY database on both drivers:
 * migrations, the first administrator (the code of `npm run user:create-admin`), the first password change, the
 * region and estate imports from docs/examples/*.xlsx (preview, confirm, re-import), one account of every role, and
 * the account's life: deactivate, reactivate, reset the password, change the scope. Each account then signs in
 * through lib/auth/login.ts and is loaded with the scope the city gave it.
 */
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDbHandleForTests, type Db } from '@/db';
import { loadSessionActor, setPassword } from '@/db/queries/auth';
import { estateProposals, projects, users } from '@/db/schema';
import { attemptLogin } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/passwords';
import { can, idleLimitSeconds, type Actor } from '@/lib/auth/policy';
import { usccCheckChar } from '@/lib/domain/uscc';
import { createCompanyAccount } from '@/lib/services/accounts';
import { importEstates, importRegions } from '@/lib/services/city-setup';
import { createEstate, decideEstateProposal, editEstate, proposeEstate } from '@/lib/services/estates';
import { createFirstAdmin } from '@/lib/services/first-admin';
import { changeAccountScope, createRoleAccount, deactivateAccount, reactivateAccount, resetAccountPassword } from '@/lib/services/role-accounts';
import { DRIVERS, openEmptyDb, rowsOf, type TestDb } from './helpers/db';

const regionsFile = new Uint8Array(readFileSync('docs/examples/regions.xlsx'));
const estatesFile = new Uint8Array(readFileSync('docs/examples/estates.xlsx'));
const NEW_PASSWORD = 'Suining-First-Day-2026';
const USCC = '91510903MA6TF1D01' + usccCheckChar('91510903MA6TF1D01');

describe.each(DRIVERS)('first day of a real city on %s', (driver) => {
  let t: TestDb;
  let db: Db;
  let ipCounter = 0;
  const ip = () => `10.0.${driver === 'pglite' ? 1 : 2}.${++ipCounter}`;

  /** Signs in as a real request does; the actor with its scope, or the reason it failed. */
  async function signIn(username: string, password: string) {
    const r = await attemptLogin(username, password, ip());
    if (!r.ok) return { ok: false as const, reason: r.reason };
    const loaded = await loadSessionActor(db, r.sessionId, idleLimitSeconds);
    return { ok: true as const, sessionId: r.sessionId, valid: loaded!.valid, actor: { ...loaded!.actor, ip: '127.0.0.1' } as Actor };
  }
  const count = async (table: string) => Number(rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
  const audited = async (action: string) => Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_events where action = ${action}`))[0]!.n);

  let city: Actor;
  const temp: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openEmptyDb(driver);
    db = t.handle.db;
    setDbHandleForTests(t.handle);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await t.cleanup();
  });

  it('starts empty: no account, no region, no estate', async () => {
    expect([await count('users'), await count('regions'), await count('projects')]).toEqual([0, 0, 0]);
  });

  it('creates the first administrator, who must change the temporary password before anything else', async () => {
    const admin = await createFirstAdmin(db, { username: 'admin', name: '张局长', org: '遂宁市住房和城乡建设局' });
    expect(admin?.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await createFirstAdmin(db, { username: 'admin', name: '别人', org: 'x' })).toBeNull();
    const first = await signIn('admin', admin!.temporaryPassword);
    expect(first.ok && first.actor.mustChangePassword).toBe(true);
    if (!first.ok) return;
    expect(can(first.actor, 'user.manage')).toBe(false);
    await setPassword(db, first.actor.userId, await hashPassword(NEW_PASSWORD));
    const second = await signIn('admin', NEW_PASSWORD);
    expect(second.ok && second.valid && !second.actor.mustChangePassword && second.actor.role).toBe('city');
    if (second.ok) city = second.actor;
  });

  it('imports the regions: a row-by-row preview writes nothing, the confirmation writes all, a re-import nothing', async () => {
    const preview = await importRegions(db, city, { file: regionsFile, confirm: false });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data).toMatchObject({ confirmed: false, total: 13, refused: 0, inserted: 13 });
    expect(await count('regions')).toBe(0);

    const done = await importRegions(db, city, { rowsJson: JSON.stringify(preview.data.input), confirm: true });
    expect(done.ok && done.data.confirmed && done.data.inserted).toBe(13);
    expect(await count('regions')).toBe(13);
    expect(await audited('region.imported')).toBe(1);

    const again = await importRegions(db, city, { file: regionsFile, confirm: true });
    expect(again.ok && [again.data.inserted, again.data.updated, again.data.unchanged]).toEqual([0, 0, 13]);
    expect(await count('regions')).toBe(13);
  });

  it('refuses a file with one bad row and writes none of its rows', async () => {
    const rows = [
      { row: 2, code: '510903003', name: '新街道', level: '街道乡镇', parent: '510903' },
      { row: 3, code: '510999001', name: '某街道', level: '街道乡镇', parent: '510999' },
    ];
    const r = await importRegions(db, city, { rowsJson: JSON.stringify(rows), confirm: true });
    expect(r.ok ? 'OK' : r.code).toBe('INVALID');
    expect(await count('regions')).toBe(13);
    const preview = await importRegions(db, city, { rowsJson: JSON.stringify(rows), confirm: false });
    expect(preview.ok && preview.data.rows[1]!.errors[0]!.message).toBe('上级区划代码 510999 不在本表中，也未在平台登记');
  });

  it('imports the estates into their regions, idempotently', async () => {
    const done = await importEstates(db, city, { file: estatesFile, confirm: true });
    expect(done.ok && [done.data.inserted, done.data.refused]).toEqual([4, 0]);
    const [kx] = await db.select().from(projects).where(eq(projects.name, '凯旋花园'));
    expect(kx).toMatchObject({ districtId: '510903', streetId: '510903001', communityId: '510903001001', type: '住宅', households: 620, hasOwnersCommittee: true });
    expect(Number(kx!.floorArea)).toBe(71500.5);
    ids.estate = kx!.id;
    const again = await importEstates(db, city, { file: estatesFile, confirm: true });
    expect(again.ok && [again.data.inserted, again.data.updated, again.data.unchanged]).toEqual([0, 0, 4]);
    expect(await count('projects')).toBe(4);
    expect(await audited('estate.imported')).toBe(2);
  });

  it('opens an account of every role, each with a temporary password and its scope', async () => {
    const open = async (input: Record<string, string>) => {
      const r = await createRoleAccount(db, city, input);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) throw new Error(r.message);
      temp[input.username!] = r.data.temporaryPassword;
      ids[input.username!] = r.data.userId;
      return r.data;
    };
    expect((await open({ role: 'district', username: 'cs-review', displayName: '船山审核', districtId: '510903' })).scope).toBe('船山区');
    expect((await open({ role: 'street', username: 'kx-street', displayName: '凯旋街道', regionId: '510903001' })).scope).toBe('凯旋路街道');
    expect((await open({ role: 'street', username: 'my-community', displayName: '明月社区', regionId: '510903001002' })).scope).toBe('凯旋路街道明月社区');
    expect((await open({ role: 'committee', username: 'kx-committee', displayName: '凯旋业委会', projectId: ids.estate! })).scope).toBe('凯旋花园业主委员会');
    await open({ role: 'department', username: 'scjg', displayName: '市监局', organisationName: '遂宁市市场监督管理局' });
    await open({ role: 'association', username: 'xiehui', displayName: '协会', organisationName: '遂宁市物业管理协会' });
    expect((await open({ role: 'city', username: 'admin2', displayName: '李科长' })).scope).toBe('遂宁市住房和城乡建设局');
    const company = await createCompanyAccount(db, city, { uscc: USCC, companyName: '遂宁市开通物业服务有限公司', districtId: '510903', username: 'kt-op', displayName: '王经理' });
    expect(company.ok).toBe(true);
    if (company.ok) temp['kt-op'] = company.data.temporaryPassword;

    // A second committee account for the same estate joins the same committee.
    await open({ role: 'committee', username: 'kx-committee2', displayName: '凯旋业委会2', projectId: ids.estate! });
    const orgs = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from organisations where kind = 'owners_committee'`));
    expect(Number(orgs[0]!.n)).toBe(1);
    expect(await audited('user.created')).toBe(10);

    const dup = await createRoleAccount(db, city, { role: 'district', username: 'CS-REVIEW', displayName: 'x', districtId: '510903' });
    expect(!dup.ok && dup.fieldErrors?.username).toEqual(['该账号已被使用，请换一个']);
    const unknown = await createRoleAccount(db, city, { role: 'district', username: 'ghost', displayName: 'x', districtId: '510999' });
    expect(!unknown.ok && unknown.fieldErrors?.districtId).toEqual(['该区县未在平台登记，请先导入区划']);
  });

  it('signs every new account in with the scope the city gave it', async () => {
    const scopeOf = async (username: string) => {
      const s = await signIn(username, temp[username]!);
      expect(s.ok, username).toBe(true);
      if (!s.ok) throw new Error(username);
      expect(s.actor.mustChangePassword).toBe(true);
      return s.actor;
    };
    expect(await scopeOf('cs-review')).toMatchObject({ role: 'district', districtId: '510903', districtName: '船山区' });
    expect(await scopeOf('kx-street')).toMatchObject({ role: 'street', regionId: '510903001', organisationName: '凯旋路街道办事处' });
    expect(await scopeOf('my-community')).toMatchObject({ role: 'street', regionId: '510903001002', organisationName: '明月社区居民委员会' });
    expect(await scopeOf('kx-committee')).toMatchObject({ role: 'committee', projectId: ids.estate, projectName: '凯旋花园' });
    expect(await scopeOf('scjg')).toMatchObject({ role: 'department', organisationName: '遂宁市市场监督管理局' });
    expect(await scopeOf('xiehui')).toMatchObject({ role: 'association', organisationName: '遂宁市物业管理协会' });
    expect(await scopeOf('admin2')).toMatchObject({ role: 'city', organisationName: '遂宁市住房和城乡建设局' });
    expect(await scopeOf('kt-op')).toMatchObject({ role: 'company', companyName: '遂宁市开通物业服务有限公司' });
  });

  it('deactivates (the session ends at once), reactivates, resets the password and changes the scope, each audited', async () => {
    const s = await signIn('cs-review', temp['cs-review']!);
    expect(s.ok && s.valid).toBe(true);
    if (!s.ok) return;

    expect((await deactivateAccount(db, city, { userId: ids['cs-review'] })).ok).toBe(true);
    expect((await loadSessionActor(db, s.sessionId, idleLimitSeconds))?.valid).toBe(false);
    expect((await signIn('cs-review', temp['cs-review']!)).ok).toBe(false);
    const twice = await deactivateAccount(db, city, { userId: ids['cs-review'] });
    expect(!twice.ok && twice.code).toBe('CONFLICT');

    expect((await reactivateAccount(db, city, { userId: ids['cs-review'] })).ok).toBe(true);
    expect((await signIn('cs-review', temp['cs-review']!)).ok).toBe(true);

    const reset = await resetAccountPassword(db, city, { userId: ids['cs-review'] });
    expect(reset.ok).toBe(true);
    if (!reset.ok) return;
    expect(reset.data.temporaryPassword).not.toBe(temp['cs-review']);
    expect((await signIn('cs-review', temp['cs-review']!)).ok).toBe(false);
    const after = await signIn('cs-review', reset.data.temporaryPassword);
    expect(after.ok && after.actor.mustChangePassword).toBe(true);

    const moved = await changeAccountScope(db, city, { userId: ids['cs-review'], districtId: '510981' });
    expect(moved.ok && moved.data.scope).toBe('射洪市');
    if (after.ok) expect((await loadSessionActor(db, after.sessionId, idleLimitSeconds))?.valid).toBe(false);
    const moved2 = await signIn('cs-review', reset.data.temporaryPassword);
    expect(moved2.ok && moved2.actor.districtId).toBe('510981');
    const same = await changeAccountScope(db, city, { userId: ids['cs-review'], districtId: '510981' });
    expect(!same.ok && same.fieldErrors?.districtId).toEqual(['辖区没有变化']);

    const street = await changeAccountScope(db, city, { userId: ids['kx-street'], regionId: '510903002' });
    expect(street.ok && street.data.scope).toBe('南津路街道');

    for (const [action, n] of [['user.deactivated', 1], ['user.reactivated', 1], ['user.password_reset', 1], ['user.scope_changed', 2]] as const) {
      expect(await audited(action), action).toBe(n);
    }
    const [audit] = rowsOf<{ after: string }>(await db.execute(sql`select after::text as after from audit_events where action = 'user.password_reset'`));
    expect(audit!.after).not.toContain(reset.data.temporaryPassword);
  });

  it('never lets a city administrator deactivate themself or the last active one', async () => {
    const self = await deactivateAccount(db, city, { userId: city.userId });
    expect(!self.ok && self.message).toBe('不能停用自己的账号');
    const s2 = await signIn('admin2', temp['admin2']!);
    if (!s2.ok) throw new Error('admin2');
    const admin2 = { ...s2.actor, mustChangePassword: false };
    expect((await deactivateAccount(db, city, { userId: ids.admin2 })).ok).toBe(true);
    // admin2's page was open before the deactivation: it tries to deactivate the only active administrator left.
    const last = await deactivateAccount(db, admin2, { userId: city.userId });
    expect(!last.ok && last.message).toBe('这是最后一个启用的市级管理员账号，不能停用');
    const [u] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, city.userId));
    expect(u!.disabledAt).toBeNull();
  });

  it('refuses every step to a district account and writes nothing', async () => {
    const d = await signIn('cs-review', (await resetAccountPassword(db, city, { userId: ids['cs-review'] }).then((r) => (r.ok ? r.data.temporaryPassword : ''))));
    if (!d.ok) throw new Error('sign-in');
    const district = { ...d.actor, mustChangePassword: false };
    const before = [await count('users'), await count('regions'), await count('projects'), await count('organisations')];
    const audits = await count('audit_events');
    const answers = [
      await createRoleAccount(db, district, { role: 'district', username: 'sneaky', displayName: 'x', districtId: '510903' }),
      await importRegions(db, district, { file: regionsFile, confirm: true }),
      await importEstates(db, district, { file: estatesFile, confirm: true }),
      await deactivateAccount(db, district, { userId: ids.scjg }),
      await reactivateAccount(db, district, { userId: ids.admin2 }),
      await resetAccountPassword(db, district, { userId: ids.scjg }),
      await changeAccountScope(db, district, { userId: ids.scjg, organisationName: '别的单位' }),
      await createRoleAccount(db, null, { role: 'district', username: 'sneaky', displayName: 'x', districtId: '510903' }),
    ];
    expect(answers.map((a) => (a.ok ? 'OK' : a.code))).toEqual([...Array(7).fill('FORBIDDEN'), 'UNAUTHENTICATED']);
    expect([await count('users'), await count('regions'), await count('projects'), await count('organisations')]).toEqual(before);
    expect(await count('audit_events')).toBe(audits);
  });

  it('takes estates one by one: a district proposes, the city returns or confirms, both edit under a lock', async () => {
    const opened = await createRoleAccount(db, city, { role: 'district', username: 'cs-estates', displayName: '船山项目', districtId: '510903' });
    if (!opened.ok) throw new Error(opened.message);
    const s = await signIn('cs-estates', opened.data.temporaryPassword);
    if (!s.ok) throw new Error('cs-estates');
    const chuanshan = { ...s.actor, mustChangePassword: false };
    const fields = { name: '南津新苑', address: '船山区南津路 30 号', streetId: '510903002', communityId: '510903002001', type: '住宅', households: '240', floorArea: '26000', hasOwnersCommittee: 'false' };

    // The district field is the district's own, whatever is sent; a street of another district is refused.
    const first = await proposeEstate(db, chuanshan, { ...fields, districtId: '510981' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const [p1] = await db.select().from(estateProposals).where(eq(estateProposals.id, first.data.id));
    expect(p1).toMatchObject({ districtId: '510903', status: 'pending' });
    const wrongStreet = await proposeEstate(db, chuanshan, { ...fields, streetId: '510981001', communityId: '' });
    expect(!wrongStreet.ok && wrongStreet.fieldErrors?.streetId).toEqual(['该街道乡镇不属于所选区县']);
    expect(await count('projects')).toBe(4);

    const noReason = await decideEstateProposal(db, city, { id: p1!.id, version: 1, decision: 'return', reason: '' });
    expect(!noReason.ok && noReason.fieldErrors?.reason).toEqual(['退回时请写明理由']);
    expect((await decideEstateProposal(db, city, { id: p1!.id, version: 1, decision: 'return', reason: '户数与备案不符，请核对' })).ok).toBe(true);
    const stale = await decideEstateProposal(db, city, { id: p1!.id, version: 1, decision: 'confirm' });
    expect(!stale.ok && stale.code).toBe('CONFLICT');
    expect(await count('projects')).toBe(4);

    const second = await proposeEstate(db, chuanshan, { ...fields, households: '260' });
    if (!second.ok) throw new Error(second.message);
    expect((await decideEstateProposal(db, chuanshan, { id: second.data.id, version: 1, decision: 'confirm' })).ok).toBe(false);
    const confirmed = await decideEstateProposal(db, city, { id: second.data.id, version: 1, decision: 'confirm' });
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    const [estate] = await db.select().from(projects).where(eq(projects.id, confirmed.data.projectId!));
    expect(estate).toMatchObject({ name: '南津新苑', districtId: '510903', households: 260, version: 1 });

    // The city creates one directly; a duplicate name in the district is refused.
    const direct = await createEstate(db, city, { ...fields, name: '射洪新城', districtId: '510981', streetId: '', communityId: '' });
    expect(direct.ok).toBe(true);
    const dup = await createEstate(db, city, { ...fields, districtId: '510903' });
    expect(!dup.ok && dup.fieldErrors?.name).toEqual(['本区县已有同名项目']);

    // Both edit; the second of two edits from the same version loses; a district cannot reach another district's estate.
    const edit = { ...fields, id: estate!.id, version: '1', households: '262' };
    const byDistrict = await editEstate(db, chuanshan, { ...edit, districtId: '510981' });
    expect(byDistrict.ok && byDistrict.data.version).toBe(2);
    const lost = await editEstate(db, city, { ...edit, districtId: '510903', households: '300' });
    expect(!lost.ok && lost.code).toBe('CONFLICT');
    const [after] = await db.select().from(projects).where(eq(projects.id, estate!.id));
    expect([after!.households, after!.districtId]).toEqual([262, '510903']);
    if (!direct.ok) return;
    const outside = await editEstate(db, chuanshan, { ...fields, id: direct.data.id, version: '1' });
    expect(!outside.ok && outside.code).toBe('NOT_FOUND');
    for (const [action, n] of [['estate.proposed', 2], ['estate.proposal.returned', 1], ['estate.proposal.confirmed', 1], ['estate.created', 2], ['estate.updated', 1]] as const) {
      expect(await audited(action), action).toBe(n);
    }
  });
});
