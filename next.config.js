import { staticSecurityHeaders } from './lib/security/static-headers.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages must stay outside the bundle, or every database request fails at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'proper-lockfile', 'postgres', 'sharp'],
  poweredByHeader: false,
  // forbidden() for a signed-in user inside their area who lacks one permission (e.g. a district on the audit log).
  experimental: {
    authInterrupts: true,
    // Nothing prerendered on demand is written to disk: a restarted server (or one whose database was re-seeded)
    // never serves what an earlier process rendered. Public pages are cached by scripts/serve.mjs (decision 021).
    isrFlushToDisk: false,
    // Forms carry files: a 5 MB photo, a 10 MB licence, up to three 5 MB pieces of evidence (default: 1 MB).
    serverActions: { bodySizeLimit: '16mb' },
    // The proxy reads the body of requests it passes on (default 10 MB).
    proxyClientMaxBodySize: '16mb',
  },
  async headers() {
    // X-Content-Type-Options, Referrer-Policy, Permissions-Policy… everywhere; the Content-Security-Policy of the
    // paths proxy.ts does not see (decision 018).
    return staticSecurityHeaders();
  },
};

export default nextConfig;
