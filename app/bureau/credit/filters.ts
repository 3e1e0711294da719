import { z } from 'zod';
import { flagParam, pageParam } from '@/components/list-kit/params';
import { RECORD_STATE_FILTERS } from '@/db/queries/credit-records';
import { searchText } from '@/lib/validation/search-text';

/** The filters of the record file on /bureau/credit and of its Excel export. */
export const creditFilterSchema = z.object({
  category: z.enum(['all', 'performance', 'warning']).catch('all'),
  state: z.enum(RECORD_STATE_FILTERS).catch('counting'),
  q: searchText(60),
  penalty: flagParam(),
  page: pageParam(),
});
