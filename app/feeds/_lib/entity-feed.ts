import 'server-only';
import type { EntityFeed } from '@/db/queries/public-feeds';
import { env } from '@/lib/env';
import { toAtom } from '@/lib/open-data/atom';

const ATOM_HEADERS = { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Access-Control-Allow-Origin': '*' } as const;

/** The feed's own path: `/feeds/projects/<id>.xml` or `/feeds/companies/<uscc>.xml`. */
export function entityFeedPath(kind: EntityFeed['kind'], key: string): string {
  return `/feeds/${kind === 'project' ? 'projects' : 'companies'}/${key}.xml`;
}

/** The `<id>.xml` of the URL's last segment, or null (then the feed is a 404). */
export function feedKey(file: string, valid: (key: string) => boolean): string | null {
  const m = /^(.+)\.xml$/.exec(file);
  return m && valid(m[1]!) ? m[1]! : null;
}

/** An estate's or a company's events as Atom (RFC 4287): entry ids from the rows, content in plain words. */
export function entityFeedXml(f: EntityFeed): string {
  const base = env().siteUrl;
  const page = f.kind === 'project' ? `/projects/${f.key}` : `/companies/${f.key}`;
  return toAtom({
    id: `urn:suining-credit:feeds:${f.kind}:${f.key}`,
    title: `${f.name}：${f.kind === 'project' ? '小区物业服务动态' : '企业信用动态'}`,
    self: `${base}${entityFeedPath(f.kind, f.key)}`,
    alternate: `${base}${page}`,
    updatedFallback: '2026-01-01T00:00:00Z',
    author: '遂宁市住房和城乡建设局',
    entries: f.events.map((e) => ({ id: e.id, title: e.title, updated: e.at, link: `${base}${e.path}`, content: e.text, category: e.category })),
  });
}

export function entityFeedResponse(f: EntityFeed | null, missing: string): Response {
  if (!f) return new Response(missing, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' } });
  return new Response(entityFeedXml(f), { headers: ATOM_HEADERS });
}
