import { exportLinkOf, FilterBar, ListResults, parseFilters, SelectFilter } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listOrdersInScope, SUPERVISION_PAGE_SIZE } from '@/db/queries/supervision';
import type { Actor } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { ORDER_STATUS_OPTIONS, orderFilterSchema } from '@/app/bureau/rectifications/filters';
import { orderColumns } from './order-view';

/** The list of orders of a bureau (its scope) or of a company (its own), with the list kit. */
export async function OrderList({ actor, basePath, sp }: { actor: Actor; basePath: string; sp: Record<string, string | string[] | undefined> }) {
  const f = parseFilters(orderFilterSchema, sp);
  const on = today();
  const { rows, total } = await listOrdersInScope(getDb(), actor, f, on);
  return (
    <div className="space-y-4">
      <FilterBar>
        <SelectFilter name="status" label="状态" value={f.status} options={ORDER_STATUS_OPTIONS} />
      </FilterBar>
      <ListResults
        path={basePath}
        filters={f}
        exportLink={actor.role === 'company' ? null : exportLinkOf(basePath, f)}
        schema={orderFilterSchema}
        total={total}
        pageSize={SUPERVISION_PAGE_SIZE}
        unit="件"
        caption={`责令限期整改通知，共 ${total} 件`}
        columns={orderColumns(basePath, on, actor.role !== 'company')}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ filtered: '没有符合条件的整改通知。', none: actor.role === 'company' ? '目前没有需要整改的事项。' : '还没有下发过整改通知。', next: { href: `${basePath}?status=all`, label: '查看全部' } }}
      />
    </div>
  );
}
