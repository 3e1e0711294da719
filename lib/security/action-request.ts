/**
 * Server-action requests that Next.js's and React's own decoders would choke on (issue 13, fuzz findings): a
 * malformed multipart body, a part whose name or file name carries a control character, a missing or
 * unparseable root row `0`, a root that is not an argument list, or a server reference smuggled into it. Next.js
 * answers those with a bare 500 before any of our code runs; the proxy answers 400 instead. Only fetch actions
 * (the `Next-Action` header, React's client encoding) are checked here: a form posted without JavaScript carries
 * no header and is decoded by React's form decoder, which refuses bad input itself.
 */
import { hasControlChar } from './request-target';

/** What the proxy inspects at most; a larger body goes through unchecked (the action's own limits apply). */
export const ACTION_INSPECT_MAX_BYTES = 1_000_000;

const ACTION_ID = /^[0-9a-f]{40,42}$/i;
/** The reference forms React's client writes into the arguments of our forms (FormData, undefined, dates, numbers). */
const ALLOWED_REFERENCE = /^\$(\$.*|K\d+|undefined|D.*|-0|Infinity|-Infinity|NaN|n-?\d+)$/s;

export function malformedActionId(id: string): boolean {
  return !ACTION_ID.test(id);
}

function referencesOk(v: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof v === 'string') return !v.startsWith('$') || ALLOWED_REFERENCE.test(v);
  if (Array.isArray(v)) return v.every((x) => referencesOk(x, depth + 1));
  if (v && typeof v === 'object') return Object.entries(v).every(([k, x]) => !hasControlChar(k) && referencesOk(x, depth + 1));
  return true;
}

type Entry = [string, string | { name: string }];

/** Why a fetch action's multipart fields would fail to decode, or null when they look like React's client wrote them. */
export function malformedActionFields(entries: Entry[]): string | null {
  const roots = entries.filter(([k]) => k === '0');
  if (roots.length !== 1) return 'root row';
  for (const [k, v] of entries) {
    if (hasControlChar(k)) return 'field name';
    if (typeof v !== 'string' && hasControlChar(v.name)) return 'file name';
  }
  const root = roots[0]![1];
  if (typeof root !== 'string') return 'root row';
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return 'root row';
  }
  if (!Array.isArray(args)) return 'arguments';
  return referencesOk(args) ? null : 'reference';
}

/** Why a fetch action's plain-text body (a JSON argument list) would fail to decode, or null. */
export function malformedActionText(body: string): string | null {
  let args: unknown;
  try {
    args = JSON.parse(body);
  } catch {
    return 'body';
  }
  if (!Array.isArray(args)) return 'arguments';
  return referencesOk(args) ? null : 'reference';
}
