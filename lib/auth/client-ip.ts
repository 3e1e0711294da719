/**
 * The client address for throttling and the audit log, never a value the client chose.
 *
 * The start of the chain is the TCP peer, which the production server (scripts/serve.mjs) writes into a private
 * header after removing any copy the client sent (lib/auth/peer-stamp.mjs). From there, X-Forwarded-For entries
 * are believed only across the hops TRUST_PROXY trusts (lib/auth/trust-proxy.ts, `proxy-addr` semantics): with
 * TRUST_PROXY unset the address is the peer's, whatever the request says.
 *
 * A process that does not stamp the peer (`next dev`, a bare `next start`) cannot know the address: every request
 * is then `unknown`, so limits keyed on the address apply to all clients together rather than to none.
 */
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';
import { env } from '@/lib/env';
import { PEER_HEADER, peerStamping } from './peer-stamp.mjs';

export const UNKNOWN_CLIENT = 'unknown';

let warned = false;

/** `::ffff:192.0.2.1` (an IPv4 client of a dual-stack socket) is written as `192.0.2.1`. */
function normalise(addr: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(addr);
  return mapped ? mapped[1]! : addr.toLowerCase();
}

export function clientIp(headers: Headers): string {
  if (!peerStamping()) {
    if (!warned) {
      warned = true;
      console.warn('Client addresses are unknown: serve with `npm start` (scripts/serve.mjs), which records the socket address.');
    }
    return UNKNOWN_CLIENT;
  }
  const peer = headers.get(PEER_HEADER);
  if (!peer || !isIP(peer)) return UNKNOWN_CLIENT;
  const xff = headers.get('x-forwarded-for');
  const req = { socket: { remoteAddress: peer }, headers: xff ? { 'x-forwarded-for': xff } : {} };
  const addr = proxyaddr(req as unknown as Parameters<typeof proxyaddr>[0], env().trustProxy);
  // A trusted proxy passed on something that is not an address: the nearest address we know is the peer.
  return normalise(isIP(addr) ? addr : peer);
}
