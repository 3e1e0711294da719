import { z } from 'zod';
import { pageParam, regionParam, textParam } from '@/components/list-kit/params';

/** The filters of /bureau/roster-checks: a year (default this year), 未核查 / 已核查, the district (city), a name. */
export const rosterCheckFilterSchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100).nullable().catch(null),
  status: z.enum(['all', 'todo', 'done']).catch('all'),
  district: regionParam(),
  q: textParam(40),
  page: pageParam(),
});
