/**
 * TRUST_PROXY: which hops in front of the server may say who the client is (the semantics of Express's
 * `trust proxy`, through the `proxy-addr` package):
 * - unset, empty or `0`: trust none; the client address is the socket's.
 * - a hop count `1`, `2`, …: trust that many proxies nearest the server, whatever their address; the client is
 *   the entry that many steps from the right of X-Forwarded-For (with the socket address as the first step).
 * - a comma list of addresses, CIDR ranges (`10.0.0.0/8`, `fd00::/8`) or the names `loopback`, `linklocal`,
 *   `uniquelocal`: trust exactly the hops with those addresses.
 * `true` (trust everything) is refused: the client would then choose its own address.
 */
import proxyaddr from 'proxy-addr';

export type TrustFn = (addr: string, hop: number) => boolean;

export const MAX_PROXY_HOPS = 10;

const trustNone: TrustFn = () => false;

/** Compiles a TRUST_PROXY value; throws an Error with a message for the operator when the value is wrong. */
export function compileTrustProxy(raw: string | undefined): TrustFn {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0') return trustNone;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS) throw new Error(`a hop count must be at most ${MAX_PROXY_HOPS}`);
    return (_addr, hop) => hop < hops;
  }
  if (/^(true|yes|on|\*)$/i.test(value)) {
    throw new Error('trusting every hop lets a client choose its own address: give a hop count or the proxy addresses');
  }
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new Error('give a hop count or a comma list of proxy addresses or CIDR ranges');
  try {
    return proxyaddr.compile(list);
  } catch (err) {
    throw new Error(`not a hop count nor a list of addresses or CIDR ranges (${(err as Error).message})`);
  }
}
