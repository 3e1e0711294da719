import { getDb } from '@/db';
import { listOpenCompanies, type OpenCompany } from '@/db/queries/open-data';
import { today } from '@/lib/clock';
import { tableQuery, tableQuerySchema } from '../_lib/open-data';
import { tableResponse } from '../_lib/respond';

/**
 * `/api/v1/companies?district=&page=&format=json|csv`: every approved company (public fields), its latest
 * published grade and today's list status, 100 a page in credit-code order.
 */
export const dynamic = 'force-dynamic';

const COLUMNS = ['uscc', 'name', 'address', 'district.code', 'district.name', 'legalRepresentative', 'registeredCapital', 'approvedAt', 'estates', 'grade.year', 'grade.grade', 'grade.score', 'grade.vetoed', 'listStatus'] as const;

const row = (c: OpenCompany) => [c.uscc, c.name, c.address, c.district?.code, c.district?.name, c.legalRepresentative, c.registeredCapital, c.approvedAt, c.estates, c.grade?.year, c.grade?.grade, c.grade?.score, c.grade?.vetoed, c.listStatus];

export async function GET(request: Request) {
  const q = tableQuery(tableQuerySchema, request.url);
  if (!q.ok) return q.response;
  const { format, ...query } = q.data;
  const on = today();
  const page = await listOpenCompanies(getDb(), query, on);
  return tableResponse(page, {
    format,
    head: { on, filters: { district: query.district ?? null } },
    json: (c) => ({ ...c, profile: `/companies/${c.uscc}` }),
    columns: COLUMNS,
    row,
    filename: `suining-companies-${on}`,
  });
}
