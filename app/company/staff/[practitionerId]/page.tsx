import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FullIdView } from '@/components/practitioner/full-id-view';
import { entryTimingOf, STAFF_TYPE_LABELS } from '@/components/practitioner/labels';
import { PersonFile } from '@/components/practitioner/person-file';
import { PersonRecords } from '@/components/records/person-records';
import { loadPersonRecords } from '@/lib/records/load';
import { getDb } from '@/db';
import { listCompanyProjects, listPersonSubmissions } from '@/db/queries/practitioner-review';
import { requireActor } from '@/lib/auth/actor';
import { getPersonFileInScope } from '@/lib/services/practitioner-review';
import { SUBMISSION_STATUS_LABELS } from '@/lib/domain/labels';
import { MOVE_TYPES } from '@/lib/domain/practitioner-moves';
import { formatDate, formatDateTime } from '@/lib/format';
import { isUuid } from '@/lib/validation/ids';
import { viewFullIdAction } from '../actions';
import { EntryForm } from '../_components/entry-form';
import { PhotoForm } from '../_components/photo-form';
import { BackLink } from '@/components/area/sub-page';

export const metadata: Metadata = { title: '从业人员信息', robots: { index: false } };

export default async function CompanyPersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ practitionerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { practitionerId } = await params;
  const actor = await requireActor(['company'], `/company/staff/${practitionerId}`);
  if (!isUuid(practitionerId)) notFound();
  const db = getDb();
  // Only a person the company employs now or has entered and awaits review for; a former employee is not found.
  const file = await getPersonFileInScope(db, actor, practitionerId);
  if (!file.ok) notFound();
  const person = file.data;
  const [subs, sp, records] = await Promise.all([listPersonSubmissions(db, actor, practitionerId), searchParams, loadPersonRecords(actor, practitionerId)]);
  const mine = person.employments.filter((e) => e.companyId === actor.companyId);
  const open = mine.find((e) => e.status === 'pending' || e.status === 'current');
  const entry = subs.find((s) => s.type === 'practitioner_entry');
  const timing = entry ? entryTimingOf(entry.payload, entry.dueOn) : null;
  const returned = entry?.status === 'returned' && open?.status === 'pending' ? entry : null;
  const projects = returned ? await listCompanyProjects(db, actor.companyId!) : [];

  return (
    <div className="space-y-5">
      <BackLink href="/company/staff">返回从业人员</BackLink>
      <h1 className="text-2xl font-bold">{person.name}</h1>
      {(sp.entered || sp.corrected) && (
        <div role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          <p>{sp.corrected ? '已修改并重新提交审核。' : '登记已提交，等待区县住建部门审核。'}</p>
          {timing?.deadline && (
            <p>
              登记期限：{formatDate(timing.deadline)}
              {timing.late ? `，逾期 ${timing.workingDaysOverdue} 个工作日` : '，按期登记'}
            </p>
          )}
        </div>
      )}
      {entry && (
        <dl className="grid gap-x-6 gap-y-1 rounded-lg bg-white p-5 text-sm shadow-sm sm:grid-cols-[9rem_1fr]">
          <dt className="text-slate-600">登记审核</dt>
          <dd>{SUBMISSION_STATUS_LABELS[entry.status] ?? entry.status}</dd>
          <dt className="text-slate-600">登记期限</dt>
          <dd>
            {timing?.deadline ? formatDate(timing.deadline) : '—'}
            {timing?.late && <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900">逾期 {timing.workingDaysOverdue} 个工作日</span>}
          </dd>
        </dl>
      )}
      <PersonFile person={person} idSlot={open ? <FullIdView practitionerId={person.id} action={viewFullIdAction} /> : undefined} />
      {open && !person.photoId && <PhotoForm practitionerId={person.id} />}
      {open?.status === 'current' && (
        <nav aria-label="人员变动" className="flex flex-wrap gap-2">
          <Link href={`/company/moves/post-change?practitionerId=${person.id}`} className="rounded border border-brand-700 px-4 py-2 text-brand-800">
            岗位调整
          </Link>
          <Link href={`/company/moves/exit?practitionerId=${person.id}`} className="rounded border border-slate-500 px-4 py-2 text-slate-800">
            申报退出行业
          </Link>
        </nav>
      )}

      <PersonRecords
        rows={records.rows}
        underObjection={records.underObjection}
        hrefOf={(id) => `/company/records/${id}`}
        noticeHrefOf={(id) => `/company/records/${id}/notice`}
        actions={
          open?.status === 'current' && (
            <p className="flex flex-wrap gap-2 text-sm">
              <Link href={`/company/records/new-good?pid=${person.id}`} className="text-brand-800 underline">
                登记优良信息
              </Link>
              <Link href={`/company/records/new-report?pid=${person.id}`} className="text-brand-800 underline">
                报送不良行为线索
              </Link>
            </p>
          )
        }
      />

      <section aria-labelledby="subs-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="subs-heading" className="mb-3 text-lg font-semibold">
          本企业提交的申请
        </h2>
        {subs.length === 0 ? (
          <p className="text-sm text-slate-600">无</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="p-2">类型</th>
                <th scope="col" className="p-2">提交时间</th>
                <th scope="col" className="p-2">状态</th>
                <th scope="col" className="p-2">审核意见</th>
              </tr>
            </thead>
            <tbody>
              {subs.map((s) => (
                <tr key={s.id} className="border-b border-slate-100">
                  <td className="p-2">
                    {MOVE_TYPES.includes(s.type as never) ? (
                      <Link href={`/company/moves/${s.id}`} className="text-brand-800 underline">
                        {STAFF_TYPE_LABELS[s.type] ?? s.type}
                      </Link>
                    ) : (
                      (STAFF_TYPE_LABELS[s.type] ?? s.type)
                    )}
                  </td>
                  <td className="p-2">{formatDateTime(s.submittedAt)}</td>
                  <td className="p-2">{SUBMISSION_STATUS_LABELS[s.status] ?? s.status}</td>
                  <td className="p-2">{s.reason || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {returned && open && (
        <section aria-labelledby="correct-heading" className="space-y-3">
          <h2 id="correct-heading" className="text-xl font-semibold">
            按审核意见修改后重新提交
          </h2>
          <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">退回理由：{returned.reason}</p>
          <EntryForm
            projects={projects}
            correction={{
              submissionId: returned.id,
              expectedVersion: returned.version,
              defaults: {
                name: person.name,
                idNumber: '',
                ethnicity: person.ethnicity as never,
                nativePlace: person.nativePlace,
                politicalStatus: person.politicalStatus as never,
                mobile: person.mobile,
                school: person.school ?? '',
                major: person.major ?? '',
                education: person.education as never,
                skills: person.skills ?? '',
                certificates: person.certificates.map((c) => ({ name: c.name, number: c.number, issuer: c.issuer, validUntil: c.validUntil ?? '' })),
                hiredOn: person.hiredOn,
                labourContractOn: person.labourContractOn,
                projectId: open.projectId ?? '',
                post: open.post as never,
              },
            }}
          />
        </section>
      )}
    </div>
  );
}
