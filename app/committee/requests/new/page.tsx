import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { RequestForm } from '@/components/data-use/forms';
import { requireActor } from '@/lib/auth/actor';
import { fileCommitteeRequestAction } from '../actions';

export const metadata: Metadata = { title: '申请查询候选企业的从业人员信息', robots: { index: false } };

export default async function NewRequestPage() {
  await requireActor(['committee'], '/committee/requests/new');
  return (
    <SubPage back={{ href: '/committee/requests', label: '返回申请列表' }} title="申请查询候选企业的从业人员信息">
      <p className="text-slate-700">提交后，候选企业会在平台上看到申请并表示同意或不同意；企业同意后，由小区所在区县住建部门审批。</p>
      <RequestForm act={fileCommitteeRequestAction} kind="committee" />
    </SubPage>
  );
}
