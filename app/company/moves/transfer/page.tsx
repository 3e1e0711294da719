import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { getDb } from '@/db';
import { listCompanyProjects } from '@/db/queries/practitioner-review';
import { requireActor } from '@/lib/auth/actor';
import { currentPolicy } from '@/lib/policy';
import { TransferRequestForm } from '@/components/practitioner/move-forms';

export const metadata: Metadata = { title: '跨企业流动（调入）', robots: { index: false } };

export default async function TransferPage() {
  const actor = await requireActor(['company'], '/company/moves/transfer');
  const [projects, { settings }] = await Promise.all([listCompanyProjects(getDb(), actor.companyId!), currentPolicy()]);
  return (
    <SubPage back={{ href: '/company/moves', label: '返回人员变动' }} title={'跨企业流动（调入）'}>
      <div className="rounded-lg bg-white p-4 text-sm shadow-sm">
        <p>
          已在其他物业服务企业在职登记的人员到本企业工作的，应在入职后 {settings.postChangeFilingDays} 日内在此申请调出其信息（SN 16）。原企业在平台上同意后，人员信息转入本企业，本企业更新信息后提交区县住建部门审核。原企业无正当理由拒不同意或逾期不答复的，区县住建部门核实后可直接调出。
        </p>
        <p className="mt-2 text-slate-600">首次从事物业服务的人员请办理入职登记；已退出行业的人员请办理重新执业。</p>
      </div>
      <TransferRequestForm projects={projects} />
    </SubPage>
  );
}
