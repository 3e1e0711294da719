import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { notFoundResponse, xlsxResponse } from '@/lib/http/xlsx';
import { exportRoster } from '@/lib/services/roster-export';

/** An estate's 信息名册 for the district it lies in, or the city. Out of scope answers 404 like a missing estate. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await getActor();
  if (!actor || actor.mustChangePassword || (actor.role !== 'city' && actor.role !== 'district')) return notFoundResponse();
  const r = await exportRoster(getDb(), actor, projectId);
  // The service audits an out-of-scope look at a real estate; anything else is simply not found.
  if (!r.ok) return notFoundResponse();
  return xlsxResponse(r.data.filename, r.data.content);
}
