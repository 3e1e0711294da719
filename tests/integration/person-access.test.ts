/**
 * Issue 13, finding 5: only a current employment, or a pending one under review, gives a company or a district
 * access to a person's file, photo and full ID number. A former employer — ended, rejected, or a withdrawn
 * re-entry — gets NOT_FOUND exactly like a missing person, nothing changes and the attempt is audited.
 */
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { idCheckChar } from '@/lib/domain/id-number';
import { decryptIdNumber, keysFromBase64, type IdKeys } from '@/lib/security/id-crypto';
import { getPublicStaffPhoto } from '@/db/queries/public-staff';
import { publicPhotoResponse } from '@/lib/http/photo';
import { ATTACHMENT_CACHE_CONTROL, openAttachment } from '@/lib/services/attachments';
import { submitEntry } from '@/lib/services/practitioner-entry';
import { requestExit, requestReEntry, withdrawMove } from '@/lib/services/practitioner-moves';
import { decidePractitionerSubmission, getPersonFileInScope, viewFullIdNumber } from '@/lib/services/practitioner-review';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const keys = (): IdKeys => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
const idOf = (first17: string) => first17 + idCheckChar(first17);
const TODAY = '2026-11-23';
const CHUANSHAN = '510903';

describe.each(DRIVERS)('access to a person follows the current employment only (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let chuanshan: Actor;
  let shehong: Actor;
  let city: Actor;
  let chuanshanEstate: string;
  let photo: Uint8Array;

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const photoOf = async (id: string) => (await rows<{ photo_id: string | null }>(sql`select photo_id from practitioners where id = ${id}`))[0]!.photo_id!;
  const outOfScope = async (objectId: string) =>
    (await rows<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${objectId}`))[0]!.n;
  /** Everything a look could change, apart from the out-of-scope rows. */
  const footprint = async (id: string) => ({
    person: (await rows(sql`select status, version, photo_id, mobile from practitioners where id = ${id}`))[0],
    employments: await rows(sql`select id, status, company_id from employments where practitioner_id = ${id} order by id`),
    audit: (await rows<{ n: number }>(sql`select count(*)::int as n from audit_events where action <> 'access.out_of_scope'`))[0]!.n,
  });
  const version = async (submissionId: string) => (await rows<{ version: number }>(sql`select version from submissions where id = ${submissionId}`))[0]!.version;
  const decide = async (actor: Actor, submissionId: string, decision: 'approved' | 'rejected', reason = '材料齐全，同意') => {
    const r = await decidePractitionerSubmission(db, actor, { id: submissionId, expectedVersion: await version(submissionId), decision, reason }, { today: TODAY });
    if (!r.ok) throw new Error(`decision failed: ${r.message}`);
  };

  /** Whether `actor` can open the file, the photo and the full ID number of the person (all three must agree). */
  const access = async (actor: Actor, id: string) => {
    const file = await getPersonFileInScope(db, actor, id);
    const pic = await openAttachment(db, actor, await photoOf(id));
    const full = await viewFullIdNumber(db, actor, { practitionerId: id }, { keys: keys() });
    const seen = [file.ok, pic.ok, full.ok];
    if (seen.every(Boolean)) return 'granted';
    if (seen.some(Boolean)) throw new Error(`inconsistent access ${JSON.stringify(seen)}`);
    for (const r of [file, pic, full]) expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    return 'not found';
  };

  /** A denied look at a former employee changes nothing and writes one out-of-scope row per attempt. */
  const expectDenied = async (actor: Actor, id: string) => {
    const before = await footprint(id);
    const auditedPerson = await outOfScope(id);
    const photoId = await photoOf(id);
    const auditedPhoto = await outOfScope(photoId);
    const clear = decryptIdNumber((await rows<{ enc: string }>(sql`select id_number_enc as enc from practitioners where id = ${id}`))[0]!.enc, keys());
    const full = await viewFullIdNumber(db, actor, { practitionerId: id }, { keys: keys() });
    expect(JSON.stringify(full)).not.toContain(clear);
    expect(await access(actor, id)).toBe('not found');
    expect(await footprint(id)).toEqual(before);
    // file and full ID (twice) name the person, the photo names the attachment.
    expect(await outOfScope(id)).toBe(auditedPerson + 3);
    expect(await outOfScope(photoId)).toBe(auditedPhoto + 1);
  };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2, chuanshan, shehong, city] = await Promise.all(['company', 'company2', 'chuanshan', 'shehong', 'city'].map((u) => actorFor(db, u)));
    chuanshanEstate = (await rows<{ id: string }>(sql`select id from projects where current_company_id = ${company.companyId} and district_id = ${CHUANSHAN} order by id limit 1`))[0]!.id;
    photo = new Uint8Array(await sharp({ create: { width: 300, height: 400, channels: 3, background: '#8a8' } }).png().toBuffer());
  });
  afterAll(() => t.cleanup());

  const enter = async (idNumber: string) => {
    const r = await submitEntry(
      db,
      company,
      {
        data: {
          name: '赵六',
          idNumber,
          ethnicity: '汉族',
          nativePlace: '四川遂宁',
          politicalStatus: '群众',
          mobile: '13900004444',
          education: '高中',
          certificates: [],
          hiredOn: '2026-11-16',
          labourContractOn: '2026-11-16',
          projectId: chuanshanEstate,
          post: '保洁人员',
          informed: true,
        },
        photo: { bytes: photo },
      },
      { today: TODAY, keys: keys() },
    );
    if (!r.ok) throw new Error(`entry failed: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data;
  };

  it('a pending entry: the company and the reviewing district may look; a rejected one gives nothing', async () => {
    const e = await enter(idOf('51090319900101001'));
    expect(await access(company, e.practitionerId)).toBe('granted');
    expect(await access(chuanshan, e.practitionerId)).toBe('granted');
    expect(await access(city, e.practitionerId)).toBe('granted');
    expect(await access(company2, e.practitionerId)).toBe('not found');
    expect(await access(shehong, e.practitionerId)).toBe('not found');

    await decide(chuanshan, e.submissionId, 'rejected', '照片与本人不符');
    await expectDenied(company, e.practitionerId);
    await expectDenied(chuanshan, e.practitionerId);
    expect(await access(city, e.practitionerId)).toBe('granted');
  });

  it('an ended employment gives nothing; a re-entry request then withdrawal keeps nothing either', async () => {
    const e = await enter(idOf('51090319900101002'));
    await decide(chuanshan, e.submissionId, 'approved');
    const id = e.practitionerId;
    expect(await access(company, id)).toBe('granted');
    expect(await access(chuanshan, id)).toBe('granted');
    // The public photo on the estate page: cached only with revalidation on every use.
    const publicPhoto = async () => publicPhotoResponse(await getPublicStaffPhoto(db, chuanshanEstate, id, 'photo'), null);
    const shown = await publicPhoto();
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('public, no-cache');
    expect(publicPhotoResponse(await getPublicStaffPhoto(db, chuanshanEstate, id, 'photo'), shown.headers.get('etag')).status).toBe(304);

    // Exit under review: still the current employer.
    const exit = await requestExit(db, company, { practitionerId: id, leftOn: '2026-11-20', reason: '个人原因离开物业行业' }, { today: TODAY });
    if (!exit.ok) throw new Error(exit.message);
    expect(await access(company, id)).toBe('granted');
    await decide(chuanshan, exit.data.submissionId, 'approved');
    expect((await rows<{ status: string }>(sql`select status from employments where practitioner_id = ${id}`)).map((r) => r.status)).toEqual(['ended']);
    await expectDenied(company, id);
    await expectDenied(chuanshan, id);
    // Once the person has left, the public photo answers 404 that no cache keeps.
    const gone = await publicPhoto();
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control')).toBe('private, no-store');

    // company2 asks to re-enter the person: pending, so company2 and the estate's district may look …
    const to = (await rows<{ id: string; district_id: string }>(sql`select id, district_id from projects where current_company_id = ${company2.companyId} order by id limit 1`))[0]!;
    const re = await requestReEntry(
      db,
      company2,
      {
        name: '赵六',
        idNumber: idOf('51090319900101002'),
        projectId: to.id,
        post: '保洁人员',
        hiredOn: '2026-11-22',
        labourContractOn: '2026-11-22',
        update: { politicalStatus: '群众', mobile: '13900005555', school: '', major: '', education: '高中', skills: '', certificates: [] },
        informed: true,
      },
      { today: TODAY, keys: keys() },
    );
    if (!re.ok) throw new Error(re.message);
    expect(await access(company2, id)).toBe('granted');
    await expectDenied(company, id);
    // … and after withdrawing it, company2 keeps nothing.
    expect(await withdrawMove(db, company2, { submissionId: re.data.submissionId, expectedVersion: 1 })).toMatchObject({ ok: true });
    await expectDenied(company2, id);
    expect(await access(city, id)).toBe('granted');
  });

  it('photos are served private, no-store, and only to a signed-in user in scope', async () => {
    const e = await enter(idOf('51090319900101003'));
    const pic = await openAttachment(db, company, await photoOf(e.practitionerId));
    expect(pic).toMatchObject({ ok: true, data: { mime: 'image/jpeg', cacheControl: 'private, no-store' } });
    expect(ATTACHMENT_CACHE_CONTROL).toBe('private, no-store');
    expect(await openAttachment(db, null, await photoOf(e.practitionerId))).toMatchObject({ ok: false });
    expect(await openAttachment(db, company, 'not-a-uuid')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
