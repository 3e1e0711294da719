import { z } from 'zod';
import { parseFilters } from '@/components/list-kit/params';
import { searchText } from '@/lib/validation/search-text';

type Raw = Record<string, string | string[] | undefined>;

/** The first value of a query parameter (`?q=a&q=b` → `a`). */
export function first(raw: Raw, key: string): string | undefined {
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

/** `q`, `district`, `page` of every public list (SPEC §5); anything malformed falls back to its default. */
export const listParamsSchema = z.object({
  q: searchText(50),
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseListParams(raw: Raw) {
  return parseFilters(listParamsSchema, raw);
}
