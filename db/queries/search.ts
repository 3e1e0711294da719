import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

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

/**
 * The query, when it is exactly two characters: the one bigram a posting table is keyed by (lowercased in SQL,
 * `postingKey`, as cjk_bigrams does); else null (one character, or three and more: textMatch). Not trimmed here:
 * the caller passes the text it would give textMatch.
 */
export function twoCharQuery(q: string | undefined | null): string | null {
  return q && [...q].length === 2 ? q : null;
}

/** The posting tables' key for a two-character query: cjk_bigrams(q)[1], i.e. lower(q). */
export function postingKey(q: string): SQL {
  return sql`lower(${q})`;
}

// The posting and count tables of migration 0009 (docs/decisions/023-search-postings.md). Kept by triggers in the
// same transaction as the searched rows; not in the drizzle schema (db/schema), as they are derived data.

/** Every estate once per bigram of `name || ' ' || address`, in the result order (name, id). */
export const projectSearchPostings = pgTable('project_search_postings', {
  bigram: text('bigram').notNull(),
  name: text('name').notNull(),
  id: uuid('id').notNull(),
  districtId: text('district_id').notNull(),
  streetId: text('street_id'),
});

/** Estates a bigram matches, in the city (district_id '') and in each district. */
export const projectSearchCounts = pgTable('project_search_counts', {
  bigram: text('bigram').notNull(),
  districtId: text('district_id').notNull(),
  n: integer('n').notNull(),
});

/** Every approved company once per bigram of its name, in the result order (name, uscc). */
export const companySearchPostings = pgTable('company_search_postings', {
  bigram: text('bigram').notNull(),
  name: text('name').notNull(),
  uscc: text('uscc').notNull(),
  id: uuid('id').notNull(),
  districtId: text('district_id'),
});

/** Approved companies a bigram matches, in the city (district_id '') and in each district. */
export const companySearchCounts = pgTable('company_search_counts', {
  bigram: text('bigram').notNull(),
  districtId: text('district_id').notNull(),
  n: integer('n').notNull(),
});

/**
 * Every current employment (at an estate) of an active person once per bigram of the person's name, in the staff
 * search's order (name, estate name, person), with the columns the actors' scopes filter on.
 */
export const staffSearchPostings = pgTable('staff_search_postings', {
  bigram: text('bigram').notNull(),
  name: text('name').notNull(),
  projectName: text('project_name').notNull(),
  practitionerId: uuid('practitioner_id').notNull(),
  projectId: uuid('project_id').notNull(),
  companyId: uuid('company_id').notNull(),
  districtId: text('district_id').notNull(),
  streetId: text('street_id'),
  communityId: text('community_id'),
});
