import 'server-only';
import type { PublicListEntry } from '@/db/queries/public-lists';
import { toCsv } from '@/lib/open-data/csv';
import type { PublicListKind } from '@/lib/public-lists/params';

/** Open data is open: any origin may read it (SPEC §5). */
export const CORS = { 'Access-Control-Allow-Origin': '*' } as const;

export function jsonResponse(body: unknown, status = 200, extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...CORS, ...extra } });
}

/** A refused request: `{ error: { code, message, fields? } }`, the message in Chinese. */
export function errorResponse(status: 400 | 404, message: string, fields?: Record<string, string[]>) {
  return jsonResponse({ error: { code: status === 400 ? 'INVALID' : 'NOT_FOUND', message, ...(fields ? { fields } : {}) } }, status);
}

export interface ListPayload {
  list: PublicListKind;
  on: string;
  period: string | null;
  district: string | null;
  items: PublicListEntry[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * One entry as open data: the same fields in the JSON and (flattened) in the CSV. Fields are only ever added (at
 * the end of the CSV): `rule.citation` and `underObjection` (SPEC §3.8 异议处理中) came with issue 16.
 */
export function entryJson(e: PublicListEntry) {
  return {
    id: e.id,
    company: { uscc: e.company.uscc, name: e.company.name },
    district: e.district,
    reason: e.reason,
    rule: e.rule,
    since: e.since,
    until: e.until,
    status: e.status,
    project: e.project,
    underObjection: e.underObjection,
  };
}

export const CSV_COLUMNS = [
  'id',
  'company.uscc',
  'company.name',
  'district.code',
  'district.name',
  'reason',
  'rule.id',
  'rule.label',
  'rule.article',
  'since',
  'until',
  'status',
  'project.id',
  'project.name',
  'rule.citation',
  'underObjection',
] as const;

function listRow(e: PublicListEntry): unknown[] {
  return [
    e.id,
    e.company.uscc,
    e.company.name,
    e.district?.code,
    e.district?.name,
    e.reason,
    e.rule.id,
    e.rule.label,
    e.rule.article,
    e.since,
    e.until,
    e.status,
    e.project?.id,
    e.project?.name,
    e.rule.citation,
    e.underObjection ? 'true' : 'false',
  ];
}

export function listCsv(p: ListPayload): string {
  return toCsv(CSV_COLUMNS, p.items.map(listRow));
}

export interface PageMeta {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * A page of an open-data table as JSON (`{ ...head, meta, items }`) or CSV (the same rows flattened under
 * `columns`; the paging in headers): the one shape of every table of /api/v1.
 */
export function tableResponse<T>(
  p: PageMeta & { items: T[] },
  o: { format: 'json' | 'csv'; head: Record<string, unknown>; json: (item: T) => unknown; columns: readonly string[]; row: (item: T) => unknown[]; filename: string },
) {
  if (o.format === 'csv') {
    return new Response(toCsv(o.columns, p.items.map(o.row)), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${o.filename}-p${p.page}.csv"`,
        'X-Total-Count': String(p.total),
        'X-Page': String(p.page),
        'X-Page-Count': String(p.pageCount),
        ...CORS,
      },
    });
  }
  return jsonResponse({ ...o.head, meta: { total: p.total, page: p.page, pageSize: p.pageSize, pageCount: p.pageCount }, items: p.items.map(o.json) });
}

/** A query that failed its schema: 400 with each parameter's message in Chinese. */
export function invalidQuery(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  const fields: Record<string, string[]> = {};
  for (const i of error.issues) (fields[String(i.path[0] ?? '_')] ??= []).push(i.message);
  return errorResponse(400, '查询参数有误', fields);
}

/** The list as JSON or CSV; paging meta in the body (JSON) or in headers (CSV). */
export function listResponse(p: ListPayload, format: 'json' | 'csv') {
  return tableResponse(p, {
    format,
    head: { list: p.list, on: p.on, filters: { district: p.district, period: p.period } },
    json: entryJson,
    columns: CSV_COLUMNS,
    row: listRow,
    filename: `suining-${p.list}-list-${p.on}`,
  });
}
