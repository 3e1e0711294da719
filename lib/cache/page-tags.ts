/**
 * Adds cache tags to the page being rendered (lib/cache/serve-cached.mjs keeps them with the entry): for data a
 * page shows that its URL does not name, so that the database's change notice for it empties the page too.
 * Outside the page cache (dev server, tests, a signed-in request) there is no store and this does nothing.
 */
const KEY = Symbol.for('suining.page-cache.render-tags');

export function tagPage(...tags: string[]): void {
  const als = (globalThis as Record<symbol, { getStore(): unknown } | undefined>)[KEY];
  const store = als?.getStore();
  if (store instanceof Set) for (const t of tags) store.add(t);
}
