import type { Metadata } from 'next';
import { parseFilters } from '@/components/list-kit/params';
import { ObjectionList } from '@/components/objections/objection-list';
import { getDb } from '@/db';
import { listObjectionsInScope, OBJECTION_PAGE_SIZE } from '@/db/queries/objections';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { ExportLink } from '@/components/list-kit/export-link';
import { objectionFilterSchema } from './filters';

export const metadata: Metadata = { title: '信息异议', robots: { index: false } };


export default async function ObjectionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/objections');
  const sp = await searchParams;
  const f = parseFilters(objectionFilterSchema, sp);
  const { rows, total } = await listObjectionsInScope(getDb(), actor, f, today());
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">信息异议</h1>
      <p className="text-slate-700">
        从业人员对本人登记信息的异议，企业、从业人员和公众对信用记录、奖惩记录的异议。请核实后更正并公开更正内容，或说明维持原信息的理由；处理中的对象在公开页面显示“异议处理中”。
      </p>
      <p>
        <ExportLink path="/bureau/objections" filters={f} />
      </p>
      <ObjectionList basePath="/bureau/objections" rows={rows} total={total} status={f.status} subject={f.subject} page={f.page} pageSize={OBJECTION_PAGE_SIZE} />
    </div>
  );
}
