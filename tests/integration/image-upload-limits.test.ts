/**
 * Issue 13, finding 7 (images): a signed-in account's uploads are counted per account in the database after
 * the identity and role checks and before sharp decodes anything; the roster import is admitted once for all
 * its pictures, with a pass no request can make.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { basicsAsInput, getCompanyBasics } from '@/db/queries/company-filing';
import type { Actor } from '@/lib/auth/policy';
import { idCheckChar } from '@/lib/domain/id-number';
import { BAD_RECORD_TYPES } from '@/lib/domain/records';
import { IMPORT_COLUMNS, type ImportField } from '@/lib/domain/roster';
import { consume } from '@/lib/security/throttle';
import { saveFiling } from '@/lib/services/company-filing';
import { enterWarningRecord, filePerformanceRecord, reportWarning } from '@/lib/services/credit-records';
import { addPractitionerPhoto } from '@/lib/services/practitioner-correction';
import { submitEntry } from '@/lib/services/practitioner-entry';
import { enterBadRecord, fileGoodRecord } from '@/lib/services/practitioner-records';
import { fileCompanyRecordObjection } from '@/lib/services/record-objections';
import { importRoster } from '@/lib/services/roster-import';
import { admitImportImages, UPLOAD_LIMITS } from '@/lib/services/upload-limits';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-23';
const idOf = (first17: string) => first17 + idCheckChar(first17);
/** A JPEG by its first bytes that sharp cannot read: decoding it answers the damaged-file message. */
const BROKEN = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 96 }, (_, i) => (i * 37) % 251)]);
const DAMAGED_PHOTO = '照片文件已损坏，无法读取';
const PER_MINUTE = `上传图片过于频繁（每个账号每分钟最多 ${UPLOAD_LIMITS.imagesMinute.max} 张），请 1 分钟后再试。`;
const at = (iso: string) => new Date(iso);

/** A distinct, valid ID number per index (region 510904, births from 1975 on, sequence 8xx). */
function idFor(i: number) {
  const d = new Date(Date.UTC(1975, 0, 1) + i * 86400000 * 7);
  return idOf(`510904${d.toISOString().slice(0, 10).replace(/-/g, '')}8${String(i % 100).padStart(2, '0')}`);
}

describe.each(DRIVERS)('image upload limits per account (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let street: Actor;
  let chuanshan: Actor;
  let projectOf: Record<'company' | 'company2', { id: string; name: string }>;
  let tiangong: string;
  let photo: Uint8Array;
  let png: Buffer;

  const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]!.n);
  const footprint = async () => ({
    practitioners: await n(sql`select count(*)::int as n from practitioners`),
    employments: await n(sql`select count(*)::int as n from employments`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
    submissions: await n(sql`select count(*)::int as n from submissions`),
    creditRecords: await n(sql`select count(*)::int as n from credit_records`),
  });
  const refusals = (actor: Actor, bucket: string) =>
    n(sql`select count(*)::int as n from audit_events where action = 'throttle.refused' and actor_id = ${actor.userId} and object_id = ${bucket}`);

  const entry = (project: string, over: Record<string, unknown> = {}) => ({
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
    projectId: project,
    post: '安保人员',
    informed: true,
    ...over,
  });
  const enter = (actor: Actor, bytes: Uint8Array, now: Date, opts: Record<string, unknown> = {}) =>
    submitEntry(db, actor, { data: entry(projectOf[actor === company ? 'company' : 'company2'].id), photo: { bytes } }, { today: TODAY, now, ...opts });
  const performance = (actor: Actor, evidence: Uint8Array[], now: Date) =>
    filePerformanceRecord(
      db,
      actor,
      {
        data: { type: '获评市级优秀物业服务项目', projectId: tiangong, occurredOn: '2026-03-20', issuer: '遂宁市住房和城乡建设局', description: '天宫花园获评优秀物业服务项目', proposedPoints: '4' },
        evidence: evidence.map((bytes, i) => ({ bytes, filename: `e${i}.jpg` })),
      },
      { today: TODAY, now },
    );
  const warning = (evidence: Uint8Array[], now: Date) =>
    reportWarning(
      db,
      street,
      {
        data: { projectId: tiangong, type: '消防通道堵塞未及时整改', occurredOn: '2026-11-20', description: '巡查发现消防通道被杂物堵塞', severity: '一般', proposedPoints: '3' },
        evidence: evidence.map((bytes, i) => ({ bytes, filename: `w${i}.jpg` })),
      },
      { today: TODAY, now },
    );

  /** A roster workbook of `count` people on the company's first estate, each with a picture in the 证件照 cell. */
  async function roster(count: number, withPhotos = true, from = 0) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信息名册');
    ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
    for (let i = from; i < from + count; i++) {
      const r: Partial<Record<ImportField, unknown>> = {
        name: `限额${i}`,
        ethnicity: '汉族',
        nativePlace: '四川遂宁',
        politicalStatus: '群众',
        hiredOn: '2026-11-09',
        labourContractOn: '2026-11-09',
        education: '高中',
        mobile: `137${String(10000000 + i)}`,
        idNumber: idFor(i),
        estate: projectOf.company.name,
        post: '保洁人员',
        certificates: `保洁员证|BJ${i}|遂宁市人社局|2030年1月1日`,
      };
      ws.addRow(IMPORT_COLUMNS.map((c) => (r[c.field] ?? null) as ExcelJS.CellValue));
    }
    if (withPhotos) {
      const photoCol = IMPORT_COLUMNS.findIndex((c) => c.field === 'photo');
      const id = wb.addImage({ buffer: png as never, extension: 'png' });
      for (let i = 0; i < count; i++) ws.addImage(id, { tl: { col: photoCol + 0.1, row: i + 1.1 }, ext: { width: 60, height: 80 } });
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    company = await actorFor(db, 'company');
    company2 = await actorFor(db, 'company2');
    street = await actorFor(db, 'street');
    chuanshan = await actorFor(db, 'chuanshan');
    const first = async (c: Actor) =>
      rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from projects where current_company_id = ${c.companyId} order by name limit 1`))[0]!;
    projectOf = { company: await first(company), company2: await first(company2) };
    tiangong = (await actorFor(db, 'committee')).projectId!;
    photo = new Uint8Array(await sharp({ create: { width: 300, height: 400, channels: 3, background: '#88a' } }).jpeg().toBuffer());
    png = await sharp({ create: { width: 30, height: 40, channels: 3, background: '#a88' } }).png().toBuffer();
  });
  afterAll(() => t.cleanup());

  it('refuses the image past the limit before sharp decodes it, writing nothing; another account is unaffected; the next window admits', async () => {
    const start = at('2026-11-23T03:00:00Z');
    // Every one of the minute's images reaches sharp (the broken file answers the decoder's message)...
    for (let i = 0; i < UPLOAD_LIMITS.imagesMinute.max; i++) {
      expect(await enter(company, BROKEN, start)).toMatchObject({ ok: false, fieldErrors: { photo: [DAMAGED_PHOTO] } });
    }
    const before = await footprint();
    // ...the next one does not: the limit's message at the photo field, not the decoder's.
    const later = at('2026-11-23T03:00:30Z');
    expect(await enter(company, BROKEN, later)).toEqual({ ok: false, code: 'LOCKED', message: PER_MINUTE, fieldErrors: { photo: [PER_MINUTE] } });
    // A good photo is refused the same way, and so is evidence on another form of the same account.
    expect(await enter(company, photo, later)).toMatchObject({ ok: false, code: 'LOCKED', fieldErrors: { photo: [PER_MINUTE] } });
    expect(await performance(company, [BROKEN], later)).toMatchObject({ ok: false, code: 'LOCKED', fieldErrors: { evidence: [PER_MINUTE] } });
    expect(await footprint()).toEqual(before);
    // One audit row for the window, not one per refused request.
    expect(await refusals(company, UPLOAD_LIMITS.imagesMinute.bucket)).toBe(1);

    // Another account (another company's operator) in the same minute: its images are decoded as usual.
    expect(await enter(company2, BROKEN, later)).toMatchObject({ ok: false, fieldErrors: { photo: [DAMAGED_PHOTO] } });
    expect(await refusals(company2, UPLOAD_LIMITS.imagesMinute.bucket)).toBe(0);

    // The next minute admits the account again.
    expect(await enter(company, BROKEN, at('2026-11-23T03:01:00Z'))).toMatchObject({ ok: false, fieldErrors: { photo: [DAMAGED_PHOTO] } });
    const entered = await enter(company, photo, at('2026-11-23T03:01:05Z'));
    expect(entered.ok).toBe(true);
  });

  it('the hourly limit holds across minutes, counting every image of a request; the next hour admits', async () => {
    const many = Array.from({ length: UPLOAD_LIMITS.imagesMinute.max }, () => BROKEN);
    const perHour = `上传图片过于频繁（每个账号每小时最多 ${UPLOAD_LIMITS.imagesHour.max} 张），请 50 分钟后再试。`;
    // 60 images a request, one request a minute: ten minutes use the hour (each refused for too many files, undecoded).
    for (let m = 0; m < UPLOAD_LIMITS.imagesHour.max / UPLOAD_LIMITS.imagesMinute.max; m++) {
      const r = await warning(many, at(`2026-11-23T04:${String(m).padStart(2, '0')}:00Z`));
      expect(r).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { evidence: ['证据材料最多 5 个文件'] } });
    }
    const before = await footprint();
    expect(await warning([BROKEN], at('2026-11-23T04:10:00Z'))).toMatchObject({ ok: false, code: 'LOCKED', fieldErrors: { evidence: [perHour] } });
    expect(await warning([photo], at('2026-11-23T04:59:59Z'))).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(await footprint()).toEqual(before);
    expect(await refusals(street, UPLOAD_LIMITS.imagesHour.bucket)).toBe(1);
    // A PDF is not decoded and not counted.
    const pdf = new TextEncoder().encode('%PDF-1.4\n% evidence\n');
    expect(await warning([pdf], at('2026-11-23T04:59:59Z'))).toMatchObject({ ok: true });
    expect(await warning([photo], at('2026-11-23T05:00:00Z'))).toMatchObject({ ok: true });
  });

  it('a roster import of more rows with photos than the per-account limits is entered in full, even with those limits used up', async () => {
    const now = at('2026-11-23T06:00:00Z');
    // The account has used its minute: 60 images on one request (refused for too many files, not decoded).
    const many = Array.from({ length: UPLOAD_LIMITS.imagesMinute.max }, () => BROKEN);
    expect(await performance(company, many, now)).toMatchObject({ fieldErrors: { evidence: ['证明材料最多 5 个文件'] } });
    expect(await enter(company, photo, now)).toMatchObject({ ok: false, code: 'LOCKED' });

    const rows = UPLOAD_LIMITS.imagesMinute.max + 10;
    const r = await importRoster(db, company, { bytes: await roster(rows), informed: true }, { today: TODAY, now });
    if (!r.ok) throw new Error(`import refused: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    expect(r.data).toMatchObject({ total: rows, accepted: rows, photoMissing: 0 });
    expect(await n(sql`select count(*)::int as n from practitioners where name like '限额%' and photo_id is not null`)).toBe(rows);
    // The import's pass did not spill into the account's ordinary limit.
    expect(await enter(company, photo, now)).toMatchObject({ ok: false, code: 'LOCKED' });
  });

  it('the roster import has its own limit, one admission per import sized by its pictures: refused whole, before decoding', async () => {
    const now = at('2026-11-23T07:00:00Z');
    const limit = UPLOAD_LIMITS.rosterImages;
    // Two large imports already this hour leave less than this file needs.
    expect(await consume(db, limit, company2.userId, now, limit.max - 2)).toMatchObject({ ok: true, remaining: 2 });
    const wb = await roster(3);
    const before = await footprint();
    const r = await importRoster(db, company2, { bytes: wb, informed: true }, { today: TODAY, now });
    const message = `名册中的照片过多：每个账号每小时最多导入 ${limit.max} 张照片（本文件 3 张），请 60 分钟后再试，或分多个文件上传。`;
    expect(r).toEqual({ ok: false, code: 'LOCKED', message, fieldErrors: { file: [message] } });
    expect(await footprint()).toEqual(before);
    expect(await refusals(company2, limit.bucket)).toBe(1);
    // A roster without pictures decodes nothing and is not counted.
    const plain = await importRoster(db, company2, { bytes: await roster(1, false), informed: true }, { today: TODAY, now });
    expect(plain.ok && plain.data.total).toBe(1);
  });

  it('an anonymous or wrong-role request is refused before its images are counted', async () => {
    const now = at('2026-11-23T10:00:00Z');
    const committee = await actorFor(db, 'committee');
    expect(await submitEntry(db, null, { data: entry(projectOf.company.id), photo: { bytes: BROKEN } }, { today: TODAY, now })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await submitEntry(db, committee, { data: entry(projectOf.company.id), photo: { bytes: BROKEN } }, { today: TODAY, now })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await performance(chuanshan, [BROKEN], now)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await n(sql`select count(*)::int as n from throttle_hits where bucket like 'upload.%' and key in (${committee.userId}, ${chuanshan.userId})`)).toBe(0);
  });

  it('every other signed-in form that decodes images admits them first: photo, evidence, site photos, licence', async () => {
    const now = at('2026-11-23T11:00:00Z');
    const exhaust = (a: Actor) => consume(db, UPLOAD_LIMITS.imagesMinute, a.userId, now, UPLOAD_LIMITS.imagesMinute.max);
    for (const a of [company, company2, chuanshan]) await exhaust(a);
    const locked = (field: string) => ({ ok: false, code: 'LOCKED', fieldErrors: { [field]: [PER_MINUTE] } });
    const pdf = new TextEncoder().encode('%PDF-1.4\n% evidence\n');
    const before = await footprint();

    // A person of the company's without a photo (entered from a roster without pictures), then the photo added.
    // (Its own number range: an earlier test of this file imports 限额0….)
    const plain = await importRoster(db, company, { bytes: await roster(1, false, 1500), informed: true }, { today: TODAY, now });
    if (!plain.ok || plain.data.accepted !== 1) throw new Error('roster row without a photo not entered: ' + JSON.stringify(plain).slice(0, 600));
    const [added] = rowsOf<{ id: string }>(await db.execute(sql`select id from practitioners where name = '限额1500' and photo_id is null`));
    expect(await addPractitionerPhoto(db, company, { practitionerId: added!.id, photo: { bytes: BROKEN } }, { now })).toMatchObject(locked('photo'));

    // A good record: the PDF evidence is not an image, the site photo is; the message is at the photos field.
    const [staff] = rowsOf<{ id: string }>(
      await db.execute(sql`select p.id from employments e join practitioners p on p.id = e.practitioner_id
        where e.status = 'current' and p.status = 'active' and e.company_id = ${company.companyId} order by p.id limit 1`),
    );
    const outstanding = { practitionerId: staff!.id, type: '从业表现突出', issuer: '本企业', participants: '张三、李四', description: '深夜车库进水，组织排水避免业主车辆受损', occurredOn: '2026-11-18', receivedOn: '2026-11-20' };
    expect(await fileGoodRecord(db, company, { data: outstanding, evidence: [{ bytes: pdf }], photos: [{ bytes: BROKEN }] }, { today: TODAY, now })).toMatchObject(locked('photos'));

    // A bad record the district enters, and a warning record it enters (evidence).
    const [local] = rowsOf<{ id: string }>(
      await db.execute(sql`select p.id from employments e join practitioners p on p.id = e.practitioner_id join projects j on j.id = e.project_id
        where e.status = 'current' and p.status = 'active' and j.district_id = ${chuanshan.districtId} order by p.id limit 1`),
    );
    const bad = { practitionerId: local!.id, type: BAD_RECORD_TYPES[4], issuer: '船山区住房和城乡建设局', description: '业主投诉其辱骂业主，经社区调查核实属实', occurredOn: '2026-11-19' };
    expect(await enterBadRecord(db, chuanshan, { data: bad, evidence: [{ bytes: BROKEN }] }, { today: TODAY, now })).toMatchObject(locked('evidence'));
    const warningEntry = {
      companyId: company.companyId,
      projectId: tiangong,
      type: '行政处罚：消防设施未保持完好有效',
      occurredOn: '2026-09-10',
      issuer: '船山区住房和城乡建设局',
      description: '天宫花园消防设施未保持完好有效，处警告',
      severity: '一般',
      points: '4',
    };
    expect(await enterWarningRecord(db, chuanshan, { data: warningEntry, evidence: [{ bytes: BROKEN }] }, { today: TODAY, now })).toMatchObject(locked('evidence'));

    // The company's objection to one of its own confirmed credit records.
    const [record] = rowsOf<{ id: string; company_id: string }>(
      await db.execute(sql`select id, company_id from credit_records where status = 'approved' and company_id in (${company.companyId}, ${company2.companyId}) order by id limit 1`),
    );
    const owner = record!.company_id === company.companyId ? company : company2;
    const objection = { recordId: record!.id, reason: '所涉消防通道为临时施工占用，已于当日清理，扣分有误' };
    expect(await fileCompanyRecordObjection(db, owner, { data: objection, evidence: [{ bytes: BROKEN }] }, { now })).toMatchObject(locked('evidence'));

    // The company's filing (a change of basic information) with a new licence.
    const basics = basicsAsInput((await getCompanyBasics(db, company.companyId!))!);
    const filing = { submit: false, data: { ...basics, address: '四川省遂宁市船山区新址路1号' }, licence: { bytes: BROKEN, filename: 'licence.jpg' } };
    expect(await saveFiling(db, company, filing, { now })).toMatchObject(locked('licence'));

    // Nothing but the roster row was written.
    expect(await footprint()).toEqual({ ...before, practitioners: before.practitioners + 1, employments: before.employments + 1, submissions: before.submissions + 1 });
  });

  it('no request can carry the import’s exemption: a look-alike object, another account’s pass or a spent pass count as usual', async () => {
    const now = at('2026-11-23T09:00:00Z');
    const many = Array.from({ length: UPLOAD_LIMITS.imagesMinute.max }, () => BROKEN);
    expect(await performance(company, many, now)).toMatchObject({ fieldErrors: { evidence: ['证明材料最多 5 个文件'] } });
    expect(await enter(company, BROKEN, now)).toMatchObject({ ok: false, code: 'LOCKED' });
    const lookAlike = { userId: company.userId, take: () => true };
    expect(await enter(company, BROKEN, now, { imagePass: lookAlike })).toMatchObject({ ok: false, code: 'LOCKED' });
    const other = await admitImportImages(db, company2, 1, { at: at('2026-11-23T08:00:00Z') });
    if (!other.ok) throw new Error(other.message);
    expect(await enter(company, BROKEN, now, { imagePass: other.data })).toMatchObject({ ok: false, code: 'LOCKED' });
    // A real pass of the company's covers exactly the pictures it was admitted for.
    const own = await admitImportImages(db, company, 1, { at: now });
    if (!own.ok) throw new Error(own.message);
    expect(await enter(company, BROKEN, now, { imagePass: own.data })).toMatchObject({ ok: false, fieldErrors: { photo: [DAMAGED_PHOTO] } });
    expect(await enter(company, BROKEN, now, { imagePass: own.data })).toMatchObject({ ok: false, code: 'LOCKED' });
  });
});
