import { listOpenRatings, type OpenRating } from '@/db/queries/open-data';
import { ratingsQuerySchema, tableRoute } from '../_lib/open-data';

/**
 * `/api/v1/ratings?period=2026Q3&district=&page=&format=json|csv`: the quarterly estate ratings of published
 * quarters (DW 10, 12), newest quarter first, 100 a page; `period` a quarter or a year.
 */
export const dynamic = 'force-dynamic';

export const GET = tableRoute(ratingsQuerySchema, {
  load: (db, query) => listOpenRatings(db, query),
  filters: (q) => ({ district: q.district ?? null, period: q.period ?? null }),
  json: (r: OpenRating) => r,
  columns: ['id', 'period', 'year', 'quarter', 'estate.id', 'estate.name', 'district.code', 'district.name', 'company.uscc', 'company.name', 'rating', 'publishedAt'],
  row: (r) => [r.id, r.period, r.year, r.quarter, r.estate.id, r.estate.name, r.district?.code, r.district?.name, r.company?.uscc, r.company?.name, r.rating, r.publishedAt],
  filename: (q) => `suining-ratings-${q.period ?? 'all'}`,
});
