import type { Option } from './filters';

/** The status filter of the review queues (filings, staff): pending first, then the outcomes, then all. */
export const QUEUE_STATUS_OPTIONS: readonly Option[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'returned', label: '已退回修改' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'all', label: '全部' },
];
