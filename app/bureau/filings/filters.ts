import { z } from 'zod';
import { pageParam } from '@/components/list-kit/params';
import { DISTRICT_IDS } from '@/lib/validation/company';

/** The filters of /bureau/filings and of its Excel export. */
export const filingFilterSchema = z.object({
  status: z.enum(['submitted', 'returned', 'approved', 'rejected', 'all']).catch('submitted'),
  type: z.enum(['company_filing', 'company_change', 'all']).catch('all'),
  district: z.enum(DISTRICT_IDS).nullable().catch(null),
  q: z.string().max(60).catch(''),
  page: pageParam(),
});
