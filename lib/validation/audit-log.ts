import { z } from 'zod';
import { pageParam, textParam } from '@/components/list-kit/params';
import { ACTION_LABELS, OBJECT_TYPE_LABELS } from '@/lib/domain/audit-labels';

const ACTIONS = Object.keys(ACTION_LABELS) as [string, ...string[]];
const TYPES = Object.keys(OBJECT_TYPE_LABELS) as [string, ...string[]];

/** A calendar date `YYYY-MM-DD` that exists, else null. */
const dateParam = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    })
    .nullable()
    .catch(null);

/**
 * The audit log's filters (the page and its Excel export read the same URL): who (account name, part of it),
 * what (one action), which object (type, and its id), and a date range in China time (both ends included).
 */
export const auditFilterSchema = z.object({
  actor: textParam(40),
  action: z.enum(ACTIONS).nullable().catch(null),
  type: z.enum(TYPES).nullable().catch(null),
  object: z
    .string()
    .regex(/^[\w.:-]{1,64}$/)
    .catch(''),
  from: dateParam(),
  to: dateParam(),
  page: pageParam(100_000),
});

export type AuditFilter = z.output<typeof auditFilterSchema>;
