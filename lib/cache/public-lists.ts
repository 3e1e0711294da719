import 'server-only';
/**
 * The cache tag of everything public that shows list membership: /lists/*, /api/v1/lists/*, /feeds/lists.xml,
 * the home page's latest changes, company profiles and /api/v1/companies/*. Every service that opens, changes or
 * ends a list entry (or publishes ratings or evaluations) calls `invalidatePublicLists()` after its transaction
 * committed, so the first request after the change is served fresh.
 */
import { updateTag } from 'next/cache';

export const LISTS_TAG = 'public-lists';

/**
 * Expire the tag at once (read-your-own-writes). Outside a Next request (integration tests, the seed, scripts)
 * there is no cache to expire and this does nothing.
 */
export function invalidatePublicLists(): void {
  try {
    updateTag(LISTS_TAG);
  } catch (e) {
    if (e instanceof Error && /outside|static generation store|workStore|Server Action/i.test(e.message)) return;
    throw e;
  }
}
