// @ts-check
/**
 * The static half of the security headers (docs/decisions/018-security-headers.md), shared by next.config.js
 * (plain JavaScript, read at build time) and lib/security/headers.ts (the proxy's per-request policy).
 */

/** Directives every document gets, whatever renders it. */
export const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // Style attributes (a photo placeholder's size) cannot carry a nonce; scripts are what the policy must hold.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
];

/** JSON, CSV, Atom, images: nothing in them may run or be framed. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Two years, subdomains included: only ever sent when the site is served over HTTPS. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** next.config.js `headers()`: what every response gets, and the policies of the paths the proxy does not see. */
export function staticSecurityHeaders() {
  return [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
        { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      ],
    },
    { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: DATA_CSP }] },
    { source: '/feeds/:path*', headers: [{ key: 'Content-Security-Policy', value: DATA_CSP }] },
  ];
}
