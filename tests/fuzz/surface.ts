/**
 * The fuzz run's surface and generators, shared by the CI-sized spec (tests/e2e/fuzz.spec.ts) and `npm run fuzz`
 * (scripts/fuzz.ts). Everything an anonymous client can reach over HTTP:
 *
 *   - every GET endpoint, listed from the code: each `page.tsx`, `route.ts`, `sitemap.ts` and `robots.ts` under
 *     app/ becomes a URL template (route groups dropped, `[segment]` a parameter), with the query parameters its
 *     source reads (`sp.x`, `first(raw, 'x')`, `searchParams.get('x')`, the shared list parameters…). A page added
 *     later is fuzzed without anyone editing this file. Signed-in areas are included: anonymously they must
 *     redirect or refuse, never fail;
 *   - every form the public pages render, found in their HTML: GET forms (search, look-ups by code) are submitted
 *     with fuzzed fields, and server-action forms are posted as a browser without JavaScript posts them (multipart,
 *     the hidden `$ACTION_…` fields React writes into the form) and as the JavaScript client does (`Next-Action`
 *     header, arguments encoded by React), with fuzzed values, wrong types, files, missing and repeated fields.
 *
 * Values: long and empty strings, control characters and NUL, SQL and LIKE metacharacters, bad percent-encodings
 * sent raw, lone surrogates, wrong types, huge and negative numbers, bad dates, and the real identifiers of the
 * demo city (so that parameters next to a valid one are reached). The only pass condition is an answer < 500.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

// ---------------------------------------------------------------------------------------------------------
// The GET surface, from the code

export interface RouteTemplate {
  /** e.g. `/projects/[id]/staff/[practitionerId]` */
  template: string;
  /** Dynamic segment names in order (`[...rest]` gives `...rest`). */
  segments: string[];
  /** Query parameter names the source reads. */
  query: string[];
  /** Under app/(public), app/api/v1, app/feeds, or the sitemap and robots: meant for anonymous readers. */
  isPublic: boolean;
  file: string;
}

/** Names every public page and handler may see; each template also gets the ones its source reads. */
export const COMMON_QUERY = ['q', 'page', 'district', 'street', 'period', 'format', 'on', 'code', 'next', 'mode', 'size', 'kind', '_rsc'];

const QUERY_PATTERNS = [
  /\b(?:sp|raw|query|search|params)\.([A-Za-z_]\w*)\b/g,
  /\(await searchParams\)\.([A-Za-z_]\w*)/g,
  /\bfirst\([^,()]+(?:\([^)]*\))?,\s*'([^']+)'\)/g,
  /searchParams\.get\('([^']+)'\)/g,
  /\bsp\.get\('([^']+)'\)/g,
  /\bget\('([^']+)'\)/g,
  /\bone\(sp\.([A-Za-z_]\w*)\)/g,
];
const NOT_QUERY = new Set(['then', 'length', 'id', 'list', 'view', 'uscc', 'code', 'day', 'practitionerId', 'data', 'success', 'error', 'get', 'has', 'set', 'size']);

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('_') || e.name.startsWith('@')) continue;
      walk(p, out);
    } else out.push(p);
  }
  return out;
}

function queryNamesOf(source: string): string[] {
  const names = new Set<string>();
  for (const re of QUERY_PATTERNS) for (const m of source.matchAll(re)) names.add(m[1]!);
  if (/parseListParams|lenientListQuery|apiListQuery|listParamsSchema/.test(source)) for (const k of ['q', 'district', 'page', 'period', 'format']) names.add(k);
  // `code` is a dynamic segment on some pages and a query parameter on others: keep it when the source reads it.
  if (/\.code\b/.test(source) && /searchParams/.test(source)) names.add('code');
  return [...names].filter((n) => !NOT_QUERY.has(n) || n === 'code');
}

/** Every GET endpoint under app/ (root: the repository). */
export function routeTemplates(root = process.cwd()): RouteTemplate[] {
  const appDir = path.join(root, 'app');
  const out: RouteTemplate[] = [];
  for (const file of walk(appDir)) {
    const rel = path.relative(appDir, file).split(path.sep);
    const base = rel.at(-1)!;
    let parts: string[];
    if (base === 'page.tsx' || base === 'route.ts') parts = rel.slice(0, -1);
    else if (rel.length === 1 && base === 'sitemap.ts') parts = ['sitemap.xml'];
    else if (rel.length === 1 && base === 'robots.ts') parts = ['robots.txt'];
    else continue;
    const source = readFileSync(file, 'utf8');
    if (base === 'route.ts' && !/export (async )?function GET\b|export const GET\b|export (const )?\{[^}]*\bGET\b/.test(source)) continue;
    parts = parts.filter((p) => !/^\(.*\)$/.test(p));
    const segments = parts.filter((p) => /^\[.*\]$/.test(p)).map((p) => p.slice(1, -1).replace(/^\[|\]$/g, ''));
    const template = '/' + parts.join('/');
    // The page's own directory: query names read by a load.ts or a component next to it count too.
    let src = source;
    for (const sib of readdirSync(path.dirname(file))) {
      if (/\.(ts|tsx)$/.test(sib) && sib !== base) src += '\n' + readFileSync(path.join(path.dirname(file), sib), 'utf8');
    }
    const rel0 = rel[0] ?? '';
    const isPublic = rel0 === '(public)' || rel0 === 'feeds' || (rel0 === 'api' && rel[1] === 'v1') || base === 'sitemap.ts' || base === 'robots.ts' || template === '/';
    out.push({ template, segments, query: queryNamesOf(src), isPublic, file: path.relative(root, file) });
  }
  return out.sort((a, b) => a.template.localeCompare(b.template));
}

// ---------------------------------------------------------------------------------------------------------
// Forms, from the rendered pages

export interface FormField {
  name: string;
  /** input type (text, hidden, file, radio, checkbox…), or `select` / `textarea`. */
  type: string;
  value: string;
}

export interface FormSpec {
  /** The page the form was found on (path and query). */
  page: string;
  method: 'get' | 'post';
  /** Where it submits (path and query), resolved against the page. */
  action: string;
  fields: FormField[];
  /** The server action's id, when the form posts to one (from `$ACTION_ID_…` or `$ACTION_1:0`). */
  actionId?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The forms of an HTML page (`page`: its path and query, to resolve an empty or relative action). */
export function formsOf(html: string, page: string): FormSpec[] {
  const forms: FormSpec[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const a = attrs(m[1]!);
    const method = (a.method ?? 'get').toLowerCase() === 'post' ? 'post' : 'get';
    const target = new URL(a.action || page, new URL(page, 'http://x'));
    if (target.host !== 'x') continue;
    const fields: FormField[] = [];
    for (const f of m[2]!.matchAll(/<(input|select|textarea)\b([^>]*)>/gi)) {
      const fa = attrs(f[2]!);
      if (!fa.name) continue;
      const tag = f[1]!.toLowerCase();
      fields.push({ name: fa.name, type: tag === 'input' ? (fa.type ?? 'text').toLowerCase() : tag, value: fa.value ?? '' });
    }
    let actionId: string | undefined;
    for (const f of fields) {
      if (f.name.startsWith('$ACTION_ID_')) actionId = f.name.slice('$ACTION_ID_'.length);
      else if (/^\$ACTION_\d+:0$/.test(f.name)) {
        try {
          actionId = (JSON.parse(f.value) as { id?: string }).id;
        } catch {
          /* not an action reference */
        }
      }
    }
    forms.push({ page, method: actionId ? 'post' : method, action: target.pathname + target.search, fields, actionId });
  }
  return forms;
}

// ---------------------------------------------------------------------------------------------------------
// Samples: real identifiers of the running city, so that fuzzed neighbours of a valid value are reached

export interface Samples {
  /** Real values per dynamic segment or query name (uscc, id, practitionerId, list, view, day, code…). */
  values: Record<string, string[]>;
  /** Pages whose forms are fuzzed. */
  formPages: string[];
}

export type GetText = (path: string) => Promise<{ status: number; text: string }>;

/** Pages that render the anonymous forms (more are found by following a company, an estate and a staff card). */
export const FORM_PAGES = [
  '/login',
  '/login?next=%2Fbureau',
  '/objections',
  '/objections/new',
  '/objections/new?mode=own-record',
  '/objections/new?mode=own-record-lookup',
  '/statements/new',
  '/complaints/new',
  '/spot-checks/verify',
  '/verify',
  '/companies',
  '/projects',
  '/search',
  '/lists/red?q=%E7%89%A9%E4%B8%9A',
];

export async function discoverSamples(get: GetText): Promise<Samples> {
  const values: Record<string, string[]> = {
    list: ['red', 'black'],
    view: ['all-all-1', '510903-all-1', 'all-2026Q3-1', 'all-all-1.json', 'all-all-1.csv'],
    day: ['latest', '2026-11-01'],
    code: [],
    uscc: [],
    id: [],
    practitionerId: [],
    record: [],
    staffRecord: [],
    district: ['510903', '510981'],
    period: ['2026Q3', '2026'],
    page: ['1', '2'],
    format: ['json', 'csv'],
    size: ['thumb', 'photo'],
    mode: ['own-record', 'own-record-lookup'],
    kind: ['estates', 'companies', 'staff'],
    nextauth: ['session', 'csrf', 'providers', 'signin', 'signout', 'error', 'callback'],
  };
  const add = (k: string, v: string) => {
    const list = (values[k] ??= []);
    if (!list.includes(v) && list.length < 8) list.push(v);
  };
  const formPages = [...FORM_PAGES];
  const sitemap = await get('/sitemap.xml');
  const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(decodeEntities(m[1]!)).pathname);
  for (const p of locs) {
    const c = /^\/companies\/([^/]+)$/.exec(p);
    if (c) add('uscc', decodeURIComponent(c[1]!));
    const e = /^\/projects\/([0-9a-f-]{36})$/.exec(p);
    if (e) add('id', e[1]!);
  }
  for (const k of [...(values.id ?? []).slice(0, 2), ...(values.uscc ?? []).slice(0, 2)]) add('file', `${k}.xml`); // feeds' <key>.xml
  // One company page and one estate page: their record and staff links give record ids and a staff card.
  for (const uscc of (values.uscc ?? []).slice(0, 3)) {
    const page = await get(`/companies/${encodeURIComponent(uscc)}`);
    for (const m of page.text.matchAll(/\/objections\/new\?record=([0-9a-f-]{36})/g)) add('record', m[1]!);
  }
  for (const id of (values.id ?? []).slice(0, 3)) {
    const page = await get(`/projects/${id}`);
    for (const m of page.text.matchAll(/\/projects\/[0-9a-f-]{36}\/staff\/([0-9a-f-]{36})/g)) add('practitionerId', m[1]!);
    for (const m of page.text.matchAll(/\/objections\/new\?staffRecord=([0-9a-f-]{36})/g)) add('staffRecord', m[1]!);
  }
  if (values.record?.[0]) formPages.push(`/objections/new?record=${values.record[0]}`);
  if (values.staffRecord?.[0]) formPages.push(`/objections/new?staffRecord=${values.staffRecord[0]}`);
  if (values.id?.[0]) formPages.push(`/complaints/new?estate=${values.id[0]}`);
  return { values, formPages };
}

export async function discoverForms(get: GetText, pages: string[]): Promise<FormSpec[]> {
  const forms = new Map<string, FormSpec>();
  for (const p of pages) {
    const res = await get(p);
    if (res.status >= 400) continue;
    for (const f of formsOf(res.text, p)) {
      // The same form on many pages (a search box, the login form with and without `next`) is fuzzed once.
      const key = [f.method, f.actionId ?? f.action.split('?')[0], ...f.fields.map((x) => x.name).sort()].join('|');
      if (!forms.has(key) || (f.actionId && f.action.includes('?'))) forms.set(key, f);
    }
  }
  return [...forms.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Values

/** Sent without escaping (they are the point): invalid percent-encodings and traversal tricks. */
export const RAW_TOKENS = ['%', '%%', '%E0%A4%A', '%ZZ', '%G0', '%C0%AE', '%C0%80', '%FF', '%ED%A0%80', '%F4%90%80%80', '%00', '%2e%2e%2f', '%u0041', '%%32%65', '%25', '%E4%B8', '..', '.', '%2F', '%5C'];

export const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(20),
  '\r\n',
  '\t',
  '\u007f',
  '\u0008\u001b[31m',
  "'",
  '"',
  '\\',
  '%',
  '_',
  '%_%',
  '\\%',
  "' OR '1'='1",
  "'; drop table users; --",
  "1' union select password_hash from users --",
  '$1',
  '::text',
  '[',
  ']',
  '{}',
  '[]',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e309',
  '9'.repeat(400),
  '-9007199254740993',
  '0x1F',
  ' 1 ',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-1-1',
  '-2026-01-01',
  '20261301',
  '2026Q5',
  '2026Q0',
  '1899Q1',
  '99999',
  '2026-11-01T25:61:00Z',
  '__proto__',
  'constructor',
  'prototype',
  '__proto__.today',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '/\t/example.org',
  '//example.org',
  'https://example.org',
  'javascript:alert(1)',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\udfff',
  '𠮷'.repeat(30),
  '物业%',
  '物业_',
  'a'.repeat(51),
  'a'.repeat(5000),
  '物'.repeat(2000),
  '91510900MA62X0000X',
  '510903199001011234',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'all-all-0',
  'all-all-1000000',
  '999999-all-1',
  'latest.json',
];

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((n) => String.fromCharCode(n));
const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(controlChar, fc.constantFrom("'", '%', '_', '\\', '"', ';', '-', '\u0000')), { maxLength: 30 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).chain((n) => fc.constantFrom('a', '9', '物', '%', "'", '\u0000').map((c) => c.repeat(n))) },
);
const numberString = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.integer({ min: -5, max: 200_000 }).map(String),
);
const dateString = fc.oneof(
  fc.tuple(fc.integer({ min: -1, max: 10_000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: -1, max: 6 })).map(([y, q]) => `${y}Q${q}`),
);

/** A fuzzed value; `real` are the real values known for this name (ids of the demo city). */
export function valueArb(real: readonly string[] = []): fc.Arbitrary<string> {
  const arbs: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
    { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
    { weight: 4, arbitrary: anyString },
    { weight: 2, arbitrary: numberString },
    { weight: 2, arbitrary: dateString },
  ];
  if (real.length) {
    arbs.push({ weight: 3, arbitrary: fc.constantFrom(...real) });
    // A real value with something added, cut or changed.
    arbs.push({
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...real), fc.constantFrom(...SPECIAL_STRINGS.slice(0, 40)), fc.nat())
        .map(([v, s, n]) => (n % 3 === 0 ? v + s : n % 3 === 1 ? v.slice(0, n % Math.max(1, v.length)) : v.toUpperCase() + s)),
    });
  }
  return fc.oneof(...arbs);
}

/**
 * Percent-encodes a value for a URL, and sometimes inserts a raw token (invalid escapes are the point). Lone
 * surrogates, which encodeURIComponent refuses, become the bytes of an invalid UTF-8 sequence.
 */
export function encodePart(v: string, raw?: string): string {
  let out = '';
  for (const ch of v) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) out += '%ED%A0%80';
    else out += encodeURIComponent(ch);
  }
  if (raw === undefined) return out;
  const at = out.length ? (raw.length * 7) % (out.length + 1) : 0;
  return out.slice(0, at) + raw + out.slice(at);
}

const rawTokenArb = fc.option(fc.constantFrom(...RAW_TOKENS), { freq: 4 }).map((x) => x ?? undefined);

// ---------------------------------------------------------------------------------------------------------
// Cases

export interface FuzzCase {
  method: 'GET' | 'POST';
  /** Path and query, sent exactly as written (never re-encoded). */
  url: string;
  headers?: Record<string, string>;
  /** A multipart body: [name, string value or file]. */
  multipart?: [string, string | { name: string; mimeType: string; bytes: Uint8Array }][];
  /** What the case is about, for the report. */
  label: string;
}

function getCaseArb(t: RouteTemplate, samples: Samples): fc.Arbitrary<FuzzCase> {
  const segArbs = t.segments.map((s) => {
    const name = s.replace(/^\.\.\./, '');
    return fc.tuple(valueArb(samples.values[name] ?? []), rawTokenArb).map(([v, raw]) => encodePart(v, raw));
  });
  const names = [...new Set([...t.query, ...COMMON_QUERY])];
  const queryArb = fc.array(
    fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), fc.nat()).chain(([name, n]) =>
      fc.tuple(fc.constant(name), valueArb(samples.values[name] ?? []), n % 5 === 0 ? rawTokenArb : fc.constant(undefined)),
    ),
    { maxLength: 4 },
  );
  return fc.tuple(fc.tuple(...segArbs), queryArb, fc.nat(9)).map(([segs, query, flavour]) => {
    let i = 0;
    const p = t.template.replace(/\[[^\]]+\]+/g, () => segs[i++] ?? '');
    const qs = query.map(([k, v, raw]) => `${encodePart(k)}=${encodePart(v, raw)}`).join('&');
    const headers: Record<string, string> = {};
    // Now and then as the client router asks for a page: its RSC payload.
    if (flavour === 0) headers.RSC = '1';
    if (flavour === 1) headers['Next-Router-Prefetch'] = '1';
    return { method: 'GET' as const, url: p + (qs ? `?${qs}` : ''), headers, label: `GET ${t.template}` };
  });
}

const fileArb = fc.record({
  name: fc.oneof(fc.constantFrom('a.jpg', 'a.png', '', '../../x.jpg', 'a\u0000.jpg', '物业.jpeg', 'x'.repeat(300) + '.jpg'), fc.string({ maxLength: 20 })),
  mimeType: fc.constantFrom('image/jpeg', 'image/png', 'application/octet-stream', 'text/plain', 'image/svg+xml'),
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.constant(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])),
    fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])),
    fc.constant(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
  ),
});

type Part = [string, string | { name: string; mimeType: string; bytes: Uint8Array }];

function formCaseArb(f: FormSpec, samples: Samples): fc.Arbitrary<FuzzCase> {
  const visible = f.fields.filter((x) => !x.name.startsWith('$ACTION'));
  const actionFields = f.fields.filter((x) => x.name.startsWith('$ACTION'));
  const names = [...new Set(visible.map((x) => x.name))];
  const fieldArb = (x: FormField): fc.Arbitrary<Part[]> =>
    fc.nat(19).chain((k): fc.Arbitrary<Part[]> => {
      if (k === 0) return fc.constant([]); // left out
      if (k === 1) return fileArb.map((file): Part[] => [[x.name, file]]); // a file where text is expected (or a file field)
      if (k === 2) return fc.tuple(valueArb(), valueArb()).map(([a, b]): Part[] => [[x.name, a], [x.name, b]]); // repeated
      if (x.type === 'file') return fc.array(fileArb, { maxLength: 4 }).map((files) => files.map((file): Part => [x.name, file]));
      if (x.type === 'hidden' && k < 10) return fc.constant([[x.name, x.value]]);
      return valueArb(samples.values[x.name] ?? (x.value ? [x.value] : [])).map((v): Part[] => [[x.name, v]]);
    });
  const extraArb = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom('__proto__', '__proto__.today', 'constructor.prototype.x', 'a.b.c', '$ACTION_ID_0', '0', '1_x'), fc.string({ maxLength: 10 })), valueArb()),
    { maxLength: 2 },
  );
  const bodyArb = fc.tuple(fc.tuple(...visible.map(fieldArb)), extraArb).map(([parts, extra]) => [...parts.flat(), ...extra.map(([k, v]): Part => [k, v])]);

  if (f.method === 'get') {
    return fc.tuple(bodyArb, fc.nat(4)).map(([parts, n]) => {
      const qs = parts.map(([k, v]) => `${encodePart(k)}=${encodePart(typeof v === 'string' ? v : v.name, n === 0 ? RAW_TOKENS[parts.length % RAW_TOKENS.length] : undefined)}`).join('&');
      const base = f.action.split('?')[0]!;
      return { method: 'GET' as const, url: `${base}${qs ? `?${qs}` : ''}`, label: `GET form ${base} (${names.join(', ')})` };
    });
  }
  return fc.tuple(bodyArb, fc.nat(9), valueArb()).map(([parts, mode, junk]): FuzzCase => {
    if (mode < 6 || !f.actionId) {
      // As a browser without JavaScript posts it: the action reference React wrote into the form, then the fields.
      const hidden: Part[] = actionFields.map((x) => [x.name, mode === 5 ? junk : x.value]);
      return { method: 'POST', url: f.action, multipart: [...hidden, ...parts], label: `POST form ${f.action.split('?')[0]} (no JS${mode === 5 ? ', bad action fields' : ''})` };
    }
    // As React's client posts it: the action id in a header, the arguments (previous state, the form data) encoded.
    const headers: Record<string, string> = { 'Next-Action': mode === 9 ? encodePart(junk).slice(0, 100) : f.actionId, Accept: 'text/x-component' };
    const args: Part[] = [['0', mode === 8 ? junk : '[{},"$K1"]'], ...parts.map(([k, v]): Part => [`1_${k}`, v])];
    return { method: 'POST', url: f.action, headers, multipart: args, label: `POST action ${f.action.split('?')[0]} (Next-Action${mode >= 8 ? ', bad arguments' : ''})` };
  });
}

export interface Surface {
  templates: RouteTemplate[];
  forms: FormSpec[];
  samples: Samples;
}

/** The whole surface as one arbitrary: GET endpoints, GET forms and action forms, public ones weighted up. */
export function caseArb(s: Surface): fc.Arbitrary<FuzzCase> {
  const arbs: { weight: number; arbitrary: fc.Arbitrary<FuzzCase> }[] = [];
  for (const t of s.templates) arbs.push({ weight: t.isPublic ? (t.segments.length ? 6 : 4) : 1, arbitrary: getCaseArb(t, s.samples) });
  for (const f of s.forms) arbs.push({ weight: f.method === 'post' ? 6 : 3, arbitrary: formCaseArb(f, s.samples) });
  return fc.oneof(...arbs);
}

/** `n` cases, the same for the same seed and surface. */
export function sampleCases(s: Surface, n: number, seed: number): FuzzCase[] {
  return fc.sample(caseArb(s), { numRuns: n, seed });
}

/** One line per case for a report: method, URL, body, status. */
export function describeCase(c: FuzzCase, status: number | string): string {
  const body = c.multipart
    ?.map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v) : `<file ${JSON.stringify(v.name.slice(0, 40))} ${v.mimeType} ${v.bytes.length} B>`}`)
    .join(' & ');
  const headers = c.headers && Object.keys(c.headers).length ? ` ${JSON.stringify(c.headers)}` : '';
  const url = c.url.length > 2000 ? `${c.url.slice(0, 2000)}…(${c.url.length})` : c.url;
  return `${status} ${c.method} ${url}${headers}${body ? ` body: ${body}` : ''}`;
}

export interface RunResult {
  count: number;
  ms: number;
  failures: string[];
  byStatus: Map<number | string, number>;
}

/**
 * Sends the cases `concurrency` at a time; a failure is an answer ≥ 500 or no answer at all (the connection
 * dropped). `send` returns the status code.
 */
export async function runCases(cases: FuzzCase[], send: (c: FuzzCase, i: number) => Promise<number>, concurrency = 8, onProgress?: (done: number) => void): Promise<RunResult> {
  const started = Date.now();
  const failures: string[] = [];
  const byStatus = new Map<number | string, number>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i]!;
      let status: number | string;
      try {
        status = await send(c, i);
      } catch (e) {
        status = `no answer (${(e as Error).message.split('\n')[0]})`;
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      if (typeof status !== 'number' || status >= 500) failures.push(describeCase(c, status));
      done++;
      if (onProgress && done % 1000 === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { count: cases.length, ms: Date.now() - started, failures, byStatus };
}

/** The multipart body of a case as FormData (repeated names kept). */
export function formDataOf(c: FuzzCase): FormData | undefined {
  if (!c.multipart) return undefined;
  const body = new FormData();
  for (const [k, v] of c.multipart) {
    if (typeof v === 'string') body.append(k, v);
    else body.append(k, new Blob([new Uint8Array(v.bytes)], { type: v.mimeType }), v.name);
  }
  return body;
}

/** Sends a case with the platform's fetch (Node 20+), redirects not followed. */
export async function sendWithFetch(base: string, c: FuzzCase, clientAddress?: string): Promise<number> {
  const body = formDataOf(c);
  const headers: Record<string, string> = { ...c.headers };
  if (clientAddress) headers['X-Forwarded-For'] = clientAddress;
  const res = await fetch(base + c.url, { method: c.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer().catch(() => undefined);
  return res.status;
}

/** A documentation address (198.18.0.0/15, benchmarking) per case, so that per-client limits see many clients. */
export function fuzzClientAddress(i: number): string {
  return `198.18.${(i >> 8) & 0xff}.${i & 0xff}`;
}

/** Discovers the surface of a running server at `base` (GETs with fetch). */
export async function discoverSurface(base: string, root = process.cwd()): Promise<Surface> {
  const get: GetText = async (p) => {
    const res = await fetch(base + p, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
    return { status: res.status, text: await res.text() };
  };
  const samples = await discoverSamples(get);
  const forms = await discoverForms(get, samples.formPages);
  return { templates: routeTemplates(root), forms, samples };
}
