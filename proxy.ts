import { NextResponse, type NextRequest } from 'next/server';
import { today } from '@/lib/clock';
import { apiListQuery, cacheGeneration, isPublicList, lenientListQuery, viewKey } from '@/lib/public-lists/params';

/**
 * 1. Passes the requested path to server components (for the audit row of an out-of-scope request). Not an
 *    access control: every page, action and handler checks the actor itself.
 * 2. Rewrites the public lists without a text query to their cached views keyed by the day
 *    (lib/cache/public-lists.ts): `/lists/black?district=510903&page=2` → `/lists/black/<generation>_<day>_510903_all_2`,
 *    `/api/v1/lists/black?format=csv` → `/api/v1/lists/black/<generation>_<day>_all_all_1.csv`, `/feeds/lists.xml` →
 *    `/feeds/lists/<generation>_<day>`. The address bar keeps the public URL. A `q` search, or a malformed API query (answered
 *    400), goes to the per-request route.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const rewrite = listRewrite(pathname, searchParams);
  if (rewrite) {
    const url = request.nextUrl.clone();
    url.pathname = rewrite;
    url.search = '';
    // x-list-view names the cached view (for whoever debugs the cache; the generation is not a secret).
    return NextResponse.rewrite(url, { headers: { 'x-list-view': rewrite } });
  }
  const headers = new Headers(request.headers);
  headers.set('x-request-path', pathname);
  return NextResponse.next({ request: { headers } });
}

/** today(), read at most once a second: it formats a date in China time, and the proxy runs on every list hit. */
let day = { at: 0, value: '' };
function todayMemo(): string {
  const now = Date.now();
  if (now - day.at > 1000) day = { at: now, value: today() };
  return day.value;
}

function listRewrite(pathname: string, sp: URLSearchParams): string | null {
  if (pathname === '/feeds/lists.xml') return `/feeds/lists/${cacheGeneration()}_${todayMemo()}`;
  const page = /^\/lists\/(red|black)\/?$/.exec(pathname);
  if (page && isPublicList(page[1]!)) {
    const q = lenientListQuery((k) => sp.get(k) || undefined);
    if (q.q) return null;
    return `/lists/${page[1]}/${viewKey({ gen: cacheGeneration(), on: todayMemo(), district: q.district, period: q.period, page: q.page })}`;
  }
  const api = /^\/api\/v1\/lists\/(red|black)\/?$/.exec(pathname);
  if (api) {
    const parsed = apiListQuery(sp);
    if (!parsed.success || parsed.data.q) return null;
    const d = parsed.data;
    return `/api/v1/lists/${api[1]}/${viewKey({ gen: cacheGeneration(), on: todayMemo(), district: d.district, period: d.period, page: d.page })}.${d.format}`;
  }
  return null;
}

export const config = {
  matcher: [
    '/bureau/:path*',
    '/company/:path*',
    '/association/:path*',
    '/committee/:path*',
    '/department/:path*',
    '/street/:path*',
    '/lists/red',
    '/lists/black',
    '/api/v1/lists/red',
    '/api/v1/lists/black',
    '/feeds/lists.xml',
  ],
};
