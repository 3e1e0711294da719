import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listCompanyEstates } from '@/db/queries/credit-records';
import { PERFORMANCE_TYPES } from '@/db/seed/names';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { PerformanceForm } from '../_components/performance-form';
import { BackLink } from '@/components/area/sub-page';

export const metadata: Metadata = { title: '报送业绩信用信息', robots: { index: false } };

export default async function NewPerformancePage() {
  const actor = await requireActor(['company'], '/company/credit/new-performance');
  const estates = actor.companyId ? await listCompanyEstates(getDb(), actor.companyId) : [];
  return (
    <div className="space-y-5">
      <BackLink href="/company/credit">返回企业信用记录</BackLink>
      <h1 className="text-2xl font-bold">报送业绩信用信息</h1>
      <p className="text-slate-700">
        政府有关部门授予企业或其服务项目的奖励，以及经营管理中形成的良好管理信息，由企业及时报送住建部门；住建部门核准分值后，作为业绩信用信息（红榜）公示
        1 年（“红黑榜”管理办法第四条、第八条）。
      </p>
      <section className="rounded-lg bg-white p-5 shadow-sm">
        <PerformanceForm estates={estates} suggestions={PERFORMANCE_TYPES.map(([t]) => t)} today={today()} />
      </section>
    </div>
  );
}
