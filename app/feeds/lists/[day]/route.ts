import { cachedLatestChanges } from '@/lib/cache/public-list-views';
import { today } from '@/lib/clock';
import { addCalendarDays } from '@/lib/domain/working-days';
import { listsFeed } from '../../_lib/lists-feed';

/** The cached Atom feed of list changes for a day (the proxy rewrites /feeds/lists.xml here). */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ day: string }> }) {
  const { day } = await params;
  const t = today();
  if (![addCalendarDays(t, -1), t, addCalendarDays(t, 1)].includes(day)) return new Response('Not found', { status: 404 });
  return listsFeed(await cachedLatestChanges(day, 50));
}
