/**
 * Issue 13, finding 7 (uploads) and 12 (roster export audit): the roster upload settles who is asking before it
 * reads a byte of the body, caps the body as it streams (chunked bodies too), and refuses a zip bomb before
 * ExcelJS inflates it; the export audits only real estates out of scope.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { IMPORT_COLUMNS } from '@/lib/domain/roster';
import { handleRosterUpload, ROSTER_UPLOAD_LIMIT, TOO_LARGE_MESSAGE } from '@/lib/http/roster-upload';
import { exportRoster } from '@/lib/services/roster-export';
import { importRoster } from '@/lib/services/roster-import';
import { minimalXlsx } from '../fixtures/zip';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-23';
const ORIGIN = 'http://localhost:3000';
const BOMB_MESSAGE = '文件解压后过大，不像是人员名册，请使用模板填写后上传；人员较多时请分多个文件上传';

/** A body that records whether anyone pulled from it, sending `chunks` chunks of `size` bytes, without Content-Length. */
function trackedBody(chunks: number, size: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, state };
}

const upload = (body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}/company/staff/import/upload`, {
    method: 'POST',
    headers: { origin: ORIGIN, host: 'localhost:3000', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

describe.each(DRIVERS)('upload limits (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let estate: { id: string; name: string };

  const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]!.n);
  const footprint = async () => ({
    practitioners: await n(sql`select count(*)::int as n from practitioners`),
    employments: await n(sql`select count(*)::int as n from employments`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
    submissions: await n(sql`select count(*)::int as n from submissions`),
    audit: await n(sql`select count(*)::int as n from audit_events`),
  });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    company = await actorFor(db, 'company');
    company2 = await actorFor(db, 'company2');
    estate = rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from projects where current_company_id = ${company.companyId} order by name limit 1`))[0]!;
  });
  afterAll(() => t.cleanup());

  it('a zip-bomb roster is refused with a clear message before it is inflated, writing nothing', async () => {
    const header = IMPORT_COLUMNS.map((c) => c.header);
    const bomb = minimalXlsx([header, ['张三']], { padding: 70 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const before = await footprint();
    const r = await importRoster(db, company, { bytes: bomb, informed: true }, { today: TODAY });
    expect(r).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { file: [BOMB_MESSAGE] } });
    // Just under the ratio floor but compressing far too well: refused the same way.
    const dense = minimalXlsx([header, ['张三']], { padding: 4 * 1024 * 1024 });
    expect(await importRoster(db, company, { bytes: dense, informed: true }, { today: TODAY })).toMatchObject({ fieldErrors: { file: [BOMB_MESSAGE] } });
    expect(await footprint()).toEqual(before);
    // The same small workbook without the padding gets past the zip check and is read row by row.
    const fine = await importRoster(db, company, { bytes: minimalXlsx([header, ['张三']]), informed: true }, { today: TODAY });
    expect(fine.ok && fine.data.rows[0]!.name).toBe('张三');
  });

  it('an anonymous or wrong-role upload is refused before a byte of the body is read', async () => {
    for (const actor of [null, await actorFor(db, 'chuanshan')]) {
      const { stream, state } = trackedBody(1000, 64 * 1024);
      const before = await footprint();
      const res = await handleRosterUpload(db, actor, upload(stream, { 'content-type': 'multipart/form-data; boundary=x' }), { today: TODAY });
      expect(res.status).toBe(actor ? 403 : 401);
      expect(await res.json()).toMatchObject({ ok: false, code: actor ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
      // A ReadableStream pulls once to fill its queue when created; nothing beyond that was read.
      expect(state.pulled).toBeLessThanOrEqual(1);
      expect(await footprint()).toEqual(before);
    }
    // A cross-site post is refused first of all.
    const res = await handleRosterUpload(db, company, upload('x', { origin: 'https://evil.example' }));
    expect(res.status).toBe(403);
  });

  it('an oversized chunked body is refused at the cap, without Content-Length and whatever Content-Length claims', async () => {
    const cap = 256 * 1024;
    const { stream, state } = trackedBody(1000, 64 * 1024); // 64 MB if read to the end
    const before = await footprint();
    const res = await handleRosterUpload(db, company, upload(stream, { 'content-type': 'multipart/form-data; boundary=x' }), { today: TODAY, maxBodyBytes: cap });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, fieldErrors: { file: [TOO_LARGE_MESSAGE] } });
    expect(state.pulled).toBeLessThan(10);
    // A declared length over the cap is refused without reading at all.
    const declared = trackedBody(1000, 64 * 1024);
    const res2 = await handleRosterUpload(db, company, upload(declared.stream, { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(cap + 1) }), {
      today: TODAY,
      maxBodyBytes: cap,
    });
    expect(res2.status).toBe(413);
    expect(declared.state.pulled).toBeLessThanOrEqual(1);
    const { audit: _a, ...rest } = before;
    const { audit: _b, ...after } = await footprint();
    expect(after).toEqual(rest);
  });

  it('a real upload through the handler: the form is read from the capped body and imported', async () => {
    const fd = new FormData();
    fd.set('file', new File([Buffer.from(minimalXlsx([IMPORT_COLUMNS.map((c) => c.header), ['李四']]))], 'roster.xlsx'));
    fd.set('informed', 'true');
    const body = new Response(fd);
    const res = await handleRosterUpload(db, company2, upload(await body.arrayBuffer(), { 'content-type': body.headers.get('content-type')! }), { today: TODAY });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, data: { total: 1, accepted: 0 } });
  });

  it('the upload is limited per operator before the body is read', async () => {
    const operator = await actorFor(db, 'company');
    const at = new Date('2026-11-23T03:00:00Z');
    for (let i = 0; i < ROSTER_UPLOAD_LIMIT.max; i++) {
      const r = await handleRosterUpload(db, operator, upload('', { 'content-type': 'multipart/form-data; boundary=x' }), { today: TODAY, now: at });
      expect(r.status).toBe(400);
    }
    const { stream, state } = trackedBody(10, 1024);
    const r = await handleRosterUpload(db, operator, upload(stream, { 'content-type': 'multipart/form-data; boundary=x' }), { today: TODAY, now: at });
    expect(r.status).toBe(429);
    expect(await r.json()).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('the roster export audits only a real estate out of scope; a made-up project answers 404 with no audit row', async () => {
    const outOfScope = () => n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope'`);
    const before = await outOfScope();
    for (const bogus of ['anything', "1' or '1'='1", '00000000-0000-4000-8000-000000000000', null, 'x'.repeat(5000)]) {
      expect(await exportRoster(db, company, bogus, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await outOfScope()).toBe(before);
    // Another company's real estate: 404 and exactly one out-of-scope row naming it.
    expect(await exportRoster(db, company2, estate.id, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await outOfScope()).toBe(before + 1);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${estate.id} and object_type = 'project'`)).toBe(1);
    expect(await exportRoster(db, company, estate.id, { today: TODAY })).toMatchObject({ ok: true });
  });
});
