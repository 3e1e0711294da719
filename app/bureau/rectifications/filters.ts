import { z } from 'zod';
import { pageParam } from '@/components/list-kit/params';

/** The filters of the order lists (bureau and company areas). */
export const orderFilterSchema = z.object({
  status: z.enum(['active', 'overdue', 'done', 'all']).catch('active'),
  page: pageParam(),
});
export const ORDER_STATUS_OPTIONS = [
  { value: 'active', label: '未办结' },
  { value: 'overdue', label: '逾期未整改' },
  { value: 'done', label: '整改合格' },
  { value: 'all', label: '全部' },
];
