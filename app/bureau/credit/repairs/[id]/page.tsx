import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecisionForm } from '@/components/forms/decision-form';
import { getDb } from '@/db';
import { getCreditRecordInScope, getRepairInScope, listRecordAttachments, type RepairPayload } from '@/db/queries/credit-records';
import { submissionExists, submissionScope } from '@/db/queries/submissions';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { SUBMISSION_STATUS_LABELS } from '@/lib/domain/labels';
import { repairIsOverdue } from '@/lib/domain/records';
import { formatDate, formatDateTime } from '@/lib/format';
import { isUuid } from '@/lib/validation/ids';
import { decideRepairAction } from '../../actions';
import { BackLink } from '@/components/area/sub-page';
import { PublicityDates } from '@/components/credit/publicity-dates';

export const metadata: Metadata = { title: '信用修复申请', robots: { index: false } };

export default async function RepairReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/credit/repairs/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const s = await getRepairInScope(db, submissionScope(actor), id);
  if (!s) {
    if (await submissionExists(db, id)) await recordOutOfScope(actor, 'submission', id);
    notFound();
  }
  const [record, files] = await Promise.all([s.recordId ? getCreditRecordInScope(db, actor, s.recordId) : null, listRecordAttachments(db, 'submission', s.id)]);
  const payload = s.payload as RepairPayload;
  const on = today();
  const late = s.status === 'submitted' && repairIsOverdue(s.decideBy, on);
  return (
    <div className="space-y-6">
      <BackLink href="/bureau/credit">返回企业信用记录</BackLink>
      <h1 className="text-2xl font-bold">信用修复申请：{s.companyName}</h1>
      <section aria-labelledby="app-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="app-heading" className="mb-2 text-lg font-semibold">
          申请
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">状态</dt>
          <dd>
            {SUBMISSION_STATUS_LABELS[s.status] ?? s.status}
            {s.reason ? `：${s.reason}` : ''}
          </dd>
          <dt className="text-slate-600">提交时间</dt>
          <dd>{formatDateTime(s.submittedAt)}</dd>
          <dt className="text-slate-600">应决定日期</dt>
          <dd>
            {formatDate(s.decideBy)}
            {late && <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-900">逾期</span>}
          </dd>
          <dt className="text-slate-600">整改情况</dt>
          <dd className="whitespace-pre-wrap">{payload.rectification}</dd>
          <dt className="text-slate-600">申请材料</dt>
          <dd>
            {files.length === 0 && '未附文件'}
            <ul>
              {files.map((f) => (
                <li key={f.id}>
                  <a href={`/attachments/${f.id}`} className="text-brand-800 underline">
                    {f.kind === 'commitment' ? '信用承诺书' : '整改证明材料'}（{f.filename}）
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="record-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="record-heading" className="mb-2 text-lg font-semibold">
          申请修复的记录
        </h2>
        {record ? (
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-600">事项</dt>
            <dd>
              <Link href={`/bureau/credit/${record.id}`} className="text-brand-800 underline">
                {record.type}
              </Link>
            </dd>
            <dt className="text-slate-600">情节 · 分值</dt>
            <dd>
              {record.severity ?? '—'} · 扣 {Number(record.points ?? 0)} 分
            </dd>
            <dt className="text-slate-600">事实</dt>
            <dd>{record.description}</dd>
            <PublicityDates record={record} />
          </dl>
        ) : (
          <p className="text-slate-600">{s.recordType}</p>
        )}
      </section>
      {s.status === 'submitted' && (
        <section aria-labelledby="decide-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="decide-heading" className="mb-3 text-lg font-semibold">
            决定
          </h2>
          <p className="mb-3 text-sm text-slate-700">准予修复后，该记录不再公示，也不再计入信用评价，但保留在内部档案中。</p>
          <DecisionForm
            action={decideRepairAction}
            hidden={{ id: s.id, expectedVersion: s.version }}
            approveLabel="准予信用修复"
            rejectLabel="不予修复"
            approveBlocked={null}
            returnLabel={null}
          />
        </section>
      )}
    </div>
  );
}
