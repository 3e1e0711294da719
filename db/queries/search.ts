import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The stored character bigrams of the searched texts (generated columns and GIN indexes of migration 0006; not
 * in the drizzle schema, so that whole-row reads do not carry them). Each is `cjk_bigrams(<text>)` of the
 * expression named beside it.
 */
export const SEARCH_BIGRAMS = {
  /** cjk_bigrams(projects.name || ' ' || projects.address) */
  projects: sql`"projects"."search_bigrams"`,
  /** cjk_bigrams(companies.name) */
  companies: sql`"companies"."name_bigrams"`,
  /** cjk_bigrams(practitioners.name) */
  practitioners: sql`"practitioners"."name_bigrams"`,
} as const;

/**
 * A text match on `expr` (ILIKE semantics: case-insensitive substring, wildcards literal) that a bigram GIN
 * index can serve for queries of two or more characters. `bigrams` is the stored `cjk_bigrams(expr)` column
 * (SEARCH_BIGRAMS); without it the expression is computed (only an expression index can then help).
 * - Exactly two characters: containing the bigram *is* containing the two characters (cjk_bigrams lowercases
 *   as ILIKE does), so the index answers alone, without an ILIKE over every match.
 * - Three or more: all bigrams narrow, ILIKE confirms that they are adjacent and in order.
 */
export function textMatch(expr: SQL, q: string, bigrams?: SQL): SQL {
  const pattern = likePattern(q);
  const length = [...q].length;
  if (length >= 2) {
    const grams = bigrams ?? sql`cjk_bigrams(${expr})`;
    if (length === 2) return sql`(${grams} @> cjk_bigrams(${q}))`;
    return sql`(${grams} @> cjk_bigrams(${q}) AND ${expr} ILIKE ${pattern})`;
  }
  return sql`${expr} ILIKE ${pattern}`;
}
