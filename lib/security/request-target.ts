/**
 * Bad input at the edge (issue 13, finding 11): a path or query that cannot be percent-decoded, or that decodes
 * to a control character (NUL above all: PostgreSQL refuses it in text), is refused before any page or handler
 * sees it.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `decodeURIComponent` that answers null instead of throwing on a malformed sequence. */
export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** A decoded value holds a control character other than tab, line feed and carriage return. */
export function hasControlChar(s: string): boolean {
  return CONTROL.test(s);
}

/** Removes control characters (tab, line feed and carriage return become spaces). */
export function stripControlChars(s: string): string {
    return s.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** True when the raw (still encoded) path or query string is malformed or carries a control character. */
export function malformedRequestTarget(rawPath: string, rawSearch: string): boolean {
  const path = safeDecode(rawPath);
  if (path === null || hasControlChar(path) || path.includes('\n') || path.includes('\r')) return true;
  const search = rawSearch.startsWith('?') ? rawSearch.slice(1) : rawSearch;
  if (!search) return false;
  for (const part of search.split('&')) {
    const value = safeDecode(part.replace(/\+/g, ' '));
    if (value === null || hasControlChar(value)) return true;
  }
  return false;
}

/** A route parameter as the handler should see it: decoded once, or null when it cannot be (→ 404/400). */
export function decodeParam(raw: string): string | null {
  const v = safeDecode(raw);
  return v === null || hasControlChar(v) ? null : v;
}
