/**
 * The public pages' cache (docs/decisions/021-page-cache.md): whole responses — status, headers and body — of
 * anonymous GET requests for public page types, kept in the memory of the serving process by scripts/serve.mjs and
 * served without calling Next.js or the database. Each entry carries tags derived from its URL ("company:<uscc>",
 * "project:<id>", "person:<id>", "index" for pages that show many entities); the database says which tags a
 * committed change touches (NOTIFY public_cache, db/migrations/0007) and lib/cache/listen.ts hands them to
 * `invalidate`. Entries also end at the next midnight in China (date-dependent views roll over without a request)
 * and after a safety-net time to live.
 *
 * Plain JavaScript: scripts/serve.mjs runs under `node` without a TypeScript loader. No wall-clock reads: the
 * server passes `now`.
 */

/** @typedef {{ kind: 'page' | 'query', tags: string[], params: string[] }} Route */
/**
 * @typedef {{ status: number, headers: [string, string][], body: Buffer, gzip: Buffer | null, etag: string,
 *   tags: string[], kind: 'page' | 'query', expiresAt: number, storedAt: number, bytes: number }} Entry
 */

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The first instant of the next calendar day in China (UTC+8, no daylight saving) after `ms`. */
export function nextChinaMidnight(ms) {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - CHINA_OFFSET_MS;
}

const seg = '([^/]+)';
const LIST_PARAMS = ['q', 'district', 'period', 'page'];

/**
 * The cacheable URLs: path pattern, the query parameters the page reads (any other parameter sends the request to
 * Next.js uncached, so random parameters cannot fill the cache) and the tags of the entity the page is about.
 * Everything that is not an entity page shows many entities and is tagged "index".
 * @type {{ re: RegExp, params: string[], tags: (m: RegExpExecArray) => string[] }[]}
 */
const ROUTES = [
  { re: /^\/$/, params: [], tags: () => ['index'] },
  { re: /^\/companies$/, params: ['q', 'district', 'page'], tags: () => ['index'] },
  { re: new RegExp(`^/companies/${seg}$`), params: ['on'], tags: (m) => [`company:${m[1].toUpperCase()}`] },
  { re: /^\/projects$/, params: ['q', 'district', 'street', 'page'], tags: () => ['index'] },
  { re: new RegExp(`^/projects/${seg}$`), params: ['page'], tags: (m) => [`project:${m[1].toLowerCase()}`] },
  { re: new RegExp(`^/projects/${seg}/poster$`), params: [], tags: (m) => [`project:${m[1].toLowerCase()}`] },
  {
    re: new RegExp(`^/projects/${seg}/staff/${seg}$`),
    params: [],
    tags: (m) => [`project:${m[1].toLowerCase()}`, `person:${m[2].toLowerCase()}`],
  },
  { re: /^\/search$/, params: ['q', 'page', 'kind'], tags: () => ['index'] },
  { re: /^\/verify$/, params: ['code'], tags: () => ['index'] },
  { re: new RegExp(`^/verify/${seg}$`), params: [], tags: () => ['index'] },
  { re: /^\/open-data$/, params: [], tags: () => ['index'] },
  // 双随机 draws (decision 034): the list of published draws, a draw (its re-run is deterministic: cached too), its inputs.
  { re: /^\/spot-checks$/, params: ['page'], tags: () => ['index'] },
  { re: /^\/spot-checks\/([0-9a-fA-F-]{36})$/, params: ['verify'], tags: (m) => [`spotcheck:${m[1].toLowerCase()}`] },
  { re: /^\/spot-checks\/([0-9a-fA-F-]{36})\/inputs\.json$/, params: [], tags: (m) => [`spotcheck:${m[1].toLowerCase()}`] },
  // City-wide aggregates: emptied by every change notice (each carries `index`), like the lists (decision 030).
  { re: /^\/stats$/, params: [], tags: () => ['index'] },
  { re: /^\/api\/v1\/stats$/, params: ['format'], tags: () => ['index'] },
  { re: /^\/lists\/(red|black)$/, params: LIST_PARAMS, tags: () => ['index'] },
  { re: new RegExp(`^/api/v1/companies/${seg}$`), params: ['on'], tags: (m) => [`company:${m[1].toUpperCase()}`] },
  { re: /^\/api\/v1\/lists\/(red|black)$/, params: [...LIST_PARAMS, 'format'], tags: () => ['index'] },
  { re: /^\/api\/v1\/(companies|estates)$/, params: ['district', 'page', 'format'], tags: () => ['index'] },
  { re: /^\/api\/v1\/ratings$/, params: ['district', 'period', 'page', 'format'], tags: () => ['index'] },
  { re: /^\/feeds\/lists\.xml$/, params: [], tags: () => ['index'] },
  { re: /^\/feeds\/projects\/([^/]+)\.xml$/, params: [], tags: (m) => [`project:${m[1].toLowerCase()}`] },
  { re: /^\/feeds\/companies\/([^/]+)\.xml$/, params: [], tags: (m) => [`company:${m[1].toUpperCase()}`] },
];

/** Request headers that select a different response of the same URL (Next.js's own Vary list, and the encoding). */
export const VARY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];

/** next-auth's session cookie (plain and __Secure-, possibly chunked): a signed-in request is never served cached. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/**
 * The cache key and tags of a request, or null when it must go to Next.js: not GET/HEAD, a server action, a
 * signed-in visitor, a path that is not a public page type, or a query parameter the page does not read.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} req
 * @returns {{ key: string, kind: 'page' | 'query', tags: string[] } | null}
 */
export function cacheableRequest(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const h = req.headers;
  if (h['next-action'] !== undefined) return null;
  const cookie = h.cookie;
  if (cookie && SESSION_COOKIE.test(Array.isArray(cookie) ? cookie.join('; ') : cookie)) return null;
  const raw = req.url ?? '/';
  if (raw.length > 2048 || !raw.startsWith('/')) return null;
  let url;
  try {
    url = new URL(raw, 'http://x');
  } catch {
    return null;
  }
  // Only paths as Next.js would see them (no dot segments, no encoded slashes or percent signs to normalise).
  if (url.pathname !== raw.split('?')[0] || url.pathname.includes('%')) return null;
  for (const route of ROUTES) {
    const m = route.re.exec(url.pathname);
    if (!m) continue;
    const kept = [];
    let q = false;
    for (const [k, v] of url.searchParams) {
      // `_rsc` is Next.js's cache-busting copy of the router headers, which are part of the key below.
      if (k === '_rsc') continue;
      if (!route.params.includes(k)) return null;
      if (k === 'q' && v.trim() !== '') q = true;
      kept.push(`${k}=${v}`);
    }
    kept.sort();
    const vary = VARY_HEADERS.map((name) => {
      const v = h[name];
      return Array.isArray(v) ? v.join(',') : (v ?? '');
    }).join('\u0001');
    const key = `${req.method === 'HEAD' ? 'GET' : req.method} ${url.pathname}?${kept.join('&')}\u0002${vary}`;
    return { key, kind: q ? 'query' : 'page', tags: route.tags(m) };
  }
  return null;
}

/** Headers not kept with an entry: per connection, or recomputed when the entry is served. */
const DROPPED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'set-cookie', 'cache-control', 'etag', 'age', 'x-page-cache']);

const CACHEABLE_TYPES = /^(text\/html|application\/json|text\/csv|application\/atom\+xml|application\/xml|text\/xml|text\/x-component|text\/plain)\b/;

/**
 * Whether a finished response may be kept: 200, not personal (no cookie set), a text type, not too big.
 * @param {number} status @param {Record<string, unknown>} headers @param {number} bytes @param {number} maxEntryBytes
 */
export function storable(status, headers, bytes, maxEntryBytes) {
  if (status !== 200 || headers['set-cookie'] !== undefined || bytes > maxEntryBytes) return false;
  const cc = String(headers['cache-control'] ?? '');
  // A page that marks itself private to this visitor (a photo of someone who has left, say) is never kept.
  if (/\bprivate\b/.test(cc) && !/\bno-cache\b/.test(cc)) return false;
  return CACHEABLE_TYPES.test(String(headers['content-type'] ?? ''));
}

/**
 * Headers to keep with an entry, from Node's `res.getHeaders()`.
 * @param {Record<string, unknown>} headers @returns {[string, string][]}
 */
export function keptHeaders(headers) {
  /** @type {[string, string][]} */
  const out = [];
  for (const [k, v] of Object.entries(headers)) {
    if (DROPPED.has(k) || v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) out.push([k, String(x)]);
    else out.push([k, String(v)]);
  }
  return out;
}

export class PageCache {
  /**
   * @param {{ now: () => number, maxBytes?: number, queryMaxBytes?: number, ttlMs?: number, queryTtlMs?: number,
   *   maxEntryBytes?: number }} opts
   */
  constructor(opts) {
    this.now = opts.now;
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.queryMaxBytes = opts.queryMaxBytes ?? 16 * 1024 * 1024;
    this.ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.queryTtlMs = opts.queryTtlMs ?? 60_000;
    this.maxEntryBytes = opts.maxEntryBytes ?? 2 * 1024 * 1024;
    /** Insertion order is recency order (a hit moves its entry to the end). @type {Map<string, Entry>} */
    this.entries = new Map();
    /** @type {Map<string, Set<string>>} */
    this.byTag = new Map();
    this.bytes = { page: 0, query: 0 };
    /** Bumped by every invalidation: a render that began before one is not stored (it may show the old data). */
    this.generation = 0;
    this.stats = { hits: 0, misses: 0, stored: 0, invalidations: 0, evicted: 0 };
  }

  /** @param {string} key @returns {Entry | undefined} */
  get(key) {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.#remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /**
   * Keep a response, unless an invalidation happened since `generation` was read (when the render began).
   * @param {string} key @param {Omit<Entry, 'expiresAt' | 'storedAt' | 'bytes'>} entry @param {number} generation
   * @returns {boolean} whether it was stored
   */
  set(key, entry, generation) {
    if (generation !== this.generation) return false;
    const bytes = entry.body.length + (entry.gzip?.length ?? 0) + key.length * 2 + 512;
    if (bytes > this.maxEntryBytes * 2) return false;
    if (this.entries.has(key)) this.#remove(key);
    const storedAt = this.now();
    const ttl = entry.kind === 'query' ? this.queryTtlMs : this.ttlMs;
    const full = { ...entry, storedAt, bytes, expiresAt: Math.min(storedAt + ttl, nextChinaMidnight(storedAt)) };
    this.entries.set(key, full);
    this.bytes[entry.kind] += bytes;
    for (const t of entry.tags) {
      let s = this.byTag.get(t);
      if (!s) this.byTag.set(t, (s = new Set()));
      s.add(key);
    }
    this.stats.stored++;
    this.#evict(entry.kind, entry.kind === 'query' ? this.queryMaxBytes : this.maxBytes);
    return true;
  }

  /**
   * Drop every entry carrying one of the tags ("all" drops everything). The database adds "index" to every
   * change, so the pages that show many entities (lists, searches, the home page) go with any change.
   * @param {string[]} tags
   */
  invalidate(tags) {
    this.generation++;
    this.stats.invalidations++;
    if (tags.includes('all')) {
      this.entries.clear();
      this.byTag.clear();
      this.bytes = { page: 0, query: 0 };
      return;
    }
    for (const t of tags) {
      const keys = this.byTag.get(t);
      if (!keys) continue;
      for (const k of [...keys]) this.#remove(k);
    }
  }

  get size() {
    return this.entries.size;
  }

  /** @param {string} key */
  #remove(key) {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes[e.kind] -= e.bytes;
    for (const t of e.tags) {
      const s = this.byTag.get(t);
      if (!s) continue;
      s.delete(key);
      if (s.size === 0) this.byTag.delete(t);
    }
  }

  /** Least recently used first, within one kind, until it fits. @param {'page' | 'query'} kind @param {number} max */
  #evict(kind, max) {
    if (this.bytes[kind] <= max) return;
    for (const [k, e] of this.entries) {
      if (this.bytes[kind] <= max) break;
      if (e.kind !== kind) continue;
      this.#remove(k);
      this.stats.evicted++;
    }
  }
}

/** Set on globalThis by scripts/serve.mjs; lib/cache/listen.ts finds the cache there. */
export const PAGE_CACHE = Symbol.for('suining.page-cache');
