import { getActor } from '@/lib/auth/actor';
import { notFoundResponse, xlsxResponse } from '@/lib/http/xlsx';
import { buildRegionTemplate } from '@/lib/services/city-setup';

/** The region import template (city only). */
export async function GET() {
  const r = await buildRegionTemplate(await getActor());
  if (!r.ok) return notFoundResponse();
  return xlsxResponse(r.data.filename, r.data.content);
}
