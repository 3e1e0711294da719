import 'server-only';
import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { OpenDataQuery } from '@/db/queries/open-data';
import type { Paged } from '@/db/queries/public-companies';
import { today } from '@/lib/clock';
import { listQuerySchema } from '@/lib/public-lists/params';
import { invalidQuery, tableResponse } from './respond';

/** `district`, `page`, `format` (and `period` for the ratings): the lists API's rules and messages. */
export const tableQuerySchema = listQuerySchema.pick({ district: true, page: true, format: true });
export const ratingsQuerySchema = listQuerySchema.pick({ district: true, period: true, page: true, format: true });

/**
 * The query of an open-data table, or the 400 to answer: each parameter of the schema once (the first value; an
 * empty one counts as absent), anything else ignored.
 */
export function tableQuery<S extends z.ZodObject>(schema: S, url: string): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const sp = new URL(url).searchParams;
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = sp.get(key);
    input[key] = v === null || v === '' ? undefined : v;
  }
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalidQuery(parsed.error) };
}

/**
 * The GET handler of an open-data table: parse the query (400 on a malformed one), read the page for today, answer
 * JSON or CSV (tableResponse). `filters` are the query's filters as the JSON echoes them.
 */
export function tableRoute<S extends z.ZodObject, T>(
  schema: S,
  o: {
    load: (db: Db, query: Omit<z.output<S>, 'format'> & OpenDataQuery, on: string) => Promise<Paged<T>>;
    filters: (query: OpenDataQuery) => Record<string, string | null>;
    json: (item: T) => unknown;
    columns: readonly string[];
    row: (item: T) => unknown[];
    filename: (query: OpenDataQuery, on: string) => string;
  },
) {
  return async function GET(request: Request): Promise<Response> {
    const q = tableQuery(schema, request.url);
    if (!q.ok) return q.response;
    const { format, ...query } = q.data as z.output<S> & OpenDataQuery & { format: 'json' | 'csv' };
    const on = today();
    const page = await o.load(getDb(), query, on);
    return tableResponse(page, { format, head: { on, filters: o.filters(query) }, json: o.json, columns: o.columns, row: o.row, filename: o.filename(query, on) });
  };
}
