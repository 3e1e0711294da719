import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { basicsAsInput, getCompanyBasics, getFilingInScope, listCompanyFilings, listFilingQueue } from '@/db/queries/company-filing';
import type { Actor } from '@/lib/auth/policy';
import { decideFiling, saveFiling, withdrawFiling } from '@/lib/services/company-filing';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const PASSWORD_TODAY = '2026-11-23';

async function licenceWithGps() {
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'SECRET-ARTIST', Copyright: 'GPS 30.5N 105.6E' } })
    .toBuffer();
  return { bytes: new Uint8Array(bytes), filename: 'licence.jpg' };
}

describe.each(DRIVERS)('company filing and changes of basic information (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let city: Actor;
  let city2: Actor;
  let chuanshan: Actor;
  let committee: Actor;

  const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]!.n);
  /** Everything a filing can touch: nothing of it may change on a refused call. */
  const footprint = async () => ({
    submissions: await n(sql`select count(*)::int as n from submissions where type in ('company_filing','company_change')`),
    subVersions: await n(sql`select coalesce(sum(version),0)::int as n from submissions where type in ('company_filing','company_change')`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
    companyVersions: await n(sql`select coalesce(sum(version),0)::int as n from companies`),
    versionsRows: await n(sql`select count(*)::int as n from company_versions`),
    audit: await n(sql`select count(*)::int as n from audit_events where action like 'company.filing.%'`),
  });

  const change = async (over: Record<string, unknown> = {}) => {
    const basics = (await getCompanyBasics(db, company.companyId!))!;
    return { ...basicsAsInput(basics), ...over };
  };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2, city, city2, chuanshan, committee] = await Promise.all(
      ['company', 'company2', 'city', 'city', 'chuanshan', 'committee'].map((u) => actorFor(db, u)),
    );
  });
  afterAll(() => t.cleanup());

  it('refuses anonymous, other roles and bad input without writing anything', async () => {
    const before = await footprint();
    const data = await change({ address: '四川省遂宁市船山区新址路1号' });
    expect(await saveFiling(db, null, { submit: true, data })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await saveFiling(db, chuanshan, { submit: true, data })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await saveFiling(db, committee, { submit: true, data })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const badUscc = await saveFiling(db, company, { submit: true, data: { ...data, uscc: '91510900MA62X1234A' } });
    expect(badUscc).toMatchObject({ ok: false, code: 'INVALID' });
    expect(!badUscc.ok && badUscc.fieldErrors?.uscc?.[0]).toMatch(/校验|统一社会信用代码/);

    const badPhone = await saveFiling(db, company, { submit: true, data: { ...data, contactPhone: '12345' } });
    expect(!badPhone.ok && badPhone.fieldErrors?.contactPhone?.[0]).toContain('电话');

    const noManager = await saveFiling(db, company, { submit: true, data: { ...data, managers: [{ kind: '项目经理', name: '王五' }] } });
    expect(!noManager.ok && noManager.fieldErrors?.managers?.[0]).toBe('至少填写一名主要负责人');

    // The address is on the licence: changing it without the new licence is refused at the field.
    const noLicence = await saveFiling(db, company, { submit: true, data });
    expect(!noLicence.ok && noLicence.fieldErrors?.licence?.[0]).toContain('营业执照');

    const notAFile = await saveFiling(db, company, { submit: true, data, licence: { bytes: new TextEncoder().encode('hello'), filename: 'x.pdf' } });
    expect(!notAFile.ok && notAFile.fieldErrors?.licence?.[0]).toBe('只接受 PDF、JPEG、PNG 或 WebP 格式的文件');

    const otherUscc = await saveFiling(db, company, { submit: true, data: { ...data, uscc: company2.companyId ? (await getCompanyBasics(db, company2.companyId))!.uscc : '' } });
    expect(!otherUscc.ok && otherUscc.fieldErrors?.uscc?.[0]).toContain('不能通过信息变更修改');

    const same = await saveFiling(db, company, { submit: true, data: await change() });
    expect(!same.ok && same.fieldErrors?._form?.[0]).toBe('与当前备案信息相同，无需提交变更');

    expect(await footprint()).toEqual(before);
  });

  it('a change goes from draft to the city, which sees what changed and approves it; every version is kept', async () => {
    const before = await footprint();
    const basics = (await getCompanyBasics(db, company.companyId!))!;
    const data = await change({
      address: '四川省遂宁市船山区明月路88号',
      managers: [...basicsAsInput(basics).managers, { kind: '工程技术人员', name: '周工程', title: '工程部经理', qualification: '电气工程师' }],
    });
    const draft = await saveFiling(db, company, { submit: false, data, licence: await licenceWithGps(), idempotencyKey: 'draft-key-0001' });
    expect(draft).toMatchObject({ ok: true, data: { status: 'draft' } });
    const id = draft.ok ? draft.data.id : '';

    // Drafts are the company's own: neither another company nor the city can see them.
    expect(await getFilingInScope(db, company2, id)).toBeNull();
    expect(await getFilingInScope(db, city, id)).toBeNull();
    expect(await withdrawFiling(db, company2, { submissionId: id, version: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // The same form sent twice is harmless.
    const twice = await saveFiling(db, company, { submit: false, data, idempotencyKey: 'draft-key-0001' });
    expect(twice).toMatchObject({ ok: true, data: { id } });
    // Only one open filing at a time.
    expect(await saveFiling(db, company, { submit: false, data })).toMatchObject({ ok: false, code: 'CONFLICT' });

    // The licence was re-encoded without its metadata.
    const [att] = rowsOf<{ content: Buffer; mime: string; owner_id: string }>(
      await db.execute(sql`select content, mime, owner_id from attachments where owner_type = 'submission' and owner_id = ${id}`),
    );
    expect(att!.mime).toBe('image/jpeg');
    const content = Buffer.from(att!.content);
    expect((await sharp(content).metadata()).exif).toBeUndefined();
    expect(content.includes(Buffer.from('SECRET-ARTIST'))).toBe(false);

    const filed = await getFilingInScope(db, company, id);
    const submitted = await saveFiling(db, company, { submissionId: id, expectedVersion: filed!.version, submit: true, data });
    expect(submitted).toMatchObject({ ok: true, data: { id, status: 'submitted' } });

    const queue = await listFilingQueue(db, city, { status: 'submitted', type: 'company_change', district: null, q: '安居乐业', page: 1 });
    expect(queue.rows.map((r) => r.id)).toContain(id);

    // The district may not decide filings; nothing changes.
    const mid = await footprint();
    const current = await getFilingInScope(db, city, id);
    expect(await decideFiling(db, chuanshan, { submissionId: id, version: current!.version, decision: 'approved' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await decideFiling(db, null, { submissionId: id, version: current!.version, decision: 'approved' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await footprint()).toEqual(mid);

    const approved = await decideFiling(db, city, { submissionId: id, version: current!.version, decision: 'approved', reason: '' }, { today: PASSWORD_TODAY });
    expect(approved).toMatchObject({ ok: true, data: { status: 'approved' } });
    const after = (await getCompanyBasics(db, company.companyId!))!;
    expect(after.address).toBe('四川省遂宁市船山区明月路88号');
    expect(after.version).toBe(basics.version + 1);
    expect(after.managers.map((m) => m.name)).toContain('周工程');
    const versions = rowsOf<{ version: number; address: string }>(
      await db.execute(sql`select version, data->>'address' as address from company_versions where company_id = ${company.companyId} order by version`),
    );
    expect(versions.map((v) => v.version)).toEqual([...Array(after.version).keys()].map((i) => i + 1));
    expect(versions.at(-2)!.address).toBe(basics.address);
    expect(versions.at(-1)!.address).toBe(after.address);
    const audits = await footprint();
    expect(audits.audit).toBe(before.audit + 3); // saved, submitted, approved
  });

  it('a returned filing shows the reason, is corrected and resubmitted; a rejection reason reaches the company', async () => {
    const data = await change({ contactPhone: '0825-2345678' });
    const s = await saveFiling(db, company, { submit: true, data });
    expect(s.ok).toBe(true);
    const id = s.ok ? s.data.id : '';
    let f = await getFilingInScope(db, city, id);

    const noReason = await decideFiling(db, city, { submissionId: id, version: f!.version, decision: 'returned', reason: '' });
    expect(!noReason.ok && noReason.fieldErrors?.reason?.[0]).toBe('不予备案或退回修改时必须写明理由');

    expect(await decideFiling(db, city, { submissionId: id, version: f!.version, decision: 'returned', reason: '请补充联系电话对应的联系人' })).toMatchObject({ ok: true });
    const mine = await listCompanyFilings(db, company.companyId!);
    expect(mine.find((x) => x.id === id)).toMatchObject({ status: 'returned', reason: '请补充联系电话对应的联系人' });

    f = await getFilingInScope(db, company, id);
    expect(await saveFiling(db, company, { submissionId: id, expectedVersion: f!.version, submit: true, data: { ...data, contactPhone: '0825-2345679' } })).toMatchObject({
      ok: true,
      data: { status: 'submitted' },
    });
    f = await getFilingInScope(db, city, id);
    const beforeReject = (await getCompanyBasics(db, company.companyId!))!;
    expect(await decideFiling(db, city, { submissionId: id, version: f!.version, decision: 'rejected', reason: '联系电话无法接通，不予变更' })).toMatchObject({ ok: true });
    expect((await listCompanyFilings(db, company.companyId!)).find((x) => x.id === id)).toMatchObject({ status: 'rejected', reason: '联系电话无法接通，不予变更' });
    // A rejected change leaves the approved company as it was.
    expect(await getCompanyBasics(db, company.companyId!)).toEqual(beforeReject);
  });

  it('of two reviewers approving the same filing at the same moment, exactly one wins', async () => {
    const s = await saveFiling(db, company, { submit: true, data: await change({ contactPhone: '13981111111' }) });
    const id = s.ok ? s.data.id : '';
    const f = await getFilingInScope(db, city, id);
    const versionBefore = (await getCompanyBasics(db, company.companyId!))!.version;
    const results = await Promise.all([
      decideFiling(db, city, { submissionId: id, version: f!.version, decision: 'approved' }),
      decideFiling(db, city2, { submissionId: id, version: f!.version, decision: 'approved' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await getCompanyBasics(db, company.companyId!))!.version).toBe(versionBefore + 1);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'company.filing.approved' and object_id = ${id}`)).toBe(1);
    // A late decision on the decided filing is told so.
    expect(await decideFiling(db, city, { submissionId: id, version: f!.version, decision: 'rejected', reason: '重复' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a first filing approved makes the company approved; a company under a market ban cannot be approved', async () => {
    const pending = rowsOf<{ id: string; company_id: string; version: number }>(
      await db.execute(sql`select s.id, s.company_id, s.version from submissions s where s.type = 'company_filing' and s.status = 'submitted' order by s.id limit 2`),
    );
    expect(pending.length).toBe(2);
    const [a, b] = pending as [(typeof pending)[0], (typeof pending)[0]];
    expect(await decideFiling(db, city, { submissionId: a.id, version: a.version, decision: 'approved' })).toMatchObject({ ok: true });
    expect((await getCompanyBasics(db, a.company_id))!.filingStatus).toBe('approved');

    await db.execute(sql`update companies set banned_until = '2028-03-17' where id = ${b.company_id}`);
    const before = await footprint();
    const refused = await decideFiling(db, city, { submissionId: b.id, version: b.version, decision: 'approved' }, { today: PASSWORD_TODAY });
    expect(!refused.ok && refused.fieldErrors?.decision?.[0]).toContain('市场禁入期');
    expect(await footprint()).toEqual(before);
    expect((await getCompanyBasics(db, b.company_id))!.filingStatus).toBe('pending');
    // After the ban it can be approved.
    expect(await decideFiling(db, city, { submissionId: b.id, version: b.version, decision: 'approved' }, { today: '2028-03-18' })).toMatchObject({ ok: true });
  });
});
