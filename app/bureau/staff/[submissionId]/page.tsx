import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FullIdView } from '@/components/practitioner/full-id-view';
import { entryTimingOf, STAFF_TYPE_LABELS } from '@/components/practitioner/labels';
import { PersonFile } from '@/components/practitioner/person-file';
import { PersonRecords } from '@/components/records/person-records';
import { loadPersonRecords } from '@/lib/records/load';
import { MoveSummary } from '@/components/practitioner/move-summary';
import { MOVE_TYPES } from '@/lib/domain/practitioner-moves';
import { getDb } from '@/db';
import { getPractitionerFile, getStaffSubmissionInScope, practitionerInScope } from '@/db/queries/practitioner-review';
import { submissionExists } from '@/db/queries/submissions';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { SUBMISSION_STATUS_LABELS } from '@/lib/domain/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import { entryApprovalProblem } from '@/lib/services/practitioner-deciders';
import { isUuid } from '@/lib/validation/ids';
import { decideStaffAction, viewFullIdAction } from '../actions';
import { DecisionForm } from '@/components/forms/decision-form';

export const metadata: Metadata = { title: '审核从业人员申请', robots: { index: false } };

export default async function StaffReviewPage({ params }: { params: Promise<{ submissionId: string }> }) {
  const { submissionId } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/staff/${submissionId}`);
  if (!isUuid(submissionId)) notFound();
  const db = getDb();
  const s = await getStaffSubmissionInScope(db, actor, submissionId);
  if (!s) {
    if (await submissionExists(db, submissionId)) await recordOutOfScope(actor, 'submission', submissionId);
    notFound();
  }
  const person = s.subjectId ? await getPractitionerFile(db, s.subjectId) : null;
  if (!person) notFound();
  const records = await loadPersonRecords(actor, person.id);
  // The photo and the full ID number only while the person works (or awaits review) in the actor's scope.
  const current = await practitionerInScope(db, actor, person.id);
  const timing = s.type === 'practitioner_entry' ? entryTimingOf(s.payload, s.dueOn) : null;
  const blocked = s.status === 'submitted' && s.type === 'practitioner_entry' ? await entryApprovalProblem(db, s) : null;
  return (
    <div className="space-y-5">
      <p>
        <Link href="/bureau/staff" className="text-brand-800 underline">
          返回审核列表
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {STAFF_TYPE_LABELS[s.type] ?? s.type}：{person.name}
      </h1>
      <dl className="grid gap-x-6 gap-y-1 rounded-lg bg-white p-5 text-sm shadow-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-600">申请状态</dt>
        <dd>{SUBMISSION_STATUS_LABELS[s.status] ?? s.status}</dd>
        <dt className="text-slate-600">企业</dt>
        <dd>
          {s.companyName ?? '—'}
          {s.priority > 0 && <span className="ml-2 rounded bg-emerald-100 px-1 text-xs text-emerald-900">绿色通道</span>}
        </dd>
        <dt className="text-slate-600">小区</dt>
        <dd>{s.projectName ?? '—'}</dd>
        <dt className="text-slate-600">提交时间</dt>
        <dd>{formatDateTime(s.submittedAt)}</dd>
        {timing && (
          <>
            <dt className="text-slate-600">登记期限</dt>
            <dd>
              {timing.deadline ? formatDate(timing.deadline) : '—'}（签订劳动合同之日起 10 个工作日内）
              {timing.late ? (
                <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900">逾期 {timing.workingDaysOverdue} 个工作日</span>
              ) : (
                <span className="ml-2">按期</span>
              )}
            </dd>
          </>
        )}
        {s.decidedAt && (
          <>
            <dt className="text-slate-600">审核</dt>
            <dd>
              {formatDateTime(s.decidedAt)} {s.decidedByName ?? ''}
              {s.reason ? `：${s.reason}` : ''}
            </dd>
          </>
        )}
      </dl>
      {MOVE_TYPES.includes(s.type as never) && (
        <section aria-labelledby="move-heading" className="space-y-2">
          <h2 id="move-heading" className="text-lg font-semibold">
            申请事项
          </h2>
          <MoveSummary move={{ type: s.type, status: s.status, payload: s.payload as Record<string, unknown> }} showUpdate />
        </section>
      )}
      <PersonFile
        person={person}
        idSlot={current ? <FullIdView practitionerId={person.id} action={viewFullIdAction} /> : undefined}
        photoNote={current ? undefined : '该人员已不在本辖区执业，不显示证件照'}
      />
      <PersonRecords rows={records.rows} underObjection={records.underObjection} hrefOf={(id) => `/bureau/records/${id}`} noticeHrefOf={(id) => `/bureau/records/${id}/notice`} />
      {s.status === 'submitted' && (
        <section aria-labelledby="decide-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="decide-heading" className="mb-3 text-lg font-semibold">
            审核
          </h2>
          <DecisionForm
            action={decideStaffAction}
            hidden={{ id: s.id, expectedVersion: s.version }}
            approveLabel="审核通过"
            rejectLabel="不予通过"
            approveBlocked={blocked}
          />
        </section>
      )}
    </div>
  );
}
