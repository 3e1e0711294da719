import { getDb } from '@/db';
import { getCompanyFeed } from '@/db/queries/public-feeds';
import { isFullUscc } from '@/db/queries/public-companies';
import { today } from '@/lib/clock';
import { entityFeedResponse, feedKey } from '../../_lib/entity-feed';

/** `/feeds/companies/<统一社会信用代码>.xml`: an approved company's Atom feed (page cache like its page). */
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const key = feedKey((await params).file, isFullUscc);
  const feed = key ? await getCompanyFeed(getDb(), key, today()) : null;
  return entityFeedResponse(feed, '没有这个统一社会信用代码的已备案物业服务企业');
}
