import { cachedLatestChanges } from '@/lib/cache/public-list-views';
import { today } from '@/lib/clock';
import { isCurrentView } from '@/lib/public-lists/params';
import { listsFeed } from '../../_lib/lists-feed';

/** The cached Atom feed of list changes for a day (the proxy rewrites /feeds/lists.xml to `<generation>_<day>`). */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ day: string }> }) {
  const { day } = await params;
  const m = /^(g[0-9a-z]{1,20})_(\d{4}-\d{2}-\d{2})$/.exec(day);
  if (!m || !isCurrentView({ gen: m[1]!, on: m[2]! }, today())) return new Response('Not found', { status: 404 });
  return listsFeed(await cachedLatestChanges(m[2]!, 50));
}
