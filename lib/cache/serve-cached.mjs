/**
 * Serving through the page cache (lib/cache/page-cache.mjs; docs/decisions/021-page-cache.md), used by
 * scripts/serve.mjs around Next.js's request handler:
 * - a cacheable request whose entry is fresh is answered from memory (gzip when accepted, 304 on a matching ETag);
 * - a miss goes to Next.js without Accept-Encoding (the body is kept uncompressed and compressed once here), is
 *   streamed to the client as usual, and kept if it may be (200, no cookie set, a text type, no invalidation
 *   since the render began);
 * - concurrent misses for one key wait for the first render instead of each rendering (a black-list story sends
 *   thousands to one page at once).
 * Every response says what happened in `X-Page-Cache: hit | miss | bypass`.
 *
 * The Content-Security-Policy nonce of a kept page is the one it was rendered with: every visitor of that entry
 * gets the same nonce with the same HTML, which holds only what the database held at render time (decision 021).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import { cacheableRequest, keptHeaders, storable } from './page-cache.mjs';

const gzip = promisify(gzipCb);

/**
 * Tags a page adds while it renders (lib/cache/page-tags.ts `tagPage`), for what its URL does not name — an
 * estate page shows its company's grade and list status, so it also carries `company:<uscc>`. Shared through
 * globalThis because Next.js's bundle has its own copy of every module but the same global object.
 * @type {AsyncLocalStorage<Set<string>>}
 */
const renderTags = (globalThis[Symbol.for('suining.page-cache.render-tags')] ??= new AsyncLocalStorage());

/** How long a request waits for a concurrent render of the same page before rendering itself. */
const COALESCE_WAIT_MS = 10_000;

/**
 * @param {import('./page-cache.mjs').PageCache} cache
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<unknown>} handle
 */
export function cachedHandler(cache, handle) {
  /** @type {Map<string, Promise<void>>} */
  const inflight = new Map();

  return async function serve(req, res) {
    const c = cacheableRequest(req);
    if (!c) {
      res.setHeader('X-Page-Cache', 'bypass');
      return handle(req, res);
    }
    let entry = cache.get(c.key);
    if (!entry) {
      const pending = inflight.get(c.key);
      if (pending) {
        await Promise.race([pending, new Promise((r) => setTimeout(r, COALESCE_WAIT_MS).unref())]);
        entry = cache.get(c.key);
      }
    }
    if (entry) {
      cache.stats.hits++;
      return sendEntry(req, res, entry, cache.now());
    }
    cache.stats.misses++;
    if (req.method === 'HEAD') {
      res.setHeader('X-Page-Cache', 'miss');
      return handle(req, res);
    }
    /** @type {() => void} */
    let done = () => {};
    if (!inflight.has(c.key)) {
      inflight.set(c.key, new Promise((r) => (done = r)));
    }
    const generation = cache.generation;
    // Next.js would compress for this visitor; the kept copy is compressed here, once, for everyone.
    delete req.headers['accept-encoding'];
    res.setHeader('X-Page-Cache', 'miss');
    /** @type {Buffer[]} */
    const chunks = [];
    let bytes = 0;
    let tooBig = false;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const keep = (chunk, encoding) => {
      if (tooBig || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
      bytes += b.length;
      if (bytes > cache.maxEntryBytes) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(b);
    };
    res.write = /** @type {typeof res.write} */ ((chunk, encoding, cb) => {
      keep(chunk, encoding);
      return write(chunk, encoding, cb);
    });
    res.end = /** @type {typeof res.end} */ ((chunk, encoding, cb) => {
      keep(chunk, encoding);
      return end(chunk, encoding, cb);
    });
    let finished = false;
    res.once('finish', () => (finished = true));
    try {
      const extra = new Set();
      await renderTags.run(extra, () => handle(req, res));
      if (!res.writableFinished && !finished) await new Promise((r) => res.once('close', r));
      const headers = res.getHeaders();
      if (!tooBig && res.writableFinished && storable(res.statusCode, headers, bytes, cache.maxEntryBytes)) {
        const body = Buffer.concat(chunks);
        const zipped = body.length > 1024 ? await gzip(body, { level: 6 }) : null;
        cache.set(
          c.key,
          {
            status: res.statusCode,
            headers: keptHeaders(headers),
            body,
            gzip: zipped,
            etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
            tags: [...new Set([...c.tags, ...extra])],
            kind: c.kind,
          },
          generation,
        );
      }
    } finally {
      done();
      inflight.delete(c.key);
    }
  };
}

/**
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {import('./page-cache.mjs').Entry} entry @param {number} now
 */
function sendEntry(req, res, entry, now) {
  for (const [k, v] of entry.headers) res.appendHeader(k, v);
  const vary = res.getHeader('vary');
  res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  // Browsers and shared caches may keep it but ask again each time (the ETag makes that cheap): the page can
  // change at any moment, and only this server learns of it.
  res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
  res.setHeader('ETag', entry.etag);
  res.setHeader('Age', String(Math.max(0, Math.floor((now - entry.storedAt) / 1000))));
  res.setHeader('X-Page-Cache', 'hit');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === entry.etag)) {
    res.statusCode = 304;
    res.removeHeader('Content-Type');
    return res.end();
  }
  const acceptsGzip = entry.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = acceptsGzip ? entry.gzip : entry.body;
  if (acceptsGzip) res.setHeader('Content-Encoding', 'gzip');
  res.statusCode = entry.status;
  res.setHeader('Content-Length', String(body.length));
  if (req.method === 'HEAD') return res.end();
  res.end(body);
}
