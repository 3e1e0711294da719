/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages must stay outside the bundle, or every database request fails at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'proper-lockfile', 'postgres', 'sharp'],
  poweredByHeader: false,
  // forbidden() for a signed-in user inside their area who lacks one permission (e.g. a district on the audit log).
  experimental: {
    authInterrupts: true,
    // Forms carry files: a 5 MB photo, a 10 MB licence, up to three 5 MB pieces of evidence (default: 1 MB).
    serverActions: { bodySizeLimit: '16mb' },
    // The proxy reads the body of requests it passes on (default 10 MB).
    proxyClientMaxBodySize: '16mb',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
