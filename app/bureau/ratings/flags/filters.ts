import { z } from 'zod';
import { pageParam } from '@/components/list-kit/params';
import { COMPANY_FLAG_KINDS } from '@/lib/domain/company-flags';

/** The filters of /bureau/ratings/flags. */
export const flagFilterSchema = z.object({
  flag: z.enum([...COMPANY_FLAG_KINDS, 'all'] as const).catch('all'),
  q: z.string().trim().max(60).catch(''),
  page: pageParam(),
});
