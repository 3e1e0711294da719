import { getDb } from '@/db';
import { listOpenRatings, type OpenRating } from '@/db/queries/open-data';
import { today } from '@/lib/clock';
import { ratingsQuerySchema, tableQuery } from '../_lib/open-data';
import { tableResponse } from '../_lib/respond';

/**
 * `/api/v1/ratings?period=2026Q3&district=&page=&format=json|csv`: the quarterly estate ratings of published
 * quarters (DW 10, 12), newest quarter first, 100 a page; `period` a quarter or a year.
 */
export const dynamic = 'force-dynamic';

const COLUMNS = ['id', 'period', 'year', 'quarter', 'estate.id', 'estate.name', 'district.code', 'district.name', 'company.uscc', 'company.name', 'rating', 'publishedAt'] as const;

const row = (r: OpenRating) => [r.id, r.period, r.year, r.quarter, r.estate.id, r.estate.name, r.district?.code, r.district?.name, r.company?.uscc, r.company?.name, r.rating, r.publishedAt];

export async function GET(request: Request) {
  const q = tableQuery(ratingsQuerySchema, request.url);
  if (!q.ok) return q.response;
  const { format, ...query } = q.data;
  const on = today();
  const page = await listOpenRatings(getDb(), query);
  return tableResponse(page, {
    format,
    head: { on, filters: { district: query.district ?? null, period: query.period ?? null } },
    json: (r) => r,
    columns: COLUMNS,
    row,
    filename: `suining-ratings-${query.period ?? 'all'}`,
  });
}
