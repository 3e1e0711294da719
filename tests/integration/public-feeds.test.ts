/**
 * The estate and company Atom feeds (issue 16 item 4), through their route handlers on both drivers: valid Atom
 * (RFC 4287) read by a conforming XML parser, entry ids stable across renders and derived from rows, the kinds of
 * event, public fields only (no pending staff, no unpublished rating, no private data of the people named), and
 * 404 for unknown, malformed or unapproved keys.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.APP_TODAY = '2026-11-20';
});

import { setDbHandleForTests } from '@/db';
import type { Db } from '@/db/client';
import { GET as companyFeedGET } from '@/app/feeds/companies/[file]/route';
import { GET as projectFeedGET } from '@/app/feeds/projects/[file]/route';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import { child, one, parseXml, type XmlElement } from './helpers/xml';

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const call = (handler: typeof projectFeedGET, path: string, file: string) => handler(new Request(`http://localhost${path}`), { params: Promise.resolve({ file }) });

/** Asserts the RFC 4287 requirements a reader relies on; returns the entries as plain objects. */
function atomEntries(xml: string, selfPath: string) {
  const feed = parseXml(xml);
  expect([feed.ns, feed.name]).toEqual([ATOM, 'feed']);
  expect(one(feed, 'id').text).toMatch(/^urn:suining-credit:feeds:(project|company):/);
  expect(one(feed, 'title').text.trim()).not.toBe('');
  expect(one(feed, 'updated').text).toMatch(RFC3339);
  expect(one(one(feed, 'author'), 'name').text).toBe('遂宁市住房和城乡建设局');
  const self = child(feed, 'link').find((l) => l.attrs.rel === 'self');
  expect(self?.attrs.href).toBe(`http://localhost:3000${selfPath}`);
  expect(self?.attrs.type).toBe('application/atom+xml');
  const entries = child(feed, 'entry').map((e: XmlElement) => {
    const content = one(e, 'content');
    const link = child(e, 'link').find((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
    return { id: one(e, 'id').text, title: one(e, 'title').text, updated: one(e, 'updated').text, contentType: content.attrs.type, content: content.text, href: link?.attrs.href ?? '' };
  });
  for (const e of entries) {
    expect(e.id).toMatch(/^urn:suining-credit:[a-z-]+:[0-9A-Za-z-]+$/);
    expect(e.title.trim()).not.toBe('');
    expect(e.updated).toMatch(RFC3339);
    expect(e.contentType).toBe('text');
    expect(e.content).toMatch(/[\u4e00-\u9fff]/);
    expect(e.href).toMatch(/^http:\/\/localhost:3000\/(projects|companies)\//);
  }
  // Ids are unique; the feed's updated is its newest entry's.
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  if (entries.length) expect(one(feed, 'updated').text).toBe(entries.map((e) => e.updated).sort().at(-1));
  return entries;
}

describe.each(DRIVERS)('estate and company Atom feeds (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  let project: string;
  let uscc: string;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    setDbHandleForTests(t.handle);
    // An estate with current staff and a published rating; the approved company with the most list events.
    [{ project }] = await rows<{ project: string }>(sql`
      select e.project_id as project from employments e
        join estate_ratings r on r.project_id = e.project_id
        join rating_publications rp on rp.year = r.year and rp.quarter = r.quarter
       where e.status = 'current' group by 1 order by count(*) desc, 1 limit 1`);
    [{ uscc }] = await rows<{ uscc: string }>(sql`
      select c.uscc from companies c join list_events le on le.company_id = c.id
       where c.filing_status = 'approved' group by c.uscc order by count(*) desc, c.uscc limit 1`);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await t.cleanup();
  });

  it('an estate feed is valid Atom with stable ids: staff, ratings; nothing private, pending or unpublished', async () => {
    const path = `/feeds/projects/${project}.xml`;
    const res = await call(projectFeedGET, path, `${project}.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    const entries = atomEntries(xml, path);
    const kinds = new Set(entries.map((e) => e.id.split(':')[2]));
    expect(kinds).toContain('staff-joined');
    expect(kinds).toContain('rating');
    // The same render twice: the same document, the same ids.
    expect(await (await call(projectFeedGET, path, `${project}.xml`)).text()).toBe(xml);
    // Each staff entry is a real employment of this estate, named by its row id.
    const jobs = await rows<{ id: string; name: string; post: string }>(sql`
      select e.id, p.name, e.post::text as post from employments e join practitioners p on p.id = e.practitioner_id where e.project_id = ${project}`);
    for (const e of entries.filter((x) => x.id.includes(':staff-joined:'))) {
      const job = jobs.find((j) => e.id === `urn:suining-credit:staff-joined:${j.id}`);
      expect(job, e.id).toBeDefined();
      expect(e.content).toContain(job!.name);
      expect(e.content).toContain(job!.post);
    }
    // None of the private fields of anyone employed here.
    const people = await rows<{ birth: string; mobile: string; masked: string; native: string; school: string | null }>(sql`
      select p.birth_date::text as birth, p.mobile, p.id_number_masked as masked, p.native_place as native, p.school
        from employments e join practitioners p on p.id = e.practitioner_id where e.project_id = ${project}`);
    for (const p of people) {
      for (const v of [p.birth, p.mobile, p.masked, p.school].filter(Boolean)) expect(xml).not.toContain(v!);
    }
    expect(xml).not.toMatch(/身份证|出生|民族|籍贯|政治面貌|学历/);
  });

  it('what is not public never shows; a departure shows at once as its own entry', async () => {
    const path = `/feeds/projects/${project}.xml`;
    // A person waiting for approval, and a rating of a quarter not published.
    const [{ id: person }] = await rows<{ id: string }>(sql`
      insert into practitioners (id_number_enc, id_number_hash, id_number_masked, name, gender, birth_date, ethnicity, native_place,
        political_status, mobile, education, hired_on, labour_contract_on, status)
      values ('x', 'feeds-test-pending', '5109**********0000', '待审测试员', '男', '1990-01-01', '汉族', '四川遂宁', '群众', '13800000000',
        '本科', '2020-01-01', '2020-01-01', 'pending') returning id`);
    await db.execute(sql`insert into employments (practitioner_id, company_id, project_id, post, start_date, status)
      select ${person}, current_company_id, id, '保洁人员', '2026-11-01', 'pending' from projects where id = ${project}`);
    const [{ id: rating }] = await rows<{ id: string }>(sql`
      insert into estate_ratings (project_id, company_id, year, quarter, inspection_score, rating, policy_version)
      select id, current_company_id, 2031, 1, 50, '差', (select max(version) from credit_policies) from projects where id = ${project} returning id`);
    let xml = await (await call(projectFeedGET, path, `${project}.xml`)).text();
    expect(xml).not.toContain('待审测试员');
    expect(xml).not.toContain(rating);
    // A current employee leaves (ended before today): a staff-left entry with name and post, and the joined one stays.
    const [job] = await rows<{ id: string; name: string; post: string }>(sql`
      select e.id, p.name, e.post::text as post from employments e join practitioners p on p.id = e.practitioner_id
       where e.project_id = ${project} and e.status = 'current' order by e.start_date desc, e.id limit 1`);
    await db.execute(sql`update employments set status = 'ended', end_date = '2026-11-19', end_reason = '离职' where id = ${job!.id}`);
    xml = await (await call(projectFeedGET, path, `${project}.xml`)).text();
    const entries = atomEntries(xml, path);
    const left = entries.find((e) => e.id === `urn:suining-credit:staff-left:${job!.id}`);
    expect(left?.content).toContain(job!.name);
    expect(left?.updated).toBe('2026-11-18T16:00:00.000Z');
    expect(entries.some((e) => e.id === `urn:suining-credit:staff-joined:${job!.id}`)).toBe(true);
  });

  it('a company feed: its filing and its list changes, with the ids of the city-wide list feed', async () => {
    // A company with few events shows its filing.
    const [{ small }] = await rows<{ small: string }>(sql`
      select c.uscc as small from companies c where c.filing_status = 'approved' and c.approved_at is not null
       order by (select count(*) from employments e where e.company_id = c.id), c.uscc limit 1`);
    const few = atomEntries(await (await call(companyFeedGET, `/feeds/companies/${small}.xml`, `${small}.xml`)).text(), `/feeds/companies/${small}.xml`);
    expect(few.map((e) => e.id)).toContain(`urn:suining-credit:company-filing:${small}`);

    const path = `/feeds/companies/${uscc}.xml`;
    const res = await call(companyFeedGET, path, `${uscc}.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    const entries = atomEntries(xml, path);
    expect(entries.length).toBeLessThanOrEqual(50);
    const oldest = entries.map((e) => e.updated).sort()[0]!;
    // The filing is there unless 50 newer events pushed it out.
    const [{ approved }] = await rows<{ approved: string }>(sql`select approved_at as approved from companies where uscc = ${uscc}`);
    const filed = new Date(approved).toISOString();
    if (entries.length < 50 || filed >= oldest) expect(entries.map((e) => e.id)).toContain(`urn:suining-credit:company-filing:${uscc}`);
    // Every list event of the company newer than the oldest entry is there, under the list feed's id.
    const events = await rows<{ id: string; at: string }>(sql`select le.id, le.at from list_events le join companies c on c.id = le.company_id where c.uscc = ${uscc}`);
    const recent = events.filter((r) => new Date(r.at).toISOString() > oldest).map((r) => `urn:suining-credit:list-event:${r.id}`);
    expect(recent.length).toBeGreaterThan(0);
    const listed = entries.filter((e) => e.id.startsWith('urn:suining-credit:list-event:')).map((e) => e.id);
    for (const id of recent) expect(listed).toContain(id);
    for (const id of listed) expect(events.map((r) => `urn:suining-credit:list-event:${r.id}`)).toContain(id);
    expect(await (await call(companyFeedGET, path, `${uscc.toLowerCase()}.xml`)).text()).toBe(xml);
  });

  it('unknown, malformed and unapproved keys are 404', async () => {
    const [{ code }] = await rows<{ code: string }>(sql`select uscc as code from companies where filing_status <> 'approved' order by uscc limit 1`);
    for (const file of ['00000000-0000-4000-8000-000000000000.xml', `${project}`, `${project}.json`, 'x.xml', '.xml', `${project}.xml.xml`]) {
      expect((await call(projectFeedGET, `/feeds/projects/${file}`, file)).status, file).toBe(404);
    }
    for (const file of ['91510900MA00000000.xml', `${uscc}`, 'abc.xml', `${code}.xml`]) {
      expect((await call(companyFeedGET, `/feeds/companies/${file}`, file)).status, file).toBe(404);
    }
  });
});
