import { listOpenEstates, type OpenEstate } from '@/db/queries/open-data';
import { tableQuerySchema, tableRoute } from '../_lib/open-data';

/**
 * `/api/v1/estates?district=&page=&format=json|csv`: every estate with its serving company (when approved) and
 * its latest published quarterly rating, 100 a page in id order.
 */
export const dynamic = 'force-dynamic';

export const GET = tableRoute(tableQuerySchema, {
  load: (db, query) => listOpenEstates(db, query),
  filters: (q) => ({ district: q.district ?? null }),
  json: (e: OpenEstate) => ({ ...e, page: `/projects/${e.id}`, feed: `/feeds/projects/${e.id}.xml` }),
  columns: ['id', 'name', 'address', 'district.code', 'district.name', 'street.code', 'street.name', 'type', 'households', 'company.uscc', 'company.name', 'latestRating.year', 'latestRating.quarter', 'latestRating.rating'],
  row: (e) => [e.id, e.name, e.address, e.district?.code, e.district?.name, e.street?.code, e.street?.name, e.type, e.households, e.company?.uscc, e.company?.name, e.latestRating?.year, e.latestRating?.quarter, e.latestRating?.rating],
  filename: (_q, on) => `suining-estates-${on}`,
});
