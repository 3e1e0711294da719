import { z } from 'zod';
import { pageParam, parseFilters } from '@/components/list-kit/params';
import { getDb } from '@/db';
import { COMPLAINT_PAGE_SIZE, listComplaintsInScope } from '@/db/queries/complaints';
import type { Actor } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { ComplaintList } from './complaint-list';

const filterSchema = z.object({
  status: z.enum(['open', 'overdue', 'done', 'all']).catch('open'),
  kind: z.enum(['all', 'complaint', 'praise']).catch('all'),
  page: pageParam(),
});

/** The queue page of the company area and of the bureau area: the same filters, list and pager on its own scope. */
export async function ComplaintQueue({ actor, basePath, sp, intro }: { actor: Actor; basePath: string; sp: Record<string, string | string[] | undefined>; intro: string }) {
  const f = parseFilters(filterSchema, sp);
  const on = today();
  const { rows, total } = await listComplaintsInScope(getDb(), actor, f, on);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">业主投诉和表扬</h1>
      <p className="text-slate-700">{intro}</p>
      <ComplaintList basePath={basePath} rows={rows} total={total} filters={f} pageSize={COMPLAINT_PAGE_SIZE} today={on} />
    </div>
  );
}
