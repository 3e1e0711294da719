import { getActor } from '@/lib/auth/actor';
import { notFoundResponse, xlsxResponse } from '@/lib/http/xlsx';
import { buildEstateTemplate } from '@/lib/services/city-setup';

/** The estate import template (city only). */
export async function GET() {
  const r = await buildEstateTemplate(await getActor());
  if (!r.ok) return notFoundResponse();
  return xlsxResponse(r.data.filename, r.data.content);
}
