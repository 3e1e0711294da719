import type { Metadata } from 'next';
import Link from 'next/link';
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
    <div className="max-w-3xl space-y-4">
      <p>
        <Link href={`/company/staff/${practitionerId}`} className="text-brand-800 underline">
          返回人员详情
        </Link>
      </p>
      <h1 className="text-xl font-bold">岗位调整：{job.name}</h1>
      <p className="text-sm text-slate-600">
        现岗位：{job.projectName} · {job.post}（自 {job.startDate}）。本企业内调整服务项目或岗位的，应在调整后 {settings.postChangeFilingDays} 日内申报，区县住建部门审核通过后完成变更（SN 15）。
      </p>
      <PostChangeForm practitionerId={practitionerId} projects={projects} current={{ projectId: job.projectId, post: job.post }} filingDays={settings.postChangeFilingDays} />
    </div>
  );
}
