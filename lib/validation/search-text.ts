import { z } from 'zod';
import { stripControlChars } from '@/lib/security/request-target';

/**
 * A free-text search parameter from the URL: control characters removed (a NUL reaching PostgreSQL is an error,
 * not a search), trimmed, at most `max` characters; anything unusable becomes '' (issue 13, finding 11).
 */
export function searchText(max: number) {
  return z
    .string()
    .transform((s) => stripControlChars(s).trim().slice(0, max))
    .catch('');
}
