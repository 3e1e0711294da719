import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientIp, UNKNOWN_CLIENT } from '@/lib/auth/client-ip';
import { markPeerStamping, PEER_HEADER, PEER_MARK, stampPeer } from '@/lib/auth/peer-stamp.mjs';
import { env, resetEnvCache } from '@/lib/env';

const saved = { ...process.env };
let dir: string;

function withTrust(value: string | undefined) {
  if (value === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = value;
  resetEnvCache();
}

/** Headers as the app sees them once the server has stamped the socket address. */
function stamped(peer: string, extra: Record<string, string> = {}) {
  const h = new Headers(extra);
  h.set(PEER_HEADER, peer);
  return h;
}

const unmark = () => {
  delete (globalThis as unknown as Record<symbol, unknown>)[PEER_MARK];
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'suining-ip-'));
  process.env.DATA_DIR = dir;
  withTrust(undefined);
  markPeerStamping();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  unmark();
  rmSync(dir, { recursive: true, force: true });
});

const SPOOFS = {
  'x-forwarded-for': '198.51.100.7',
  'x-real-ip': '198.51.100.8',
  forwarded: 'for=198.51.100.9',
  'cf-connecting-ip': '198.51.100.10',
};

describe('clientIp with TRUST_PROXY unset or 0: the socket address, whatever the headers say', () => {
  for (const value of [undefined, '', '0']) {
    it(`TRUST_PROXY=${JSON.stringify(value)}`, () => {
      withTrust(value);
      expect(clientIp(stamped('203.0.113.5', SPOOFS))).toBe('203.0.113.5');
      expect(clientIp(stamped('203.0.113.5', { 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 203.0.113.5' }))).toBe('203.0.113.5');
      expect(clientIp(stamped('203.0.113.5'))).toBe('203.0.113.5');
    });
  }

  it('writes an IPv4 client of a dual-stack socket as IPv4, and keeps IPv6 addresses', () => {
    expect(clientIp(stamped('::ffff:203.0.113.5'))).toBe('203.0.113.5');
    expect(clientIp(stamped('2001:DB8::1'))).toBe('2001:db8::1');
  });

  it('is unknown when the server did not stamp the socket address, even if the client sent the private header', () => {
    unmark();
    expect(clientIp(stamped('203.0.113.5', SPOOFS))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers(SPOOFS))).toBe(UNKNOWN_CLIENT);
  });

  it('is unknown when the stamped value is not an address', () => {
    expect(clientIp(stamped('not-an-ip', SPOOFS))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers(SPOOFS))).toBe(UNKNOWN_CLIENT);
  });
});

describe('clientIp with a hop count', () => {
  it('TRUST_PROXY=1: the entry the one proxy appended, not what the client put before it', () => {
    withTrust('1');
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy at 10.0.0.2 appended the real client.
    expect(clientIp(stamped('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.5' }))).toBe('203.0.113.5');
    expect(clientIp(stamped('10.0.0.2', { 'x-forwarded-for': '203.0.113.5' }))).toBe('203.0.113.5');
    // No header: the peer itself.
    expect(clientIp(stamped('10.0.0.2'))).toBe('10.0.0.2');
    // A spoofed X-Real-IP means nothing.
    expect(clientIp(stamped('10.0.0.2', { 'x-real-ip': '6.6.6.6', 'x-forwarded-for': '203.0.113.5' }))).toBe('203.0.113.5');
  });

  it('TRUST_PROXY=2: two proxies in a row', () => {
    withTrust('2');
    expect(clientIp(stamped('10.0.0.3', { 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' }))).toBe('203.0.113.5');
    expect(clientIp(stamped('10.0.0.3', { 'x-forwarded-for': '7.7.7.7, 6.6.6.6, 203.0.113.5, 10.0.0.2' }))).toBe('203.0.113.5');
  });

  it('a trusted hop that passes on something that is not an address gives the peer', () => {
    withTrust('1');
    expect(clientIp(stamped('10.0.0.2', { 'x-forwarded-for': 'evil' }))).toBe('10.0.0.2');
  });
});

describe('clientIp with a list of proxy addresses', () => {
  it('believes X-Forwarded-For only from the listed addresses', () => {
    withTrust('10.0.0.2, 192.0.2.0/24');
    expect(clientIp(stamped('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.5' }))).toBe('203.0.113.5');
    // Through two listed proxies.
    expect(clientIp(stamped('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 192.0.2.44' }))).toBe('203.0.113.5');
    // A client connecting directly, from an address not in the list: its header is ignored.
    expect(clientIp(stamped('203.0.113.9', { 'x-forwarded-for': '6.6.6.6' }))).toBe('203.0.113.9');
    // A client claiming to come through a listed proxy does not make itself one.
    expect(clientIp(stamped('203.0.113.9', { 'x-forwarded-for': '6.6.6.6, 10.0.0.2' }))).toBe('203.0.113.9');
  });

  it('takes the named ranges of proxy-addr', () => {
    withTrust('loopback');
    expect(clientIp(stamped('127.0.0.1', { 'x-forwarded-for': '203.0.113.5' }))).toBe('203.0.113.5');
    expect(clientIp(stamped('::1', { 'x-forwarded-for': '203.0.113.5' }))).toBe('203.0.113.5');
    expect(clientIp(stamped('10.0.0.2', { 'x-forwarded-for': '203.0.113.5' }))).toBe('10.0.0.2');
    withTrust('uniquelocal');
    expect(clientIp(stamped('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.5' }))).toBe('203.0.113.5');
  });
});

describe('TRUST_PROXY validation', () => {
  for (const bad of ['true', '*', 'yes', '11', 'proxy.example.com', '10.0.0.1/33', '1.2.3', ',']) {
    it(`refuses ${JSON.stringify(bad)} at start-up`, () => {
      withTrust(bad);
      expect(() => env()).toThrow(/TRUST_PROXY/);
    });
  }
  it('accepts hop counts and lists', () => {
    for (const good of ['0', '1', '2', '10.0.0.1', '10.0.0.0/8, fd00::/8', 'loopback,uniquelocal', '10.0.0.0/255.0.0.0']) {
      withTrust(good);
      expect(() => env()).not.toThrow();
    }
  });
});

describe('the production server stamps the socket address over anything the client sends', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    // The same two steps as scripts/serve.mjs, with a handler that answers the address the app would use.
    server = http.createServer((req, res) => {
      stampPeer(req);
      const h = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') h.set(k, v);
      const raw = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === PEER_HEADER);
      res.end(JSON.stringify({ ip: clientIp(h), peerHeader: req.headers[PEER_HEADER], rawCopies: raw.length }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** A raw request, so that the test controls every header line, duplicates and case included. */
  function rawGet(headerLines: string[]): Promise<{ ip: string; peerHeader: string; rawCopies: number }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(['GET / HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Connection: close', ...headerLines, '', ''].join('\r\n'));
      });
      let data = '';
      socket.on('data', (c) => (data += c));
      socket.on('end', () => resolve(JSON.parse(data.slice(data.indexOf('\r\n\r\n') + 4))));
      socket.on('error', reject);
    });
  }

  for (const value of [undefined, '0']) {
    it(`TRUST_PROXY=${JSON.stringify(value)}: spoofed copies of every header change nothing`, async () => {
      withTrust(value);
      const r = await rawGet([
        'X-Forwarded-For: 198.51.100.7',
        'X-Real-IP: 198.51.100.8',
        'X-Suining-Peer: 198.51.100.9',
        'x-suining-peer: 198.51.100.10',
        'X-SUINING-PEER: 198.51.100.11',
      ]);
      expect(r).toEqual({ ip: '127.0.0.1', peerHeader: '127.0.0.1', rawCopies: 1 });
      // A new header value on every try is the same client.
      const again = await rawGet(['X-Forwarded-For: 198.51.100.99']);
      expect(again.ip).toBe('127.0.0.1');
    });
  }

  it('TRUST_PROXY=loopback: a proxy on this machine names the client', async () => {
    withTrust('loopback');
    expect((await rawGet(['X-Forwarded-For: 6.6.6.6, 203.0.113.5'])).ip).toBe('203.0.113.5');
  });

  it('TRUST_PROXY=10.0.0.2: a direct client is not believed', async () => {
    withTrust('10.0.0.2');
    expect((await rawGet(['X-Forwarded-For: 203.0.113.5', 'X-Suining-Peer: 10.0.0.2'])).ip).toBe('127.0.0.1');
  });
});
