import { z } from 'zod';
import { enumParam, pageParam } from '@/components/list-kit/params';
import { ROLES } from '@/lib/auth/policy';

/** The search of the accounts on /bureau/accounts and of their Excel export: text, role, status. */
export const accountFilterSchema = z.object({
  q: z.string().max(60).catch(''),
  role: enumParam(ROLES, null),
  status: enumParam(['active', 'disabled'] as const, null),
  page: pageParam(),
});

export type AccountFilters = z.output<typeof accountFilterSchema>;

export const ACCOUNT_STATUS_LABELS = { active: '启用', disabled: '已停用' } as const;
