import type { Metadata } from 'next';
import Link from 'next/link';
import { RequestList } from '@/components/data-use/views';
import { getDb } from '@/db';
import { listConsentRequests, listOwnDataRequests } from '@/db/queries/data-use';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';

export const metadata: Metadata = { title: '信息查询申请', robots: { index: false } };

export default async function CompanyDataRequestsPage() {
  const actor = await requireActor(['company'], '/company/data-requests');
  const db = getDb();
  const on = today();
  const [asked, own] = await Promise.all([listConsentRequests(db, actor, 1), listOwnDataRequests(db, actor, 1)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">信息查询申请</h1>
      <section aria-labelledby="consent-heading" className="space-y-3">
        <h2 id="consent-heading" className="text-lg font-semibold">
          业主委员会申请查询本企业人员信息
        </h2>
        <p className="text-slate-700">业主委员会选聘物业服务企业时，须经本企业在平台上同意，才能向住建部门申请查询本企业从业人员的执业信息（第二十条第三项）。请逐件表示同意或不同意。</p>
        <RequestList rows={asked.rows} basePath="/company/data-requests" today={on} who="company" caption="待本企业表示意见的申请" empty="目前没有业主委员会的申请。" />
      </section>
      <section aria-labelledby="own-heading" className="space-y-3">
        <h2 id="own-heading" className="text-lg font-semibold">
          本企业的申请
        </h2>
        <p className="text-slate-700">参与项目竞标、开展人员招聘等需要时，可以申请获取本企业从业人员的执业信息，经注册地区县住建部门审核通过后在授权期限内查看（第二十条第二项）。</p>
        <p>
          <Link href="/company/data-requests/new" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white">
            提出新的申请
          </Link>
        </p>
        <RequestList rows={own.rows} basePath="/company/data-requests" today={on} who="requester" caption="本企业的信息查询申请" empty="还没有提出过申请。" />
      </section>
    </div>
  );
}
