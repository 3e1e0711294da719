import { z } from 'zod';
import { pageParam, regionParam } from '@/components/list-kit/params';

export const STATUSES = ['pending', 'confirmed', 'rejected', 'ended', 'terminated'] as const;

/** The filters of /bureau/contracts and of its Excel export. */
export const contractFilterSchema = z.object({
  status: z.enum(STATUSES).catch('pending'),
  district: regionParam(),
  page: pageParam(),
});
