import 'server-only';
/**
 * The Excel export of a list page, with the page's own filters (its zod schema read from the same URL) and its
 * own scoped query, so a district's export holds only what its page shows, whatever the URL asks for. Every
 * export writes one audit row (`list.exported`, or the list's own action) with the filters and the row count.
 * Capped: a list that selects more than the cap exports the first `cap` rows and says so in the file.
 */
import type { z } from 'zod';
import { listHref, parseFilters, type RawSearchParams } from '@/components/list-kit/params';
import type { Db } from '@/db';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { hasRole, type Actor, type Role } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { listWorkbook, type ExportColumn } from '@/lib/export/list-workbook';

export const EXPORT_CAP = 50_000;

export interface ListExportSpec<F extends object, R> {
  /** The list page's path (`/bureau/filings`): the audit row's object and the file's name. */
  path: string;
  /** The list's name (sheet and file). */
  title: string;
  /** Who may export: the page's own roles. */
  roles: readonly Role[];
  /** The page's filters from the URL. */
  parse: (raw: RawSearchParams) => F;
  /** Every row the filters select for this actor (the page's query, all pages), at most `cap`+1. */
  load: (db: Db, actor: Actor, f: F, ctx: { today: string; cap: number }) => Promise<readonly R[]>;
  columns: readonly ExportColumn<NoInfer<R>>[];
  /** Labels of the filter parameters, for the file's second sheet (unlabelled ones show their name). */
  filterLabels?: Readonly<Record<string, string>>;
  /** Display values of filter values (e.g. a status code → its label). */
  filterValue?: (key: string, value: string) => string;
  /** The audit action (default `list.exported`). */
  action?: string;
}

/** A list whose filters are a zod schema: the page's `parseFilters`. */
export const schemaParser =
  <S extends z.ZodObject>(schema: S) =>
  (raw: RawSearchParams) =>
    parseFilters(schema, raw) as z.output<S>;

/**
 * Every row of a paged query: pages 1, 2, … with the same filters until the true count is reached, the query
 * returns nothing more, or `cap` + 1 rows are in hand (one more than the cap, so the caller knows it was cut).
 */
export async function allPages<R>(fetch: (page: number) => Promise<{ rows: readonly R[]; total: number }>, cap: number): Promise<R[]> {
  const out: R[] = [];
  for (let page = 1; ; page++) {
    const { rows, total } = await fetch(page);
    out.push(...rows);
    if (rows.length === 0 || out.length >= total || out.length > cap) return out.slice(0, cap + 1);
  }
}

/** The filters that are set (not defaults, not the page), as the link would carry them. */
function setFilters(f: Record<string, unknown>): [string, string][] {
  const qs = listHref('', f).split('?')[1];
  return qs ? [...new URLSearchParams(qs).entries()] : [];
}

export async function exportList<F extends object, R>(
  db: Db,
  actor: Actor | null,
  spec: ListExportSpec<F, R>,
  raw: RawSearchParams,
  opts: { today?: string; cap?: number } = {},
): Promise<ActionResult<{ filename: string; content: Buffer; count: number; truncated: boolean }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!hasRole(actor, spec.roles)) return fail('FORBIDDEN');
  const on = opts.today ?? clockToday();
  const cap = opts.cap ?? EXPORT_CAP;
  const f = spec.parse(raw);
  const loaded = await spec.load(db, actor, f, { today: on, cap });
  const truncated = loaded.length > cap;
  const rows = truncated ? loaded.slice(0, cap) : loaded;
  const filters = setFilters(f as Record<string, unknown>);
  const content = await listWorkbook({
    title: spec.title,
    columns: spec.columns,
    rows,
    filters: filters.map(([k, v]) => [spec.filterLabels?.[k] ?? k, spec.filterValue?.(k, v) ?? v] as const),
    truncatedAt: truncated ? cap : null,
    on,
  });
  await audit(db, actor, {
    action: spec.action ?? 'list.exported',
    objectType: 'list',
    objectId: spec.path,
    after: { list: spec.title, filters: Object.fromEntries(filters), count: rows.length, truncated },
  });
  return ok({ filename: `${spec.title}-${on}.xlsx`, content, count: rows.length, truncated });
}

/** A list's export, typed (the route beside the page passes it to `listExportRoute`; tests call `exportList`). */
export const defineListExport = <F extends object, R>(spec: ListExportSpec<F, R>) => spec;
