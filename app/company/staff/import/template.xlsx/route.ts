import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { notFoundResponse, xlsxResponse } from '@/lib/http/xlsx';
import { buildRosterTemplate } from '@/lib/services/roster-import';

/** The 信息名册 import template for the signed-in company (its estates are the 服务项目 list). */
export async function GET() {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword || actor.role !== 'company') return notFoundResponse();
  const r = await buildRosterTemplate(getDb(), actor);
  if (!r.ok) return notFoundResponse();
  return xlsxResponse(r.data.filename, r.data.content);
}
