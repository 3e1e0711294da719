import { z } from 'zod';
import { pageParam } from '@/components/list-kit/params';

/** The search of the company operators on /bureau/accounts and of their Excel export. */
export const accountFilterSchema = z.object({ q: z.string().max(60).catch(''), page: pageParam() });
