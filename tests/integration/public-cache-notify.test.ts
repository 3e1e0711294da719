/**
 * The database tells the page caches what a committed change touched (db/migrations/0007, lib/cache/listen.ts,
 * decision 021): on both drivers, each kind of change sends the tags of the pages that show it, a rolled-back
 * change sends nothing, a bulk statement empties everything, and a statement that changed no row is silent.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenForPublicChanges, tagsOfNotice } from '@/lib/cache/listen';
import { PageCache } from '@/lib/cache/page-cache.mjs';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

class Recorder {
  notices: string[][] = [];
  invalidate(tags: string[]) {
    this.notices.push([...tags].sort());
  }
}

describe.each(DRIVERS)('public cache notices (%s)', (driver) => {
  let t: TestDb;
  const rec = new Recorder();
  let company: { id: string; uscc: string };
  let projectIds: string[];
  let person: { id: string; projectId: string; employmentId: string; companyUscc: string };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    await listenForPublicChanges(t.handle, rec);
    const db = t.handle.db;
    [company] = rowsOf<{ id: string; uscc: string }>(
      await db.execute(sql`SELECT c.id, c.uscc FROM companies c WHERE EXISTS (SELECT 1 FROM projects p WHERE p.current_company_id = c.id) ORDER BY c.uscc LIMIT 1`),
    ) as [{ id: string; uscc: string }];
    projectIds = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM projects WHERE current_company_id = ${company.id} ORDER BY id`)).map((r) => r.id);
    [person] = rowsOf<{ id: string; projectId: string; employmentId: string; companyUscc: string }>(
      await db.execute(sql`SELECT e.practitioner_id AS "id", e.project_id AS "projectId", e.id AS "employmentId", c.uscc AS "companyUscc"
        FROM employments e JOIN companies c ON c.id = e.company_id WHERE e.project_id IS NOT NULL ORDER BY e.id LIMIT 1`),
    ) as [{ id: string; projectId: string; employmentId: string; companyUscc: string }];
    // Both listeners are in place once listenForPublicChanges resolves; postgres.js reports its connection with
    // an "all" (a listener that was away may have missed notices).
    expect(rec.notices).toEqual(driver === 'postgres' ? [['all']] : []);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  /** Runs a change, then waits for its notice (and only one). */
  async function noticeOf(change: () => Promise<unknown>): Promise<string[]> {
    const before = rec.notices.length;
    await change();
    await expect.poll(() => rec.notices.length, { timeout: 5_000 }).toBe(before + 1);
    return rec.notices[before]!;
  }

  it('a company: its profile, the estates it serves, and the pages of many', async () => {
    const tags = await noticeOf(() => t.handle.db.execute(sql`UPDATE companies SET name = name WHERE id = ${company.id}`));
    expect(tags).toEqual(['index', `company:${company.uscc}`, ...projectIds.map((id) => `project:${id}`)].sort());
  });

  it('an employment: the person, the estate, the employer', async () => {
    const tags = await noticeOf(() => t.handle.db.execute(sql`UPDATE employments SET post = post WHERE id = ${person.employmentId}`));
    expect(tags).toEqual(expect.arrayContaining(['index', `person:${person.id}`, `project:${person.projectId}`, `company:${person.companyUscc}`]));
    expect(tags.every((x) => /^(index|person|project|company):?/.test(x))).toBe(true);
  });

  it('a person: the staff card and every estate page that lists them', async () => {
    const tags = await noticeOf(() => t.handle.db.execute(sql`UPDATE practitioners SET name = name WHERE id = ${person.id}`));
    expect(tags).toEqual(expect.arrayContaining(['index', `person:${person.id}`, `project:${person.projectId}`]));
    expect(tags.some((x) => x.startsWith('company:'))).toBe(false);
  });

  it('an objection about a person: their card and their estates', async () => {
    const tags = await noticeOf(() =>
      t.handle.db.execute(sql`INSERT INTO cases (kind, subject_type, subject_id, tracking_code, body, filer_name, filer_phone)
        VALUES ('objection', 'practitioner', ${person.id}, 'PCTEST0001', '民族有误', '测试', '13900000000')`),
    );
    expect(tags).toEqual(expect.arrayContaining(['index', `person:${person.id}`, `project:${person.projectId}`]));
  });

  it('an estate: its page and its company', async () => {
    const tags = await noticeOf(() => t.handle.db.execute(sql`UPDATE projects SET name = name WHERE id = ${projectIds[0]}`));
    expect(tags).toEqual(['index', `company:${company.uscc}`, `project:${projectIds[0]}`].sort());
  });

  it('a rolled-back change sends nothing; a statement that changed no row sends nothing', async () => {
    const before = rec.notices.length;
    await t.handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE companies SET name = name || 'x' WHERE id = ${company.id}`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await t.handle.db.execute(sql`UPDATE companies SET name = name WHERE false`);
    // A later change's notice arrives: had either sent one, it would have arrived first.
    const tags = await noticeOf(() => t.handle.db.execute(sql`UPDATE projects SET name = name WHERE id = ${projectIds[0]}`));
    expect(rec.notices.length).toBe(before + 1);
    expect(tags).toContain(`project:${projectIds[0]}`);
  });

  it('a change to many rows at once, or to what every page counts with, empties the whole cache', async () => {
    expect(await noticeOf(() => t.handle.db.execute(sql`UPDATE practitioners SET name = name`))).toEqual(['all']);
    expect(await noticeOf(() => t.handle.db.execute(sql`UPDATE credit_policies SET version = version`))).toEqual(['all']);
  });

  it('the notice reaches a real page cache: the tagged entries go, the others stay', async () => {
    const cache = new PageCache({ now: () => 0 });
    const entry = (tags: string[]) => ({ status: 200, headers: [] as [string, string][], body: Buffer.from('x'), gzip: null, etag: '"x"', tags, kind: 'page' as const });
    cache.set('mine', entry([`project:${projectIds[0]}`]), cache.generation);
    cache.set('other', entry(['project:00000000-0000-0000-0000-000000000000']), cache.generation);
    cache.set('home', entry(['index']), cache.generation);
    const tags = await noticeOf(() => t.handle.db.execute(sql`UPDATE projects SET name = name WHERE id = ${projectIds[0]}`));
    cache.invalidate(tagsOfNotice(tags.join(' ')));
    expect(cache.get('mine')).toBeUndefined();
    expect(cache.get('home')).toBeUndefined();
    expect(cache.get('other')).toBeDefined();
  });
});
