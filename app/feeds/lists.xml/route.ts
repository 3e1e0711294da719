import { getDb } from '@/db';
import { listLatestChanges } from '@/db/queries/public-lists';
import { today } from '@/lib/clock';
import { listsFeed } from '../_lib/lists-feed';

/** `/feeds/lists.xml`: the proxy rewrites it to the cached twin (../lists/[day]); this answers when it is bypassed. */
export const dynamic = 'force-dynamic';

export async function GET() {
  return listsFeed(await listLatestChanges(getDb(), today(), 50));
}
