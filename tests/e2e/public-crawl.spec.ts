import { existsSync, readFileSync } from 'node:fs';
import nodePath from 'node:path';
import { expect, test } from '@playwright/test';
import { CANARIES, findCanaries } from '../../db/seed/canaries';
import { birthDateForms, demo, idNumberOf } from './demo-people';

/**
 * Crawls the public site the way a search engine or a scraper would and checks that no personal data of SPEC §3.11
 * leaks: no resident ID number anywhere, and on the pages that show staff, none of those people's birth dates,
 * political status, education, ethnicity or native place, nor the labels of those fields.
 *
 * Leak canary (issue 13): the demo city has three people with recognisable private values (db/seed/canaries.ts),
 * current staff of public estates. Besides every page, feed and API answer, the crawler reads each page's RSC
 * payload (as the client router fetches it), every JS chunk the pages load, and the server's log, and fails on
 * any canary ID number (plain, lower-case x, spaced), private mobile or birth date.
 */
const MAX_PAGES = 400;
const SKIP = /^\/(login|bureau|company|association|committee|department|account|api\/auth|attachments)(\/|$)/;
const ID_RE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function validIds(text: string): string[] {
  return [...text.matchAll(ID_RE)]
    .map((m) => m[0].toUpperCase())
    .filter((s) => '10X98765432'[WEIGHTS.reduce((sum, w, i) => sum + w * Number(s[i]), 0) % 11] === s[17]);
}

/** The labels of never-public fields: a staff page that names one of them is about to show it. */
const PRIVATE_LABELS = ['身份证', '出生', '民族', '籍贯', '政治面貌', '学历', '毕业院校'];

test('no public page, feed or file shows an ID number or a staff member’s private data', async ({ request, baseURL }) => {
  test.setTimeout(15 * 60_000);
  const d = demo();
  const people = new Map(d.practitioners.map((p) => [p.id, p]));
  // The checker knows a real ID number when it sees one.
  expect(validIds(`x ${idNumberOf(d.practitioners[0]!.id)} x`)).toHaveLength(1);

  const origin = new URL(baseURL!).origin;
  const seen = new Set<string>();
  // The open data and feeds of SPEC §5 are fetched whether or not a page links them yet (a 404 is checked too).
  const queue: string[] = [
    '/',
    '/robots.txt',
    '/sitemap.xml',
    '/objections/new',
    '/api/v1/lists/red',
    '/api/v1/lists/black',
    '/api/v1/lists/red?format=csv',
    '/feeds/lists.xml',
    '/stats',
    '/api/v1/companies',
    '/api/v1/companies?format=csv',
    '/api/v1/estates',
    '/api/v1/estates?page=2&format=csv',
    '/api/v1/ratings',
    '/api/v1/ratings?format=csv',
  ];
  const perPath = new Map<string, number>();
  const enqueue = (raw: string, from: string) => {
    let u: URL;
    try {
      u = new URL(raw.replace(/&amp;/g, '&'), new URL(from, origin));
    } catch {
      return;
    }
    if (u.origin !== origin || SKIP.test(u.pathname) || u.pathname.startsWith('/_next/')) return;
    const key = u.pathname + u.search;
    if (seen.has(key) || queue.includes(key)) return;
    // Many query variants of one list (filters, pages) add nothing: a few of each.
    const n = perPath.get(u.pathname) ?? 0;
    if (u.search && n >= 3) return;
    perPath.set(u.pathname, n + 1);
    queue.push(key);
  };

  let estates = 0;
  let cards = 0;
  const staffShown = new Set<string>();
  const failures: string[] = [];
  const canaryCheck = (where: string, text: string) => {
    for (const h of findCanaries(text)) failures.push(`${where}: canary ${h.canary}'s ${h.what} (${h.found})`);
  };
  // The canaries' estates and cards first: the test means something only if they are seen.
  const canaryCards = new Set(d.canaries.map((c) => `/projects/${c.projectId}/staff/${c.practitionerId}`));
  expect(canaryCards.size).toBe(CANARIES.length);
  for (const c of d.canaries) queue.unshift(`/projects/${c.projectId}`);
  // Their estates' feeds and a two-character search for each of them (the staff section of /search).
  const canaryFeeds = new Set(d.canaries.map((c) => `/feeds/projects/${c.projectId}.xml`));
  for (const c of d.canaries) queue.unshift(`/feeds/projects/${c.projectId}.xml`, `/search?q=${encodeURIComponent([...c.name].slice(-2).join(''))}&kind=staff`);
  const canaryFeedsRead = new Set<string>();
  const canaryCardsSeen = new Set<string>();
  const canaryListed = new Set<string>();
  const chunks = new Set<string>();
  let rscPayloads = 0;
  while (queue.length && seen.size < MAX_PAGES) {
    // Keep estate pages and staff cards in the mix even when the sitemap is long.
    const ci = queue.findIndex((p) => canaryCards.has(p));
    const i = ci >= 0 ? ci : queue.findIndex((p) => /^\/projects\/[0-9a-f-]{36}\/staff\/[0-9a-f-]{36}$/.test(p));
    const path = (i >= 0 && (ci >= 0 || cards < 40) ? queue.splice(i, 1) : queue.splice(0, 1))[0]!;
    seen.add(path);
    const res = await request.get(path, { maxRedirects: 0 });
    const type = res.headers()['content-type'] ?? '';
    if (res.status() >= 300 && res.status() < 400) {
      const loc = res.headers()['location'];
      if (loc) enqueue(loc, path);
      continue;
    }
    if (!/text|json|xml|csv/.test(type)) continue;
    const body = await res.text();
    for (const id of validIds(body)) failures.push(`${path}: ID number ${id}`);
    canaryCheck(path, body);
    if (/html/.test(type)) {
      // The same page as the client router asks for it (React Server Components payload).
      const rsc = await request.get(path, { headers: { RSC: '1' } });
      const payload = await rsc.text();
      if (rsc.ok() && /text\/x-component/.test(rsc.headers()['content-type'] ?? '')) rscPayloads++;
      for (const id of validIds(payload)) failures.push(`${path} (RSC): ID number ${id}`);
      canaryCheck(`${path} (RSC)`, payload);
      for (const m of (body + payload).matchAll(/(?:\/_next\/)?(static\/(?:chunks|css|media)\/[^"'\s\\]+?\.js)\b/g)) chunks.add(`/_next/${m[1]}`);
      for (const c of d.canaries) if (res.status() === 200 && path === `/projects/${c.projectId}` && body.includes(c.name)) canaryListed.add(c.name);
    }
    if (canaryCards.has(path) && res.status() === 200) canaryCardsSeen.add(path);
    if (canaryFeeds.has(path) && res.status() === 200 && /atom\+xml/.test(type)) canaryFeedsRead.add(path);

    const card = /^\/projects\/[0-9a-f-]{36}\/staff\/([0-9a-f-]{36})$/.exec(path);
    const estate = /^\/projects\/([0-9a-f-]{36})$/.exec(path);
    if ((card || estate) && res.status() === 200) {
      if (card) cards++;
      else estates++;
      const shown = card ? [card[1]!] : [...body.matchAll(/\/staff\/([0-9a-f-]{36})/g)].map((m) => m[1]!);
      const visible = body.replace(/<script[\s\S]*?<\/script>/g, '');
      for (const label of PRIVATE_LABELS) if (visible.includes(label)) failures.push(`${path}: label ${label}`);
      for (const pid of new Set(shown)) {
        const p = people.get(pid);
        if (!p) continue;
        staffShown.add(pid);
        for (const f of birthDateForms(p.birthDate)) if (body.includes(f)) failures.push(`${path}: birth date of ${p.name} as ${f}`);
        if (card) {
          for (const [k, v] of [['political status', p.politicalStatus], ['education', p.education], ['ethnicity', p.ethnicity], ['native place', p.nativePlace]] as const) {
            if (v && visible.includes(v)) failures.push(`${path}: ${k} of ${p.name} (${v})`);
          }
          if (p.school && visible.includes(p.school)) failures.push(`${path}: school of ${p.name}`);
        }
      }
    }
    if (/html/.test(type)) for (const m of body.matchAll(/href="([^"#]+)"/g)) enqueue(m[1]!, path);
    // A company's page has an open-data twin.
    const company = /^\/companies\/([^/?]+)$/.exec(path);
    if (company && res.status() === 200) enqueue(`/api/v1/companies/${company[1]}`, path);
    if (/xml/.test(type)) for (const m of body.matchAll(/<loc>([^<]+)<\/loc>/g)) enqueue(m[1]!, path);
    if (/text\/plain/.test(type)) for (const m of body.matchAll(/^Sitemap:\s*(\S+)/gim)) enqueue(m[1]!, path);
  }

  // Every JS chunk the pages load: nothing personal may be compiled into what every visitor downloads.
  for (const chunk of chunks) {
    const res = await request.get(chunk);
    expect(res.status(), chunk).toBe(200);
    const js = await res.text();
    for (const id of validIds(js)) failures.push(`${chunk}: ID number ${id}`);
    canaryCheck(chunk, js);
  }
  // The server's log so far (this run's server, started by playwright.config.ts with SERVER_LOG_FILE).
  const logFile = nodePath.join(process.env.E2E_DATA_DIR ?? '', 'server.log');
  expect(existsSync(logFile), `server log ${logFile}`).toBe(true);
  canaryCheck('server log', readFileSync(logFile, 'utf8'));

  test.info().annotations.push({
    type: 'crawl',
    description: `${seen.size} URLs, ${rscPayloads} RSC payloads, ${chunks.size} JS chunks, the server log; ${estates} estate pages, ${cards} staff cards (${canaryCardsSeen.size} of canaries), ${staffShown.size} people checked`,
  });
  expect(failures).toEqual([]);
  // The canaries were on public pages: each estate lists its canary and each canary's card was read.
  expect([...canaryListed].sort()).toEqual(CANARIES.map((c) => c.name).sort());
  expect(canaryCardsSeen.size).toBe(CANARIES.length);
  expect(canaryFeedsRead.size).toBe(canaryFeeds.size);
  expect(rscPayloads).toBeGreaterThan(50);
  expect(chunks.size).toBeGreaterThan(5);
  expect(seen.size).toBeGreaterThan(100);
  expect(estates).toBeGreaterThanOrEqual(5);
  expect(cards).toBeGreaterThanOrEqual(5);
  expect(staffShown.size).toBeGreaterThanOrEqual(20);
});
