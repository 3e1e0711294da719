import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getCurrentJob } from '@/db/queries/practitioner-moves';
import { requireActor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/validation/ids';
import { ExitForm } from '@/components/practitioner/move-forms';

export const metadata: Metadata = { title: '退出行业', robots: { index: false } };

export default async function ExitPage({ searchParams }: { searchParams: Promise<{ practitionerId?: string }> }) {
  const { practitionerId } = await searchParams;
  const actor = await requireActor(['company'], '/company/moves/exit');
  if (!practitionerId || !isUuid(practitionerId)) notFound();
  const job = await getCurrentJob(getDb(), practitionerId);
  if (!job || job.companyId !== actor.companyId) notFound();
  return (
    <SubPage back={{ href: `/company/staff/${practitionerId}`, label: '返回人员详情' }} title={<>退出行业：{job.name}</>}>
      <p className="text-sm text-slate-600">
        人员退出物业服务行业的，由所在企业申报；区县住建部门审核通过后，该人员从在职名单中移除并归档保存（SN 17）。仅换到其他物业企业工作的，不是退出行业，由新企业办理跨企业流动。
      </p>
      <ExitForm practitionerId={practitionerId} />
    </SubPage>
  );
}
