import { env } from '@/lib/env';

/**
 * The client address for throttling and the audit log. Behind a reverse proxy (TRUST_PROXY=1) the first
 * X-Forwarded-For entry; otherwise the last one, which Next.js's own server sets from the socket.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get('x-forwarded-for');
  if (xff) {
    const parts = xff.split(',').map((s) => s.trim()).filter(Boolean);
    const ip = env().TRUST_PROXY === '1' ? parts[0] : parts[parts.length - 1];
    if (ip) return ip;
  }
  return headers.get('x-real-ip') ?? 'unknown';
}
