/**
 * The address a request came from, as the TCP socket saw it. Next.js does not give route handlers or server
 * actions the socket, and it keeps a client-sent X-Forwarded-For as it is, so the production server
 * (scripts/serve.mjs, run by `npm start` and by the end-to-end tests) stamps every request with this private
 * header before Next.js sees it: any copy the client sent is removed first, so its value is always the socket's.
 *
 * The server also sets PEER_MARK on globalThis. lib/auth/client-ip.ts reads the header only when the mark is
 * there: under `next dev` or a bare `next start` nothing strips a client's copy, and the header means nothing.
 *
 * Plain JavaScript: scripts/serve.mjs runs under `node` without a TypeScript loader.
 */

/** Lower-case, as Node gives header names in `req.headers`. */
export const PEER_HEADER = 'x-suining-peer';

/** Set on globalThis by the server that stamps PEER_HEADER. */
export const PEER_MARK = Symbol.for('suining.peer-header-stamped');

/**
 * Replaces any client-sent PEER_HEADER with the socket's remote address.
 * @param {import('node:http').IncomingMessage} req
 */
export function stampPeer(req) {
  // req.headers holds one entry per lower-cased name (repeated headers are joined), so this drops every copy.
  delete req.headers[PEER_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  // Keep the raw list consistent too, for any reader that rebuilds headers from it.
  const raw = req.rawHeaders;
  const kept = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i].toLowerCase() !== PEER_HEADER) kept.push(raw[i], raw[i + 1]);
  }
  kept.push(PEER_HEADER, req.headers[PEER_HEADER]);
  raw.length = 0;
  raw.push(...kept);
}

/** Declares that every request of this process comes through stampPeer. */
export function markPeerStamping() {
  /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[PEER_MARK] = true;
}

/** Whether this process stamps PEER_HEADER (see markPeerStamping). */
export function peerStamping() {
  return /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[PEER_MARK] === true;
}
