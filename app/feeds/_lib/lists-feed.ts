import 'server-only';
import { listChangeAtomId } from '@/db/queries/public-feeds';
import type { PublicListChange } from '@/db/queries/public-lists';
import { env } from '@/lib/env';
import { toAtom } from '@/lib/open-data/atom';
import { listEventLabel } from '@/lib/domain/labels';

const LIST = { red: '红榜', black: '黑榜' } as const;


export function listsFeed(changes: PublicListChange[]) {
  const base = env().siteUrl;
  const xml = toAtom({
    id: 'urn:suining-credit:feeds:lists',
    title: '遂宁市物业服务企业红黑榜变动',
    self: `${base}/feeds/lists.xml`,
    alternate: `${base}/lists/black`,
    updatedFallback: '2026-01-01T00:00:00Z',
    author: '遂宁市住房和城乡建设局',
    entries: changes.map((c) => ({
      id: listChangeAtomId(c),
      title: `${listEventLabel(c.event, c.list)}：${c.company.name}`,
      updated: c.at,
      link: `${base}/companies/${c.company.uscc}`,
      summary: c.detail,
      category: LIST[c.list],
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Access-Control-Allow-Origin': '*' } });
}
