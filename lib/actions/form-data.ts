/**
 * A plain form's FormData as the object its zod schema expects: `a.b` and `list.0.x` names nest, a checkbox
 * sends "on" (→ true), and blank optional rows of a repeated group are dropped.
 *
 * Field names are chosen by whoever sends the request, so every object is built without a prototype, and a name
 * with a `__proto__`, `constructor` or `prototype` segment (or an empty one) is dropped whole: nothing a client
 * sends can reach `Object.prototype`. The result is copied into ordinary objects (React sends them back to the page). Call it only after the caller is known to be signed in.
 */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
/** More fields or deeper names than any form of ours has are refused rather than built. */
const MAX_FIELDS = 2000;
const MAX_DEPTH = 6;

type Obj = Record<string, unknown>;

function bare(): Obj {
  return Object.create(null) as Obj;
}

/** Whether a client-chosen name may become a path of nested keys. */
export function isSafeFieldName(key: string): boolean {
  const parts = key.split('.');
  return parts.length <= MAX_DEPTH && parts.every((p) => p !== '' && !FORBIDDEN_SEGMENTS.has(p));
}

function child(node: Obj, part: string): Obj | null {
  const existing = Object.hasOwn(node, part) ? node[part] : undefined;
  if (existing === undefined) return (node[part] = bare()) as Obj;
  // `a=1` then `a.b=2`: the plain value wins, the nested one is dropped.
  return existing !== null && typeof existing === 'object' ? (existing as Obj) : null;
}

export function formObject(fd: FormData, opts: { booleans?: string[]; lists?: string[] } = {}): Record<string, unknown> {
  const out = bare();
  let n = 0;
  for (const [key, raw] of fd.entries()) {
    if (typeof raw !== 'string' || key.startsWith('$ACTION')) continue;
    if (++n > MAX_FIELDS) break;
    if (!isSafeFieldName(key)) continue;
    const parts = key.split('.');
    let node: Obj | null = out;
    for (const part of parts.slice(0, -1)) {
      node = child(node, part);
      if (!node) break;
    }
    const last = parts[parts.length - 1]!;
    if (node && !(Object.hasOwn(node, last) && typeof node[last] === 'object')) node[last] = raw;
  }
  for (const b of opts.booleans ?? []) setPath(out, b, getPath(out, b) === 'on' || getPath(out, b) === 'true');
  for (const l of opts.lists ?? []) {
    const v = getPath(out, l);
    const rows = v && typeof v === 'object' ? Object.entries(v as Record<string, unknown>) : [];
    setPath(
      out,
      l,
      rows
        .filter(([k, row]) => /^\d{1,4}$/.test(k) && row !== null && typeof row === 'object')
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, row]) => row as Obj)
        .filter((row) => Object.values(row).some((x) => String(x).trim() !== '')),
    );
  }
  return toPlain(out) as Record<string, unknown>;
}

/**
 * The result as ordinary objects: React refuses null-prototype objects in the state it sends back to the page.
 * Safe, since no name that reaches a prototype was kept above.
 */
function toPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toPlain);
  if (v === null || typeof v !== 'object') return v;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) o[k] = toPlain((v as Obj)[k]);
  return o;
}

function getPath(o: Obj, path: string): unknown {
  return path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' && Object.hasOwn(n, k) ? (n as Obj)[k] : undefined), o);
}

function setPath(o: Obj, path: string, value: unknown) {
  if (!isSafeFieldName(path)) return;
  const parts = path.split('.');
  let node: Obj | null = o;
  for (const p of parts.slice(0, -1)) {
    node = child(node, p);
    if (!node) return;
  }
  node[parts[parts.length - 1]!] = value;
}

/** What an anonymous form action answers a hand-made request whose arguments carry no FormData. */
export const NOT_A_FORM_MESSAGE = '请求格式无效，请刷新页面后重试。';

/** Whether a server action's argument is the form's FormData (a hand-made request may send anything). */
export function isFormData(v: unknown): v is FormData {
  return typeof (v as FormData | null)?.get === 'function' && typeof (v as FormData).getAll === 'function';
}
