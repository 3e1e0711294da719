import type { Metadata } from 'next';
import Link from 'next/link';
import { DecisionForm } from '@/components/forms/decision-form';
import { inputClass } from '@/components/forms/field';
import { RecordDetailView } from '@/components/records/record-detail';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { BAD_RECORD_TYPES } from '@/lib/domain/records';
import { loadRecordPage } from '@/lib/records/load';
import { decideRecordAction } from '../actions';

export const metadata: Metadata = { title: '审核人员奖惩记录', robots: { index: false } };

export default async function BureauRecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/records/${id}`);
  const { record: r, objectionOpen } = await loadRecordPage(actor, id, { decide: true });
  const entered = (await searchParams).entered === '1';
  const isReport = r.kind === 'bad';
  return (
    <div className="space-y-5">
      <p>
        <Link href="/bureau/records" className="text-brand-800 underline">
          返回审核列表
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {r.kind === 'good' ? '优良信息' : r.status === 'submitted' ? '不良行为线索' : '不良行为记录'}：{r.name}
      </h1>
      {entered && r.noticeCode && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已录入不良行为记录并通知所在企业。告知书编号 <span className="font-mono">{r.noticeCode}</span>。
        </p>
      )}
      {r.noticeCode && (
        <p>
          <Link href={`/bureau/records/${r.id}/notice`} className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            打印告知书
          </Link>
        </p>
      )}
      <RecordDetailView r={r} objectionOpen={objectionOpen} />
      {r.status === 'submitted' && can(actor, 'record.decide') && (
        <section aria-labelledby="decide-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="decide-heading" className="mb-1 text-lg font-semibold">
            审核
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {isReport
              ? '核实后予以记录（可调整类型和事实表述），记录即在平台公开，同时通知所在企业并生成告知书；或写明理由不予记录。'
              : '审核通过后记录在平台并在业主端公开；不予记录须写明理由。'}
          </p>
          <DecisionForm
            action={decideRecordAction}
            hidden={{ id: r.id, expectedVersion: r.version }}
            approveLabel="予以记录"
            rejectLabel="不予记录"
            approveBlocked={null}
            returnLabel={null}
            audience="报送单位"
          >
            {isReport && (
              <>
                <div>
                  <label htmlFor="type" className="block font-medium">
                    记录类型（可调整）
                  </label>
                  <select id="type" name="type" defaultValue={r.type} className={inputClass}>
                    {BAD_RECORD_TYPES.map((t, i) => (
                      <option key={t} value={t}>
                        {i + 1}. {t}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor="description" className="block font-medium">
                    记录的事实表述（可调整）
                  </label>
                  <textarea id="description" name="description" defaultValue={r.description} rows={4} maxLength={1000} className={inputClass} />
                </div>
              </>
            )}
          </DecisionForm>
        </section>
      )}
    </div>
  );
}
