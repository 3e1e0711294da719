import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listCompanyProjects } from '@/db/queries/practitioner-review';
import { requireActor } from '@/lib/auth/actor';
import { EntryForm } from '../_components/entry-form';
import { BackLink } from '@/components/area/sub-page';

export const metadata: Metadata = { title: '从业人员实名登记', robots: { index: false } };

export default async function NewStaffPage() {
  const actor = await requireActor(['company'], '/company/staff/new');
  const projects = await listCompanyProjects(getDb(), actor.companyId!);
  return (
    <div className="space-y-5">
      <BackLink href="/company/staff">返回从业人员</BackLink>
      <h1 className="text-2xl font-bold">从业人员实名登记</h1>
      {projects.length === 0 ? (
        <p className="rounded-lg bg-white p-5 shadow-sm">本企业目前没有在管项目，暂不能登记从业人员。请先登记物业服务合同并经确认。</p>
      ) : (
        <EntryForm projects={projects} />
      )}
    </div>
  );
}
