import 'server-only';
/** The cached reads of the public lists, tagged LISTS_TAG (see lib/cache/public-lists.ts for how and why). */
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db';
import { listDistricts } from '@/db/queries/public-companies';
import { listLatestChanges, listPublicEntries } from '@/db/queries/public-lists';
import type { PublicListKind, ViewKey } from '@/lib/public-lists/params';
import { LISTS_REVALIDATE_SECONDS, LISTS_TAG } from './public-lists';

/** One page of a list on a day, cached under LISTS_TAG (the key is the list, the day, the filters and the page). */
export const cachedListView = unstable_cache(
  async (list: PublicListKind, view: ViewKey & { on: string }) =>
    listPublicEntries(getDb(), list, { on: view.on, district: view.district, period: view.period, page: view.page }),
  ['public-list-view'],
  { tags: [LISTS_TAG], revalidate: LISTS_REVALIDATE_SECONDS },
);

/** The latest changes across both lists up to a day (home page, Atom feed). */
export const cachedLatestChanges = unstable_cache(async (on: string, limit: number) => listLatestChanges(getDb(), on, limit), ['public-list-changes'], {
  tags: [LISTS_TAG],
  revalidate: LISTS_REVALIDATE_SECONDS,
});

/** The districts of the filter form (they change only with a migration; cached with the lists). */
export const cachedDistricts = unstable_cache(async () => listDistricts(getDb()), ['public-list-districts'], { tags: [LISTS_TAG], revalidate: 3600 });
