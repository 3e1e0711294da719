import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A text match on `expr` that the bigram GIN index (migration 0001) can serve for queries of two or more
 * characters: the index narrows by `cjk_bigrams(expr) @> cjk_bigrams(q)`, ILIKE confirms the exact substring.
 */
export function textMatch(expr: SQL, q: string): SQL {
  const pattern = likePattern(q);
  if ([...q].length >= 2) {
    return sql`(cjk_bigrams(${expr}) @> cjk_bigrams(${q}) AND ${expr} ILIKE ${pattern})`;
  }
  return sql`${expr} ILIKE ${pattern}`;
}
