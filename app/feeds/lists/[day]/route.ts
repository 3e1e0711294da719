import { cachedLatestChanges } from '@/lib/cache/public-list-views';
import { today } from '@/lib/clock';
import { listsFeed } from '../../_lib/lists-feed';

/** The cached Atom feed of list changes (next.config.js rewrites /feeds/lists.xml to `/feeds/lists/latest`). */
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ day: string }> }) {
  const { day } = await params;
  if (day !== 'latest') return new Response('Not found', { status: 404 });
  return listsFeed(await cachedLatestChanges(today(), 50));
}
