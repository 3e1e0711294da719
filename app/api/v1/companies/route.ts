import { listOpenCompanies, type OpenCompany } from '@/db/queries/open-data';
import { tableQuerySchema, tableRoute } from '../_lib/open-data';

/**
 * `/api/v1/companies?district=&page=&format=json|csv`: every approved company (public fields), its latest
 * published grade and today's list status, 100 a page in credit-code order.
 */
export const dynamic = 'force-dynamic';

export const GET = tableRoute(tableQuerySchema, {
  load: listOpenCompanies,
  filters: (q) => ({ district: q.district ?? null }),
  json: (c: OpenCompany) => ({ ...c, profile: `/companies/${c.uscc}` }),
  columns: ['uscc', 'name', 'address', 'district.code', 'district.name', 'legalRepresentative', 'registeredCapital', 'approvedAt', 'estates', 'grade.year', 'grade.grade', 'grade.score', 'grade.vetoed', 'listStatus'],
  row: (c) => [c.uscc, c.name, c.address, c.district?.code, c.district?.name, c.legalRepresentative, c.registeredCapital, c.approvedAt, c.estates, c.grade?.year, c.grade?.grade, c.grade?.score, c.grade?.vetoed, c.listStatus],
  filename: (_q, on) => `suining-companies-${on}`,
});
