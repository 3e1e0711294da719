/**
 * Security headers (docs/decisions/018-security-headers.md). Pure: proxy.ts calls `dynamicPageCsp` with a fresh
 * nonce per request; next.config.js takes the static ones for what the proxy does not see (the cached list views,
 * the open-data API, the feeds, static files). No `'unsafe-inline'` for scripts on any page that the proxy
 * renders; the cached list views are the documented exception.
 */

import { COMMON_DIRECTIVES } from './static-headers.js';

export { DATA_CSP, HSTS, PERMISSIONS_POLICY, staticSecurityHeaders } from './static-headers.js';

/** A base64 nonce of 16 random bytes (Web Crypto: the proxy runs where `crypto` is global). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * A per-request page: only scripts carrying this request's nonce run, and what they load ('strict-dynamic').
 * Next.js reads the nonce from the request's Content-Security-Policy header and puts it on its own scripts.
 */
export function dynamicPageCsp(nonce: string, https: boolean): string {
  return [
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    ...COMMON_DIRECTIVES,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** HTTPS when the public origin says so (SITE_URL) or the request itself came in over TLS. */
export function servedOverHttps(siteUrl: string | undefined, requestProtocol: string): boolean {
  return (siteUrl ?? '').startsWith('https://') || requestProtocol === 'https:';
}
