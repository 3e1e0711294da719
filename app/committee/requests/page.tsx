import type { Metadata } from 'next';
import { RequesterListPage } from '@/components/data-use/pages';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '信息查询申请', robots: { index: false } };

export default async function RequestsPage() {
  const actor = await requireActor(['committee'], '/committee/requests');
  return (
    <RequesterListPage
      actor={actor}
      basePath="/committee/requests"
      title="信息查询申请"
      intro="选聘物业服务企业时，经该企业在平台上同意后，可以向小区所在区县住建部门申请查询其从业人员的执业信息（《遂宁市物业服务从业人员执业管理办法》第二十条第三项）。批准后在授权期限内逐人查看，每次查看都记入审计日志。"
    />
  );
}
