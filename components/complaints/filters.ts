import { z } from 'zod';
import { pageParam } from '@/components/list-kit/params';

/** The filters of the complaint queues (company and bureau areas) and of the bureau's Excel export. */
export const complaintFilterSchema = z.object({
  status: z.enum(['open', 'overdue', 'done', 'all']).catch('open'),
  kind: z.enum(['all', 'complaint', 'praise']).catch('all'),
  page: pageParam(),
});
