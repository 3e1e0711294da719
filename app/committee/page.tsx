import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { WhoAmI } from '@/components/area/area-shell';
import { getDb } from '@/db';
import { getCommitteeEstate } from '@/db/queries/area-home';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '业主委员会工作台', robots: { index: false } };

export default async function CommitteeHome() {
  const actor = await requireActor(['committee'], '/committee');
  const estate = await getCommitteeEstate(getDb(), actor);
  if (!estate) notFound();
  return (
    <div className="space-y-6">
      <WhoAmI actor={actor} scope={`${estate.name}（${estate.districtName}）`} />
      <section aria-labelledby="estate-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="estate-heading" className="text-lg font-semibold">
          本小区
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">小区</dt>
          <dd>{estate.name}</dd>
          <dt className="text-slate-600">地址</dt>
          <dd>{estate.address}</dd>
          <dt className="text-slate-600">物业服务企业</dt>
          <dd>{estate.companyName ?? '暂无'}</dd>
        </dl>
      </section>
      <section aria-labelledby="data-use-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="data-use-heading" className="text-lg font-semibold">
          选聘物业服务企业
        </h2>
        <p className="mt-2 text-sm">
          经候选企业在平台上同意，可以向区县住建部门申请查询其从业人员的执业信息（第二十条第三项）：
          <Link href="/committee/requests" className="text-brand-800 underline">
            信息查询申请
          </Link>
          。
        </p>
      </section>
    </div>
  );
}
