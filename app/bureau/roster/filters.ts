import { z } from 'zod';
import { pageParam, textParam } from '@/components/list-kit/params';
import { COMPLETENESS_STATUSES } from '@/db/queries/roster';
import { DISTRICT_IDS } from '@/lib/validation/company';

/** The filters of /bureau/roster and of its Excel export (a district's `district` is ignored: its own scope). */
export const rosterFilterSchema = z.object({
  status: z.enum([...COMPLETENESS_STATUSES, 'all']).catch('all'),
  district: z.enum(DISTRICT_IDS).nullable().catch(null),
  q: textParam(60),
  page: pageParam(),
});
