import { notFound } from 'next/navigation';
import Link from 'next/link';
import { BackLink } from '@/components/area/sub-page';
import { getDb } from '@/db';
import { listGrantPeople, listOwnDataRequests } from '@/db/queries/data-use';
import type { Actor } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { dataRequestInScope, viewGrantedPerson } from '@/lib/services/data-use';
import { GrantedPersonView, GrantPeople, RequestDetail, RequestList } from './views';

export const DONE_NOTICE = '已提交。审批结果会显示在本页。';

/** A requester's area: its requests and grants, newest first. */
export async function RequesterListPage({ actor, basePath, title, intro }: { actor: Actor; basePath: string; title: string; intro: string }) {
  const { rows } = await listOwnDataRequests(getDb(), actor, 1);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-700">{intro}</p>
      <p>
        <Link href={`${basePath}/new`} className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white">
          提出新的申请
        </Link>
      </p>
      <RequestList rows={rows} basePath={basePath} today={today()} who="requester" caption="本单位的信息查询申请" empty="还没有提出过申请。" />
    </div>
  );
}

/** One of the requester's requests, and the people of its grant while it is open. */
export async function RequesterDetailPage({ actor, id, basePath, backLabel, done }: { actor: Actor; id: string; basePath: string; backLabel: string; done: boolean }) {
  const r = await dataRequestInScope(getDb(), actor, id, 'requester');
  if (!r) notFound();
  const on = today();
  const people = r.status === 'approved' ? await listGrantPeople(getDb(), r.grantedPractitionerIds) : [];
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href={basePath}>{backLabel}</BackLink>
      {done && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          {DONE_NOTICE}
        </p>
      )}
      <RequestDetail r={r} today={on} letterHref={r.letterAttachmentId ? `/attachments/${r.letterAttachmentId}` : null} />
      <GrantPeople r={r} people={people} basePath={basePath} today={on} />
    </div>
  );
}

/** One granted person, read and audited in one transaction; nothing after the grant has expired. */
export async function GrantPersonPage({ actor, id, practitionerId, basePath }: { actor: Actor; id: string; practitionerId: string; basePath: string }) {
  const view = await viewGrantedPerson(getDb(), actor, { requestId: id, practitionerId }, { today: today() });
  if (!view.ok) notFound();
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href={`${basePath}/${id}`}>返回申请</BackLink>
      {view.data.state === 'expired' ? (
        <p role="status" className="rounded-lg bg-amber-50 p-5 text-amber-900">
          授权已于 {view.data.expiresOn} 到期，不能再查看。
        </p>
      ) : (
        <GrantedPersonView p={view.data.person} r={view.data.request} />
      )}
    </div>
  );
}
