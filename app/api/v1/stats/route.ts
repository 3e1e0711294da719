import { getDb } from '@/db';
import { getPublicStats } from '@/db/queries/public-stats';
import { today } from '@/lib/clock';
import { statsCsv } from '@/lib/stats/tables';
import { CORS, errorResponse, jsonResponse } from '../_lib/respond';

/**
 * `/api/v1/stats` (`?format=csv`): every figure of `/stats` for today, as JSON or as one long CSV table. Public
 * aggregates only; kept by the page cache like the other open data.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const format = new URL(request.url).searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return errorResponse(400, '格式只能是 json 或 csv', { format: ['格式只能是 json 或 csv'] });
  const on = today();
  const s = await getPublicStats(getDb(), on);
  if (format === 'csv') {
    return new Response(statsCsv(s), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="suining-stats-${on}.csv"`, ...CORS },
    });
  }
  return jsonResponse(s);
}
