import 'server-only';
/**
 * The cache tag of everything public that shows list membership: /lists/*, /api/v1/lists/*, /feeds/lists.xml,
 * the home page's latest changes, company profiles and /api/v1/companies/*. Every service that opens, changes or
 * ends a list entry (or publishes ratings or evaluations) calls `invalidatePublicLists()` after its transaction
 * committed, so the first request after the change is served fresh.
 *
 * How the lists are cached (docs/decisions/014-public-lists-cache.md): next.config.js rewrites
 * `/lists/black?district=…&page=…` (no `q`) to `/lists/black/<district>-<period>-<page>`, a route rendered on demand
 * and kept in the full route cache (ISR, `generateStaticParams` → [], in memory only); its data is read through
 * `unstable_cache` tagged LISTS_TAG (lib/cache/public-list-views.ts), so the tag expires the rendered page too.
 * The page is re-rendered at most a minute after it was cached, with the day of rendering, so an entry past its
 * date out leaves within a minute of midnight; LISTS_REVALIDATE_SECONDS is the data's own safety net.
 */
import { revalidateTag, updateTag } from 'next/cache';

export const LISTS_TAG = 'public-lists';

/** The time-based safety net of every cached list view (seconds). */
export const LISTS_REVALIDATE_SECONDS = 300;

const UPDATE_TAG_OUTSIDE_ACTION = /^updateTag can only be called from within a Server Action/;
const NO_REQUEST = /static generation store missing/;

/**
 * Expire the tag at once. In a server action: `updateTag` (read-your-own-writes: the action's own redirect or
 * refresh already sees the change). In a route handler: `revalidateTag(tag, { expire: 0 })`, which expires as
 * hard as `updateTag` (updateTag refuses to run there). Outside a Next request (integration tests, the seed,
 * scripts) there is no cache to expire and this does nothing. Anything else (called during a render, inside a
 * cached function) is a bug and is thrown.
 */
export function invalidatePublicLists(): void {
  try {
    updateTag(LISTS_TAG);
    return;
  } catch (e) {
    if (!(e instanceof Error && UPDATE_TAG_OUTSIDE_ACTION.test(e.message))) throw e;
  }
  try {
    revalidateTag(LISTS_TAG, { expire: 0 });
  } catch (e) {
    if (e instanceof Error && NO_REQUEST.test(e.message)) return;
    throw e;
  }
}
