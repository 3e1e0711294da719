import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getCurrentJob } from '@/db/queries/practitioner-moves';
import { listCompanyProjects } from '@/db/queries/practitioner-review';
import { requireActor } from '@/lib/auth/actor';
import { currentPolicy } from '@/lib/policy';
import { isUuid } from '@/lib/validation/ids';
import { PostChangeForm } from '@/components/practitioner/move-forms';

export const metadata: Metadata = { title: '岗位调整', robots: { index: false } };

export default async function PostChangePage({ searchParams }: { searchParams: Promise<{ practitionerId?: string }> }) {
  const { practitionerId } = await searchParams;
  const actor = await requireActor(['company'], '/company/moves/post-change');
  if (!practitionerId || !isUuid(practitionerId)) notFound();
  const db = getDb();
  const job = await getCurrentJob(db, practitionerId);
  if (!job || job.companyId !== actor.companyId) notFound();
  const [projects, { settings }] = await Promise.all([listCompanyProjects(db, actor.companyId!), currentPolicy()]);
  return (
    <SubPage back={{ href: `/company/staff/${practitionerId}`, label: '返回人员详情' }} title={<>岗位调整：{job.name}</>}>
      <p className="text-sm text-slate-600">
        现岗位：{job.projectName} · {job.post}（自 {job.startDate}）。本企业内调整服务项目或岗位的，应在调整后 {settings.postChangeFilingDays} 日内申报，区县住建部门审核通过后完成变更（SN 15）。
      </p>
      <PostChangeForm practitionerId={practitionerId} projects={projects} current={{ projectId: job.projectId, post: job.post }} filingDays={settings.postChangeFilingDays} />
    </SubPage>
  );
}
