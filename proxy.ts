import { NextResponse, type NextRequest } from 'next/server';

/**
 * Passes the requested path to server components (for the audit row of an out-of-scope request). Not an access
 * control: every page, action and handler checks the actor itself. The public lists do not come through here:
 * next.config.js rewrites them to their cached views, so a cache hit costs no proxy call.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-request-path', request.nextUrl.pathname);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [
    '/bureau/:path*',
    '/company/:path*',
    '/association/:path*',
    '/committee/:path*',
    '/department/:path*',
    '/street/:path*',
  ],
};
