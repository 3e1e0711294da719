import { z } from 'zod';
import { pageParam } from '@/components/list-kit/params';

/** The filters of /bureau/objections and of its Excel export. */
export const objectionFilterSchema = z.object({
  status: z.enum(['open', 'decided', 'all']).catch('open'),
  subject: z.enum(['all', 'practitioner', 'credit_record', 'practitioner_record']).catch('all'),
  page: pageParam(),
});
