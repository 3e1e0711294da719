import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { idCheckChar } from '@/lib/domain/id-number';
import { decryptIdNumber, hashIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { submitEntry } from '@/lib/services/practitioner-entry';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const idOf = (first17: string) => first17 + idCheckChar(first17);
const TODAY = '2026-11-23';

describe.each(DRIVERS)('real-name entry of a practitioner (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let projectOf: Record<'company' | 'company2', string>;
  let photo: Uint8Array;

  const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]!.n);
  const footprint = async () => ({
    practitioners: await n(sql`select count(*)::int as n from practitioners`),
    employments: await n(sql`select count(*)::int as n from employments`),
    certificates: await n(sql`select count(*)::int as n from certificates`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
    submissions: await n(sql`select count(*)::int as n from submissions`),
    audit: await n(sql`select count(*)::int as n from audit_events where action = 'practitioner.entered'`),
  });
  const entry = (over: Record<string, unknown> = {}) => ({
    name: '李四',
    idNumber: idOf('51090319880808123'),
    ethnicity: '汉族',
    nativePlace: '四川遂宁',
    politicalStatus: '群众',
    mobile: '13800001111',
    education: '大专',
    certificates: [{ name: '消防设施操作员', number: 'XF2024-0001', issuer: '四川省消防救援总队', validUntil: '2029-12-31' }],
    hiredOn: '2026-11-09',
    labourContractOn: '2026-11-09',
    projectId: projectOf.company,
    post: '安保人员',
    informed: true,
    ...over,
  });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    company = await actorFor(db, 'company');
    company2 = await actorFor(db, 'company2');
    const first = async (c: Actor) =>
      rowsOf<{ id: string }>(await db.execute(sql`select id from projects where current_company_id = ${c.companyId} order by id limit 1`))[0]!.id;
    projectOf = { company: await first(company), company2: await first(company2) };
    photo = new Uint8Array(
      await sharp({ create: { width: 600, height: 800, channels: 3, background: '#88a' } })
        .jpeg()
        .withExif({ IFD0: { Artist: 'GPS-MARKER' } })
        .toBuffer(),
    );
  });
  afterAll(() => t.cleanup());

  it('refuses anonymous, other roles, another company’s estate and bad files, writing nothing', async () => {
    const before = await footprint();
    expect(await submitEntry(db, null, { data: entry(), photo: { bytes: photo } }, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['chuanshan', 'committee', 'department']) {
      expect(await submitEntry(db, await actorFor(db, u), { data: entry(), photo: { bytes: photo } }, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const other = await submitEntry(db, company, { data: entry({ projectId: projectOf.company2 }), photo: { bytes: photo } }, { today: TODAY });
    expect(!other.ok && other.fieldErrors?.projectId?.[0]).toBe('只能为本企业在管的项目登记人员');
    const noPhoto = await submitEntry(db, company, { data: entry() }, { today: TODAY });
    expect(!noPhoto.ok && noPhoto.fieldErrors?.photo?.[0]).toBe('请上传证件照');
    const pdf = await submitEntry(db, company, { data: entry(), photo: { bytes: new TextEncoder().encode('%PDF-1.4') } }, { today: TODAY });
    expect(!pdf.ok && pdf.fieldErrors?.photo?.[0]).toBe('照片只接受 JPEG、PNG 或 WebP 格式');
    const future = await submitEntry(db, company, { data: entry({ labourContractOn: '2026-12-01' }), photo: { bytes: photo } }, { today: TODAY });
    expect(!future.ok && future.fieldErrors?.labourContractOn?.[0]).toBe('劳动合同签订日期不能晚于今天');
    expect(await footprint()).toEqual(before);
  });

  it('stores the person with the ID number only encrypted, hashed and masked, a cleaned photo, and a review submission', async () => {
    const before = await footprint();
    const r = await submitEntry(db, company, { data: entry(), photo: { bytes: photo } }, { today: TODAY });
    expect(r).toMatchObject({ ok: true, data: { deadline: '2026-11-23', late: false, workingDaysOverdue: 0 } });
    if (!r.ok) return;
    const clear = idOf('51090319880808123');
    const [p] = rowsOf<Record<string, string>>(
      await db.execute(sql`select * from practitioners where id = ${r.data.practitionerId}`),
    );
    expect(JSON.stringify(p)).not.toContain(clear);
    expect(p!.id_number_masked).toBe(`5109**********${clear.slice(-4)}`);
    expect(decryptIdNumber(p!.id_number_enc!, keys())).toBe(clear);
    expect(p!.id_number_hash).toBe(hashIdNumber(clear, keys()));
    // The 17th digit (3) is odd: 男.
    expect([p!.gender, String(p!.birth_date).slice(0, 10), p!.status]).toEqual(['男', '1988-08-08', 'pending']);
    const [photoRow] = rowsOf<{ content: Buffer }>(await db.execute(sql`select content from attachments where id = ${p!.photo_id}`));
    const meta = await sharp(Buffer.from(photoRow!.content)).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([360, 480, undefined]);
    const [s] = rowsOf<{ status: string; district_id: string; due_on: string }>(
      await db.execute(sql`select status, district_id, due_on::text from submissions where id = ${r.data.submissionId}`),
    );
    expect(s).toMatchObject({ status: 'submitted', due_on: '2026-11-23' });
    const after = await footprint();
    expect(after).toEqual({
      practitioners: before.practitioners + 1,
      employments: before.employments + 1,
      certificates: before.certificates + 1,
      attachments: before.attachments + 2,
      submissions: before.submissions + 1,
      audit: before.audit + 1,
    });
    const auditText = JSON.stringify(rowsOf(await db.execute(sql`select after from audit_events where action = 'practitioner.entered'`)));
    expect(auditText).not.toContain(clear);
  });

  it('flags a late entry with the working days overdue (SN 6)', async () => {
    const r = await submitEntry(db, company, { data: entry({ idNumber: idOf('51090319900303345'), labourContractOn: '2026-10-28', hiredOn: '2026-10-28' }), photo: { bytes: photo } }, { today: TODAY });
    // 2026-10-28 + 10 working days = 2026-11-11; 2026-11-23 is 8 working days later.
    expect(r).toMatchObject({ ok: true, data: { deadline: '2026-11-11', late: true, workingDaysOverdue: 8 } });
  });

  it('an ID current at another company is refused with the transfer path', async () => {
    const [row] = rowsOf<{ id_number_enc: string }>(
      await db.execute(sql`select p.id_number_enc from practitioners p join employments e on e.practitioner_id = p.id
        where e.status = 'current' and e.company_id = ${company2.companyId} order by p.id limit 1`),
    );
    const clear = decryptIdNumber(row!.id_number_enc, keys());
    const before = await footprint();
    const r = await submitEntry(db, company, { data: entry({ idNumber: clear }), photo: { bytes: photo } }, { today: TODAY });
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!r.ok && r.fieldErrors?.idNumber?.[0]).toContain('跨企业流动');
    expect(await footprint()).toEqual(before);
  });

  it('20 simultaneous entries of one ID by two companies leave exactly one person with one open employment', async () => {
    const clear = idOf('51090319950505567');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const actor = i % 2 ? company2 : company;
        return submitEntry(db, actor, { data: entry({ idNumber: clear, projectId: i % 2 ? projectOf.company2 : projectOf.company }), photo: { bytes: photo } }, { today: TODAY });
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'CONFLICT')).toBe(true);
    const hash = hashIdNumber(clear, keys());
    expect(await n(sql`select count(*)::int as n from practitioners where id_number_hash = ${hash}`)).toBe(1);
    expect(
      await n(sql`select count(*)::int as n from employments e join practitioners p on p.id = e.practitioner_id
        where p.id_number_hash = ${hash} and e.status in ('pending', 'current')`),
    ).toBe(1);
  });
});
