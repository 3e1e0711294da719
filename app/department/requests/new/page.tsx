import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { RequestForm } from '@/components/data-use/forms';
import { requireActor } from '@/lib/auth/actor';
import { fileDepartmentRequestAction } from '../actions';

export const metadata: Metadata = { title: '凭公函申请查询从业人员信息', robots: { index: false } };

export default async function NewRequestPage() {
  await requireActor(['department'], '/department/requests/new');
  return (
    <SubPage back={{ href: '/department/requests', label: '返回申请列表' }} title="凭公函申请查询从业人员信息">
      <p className="text-slate-700">由所涉企业注册地的区县住建部门审批。请上传加盖公章的公函。</p>
      <RequestForm act={fileDepartmentRequestAction} kind="department" />
    </SubPage>
  );
}
