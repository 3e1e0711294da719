import { ExportLink } from '@/components/list-kit/export-link';
import { parseFilters } from '@/components/list-kit/params';
import { getDb } from '@/db';
import { COMPLAINT_PAGE_SIZE, listComplaintsInScope } from '@/db/queries/complaints';
import type { Actor } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { ComplaintList } from './complaint-list';
import { complaintFilterSchema as filterSchema } from './filters';


/** The queue page of the company area and of the bureau area: the same filters, list and pager on its own scope. */
export async function ComplaintQueue({ actor, basePath, sp, intro, exportable = false }: { actor: Actor; basePath: string; sp: Record<string, string | string[] | undefined>; intro: string; exportable?: boolean }) {
  const f = parseFilters(filterSchema, sp);
  const on = today();
  const { rows, total } = await listComplaintsInScope(getDb(), actor, f, on);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">业主投诉和表扬</h1>
      <p className="text-slate-700">{intro}</p>
      {exportable && (
        <p>
          <ExportLink path={basePath} filters={f} />
        </p>
      )}
      <ComplaintList basePath={basePath} rows={rows} total={total} filters={f} pageSize={COMPLAINT_PAGE_SIZE} today={on} />
    </div>
  );
}
