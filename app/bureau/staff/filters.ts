import { z } from 'zod';
import { flagParam, pageParam, uuidParam } from '@/components/list-kit/params';
import { STAFF_QUEUE_TYPES } from '@/db/queries/practitioner-review';

/** The filters of /bureau/staff and of its Excel export. */
export const staffFilterSchema = z.object({
  type: z.enum([...STAFF_QUEUE_TYPES, 'all']).catch('all'),
  status: z.enum(['submitted', 'returned', 'approved', 'rejected', 'all']).catch('submitted'),
  q: z.string().max(60).catch(''),
  projectId: uuidParam(),
  overdue: flagParam(),
  page: pageParam(),
});
