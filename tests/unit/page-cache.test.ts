/**
 * The public pages' cache (lib/cache/page-cache.mjs, lib/cache/serve-cached.mjs; decision 021): which requests it
 * keeps, under which key and tags, when an entry ends (tags, midnight in China, time to live, size), and the
 * serving wrapper over a real HTTP server whose handler stands in for Next.js.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheableRequest, nextChinaMidnight, PageCache, storable } from '@/lib/cache/page-cache.mjs';
import { cachedHandler } from '@/lib/cache/serve-cached.mjs';
import { tagPage } from '@/lib/cache/page-tags';

const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ method, url, headers });
const entry = (tags: string[], kind: 'page' | 'query' = 'page', size = 10) => ({
  status: 200,
  headers: [['content-type', 'text/html']] as [string, string][],
  body: Buffer.alloc(size, 'x'),
  gzip: null,
  etag: '"e"',
  tags,
  kind,
});

describe('which requests are cached, under which key and tags', () => {
  it('entity pages carry their entity, pages of many carry "index"', () => {
    expect(cacheableRequest(req('/companies/91510900mA6'))?.tags).toEqual(['company:91510900MA6']);
    expect(cacheableRequest(req('/projects/AB-12'))?.tags).toEqual(['project:ab-12']);
    expect(cacheableRequest(req('/projects/p1/staff/s1'))?.tags).toEqual(['project:p1', 'person:s1']);
    expect(cacheableRequest(req('/api/v1/companies/915?on=2026-12-01'))?.tags).toEqual(['company:915']);
    expect(cacheableRequest(req('/feeds/projects/AB-12.xml'))?.tags).toEqual(['project:ab-12']);
    expect(cacheableRequest(req('/feeds/companies/91510900ma6.xml'))?.tags).toEqual(['company:91510900MA6']);
    for (const u of [
      '/',
      '/companies',
      '/projects?district=510903',
      '/lists/red',
      '/lists/black?page=2',
      '/search?q=物业',
      '/search?q=王伟&kind=staff&page=2',
      '/open-data',
      '/stats',
      '/api/v1/stats?format=csv',
      '/feeds/lists.xml',
      '/api/v1/lists/red?format=csv',
      '/api/v1/companies?page=2&format=csv',
      '/api/v1/estates?district=510903',
      '/api/v1/ratings?period=2026Q3&page=1',
      '/verify/ABC',
      '/spot-checks?page=2',
    ])
      expect(cacheableRequest(req(u))?.tags, u).toEqual(['index']);
  });

  it('a published 双随机 draw, its deterministic re-run and its inputs carry the draw; the paste form is not cached', () => {
    const id = '0b6f2d4e-1c3a-4f5b-8d7e-9a0b1c2d3e4f';
    for (const u of [`/spot-checks/${id}`, `/spot-checks/${id}?verify=1`, `/spot-checks/${id}/inputs.json`]) expect(cacheableRequest(req(u))?.tags, u).toEqual([`spotcheck:${id}`]);
    expect(cacheableRequest(req('/spot-checks/verify'))).toBeNull();
    expect(cacheableRequest(req(`/spot-checks/${id}?seed=x`))).toBeNull();
  });

  it('a text search is a short-lived "query" entry; an empty q is not', () => {
    expect(cacheableRequest(req('/search?q=物业'))?.kind).toBe('query');
    expect(cacheableRequest(req('/companies?q=%20'))?.kind).toBe('page');
    expect(cacheableRequest(req('/lists/red'))?.kind).toBe('page');
  });

  it('parameter order and Next.js _rsc do not split the key; router headers and values do', () => {
    const a = cacheableRequest(req('/companies?district=510903&page=2'))!.key;
    expect(cacheableRequest(req('/companies?page=2&district=510903'))!.key).toBe(a);
    expect(cacheableRequest(req('/companies?page=3&district=510903'))!.key).not.toBe(a);
    const rsc = cacheableRequest(req('/companies?district=510903&page=2&_rsc=abc', { rsc: '1' }))!.key;
    expect(rsc).not.toBe(a);
    expect(cacheableRequest(req('/companies?district=510903&page=2&_rsc=xyz', { rsc: '1' }))!.key).toBe(rsc);
    expect(cacheableRequest(req('/companies', { 'next-router-prefetch': '1', rsc: '1' }))!.key).not.toBe(cacheableRequest(req('/companies', { rsc: '1' }))!.key);
    // HEAD is answered from the GET entry.
    expect(cacheableRequest(req('/companies', {}, 'HEAD'))!.key).toBe(cacheableRequest(req('/companies'))!.key);
  });

  it('goes to Next.js: signed-in visitors, actions, other methods and paths, unknown parameters, odd paths', () => {
    const bypass = [
      req('/', { cookie: 'a=b; authjs.session-token=xyz' }),
      req('/', { cookie: '__Secure-authjs.session-token.0=xyz' }),
      req('/', { 'next-action': 'abc' }),
      req('/', {}, 'POST'),
      req('/login'),
      req('/bureau'),
      req('/company/staff'),
      req('/objections/new'),
      req('/statements/new'),
      req('/projects/p1/staff/s1/photo'),
      req('/companies?utm=1'),
      req('/companies/a/../b'),
      req('/companies/%2Fx'),
      req('/' + 'a'.repeat(3000)),
    ];
    for (const r of bypass) expect(cacheableRequest(r), `${r.method} ${r.url} ${JSON.stringify(r.headers)}`).toBeNull();
    // Another cookie (a theme, an analytics id) does not make a visitor signed in.
    expect(cacheableRequest(req('/', { cookie: 'theme=dark' }))).not.toBeNull();
  });

  it('keeps only a 200 text response that sets no cookie and is not private', () => {
    expect(storable(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-cache, no-store' }, 10, 100)).toBe(true);
    expect(storable(200, { 'content-type': 'application/json' }, 10, 100)).toBe(true);
    expect(storable(404, { 'content-type': 'text/html' }, 10, 100)).toBe(false);
    expect(storable(307, { 'content-type': 'text/html' }, 10, 100)).toBe(false);
    expect(storable(200, { 'content-type': 'text/html', 'set-cookie': ['a=b'] }, 10, 100)).toBe(false);
    expect(storable(200, { 'content-type': 'image/jpeg' }, 10, 100)).toBe(false);
    expect(storable(200, { 'content-type': 'image/jpeg', 'cache-control': 'private, no-store' }, 10, 100)).toBe(false);
    expect(storable(200, { 'content-type': 'text/html' }, 101, 100)).toBe(false);
  });
});

describe('when an entry ends', () => {
  it('next midnight in China (UTC+8)', () => {
    expect(new Date(nextChinaMidnight(Date.parse('2026-12-02T10:00:00Z'))).toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(new Date(nextChinaMidnight(Date.parse('2026-12-02T16:00:00Z'))).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(new Date(nextChinaMidnight(Date.parse('2027-12-31T16:30:00Z'))).toISOString()).toBe('2028-01-01T16:00:00.000Z');
  });

  it('at midnight in China, before its time to live', () => {
    let now = Date.parse('2026-12-02T15:59:00Z');
    const c = new PageCache({ now: () => now, ttlMs: 3600_000 });
    c.set('k', entry(['index']), c.generation);
    now = Date.parse('2026-12-02T15:59:59Z');
    expect(c.get('k')).toBeDefined();
    now = Date.parse('2026-12-02T16:00:00Z');
    expect(c.get('k')).toBeUndefined();
  });

  it('after its time to live; a search sooner than a page', () => {
    let now = Date.parse('2026-12-02T01:00:00Z');
    const c = new PageCache({ now: () => now, ttlMs: 600_000, queryTtlMs: 60_000 });
    c.set('page', entry(['index']), c.generation);
    c.set('search', entry(['index'], 'query'), c.generation);
    now += 61_000;
    expect(c.get('search')).toBeUndefined();
    expect(c.get('page')).toBeDefined();
    now += 600_000;
    expect(c.get('page')).toBeUndefined();
  });

  it('with its tags; "all" with everything; the others stay', () => {
    const c = new PageCache({ now: () => 0 });
    c.set('a', entry(['company:A']), c.generation);
    c.set('b', entry(['company:B']), c.generation);
    c.set('p', entry(['project:p', 'person:s']), c.generation);
    c.set('i', entry(['index']), c.generation);
    c.invalidate(['index', 'company:A', 'person:s']);
    expect([c.get('a'), c.get('p'), c.get('i')]).toEqual([undefined, undefined, undefined]);
    expect(c.get('b')).toBeDefined();
    c.invalidate(['all']);
    expect(c.size).toBe(0);
  });

  it('a render that began before an invalidation is not kept (it may show the old data)', () => {
    const c = new PageCache({ now: () => 0 });
    const generation = c.generation;
    c.invalidate(['company:A']);
    expect(c.set('a', entry(['company:B']), generation)).toBe(false);
    expect(c.get('a')).toBeUndefined();
  });

  it('least recently used first when full; searches cannot push pages out', () => {
    const c = new PageCache({ now: () => 0, maxBytes: 3 * 1600, queryMaxBytes: 2 * 1600 });
    for (const k of ['p1', 'p2', 'p3']) c.set(k, entry(['index'], 'page', 1000), c.generation);
    c.get('p1');
    c.set('p4', entry(['index'], 'page', 1000), c.generation);
    expect(c.get('p2')).toBeUndefined();
    expect(c.get('p1')).toBeDefined();
    for (let i = 0; i < 50; i++) c.set(`q${i}`, entry(['index'], 'query', 1000), c.generation);
    expect(['p1', 'p3', 'p4'].every((k) => c.get(k))).toBe(true);
    expect(c.bytes.query).toBeLessThanOrEqual(2 * 1600);
  });
});

describe('serving through the cache (a real HTTP server; the handler stands in for Next.js)', () => {
  let server: http.Server;
  let base: string;
  let renders = 0;
  let body = '<html>first</html>';
  let gate: Promise<void> | null = null;
  const cache = new PageCache({ now: () => 1_000 });
  const seenEncoding: (string | undefined)[] = [];

  beforeAll(async () => {
    const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      renders++;
      seenEncoding.push(req.headers['accept-encoding'] as string | undefined);
      if (gate) await gate;
      if (req.url?.startsWith('/projects/')) tagPage('company:ABC');
      if (req.url === '/login') {
        res.setHeader('content-type', 'text/html');
        res.end('login');
        return;
      }
      if (req.url?.startsWith('/companies/GONE')) {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/html');
        res.end('missing');
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', "script-src 'nonce-abc'");
      res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
      res.write(body.slice(0, 5));
      res.end(body.slice(5) + ' '.repeat(2000));
    };
    const serve = cachedHandler(cache, handle);
    server = http.createServer((req, res) => void serve(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('renders once, then serves the same bytes and headers from memory', async () => {
    const first = await fetch(`${base}/companies/X`);
    expect(first.headers.get('x-page-cache')).toBe('miss');
    const text = await first.text();
    const second = await fetch(`${base}/companies/X`);
    expect(second.headers.get('x-page-cache')).toBe('hit');
    expect(await second.text()).toBe(text);
    expect(second.headers.get('content-security-policy')).toBe("script-src 'nonce-abc'");
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(renders).toBe(1);
    // The render was asked for an uncompressed body; the kept copy is compressed once, here.
    expect(seenEncoding[0]).toBeUndefined();
  });

  it('gzip when accepted, 304 on the ETag, HEAD without a body', async () => {
    const res = await new Promise<http.IncomingMessage>((r) => http.get(`${base}/companies/X`, { headers: { 'accept-encoding': 'gzip' } }, r));
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toMatch(/^<html>first<\/html>/);
    const etag = res.headers.etag!;
    const again = await fetch(`${base}/companies/X`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const head = await fetch(`${base}/companies/X`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-page-cache')).toBe('hit');
    expect(renders).toBe(1);
  });

  it('an invalidated entry is rendered again with the new data', async () => {
    body = '<html>second</html>';
    cache.invalidate(['company:X']);
    const res = await fetch(`${base}/companies/X`);
    expect(res.headers.get('x-page-cache')).toBe('miss');
    expect(await res.text()).toMatch(/second/);
    expect(renders).toBe(2);
  });

  it('tags the page adds while it renders are kept with the entry (an estate page shows its company)', async () => {
    const url = `${base}/projects/0b7e6a1e-3d52-4c1f-9a55-6f0f4b0c2d11`;
    await fetch(url);
    expect((await fetch(url)).headers.get('x-page-cache')).toBe('hit');
    cache.invalidate(['company:OTHER']);
    expect((await fetch(url)).headers.get('x-page-cache')).toBe('hit');
    cache.invalidate(['company:ABC']);
    expect((await fetch(url)).headers.get('x-page-cache')).toBe('miss');
    // Outside a render there is no store: nothing happens.
    expect(() => tagPage('company:ABC')).not.toThrow();
  });

  it('concurrent misses for one page render it once', async () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    const before = renders;
    const all = Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/lists/red`).then((r) => r.text())));
    await new Promise((r) => setTimeout(r, 50));
    open();
    gate = null;
    const bodies = await all;
    expect(new Set(bodies).size).toBe(1);
    expect(renders - before).toBe(1);
  });

  it('never keeps a 404, a signed-in request or a page outside the public types', async () => {
    const before = renders;
    await fetch(`${base}/companies/GONE`);
    await fetch(`${base}/companies/GONE`);
    const signedIn = await fetch(`${base}/companies/X`, { headers: { cookie: 'authjs.session-token=abc' } });
    expect(signedIn.headers.get('x-page-cache')).toBe('bypass');
    await fetch(`${base}/login`);
    const login = await fetch(`${base}/login`);
    expect(login.headers.get('x-page-cache')).toBe('bypass');
    expect(renders - before).toBe(5);
  });
});
