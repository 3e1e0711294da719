import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { RequestForm } from '@/components/data-use/forms';
import { requireActor } from '@/lib/auth/actor';
import { fileCompanyRequestAction } from '../actions';

export const metadata: Metadata = { title: '申请获取本企业人员执业信息', robots: { index: false } };

export default async function NewCompanyRequestPage() {
  await requireActor(['company'], '/company/data-requests/new');
  return (
    <SubPage back={{ href: '/company/data-requests', label: '返回申请列表' }} title="申请获取本企业人员执业信息">
      <p className="text-slate-700">由本企业注册地的区县住建部门审核。</p>
      <RequestForm act={fileCompanyRequestAction} kind="company" />
    </SubPage>
  );
}
