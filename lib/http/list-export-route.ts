import 'server-only';
import type { RawSearchParams } from '@/components/list-kit/params';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { notFoundResponse, xlsxResponse } from '@/lib/http/xlsx';
import { exportList, type ListExportSpec } from '@/lib/services/list-export';

/** The query string as a page's `searchParams` (repeated names as arrays). */
export function searchParamsOf(request: Request): RawSearchParams {
  const raw: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of new URL(request.url).searchParams) {
    const had = raw[k];
    raw[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return raw;
}

/**
 * The GET handler of a list's `export.xlsx` (beside its page): the signed-in actor, the page's filters from the
 * query string, the export service. Anyone who may not see the list gets a 404, as for the roster files.
 */
export function listExportRoute<F extends object, R>(spec: ListExportSpec<F, R>) {
  return async function GET(request: Request): Promise<Response> {
    const actor = await getActor();
    if (!actor || actor.mustChangePassword) return notFoundResponse();
    const r = await exportList(getDb(), actor, spec, searchParamsOf(request));
    if (!r.ok) return notFoundResponse();
    return xlsxResponse(r.data.filename, r.data.content);
  };
}
