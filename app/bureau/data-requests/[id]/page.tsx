import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { DecisionForm } from '@/components/data-use/forms';
import { RequestDetail } from '@/components/data-use/views';
import { getDb } from '@/db';
import { listCompanyStaffChoices, listGrantPeople } from '@/db/queries/data-use';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { defaultExpiry, latestExpiry, mayDecide } from '@/lib/domain/data-use';
import { dataRequestInScope } from '@/lib/services/data-use';
import { decideDataRequestAction } from '../actions';

export const metadata: Metadata = { title: '审批信息查询申请', robots: { index: false } };

export default async function BureauDataRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/data-requests/${id}`);
  const db = getDb();
  const r = await dataRequestInScope(db, actor, id, 'bureau');
  if (!r) notFound();
  const on = today();
  const decidable = mayDecide(r);
  // The person's own request covers the person only; the others, the company's current staff.
  const staff =
    decidable && r.kind === 'own' && r.requesterPractitionerId
      ? [{ id: r.requesterPractitionerId, name: r.requesterName, post: '本人', projectName: null }]
      : decidable && r.companyId
        ? await listCompanyStaffChoices(db, r.companyId)
        : [];
  const named = new Set(r.requestedNames);
  const preselected = r.subjects === 'listed' ? staff.filter((p) => named.has(p.name)).map((p) => p.id) : staff.map((p) => p.id);
  const granted = r.status === 'approved' ? await listGrantPeople(db, r.grantedPractitionerIds) : [];
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href="/bureau/data-requests">返回申请列表</BackLink>
      {(await searchParams).done === '1' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已审批，申请单位可以在其工作台看到结果。
        </p>
      )}
      <RequestDetail r={r} today={on} letterHref={r.letterAttachmentId ? `/attachments/${r.letterAttachmentId}` : null} />
      {granted.length > 0 && (
        <section aria-labelledby="granted-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="granted-heading" className="text-lg font-semibold">
            授权查看的人员（{granted.length} 人）
          </h2>
          <p className="text-sm">{granted.map((p) => p.name).join('、')}</p>
          <p className="text-sm text-slate-600">每次查看记入审计日志（“按授权查看从业人员执业信息”）。</p>
        </section>
      )}
      {decidable && (
        <section aria-labelledby="decide-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="decide-heading" className="text-lg font-semibold">
            审批
          </h2>
          <DecisionForm
            act={decideDataRequestAction}
            requestId={r.id}
            version={r.version}
            staff={staff}
            preselected={preselected}
            defaultExpiry={defaultExpiry(on)}
            latestExpiry={latestExpiry(on)}
          />
        </section>
      )}
      {r.status === 'awaiting_consent' && <p className="rounded-lg bg-white p-5 shadow-sm">企业尚未表示同意，暂不能审批。</p>}
    </div>
  );
}
