import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { creditRecordExists, findOpenRepair, getCreditRecordInScope } from '@/db/queries/credit-records';
import { currentPolicy } from '@/lib/policy';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { CREDIT_PHASE_LABELS } from '@/lib/domain/labels';
import { creditRecordPhase, repairRefusal } from '@/lib/domain/records';
import { isUuid } from '@/lib/validation/ids';
import { RepairForm } from '../../_components/repair-form';
import { BackLink } from '@/components/area/sub-page';
import { PublicityDates } from '@/components/credit/publicity-dates';

export const metadata: Metadata = { title: '申请信用修复', robots: { index: false } };

export default async function RepairPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/credit/${id}/repair`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const record = await inScopeOrNotFound(actor, await getCreditRecordInScope(db, actor, id), { type: 'credit_record', id, exists: () => creditRecordExists(db, id) });
  const on = today();
  const policy = await currentPolicy();
  const refusal = repairRefusal(record, on, policy.settings);
  const open = await findOpenRepair(db, id);
  return (
    <div className="space-y-5">
      <BackLink href="/company/credit">返回企业信用记录</BackLink>
      <h1 className="text-2xl font-bold">申请信用修复</h1>
      <section aria-labelledby="record-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="record-heading" className="text-lg font-semibold">
          {record.type}
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">状态</dt>
          <dd>{CREDIT_PHASE_LABELS[creditRecordPhase(record, on, policy.settings)]}</dd>
          <dt className="text-slate-600">情节</dt>
          <dd>{record.severity ?? '—'}</dd>
          <PublicityDates record={record} />
        </dl>
      </section>
      {refusal ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          {refusal}
        </p>
      ) : open ? (
        <p role="status" className="rounded bg-slate-100 px-3 py-2 text-slate-800">
          该记录已有一份信用修复申请正在审核，请等待审核结果。
        </p>
      ) : (
        <section aria-labelledby="apply-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="apply-heading" className="mb-1 text-lg font-semibold">
            申请材料
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            已纠正失信行为、消除不良影响的，提交整改证明材料和信用承诺书；住建部门在收到完整申请后 {policy.settings.creditRepairDecisionWorkingDays}{' '}
            个工作日内作出决定。修复后该记录不再公示，也不再计入信用评价，但仍保留在内部档案中。
          </p>
          <RepairForm recordId={record.id} />
        </section>
      )}
    </div>
  );
}
