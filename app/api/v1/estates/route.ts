import { getDb } from '@/db';
import { listOpenEstates, type OpenEstate } from '@/db/queries/open-data';
import { today } from '@/lib/clock';
import { tableQuery, tableQuerySchema } from '../_lib/open-data';
import { tableResponse } from '../_lib/respond';

/**
 * `/api/v1/estates?district=&page=&format=json|csv`: every estate with its serving company (when approved) and
 * its latest published quarterly rating, 100 a page in id order.
 */
export const dynamic = 'force-dynamic';

const COLUMNS = ['id', 'name', 'address', 'district.code', 'district.name', 'street.code', 'street.name', 'type', 'households', 'company.uscc', 'company.name', 'latestRating.year', 'latestRating.quarter', 'latestRating.rating'] as const;

const row = (e: OpenEstate) => [e.id, e.name, e.address, e.district?.code, e.district?.name, e.street?.code, e.street?.name, e.type, e.households, e.company?.uscc, e.company?.name, e.latestRating?.year, e.latestRating?.quarter, e.latestRating?.rating];

export async function GET(request: Request) {
  const q = tableQuery(tableQuerySchema, request.url);
  if (!q.ok) return q.response;
  const { format, ...query } = q.data;
  const on = today();
  const page = await listOpenEstates(getDb(), query);
  return tableResponse(page, {
    format,
    head: { on, filters: { district: query.district ?? null } },
    json: (e) => ({ ...e, page: `/projects/${e.id}`, feed: `/feeds/projects/${e.id}.xml` }),
    columns: COLUMNS,
    row,
    filename: `suining-estates-${on}`,
  });
}
