import { getDb } from '@/db';
import { getProjectFeed } from '@/db/queries/public-feeds';
import { today } from '@/lib/clock';
import { isUuid } from '@/lib/validation/ids';
import { entityFeedResponse, feedKey } from '../../_lib/entity-feed';

/** `/feeds/projects/<estate id>.xml`: an estate's Atom feed (served from the page cache by `npm start`). */
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const key = feedKey((await params).file, isUuid);
  const feed = key ? await getProjectFeed(getDb(), key.toLowerCase(), today()) : null;
  return entityFeedResponse(feed, '没有这个小区的订阅');
}
