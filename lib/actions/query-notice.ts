/**
 * What a redirect puts in the query string to say what happened is data, not text to show (CONVENTIONS "At the
 * edge"): a page shows only a value it could have put there itself.
 */

/** `value` when it is one of the labels, else null (`?decided=任意文字` shows nothing). */
export function knownLabel(value: unknown, labels: Record<string, string>): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && Object.values(labels).includes(v) ? v : null;
}

/** A count or version number from the URL: a whole number in 1…max (0…max with `min: 0`), else null. */
export function smallCount(value: unknown, max = 100_000, min = 1): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !/^\d{1,6}$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}
