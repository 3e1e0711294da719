import { z } from 'zod';
import { searchText } from '@/lib/validation/search-text';

/**
 * The URL half of the list-page kit: search params → typed filters, and typed filters → links. Pure (no React, no
 * I/O), so the public pages and the signed-in areas share it and unit tests cover it.
 */
export type RawSearchParams = Record<string, string | string[] | undefined>;
type Shape = Record<string, z.ZodType>;

/** The first value of a query parameter (`?q=a&q=b` → `a`); an empty value counts as absent. */
export function firstParam(raw: RawSearchParams, key: string): string | undefined {
  const v = raw[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === '' ? undefined : s;
}

/**
 * Typed filters from the URL. Every field of `schema` should end in `.catch(…)`: a missing, repeated, malformed or
 * out-of-range parameter then falls back to its default instead of throwing (no 500 from a hand-edited URL).
 * Only the schema's own keys are read; anything else in the query string is ignored.
 */
export function parseFilters<S extends Shape>(schema: z.ZodObject<S>, raw: RawSearchParams): z.output<z.ZodObject<S>> {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) input[key] = firstParam(raw, key);
  const parsed = schema.safeParse(input);
  // A field without `.catch` that fails: the defaults, not an error page.
  return parsed.success ? parsed.data : schema.parse({});
}

/** The filters a list shows when its URL carries none. */
export function defaultFilters<S extends Shape>(schema: z.ZodObject<S>): z.output<z.ZodObject<S>> {
  return parseFilters(schema, {});
}

/** Whether the user narrowed the list (any filter other than the page differs from its default). */
export function isFiltered(filters: Record<string, unknown>, defaults: Record<string, unknown>): boolean {
  return Object.keys(filters).some((k) => k !== 'page' && serialise(filters[k]) !== serialise(defaults[k]));
}

function serialise(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '' || v === false) return undefined;
  if (v === true) return '1';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * The link to `path` with `filters` (empty, null and false values left out; true as `1`) and `page` (left out on
 * page 1), so every link of a list — pager, export, "clear the filters" — carries the same parameter names.
 */
export function listHref(path: string, filters: Record<string, unknown>, page?: number): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (k === 'page') continue;
    const s = serialise(v);
    if (s !== undefined) sp.set(k, s);
  }
  if (page !== undefined && page > 1) sp.set('page', String(page));
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The number of pages for `total` rows at `pageSize` a page: at least 1 (an empty list is one empty page). */
export function pageCount(total: number, pageSize: number): number {
  if (!Number.isFinite(total) || total <= 0 || pageSize <= 0) return 1;
  return Math.ceil(total / pageSize);
}

/** The page numbers a numbered pager shows: the first, the last and up to `radius` either side of the current. */
export function pageWindow(page: number, pages: number, radius = 2): number[] {
  const shown = new Set<number>([1, pages]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pages) shown.add(p);
  return [...shown].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
}

// Field helpers: each falls back to its default on anything unusable.

/** `page`: a whole number from 1 to `max`, else 1. */
export const pageParam = (max = 10_000) => z.coerce.number().int().min(1).max(max).catch(1);
/** A free-text search field (control characters stripped, trimmed, at most `max` characters), else ''. */
export const textParam = (max: number) => searchText(max);
/** One of `values`, else `fallback`. */
export const enumParam = <const V extends readonly [string, ...string[]], F extends V[number] | null>(values: V, fallback: F) =>
  z.enum(values).nullable().catch(fallback as V[number] | null) as unknown as z.ZodType<F extends null ? V[number] | null : V[number]>;
/** A checkbox sent as `1`: true only for `1`. */
export const flagParam = () => z.literal('1').transform(() => true).catch(false) as unknown as z.ZodType<boolean>;
/** A uuid, else null. */
export const uuidParam = () => z.uuid().nullable().catch(null);
/** A six-digit region code, else null. */
export const regionParam = () => z.string().regex(/^\d{6}$/).nullable().catch(null);
