/**
 * The production HTTP server, started by scripts/start.ts (`npm start`, and the end-to-end tests through it):
 * Next.js's own request handler behind a plain Node server that stamps each request with the socket's address
 * (lib/auth/peer-stamp.mjs), so the client address used for sign-in throttling and the audit log cannot be
 * chosen by the client, and that serves anonymous requests for public pages from its page cache
 * (lib/cache/serve-cached.mjs). A request line or header block too large for Node.js is answered 431/414 and
 * closed, never left hanging. Usage: node scripts/serve.mjs <port> [hostname]
 */
import http from 'node:http';
import { markPeerStamping, stampPeer } from '../lib/auth/peer-stamp.mjs';
import { PAGE_CACHE, PageCache } from '../lib/cache/page-cache.mjs';
import { cachedHandler } from '../lib/cache/serve-cached.mjs';

const port = Number(process.argv[2] || process.env.PORT || 3000);
const hostname = process.argv[3] || undefined;
// As `next start`: production unless told otherwise, set before Next.js and React are loaded.
process.env.NODE_ENV ||= 'production';
const { default: next } = await import('next');

markPeerStamping();
// The public pages' cache (lib/cache/page-cache.mjs, decision 021), set on globalThis before Next.js starts so
// that instrumentation.ts finds it and listens for the database's change notices. PAGE_CACHE_MB=0 turns it off.
const cacheMb = Number(process.env.PAGE_CACHE_MB ?? 64);
const cache = cacheMb > 0 ? new PageCache({ now: Date.now, maxBytes: cacheMb * 1024 * 1024, queryMaxBytes: Math.ceil(cacheMb / 4) * 1024 * 1024 }) : null;
if (cache) /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[PAGE_CACHE] = cache;
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? 'localhost' });
await app.prepare();
const nextHandle = app.getRequestHandler();
const handle = cache ? cachedHandler(cache, nextHandle) : nextHandle;

// Requests up to 64 KB of request line and headers are read whole (Node.js's 16 KB default would cut a long URL
// off mid-request, which a client sees as a dropped connection); a URL over 8 KB is then answered 414 here. 8 KB, as
// nginx's default: Next.js echoes the whole URL in the Location of some redirects (an RSC request without its `_rsc`
// parameter), and with a longer URL that header alone would pass the 16 KB a Node.js or browser client accepts.
const MAX_URL = 8 * 1024;
const server = http.createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
  if ((req.url ?? '').length > MAX_URL) {
    res.writeHead(414, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('请求地址过长。');
    return;
  }
  stampPeer(req);
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on('clientError', (err, socket) => {
  if (!socket.writable) return socket.destroy();
  const code = /** @type {NodeJS.ErrnoException} */ (err).code;
  const status = code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : code === 'HPE_URI_TOO_LONG' ? '414 URI Too Long' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
});
server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname ?? 'localhost'}:${port}`);
});

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    server.close();
    app.close().finally(() => process.exit(0));
    // Open keep-alive connections must not hold the process.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
