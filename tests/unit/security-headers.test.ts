import { describe, expect, it } from 'vitest';
import { dynamicPageCsp, newNonce, PERMISSIONS_POLICY, servedOverHttps, staticSecurityHeaders } from '@/lib/security/headers';

function directives(csp: string) {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

describe('security headers (finding 9)', () => {
  it('a per-request page allows only scripts with its nonce, never inline ones', () => {
    const nonce = newNonce();
    const d = directives(dynamicPageCsp(nonce, false));
    expect(d.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.has('upgrade-insecure-requests')).toBe(false);
    expect(directives(dynamicPageCsp(nonce, true)).has('upgrade-insecure-requests')).toBe(true);
  });

  it('nonces are fresh and base64 of 16 bytes', () => {
    const a = newNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it('HSTS only over HTTPS', () => {
    expect(servedOverHttps('https://wyxy.example.cn', 'http:')).toBe(true);
    expect(servedOverHttps(undefined, 'https:')).toBe(true);
    expect(servedOverHttps('http://localhost:3000', 'http:')).toBe(false);
    expect(servedOverHttps(undefined, 'http:')).toBe(false);
  });

  it('every response gets the static headers; the proxy-less paths get a policy', () => {
    const rules = staticSecurityHeaders();
    const all = rules.find((r) => r.source === '/:path*')!.headers.map((h) => h.key);
    expect(all).toEqual(expect.arrayContaining(['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options']));
    expect(PERMISSIONS_POLICY).toMatch(/camera=\(\)/);
    expect(PERMISSIONS_POLICY).toMatch(/geolocation=\(\)/);
    expect(PERMISSIONS_POLICY).toMatch(/microphone=\(\)/);
    expect(rules.find((r) => r.source === '/lists/:path*')).toBeUndefined();
    for (const p of ['/api/:path*', '/feeds/:path*']) {
      expect(rules.find((r) => r.source === p)?.headers[0]?.key).toBe('Content-Security-Policy');
    }
  });
});
