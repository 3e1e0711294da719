import { z } from 'zod';
import { pageParam, regionParam, textParam } from '@/components/list-kit/params';
import { PROJECT_FLAGS } from '@/db/queries/contracts';

/** The filters of /bureau/projects and of its Excel export. */
export const projectFilterSchema = z.object({
  district: regionParam(),
  flag: z.enum(PROJECT_FLAGS).nullable().catch(null),
  q: textParam(40),
  page: pageParam(),
});
