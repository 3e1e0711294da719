import 'server-only';
/**
 * Connects the page cache of the serving process (scripts/serve.mjs, lib/cache/page-cache.mjs) to the database's
 * change notices: the triggers of db/migrations/0007 send `NOTIFY public_cache, '<tags>'` when a change commits,
 * and every server listening on the database — this instance or another one on the same PostgreSQL — drops the
 * pages with those tags (docs/decisions/021-page-cache.md). Under `next dev` or a bare `next start` there is no
 * page cache and nothing listens.
 */
import type { DbHandle } from '@/db/client';
import { PAGE_CACHE } from './page-cache.mjs';

export const PUBLIC_CACHE_CHANNEL = 'public_cache';

interface Invalidatable {
  invalidate(tags: string[]): void;
}

export function pageCacheOfProcess(): Invalidatable | undefined {
  return (globalThis as unknown as Record<symbol, Invalidatable | undefined>)[PAGE_CACHE];
}

/** The tags of one notice ("index company:9151… project:…", or "all"). */
export function tagsOfNotice(payload: string): string[] {
  const tags = payload.split(' ').filter((t) => t.length > 0);
  return tags.length ? tags : ['all'];
}

/**
 * Listen for change notices and hand them to `cache`. With PostgreSQL the listening connection reconnects by
 * itself; every (re)connection empties the cache, since notices sent while it was down are lost.
 */
export async function listenForPublicChanges(handle: DbHandle, cache: Invalidatable): Promise<void> {
  const onNotice = (payload: string) => cache.invalidate(tagsOfNotice(payload));
  if (handle.kind === 'pglite') {
    await handle.pglite!.listen(PUBLIC_CACHE_CHANNEL, onNotice);
    return;
  }
  await handle.sql!.listen(PUBLIC_CACHE_CHANNEL, onNotice, () => cache.invalidate(['all']));
}
