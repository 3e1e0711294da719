import type { Metadata } from 'next';
import { z } from 'zod';
import { FilterBar, parseFilters, SelectFilter, pageParam } from '@/components/list-kit/signed-in';
import { BureauRequestList } from '@/components/data-use/views';
import { getDb } from '@/db';
import { DATA_REQUEST_PAGE_SIZE, listDataRequestsInScope } from '@/db/queries/data-use';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { REQUEST_KIND_LABELS, REQUEST_KINDS } from '@/lib/domain/data-use';

export const metadata: Metadata = { title: '信息查询申请', robots: { index: false } };

const filterSchema = z.object({
  status: z.enum(['open', 'awaiting_consent', 'approved', 'done', 'all']).catch('open'),
  kind: z.enum(['all', ...REQUEST_KINDS]).catch('all'),
  page: pageParam(),
});

export default async function BureauDataRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/data-requests');
  const f = parseFilters(filterSchema, await searchParams);
  const { rows, total } = await listDataRequestsInScope(getDb(), actor, f);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">信息查询申请</h1>
      <p className="text-slate-700">
        企业、业主委员会（经企业同意）和相关部门（凭公函）申请使用从业人员执业信息（第二十条）。批准时确定可查看的人员、信息和截止日期；申请单位只能在期限内逐人查看，每次查看都记入审计日志。信息不得用于与物业服务无关的事项（第二十一条）。
      </p>
      <FilterBar>
        <SelectFilter
          name="status"
          label="状态"
          value={f.status}
          options={[
            { value: 'open', label: '待审批' },
            { value: 'awaiting_consent', label: '等待企业同意' },
            { value: 'approved', label: '已批准' },
            { value: 'done', label: '已办结' },
            { value: 'all', label: '全部' },
          ]}
        />
        <SelectFilter name="kind" label="类别" value={f.kind} options={[{ value: 'all', label: '全部' }, ...REQUEST_KINDS.map((k) => ({ value: k, label: REQUEST_KIND_LABELS[k] }))]} />
      </FilterBar>
      <BureauRequestList rows={rows} total={total} filters={f} pageSize={DATA_REQUEST_PAGE_SIZE} today={today()} />
    </div>
  );
}
