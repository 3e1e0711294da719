import type { Metadata } from 'next';
import { RequesterListPage } from '@/components/data-use/pages';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '凭公函查询从业人员信息', robots: { index: false } };

export default async function RequestsPage() {
  const actor = await requireActor(['department'], '/department/requests');
  return (
    <RequesterListPage
      actor={actor}
      basePath="/department/requests"
      title="凭公函查询从业人员信息"
      intro="相关部门申请使用物业服务从业人员执业信息，应以正式公函告知属地住建主管部门，写明使用事项、用途及范围，并承诺履行信息保护义务（第二十条第四项）。批准后在授权期限内逐人查看，每次查看都记入审计日志。"
    />
  );
}
