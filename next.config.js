/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages must stay outside the bundle, or every database request fails at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'proper-lockfile', 'postgres', 'sharp'],
  poweredByHeader: false,
  // forbidden() for a signed-in user inside their area who lacks one permission (e.g. a district on the audit log).
  experimental: { authInterrupts: true },
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
