import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getCurrentPolicy, listPolicyVersions } from '@/db/queries/policy';
import type { Actor } from '@/lib/auth/policy';
import { defaultCreditPolicy, type CreditPolicy } from '@/lib/domain/credit-policy';
import { savePolicyVersion } from '@/lib/services/credit-policy';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

describe.each(DRIVERS)('the city edits the credit policy, one version per save (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let city: Actor;
  const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]!.n);
  const footprint = async () => ({
    versions: await n(sql`select count(*)::int as n from credit_policies`),
    audit: await n(sql`select count(*)::int as n from audit_events where action = 'credit_policy.saved'`),
    current: await getCurrentPolicy(db),
  });
  const withCap = (cap: number): CreditPolicy => ({ ...structuredClone(defaultCreditPolicy), associationCommendationsPerYear: cap });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    city = await actorFor(db, 'city');
  });
  afterAll(() => t.cleanup());

  it('starts from the seeded version 1 with the SPEC §4 defaults', async () => {
    expect(await getCurrentPolicy(db)).toEqual({ version: 1, settings: defaultCreditPolicy });
  });

  it('refuses anonymous, district and company users, changing nothing', async () => {
    const before = await footprint();
    const input = { settings: withCap(120), reason: '调整协会表彰上限', baseVersion: 1 };
    expect(await savePolicyVersion(db, null, input)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await savePolicyVersion(db, await actorFor(db, 'chuanshan'), input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await savePolicyVersion(db, await actorFor(db, 'company'), input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await savePolicyVersion(db, await actorFor(db, 'association'), input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await footprint()).toEqual(before);
  });

  it('refuses invalid settings and a missing reason with field errors, changing nothing', async () => {
    const before = await footprint();
    const bad = withCap(120);
    bad.grades = { A: 90, B: 90, C: 75 };
    bad.warningPublicityMonths = { 轻微: [0, 6], 一般: [3, 12], 严重: [12, 36] };
    const r = await savePolicyVersion(db, city, { settings: bad, reason: '改', baseVersion: 1 });
    expect(r).toMatchObject({ ok: false, code: 'INVALID' });
    if (r.ok) return;
    // The per-field range catches 轻微 > 3 months before the cross checks run.
    expect(r.fieldErrors).toEqual({ 'warningPublicityMonths.轻微.1': ['不能大于 3'], reason: ['修改原因至少 4 个字'] });
    const cross = await savePolicyVersion(db, city, { settings: { ...withCap(120), grades: { A: 90, B: 90, C: 75 } }, reason: '调整分数线', baseVersion: 1 });
    expect(cross).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { 'grades.A': ['A 级分数线须高于 B 级分数线'] } });
    const same = await savePolicyVersion(db, city, { settings: defaultCreditPolicy, reason: '没有改动', baseVersion: 1 });
    expect(same).toMatchObject({ ok: false, code: 'INVALID', message: '没有修改任何设置' });
    expect(await footprint()).toEqual(before);
  });

  it('saves version 2 with who and why, audited with the settings before and after', async () => {
    const r = await savePolicyVersion(db, city, { settings: withCap(120), reason: '协会表彰名额增加', baseVersion: 1 });
    expect(r).toEqual({ ok: true, data: { version: 2 } });
    expect(await getCurrentPolicy(db)).toEqual({ version: 2, settings: withCap(120) });
    const [v2] = await listPolicyVersions(db);
    expect(v2).toMatchObject({ version: 2, reason: '协会表彰名额增加', createdByName: expect.any(String) });
    const audits = rowsOf<{ actor_id: string; object_id: string; before: { version: number; settings: CreditPolicy }; after: { version: number; settings: CreditPolicy } }>(
      await db.execute(sql`select actor_id, object_id, before, after from audit_events where action = 'credit_policy.saved'`),
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: city.userId, object_id: '2' });
    expect(audits[0]!.before).toMatchObject({ version: 1, settings: { associationCommendationsPerYear: 100 } });
    expect(audits[0]!.after).toMatchObject({ version: 2, settings: { associationCommendationsPerYear: 120 } });
  });

  it('refuses a save based on a version someone else has replaced, changing nothing', async () => {
    const before = await footprint();
    const r = await savePolicyVersion(db, city, { settings: withCap(130), reason: '基于旧版本修改', baseVersion: 1 });
    expect(r).toEqual({ ok: false, code: 'CONFLICT', message: '政策已被他人修改，请刷新后重试' });
    expect(await footprint()).toEqual(before);
  });

  it('of two saves on the same version, only one wins', async () => {
    const results = await Promise.all([
      savePolicyVersion(db, city, { settings: withCap(140), reason: '第一位编辑修改', baseVersion: 2 }),
      savePolicyVersion(db, city, { settings: withCap(150), reason: '第二位编辑修改', baseVersion: 2 }),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok)).toEqual([{ ok: false, code: 'CONFLICT', message: '政策已被他人修改，请刷新后重试' }]);
    const current = await getCurrentPolicy(db);
    expect(current.version).toBe(3);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'credit_policy.saved'`)).toBe(2);
  });
});
