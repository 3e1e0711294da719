import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { notFoundResponse, xlsxResponse } from '@/lib/http/xlsx';
import { exportRoster } from '@/lib/services/roster-export';

/** `?project=<id>`: the 信息名册 of one of the company's own estates. Anything else answers 404. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword || actor.role !== 'company') return notFoundResponse();
  const projectId = new URL(request.url).searchParams.get('project');
  const r = await exportRoster(getDb(), actor, projectId);
  // The service audits an out-of-scope look at a real estate; anything else is simply not found.
  if (!r.ok) return notFoundResponse();
  return xlsxResponse(r.data.filename, r.data.content);
}
