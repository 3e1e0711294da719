import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { dynamicPageCsp, HSTS, newNonce, servedOverHttps } from '@/lib/security/headers';
import { malformedRequestTarget } from '@/lib/security/request-target';
import { ACTION_INSPECT_MAX_BYTES, malformedActionFields, malformedActionId, malformedActionText } from '@/lib/security/action-request';

const badRequest = (text: string) =>
  new NextResponse(text, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/** A fetch action (Next-Action header) whose id or arguments Next.js's decoder would answer with a bare 500. */
async function malformedAction(request: NextRequest): Promise<boolean> {
  const id = request.headers.get('next-action');
  if (request.method !== 'POST' || id === null) return false;
  if (malformedActionId(id)) return true;
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length) || length > ACTION_INSPECT_MAX_BYTES) return false;
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.startsWith('multipart/form-data')) {
      const fd = await request.clone().formData();
      return malformedActionFields([...fd.entries()] as [string, string | File][]) !== null;
    }
    return malformedActionText(await request.clone().text()) !== null;
  } catch {
    return true;
  }
}

/**
 * Every per-request page comes through here (docs/decisions/018-security-headers.md):
 * - a request whose path or query cannot be decoded, or carries a control character, ends here with a 400, and so
 *   does a server-action request that Next.js's own decoder would answer with a bare 500 (lib/security/action-request);
 * - a fresh nonce goes into the Content-Security-Policy of the request (Next.js reads it there and puts it on its
 *   own scripts) and of the response; HSTS when the site is served over HTTPS;
 * - the requested path goes to server components (for the audit row of an out-of-scope request).
 * Not an access control: every page, action and handler checks the actor itself. The open data API and the feeds
 * do not come through here: next.config.js gives them static headers. A public page kept by the page cache
 * (scripts/serve.mjs, decision 021) comes through here once, when it is rendered, and keeps this nonce.
 */
export async function proxy(request: NextRequest) {
  if (malformedRequestTarget(request.nextUrl.pathname, request.nextUrl.search)) return badRequest('请求地址无效（含无法解码的字符）。');
  if (await malformedAction(request)) return badRequest('请求格式无效。');
  const https = servedOverHttps(env().SITE_URL, request.nextUrl.protocol);
  const csp = dynamicPageCsp(newNonce(), https);
  const headers = new Headers(request.headers);
  headers.set('x-request-path', request.nextUrl.pathname);
  headers.set('content-security-policy', csp);
  // A client-sent report-only policy would otherwise be read for a nonce too.
  headers.delete('content-security-policy-report-only');
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  matcher: [
    // Everything except the build's static files, the open data API, the feeds and files with an extension
    // (icons, robots.txt, sitemap.xml).
    '/((?!_next/static|_next/image|api/|feeds/|[^/]*\\.[a-z0-9]+$).*)',
    // A percent sign in the path of the API or the feeds: Next.js answers an undecodable one with a bare 500, so
    // the proxy checks it first (finding 11).
    '/(api|feeds)/(.*%.*)',
  ],
};
