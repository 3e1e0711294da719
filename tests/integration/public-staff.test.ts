import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getPublicStaffCard, getPublicStaffPhoto, listPublicStaff, STAFF_PAGE_SIZE, type PublicStaffMember } from '@/db/queries/public-staff';
import { isPhonePublic, PUBLIC_PHONE_POSTS } from '@/lib/domain/practitioner';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import { findClearIdNumbers, validIdNumbersIn } from './helpers/id-scan';

const TODAY = '2026-11-23';
const MEMBER_KEYS = ['age', 'certificates', 'gender', 'hasPhoto', 'id', 'name', 'objectionOpen', 'phone', 'post', 'records', 'registryNo'];
const FORBIDDEN = /idNumber|birth|ethnic|native|political|education|school|major|skills|mobile|hiredOn|labour/i;

function allKeys(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => allKeys(x, out));
  else if (v && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      allKeys(x, out);
    }
  }
  return out;
}

function ageOn(birth: string, on: string) {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  return ty! - by! - (tm! < bm! || (tm === bm && td! < bd!) ? 1 : 0);
}

describe.each(DRIVERS)('public staff of an estate (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let projectId: string;
  const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    // An estate with a manager, a supervisor and other staff, all current and approved.
    [{ id: projectId }] = (await q<{ id: string }>(sql`
      select e.project_id as id from employments e join practitioners p on p.id = e.practitioner_id
      where e.status = 'current' and p.status = 'active' and e.project_id is not null
      group by e.project_id
      having bool_or(e.post = '项目负责人') and bool_or(e.post in ('客服主管', '工程主管', '安保主管')) and bool_or(e.post = '保洁人员')
      order by e.project_id limit 1`)) as [{ id: string }];
  });
  afterAll(() => t.cleanup());

  it('lists exactly the approved current staff with the public fields only, manager first', async () => {
    const page = await listPublicStaff(db, projectId, { today: TODAY });
    const expected = await q<{ id: string; post: string; mobile: string; birth_date: string; gender: string }>(sql`
      select p.id, e.post::text as post, p.mobile, p.birth_date::text as birth_date, p.gender from employments e join practitioners p on p.id = e.practitioner_id
      where e.project_id = ${projectId} and e.status = 'current' and p.status = 'active'`);
    expect(page.total).toBe(expected.length);
    expect(page.items.length).toBe(Math.min(expected.length, STAFF_PAGE_SIZE));
    expect(page.items[0]!.post).toBe('项目负责人');
    const byId = new Map(expected.map((e) => [e.id, e]));
    for (const m of page.items) {
      expect(Object.keys(m).sort()).toEqual(MEMBER_KEYS);
      const e = byId.get(m.id)!;
      expect(e).toBeDefined();
      expect(m.post).toBe(e.post);
      expect(m.gender).toBe(e.gender);
      expect(m.age).toBe(ageOn(e.birth_date, TODAY));
      // SN 19: a phone for the manager and the three supervisors only.
      expect(m.phone).toBe(isPhonePublic(e.post) ? e.mobile : null);
      for (const c of m.certificates) expect(Object.keys(c).sort()).toEqual(['issuer', 'name', 'validUntil']);
      for (const r of m.records) {
        expect(Object.keys(r).sort()).toEqual(['corrections', 'description', 'id', 'issuer', 'kind', 'objectionOpen', 'occurredOn', 'statement', 'status', 'type']);
      }
    }
    expect(page.items.some((m) => m.phone)).toBe(true);
    expect(page.items.some((m) => !(PUBLIC_PHONE_POSTS as readonly string[]).includes(m.post) && m.phone === null)).toBe(true);
    // No forbidden key anywhere, and no birth date or ID number in the serialised page.
    expect(allKeys(page).filter((k) => FORBIDDEN.test(k))).toEqual([]);
    const json = JSON.stringify(page);
    for (const e of expected) expect(json).not.toContain(e.birth_date);
    expect(validIdNumbersIn(json)).toEqual([]);
  });

  it('shows approved good and bad records of a person', async () => {
    const [row] = await q<{ project_id: string; practitioner_id: string; n: number }>(sql`
      select e.project_id, e.practitioner_id, count(*)::int as n from practitioner_records r
      join employments e on e.practitioner_id = r.practitioner_id and e.status = 'current'
      join practitioners p on p.id = e.practitioner_id and p.status = 'active'
      where r.status in ('approved', 'corrected') and (r.public_until is null or r.public_until >= ${TODAY})
      group by e.project_id, e.practitioner_id order by e.practitioner_id limit 1`);
    expect(row).toBeDefined();
    const card = await getPublicStaffCard(db, row!.project_id, row!.practitioner_id, { today: TODAY });
    expect(card!.records.length).toBe(row!.n);
    expect(allKeys(card).filter((k) => FORBIDDEN.test(k))).toEqual([]);
  });

  it('a person pending review, ended, archived or at another estate has no card and no photo', async () => {
    const member = (await listPublicStaff(db, projectId, { today: TODAY })).items[0] as PublicStaffMember;
    const photo = await sharp({ create: { width: 120, height: 160, channels: 3, background: '#abc' } }).jpeg().toBuffer();
    const addPhoto = async (pid: string) => {
      await db.execute(sql`insert into attachments (owner_type, owner_id, kind, filename, mime, size, sha256, content)
        values ('practitioner', ${pid}, 'thumb', 't.jpg', 'image/jpeg', ${photo.byteLength}, 'x', ${photo})`);
      await db.execute(sql`insert into attachments (owner_type, owner_id, kind, filename, mime, size, sha256, content)
        values ('practitioner', ${pid}, 'photo', 'p.jpg', 'image/jpeg', ${photo.byteLength}, 'x', ${photo})`);
    };
    await addPhoto(member.id);
    expect((await getPublicStaffCard(db, projectId, member.id, { today: TODAY }))?.name).toBe(member.name);
    expect((await getPublicStaffPhoto(db, projectId, member.id, 'thumb'))?.mime).toBe('image/jpeg');

    const others = await q<{ id: string; project_id: string; kind: string }>(sql`
      (select p.id, e.project_id, 'pending' as kind from employments e join practitioners p on p.id = e.practitioner_id where e.status = 'pending' and e.project_id is not null order by p.id limit 1)
      union all
      (select p.id, e.project_id, 'ended' as kind from employments e join practitioners p on p.id = e.practitioner_id
         where e.status = 'ended' and e.project_id is not null and not exists (select 1 from employments c where c.practitioner_id = p.id and c.status = 'current' and c.project_id = e.project_id) order by p.id limit 1)`);
    expect(others.map((o) => o.kind).sort()).toEqual(['ended', 'pending']);
    for (const o of others) {
      await addPhoto(o.id);
      expect(await getPublicStaffCard(db, o.project_id, o.id, { today: TODAY })).toBeNull();
      expect(await getPublicStaffPhoto(db, o.project_id, o.id, 'photo')).toBeNull();
      expect((await listPublicStaff(db, o.project_id, { today: TODAY })).items.map((m) => m.id)).not.toContain(o.id);
    }
    // The right person at the wrong estate; malformed ids.
    const [other] = await q<{ id: string }>(sql`select id from projects where id <> ${projectId} order by id limit 1`);
    expect(await getPublicStaffCard(db, other!.id, member.id, { today: TODAY })).toBeNull();
    expect(await getPublicStaffPhoto(db, other!.id, member.id, 'thumb')).toBeNull();
    expect(await getPublicStaffCard(db, 'x', member.id, { today: TODAY })).toBeNull();

    // The moment the person stops being current (archived), the card and the photo go.
    await db.execute(sql`update practitioners set status = 'archived' where id = ${member.id}`);
    expect(await getPublicStaffCard(db, projectId, member.id, { today: TODAY })).toBeNull();
    expect(await getPublicStaffPhoto(db, projectId, member.id, 'thumb')).toBeNull();
    await db.execute(sql`update practitioners set status = 'active' where id = ${member.id}`);
  });

  it('pages a large estate', async () => {
    const [big] = await q<{ id: string; n: number }>(sql`
      select e.project_id as id, count(*)::int as n from employments e join practitioners p on p.id = e.practitioner_id
      where e.status = 'current' and p.status = 'active' group by e.project_id order by count(*) desc limit 1`);
    const p1 = await listPublicStaff(db, big!.id, { today: TODAY, page: 1 });
    expect(p1.total).toBe(big!.n);
    expect(p1.items.length).toBeLessThanOrEqual(STAFF_PAGE_SIZE);
    const last = await listPublicStaff(db, big!.id, { today: TODAY, page: 999 });
    expect(last.page).toBe(last.pageCount);
  });

  it('the practitioners table and the audit log hold no ID number in clear', async () => {
    const [{ n }] = await q<{ n: number }>(sql`select count(*)::int as n from practitioners`);
    expect(n).toBeGreaterThan(5000);
    expect(await findClearIdNumbers(db)).toEqual([]);
    // The scan itself finds a clear number when there is one (so an empty answer means something).
    const [{ id }] = await q<{ id: string }>(sql`select id from practitioners order by id limit 1`);
    let seen: string[] = [];
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`update practitioners set skills = '身份证 11010519491231002X' where id = ${id}`);
        seen = (await findClearIdNumbers(tx as unknown as Db)).map((f) => f.value);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(seen).toEqual(['11010519491231002X']);
    expect(await findClearIdNumbers(db)).toEqual([]);
  });
});
