import { staticSecurityHeaders } from './lib/security/static-headers.js';

/**
 * The public lists without a text query are served from cached views (docs/decisions/014-public-lists-cache.md):
 * `/lists/black?district=510903&page=2` → `/lists/black/510903-all-2`, `/api/v1/lists/red?format=csv` →
 * `/api/v1/lists/red/all-all-1.csv`, `/feeds/lists.xml` → `/feeds/lists/latest`. One rule per combination of the
 * parameters present; a malformed value or a `q` matches no rule and goes to the per-request route.
 */
function listRewrites() {
  const params = [
    { key: 'district', value: '(?<district>\\d{6})', fallback: 'all' },
    { key: 'period', value: '(?<period>\\d{4}(?:Q[1-4])?)', fallback: 'all' },
    { key: 'page', value: '(?<page>[1-9]\\d{0,5})', fallback: '1' },
  ];
  const rules = [];
  for (let mask = 0; mask < 1 << params.length; mask++) {
    const has = [];
    const missing = [{ type: 'query', key: 'q' }];
    const parts = params.map((p, i) => {
      if (mask & (1 << i)) {
        has.push({ type: 'query', key: p.key, value: p.value });
        return `:${p.key}`;
      }
      missing.push({ type: 'query', key: p.key });
      return p.fallback;
    });
    const view = parts.join('-');
    const cond = (extraHas = [], extraMissing = []) => ({
      ...(has.length + extraHas.length ? { has: [...has, ...extraHas] } : {}),
      missing: [...missing, ...extraMissing],
    });
    rules.push({ source: '/lists/:list(red|black)', destination: `/lists/:list/${view}`, ...cond() });
    rules.push({
      source: '/api/v1/lists/:list(red|black)',
      destination: `/api/v1/lists/:list/${view}.:format`,
      ...cond([{ type: 'query', key: 'format', value: '(?<format>json|csv)' }]),
    });
    rules.push({ source: '/api/v1/lists/:list(red|black)', destination: `/api/v1/lists/:list/${view}.json`, ...cond([], [{ type: 'query', key: 'format' }]) });
  }
  rules.push({ source: '/feeds/lists.xml', destination: '/feeds/lists/latest' });
  return rules;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages must stay outside the bundle, or every database request fails at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'proper-lockfile', 'postgres', 'sharp'],
  poweredByHeader: false,
  // forbidden() for a signed-in user inside their area who lacks one permission (e.g. a district on the audit log).
  experimental: {
    authInterrupts: true,
    // Cached pages and data live in memory only: a restarted server (or one whose database was re-seeded) never
    // serves what an earlier process rendered (decision 014).
    isrFlushToDisk: false,
    // Forms carry files: a 5 MB photo, a 10 MB licence, up to three 5 MB pieces of evidence (default: 1 MB).
    serverActions: { bodySizeLimit: '16mb' },
    // The proxy reads the body of requests it passes on (default 10 MB).
    proxyClientMaxBodySize: '16mb',
  },
  async rewrites() {
    return { beforeFiles: listRewrites() };
  },
  async headers() {
    // X-Content-Type-Options, Referrer-Policy, Permissions-Policy… everywhere; the Content-Security-Policy of the
    // paths proxy.ts does not see (decision 018).
    return staticSecurityHeaders();
  },
};

export default nextConfig;
