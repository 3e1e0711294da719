/**
 * The production HTTP server, started by scripts/start.ts (`npm start`, and the end-to-end tests through it):
 * Next.js's own request handler behind a plain Node server that stamps each request with the socket's address
 * (lib/auth/peer-stamp.mjs), so the client address used for sign-in throttling and the audit log cannot be
 * chosen by the client. Usage: node scripts/serve.mjs <port> [hostname]
 */
import http from 'node:http';
import { markPeerStamping, stampPeer } from '../lib/auth/peer-stamp.mjs';

const port = Number(process.argv[2] || process.env.PORT || 3000);
const hostname = process.argv[3] || undefined;
// As `next start`: production unless told otherwise, set before Next.js and React are loaded.
process.env.NODE_ENV ||= 'production';
const { default: next } = await import('next');

markPeerStamping();
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? 'localhost' });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  stampPeer(req);
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
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
