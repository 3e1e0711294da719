import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { listRosterCompleteness } from '@/db/queries/roster';
import type { Actor } from '@/lib/auth/policy';
import { idCheckChar } from '@/lib/domain/id-number';
import { EXPORT_COLUMNS, IMPORT_COLUMNS, type ImportField } from '@/lib/domain/roster';
import { decryptIdNumber, hashIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { exportRoster } from '@/lib/services/roster-export';
import { buildRosterTemplate, importRoster } from '@/lib/services/roster-import';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const idOf = (first17: string) => first17 + idCheckChar(first17);
const TODAY = '2026-11-23';

/** A distinct, valid ID number per index (region 510904, births from 1975 on, sequence 9xx). */
function idFor(i: number) {
  const d = new Date(Date.UTC(1975, 0, 1) + i * 86400000 * 7);
  const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
  return idOf(`510904${ymd}9${String(i % 100).padStart(2, '0')}`);
}

type Row = Partial<Record<ImportField, unknown>>;

function person(i: number, estate: string, over: Row = {}): Row {
  return {
    name: `导入${i}`,
    ethnicity: '汉族',
    nativePlace: '四川遂宁',
    politicalStatus: '群众',
    hiredOn: '2026-11-09',
    labourContractOn: i % 10 === 0 ? '2026-10-01' : '2026/11/9',
    education: '高中',
    mobile: `139${String(10000000 + i)}`,
    idNumber: idFor(i),
    estate,
    post: '保洁人员',
    certificates: `保洁员证|BJ${i}|遂宁市人社局|2030年1月1日`,
    ...over,
  };
}

/** A roster workbook as a company operator would fill it: the template's header, one person a row. */
async function workbook(rows: Row[], images: { row: number; bytes: Buffer; extension: 'png' | 'jpeg' }[] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('信息名册');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => (r[c.field] ?? null) as ExcelJS.CellValue));
  const photoCol = IMPORT_COLUMNS.findIndex((c) => c.field === 'photo');
  for (const img of images) {
    const id = wb.addImage({ buffer: img.bytes as never, extension: img.extension });
    // Anchored inside the row's 证件照 cell (0-based: row N is index N-1).
    ws.addImage(id, { tl: { col: photoCol + 0.1, row: img.row - 1 + 0.1 }, ext: { width: 60, height: 80 } });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each(DRIVERS)('roster import and export (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let estates: { id: string; name: string }[];
  let estate2: { id: string; name: string };

  const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]!.n);
  const footprint = async () => ({
    practitioners: await n(sql`select count(*)::int as n from practitioners`),
    employments: await n(sql`select count(*)::int as n from employments`),
    certificates: await n(sql`select count(*)::int as n from certificates`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
    submissions: await n(sql`select count(*)::int as n from submissions`),
    entered: await n(sql`select count(*)::int as n from audit_events where action = 'practitioner.entered'`),
  });
  const hashCount = async (id: string) => n(sql`select count(*)::int as n from practitioners where id_number_hash = ${hashIdNumber(id, keys())}`);

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    company = await actorFor(db, 'company');
    company2 = await actorFor(db, 'company2');
    estates = rowsOf<{ id: string; name: string }>(
      await db.execute(sql`select id, name from projects where current_company_id = ${company.companyId} order by name`),
    );
    estate2 = rowsOf<{ id: string; name: string }>(
      await db.execute(sql`select id, name from projects where current_company_id = ${company2.companyId} order by name limit 1`),
    )[0]!;
  });
  afterAll(() => t.cleanup());

  it('the template has the roster sheet with the columns, drop-down lists, text-formatted ID column and the instructions', async () => {
    const r = await buildRosterTemplate(db, company);
    if (!r.ok) throw new Error(r.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.data.content as never);
    const ws = wb.getWorksheet('信息名册')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    const col = (f: ImportField) => IMPORT_COLUMNS.findIndex((c) => c.field === f) + 1;
    expect(ws.getCell(2, col('ethnicity')).dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell(2000, col('post')).dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getColumn(col('idNumber')).numFmt).toBe('@');
    const lists = wb.getWorksheet('选项')!;
    const estateCol = (lists.getColumn(5).values as unknown[]).filter(Boolean);
    expect(estateCol).toEqual(estates.map((e) => e.name));
    const help = JSON.stringify(wb.getWorksheet('填表说明')!.getSheetValues());
    expect(help).toContain('名称|编号|发证机关|有效期');
    expect(help).toContain('告知');
    expect(await buildRosterTemplate(db, await actorFor(db, 'chuanshan'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await buildRosterTemplate(db, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('1,000 rows with 10 bad ones: exactly 990 entered, each bad row reported with its reasons and nothing written for it', async () => {
    const [current] = rowsOf<{ id_number_enc: string }>(
      await db.execute(sql`select p.id_number_enc from practitioners p join employments e on e.practitioner_id = p.id
        where e.status = 'current' and e.company_id = ${company2.companyId} order by p.id limit 1`),
    );
    const elsewhere = decryptIdNumber(current!.id_number_enc, keys());
    const rows = Array.from({ length: 1000 }, (_, i) => person(i, estates[i % estates.length]!.name));
    const badId = idFor(100).slice(0, 17) + (idFor(100).endsWith('0') ? '1' : '0');
    const bad: Record<number, { over: Row; column: string; message: string | RegExp }> = {
      100: { over: { idNumber: badId }, column: '身份证号码', message: '身份证号码校验位不正确' },
      200: { over: { idNumber: idFor(5) }, column: '身份证号码', message: '与第 7 行的身份证号码重复' },
      300: { over: { estate: estate2.name }, column: '服务项目', message: `“${estate2.name}”不是本企业在管的项目` },
      400: { over: { name: null }, column: '姓名', message: '请填写姓名' },
      500: { over: { labourContractOn: '2026-12-01' }, column: '劳动合同签订日期', message: '劳动合同签订日期不能晚于今天' },
      600: { over: { mobile: '1380000' }, column: '手机号码', message: '请填写 11 位手机号码' },
      700: { over: { post: '门卫' }, column: '岗位类别', message: '请选择岗位' },
      800: { over: { idNumber: elsewhere }, column: '身份证号码', message: /目前在.+在职登记.*跨企业流动/ },
      900: { over: { idNumber: Number('510904197501019000') }, column: '身份证号码', message: /文本/ },
      950: { over: { ethnicity: '地球族', certificates: '电工证|DG1' }, column: '民族', message: '请选择民族' },
    };
    for (const [i, b] of Object.entries(bad)) rows[Number(i)] = { ...rows[Number(i)], ...b.over };
    const bytes = await workbook(rows);

    const before = await footprint();
    const started = performance.now();
    const r = await importRoster(db, company, { bytes, informed: true }, { today: TODAY });
    const seconds = (performance.now() - started) / 1000;
    console.log(`[roster-import ${driver}] 1,000 rows in ${seconds.toFixed(1)} s (${((seconds * 1000) / 1000).toFixed(1)} ms/row)`);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.data).toMatchObject({ total: 1000, accepted: 990, rejected: 10, photoMissing: 990 });

    const rejected = r.data.rows.filter((x) => !x.accepted);
    // Spreadsheet row = index + 2 (header on row 1).
    expect(rejected.map((x) => x.row)).toEqual(Object.keys(bad).map((i) => Number(i) + 2));
    for (const [i, b] of Object.entries(bad)) {
      const rep = rejected.find((x) => x.row === Number(i) + 2)!;
      const hit = rep.errors.find((e) => e.column === b.column);
      expect(hit, `row ${i}: ${JSON.stringify(rep.errors)}`).toBeDefined();
      if (typeof b.message === 'string') expect(hit!.message).toBe(b.message);
      else expect(hit!.message).toMatch(b.message);
    }
    // Every reason of a row, not just the first.
    expect(rejected.find((x) => x.row === 952)!.errors.map((e) => e.column).sort()).toEqual(['民族', '资格证书'].sort());
    expect(JSON.stringify(rejected)).not.toContain(elsewhere);

    const accepted = r.data.rows.filter((x) => x.accepted);
    expect(accepted[0]).toMatchObject({ row: 2, name: '导入0', estate: estates[0]!.name, late: true, photoMissing: true });
    expect(accepted[1]).toMatchObject({ row: 3, late: false, deadline: '2026-11-23' });
    expect(accepted[0]!.idNumberMasked).toBe(`5109**********${idFor(0).slice(-4)}`);
    expect(r.data.late).toBe(accepted.filter((x) => x.late).length);

    const after = await footprint();
    expect(after).toEqual({
      practitioners: before.practitioners + 990,
      employments: before.employments + 990,
      certificates: before.certificates + 990,
      attachments: before.attachments,
      submissions: before.submissions + 990,
      entered: before.entered + 990,
    });
    // Nothing of the bad rows: the refused IDs are not on file (the duplicate and the one elsewhere stay single).
    expect(await hashCount(badId)).toBe(0);
    for (const i of [300, 400, 500, 600, 700, 950]) expect(await hashCount(idFor(i))).toBe(0);
    expect(await hashCount(idFor(5))).toBe(1);
    expect(await hashCount(elsewhere)).toBe(1);
    // The pending entries wait for the photo.
    expect(
      await n(sql`select count(*)::int as n from submissions where type = 'practitioner_entry' and (payload->>'photoMissing')::boolean is true and company_id = ${company.companyId}`),
    ).toBe(990);
    const [summary] = rowsOf<{ after: { total: number; accepted: number; rejected: number } }>(
      await db.execute(sql`select after from audit_events where action = 'roster.imported' order by seq desc limit 1`),
    );
    expect(summary!.after).toMatchObject({ total: 1000, accepted: 990, rejected: 10 });

    // Uploading the same file again enters nobody twice.
    const again = await importRoster(db, company, { bytes, informed: true }, { today: TODAY });
    expect(again.ok && again.data.accepted).toBe(0);
    expect(again.ok && again.data.rows[0]!.errors[0]!.message).toBe('该人员已在本企业提交登记，正在审核');
    expect(await footprint()).toEqual(after);
  }, 600_000);

  it('a picture anchored in a row’s 证件照 cell becomes that person’s cleaned photo; a broken picture refuses the row', async () => {
    const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#48a' } })
      .png()
      .withExif({ IFD0: { Artist: 'GPS-MARKER' } })
      .toBuffer();
    const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const estate = estates[0]!.name;
    const bytes = await workbook(
      [person(1001, estate), person(1002, estate), person(1003, estate)],
      [
        { row: 2, bytes: png, extension: 'png' },
        { row: 4, bytes: broken, extension: 'png' },
      ],
    );
    const before = await footprint();
    const r = await importRoster(db, company, { bytes, informed: true }, { today: TODAY });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.data.rows.map((x) => [x.row, x.accepted, x.photoMissing ?? null])).toEqual([
      [2, true, false],
      [3, true, true],
      [4, false, null],
    ]);
    expect(r.data.rows[2]!.errors).toEqual([{ column: '证件照', message: '照片文件已损坏，无法读取' }]);
    const [p] = rowsOf<{ content: Buffer; payload: { photoMissing?: boolean } }>(
      await db.execute(sql`select a.content, s.payload from practitioners p join attachments a on a.id = p.photo_id
        join submissions s on s.subject_id = p.id and s.type = 'practitioner_entry'
        where p.id_number_hash = ${hashIdNumber(idFor(1001), keys())}`),
    );
    const meta = await sharp(Buffer.from(p!.content)).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 360, 480, undefined]);
    expect(p!.payload.photoMissing).toBeUndefined();
    const [noPhoto] = rowsOf<{ photo_id: string | null }>(
      await db.execute(sql`select photo_id from practitioners where id_number_hash = ${hashIdNumber(idFor(1002), keys())}`),
    );
    expect(noPhoto!.photo_id).toBeNull();
    expect(await hashCount(idFor(1003))).toBe(0);
    const after = await footprint();
    expect(after.practitioners - before.practitioners).toBe(2);
    expect(after.attachments - before.attachments).toBe(2);
  });

  it('refuses anonymous, a district, an unconfirmed upload, a file that is not a roster, and another company’s estate — writing nothing', async () => {
    const bytes = await workbook([person(1004, estates[0]!.name)]);
    const before = await footprint();
    const audits = await n(sql`select count(*)::int as n from audit_events where action = 'roster.imported'`);
    expect(await importRoster(db, null, { bytes, informed: true }, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await importRoster(db, await actorFor(db, 'chuanshan'), { bytes, informed: true }, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const unconfirmed = await importRoster(db, company, { bytes, informed: false }, { today: TODAY });
    expect(!unconfirmed.ok && unconfirmed.fieldErrors?.informed?.[0]).toContain('告知');
    const notXlsx = await importRoster(db, company, { bytes: new TextEncoder().encode('姓名,身份证号码\n'), informed: true }, { today: TODAY });
    expect(!notXlsx.ok && notXlsx.fieldErrors?.file?.[0]).toBe('只接受 .xlsx 格式的名册，请下载模板填写');
    const tooMany = await importRoster(
      db,
      company,
      { bytes: await workbook(Array.from({ length: 2001 }, (_, i) => ({ name: `x${i}` }))), informed: true },
      { today: TODAY },
    );
    expect(!tooMany.ok && tooMany.fieldErrors?.file?.[0]).toBe('名册超过 2000 行人员，每个文件最多 2000 行，请分多个文件上传');
    // company2 names an estate of company: refused row by row.
    const other = await importRoster(db, company2, { bytes, informed: true }, { today: TODAY });
    expect(other.ok && other.data.accepted).toBe(0);
    expect(other.ok && other.data.rows[0]!.errors).toEqual([{ column: '服务项目', message: `“${estates[0]!.name}”不是本企业在管的项目` }]);
    expect(await footprint()).toEqual(before);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'roster.imported'`)).toBe(audits + 1);
  });

  it('exports an estate’s approved current staff in the annex columns with ID numbers masked, audited; out of scope is not found', async () => {
    const [estate] = rowsOf<{ id: string; name: string; district_id: string }>(
      await db.execute(sql`select p.id, p.name, p.district_id from projects p where p.current_company_id = ${company.companyId}
        and exists (select 1 from employments e join certificates c on c.practitioner_id = e.practitioner_id where e.project_id = p.id and e.status = 'current')
        order by p.name limit 1`),
    );
    const staff = rowsOf<{ id_number_enc: string; name: string }>(
      await db.execute(sql`select p.id_number_enc, p.name from employments e join practitioners p on p.id = e.practitioner_id
        where e.project_id = ${estate!.id} and e.status = 'current'`),
    );
    const pending = await n(sql`select count(*)::int as n from employments where project_id = ${estate!.id} and status = 'pending'`);
    expect(pending).toBeGreaterThan(0); // the import above left pending entries: they must not be exported
    const audits = await n(sql`select count(*)::int as n from audit_events where action = 'roster.exported'`);

    const r = await exportRoster(db, company, estate!.id, { today: TODAY });
    if (!r.ok) throw new Error(r.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.data.content as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('信息名册');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(ws.rowCount - 1).toBe(staff.length);
    const names = ws.getColumn(2).values.slice(2);
    expect([...names].sort()).toEqual(staff.map((s) => s.name).sort());
    const all = JSON.stringify(wb.worksheets.map((s) => s.getSheetValues()));
    for (const s of staff) {
      const clear = decryptIdNumber(s.id_number_enc, keys());
      expect(all).not.toContain(clear);
      expect(all).toContain(`${clear.slice(0, 4)}**********${clear.slice(14)}`);
    }
    expect(all).toMatch(/[^|";]+\|[^|";]+\|[^|";]+\|/); // certificates joined as 名称|编号|发证机关|有效期
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'roster.exported' and object_id = ${estate!.id}`)).toBe(1);

    // The district of the estate and the city may export it; another district and another company may not.
    const chuanshan = await actorFor(db, 'chuanshan');
    const shehong = await actorFor(db, 'shehong');
    const inDistrict = estate!.district_id === chuanshan.districtId ? chuanshan : shehong;
    const outDistrict = inDistrict === chuanshan ? shehong : chuanshan;
    expect((await exportRoster(db, inDistrict, estate!.id, { today: TODAY })).ok).toBe(true);
    expect((await exportRoster(db, await actorFor(db, 'city'), estate!.id, { today: TODAY })).ok).toBe(true);
    expect(await exportRoster(db, outDistrict, estate!.id)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await exportRoster(db, company2, estate!.id)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await exportRoster(db, company, 'not-a-uuid')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await exportRoster(db, await actorFor(db, 'committee'), estate!.id)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await exportRoster(db, null, estate!.id)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'roster.exported'`)).toBe(audits + 3);
  });

  it('roster completeness: a district sees its own estates, worst first, with key posts and pending and late counts', async () => {
    const chuanshan = await actorFor(db, 'chuanshan');
    const all = await listRosterCompleteness(db, chuanshan, { district: null, status: 'all', q: '', page: 1 });
    const inDistrict = await n(sql`select count(*)::int as n from projects where district_id = ${chuanshan.districtId} and current_company_id is not null`);
    expect(all.total).toBe(inDistrict);
    const rank = { none: 0, missing_key: 1, pending: 2, complete: 3 } as const;
    const ranks = all.rows.map((r) => rank[r.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const r of all.rows) {
      expect(r.districtName).toBe(chuanshan.districtName);
      if (r.status === 'complete') expect([r.keyPostsFilled.length, r.pending]).toEqual([4, 0]);
      if (r.status === 'missing_key') expect(r.keyPostsFilled.length).toBeLessThan(4);
    }
    // One estate checked against the tables.
    const e = estates[0]!;
    const city = await actorFor(db, 'city');
    const found = await listRosterCompleteness(db, city, { district: null, status: 'all', q: e.name, page: 1 });
    const row = found.rows.find((r) => r.projectId === e.id)!;
    expect(row.staff).toBe(await n(sql`select count(*)::int as n from employments where project_id = ${e.id} and status = 'current'`));
    expect(row.pending).toBe(await n(sql`select count(*)::int as n from employments where project_id = ${e.id} and status = 'pending'`));
    expect(row.pending).toBeGreaterThan(0);
    const filled = rowsOf<{ post: string }>(
      await db.execute(sql`select distinct post::text as post from employments where project_id = ${e.id} and status = 'current'
        and post in ('项目负责人', '客服主管', '工程主管', '安保主管')`),
    ).map((x) => x.post);
    expect([...row.keyPostsFilled].sort()).toEqual(filled.sort());
    // The filters: a status, and the city's district filter.
    const pendingOnly = await listRosterCompleteness(db, city, { district: null, status: 'pending', q: '', page: 1 });
    expect(pendingOnly.rows.every((r) => r.status === 'pending')).toBe(true);
    const shehongOnly = await listRosterCompleteness(db, city, { district: (await actorFor(db, 'shehong')).districtId, status: 'all', q: '', page: 1 });
    expect(new Set(shehongOnly.rows.map((r) => r.districtName)).size).toBe(1);
    expect((await listRosterCompleteness(db, company, { district: null, status: 'all', q: '', page: 1 })).total).toBe(0);
  });
});
