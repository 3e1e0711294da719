import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { ConsentForm } from '@/components/data-use/forms';
import { DONE_NOTICE } from '@/components/data-use/pages';
import { GrantPeople, RequestDetail } from '@/components/data-use/views';
import { getDb } from '@/db';
import { listGrantPeople } from '@/db/queries/data-use';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { mayConsent } from '@/lib/domain/data-use';
import { companyRequestInScope } from '@/lib/services/data-use';
import { answerConsentAction } from '../actions';

export const metadata: Metadata = { title: '信息查询申请', robots: { index: false } };

export default async function CompanyDataRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/data-requests/${id}`);
  const found = await companyRequestInScope(getDb(), actor, id);
  if (!found) notFound();
  const { view, r } = found;
  const on = today();
  const people = view === 'requester' && r.status === 'approved' ? await listGrantPeople(getDb(), r.grantedPractitionerIds) : [];
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href="/company/data-requests">返回申请列表</BackLink>
      {(await searchParams).done === '1' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          {view === 'consent' ? '已提交本企业的意见。' : DONE_NOTICE}
        </p>
      )}
      <RequestDetail r={r} today={on} />
      {view === 'consent' && mayConsent(r) && (
        <section aria-labelledby="consent-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="consent-heading" className="text-lg font-semibold">
            是否同意
          </h2>
          <p className="text-sm text-slate-700">同意后，由小区所在区县住建部门审批；批准的范围和期限由住建部门决定，本企业可以在此页看到结果。</p>
          <ConsentForm act={answerConsentAction} requestId={r.id} version={r.version} />
        </section>
      )}
      {view === 'requester' && <GrantPeople r={r} people={people} basePath="/company/data-requests" today={on} />}
    </div>
  );
}
